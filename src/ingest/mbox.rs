//! mbox reader (mboxo and mboxrd; LF or CRLF; Google Takeout, Thunderbird and
//! Unix spool exports): splits a mailbox into messages at real `From `
//! separator lines, unescapes `>From ` lines, and parses the messages in
//! parallel batches with [`super::mail::parse_message`].
//!
//! Memory is bounded by the largest message read in full
//! ([`MAX_RECORD_BYTES`]) plus one batch, never by the mailbox: larger
//! messages are skipped up to the next separator without being buffered, and
//! lines are read in pieces, so a 100 MB line costs no 100 MB.
//!
//! Formats after <https://www.loc.gov/preservation/digital/formats/fdd/fdd000383.shtml>
//! (mboxo/mboxrd quoting) and RFC 4155.

use std::io::BufRead;

use rayon::prelude::*;

use super::{IngestOptions, MAX_RECORD_BYTES, RecordResult};
use crate::error::{Error, Position, RecordError, Result};

/// A batch of raw messages is parsed in parallel once it holds this many bytes…
pub const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// …or this many messages.
pub const BATCH_MESSAGES: usize = 1000;
/// Bytes reserved for a message when its separator is seen.
const MESSAGE_START_CAPACITY: usize = 8 * 1024;
/// Separator lines are short; only this much of a line's start is kept to
/// judge whether it is one.
const LINE_HEAD_CAP: usize = 1024;

/// Reads a whole mbox held in memory. See [`read_stream`].
pub fn read(
    bytes: &[u8],
    file: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    read_stream(bytes, file, opts, sink)
}

/// Reads an mbox from `reader` and hands each message, parsed or skipped, to
/// `sink` in mailbox order. Each event's `source_offset` is the byte offset
/// of its `From ` line. Fails only when reading fails.
///
/// ```
/// use leaktrace::ingest::{IngestOptions, mbox};
/// let mbox = b"From a@b.c Sat Mar  2 10:00:00 2024\nFrom: a@b.c\nSubject: hi\n\nbody\n";
/// let mut n = 0;
/// mbox::read_stream(&mbox[..], "x.mbox", &IngestOptions::default(), &mut |r| {
///     assert_eq!(r.unwrap().subject.as_deref(), Some("hi"));
///     n += 1;
/// })
/// .unwrap();
/// assert_eq!(n, 1);
/// ```
pub fn read_stream<R: BufRead>(
    mut reader: R,
    file: &str,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    // Splitting (this thread) and parsing (a batch at a time, in parallel on
    // rayon's pool) overlap: while batch n is parsed, batch n+1 is cut and
    // the results of batch n-1 go to `sink`. The raw channel holds one batch,
    // so memory stays at a few batches whatever the mailbox size; results
    // come back in mailbox order because batches are parsed one after another.
    std::thread::scope(|scope| {
        let (raw_tx, raw_rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(1);
        let (done_tx, done_rx) = std::sync::mpsc::channel::<Vec<RecordResult>>();
        scope.spawn(move || {
            for items in raw_rx {
                if done_tx.send(parse_batch(items, file, opts)).is_err() {
                    break;
                }
            }
        });
        let drain = |sink: &mut dyn FnMut(RecordResult)| {
            while let Ok(results) = done_rx.try_recv() {
                results.into_iter().for_each(&mut *sink);
            }
        };
        let mut s = Splitter::new(file);
        let mut outcome = Ok(());
        loop {
            let chunk = match reader.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    outcome = Err(Error::io(file, e));
                    break;
                }
            };
            if chunk.is_empty() {
                break;
            }
            let n = chunk.len();
            s.feed(chunk);
            reader.consume(n);
            if s.batch_full() {
                drain(sink);
                // The parser only stops early if it panicked; the scope then
                // re-raises that panic when it ends.
                if raw_tx.send(s.take_batch()).is_err() {
                    break;
                }
            }
        }
        if outcome.is_ok() {
            s.finish();
            let _ = raw_tx.send(s.take_batch());
        }
        drop(raw_tx);
        for results in done_rx {
            results.into_iter().for_each(&mut *sink);
        }
        outcome
    })
}

/// Whether `line` (without or with its line ending) is an mbox separator:
/// `From `, a sender, and a date-ish tail with a time and a year, as in
/// `From MAILER-DAEMON Fri Jul  8 12:08:34 2011`,
/// `From 123@xxx Sat Mar 02 10:00:00 +0000 2024` (Google Takeout) or
/// `From - Sat Mar 02 10:00:00 2024` (Thunderbird): a time, a month name and a
/// four-digit year in at most eight tokens. Prose such as `From here we go`
/// is not.
pub fn is_from_line(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return false;
    };
    let mut tokens = rest.split_ascii_whitespace();
    if tokens.next().is_none() {
        return false;
    }
    const MONTHS: [&str; 12] =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let (mut time, mut year, mut month, mut count) = (false, false, false, 0);
    for t in tokens {
        count += 1;
        month |= MONTHS.iter().any(|m| t.eq_ignore_ascii_case(m));
        let parts: Vec<&str> = t.split(':').collect();
        if (2..=3).contains(&parts.len())
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        {
            time = true;
        } else if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
            year = true;
        }
    }
    // asctime(3) dates have at most 6 tokens (a zone makes 6 or 7).
    time && year && month && count <= 8
}

/// A message cut from the mailbox, or a skip, waiting in the batch.
enum Item {
    Raw { offset: u64, bytes: Vec<u8> },
    Skip(RecordError),
}

/// The splitting state machine, fed with buffer chunks of any size.
struct Splitter<'f> {
    file: &'f str,
    /// Bytes of the mailbox consumed so far.
    pos: u64,
    /// The current message (including its `From ` line), unless oversize.
    msg: Vec<u8>,
    /// Offset of the current message's `From ` line (0 before the first one).
    msg_offset: u64,
    /// The current message passed [`MAX_RECORD_BYTES`]: its bytes are dropped.
    oversize: bool,
    /// Total size of the current message, counted even when oversize.
    msg_len: u64,
    /// Offset of the current line's first byte in `msg`.
    line_start: usize,
    /// The first bytes of the current line (for separator detection).
    line_head: Vec<u8>,
    /// Whether the current line's head is kept: it may be a separator, an
    /// escaped `>From ` line or an empty line. Other lines (nearly all) are
    /// copied once, into `msg`, not twice.
    track_head: bool,
    /// Bytes of the current line so far.
    line_len: u64,
    /// The current line follows an empty line (or starts the file).
    after_blank: bool,
    /// A `From ` line that followed no empty line, held until the next line
    /// shows whether a message starts there (a header) or not (prose that
    /// happens to have the shape): its start in `msg` and its offset.
    pending: Option<(usize, u64)>,
    batch: Vec<Item>,
    batch_bytes: usize,
}

impl<'f> Splitter<'f> {
    fn new(file: &'f str) -> Self {
        Splitter {
            file,
            pos: 0,
            msg: Vec::new(),
            msg_offset: 0,
            oversize: false,
            msg_len: 0,
            line_start: 0,
            line_head: Vec::new(),
            track_head: true,
            line_len: 0,
            after_blank: true,
            pending: None,
            batch: Vec::new(),
            batch_bytes: 0,
        }
    }

    fn batch_full(&self) -> bool {
        self.batch_bytes >= BATCH_BYTES || self.batch.len() >= BATCH_MESSAGES
    }

    /// Hands over the batch and starts an empty one.
    fn take_batch(&mut self) -> Vec<Item> {
        self.batch_bytes = 0;
        std::mem::take(&mut self.batch)
    }

    fn feed(&mut self, mut chunk: &[u8]) {
        while !chunk.is_empty() {
            let (piece, line_done) = match memchr::memchr(b'\n', chunk) {
                Some(i) => chunk.split_at(i + 1),
                None => (chunk, &[][..]),
            };
            let ends_line = piece.last() == Some(&b'\n');
            self.append(piece);
            if ends_line {
                self.end_line();
            }
            chunk = line_done;
        }
    }

    /// Adds a piece of the current line to the message and to the line head.
    fn append(&mut self, piece: &[u8]) {
        if self.line_len == 0 {
            self.track_head = self.pending.is_some()
                || matches!(piece.first(), Some(b'>' | b'\r' | b'\n' | b'F'));
        }
        if self.track_head && self.line_head.len() < LINE_HEAD_CAP {
            let room = LINE_HEAD_CAP - self.line_head.len();
            self.line_head.extend_from_slice(piece.get(..room).unwrap_or(piece));
        }
        self.line_len += piece.len() as u64;
        self.msg_len += piece.len() as u64;
        self.pos += piece.len() as u64;
        if !self.oversize {
            if self.msg.len().saturating_add(piece.len()) > MAX_RECORD_BYTES {
                // Keep counting but stop buffering; a separator may still come.
                self.oversize = true;
                self.msg = Vec::new();
            } else {
                self.msg.extend_from_slice(piece);
            }
        }
    }

    /// A line ended (or the input did): decide whether it separates messages.
    fn end_line(&mut self) {
        let line_start_offset = self.pos - self.line_len;
        let (from_shape, header_line) = {
            let head = trim_eol(&self.line_head);
            let complete = self.line_len <= LINE_HEAD_CAP as u64;
            (complete && is_from_line(head), super::mail::starts_with_header(head))
        };
        // A separator normally follows an empty line. Some writers
        // (Roundcube's zip download, mblaze's mexport) leave that out; then
        // the line separates only if a header line follows it.
        let separates = from_shape && self.after_blank;
        if let Some((at, offset)) = self.pending.take() {
            if header_line && !self.oversize {
                self.split_at(at, offset);
            }
        }
        let head = trim_eol(&self.line_head);
        let quoted = head.iter().take_while(|&&b| b == b'>').count();
        let escaped = quoted > 0 && head.get(quoted..).is_some_and(|r| r.starts_with(b"From "));
        let empty = self.track_head && head.is_empty();
        if from_shape && !separates && !self.oversize {
            self.pending = Some((self.line_start, line_start_offset));
        }
        if separates {
            let line = std::mem::take(&mut self.line_head);
            let line_len = self.line_len;
            // The current message ends before this line.
            if !self.oversize {
                self.msg.truncate(self.line_start);
            }
            self.msg_len -= line_len;
            self.close_message(true);
            self.msg_offset = line_start_offset;
            self.msg = line;
            // A typical message is a few KB; starting there saves the
            // doubling reallocations from a one-line buffer.
            self.msg.reserve(MESSAGE_START_CAPACITY);
            self.msg_len = line_len;
            self.line_start = self.msg.len();
        } else {
            // mboxo/mboxrd: ">From " and ">>From " lines lose one '>'.
            if escaped && !self.oversize && self.line_start < self.msg.len() {
                self.msg.remove(self.line_start);
            }
            self.line_start = self.msg.len();
        }
        self.after_blank = empty;
        self.line_head.clear();
        self.line_len = 0;
    }

    /// Ends the current message before byte `at` of `msg`, where a held
    /// separator line (at `offset` of the mailbox) starts the next one.
    fn split_at(&mut self, at: usize, offset: u64) {
        let at = at.min(self.msg.len());
        let rest = self.msg.split_off(at);
        let rest_len = rest.len() as u64;
        self.msg_len -= rest_len.min(self.msg_len);
        let line_start = self.line_start.saturating_sub(at);
        self.close_message(true);
        self.msg_offset = offset;
        self.msg = rest;
        self.msg_len = rest_len;
        self.line_start = line_start;
    }

    /// Moves the current message into the batch (or records its skip).
    fn close_message(&mut self, before_separator: bool) {
        if self.oversize {
            let reason = format!(
                "message of {} bytes is larger than the {} byte limit; skipped",
                self.msg_len, MAX_RECORD_BYTES
            );
            self.batch.push(Item::Skip(RecordError::new(
                self.file,
                Position::offset(self.msg_offset),
                reason,
            )));
        } else {
            let mut bytes = std::mem::take(&mut self.msg);
            if before_separator {
                strip_one_eol(&mut bytes);
            }
            let is_blank = bytes.iter().all(u8::is_ascii_whitespace);
            // Text before the first separator is kept only if it says something.
            if !is_blank {
                self.batch_bytes += bytes.len();
                self.batch.push(Item::Raw { offset: self.msg_offset, bytes });
            }
        }
        self.msg = Vec::new();
        self.msg_len = 0;
        self.oversize = false;
    }

    fn finish(&mut self) {
        if self.line_len > 0 {
            self.end_line();
        }
        self.close_message(false);
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn strip_one_eol(bytes: &mut Vec<u8>) {
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
}

/// Parses a batch in parallel; the results keep the batch's order.
fn parse_batch(items: Vec<Item>, file: &str, opts: &IngestOptions) -> Vec<RecordResult> {
    items
        .into_par_iter()
        .map(|item| match item {
            Item::Raw { offset, bytes } => {
                super::mail::parse_message(&bytes, file, Position::offset(offset), opts)
            }
            Item::Skip(e) => Err(e),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Event;

    fn fixture(name: &str) -> Vec<u8> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/ingest/mail")
            .join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    fn read_all(bytes: &[u8]) -> Vec<RecordResult> {
        let mut out = Vec::new();
        read(bytes, "t.mbox", &IngestOptions::default(), &mut |r| out.push(r)).unwrap();
        out
    }

    fn events(bytes: &[u8]) -> Vec<Event> {
        read_all(bytes).into_iter().map(|r| r.unwrap_or_else(|e| panic!("{e}"))).collect()
    }

    /// A reader that hands out at most `n` bytes per `fill_buf`, to split
    /// lines and separators across buffer edges.
    struct Trickle<'a> {
        data: &'a [u8],
        n: usize,
    }

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let k = self.n.min(buf.len()).min(self.data.len());
            buf[..k].copy_from_slice(&self.data[..k]);
            self.data = &self.data[k..];
            Ok(k)
        }
    }

    impl BufRead for Trickle<'_> {
        fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
            Ok(&self.data[..self.n.min(self.data.len())])
        }
        fn consume(&mut self, amt: usize) {
            self.data = &self.data[amt..];
        }
    }

    #[test]
    fn separator_lines() {
        assert!(is_from_line(b"From MAILER-DAEMON Fri Jul  8 12:08:34 2011"));
        assert!(is_from_line(b"From 1234567890123456789@xxx Sat Mar 02 10:00:00 +0000 2024\r\n"));
        assert!(is_from_line(b"From - Sat Mar 02 10:00:00 2024\n"));
        assert!(is_from_line(b"From user@host Mon Jan 1 00:00 2001"));
        assert!(!is_from_line(b"From here we go"));
        assert!(!is_from_line(b"From: a@b.c"));
        assert!(!is_from_line(b"From the year 2011 at 10:00"), "no month: prose");
        assert!(
            !is_from_line(b"From 2011 to 2012, from Jan to Mar, open 9:00 to 17:00 every day"),
            "too long: prose"
        );
    }

    #[test]
    fn mboxo_splits_only_at_real_separators() {
        let raw = fixture("mboxo.mbox");
        let ev = events(&raw);
        assert_eq!(ev.len(), 3);
        assert_eq!(ev[0].subject.as_deref(), Some("first"));
        assert!(ev[0].text.contains("From here we go"), "{}", ev[0].text);
        assert!(ev[0].text.contains("\nFrom the archive"), "unescaped: {}", ev[0].text);
        assert!(ev[0].text.ends_with("escaped line."), "blank line before separator dropped");
        assert_eq!(ev[1].subject.as_deref(), Some("second"));
        assert_eq!(ev[2].subject.as_deref(), Some("third"));
        for e in &ev {
            let off = e.source_offset.unwrap() as usize;
            assert!(raw[off..].starts_with(b"From "), "offset {off} points at a From line");
            assert_eq!(e.source_file, "t.mbox");
        }
        assert_eq!(ev[0].source_offset, Some(0));
    }

    #[test]
    fn separator_without_a_blank_line_before_it() {
        let raw =
            b"From a@x Tue Mar 05 06:03:07 +0000 2024\nFrom: a@shop.example\nSubject: one\n\n\
                    body one\nFrom b@x Tue Mar 05 07:00:00 +0000 2024\nFrom: b@shop.example\n\
                    Subject: two\n\nbody two\n";
        let ev = events(raw);
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].text, "body one");
        assert_eq!(ev[1].subject.as_deref(), Some("two"));
        assert!(raw[ev[1].source_offset.unwrap() as usize..].starts_with(b"From b@x"));
        for n in [1, 2, 5, 13] {
            let mut got = Vec::new();
            read_stream(Trickle { data: raw, n }, "t.mbox", &IngestOptions::default(), &mut |r| {
                got.push(r.unwrap())
            })
            .unwrap();
            assert_eq!(got, ev, "in pieces of {n}");
        }
        // The same shape in prose, not followed by a header, does not split.
        let raw =
            b"From a@x Tue Mar 05 06:03:07 +0000 2024\nFrom: a@shop.example\nSubject: one\n\n\
                    quoted below:\nFrom bob@example.com Mon Mar 04 10:00:00 2024\nhello\n";
        let ev = events(raw);
        assert_eq!(ev.len(), 1);
        assert!(ev[0].text.ends_with("2024\nhello"), "{}", ev[0].text);
    }

    #[test]
    fn mboxrd_unquotes_one_level() {
        let ev = events(&fixture("mboxrd.mbox"));
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].text, "From the start.\n>From one level kept.\nplain line");
        assert_eq!(ev[1].text, "ok");
    }

    #[test]
    fn crlf_mailbox() {
        let raw = fixture("crlf.mbox");
        let ev = events(&raw);
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].subject.as_deref(), Some("crlf one"));
        assert_eq!(ev[0].text, "line one\nFrom escaped");
        assert_eq!(ev[1].subject.as_deref(), Some("crlf two"));
        assert!(raw[ev[1].source_offset.unwrap() as usize..].starts_with(b"From b@"));
    }

    #[test]
    fn google_takeout_and_thunderbird() {
        let ev = events(&fixture("takeout.mbox"));
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].text, "Your order and receipt");
        assert_eq!(ev[0].message_id.as_deref(), Some("abc123@shop.example"));
        assert_eq!(
            ev[0].list_unsubscribe.as_deref(),
            Some("<mailto:unsub@shop.example>, <https://shop.example/u?id=1>")
        );
        assert_eq!(ev[0].to.as_deref(), Some("me@gmail.com"));
        assert_eq!(ev[0].from_name.as_deref(), Some("Shop"));
        let opts =
            IngestOptions { own_identities: vec!["me@gmail.com".into()], ..Default::default() };
        let mut dirs = Vec::new();
        read(&fixture("takeout.mbox"), "t", &opts, &mut |r| dirs.push(r.unwrap().direction))
            .unwrap();
        assert_eq!(dirs, [crate::event::Direction::Incoming, crate::event::Direction::Outgoing]);

        let ev = events(&fixture("thunderbird.mbox"));
        assert_eq!(ev.len(), 2);
        assert_eq!(ev[0].from, "promo@store.example");
        assert_eq!(ev[0].text, "Big sale today.");
        assert_eq!(ev[1].subject.as_deref(), Some("Sale 2"));
    }

    #[test]
    fn chunking_does_not_change_the_result() {
        for name in ["mboxo.mbox", "mboxrd.mbox", "crlf.mbox", "takeout.mbox", "thunderbird.mbox"] {
            let raw = fixture(name);
            let whole = events(&raw);
            for n in [1, 2, 3, 7, 64] {
                let mut got = Vec::new();
                read_stream(
                    Trickle { data: &raw, n },
                    "t.mbox",
                    &IngestOptions::default(),
                    &mut |r| got.push(r.unwrap()),
                )
                .unwrap();
                assert_eq!(got, whole, "{name} in pieces of {n}");
            }
        }
    }

    #[test]
    fn oversize_message_is_skipped_not_buffered() {
        let mut raw =
            b"From a@b Sat Mar  2 10:00:00 2024\nFrom: a@b.c\nSubject: one\n\nsmall\n\n".to_vec();
        let big_at = raw.len();
        raw.extend_from_slice(b"From a@b Sat Mar  2 10:00:01 2024\nFrom: a@b.c\nSubject: huge\n\n");
        // One enormous line: no newline for more than the cap.
        raw.extend(std::iter::repeat_n(b'x', MAX_RECORD_BYTES + 10));
        raw.extend_from_slice(b"\n\n");
        let last_at = raw.len();
        raw.extend_from_slice(
            b"From a@b Sat Mar  2 10:00:02 2024\nFrom: a@b.c\nSubject: three\n\nok\n",
        );
        let out = read_all(&raw);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().subject.as_deref(), Some("one"));
        let err = out[1].as_ref().unwrap_err();
        assert!(err.reason.contains("larger than"), "{}", err.reason);
        assert_eq!(err.position, Position::offset(big_at as u64));
        let last = out[2].as_ref().unwrap();
        assert_eq!(last.subject.as_deref(), Some("three"));
        assert_eq!(last.source_offset, Some(last_at as u64));
    }

    #[test]
    fn preamble_and_empty_input() {
        assert!(read_all(b"").is_empty());
        assert!(read_all(b"\n\n\r\n").is_empty());
        // Text before the first separator is reported, not silently dropped.
        let out =
            read_all(b"garbage line\n\nFrom a@b Sat Mar  2 10:00:00 2024\nFrom: a@b.c\n\nx\n");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap_err().reason, "no mail headers");
        assert_eq!(out[1].as_ref().unwrap().source_offset, Some(14));
        // A file without a final newline still yields its last message.
        let ev = events(b"From a@b Sat Mar  2 10:00:00 2024\nFrom: a@b.c\n\nend");
        assert_eq!(ev[0].text, "end");
    }

    #[test]
    fn results_keep_mailbox_order_across_batches() {
        let mut raw = Vec::new();
        let n = BATCH_MESSAGES + 25;
        for i in 0..n {
            raw.extend_from_slice(
                format!(
                    "From a@b Sat Mar  2 10:00:00 2024\nFrom: a@b.c\nSubject: m{i}\n\nbody {i}\n\n"
                )
                .as_bytes(),
            );
        }
        let ev = events(&raw);
        assert_eq!(ev.len(), n);
        for (i, e) in ev.iter().enumerate() {
            assert_eq!(e.subject.as_deref(), Some(format!("m{i}").as_str()));
        }
    }

    #[test]
    fn spamassassin_corpus_as_one_mailbox() {
        // Each spamassassin file starts with its mbox From line, so their
        // concatenation is a real mailbox: one message per file, none split.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/data/spamassassin/easy-ham-1");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: {} is absent", dir.display());
            return;
        };
        let mut paths: Vec<_> =
            entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        paths.sort();
        let mut mbox = Vec::new();
        let mut offsets = Vec::new();
        for p in &paths {
            let raw = std::fs::read(p).unwrap();
            if !raw.starts_with(b"From ") {
                continue;
            }
            if !mbox.is_empty() {
                mbox.extend_from_slice(b"\n");
            }
            offsets.push(mbox.len() as u64);
            mbox.extend_from_slice(&raw);
            if !raw.ends_with(b"\n") {
                mbox.extend_from_slice(b"\n");
            }
        }
        let out = read_all(&mbox);
        let got: Vec<u64> =
            out.iter().map(|r| r.as_ref().unwrap().source_offset.unwrap()).collect();
        eprintln!(
            "spamassassin easy-ham-1 as mbox: {} messages from {} files",
            got.len(),
            offsets.len()
        );
        assert_eq!(got, offsets);
    }
}
