//! `leaktrace report`: the whole pipeline — read every input, classify
//! events and contacts, group campaigns, attribute them to the disclosures —
//! then write report.html, report.md, report.json, evidence.csv and
//! 12321.csv into the output folder, each atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate, Utc};

use super::inputs::read_inputs;
use super::{exit_code, print_summaries, warn};
use crate::attribute::{self, AttributionOptions, Disclosures};
use crate::campaign::{self, CampaignOptions};
use crate::category::Category;
use crate::contact::{self, is_incoming};
use crate::error::{Error, Result};
use crate::event::{Channel, Event};
use crate::features::meta::FeatureOptions;
use crate::ingest::IngestOptions;
use crate::normalize::area_zone::nanp_zone;
use crate::report::data::*;
use crate::report::{atomic, csv as csv_out, html, json, markdown, redact};
use crate::verdict::Verdict;

/// What `report` needs.
#[derive(Debug)]
pub struct Config {
    /// Files and folders to read; a disclosures file among them is used as such.
    pub inputs: Vec<PathBuf>,
    /// The disclosures file.
    pub disclosures: Option<PathBuf>,
    /// Report language (`zh`/`en`); inferred when `None`.
    pub lang: Option<String>,
    /// The model file; the built-in one when `None`.
    pub model: Option<PathBuf>,
    /// Mask the person's own identifiers.
    pub redact: bool,
    /// The output folder.
    pub output: PathBuf,
    /// How to read inputs.
    pub ingest: IngestOptions,
    /// Whether the region was left to its default, so it may be inferred
    /// from the person's own numbers.
    pub infer_region: bool,
    /// Whether the time zone was left to its default, so it may be inferred
    /// from the person's own numbers.
    pub infer_timezone: bool,
}

/// Excerpts are cut to this many characters.
const EXCERPT_CHARS: usize = 160;
/// Sample messages shown per source.
const SAMPLES_PER_SOURCE: usize = 3;

/// Runs the command; returns the exit code.
pub fn run(cfg: &Config) -> Result<i32> {
    let (disclosures_path, inputs) = split_disclosures(cfg);
    let mut disclosures = match &disclosures_path {
        Some(p) => Some(Disclosures::load_in(p, &cfg.ingest.default_region)?),
        None => None,
    };
    let mut ingest = cfg.ingest.clone();
    if let (Some(d), Some(p)) = (&disclosures, &disclosures_path) {
        if let Some((region, tz)) = locale_of(&d.me.phones_as_written) {
            if cfg.infer_timezone {
                ingest.timezone = tz;
            }
            // Numbers written nationally ("07700 900123") only read right in
            // the person's own region, so the file is read again in it.
            if cfg.infer_region && region != cfg.ingest.default_region {
                ingest.default_region = region.to_string();
                disclosures = Some(Disclosures::load_in(p, region)?);
            }
        }
    }
    if let Some(d) = &disclosures {
        ingest.own_identities = own_identities(d);
    }
    let model = super::load_model(cfg.model.as_deref())?;
    std::fs::create_dir_all(&cfg.output).map_err(|e| Error::io(&cfg.output, e))?;
    for i in &inputs {
        super::refuse_overwriting_input(&cfg.output.join("report.html"), std::slice::from_ref(i))?;
    }

    let progress = Progress::new();
    let mut events: Vec<Event> = Vec::new();
    let summaries = read_inputs(
        &inputs,
        &ingest,
        &mut |e| {
            events.push(e);
            progress.tick(events.len());
        },
        &mut |w| warn(w),
    );
    progress.done();
    events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));

    let fopts = FeatureOptions { timezone: ingest.timezone, ..FeatureOptions::default() };
    let cls = contact::classify(&events, &model, &fopts);
    let copts = CampaignOptions { region: ingest.default_region.clone(), ..Default::default() };
    let campaigns = campaign::cluster(&events, &cls.events, &copts);
    let empty = Disclosures { region: ingest.default_region.clone(), ..Default::default() };
    let d = disclosures.as_ref().unwrap_or(&empty);
    let attributions =
        attribute::attribute(&campaigns, &events, &cls.events, d, &AttributionOptions::default());
    let sources_of = attribute::event_sources(events.len(), &campaigns, &attributions);
    let life = attribute::infer_life_events(&campaigns, &events, &cls.events);
    let reported = campaign::inherit_categories(&campaigns, &cls.events);

    let lang = match cfg.lang.as_deref() {
        Some("zh") => Lang::Zh,
        Some("en") => Lang::En,
        _ => infer_lang(disclosures.as_ref(), &events),
    };
    let ctx = Built {
        events: &events,
        verdicts: &reported,
        contacts: &cls.contacts,
        campaigns: &campaigns,
        attributions: &attributions,
        sources_of: &sources_of,
        disclosures: disclosures.as_ref(),
        lang,
        tz: ingest.timezone,
    };
    let mut data = ReportData {
        lang,
        summary: ctx.summary(),
        events: ctx.event_rows(),
        campaigns: ctx.campaign_rows(),
        sources: ctx.source_rows(),
        contacts: ctx.contact_rows(),
        weeks: ctx.weeks(),
        markers: d.disclosures.iter().map(|x| (x.date, x.source.clone())).collect(),
        life_events: life.iter().map(|l| l.text(ctx.clang())).collect(),
        inputs: summaries.clone(),
        provenance: Provenance {
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
            model: model_description(cfg.model.as_deref(), &model),
            timezone: ingest.timezone.name().to_string(),
            generated_at: Utc::now(),
            redacted: cfg.redact,
            disclosures_file: disclosures_path.as_ref().map(|p| p.to_string_lossy().into_owned()),
        },
    };
    if cfg.redact {
        redact::redact(&mut data, &ingest.own_identities);
    }
    write_outputs(&cfg.output, &data)?;
    print_summaries(&summaries);
    eprintln!("wrote {}", cfg.output.join("report.html").display());
    Ok(exit_code(&summaries))
}

/// The disclosures file (given, or found among the inputs by its name), and
/// the remaining inputs.
fn split_disclosures(cfg: &Config) -> (Option<PathBuf>, Vec<PathBuf>) {
    let is_disclosures = |p: &Path| {
        p.extension().is_some_and(|e| e == "toml")
            || p.file_stem().is_some_and(|s| s.to_string_lossy().starts_with("disclosures"))
    };
    let given = cfg.disclosures.clone();
    let mut found = None;
    let mut rest = Vec::new();
    for p in &cfg.inputs {
        let same_as_given = given.as_ref().is_some_and(|g| same_file(g, p));
        if same_as_given || (given.is_none() && found.is_none() && is_disclosures(p)) {
            if !same_as_given {
                found = Some(p.clone());
            }
        } else {
            rest.push(p.clone());
        }
    }
    (given.or(found), rest)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The region and time zone of the person's own numbers, when they are
/// written with a country code or in a national form only one region uses;
/// North American numbers get the zone of their area code.
fn locale_of(phones: &[String]) -> Option<(&'static str, chrono_tz::Tz)> {
    use chrono_tz::*;
    const LOCALES: [(&str, &str, Tz); 11] = [
        ("+86", "CN", Asia::Shanghai),
        ("+852", "HK", Asia::Hong_Kong),
        ("+886", "TW", Asia::Taipei),
        ("+44", "GB", Europe::London),
        ("+1", "US", America::New_York),
        ("+65", "SG", Asia::Singapore),
        ("+61", "AU", Australia::Sydney),
        ("+49", "DE", Europe::Berlin),
        ("+33", "FR", Europe::Paris),
        ("+91", "IN", Asia::Kolkata),
        ("+81", "JP", Asia::Tokyo),
    ];
    // The first number the person lists is their main one: its country and
    // zone are theirs, however it is written.
    phones.iter().find_map(|p| {
        if !p.trim_start().starts_with('+') {
            // A Chinese number written nationally reads as one in CN's plan.
            let cn_national = crate::normalize::phone::normalize(p, "CN").starts_with("+86");
            return national_locale(p)
                .or_else(|| cn_national.then_some(("CN", chrono_tz::Asia::Shanghai)));
        }
        let compact: String = p.chars().filter(|c| *c == '+' || c.is_ascii_digit()).collect();
        LOCALES
            .iter()
            .filter(|(cc, ..)| compact.starts_with(cc))
            .max_by_key(|(cc, ..)| cc.len())
            .map(|(_, region, tz)| match *region {
                "US" => (*region, nanp_zone(&compact).unwrap_or(*tz)),
                _ => (*region, *tz),
            })
    })
}

/// The region of a number written nationally in a form only one region
/// uses: North American `(617) 555-0172` / `617-555-0172`, a UK mobile
/// `07700 900123`. (Chinese national numbers need nothing: CN is the default.)
fn national_locale(raw: &str) -> Option<(&'static str, chrono_tz::Tz)> {
    let t = raw.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let groups: Vec<usize> =
        t.split(|c: char| !c.is_ascii_digit()).filter(|g| !g.is_empty()).map(str::len).collect();
    let nanp = digits.len() == 10 && (groups == [3, 3, 4] || groups == [1, 3, 3, 4]);
    if nanp && !digits.starts_with('0') && !digits.starts_with('1') {
        return Some(("US", nanp_zone(t).unwrap_or(chrono_tz::America::New_York)));
    }
    if digits.len() == 11 && digits.starts_with("07") {
        return Some(("GB", chrono_tz::Europe::London));
    }
    None
}

/// Every number and address the person has, or gave to anyone.
fn own_identities(d: &Disclosures) -> Vec<String> {
    let mut v: Vec<String> = d.me.phones.iter().chain(&d.me.emails).cloned().collect();
    for x in &d.disclosures {
        v.extend(x.phones.iter().chain(&x.emails).cloned());
    }
    v.sort();
    v.dedup();
    v
}

/// Chinese when the disclosures file (else most messages) is written in Chinese.
fn infer_lang(d: Option<&Disclosures>, events: &[Event]) -> Lang {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if let Some(d) = d {
        let texts = d.disclosures.iter().map(|x| x.source.as_str()).chain(d.me.name.as_deref());
        let (zh, all) = texts.fold((0, 0), |(z, a), t| (z + usize::from(cjk(t)), a + 1));
        if all > 0 {
            return if zh * 2 >= all { Lang::Zh } else { Lang::En };
        }
    }
    let texts: Vec<&Event> = events.iter().filter(|e| !e.full_text().trim().is_empty()).collect();
    let zh = texts.iter().filter(|e| cjk(&e.full_text())).count();
    if zh * 2 > texts.len() { Lang::Zh } else { Lang::En }
}

fn model_description(path: Option<&Path>, model: &crate::model::Model) -> String {
    let m = model.meta();
    let name = path.map_or("built-in default".to_string(), |p| p.to_string_lossy().into_owned());
    format!(
        "{name} (format {}, leaktrace {}, {} categories, {} features, sha256 {})",
        m.format_version,
        m.tool_version,
        m.categories.len(),
        model.features(),
        m.body_sha256.get(..16).unwrap_or("")
    )
}

fn write_outputs(dir: &Path, data: &ReportData) -> Result<()> {
    type Writer = fn(&ReportData, &mut dyn std::io::Write) -> std::io::Result<()>;
    let outputs: [(&str, Writer); 5] = [
        ("report.json", json::write),
        ("evidence.csv", csv_out::write_evidence),
        ("12321.csv", csv_out::write_12321),
        ("report.md", markdown::write),
        ("report.html", html::write),
    ];
    for (name, write) in outputs {
        let mut bytes = Vec::new();
        let path = dir.join(name);
        write(data, &mut bytes).map_err(|e| Error::io(&path, e))?;
        atomic::write_file(&path, &bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Everything computed, for building the report's rows.
struct Built<'a> {
    events: &'a [Event],
    verdicts: &'a [Verdict],
    contacts: &'a [contact::Contact],
    campaigns: &'a [campaign::Campaign],
    attributions: &'a [attribute::CampaignAttribution],
    sources_of: &'a [Option<String>],
    disclosures: Option<&'a Disclosures>,
    lang: Lang,
    tz: chrono_tz::Tz,
}

impl Built<'_> {
    fn clang(&self) -> campaign::Lang {
        match self.lang {
            Lang::Zh => campaign::Lang::Zh,
            Lang::En => campaign::Lang::En,
        }
    }

    fn campaign_of(&self) -> Vec<Option<&str>> {
        let mut v = vec![None; self.events.len()];
        for c in self.campaigns {
            for &i in &c.event_idx {
                if let Some(s) = v.get_mut(i) {
                    *s = Some(c.id.as_str());
                }
            }
        }
        v
    }

    fn event_rows(&self) -> Vec<EventRow> {
        let campaign_of = self.campaign_of();
        self.events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let v = self.verdicts[i];
                EventRow {
                    id: e.id.clone(),
                    channel: e.channel.map(|c| c.id()).unwrap_or("").to_string(),
                    direction: e.direction,
                    at: e.at,
                    at_local: e
                        .at
                        .map(|t| t.with_timezone(&self.tz).format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_else(|| e.at_raw.clone()),
                    from: e.from.clone(),
                    to: e.to.clone(),
                    category: v.category,
                    confidence: v.confidence,
                    unsure: v.unsure,
                    campaign: campaign_of[i].map(str::to_string),
                    suspected_source: self.sources_of[i].clone(),
                    excerpt: excerpt(e),
                    call_type: e.call_type.clone(),
                    duration_s: e.duration_s,
                    source_file: e.source_file.clone(),
                    source_line: e.source_line,
                    source_offset: e.source_offset,
                    message_id: e.message_id.clone(),
                    raw_sha256: e.raw_sha256.clone(),
                }
            })
            .collect()
    }

    fn campaign_rows(&self) -> Vec<CampaignRow> {
        let by_id: HashMap<&str, &attribute::CampaignAttribution> =
            self.attributions.iter().map(|a| (a.campaign_id.as_str(), a)).collect();
        let mut rows: Vec<CampaignRow> = self
            .campaigns
            .iter()
            .map(|c| {
                let a = by_id.get(c.id.as_str());
                CampaignRow {
                    id: c.id.clone(),
                    category: c.category,
                    senders: c.senders.clone(),
                    first_seen: c.first_seen,
                    last_seen: c.last_seen,
                    event_count: c.event_idx.len(),
                    grouping: c.links.iter().map(|r| r.text(self.clang())).collect(),
                    suspected_sources: a
                        .map(|a| {
                            a.suspects
                                .iter()
                                .map(|s| SuspectRow {
                                    source: s.source.clone(),
                                    score: s.score,
                                    reasons: s
                                        .reasons
                                        .iter()
                                        .map(|r| r.text(self.clang()))
                                        .collect(),
                                })
                                .collect()
                        })
                        .unwrap_or_default(),
                    attributed_to: a.and_then(|a| a.top.clone()),
                }
            })
            .collect();
        rows.sort_by(|a, b| b.event_count.cmp(&a.event_count).then_with(|| a.id.cmp(&b.id)));
        rows
    }

    fn source_rows(&self) -> Vec<SourceRow> {
        let Some(d) = self.disclosures else { return Vec::new() };
        let summaries = attribute::summarize_sources(d, self.campaigns, self.attributions);
        let by_id: HashMap<&str, &campaign::Campaign> =
            self.campaigns.iter().map(|c| (c.id.as_str(), c)).collect();
        let attr: HashMap<&str, &attribute::CampaignAttribution> =
            self.attributions.iter().map(|a| (a.campaign_id.as_str(), a)).collect();
        summaries
            .into_iter()
            .zip(&d.disclosures)
            .map(|(s, disc)| {
                let mut cats: HashMap<Category, usize> = HashMap::new();
                let mut first = None;
                let mut reasons: Vec<String> = Vec::new();
                let mut samples = Vec::new();
                for cid in &s.campaigns {
                    let Some(c) = by_id.get(cid.as_str()) else { continue };
                    for &i in &c.event_idx {
                        *cats.entry(self.verdicts[i].category).or_default() += 1;
                        let e = &self.events[i];
                        if let Some(t) = e.at {
                            first = Some(first.map_or(t, |f: chrono::DateTime<Utc>| f.min(t)));
                        }
                        if samples.len() < SAMPLES_PER_SOURCE && !e.full_text().trim().is_empty() {
                            samples.push(excerpt(e));
                        }
                    }
                    if let Some(a) = attr.get(cid.as_str())
                        && let Some(top) =
                            a.suspects.iter().find(|x| x.source.as_deref() == Some(&s.source))
                    {
                        for r in &top.reasons {
                            let t = r.text(self.clang());
                            if !reasons.contains(&t) && reasons.len() < 8 {
                                reasons.push(t);
                            }
                        }
                    }
                }
                let mut categories: Vec<(Category, usize)> = cats.into_iter().collect();
                categories.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                let identifiers =
                    disc.phones.iter().chain(&disc.emails).chain(&disc.names).cloned().collect();
                SourceRow {
                    source: s.source,
                    date: s.date,
                    kind: s.kind,
                    identifiers,
                    campaigns: s.campaigns,
                    event_count: s.event_count,
                    categories,
                    first_contact_days: first.map(|f| (f.date_naive() - s.date).num_days()),
                    reasons,
                    samples,
                }
            })
            .collect()
    }

    fn contact_rows(&self) -> Vec<ContactRow> {
        let mut rows: Vec<ContactRow> = self
            .contacts
            .iter()
            .filter(|c| c.events.iter().any(|&i| is_incoming(&self.events[i])))
            .map(|c| ContactRow {
                id: c.id.clone(),
                category: c.verdict.category,
                confidence: c.verdict.confidence,
                first_seen: c.first_seen,
                last_seen: c.last_seen,
                count: c.events.len(),
                names: c.names.clone(),
            })
            .collect();
        rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.id.cmp(&b.id)));
        rows
    }

    fn weeks(&self) -> Vec<WeekRow> {
        let mut weeks: std::collections::BTreeMap<NaiveDate, [u32; 13]> = Default::default();
        for (e, v) in self.events.iter().zip(self.verdicts) {
            let (Some(at), true) = (e.at, is_incoming(e)) else { continue };
            let day = at.with_timezone(&self.tz).date_naive();
            let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
            weeks.entry(monday).or_insert([0; 13])[v.category.index()] += 1;
        }
        weeks.into_iter().map(|(week, counts)| WeekRow { week, counts }).collect()
    }

    fn summary(&self) -> Summary {
        let incoming: Vec<usize> =
            (0..self.events.len()).filter(|&i| is_incoming(&self.events[i])).collect();
        let contacts: Vec<&contact::Contact> = self
            .contacts
            .iter()
            .filter(|c| c.events.iter().any(|&i| is_incoming(&self.events[i])))
            .collect();
        let times: Vec<_> = incoming.iter().filter_map(|&i| self.events[i].at).collect();
        let period = times.iter().min().zip(times.iter().max()).map(|(a, b)| (*a, *b));
        let mut by_source: HashMap<&str, (f64, usize)> = HashMap::new();
        for a in self.attributions {
            if let Some(top) = &a.top {
                let score = a.suspects.first().map_or(0.0, |s| s.score);
                let n = self
                    .campaigns
                    .iter()
                    .find(|c| c.id == a.campaign_id)
                    .map_or(0, |c| c.event_idx.len());
                let e = by_source.entry(top.as_str()).or_default();
                e.0 = e.0.max(score);
                e.1 += n;
            }
        }
        let mut top_sources: Vec<(String, f64, usize)> =
            by_source.into_iter().map(|(s, (sc, n))| (s.to_string(), sc, n)).collect();
        top_sources.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0)));
        Summary {
            events: incoming.len(),
            contacts: contacts.len(),
            leak_driven_contacts: contacts
                .iter()
                .filter(|c| c.verdict.category.is_marketing())
                .count(),
            leak_driven_events: incoming
                .iter()
                .filter(|&&i| self.verdicts[i].category.is_marketing())
                .count(),
            fraud_events: incoming
                .iter()
                .filter(|&&i| self.verdicts[i].category == Category::Fraud)
                .count(),
            attributed_events: self.sources_of.iter().filter(|s| s.is_some()).count(),
            period,
            top_sources,
        }
    }
}

/// A short excerpt: the subject and text, or for a call its type and tag.
fn excerpt(e: &Event) -> String {
    let mut s = e.full_text().split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() && e.channel == Some(Channel::Call) {
        let parts: Vec<&str> = [e.call_type.as_deref(), e.tag.as_deref(), e.note.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        s = parts.join(" · ");
    } else if let Some(n) = &e.note {
        s = format!("{s} · {n}");
    }
    if s.chars().count() > EXCERPT_CHARS {
        s = s.chars().take(EXCERPT_CHARS).collect::<String>() + "…";
    }
    s
}

/// A progress line on stderr for long runs, only when stderr is a terminal.
struct Progress {
    on: bool,
}

impl Progress {
    fn new() -> Self {
        use std::io::IsTerminal;
        Progress { on: std::io::stderr().is_terminal() }
    }

    fn tick(&self, n: usize) {
        if self.on && n % 5000 == 0 {
            eprint!("\rreading… {n} events");
        }
    }

    fn done(&self) {
        if self.on {
            eprint!("\r\x1b[K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_from_own_numbers() {
        assert_eq!(locale_of(&["+44 7700 900123".into()]).map(|l| l.0), Some("GB"));
        assert_eq!(locale_of(&["+852 9123 4567".into()]).map(|l| l.0), Some("HK"));
        assert_eq!(locale_of(&["13800138000".into()]).map(|l| l.0), Some("CN"));
        assert_eq!(locale_of(&["(617) 555-0172".into()]).map(|l| l.0), Some("US"));
        assert_eq!(locale_of(&["617-555-0172".into()]).map(|l| l.0), Some("US"));
        assert_eq!(locale_of(&["07700 900302".into()]).map(|l| l.0), Some("GB"));
        assert_eq!(locale_of(&["0755-8654 1023".into()]).map(|l| l.0), Some("CN"));
        assert_eq!(
            locale_of(&["13800138000".into(), "+44 7700 900123".into()]).map(|l| l.0),
            Some("CN")
        );
    }

    #[test]
    fn north_american_zone_from_the_area_code() {
        let zone = |p: &str| locale_of(&[p.to_string()]).map(|l| l.1);
        assert_eq!(zone("(773) 678-4301"), Some(chrono_tz::America::Chicago));
        assert_eq!(zone("+1 206 555 0100"), Some(chrono_tz::America::Los_Angeles));
        assert_eq!(zone("+1 617 555 0172"), Some(chrono_tz::America::New_York));
        assert_eq!(zone("+44 7700 900123"), Some(chrono_tz::Europe::London));
        // The first listed number decides, whichever way it is written.
        let two = ["(214) 670-5800".to_string(), "+1 602-562-9562".to_string()];
        assert_eq!(locale_of(&two).map(|l| l.1), Some(chrono_tz::America::Chicago));
    }

    #[test]
    fn excerpt_of_a_call_names_type_and_tag() {
        let e = Event {
            channel: Some(Channel::Call),
            call_type: Some("missed".into()),
            tag: Some("房产中介".into()),
            ..Default::default()
        };
        assert_eq!(excerpt(&e), "missed · 房产中介");
        let long = Event { text: "字".repeat(500), ..Default::default() };
        assert_eq!(excerpt(&long).chars().count(), EXCERPT_CHARS + 1);
    }
}
