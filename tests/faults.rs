//! Faults around the inputs and outputs, against the real binary: files that
//! cannot be read, a folder where a file belongs, a full disk, an interrupt
//! in the middle of a run, a reader that goes away (broken pipe), and the
//! exit codes the README promises (0 success, 1 some inputs had errors, 2
//! usage or fatal error).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// The files `report` writes.
const REPORT_FILES: [&str; 5] =
    ["report.html", "report.md", "report.json", "evidence.csv", "12321.csv"];

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn good_csv(dir: &Path) -> PathBuf {
    let p = dir.join("good.csv");
    std::fs::write(
        &p,
        "Number,Type,Date\n13800130000,1,2024-03-05 14:00\n13800130001,3,2024-03-05 14:01\n",
    )
    .unwrap();
    p
}

/// A call log of `rows` rows, for runs long enough to interrupt.
fn big_csv(dir: &Path, rows: usize) -> PathBuf {
    let p = dir.join("big.csv");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    writeln!(f, "Number,Type,Date,Duration,Tag").unwrap();
    let tags = ["", "房产中介", "骚扰电话", "保险理财", "贷款"];
    for i in 0..rows {
        writeln!(
            f,
            "13{:09},{},2024-{:02}-{:02} {:02}:{:02}:00,{},{}",
            (i * 7919) % 1_000_000_000,
            1 + i % 3,
            1 + i % 12,
            1 + i % 28,
            i % 24,
            i % 60,
            i % 300,
            tags[i % tags.len()]
        )
        .unwrap();
    }
    f.flush().unwrap();
    p
}

/// Asserts every report file in `dir` is either absent or complete, and that
/// no temporary file is left; returns the report files present.
fn assert_no_partial_report(dir: &Path) -> Vec<String> {
    let mut present = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(!name.contains("leaktrace-tmp"), "temporary file left: {name}");
        if !REPORT_FILES.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let complete = match name.as_str() {
            "report.json" => serde_json::from_str::<serde_json::Value>(&text).is_ok(),
            "report.html" => text.trim_end().ends_with("</html>"),
            _ => text.ends_with('\n'),
        };
        assert!(complete, "{name} is incomplete ({} bytes)", text.len());
        present.push(name);
    }
    present
}

// ---------------------------------------------------------------- exit codes

#[test]
fn exit_code_0_on_success() {
    let dir = tmp();
    let (o, events) = ingest(dir.path(), &[&good_csv(dir.path())], &[]);
    assert_eq!(o.code, Some(0), "{}", o.tail());
    assert_eq!(events.len(), 2);
}

#[test]
fn exit_code_1_when_some_records_or_inputs_had_errors_and_outputs_still_written() {
    let dir = tmp();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "Number,Type,Date\n13800130000,1,2024-03-05 14:00\n13800130002,1,never\n")
        .unwrap();
    let (o, events) = ingest(dir.path(), &[&bad], &[]);
    assert_eq!(o.code, Some(1), "{}", o.tail());
    assert_eq!(events.len(), 1);
    assert!(o.stderr.contains("bad.csv:line 3"), "{}", o.tail());

    // An input that cannot be read at all, beside a good one.
    let missing = dir.path().join("no-such-file.csv");
    let (o, events) = ingest(dir.path(), &[&missing, &good_csv(dir.path())], &[]);
    assert_eq!(o.code, Some(1), "{}", o.tail());
    assert_eq!(events.len(), 2);
    assert!(o.stderr.contains("no-such-file.csv"), "{}", o.tail());

    // `report` too: the report is written and lists the problem.
    let out = dir.path().join("report");
    let o = run(["report".as_ref(), bad.as_os_str(), "-o".as_ref(), out.as_os_str()]);
    o.assert_sane("report with a bad record");
    assert_eq!(o.code, Some(1), "{}", o.tail());
    assert_eq!(assert_no_partial_report(&out).len(), REPORT_FILES.len());
    let json = std::fs::read_to_string(out.join("report.json")).unwrap();
    assert!(json.contains("never"), "the report does not list the skipped record");
}

#[test]
fn exit_code_2_on_usage_errors() {
    let dir = tmp();
    let good = good_csv(dir.path());
    let good = good.to_str().unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec![],
        vec!["no-such-command"],
        vec!["ingest"],
        vec!["ingest", good, "--no-such-flag"],
        vec!["ingest", good, "--timezone", "Mars/Olympus_Mons"],
        vec!["ingest", good, "--input-format", "pdf"],
        vec!["ingest", good, "--columns", "colour=Farbe"],
        vec!["classify", good, "--format", "xml"],
        vec!["classify", good, "--model", "/no/such/model"],
        vec!["report", good, "--disclosures", "/no/such/disclosures.toml", "-o", "/tmp/x"],
    ];
    for args in cases {
        let o = run(&args);
        o.assert_sane(&format!("{args:?}"));
        assert_eq!(o.code, Some(2), "{args:?}: {}", o.tail());
        assert!(!o.stderr.trim().is_empty(), "{args:?}: no message");
    }
    // Writing over an input is refused: inputs are evidence.
    let before = file_sha256(Path::new(good));
    let o = run(["ingest", good, "-o", good]);
    o.assert_sane("output = input");
    assert_eq!(o.code, Some(2), "{}", o.tail());
    assert_eq!(file_sha256(Path::new(good)), before);
}

// ---------------------------------------------------------------- unreadable inputs

#[test]
fn unreadable_inputs_are_reported_and_the_others_still_read() {
    let dir = tmp();
    let good = good_csv(dir.path());
    // A symlink loop cannot be opened even by root.
    let a = dir.path().join("loop-a.csv");
    let b = dir.path().join("loop-b.csv");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    // A dangling symlink.
    let dangling = dir.path().join("dangling.csv");
    std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).unwrap();
    let (o, events) = ingest(dir.path(), &[&a, &dangling, &good], &[]);
    assert_eq!(o.code, Some(1), "{}", o.tail());
    assert_eq!(events.len(), 2);
    assert!(o.stderr.contains("loop-a.csv") && o.stderr.contains("dangling.csv"), "{}", o.tail());
}

#[test]
fn a_file_in_a_folder_that_cannot_be_entered() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    let good = good_csv(dir.path());
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    let inside = locked.join("calls.csv");
    std::fs::copy(&good, &inside).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read(&inside).is_ok();
    if readable {
        // Root reads through any mode bits.
        eprintln!(
            "skipped: running as root (or with CAP_DAC_OVERRIDE), the file is still readable"
        );
    } else {
        let (o, events) = ingest(dir.path(), &[&inside, &good], &[]);
        assert_eq!(o.code, Some(1), "{}", o.tail());
        assert_eq!(events.len(), 2);
        assert!(o.stderr.contains("locked/calls.csv"), "{}", o.tail());
        // The folder itself given as input: a warning, not a crash.
        let (o, _) = ingest(dir.path(), &[&locked, &good], &[]);
        assert!(o.stderr.contains("locked"), "{}", o.tail());
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_folder_where_a_file_is_expected_is_a_fatal_error() {
    let dir = tmp();
    let good = good_csv(dir.path());
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let report = dir.path().join("report");
    let cases: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["ingest".as_ref(), good.as_os_str(), "-o".as_ref(), folder.as_os_str()],
        vec!["classify".as_ref(), good.as_os_str(), "-o".as_ref(), folder.as_os_str()],
        vec!["classify".as_ref(), good.as_os_str(), "--model".as_ref(), folder.as_os_str()],
        vec![
            "report".as_ref(),
            good.as_os_str(),
            "--disclosures".as_ref(),
            folder.as_os_str(),
            "-o".as_ref(),
            report.as_os_str(),
        ],
        // And a file where the report's folder is expected.
        vec!["report".as_ref(), good.as_os_str(), "-o".as_ref(), good.as_os_str()],
    ];
    for args in cases {
        let o = run(&args);
        o.assert_sane(&format!("{args:?}"));
        assert_eq!(o.code, Some(2), "{args:?}: {}", o.tail());
        assert!(
            o.stderr.contains("folder") || o.stderr.contains("good.csv"),
            "{args:?}: the error does not name the path\n{}",
            o.tail()
        );
    }
    assert!(!report.exists() || std::fs::read_dir(&report).unwrap().next().is_none());
}

// ---------------------------------------------------------------- full disk

#[test]
fn a_full_disk_is_a_fatal_error() {
    let dir = tmp();
    let good = good_csv(dir.path());
    for cmd in ["ingest", "classify"] {
        let o = run([cmd.as_ref(), good.as_os_str(), "-o".as_ref(), "/dev/full".as_ref()]);
        o.assert_sane(&format!("{cmd} -o /dev/full"));
        assert_eq!(o.code, Some(2), "{cmd}: {}", o.tail());
        assert!(o.stderr.contains("No space left"), "{cmd}: {}", o.tail());
        // Standard output on a full disk, too.
        let mut c = cmd_with_stdout_file(&[cmd, good.to_str().unwrap()], "/dev/full");
        let status = c.status().unwrap();
        assert_eq!(status.code(), Some(2), "{cmd} > /dev/full");
    }
}

fn cmd_with_stdout_file(args: &[&str], path: &str) -> Command {
    let mut c = cmd(args);
    c.stdout(std::fs::OpenOptions::new().write(true).open(path).unwrap()).stderr(Stdio::null());
    c
}

/// `report` when the disk fills up while it writes: an error naming the
/// file, exit 2, no half-written report file, no temporary file, inputs
/// untouched. The disk is made "full" with a file-size limit (`ulimit -f`,
/// with SIGXFSZ ignored so that writes fail with EFBIG instead of killing
/// the process), which needs no privileges.
#[test]
fn report_on_a_full_disk_leaves_no_partial_file() {
    let dir = tmp();
    let inputs = [demo("calls.csv"), demo("sms.xml"), demo("disclosures.toml")];
    if !inputs.iter().all(|p| p.exists()) {
        eprintln!("skipped: datasets/demo is absent");
        return;
    }
    let hashes: Vec<String> = inputs.iter().map(|p| file_sha256(p)).collect();
    // Blocks of 512 bytes (dash) or 1024 (bash): small files fit, report.json does not.
    for blocks in [1, 40, 400] {
        let out = dir.path().join(format!("out-{blocks}"));
        std::fs::create_dir(&out).unwrap();
        let script = format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" report \"$1\" \"$2\" \"$3\" -o \"$4\""
        );
        let mut c = Command::new("sh");
        c.arg("-c").arg(script).arg(BIN).args(&inputs).arg(&out);
        let o = run_command(c);
        o.assert_sane(&format!("report with ulimit -f {blocks}"));
        if o.code == Some(0) {
            // Everything fitted (a larger block size than assumed).
            assert_eq!(assert_no_partial_report(&out).len(), REPORT_FILES.len());
            continue;
        }
        assert_eq!(o.code, Some(2), "ulimit -f {blocks}: {}", o.tail());
        assert!(o.stderr.contains(&out.display().to_string()), "{}", o.tail());
        assert!(o.stderr.contains("File too large"), "{}", o.tail());
        assert!(assert_no_partial_report(&out).len() < REPORT_FILES.len());
    }
    let after: Vec<String> = inputs.iter().map(|p| file_sha256(p)).collect();
    assert_eq!(hashes, after, "an input was modified");
}

#[test]
fn report_into_a_read_only_folder_is_a_fatal_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmp();
    let good = good_csv(dir.path());
    let out = dir.path().join("ro");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    let probe = out.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        eprintln!("skipped: running as root, a read-only mode does not stop writing");
    } else {
        let o = run(["report".as_ref(), good.as_os_str(), "-o".as_ref(), out.as_os_str()]);
        o.assert_sane("report into a read-only folder");
        assert_eq!(o.code, Some(2), "{}", o.tail());
        assert!(o.stderr.contains("ro/report"), "{}", o.tail());
        assert!(std::fs::read_dir(&out).unwrap().next().is_none());
    }
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
}

// ---------------------------------------------------------------- SIGINT

/// Sends SIGINT to `pid` (with kill(1): the crate allows no unsafe code).
fn interrupt(pid: u32) {
    let _ = Command::new("kill").args(["-INT", &pid.to_string()]).status();
}

/// SIGINT at several moments of a long `report`: while reading, and while
/// the report files are written (the moment a temporary file appears). The
/// folder then holds complete report files or none; a temporary file left by
/// the interrupted write is removed by the next run into the same folder.
#[test]
fn sigint_during_report_leaves_complete_files_or_none() {
    let dir = tmp();
    let rows = if cfg!(debug_assertions) { 20_000 } else { 100_000 };
    let input = big_csv(dir.path(), rows);
    let before = file_sha256(&input);
    for (i, when) in ["early", "writing"].iter().enumerate() {
        let out = dir.path().join(format!("out-{i}"));
        std::fs::create_dir(&out).unwrap();
        let mut child = cmd(["report".as_ref(), input.as_os_str(), "-o".as_ref(), out.as_os_str()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let mut sent = false;
        while start.elapsed() < time_limit() {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let writing = std::fs::read_dir(&out)
                .unwrap()
                .flatten()
                .any(|e| e.file_name().to_string_lossy().contains("leaktrace-tmp"));
            let now = match *when {
                "early" => start.elapsed() > Duration::from_millis(300),
                _ => writing,
            };
            if now && !sent {
                interrupt(child.id());
                sent = true;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        let _ = child.kill();
        let status = child.wait().unwrap();
        eprintln!("SIGINT {when}: sent={sent}, status {status:?}");
        // Whatever was left must be complete; a temporary file may remain
        // until the next run.
        let leftovers: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("leaktrace-tmp"))
            .collect();
        eprintln!("temporary files after SIGINT {when}: {leftovers:?}");
        for name in REPORT_FILES {
            if let Ok(text) = std::fs::read_to_string(out.join(name)) {
                let ok = match name {
                    "report.json" => serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                    "report.html" => text.trim_end().ends_with("</html>"),
                    _ => text.ends_with('\n'),
                };
                assert!(ok, "{name} incomplete after SIGINT {when}");
            }
        }
        // The next run into the same folder cleans up after the interrupted one.
        let o = run([
            "report".as_ref(),
            good_csv(dir.path()).as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        o.assert_sane("report after an interrupted one");
        assert_eq!(o.code, Some(0), "{}", o.tail());
        assert_eq!(assert_no_partial_report(&out).len(), REPORT_FILES.len());
    }
    assert_eq!(file_sha256(&input), before, "the input was modified");
}

// ---------------------------------------------------------------- broken pipe

/// `leaktrace … | head -1`: the reader goes away after one line; the run
/// ends quietly with 0, without a panic message.
#[test]
fn broken_pipe_on_stdout_is_a_quiet_exit() {
    let dir = tmp();
    let input = big_csv(dir.path(), 20_000);
    for args in [
        vec!["ingest"],
        vec!["classify"],
        vec!["classify", "--format", "jsonl"],
        vec!["classify", "--contacts"],
    ] {
        let mut child = cmd(args.iter().map(|a| a.as_ref()).chain([input.as_os_str()]))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        assert!(!line.is_empty(), "{args:?}: no output");
        // The reader is dropped here: the pipe breaks.
        let o = watch(child, time_limit());
        o.assert_sane(&format!("{args:?} | head -1"));
        assert_eq!(o.code, Some(0), "{args:?}: {}", o.tail());
        assert!(!o.stderr.contains("Broken pipe"), "{args:?}: {}", o.tail());
    }
}
