//! Typed tokens from an event's metadata, and the one function that gives an
//! event's full token stream.

use chrono::Timelike;

use crate::event::{Channel, Event};

use super::text::tokenize_ngrams;

/// Settings the metadata tokens depend on.
#[derive(Debug, Clone, Copy)]
pub struct FeatureOptions {
    /// The time zone that hours of day are read in.
    pub timezone: chrono_tz::Tz,
    /// Runs of ideographs are read as n-grams up to this order (2 or 3); a
    /// model records the order it was trained with and scores with it.
    pub cjk_ngram: u8,
}

impl Default for FeatureOptions {
    fn default() -> Self {
        FeatureOptions { timezone: chrono_tz::Asia::Shanghai, cjk_ngram: 2 }
    }
}

/// Calls `sink` with every token of `event`: its text (subject, body, the
/// phone's tag, the person's note) and typed metadata tokens.
pub fn event_tokens(event: &Event, opts: &FeatureOptions, sink: &mut dyn FnMut(&str)) {
    let n = opts.cjk_ngram;
    if let Some(s) = &event.subject {
        tokenize_ngrams(s, n, sink);
    }
    tokenize_ngrams(&event.text, n, sink);
    if let Some(tag) = &event.tag {
        sink(&format!("tag:{}", tag.trim()));
        // A tag of the caller-ID table (super::tags) is weighed by what it
        // means; read as words as well, "骚扰电话" (the usual label for any
        // nuisance call) would count as evidence of harassment.
        if super::tags::meaning(tag).is_none() {
            tokenize_ngrams(tag, n, sink);
        }
    }
    if let Some(note) = &event.note {
        tokenize_ngrams(note, n, sink);
    }
    if let Some(ch) = event.channel {
        sink(match ch {
            Channel::Call => "ch:call",
            Channel::Sms => "ch:sms",
            Channel::Email => "ch:email",
        });
    }
    if event.channel == Some(Channel::Email) {
        if let Some(d) = &event.sender_domain {
            sink(&format!("dom:{d}"));
        }
        if event.list_unsubscribe.is_some() {
            sink("meta:list");
        }
        if event.reply_to.as_deref().is_some_and(|r| r != event.from) {
            sink("meta:replyto");
        }
        mail_header_tokens(event, n, sink);
    } else if !event.from.is_empty() {
        sink(&format!("num:{}", number_kind(&event.from)));
    }
    if let Some(ct) = &event.call_type {
        sink(&format!("ct:{ct}"));
    }
    if let Some(d) = event.duration_s {
        sink(match d {
            0 => "dur:0",
            1..=9 => "dur:<10s",
            10..=59 => "dur:<1m",
            60..=299 => "dur:<5m",
            _ => "dur:long",
        });
    }
    if event.channel == Some(Channel::Call)
        && let Some(at) = event.at
    {
        let h = at.with_timezone(&opts.timezone).hour();
        sink(match h {
            0..=6 => "hour:night",
            7..=8 => "hour:early",
            9..=11 => "hour:morning",
            12..=13 => "hour:noon",
            14..=17 => "hour:afternoon",
            18..=20 => "hour:evening",
            _ => "hour:late",
        });
    }
}

/// Tokens from the rest of a mail's headers, as spam filters since Graham's
/// "A Plan for Spam" read them: the sender's address and display name (a
/// correspondent writes again, a bulk sender rotates them), the domain its
/// Message-ID was minted at (mailers and lists are consistent, forgers are
/// not), and the kinds of attachment.
fn mail_header_tokens(event: &Event, cjk_ngram: u8, sink: &mut dyn FnMut(&str)) {
    if !event.from.is_empty() {
        sink(&format!("from:{}", event.from));
    }
    if let Some(name) = &event.from_name {
        tokenize_ngrams(name, cjk_ngram, &mut |t| sink(&format!("fname:{t}")));
    }
    match event.message_id.as_deref().and_then(|m| m.rsplit_once('@')) {
        Some((_, host)) => sink(&format!("mid:{}", host.to_lowercase())),
        None => sink("mid:none"),
    }
    for name in &event.attachments {
        let ext = name.rsplit_once('.').map_or("none", |(_, e)| e);
        sink(&format!("att:{}", ext.to_lowercase()));
    }
}

/// The type of a normalised sender number, as a token suffix.
fn number_kind(from: &str) -> &'static str {
    use crate::normalize::phone::{NumberKind, kind};
    match kind(from, "CN") {
        NumberKind::Mobile => "mobile",
        NumberKind::Landline => "landline",
        NumberKind::TollFree => "tollfree",
        NumberKind::ServiceShort => "service",
        NumberKind::SmsPort => "smsport",
        NumberKind::VirtualOperator => "virtual",
        NumberKind::International => "intl",
        NumberKind::Unknown => "unknown",
    }
}

/// All tokens of `event`, collected.
pub fn event_token_list(event: &Event, opts: &FeatureOptions) -> Vec<String> {
    let mut v = Vec::new();
    event_tokens(event, opts, &mut |t| v.push(t.to_string()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_metadata_becomes_typed_tokens() {
        let e = Event {
            channel: Some(Channel::Call),
            from: "+8613800138000".into(),
            tag: Some("房产中介".into()),
            call_type: Some("missed".into()),
            duration_s: Some(0),
            at: chrono::DateTime::from_timestamp(1_709_618_580, 0),
            ..Default::default()
        };
        let v = event_token_list(&e, &FeatureOptions::default());
        for t in ["tag:房产中介", "ch:call", "ct:missed", "dur:0", "num:mobile", "hour:afternoon"]
        {
            assert!(v.iter().any(|x| x == t), "missing {t} in {v:?}");
        }
        // A known tag is weighed by its meaning, not read as words; an
        // unknown one is read.
        assert!(!v.iter().any(|x| x == "房产"), "{v:?}");
        let odd = Event { tag: Some("某某科技".into()), ..e };
        let v = event_token_list(&odd, &FeatureOptions::default());
        assert!(v.iter().any(|x| x == "科技"), "{v:?}");
    }

    #[test]
    fn email_metadata() {
        let e = Event {
            channel: Some(Channel::Email),
            from: "news@shop.example".into(),
            sender_domain: Some("shop.example".into()),
            list_unsubscribe: Some("<mailto:u@shop.example>".into()),
            subject: Some("Sale".into()),
            ..Default::default()
        };
        let v = event_token_list(&e, &FeatureOptions::default());
        assert!(v.contains(&"dom:shop.example".to_string()));
        assert!(v.contains(&"meta:list".to_string()));
        assert!(v.contains(&"sale".to_string()));
        assert!(v.contains(&"from:news@shop.example".to_string()));
        assert!(v.contains(&"mid:none".to_string()));
        let e = Event {
            from_name: Some("Shop News".into()),
            message_id: Some("abc.1@Mailer.Shop.example".into()),
            attachments: vec!["Invoice.PDF".into()],
            ..e
        };
        let v = event_token_list(&e, &FeatureOptions::default());
        for t in ["fname:shop", "fname:news", "mid:mailer.shop.example", "att:pdf"] {
            assert!(v.iter().any(|x| x == t), "missing {t} in {v:?}");
        }
    }
}
