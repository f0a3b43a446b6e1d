//! Date parsing stub (to be written).
use chrono::{DateTime, Utc};

/// Parses a date/time as call logs and SMS exports write it; naive times are in `tz`.
pub fn parse(_raw: &str, _tz: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    None
}
