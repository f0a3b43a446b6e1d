//! `leaktrace ingest`: exports in, normalised events out (JSON lines).

use std::io::Write;
use std::path::PathBuf;

use super::{exit_code, inputs::read_inputs, open_output, print_summaries, warn, write_err};
use crate::error::Result;
use crate::ingest::IngestOptions;

/// What `ingest` needs.
#[derive(Debug)]
pub struct Config {
    /// Files and folders to read.
    pub inputs: Vec<PathBuf>,
    /// The JSONL output; standard output if `None`.
    pub output: Option<PathBuf>,
    /// How to read them.
    pub ingest: IngestOptions,
}

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    let mut out = open_output(cfg.output.as_ref(), &cfg.inputs)?;
    let mut failure = None;
    let summaries = read_inputs(
        &cfg.inputs,
        &cfg.ingest,
        &mut |e| {
            if failure.is_none()
                && let Err(err) = serde_json::to_writer(&mut out, &e)
                    .map_err(std::io::Error::from)
                    .and_then(|_| out.write_all(b"\n"))
            {
                failure = Some(err);
            }
        },
        &mut |w| warn(w),
    );
    if let Some(e) = failure {
        return Err(write_err("output")(e));
    }
    out.flush().map_err(write_err("output"))?;
    print_summaries(&summaries);
    Ok(exit_code(&summaries))
}
