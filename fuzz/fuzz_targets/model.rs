//! Fuzzes the model loader (`leaktrace::model::Model::from_bytes`).
//!
//! A model file carries the SHA-256 of its body, which random bytes never
//! match, so most inputs would stop at the checksum. Each input is therefore
//! also tried with its header's `body_sha256` (and, when absent,
//! `features_count`) fixed up, to reach the body parser and `from_counts`.
#![no_main]

use leaktrace::event::sha256_hex;
use leaktrace::model::Model;
use libfuzzer_sys::fuzz_target;

fn fixed_up(data: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(data).ok()?;
    let (magic, rest) = text.split_once('\n')?;
    let (header, body) = rest.split_once('\n')?;
    let mut meta: serde_json::Value = serde_json::from_str(header).ok()?;
    let obj = meta.as_object_mut()?;
    obj.insert("body_sha256".into(), sha256_hex(body.as_bytes()).into());
    Some(format!("{magic}\n{meta}\n{body}").into_bytes())
}

fn check(bytes: &[u8]) {
    if let Ok(m) = Model::from_bytes(bytes, "fuzz.model") {
        // A model that loads must score without panicking and round-trip.
        let back = Model::from_bytes(&m.to_bytes(), "again").expect("round trip");
        assert_eq!(back.features(), m.features());
        let event = leaktrace::Event {
            text: "限时优惠 sale 贷款 http://x.cn".into(),
            from: "+8613800138000".into(),
            ..Default::default()
        };
        let opts = leaktrace::features::meta::FeatureOptions::default();
        let scored = m.classify(&event, &opts);
        assert!(scored.verdict.confidence.is_finite() || scored.probabilities.is_empty());
        let _ = m.explain(&event, &opts, 5);
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    if let Some(fixed) = fixed_up(data) {
        check(&fixed);
    }
});
