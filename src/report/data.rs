//! The report's content as plain data: everything the writers show, already
//! computed, attributed and (when asked) redacted. Field names of the rows
//! are the `report.json` contract.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::category::Category;
use crate::cmd::inputs::InputSummary;
use crate::event::Direction;

/// The report's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese.
    Zh,
    /// English.
    En,
}

/// One event, as every output lists it.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// Stable event id.
    pub id: String,
    /// call, sms or email.
    pub channel: String,
    /// Incoming, outgoing or unknown (the 12321 complaint lists only what was
    /// not outgoing).
    #[serde(default)]
    pub direction: Direction,
    /// When, UTC (RFC 3339), if known.
    pub at: Option<DateTime<Utc>>,
    /// When, in the report's time zone, as shown to people.
    pub at_local: String,
    /// Sender (normalised).
    pub from: String,
    /// Which of the person's identities it reached, if known.
    pub to: Option<String>,
    /// Category id.
    pub category: Category,
    /// Calibrated probability of the category.
    pub confidence: f64,
    /// Too little evidence to say.
    pub unsure: bool,
    /// Campaign id, if the event belongs to one.
    pub campaign: Option<String>,
    /// The disclosure's `source` exactly as written, or null.
    pub suspected_source: Option<String>,
    /// A short excerpt of the text (subject or body), or the call's type and tag.
    pub excerpt: String,
    /// Call type (calls).
    pub call_type: Option<String>,
    /// Call duration in seconds (calls).
    pub duration_s: Option<u64>,
    /// The input file.
    pub source_file: String,
    /// 1-based line in it (CSV, XML).
    pub source_line: Option<u64>,
    /// Byte offset in it (mbox).
    pub source_offset: Option<u64>,
    /// E-mail Message-ID.
    pub message_id: Option<String>,
    /// SHA-256 of the raw record bytes.
    pub raw_sha256: String,
}

/// One hypothesis about a campaign's source.
#[derive(Debug, Clone, Serialize)]
pub struct SuspectRow {
    /// The disclosure's source, or null for "unknown".
    pub source: Option<String>,
    /// Posterior probability.
    pub score: f64,
    /// Why, in the report's language.
    pub reasons: Vec<String>,
}

/// One campaign.
#[derive(Debug, Clone, Serialize)]
pub struct CampaignRow {
    /// Campaign id.
    pub id: String,
    /// Its category.
    pub category: Category,
    /// Distinct senders.
    pub senders: Vec<String>,
    /// First contact.
    pub first_seen: Option<DateTime<Utc>>,
    /// Last contact.
    pub last_seen: Option<DateTime<Utc>>,
    /// Number of events.
    pub event_count: usize,
    /// Why these events were grouped, in the report's language.
    pub grouping: Vec<String>,
    /// Hypotheses, best first (including unknown).
    pub suspected_sources: Vec<SuspectRow>,
    /// The source events inherit, when it clears the threshold.
    pub attributed_to: Option<String>,
}

/// One disclosure and what was attributed to it.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    /// Who got the details, as written in the disclosures file.
    pub source: String,
    /// When.
    pub date: NaiveDate,
    /// What the dealing was about.
    pub kind: Option<Category>,
    /// Identifiers given (numbers, addresses, name spellings), for the report.
    pub identifiers: Vec<String>,
    /// Campaigns attributed to it.
    pub campaigns: Vec<String>,
    /// Events attributed to it.
    pub event_count: usize,
    /// Events per category among them.
    pub categories: Vec<(Category, usize)>,
    /// Days from the disclosure to the first attributed contact.
    pub first_contact_days: Option<i64>,
    /// The strongest reasons across its campaigns, in the report's language.
    pub reasons: Vec<String>,
    /// A few sample messages.
    pub samples: Vec<String>,
}

/// One contact (sender).
#[derive(Debug, Clone, Serialize)]
pub struct ContactRow {
    /// Number or address.
    pub id: String,
    /// Category.
    pub category: Category,
    /// Confidence.
    pub confidence: f64,
    /// First contact.
    pub first_seen: Option<DateTime<Utc>>,
    /// Last contact.
    pub last_seen: Option<DateTime<Utc>>,
    /// Events.
    pub count: usize,
    /// Names used.
    pub names: Vec<String>,
}

/// Events of one week, per category.
#[derive(Debug, Clone, Serialize)]
pub struct WeekRow {
    /// Monday of the week (report time zone).
    pub week: NaiveDate,
    /// Incoming events per category, in [`Category::ALL`] order.
    pub counts: [u32; 13],
}

/// The headline figures.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Incoming events.
    pub events: usize,
    /// Distinct contacts.
    pub contacts: usize,
    /// Contacts in the ten leak-driven marketing categories.
    pub leak_driven_contacts: usize,
    /// Events in those categories.
    pub leak_driven_events: usize,
    /// Fraud events.
    pub fraud_events: usize,
    /// Events attributed to some source.
    pub attributed_events: usize,
    /// First and last event.
    pub period: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Sources with attributed events, best first: (source, best campaign score, events).
    pub top_sources: Vec<(String, f64, usize)>,
}

/// Versions and settings, for the chain of custody.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// leaktrace's version.
    pub tool_version: String,
    /// The model used: its name and header facts.
    pub model: String,
    /// The time zone naive times were read in and times are shown in.
    pub timezone: String,
    /// When the report was made (UTC).
    pub generated_at: DateTime<Utc>,
    /// Whether the person's own identifiers are masked.
    pub redacted: bool,
    /// The disclosures file used, if any.
    pub disclosures_file: Option<String>,
}

/// Everything a report shows.
#[derive(Debug, Clone, Serialize)]
pub struct ReportData {
    /// Language of the texts.
    pub lang: Lang,
    /// Headline figures.
    pub summary: Summary,
    /// Every event read (incoming and outgoing).
    pub events: Vec<EventRow>,
    /// Campaigns, largest first.
    pub campaigns: Vec<CampaignRow>,
    /// Disclosures, in date order.
    pub sources: Vec<SourceRow>,
    /// Contacts, most events first.
    pub contacts: Vec<ContactRow>,
    /// Weekly counts for the timeline.
    pub weeks: Vec<WeekRow>,
    /// Disclosure markers for the timeline: (date, source).
    pub markers: Vec<(NaiveDate, String)>,
    /// Life events inferred without (or beside) a disclosures file, in the report's language.
    pub life_events: Vec<String>,
    /// Every input with its size, hash and counts.
    pub inputs: Vec<InputSummary>,
    /// Versions and settings.
    pub provenance: Provenance,
}
