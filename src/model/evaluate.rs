//! Honest evaluation: stratified k-fold cross-validation that keeps
//! duplicate texts in one fold, held-out tests, per-class precision, recall
//! and F1, macro-F1, a confusion matrix, and the binary view
//! (unsolicited vs legit) the peers are compared on.

use std::collections::HashMap;

use super::Model;
use super::train::{Trainer, TrainingConfig, sparse};
use crate::category::Category;
use crate::error::Result;

/// Precision, recall, F1 and support of one class.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ClassMetrics {
    /// The class.
    pub category: Category,
    /// Of those predicted this class, the share that were.
    pub precision: f64,
    /// Of those that were this class, the share predicted so.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// How many truly were this class.
    pub support: u64,
}

/// Unsolicited (any category but legit) vs legit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BinaryMetrics {
    /// Unsolicited predicted unsolicited.
    pub tp: u64,
    /// Legit predicted unsolicited.
    pub fp: u64,
    /// Legit predicted legit.
    pub tn: u64,
    /// Unsolicited predicted legit.
    #[serde(rename = "fn")]
    pub fn_: u64,
    /// tp / (tp + fp).
    pub precision: f64,
    /// tp / (tp + fn).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// False-positive rate on legit: fp / (fp + tn).
    pub fpr: f64,
    /// (tp + tn) / all.
    pub accuracy: f64,
}

/// The full evaluation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Metrics {
    /// Documents evaluated.
    pub n: u64,
    /// Share predicted right.
    pub accuracy: f64,
    /// Mean F1 over the classes present in the truth.
    pub macro_f1: f64,
    /// Per class, for every class in the truth or the predictions.
    pub per_class: Vec<ClassMetrics>,
    /// The classes of the confusion matrix, in order.
    pub labels: Vec<Category>,
    /// `confusion[truth][predicted]` counts, in `labels` order.
    pub confusion: Vec<Vec<u64>>,
    /// Unsolicited vs legit.
    pub binary: BinaryMetrics,
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Metrics of (truth, predicted) pairs.
pub fn metrics(pairs: &[(Category, Category)]) -> Metrics {
    let mut labels: Vec<Category> = pairs.iter().flat_map(|&(t, p)| [t, p]).collect();
    labels.sort();
    labels.dedup();
    let pos: HashMap<Category, usize> = labels.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    let mut confusion = vec![vec![0u64; labels.len()]; labels.len()];
    for (t, p) in pairs {
        confusion[pos[t]][pos[p]] += 1;
    }
    let per_class: Vec<ClassMetrics> = labels
        .iter()
        .enumerate()
        .map(|(i, &category)| {
            let tp = confusion[i][i];
            let predicted: u64 = confusion.iter().map(|row| row[i]).sum();
            let support: u64 = confusion[i].iter().sum();
            let precision = ratio(tp, predicted);
            let recall = ratio(tp, support);
            ClassMetrics { category, precision, recall, f1: f1(precision, recall), support }
        })
        .collect();
    let present: Vec<&ClassMetrics> = per_class.iter().filter(|m| m.support > 0).collect();
    let macro_f1 = present.iter().map(|m| m.f1).sum::<f64>() / present.len().max(1) as f64;
    let correct = pairs.iter().filter(|(t, p)| t == p).count() as u64;
    let mut b = (0, 0, 0, 0);
    for (t, p) in pairs {
        match (t.is_unsolicited(), p.is_unsolicited()) {
            (true, true) => b.0 += 1,
            (false, true) => b.1 += 1,
            (false, false) => b.2 += 1,
            (true, false) => b.3 += 1,
        }
    }
    let (tp, fp, tn, fn_) = b;
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    Metrics {
        n: pairs.len() as u64,
        accuracy: ratio(correct, pairs.len() as u64),
        macro_f1,
        per_class,
        labels,
        confusion,
        binary: BinaryMetrics {
            tp,
            fp,
            tn,
            fn_,
            precision,
            recall,
            f1: f1(precision, recall),
            fpr: ratio(fp, fp + tn),
            accuracy: ratio(tp + tn, pairs.len() as u64),
        },
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so folds
/// (and the benches' synthetic inputs) are the same on every machine and version.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Assigns each document a fold in `0..k`, stratified by label, with every
/// document of one group (the same text) in the same fold, so a duplicate
/// never sits on both sides of a split.
pub fn stratified_folds(labels: &[Category], groups: &[u64], k: usize, seed: u64) -> Vec<usize> {
    let k = k.max(2);
    let mut first_of_group: HashMap<u64, usize> = HashMap::new();
    let mut by_label: HashMap<Category, Vec<u64>> = HashMap::new();
    for (i, (&l, &g)) in labels.iter().zip(groups).enumerate() {
        if first_of_group.insert(g, i).is_none() {
            by_label.entry(l).or_default().push(g);
        }
    }
    let mut rng = SplitMix(seed);
    let mut fold_of_group: HashMap<u64, usize> = HashMap::new();
    let mut keys: Vec<Category> = by_label.keys().copied().collect();
    keys.sort();
    let mut offset = 0;
    for l in keys {
        let gs = by_label.get_mut(&l).map(std::mem::take).unwrap_or_default();
        let mut gs: Vec<u64> = gs;
        // Fisher–Yates.
        for i in (1..gs.len()).rev() {
            let j = rng.below(i + 1);
            gs.swap(i, j);
        }
        for (i, g) in gs.iter().enumerate() {
            fold_of_group.insert(*g, (i + offset) % k);
        }
        offset += gs.len();
    }
    groups.iter().map(|g| fold_of_group.get(g).copied().unwrap_or(0)).collect()
}

/// A labelled, tokenised document for evaluation.
#[derive(Debug, Clone)]
pub struct LabelledDoc {
    /// The true class.
    pub category: Category,
    /// Its tokens.
    pub tokens: Vec<String>,
    /// A hash of its normalised text: equal texts share a group.
    pub group: u64,
}

/// k-fold cross-validation: train on k−1 folds, predict the held-out one;
/// the metrics are over every document's out-of-fold prediction.
pub fn cross_validate(
    docs: &[LabelledDoc],
    config: &TrainingConfig,
    k: usize,
    seed: u64,
) -> Result<Metrics> {
    let labels: Vec<Category> = docs.iter().map(|d| d.category).collect();
    let groups: Vec<u64> = docs.iter().map(|d| d.group).collect();
    let folds = stratified_folds(&labels, &groups, k, seed);
    let mut pairs = Vec::with_capacity(docs.len());
    for fold in 0..k.max(2) {
        let mut trainer = Trainer::new(config.clone())?;
        for (d, _) in docs.iter().zip(&folds).filter(|(_, f)| **f != fold) {
            trainer.add_tokens(d.category, d.tokens.iter().map(String::as_str));
        }
        let model = trainer.finish()?;
        for (d, _) in docs.iter().zip(&folds).filter(|(_, f)| **f == fold) {
            pairs.push((d.category, predict_tokens(&model, &d.tokens)));
        }
    }
    Ok(metrics(&pairs))
}

/// The model's answer for a token list.
pub fn predict_tokens(model: &Model, tokens: &[String]) -> Category {
    let ids = tokens.iter().filter_map(|t| model.feature(t)).collect();
    model.score(&sparse(ids)).verdict.category
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::*;

    #[test]
    fn metrics_match_hand_computed_values() {
        // Oracle: sklearn.metrics.precision_recall_fscore_support on the same pairs.
        let pairs = [
            (Property, Property),
            (Property, Legit),
            (Legit, Legit),
            (Legit, Property),
            (Fraud, Fraud),
        ];
        let m = metrics(&pairs);
        assert_eq!(m.n, 5);
        assert!((m.accuracy - 0.6).abs() < 1e-12);
        let p = m.per_class.iter().find(|c| c.category == Property).unwrap();
        assert!((p.precision - 0.5).abs() < 1e-12 && (p.recall - 0.5).abs() < 1e-12);
        assert!((m.macro_f1 - (0.5 + 0.5 + 1.0) / 3.0).abs() < 1e-12);
        assert_eq!((m.binary.tp, m.binary.fp, m.binary.tn, m.binary.fn_), (2, 1, 1, 1));
        assert!((m.binary.fpr - 0.5).abs() < 1e-12);
        let li = m.labels.iter().position(|&c| c == Legit).unwrap();
        let pi = m.labels.iter().position(|&c| c == Property).unwrap();
        assert_eq!(m.confusion[li][pi], 1);
    }

    #[test]
    fn folds_are_stratified_deterministic_and_keep_duplicates_together() {
        let labels: Vec<Category> =
            (0..100).map(|i| if i % 4 == 0 { Fraud } else { Legit }).collect();
        let mut groups: Vec<u64> = (0..100).collect();
        groups[7] = 3; // a duplicate of document 3
        let a = stratified_folds(&labels, &groups, 5, 42);
        assert_eq!(a, stratified_folds(&labels, &groups, 5, 42));
        assert_ne!(a, stratified_folds(&labels, &groups, 5, 43));
        assert_eq!(a[7], a[3]);
        for f in 0..5 {
            let fraud = (0..100).filter(|&i| a[i] == f && labels[i] == Fraud).count();
            assert!((4..=6).contains(&fraud), "fold {f}: {fraud}");
        }
    }
}
