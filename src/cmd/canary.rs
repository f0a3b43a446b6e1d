//! `leaktrace canary` (being written).
use std::path::PathBuf;

use crate::error::{Error, Result};

/// What `canary` needs.
#[derive(Debug)]
pub struct Config {
    /// Who gets the details.
    pub source: String,
    /// When.
    pub date: Option<String>,
    /// What about.
    pub kind: Option<String>,
    /// The disclosures file.
    pub disclosures: PathBuf,
    /// Print only.
    pub dry_run: bool,
}

/// Runs the command.
pub fn run(_cfg: &Config) -> Result<i32> {
    Err(Error::Usage("canary: not built yet".into()))
}
