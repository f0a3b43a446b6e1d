//! Phone number normalisation stub (to be written).

/// Normalises a phone number to E.164 in `region`, keeping short codes as written.
pub fn normalize(raw: &str, _region: &str) -> String {
    raw.trim().to_string()
}
