//! The model file: a magic line, a one-line JSON header ([`ModelMeta`]), then
//! one line per feature, `token TAB class:count,class:count`. Text, so a
//! model can be inspected and diffed; checksummed, so corruption and
//! truncation are caught; versioned, so an incompatible file is refused.

use super::{FEATURES_VERSION, FORMAT_VERSION, Model, ModelMeta};
use crate::error::{Error, Result};
use crate::event::sha256_hex;

/// The first line of every model file.
pub const MAGIC: &str = "LEAKTRACE-MODEL";
/// The largest model file read.
pub const MAX_MODEL_BYTES: usize = 512 * 1024 * 1024;

impl Model {
    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let c = self.meta.categories.len();
        let mut body = String::new();
        for (f, token) in self.vocab.iter().enumerate() {
            body.push_str(token);
            body.push('\t');
            let mut first = true;
            for k in 0..c {
                let n = self.counts[f * c + k];
                if n > 0.0 {
                    if !first {
                        body.push(',');
                    }
                    first = false;
                    body.push_str(&format!("{k}:{n}"));
                }
            }
            body.push('\n');
        }
        let mut meta = self.meta.clone();
        meta.body_sha256 = sha256_hex(body.as_bytes());
        meta.features_count = self.vocab.len();
        let header = serde_json::to_string(&meta).unwrap_or_default();
        format!("{MAGIC}\n{header}\n{body}").into_bytes()
    }

    /// Reads a model file. `what` names it in errors.
    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<Model> {
        let bad = |m: String| Error::Model { what: what.to_string(), message: m };
        if bytes.len() > MAX_MODEL_BYTES {
            return Err(bad(format!("larger than {MAX_MODEL_BYTES} bytes")));
        }
        let text =
            std::str::from_utf8(bytes).map_err(|e| bad(format!("not a model file ({e})")))?;
        let (magic, rest) =
            text.split_once('\n').ok_or_else(|| bad("empty or truncated".into()))?;
        if magic != MAGIC {
            return Err(bad("not a leaktrace model file (bad first line)".into()));
        }
        let (header, body) = rest.split_once('\n').ok_or_else(|| bad("truncated header".into()))?;
        let meta: ModelMeta =
            serde_json::from_str(header).map_err(|e| bad(format!("unreadable header: {e}")))?;
        if meta.format_version != FORMAT_VERSION {
            return Err(bad(format!(
                "format version {} (this leaktrace reads {FORMAT_VERSION})",
                meta.format_version
            )));
        }
        if meta.features != FEATURES_VERSION {
            return Err(bad(format!(
                "trained with features '{}', this leaktrace computes '{FEATURES_VERSION}'; retrain it",
                meta.features
            )));
        }
        if sha256_hex(body.as_bytes()) != meta.body_sha256 {
            return Err(bad("checksum mismatch: the file is corrupt or truncated".into()));
        }
        check_meta(&meta).map_err(bad)?;
        let c = meta.categories.len();
        // The header's count is only a claim: a forged one must not reserve
        // memory the body does not fill (10^7 features would reserve 0.8 GB).
        let claimed = meta.features_count.min(memchr::memchr_iter(b'\n', body.as_bytes()).count());
        let mut vocab = Vec::with_capacity(claimed);
        let mut counts = Vec::with_capacity(claimed * c);
        for (i, line) in body.lines().enumerate() {
            let (token, cells) = line
                .split_once('\t')
                .ok_or_else(|| bad(format!("feature line {} has no TAB", i + 1)))?;
            let start = counts.len();
            counts.resize(start + c, 0f32);
            for cell in cells.split(',').filter(|s| !s.is_empty()) {
                let parsed = cell
                    .split_once(':')
                    .and_then(|(k, n)| Some((k.parse::<usize>().ok()?, n.parse::<f32>().ok()?)));
                match parsed {
                    Some((k, n)) if k < c && n.is_finite() && n >= 0.0 => counts[start + k] = n,
                    _ => return Err(bad(format!("feature line {}: bad count '{cell}'", i + 1))),
                }
            }
            vocab.push(token.to_string());
        }
        if vocab.len() != meta.features_count {
            return Err(bad(format!(
                "header says {} features, body has {}",
                meta.features_count,
                vocab.len()
            )));
        }
        let model = Model::from_counts(meta, vocab, counts);
        if model.index.len() != model.vocab.len() {
            return Err(bad("duplicate features".into()));
        }
        Ok(model)
    }
}

/// Rejects headers whose numbers would make a model that cannot score.
fn check_meta(meta: &ModelMeta) -> std::result::Result<(), String> {
    if meta.categories.len() < 2 {
        return Err("fewer than two categories".into());
    }
    if meta.class_documents.len() != meta.categories.len() {
        return Err("class_documents does not match categories".into());
    }
    let mut seen = meta.categories.clone();
    seen.sort();
    seen.dedup();
    if seen.len() != meta.categories.len() {
        return Err("a category is listed twice".into());
    }
    if !(meta.alpha.is_finite() && meta.alpha > 0.0) {
        return Err(format!("alpha {} is not a positive number", meta.alpha));
    }
    if !(1..=crate::features::text::MAX_CJK_NGRAM).contains(&meta.cjk_ngram) {
        return Err(format!("n-gram order {} is not one this leaktrace computes", meta.cjk_ngram));
    }
    if !(meta.temperature.is_finite() && meta.temperature > 0.0) {
        return Err(format!("temperature {} is not a positive number", meta.temperature));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::category::Category;
    use crate::model::train::{Trainer, TrainingConfig};

    fn model() -> Model {
        let cfg = TrainingConfig { min_count: 1, calibrate: false, ..TrainingConfig::default() };
        let mut t = Trainer::new(cfg).unwrap();
        t.begin_source("inline", 1.0);
        t.add_tokens(Category::Retail, ["sale", "sale", "discount"]);
        t.add_tokens(Category::Legit, ["mum", "dinner"]);
        t.finish().unwrap()
    }

    #[test]
    fn round_trip_is_exact() {
        let m = model();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes, "t").unwrap();
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(back.meta().trained_on[0].documents, 2);
        assert_eq!(back.log_prob, m.log_prob);
    }

    #[test]
    fn corrupt_truncated_and_incompatible_files_are_errors() {
        let bytes = model().to_bytes();
        let cut = &bytes[..bytes.len() - 3];
        assert!(Model::from_bytes(cut, "t").unwrap_err().to_string().contains("checksum"));
        assert!(Model::from_bytes(b"", "t").is_err());
        assert!(Model::from_bytes(b"\xff\xfe", "t").is_err());
        assert!(Model::from_bytes(b"LEAKTRACE-MODEL\n{}\n", "t").is_err());
        let text = String::from_utf8(bytes.clone()).unwrap();
        let v2 = text.replace("\"format_version\":1", "\"format_version\":99");
        assert!(Model::from_bytes(v2.as_bytes(), "t").unwrap_err().to_string().contains("version"));
        let nan = text.replace("\"temperature\":1.0", "\"temperature\":-1.0");
        assert!(Model::from_bytes(nan.as_bytes(), "t").is_err());
    }

    #[test]
    fn wrong_dimensions_are_errors() {
        let text = String::from_utf8(model().to_bytes()).unwrap();
        let (head, body) = text.split_at(text.find("\n{").unwrap() + 1);
        let (meta, _) = body.split_once('\n').unwrap();
        let forged_body = "sale\t7:3\n";
        let mut m: ModelMeta = serde_json::from_str(meta).unwrap();
        m.body_sha256 = sha256_hex(forged_body.as_bytes());
        m.features_count = 1;
        let forged = format!("{head}{}\n{forged_body}", serde_json::to_string(&m).unwrap());
        let err = Model::from_bytes(forged.as_bytes(), "t").unwrap_err().to_string();
        assert!(err.contains("bad count"), "{err}");
    }
}
