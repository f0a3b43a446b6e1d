//! Masking the person's own phone numbers and e-mail addresses before a
//! report is shared: `138****8000`, `z***@example.com`. Only the person's
//! own identifiers are masked; senders are third parties whose numbers are
//! the evidence, and stay as they are.
//!
//! [`redact`] finds an own number however it is written in free text —
//! E.164, digits only, national, with a trunk `0` or `00` prefix, and with
//! spaces, dashes, dots or brackets between the digits — and an own address
//! in any letter case.

use super::data::ReportData;

/// Country codes split off a `+` number to find its national part;
/// three-digit codes first so that `+886…` is not read as `+86`.
const COUNTRY_CODES: &[&str] =
    &["852", "853", "886", "86", "44", "65", "61", "49", "33", "91", "81", "1"];

/// Fewer digits than this are a short code, not a person's number.
const MIN_PHONE_DIGITS: usize = 5;

/// Characters that may stand between the digits of a number in free text.
fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{00A0}')
}

/// Splits a number into (country code, national digits); the code is empty
/// when the number has no `+` or an unknown code.
fn split(s: &str) -> (String, String) {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if s.trim_start().starts_with('+') {
        for cc in COUNTRY_CODES {
            if let Some(national) = digits.strip_prefix(cc) {
                return (cc.to_string(), national.to_string());
            }
        }
    }
    (String::new(), digits)
}

/// Masks a phone number, keeping the `+` and country code and the first 3
/// and last 4 digits of the national number:
/// `+86 138 0013 8000` → `+86138****8000`, `13800138000` → `138****8000`.
/// Numbers of 7 national digits or fewer keep only their last 2; strings
/// with fewer than 5 digits (short codes, `unknown`) are returned as given.
///
/// ```
/// use leaktrace::report::redact::mask_phone;
/// assert_eq!(mask_phone("+8613800138000"), "+86138****8000");
/// assert_eq!(mask_phone("+447700900123"), "+44770***0123");
/// ```
pub fn mask_phone(s: &str) -> String {
    let (cc, national) = split(s);
    if cc.len() + national.len() < MIN_PHONE_DIGITS {
        return s.to_string();
    }
    let n = national.len();
    let masked = if n >= 8 {
        format!(
            "{}{}{}",
            national.get(..3).unwrap_or(""),
            "*".repeat(n - 7),
            national.get(n - 4..).unwrap_or("")
        )
    } else {
        format!(
            "{}{}",
            "*".repeat(n.saturating_sub(2)),
            national.get(n.saturating_sub(2)..).unwrap_or("")
        )
    };
    if cc.is_empty() && !s.trim_start().starts_with('+') {
        masked
    } else {
        format!("+{cc}{masked}")
    }
}

/// Masks an e-mail address, keeping the first character of the local part
/// and the whole domain: `zhang.san@example.com` → `z***@example.com`.
///
/// ```
/// use leaktrace::report::redact::mask_email;
/// assert_eq!(mask_email("zhang.san@example.com"), "z***@example.com");
/// ```
pub fn mask_email(s: &str) -> String {
    let (local, domain) = match s.rsplit_once('@') {
        Some((l, d)) => (l, Some(d)),
        None => (s, None),
    };
    let mut out: String = local.chars().take(1).collect();
    out.push_str("***");
    if let Some(d) = domain {
        out.push('@');
        out.push_str(d);
    }
    out
}

/// One own number: every digit string it may be written as, and its mask.
struct OwnPhone {
    forms: Vec<String>,
    mask: String,
}

/// The person's identifiers, ready to be found in text.
struct Masker {
    phones: Vec<OwnPhone>,
    /// (lower-case address, mask).
    emails: Vec<(String, String)>,
}

impl Masker {
    fn new(own: &[String]) -> Self {
        let mut m = Masker { phones: Vec::new(), emails: Vec::new() };
        for id in own.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            if id.contains('@') {
                m.emails.push((id.to_ascii_lowercase(), mask_email(id)));
                continue;
            }
            let (cc, national) = split(id);
            if cc.len() + national.len() < MIN_PHONE_DIGITS {
                continue;
            }
            let mut forms = vec![format!("{cc}{national}"), national.clone()];
            if !cc.is_empty() {
                forms.push(format!("0{national}"));
                forms.push(format!("00{cc}{national}"));
            }
            forms.dedup();
            m.phones.push(OwnPhone { forms, mask: mask_phone(id) });
        }
        // Longer addresses first, so one inside another is not half-masked.
        m.emails.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        m
    }

    fn phone_mask(&self, digits: &str) -> Option<&str> {
        self.phones.iter().find(|p| p.forms.iter().any(|f| f == digits)).map(|p| p.mask.as_str())
    }

    /// `s` with every own number and address masked.
    fn text(&self, s: &str) -> String {
        let s = if self.phones.is_empty() { s.to_string() } else { self.phones_in(s) };
        self.emails.iter().fold(s, |acc, (email, mask)| replace_ascii_ci(&acc, email, mask))
    }

    /// Finds runs of digits (with an optional leading `+` and single
    /// separators between digits) and masks those that are an own number.
    fn phones_in(&self, s: &str) -> String {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let is_digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
        let mut out = String::with_capacity(s.len());
        let mut copied = 0;
        let mut i = 0;
        while let Some(&(start, c)) = chars.get(i) {
            let plus = c == '+' && is_digit(i + 1);
            if !(c.is_ascii_digit() || plus) {
                i += 1;
                continue;
            }
            let mut j = i + usize::from(plus);
            let mut end = j;
            let mut digits = String::new();
            while let Some(&(_, cj)) = chars.get(j) {
                if cj.is_ascii_digit() {
                    digits.push(cj);
                    j += 1;
                    end = j;
                } else if is_separator(cj) && is_digit(j + 1) {
                    j += 1;
                } else {
                    break;
                }
            }
            if let Some(mask) = self.phone_mask(&digits) {
                let end_byte = chars.get(end).map_or(s.len(), |(b, _)| *b);
                out.push_str(s.get(copied..start).unwrap_or(""));
                out.push_str(mask);
                copied = end_byte;
            }
            i = end.max(i + 1);
        }
        out.push_str(s.get(copied..).unwrap_or(""));
        out
    }

    fn apply(&self, s: &mut String) {
        let masked = self.text(s);
        if masked != *s {
            *s = masked;
        }
    }

    fn apply_opt(&self, s: &mut Option<String>) {
        if let Some(s) = s {
            self.apply(s);
        }
    }

    fn apply_all(&self, v: &mut [String]) {
        v.iter_mut().for_each(|s| self.apply(s));
    }
}

/// `hay` with every ASCII-case-insensitive occurrence of `needle` (lower
/// case) replaced by `with`. ASCII lower-casing keeps byte offsets, so the
/// positions found in the lowered copy are valid in `hay`.
fn replace_ascii_ci(hay: &str, needle: &str, with: &str) -> String {
    if needle.is_empty() {
        return hay.to_string();
    }
    let lower = hay.to_ascii_lowercase();
    let mut out = String::with_capacity(hay.len());
    let mut copied = 0;
    for (at, _) in lower.match_indices(needle) {
        if at < copied {
            continue;
        }
        out.push_str(hay.get(copied..at).unwrap_or(""));
        out.push_str(with);
        copied = at + needle.len();
    }
    out.push_str(hay.get(copied..).unwrap_or(""));
    out
}

/// Masks the person's `own` identifiers (normalised E.164 numbers and
/// e-mail addresses) everywhere in `data`: events, campaigns and their
/// reasons, sources, contacts, markers, life events, inputs and their skip
/// reasons. Sets `provenance.redacted`. Hashes and ids are left alone.
pub fn redact(data: &mut ReportData, own: &[String]) {
    let m = Masker::new(own);
    data.provenance.redacted = true;
    for (name, _, _) in &mut data.summary.top_sources {
        m.apply(name);
    }
    for e in &mut data.events {
        m.apply(&mut e.from);
        m.apply_opt(&mut e.to);
        m.apply(&mut e.excerpt);
        m.apply_opt(&mut e.campaign);
        m.apply_opt(&mut e.suspected_source);
        m.apply_opt(&mut e.message_id);
        m.apply(&mut e.source_file);
    }
    for c in &mut data.campaigns {
        m.apply(&mut c.id);
        m.apply_all(&mut c.senders);
        m.apply_all(&mut c.grouping);
        m.apply_opt(&mut c.attributed_to);
        for s in &mut c.suspected_sources {
            m.apply_opt(&mut s.source);
            m.apply_all(&mut s.reasons);
        }
    }
    for s in &mut data.sources {
        m.apply(&mut s.source);
        m.apply_all(&mut s.identifiers);
        m.apply_all(&mut s.campaigns);
        m.apply_all(&mut s.reasons);
        m.apply_all(&mut s.samples);
    }
    for c in &mut data.contacts {
        m.apply(&mut c.id);
        m.apply_all(&mut c.names);
    }
    for (_, name) in &mut data.markers {
        m.apply(name);
    }
    m.apply_all(&mut data.life_events);
    for i in &mut data.inputs {
        m.apply(&mut i.path);
        m.apply_opt(&mut i.error);
        for s in &mut i.skips {
            m.apply(&mut s.file);
            m.apply(&mut s.reason);
        }
    }
    m.apply(&mut data.provenance.model);
    m.apply_opt(&mut data.provenance.disclosures_file);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::Lang;
    use crate::report::testdata::{AGENT, OWN_EMAIL, OWN_PHONE, sample};

    #[test]
    fn masks_numbers_and_addresses() {
        assert_eq!(mask_phone("+8613800138000"), "+86138****8000");
        assert_eq!(mask_phone("+86 138-0013-8000"), "+86138****8000");
        assert_eq!(mask_phone("13800138000"), "138****8000");
        assert_eq!(mask_phone("+85291234567"), "+852912*4567");
        assert_eq!(mask_phone("+14155550123"), "+1415***0123");
        assert_eq!(mask_phone("1234567"), "*****67");
        assert_eq!(mask_phone("95588"), "***88");
        assert_eq!(mask_phone("10086"), "***86");
        assert_eq!(mask_phone("unknown"), "unknown");
        assert_eq!(mask_phone("+"), "+");
        assert_eq!(mask_email("zhang.san@example.com"), "z***@example.com");
        assert_eq!(mask_email("张@例子.中国"), "张***@例子.中国");
        assert_eq!(mask_email("@x"), "***@x");
        assert_eq!(mask_email("nobody"), "n***");
    }

    #[test]
    fn finds_own_number_in_any_spelling() {
        let m = Masker::new(&[OWN_PHONE.to_string(), OWN_EMAIL.to_string()]);
        let cases = [
            ("回电13800138000谢谢", "回电+86138****8000谢谢"),
            ("call +86 138 0013 8000 now", "call +86138****8000 now"),
            ("(86)138-0013-8000", "(+86138****8000"),
            ("008613800138000", "+86138****8000"),
            ("013800138000", "+86138****8000"),
            ("not 1380013800012 nor 3800138000", "not 1380013800012 nor 3800138000"),
            ("Mail ZHANG.SAN@Example.COM!", "Mail z***@example.com!"),
            ("13912345678 is the agent", "13912345678 is the agent"),
        ];
        for (input, want) in cases {
            assert_eq!(m.text(input), want, "{input}");
        }
        assert_eq!(replace_ascii_ci("İaA", "a", "x"), "İxx");
    }

    #[test]
    fn redacts_everywhere_but_leaves_third_parties() {
        let mut d = sample(Lang::Zh);
        let spaced = "138 0013 8000";
        d.events[2].excerpt = format!("请联系 {spaced} 或 138-0013-8000");
        d.events[3].message_id = Some("x.Zhang.San@Example.com".into());
        d.summary.top_sources[0].0.push_str(" 13800138000");
        d.campaigns[0].senders.push("8613800138000".into());
        d.campaigns[0].grouping.push("to 13800138000".into());
        d.contacts[0].names.push(OWN_EMAIL.into());
        d.markers[0].1.push_str(" zhang.san@example.com");
        d.life_events.push("+8613800138000".into());
        d.inputs[0].path = "13800138000_calls.csv".into();
        d.inputs[0].skips[0].reason = "bad number 013800138000".into();
        d.inputs[0].error = Some("zhang.san@example.com: unreadable".into());
        d.provenance.disclosures_file = Some("/home/13800138000/d.toml".into());

        redact(&mut d, &[OWN_PHONE.to_string(), OWN_EMAIL.to_string()]);
        let json = serde_json::to_string(&d).unwrap().to_lowercase();
        for raw in
            ["13800138000", "8613800138000", spaced, "138-0013-8000", "zhang.san@example.com"]
        {
            assert!(!json.contains(raw), "{raw} left in {json}");
        }
        assert!(json.contains("138****8000"));
        assert!(json.contains("z***@example.com"));
        // Third parties stay.
        assert_eq!(d.events[0].from, AGENT);
        assert!(json.contains("13912345678"));
        assert!(json.contains("promo@shop.example"));
        assert!(json.contains("106575"));
        assert!(d.provenance.redacted);
        assert_eq!(d.events[0].raw_sha256, "ab".repeat(32));
    }

    #[test]
    fn hostile_text_does_not_panic() {
        let m = Masker::new(&["+".into(), "".into(), "@".into(), OWN_PHONE.into()]);
        for s in [
            "",
            "+",
            "++1",
            "1-",
            "-1",
            "é1é",
            "1\u{00A0}",
            "+86 138 0013 8000 -",
            "😀13800138000😀",
        ] {
            let _ = m.text(s);
        }
        assert_eq!(m.text("😀13800138000😀"), "😀+86138****8000😀");
    }
}
