//! The two CSV outputs: `evidence.csv`, one row per event with its locator
//! back to the original export (stable English headers: a machine contract),
//! and `12321.csv`, the rows a complaint to China's 12321 reporting centre
//! asks for (headers in the report's language, with a UTF-8 BOM so Excel
//! shows Chinese correctly).
//!
//! Every cell goes through [`guard`]: spam text that starts like a formula
//! must not run as one when the file is opened in a spreadsheet
//! (OWASP "CSV injection").

use std::borrow::Cow;

use super::data::{EventRow, ReportData};
use super::format::{self, one_line};
use super::text::{self, Key, t, tf};
use crate::category::Category;
use crate::event::Direction;

/// The header of evidence.csv, in column order.
pub const EVIDENCE_HEADER: [&str; 20] = [
    "id",
    "time_local",
    "time_utc",
    "channel",
    "direction",
    "from",
    "to",
    "category",
    "confidence",
    "unsure",
    "campaign",
    "suspected_source",
    "excerpt",
    "call_type",
    "duration_s",
    "source_file",
    "source_line",
    "source_offset",
    "message_id",
    "raw_sha256",
];

/// Characters a spreadsheet may read as the start of a formula (the
/// full-width forms too: some spreadsheets fold them).
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// True for `+8613800138000`-like cells (a `+`, then digits and spaces):
/// these are phone numbers and must stay exactly as they are.
fn is_plain_phone(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('+') else { return false };
    let digits = rest.bytes().filter(u8::is_ascii_digit).count();
    digits >= 3 && rest.bytes().all(|b| b.is_ascii_digit() || b == b' ')
}

/// `cell` made safe for spreadsheets: a leading apostrophe when it starts
/// like a formula and is not a plain phone number.
pub fn guard(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_STARTS.contains(&c) && !is_plain_phone(cell) => {
            Cow::Owned(format!("'{cell}"))
        }
        _ => Cow::Borrowed(cell),
    }
}

fn direction_id(d: Direction) -> &'static str {
    match d {
        Direction::Incoming => "incoming",
        Direction::Outgoing => "outgoing",
        Direction::Unknown => "unknown",
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn evidence_row(e: &EventRow) -> [String; 20] {
    let confidence =
        if e.confidence.is_finite() { format!("{:.4}", e.confidence) } else { String::new() };
    [
        e.id.clone(),
        e.at_local.clone(),
        e.at.map(|a| a.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)).unwrap_or_default(),
        e.channel.clone(),
        direction_id(e.direction).to_string(),
        e.from.clone(),
        opt(e.to.as_deref()),
        e.category.id().to_string(),
        confidence,
        e.unsure.to_string(),
        opt(e.campaign.as_deref()),
        opt(e.suspected_source.as_deref()),
        e.excerpt.clone(),
        opt(e.call_type.as_deref()),
        opt(e.duration_s),
        e.source_file.clone(),
        opt(e.source_line),
        opt(e.source_offset),
        opt(e.message_id.as_deref()),
        e.raw_sha256.clone(),
    ]
}

fn io_err(e: ::csv::Error) -> std::io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

fn write_rows<'a>(
    w: &mut dyn std::io::Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>> + 'a,
) -> std::io::Result<()> {
    let mut out = ::csv::WriterBuilder::new().flexible(false).from_writer(w);
    out.write_record(header).map_err(io_err)?;
    for row in rows {
        out.write_record(row.iter().map(|c| guard(c).into_owned())).map_err(io_err)?;
    }
    out.flush()
}

/// Writes `evidence.csv`: every event, one row each, with [`EVIDENCE_HEADER`].
pub fn write_evidence(data: &ReportData, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_rows(w, &EVIDENCE_HEADER, data.events.iter().map(|e| evidence_row(e).to_vec()))
}

/// True for the events a 12321 complaint is about: leak-driven marketing
/// and fraud that reached the person (anything not known to be outgoing).
pub fn is_12321(e: &EventRow) -> bool {
    let outgoing = e.direction == Direction::Outgoing
        || e.call_type.as_deref().is_some_and(|c| c.eq_ignore_ascii_case("outgoing"));
    (e.category.is_marketing() || e.category == Category::Fraud) && !outgoing
}

/// Writes `12321.csv`: number, time, duration, type and description of each
/// [`is_12321`] event, oldest first, headers in `data.lang`.
pub fn write_12321(data: &ReportData, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let l = data.lang;
    let tz = format::tz(data);
    // Excel reads a BOM-less CSV in the system code page, garbling Chinese.
    w.write_all("\u{feff}".as_bytes())?;
    let header = [
        t(l, Key::Col12321Number),
        t(l, Key::Col12321Time),
        t(l, Key::Col12321Duration),
        t(l, Key::Col12321Type),
        t(l, Key::Col12321Description),
    ];
    let mut events: Vec<&EventRow> = data.events.iter().filter(|e| is_12321(e)).collect();
    events.sort_by_key(|e| (e.at.is_none(), e.at));
    let rows = events.into_iter().map(|e| {
        let time = match &e.at {
            Some(at) if e.at_local.is_empty() => format::time(at, tz),
            _ => e.at_local.clone(),
        };
        let duration = match (e.channel.as_str(), e.duration_s) {
            ("call", Some(s)) => tf(l, Key::DurationSeconds, &[("n", &s.to_string())]),
            _ => String::new(),
        };
        let kind = tf(
            l,
            Key::TypeWithCategory,
            &[
                ("channel", text::channel(l, &e.channel)),
                ("category", text::category(l, e.category)),
            ],
        );
        let description = if e.excerpt.trim().is_empty() {
            opt(e.call_type.as_deref())
        } else {
            one_line(&e.excerpt)
        };
        vec![e.from.clone(), time, duration, kind, description]
    });
    write_rows(w, &header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::Lang;
    use crate::report::testdata::{hostile, sample};

    fn read(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
        ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn guard_neutralises_formulas_but_not_phone_numbers() {
        assert_eq!(guard("=HYPERLINK(\"http://evil\")"), "'=HYPERLINK(\"http://evil\")");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("-2+3"), "'-2+3");
        assert_eq!(guard("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(guard("\t=1"), "'\t=1");
        assert_eq!(guard("＝1+1"), "'＝1+1");
        assert_eq!(guard("+8613800138000"), "+8613800138000");
        assert_eq!(guard("+86 138 0013 8000"), "+86 138 0013 8000");
        assert_eq!(guard("+"), "'+");
        assert_eq!(guard("95588"), "95588");
        assert_eq!(guard("王先生 =1"), "王先生 =1");
        assert_eq!(guard(""), "");
    }

    #[test]
    fn evidence_has_one_row_per_event_and_guarded_cells() {
        let mut d = sample(Lang::Zh);
        hostile(&mut d);
        d.events[1].excerpt = "=cmd|' /C calc'!A0".into();
        let mut buf = Vec::new();
        write_evidence(&d, &mut buf).unwrap();
        assert!(!buf.starts_with("\u{feff}".as_bytes()), "machine file has no BOM");
        let rows = read(&buf);
        assert_eq!(rows[0], EVIDENCE_HEADER);
        assert_eq!(rows.len(), d.events.len() + 1);
        let col = |name: &str| EVIDENCE_HEADER.iter().position(|h| *h == name).unwrap();
        let first = &rows[1];
        assert_eq!(first[col("from")], "+8613912345678");
        assert_eq!(first[col("to")], "+8613800138000");
        assert_eq!(first[col("time_utc")], "2024-03-11T02:00:00Z");
        assert_eq!(first[col("source_line")], "3");
        assert_eq!(first[col("raw_sha256")], "ab".repeat(32));
        assert!(first[col("excerpt")].starts_with("<script>"), "not a formula, kept");
        assert_eq!(rows[2][col("excerpt")], "'=cmd|' /C calc'!A0");
        assert_eq!(rows[4][col("source_offset")], "4096");
        assert_eq!(rows[4][col("message_id")], "abc@shop.example");
    }

    #[test]
    fn complaint_lists_only_incoming_marketing_and_fraud() {
        let mut d = sample(Lang::Zh);
        // An outgoing call to an estate agent is not a complaint.
        let mut out = d.events[1].clone();
        out.direction = Direction::Outgoing;
        out.id = "out".into();
        d.events.push(out);
        let mut harass = d.events[0].clone();
        harass.category = Category::Harassment;
        d.events.push(harass);
        let mut buf = Vec::new();
        write_12321(&d, &mut buf).unwrap();
        assert!(buf.starts_with("\u{feff}".as_bytes()));
        let rows = read(&buf);
        assert_eq!(rows[0], ["号码", "时间", "时长", "类型", "内容描述"]);
        let froms: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert_eq!(froms, ["+8613912345678", "+8613912345679", "106575", "promo@shop.example"]);
        assert_eq!(rows[2][2], "0秒");
        assert_eq!(rows[2][3], "电话（房产中介）");
        assert_eq!(rows[2][4], "missed");
        assert_eq!(rows[3][3], "短信（诈骗）");
        assert_eq!(rows[4][3], "邮件（零售促销）");

        let mut buf = Vec::new();
        write_12321(&sample(Lang::En), &mut buf).unwrap();
        let rows = read(&buf);
        assert_eq!(rows[0], ["Number", "Time", "Duration", "Type", "Description"]);
        assert_eq!(rows[1][3], "SMS (Property)");
    }
}
