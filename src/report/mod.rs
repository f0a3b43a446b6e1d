//! The suspected-source report: one writer per output over `impl Write`
//! (HTML, Markdown, JSON, evidence CSV, 12321 CSV), in Chinese or English.
//!
//! The writers render a [`data::ReportData`] that the `report` command has
//! already filled (and, when asked, passed through [`redact::redact`]).
//! HTML and Markdown share one content model ([`content`]) so they always say
//! the same thing; [`text`] holds every sentence in both languages.

pub mod atomic;
pub mod chart;
mod content;
pub mod csv;
pub mod data;
mod format;
pub mod html;
pub mod json;
pub mod markdown;
pub mod redact;
pub mod text;

#[cfg(test)]
pub(crate) mod testdata;
