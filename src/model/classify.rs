//! Scoring: a sparse routine over the fitted parameters, probabilities from
//! a max-shifted softmax (long documents would underflow a plain one), and
//! the tokens that pushed hardest for and against the answer.

use super::Model;
use super::train::sparse;
use crate::category::Category;
use crate::event::Event;
use crate::features::meta::{FeatureOptions, event_tokens};
use crate::verdict::Verdict;

/// Fewer known evidence tokens than this: the verdict is `unsure`. Metadata
/// alone (channel, number type, call type, duration, hour) is not evidence
/// enough: a bare missed call could be anyone.
pub const MIN_KNOWN_TOKENS: usize = 2;
/// A top probability below this: the verdict is `unsure`.
pub const UNSURE_BELOW: f64 = 0.5;

/// A scored document: the verdict and the whole distribution behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// The answer.
    pub verdict: Verdict,
    /// Probability of each of the model's classes, in the model's order.
    pub probabilities: Vec<(Category, f64)>,
    /// Tokens of the document the model knew.
    pub known_tokens: usize,
}

/// One token's pull towards or away from the answer, in nats.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Pull {
    /// The token.
    pub token: String,
    /// log P(token | answer) − log P(token | runner-up), times its count.
    pub weight: f64,
}

/// Log-softmax of `jll / temperature`, shifted by the maximum so that no
/// exponent overflows or underflows to a NaN.
pub fn log_softmax(jll: &[f64], temperature: f64) -> Vec<f64> {
    let t = if temperature.is_finite() && temperature > 0.0 { temperature } else { 1.0 };
    let scaled: Vec<f64> = jll.iter().map(|x| x / t).collect();
    let max = scaled.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        let n = jll.len().max(1) as f64;
        return vec![-(n.ln()); jll.len()];
    }
    let lse = max + scaled.iter().map(|x| (x - max).exp()).sum::<f64>().ln();
    scaled.iter().map(|x| x - lse).collect()
}

impl Model {
    /// Token ids of `event`, with counts; unknown tokens are dropped.
    /// The n-gram order is the model's own, whatever `opts` says.
    pub fn event_features(&self, event: &Event, opts: &FeatureOptions) -> Vec<(u32, u32)> {
        let mut ids = Vec::new();
        let opts = FeatureOptions { cjk_ngram: self.meta.cjk_ngram, ..*opts };
        event_tokens(event, &opts, &mut |t| {
            if let Some(id) = self.index.get(t) {
                ids.push(*id);
            }
        });
        sparse(ids)
    }

    /// Unnormalised log posterior per class: log prior + Σ count · log P(token | class).
    pub fn joint_log_likelihood(&self, doc: &[(u32, u32)]) -> Vec<f64> {
        let c = self.meta.categories.len();
        let mut jll = self.log_prior.clone();
        for &(f, n) in doc {
            let row = f as usize * c;
            if let Some(probs) = self.log_prob.get(row..row + c) {
                for (acc, p) in jll.iter_mut().zip(probs) {
                    *acc += n as f64 * *p as f64;
                }
            }
        }
        jll
    }

    /// Scores a sparse document.
    pub fn score(&self, doc: &[(u32, u32)]) -> Scored {
        self.score_jll(&self.joint_log_likelihood(doc), self.evidence(doc))
    }

    /// Known tokens of `doc` that say something about content (text, tags,
    /// links, sender domains), not only the shape of the contact.
    pub fn evidence(&self, doc: &[(u32, u32)]) -> usize {
        doc.iter()
            .filter(|(f, _)| !self.shape_only.get(*f as usize).copied().unwrap_or(false))
            .map(|d| d.1 as usize)
            .sum()
    }

    /// Scores from joint log-likelihoods (e.g. a contact's combined evidence).
    pub fn score_jll(&self, jll: &[f64], known_tokens: usize) -> Scored {
        let logp = log_softmax(jll, self.meta.temperature);
        let probabilities: Vec<(Category, f64)> =
            self.meta.categories.iter().copied().zip(logp.iter().map(|l| l.exp())).collect();
        let (category, confidence) = probabilities
            .iter()
            .copied()
            .fold((Category::Legit, -1.0), |best, (c, p)| if p > best.1 { (c, p) } else { best });
        let unsure = known_tokens < MIN_KNOWN_TOKENS || confidence < UNSURE_BELOW;
        Scored { verdict: Verdict { category, confidence, unsure }, probabilities, known_tokens }
    }

    /// Classifies one event.
    pub fn classify(&self, event: &Event, opts: &FeatureOptions) -> Scored {
        self.score(&self.event_features(event, opts))
    }

    /// The log prior of each class, in the model's order.
    pub fn log_priors(&self) -> &[f64] {
        &self.log_prior
    }

    /// The `k` tokens of `event` that pushed hardest for its answer and the
    /// `k` that pushed hardest against it (towards the runner-up).
    pub fn explain(
        &self,
        event: &Event,
        opts: &FeatureOptions,
        k: usize,
    ) -> (Vec<Pull>, Vec<Pull>) {
        let doc = self.event_features(event, opts);
        let scored = self.score(&doc);
        let c = self.meta.categories.len();
        let mut order: Vec<usize> = (0..c).collect();
        order.sort_by(|&a, &b| scored.probabilities[b].1.total_cmp(&scored.probabilities[a].1));
        let (top, second) = match order.as_slice() {
            [a, b, ..] => (*a, *b),
            _ => return (Vec::new(), Vec::new()),
        };
        let mut pulls: Vec<Pull> = doc
            .iter()
            .map(|&(f, n)| {
                let row = f as usize * c;
                let w = (self.log_prob[row + top] - self.log_prob[row + second]) as f64 * n as f64;
                Pull { token: self.vocab[f as usize].clone(), weight: w }
            })
            .collect();
        pulls.sort_by(|a, b| b.weight.total_cmp(&a.weight).then_with(|| a.token.cmp(&b.token)));
        let for_: Vec<Pull> = pulls.iter().filter(|p| p.weight > 0.0).take(k).cloned().collect();
        let against: Vec<Pull> =
            pulls.iter().rev().filter(|p| p.weight < 0.0).take(k).cloned().collect();
        (for_, against)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::train::{Trainer, TrainingConfig, fit_linfa};
    use linfa::traits::Predict;
    use ndarray::Array2;

    fn toy_model() -> Model {
        let cfg = TrainingConfig { min_count: 1, calibrate: false, ..TrainingConfig::default() };
        let mut t = Trainer::new(cfg).unwrap();
        let data = [
            (Category::Property, "新盘开售 学区房 首付 看房 中介 二手房"),
            (Category::Property, "buy sell your home realtor viewing house"),
            (Category::Finance, "贷款 额度 利息 信用卡 提额 秒批"),
            (Category::Finance, "loan credit card low rate approval"),
            (Category::Legit, "妈妈 晚上 回家 吃饭 验证码"),
            (Category::Legit, "see you at dinner mum love"),
        ];
        for (c, text) in data {
            let toks = crate::features::text::tokens(text);
            t.add_tokens(c, toks.iter().map(String::as_str));
        }
        t.finish().unwrap()
    }

    #[test]
    fn softmax_sums_to_one_and_survives_extremes() {
        for jll in [vec![-1e6, -1e6 - 5.0, -2e6], vec![0.0, 0.0], vec![1e308, -1e308]] {
            let p: Vec<f64> = log_softmax(&jll, 1.0).iter().map(|l| l.exp()).collect();
            assert!(p.iter().all(|x| x.is_finite()));
            assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        }
        let p = log_softmax(&[f64::NEG_INFINITY, f64::NEG_INFINITY], 1.0);
        assert!(p.iter().all(|x| x.is_finite()));
    }

    #[test]
    fn scorer_agrees_with_linfa_predictions() {
        // Oracle: linfa-bayes's own predict on a dense matrix of the same
        // documents. (Uniform priors equal linfa's here: one row per class.)
        let model = toy_model();
        let fitted = fit_linfa(&model).unwrap();
        let texts = ["学区房 看房", "low rate loan", "晚上 回家", "credit 房", "dinner 首付 贷款"];
        let mut x = Array2::<f64>::zeros((texts.len(), model.features()));
        let mut ours = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let ids: Vec<u32> = crate::features::text::tokens(text)
                .iter()
                .filter_map(|t| model.feature(t))
                .collect();
            for &id in &ids {
                x[[i, id as usize]] += 1.0;
            }
            ours.push(model.score(&sparse(ids)).verdict.category);
        }
        let theirs = {
            let _gag = gag::Gag::stderr().ok();
            fitted.predict(&x)
        };
        for (o, t) in ours.iter().zip(theirs.iter()) {
            assert_eq!(*o, model.categories()[*t]);
        }
    }

    #[test]
    fn megabyte_message_gives_finite_calibrated_output() {
        let model = toy_model();
        let e = Event { text: "学区房 贷款 loan ".repeat(60_000), ..Default::default() };
        let s = model.classify(&e, &FeatureOptions::default());
        let sum: f64 = s.probabilities.iter().map(|p| p.1).sum();
        assert!((sum - 1.0).abs() < 1e-9);
        assert!(s.probabilities.iter().all(|p| p.1.is_finite() && p.1 >= 0.0));
    }

    #[test]
    fn thin_evidence_is_unsure_and_explain_names_tokens() {
        let model = toy_model();
        let e = Event { text: "zzz qqq".into(), ..Default::default() };
        assert!(model.classify(&e, &FeatureOptions::default()).verdict.unsure);
        let e = Event { text: "学区房 看房 首付".into(), ..Default::default() };
        let s = model.classify(&e, &FeatureOptions::default());
        assert_eq!(s.verdict.category, Category::Property);
        let (for_, _) = model.explain(&e, &FeatureOptions::default(), 3);
        assert!(for_.iter().any(|p| p.token.contains('房')), "{for_:?}");
    }
}
