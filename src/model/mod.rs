//! The category model: multinomial naive Bayes trained with linfa-bayes,
//! scored with a sparse routine of our own, evaluated honestly, persisted in
//! a versioned, self-describing, checksummed file.
//!
//! No I/O here: callers hand in events or token lists and bytes.
//!
//! Vocabulary, not feature hashing: a vocabulary names every feature, which
//! `--explain` needs, and pruning rare tokens keeps it small (the shipped
//! model's vocabulary is reported by `leaktrace eval`); hashing to a width
//! that keeps collisions rare on bigram features needs 2^20 columns, which
//! makes linfa-bayes's dense per-class arrays 13 × 8 MB for no accuracy gain.

pub mod classify;
pub mod evaluate;
pub mod persist;
pub mod train;

use rustc_hash::FxHashMap;

use crate::category::Category;

pub use classify::Scored;
pub use train::{Trainer, TrainingConfig};

/// The model file's format version; loading another version is an error.
pub const FORMAT_VERSION: u32 = 1;

/// The tokenizer generation; a model trained with another cannot be read.
pub const FEATURES_VERSION: &str = "cjk-ngrams+words+stems+meta+mailheaders/3";

/// The n-gram order of models whose file does not say (the only one then).
fn default_cjk_ngram() -> u8 {
    2
}

/// Where a model's training data came from, for the model file's header.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TrainingSource {
    /// The data set as named on the command line (file name or `LABEL=PATH`).
    pub name: String,
    /// Documents read from it.
    pub documents: u64,
    /// How much each of its documents counted.
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// How class priors are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Prior {
    /// From the share of each class in the training data (linfa-bayes's own).
    Empirical,
    /// Equal for every class: the training mix says little about a victim's inbox.
    Uniform,
}

/// The self-describing header of a model file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ModelMeta {
    /// The file format version ([`FORMAT_VERSION`]).
    pub format_version: u32,
    /// The leaktrace version that wrote it.
    pub tool_version: String,
    /// The tokenizer generation ([`FEATURES_VERSION`]).
    pub features: String,
    /// The classes, in the order of the count columns.
    pub categories: Vec<Category>,
    /// Documents per class, in the same order.
    pub class_documents: Vec<u64>,
    /// Additive (Laplace/Lidstone) smoothing.
    pub alpha: f64,
    /// Documents longer than this many tokens were scaled down in training.
    #[serde(default)]
    pub length_norm: Option<u32>,
    /// Runs of ideographs were read as n-grams up to this order.
    #[serde(default = "default_cjk_ngram")]
    pub cjk_ngram: u8,
    /// How priors are set.
    pub prior: Prior,
    /// Softmax temperature fitted on held-out data, for calibrated confidences.
    pub temperature: f64,
    /// Number of features (vocabulary size).
    pub features_count: usize,
    /// What it was trained on.
    pub trained_on: Vec<TrainingSource>,
    /// SHA-256 of the body, to detect corruption and truncation.
    pub body_sha256: String,
}

/// A trained model, ready to score.
#[derive(Debug, Clone)]
pub struct Model {
    meta: ModelMeta,
    vocab: Vec<String>,
    /// Token → feature. FxHash: the scorer's hot path is this lookup, and
    /// the keys (tokens) are not attacker-chosen in a way that matters for a
    /// local tool (worst case, a slow run).
    index: FxHashMap<String, u32>,
    /// Token counts (weighted), feature-major: `counts[f * classes + c]`.
    counts: Vec<f32>,
    /// Log P(token | class), feature-major like `counts`.
    log_prob: Vec<f32>,
    /// Log prior per class.
    log_prior: Vec<f64>,
    /// Features that describe only the contact's shape (see [`SHAPE_PREFIXES`]).
    shape_only: Vec<bool>,
}

/// Metadata token prefixes that describe the shape of a contact (channel,
/// number type, call type, duration, hour) rather than its content.
pub const SHAPE_PREFIXES: [&str; 5] = ["ch:", "num:", "ct:", "dur:", "hour:"];

impl Model {
    /// The header: classes, settings, provenance.
    pub fn meta(&self) -> &ModelMeta {
        &self.meta
    }

    /// The classes this model can predict.
    pub fn categories(&self) -> &[Category] {
        &self.meta.categories
    }

    /// Vocabulary size.
    pub fn features(&self) -> usize {
        self.vocab.len()
    }

    /// The feature index of `token`, if known.
    pub fn feature(&self, token: &str) -> Option<u32> {
        self.index.get(token).copied()
    }

    /// Builds a model from counts; derives log-probabilities with the same
    /// formula as linfa-bayes's `MultinomialNb` (smoothed counts over the
    /// smoothed class total), which `train` checks against linfa's own fit.
    fn from_counts(meta: ModelMeta, vocab: Vec<String>, counts: Vec<f32>) -> Self {
        let c = meta.categories.len();
        let v = vocab.len();
        let mut totals = vec![0f64; c];
        for f in 0..v {
            for (k, t) in totals.iter_mut().enumerate() {
                *t += counts[f * c + k] as f64;
            }
        }
        let denom: Vec<f64> = totals.iter().map(|t| (t + meta.alpha * v as f64).ln()).collect();
        let log_prob = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| ((n as f64 + meta.alpha).ln() - denom[i % c]) as f32)
            .collect();
        let log_prior = prior_logs(&meta.class_documents, meta.prior);
        let index = vocab.iter().enumerate().map(|(i, t)| (t.clone(), i as u32)).collect();
        let shape_only =
            vocab.iter().map(|t| SHAPE_PREFIXES.iter().any(|p| t.starts_with(p))).collect();
        Model { meta, vocab, index, counts, log_prob, log_prior, shape_only }
    }
}

/// The model built into the binary (`models/default.model`; rebuild it
/// with `datasets/build-default-model.sh`).
pub fn default_model() -> crate::error::Result<Model> {
    static BYTES: &[u8] = include_bytes!("../../models/default.model");
    if BYTES.is_empty() {
        return Err(crate::error::Error::Model {
            what: "built-in".into(),
            message: "this build has no default model; pass --model FILE".into(),
        });
    }
    Model::from_bytes(BYTES, "built-in default")
}

/// Log priors from document counts.
fn prior_logs(docs: &[u64], prior: Prior) -> Vec<f64> {
    let n = docs.len().max(1) as f64;
    match prior {
        Prior::Uniform => vec![-(n.ln()); docs.len()],
        Prior::Empirical => {
            let total: u64 = docs.iter().sum();
            docs.iter().map(|&d| ((d.max(1)) as f64 / total.max(1) as f64).ln()).collect()
        }
    }
}
