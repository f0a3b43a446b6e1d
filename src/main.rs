//! The `leaktrace` binary: parse the command line, run, print the error chain, exit.

use std::process::ExitCode;

/// mimalloc: ingest allocates a few dozen small strings per message on every
/// core; glibc's allocator spent about a sixth of the ingest time there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match leaktrace::cli::run() {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        // A closed pipe (`leaktrace ingest … | head`) is a normal way to stop reading.
        Err(leaktrace::Error::Io { source, .. })
            if source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("leaktrace: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                eprintln!("  caused by: {s}");
                source = s.source();
            }
            ExitCode::from(2)
        }
    }
}
