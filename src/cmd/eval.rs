//! `leaktrace eval`: stratified k-fold cross-validation, or a held-out test
//! of a given model, as tables or JSON.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use super::labelled;
use crate::error::Result;
use crate::features::meta::event_token_list;
use crate::ingest::IngestOptions;
use crate::model::TrainingConfig;
use crate::model::evaluate::{LabelledDoc, Metrics, cross_validate, metrics};

/// What `eval` needs.
#[derive(Debug)]
pub struct Config {
    /// Data arguments, as for `train`.
    pub data: Vec<String>,
    /// Test this model instead of cross-validating.
    pub model: Option<PathBuf>,
    /// Number of folds.
    pub folds: usize,
    /// Seed of the fold assignment.
    pub seed: u64,
    /// Print JSON.
    pub json: bool,
    /// Training settings for cross-validation.
    pub training: TrainingConfig,
    /// How to read mailboxes and exports.
    pub ingest: IngestOptions,
}

/// The JSON printed by `eval --json`.
#[derive(serde::Serialize)]
struct Output<'a> {
    mode: &'a str,
    folds: Option<usize>,
    seed: Option<u64>,
    model_features: Option<usize>,
    #[serde(flatten)]
    metrics: &'a Metrics,
}

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    let sets = labelled::load(&cfg.data, &cfg.ingest)?;
    let opts = cfg.training.features;
    let docs: Vec<LabelledDoc> = sets
        .iter()
        .flat_map(|s| s.docs.iter())
        .map(|(c, e)| LabelledDoc {
            category: *c,
            tokens: event_token_list(e, &opts),
            group: text_group(&e.full_text()),
        })
        .collect();
    let skipped: u64 = sets.iter().map(|s| s.skipped).sum();
    let (mode, m, features) = match &cfg.model {
        Some(p) => {
            let model = super::load_model(Some(p))?;
            let pairs: Vec<_> = docs
                .iter()
                .map(|d| (d.category, crate::model::evaluate::predict_tokens(&model, &d.tokens)))
                .collect();
            ("held-out", metrics(&pairs), Some(model.features()))
        }
        None => {
            ("cross-validation", cross_validate(&docs, &cfg.training, cfg.folds, cfg.seed)?, None)
        }
    };
    let cv = cfg.model.is_none();
    let out = Output {
        mode,
        folds: cv.then_some(cfg.folds),
        seed: cv.then_some(cfg.seed),
        model_features: features,
        metrics: &m,
    };
    let mut stdout = std::io::stdout().lock();
    let w = super::write_err("stdout");
    if cfg.json {
        serde_json::to_writer_pretty(&mut stdout, &out).map_err(|e| w(e.into()))?;
        writeln!(stdout).map_err(&w)?;
    } else {
        write_tables(&mut stdout, mode, &m).map_err(&w)?;
    }
    Ok(i32::from(skipped > 0))
}

/// Equal normalised texts share a group, so duplicates never straddle folds.
pub(crate) fn text_group(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let norm: String =
        crate::features::text::normalize(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut h = std::collections::hash_map::DefaultHasher::new();
    norm.hash(&mut h);
    h.finish()
}

fn write_tables(w: &mut dyn Write, mode: &str, m: &Metrics) -> std::io::Result<()> {
    writeln!(
        w,
        "{mode}: {} documents, accuracy {:.3}, macro-F1 {:.3}",
        m.n, m.accuracy, m.macro_f1
    )?;
    let b = &m.binary;
    writeln!(
        w,
        "unsolicited vs legit: precision {:.3} recall {:.3} F1 {:.3} false-positive rate {:.4} (tp {} fp {} tn {} fn {})",
        b.precision, b.recall, b.f1, b.fpr, b.tp, b.fp, b.tn, b.fn_
    )?;
    writeln!(
        w,
        "\n{:<12} {:>9} {:>9} {:>9} {:>8}",
        "category", "precision", "recall", "f1", "support"
    )?;
    for c in &m.per_class {
        writeln!(
            w,
            "{:<12} {:>9.3} {:>9.3} {:>9.3} {:>8}",
            c.category.id(),
            c.precision,
            c.recall,
            c.f1,
            c.support
        )?;
    }
    writeln!(w, "\nconfusion (rows: truth, columns: predicted)")?;
    let short: Vec<String> = m.labels.iter().map(|c| c.id().chars().take(5).collect()).collect();
    write!(w, "{:<12}", "")?;
    for s in &short {
        write!(w, " {s:>5}")?;
    }
    writeln!(w)?;
    let seen: HashSet<usize> = (0..m.labels.len()).collect();
    for (i, row) in m.confusion.iter().enumerate().filter(|(i, _)| seen.contains(i)) {
        write!(w, "{:<12}", m.labels[i].id())?;
        for n in row {
            write!(w, " {n:>5}")?;
        }
        writeln!(w)?;
    }
    Ok(())
}
