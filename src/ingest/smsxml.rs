//! Reader stub (to be written).
use super::{IngestOptions, RecordResult};
use crate::error::Result;

/// Reads one input and hands each record to `sink`.
pub fn read(
    _bytes: &[u8],
    _file: &str,
    _opts: &IngestOptions,
    _sink: &mut dyn FnMut(RecordResult),
) -> Result<()> {
    Ok(())
}
