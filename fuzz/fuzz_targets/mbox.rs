//! Fuzzes the mbox splitter (`leaktrace::ingest::mbox::read_stream`), fed in
//! small pieces as well as whole, which must split the mailbox alike.
#![no_main]

use std::io::BufReader;

use leaktrace::ingest::{IngestOptions, mbox};
use libfuzzer_sys::fuzz_target;

fn offsets(data: &[u8], capacity: usize) -> Vec<Option<u64>> {
    let opts = IngestOptions::default();
    let mut out = Vec::new();
    let reader = BufReader::with_capacity(capacity, data);
    let r = mbox::read_stream(reader, "fuzz.mbox", &opts, &mut |r| {
        out.push(match r {
            Ok(e) => e.source_offset,
            Err(e) => e.position.offset,
        })
    });
    assert!(r.is_ok(), "reading from memory cannot fail");
    out
}

fuzz_target!(|data: &[u8]| {
    let whole = offsets(data, data.len().max(1));
    // Buffer boundaries in the middle of lines and CRLFs must not change the split.
    let pieces = offsets(data, 7);
    assert_eq!(whole, pieces);
});
