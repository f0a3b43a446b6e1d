//! `leaktrace train`: labelled data in, a model file out.

use std::path::PathBuf;

use super::labelled;
use crate::error::{Error, Result};
use crate::features::meta::event_token_list;
use crate::ingest::IngestOptions;
use crate::model::evaluate::{LabelledDoc, cross_validate};
use crate::model::{Prior, Trainer, TrainingConfig};

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
    /// Choose alpha, prior and length normalisation by cross-validation.
    pub tune: bool,
    /// How to read mailboxes and exports.
    pub ingest: IngestOptions,
}

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    let sets = labelled::load(&cfg.data, &cfg.ingest)?;
    let training = if cfg.tune { tune(&sets, &cfg.training)? } else { cfg.training.clone() };
    let mut trainer = match &cfg.from_model {
        Some(p) => Trainer::from_model(&super::load_model(Some(p))?, training)?,
        None => Trainer::new(training)?,
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

/// Settings tried by `--tune`.
const ALPHAS: [f64; 4] = [0.003, 0.01, 0.03, 0.1];
/// Short texts (SMS) do best near the default; long mail keeps more of its
/// length (on the public mail splits 256 or none beat 64).
const LENGTH_NORMS: [Option<u32>; 3] =
    [Some(crate::model::train::DEFAULT_LENGTH_NORM), Some(256), None];
const PRIORS: [Prior; 2] = [Prior::Uniform, Prior::Empirical];

/// Folds of the tuning cross-validation.
const TUNE_FOLDS: usize = 3;

/// The settings with the best 3-fold cross-validated score on the data:
/// F1 of unsolicited vs legit when the data has two classes, else macro-F1.
fn tune(sets: &[labelled::LabelledSet], base: &TrainingConfig) -> Result<TrainingConfig> {
    let docs: Vec<LabelledDoc> = sets
        .iter()
        .flat_map(|s| s.docs.iter())
        .map(|(c, e)| LabelledDoc {
            category: *c,
            tokens: event_token_list(e, &base.features),
            group: super::eval::text_group(&e.full_text()),
        })
        .collect();
    let mut classes: Vec<_> = docs.iter().map(|d| d.category).collect();
    classes.sort();
    classes.dedup();
    let mut best: Option<(f64, TrainingConfig)> = None;
    for alpha in ALPHAS {
        for length_norm in LENGTH_NORMS {
            for prior in PRIORS {
                let cfg =
                    TrainingConfig { alpha, length_norm, prior, calibrate: false, ..base.clone() };
                let m = cross_validate(&docs, &cfg, TUNE_FOLDS, 42)?;
                let score = if classes.len() == 2 { m.binary.f1 } else { m.macro_f1 };
                eprintln!(
                    "tune: alpha {alpha} length-norm {} prior {prior:?} n-gram {}: {score:.4}",
                    length_norm.map_or("none".to_string(), |l| l.to_string()),
                    base.features.cjk_ngram
                );
                if best.as_ref().is_none_or(|(b, _)| score > *b) {
                    best = Some((score, TrainingConfig { calibrate: base.calibrate, ..cfg }));
                }
            }
        }
    }
    let (score, cfg) =
        best.ok_or_else(|| crate::error::Error::Usage("nothing to tune on".into()))?;
    eprintln!(
        "tune: chose alpha {} length-norm {:?} prior {:?} n-gram {} ({score:.4})",
        cfg.alpha, cfg.length_norm, cfg.prior, cfg.features.cjk_ngram
    );
    Ok(cfg)
}
