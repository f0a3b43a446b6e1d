//! Ingestion: every input a victim exports, turned into one stream of
//! normalised [`Event`]s.
//!
//! Each submodule reads one format and hands every record, parsed or skipped,
//! to a sink. This module owns format detection, walking folders, merging
//! duplicate events from overlapping exports, and the per-input counts
//! (seen = produced + merged + skipped, always).

pub mod calllog;
pub mod detect;
pub mod mail;
pub mod mbox;
pub mod smsxml;

use crate::error::{RecordError, Result};
use crate::event::Event;

/// The largest single record (e-mail message, CSV field, XML element) read in
/// full; larger ones are skipped with a reason. Bounds memory per record.
pub const MAX_RECORD_BYTES: usize = 32 * 1024 * 1024;

/// What every reader hands to its caller for each record it meets.
pub type RecordResult = std::result::Result<Event, RecordError>;

/// The input formats leaktrace reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A call-log CSV (phone backup apps, carriers), any delimiter and encoding.
    Calllog,
    /// Android "SMS Backup & Restore" XML (`<smses>` or `<calls>`).
    Smsxml,
    /// An mbox mailbox (mboxo or mboxrd).
    Mbox,
    /// A single RFC 822 message (`.eml`, or a file in a Maildir).
    Eml,
    /// Events already normalised by `leaktrace ingest` (JSON lines).
    Jsonl,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "calllog" | "csv" | "calls" => Ok(Format::Calllog),
            "smsxml" | "xml" | "sms" => Ok(Format::Smsxml),
            "mbox" => Ok(Format::Mbox),
            "eml" | "maildir" | "email" => Ok(Format::Eml),
            "jsonl" | "events" => Ok(Format::Jsonl),
            other => Err(format!(
                "unknown format '{other}' (expected calllog, smsxml, mbox, eml or jsonl)"
            )),
        }
    }
}

/// Settings every reader shares.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// The region whose numbering plan reads national numbers (ISO 3166 code, e.g. `CN`).
    pub default_region: String,
    /// The time zone that naive local times are read in.
    pub timezone: chrono_tz::Tz,
    /// Overrides format detection.
    pub format: Option<Format>,
    /// Extra column mappings for call-log CSVs, as `field=Header Name`.
    pub columns: Vec<(String, String)>,
    /// The person's own numbers and addresses (normalised), used to record
    /// which of them a message reached.
    pub own_identities: Vec<String>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            default_region: "CN".to_string(),
            timezone: chrono_tz::Asia::Shanghai,
            format: None,
            columns: Vec::new(),
            own_identities: Vec::new(),
        }
    }
}

/// Reads `bytes` (the whole of one input file) in `format` and hands each
/// record to `sink`. Formats that stream (mbox) are better read with
/// [`mbox::read`] directly.
pub fn read_bytes(
    bytes: &[u8],
    file: &str,
    format: Format,
    opts: &IngestOptions,
    sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    match format {
        Format::Calllog => calllog::read(bytes, file, opts, sink),
        Format::Smsxml => smsxml::read(bytes, file, opts, sink),
        Format::Mbox => mbox::read(bytes, file, opts, sink),
        Format::Eml => {
            sink(mail::parse_message(bytes, file, crate::error::Position::default(), opts));
            Ok(())
        }
        Format::Jsonl => read_jsonl(bytes, file, sink),
    }
}

/// Reads events written by `leaktrace ingest` (one JSON object per line).
pub fn read_jsonl(bytes: &[u8], file: &str, sink: &mut dyn FnMut(RecordResult)) -> Result<()> {
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        read_jsonl_line(line, i as u64 + 1, file, sink)?;
    }
    Ok(())
}

/// Reads one line of an events file (`line_no` is 1-based); blank lines are not records.
pub fn read_jsonl_line(
    line: &[u8],
    line_no: u64,
    file: &str,
    sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(());
    }
    let pos = crate::error::Position::line(line_no);
    match serde_json::from_slice::<Event>(line) {
        Ok(e) if e.channel.is_none() => {
            sink(Err(RecordError::new(file, pos, "not an event: no channel")))
        }
        Ok(mut e) => {
            if e.id.is_empty() {
                e = e.with_id();
            }
            sink(Ok(e))
        }
        Err(err) => sink(Err(RecordError::new(file, pos, format!("not an event: {err}")))),
    }
    Ok(())
}
