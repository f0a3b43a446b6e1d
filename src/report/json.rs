//! `report.json`: the machine-readable contract. The [`ReportData`] as it is
//! (its field names are the contract), under a `format` name and a
//! `format_version` that changes whenever a field is renamed or removed.
//!
//! Top-level keys: `format`, `format_version`, `lang`, `summary`, `events[]`
//! (`id, channel, direction, at, from, to, category, confidence, campaign,
//! suspected_source, source_file, source_line, source_offset, message_id,
//! raw_sha256`, …), `campaigns[]` (`id, category, senders, first_seen,
//! last_seen, event_count, suspected_sources: [{source, score, reasons}]`
//! best first), `sources[]` (each disclosure with `campaigns` and
//! `event_count`), `contacts[]`, `weeks[]`, `markers[]`, `life_events[]`,
//! `inputs[]` (chain of custody) and `provenance`.

use serde::Serialize;

use super::data::ReportData;

/// The `format` value of every report.json.
pub const FORMAT: &str = "leaktrace-report";
/// The contract's version.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    #[serde(flatten)]
    data: &'a ReportData,
}

/// Writes `report.json` for `data` (pretty-printed, UTF-8, ending in a newline).
pub fn write(data: &ReportData, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let doc = Document { format: FORMAT, format_version: FORMAT_VERSION, data };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::Lang;
    use crate::report::testdata::{hostile, sample};
    use serde_json::Value;

    fn parsed(data: &ReportData) -> Value {
        let mut buf = Vec::new();
        write(data, &mut buf).unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    fn has_keys(v: &Value, keys: &[&str]) {
        let obj = v.as_object().unwrap_or_else(|| panic!("not an object: {v}"));
        for k in keys {
            assert!(obj.contains_key(*k), "missing {k} in {v}");
        }
    }

    #[test]
    fn has_the_contract_fields() {
        let v = parsed(&sample(Lang::En));
        has_keys(
            &v,
            &[
                "format",
                "format_version",
                "lang",
                "summary",
                "events",
                "campaigns",
                "sources",
                "contacts",
                "inputs",
                "provenance",
                "life_events",
            ],
        );
        assert_eq!(v["format"], FORMAT);
        let e = &v["events"][0];
        has_keys(
            e,
            &[
                "id",
                "channel",
                "direction",
                "at",
                "from",
                "to",
                "category",
                "confidence",
                "campaign",
                "suspected_source",
                "source_file",
                "source_line",
                "source_offset",
                "message_id",
                "raw_sha256",
            ],
        );
        assert_eq!(e["at"], "2024-03-11T02:00:00Z");
        assert_eq!(e["category"], "property");
        assert_eq!(e["direction"], "incoming");
        let c = &v["campaigns"][0];
        has_keys(
            c,
            &[
                "id",
                "category",
                "senders",
                "first_seen",
                "last_seen",
                "event_count",
                "suspected_sources",
            ],
        );
        let suspects = c["suspected_sources"].as_array().unwrap();
        has_keys(&suspects[0], &["source", "score", "reasons"]);
        assert!(suspects[1]["source"].is_null(), "unknown is null");
        let scores: Vec<f64> = suspects.iter().map(|s| s["score"].as_f64().unwrap()).collect();
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
        has_keys(&v["sources"][1], &["source", "date", "campaigns", "event_count"]);
        has_keys(
            &v["inputs"][0],
            &["path", "size", "sha256", "seen", "produced", "merged", "skipped", "skips"],
        );
        has_keys(&v["provenance"], &["tool_version", "model", "timezone", "generated_at"]);
        has_keys(&v["summary"], &["events", "contacts", "leak_driven_contacts", "top_sources"]);
    }

    #[test]
    fn hostile_text_round_trips_unchanged() {
        let mut d = sample(Lang::Zh);
        hostile(&mut d);
        let v = parsed(&d);
        assert_eq!(v["events"][0]["excerpt"].as_str(), Some(d.events[0].excerpt.as_str()));
        d.events[0].confidence = f64::NAN;
        assert!(parsed(&d)["events"][0]["confidence"].is_null());
    }
}
