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

/// One output row per event; kept instead of the event, so memory grows by
/// a row, not a message, per event.
#[derive(serde::Serialize)]
struct EventRow {
    id: String,
    channel: &'static str,
    at: String,
    from: String,
    to: String,
    category: &'static str,
    confidence: String,
    unsure: bool,
    source_file: String,
    source_line: Option<u64>,
    source_offset: Option<u64>,
    message_id: String,
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

/// Events classified together in parallel.
const BATCH: usize = 2048;

fn event_row(e: &Event, explain: Option<(Vec<Pull>, Vec<Pull>)>) -> EventRow {
    EventRow {
        id: e.id.clone(),
        channel: e.channel.map(|c| c.id()).unwrap_or(""),
        at: e.at.map(|t| t.to_rfc3339()).unwrap_or_default(),
        from: e.from.clone(),
        to: e.to.clone().unwrap_or_default(),
        category: "",
        confidence: String::new(),
        unsure: false,
        source_file: e.source_file.clone(),
        source_line: e.source_line,
        source_offset: e.source_offset,
        message_id: e.message_id.clone().unwrap_or_default(),
        explain_for: explain.as_ref().map(|(f, _)| pulls(f)),
        explain_against: explain.as_ref().map(|(_, a)| pulls(a)),
    }
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
    let fopts = FeatureOptions { timezone: ingest.timezone, ..FeatureOptions::default() };
    let mut rows: Vec<EventRow> = Vec::new();
    let mut own = Vec::new();
    let mut contact_of = Vec::new();
    let mut book = contact::ContactBook::default();
    let mut batch: Vec<Event> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Event>| {
        let scored = contact::score_events(batch, &model, &fopts);
        for (e, (jll, known)) in batch.drain(..).zip(scored) {
            contact_of.push(book.add(&e, rows.len(), &jll, known, &model));
            own.push(model.score_jll(&jll, known).verdict);
            rows.push(event_row(&e, cfg.explain.then(|| model.explain(&e, &fopts, 5))));
        }
    };
    let summaries = read_inputs(
        &cfg.inputs,
        &ingest,
        &mut |e| {
            batch.push(e);
            if batch.len() >= BATCH {
                flush(&mut batch);
            }
        },
        &mut |w| warn(w),
    );
    flush(&mut batch);
    let contacts = book.finish(&model);
    let verdicts = contact::settle(&own, &contact_of, &contacts);
    let out = open_output(cfg.output.as_ref(), &cfg.inputs)?;
    let w = write_err("output");
    if cfg.contacts {
        let rows_ref = &rows;
        let out_rows = contacts.iter().map(|c| ContactRow {
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
            event_ids: c
                .events
                .iter()
                .map(|&i| rows_ref[i].id.as_str())
                .collect::<Vec<_>>()
                .join(";"),
        });
        write_rows(out_rows, cfg.jsonl, out).map_err(&w)?;
    } else {
        let out_rows = rows.into_iter().zip(&verdicts).map(|(mut r, v)| {
            r.category = v.category.id();
            r.confidence = format!("{:.4}", v.confidence);
            r.unsure = v.unsure;
            r
        });
        write_rows(out_rows, cfg.jsonl, out).map_err(&w)?;
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
            // Keep the I/O error's kind (a closed pipe is a quiet exit in main).
            c.serialize(row).map_err(|e| match e.kind() {
                csv::ErrorKind::Io(io) => std::io::Error::new(io.kind(), e),
                _ => std::io::Error::other(e),
            })?;
        }
        c.flush()
    }
}
