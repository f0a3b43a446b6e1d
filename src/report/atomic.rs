//! Atomic file output: write to a temporary file beside the target, sync,
//! then rename, so an interrupted run never leaves a half-written file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// The temporary name used while `target` is being written.
pub fn temp_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    target.with_file_name(format!(".{name}.leaktrace-tmp-{}", std::process::id()))
}

/// Writes `bytes` to `target` atomically.
pub fn write_file(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    remove_stale_temps(target);
    let tmp = temp_path(target);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files of `target` that an interrupted run left
/// behind: a run stopped by Ctrl-C (SIGINT) or killed while writing cannot
/// clean up, so the next run does. Only files of processes that no longer
/// run are removed (on systems without `/proc`, all but our own).
fn remove_stale_temps(target: &Path) {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.leaktrace-tmp-");
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let ours = pid == std::process::id().to_string();
        let running = pid.parse::<u32>().is_ok() && Path::new("/proc").join(pid).exists();
        if !ours && !running {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_file(&p, b"one").unwrap();
        write_file(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temp_files_of_an_interrupted_run_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("report.html");
        // PIDs are below 2^22 on Linux: this one cannot be running.
        let stale = dir.path().join(".report.html.leaktrace-tmp-99999999");
        let other = dir.path().join(".other.leaktrace-tmp-99999999");
        std::fs::write(&stale, b"half").unwrap();
        std::fs::write(&other, b"not ours to judge").unwrap();
        write_file(&p, b"done").unwrap();
        assert!(!stale.exists());
        assert!(other.exists());
        assert_eq!(std::fs::read(&p).unwrap(), b"done");
    }

    #[test]
    fn failure_leaves_target_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("no/such/dir/a.txt");
        assert!(write_file(&missing, b"x").is_err());
    }
}
