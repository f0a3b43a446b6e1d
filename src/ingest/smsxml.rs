//! Android "SMS Backup & Restore" XML (`<smses>` with `<sms>` and `<mms>`,
//! `<calls>` with `<call>`): owns reading those files into events, and the
//! unescaping of their attribute values.
//!
//! quick-xml hands us attribute values raw; [`unescape`] decodes them itself
//! because the app writes emoji as UTF-16 surrogate pairs of character
//! references (`&#55357;&#56832;` for 😀), which XML forbids and strict
//! parsers reject. Pairs are combined; a lone surrogate becomes U+FFFD with a
//! warning on the event.
//!
//! Hostile files: DTDs are never read, so declared entities are never
//! expanded (no "billion laughs") and external entities never fetched (no
//! XXE); an unknown `&name;` stays literal. A malformed element is reported
//! with its line and reading resumes at the next `<sms`, `<mms` or `<call`; a
//! truncated file keeps the records before the cut and reports the cut once.
//!
//! Field choices: `from` is always the other party, also for sent messages
//! and outgoing calls (`direction` tells them apart). An MMS's other party
//! comes from its `<addr>` PDU types (137 from, 151 to), its `to` is the
//! recipient listed in `IngestOptions::own_identities` (or the only one).
//! The instant comes from `date` (epoch ms), else from `readable_date`; a
//! record with neither is skipped with a reason.

use super::calllog::{self, LineCounter};
use super::{IngestOptions, MAX_RECORD_BYTES, RecordResult};
use crate::error::{Error, Position, RecordError, Result};
use crate::event::{Channel, Direction, Event, sha256_hex};
use crate::normalize::{datetime, encoding, phone};
use quick_xml::events::{BytesStart, Event as Xml};

/// Longest message text kept, in bytes; longer text is cut with a warning.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;
/// Most `<part>` or `<addr>` children of one MMS read; further ones are ignored with a warning.
pub const MAX_MMS_CHILDREN: usize = 256;
/// Most attributes read on one element; further ones are ignored with a warning.
pub const MAX_ATTRIBUTES: usize = 64;
/// Most malformed places reported in one file before reading stops.
pub const MAX_XML_ERRORS: usize = 1000;
/// Longest `&…;` reference recognised; a longer one stays literal.
const MAX_REFERENCE_LEN: usize = 16;

/// Unescapes an XML attribute value without a DTD: the five predefined
/// entities and decimal or hex character references. UTF-16 surrogate pairs
/// written as two references are combined into one character; lone
/// surrogates and invalid code points become U+FFFD with a warning pushed
/// onto `warnings`. Unknown named entities stay literal.
///
/// ```
/// use leaktrace::ingest::smsxml::unescape;
/// let mut w = Vec::new();
/// assert_eq!(unescape("hi &#55357;&#56832; &amp; &lol;", &mut w), "hi 😀 & &lol;");
/// assert!(w.is_empty());
/// ```
pub fn unescape(raw: &str, warnings: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    let mut bad = 0usize;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        rest = rest.get(amp..).unwrap_or("");
        let Some((reference, after)) = split_reference(rest) else {
            out.push('&');
            rest = rest.get(1..).unwrap_or("");
            continue;
        };
        match reference {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => match code_point(reference) {
                Some(hi @ 0xD800..=0xDBFF) => {
                    let low = split_reference(after)
                        .and_then(|(r, a)| code_point(r).map(|c| (c, a)))
                        .filter(|(c, _)| (0xDC00..=0xDFFF).contains(c));
                    if let Some((lo, after_low)) = low {
                        let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        rest = after_low;
                        continue;
                    }
                    out.push('\u{FFFD}');
                    bad += 1;
                }
                Some(c) => match char::from_u32(c).filter(|&ch| ch != '\0') {
                    Some(ch) => out.push(ch),
                    None => {
                        out.push('\u{FFFD}');
                        bad += 1;
                    }
                },
                // Unknown named entity (never expanded from a DTD): keep it as written.
                None => out.push_str(rest.get(..rest.len() - after.len()).unwrap_or("")),
            },
        }
        rest = after;
    }
    out.push_str(rest);
    if bad > 0 {
        warnings.push(format!(
            "{bad} lone surrogate or invalid character reference(s) replaced by U+FFFD"
        ));
    }
    out
}

/// `&name;rest` → `(name, rest)`, for a short reference of name characters.
fn split_reference(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_prefix('&')?;
    let end = body.char_indices().take(MAX_REFERENCE_LEN + 1).find(|(_, c)| *c == ';')?.0;
    let name = body.get(..end)?;
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '#' | '_' | '-' | '.'));
    ok.then(|| Some((name, body.get(end + 1..)?))).flatten()
}

/// `#123` or `#x1F600` → the number (`u32::MAX` when too large, which is
/// no character); `None` for a named entity or a malformed reference.
fn code_point(reference: &str) -> Option<u32> {
    let num = reference.strip_prefix('#')?;
    let (digits, radix) = match num.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16),
        None => (num, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(u32::from_str_radix(digits, radix).unwrap_or(u32::MAX))
}

/// Which kind of record element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sms,
    Mms,
    Call,
}

impl Kind {
    fn from_name(name: &[u8]) -> Option<Kind> {
        match name {
            b"sms" => Some(Kind::Sms),
            b"mms" => Some(Kind::Mms),
            b"call" => Some(Kind::Call),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Sms => "sms",
            Kind::Mms => "mms",
            Kind::Call => "call",
        }
    }
}

/// Attributes of one element, raw values (not yet unescaped).
#[derive(Debug, Default)]
struct Attrs {
    pairs: Vec<(String, String)>,
}

impl Attrs {
    fn read(e: &BytesStart<'_>, warnings: &mut Vec<String>) -> std::result::Result<Attrs, String> {
        let mut pairs = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| format!("malformed attribute: {err}"))?;
            if pairs.len() == MAX_ATTRIBUTES {
                warnings.push(format!("more than {MAX_ATTRIBUTES} attributes; the rest ignored"));
                break;
            }
            let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
            let value = String::from_utf8_lossy(&attr.value).into_owned();
            pairs.push((key, value));
        }
        Ok(Attrs { pairs })
    }

    fn raw(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The unescaped, trimmed value; `None` when absent, empty or the app's `null`.
    fn text(&self, key: &str, warnings: &mut Vec<String>) -> Option<String> {
        let v = unescape(self.raw(key)?, warnings);
        let t = v.trim();
        (!t.is_empty() && t != "null").then(|| t.to_string())
    }
}

/// An MMS `<addr>`: the address and its PDU type (137 from, 151 to, 130 cc, 129 bcc).
struct Addr {
    address: String,
    kind: String,
}

/// One record element, with what was read inside it.
struct Element {
    kind: Kind,
    attrs: Attrs,
    parts: Vec<String>,
    addrs: Vec<Addr>,
    start: usize,
    end: usize,
    warnings: Vec<String>,
    /// Why the element cannot become an event though the XML around it is fine.
    malformed: Option<String>,
    /// Whether [`MAX_MMS_CHILDREN`] was reached.
    capped: bool,
}

/// What the main loop does next.
enum Flow {
    Go,
    Stop,
    /// Start a fresh reader at this byte offset (after a malformed place).
    Resume(usize),
}

impl Element {
    /// A record element from its start tag; bad attributes make it malformed.
    fn new(kind: Kind, tag: &BytesStart<'_>, start: usize, end: usize) -> Element {
        let mut warnings = Vec::new();
        let (attrs, malformed) = match Attrs::read(tag, &mut warnings) {
            Ok(a) => (a, None),
            Err(why) => (Attrs::default(), Some(why)),
        };
        Element {
            kind,
            attrs,
            parts: Vec::new(),
            addrs: Vec::new(),
            start,
            end,
            warnings,
            malformed,
            capped: false,
        }
    }

    /// Keeps an MMS `<part>` of type text/plain, or an `<addr>`.
    fn add_mms_child(&mut self, e: &BytesStart<'_>) -> std::result::Result<(), String> {
        let name = e.local_name();
        let is_part = name.as_ref() == b"part";
        if !is_part && name.as_ref() != b"addr" {
            return Ok(());
        }
        if self.parts.len() + self.addrs.len() >= MAX_MMS_CHILDREN {
            if !self.capped {
                self.capped = true;
                self.warnings.push(format!(
                    "more than {MAX_MMS_CHILDREN} MMS parts/addresses; the rest ignored"
                ));
            }
            return Ok(());
        }
        let attrs = Attrs::read(e, &mut self.warnings)?;
        if is_part {
            let ct = attrs.raw("ct").unwrap_or("").trim();
            if let Some(t) = attrs.raw("text").filter(|_| ct.eq_ignore_ascii_case("text/plain")) {
                let t = unescape(t, &mut self.warnings);
                if t != "null" {
                    self.parts.push(t);
                }
            }
        } else {
            let address = attrs.raw("address").map(|a| unescape(a, &mut self.warnings));
            let kind = attrs.raw("type").unwrap_or("").trim().to_string();
            self.addrs.push(Addr { address: address.unwrap_or_default(), kind });
        }
        Ok(())
    }
}

/// How reading an element's children ended.
enum Inner {
    Closed,
    Eof,
    Malformed(String),
}

struct Parser<'t, 'o> {
    text: &'t str,
    file: &'o str,
    opts: &'o IngestOptions,
    lines: LineCounter,
    /// The encoding label the text was decoded under.
    charset: &'static str,
    errors: usize,
}

/// Reads one SMS Backup & Restore XML file and hands each `<sms>`, `<mms>`
/// and `<call>`, as an event or a skip reason, to `sink`.
///
/// Fails as a whole only when the file has no `<smses>` or `<calls>` root.
pub fn read(
    bytes: &[u8],
    file: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    let (text, label) = encoding::decode_cow(bytes);
    let mut parser = Parser {
        text: &text,
        file,
        opts,
        lines: LineCounter::default(),
        charset: label,
        errors: 0,
    };
    parser.run(sink)
}

fn new_reader(text: &str, resumed: bool) -> quick_xml::Reader<&[u8]> {
    let mut reader = quick_xml::Reader::from_str(text);
    let config = reader.config_mut();
    config.trim_text(false);
    config.expand_empty_elements = false;
    config.check_end_names = true;
    // After a resync the root's start tag lies behind us.
    config.allow_unmatched_ends = resumed;
    reader
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

impl Parser<'_, '_> {
    fn error(&mut self, at: usize, reason: impl Into<String>) -> RecordResult {
        let line = self.lines.line_at(self.text.as_bytes(), at);
        Err(RecordError::new(self.file, Position::line(line), reason))
    }

    fn run(&mut self, sink: &mut dyn FnMut(RecordResult)) -> Result<()> {
        let text = self.text;
        let mut base = 0usize;
        let mut reader = new_reader(text, false);
        // 0: before the root, 1: inside it, more: inside other elements.
        let mut depth = 0usize;
        let mut root_seen = false;
        loop {
            let ev_start = base + to_usize(reader.buffer_position());
            let event = reader.read_event();
            let ev_end = base + to_usize(reader.buffer_position());
            let flow = match event {
                Ok(Xml::Start(e)) if depth == 0 => {
                    self.check_root(&e, ev_start)?;
                    root_seen = true;
                    depth = 1;
                    Flow::Go
                }
                // `<smses count="0"/>`: an export with nothing in it.
                Ok(Xml::Empty(e)) if depth == 0 => return self.check_root(&e, ev_start),
                Ok(Xml::Start(e)) => match Kind::from_name(e.local_name().as_ref()) {
                    Some(kind) if depth == 1 => {
                        let (el, inner) = self.element(kind, &e, &mut reader, base, ev_start);
                        match inner {
                            Inner::Closed => {
                                sink(self.record(el));
                                Flow::Go
                            }
                            Inner::Eof => {
                                let why = format!("file truncated inside <{}>", kind.name());
                                sink(self.error(ev_start, why));
                                Flow::Stop
                            }
                            Inner::Malformed(why) => {
                                let at = base + to_usize(reader.error_position());
                                self.resync(sink, ev_start, at, why)
                            }
                        }
                    }
                    _ => {
                        depth += 1;
                        Flow::Go
                    }
                },
                Ok(Xml::Empty(e)) => {
                    let kind = Kind::from_name(e.local_name().as_ref()).filter(|_| depth == 1);
                    if let Some(kind) = kind {
                        let el = Element::new(kind, &e, ev_start, ev_end);
                        sink(self.record(el));
                    }
                    Flow::Go
                }
                Ok(Xml::End(_)) => {
                    depth = depth.saturating_sub(1);
                    // Once the root is closed, anything after it is not ours.
                    if depth == 0 { Flow::Stop } else { Flow::Go }
                }
                Ok(Xml::Eof) if !root_seen => {
                    return Err(self.not_a_backup(1, "no <smses> or <calls> element"));
                }
                Ok(Xml::Eof) => {
                    let why = "file truncated: it ends before the closing tag of the root element";
                    sink(self.error(text.len(), why));
                    Flow::Stop
                }
                Ok(_) => Flow::Go,
                Err(e) => {
                    let at = base + to_usize(reader.error_position());
                    if !root_seen {
                        let line = self.lines.line_at(text.as_bytes(), at);
                        return Err(self.not_a_backup(line, &format!("not readable as XML: {e}")));
                    }
                    self.resync(sink, ev_start, at, e.to_string())
                }
            };
            match flow {
                Flow::Go => {}
                Flow::Stop => return Ok(()),
                Flow::Resume(next) => {
                    base = next;
                    reader = new_reader(text.get(next..).unwrap_or(""), true);
                    depth = 1;
                }
            }
        }
    }

    fn not_a_backup(&self, line: u64, why: &str) -> Error {
        Error::input(
            self.file,
            Position::line(line),
            format!("{why}: not an SMS Backup & Restore file"),
        )
    }

    fn check_root(&mut self, e: &BytesStart<'_>, at: usize) -> Result<()> {
        match e.local_name().as_ref() {
            b"smses" | b"calls" => Ok(()),
            other => {
                let line = self.lines.line_at(self.text.as_bytes(), at);
                let why = format!(
                    "root element is <{}>, expected <smses> or <calls>",
                    String::from_utf8_lossy(other)
                );
                Err(self.not_a_backup(line, &why))
            }
        }
    }

    /// Reports a malformed place and finds where to resume: the next record
    /// element after it. Stops when there is none (then the place was the
    /// end of the file: a truncation) or after [`MAX_XML_ERRORS`].
    fn resync(
        &mut self,
        sink: &mut dyn FnMut(RecordResult),
        ev_start: usize,
        err_at: usize,
        why: String,
    ) -> Flow {
        self.errors += 1;
        let from = err_at.max(ev_start + 1);
        let next = next_record_tag(self.text, from);
        let reason = match next {
            None => format!("file truncated or malformed at its end: {why}"),
            Some(_) => format!("malformed XML, skipped to the next record: {why}"),
        };
        sink(self.error(ev_start, reason));
        match next {
            Some(_) if self.errors >= MAX_XML_ERRORS => {
                let why =
                    format!("{MAX_XML_ERRORS} malformed places; the rest of the file skipped");
                sink(self.error(from, why));
                Flow::Stop
            }
            Some(next) => Flow::Resume(next),
            None => Flow::Stop,
        }
    }

    /// Reads the children of a record element up to its end tag.
    fn element(
        &mut self,
        kind: Kind,
        start_tag: &BytesStart<'_>,
        reader: &mut quick_xml::Reader<&[u8]>,
        base: usize,
        start: usize,
    ) -> (Element, Inner) {
        let mut el = Element::new(kind, start_tag, start, start);
        let mut depth = 0usize;
        let inner = loop {
            let ev = reader.read_event();
            match ev {
                Ok(Xml::Start(ref e)) | Ok(Xml::Empty(ref e)) => {
                    if matches!(ev, Ok(Xml::Start(_))) {
                        depth += 1;
                    }
                    if kind == Kind::Mms {
                        if let Err(why) = el.add_mms_child(e) {
                            el.malformed.get_or_insert(why);
                        }
                    }
                }
                Ok(Xml::End(_)) if depth == 0 => break Inner::Closed,
                Ok(Xml::End(_)) => depth -= 1,
                Ok(Xml::Eof) => break Inner::Eof,
                Ok(_) => {}
                Err(e) => break Inner::Malformed(e.to_string()),
            }
        };
        el.end = base + to_usize(reader.buffer_position());
        (el, inner)
    }

    /// Turns a complete element into an event or a skip reason.
    fn record(&mut self, mut el: Element) -> RecordResult {
        let line = self.lines.line_at(self.text.as_bytes(), el.start);
        let pos = Position::line(line);
        let err = |reason: String| Err(RecordError::new(self.file, pos, reason));
        if let Some(why) = el.malformed.take() {
            return err(why);
        }
        let size = el.end.saturating_sub(el.start);
        if size > MAX_RECORD_BYTES {
            return err(format!(
                "element of {size} bytes exceeds the cap of {MAX_RECORD_BYTES} bytes"
            ));
        }
        let raw = self.text.get(el.start..el.end).unwrap_or("");
        let mut w = std::mem::take(&mut el.warnings);
        w.extend(encoding::decode_warning(self.charset, raw));
        let a = &el.attrs;

        let (at, at_raw) = match self.date(a, &mut w) {
            Ok(v) => v,
            Err(why) => return err(why),
        };
        let region = self.opts.default_region.as_str();
        let number_key = if el.kind == Kind::Call { "number" } else { "address" };
        let mut event = Event {
            at: Some(at),
            at_raw,
            from_name: a.text("contact_name", &mut w).filter(|n| n != "(Unknown)"),
            source_file: self.file.to_string(),
            source_line: Some(line),
            raw_sha256: sha256_hex(raw.as_bytes()),
            ..Event::default()
        };
        let address = a.raw(number_key).map(|v| unescape(v, &mut w));
        let filled = match el.kind {
            Kind::Sms | Kind::Call => match &address {
                None => Err(format!("no {number_key} attribute")),
                Some(address) => {
                    event.from = phone::normalize(address, region);
                    if el.kind == Kind::Sms {
                        fill_sms(&mut event, a, &mut w);
                    } else {
                        fill_call(&mut event, a, region, &mut w);
                    }
                    Ok(())
                }
            },
            Kind::Mms => fill_mms(&mut event, &el, address.as_deref(), self.opts, &mut w),
        };
        if let Err(why) = filled {
            return err(why);
        }
        if event.text.len() > MAX_TEXT_BYTES {
            let mut cut = MAX_TEXT_BYTES;
            while !event.text.is_char_boundary(cut) {
                cut -= 1;
            }
            event.text.truncate(cut);
            w.push(format!("text cut to the cap of {MAX_TEXT_BYTES} bytes"));
        }
        event.warnings = w;
        Ok(event.with_id())
    }

    /// The instant from `date` (epoch ms), else from `readable_date`.
    fn date(
        &self,
        a: &Attrs,
        w: &mut Vec<String>,
    ) -> std::result::Result<(chrono::DateTime<chrono::Utc>, String), String> {
        let tz = self.opts.timezone;
        let date = a.raw("date").map(str::trim).unwrap_or("");
        let first = datetime::parse_checked(date, tz);
        if let Ok(t) = first {
            return Ok((t, date.to_string()));
        }
        let readable = a.text("readable_date", w).unwrap_or_default();
        use datetime::DateError::Empty;
        match (first, datetime::parse_checked(&readable, tz)) {
            (_, Ok(t)) => Ok((t, readable)),
            (Err(Empty), Err(Empty)) => Err("no date".to_string()),
            (Err(Empty), Err(e)) => {
                Err(format!("{e}: readable_date={}", calllog::quote(&readable)))
            }
            (Err(e), _) => Err(format!("{e}: date={}", calllog::quote(date))),
            (Ok(_), Err(_)) => Err("no date".to_string()),
        }
    }
}

fn fill_sms(event: &mut Event, a: &Attrs, w: &mut Vec<String>) {
    event.channel = Some(Channel::Sms);
    // SMS Backup & Restore `type`: 1 inbox, 2 sent, 3 draft, 4 outbox, 5 failed, 6 queued.
    event.direction = match a.raw("type").map(str::trim) {
        Some("1") => Direction::Incoming,
        Some("2" | "4" | "5" | "6") => Direction::Outgoing,
        Some("3") => {
            w.push("a draft, never sent".to_string());
            Direction::Outgoing
        }
        other => {
            w.push(format!("unknown SMS type {}", calllog::quote(other.unwrap_or(""))));
            Direction::Unknown
        }
    };
    event.text = a.raw("body").map(|b| unescape(b, w)).unwrap_or_default();
    event.subject = a.text("subject", w);
}

fn fill_call(event: &mut Event, a: &Attrs, region: &str, w: &mut Vec<String>) {
    event.channel = Some(Channel::Call);
    let ct = a.raw("type").and_then(calllog::normalize_call_type);
    if ct.is_none() {
        w.push(format!("unknown call type {}", calllog::quote(a.raw("type").unwrap_or(""))));
    }
    event.call_type = ct.map(str::to_string);
    event.direction = calllog::direction_of(ct);
    event.duration_s = a.raw("duration").and_then(|d| {
        let s = datetime::parse_duration(d);
        // Negative, huge or garbled: no duration rather than a made-up one, said.
        if s.is_none() && !d.trim().is_empty() {
            w.push(format!("unreadable duration {}", calllog::quote(d)));
        }
        s
    });
    // Presentation 2 (restricted), 3 (unknown), 4 (payphone): what stands in
    // `number` is a placeholder, not the caller.
    if matches!(a.raw("presentation").map(str::trim), Some("2" | "3" | "4"))
        && phone::kind(&event.from, region) == phone::NumberKind::Unknown
    {
        event.from = phone::UNKNOWN.to_string();
    }
}

/// MMS: the text parts, and the counterparty from `<addr>` PDU types (137
/// from, 151 to); `address` (numbers joined by `~`) is the fallback.
fn fill_mms(
    event: &mut Event,
    el: &Element,
    address: Option<&str>,
    opts: &IngestOptions,
    w: &mut Vec<String>,
) -> std::result::Result<(), String> {
    let a = &el.attrs;
    let region = opts.default_region.as_str();
    event.channel = Some(Channel::Sms);
    event.direction = match a.raw("msg_box").map(str::trim) {
        Some("1") => Direction::Incoming,
        Some("2" | "3" | "4") => Direction::Outgoing,
        _ => Direction::Unknown,
    };
    event.text = el.parts.join("\n");
    event.subject = a.text("sub", w);
    let own = |n: &String| opts.own_identities.contains(n);
    let of_type = |t: &str| -> Vec<String> {
        el.addrs
            .iter()
            .filter(|x| x.kind == t)
            .map(|x| phone::normalize(&x.address, region))
            // Android's placeholder for "this phone" in sent messages.
            .filter(|n| !n.is_empty() && n != "insert-address-token")
            .collect()
    };
    let (senders, recipients) = (of_type("137"), of_type("151"));
    let first_address =
        address.and_then(|s| s.split('~').next()).map(|s| phone::normalize(s, region));
    if event.direction == Direction::Outgoing {
        event.from =
            recipients.iter().find(|r| !own(r)).cloned().or(first_address).unwrap_or_default();
        event.to = senders.first().cloned();
    } else {
        event.from = senders.first().cloned().or(first_address).unwrap_or_default();
        // Ours is the recipient we know, or the only one.
        event.to = recipients
            .iter()
            .find(|r| own(r))
            .or_else(|| if recipients.len() == 1 { recipients.first() } else { None })
            .cloned();
    }
    if event.from.is_empty() {
        return Err("MMS without a sender or recipient address".to_string());
    }
    Ok(())
}

/// The byte offset of the next `<sms`, `<mms` or `<call` tag at or after `from`.
fn next_record_tag(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let tail = bytes.get(from..)?;
    memchr::memchr_iter(b'<', tail).map(|i| from + i).find(|&i| {
        ["sms", "mms", "call"].iter().any(|name| {
            let after = i + 1 + name.len();
            bytes.get(i + 1..after) == Some(name.as_bytes())
                && matches!(bytes.get(after), Some(b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::phone::UNKNOWN;

    fn fixture(name: &str) -> Vec<u8> {
        let path = format!("{}/tests/fixtures/ingest/smsxml/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn run_bytes(bytes: &[u8], opts: &IngestOptions) -> (Vec<Event>, Vec<RecordError>) {
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        read(bytes, "t.xml", opts, &mut |r| match r {
            Ok(e) => ok.push(e),
            Err(e) => bad.push(e),
        })
        .unwrap_or_else(|e| panic!("{e}"));
        (ok, bad)
    }

    fn run(name: &str) -> (Vec<Event>, Vec<RecordError>) {
        run_bytes(&fixture(name), &IngestOptions::default())
    }

    fn utc(s: &str) -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&chrono::Utc)
    }

    fn lines(ev: &[Event]) -> Vec<u64> {
        ev.iter().map(|e| e.source_line.unwrap()).collect()
    }

    fn errors(bad: &[RecordError]) -> Vec<(u64, String)> {
        bad.iter().map(|e| (e.position.line.unwrap(), e.reason.clone())).collect()
    }

    #[test]
    fn unescape_references() {
        let mut w = Vec::new();
        assert_eq!(unescape("&amp;&lt;&gt;&quot;&apos;&#10;&#x41;&#X42;", &mut w), "&<>\"'\nAB");
        assert_eq!(unescape("&#55357;&#56832;&#xD83D;&#xDE00;", &mut w), "😀😀");
        assert_eq!(
            unescape("AT&T & co &;&#;&#x; &toolongtobeanentityname;", &mut w),
            "AT&T & co &;&#;&#x; &toolongtobeanentityname;"
        );
        assert_eq!(unescape("&nbsp;&lol9;&xxe;", &mut w), "&nbsp;&lol9;&xxe;");
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(unescape("&#55357;x", &mut w), "\u{FFFD}x");
        assert_eq!(unescape("&#56832;", &mut w), "\u{FFFD}");
        assert_eq!(unescape("&#55357;&#55357;&#56832;", &mut w), "\u{FFFD}😀");
        assert_eq!(unescape("&#0;&#1114112;&#99999999999;", &mut w), "\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(w.len(), 4);
        assert!(w[0].contains("U+FFFD"));
        for s in ["&", "&#", "&#55357;", "&#55357;&", "&#55357;&#", "é&é;", "&\u{FFFF};"] {
            let _ = unescape(s, &mut w);
        }
    }

    #[test]
    fn sms_backup_and_restore_sms() {
        let (ev, bad) = run("sms_basic.xml");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 5);
        assert_eq!(lines(&ev), [5, 6, 7, 8, 9]);
        let a = &ev[0];
        assert_eq!(a.channel, Some(Channel::Sms));
        assert_eq!(a.direction, Direction::Incoming);
        assert_eq!(a.from, "+8613800138000");
        assert_eq!(a.from_name, None);
        assert_eq!(a.subject, None);
        assert!(a.text.starts_with("【某某地产】"));
        assert_eq!(a.at, Some(utc("2024-03-05T06:03:00Z")));
        assert_eq!(a.at_raw, "1709618580000");
        assert_eq!(a.source_file, "t.xml");
        let text = String::from_utf8(fixture("sms_basic.xml")).unwrap();
        let line5 = text.lines().nth(4).unwrap().trim();
        assert_eq!(a.raw_sha256, sha256_hex(line5.as_bytes()));
        assert_eq!(a.id, a.clone().with_id().id);

        assert_eq!(ev[1].from, "10690123456789");
        assert_eq!(ev[1].from_name.as_deref(), Some("Bank"));
        assert_eq!(
            ev[1].text,
            "Your code is 123456 & expires in 5 min. <do not share> \"ok\" 'x'\nline2"
        );
        assert_eq!(ev[2].direction, Direction::Outgoing);
        assert_eq!(ev[2].from_name.as_deref(), Some("王五"));
        // No epoch date: the readable date is used.
        assert_eq!(ev[3].at, Some(utc("2024-03-05T06:06:00Z")));
        assert_eq!(ev[3].at_raw, "Mar 5, 2024 2:06:00 PM");
        assert_eq!(ev[3].subject.as_deref(), Some("Statement"));
        assert_eq!(ev[4].from, "+8675588881234");
        assert_eq!(ev[4].text, "attributes on several lines");
        assert!(ev.iter().all(|e| e.warnings.is_empty()));
    }

    #[test]
    fn surrogate_pairs_become_emoji() {
        let (ev, bad) = run("emoji_surrogates.xml");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev[0].text, "Hi 😀 😀 😀 😀");
        assert!(ev[0].warnings.is_empty());
        assert_eq!(ev[1].text, "lone \u{FFFD} end \u{FFFD}x bad \u{FFFD} big \u{FFFD} ok");
        assert_eq!(ev[1].warnings.len(), 1);
    }

    #[test]
    fn mms_text_parts_and_addresses() {
        let opts = IngestOptions {
            own_identities: vec!["+8613700002222".into()],
            ..IngestOptions::default()
        };
        let (ev, bad) = run_bytes(&fixture("mms.xml"), &opts);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 2);
        let a = &ev[0];
        assert_eq!(a.channel, Some(Channel::Sms));
        assert_eq!(a.direction, Direction::Incoming);
        assert_eq!(a.from, "+8613800138000");
        assert_eq!(a.to.as_deref(), Some("+8613700002222"));
        assert_eq!(a.text, "新楼盘开盘 😀\n回T退订");
        assert_eq!(a.subject, None);
        assert_eq!(a.source_line, Some(3));
        assert_eq!(a.at, Some(utc("2024-03-05T06:03:00Z")));
        let text = String::from_utf8(fixture("mms.xml")).unwrap();
        let start = text.find("<mms").unwrap();
        let end = text.find("</mms>").unwrap() + "</mms>".len();
        assert_eq!(a.raw_sha256, sha256_hex(&text.as_bytes()[start..end]));
        let b = &ev[1];
        assert_eq!(b.direction, Direction::Outgoing);
        assert_eq!(b.from, "+8613600003333");
        assert_eq!(b.to, None);
        assert_eq!(b.subject.as_deref(), Some("Hello"));
        assert_eq!(b.text, "see you");
        assert_eq!(b.from_name.as_deref(), Some("赵六"));
        assert_eq!(b.source_line, Some(16));
        // Without own identities, which of two recipients is ours is unknown.
        let (ev, _) = run("mms.xml");
        assert_eq!(ev[0].to, None);
    }

    #[test]
    fn call_backups() {
        let (ev, bad) = run("calls.xml");
        assert!(bad.is_empty(), "{bad:?}");
        let got: Vec<_> = ev
            .iter()
            .map(|e| (e.from.as_str(), e.call_type.as_deref().unwrap(), e.duration_s, e.direction))
            .collect();
        use Direction::*;
        assert_eq!(
            got,
            [
                ("+8613800138000", "incoming", Some(125), Incoming),
                ("+8617012345678", "missed", Some(0), Incoming),
                (UNKNOWN, "blocked", Some(0), Incoming),
                (UNKNOWN, "rejected", Some(0), Incoming),
                ("4001234567", "outgoing", Some(30), Outgoing),
                ("95588", "voicemail", Some(30), Incoming),
            ]
        );
        assert!(ev.iter().all(|e| e.channel == Some(Channel::Call) && e.text.is_empty()));
        assert_eq!(ev[4].from_name.as_deref(), Some("客服"));
        assert_eq!(ev[1].from_name, None);
        assert_eq!(lines(&ev), [4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn truncated_files_keep_earlier_records_and_report_once() {
        for name in ["truncated_in_tag.xml", "truncated_between.xml", "truncated_in_mms.xml"] {
            let (ev, bad) = run(name);
            let want_events = if name == "truncated_in_mms.xml" { 1 } else { 2 };
            assert_eq!(ev.len(), want_events, "{name}");
            assert_eq!(bad.len(), 1, "{name}: {bad:?}");
            assert!(bad[0].reason.contains("truncated"), "{name}: {}", bad[0].reason);
        }
        let (_, bad) = run("truncated_in_tag.xml");
        assert_eq!(bad[0].position, Position::line(5));
        let (_, bad) = run("truncated_in_mms.xml");
        assert_eq!(bad[0].position, Position::line(4));
    }

    #[test]
    fn malformed_elements_are_reported_and_reading_goes_on() {
        let (ev, bad) = run("malformed.xml");
        assert_eq!(lines(&ev), [3, 10, 11]);
        assert_eq!(ev[1].direction, Direction::Unknown);
        assert_eq!(ev[1].warnings.len(), 1);
        let errs = errors(&bad);
        let got_lines: Vec<u64> = errs.iter().map(|e| e.0).collect();
        assert_eq!(got_lines, [4, 5, 6, 7, 8, 9], "{errs:?}");
        assert!(errs[0].1.contains("attribute"), "{}", errs[0].1);
        assert_eq!(errs[1].1, "no date");
        assert_eq!(errs[2].1, "no address attribute");
        assert_eq!(errs[3].1, "unreadable date: date='yesterday'");
        assert!(errs[4].1.contains("out of range"), "{}", errs[4].1);
        assert!(errs[5].1.starts_with("malformed XML"), "{}", errs[5].1);
    }

    #[test]
    fn dtd_entities_are_never_expanded() {
        let (ev, bad) = run("xxe_billion_laughs.xml");
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].text, "a &lol9; b");
        assert_eq!(ev[1].text, "&xxe;&remote;");
        assert_eq!(ev[1].from, "&xxe;");
        assert_eq!(ev[1].from_name.as_deref(), Some("&lol;"));
        assert_eq!(lines(&ev), [12, 13]);
    }

    #[test]
    fn not_a_backup_is_an_input_error() {
        let opts = IngestOptions::default();
        let err = read(&fixture("not_sms.xml"), "n.xml", &opts, &mut |_| panic!()).unwrap_err();
        assert!(err.to_string().contains("root element is <html>"), "{err}");
        assert_eq!(err.to_string().get(..13), Some("n.xml:line 2:"));
        assert!(read(b"", "e.xml", &opts, &mut |_| panic!()).is_err());
        assert!(read(b"<?xml version='1.0'?>", "e.xml", &opts, &mut |_| panic!()).is_err());
        assert!(read(b"<smses", "e.xml", &opts, &mut |_| panic!()).is_err());
        // An empty export is fine.
        let mut n = 0;
        read(b"<smses count=\"0\"/>", "e.xml", &opts, &mut |_| n += 1).unwrap();
        read(b"<calls count=\"0\"></calls>", "e.xml", &opts, &mut |_| n += 1).unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn utf16_and_gbk_files_are_decoded() {
        let xml = "<smses><sms address=\"13800138000\" date=\"1709618580000\" type=\"1\" body=\"你好\"/></smses>";
        let mut utf16 = vec![0xFF, 0xFE];
        for u in xml.encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let (ev, _) = run_bytes(&utf16, &IngestOptions::default());
        assert_eq!(ev[0].text, "你好");
        let (gbk, _, _) = encoding_rs::GBK.encode(xml);
        let (ev, _) = run_bytes(&gbk, &IngestOptions::default());
        assert_eq!(ev[0].text, "你好");
        assert!(ev[0].warnings.iter().any(|w| w.contains("GB18030")));
    }

    #[test]
    fn hostile_input_never_panics() {
        let cases: [&[u8]; 10] = [
            b"<smses><sms",
            b"<smses><sms a='1' a='2'/>",
            b"<smses></calls>",
            b"<smses><mms><parts><part ct='text/plain' text='&#55357;'/></parts></mms></smses>",
            b"<smses><!-- never closed",
            b"<smses><sms address='1' date='1709618580000'/><sms></smses>",
            b"<smses><x><y><z></z></y></x><sms address='' date='1709618580000' type='1'/></smses>",
            b"<calls><call/><call number='x' date='1'/></calls>",
            b"\xFF\xFE<",
            b"<smses><mms msg_box='1' date='1709618580000'></mms></smses>",
        ];
        for bytes in cases {
            let _ = read(bytes, "h.xml", &IngestOptions::default(), &mut |_| {});
        }
        let mut deep = "<smses>".to_string();
        deep.push_str(&"<x>".repeat(100_000));
        let _ = read(deep.as_bytes(), "deep.xml", &IngestOptions::default(), &mut |_| {});
    }

    #[test]
    fn every_cut_of_a_file_keeps_earlier_records_and_reports_one_truncation() {
        let opts = IngestOptions::default();
        for name in ["sms_basic.xml", "mms.xml", "calls.xml", "emoji_surrogates.xml"] {
            let full = fixture(name);
            let text = String::from_utf8(full.clone()).unwrap();
            let root_open = text.find("<smses").or(text.find("<calls")).unwrap();
            let root_open = root_open + text[root_open..].find('>').unwrap() + 1;
            let root_close = text.rfind("</").unwrap();
            let (all, _) = run_bytes(&full, &opts);
            for cut in root_open..root_close {
                let (mut ev, mut bad) = (Vec::new(), Vec::new());
                read(&full[..cut], "t.xml", &opts, &mut |r| match r {
                    Ok(e) => ev.push(e),
                    Err(e) => bad.push(e),
                })
                .unwrap_or_else(|e| panic!("{name} cut at {cut}: {e}"));
                assert_eq!(bad.len(), 1, "{name} cut at {cut}: {bad:?}");
                assert!(ev.len() <= all.len(), "{name} cut at {cut}");
                assert_eq!(ev[..], all[..ev.len()], "{name} cut at {cut}");
            }
        }
    }
}
