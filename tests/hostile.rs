//! Hostile inputs against the real binary: files strangers wrote (spam,
//! scam mail) built to break a parser. Every file is generated in a temp
//! folder at test time (nothing big is committed).
//!
//! For each one the binary must: end by itself (a time limit), exit 0, 1 or
//! 2 (never 101, the code of a panic) with no panic message, stay within a
//! memory bound, name the file and the line or offset of the bad record
//! (on standard error, or as a warning on the event of that line), and still
//! turn every good record around the bad one into an event.
//!
//! Memory bound: the call-log and XML readers hold the whole file (100 MB),
//! at most one decoded copy of it (100 MB) and one record, itself capped at
//! `ingest::MAX_RECORD_BYTES` (32 MB), in a few copies; mbox streams. So a
//! 100 MB input needs a few hundred MB; 1 GB (10× the input) leaves room for
//! the allocator but catches a reader that copies per line or per field.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// Peak resident memory allowed for a 100 MB input (see the module doc).
const BIG_INPUT_RSS_MB: u64 = 1024;
/// Peak resident memory allowed for the small hostile inputs (a few MB):
/// the binary itself with its built-in model takes some tens of MB.
const SMALL_INPUT_RSS_MB: u64 = 256;
/// "100 MB".
const HUNDRED_MB: usize = 100 * 1024 * 1024;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write input");
    p
}

/// The `from` of every event.
fn senders(events: &[serde_json::Value]) -> Vec<String> {
    events.iter().map(|e| field(e, "from").to_string()).collect()
}

/// The event read from `line` of its file, if any.
fn at_line(events: &[serde_json::Value], line: u64) -> Option<&serde_json::Value> {
    events.iter().find(|e| e.get("source_line").and_then(|l| l.as_u64()) == Some(line))
}

/// Asserts the bad record at `line` of `name` was reported: skipped with a
/// message naming `name:line N` on stderr, or kept as an event of that line
/// carrying a warning.
fn assert_reported_line(o: &Outcome, events: &[serde_json::Value], name: &str, line: u64) {
    let on_stderr = o.stderr.contains(&format!("{name}:line {line}"));
    let warned = at_line(events, line).is_some_and(|e| {
        e.get("warnings").and_then(|w| w.as_array()).is_some_and(|w| !w.is_empty())
    });
    assert!(on_stderr || warned, "{name}:line {line} not reported\n{}", o.tail());
}

// ---------------------------------------------------------------- call logs

const CSV_HEADER: &str = "Number,Name,Type,Date,Duration,Tag,Note,Line\n";
/// Good rows before the bad ones (lines 2–4) and after them.
const GOOD_ROWS: u32 = 3;

fn good_row(i: u32) -> String {
    format!("1380013{i:04},Good {i},1,2024-03-05 14:{i:02}:00,10,,,\n")
}

fn good_number(i: u32) -> String {
    format!("+861380013{i:04}")
}

/// A call log: header, three good rows, `bad` (starting at line 5), three
/// more good rows.
fn csv_around(bad: &[u8]) -> Vec<u8> {
    let mut v = CSV_HEADER.as_bytes().to_vec();
    for i in 0..GOOD_ROWS {
        v.extend(good_row(i).as_bytes());
    }
    v.extend(bad);
    for i in GOOD_ROWS..2 * GOOD_ROWS {
        v.extend(good_row(i).as_bytes());
    }
    v
}

fn assert_good_rows(o: &Outcome, events: &[serde_json::Value]) {
    let got = senders(events);
    for i in 0..2 * GOOD_ROWS {
        assert!(got.contains(&good_number(i)), "good row {i} lost; got {got:?}\n{}", o.tail());
    }
}

#[test]
fn csv_dates_in_year_0_and_9999_are_skipped_with_their_lines() {
    let dir = tmp();
    let bad = "13900000001,,1,0000-01-01 00:00:00,10,,,\n\
               13900000002,,1,9999-12-31 23:59:59,10,,,\n\
               13900000003,,1,-0001-01-01 00:00,1,,,\n\
               13900000004,,1,99999-01-01 00:00,1,,,\n\
               13900000005,,1,1709618580000000000000,1,,,\n";
    let p = write(dir.path(), "years.csv", &csv_around(bad.as_bytes()));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(o.code, Some(1), "{}", o.tail());
    assert_good_rows(&o, &events);
    for line in 5..=9 {
        assert_reported_line(&o, &events, "years.csv", line);
    }
    assert_eq!(events.len(), 6, "{events:?}");
}

#[test]
fn csv_negative_and_huge_durations_are_dropped_with_a_warning() {
    let dir = tmp();
    let durations = ["-5", "99999999999999999999999", "18446744073709551615", "1e308", "NaN"];
    let bad: String = durations
        .iter()
        .enumerate()
        .map(|(i, d)| format!("1390000000{i},,1,2024-03-05 15:0{i}:00,{d},,,\n"))
        .collect();
    let p = write(dir.path(), "durations.csv", &csv_around(bad.as_bytes()));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_rows(&o, &events);
    for (i, _) in durations.iter().enumerate() {
        let line = 5 + i as u64;
        assert_reported_line(&o, &events, "durations.csv", line);
        if let Some(e) = at_line(&events, line) {
            // An unreadable duration is no duration, not a made-up one.
            let d = e.get("duration_s").and_then(|d| d.as_u64());
            assert!(d.is_none_or(|d| d < 100 * 365 * 86_400), "line {line}: duration {d:?}");
        }
    }
}

#[test]
fn csv_nul_bytes_do_not_stop_the_file() {
    let dir = tmp();
    let bad = b"139\x0000000001,\x00\x00,1,2024-03-05 15:00:00,5,\x00,,\n\x00\x00\x00\n";
    let p = write(dir.path(), "nul.csv", &csv_around(bad));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_rows(&o, &events);
    assert_reported_line(&o, &events, "nul.csv", 5);
    // No control character reaches an output that may be shown on a terminal.
    for e in &events {
        assert!(!field(e, "from").chars().any(char::is_control), "{e}");
    }
}

#[test]
fn csv_invalid_utf8_and_gbk_sequences_are_decoded_with_a_warning() {
    let dir = tmp();
    // A UTF-8 export with Chinese names and one damaged row.
    let mut text = CSV_HEADER.to_string();
    for i in 0..4 {
        text += &format!("1380013{i:04},张{i}先生,来电,2024-03-05 14:{i:02}:00,10,房产中介,,\n");
    }
    let mut bytes = text.into_bytes();
    bytes.extend(b"13900000001,\xff\xfe\xc3\x28\x80,1,2024-03-05 15:00:00,5,\xa1\xa1,\xe6\x88,\n");
    for i in 4..8 {
        bytes.extend(
            format!("1380013{i:04},张{i}先生,来电,2024-03-05 14:{i:02}:00,10,房产中介,,\n")
                .as_bytes(),
        );
    }
    let p = write(dir.path(), "damaged.csv", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(events.len(), 9, "{}", o.tail());
    // The damage stays local: the good rows' names are not turned into mojibake.
    for i in [0, 7] {
        let e = events.iter().find(|e| field(e, "from") == good_number(i)).expect("good row");
        assert_eq!(field(e, "from_name"), format!("张{i}先生"));
    }
    assert_reported_line(&o, &events, "damaged.csv", 6);

    // Invalid GBK (lone lead bytes) in a GBK export.
    let mut gbk = b"\xba\xc5\xc2\xeb,\xc8\xd5\xc6\xda\n".to_vec(); // 号码,日期
    gbk.extend(b"13800130000,2024-03-05 14:00\n");
    gbk.extend(b"13900000001\x81,2024-03-05 14:01\x81\n");
    gbk.extend(b"13800130001,2024-03-05 14:02\n");
    let p = write(dir.path(), "gbk.csv", &gbk);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    let got = senders(&events);
    assert!(got.contains(&good_number(0)) && got.contains(&good_number(1)), "{got:?}");
    assert_reported_line(&o, &events, "gbk.csv", 3);
}

#[test]
fn csv_with_a_million_columns_skips_that_row_only() {
    let dir = tmp();
    let mut bad = b"13900000001,".to_vec();
    bad.extend(std::iter::repeat_n(b',', 1_000_000));
    bad.push(b'\n');
    let p = write(dir.path(), "wide.csv", &csv_around(&bad));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(o.code, Some(1));
    assert_good_rows(&o, &events);
    assert!(o.stderr.contains("wide.csv:line 5"), "{}", o.tail());
    assert_eq!(events.len(), 6);
    o.assert_memory_below(SMALL_INPUT_RSS_MB, "a million columns");
}

#[test]
fn csv_with_a_10_mb_field_skips_that_row_only() {
    let dir = tmp();
    let mut bad = b"13900000001,\"".to_vec();
    bad.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    bad.extend(b"\",1,2024-03-05 15:00:00,5,,,\n");
    let p = write(dir.path(), "field.csv", &csv_around(&bad));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(o.code, Some(1));
    assert_good_rows(&o, &events);
    assert!(o.stderr.contains("field.csv:line 5"), "{}", o.tail());
    assert_eq!(events.len(), 6);
    o.assert_memory_below(SMALL_INPUT_RSS_MB, "a 10 MB field");
}

#[test]
fn csv_with_a_100_mb_line_is_bounded() {
    let dir = tmp();
    let mut bad = b"13900000001,".to_vec();
    bad.extend(std::iter::repeat_n(b'A', HUNDRED_MB));
    bad.extend(b",1,2024-03-05 15:00:00,5,,,\n");
    let p = write(dir.path(), "long-line.csv", &csv_around(&bad));
    drop(bad);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(o.code, Some(1));
    assert_good_rows(&o, &events);
    assert!(o.stderr.contains("long-line.csv:line 5"), "{}", o.tail());
    eprintln!("100 MB CSV line: peak RSS {} MiB, {:?}", o.peak_rss_kb / 1024, o.elapsed);
    o.assert_memory_below(BIG_INPUT_RSS_MB, "a 100 MB CSV line");
}

#[test]
fn csv_truncated_inside_a_row_keeps_the_rows_before() {
    let dir = tmp();
    let mut bytes = CSV_HEADER.as_bytes().to_vec();
    for i in 0..3 {
        bytes.extend(good_row(i).as_bytes());
    }
    bytes.extend(b"13900000001,\"Trunc");
    let p = write(dir.path(), "cut-quote.csv", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(events.len(), 3, "{}", o.tail());
    assert_eq!(o.code, Some(1));
    assert!(o.stderr.contains("cut-quote.csv:line 5"), "{}", o.tail());

    bytes.truncate(bytes.len() - 7);
    bytes.extend(b"2024-03-0");
    let p = write(dir.path(), "cut-date.csv", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(events.len(), 3, "{}", o.tail());
    assert!(o.stderr.contains("cut-date.csv:line 5"), "{}", o.tail());
}

#[test]
fn csv_stray_quote_does_not_swallow_the_rest_of_the_file() {
    let dir = tmp();
    let bad = b"13900000001,\"unbalanced quote,1,2024-03-05 15:00:00,5,,,\n";
    let p = write(dir.path(), "quote.csv", &csv_around(bad));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(o.code, Some(1));
    assert_good_rows(&o, &events);
    assert!(o.stderr.contains("quote.csv:line 5"), "{}", o.tail());
}

/// Reading on after each stray quote reads the swallowed rows again; a file
/// made of stray quotes must not make that quadratic (a hang).
#[test]
fn csv_of_stray_quotes_only_stays_fast() {
    let dir = tmp();
    let mut bytes = CSV_HEADER.as_bytes().to_vec();
    for i in 0..50_000 {
        bytes.extend(format!("139{i:08},\"x,1,2024-03-05 15:00:00,5,,,\n").as_bytes());
    }
    let p = write(dir.path(), "quotes.csv", &bytes);
    let (o, _) = ingest(dir.path(), &[&p], &[]);
    let limit = if cfg!(debug_assertions) { 120 } else { 20 };
    assert!(o.elapsed.as_secs() < limit, "took {:?}", o.elapsed);
}

/// Terminal escape sequences in a hostile file must not reach the person's
/// terminal through warnings (nor the sender column of `classify`).
#[test]
fn escape_sequences_never_reach_the_terminal() {
    let dir = tmp();
    let esc = "\u{1b}[2J\u{1b}[31mALL CLEAR\u{1b}]0;title\u{7}";
    let csv = format!("{CSV_HEADER}139{esc}00000001,{esc},{esc},{esc},{esc},,,\n");
    let xml = format!(
        "{XML_HEAD}<smses>\n<sms address=\"1{esc}\" date=\"{esc}\" type=\"{esc}\" body=\"x\" />\n</smses>\n"
    );
    let mbox = format!(
        "From x Sat Mar  2 11:00:00 2024\nFrom: \"{esc}\" <evil{esc}@example.net>\nDate: {esc}\n\
         Subject: {esc}\n\nbody {esc}\n"
    );
    let inputs = [
        write(dir.path(), "esc.csv", csv.as_bytes()),
        write(dir.path(), "esc.xml", xml.as_bytes()),
        write(dir.path(), "esc.mbox", mbox.as_bytes()),
    ];
    let paths: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let (o, _) = ingest(dir.path(), &paths, &[]);
    assert!(!o.stderr.contains('\u{1b}'), "escape sequence on stderr: {:?}", o.stderr);
    assert!(!o.stderr.contains('\u{7}'), "BEL on stderr: {:?}", o.stderr);
    let o = run(["classify".as_ref(), inputs[0].as_os_str(), inputs[1].as_os_str()]);
    o.assert_sane("classify");
    let out = o.stdout_text();
    let from_column: Vec<&str> = out.lines().filter_map(|l| l.split(',').nth(3)).collect();
    assert!(from_column.iter().all(|f| !f.contains('\u{1b}')), "{from_column:?}");
}

// ---------------------------------------------------------------- SMS XML

const XML_HEAD: &str = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n";

fn good_sms(i: u32) -> String {
    format!(
        "<sms protocol=\"0\" address=\"1380013{i:04}\" date=\"17096185{i:02}000\" type=\"1\" \
         body=\"good message {i}\" readable_date=\"Mar 5, 2024\" contact_name=\"(Unknown)\" />\n"
    )
}

/// An SMS backup: three good messages, `bad` (starting on line 6), three more.
fn xml_around(bad: &str) -> Vec<u8> {
    xml_around_bytes(bad.as_bytes())
}

fn xml_around_bytes(bad: &[u8]) -> Vec<u8> {
    let mut v = XML_HEAD.as_bytes().to_vec();
    v.extend(b"<smses count=\"7\">\n");
    for i in 0..3 {
        v.extend(good_sms(i).as_bytes());
    }
    v.extend(bad);
    for i in 3..6 {
        v.extend(good_sms(i).as_bytes());
    }
    v.extend(b"</smses>\n");
    v
}

fn assert_good_sms(o: &Outcome, events: &[serde_json::Value]) {
    let got = senders(events);
    for i in 0..6 {
        assert!(got.contains(&good_number(i)), "good sms {i} lost; got {got:?}\n{}", o.tail());
    }
}

#[test]
fn xml_entities_are_never_expanded_nor_fetched() {
    let dir = tmp();
    let secret = write(dir.path(), "secret.txt", b"TOP-SECRET-MARKER-4242");
    let mut dtd = String::from("<!DOCTYPE smses [\n<!ENTITY lol \"lol\">\n");
    for k in 1..=9 {
        let prev = if k == 1 { "lol".to_string() } else { format!("lol{}", k - 1) };
        dtd += &format!("<!ENTITY lol{k} \"{}\">\n", format!("&{prev};").repeat(10));
    }
    dtd += &format!("<!ENTITY xxe SYSTEM \"file://{}\">\n", secret.display());
    // A port nobody listens on, on this machine only: were it fetched, the
    // privacy suite's strace would see it; here the text must stay literal.
    dtd += "<!ENTITY remote SYSTEM \"http://127.0.0.1:9/x.dtd\">\n<!ENTITY % pe SYSTEM \"http://127.0.0.1:9/pe.dtd\">\n%pe;\n]>\n";
    let mut bytes = XML_HEAD.as_bytes().to_vec();
    bytes.extend(dtd.as_bytes());
    bytes.extend(b"<smses count=\"8\">\n");
    for i in 0..3 {
        bytes.extend(good_sms(i).as_bytes());
    }
    bytes.extend(
        b"<sms protocol=\"0\" address=\"13900000001\" date=\"1709618580000\" type=\"1\" body=\"a &lol9; b\" />\n\
          <sms protocol=\"0\" address=\"&xxe;\" date=\"1709618640000\" type=\"1\" body=\"&xxe;&remote;\" />\n",
    );
    for i in 3..6 {
        bytes.extend(good_sms(i).as_bytes());
    }
    bytes.extend(b"</smses>\n");
    let p = write(dir.path(), "laughs.xml", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_sms(&o, &events);
    let all = std::fs::read_to_string(dir.path().join("events.jsonl")).unwrap();
    assert!(!all.contains("TOP-SECRET-MARKER"), "external entity was read");
    assert!(!all.contains("lollol"), "entity was expanded");
    let laugh = events.iter().find(|e| field(e, "from") == "+8613900000001").expect("kept");
    assert_eq!(field(laugh, "text"), "a &lol9; b");
    o.assert_memory_below(SMALL_INPUT_RSS_MB, "billion laughs");
    assert!(o.elapsed.as_secs() < 30, "took {:?}", o.elapsed);
}

#[test]
fn xml_with_a_100_mb_line_is_bounded() {
    let dir = tmp();
    // The whole file on one line, one message body of 100 MB inside.
    let mut bytes = XML_HEAD.trim_end().as_bytes().to_vec();
    bytes.extend(b"<smses count=\"7\">");
    for i in 0..3 {
        bytes.extend(good_sms(i).trim_end().as_bytes());
    }
    bytes.extend(b"<sms address=\"13900000001\" date=\"1709618580000\" type=\"1\" body=\"");
    bytes.extend(std::iter::repeat_n(b'A', HUNDRED_MB));
    bytes.extend(b"\" />");
    for i in 3..6 {
        bytes.extend(good_sms(i).trim_end().as_bytes());
    }
    bytes.extend(b"</smses>");
    let p = write(dir.path(), "long-line.xml", &bytes);
    drop(bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_sms(&o, &events);
    assert!(o.stderr.contains("long-line.xml:line 1"), "{}", o.tail());
    eprintln!("100 MB XML line: peak RSS {} MiB, {:?}", o.peak_rss_kb / 1024, o.elapsed);
    o.assert_memory_below(BIG_INPUT_RSS_MB, "a 100 MB XML line");
}

#[test]
fn xml_nul_bytes_and_invalid_utf8_do_not_stop_the_file() {
    let dir = tmp();
    let bad = b"<sms address=\"139\x0000000001\" date=\"1709618580000\" type=\"1\" body=\"nul \x00 and \xff\xfe bad\" />\n";
    let p = write(dir.path(), "nul.xml", &xml_around_bytes(bad));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_sms(&o, &events);
    assert_reported_line(&o, &events, "nul.xml", 6);
}

#[test]
fn xml_truncated_inside_a_message_keeps_the_messages_before() {
    let dir = tmp();
    let full =
        xml_around("<sms address=\"13900000001\" date=\"1709618580000\" body=\"cut here\" />\n");
    let cut = full.windows(8).position(|w| w == b"cut here").expect("marker");
    let p = write(dir.path(), "cut.xml", &full[..cut]);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_eq!(o.code, Some(1));
    assert_eq!(events.len(), 3, "{}", o.tail());
    assert!(o.stderr.contains("cut.xml:line 6"), "{}", o.tail());
}

#[test]
fn xml_dates_in_year_0_and_9999_and_odd_durations() {
    let dir = tmp();
    let dates = ["-62167219200000", "253402300799999", "99999999999999999999999", "-1", "NaN"];
    let mut bad = String::new();
    for (i, d) in dates.iter().enumerate() {
        bad += &format!("<sms address=\"1390000000{i}\" date=\"{d}\" type=\"1\" body=\"d\" />\n");
    }
    let p = write(dir.path(), "dates.xml", &xml_around(&bad));
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_sms(&o, &events);
    for (i, _) in dates.iter().enumerate() {
        assert_reported_line(&o, &events, "dates.xml", 6 + i as u64);
    }

    let mut calls = String::from("<?xml version='1.0'?>\n<calls count=\"6\">\n");
    calls += "<call number=\"13800130000\" duration=\"12\" date=\"1709618580000\" type=\"1\" />\n";
    for (i, d) in ["-5", "99999999999999999999999", "1e308"].iter().enumerate() {
        calls += &format!(
            "<call number=\"1390000000{i}\" duration=\"{d}\" date=\"17096186{i:02}000\" type=\"1\" />\n"
        );
    }
    calls += "<call number=\"13800130001\" duration=\"12\" date=\"1709618990000\" type=\"3\" />\n</calls>\n";
    let p = write(dir.path(), "calls.xml", calls.as_bytes());
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    let got = senders(&events);
    assert!(got.contains(&good_number(0)) && got.contains(&good_number(1)), "{got:?}");
    for line in 4..=6 {
        assert_reported_line(&o, &events, "calls.xml", line);
    }
    for e in &events {
        let d = e.get("duration_s").and_then(|d| d.as_u64());
        assert!(d.is_none_or(|d| d < 100 * 365 * 86_400), "{e}");
    }
}

// ---------------------------------------------------------------- mail

fn good_mail(i: u32) -> String {
    format!(
        "From sender{i}@example.com Sat Mar  2 10:00:0{} 2024\nFrom: Good {i} <good{i}@example.com>\n\
         To: me@example.org\nSubject: good {i}\nDate: Sat, 02 Mar 2024 10:00:0{} +0000\n\
         Message-ID: <good{i}@example.com>\n\nHello {i}.\n\n",
        i % 10,
        i % 10
    )
}

/// An mbox: three good messages, `bad` (a whole message with its `From `
/// line), three more. Returns the bytes and the byte offset of `bad`.
fn mbox_around(bad: &[u8]) -> (Vec<u8>, usize) {
    let mut v = Vec::new();
    for i in 0..3 {
        v.extend(good_mail(i).as_bytes());
    }
    let at = v.len();
    v.extend(bad);
    if !bad.ends_with(b"\n\n") {
        v.extend(b"\n\n");
    }
    for i in 3..6 {
        v.extend(good_mail(i).as_bytes());
    }
    (v, at)
}

fn assert_good_mail(o: &Outcome, events: &[serde_json::Value]) {
    let subjects: Vec<&str> = events.iter().map(|e| field(e, "subject")).collect();
    for i in 0..6 {
        let s = format!("good {i}");
        assert!(subjects.contains(&s.as_str()), "{s} lost; got {subjects:?}\n{}", o.tail());
    }
}

fn bad_mail_head(subject: &str, content_type: &str) -> Vec<u8> {
    format!(
        "From bomb@example.net Sat Mar  2 11:00:00 2024\nFrom: bomb@example.net\nTo: me@example.org\n\
         Subject: {subject}\nDate: Sat, 02 Mar 2024 11:00:00 +0000\nMIME-Version: 1.0\n\
         Content-Type: {content_type}\n\n"
    )
    .into_bytes()
}

#[test]
fn mime_bomb_deep_nesting_is_refused_with_its_offset() {
    let dir = tmp();
    let depth = 10_000;
    let mut bad = bad_mail_head("nest", "multipart/mixed; boundary=\"b0\"");
    for i in 1..depth {
        bad.extend(
            format!("--b{}\nContent-Type: multipart/mixed; boundary=\"b{i}\"\n\n", i - 1)
                .as_bytes(),
        );
    }
    bad.extend(format!("--b{}\nContent-Type: text/plain\n\ndeep\n", depth - 1).as_bytes());
    for i in (0..depth).rev() {
        bad.extend(format!("--b{i}--\n").as_bytes());
    }
    let (bytes, at) = mbox_around(&bad);
    let p = write(dir.path(), "nest.mbox", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    assert_eq!(o.code, Some(1));
    assert!(o.stderr.contains(&format!("nest.mbox:offset {at}")), "{}", o.tail());
    o.assert_memory_below(SMALL_INPUT_RSS_MB, "deep MIME nesting");
}

#[test]
fn mime_bomb_thousands_of_parts_is_bounded() {
    let dir = tmp();
    let mut bad = bad_mail_head("parts", "multipart/mixed; boundary=\"p\"");
    for i in 0..20_000 {
        bad.extend(format!("--p\nContent-Type: text/plain\n\npart {i}\n").as_bytes());
    }
    bad.extend(b"--p--\n");
    let (bytes, at) = mbox_around(&bad);
    let p = write(dir.path(), "parts.mbox", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    assert!(
        o.stderr.contains(&format!("parts.mbox:offset {at}"))
            || events.iter().any(|e| field(e, "subject") == "parts"
                && e.get("warnings").is_some_and(|w| w.to_string().contains("parts"))),
        "{}",
        o.tail()
    );
    o.assert_memory_below(SMALL_INPUT_RSS_MB, "thousands of MIME parts");
}

#[test]
fn mime_bomb_huge_base64_is_bounded() {
    let dir = tmp();
    let line = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n";
    // 24 MB of base64: under the record cap, decoded to 18 MB of text.
    let mut bad = bad_mail_head("base64", "multipart/mixed; boundary=\"q\"");
    bad.extend(
        b"--q\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
    );
    let n = 24 * 1024 * 1024 / line.len();
    for _ in 0..n {
        bad.extend(line.as_bytes());
    }
    bad.extend(b"--q\nContent-Type: application/octet-stream; name=\"x.bin\"\nContent-Transfer-Encoding: base64\n\n");
    for _ in 0..n / 8 {
        bad.extend(line.as_bytes());
    }
    bad.extend(b"--q--\n");
    let (bytes, _) = mbox_around(&bad);
    // And an e-mail over the record cap (40 MB of base64).
    let mut over = bad_mail_head("over", "text/plain; charset=utf-8");
    over.extend(b"Content-Transfer-Encoding: base64\n\n");
    for _ in 0..40 * 1024 * 1024 / line.len() {
        over.extend(line.as_bytes());
    }
    let (bytes2, at2) = mbox_around(&over);
    let p = write(dir.path(), "b64.mbox", &bytes);
    let p2 = write(dir.path(), "b64-over.mbox", &bytes2);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    let e = events.iter().find(|e| field(e, "subject") == "base64").expect("kept");
    assert!(field(e, "text").chars().count() <= leaktrace::ingest::mail::MAX_TEXT_CHARS);
    assert!(e.get("warnings").is_some_and(|w| w.to_string().contains("truncated")), "{e}");
    o.assert_memory_below(BIG_INPUT_RSS_MB / 2, "24 MB of base64");
    let (o, events) = ingest(dir.path(), &[&p2], &[]);
    assert_good_mail(&o, &events);
    assert!(o.stderr.contains(&format!("b64-over.mbox:offset {at2}")), "{}", o.tail());
    o.assert_memory_below(BIG_INPUT_RSS_MB / 2, "40 MB of base64");
}

#[test]
fn mbox_with_a_100_mb_line_is_bounded() {
    let dir = tmp();
    let mut bad = bad_mail_head("long", "text/plain");
    bad.extend(std::iter::repeat_n(b'A', HUNDRED_MB));
    bad.push(b'\n');
    let (bytes, at) = mbox_around(&bad);
    drop(bad);
    let p = write(dir.path(), "long-line.mbox", &bytes);
    drop(bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    assert_eq!(o.code, Some(1));
    assert!(o.stderr.contains(&format!("long-line.mbox:offset {at}")), "{}", o.tail());
    eprintln!("100 MB mbox line: peak RSS {} MiB, {:?}", o.peak_rss_kb / 1024, o.elapsed);
    // Streamed: a record (32 MB) and a batch, not the file.
    o.assert_memory_below(BIG_INPUT_RSS_MB / 2, "a 100 MB mbox line");
}

#[test]
fn mbox_from_lines_inside_bodies() {
    let dir = tmp();
    let bad = b"From quoted@example.net Sat Mar  2 11:00:00 2024\nFrom: quoted@example.net\n\
Subject: froms\nDate: Sat, 02 Mar 2024 11:00:00 +0000\n\nFirst line.\n\
From here on, prose after a blank line.\n\
From someone Sat Mar  2 11:00:00 2024 not after a blank line\n\
>From an escaped line\n>>From a twice escaped line\n\nFrom\n\nFrom \n\nFrom x y\n";
    let (bytes, _) = mbox_around(bad);
    let p = write(dir.path(), "froms.mbox", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    assert_eq!(events.len(), 7, "{}", o.tail());
    let e = events.iter().find(|e| field(e, "subject") == "froms").expect("kept");
    let text = field(e, "text");
    assert!(text.contains("From here on"), "{text}");
    assert!(text.contains("From someone Sat Mar"), "{text}");
    assert!(text.contains("From an escaped line") && !text.contains(">From an"), "{text}");
    assert!(text.contains(">From a twice"), "{text}");
}

#[test]
fn mail_dates_in_year_0_and_9999() {
    let dir = tmp();
    let mut mbox = Vec::new();
    for (i, d) in [
        "Mon, 01 Jan 0000 00:00:00 +0000",
        "Fri, 31 Dec 9999 23:59:59 +0000",
        "Fri, 31 Dec 99999999999 23:59:59 +9999",
        "32 Foo -1 25:61:61 -2400",
    ]
    .iter()
    .enumerate()
    {
        mbox.extend(
            format!(
                "From x Sat Mar  2 11:00:00 2024\nFrom: odd{i}@example.net\nSubject: odd {i}\nDate: {d}\n\nbody\n\n"
            )
            .as_bytes(),
        );
    }
    let (bytes, _) = mbox_around(&mbox);
    let p = write(dir.path(), "dates.mbox", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    for i in 0..4 {
        let e = events.iter().find(|e| field(e, "subject") == format!("odd {i}"));
        match e {
            // Kept without an instant, or with a plausible one and a warning.
            Some(e) => {
                let at = field(e, "at");
                assert!(at.is_empty() || at.starts_with("20"), "{e}");
                assert!(e.get("warnings").is_some(), "no warning: {e}");
            }
            None => assert!(o.stderr.contains("dates.mbox:offset"), "{}", o.tail()),
        }
    }
}

#[test]
fn mail_nul_bytes_bad_charsets_and_truncation() {
    let dir = tmp();
    let mut bad = b"From x Sat Mar  2 11:00:00 2024\nFrom: n\x00ul@example.net\nSubject: =?gbk?B?xOO6wyA=?= \xff\xfe\n\
Content-Type: text/plain; charset=gbk\nDate: Sat, 02 Mar 2024 11:00:00 +0000\n\n\
\x81\x81 lone lead bytes \x00 NUL \xc4\xe3\n\n"
        .to_vec();
    bad.extend(b"From y Sat Mar  2 11:00:00 2024\nFrom: cs@example.net\nSubject: =?x-no-such-charset?Q?a=FF?=\n\
Content-Type: text/plain; charset=\"x-no-such-charset\"\nContent-Transfer-Encoding: quoted-printable\n\n=FF=FE=\n\n");
    let (bytes, _) = mbox_around(&bad);
    let p = write(dir.path(), "charsets.mbox", &bytes);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert_good_mail(&o, &events);
    assert_eq!(events.len(), 8, "{}", o.tail());

    // Cut inside the headers of the last message.
    let mut cut = Vec::new();
    for i in 0..3 {
        cut.extend(good_mail(i).as_bytes());
    }
    cut.extend(b"From z Sat Mar  2 11:00:00 2024\nFrom: cut@exa");
    let p = write(dir.path(), "cut.mbox", &cut);
    let (o, events) = ingest(dir.path(), &[&p], &[]);
    assert!(events.len() >= 3, "{}", o.tail());

    let p = write(dir.path(), "cut.eml", b"From: a@b.c\nSubject: =?utf-8?B?5L2g5");
    let (o, _) = ingest(dir.path(), &[&p], &[]);
    assert!(matches!(o.code, Some(0 | 1)), "{}", o.tail());
}

// ---------------------------------------------------------------- model

/// A model file with `body` (features) and its header edited by `edit`,
/// its checksum made to match, so that the loader reaches its real checks.
fn forged_model(
    dir: &Path,
    name: &str,
    body: &str,
    edit: impl Fn(&mut serde_json::Value),
) -> PathBuf {
    let labels = write(
        dir,
        "labels.csv",
        b"label,text\nretail,sale sale discount\nretail,sale today\nlegit,dinner mum\nlegit,mum at home\n",
    );
    let base = dir.join("base.model");
    if !base.exists() {
        let o = run([
            "train".as_ref(),
            labels.as_os_str(),
            "--min-count".as_ref(),
            "1".as_ref(),
            "-o".as_ref(),
            base.as_os_str(),
        ]);
        o.assert_sane("train");
        assert_eq!(o.code, Some(0), "{}", o.tail());
    }
    let text = std::fs::read_to_string(&base).unwrap();
    let mut lines = text.splitn(3, '\n');
    let magic = lines.next().unwrap();
    let mut header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    header["body_sha256"] = leaktrace::event::sha256_hex(body.as_bytes()).into();
    header["features_count"] = body.lines().count().into();
    edit(&mut header);
    write(dir, name, format!("{magic}\n{header}\n{body}").as_bytes())
}

/// A change to a model file's JSON header.
type HeaderEdit = Box<dyn Fn(&mut serde_json::Value)>;

fn classify_with_model(dir: &Path, model: &Path) -> Outcome {
    let input = write(dir, "in.csv", &csv_around(b""));
    let o = run(["classify".as_ref(), input.as_os_str(), "--model".as_ref(), model.as_os_str()]);
    o.assert_sane(&format!("classify --model {}", model.display()));
    o
}

#[test]
fn model_with_wrong_dimensions_or_nan_is_refused() {
    let dir = tmp();
    let cases: Vec<(&str, &str, HeaderEdit)> = vec![
        ("class-out-of-range.model", "sale\t7:3\n", Box::new(|_| {})),
        ("nan-count.model", "sale\t0:NaN\n", Box::new(|_| {})),
        ("inf-count.model", "sale\t0:inf\n", Box::new(|_| {})),
        ("negative-count.model", "sale\t0:-1\n", Box::new(|_| {})),
        ("no-tab.model", "sale 0:1\n", Box::new(|_| {})),
        ("duplicate.model", "sale\t0:1\nsale\t1:1\n", Box::new(|_| {})),
        (
            "count-mismatch.model",
            "sale\t0:1\n",
            Box::new(|h| h["features_count"] = 10_000_000_000u64.into()),
        ),
        (
            "one-class.model",
            "sale\t0:1\n",
            Box::new(|h| {
                h["categories"] = serde_json::json!(["retail"]);
                h["class_documents"] = serde_json::json!([1]);
            }),
        ),
        (
            "docs-mismatch.model",
            "sale\t0:1\n",
            Box::new(|h| h["class_documents"] = serde_json::json!([1, 2, 3])),
        ),
        ("zero-alpha.model", "sale\t0:1\n", Box::new(|h| h["alpha"] = 0.0.into())),
        (
            "negative-temperature.model",
            "sale\t0:1\n",
            Box::new(|h| h["temperature"] = (-1.0).into()),
        ),
        ("huge-alpha.model", "sale\t0:1\n", Box::new(|h| h["alpha"] = 1e308.into())),
    ];
    for (name, body, edit) in cases {
        let p = forged_model(dir.path(), name, body, edit);
        let o = classify_with_model(dir.path(), &p);
        if name == "huge-alpha.model" {
            // A legal, if silly, model: it must score without NaN, or be refused.
            if o.code != Some(2) {
                assert!(!o.stdout_text().contains("NaN"), "{}", o.stdout_text());
            }
            continue;
        }
        assert_eq!(o.code, Some(2), "{name}: {}", o.tail());
        assert!(o.stderr.contains(name), "{name}: error does not name the file\n{}", o.tail());
        assert!(o.stdout.is_empty(), "{name}: wrote output with a bad model");
    }
    // Header JSON cannot say NaN; a file that tries is unreadable, not a crash.
    let p =
        write(dir.path(), "nan-header.model", b"LEAKTRACE-MODEL\n{\"alpha\": NaN}\nsale\t0:1\n");
    let o = classify_with_model(dir.path(), &p);
    assert_eq!(o.code, Some(2));
    assert!(o.stderr.contains("nan-header.model"), "{}", o.tail());
}
