//! Fuzzes the MIME / e-mail decoding (`leaktrace::ingest::mail::parse_message`).
#![no_main]

use leaktrace::error::Position;
use leaktrace::ingest::{IngestOptions, mail};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions {
        own_identities: vec!["+8613800138000".into(), "me@example.com".into()],
        ..IngestOptions::default()
    };
    if let Ok(ev) = mail::parse_message(data, "fuzz.eml", Position::offset(0), &opts) {
        // The caps the module promises.
        assert!(ev.text.chars().count() <= mail::MAX_TEXT_CHARS);
        assert!(ev.attachments.len() <= mail::MAX_ATTACHMENTS);
    }
    // The HTML-to-text step on its own, on anything that is text.
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = mail::html_to_text(s);
    }
});
