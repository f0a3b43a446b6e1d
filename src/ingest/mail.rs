//! E-mail decoding stub (to be written).
use super::{IngestOptions, RecordResult};
use crate::error::{Position, RecordError};

/// Parses one RFC 822 message into an event.
pub fn parse_message(_raw: &[u8], file: &str, pos: Position, _opts: &IngestOptions) -> RecordResult {
    Err(RecordError::new(file, pos, "not implemented"))
}
