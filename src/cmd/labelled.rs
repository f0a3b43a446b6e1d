//! Labelled data for `train` and `eval`: CSV (`label,text` and optional
//! `channel,subject,sender`), TSV without a header (`label TAB text`, the
//! format of the benchmark splits), `LABEL=PATH` for a mailbox, folder or
//! export labelled wholesale, and folders of classifier fixtures (an
//! `expect CATEGORY` line, header lines, a blank line, the message).

use std::path::{Path, PathBuf};

use super::inputs::read_inputs;
use super::warn;
use crate::category::Category;
use crate::error::{Error, Position, Result};
use crate::event::{Channel, Event};
use crate::ingest::IngestOptions;
use crate::normalize::encoding::decode_guess;

/// One data argument's documents.
#[derive(Debug)]
pub struct LabelledSet {
    /// The argument as given.
    pub name: String,
    /// Each document with its label.
    pub docs: Vec<(Category, Event)>,
    /// Rows that could not be used, with reasons (also printed as warnings).
    pub skipped: u64,
    /// How much each document counts in training (`PATH@WEIGHT`; default 1).
    pub weight: f64,
}

/// Reads every data argument.
pub fn load(args: &[String], opts: &IngestOptions) -> Result<Vec<LabelledSet>> {
    args.iter().map(|a| load_one(a, opts)).collect()
}

fn load_one(arg: &str, opts: &IngestOptions) -> Result<LabelledSet> {
    // `PATH@0.3`: a weight for every document of that argument.
    if let Some((path, w)) = arg.rsplit_once('@')
        && let Ok(weight) = w.parse::<f64>()
        && !Path::new(arg).exists()
    {
        if !(weight.is_finite() && weight > 0.0) {
            return Err(Error::Usage(format!("{arg}: the weight must be a positive number")));
        }
        let mut set = load_one(path, opts)?;
        set.weight = weight;
        set.name = arg.to_string();
        return Ok(set);
    }
    if let Some((label, path)) = arg.split_once('=')
        && let Ok(category) = label.parse::<Category>()
    {
        let path = PathBuf::from(path);
        if !path.exists() {
            return Err(Error::Usage(format!("{arg}: {} does not exist", path.display())));
        }
        let mut docs = Vec::new();
        let summaries =
            read_inputs(&[path], opts, &mut |e| docs.push((category, e)), &mut |w| warn(w));
        let skipped = summaries.iter().map(|s| s.skipped + u64::from(s.error.is_some())).sum();
        return Ok(LabelledSet { name: arg.to_string(), docs, skipped, weight: 1.0 });
    }
    let path = Path::new(arg);
    if path.is_dir() {
        return load_fixtures(path);
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = decode_guess(&bytes);
    let is_tsv = path.extension().is_some_and(|e| e == "tsv");
    if is_tsv { load_tsv(arg, &text) } else { load_csv(arg, &text) }
}

fn channel(s: &str) -> Option<Channel> {
    match s.trim().to_ascii_lowercase().as_str() {
        "sms" | "mms" | "text" => Some(Channel::Sms),
        "email" | "mail" | "e-mail" => Some(Channel::Email),
        "call" | "phone" | "voicemail" => Some(Channel::Call),
        _ => None,
    }
}

fn doc(channel_: Option<Channel>, text: &str, subject: &str, sender: &str) -> Event {
    let sender = sender.trim();
    let is_mail = sender.contains('@');
    Event {
        channel: channel_,
        text: text.to_string(),
        subject: (!subject.trim().is_empty()).then(|| subject.to_string()),
        from: sender.to_lowercase(),
        sender_domain: is_mail.then(|| sender.rsplit('@').next().unwrap_or("").to_lowercase()),
        ..Default::default()
    }
}

fn load_tsv(name: &str, text: &str) -> Result<LabelledSet> {
    let mut set = LabelledSet { name: name.to_string(), docs: Vec::new(), skipped: 0, weight: 1.0 };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (label, body) = line.split_once('\t').unwrap_or((line, ""));
        match label.parse::<Category>() {
            Ok(c) => set.docs.push((c, doc(None, body, "", ""))),
            Err(e) => {
                warn(&format!("{name}:line {}: {e}", i + 1));
                set.skipped += 1;
            }
        }
    }
    Ok(set)
}

fn load_csv(name: &str, text: &str) -> Result<LabelledSet> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| Error::input(name, Position::line(1), format!("unreadable CSV header: {e}")))?
        .clone();
    let col = |n: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(n));
    let (Some(li), Some(ti)) = (col("label"), col("text")) else {
        return Err(Error::input(
            name,
            Position::line(1),
            "expected a header with `label` and `text` columns",
        ));
    };
    let (ci, si, fi) = (col("channel"), col("subject"), col("sender"));
    let mut set = LabelledSet { name: name.to_string(), docs: Vec::new(), skipped: 0, weight: 1.0 };
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                warn(&format!("{name}:line {line}: {e}"));
                set.skipped += 1;
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
        match get(Some(li)).parse::<Category>() {
            Ok(c) => {
                let e = doc(channel(get(ci)), get(Some(ti)), get(si), get(fi));
                set.docs.push((c, e));
            }
            Err(e) => {
                warn(&format!("{name}:line {line}: {e}"));
                set.skipped += 1;
            }
        }
    }
    Ok(set)
}

/// Reads one classifier fixture: `expect CATEGORY`, `key value` header
/// lines (`channel`, `from`, `subject`, `tag`), a blank line, the message.
pub fn parse_fixture(text: &str) -> std::result::Result<(Category, Event), String> {
    let (head, body) = text.split_once("\n\n").unwrap_or((text, ""));
    let mut expect = None;
    let mut e = Event::default();
    for line in head.lines() {
        let (k, v) = line.split_once(' ').unwrap_or((line, ""));
        match k {
            "expect" => expect = Some(v.parse::<Category>()?),
            "channel" => e.channel = channel(v),
            "from" => {
                e.from = v.trim().to_lowercase();
                if v.contains('@') {
                    e.sender_domain = v.rsplit('@').next().map(|d| d.trim().to_lowercase());
                }
            }
            "subject" => e.subject = Some(v.to_string()),
            "tag" => e.tag = Some(v.to_string()),
            _ => return Err(format!("unknown header line '{line}'")),
        }
    }
    e.text = body.trim().to_string();
    Ok((expect.ok_or("no `expect CATEGORY` line")?, e))
}

fn load_fixtures(dir: &Path) -> Result<LabelledSet> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut set = LabelledSet {
        name: dir.to_string_lossy().into_owned(),
        docs: Vec::new(),
        skipped: 0,
        weight: 1.0,
    };
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| Error::io(&f, e))?;
        match parse_fixture(&text) {
            Ok(mut d) => {
                d.1.source_file = f.to_string_lossy().into_owned();
                set.docs.push(d);
            }
            Err(e) => {
                warn(&format!("{}: {e}", f.display()));
                set.skipped += 1;
            }
        }
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixture_format() {
        let (c, e) =
            parse_fixture("expect property\nchannel sms\nfrom 10690001\n\n【某地产】新盘\n")
                .unwrap();
        assert_eq!(c, Category::Property);
        assert_eq!(e.channel, Some(Channel::Sms));
        assert_eq!(e.text, "【某地产】新盘");
        assert!(parse_fixture("expect nothing\n\nx").is_err());
        assert!(parse_fixture("channel sms\n\nx").is_err());
    }

    #[test]
    fn csv_with_optional_columns_and_bad_labels() {
        let s = load_csv("t.csv", "label,channel,text,subject,sender\nretail,email,Big sale,Sale!,news@shop.example\nweird,sms,x,,\nlegit,sms,hi mum,,\n").unwrap();
        assert_eq!(s.docs.len(), 2);
        assert_eq!(s.skipped, 1);
        assert_eq!(s.docs[0].1.sender_domain.as_deref(), Some("shop.example"));
        assert!(load_csv("t.csv", "a,b\n1,2\n").is_err());
    }

    #[test]
    fn tsv_without_header() {
        let s = load_tsv("t.tsv", "spam\tWIN a prize\nham\tsee you\n\nbad\tx\n").unwrap();
        assert_eq!(s.docs.len(), 2);
        assert_eq!(s.docs[0].0, Category::Fraud);
        assert_eq!(s.skipped, 1);
    }
}
