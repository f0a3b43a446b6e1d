//! Fuzzes the call-log CSV reader (`leaktrace::ingest::calllog::read`):
//! any bytes, any encoding, must give events or skip reasons, never a panic.
#![no_main]

use leaktrace::ingest::{IngestOptions, calllog};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions::default();
    let mut n = 0usize;
    let _ = calllog::read(data, "fuzz.csv", &opts, &mut |r| {
        // Every skip must name the file and a line.
        if let Err(e) = r {
            assert_eq!(e.file, "fuzz.csv");
            assert!(e.position.line.is_some());
        }
        n += 1;
    });
    // One record per row at most: a row spans at least one byte.
    assert!(n <= data.len());
});
