//! Fuzzes the disclosures parsers (`Disclosures::from_toml_str` and
//! `from_csv_str`) and the canary entry they write back.
#![no_main]

use leaktrace::attribute::Disclosures;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for parsed in [
        Disclosures::from_toml_str(&text, "fuzz.toml"),
        Disclosures::from_csv_str(&text, "fuzz.csv"),
    ] {
        match parsed {
            Ok(d) => {
                for x in &d.disclosures {
                    let _ = x.at();
                    let _ = x.to_toml_entry();
                }
            }
            // An error always names the file.
            Err(e) => assert!(e.to_string().contains("fuzz."), "{e}"),
        }
    }
});
