//! Privacy promises, against the real binary on the demo case
//! (`datasets/demo`):
//!
//! - leaktrace makes no network connection, ever: the whole pipeline runs in
//!   a network namespace without a network (`unshare -n`), and under
//!   `strace -f -e trace=network` it opens no socket at all (not even AF_UNIX,
//!   which would mean a libc lookup through nscd or similar);
//! - a report holds data only from the inputs it was given;
//! - `--redact` masks every number and address of the person's own (from the
//!   disclosures file) in every output file, and keeps third parties'.
//!
//! Tests that need `unshare` or `strace` skip with a message when the tool is
//! missing or not permitted (CI installs util-linux and strace).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// The demo's inputs, or `None` (with a message) when absent.
fn demo_inputs() -> Option<Vec<PathBuf>> {
    let v: Vec<PathBuf> =
        ["calls.csv", "sms.xml", "mail.mbox", "disclosures.toml"].iter().map(|n| demo(n)).collect();
    if v.iter().all(|p| p.exists()) {
        Some(v)
    } else {
        eprintln!("skipped: datasets/demo is absent");
        None
    }
}

fn report_args(inputs: &[PathBuf], out: &Path, extra: &[&str]) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec!["report".into()];
    args.extend(inputs.iter().map(|p| p.as_os_str().to_owned()));
    args.extend(extra.iter().map(Into::into));
    args.push("-o".into());
    args.push(out.as_os_str().to_owned());
    args
}

/// Every output file of a report folder, as text.
fn outputs(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned())
        })
        .collect();
    v.sort();
    assert!(v.len() >= 5, "report files missing: {:?}", v.iter().map(|x| &x.0).collect::<Vec<_>>());
    v
}

#[test]
fn the_pipeline_runs_without_a_network() {
    let Some(inputs) = demo_inputs() else { return };
    let probe = Command::new("unshare").args(["-n", "true"]).stderr(Stdio::null()).status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!("skipped: unshare -n is unavailable or not permitted here");
        return;
    }
    let dir = tmp();
    let out = dir.path().join("report");
    let mut c = Command::new("unshare");
    c.arg("-n").arg("--").arg(BIN).args(report_args(&inputs, &out, &[]));
    let o = run_command(c);
    o.assert_sane("report in a network namespace");
    assert_eq!(o.code, Some(0), "{}", o.tail());
    outputs(&out);
}

#[test]
fn the_pipeline_opens_no_socket() {
    let Some(inputs) = demo_inputs() else { return };
    if !have("strace") {
        eprintln!("skipped: strace is not installed");
        return;
    }
    let dir = tmp();
    let trace = dir.path().join("trace.txt");
    let out = dir.path().join("report");
    let ingest_out = dir.path().join("events.jsonl");
    let runs: Vec<Vec<std::ffi::OsString>> = vec![
        report_args(&inputs, &out, &["--redact"]),
        {
            let mut a: Vec<std::ffi::OsString> = vec!["ingest".into()];
            a.extend(inputs[..3].iter().map(|p| p.as_os_str().to_owned()));
            a.extend(["-o".into(), ingest_out.as_os_str().to_owned()]);
            a
        },
        vec!["classify".into(), inputs[1].as_os_str().to_owned(), "--contacts".into()],
    ];
    for args in runs {
        let mut c = Command::new("strace");
        c.args(["-f", "-e", "trace=network", "-o"]).arg(&trace).arg(BIN).args(&args);
        let o = run_command(c);
        if o.code != Some(0) && o.stderr.contains("ptrace") {
            eprintln!("skipped: strace cannot trace here: {}", o.tail());
            return;
        }
        o.assert_sane(&format!("strace leaktrace {args:?}"));
        assert_eq!(o.code, Some(0), "{}", o.tail());
        let log = std::fs::read_to_string(&trace).unwrap();
        let calls: Vec<&str> = log
            .lines()
            .filter(|l| !l.contains("+++ exited") && !l.contains("--- SIG") && !l.trim().is_empty())
            .collect();
        let inet: Vec<&&str> =
            calls.iter().filter(|l| l.contains("AF_INET") || l.contains("AF_INET6")).collect();
        assert!(inet.is_empty(), "{args:?}: Internet sockets: {inet:#?}");
        // Not even a local socket: every network-class system call is a finding.
        assert!(calls.is_empty(), "{args:?}: network system calls: {calls:#?}");
    }
}

/// The `from` of every event of `input` (via `leaktrace ingest`).
fn senders_of(dir: &Path, input: &Path) -> Vec<String> {
    let (_, events) = ingest(dir, &[input], &[]);
    events.iter().map(|e| field(e, "from").to_string()).collect()
}

#[test]
fn a_report_holds_data_only_from_the_inputs_given() {
    let Some(inputs) = demo_inputs() else { return };
    let dir = tmp();
    let calls = &inputs[0];
    let given: std::collections::HashSet<String> =
        senders_of(dir.path(), calls).into_iter().collect();
    let mut others: Vec<String> = Vec::new();
    for p in &inputs[1..3] {
        others.extend(senders_of(dir.path(), p));
    }
    others.retain(|s| s.len() >= 7 && !given.contains(s));
    others.sort();
    others.dedup();
    assert!(others.len() > 20, "the demo should have senders outside calls.csv");
    // The disclosures file was not given either: its places must not appear.
    let disclosures = std::fs::read_to_string(&inputs[3]).unwrap();
    let places: Vec<String> = disclosures
        .lines()
        .filter_map(|l| l.trim().strip_prefix("source"))
        .filter_map(|l| l.split('"').nth(1).map(str::to_string))
        .collect();
    assert!(!places.is_empty());

    let out = dir.path().join("report");
    let o = run(report_args(std::slice::from_ref(calls), &out, &[]));
    o.assert_sane("report on calls.csv");
    assert_eq!(o.code, Some(0), "{}", o.tail());
    for (name, text) in outputs(&out) {
        let compact: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        for s in &others {
            let national = s.strip_prefix("+86").unwrap_or(s);
            assert!(
                !text.contains(s.as_str()) && !compact.contains(national),
                "{name} holds {s}, a sender of an input that was not given"
            );
        }
        for p in &places {
            assert!(!text.contains(p.as_str()), "{name} names {p} from the disclosures file");
        }
        for other in ["sms.xml", "mail.mbox", "disclosures.toml"] {
            assert!(!text.contains(other), "{name} mentions {other}");
        }
    }
}

#[test]
fn redact_masks_own_numbers_and_addresses_everywhere_and_keeps_third_parties() {
    let Some(inputs) = demo_inputs() else { return };
    let dir = tmp();
    let d = leaktrace::attribute::Disclosures::load(&inputs[3]).expect("demo disclosures");
    let mut own: Vec<String> = d.me.phones.iter().chain(&d.me.emails).cloned().collect();
    for x in &d.disclosures {
        own.extend(x.phones.iter().chain(&x.emails).cloned());
    }
    own.sort();
    own.dedup();
    assert!(own.len() >= 5, "{own:?}");
    // Every way a number may be written: as normalised, national digits,
    // and as written in the disclosures file.
    let raw = std::fs::read_to_string(&inputs[3]).unwrap();
    let mut needles: Vec<String> = Vec::new();
    for o in &own {
        needles.push(o.clone());
        if let Some(national) = o.strip_prefix("+86") {
            needles.push(national.to_string());
        }
    }
    for line in raw.lines().filter(|l| l.contains("phones") || l.contains("emails")) {
        needles.extend(line.split('"').skip(1).step_by(2).map(str::to_string));
    }
    needles.retain(|n| !n.trim().is_empty());

    let out = dir.path().join("report");
    let o = run(report_args(&inputs, &out, &["--redact"]));
    o.assert_sane("report --redact");
    assert_eq!(o.code, Some(0), "{}", o.tail());
    let files = outputs(&out);
    for (name, text) in &files {
        let compact: String = text.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        for n in &needles {
            let n_compact: String = n.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
            assert!(
                !text.contains(n.as_str()) && !compact.contains(&n_compact),
                "{name} holds the person's own {n} despite --redact"
            );
        }
    }
    // Third parties are the evidence: they stay.
    let (_, events) =
        ingest(dir.path(), &inputs[..3].iter().map(PathBuf::as_path).collect::<Vec<_>>(), &[]);
    let mut third: Vec<&str> = events
        .iter()
        .filter(|e| field(e, "direction") == "incoming")
        .map(|e| field(e, "from"))
        .filter(|f| f.len() >= 7 && !own.iter().any(|o| o == f))
        .collect();
    third.sort();
    third.dedup();
    assert!(third.len() > 20);
    let evidence = &files.iter().find(|(n, _)| n == "evidence.csv").expect("evidence.csv").1;
    let kept = third.iter().filter(|s| evidence.contains(*s)).count();
    assert_eq!(kept, third.len(), "third-party senders were masked too");
    let json = &files.iter().find(|(n, _)| n == "report.json").expect("report.json").1;
    assert!(third.iter().take(10).all(|s| json.contains(s)));

    // Without --redact the same report does hold the person's numbers (so
    // the check above can fail).
    let plain = dir.path().join("plain");
    let o = run(report_args(&inputs, &plain, &[]));
    assert_eq!(o.code, Some(0), "{}", o.tail());
    let all: String = outputs(&plain).into_iter().map(|(_, t)| t).collect();
    assert!(
        own.iter().any(|o| all.contains(o.as_str())),
        "the unredacted report holds none of {own:?}"
    );
}
