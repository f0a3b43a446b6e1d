//! Fuzzes the SMS Backup & Restore XML reader (`leaktrace::ingest::smsxml::read`).
#![no_main]

use leaktrace::ingest::{IngestOptions, smsxml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions::default();
    let mut n = 0usize;
    let _ = smsxml::read(data, "fuzz.xml", &opts, &mut |r| {
        if let Err(e) = r {
            assert!(e.position.line.is_some());
        }
        n += 1;
    });
    assert!(n <= data.len() + 1);
});
