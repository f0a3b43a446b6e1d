//! `leaktrace report` (being written).
use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::ingest::IngestOptions;

/// What `report` needs.
#[derive(Debug)]
pub struct Config {
    /// Inputs.
    pub inputs: Vec<PathBuf>,
    /// The disclosures file.
    pub disclosures: Option<PathBuf>,
    /// Report language.
    pub lang: Option<String>,
    /// Model file.
    pub model: Option<PathBuf>,
    /// Mask own identifiers.
    pub redact: bool,
    /// Output folder.
    pub output: PathBuf,
    /// How to read inputs.
    pub ingest: IngestOptions,
}

/// Runs the command.
pub fn run(_cfg: &Config) -> Result<i32> {
    Err(Error::Usage("report: not built yet".into()))
}
