//! The suspected-source report: one writer per output over `impl Write`
//! (HTML, Markdown, JSON, evidence CSV, 12321 CSV), in Chinese or English.

pub mod atomic;
