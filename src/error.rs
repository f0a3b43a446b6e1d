//! The one error type of leaktrace, and the position types that say where in
//! an input a problem was found.
//!
//! Errors that stop a whole input (cannot open it, cannot tell its format) are
//! [`Error`]; problems with one record inside an input are [`RecordError`] and
//! never stop the run: the record is counted as skipped, with its reason.

use std::fmt;
use std::path::PathBuf;

/// Where in an input a record starts: a 1-based line (CSV, XML) or a byte
/// offset (mbox), or neither for single-message files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Position {
    /// 1-based line number of the record's start, for line-oriented formats.
    pub line: Option<u64>,
    /// Byte offset of the record's start, for mbox.
    pub offset: Option<u64>,
}

impl Position {
    /// A position given by a 1-based line number.
    pub fn line(line: u64) -> Self {
        Position { line: Some(line), offset: None }
    }

    /// A position given by a byte offset.
    pub fn offset(offset: u64) -> Self {
        Position { line: None, offset: Some(offset) }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.offset) {
            (Some(l), _) => write!(f, "line {l}"),
            (None, Some(o)) => write!(f, "offset {o}"),
            (None, None) => Ok(()),
        }
    }
}

/// A record that could not become an event. The run goes on without it; the
/// summary counts it with this reason.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RecordError {
    /// The input file (as given on the command line, or inside a folder).
    pub file: String,
    /// Where in the file the record starts.
    pub position: Position,
    /// Why it was skipped, in a few words a person understands.
    pub reason: String,
}

impl RecordError {
    /// A skipped record at `position` of `file`, for `reason`.
    pub fn new(file: &str, position: Position, reason: impl Into<String>) -> Self {
        RecordError { file: file.to_string(), position, reason: reason.into() }
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pos = self.position.to_string();
        if pos.is_empty() {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}:{}: {}", self.file, pos, self.reason)
        }
    }
}

/// Everything that can stop an operation of leaktrace.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// An input is not in a format leaktrace can read, or is broken as a whole.
    #[error("{file}{}: {message}", position_suffix(.position))]
    Input {
        /// The input file.
        file: String,
        /// Where the problem was found, if known.
        position: Position,
        /// What is wrong.
        message: String,
    },
    /// A model file is corrupt, truncated or incompatible, or a model cannot be trained.
    #[error("model {what}: {message}")]
    Model {
        /// The model file or operation.
        what: String,
        /// What is wrong.
        message: String,
    },
    /// The command line or the configuration it names is wrong.
    #[error("{0}")]
    Usage(String),
}

fn position_suffix(p: &Position) -> String {
    let s = p.to_string();
    if s.is_empty() { s } else { format!(":{s}") }
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// A whole-input error at `position` of `file`.
    pub fn input(file: &str, position: Position, message: impl Into<String>) -> Self {
        Error::Input { file: file.to_string(), position, message: message.into() }
    }
}

/// The result type of leaktrace's fallible operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_error_names_file_and_line() {
        let e = RecordError::new("calls.csv", Position::line(7), "bad date");
        assert_eq!(e.to_string(), "calls.csv:line 7: bad date");
        let e = RecordError::new("a.mbox", Position::offset(1024), "too big");
        assert_eq!(e.to_string(), "a.mbox:offset 1024: too big");
    }

    #[test]
    fn input_error_names_position() {
        let e = Error::input("x.toml", Position::line(3), "missing source");
        assert_eq!(e.to_string(), "x.toml:line 3: missing source");
    }
}
