//! One RFC 822 / MIME message → one e-mail [`Event`].
//!
//! mailparse does the MIME work (headers, multipart splitting, transfer
//! decoding, address lists, RFC 2231 parameters). This module adds what real
//! leaked-address mail needs on top of it:
//! - a nesting pre-check, because mailparse 0.16 recurses without a limit;
//! - RFC 2047 words split inside a multibyte character (mailparse decodes each
//!   word alone and yields U+FFFD), by joining adjacent words' bytes first;
//! - 8-bit headers and bodies with no or a wrong charset (UTF-8, then GB18030);
//! - `multipart/*` parts whose boundary never occurs (common in the TREC 2006
//!   Chinese corpus), read as text;
//! - dates that mailparse's `dateparse` misreads (garbage → 0, `CST`), with
//!   fallbacks to a lenient parser, the `Received:` chain and the mbox `From ` line;
//! - an HTML-to-text pass for HTML-only mail.

use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use encoding_rs::Encoding;
use mailparse::{MailAddr, MailHeader, MailHeaderMap, ParsedMail};

use super::{IngestOptions, MAX_RECORD_BYTES, RecordResult};
use crate::error::{Position, RecordError};
use crate::event::{Channel, Direction, Event, sha256_hex};

/// Deepest multipart nesting accepted; deeper messages are refused (a
/// hostile message could otherwise exhaust mailparse's recursion stack).
pub const MAX_MIME_DEPTH: usize = 20;
/// Most MIME parts looked at; the rest are ignored with a warning.
pub const MAX_PARTS: usize = 1000;
/// Most characters of body text kept; longer text is truncated with a warning.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// Most attachment names recorded.
pub const MAX_ATTACHMENTS: usize = 100;
/// Most characters kept of one attachment name.
const MAX_NAME_CHARS: usize = 255;
/// Most recipient addresses recorded in `to_all`.
const MAX_RECIPIENTS: usize = 500;

/// Parses one message (`raw`, which may start with an mbox `From ` line) into
/// an e-mail event located at `pos` of `file`. A message without headers, or
/// nested deeper than [`MAX_MIME_DEPTH`], is a [`RecordError`].
///
/// ```
/// use leaktrace::{error::Position, ingest::{IngestOptions, mail::parse_message}};
/// let raw = b"From: Shop <Promo@Shop.example>\nTo: me@x.cn\nSubject: =?UTF-8?B?5byg?=\n\nhi";
/// let e = parse_message(raw, "a.eml", Position::default(), &IngestOptions::default()).unwrap();
/// assert_eq!(e.from, "promo@shop.example");
/// assert_eq!(e.subject.as_deref(), Some("张"));
/// assert_eq!(e.text, "hi");
/// ```
pub fn parse_message(raw: &[u8], file: &str, pos: Position, opts: &IngestOptions) -> RecordResult {
    let fail = |reason: String| RecordError::new(file, pos, reason);
    if raw.len() > MAX_RECORD_BYTES {
        return Err(fail(format!(
            "message of {} bytes is larger than the {MAX_RECORD_BYTES} byte limit",
            raw.len()
        )));
    }
    let (envelope, message) = split_envelope(unwrap_emlx(raw));
    if !starts_with_header(message) {
        return Err(fail("no mail headers".into()));
    }
    let shape = mime_shape(message);
    if shape.depth > MAX_MIME_DEPTH {
        return Err(fail(format!("MIME nesting deeper than {MAX_MIME_DEPTH} levels; refused")));
    }
    if shape.parts > MAX_PARTS {
        return Err(fail(format!("more than {MAX_PARTS} MIME parts; refused")));
    }
    let parsed =
        mailparse::parse_mail(message).map_err(|e| fail(format!("malformed message: {e}")))?;
    if parsed.headers.is_empty() {
        return Err(fail("no mail headers".into()));
    }
    let mut warnings = Vec::new();
    let hint = charset_hint(&parsed);
    let mut ev = Event {
        channel: Some(Channel::Email),
        direction: Direction::Incoming,
        source_file: file.to_string(),
        source_offset: pos.offset,
        source_line: pos.line,
        raw_sha256: sha256_hex(raw),
        ..Default::default()
    };
    fill_addresses(&mut ev, &parsed.headers, hint, opts, &mut warnings);
    ev.subject = first_header(&parsed.headers, "Subject").map(|h| {
        let mut s = decode_header(h, hint).trim().to_string();
        // Mailers that cut long subjects at a byte count leave half a
        // character at the end (70 of 14,838 trec06c messages); it is lost
        // either way, so the U+FFFD it decodes to is dropped.
        if s.ends_with('\u{FFFD}') {
            s.pop();
            warnings.push("subject ends in a character cut by the sender; dropped".to_string());
        }
        s
    });
    ev.message_id = first_header(&parsed.headers, "Message-ID")
        .map(|h| {
            decode_header(h, hint)
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty());
    // Google Takeout keeps sent mail in the same mailbox, labelled `Sent`.
    let labels = first_header(&parsed.headers, "X-Gmail-Labels").map(|h| h.get_value());
    if labels.is_some_and(|l| l.split(',').any(|x| x.trim().eq_ignore_ascii_case("sent"))) {
        ev.direction = Direction::Outgoing;
    }
    ev.list_unsubscribe = first_header(&parsed.headers, "List-Unsubscribe")
        .map(|h| decode_header(h, hint).trim().to_string())
        .filter(|s| !s.is_empty());
    fill_date(&mut ev, &parsed.headers, envelope, hint, opts, &mut warnings);
    fill_body(&mut ev, &parsed, hint, &mut warnings);
    ev.warnings = warnings;
    Ok(ev.with_id())
}

// ---------------------------------------------------------------------------
// Framing

/// Apple Mail's `.emlx`: a first line holding the message's length in
/// bytes, the message, then a property list, which is not mail. Anything
/// else is returned as it is (a mail's first line is a header, not digits).
fn unwrap_emlx(raw: &[u8]) -> &[u8] {
    let Some(nl) = memchr::memchr(b'\n', raw) else { return raw };
    let count = raw.get(..nl).unwrap_or_default();
    let count = count.strip_suffix(b"\r").unwrap_or(count).trim_ascii();
    if count.is_empty() || count.len() > 10 || !count.iter().all(u8::is_ascii_digit) {
        return raw;
    }
    let len: usize = std::str::from_utf8(count).ok().and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = raw.get(nl + 1..).unwrap_or_default();
    body.get(..len).unwrap_or(body)
}

/// Splits off a leading mbox `From ` line (spamassassin and mbox slices have
/// one); returns it and the message proper.
fn split_envelope(raw: &[u8]) -> (Option<&[u8]>, &[u8]) {
    let start = raw.iter().position(|b| !matches!(b, b'\r' | b'\n')).unwrap_or(raw.len());
    let raw = raw.get(start..).unwrap_or_default();
    if raw.starts_with(b"From ") {
        let end = memchr::memchr(b'\n', raw).map_or(raw.len(), |i| i + 1);
        let (line, rest) = raw.split_at(end);
        (Some(line), rest)
    } else {
        (None, raw)
    }
}

/// The message's (or a line's) first line is a header field (`Name: …`).
pub(crate) fn starts_with_header(msg: &[u8]) -> bool {
    let line = msg.get(..memchr::memchr(b'\n', msg).unwrap_or(msg.len())).unwrap_or_default();
    let Some(colon) = memchr::memchr(b':', line) else {
        return false;
    };
    let name = line.get(..colon).unwrap_or_default();
    let name = name.strip_suffix(b" ").unwrap_or(name);
    !name.is_empty() && name.iter().all(|&b| (33..=126).contains(&b))
}

/// Upper estimates of what mailparse would build, found without recursion.
struct MimeShape {
    /// Multipart nesting depth (mailparse's recursion depth).
    depth: usize,
    /// Boundary delimiter lines (one per part mailparse splits off).
    parts: usize,
}

/// Every `boundary=` opens a level, and a `--boundary` line closes the levels
/// opened after that boundary (mailparse splits there).
fn mime_shape(msg: &[u8]) -> MimeShape {
    let mut stack: Vec<&[u8]> = Vec::new();
    let mut shape = MimeShape { depth: 0, parts: 0 };
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', msg).chain(std::iter::once(msg.len()));
    for end in ends {
        let line = msg.get(start..end).unwrap_or_default();
        start = end + 1;
        if let Some(rest) = line.strip_prefix(b"--") {
            if let Some(i) = stack.iter().rposition(|b| rest.starts_with(b)) {
                stack.truncate(i + 1);
                shape.parts += 1;
                if shape.parts > MAX_PARTS {
                    return shape;
                }
                continue;
            }
        }
        if let Some(b) = boundary_param(line) {
            stack.push(b);
            shape.depth = shape.depth.max(stack.len());
            if shape.depth > MAX_MIME_DEPTH {
                return shape;
            }
        }
    }
    shape
}

/// The value of a `boundary=` parameter on a header line, if any.
fn boundary_param(line: &[u8]) -> Option<&[u8]> {
    // Every line of every message passes here: find the `=` bytes first
    // (memchr) rather than comparing a window at every position.
    const KEY: &[u8] = b"boundary";
    let at = memchr::memchr_iter(b'=', line).find(|&eq| {
        eq.checked_sub(KEY.len())
            .and_then(|s| line.get(s..eq))
            .is_some_and(|w| w.eq_ignore_ascii_case(KEY))
    })?;
    let v = line.get(at + 1..)?;
    let v = match v.strip_prefix(b"\"") {
        Some(q) => q.get(..memchr::memchr(b'"', q).unwrap_or(q.len()))?,
        None => v.get(
            ..v.iter().position(|&b| matches!(b, b';' | b' ' | b'\t' | b'\r')).unwrap_or(v.len()),
        )?,
    };
    (!v.is_empty()).then_some(v)
}

// ---------------------------------------------------------------------------
// Charsets

/// The charset the message declares for its text, used to read 8-bit headers.
fn charset_hint(mail: &ParsedMail) -> Option<&'static Encoding> {
    let mut stack = vec![mail];
    let mut seen = 0;
    while let Some(p) = stack.pop() {
        seen += 1;
        if seen > MAX_PARTS {
            break;
        }
        if let Some(cs) = p.ctype.params.get("charset") {
            if let Some(enc) = encoding_for(cs) {
                if enc != encoding_rs::UTF_8 && enc != encoding_rs::WINDOWS_1252 {
                    return Some(enc);
                }
            }
        }
        stack.extend(p.subparts.iter().rev());
    }
    None
}

/// The encoding for a charset label, including labels mail programs invent.
fn encoding_for(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().trim_matches('"').to_ascii_lowercase();
    if let Some(e) = Encoding::for_label_no_replacement(l.as_bytes()) {
        return Some(e);
    }
    let l = l.trim_start_matches("x-");
    if l.starts_with("gb") || l.contains("2312") || l.starts_with("euc-cn") || l == "cp936" {
        return Some(encoding_rs::GB18030);
    }
    if l.starts_with("big5") || l == "cp950" {
        return Some(encoding_rs::BIG5);
    }
    Encoding::for_label_no_replacement(l.as_bytes())
}

fn is_chinese(enc: &'static Encoding) -> bool {
    enc == encoding_rs::GB18030 || enc == encoding_rs::GBK || enc == encoding_rs::BIG5
}

/// Whether high-bit bytes read like GB2312-range Chinese: nearly all of them
/// come in pairs of 0xA1–0xFE, where Latin-1 accents stand alone.
fn looks_like_gb(bytes: &[u8]) -> bool {
    let (mut high, mut paired, mut i) = (0usize, 0usize, 0usize);
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(&t) if (0xA1..=0xFE).contains(&b) && (0xA1..=0xFE).contains(&t) => {
                high += 2;
                paired += 2;
                i += 2;
            }
            Some(&t) if (0x81..=0xFE).contains(&b) && (0x40..=0xFE).contains(&t) && t != 0x7F => {
                high += 2;
                paired += 1; // GBK extension: plausible, weaker evidence
                i += 2;
            }
            _ => {
                high += 1;
                i += 1;
            }
        }
    }
    high > 0 && paired * 10 >= high * 9
}

/// Decodes text in a declared charset (`None`: undeclared), guessing when the
/// declaration is missing or wrong: UTF-8 first, then GB18030 for Chinese-
/// looking bytes, else the declared charset or windows-1252.
fn decode_text(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    warnings: &mut Vec<String>,
) -> String {
    // ISO-2022-JP is 7-bit yet not ASCII.
    if bytes.is_ascii() && declared.is_none_or(Encoding::is_ascii_compatible) {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let latin = declared.is_none_or(|e| e == encoding_rs::WINDOWS_1252 || e == encoding_rs::UTF_8);
    if let Some(enc) = declared.filter(|_| !latin) {
        let (text, _, errors) = enc.decode(bytes);
        if !errors || !is_chinese(enc) {
            return text.into_owned();
        }
        // A Chinese charset with errors: GB18030 is the widest of them.
        return encoding_rs::GB18030.decode(bytes).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    let (gb, _, errors) = encoding_rs::GB18030.decode(bytes);
    if !errors && looks_like_gb(bytes) {
        push_once(warnings, "8-bit text without a matching charset read as GB18030");
        return gb.into_owned();
    }
    if declared == Some(encoding_rs::UTF_8) {
        push_once(warnings, "text declared UTF-8 is not; read as windows-1252");
    }
    encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()
}

fn push_once(warnings: &mut Vec<String>, w: &str) {
    if !warnings.iter().any(|x| x == w) {
        warnings.push(w.to_string());
    }
}

// ---------------------------------------------------------------------------
// Headers

fn first_header<'a>(headers: &'a [MailHeader<'a>], name: &str) -> Option<&'a MailHeader<'a>> {
    headers.get_first_header(name)
}

/// A header's value as text: 8-bit bytes read by [`decode_text`], adjacent
/// encoded words joined, then unfolded and RFC 2047-decoded by mailparse.
fn decode_header(h: &MailHeader, hint: Option<&'static Encoding>) -> String {
    if plain_ascii(h) {
        return h.get_value();
    }
    let owned = reparse_header(h, hint);
    match mailparse::parse_header(owned.as_bytes()) {
        Ok((hdr, _)) => hdr.get_value(),
        Err(_) => h.get_value(),
    }
}

/// Most header values are ASCII with at most one encoded word: nothing to
/// read in a charset and nothing to join, so mailparse's own decoding of the
/// header as it stands gives what [`reparse_header`] would, without a copy.
fn plain_ascii(h: &MailHeader) -> bool {
    let raw = h.get_value_raw();
    raw.is_ascii() && memchr::memmem::find_iter(raw, b"=?").nth(1).is_none()
}

/// The header re-serialised as `X: value` with UTF-8 value and joined words,
/// for mailparse to parse again.
fn reparse_header(h: &MailHeader, hint: Option<&'static Encoding>) -> String {
    let mut scratch = Vec::new();
    // Raw 8-bit headers are read in the body's charset, except when they are
    // valid UTF-8 (what current mailers write whatever the body says): a
    // Chinese charset would read UTF-8 bytes as other characters without error.
    let raw = h.get_value_raw();
    let text = match std::str::from_utf8(raw) {
        Ok(utf8) => utf8.to_string(),
        Err(_) => decode_text(raw, hint, &mut scratch),
    };
    format!("X: {}\n", join_encoded_words(&text))
}

/// RFC 2047 words are decoded one by one by mailparse, so a character whose
/// bytes are split across two words (`=?UTF-8?B?5byg?= =?UTF-8?B?5LyfX?=`
/// style, common from Chinese mailers) turns into U+FFFD. Adjacent words in
/// the same charset are joined here into one word holding all their bytes.
fn join_encoded_words(value: &str) -> Cow<'_, str> {
    let words = find_encoded_words(value);
    if words.len() < 2 {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(first) = words.get(i) {
        let mut j = i;
        while let (Some(cur), Some(next)) = (words.get(j), words.get(j + 1)) {
            let gap = value.get(cur.end..next.start).unwrap_or("x");
            // Stateful charsets (ISO-2022-JP) reset at each word's end, and
            // their joined bytes would hold back-to-back escapes: not joined.
            let joinable = encoding_for(&first.charset).is_some_and(Encoding::is_ascii_compatible);
            if joinable
                && gap.chars().all(char::is_whitespace)
                && next.charset.eq_ignore_ascii_case(&first.charset)
            {
                j += 1;
            } else {
                break;
            }
        }
        if j > i {
            let mut bytes = Vec::new();
            let ok = words.get(i..=j).is_some_and(|run| {
                run.iter().all(|w| match word_bytes(w) {
                    Some(b) => {
                        bytes.extend(b);
                        true
                    }
                    None => false,
                })
            });
            if ok {
                out.push_str(value.get(last..first.start).unwrap_or(""));
                out.push_str("=?");
                out.push_str(&first.charset);
                out.push_str("?Q?");
                for b in bytes {
                    let _ = write!(out, "={b:02X}");
                }
                out.push_str("?=");
                last = words.get(j).map_or(last, |w| w.end);
            }
        }
        i = j + 1;
    }
    out.push_str(value.get(last..).unwrap_or(""));
    Cow::Owned(out)
}

struct EncodedWord {
    start: usize,
    end: usize,
    charset: String,
    b64: bool,
    payload: String,
}

/// Finds `=?charset?B|Q?payload?=` words (RFC 2047 §2), charset without an
/// RFC 2231 language suffix.
fn find_encoded_words(value: &str) -> Vec<EncodedWord> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(rel) = value.get(from..).and_then(|s| s.find("=?")) {
        let start = from + rel;
        let parsed = (|| {
            let body = value.get(start + 2..)?;
            let q1 = body.find('?')?;
            let charset = body.get(..q1)?;
            let enc = body.get(q1 + 1..q1 + 2)?;
            if body.get(q1 + 2..q1 + 3)? != "?" {
                return None;
            }
            let payload_all = body.get(q1 + 3..)?;
            let q2 = payload_all.find("?=")?;
            let payload = payload_all.get(..q2)?;
            if charset.is_empty()
                || payload.contains(char::is_whitespace)
                || charset.contains(char::is_whitespace)
            {
                return None;
            }
            let b64 = match enc {
                "B" | "b" => true,
                "Q" | "q" => false,
                _ => return None,
            };
            let end = start + 2 + q1 + 3 + q2 + 2;
            let charset = charset.split('*').next().unwrap_or(charset).to_string();
            Some(EncodedWord { start, end, charset, b64, payload: payload.to_string() })
        })();
        match parsed {
            Some(w) => {
                from = w.end;
                out.push(w);
            }
            None => from = start + 2,
        }
    }
    out
}

/// The bytes an encoded word stands for, decoded by mailparse's own
/// transfer decoders (through a one-header message).
fn word_bytes(w: &EncodedWord) -> Option<Vec<u8>> {
    let (cte, data) = if w.b64 {
        ("base64", w.payload.clone())
    } else {
        ("quoted-printable", w.payload.replace('_', "=20"))
    };
    let msg = format!("Content-Transfer-Encoding: {cte}\n\n{data}");
    mailparse::parse_mail(msg.as_bytes()).ok()?.get_body_raw().ok()
}

/// Addresses of one header, as (lower-case address, decoded display name).
fn addresses(h: &MailHeader, hint: Option<&'static Encoding>) -> Vec<(String, Option<String>)> {
    let parsed = if plain_ascii(h) {
        mailparse::addrparse_header(h).ok()
    } else {
        let owned = reparse_header(h, hint);
        mailparse::parse_header(owned.as_bytes())
            .ok()
            .and_then(|(hdr, _)| mailparse::addrparse_header(&hdr).ok())
    };
    let mut out = Vec::new();
    if let Some(list) = parsed {
        for a in list.iter() {
            match a {
                MailAddr::Single(s) => {
                    out.push((s.addr.trim().to_lowercase(), clean_name(s.display_name.as_deref())))
                }
                MailAddr::Group(g) => out.extend(g.addrs.iter().map(|s| {
                    (s.addr.trim().to_lowercase(), clean_name(s.display_name.as_deref()))
                })),
            }
        }
    }
    if out.is_empty() {
        // Malformed lists (unbalanced quotes, stray '<'): take what looks like an address.
        out.extend(scan_addresses(&decode_header(h, hint)).into_iter().map(|a| (a, None)));
    }
    out.retain(|(a, _)| !a.is_empty());
    out
}

fn clean_name(name: Option<&str>) -> Option<String> {
    let n = name?.trim().trim_matches(['"', '\'']).trim();
    (!n.is_empty()).then(|| n.to_string())
}

/// Tokens containing `@`, stripped of brackets and quotes, lower-cased.
fn scan_addresses(value: &str) -> Vec<String> {
    value
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | '<' | '>' | '"' | '(' | ')' | '\'')
        })
        .filter(|t| t.contains('@') && t.len() > 2)
        .map(|t| t.trim_matches(['.', ':', '[', ']']).to_lowercase())
        .collect()
}

fn fill_addresses(
    ev: &mut Event,
    headers: &[MailHeader],
    hint: Option<&'static Encoding>,
    opts: &IngestOptions,
    warnings: &mut Vec<String>,
) {
    let from = ["From", "Sender", "Return-Path"].iter().find_map(|name| {
        first_header(headers, name).and_then(|h| addresses(h, hint).into_iter().next())
    });
    match from {
        Some((addr, name)) => {
            ev.sender_domain =
                addr.rsplit_once('@').map(|(_, d)| d.to_string()).filter(|d| !d.is_empty());
            ev.from = addr;
            ev.from_name = name;
        }
        None => warnings.push("no sender address".into()),
    }
    let own: Vec<String> = opts.own_identities.iter().map(|s| s.trim().to_lowercase()).collect();
    if !ev.from.is_empty() && own.contains(&ev.from) {
        ev.direction = Direction::Outgoing;
    }
    let mut first_to = None;
    for name in ["Delivered-To", "X-Original-To", "To", "Cc"] {
        for h in headers.get_all_headers(name) {
            for (addr, _) in addresses(h, hint) {
                if name == "To" && first_to.is_none() {
                    first_to = Some(addr.clone());
                }
                if !ev.to_all.contains(&addr) && ev.to_all.len() < MAX_RECIPIENTS {
                    ev.to_all.push(addr);
                }
            }
        }
    }
    ev.to =
        if own.is_empty() { first_to } else { ev.to_all.iter().find(|a| own.contains(a)).cloned() };
    ev.reply_to = first_header(headers, "Reply-To").and_then(|h| {
        addresses(h, hint).into_iter().next().map(|(a, _)| a).or_else(|| {
            let v = decode_header(h, hint).trim().to_string();
            (!v.is_empty()).then_some(v)
        })
    });
}

// ---------------------------------------------------------------------------
// Dates

fn fill_date(
    ev: &mut Event,
    headers: &[MailHeader],
    envelope: Option<&[u8]>,
    hint: Option<&'static Encoding>,
    opts: &IngestOptions,
    warnings: &mut Vec<String>,
) {
    let china = cst_is_china(opts, hint);
    if let Some(h) = first_header(headers, "Date") {
        let raw = decode_header(h, hint).trim().to_string();
        ev.at = parse_date(&raw, china, opts.timezone);
        ev.at_raw = raw;
        if ev.at.is_some() {
            return;
        }
    }
    // The earliest hop (the last Received: header) is the best stand-in;
    // when the sender's own relay wrote a broken date, the next one up.
    let received = headers.get_all_values("Received");
    for r in received.iter().rev() {
        let Some((_, d)) = r.rsplit_once(';') else { continue };
        if let Some(at) = parse_date(d.trim(), china, opts.timezone) {
            warnings.push("date taken from the Received: header".into());
            ev.at = Some(at);
            if ev.at_raw.is_empty() {
                ev.at_raw = d.trim().to_string();
            }
            return;
        }
    }
    if let Some(line) = envelope.and_then(|l| std::str::from_utf8(l).ok()) {
        let tail = line
            .trim()
            .split_once(' ')
            .and_then(|(_, r)| r.trim_start().split_once(' '))
            .map(|(_, d)| d);
        if let Some(at) = tail.and_then(|d| parse_date(d.trim(), china, opts.timezone)) {
            warnings.push("date taken from the mbox From line".into());
            ev.at = Some(at);
            if ev.at_raw.is_empty() {
                ev.at_raw = tail.unwrap_or_default().trim().to_string();
            }
            return;
        }
    }
    warnings.push(if ev.at_raw.is_empty() {
        "no date".to_string()
    } else {
        format!("unreadable date '{}'", ev.at_raw.chars().take(80).collect::<String>())
    });
}

/// `CST` is China Standard Time (+0800) for a person in China or a message in
/// a Chinese charset; elsewhere it is US Central (−0600), as RFC 822 says.
fn cst_is_china(opts: &IngestOptions, hint: Option<&'static Encoding>) -> bool {
    const CHINA_ZONES: &[&str] = &[
        "Asia/Shanghai",
        "Asia/Chongqing",
        "Asia/Chungking",
        "Asia/Harbin",
        "Asia/Taipei",
        "Asia/Macau",
        "PRC",
        "ROC",
    ];
    CHINA_ZONES.contains(&opts.timezone.name()) || hint.is_some_and(is_chinese)
}

/// Reads a mail date: mailparse's `dateparse` for RFC 2822 dates, the lenient
/// [`parse_loose`] for the rest and for dates without a zone (read in `tz`).
fn parse_date(raw: &str, cst_china: bool, tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let prepared: String = raw
        .split(' ')
        .map(|t| if cst_china && t.eq_ignore_ascii_case("CST") { "+0800" } else { t })
        .collect::<Vec<_>>()
        .join(" ");
    use chrono::Datelike;
    let loose = parse_loose(&prepared, cst_china);
    // A date the lenient reader understood but that lies outside the
    // plausible years (`1 Jan 0000`) is refused, not handed to dateparse,
    // which would turn the year 0000 into 2000.
    if loose.is_some_and(|(naive, _)| !(1971..=2100).contains(&naive.year())) {
        return None;
    }
    let from_loose = loose.and_then(|(naive, off)| {
        let t = match off {
            Some(off) => off.from_local_datetime(&naive).single()?,
            None => tz.from_local_datetime(&naive).earliest()?.fixed_offset(),
        };
        Some(t.with_timezone(&Utc)).filter(plausible)
    });
    // Where both read the date they normally agree; where they differ,
    // dateparse has misread a zone (`+08:00` → 8 minutes, `GMT+8` → UTC) or
    // taken a zoneless local time for UTC, so the lenient reading wins and
    // dateparse is asked only when the lenient reader could not read it.
    from_loose.or_else(|| {
        mailparse::dateparse(&prepared)
            .ok()
            .filter(|&ts| ts != 0)
            .and_then(|ts| DateTime::from_timestamp(ts, 0))
            .filter(plausible)
    })
}

fn plausible(t: &DateTime<Utc>) -> bool {
    use chrono::Datelike;
    (1971..=2100).contains(&t.year())
}

/// A lenient date reader for what mailers write besides RFC 2822: ISO 8601,
/// `2005-7-8 10:00`, `8-Jul-2005`, asctime (`Fri Jul  8 12:08:34 2011`),
/// `2005年7月8日`, zones as `+0800`, `+08:00`, `GMT+8` or names.
fn parse_loose(raw: &str, cst_china: bool) -> Option<(NaiveDateTime, Option<FixedOffset>)> {
    if let Ok(t) = DateTime::parse_from_rfc3339(raw.trim()) {
        return Some((t.naive_local(), Some(*t.offset())));
    }
    let chars: Vec<char> = raw.chars().collect();
    let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let cleaned: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            '年' | '月' | '/' => '-',
            '日' | ',' | '(' | ')' => ' ',
            // ISO 8601's date-time separator, not the T of GMT.
            'T' if i > 0 && digit_at(i - 1) && digit_at(i + 1) => ' ',
            _ => c,
        })
        .collect();
    let (mut year, mut month, mut day) = (None::<i32>, None::<u32>, None::<u32>);
    let mut time: Option<NaiveTime> = None;
    let mut off: Option<FixedOffset> = None;
    // A 12-hour clock (`2:03:07 PM`, `2:03PM`): true for PM.
    let mut pm: Option<bool> = None;
    let meridiem = |t: &str| match t.to_ascii_lowercase().as_str() {
        "pm" | "p.m." => Some(true),
        "am" | "a.m." => Some(false),
        _ => None,
    };
    for tok in cleaned.split_whitespace() {
        if let Some(m) = meridiem(tok).filter(|_| time.is_some()) {
            pm = Some(m);
        } else if time.is_none()
            && tok.contains(':')
            && tok.starts_with(|c: char| c.is_ascii_digit())
        {
            let (t, zone) = split_time_zone(tok);
            let lower = t.to_ascii_lowercase();
            let t = match (lower.strip_suffix("pm"), lower.strip_suffix("am")) {
                (Some(h), _) => {
                    pm = Some(true);
                    t.get(..h.len()).unwrap_or(t)
                }
                (_, Some(h)) => {
                    pm = Some(false);
                    t.get(..h.len()).unwrap_or(t)
                }
                _ => t,
            };
            time = parse_time(t);
            if off.is_none() {
                off = zone.and_then(|z| parse_zone(z, cst_china));
            }
        } else if tok.contains('-')
            && tok.starts_with(|c: char| c.is_ascii_alphanumeric())
            && year.is_none()
        {
            let parts: Vec<&str> = tok.split('-').filter(|p| !p.is_empty()).collect();
            if let [a, b, c] = parts.as_slice() {
                let nums = |s: &str| s.parse::<u32>().ok();
                if a.len() == 4 {
                    (year, month, day) = (a.parse().ok(), nums(b), nums(c));
                } else {
                    let m = nums(b).or_else(|| month_number(b));
                    (day, month, year) = (nums(a), m, c.parse().ok().map(|y| widen_year_of(c, y)));
                }
            }
        } else if let Some(z) =
            parse_zone(tok, cst_china).filter(|_| off.is_none() && time.is_some())
        {
            off = Some(z);
        } else if let Some(m) = month_number(tok) {
            month.get_or_insert(m);
        } else if let Ok(n) = tok.parse::<u32>() {
            if tok.len() == 4 {
                year.get_or_insert(widen_year_of(tok, n as i32));
            } else if day.is_none() && (1..=31).contains(&n) {
                day = Some(n);
            } else if year.is_none() && tok.len() == 2 {
                year = Some(widen_year(n as i32));
            }
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let mut time = time.unwrap_or(NaiveTime::MIN);
    use chrono::Timelike;
    match pm {
        Some(true) if time.hour() < 12 => time += chrono::Duration::hours(12),
        Some(false) if time.hour() == 12 => time -= chrono::Duration::hours(12),
        _ => {}
    }
    Some((date.and_time(time), off))
}

/// [`widen_year`] for a year written as `tok`: four digits `00xx` are the
/// year xx as written (hostile or broken, and then implausible), not 20xx.
fn widen_year_of(tok: &str, y: i32) -> i32 {
    if tok.len() >= 4 && y < 100 { y } else { widen_year(y) }
}

fn widen_year(y: i32) -> i32 {
    match y {
        0..=69 => 2000 + y,
        70..=99 => 1900 + y,
        // C's tm_year printed as is: 0102 is 2002 (Y2K-era mailers).
        100..=199 => 1900 + y,
        _ => y,
    }
}

fn split_time_zone(tok: &str) -> (&str, Option<&str>) {
    match tok.find(['+', '-', 'Z', 'z']) {
        Some(i) => (tok.get(..i).unwrap_or(tok), tok.get(i..)),
        None => (tok, None),
    }
}

fn parse_time(t: &str) -> Option<NaiveTime> {
    let mut it = t.split(':');
    let h = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let s = it.next().and_then(|s| s.split('.').next()?.parse().ok()).unwrap_or(0);
    NaiveTime::from_hms_opt(h, m, s.min(59))
}

fn parse_zone(tok: &str, cst_china: bool) -> Option<FixedOffset> {
    let up = tok.to_ascii_uppercase();
    let hours = |h: i32| FixedOffset::east_opt(h * 3600);
    let named = match up.as_str() {
        "UT" | "UTC" | "GMT" | "Z" => Some(0),
        "EDT" => Some(-4),
        "EST" | "CDT" => Some(-5),
        "CST" if cst_china => Some(8),
        "CST" | "MDT" => Some(-6),
        "MST" | "PDT" => Some(-7),
        "PST" => Some(-8),
        "HKT" | "SGT" | "AWST" => Some(8),
        "JST" | "KST" => Some(9),
        "BST" | "CET" => Some(1),
        "CEST" | "EET" => Some(2),
        _ => None,
    };
    if let Some(h) = named {
        return hours(h);
    }
    let num = up.trim_start_matches("GMT").trim_start_matches("UTC");
    let sign = match num.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = num.get(1..)?.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (i32, i32) = match digits.len() {
        1 | 2 => (digits.parse().ok()?, 0),
        4 => (digits.get(..2)?.parse().ok()?, digits.get(2..)?.parse().ok()?),
        _ => return None,
    };
    // Out-of-range zones such as -1700 occur; chrono takes up to ±23:59.
    if h > 23 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

fn month_number(tok: &str) -> Option<u32> {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let t = tok.get(..3)?.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == t).map(|i| i as u32 + 1)
}

// ---------------------------------------------------------------------------
// Body

fn fill_body(
    ev: &mut Event,
    mail: &ParsedMail,
    hint: Option<&'static Encoding>,
    warnings: &mut Vec<String>,
) {
    let mut plain = Vec::new();
    let mut html = Vec::new();
    let mut stack = vec![mail];
    let mut seen = 0;
    while let Some(part) = stack.pop() {
        seen += 1;
        if seen > MAX_PARTS {
            warnings.push(format!("more than {MAX_PARTS} MIME parts; the rest ignored"));
            break;
        }
        let mime = part.ctype.mimetype.as_str();
        if mime.starts_with("multipart/") && !part.subparts.is_empty() {
            stack.extend(part.subparts.iter().rev());
            continue;
        }
        if let Some(name) = attachment_name(part, hint) {
            if ev.attachments.len() < MAX_ATTACHMENTS {
                ev.attachments.push(name);
            }
            continue;
        }
        // A multipart whose boundary never occurs holds its text directly.
        let as_text =
            mime.starts_with("text/") || mime.starts_with("multipart/") || mime.is_empty();
        if !as_text {
            continue;
        }
        let bytes = match part.get_body_raw() {
            Ok(b) => b,
            Err(e) => {
                warnings.push(format!("undecodable body part: {e}"));
                raw_body(part).to_vec()
            }
        };
        let declared = part.ctype.params.get("charset").and_then(|c| encoding_for(c));
        let charset = declared.or(hint.filter(|_| !part.ctype.params.contains_key("charset")));
        if mime == "text/html" {
            // Read only if no plain part has text (most HTML mail carries
            // a text/plain alternative).
            html.push(Html::Raw(bytes, charset));
            continue;
        }
        let text = decode_text(&bytes, charset, warnings);
        if !mime.starts_with("text/plain") && sniff_html(&text) {
            html.push(Html::Text(text));
        } else {
            plain.push(text);
        }
    }
    let chosen = if plain.iter().any(|t| !t.trim().is_empty()) {
        plain
    } else {
        html.into_iter()
            .map(|h| match h {
                Html::Raw(bytes, charset) => html_to_text(&decode_text(&bytes, charset, warnings)),
                Html::Text(text) => html_to_text(&text),
            })
            .collect()
    };
    // Line ends as the mailbox wrote them (CRLF from Takeout, LF from a
    // saved .eml) are not part of the text: one message, one text.
    let mut text = chosen.join("\n");
    if text.contains('\r') {
        text = text.replace("\r\n", "\n");
    }
    let mut text = text.trim().to_string();
    if let Some((cut, _)) = text.char_indices().nth(MAX_TEXT_CHARS) {
        text.truncate(cut);
        warnings.push(format!("text truncated to {MAX_TEXT_CHARS} characters"));
    }
    ev.text = text;
}

/// An HTML part kept for when no plain-text part has text.
enum Html {
    /// Declared `text/html`: transfer-decoded bytes and their charset, not read yet.
    Raw(Vec<u8>, Option<&'static Encoding>),
    /// Undeclared text that looked like HTML, already read.
    Text(String),
}

/// The raw (still transfer-encoded) body, for when decoding fails.
fn raw_body<'a>(part: &'a ParsedMail<'a>) -> &'a [u8] {
    use mailparse::body::Body;
    match part.get_body_encoded() {
        Body::Base64(b) | Body::QuotedPrintable(b) => b.get_raw(),
        Body::SevenBit(b) | Body::EightBit(b) => b.get_raw(),
        Body::Binary(b) => b.get_raw(),
    }
}

/// The part's file name if it is an attachment (a declared attachment, or a
/// named part that is not text).
fn attachment_name(part: &ParsedMail, hint: Option<&'static Encoding>) -> Option<String> {
    let disp = first_header(&part.headers, "Content-Disposition");
    let is_text =
        part.ctype.mimetype.starts_with("text/") || part.ctype.mimetype.starts_with("multipart/");
    if is_text && disp.is_none() {
        // A text part that does not declare itself an attachment is the body.
        return None;
    }
    let disp = disp
        .map(|h| mailparse::parse_content_disposition(&decode_header(h, hint)))
        .unwrap_or_default();
    let ctype = first_header(&part.headers, "Content-Type")
        .map(|h| mailparse::parse_content_type(&decode_header(h, hint)));
    let name = disp
        .params
        .get("filename")
        .or_else(|| ctype.as_ref().and_then(|c| c.params.get("name")))
        .map(|n| n.trim().chars().take(MAX_NAME_CHARS).collect::<String>());
    let is_attachment = disp.disposition == mailparse::DispositionType::Attachment;
    match name {
        Some(n) if is_attachment || !is_text => {
            Some(if n.is_empty() { "(unnamed)".into() } else { n })
        }
        None if is_attachment || !is_text => (!part.ctype.mimetype.starts_with("multipart/"))
            .then(|| format!("(unnamed {})", part.ctype.mimetype)),
        _ => None,
    }
}

fn sniff_html(text: &str) -> bool {
    let head = text.as_bytes();
    let head = head.get(..4096).unwrap_or(head);
    memchr::memchr_iter(b'<', head).any(|lt| {
        let tag = head.get(lt + 1..).unwrap_or_default();
        ["html", "body", "br", "p>", "div", "table", "font"]
            .iter()
            .any(|t| tag.get(..t.len()).is_some_and(|w| w.eq_ignore_ascii_case(t.as_bytes())))
    })
}

/// HTML → plain text: tags dropped (block tags become line breaks), scripts,
/// styles and comments removed, entities decoded, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(rest.get(..lt).unwrap_or("")));
        let after = rest.get(lt..).unwrap_or("");
        if let Some(c) = after.strip_prefix("<!--") {
            rest = c.find("-->").and_then(|e| c.get(e + 3..)).unwrap_or("");
            continue;
        }
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after.get(1..gt).unwrap_or("");
        let bare = tag.trim_start_matches('/');
        let name_len = bare.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = bare.get(..name_len).unwrap_or("");
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        rest = after.get(gt + 1..).unwrap_or("");
        if (is("script") || is("style")) && !tag.starts_with('/') {
            let close = format!("</{name}");
            rest = find_ci(rest, &close)
                .and_then(|i| rest.get(i..))
                .and_then(|r| r.find('>').and_then(|g| r.get(g + 1..)))
                .unwrap_or("");
            continue;
        }
        const BLOCKS: [&str; 16] = [
            "br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
            "hr", "title",
        ];
        let block = BLOCKS.iter().any(|b| is(b));
        out.push(if block { '\n' } else { ' ' });
    }
    out.push_str(&decode_entities(rest));
    collapse_whitespace(&out)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    hay.as_bytes().windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| after.get(..e)).and_then(entity);
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or("");
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "middot" => '·',
        "bull" => '•',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "yen" => '¥',
        "euro" => '€',
        "pound" => '£',
        "times" => '×',
        _ => return None,
    })
}

/// Runs of spaces become one space, runs of blank lines one line break.
fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(first);
        for w in words {
            out.push(' ');
            out.push_str(w);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest/mail")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    fn parse_with(raw: &[u8], opts: &IngestOptions) -> Event {
        parse_message(raw, "t.eml", Position::default(), opts).unwrap_or_else(|e| panic!("{e}"))
    }

    fn parse(raw: &[u8]) -> Event {
        parse_with(raw, &IngestOptions::default())
    }

    fn ts(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn mailparse_alone_garbles_split_words() {
        // Why join_encoded_words exists: mailparse 0.16 decodes each word alone.
        let raw = fixture("split_multibyte.eml");
        let m = mailparse::parse_mail(&raw).unwrap();
        assert!(m.headers.get_first_value("Subject").unwrap().contains('\u{FFFD}'));
        let e = parse(&raw);
        assert_eq!(e.subject.as_deref(), Some("推广中文"));
        assert_eq!(e.from_name.as_deref(), Some("张伟"));
        assert_eq!(e.from, "zhang@example.cn");
    }

    #[test]
    fn join_keeps_unrelated_words_and_text() {
        assert_eq!(join_encoded_words("plain text"), "plain text");
        let v = "=?UTF-8?B?5byg?= and =?GBK?B?1dQ=?=";
        assert_eq!(join_encoded_words(v), v, "not adjacent: left to mailparse");
        let joined = join_encoded_words("Re: =?utf-8?q?a?= =?UTF-8?Q?b_c?= tail");
        assert_eq!(joined, "Re: =?utf-8?Q?=61=62=20=63?= tail");
        // From spamassassin hard-ham-1/00039: each ISO-2022-JP word is complete.
        let jp = "=?iso-2022-jp?B?GyRCRnxLXDhsJE43b0w+IUolNSVWJTglJyUvJUghSyEhJTkbKEI=?=\r\n\t=?iso-2022-jp?B?GyRCJVElYCVhITwlayRHJE8kIiRqJF4kOyRzISobKEI=?=";
        assert_eq!(join_encoded_words(jp), jp);
        let e = parse(format!("From: a@b.c\nSubject: {jp}\n\nx").as_bytes());
        assert_eq!(
            e.subject.as_deref(),
            Some("日本語の件名（サブジェクト）\u{3000}スパムメールではありません！")
        );
    }

    #[test]
    fn basic_fields() {
        let e = parse(&fixture("alternative.eml"));
        assert_eq!(e.channel, Some(Channel::Email));
        assert_eq!(e.direction, Direction::Incoming);
        assert_eq!(e.text, "Plain version €");
        assert_eq!(e.to.as_deref(), Some("me@example.org"));
        assert_eq!(e.to_all, ["me@example.org", "other@example.org", "cc@example.org"]);
        assert_eq!(e.reply_to.as_deref(), Some("replies@example.com"));
        assert_eq!(e.sender_domain.as_deref(), Some("example.com"));
        assert_eq!(e.at, Some(ts("2024-01-08T09:00:00Z")));
        assert_eq!(e.at_raw, "Mon, 08 Jan 2024 09:00:00 +0000");
        assert_eq!(e.raw_sha256, sha256_hex(&fixture("alternative.eml")));
        assert_eq!(e.id, e.compute_id());
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    }

    #[test]
    fn own_identities_pick_to_and_direction() {
        let raw = fixture("alternative.eml");
        let opts =
            IngestOptions { own_identities: vec!["CC@example.org".into()], ..Default::default() };
        assert_eq!(parse_with(&raw, &opts).to.as_deref(), Some("cc@example.org"));
        let opts =
            IngestOptions { own_identities: vec!["a@example.com".into()], ..Default::default() };
        let e = parse_with(&raw, &opts);
        assert_eq!(e.direction, Direction::Outgoing);
        assert_eq!(e.to, None);
    }

    #[test]
    fn declared_cjk_and_western_charsets() {
        let e = parse(&fixture("gbk.eml"));
        assert_eq!(e.subject.as_deref(), Some("学区房急售"));
        assert_eq!(e.from_name.as_deref(), Some("房产中介"));
        assert_eq!(e.text, "您好，学区房急售，请回电。");
        let e = parse(&fixture("big5.eml"));
        assert_eq!(e.subject.as_deref(), Some("貸款"));
        assert_eq!(e.text, "低利貸款，快速核准。");
        let e = parse(&fixture("iso2022jp.eml"));
        assert_eq!(e.subject.as_deref(), Some("お知らせ"));
        assert_eq!(e.text, "こんにちは、当選しました。");
        let e = parse(&fixture("win1252.eml"));
        assert_eq!(e.subject.as_deref(), Some("Café crème “special”"));
        assert_eq!(e.text, "Naïve résumé € 5 – today");
        assert_eq!(e.from, "café@example.fr");
    }

    #[test]
    fn undeclared_8bit_gb18030() {
        let e = parse(&fixture("undeclared_gb18030.eml"));
        assert_eq!(e.subject.as_deref(), Some("发票代开，优惠"));
        assert_eq!(e.from_name.as_deref(), Some("王经理"));
        assert_eq!(e.text, "本公司长期代开各类发票，联系电话。");
        assert!(e.warnings.iter().any(|w| w.contains("GB18030")), "{:?}", e.warnings);
        // Latin-1 accents standing alone are not mistaken for Chinese.
        let e = parse(b"From: a@b.c\nSubject: caf\xe9 ol\xe9\n\nna\xefve\n");
        assert_eq!(e.subject.as_deref(), Some("café olé"));
        assert_eq!(e.text, "naïve");
    }

    #[test]
    fn html_only_becomes_text() {
        let e = parse(&fixture("html_only.eml"));
        assert_eq!(e.text, "T\nHello & welcome\nLine two 中文\nBye");
        assert_eq!(html_to_text("a<br>b &lt;c&gt; &bogus; & <x"), "a\nb <c> &bogus; &");
    }

    #[test]
    fn attachments_by_name_only() {
        let e = parse(&fixture("attachments.eml"));
        assert_eq!(e.text, "See attached.");
        assert_eq!(e.attachments, ["invoice.pdf", "名单.txt", "(unnamed image/png)"]);
        assert!(!e.text.contains("secret"));
    }

    #[test]
    fn multipart_without_boundary_is_text() {
        // 4,843 of 14,838 trec06c messages look like this.
        let e = parse(&fixture("boundary_missing.eml"));
        assert_eq!(e.subject.as_deref(), Some("域名空间大放送"));
        assert_eq!(e.text, "全国最低价--域名空间大放送\n会员注册邀请书");
        assert_eq!(e.at, Some(ts("2005-07-08T17:54:26+08:00")), "from Received:");
    }

    #[test]
    fn cst_depends_on_zone_and_charset() {
        let raw = fixture("cst.eml");
        assert_eq!(parse(&raw).at, Some(ts("2005-07-08T17:54:26+08:00")));
        let us = IngestOptions { timezone: chrono_tz::America::Chicago, ..Default::default() };
        assert_eq!(parse_with(&raw, &us).at, Some(ts("2005-07-08T17:54:26-06:00")));
        // A Chinese charset makes CST Chinese wherever the person lives.
        assert_eq!(parse_with(&fixture("gbk.eml"), &us).at, Some(ts("2024-01-02T09:00:00+08:00")));
    }

    #[test]
    fn malformed_dates() {
        let sh = chrono_tz::Asia::Shanghai;
        let cases = [
            ("Fri, 8 Jul 2005 17:54:26 +0800", "2005-07-08T17:54:26+08:00"),
            ("8 Jul 05 17:54 GMT", "2005-07-08T17:54:00Z"),
            ("Fri Jul  8 17:54:26 2005", "2005-07-08T17:54:26+08:00"),
            ("2005-07-08 17:54:26", "2005-07-08T17:54:26+08:00"),
            ("2005-07-08T17:54:26Z", "2005-07-08T17:54:26Z"),
            ("2005/7/8 17:54:26 +0800", "2005-07-08T17:54:26+08:00"),
            ("Fri, 08-Jul-2005 17:54:26 GMT+8", "2005-07-08T17:54:26+08:00"),
            ("2005年7月8日 17:54", "2005-07-08T17:54:00+08:00"),
            ("Fri, 08 Jul 2005 17:54:26", "2005-07-08T17:54:26+08:00"),
            ("Fri, 08 Jul 2005 17:54:26 +08:00", "2005-07-08T17:54:26+08:00"),
            ("Mon, 22 Jul 0102 07:54:53 -0400", "2002-07-22T07:54:53-04:00"),
            ("Mon, 05 Aug 2002 08:51:39 -1700", "2002-08-05T08:51:39-17:00"),
            ("Tue, 5 Mar 2024 2:03:07 PM +0800", "2024-03-05T14:03:07+08:00"),
            ("Tuesday, March 05, 2024 2:03PM", "2024-03-05T14:03:00+08:00"),
            ("Tue, 5 Mar 2024 12:10 AM +0800", "2024-03-05T00:10:00+08:00"),
        ];
        for (raw, want) in cases {
            assert_eq!(parse_date(raw, true, sh), Some(ts(want)), "{raw}");
        }
        for garbage in ["", "garbage", "Fri, 99 Foo 2005", "0", "32 Jan 2005 10:00:00 +0000"] {
            assert_eq!(parse_date(garbage, true, sh), None, "{garbage:?}");
        }
        let e = parse(b"From: a@b.c\nDate: someday soon\n\nx");
        assert_eq!(e.at, None);
        assert_eq!(e.at_raw, "someday soon");
        assert!(e.warnings.iter().any(|w| w.contains("unreadable date")));
    }

    #[test]
    fn export_habits_utf8_headers_sent_label_and_line_ends() {
        // A raw UTF-8 subject in a message whose body is GB2312.
        let e = parse(
            "From: a@b.c\nSubject: 新楼盘开盘\nContent-Type: text/plain; charset=gb2312\n\nx"
                .as_bytes(),
        );
        assert_eq!(e.subject.as_deref(), Some("新楼盘开盘"));
        // Takeout's Sent label.
        let e = parse(b"From: me@gmail.com\nX-Gmail-Labels: Sent,Opened\nSubject: hi\n\nx");
        assert_eq!(e.direction, Direction::Outgoing);
        // The same message saved with LF and exported with CRLF is one event.
        let lf = parse(b"From: a@b.c\nMessage-ID: <d@b.c>\nSubject: s\n\nline1\nline2\n");
        let crlf =
            parse(b"From: a@b.c\r\nMessage-ID: <d@b.c>\r\nSubject: s\r\n\r\nline1\r\nline2\r\n");
        assert_eq!(lf.text, "line1\nline2");
        assert_eq!(lf.id, crlf.id);
    }

    #[test]
    fn apple_mail_emlx() {
        let msg = "From: a@shop.example\nSubject: hi\n\nbody\n";
        let emlx = format!(
            "{}\n{msg}<?xml version=\"1.0\"?>\n<plist version=\"1.0\"><dict/></plist>\n",
            msg.len()
        );
        let e = parse(emlx.as_bytes());
        assert_eq!((e.from.as_str(), e.text.as_str()), ("a@shop.example", "body"));
        assert_eq!(
            crate::ingest::detect::detect("1234.emlx", emlx.as_bytes()),
            Some(crate::ingest::Format::Eml)
        );
    }

    #[test]
    fn missing_date_falls_back_to_received_then_envelope() {
        let e = parse(&fixture("no_date.eml"));
        assert_eq!(e.at, Some(ts("2024-01-10T09:59:00Z")), "last Received: is the earliest hop");
        assert!(e.warnings.iter().any(|w| w.contains("Received")));
        let e = parse(b"From x@y Sat Mar  2 10:00:00 2024\nFrom: x@y.z\n\nbody");
        assert_eq!(e.at, Some(ts("2024-03-02T10:00:00+08:00")));
        let e = parse(b"From: x@y.z\n\nbody");
        assert_eq!(e.at, None);
        assert!(e.warnings.iter().any(|w| w == "no date"));
    }

    #[test]
    fn leading_from_line_tolerated() {
        let e = parse(
            b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\nFrom: a@b.c\nSubject: s\n\nbody\n",
        );
        assert_eq!(e.from, "a@b.c");
        assert_eq!(e.subject.as_deref(), Some("s"));
        assert_eq!(e.text, "body");
    }

    #[test]
    fn no_headers_is_a_record_error() {
        for raw in
            [&b""[..], b"just some text\nmore", b"\n\n", b"From x Sat Mar  2 10:00:00 2024\n\nbody"]
        {
            let err = parse_message(raw, "f", Position::offset(7), &IngestOptions::default())
                .unwrap_err();
            assert_eq!(err.reason, "no mail headers", "{:?}", String::from_utf8_lossy(raw));
            assert_eq!(err.position, Position::offset(7));
        }
    }

    #[test]
    fn truncated_message_still_parses() {
        let e = parse(&fixture("truncated.eml"));
        assert_eq!(e.text, "Hello truncated world");
        assert_eq!(e.attachments, ["a.zip"]);
    }

    #[test]
    fn deep_nesting_bomb_is_refused() {
        let depth = 50_000;
        let mut raw = String::from("From: a@b.c\n");
        for i in 0..depth {
            raw.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"));
        }
        raw.push_str("Content-Type: text/plain\n\nx\n");
        let err =
            parse_message(raw.as_bytes(), "bomb", Position::default(), &IngestOptions::default())
                .unwrap_err();
        assert!(err.reason.contains("nesting"), "{}", err.reason);
        // Nesting up to the cap is fine.
        let mut ok = String::from("From: a@b.c\n");
        for i in 0..MAX_MIME_DEPTH - 1 {
            ok.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b{i}\"\n\n--b{i}\n"));
        }
        ok.push_str("Content-Type: text/plain\n\ndeep text\n");
        assert_eq!(parse(ok.as_bytes()).text, "deep text");
    }

    #[test]
    fn many_parts_are_capped() {
        let mut raw = String::from("From: a@b.c\nContent-Type: multipart/mixed; boundary=z\n\n");
        for _ in 0..MAX_PARTS + 10 {
            raw.push_str("--z\nContent-Type: text/plain\n\np\n");
        }
        let err =
            parse_message(raw.as_bytes(), "f", Position::default(), &IngestOptions::default())
                .unwrap_err();
        assert!(err.reason.contains("MIME parts"), "{}", err.reason);
        // A hostile 30 MB of delimiters is refused before mailparse builds parts.
        let mut bomb = b"From: a@b.c\nContent-Type: multipart/mixed; boundary=z\n\n".to_vec();
        bomb.extend(b"--z\n".repeat(7_000_000));
        assert!(parse_message(&bomb, "f", Position::default(), &IngestOptions::default()).is_err());
    }

    #[test]
    fn huge_message_and_long_text_are_capped() {
        let big = vec![b'a'; MAX_RECORD_BYTES + 1];
        let err =
            parse_message(&big, "big", Position::default(), &IngestOptions::default()).unwrap_err();
        assert!(err.reason.contains("larger than"));
        let mut raw = b"From: a@b.c\n\n".to_vec();
        raw.extend(std::iter::repeat_n(b'x', MAX_TEXT_CHARS + 5));
        let e = parse(&raw);
        assert_eq!(e.text.chars().count(), MAX_TEXT_CHARS);
        assert!(e.warnings.iter().any(|w| w.contains("truncated")));
    }

    #[test]
    fn hostile_bytes_never_panic() {
        // A cheap deterministic fuzz: mutate a real message byte by byte.
        let base = fixture("attachments.eml");
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            let mut m = base.clone();
            for _ in 0..8 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let i = (seed as usize) % m.len();
                m[i] = (seed >> 32) as u8;
            }
            let cut = (seed as usize >> 8) % m.len();
            let _ = parse_message(&m, "f", Position::default(), &IngestOptions::default());
            let _ = parse_message(&m[..cut], "f", Position::default(), &IngestOptions::default());
        }
        for s in
            ["=?", "=?x?B?", "=?utf-8?Q?=?= =?utf-8?Q?=E4?=", "&#xFFFFFFFF;", "<script", "<!--"]
        {
            let raw =
                format!("From: {s}\nSubject: {s} {s}\nDate: {s}\nContent-Type: text/html\n\n{s}");
            let _ =
                parse_message(raw.as_bytes(), "f", Position::default(), &IngestOptions::default());
        }
    }

    /// Parses every file of the `dirs` under `../shared/data/<corpus>`;
    /// returns (files, events, subjects with U+FFFD), or `None` when absent.
    fn corpus(corpus: &str, dirs: &[&str]) -> Option<(usize, usize, usize)> {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data").join(corpus);
        if !root.is_dir() {
            eprintln!("skipped: {} is absent", root.display());
            return None;
        }
        let mut files = Vec::new();
        for d in dirs {
            let dir = root.join(d);
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for e in entries.flatten() {
                let p = e.path();
                let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if p.is_file() && !hidden {
                    files.push(p);
                }
            }
        }
        files.sort();
        let opts = IngestOptions::default();
        let results: Vec<RecordResult> = {
            use rayon::prelude::*;
            files
                .par_iter()
                .map(|p| {
                    let raw = std::fs::read(p).unwrap();
                    parse_message(&raw, &p.to_string_lossy(), Position::default(), &opts)
                })
                .collect()
        };
        let mut events = 0;
        let mut garbled = 0;
        let mut cut = 0;
        for r in &results {
            match r {
                Ok(e) => {
                    events += 1;
                    let bad = e.subject.as_deref().is_some_and(|s| s.contains('\u{FFFD}'));
                    garbled += usize::from(bad);
                    cut += usize::from(
                        e.warnings.iter().any(|w| w.starts_with("subject ends in a character cut")),
                    );
                    if std::env::var_os("LEAKTRACE_CORPUS_DEBUG").is_some()
                        && (bad || e.at.is_none() || e.from.is_empty() || e.text.is_empty())
                    {
                        eprintln!(
                            "  {}: at={:?} from={:?} text={} subject={:?} warn={:?}",
                            e.source_file,
                            e.at,
                            e.from,
                            e.text.len(),
                            e.subject,
                            e.warnings
                        );
                    }
                }
                Err(e) => eprintln!("  record error: {e}"),
            }
        }
        eprintln!(
            "{corpus}: {cut} subjects cut mid-character at the source (partial character dropped)"
        );
        Some((files.len(), events, garbled))
    }

    #[test]
    fn corpus_spamassassin() {
        let dirs = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];
        let Some((n, events, garbled)) = corpus("spamassassin", &dirs) else { return };
        let rate = events as f64 / n as f64;
        eprintln!(
            "spamassassin: {n} files, {events} events ({:.2}%), {garbled} subjects with U+FFFD",
            rate * 100.0
        );
        assert_eq!(n, 6046);
        assert!(rate >= 0.995);
    }

    #[test]
    fn corpus_trec06c() {
        let Some((n, events, garbled)) = corpus("trec06c_subset", &["normal", "spam"]) else {
            return;
        };
        let rate = events as f64 / n as f64;
        let clean = 1.0 - garbled as f64 / events.max(1) as f64;
        eprintln!(
            "trec06c: {n} files, {events} events ({:.2}%), subjects free of U+FFFD: {:.2}%",
            rate * 100.0,
            clean * 100.0
        );
        assert_eq!(n, 14_838);
        assert!(rate >= 0.995);
        assert!(clean >= 0.99);
    }
}
