//! `leaktrace classify`: one row per event (or per contact) with its
//! category, confidence and locator. With `-` and `--format jsonl` it reads
//! events as JSON lines on stdin and writes JSON lines: a map step for
//! Spark's `RDD.pipe` or Hadoop Streaming.

use std::io::Write;
use std::path::PathBuf;

use super::{exit_code, inputs::read_inputs, open_output, print_summaries, warn, write_err};
use crate::contact;
use crate::error::Result;
use crate::event::Event;
use crate::features::meta::FeatureOptions;
use crate::ingest::{Format, IngestOptions};
use crate::model::classify::Pull;

/// What `classify` needs.
#[derive(Debug)]
pub struct Config {
    /// Files and folders to read (`-` = stdin).
    pub inputs: Vec<PathBuf>,
    /// The model file; the built-in one if `None`.
    pub model: Option<PathBuf>,
    /// JSON lines instead of CSV.
    pub jsonl: bool,
    /// Add the strongest tokens for and against.
    pub explain: bool,
    /// One row per contact instead of per event.
    pub contacts: bool,
    /// Where to write; stdout if `None`.
    pub output: Option<PathBuf>,
    /// How to read inputs.
    pub ingest: IngestOptions,
}

/// One output row per event.
#[derive(serde::Serialize)]
struct EventRow<'a> {
    id: &'a str,
    channel: &'a str,
    at: String,
    from: &'a str,
    to: &'a str,
    category: &'a str,
    confidence: String,
    unsure: bool,
    source_file: &'a str,
    source_line: Option<u64>,
    source_offset: Option<u64>,
    message_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain_for: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain_against: Option<String>,
}

/// One output row per contact.
#[derive(serde::Serialize)]
struct ContactRow<'a> {
    contact: &'a str,
    channels: String,
    events: usize,
    first_seen: String,
    last_seen: String,
    category: &'a str,
    confidence: String,
    unsure: bool,
    names: String,
    tags: String,
    event_ids: String,
}

fn pulls(p: &[Pull]) -> String {
    p.iter().map(|p| format!("{}({:+.2})", p.token, p.weight)).collect::<Vec<_>>().join(" ")
}

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    let model = super::load_model(cfg.model.as_deref())?;
    let mut ingest = cfg.ingest.clone();
    if cfg.jsonl && ingest.format.is_none() && cfg.inputs.iter().all(|p| p.as_os_str() == "-") {
        ingest.format = Some(Format::Jsonl);
    }
    let mut events: Vec<Event> = Vec::new();
    let summaries = read_inputs(&cfg.inputs, &ingest, &mut |e| events.push(e), &mut |w| warn(w));
    let fopts = FeatureOptions { timezone: ingest.timezone };
    let cls = contact::classify(&events, &model, &fopts);
    let out = open_output(cfg.output.as_ref(), &cfg.inputs)?;
    let w = write_err("output");
    if cfg.contacts {
        let rows = cls.contacts.iter().map(|c| ContactRow {
            contact: &c.id,
            channels: c.channels.iter().map(|c| c.id()).collect::<Vec<_>>().join(";"),
            events: c.events.len(),
            first_seen: c.first_seen.map(|t| t.to_rfc3339()).unwrap_or_default(),
            last_seen: c.last_seen.map(|t| t.to_rfc3339()).unwrap_or_default(),
            category: c.verdict.category.id(),
            confidence: format!("{:.4}", c.verdict.confidence),
            unsure: c.verdict.unsure,
            names: c.names.join(";"),
            tags: c.tags.join(";"),
            event_ids: c.events.iter().map(|&i| events[i].id.as_str()).collect::<Vec<_>>().join(";"),
        });
        write_rows(rows, cfg.jsonl, out).map_err(&w)?;
    } else {
        let rows = events.iter().zip(&cls.events).map(|(e, v)| {
            let (f, a) = if cfg.explain { model.explain(e, &fopts, 5) } else { (Vec::new(), Vec::new()) };
            EventRow {
                id: &e.id,
                channel: e.channel.map(|c| c.id()).unwrap_or(""),
                at: e.at.map(|t| t.to_rfc3339()).unwrap_or_default(),
                from: &e.from,
                to: e.to.as_deref().unwrap_or(""),
                category: v.category.id(),
                confidence: format!("{:.4}", v.confidence),
                unsure: v.unsure,
                source_file: &e.source_file,
                source_line: e.source_line,
                source_offset: e.source_offset,
                message_id: e.message_id.as_deref().unwrap_or(""),
                explain_for: cfg.explain.then(|| pulls(&f)),
                explain_against: cfg.explain.then(|| pulls(&a)),
            }
        });
        write_rows(rows, cfg.jsonl, out).map_err(&w)?;
    }
    print_summaries(&summaries);
    Ok(exit_code(&summaries))
}

/// Writes rows as CSV (with a header) or as JSON lines.
fn write_rows<T: serde::Serialize>(
    rows: impl Iterator<Item = T>,
    jsonl: bool,
    mut out: Box<dyn Write>,
) -> std::io::Result<()> {
    if jsonl {
        for row in rows {
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
        out.flush()
    } else {
        let mut c = csv::Writer::from_writer(out);
        for row in rows {
            c.serialize(row).map_err(std::io::Error::other)?;
        }
        c.flush()
    }
}
