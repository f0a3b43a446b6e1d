//! Format detection: guesses an input's [`Format`] from its file name and its
//! first few kilobytes, so a person can point leaktrace at an export without
//! saying what it is.
//!
//! Content wins when it is unambiguous (an mbox `From ` line, RFC 822 headers,
//! `<smses`/`<calls`, JSON lines); the extension decides when the content
//! could be several things; delimited text is a call log last of all.

use super::Format;

/// How much of the head is looked at; callers may pass more.
pub const DETECT_HEAD_BYTES: usize = 8 * 1024;

/// Header names that open or fill the header block of a real message
/// (RFC 5322, RFC 2045, and what MTAs and exporters commonly prepend).
const MAIL_HEADERS: &[&str] = &[
    "return-path",
    "received",
    "from",
    "to",
    "cc",
    "delivered-to",
    "x-original-to",
    "envelope-to",
    "message-id",
    "date",
    "subject",
    "reply-to",
    "sender",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "dkim-signature",
    "domainkey-signature",
    "authentication-results",
    "received-spf",
    "in-reply-to",
    "references",
    "thread-topic",
    "thread-index",
    "user-agent",
    "list-unsubscribe",
    "list-id",
    "precedence",
    "importance",
];

/// Guesses the format of an input from its `name` (a path or file name) and
/// `head`, its first bytes (a few KB are enough). `None` when it cannot tell.
///
/// ```
/// use leaktrace::ingest::{Format, detect::detect};
/// assert_eq!(detect("x", b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n"), Some(Format::Mbox));
/// assert_eq!(detect("1.eml", b"Received: from a by b\nSubject: hi\n\nbody"), Some(Format::Eml));
/// assert_eq!(detect("calls", b"number,date,type\n"), Some(Format::Calllog));
/// ```
pub fn detect(name: &str, head: &[u8]) -> Option<Format> {
    let head = head.get(..DETECT_HEAD_BYTES).unwrap_or(head);
    let text = head_text(head);
    if let Some(f) = by_content(&text) {
        return Some(f);
    }
    if let Some(f) = by_extension(name) {
        return Some(f);
    }
    let first = first_line(&text);
    let looks_binary = text.chars().any(|c| c == '\0');
    if !looks_binary && [',', ';', '\t'].iter().any(|d| first.contains(*d)) {
        return Some(Format::Calllog);
    }
    None
}

/// The head as text: BOMs removed, UTF-16 (with or without BOM) decoded, any
/// other bytes read leniently (only ASCII structure matters here).
fn head_text(head: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(head) {
        let rest = head.get(bom_len..).unwrap_or_default();
        return enc.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Some(enc) = utf16_without_bom(head) {
        return enc.decode_without_bom_handling(head).0.into_owned();
    }
    String::from_utf8_lossy(head).into_owned()
}

/// UTF-16 without a BOM shows as NUL in every other byte of ASCII text.
fn utf16_without_bom(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = head.get(..512).unwrap_or(head);
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even0, mut odd0) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even0 += usize::from(*a == 0);
            odd0 += usize::from(*b == 0);
        }
    }
    if odd0 * 10 >= pairs * 8 && even0 * 10 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even0 * 10 >= pairs * 8 && odd0 * 10 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

fn first_line(text: &str) -> &str {
    let t = text.trim_start_matches(['\r', '\n', ' ', '\t']);
    t.lines().next().unwrap_or("")
}

fn by_content(text: &str) -> Option<Format> {
    let trimmed = text.trim_start_matches(['\r', '\n', ' ', '\t']);
    let first = first_line(text);
    if first.starts_with("From ") && super::mbox::is_from_line(first.as_bytes()) {
        return Some(Format::Mbox);
    }
    if trimmed.starts_with('<') {
        let lower = trimmed.to_ascii_lowercase();
        if lower.contains("<smses") || lower.contains("<calls") {
            return Some(Format::Smsxml);
        }
    }
    if looks_like_headers(trimmed) {
        return Some(Format::Eml);
    }
    if first.starts_with('{') {
        return Some(Format::Jsonl);
    }
    None
}

/// RFC 822 headers: the first line is `Name: value` and either the name is a
/// known mail header (or `X-…`), or the next lines are headers too and one of
/// them is known.
fn looks_like_headers(text: &str) -> bool {
    let mut known = false;
    let mut fields = 0usize;
    for (i, line) in text.lines().take(40).enumerate() {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) && i > 0 {
            continue; // folded continuation
        }
        let Some(name) = header_name(line) else {
            return false;
        };
        let lname = name.to_ascii_lowercase();
        let is_known = MAIL_HEADERS.contains(&lname.as_str()) || lname.starts_with("x-");
        if i == 0 && is_known {
            return true;
        }
        known |= is_known;
        fields += 1;
    }
    known && fields >= 2
}

/// The field name of a header line (`Name:` with RFC 5322 ftext), if it is one.
fn header_name(line: &str) -> Option<&str> {
    let colon = line.find(':')?;
    let name = line.get(..colon)?.trim_end_matches([' ', '\t']);
    let ok = !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':');
    ok.then_some(name)
}

fn by_extension(name: &str) -> Option<Format> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match ext.as_str() {
        "mbox" | "mbx" => Some(Format::Mbox),
        // Apple Mail's .emlx: a byte count line, the message, a property list.
        "eml" | "msg" | "emlx" => Some(Format::Eml),
        "xml" => Some(Format::Smsxml),
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "csv" | "tsv" | "txt" => Some(Format::Calllog),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mbox_by_from_line() {
        assert_eq!(
            detect("a", b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011\n"),
            Some(Format::Mbox)
        );
        let takeout =
            b"From 1234567890123456789@xxx Sat Mar 02 10:00:00 +0000 2024\r\nX-GM-THRID: 1\r\n";
        assert_eq!(detect("All mail.mbox", takeout), Some(Format::Mbox));
        assert_eq!(detect("Inbox", b"From - Sat Mar 02 10:00:00 2024\n"), Some(Format::Mbox));
    }

    #[test]
    fn eml_by_headers() {
        for head in [
            &b"Return-Path: <a@b.c>\nReceived: x\n"[..],
            b"Delivered-To: me@x.cn\n",
            b"X-Mailer: foo\nFrom: a@b\n",
            b"Message-ID: <1@x>\n",
            b"Date: Fri, 08 Jul 2005 17:54:26 +0800\n",
            b"Foo-Bar: 1\n\tfolded\nSubject: hi\n\nbody",
        ] {
            assert_eq!(
                detect("1234.M1P2", head),
                Some(Format::Eml),
                "{:?}",
                String::from_utf8_lossy(head)
            );
        }
    }

    #[test]
    fn xml_jsonl_csv() {
        let xml = b"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count=\"1\">";
        assert_eq!(detect("sms-2024.xml", xml), Some(Format::Smsxml));
        assert_eq!(detect("x", b"<calls count=\"2\">"), Some(Format::Smsxml));
        assert_eq!(detect("e", b"{\"id\":\"a\"}\n{\"id\":\"b\"}\n"), Some(Format::Jsonl));
        assert_eq!(detect("c", "号码;时间;类型\n1;2;3\n".as_bytes()), Some(Format::Calllog));
        assert_eq!(detect("c", b"number\tdate\n"), Some(Format::Calllog));
    }

    #[test]
    fn boms_and_utf16() {
        assert_eq!(detect("c", b"\xEF\xBB\xBFnumber,date\n"), Some(Format::Calllog));
        let mut le = vec![0xFF, 0xFE];
        le.extend("<smses count=\"1\">".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect("backup", &le), Some(Format::Smsxml));
        let no_bom: Vec<u8> =
            "Number,Date,Type\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(detect("calls", &no_bom), Some(Format::Calllog));
        let be: Vec<u8> =
            "From: a@b.c\nSubject: x\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(detect("m", &be), Some(Format::Eml));
    }

    #[test]
    fn extension_when_ambiguous() {
        assert_eq!(detect("inbox.mbox", b""), Some(Format::Mbox));
        assert_eq!(detect("dir/a.EML", b"garbage"), Some(Format::Eml));
        assert_eq!(detect("x.txt", b"hello"), Some(Format::Calllog));
        assert_eq!(detect("x.jsonl", b""), Some(Format::Jsonl));
        assert_eq!(detect("noext", b"hello world"), None);
        assert_eq!(detect("bin", b"\0\x01\x02,\0"), None);
        // "From here" is prose, not an mbox separator.
        assert_eq!(detect("notes", b"From here we go\n"), None);
    }
}
