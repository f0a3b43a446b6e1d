//! Format detection stub (to be written).
use super::Format;

/// Guesses the format of an input from its name and first bytes.
pub fn detect(_name: &str, _head: &[u8]) -> Option<Format> {
    None
}
