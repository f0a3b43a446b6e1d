//! Training: count tokens per class, prune the vocabulary, fit linfa-bayes's
//! `MultinomialNb`, and fit a softmax temperature on held-out documents.

use std::collections::HashMap;
use std::sync::Mutex;

use linfa::Dataset;
use linfa::traits::Fit;
use linfa_bayes::MultinomialNb;
use ndarray::{Array1, Array2};
use rustc_hash::FxHashMap;

use super::{FEATURES_VERSION, FORMAT_VERSION, Model, ModelMeta, Prior, TrainingSource};
use crate::category::Category;
use crate::error::{Error, Result};
use crate::event::Event;
use crate::features::meta::{FeatureOptions, event_tokens};

/// Every `CALIBRATION_EVERY`-th document is held out to fit the temperature,
/// then added to the model.
const CALIBRATION_EVERY: u64 = 5;
/// Fewer held-out documents than this: no temperature is fitted (it stays 1).
const MIN_CALIBRATION_DOCS: usize = 30;
/// Temperatures tried when calibrating.
const TEMPERATURES: [f64; 14] =
    [1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 13.0, 16.0, 20.0];

/// The document length (in tokens) beyond which counts are scaled down.
pub const DEFAULT_LENGTH_NORM: u32 = 64;

/// linfa-bayes 0.8.1 `dbg!`s every fitted array to stderr on each fit; the
/// redirect that hides it is process-wide, so fits take turns.
static FIT_LOCK: Mutex<()> = Mutex::new(());

/// Training settings.
///
/// | name | default | range |
/// |---|---|---|
/// | `alpha` | 0.05 | > 0, finite |
/// | `min_count` | 2 | ≥ 1: tokens seen fewer times in all are dropped |
/// | `max_features` | 200 000 | ≥ 1: the most frequent tokens kept |
/// | `prior` | uniform | empirical or uniform |
/// | `calibrate` | true | fit a softmax temperature on held-out documents |
/// | `length_norm` | 64 | ≥ 1 tokens, or none |
#[derive(Debug, Clone)]
pub struct TrainingConfig {
    /// Additive smoothing.
    pub alpha: f64,
    /// Minimum total count of a kept token.
    pub min_count: u32,
    /// Largest vocabulary kept.
    pub max_features: usize,
    /// How class priors are set.
    pub prior: Prior,
    /// Whether to fit a temperature for calibrated confidences.
    pub calibrate: bool,
    /// Documents longer than this many tokens count as this long (their
    /// counts are scaled down), so that one long e-mail does not outweigh
    /// dozens of SMS; `None` counts every token fully.
    pub length_norm: Option<u32>,
    /// Settings of the metadata tokens.
    pub features: FeatureOptions,
}

impl Default for TrainingConfig {
    fn default() -> Self {
        TrainingConfig {
            alpha: 0.05,
            min_count: 2,
            max_features: 200_000,
            prior: Prior::Uniform,
            calibrate: true,
            length_norm: Some(DEFAULT_LENGTH_NORM),
            features: FeatureOptions::default(),
        }
    }
}

impl TrainingConfig {
    /// Checks the settings once, before any work.
    pub fn check(&self) -> Result<()> {
        if !(self.alpha.is_finite() && self.alpha > 0.0) {
            return Err(Error::Usage(format!(
                "alpha must be a positive number, not {}",
                self.alpha
            )));
        }
        if self.min_count == 0 || self.max_features == 0 {
            return Err(Error::Usage("min-count and max-features must be at least 1".into()));
        }
        Ok(())
    }
}

/// A sparse document: (feature, count) pairs, sorted by feature.
type SparseDoc = Vec<(u32, u32)>;

/// A weighted sparse document, as held out for calibration.
type WeightedDoc = (SparseDoc, f64);

/// Accumulates labelled documents, then builds a [`Model`].
pub struct Trainer {
    config: TrainingConfig,
    index: FxHashMap<String, u32>,
    vocab: Vec<String>,
    counts: Vec<[f64; 13]>,
    /// Occurrences of each token in all documents added (counted or held
    /// out), each weighed by its source's weight but not by the document's
    /// length normalisation: what `min_count` and `max_features` prune by.
    /// Data given a low weight keeps only the tokens it confirms often; but
    /// pruning by the length-normalised counts would drop every token seen
    /// once in a long mail, however telling.
    occurrences: Vec<f64>,
    weight: f64,
    class_docs: [u64; 13],
    held_out: Vec<(Category, WeightedDoc)>,
    seen: u64,
    sources: Vec<TrainingSource>,
    temperature: f64,
}

impl Trainer {
    /// An empty trainer.
    pub fn new(config: TrainingConfig) -> Result<Self> {
        config.check()?;
        Ok(Trainer {
            config,
            index: FxHashMap::default(),
            vocab: Vec::new(),
            counts: Vec::new(),
            occurrences: Vec::new(),
            weight: 1.0,
            class_docs: [0; 13],
            held_out: Vec::new(),
            seen: 0,
            sources: Vec::new(),
            temperature: 1.0,
        })
    }

    /// A trainer that continues from `model`'s counts (the user's corrections
    /// are added to what it already knew).
    pub fn from_model(model: &Model, mut config: TrainingConfig) -> Result<Self> {
        config.alpha = model.meta.alpha;
        config.prior = model.meta.prior;
        config.length_norm = model.meta.length_norm;
        config.features.cjk_ngram = model.meta.cjk_ngram;
        let mut t = Trainer::new(config)?;
        let c = model.meta.categories.len();
        for (f, token) in model.vocab.iter().enumerate() {
            let id = t.intern(token);
            // A token of the model survived its pruning; it stays.
            t.occurrences[id as usize] = f64::INFINITY;
            for (k, cat) in model.meta.categories.iter().enumerate() {
                t.counts[id as usize][cat.index()] = model.counts[f * c + k] as f64;
            }
        }
        for (k, cat) in model.meta.categories.iter().enumerate() {
            t.class_docs[cat.index()] = model.meta.class_documents[k];
        }
        t.sources = model.meta.trained_on.clone();
        t.temperature = model.meta.temperature;
        Ok(t)
    }

    /// Notes that the documents added next come from `name`, and count each
    /// with `weight` (1 = fully; less for data that is noisier or further
    /// from a victim's traffic).
    pub fn begin_source(&mut self, name: &str, weight: f64) {
        self.sources.push(TrainingSource { name: name.to_string(), documents: 0, weight });
        self.weight = if weight.is_finite() && weight > 0.0 { weight } else { 1.0 };
    }

    fn intern(&mut self, token: &str) -> u32 {
        if let Some(&id) = self.index.get(token) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.push(token.to_string());
        self.index.insert(token.to_string(), id);
        self.counts.push([0.0; 13]);
        self.occurrences.push(0.0);
        id
    }

    /// Adds one labelled event.
    pub fn add_event(&mut self, category: Category, event: &Event) {
        let mut ids = Vec::new();
        let opts = self.config.features;
        event_tokens(event, &opts, &mut |t| ids.push(self.intern(t)));
        self.add_ids(category, ids);
    }

    /// Adds one labelled document given as tokens.
    pub fn add_tokens<'a>(
        &mut self,
        category: Category,
        tokens: impl IntoIterator<Item = &'a str>,
    ) {
        let ids = tokens.into_iter().map(|t| self.intern(t)).collect();
        self.add_ids(category, ids);
    }

    fn add_ids(&mut self, category: Category, ids: Vec<u32>) {
        self.seen += 1;
        if let Some(s) = self.sources.last_mut() {
            s.documents += 1;
        }
        let len = ids.len();
        for &id in &ids {
            self.occurrences[id as usize] += self.weight;
        }
        let doc = sparse(ids);
        let scale = match self.config.length_norm {
            Some(l) if len > l as usize => l as f64 / len as f64,
            _ => 1.0,
        };
        let w = self.weight * scale;
        if self.config.calibrate && self.seen % CALIBRATION_EVERY == 0 {
            self.held_out.push((category, (doc, w)));
        } else {
            self.count(category, &doc, w);
        }
    }

    fn count(&mut self, category: Category, doc: &SparseDoc, w: f64) {
        self.class_docs[category.index()] += 1;
        for &(id, n) in doc {
            self.counts[id as usize][category.index()] += n as f64 * w;
        }
    }

    /// Documents added so far (counted or held out).
    pub fn documents(&self) -> u64 {
        self.class_docs.iter().sum::<u64>() + self.held_out.len() as u64
    }

    /// Prunes the vocabulary, fits the temperature and the model.
    pub fn finish(mut self) -> Result<Model> {
        let kept = self.kept_features();
        let remap: HashMap<u32, u32> =
            kept.iter().enumerate().map(|(new, &old)| (old, new as u32)).collect();
        let held: Vec<(Category, WeightedDoc)> = std::mem::take(&mut self.held_out)
            .into_iter()
            .map(|(c, (d, w))| {
                (c, (d.iter().filter_map(|(id, n)| Some((*remap.get(id)?, *n))).collect(), w))
            })
            .collect();
        let mut all_docs = self.class_docs;
        for (c, _) in &held {
            all_docs[c.index()] += 1;
        }
        let categories: Vec<Category> =
            Category::ALL.into_iter().filter(|c| all_docs[c.index()] > 0).collect();
        if categories.len() < 2 {
            return Err(Error::Model {
                what: "training".into(),
                message: format!(
                    "needs documents of at least two categories, got {}",
                    categories.iter().map(|c| c.id()).collect::<Vec<_>>().join(", ")
                ),
            });
        }
        let vocab: Vec<String> = kept.iter().map(|&i| self.vocab[i as usize].clone()).collect();
        let c = categories.len();
        let mut counts = vec![0f64; vocab.len() * c];
        for (f, &old) in kept.iter().enumerate() {
            for (k, cat) in categories.iter().enumerate() {
                counts[f * c + k] = self.counts[old as usize][cat.index()];
            }
        }
        let mut temperature = self.temperature;
        if held.len() >= MIN_CALIBRATION_DOCS {
            let partial =
                self.build(&categories, &self.class_docs, vocab.clone(), counts.clone(), 1.0);
            temperature = fit_temperature(&partial, &held);
        }
        for (cat, (doc, w)) in &held {
            if let Some(k) = categories.iter().position(|x| x == cat) {
                for &(f, n) in doc {
                    counts[f as usize * c + k] += n as f64 * w;
                }
            }
        }
        let model = self.build(&categories, &all_docs, vocab, counts, temperature);
        check_against_linfa(&model)?;
        Ok(model)
    }

    fn build(
        &self,
        categories: &[Category],
        docs: &[u64; 13],
        vocab: Vec<String>,
        counts: Vec<f64>,
        temperature: f64,
    ) -> Model {
        let meta = ModelMeta {
            format_version: FORMAT_VERSION,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            features: FEATURES_VERSION.to_string(),
            categories: categories.to_vec(),
            class_documents: categories.iter().map(|c| docs[c.index()]).collect(),
            alpha: self.config.alpha,
            length_norm: self.config.length_norm,
            cjk_ngram: self.config.features.cjk_ngram,
            prior: self.config.prior,
            temperature,
            features_count: vocab.len(),
            trained_on: self.sources.clone(),
            body_sha256: String::new(),
        };
        // Counts are kept to 3 decimals, so the model file holds exactly what
        // the model computes with, and the same data gives the same file.
        let counts = counts.into_iter().map(|n| ((n * 1000.0).round() / 1000.0) as f32).collect();
        Model::from_counts(meta, vocab, counts)
    }

    /// Features seen at least `min_count` times (weighed by their sources'
    /// weights), the most frequent
    /// `max_features` of them, in lexicographic order (so the same data gives
    /// the same file, bit for bit).
    fn kept_features(&self) -> Vec<u32> {
        let mut kept: Vec<(f64, u32)> =
            self.occurrences.iter().enumerate().map(|(i, &n)| (n, i as u32)).collect();
        // A token kept must weigh at least `min_count` full occurrences.
        kept.retain(|&(n, _)| n >= self.config.min_count as f64 - 1e-9);
        if kept.len() > self.config.max_features {
            kept.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then_with(|| self.vocab[a.1 as usize].cmp(&self.vocab[b.1 as usize]))
            });
            kept.truncate(self.config.max_features);
        }
        let mut ids: Vec<u32> = kept.into_iter().map(|(_, i)| i).collect();
        ids.sort_by(|a, b| self.vocab[*a as usize].cmp(&self.vocab[*b as usize]));
        ids
    }
}

/// Token ids → sorted (id, count) pairs.
pub(crate) fn sparse(mut ids: Vec<u32>) -> SparseDoc {
    ids.sort_unstable();
    let mut doc: SparseDoc = Vec::with_capacity(ids.len());
    for id in ids {
        match doc.last_mut() {
            Some((last, n)) if *last == id => *n += 1,
            _ => doc.push((id, 1)),
        }
    }
    doc
}

/// The temperature that minimises the negative log-likelihood of the true
/// class on held-out documents (temperature scaling, Guo et al. 2017).
fn fit_temperature(model: &Model, held: &[(Category, WeightedDoc)]) -> f64 {
    let scored: Vec<(usize, Vec<f64>)> = held
        .iter()
        .filter_map(|(cat, (doc, _))| {
            let k = model.meta.categories.iter().position(|c| c == cat)?;
            Some((k, model.joint_log_likelihood(doc)))
        })
        .collect();
    let nll = |t: f64| -> f64 {
        scored.iter().map(|(k, jll)| -super::classify::log_softmax(jll, t)[*k]).sum::<f64>()
    };
    let mut best = (f64::INFINITY, 1.0);
    for t in TEMPERATURES {
        let v = nll(t);
        if v < best.0 {
            best = (v, t);
        }
    }
    best.1
}

/// Fits linfa-bayes's `MultinomialNb` on the per-class count rows (its
/// feature statistics depend only on per-class sums, so this equals a fit on
/// every document) and checks that our log-probabilities are its own.
fn check_against_linfa(model: &Model) -> Result<()> {
    let fitted = fit_linfa(model)?;
    let params = linfa_log_probs(&fitted)?;
    let c = model.meta.categories.len();
    for (k, probs) in params.iter().enumerate() {
        for (f, p) in probs.iter().enumerate() {
            let ours = model.log_prob[f * c + k] as f64;
            if (ours - p).abs() > 1e-4 * p.abs().max(1.0) {
                return Err(Error::Model {
                    what: "training".into(),
                    message: format!(
                        "disagrees with linfa-bayes at feature {f}, class {k}: {ours} vs {p}"
                    ),
                });
            }
        }
    }
    Ok(())
}

/// One row of summed counts per class, fitted with linfa-bayes.
pub(crate) fn fit_linfa(model: &Model) -> Result<MultinomialNb<f64, usize>> {
    let c = model.meta.categories.len();
    let v = model.vocab.len();
    let mut x = Array2::<f64>::zeros((c, v));
    for f in 0..v {
        for k in 0..c {
            x[[k, f]] = model.counts[f * c + k] as f64;
        }
    }
    let y = Array1::from_iter(0..c);
    let ds = Dataset::new(x, y);
    let _turn = FIT_LOCK.lock().unwrap_or_else(|e| e.into_inner());
    // Hide linfa-bayes 0.8.1's dbg! output; if stderr cannot be redirected
    // (already redirected), fit anyway.
    let _gag = gag::Gag::stderr().ok();
    MultinomialNb::params()
        .alpha(model.meta.alpha)
        .fit(&ds)
        .map_err(|e| Error::Model { what: "training".into(), message: e.to_string() })
}

/// `feature_log_prob` per class index, read through linfa-bayes's serde form
/// (the fitted parameters are otherwise private).
pub(crate) fn linfa_log_probs(fitted: &MultinomialNb<f64, usize>) -> Result<Vec<Vec<f64>>> {
    let bad = |m: &str| Error::Model { what: "training".into(), message: m.to_string() };
    let value = serde_json::to_value(fitted).map_err(|e| bad(&e.to_string()))?;
    let info =
        value.get("class_info").and_then(|v| v.as_object()).ok_or_else(|| bad("no class_info"))?;
    let mut out: Vec<(usize, Vec<f64>)> = Vec::new();
    for (key, hist) in info {
        let k: usize = key.parse().map_err(|_| bad("class key"))?;
        let data = hist
            .pointer("/feature_log_prob/data")
            .and_then(|d| d.as_array())
            .ok_or_else(|| bad("no feature_log_prob"))?;
        out.push((k, data.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect()));
    }
    out.sort_by_key(|(k, _)| *k);
    Ok(out.into_iter().map(|(_, v)| v).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn tiny_config() -> TrainingConfig {
        TrainingConfig { min_count: 1, calibrate: false, ..TrainingConfig::default() }
    }

    #[test]
    fn sparse_counts_repeats() {
        assert_eq!(sparse(vec![3, 1, 3, 3]), vec![(1, 1), (3, 3)]);
    }

    #[test]
    fn config_is_checked_once() {
        let bad = TrainingConfig { alpha: f64::NAN, ..TrainingConfig::default() };
        assert!(Trainer::new(bad).is_err());
        let bad = TrainingConfig { alpha: -1.0, ..TrainingConfig::default() };
        assert!(Trainer::new(bad).is_err());
    }

    #[test]
    fn min_count_prunes_by_occurrences_not_by_length_normalised_weight() {
        // Two long documents: with length normalisation each token weighs
        // 4/40 of an occurrence, yet "rare" was seen twice and must stay.
        let config = TrainingConfig { min_count: 2, length_norm: Some(4), ..tiny_config() };
        let mut t = Trainer::new(config).unwrap();
        let filler: Vec<String> = (0..38).map(|i| format!("w{i}")).collect();
        for c in [Category::Legit, Category::Fraud] {
            let doc = filler.iter().map(String::as_str).chain(["rare", "once"]);
            t.add_tokens(
                c,
                doc.map(|x| if c == Category::Fraud && x == "once" { "other" } else { x }),
            );
        }
        let model = t.finish().unwrap();
        assert!(model.feature("rare").is_some());
        assert!(model.feature("w0").is_some());
        assert!(model.feature("once").is_none(), "seen once, below min_count 2");
    }

    #[test]
    fn the_model_scores_with_the_ngram_order_it_was_trained_with() {
        use crate::event::{Channel, Event};
        let sms = |text: &str| Event {
            channel: Some(Channel::Sms),
            text: text.into(),
            ..Default::default()
        };
        let config = |n| TrainingConfig {
            features: FeatureOptions { cjk_ngram: n, ..FeatureOptions::default() },
            ..tiny_config()
        };
        for n in [2u8, 3] {
            let mut t = Trainer::new(config(n)).unwrap();
            t.add_event(Category::Finance, &sms("低息贷款"));
            t.add_event(Category::Legit, &sms("晚上吃饭"));
            let model = Model::from_bytes(&t.finish().unwrap().to_bytes(), "test").unwrap();
            assert_eq!(model.meta().cjk_ngram, n);
            assert_eq!(model.feature("低息贷").is_some(), n == 3);
            // Scoring reads trigrams only when the model has them, whatever
            // the caller's options say.
            let ids = model.event_features(&sms("低息贷"), &FeatureOptions::default());
            let trigram = model.feature("低息贷");
            assert_eq!(ids.iter().any(|&(id, _)| Some(id) == trigram), n == 3, "{ids:?}");
            assert!(ids.iter().any(|&(id, _)| Some(id) == model.feature("息贷")));
        }
    }

    #[test]
    fn one_class_is_an_error_not_a_panic() {
        let mut t = Trainer::new(tiny_config()).unwrap();
        t.add_tokens(Category::Legit, ["a", "b"]);
        assert!(t.finish().is_err());
    }

    #[test]
    fn aggregated_fit_matches_linfa_fit_on_every_document() {
        // Fit linfa directly on a dense document matrix, and compare with the
        // model built from per-class sums.
        let docs: Vec<(Category, Vec<&str>)> = vec![
            (Category::Property, vec!["房", "房", "买"]),
            (Category::Property, vec!["房", "楼盘"]),
            (Category::Legit, vec!["妈", "饭"]),
            (Category::Legit, vec!["饭", "饭", "房"]),
            (Category::Fraud, vec!["中奖", "链接"]),
        ];
        let mut t = Trainer::new(tiny_config()).unwrap();
        for (c, toks) in &docs {
            t.add_tokens(*c, toks.iter().copied());
        }
        let model = t.finish().unwrap();
        let v = model.features();
        let cats = model.categories().to_vec();
        let mut x = Array2::<f64>::zeros((docs.len(), v));
        let mut y = Array1::<usize>::zeros(docs.len());
        for (i, (c, toks)) in docs.iter().enumerate() {
            for tok in toks {
                x[[i, model.feature(tok).unwrap() as usize]] += 1.0;
            }
            y[i] = cats.iter().position(|k| k == c).unwrap();
        }
        let direct = {
            let _gag = gag::Gag::stderr().ok();
            MultinomialNb::params().alpha(model.meta().alpha).fit(&Dataset::new(x, y)).unwrap()
        };
        let direct = linfa_log_probs(&direct).unwrap();
        let ours = linfa_log_probs(&fit_linfa(&model).unwrap()).unwrap();
        for (a, b) in direct.iter().flatten().zip(ours.iter().flatten()) {
            assert!((a - b).abs() < 1e-12);
        }
    }
}
