//! Shared helpers of the integration suites that drive the real binary
//! (`hostile.rs`, `faults.rs`, `privacy.rs`): run it with a time limit while
//! watching its peak memory, and read what it wrote.
//!
//! Each suite uses some of these helpers, so unused ones are allowed.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_leaktrace");

/// How long one run may take before it counts as a hang. Release builds
/// read 100 MB in a few seconds; debug builds are ~10× slower.
pub fn time_limit() -> Duration {
    if cfg!(debug_assertions) { Duration::from_secs(600) } else { Duration::from_secs(60) }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Outcome {
    /// The exit code; `None` when killed by a signal (or by our time limit).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: Vec<u8>,
    /// Standard error, lossily decoded.
    pub stderr: String,
    /// The largest resident set size seen (VmHWM), in KiB; 0 if unknown.
    pub peak_rss_kb: u64,
    /// Whether the time limit ran out and the child was killed.
    pub timed_out: bool,
    /// Wall time taken.
    pub elapsed: Duration,
}

impl Outcome {
    /// Asserts the promises every run keeps on any input: it ended by
    /// itself, with 0, 1 or 2 (never Rust's 101 for a panic, never a
    /// signal), and printed no panic message.
    pub fn assert_sane(&self, what: &str) {
        assert!(!self.timed_out, "{what}: hung (killed after {:?})\n{}", self.elapsed, self.tail());
        assert!(
            matches!(self.code, Some(0..=2)),
            "{what}: exit code {:?}\n{}",
            self.code,
            self.tail()
        );
        assert!(!self.stderr.contains("panicked"), "{what}: panicked\n{}", self.tail());
        assert!(!self.stderr.contains("RUST_BACKTRACE"), "{what}: panicked\n{}", self.tail());
    }

    /// Asserts the peak resident memory stayed under `mb` MiB.
    pub fn assert_memory_below(&self, mb: u64, what: &str) {
        assert!(
            self.peak_rss_kb < mb * 1024,
            "{what}: peak RSS {} MiB, bound {mb} MiB",
            self.peak_rss_kb / 1024
        );
    }

    /// The last part of standard error, for failure messages.
    pub fn tail(&self) -> String {
        let s = &self.stderr;
        let start = s.len().saturating_sub(3000);
        let start = (start..s.len()).find(|&i| s.is_char_boundary(i)).unwrap_or(s.len());
        format!("stderr (tail): {}", &s[start..])
    }

    /// Standard output as text.
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }
}

/// A command for the binary with `args`.
pub fn cmd<I, S>(args: I) -> Command
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut c = Command::new(BIN);
    c.args(args);
    c
}

/// Runs `leaktrace ARGS` with the time limit, watching its memory.
pub fn run<I, S>(args: I) -> Outcome
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_command(cmd(args))
}

/// Runs `command` with the time limit, watching its memory.
pub fn run_command(mut command: Command) -> Outcome {
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let child = command.spawn().expect("spawn the binary");
    watch(child, time_limit())
}

/// Waits for `child` (whose stdout and stderr are piped) for at most
/// `limit`, polling its VmHWM, and collects its output.
pub fn watch(mut child: Child, limit: Duration) -> Outcome {
    let start = Instant::now();
    let pid = child.id();
    // Drain the pipes on threads, or a chatty child blocks on a full pipe.
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(o) = out.as_mut() {
            let _ = o.read_to_end(&mut v);
        }
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        if let Some(e) = err.as_mut() {
            let _ = e.read_to_end(&mut v);
        }
        v
    });
    let mut peak = 0;
    let mut timed_out = false;
    let status = loop {
        // VmHWM is a high-water mark, so polling misses at most the last
        // interval's growth, not a short-lived peak.
        peak = peak.max(vm_hwm_kb(pid));
        match child.try_wait() {
            Ok(Some(s)) => break Some(s),
            Ok(None) => {}
            Err(_) => break None,
        }
        if start.elapsed() > limit {
            timed_out = true;
            let _ = child.kill();
            break child.wait().ok();
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out_t.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err_t.join().unwrap_or_default()).into_owned();
    Outcome {
        code: status.and_then(|s| s.code()),
        stdout,
        stderr,
        peak_rss_kb: peak,
        timed_out,
        elapsed: start.elapsed(),
    }
}

/// The VmHWM (peak resident set) of a live process, in KiB; 0 when gone.
pub fn vm_hwm_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("VmHWM:")?.trim().trim_end_matches("kB").trim().parse().ok()
            })
        })
        .unwrap_or(0)
}

/// The events of a JSON-lines file written by `leaktrace ingest -o`.
pub fn read_events(path: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("ingest writes JSON lines"))
        .collect()
}

/// Runs `leaktrace ingest INPUTS -o DIR/events.jsonl`; returns the outcome
/// (already checked sane) and the events.
pub fn ingest(dir: &Path, inputs: &[&Path], extra: &[&str]) -> (Outcome, Vec<serde_json::Value>) {
    let out = dir.join("events.jsonl");
    let _ = std::fs::remove_file(&out);
    let mut args: Vec<std::ffi::OsString> = vec!["ingest".into()];
    args.extend(inputs.iter().map(|p| p.as_os_str().to_owned()));
    args.extend(extra.iter().map(Into::into));
    args.push("-o".into());
    args.push(out.as_os_str().to_owned());
    let o = run(&args);
    o.assert_sane(&format!("ingest {inputs:?}"));
    // No input of the suites is over ~130 MB; see hostile.rs for the bound.
    o.assert_memory_below(1024, &format!("ingest {inputs:?}"));
    let events = read_events(&out);
    (o, events)
}

/// A field of an event as a string ("" when absent).
pub fn field<'a>(e: &'a serde_json::Value, name: &str) -> &'a str {
    e.get(name).and_then(|v| v.as_str()).unwrap_or("")
}

/// The project folder.
pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file of the demo case.
pub fn demo(name: &str) -> PathBuf {
    project().join("datasets/demo").join(name)
}

/// SHA-256 of a file, hex.
pub fn file_sha256(path: &Path) -> String {
    leaktrace::event::sha256_hex(&std::fs::read(path).unwrap_or_default())
}

/// Whether the tests run as root (who can read files whatever their mode).
pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| {
                l.strip_prefix("Uid:").map(|r| r.split_whitespace().nth(1) == Some("0"))
            })
        })
        .unwrap_or(false)
}

/// Whether a command exists on the PATH.
pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
