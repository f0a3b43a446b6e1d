//! Text encoding stub (to be written).

/// Decodes bytes of unknown encoding: BOM, then UTF-8, then GB18030.
pub fn decode_guess(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
