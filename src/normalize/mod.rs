//! Normalisation shared by every stage: phone numbers, e-mail addresses,
//! dates and text encodings.

pub mod address;
pub mod area_zone;
pub mod datetime;
pub mod encoding;
pub mod phone;
