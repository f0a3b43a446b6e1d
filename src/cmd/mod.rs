//! One file per subcommand: each opens its files, runs the stages in order
//! and writes its outputs. Shared plumbing (model loading, labelled data,
//! outputs, warnings) lives here and in [`inputs`] and [`labelled`].

pub mod canary;
pub mod classify;
pub mod eval;
pub mod ingest;
pub mod inputs;
pub mod labelled;
pub mod report;
pub mod train;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Model;

/// Loads the model at `path`, or the built-in default model.
pub fn load_model(path: Option<&Path>) -> Result<Model> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).map_err(|e| Error::io(p, e))?;
            Model::from_bytes(&bytes, &p.to_string_lossy())
        }
        None => crate::model::default_model(),
    }
}

/// Standard output, or a file (created or truncated) — never one of the inputs.
pub fn open_output(path: Option<&PathBuf>, inputs: &[PathBuf]) -> Result<Box<dyn Write>> {
    match path {
        None => Ok(Box::new(BufWriter::new(std::io::stdout().lock()))),
        Some(p) => {
            refuse_overwriting_input(p, inputs)?;
            let f = std::fs::File::create(p).map_err(|e| Error::io(p, e))?;
            Ok(Box::new(BufWriter::new(f)))
        }
    }
}

/// An output that is one of the inputs is a usage error: inputs are evidence.
pub fn refuse_overwriting_input(out: &Path, inputs: &[PathBuf]) -> Result<()> {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    if let Some(o) = canon(out) {
        for i in inputs {
            if let Some(ci) = canon(i)
                && (o == ci || o.starts_with(&ci) && ci.is_file())
            {
                return Err(Error::Usage(format!(
                    "refusing to write {}: it is one of the inputs",
                    out.display()
                )));
            }
        }
    }
    Ok(())
}

/// A warning on standard error.
pub fn warn(msg: &str) {
    eprintln!("warning: {}", printable(msg));
}

/// `s` with control characters written as escapes (`\u{1b}`): warnings and
/// errors quote hostile input, which must not send escape sequences to the
/// person's terminal (to hide or fake what leaktrace says).
pub fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
        .collect()
}

/// Maps a write error to [`Error::Io`] on `what`.
pub fn write_err(what: &str) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::io(what, e)
}

/// Prints the per-input counts to standard error.
pub fn print_summaries(summaries: &[inputs::InputSummary]) {
    let mut total = (0, 0, 0, 0);
    for s in summaries {
        total.0 += s.seen;
        total.1 += s.produced;
        total.2 += s.merged;
        total.3 += s.skipped;
    }
    if summaries.len() <= 20 {
        for s in summaries {
            eprintln!(
                "{}: {} seen, {} events, {} duplicates merged, {} skipped{}",
                s.path,
                s.seen,
                s.produced,
                s.merged,
                s.skipped,
                s.error.as_ref().map(|e| format!(" — error: {}", printable(e))).unwrap_or_default()
            );
        }
    }
    let errors = summaries.iter().filter(|s| s.error.is_some()).count();
    eprintln!(
        "total: {} inputs, {} records seen, {} events, {} duplicates merged, {} skipped, {} inputs unreadable",
        summaries.len(),
        total.0,
        total.1,
        total.2,
        total.3,
        errors
    );
}

/// Exit code 1 when any input had errors, else 0.
pub fn exit_code(summaries: &[inputs::InputSummary]) -> i32 {
    i32::from(summaries.iter().any(inputs::InputSummary::had_errors))
}
