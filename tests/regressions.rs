//! Regression inputs: every file in `tests/fixtures/regressions/` is an
//! input that once crashed, hung or misled a reader (found by the fuzzers in
//! `fuzz/` or by the hostile-input suite). Each is read again through the
//! reader it broke, which must not panic; the findings with a specific wrong
//! result are also checked for the right one.
//!
//! File names say which reader: `calllog-*`, `smsxml-*`, `mbox-*`, `mail-*`,
//! `disclosures-*.toml` / `disclosures-*.csv`, `model-*`.

use std::path::{Path, PathBuf};

use leaktrace::attribute::Disclosures;
use leaktrace::error::Position;
use leaktrace::ingest::{IngestOptions, RecordResult, calllog, mail, mbox, smsxml};
use leaktrace::model::Model;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/regressions")
}

fn fixture(name: &str) -> Vec<u8> {
    let p = dir().join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Reads `bytes` with the reader the file name names; the records, or
/// `None` for the readers that do not produce records.
fn read(name: &str, bytes: &[u8]) -> Option<Vec<RecordResult>> {
    let opts = IngestOptions::default();
    let mut out = Vec::new();
    let mut sink = |r: RecordResult| out.push(r);
    if name.starts_with("calllog-") {
        let _ = calllog::read(bytes, name, &opts, &mut sink);
    } else if name.starts_with("smsxml-") {
        let _ = smsxml::read(bytes, name, &opts, &mut sink);
    } else if name.starts_with("mbox-") {
        mbox::read_stream(bytes, name, &opts, &mut sink).expect("reading memory cannot fail");
    } else if name.starts_with("mail-") {
        sink(mail::parse_message(bytes, name, Position::default(), &opts));
    } else if name.starts_with("disclosures-") {
        let text = String::from_utf8_lossy(bytes);
        let _ = if name.ends_with(".csv") {
            Disclosures::from_csv_str(&text, name)
        } else {
            Disclosures::from_toml_str(&text, name)
        };
        return None;
    } else if name.starts_with("model-") {
        let _ = Model::from_bytes(bytes, name);
        return None;
    } else {
        panic!("{name}: the file name does not say which reader it is for");
    }
    Some(out)
}

#[test]
fn every_regression_input_is_read_without_panic() {
    let mut n = 0;
    for entry in std::fs::read_dir(dir()).expect("regressions folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(entry.path()).unwrap();
        let _ = read(&name, &bytes);
        n += 1;
    }
    assert!(n >= 4, "only {n} regression inputs");
}

/// A stray `"` swallowed every row after it into one field.
#[test]
fn calllog_stray_quote_keeps_the_rows_after_it() {
    let records = read("calllog-stray-quote.csv", &fixture("calllog-stray-quote.csv")).unwrap();
    let ok: Vec<String> = records.iter().flatten().map(|e| e.from.clone()).collect();
    assert_eq!(ok, ["+8613800130000", "+8613800130001", "+8613800130002"]);
    let bad: Vec<_> = records.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].position, Position::line(3));
    assert!(bad[0].reason.contains("unbalanced quote"), "{}", bad[0].reason);
}

/// A stray `"` in the last column made a row that looked complete while
/// it swallowed the rows after it.
#[test]
fn calllog_stray_quote_in_the_last_column_keeps_the_rows_after_it() {
    let name = "calllog-stray-quote-last-column.csv";
    let records = read(name, &fixture(name)).unwrap();
    let ok: Vec<String> = records.iter().flatten().map(|e| e.from.clone()).collect();
    assert_eq!(ok, ["+8613800130001", "+8613800130002"]);
    let bad: Vec<_> = records.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0].position, Position::line(2));
}

/// NULs reached the `from` field, and escape sequences reached the terminal
/// through the quoted value of a warning.
#[test]
fn calllog_control_characters_reach_neither_fields_nor_messages() {
    let records = read("calllog-control-chars.csv", &fixture("calllog-control-chars.csv")).unwrap();
    assert_eq!(records.len(), 2);
    let e = records[0].as_ref().expect("the row with NULs is kept");
    assert!(!e.from.chars().any(char::is_control), "{:?}", e.from);
    assert!(e.warnings.iter().any(|w| w.contains("control characters")), "{:?}", e.warnings);
    let err = records[1].as_ref().expect_err("not a date");
    assert!(!err.reason.contains('\u{1b}'), "{:?}", err.reason);
    assert!(err.reason.contains("\\u{1b}"), "{:?}", err.reason);
}

/// `Date: … 0000` was read as the year 2000.
#[test]
fn mail_year_0000_is_no_date() {
    let records = read("mail-year-0000.eml", &fixture("mail-year-0000.eml")).unwrap();
    let e = records[0].as_ref().expect("kept, without a date");
    assert_eq!(e.at, None);
    assert!(e.warnings.iter().any(|w| w.contains("unreadable date")), "{:?}", e.warnings);
}

/// Negative and huge call durations were dropped without a word.
#[test]
fn smsxml_bad_durations_are_warned_about() {
    let records = read("smsxml-bad-durations.xml", &fixture("smsxml-bad-durations.xml")).unwrap();
    assert_eq!(records.len(), 2);
    for r in &records {
        let e = r.as_ref().expect("kept");
        assert_eq!(e.duration_s, None);
        assert!(e.warnings.iter().any(|w| w.contains("unreadable duration")), "{:?}", e.warnings);
    }
}
