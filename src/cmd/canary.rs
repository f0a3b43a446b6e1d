//! `leaktrace canary`: propose identifiers unique to one future disclosure
//! (an e-mail alias, a name spelling), check they collide with no earlier
//! one, and append the entry to the disclosures file.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::attribute::Disclosures;
use crate::attribute::canary::{append_entry, propose};
use crate::category::Category;
use crate::error::{Error, Result};
use crate::report::atomic;

/// What `canary` needs.
#[derive(Debug)]
pub struct Config {
    /// Who is about to get the details.
    pub source: String,
    /// When (YYYY-MM-DD); today when `None`.
    pub date: Option<String>,
    /// What the dealing is about (a category id).
    pub kind: Option<String>,
    /// The disclosures file to check against and append to (TOML).
    pub disclosures: PathBuf,
    /// Print the entry without appending it.
    pub dry_run: bool,
}

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    if cfg.source.trim().is_empty() {
        return Err(Error::Usage("canary: the source must not be empty".into()));
    }
    let date = match &cfg.date {
        Some(d) => NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
            .map_err(|_| Error::Usage(format!("--date '{d}': expected YYYY-MM-DD")))?,
        None => chrono::Local::now().date_naive(),
    };
    let kind = cfg.kind.as_deref().map(str::parse::<Category>).transpose().map_err(Error::Usage)?;
    let path = &cfg.disclosures;
    let existing = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(Error::io(path, e)),
    };
    if path.extension().is_some_and(|e| e == "csv") {
        return Err(Error::Usage(
            "canary appends to a TOML disclosures file; convert the CSV or name a .toml file"
                .into(),
        ));
    }
    let disclosures = Disclosures::from_toml_str(&existing, &path.to_string_lossy())?;
    // The seed only picks among equally good variants; the source name makes
    // it stable, so asking twice proposes the same canary.
    let seed = crate::event::sha256_hex(cfg.source.as_bytes())
        .get(..16)
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .unwrap_or(0);
    let canary = propose(&cfg.source, date, kind, &disclosures, seed);
    if let Some(a) = &canary.email_alias {
        println!("give {} this e-mail address: {a}", cfg.source);
    }
    if let Some(n) = &canary.name_variant {
        println!("give {} this spelling of your name: {n}", cfg.source);
    }
    for note in &canary.notes {
        eprintln!("note: {note}");
    }
    if canary.email_alias.is_none() && canary.name_variant.is_none() {
        return Err(Error::Usage(
            "no canary could be made: add your name and an e-mail address to [me] in the disclosures file"
                .into(),
        ));
    }
    println!("\n{}", canary.toml_entry.trim_end());
    if cfg.dry_run {
        return Ok(0);
    }
    let updated = append_entry(&existing, &canary.toml_entry);
    // The updated file must still parse before it replaces the old one.
    Disclosures::from_toml_str(&updated, &path.to_string_lossy())?;
    atomic::write_file(path, updated.as_bytes()).map_err(|e| Error::io(path, e))?;
    eprintln!("appended to {}", path.display());
    Ok(0)
}
