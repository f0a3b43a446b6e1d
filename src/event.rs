//! The normalised [`Event`] that every stage speaks: one call, SMS or e-mail,
//! with a locator back to the evidence it came from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How the contact reached the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    /// A phone call (answered, missed, rejected or blocked).
    Call,
    /// A text message (SMS or the text of an MMS).
    Sms,
    /// An e-mail message.
    Email,
}

impl Channel {
    /// The lower-case id used in outputs.
    pub fn id(self) -> &'static str {
        match self {
            Channel::Call => "call",
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }
}

/// Whether the person received or made the contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Someone contacted the person.
    Incoming,
    /// The person contacted someone.
    Outgoing,
    /// The input does not say.
    #[default]
    Unknown,
}

/// One normalised record of contact. Field names are the JSONL contract of
/// `leaktrace ingest`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Event {
    /// Stable id: a hash of the event's content, the same across runs and
    /// across overlapping exports of the same record.
    pub id: String,
    /// Call, SMS or e-mail.
    pub channel: Option<Channel>,
    /// Incoming, outgoing or unknown.
    #[serde(default)]
    pub direction: Direction,
    /// When it happened, as an instant (UTC), if the input's time could be read.
    pub at: Option<DateTime<Utc>>,
    /// The time exactly as the input wrote it.
    #[serde(default)]
    pub at_raw: String,
    /// The sender: E.164 phone number, a short code as written, or a lower-case e-mail address.
    #[serde(default)]
    pub from: String,
    /// The sender's display name or contact name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_name: Option<String>,
    /// Which of the person's own numbers or addresses it reached, when the input says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Every one of the person's addresses the input names as a recipient (e-mail).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_all: Vec<String>,
    /// E-mail subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The message text (SMS body, e-mail text, or empty for calls).
    #[serde(default)]
    pub text: String,
    /// Call type: incoming, missed, rejected, blocked, outgoing, voicemail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_type: Option<String>,
    /// Call duration in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_s: Option<u64>,
    /// A label the phone showed for the number, e.g. 房产中介.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// What the person wrote about the contact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// E-mail Message-ID without angle brackets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// E-mail List-Unsubscribe header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_unsubscribe: Option<String>,
    /// The domain of the sender's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_domain: Option<String>,
    /// E-mail Reply-To address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// Names of attachments (never their contents).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<String>,
    /// The input file the record came from.
    #[serde(default)]
    pub source_file: String,
    /// 1-based line of the record's start (CSV, XML).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_line: Option<u64>,
    /// Byte offset of the message's start (mbox).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_offset: Option<u64>,
    /// SHA-256 (hex) of the record's raw bytes, to check a row against the original export.
    #[serde(default)]
    pub raw_sha256: String,
    /// Problems met while reading this record that did not stop it (a cap hit, a guessed charset).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Event {
    /// Computes the content id. Two exports of the same record give the same
    /// id, whatever file or line they came from.
    pub fn compute_id(&self) -> String {
        let mut h = Sha256::new();
        let channel = self.channel.map(Channel::id).unwrap_or("");
        let at = self.at.map(|t| t.timestamp().to_string()).unwrap_or_else(|| self.at_raw.clone());
        for part in [
            channel,
            &at,
            &self.from,
            self.message_id.as_deref().unwrap_or(""),
            self.subject.as_deref().unwrap_or(""),
            &self.text,
            self.call_type.as_deref().unwrap_or(""),
            &self.duration_s.map(|d| d.to_string()).unwrap_or_default(),
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        hex(&h.finalize()[..10])
    }

    /// The id of the `n`-th (1-based after the first) record of one export
    /// identical to this one: two calls from one number in one minute, in an
    /// export that keeps only minutes, are two calls. Overlapping exports
    /// give the same ids again, so they still merge.
    pub fn repeat_id(&self, n: u32) -> String {
        let mut h = Sha256::new();
        h.update(self.id.as_bytes());
        h.update(n.to_le_bytes());
        hex(&h.finalize()[..10])
    }

    /// Sets [`Event::id`] from the content; call once all fields are filled.
    pub fn with_id(mut self) -> Self {
        self.id = self.compute_id();
        self
    }

    /// The text a classifier reads: subject, body, the phone's tag and the person's note.
    pub fn full_text(&self) -> String {
        let mut s = String::new();
        for part in [self.subject.as_deref(), Some(self.text.as_str())].into_iter().flatten() {
            if !part.is_empty() {
                s.push_str(part);
                s.push('\n');
            }
        }
        s
    }

    /// The locator as one string, e.g. `calls.csv:12` or `inbox.mbox@40960`.
    pub fn locator(&self) -> String {
        match (self.source_line, self.source_offset) {
            (Some(l), _) => format!("{}:{}", self.source_file, l),
            (None, Some(o)) => format!("{}@{}", self.source_file, o),
            _ => self.source_file.clone(),
        }
    }
}

/// SHA-256 of `bytes` as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    // Two hashes per message during ingest: a table, not `write!`.
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Event {
        Event {
            channel: Some(Channel::Sms),
            from: "+8613800138000".into(),
            text: "hello".into(),
            source_file: "a.xml".into(),
            source_line: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn id_ignores_location_but_not_content() {
        let a = sample().with_id();
        let mut b = sample();
        b.source_file = "b.xml".into();
        b.source_line = Some(99);
        assert_eq!(a.id, b.with_id().id);
        let mut c = sample();
        c.text = "hello!".into();
        assert_ne!(a.id, c.with_id().id);
        assert_eq!(a.id.len(), 20);
    }

    #[test]
    fn locator_forms() {
        assert_eq!(sample().locator(), "a.xml:3");
        let e =
            Event { source_file: "m.mbox".into(), source_offset: Some(10), ..Default::default() };
        assert_eq!(e.locator(), "m.mbox@10");
    }

    #[test]
    fn jsonl_round_trip() {
        let e = sample().with_id();
        let s = serde_json::to_string(&e).unwrap();
        assert!(s.contains("\"channel\":\"sms\""));
        let back: Event = serde_json::from_str(&s).unwrap();
        assert_eq!(back, e);
    }
}
