//! `leaktrace train`: labelled data in, a model file out.

use std::path::PathBuf;

use super::labelled;
use crate::error::{Error, Result};
use crate::ingest::IngestOptions;
use crate::model::{Trainer, TrainingConfig};

/// What `train` needs.
#[derive(Debug)]
pub struct Config {
    /// Data arguments (CSV, TSV, `LABEL=PATH`, fixture folders).
    pub data: Vec<String>,
    /// The model file to write.
    pub output: PathBuf,
    /// A model to continue from.
    pub from_model: Option<PathBuf>,
    /// Training settings.
    pub training: TrainingConfig,
    /// How to read mailboxes and exports.
    pub ingest: IngestOptions,
}

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    let sets = labelled::load(&cfg.data, &cfg.ingest)?;
    let mut trainer = match &cfg.from_model {
        Some(p) => Trainer::from_model(&super::load_model(Some(p))?, cfg.training.clone())?,
        None => Trainer::new(cfg.training.clone())?,
    };
    let mut skipped = 0;
    for set in &sets {
        trainer.begin_source(&set.name, set.weight);
        for (c, e) in &set.docs {
            trainer.add_event(*c, e);
        }
        skipped += set.skipped;
        eprintln!("{}: {} documents, {} skipped", set.name, set.docs.len(), set.skipped);
    }
    let model = trainer.finish()?;
    let bytes = model.to_bytes();
    crate::report::atomic::write_file(&cfg.output, &bytes)
        .map_err(|e| Error::io(&cfg.output, e))?;
    let m = model.meta();
    eprintln!(
        "wrote {}: {} categories, {} features, temperature {}, {} bytes",
        cfg.output.display(),
        m.categories.len(),
        model.features(),
        m.temperature,
        bytes.len()
    );
    Ok(i32::from(skipped > 0))
}
