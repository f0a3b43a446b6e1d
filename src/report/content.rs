//! The human-readable report as a list of neutral blocks (headings,
//! paragraphs, figures, tables, the chart), built once from [`ReportData`]
//! and rendered by both the HTML and the Markdown writer, so the two always
//! carry the same content. Text here is plain and unescaped; escaping is the
//! renderer's job.

use super::data::{CampaignRow, ContactRow, ReportData, SourceRow};
use super::format::{self, clean, one_line, opt_time, pct};
use super::text::{self, Key, t, tf};
use crate::category::Category;

/// Campaign and contact rows listed in the HTML and Markdown reports; the
/// JSON and CSV outputs keep every row.
pub const MAX_TABLE_ROWS: usize = 2000;
/// Senders named in a campaign's cell before the rest are only counted.
pub const MAX_SENDERS_SHOWN: usize = 3;
/// Reasons and samples listed per source or campaign.
pub const MAX_LIST_ITEMS: usize = 10;

/// A table: header, rows of plain-text cells, and which columns are numbers.
#[derive(Debug, Clone)]
pub struct Table {
    /// A class for styling (`campaigns`, `contacts`, `inputs`).
    pub class: &'static str,
    /// Column headings.
    pub head: Vec<String>,
    /// Cells, one `Vec` per row, as long as `head`.
    pub rows: Vec<Vec<String>>,
    /// Columns aligned right.
    pub numeric: &'static [usize],
}

/// One block of the report.
#[derive(Debug, Clone)]
pub enum Block {
    /// A heading; `id` is its anchor (empty for none).
    Heading {
        /// 1 (title) to 4.
        level: u8,
        /// Anchor id.
        id: &'static str,
        /// The text.
        text: String,
    },
    /// Small print under the title.
    Meta(String),
    /// A paragraph.
    Para(String),
    /// A paragraph that must stand out (not legal advice).
    Note(String),
    /// Big numbers with their labels: (value, label).
    Figures(Vec<(String, String)>),
    /// Label–value pairs.
    Facts(Vec<(String, String)>),
    /// A bold lead-in line before a list.
    Label(String),
    /// A bulleted list.
    List(Vec<String>),
    /// Quoted messages.
    Quotes(Vec<String>),
    /// A table.
    Table(Table),
    /// The weekly timeline (SVG in HTML, a table in Markdown).
    Chart,
    /// The closing line.
    Footer(String),
}

fn h(level: u8, id: &'static str, text: &str) -> Block {
    Block::Heading { level, id, text: text.to_string() }
}

/// Builds the report's blocks in `data.lang`.
pub fn build(data: &ReportData) -> Vec<Block> {
    let mut b = Vec::new();
    header(data, &mut b);
    summary(data, &mut b);
    timeline(data, &mut b);
    sources(data, &mut b);
    life_events(data, &mut b);
    campaigns(data, &mut b);
    contacts(data, &mut b);
    method(data, &mut b);
    custody(data, &mut b);
    actions(data, &mut b);
    b.push(Block::Footer(tf(
        data.lang,
        Key::Footer,
        &[("version", &one_line(&data.provenance.tool_version))],
    )));
    b
}

fn header(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    let tz = format::tz(data);
    b.push(h(1, "", t(l, Key::Title)));
    let at = format::time(&data.provenance.generated_at, tz);
    b.push(Block::Meta(tf(l, Key::Generated, &[("at", &at), ("tz", tz.name())])));
    if data.provenance.redacted {
        b.push(Block::Meta(t(l, Key::RedactedNote).to_string()));
    }
}

fn summary(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    let s = &data.summary;
    b.push(h(2, "summary", t(l, Key::SummaryHeading)));
    b.push(Block::Para(tf(
        l,
        Key::SummarySentence,
        &[("contacts", &s.contacts.to_string()), ("leak", &s.leak_driven_contacts.to_string())],
    )));
    b.push(Block::Figures(vec![
        (s.contacts.to_string(), t(l, Key::FigContacts).to_string()),
        (s.leak_driven_contacts.to_string(), t(l, Key::FigLeakDriven).to_string()),
        (s.events.to_string(), t(l, Key::FigEvents).to_string()),
        (s.fraud_events.to_string(), t(l, Key::FigFraud).to_string()),
        (s.attributed_events.to_string(), t(l, Key::FigAttributed).to_string()),
    ]));
    b.push(Block::Para(period(data)));
    b.push(h(3, "", t(l, Key::TopSourcesHeading)));
    if s.top_sources.is_empty() {
        b.push(Block::Para(t(l, Key::NoTopSources).to_string()));
    } else {
        let items = s
            .top_sources
            .iter()
            .take(MAX_LIST_ITEMS)
            .map(|(src, score, n)| {
                tf(
                    l,
                    Key::TopSourceItem,
                    &[("source", &one_line(src)), ("pct", &pct(*score)), ("n", &n.to_string())],
                )
            })
            .collect();
        b.push(Block::List(items));
    }
}

fn period(data: &ReportData) -> String {
    let tz = format::tz(data);
    match &data.summary.period {
        Some((from, to)) => {
            let (from, to) = (format::day(from, tz).to_string(), format::day(to, tz).to_string());
            tf(data.lang, Key::Period, &[("from", &from), ("to", &to)])
        }
        None => t(data.lang, Key::NoPeriod).to_string(),
    }
}

fn timeline(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    b.push(h(2, "timeline", t(l, Key::TimelineHeading)));
    if data.weeks.iter().all(|w| w.counts.iter().all(|&n| n == 0)) {
        b.push(Block::Para(t(l, Key::NoWeeks).to_string()));
        return;
    }
    b.push(Block::Para(t(l, Key::TimelineCaption).to_string()));
    b.push(Block::Chart);
}

/// `房产中介 2、保险 1`.
fn category_counts(data: &ReportData, counts: &[(Category, usize)]) -> String {
    let l = data.lang;
    let parts: Vec<String> =
        counts.iter().map(|(c, n)| format!("{} {n}", text::category(l, *c))).collect();
    parts.join(t(l, Key::ListSep))
}

fn join(data: &ReportData, items: &[String]) -> String {
    let parts: Vec<String> = items.iter().take(MAX_LIST_ITEMS).map(|s| one_line(s)).collect();
    let mut s = parts.join(t(data.lang, Key::ListSep));
    if items.len() > MAX_LIST_ITEMS {
        s.push_str(" …");
    }
    if s.is_empty() { "–".to_string() } else { s }
}

fn sources(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    b.push(h(2, "sources", t(l, Key::SourcesHeading)));
    if data.sources.is_empty() {
        b.push(Block::Para(t(l, Key::NoDisclosures).to_string()));
        return;
    }
    b.push(Block::Para(t(l, Key::SourcesIntro).to_string()));
    for s in data.sources.iter().filter(|s| s.event_count > 0) {
        source(data, s, b);
    }
    let without: Vec<String> = data
        .sources
        .iter()
        .filter(|s| s.event_count == 0)
        .map(|s| format!("{} ({})", one_line(&s.source), s.date))
        .collect();
    if !without.is_empty() {
        let list = without.join(t(l, Key::ListSep));
        b.push(Block::Para(tf(l, Key::SourcesWithout, &[("list", &list)])));
    }
}

fn source(data: &ReportData, s: &SourceRow, b: &mut Vec<Block>) {
    let l = data.lang;
    b.push(Block::Heading { level: 3, id: "", text: one_line(&s.source) });
    let first = match s.first_contact_days {
        Some(d) if d < 0 => tf(l, Key::DaysBefore, &[("n", &d.unsigned_abs().to_string())]),
        Some(d) => tf(l, Key::DaysAfter, &[("n", &d.to_string())]),
        None => "–".to_string(),
    };
    b.push(Block::Facts(vec![
        (t(l, Key::DisclosedOn).into(), s.date.to_string()),
        (t(l, Key::Dealing).into(), s.kind.map_or("–", |c| text::category(l, c)).into()),
        (t(l, Key::DetailsGiven).into(), join(data, &s.identifiers)),
        (t(l, Key::CampaignsAttributed).into(), join(data, &s.campaigns)),
        (t(l, Key::EventsLabel).into(), s.event_count.to_string()),
        (t(l, Key::CategoriesLabel).into(), category_counts(data, &s.categories)),
        (t(l, Key::FirstContact).into(), first),
    ]));
    if !s.reasons.is_empty() {
        b.push(Block::Label(t(l, Key::ReasonsLabel).into()));
        b.push(Block::List(s.reasons.iter().take(MAX_LIST_ITEMS).map(|r| one_line(r)).collect()));
    }
    if !s.samples.is_empty() {
        b.push(Block::Label(t(l, Key::SamplesLabel).into()));
        b.push(Block::Quotes(s.samples.iter().take(MAX_LIST_ITEMS).map(|r| clean(r)).collect()));
    }
}

fn life_events(data: &ReportData, b: &mut Vec<Block>) {
    if data.life_events.is_empty() {
        return;
    }
    let l = data.lang;
    b.push(h(2, "life-events", t(l, Key::LifeHeading)));
    b.push(Block::Para(t(l, Key::LifeIntro).into()));
    b.push(Block::List(data.life_events.iter().map(|e| one_line(e)).collect()));
}

fn senders(data: &ReportData, c: &CampaignRow) -> String {
    let shown: Vec<String> =
        c.senders.iter().take(MAX_SENDERS_SHOWN).map(|s| one_line(s)).collect();
    let mut s = shown.join(", ");
    if c.senders.len() > MAX_SENDERS_SHOWN {
        s.push(' ');
        s.push_str(&tf(data.lang, Key::MoreSenders, &[("n", &c.senders.len().to_string())]));
    }
    s
}

fn campaigns(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    let tz = format::tz(data);
    b.push(h(2, "campaigns", t(l, Key::CampaignsHeading)));
    if data.campaigns.is_empty() {
        b.push(Block::Para(t(l, Key::NoCampaigns).into()));
        return;
    }
    b.push(Block::Para(t(l, Key::CampaignsIntro).into()));
    let head = [
        Key::ColId,
        Key::ColCategory,
        Key::ColSenders,
        Key::ColFirst,
        Key::ColLast,
        Key::ColCount,
        Key::ColSuspect,
        Key::ColScore,
        Key::ColGrouping,
    ];
    let rows = data
        .campaigns
        .iter()
        .take(MAX_TABLE_ROWS)
        .map(|c| {
            let top = c.suspected_sources.first();
            let suspect = match top.and_then(|s| s.source.as_deref()) {
                Some(s) => one_line(s),
                None => t(l, Key::Unknown).to_string(),
            };
            vec![
                one_line(&c.id),
                text::category(l, c.category).to_string(),
                senders(data, c),
                opt_time(c.first_seen.as_ref(), tz),
                opt_time(c.last_seen.as_ref(), tz),
                c.event_count.to_string(),
                suspect,
                top.map_or_else(|| "–".to_string(), |s| pct(s.score)),
                join(data, &c.grouping),
            ]
        })
        .collect();
    b.push(Block::Table(Table {
        class: "campaigns",
        head: head.iter().map(|k| t(l, *k).to_string()).collect(),
        rows,
        numeric: &[5, 7],
    }));
    capped(data, data.campaigns.len(), b);
}

fn capped(data: &ReportData, len: usize, b: &mut Vec<Block>) {
    if len > MAX_TABLE_ROWS {
        b.push(Block::Note(tf(data.lang, Key::RowsCapped, &[("n", &MAX_TABLE_ROWS.to_string())])));
    }
}

fn contact_row(data: &ReportData, c: &ContactRow) -> Vec<String> {
    let tz = format::tz(data);
    vec![
        one_line(&c.id),
        text::category(data.lang, c.category).to_string(),
        pct(c.confidence),
        opt_time(c.first_seen.as_ref(), tz),
        opt_time(c.last_seen.as_ref(), tz),
        c.count.to_string(),
        join(data, &c.names),
    ]
}

fn contacts(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    b.push(h(2, "contacts", t(l, Key::ContactsHeading)));
    if data.contacts.is_empty() {
        b.push(Block::Para(t(l, Key::NoContacts).into()));
        return;
    }
    let head = [
        Key::ColNumber,
        Key::ColCategory,
        Key::ColConfidence,
        Key::ColFirst,
        Key::ColLast,
        Key::ColCount,
        Key::ColNames,
    ];
    b.push(Block::Table(Table {
        class: "contacts",
        head: head.iter().map(|k| t(l, *k).to_string()).collect(),
        rows: data.contacts.iter().take(MAX_TABLE_ROWS).map(|c| contact_row(data, c)).collect(),
        numeric: &[2, 5],
    }));
    capped(data, data.contacts.len(), b);
}

fn method(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    b.push(h(2, "method", t(l, Key::MethodHeading)));
    for p in text::lines(l, Key::MethodText) {
        b.push(Block::Para(p.to_string()));
    }
}

fn custody(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    let p = &data.provenance;
    b.push(h(2, "custody", t(l, Key::CustodyHeading)));
    b.push(Block::Para(t(l, Key::CustodyIntro).into()));
    if data.inputs.is_empty() {
        b.push(Block::Para(t(l, Key::NoInputs).into()));
    } else {
        let head = [
            Key::ColFile,
            Key::ColFormat,
            Key::ColSize,
            Key::ColSeen,
            Key::ColProduced,
            Key::ColMerged,
            Key::ColSkipped,
        ];
        let mut head: Vec<String> = head.iter().map(|k| t(l, *k).to_string()).collect();
        head.insert(3, "SHA-256".to_string());
        let rows = data
            .inputs
            .iter()
            .map(|i| {
                let format = i.format.and_then(|f| serde_json::to_value(f).ok());
                vec![
                    one_line(&i.path),
                    format.as_ref().and_then(|v| v.as_str()).unwrap_or("–").to_string(),
                    i.size.to_string(),
                    one_line(&i.sha256),
                    i.seen.to_string(),
                    i.produced.to_string(),
                    i.merged.to_string(),
                    i.skipped.to_string(),
                ]
            })
            .collect();
        b.push(Block::Table(Table { class: "inputs", head, rows, numeric: &[2, 4, 5, 6, 7] }));
    }
    let yes_no = |v: bool| t(l, if v { Key::Yes } else { Key::No }).to_string();
    b.push(Block::Facts(vec![
        (t(l, Key::ToolVersion).into(), one_line(&p.tool_version)),
        (t(l, Key::ModelLabel).into(), one_line(&p.model)),
        (t(l, Key::TimezoneLabel).into(), one_line(&p.timezone)),
        (t(l, Key::GeneratedAt).into(), p.generated_at.to_rfc3339()),
        (
            t(l, Key::DisclosuresFile).into(),
            p.disclosures_file.as_deref().map_or("–".into(), one_line),
        ),
        (t(l, Key::RedactedLabel).into(), yes_no(p.redacted)),
    ]));

    b.push(h(3, "", t(l, Key::SkipsHeading)));
    let mut skips = Vec::new();
    for i in &data.inputs {
        skips.extend(i.skips.iter().map(skip_line));
        let more = i.skipped.saturating_sub(i.skips.len() as u64);
        if more > 0 {
            skips.push(tf(
                l,
                Key::SkipsMore,
                &[("file", &one_line(&i.path)), ("n", &more.to_string())],
            ));
        }
    }
    none_or_list(data, skips, b);
    b.push(h(3, "", t(l, Key::ErrorsHeading)));
    let errors = data.inputs.iter().filter_map(|i| i.error.as_deref()).map(one_line).collect();
    none_or_list(data, errors, b);
}

/// `calls.csv:7: reason` or `inbox.mbox@4096: reason`, the same locator
/// form as evidence.csv rows.
fn skip_line(e: &crate::error::RecordError) -> String {
    let at = match (e.position.line, e.position.offset) {
        (Some(l), _) => format!(":{l}"),
        (None, Some(o)) => format!("@{o}"),
        (None, None) => String::new(),
    };
    one_line(&format!("{}{at}: {}", e.file, e.reason))
}

fn none_or_list(data: &ReportData, items: Vec<String>, b: &mut Vec<Block>) {
    if items.is_empty() {
        b.push(Block::Para(t(data.lang, Key::NoneText).into()));
    } else {
        b.push(Block::List(items));
    }
}

fn actions(data: &ReportData, b: &mut Vec<Block>) {
    let l = data.lang;
    let list = |k| Block::List(text::lines(l, k).map(str::to_string).collect());
    b.push(h(2, "actions", t(l, Key::ActionsHeading)));
    b.push(Block::Note(t(l, Key::NotLegalAdvice).into()));
    b.push(h(3, "", t(l, Key::ChinaHeading)));
    b.push(list(Key::ChinaActions));
    b.push(Block::Label(t(l, Key::ChinaLawHeading).into()));
    b.push(list(Key::ChinaLaw));
    b.push(h(3, "", t(l, Key::OtherHeading)));
    b.push(list(Key::OtherActions));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::data::Lang;
    use crate::report::testdata::sample;

    fn texts(blocks: &[Block]) -> String {
        format!("{blocks:?}")
    }

    #[test]
    fn long_sender_lists_are_abbreviated() {
        let mut d = sample(Lang::En);
        d.campaigns[0].senders = (0..12).map(|i| format!("+86139000000{i:02}")).collect();
        let s = senders(&d, &d.campaigns[0]);
        assert_eq!(s, "+8613900000000, +8613900000001, +8613900000002 12 in all");
        let zh = Lang::Zh;
        d.lang = zh;
        assert!(senders(&d, &d.campaigns[0]).ends_with("等共 12 个"));
    }

    #[test]
    fn empty_data_renders_everywhere_without_panic() {
        let mut d = sample(Lang::Zh);
        d.events.clear();
        d.campaigns.clear();
        d.sources.clear();
        d.contacts.clear();
        d.weeks.clear();
        d.markers.clear();
        d.life_events.clear();
        d.inputs.clear();
        d.summary.top_sources.clear();
        d.summary.period = None;
        d.provenance.timezone = "Not/AZone".into();
        let all = texts(&build(&d));
        for k in [
            Key::NoDisclosures,
            Key::NoCampaigns,
            Key::NoContacts,
            Key::NoWeeks,
            Key::NoPeriod,
            Key::NoTopSources,
        ] {
            assert!(all.contains(t(Lang::Zh, k)), "{k:?}");
        }
        assert!(!all.contains(t(Lang::Zh, Key::LifeHeading)), "no life events, no section");
        assert!(all.contains("UTC"), "unknown zone falls back to UTC");
        let mut sink = Vec::new();
        crate::report::html::write(&d, &mut sink).unwrap();
        crate::report::markdown::write(&d, &mut sink).unwrap();
        crate::report::json::write(&d, &mut sink).unwrap();
        crate::report::csv::write_evidence(&d, &mut sink).unwrap();
        crate::report::csv::write_12321(&d, &mut sink).unwrap();
        assert!(!sink.is_empty());
    }

    #[test]
    fn caps_and_odd_values_are_said() {
        let mut d = sample(Lang::En);
        let c = d.contacts[0].clone();
        d.contacts = vec![c; MAX_TABLE_ROWS + 1];
        d.sources[1].first_contact_days = Some(-3);
        d.provenance.redacted = true;
        d.inputs[0].skipped = 250;
        let blocks = build(&d);
        let all = texts(&blocks);
        assert!(all.contains("Only the first 2000 rows are listed"));
        assert!(all.contains("3 days before the disclosure"));
        assert!(all.contains(t(Lang::En, Key::RedactedNote)));
        assert!(all.contains("calls.csv: 249 more not listed"));
        let rows = blocks.iter().find_map(|b| match b {
            Block::Table(t) if t.class == "contacts" => Some(t.rows.len()),
            _ => None,
        });
        assert_eq!(rows, Some(MAX_TABLE_ROWS));
    }
}
