//! Opening the inputs a command was given: files, folders (Maildir and any
//! tree of exports, recursively) and `-` for stdin; detecting each format;
//! merging duplicate events across overlapping exports; and counting every
//! record (seen = produced + merged + skipped) with the chain-of-custody
//! facts of each input (path, size, SHA-256).

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::{Error, RecordError};
use crate::event::{Event, hex};
use crate::ingest::{self, Format, IngestOptions, RecordResult, detect::detect};

/// How many bytes of a file are read to guess its format.
const DETECT_BYTES: usize = 8192;
/// Skipped records kept with their reasons per input (all are counted).
pub const MAX_LISTED_SKIPS: usize = 200;
/// Files read in parallel per batch when a folder holds single messages.
const EML_BATCH: usize = 256;

/// What happened to one input: the chain-of-custody facts and the counts.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct InputSummary {
    /// The path as given (or found inside a given folder); `-` for stdin.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 of its bytes.
    pub sha256: String,
    /// The format it was read as, if any.
    pub format: Option<Format>,
    /// Records met.
    pub seen: u64,
    /// Records that became new events.
    pub produced: u64,
    /// Records that were the same event as one already read (overlapping exports).
    pub merged: u64,
    /// Records skipped, each with a reason.
    pub skipped: u64,
    /// The first [`MAX_LISTED_SKIPS`] skipped records, with their reasons.
    pub skips: Vec<RecordError>,
    /// An error that stopped the whole input, if any.
    pub error: Option<String>,
}

impl InputSummary {
    fn new(path: &str) -> Self {
        InputSummary { path: path.to_string(), ..Default::default() }
    }

    /// True when the input, or any of its records, had a problem.
    pub fn had_errors(&self) -> bool {
        self.error.is_some() || self.skipped > 0
    }
}

/// Reads every input, handing each new (not duplicate) event to `on_event`
/// and each problem to `on_warning`. Returns one summary per file read.
pub fn read_inputs(
    paths: &[PathBuf],
    opts: &IngestOptions,
    on_event: &mut dyn FnMut(Event),
    on_warning: &mut dyn FnMut(&str),
) -> Vec<InputSummary> {
    let mut state = State { seen_ids: HashSet::new(), summaries: Vec::new() };
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let mut s = InputSummary::new("-");
            match std::io::stdin()
                .lock()
                .take(ingest::MAX_RECORD_BYTES as u64 * 32)
                .read_to_end(&mut bytes)
            {
                Ok(_) => read_whole(&bytes, &mut s, opts, &mut state, on_event, on_warning),
                Err(e) => s.error = Some(format!("-: {e}")),
            }
            state.finish(s, on_warning);
        } else if path.is_dir() {
            read_dir(path, opts, &mut state, on_event, on_warning);
        } else {
            let s = read_file(path, opts, &mut state, on_event, on_warning);
            state.finish(s, on_warning);
        }
    }
    state.summaries
}

struct State {
    seen_ids: HashSet<String>,
    summaries: Vec<InputSummary>,
}

impl State {
    fn finish(&mut self, s: InputSummary, on_warning: &mut dyn FnMut(&str)) {
        if let Some(e) = &s.error {
            on_warning(e);
        }
        self.summaries.push(s);
    }

    fn take(
        &mut self,
        r: RecordResult,
        s: &mut InputSummary,
        on_event: &mut dyn FnMut(Event),
        on_warning: &mut dyn FnMut(&str),
    ) {
        s.seen += 1;
        match r {
            Ok(e) => {
                if self.seen_ids.insert(e.id.clone()) {
                    s.produced += 1;
                    on_event(e);
                } else {
                    s.merged += 1;
                }
            }
            Err(err) => {
                s.skipped += 1;
                on_warning(&err.to_string());
                if s.skips.len() < MAX_LISTED_SKIPS {
                    s.skips.push(err);
                }
            }
        }
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Reads one file, streaming mbox, whole otherwise.
fn read_file(
    path: &Path,
    opts: &IngestOptions,
    state: &mut State,
    on_event: &mut dyn FnMut(Event),
    on_warning: &mut dyn FnMut(&str),
) -> InputSummary {
    let name = display(path);
    let mut s = InputSummary::new(&name);
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            s.error = Some(Error::io(path, e).to_string());
            return s;
        }
    };
    s.size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = vec![0u8; DETECT_BYTES];
    let n = read_up_to(&mut file, &mut head);
    head.truncate(n);
    let format = opts.format.or_else(|| detect(&name, &head));
    s.format = format;
    let Some(format) = format else {
        s.error = Some(format!("{name}: format not recognised (use --input-format)"));
        s.sha256 = hash_rest(head, file);
        return s;
    };
    if format == Format::Mbox {
        let mut hashing =
            HashingReader { inner: std::io::Cursor::new(head).chain(file), hash: Sha256::new() };
        let reader = BufReader::with_capacity(1 << 20, &mut hashing);
        let result = ingest::mbox::read_stream(reader, &name, opts, &mut |r| {
            state.take(r, &mut s, on_event, on_warning)
        });
        if let Err(e) = result {
            s.error = Some(e.to_string());
        }
        let _ = std::io::copy(&mut hashing, &mut std::io::sink());
        s.sha256 = hex(&hashing.hash.finalize());
        return s;
    }
    if format == Format::Jsonl {
        // Events files can be large (a whole archive ingested): stream them.
        let mut hashing =
            HashingReader { inner: std::io::Cursor::new(head).chain(file), hash: Sha256::new() };
        let mut reader = BufReader::with_capacity(1 << 20, &mut hashing);
        let mut line = Vec::new();
        let mut n = 0u64;
        loop {
            line.clear();
            match (&mut reader)
                .take(ingest::MAX_RECORD_BYTES as u64 + 1)
                .read_until(b'\n', &mut line)
            {
                Ok(0) => break,
                Ok(_) => {
                    n += 1;
                    if line.len() > ingest::MAX_RECORD_BYTES && !line.ends_with(b"\n") {
                        let err = crate::error::RecordError::new(
                            &name,
                            crate::error::Position::line(n),
                            "line longer than the record cap; skipped",
                        );
                        state.take(Err(err), &mut s, on_event, on_warning);
                        // Skip the rest of the over-long line.
                        let mut rest = Vec::new();
                        let _ = reader.read_until(b'\n', &mut rest);
                        continue;
                    }
                    let _ = ingest::read_jsonl_line(&line, n, &name, &mut |r| {
                        state.take(r, &mut s, on_event, on_warning)
                    });
                }
                Err(e) => {
                    s.error = Some(Error::io(path, e).to_string());
                    break;
                }
            }
        }
        drop(reader);
        let _ = std::io::copy(&mut hashing, &mut std::io::sink());
        s.sha256 = hex(&hashing.hash.finalize());
        return s;
    }
    let mut bytes = head;
    if let Err(e) = file.read_to_end(&mut bytes) {
        s.error = Some(Error::io(path, e).to_string());
        return s;
    }
    s.format = Some(format);
    read_whole(&bytes, &mut s, opts, state, on_event, on_warning);
    s
}

fn read_whole(
    bytes: &[u8],
    s: &mut InputSummary,
    opts: &IngestOptions,
    state: &mut State,
    on_event: &mut dyn FnMut(Event),
    on_warning: &mut dyn FnMut(&str),
) {
    s.size = bytes.len() as u64;
    s.sha256 = hex(&Sha256::digest(bytes));
    let format = match s.format.or(opts.format).or_else(|| detect(&s.path, bytes)) {
        Some(f) => f,
        None => {
            s.error = Some(format!("{}: format not recognised (use --input-format)", s.path));
            return;
        }
    };
    s.format = Some(format);
    let mut records = Vec::new();
    let path = s.path.clone();
    if let Err(e) = ingest::read_bytes(bytes, &path, format, opts, &mut |r| records.push(r)) {
        s.error = Some(e.to_string());
    }
    for r in records {
        state.take(r, s, on_event, on_warning);
    }
}

/// Walks a folder (recursively, sorted for a stable order). Single-message
/// files are parsed in parallel batches; anything else one by one.
fn read_dir(
    dir: &Path,
    opts: &IngestOptions,
    state: &mut State,
    on_event: &mut dyn FnMut(Event),
    on_warning: &mut dyn FnMut(&str),
) {
    let mut files = Vec::new();
    collect_files(dir, &mut files, on_warning);
    files.sort();
    let mut i = 0;
    while i < files.len() {
        let end = (i + EML_BATCH).min(files.len());
        let batch = &files[i..end];
        let parsed: Vec<Option<(InputSummary, Vec<RecordResult>)>> =
            batch.par_iter().map(|p| parse_small_message(p, opts)).collect();
        for (path, done) in batch.iter().zip(parsed) {
            match done {
                Some((mut s, records)) => {
                    for r in records {
                        state.take(r, &mut s, on_event, on_warning);
                    }
                    state.finish(s, on_warning);
                }
                None => {
                    let s = read_file(path, opts, state, on_event, on_warning);
                    state.finish(s, on_warning);
                }
            }
        }
        i = end;
    }
}

/// Reads and parses a file if it is one e-mail message (the common case in
/// Maildir and .eml folders); `None` sends it down the general path.
fn parse_small_message(
    path: &Path,
    opts: &IngestOptions,
) -> Option<(InputSummary, Vec<RecordResult>)> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > ingest::MAX_RECORD_BYTES as u64 {
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let name = display(path);
    let format = opts.format.or_else(|| detect(&name, &bytes[..bytes.len().min(DETECT_BYTES)]))?;
    if format != Format::Eml {
        return None;
    }
    let mut s = InputSummary::new(&name);
    s.size = bytes.len() as u64;
    s.sha256 = hex(&Sha256::digest(&bytes));
    s.format = Some(format);
    let r = ingest::mail::parse_message(&bytes, &name, crate::error::Position::default(), opts);
    Some((s, vec![r]))
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>, on_warning: &mut dyn FnMut(&str)) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            on_warning(&Error::io(dir, e).to_string());
            return;
        }
    };
    // In a Maildir only the messages count: `cur/`, `new/` and the Maildir++
    // subfolders (`.Junk`, `.INBOX.Spam`: where the spam evidence is), not
    // `tmp/` (still being delivered) nor the server's own files
    // (`dovecot-uidlist`, `subscriptions`, `courierimapkeywords/`).
    let maildir = is_maildir(dir);
    for entry in entries.flatten() {
        let p = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let wanted = if maildir {
            name == "cur" || name == "new" || is_maildir(&p)
        } else {
            !name.starts_with('.') || is_maildir(&p)
        };
        if !wanted || name == "tmp" {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&p, out, on_warning),
            Ok(t) if t.is_file() => out.push(p),
            // A link to a file is read; a link to a folder is not followed
            // (a loop would never end), and says so.
            Ok(t) if t.is_symlink() => match std::fs::metadata(&p) {
                Ok(m) if m.is_file() => out.push(p),
                _ => on_warning(&format!(
                    "{}: a link to a folder or to nothing; not followed",
                    p.display()
                )),
            },
            _ => on_warning(&format!("{}: not a regular file; skipped", p.display())),
        }
    }
}

/// Whether `dir` is a Maildir: it has both `cur/` and `new/` (a folder of
/// exports that merely holds a `new/` subfolder is read whole).
fn is_maildir(dir: &Path) -> bool {
    dir.join("cur").is_dir() && dir.join("new").is_dir()
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

fn hash_rest(head: Vec<u8>, mut file: File) -> String {
    let mut h = Sha256::new();
    h.update(&head);
    let _ = std::io::copy(&mut file, &mut HashWriter(&mut h));
    hex(&h.finalize())
}

struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Hashes what passes through it, so a streamed file is read once.
struct HashingReader<R> {
    inner: R,
    hash: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maildir_subfolders_are_read_and_server_files_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("Maildir");
        let msg = |p: &Path| {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "From: a@b.c\nSubject: s\n\nx").unwrap();
        };
        msg(&root.join("cur/1.M1P1.host:2,S"));
        std::fs::create_dir_all(root.join("new")).unwrap();
        msg(&root.join(".Junk/cur/2.M2P1.host:2,S"));
        std::fs::create_dir_all(root.join(".Junk/new")).unwrap();
        msg(&root.join(".INBOX.Spam/new/3.M3P1.host"));
        std::fs::create_dir_all(root.join(".INBOX.Spam/cur")).unwrap();
        // A folder of exports that holds a `new/` folder is not a Maildir.
        let exports = dir.path().join("exports");
        msg(&exports.join("new/a.eml"));
        std::fs::write(exports.join("calls.csv"), "number,date\n1,2024-01-01\n").unwrap();
        msg(&root.join("tmp/4.M4P1.host"));
        std::fs::write(root.join("dovecot-uidlist"), "3 V1 N4\n").unwrap();
        std::fs::write(root.join("subscriptions"), "Junk\n").unwrap();
        std::fs::create_dir_all(root.join("courierimapkeywords")).unwrap();
        std::fs::write(root.join("courierimapkeywords/:list"), "x").unwrap();
        // Outside a Maildir, dot files are not exports.
        std::fs::write(dir.path().join(".DS_Store"), "x").unwrap();
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        collect_files(dir.path(), &mut files, &mut |w| warnings.push(w.to_string()));
        let mut names: Vec<String> = files
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "Maildir/.INBOX.Spam/new/3.M3P1.host",
                "Maildir/.Junk/cur/2.M2P1.host:2,S",
                "Maildir/cur/1.M1P1.host:2,S",
                "exports/calls.csv",
                "exports/new/a.eml"
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
