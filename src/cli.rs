//! The command line: clap's derive types, and the one place that turns flags
//! into the plain configuration the commands take. The only module that
//! knows clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::cmd;
use crate::error::{Error, Result};
use crate::ingest::{Format, IngestOptions};

/// Find out who leaked your phone number or e-mail address.
#[derive(Debug, Parser)]
#[command(name = "leaktrace", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read exports (call-log CSV, SMS XML, mbox, Maildir, .eml) into normalised events (JSONL).
    Ingest(IngestArgs),
    /// Classify every event (and contact) into a category.
    Classify(ClassifyArgs),
    /// Train a model on labelled data.
    Train(TrainArgs),
    /// Evaluate a model: cross-validation, or a held-out test of a given model.
    Eval(EvalArgs),
    /// Write the suspected-source report (HTML, Markdown, JSON, evidence CSV).
    Report(ReportArgs),
    /// Propose identifiers unique to a future disclosure, and record them.
    Canary(CanaryArgs),
}

/// How inputs are read; shared by every command that reads exports.
#[derive(Debug, Args)]
struct InputArgs {
    /// Read every input as this format instead of detecting it
    /// (calllog, smsxml, mbox, eml, jsonl).
    #[arg(long = "input-format", value_name = "FORMAT")]
    input_format: Option<Format>,
    /// The time zone naive local times are read in (an IANA name) [default:
    /// Asia/Shanghai, or that of your own numbers' country in `report`].
    #[arg(long, value_name = "TZ")]
    timezone: Option<String>,
    /// The region national phone numbers belong to (ISO code: CN, US, GB, …)
    /// [default: CN, or your own numbers' country in `report`].
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    /// Map a call-log column to a field, e.g. `number=Caller ID` (repeatable).
    #[arg(long = "columns", value_name = "FIELD=HEADER")]
    columns: Vec<String>,
}

#[derive(Debug, Args)]
struct IngestArgs {
    /// Files or folders to read; `-` reads standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Where to write the events (JSON lines); standard output if omitted.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The same as `--input-format` (ingest writes one output format only).
    #[arg(long, value_name = "FORMAT", conflicts_with = "input_format")]
    format: Option<Format>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct ClassifyArgs {
    /// Files or folders to read; `-` reads standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The model file; the built-in default model if omitted.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Output format.
    #[arg(long, default_value = "csv", value_parser = ["csv", "jsonl"])]
    format: String,
    /// Add the tokens that pushed hardest for and against each answer.
    #[arg(long)]
    explain: bool,
    /// Write one row per contact (sender) instead of one per event.
    #[arg(long)]
    contacts: bool,
    /// Where to write; standard output if omitted.
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct TrainArgs {
    /// Labelled data: a CSV with `label,text` (and optional `channel,subject,sender`),
    /// or `LABEL=PATH` for a mailbox, folder or export labelled wholesale.
    #[arg(required = true)]
    data: Vec<String>,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
    /// Continue training this model with the new data.
    #[arg(long)]
    from_model: Option<PathBuf>,
    /// Additive smoothing.
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// Drop tokens seen fewer times than this in all the data.
    #[arg(long, default_value_t = 2)]
    min_count: u32,
    /// Keep at most this many tokens (the most frequent).
    #[arg(long, default_value_t = 200_000)]
    max_features: usize,
    /// Class priors: uniform, or empirical (from the training mix).
    #[arg(long, default_value = "uniform", value_parser = ["uniform", "empirical"])]
    prior: String,
    /// Documents longer than this many tokens count as this long; `0` counts every token.
    #[arg(long, default_value_t = 64)]
    length_norm: u32,
    /// Read runs of Chinese characters as n-grams up to this order (2: characters and
    /// pairs; 3: also triples).
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(2..=3))]
    cjk_ngram: u8,
    /// Choose alpha, prior and length normalisation by 3-fold cross-validation on the data
    /// (overrides those three flags).
    #[arg(long)]
    tune: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Labelled data, as for `train`.
    #[arg(required = true)]
    data: Vec<String>,
    /// Test this model on the data instead of cross-validating.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Folds of cross-validation.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    /// Seed of the fold assignment.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Additive smoothing (cross-validation).
    #[arg(long, default_value_t = 0.05)]
    alpha: f64,
    /// Class priors (cross-validation).
    #[arg(long, default_value = "uniform", value_parser = ["uniform", "empirical"])]
    prior: String,
    /// Print JSON instead of tables.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct ReportArgs {
    /// Files or folders to read (a disclosures file among them is recognised and used).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The disclosures file (TOML or CSV): who got which of your details, and when.
    #[arg(long)]
    disclosures: Option<PathBuf>,
    /// Report language; by default that of the disclosures file, else of most messages.
    #[arg(long, value_parser = ["zh", "en"])]
    lang: Option<String>,
    /// The model file; the built-in default model if omitted.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Mask your own numbers and addresses everywhere, for sharing.
    #[arg(long)]
    redact: bool,
    /// The folder to write the report into (created if needed).
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(Debug, Args)]
struct CanaryArgs {
    /// Who you are about to give your details to.
    source: String,
    /// When (YYYY-MM-DD); today if omitted.
    #[arg(long)]
    date: Option<String>,
    /// What the dealing is about (a category id, e.g. property).
    #[arg(long)]
    kind: Option<String>,
    /// The disclosures file to check against and append to.
    #[arg(long, default_value = "disclosures.toml")]
    disclosures: PathBuf,
    /// Print the entry without appending it.
    #[arg(long)]
    dry_run: bool,
}

impl InputArgs {
    fn to_options(&self) -> Result<IngestOptions> {
        let tz_name = self.timezone.as_deref().unwrap_or("Asia/Shanghai");
        let timezone: chrono_tz::Tz = tz_name.parse().map_err(|_| {
            Error::Usage(format!(
                "unknown time zone '{tz_name}' (use an IANA name such as Asia/Shanghai)"
            ))
        })?;
        let columns = self
            .columns
            .iter()
            .map(|c| {
                c.split_once('=')
                    .map(|(f, h)| (f.trim().to_string(), h.trim().to_string()))
                    .ok_or_else(|| Error::Usage(format!("--columns '{c}': expected FIELD=HEADER")))
            })
            .collect::<Result<Vec<_>>>()?;
        let opts = IngestOptions {
            default_region: self.region.as_deref().unwrap_or("CN").to_uppercase(),
            timezone,
            format: self.input_format,
            columns,
            own_identities: Vec::new(),
        };
        // A wrong field name is a usage error (exit 2), not a bad input.
        crate::ingest::calllog::check_columns(&opts)?;
        Ok(opts)
    }
}

/// Parses the command line and runs the command. Returns the process exit
/// code: 0 success, 1 some inputs had errors (outputs still written).
pub fn run() -> Result<i32> {
    let cli = Cli::parse();
    match cli.command {
        Command::Ingest(a) => cmd::ingest::run(&cmd::ingest::Config {
            inputs: a.inputs,
            output: a.output,
            ingest: IngestOptions {
                format: a.input.input_format.or(a.format),
                ..a.input.to_options()?
            },
        }),
        Command::Classify(a) => cmd::classify::run(&cmd::classify::Config {
            inputs: a.inputs,
            model: a.model,
            jsonl: a.format == "jsonl",
            explain: a.explain,
            contacts: a.contacts,
            output: a.output,
            ingest: a.input.to_options()?,
        }),
        Command::Train(a) => cmd::train::run(&cmd::train::Config {
            data: a.data,
            output: a.output,
            from_model: a.from_model,
            training: crate::model::TrainingConfig {
                alpha: a.alpha,
                min_count: a.min_count,
                max_features: a.max_features,
                prior: prior(&a.prior),
                length_norm: (a.length_norm > 0).then_some(a.length_norm),
                features: crate::features::meta::FeatureOptions {
                    cjk_ngram: a.cjk_ngram,
                    ..Default::default()
                },
                ..Default::default()
            },
            tune: a.tune,
            ingest: a.input.to_options()?,
        }),
        Command::Eval(a) => cmd::eval::run(&cmd::eval::Config {
            data: a.data,
            model: a.model,
            folds: a.folds,
            seed: a.seed,
            json: a.json,
            training: crate::model::TrainingConfig {
                alpha: a.alpha,
                prior: prior(&a.prior),
                ..Default::default()
            },
            ingest: a.input.to_options()?,
        }),
        Command::Report(a) => cmd::report::run(&cmd::report::Config {
            inputs: a.inputs,
            disclosures: a.disclosures,
            lang: a.lang,
            model: a.model,
            redact: a.redact,
            output: a.output,
            infer_region: a.input.region.is_none(),
            infer_timezone: a.input.timezone.is_none(),
            ingest: a.input.to_options()?,
        }),
        Command::Canary(a) => cmd::canary::run(&cmd::canary::Config {
            source: a.source,
            date: a.date,
            kind: a.kind,
            disclosures: a.disclosures,
            dry_run: a.dry_run,
        }),
    }
}

fn prior(s: &str) -> crate::model::Prior {
    if s == "empirical" { crate::model::Prior::Empirical } else { crate::model::Prior::Uniform }
}
