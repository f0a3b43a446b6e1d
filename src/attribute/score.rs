//! The scoring of one campaign against every disclosure and "unknown": each
//! piece of evidence is a likelihood ratio; the log-odds are summed per
//! hypothesis and normalised to posterior probabilities with a max-shifted
//! log-sum-exp.
//!
//! Everything that depends on the whole run rather than on one campaign —
//! who holds which identifier, when each identifier first drew unsolicited
//! contact, which senders the person deals with, how often campaigns of
//! each family begin — is computed once in [`Context::new`], so scoring all
//! campaigns stays linear in the events.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

use super::affinity::{FRAUD_TOPICS, affinity, fits_topic};
use super::disclosures::Disclosures;
use super::reason::Reason;
use super::topic;
use super::{AttributionOptions, CampaignAttribution, Suspect};
use crate::campaign::Campaign;
use crate::campaign::block::{domain_of, family, org_domain};
use crate::campaign::extract::signature;
use crate::category::Category;
use crate::event::{Channel, Direction, Event};
use crate::normalize::phone::{NumberKind, kind, normalize};
use crate::verdict::Verdict;

/// Distinct texts of one campaign searched for names and keywords; a template
/// blast repeats itself, so a sample says as much as all of it.
pub const MAX_TEXTS_PER_CAMPAIGN: usize = 200;
/// Characters of each text searched.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Likelihood ratio for a source whose record lists identifiers of a kind
/// (phones, or e-mails) but not the one the campaign reached.
pub const IDENT_EXCLUDE_LR: f64 = 1e-3;
/// For a source whose record lists identifiers, but none of the kind the
/// campaign reached (it lists an e-mail, the campaign rang a phone): the
/// person wrote down what they gave, so that kind was probably not given —
/// probably, not certainly, as lists are written from memory, and a phone
/// number goes with nearly every sign-up whether or not it is written down.
/// (0.1 cost 1.5 points of accuracy on an independently written scenario
/// set where people list only the alias they made, for no fewer false names.)
pub const IDENT_KIND_UNLISTED_LR: f64 = 0.3;
/// For a source whose record says that none of the kind the campaign
/// reached was given (`phones = []`): said, not merely left out.
pub const IDENT_KIND_DENIED_LR: f64 = 0.05;
/// For "unknown", when the campaign reached an alias that only listed sources had.
pub const UNKNOWN_ALIAS_LR: f64 = 0.01;
/// For "unknown", when the campaign reached one of `[me]`'s identifiers that
/// only one listed source had and that drew no unsolicited contact before
/// it. An identifier several sources had counts against "unknown" only as
/// much as it is rare: the share of sources that had it, when larger (the
/// main number, which most sources got, is one anybody may have).
pub const UNKNOWN_OWN_IDENT_LR: f64 = 0.3;
/// For a source that never had a spelling of the name the campaign used.
pub const NAME_EXCLUDE_LR: f64 = 0.01;
/// For "unknown", when the campaign used a spelling given only to listed sources.
pub const UNKNOWN_NAME_LR: f64 = 0.02;
/// For a source that only had another spelling, when the campaign used the usual one.
pub const CANONICAL_NAME_LR: f64 = 0.3;
/// For a source whose first keyword (or own name) the campaign's text mentions.
pub const KEYWORD_LR: f64 = 20.0;
/// For each further keyword of the same source (they are not independent).
pub const EXTRA_KEYWORD_LR: f64 = 3.0;
/// The ratio for a campaign category of full affinity with the disclosure's kind;
/// a weight w gives 1 + (this − 1)·w.
pub const AFFINITY_MAX_LR: f64 = 2.0;
/// The ratio for a campaign category with no affinity with the disclosure's kind:
/// low enough that a prompt onset alone does not name a source selling
/// something else.
pub const AFFINITY_MISMATCH_LR: f64 = 0.05;
/// For every source, when most of the campaign came from senders the person
/// has a relationship with (their carrier, their bank, a sender of genuine
/// messages): those have the number through that relationship, not a leak.
pub const RELATIONSHIP_LR: f64 = 0.01;
/// Share of a campaign's events from such senders that triggers [`RELATIONSHIP_LR`].
pub const RELATIONSHIP_SHARE: f64 = 0.5;
/// Unrelated campaigns of a kind assumed to begin over the records besides
/// those seen: a prior that keeps the base rate above zero.
pub const BASE_RATE_PSEUDO_CAMPAIGNS: f64 = 1.0;
/// The prior chance that a given dealing leaked the person's details at all.
/// The other campaigns raise it for a source (see [`super::attribute`]): a
/// source shown to have leaked weighs up to 1 / this more for the rest.
pub const LEAK_PRIOR: f64 = 0.3;
/// Likelihood ratios closer to 1 than this are not listed as reasons.
const MIN_REPORTED_LR: f64 = 1.05;
/// The weight (as a power of the likelihood ratio) of the affinity of a
/// category that rests on unsure verdicts only.
pub const UNSURE_AFFINITY_POWER: f64 = 0.5;
/// A campaign first seen within this many days of the records' start may
/// have begun before them (its onset is censored).
pub const CENSORED_ONSET_DAYS: i64 = 14;
/// One event in this many of a campaign may come before its onset (see `onset`).
pub const ONSET_TRIM: usize = 20;
/// For every source, when the campaign is fraud about no dealing (fake
/// parcels, impersonated officials): such blasts go to everyone.
pub const UNTOPICAL_FRAUD_LR: f64 = 0.05;
/// Likelihood ratio for a campaign about the life topic a disclosure names
/// ([`topic`]): it separates two dealings of one kind (a maternity hospital
/// and a gym are both healthcare) without outweighing identifiers or timing.
pub const TOPIC_LR: f64 = 2.5;
/// Contacts from one number that make a campaign of unsure events a campaign.
pub const MIN_REPEAT_CONTACTS: usize = 3;
/// The fewest days a background rate is reckoned over, so that records
/// almost wholly covered by leak windows do not make the rate explode.
pub const MIN_BACKGROUND_DAYS: f64 = 60.0;

/// Suffixes dropped from a source's name to find it in a text
/// (阳光家园售楼处 → 阳光家园, Maple Grove Realty → Maple Grove).
const SOURCE_SUFFIXES: [&str; 16] = [
    "售楼处",
    "售楼部",
    "有限公司",
    "公司",
    "医院",
    "4s店",
    "门店",
    "专卖店",
    "旗舰店",
    "网",
    " realty",
    " inc",
    " ltd",
    " llc",
    " hospital",
    " store",
];

/// Sender ids of mobile carriers outside China, lower-case without spaces:
/// carriers have the number because they serve it, so their offers are no leak.
/// (China's carriers write from service codes such as 10086, found by
/// [`is_service_sender`] from the numbering plan.)
const CARRIER_IDS: [&str; 14] = [
    "ee",
    "o2",
    "vodafone",
    "vodafoneuk",
    "three",
    "threeuk",
    "giffgaff",
    "tesco mobile",
    "verizon",
    "vzwireless",
    "at&t",
    "att",
    "t-mobile",
    "tmobile",
];

/// True when `from` is a service number of an organisation the person is a
/// customer of: a carrier's or bank's short service code in China (10086,
/// 95555, 12306: [`NumberKind::ServiceShort`]), or a carrier's sender id.
pub fn is_service_sender(from: &str, region: &str) -> bool {
    let f = from.trim();
    let lower = f.to_lowercase();
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    if CARRIER_IDS.iter().any(|c| c.replace(' ', "") == compact) {
        return true;
    }
    if region.eq_ignore_ascii_case("CN") {
        return kind(f, "CN") == NumberKind::ServiceShort;
    }
    // Elsewhere brands text from 5- and 6-digit short codes; a code of 3 or
    // 4 digits (T-Mobile's 456, 611) belongs to the network itself.
    (3..=4).contains(&compact.len()) && compact.bytes().all(|b| b.is_ascii_digit())
}

/// Carrier names a carrier's own texts begin with ("T-Mobile: …",
/// "【中国移动】…"), lower-case.
const CARRIER_SIGNATURES: [&str; 11] = [
    "t-mobile",
    "tmobile",
    "verizon",
    "at&t",
    "vodafone",
    "giffgaff",
    "中国移动",
    "中国联通",
    "中国电信",
    "中国广电",
    "ee:",
];

/// True when a text is signed by a mobile carrier at its start: the
/// person's own carrier, which has the number because it serves it.
pub fn carrier_signed(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(16).flat_map(char::to_lowercase).collect();
    let head = head.trim_start_matches(['【', '[', '(']);
    CARRIER_SIGNATURES.iter().any(|c| head.starts_with(c))
}

/// How a disclosure stands to one identifier.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Holding {
    /// Its record lists the identifier.
    Listed,
    /// Its record lists no identifier at all: assumed to have had all of `[me]`'s.
    Assumed,
    /// Its record lists identifiers, none of this kind.
    KindUnlisted,
    /// Its record says none of this kind was given (`phones = []`).
    KindDenied,
    /// Its record lists identifiers of this kind, not this one.
    NotHeld,
}

impl Holding {
    fn lr(self) -> f64 {
        match self {
            Holding::Listed | Holding::Assumed => 1.0,
            Holding::KindUnlisted => IDENT_KIND_UNLISTED_LR,
            Holding::KindDenied => IDENT_KIND_DENIED_LR,
            Holding::NotHeld => IDENT_EXCLUDE_LR,
        }
    }

    fn holds(self) -> bool {
        matches!(self, Holding::Listed | Holding::Assumed)
    }
}

/// One of the person's identifiers, or one given to a source.
struct Ident {
    display: String,
    /// In `[me]`, or listed by two sources or more (so not an alias).
    own: bool,
    /// Per disclosure.
    holding: Vec<Holding>,
    /// The first unsolicited contact that reached it, when that came before
    /// every source that held it (plus the tolerance): it was out already.
    exposed: Option<NaiveDate>,
}

/// Who holds a name spelling or a keyword: the sources that list it, plus
/// (for the user's own name) those that did not record names.
struct Holders {
    listed: Vec<usize>,
    unspecified: bool,
}

impl Holders {
    fn holds(&self, i: usize, unspecified: &[bool]) -> bool {
        self.listed.binary_search(&i).is_ok()
            || (self.unspecified && unspecified.get(i).copied().unwrap_or(false))
    }

    fn count(&self, unspecified_count: usize) -> usize {
        self.listed.len() + if self.unspecified { unspecified_count } else { 0 }
    }
}

struct Term {
    display: String,
    holders: Holders,
    canonical: bool,
    source_name: bool,
}

/// Everything about the disclosures and the run computed once.
pub(crate) struct Context<'a> {
    d: &'a Disclosures,
    idents: Vec<Ident>,
    by_email: HashMap<String, usize>,
    by_phone: HashMap<String, usize>,
    no_names: Vec<bool>,
    names: Vec<(String, Term)>,
    keywords: Vec<(String, Term)>,
    obs: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Senders that also sent the person genuine (confidently legitimate) messages.
    relationship: HashSet<&'a str>,
    /// Per disclosure, the compact forms of its name and keywords (lower-case
    /// letters and digits only), to tell messages the source itself signed.
    own_forms: Vec<Vec<String>>,
    /// Per disclosure, Σ ln(1 − P(campaign from it)) over every campaign
    /// of a first pass; empty during that pass.
    leak_evidence: Vec<f64>,
    /// Campaigns that began away from every disclosure that could explain
    /// them, per campaign category and rate key.
    background: HashMap<(Option<Category>, RateKey), Background>,
    /// Per disclosure, the life topics its own words name.
    topics: Vec<Vec<&'static topic::Topic>>,
}

/// What the base rate of a campaign is reckoned on: its category family,
/// and for fraud the dealing its text is about (job scams are counted apart
/// from fake parcels, which go to everyone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct RateKey {
    family: u8,
    topic: Option<Category>,
    /// The campaign's main channel: old-breach e-mail spam says nothing
    /// about how often telemarketers begin to call.
    channel: Option<Channel>,
    /// Whether it is plainly a campaign ([`is_structured`]): a lone fraud
    /// text says nothing about how often call blocks begin.
    structured: bool,
}

/// The channel most of the campaign's events came by.
fn main_channel(c: &Campaign, events: &[Event]) -> Option<Channel> {
    let mut counts = [0usize; 3];
    for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
        match e.channel {
            Some(Channel::Call) => counts[0] += 1,
            Some(Channel::Sms) => counts[1] += 1,
            Some(Channel::Email) => counts[2] += 1,
            None => {}
        }
    }
    let best = (0..3).max_by_key(|&k| (counts[k], std::cmp::Reverse(k)))?;
    (counts[best] > 0).then(|| [Channel::Call, Channel::Sms, Channel::Email][best])
}

/// The family of campaigns whose category is not known (see [`judged_category`]).
const UNKNOWN_FAMILY: u8 = u8::MAX;

fn rate_key(c: &Campaign, events: &[Event], hay: &str) -> RateKey {
    let channel = main_channel(c, events);
    // A lone call and a block of callers differ; a lone fraud text and a
    // templated batch of them are the same blast.
    let structured = channel != Some(Channel::Call) || is_structured(c);
    let Some(category) = judged_category(c, events) else {
        return RateKey { family: UNKNOWN_FAMILY, topic: None, channel, structured };
    };
    let topic = if category == Category::Fraud {
        FRAUD_TOPICS.iter().map(|(k, _)| *k).find(|&k| fits_topic(k, hay))
    } else {
        None
    };
    RateKey { family: family(category), topic, channel, structured }
}

/// The category a campaign is judged by: its own when some event of it was
/// classified with confidence, or when its events carry text (an unsure
/// verdict on a text is still right more often than not; its affinity then
/// counts half, see [`UNSURE_AFFINITY_POWER`]); `None` for bare calls the
/// classifier was unsure of, whose category is a guess from a tag at best.
pub fn judged_category(c: &Campaign, events: &[Event]) -> Option<Category> {
    let texts = main_channel(c, events).is_some_and(|ch| ch != Channel::Call);
    (c.confident_events > 0 || texts).then_some(c.category)
}

/// True when a campaign of unsure events only is still plainly a campaign:
/// neighbouring numbers of one block, a shared template, link or id, or one
/// number calling again and again. Such a campaign is attributed on
/// identifiers and timing alone; stray unsure events (a courier's two calls)
/// are not.
pub fn is_structured(c: &Campaign) -> bool {
    use crate::campaign::Reason as Link;
    c.links.iter().any(|l| match l {
        Link::SameSender { events, .. } => *events >= MIN_REPEAT_CONTACTS,
        Link::Burst { .. } => false,
        _ => true,
    })
}

/// What scoring needs of one campaign that does not change between passes,
/// computed once ([`Context::prepare`]).
pub(crate) struct Prepared {
    /// The campaign's text, lower-case (see `Context::haystack`).
    hay: String,
    /// Its onset (see `onset`).
    first: Option<DateTime<Utc>>,
    /// The category it is judged by.
    category: Option<Category>,
    /// What its base rate is reckoned on.
    key: RateKey,
    /// The identifiers its events reached.
    reached: Vec<usize>,
    /// The source that signed most of it, if one did.
    own: Option<usize>,
}

/// Campaigns of one kind that began outside every leak window, and the days
/// of the records outside those windows.
#[derive(Debug, Clone, Copy)]
struct Background {
    outside: usize,
    outside_days: f64,
}

/// A phone number in its normalised form ([`normalize`], E.164 for
/// subscriber numbers), so every writing of one number compares equal;
/// `None` for fewer than 5 digits.
fn phone_key(raw: &str, region: &str) -> Option<String> {
    let n = normalize(raw, region);
    (n.chars().filter(char::is_ascii_digit).count() >= 5).then_some(n)
}

fn email_key(s: &str) -> Option<String> {
    let t = s.trim();
    let t = match (t.rfind('<'), t.rfind('>')) {
        (Some(a), Some(b)) if a < b => t.get(a + 1..b).unwrap_or(t),
        _ => t,
    };
    let t = t.trim().trim_start_matches("mailto:").to_lowercase();
    t.contains('@').then_some(t)
}

fn add_holder(
    map: &mut Vec<(String, Term)>,
    key: String,
    display: &str,
    i: usize,
    source_name: bool,
) {
    match map.iter_mut().find(|(k, _)| *k == key) {
        Some((_, t)) => {
            if t.holders.listed.last() != Some(&i) {
                t.holders.listed.push(i);
            }
        }
        None => map.push((
            key,
            Term {
                display: display.to_string(),
                holders: Holders { listed: vec![i], unspecified: false },
                canonical: false,
                source_name,
            },
        )),
    }
}

/// The forms of a source's name worth looking for in a text.
fn source_forms(source: &str) -> Vec<String> {
    let full = source.trim().to_lowercase();
    let mut out = vec![full.clone()];
    let mut short = full.clone();
    for s in SOURCE_SUFFIXES {
        if let Some(x) = short.strip_suffix(s) {
            short = x.trim().to_string();
        }
    }
    let long_enough = if short.is_ascii() { short.len() >= 4 } else { short.chars().count() >= 2 };
    if short != full && long_enough {
        out.push(short);
    }
    // A coined brand leads the name ("TrailPeak Outfitters", "ClearSmile
    // Dental"): its capital inside the word marks it as a name no message
    // uses by chance, so texts that say only "TrailPeak" name the source.
    if let Some(first) = source.split_whitespace().next()
        && first.len() >= 5
        && first.chars().skip(1).any(|c| c.is_ascii_uppercase())
        && first.chars().any(|c| c.is_ascii_lowercase())
    {
        let brand = first.to_lowercase();
        if !out.contains(&brand) {
            out.push(brand);
        }
    }
    out
}

/// Long enough to name one organisation when it begins a source's name:
/// six letters, or three Chinese characters.
fn distinctive(s: &str) -> bool {
    if s.is_ascii() { s.len() >= 6 } else { s.chars().count() >= 3 }
}

/// The registrable label of an e-mail address's domain, compacted:
/// `lakeshoreflats` for `leasing@mail.lakeshoreflats.com` or `…co.uk`.
fn mail_domain_label(from: &str) -> Option<String> {
    let org = org_domain(&domain_of(from)?)?;
    Some(compact(org.split('.').next()?))
}

/// Lower-case letters and digits of `s` (any script), for loose comparison
/// of names written with or without spaces and punctuation.
fn compact(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The compact forms of a disclosure's name and keywords long enough to
/// identify it (4 letters, or 2 CJK characters).
fn own_forms(x: &super::Disclosure) -> Vec<String> {
    let mut out: Vec<String> = source_forms(&x.source)
        .iter()
        .chain(x.keywords.iter())
        .map(|f| compact(f))
        .filter(|f| if f.is_ascii() { f.len() >= 4 } else { f.chars().count() >= 2 })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Characters at the start of a text searched for a sender's own name
/// before a colon ("Kingsmead Gardens Estates Management: …").
const SENDER_PREFIX_CHARS: usize = 48;

impl<'a> Context<'a> {
    pub(crate) fn new(
        d: &'a Disclosures,
        events: &'a [Event],
        verdicts: &[Verdict],
        campaigns: &[Campaign],
        opts: &AttributionOptions,
    ) -> Self {
        let mut ctx = Context {
            d,
            idents: Vec::new(),
            by_email: HashMap::new(),
            by_phone: HashMap::new(),
            no_names: d.disclosures.iter().map(|x| x.names.is_empty()).collect(),
            names: Vec::new(),
            keywords: Vec::new(),
            obs: None,
            relationship: HashSet::new(),
            own_forms: d.disclosures.iter().map(own_forms).collect(),
            leak_evidence: Vec::new(),
            background: HashMap::new(),
            topics: d.disclosures.iter().map(topic::of_disclosure).collect(),
        };
        ctx.add_identifiers();
        ctx.add_terms();
        let times = events.iter().filter_map(|e| e.at);
        ctx.obs = times.clone().min().zip(times.max());
        ctx.find_exposure(campaigns, events, opts);
        for (e, v) in events.iter().zip(verdicts) {
            let legit = !v.unsure && v.category == Category::Legit;
            if legit && e.direction != Direction::Outgoing && !e.from.trim().is_empty() {
                ctx.relationship.insert(e.from.trim());
            }
        }
        ctx
    }

    /// The per-campaign facts of `c` (done once per campaign, not per pass).
    pub(crate) fn prepare(&self, c: &Campaign, events: &[Event]) -> Prepared {
        let hay = Self::haystack(events, c);
        let key = rate_key(c, events, &hay);
        Prepared {
            first: onset(c, events),
            category: judged_category(c, events),
            key,
            reached: self.reached(events, c),
            own: first_party_source(self, c, events),
            hay,
        }
    }

    /// The windows after the disclosures that could explain a campaign of
    /// `category` (about `topic`): `[date, date + leak window]`.
    fn leak_windows(
        &self,
        category: Option<Category>,
        topic: Option<Category>,
        opts: &AttributionOptions,
    ) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let span = chrono::Duration::days(opts.leak_window_days.max(0.0).round() as i64);
        // Without a category (or a kind), any disclosure could explain it.
        let explains = |k: Option<Category>| match (category, k) {
            (Some(cat), Some(k)) => {
                affinity(k, cat) > 0.0 && (cat != Category::Fraud || topic == Some(k))
            }
            _ => true,
        };
        self.d
            .disclosures
            .iter()
            .filter(|x| explains(x.kind))
            .map(|x| {
                let a = x.at();
                (a, a.checked_add_signed(span).unwrap_or(a))
            })
            .collect()
    }

    /// Counts, for every kind of campaign in the records, the campaigns that
    /// began outside the windows after the disclosures that could explain
    /// them: the background that "unknown" stands for.
    pub(crate) fn find_background(&mut self, prepared: &[Prepared], opts: &AttributionOptions) {
        let Some((start, end)) = self.obs else { return };
        let mut onsets: HashMap<RateKey, Vec<DateTime<Utc>>> = HashMap::new();
        let mut kinds: HashSet<(Option<Category>, RateKey)> = HashSet::new();
        for p in prepared {
            kinds.insert((p.category, p.key));
            if let Some(t) = p.first {
                onsets.entry(p.key).or_default().push(t);
            }
        }
        for (category, key) in kinds {
            let windows = self.leak_windows(category, key.topic, opts);
            let outside = onsets
                .get(&key)
                .map_or(0, |ts| ts.iter().filter(|t| !in_windows(**t, &windows)).count());
            let covered = covered_days(&windows, start, end);
            let days = ((end - start).num_seconds() as f64 / 86_400.0 - covered).max(0.0);
            self.background.insert((category, key), Background { outside, outside_days: days });
        }
    }

    /// How many unrelated campaigns like `c` (category, topic) to expect over
    /// the records, not counting `c` itself, and how many were seen.
    fn expected_background(
        &self,
        category: Option<Category>,
        key: RateKey,
        first: Option<DateTime<Utc>>,
        opts: &AttributionOptions,
    ) -> (usize, f64) {
        let Some((start, end)) = self.obs else { return (0, 1.0) };
        let window = ((end - start).num_seconds() as f64 / 86_400.0).max(1.0);
        let bg = self.background.get(&(category, key));
        let mut outside = bg.map_or(0, |b| b.outside);
        if first.is_some_and(|t| !in_windows(t, &self.leak_windows(category, key.topic, opts))) {
            outside = outside.saturating_sub(1);
        }
        let days = bg.map_or(window, |b| b.outside_days).max(MIN_BACKGROUND_DAYS);
        (outside, outside as f64 / days * window + BASE_RATE_PSEUDO_CAMPAIGNS)
    }

    fn add_identifiers(&mut self) {
        let d = self.d;
        let mut keys: Vec<(String, bool, bool)> = Vec::new();
        for p in &d.me.phones {
            keys.extend(phone_key(p, &d.region).map(|k| (k, true, true)));
        }
        for e in &d.me.emails {
            keys.extend(email_key(e).map(|k| (k, false, true)));
        }
        let mut listed: HashMap<(String, bool), Vec<usize>> = HashMap::new();
        for (i, x) in d.disclosures.iter().enumerate() {
            for p in &x.phones {
                if let Some(k) = phone_key(p, &d.region) {
                    listed.entry((k.clone(), true)).or_default().push(i);
                    keys.push((k, true, false));
                }
            }
            for e in &x.emails {
                if let Some(k) = email_key(e) {
                    listed.entry((k.clone(), false)).or_default().push(i);
                    keys.push((k, false, false));
                }
            }
        }
        let lists_any: Vec<(bool, bool)> = d
            .disclosures
            .iter()
            .map(|x| {
                let phones = x.phones.iter().any(|p| phone_key(p, &d.region).is_some());
                let emails = x.emails.iter().any(|e| email_key(e).is_some());
                (phones, emails)
            })
            .collect();
        let denied: Vec<(bool, bool)> =
            d.disclosures.iter().map(|x| (x.no_phones, x.no_emails)).collect();
        for (key, is_phone, in_me) in keys {
            let map = if is_phone { &mut self.by_phone } else { &mut self.by_email };
            if let Some(&i) = map.get(&key) {
                if let Some(id) = self.idents.get_mut(i) {
                    id.own |= in_me;
                }
                continue;
            }
            let shared = listed.get(&(key.clone(), is_phone)).is_some_and(|h| h.len() >= 2);
            map.insert(key.clone(), self.idents.len());
            self.idents.push(Ident {
                display: key,
                own: in_me || shared,
                holding: Vec::new(),
                exposed: None,
            });
        }
        // Holdings once `own` is final (an identifier of [me] may come after its listings).
        let mut all: Vec<(String, bool, usize)> = Vec::new();
        all.extend(self.by_phone.iter().map(|(k, &i)| (k.clone(), true, i)));
        all.extend(self.by_email.iter().map(|(k, &i)| (k.clone(), false, i)));
        for (key, is_phone, i) in all {
            let holders = listed.get(&(key, is_phone)).cloned().unwrap_or_default();
            let Some(id) = self.idents.get_mut(i) else { continue };
            id.holding = lists_any
                .iter()
                .enumerate()
                .map(|(j, &(phones, emails))| {
                    let same_kind = if is_phone { phones } else { emails };
                    let (no_phones, no_emails) = denied.get(j).copied().unwrap_or_default();
                    let kind_denied = if is_phone { no_phones } else { no_emails };
                    if holders.contains(&j) {
                        Holding::Listed
                    } else if kind_denied && id.own {
                        Holding::KindDenied
                    } else if !phones && !emails {
                        if id.own { Holding::Assumed } else { Holding::NotHeld }
                    } else if !same_kind && id.own {
                        Holding::KindUnlisted
                    } else {
                        Holding::NotHeld
                    }
                })
                .collect();
        }
    }

    fn add_terms(&mut self) {
        let d = self.d;
        if let Some(name) = d.me.name.as_deref().filter(|s| !s.trim().is_empty()) {
            self.names.push((
                name.trim().to_lowercase(),
                Term {
                    display: name.trim().to_string(),
                    holders: Holders { listed: Vec::new(), unspecified: true },
                    canonical: true,
                    source_name: false,
                },
            ));
        }
        for (i, x) in d.disclosures.iter().enumerate() {
            for name in &x.names {
                add_holder(&mut self.names, name.trim().to_lowercase(), name, i, false);
            }
            for k in &x.keywords {
                add_holder(&mut self.keywords, k.trim().to_lowercase(), k, i, false);
            }
            for form in source_forms(&x.source) {
                add_holder(&mut self.keywords, form.clone(), &form, i, true);
            }
        }
        self.names.retain(|(k, _)| k.chars().count() >= 2);
    }

    /// Marks identifiers that drew confident unsolicited contact before every
    /// source that held them: someone not on the list had them already.
    fn find_exposure(
        &mut self,
        campaigns: &[Campaign],
        events: &[Event],
        opts: &AttributionOptions,
    ) {
        let mut first: HashMap<usize, DateTime<Utc>> = HashMap::new();
        // Campaign members, not single verdicts: a stray unsure event may be
        // a misread genuine message, a campaign is unsolicited contact.
        for c in campaigns.iter().filter(|c| c.confident_events > 0 || is_structured(c)) {
            for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
                let Some(at) = e.at else { continue };
                for id in self.reached_by(e) {
                    let t = first.entry(id).or_insert(at);
                    *t = (*t).min(at);
                }
            }
        }
        for (id, at) in first {
            let Some(ident) = self.idents.get_mut(id) else { continue };
            let earliest_holder = ident
                .holding
                .iter()
                .zip(&self.d.disclosures)
                .filter(|(h, _)| h.holds())
                .map(|(_, x)| x.at())
                .min();
            let before = match earliest_holder {
                Some(h) => at.checked_add_signed(opts.tolerance).is_some_and(|t| t < h),
                None => true,
            };
            if before {
                ident.exposed = Some(at.date_naive());
            }
        }
    }

    /// The disclosure whose organisation itself sent `e`: its name or keyword
    /// is the message's signature (`【阳光家园物业】`), the sender id, the
    /// sender's name, or the "Name:" a text opens with. A message the source
    /// sends about its own dealing (a service notice, its own offer) is no
    /// leak; a leak is another party naming it.
    fn first_party(&self, e: &Event) -> Option<usize> {
        let text = e.full_text();
        let mut signers: Vec<String> = Vec::new();
        if let Some(sig) = signature(&text) {
            signers.push(compact(&sig));
        }
        let head: String = text.trim_start().chars().take(SENDER_PREFIX_CHARS).collect();
        if let Some(pos) = head.find([':', '：']) {
            let before = head.get(..pos).unwrap_or("");
            if !before.contains(['.', '!', '?', '。', '！', '，', ',']) && !is_salutation(before)
            {
                signers.push(compact(before));
            }
        }
        if let Some(n) = &e.from_name {
            signers.push(compact(n));
        }
        let from = compact(&e.from);
        let alpha_id = from.chars().any(|c| c.is_alphabetic()) && !e.from.contains('@');
        // The organisation's own mail domain ("leasing@lakeshoreflats.com").
        let domain = mail_domain_label(&e.from);
        self.own_forms.iter().position(|forms| {
            forms.iter().any(|f| {
                signers.iter().any(|s| !s.is_empty() && s.contains(f.as_str()))
                    // A signature that is the start of the source's name
                    // ("Summit Federal:" for Summit Federal Credit Union).
                    || signers.iter().chain(&domain).any(|s| distinctive(s) && f.starts_with(s.as_str()))
                    || (alpha_id
                        && from.chars().count() >= 4
                        && (f.starts_with(&from) || from.starts_with(f.as_str())))
            })
        })
    }

    /// Records, per disclosure, Σ ln(1 − P(campaign from it)) of a first pass.
    pub(crate) fn set_leak_evidence(&mut self, none_from: Vec<f64>) {
        self.leak_evidence = none_from;
    }

    /// The identifiers (indices) one event reached.
    fn reached_by(&self, e: &Event) -> Vec<usize> {
        let mut out = Vec::new();
        for to in e.to.iter().chain(e.to_all.iter()) {
            let hit = match email_key(to) {
                Some(k) => self.by_email.get(&k),
                None => phone_key(to, &self.d.region).and_then(|k| self.by_phone.get(&k)),
            };
            if let Some(&i) = hit {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        // A call or text whose export does not say which line it reached
        // (most call logs, every single-SIM SMS backup) reached the person's
        // only number, when they have one.
        if out.is_empty()
            && e.to.is_none()
            && e.to_all.is_empty()
            && matches!(e.channel, Some(Channel::Call | Channel::Sms))
            && let Some(only) = self.only_phone()
        {
            out.push(only);
        }
        out
    }

    /// The person's phone number, when every number in the disclosures is
    /// one and the same.
    fn only_phone(&self) -> Option<usize> {
        let mut ids = self.by_phone.values();
        let first = *ids.next()?;
        ids.all(|&i| i == first).then_some(first)
    }

    fn reached(&self, events: &[Event], c: &Campaign) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
            for i in self.reached_by(e) {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        out
    }

    /// The campaign's text, lower-case: a sample of distinct texts, sender
    /// names, the phone's tags and the person's notes.
    fn haystack(events: &[Event], c: &Campaign) -> String {
        let mut seen = HashSet::new();
        let mut hay = String::new();
        for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
            if seen.len() >= MAX_TEXTS_PER_CAMPAIGN {
                break;
            }
            let mut t = e.full_text();
            for extra in [&e.from_name, &e.tag, &e.note].into_iter().flatten() {
                t.push_str(extra);
                t.push('\n');
            }
            if seen.insert(t.clone()) {
                hay.extend(t.chars().take(MAX_TEXT_CHARS).flat_map(char::to_lowercase));
                hay.push('\n');
            }
        }
        hay
    }
}

fn in_windows(t: DateTime<Utc>, windows: &[(DateTime<Utc>, DateTime<Utc>)]) -> bool {
    windows.iter().any(|&(a, b)| t >= a && t <= b)
}

/// Days of `[start, end]` covered by the union of `windows`.
fn covered_days(
    windows: &[(DateTime<Utc>, DateTime<Utc>)],
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> f64 {
    let mut w: Vec<(DateTime<Utc>, DateTime<Utc>)> =
        windows.iter().map(|&(a, b)| (a.max(start), b.min(end))).filter(|(a, b)| a < b).collect();
    w.sort();
    let mut total = 0.0;
    let mut cur: Option<(DateTime<Utc>, DateTime<Utc>)> = None;
    for (a, b) in w {
        cur = match cur {
            Some((ca, cb)) if a <= cb => Some((ca, cb.max(b))),
            Some((ca, cb)) => {
                total += (cb - ca).num_seconds() as f64;
                Some((a, b))
            }
            None => Some((a, b)),
        };
    }
    if let Some((ca, cb)) = cur {
        total += (cb - ca).num_seconds() as f64;
    }
    total / 86_400.0
}

/// True when `term` occurs in `hay` as a word: ends that are ASCII letters or
/// digits must not run on into other ASCII letters or digits (so "maple" is
/// not found in "mapleton"); CJK terms match anywhere.
pub fn contains_term(hay: &str, term: &str) -> bool {
    if term.is_empty() {
        return false;
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let starts_alnum = alnum(term.chars().next());
    let ends_alnum = alnum(term.chars().last());
    hay.match_indices(term).any(|(pos, _)| {
        let before = hay.get(..pos).and_then(|s| s.chars().last());
        let after = hay.get(pos + term.len()..).and_then(|s| s.chars().next());
        let runs_on = (starts_alnum && alnum(before)) || (ends_alnum && alnum(after));
        !runs_on
    })
}

/// Evidence accumulated for one hypothesis.
#[derive(Default)]
struct Hyp {
    log: f64,
    excluded: bool,
    /// Some evidence other than the category's affinity speaks for it: the
    /// affinity alone (a property campaign, a property dealing) is a weak
    /// guess that never names a source.
    grounded: bool,
    keywords: usize,
    reasons: Vec<Reason>,
}

impl Hyp {
    fn weigh(&mut self, lr: f64, reason: Reason) {
        self.log += lr.max(f64::MIN_POSITIVE).ln();
        self.grounded |=
            reason.is_specific() || (lr > 1.0 && !matches!(reason, Reason::Affinity { .. }));
        self.reasons.push(reason);
    }
}

/// Likelihood ratio of an onset `days` after a disclosure: a log-normal
/// onset-delay model (median [`AttributionOptions::onset_median_days`],
/// spread [`AttributionOptions::onset_spread`]: a list changes hands and is
/// worked within days to weeks, rarely the same day), with a share
/// [`AttributionOptions::late_onset_weight`] spread over the rest of the
/// window for lists resold later, against an onset uniform over the
/// observation window of `window_days`, `after_days` of which follow the
/// disclosure.
///
/// How often unrelated campaigns begin is not in this ratio: it is the
/// prior of "unknown" ([`Context`] counts the campaigns of the family that
/// began away from every disclosure that could explain them).
pub fn onset_likelihood_ratio(
    days: f64,
    window_days: f64,
    after_days: f64,
    opts: &AttributionOptions,
) -> f64 {
    // Half a day at least: the density of a log-normal at 0 is 0, and a
    // first contact on the disclosure's own day is still possible.
    let days = days.max(0.5);
    let window = window_days.max(1.0);
    let after = after_days.clamp(1.0, window.max(1.0));
    let mu = opts.onset_median_days.max(0.1).ln();
    let sigma = opts.onset_spread.max(0.05);
    let z = (days.ln() - mu) / sigma;
    let pdf = (-z * z / 2.0).exp() / (days * sigma * (2.0 * std::f64::consts::PI).sqrt());
    let tail = opts.late_onset_weight.clamp(0.0, 1.0);
    ((1.0 - tail) * pdf + tail / after) * window
}

/// The onset of a campaign: its first contact, robust to a stray early event
/// grouped with it — the k-th earliest, k = 1 + one in [`ONSET_TRIM`].
fn onset(c: &Campaign, events: &[Event]) -> Option<DateTime<Utc>> {
    let mut times: Vec<DateTime<Utc>> =
        c.event_idx.iter().filter_map(|&i| events.get(i).and_then(|e| e.at)).collect();
    times.sort();
    let k = times.len() / ONSET_TRIM;
    times.get(k).or(times.last()).copied().or(c.first_seen)
}

/// Scores one campaign. `ctx` was built from the same disclosures and
/// events; `own_first_pass` are this campaign's terms of the leak evidence
/// (`(disclosure, ln(1 − P))` of the first pass), left out when weighing it.
pub(crate) fn score(
    ctx: &Context<'_>,
    c: &Campaign,
    p: &Prepared,
    events: &[Event],
    opts: &AttributionOptions,
    own_first_pass: &[(usize, f64)],
) -> CampaignAttribution {
    let d = ctx.d;
    let n = d.disclosures.len();
    let mut hyps: Vec<Hyp> = (0..n).map(|_| Hyp::default()).collect();
    // The other campaigns' say on whether each source leaked at all: with
    // prior LEAK_PRIOR, P(leaked | others) = 1 − (1 − prior)·Π(1 − P(c' from it)).
    for (i, (h, &total)) in hyps.iter_mut().zip(&ctx.leak_evidence).enumerate() {
        let mine: f64 = own_first_pass.iter().filter(|(j, _)| *j == i).map(|(_, l)| l).sum();
        let others_none = (total - mine).min(0.0).exp();
        let leaked = 1.0 - (1.0 - LEAK_PRIOR) * others_none;
        let lr = leaked / LEAK_PRIOR;
        if lr >= MIN_REPORTED_LR {
            h.weigh(lr, Reason::OtherCampaigns { likelihood_ratio: lr });
        }
    }
    let (hay, first, category) = (p.hay.as_str(), p.first, p.category);
    let (seen, expected) = ctx.expected_background(category, p.key, first, opts);
    // "Unknown" stands for every unrelated campaign like this one: the more
    // of them begin away from any disclosure, the likelier this one is another.
    let prior = opts.unknown_weight.max(1e-9) * expected.max(1e-9);
    let mut unknown = Hyp { log: prior.ln(), ..Default::default() };
    unknown.reasons.push(if n == 0 { Reason::NoDisclosures } else { Reason::UnknownPrior });
    if n > 0 && seen > 0 {
        unknown.reasons.push(Reason::Background { campaigns: seen, expected });
    }

    weigh_identifiers(ctx, &p.reached, &mut hyps, &mut unknown);
    weigh_terms(ctx, hay, p.own, &mut hyps, &mut unknown);
    weigh_senders(ctx, c, events, p.own, &mut hyps);
    weigh_timing_and_affinity(ctx, c, first, category, hay, &mut hyps, opts);
    weigh_topics(ctx, hay, category, &mut hyps);
    if n > 0 && hyps.iter().all(|h| h.excluded) {
        unknown.reasons.push(Reason::BeganBeforeAllDisclosures);
    }
    // Unsure events alone, without the structure of a campaign, are no grounds to name anyone.
    let only_unsure = c.confident_events == 0 && !is_structured(c);
    if only_unsure && n > 0 {
        unknown.reasons.push(Reason::OnlyUnsureEvents { events: c.event_idx.len() });
    }
    // A source's own messages (signed by it) are its dealing, not a leak:
    // nobody is named, whatever else points at it.
    let unnamed = only_unsure || p.own.is_some();
    let mut out = finish(c, d, hyps, unknown, unnamed, opts);
    out.event_overrides = alias_overrides(ctx, c, events, out.top_disclosure, opts);
    out
}

/// Whether the words before a text's first colon greet the reader rather
/// than name the sender: `尊敬的阳光家园业主：` is a third party writing to the
/// source's customers (a leak), `阳光家园物业：` the source itself.
fn is_salutation(before: &str) -> bool {
    const OPENERS: [&str; 8] = ["尊敬的", "亲爱的", "您好", "你好", "dear", "hi", "hello", "hey"];
    const ADDRESSEES: [&str; 9] =
        ["业主", "会员", "客户", "用户", "家长", "先生", "女士", "朋友", "车主"];
    let t = before.trim().to_lowercase();
    OPENERS.iter().any(|o| t.starts_with(o)) || ADDRESSEES.iter().any(|a| t.ends_with(a))
}

/// The source that itself signed most of the campaign, if one did.
fn first_party_source(ctx: &Context<'_>, c: &Campaign, events: &[Event]) -> Option<usize> {
    let n = ctx.d.disclosures.len();
    let mut counts = vec![0usize; n];
    for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
        if let Some(slot) = ctx.first_party(e).and_then(|i| counts.get_mut(i)) {
            *slot += 1;
        }
    }
    let needed = RELATIONSHIP_SHARE * c.event_idx.len() as f64;
    (0..n).find(|&i| counts.get(i).is_some_and(|&k| k > 0 && k as f64 >= needed))
}

/// Contact the person gets anyway: signed by a source itself (`own`), or
/// mostly from senders they deal with (their carrier, bank, senders of
/// genuine messages). Such senders have the details through that dealing.
fn weigh_senders(
    ctx: &Context<'_>,
    c: &Campaign,
    events: &[Event],
    own: Option<usize>,
    hyps: &mut [Hyp],
) {
    if let Some(i) = own {
        let source = ctx.d.disclosures.get(i).map(|x| x.source.clone()).unwrap_or_default();
        for h in hyps.iter_mut() {
            h.weigh(RELATIONSHIP_LR, Reason::FirstParty { source: source.clone() });
        }
        return;
    }
    let from_relationship = c
        .event_idx
        .iter()
        .filter_map(|&i| events.get(i))
        .filter(|e| {
            let f = e.from.trim();
            ctx.relationship.contains(f)
                || is_service_sender(f, &ctx.d.region)
                || carrier_signed(&e.text)
        })
        .count();
    let share = from_relationship as f64 / c.event_idx.len().max(1) as f64;
    if from_relationship > 0 && share >= RELATIONSHIP_SHARE {
        for h in hyps.iter_mut() {
            h.weigh(RELATIONSHIP_LR, Reason::RelationshipSender { events: from_relationship });
        }
    }
}

/// Timing (exclusion of later disclosures, the onset's likelihood ratio)
/// and the affinity of the campaign's category with each disclosure's kind.
fn weigh_timing_and_affinity(
    ctx: &Context<'_>,
    c: &Campaign,
    first: Option<DateTime<Utc>>,
    category: Option<Category>,
    hay: &str,
    hyps: &mut [Hyp],
    opts: &AttributionOptions,
) {
    // Timing and affinity.
    for (h, x) in hyps.iter_mut().zip(&ctx.d.disclosures) {
        let at = x.at();
        if let Some(first) = first {
            let latest =
                first.checked_add_signed(opts.tolerance).unwrap_or(DateTime::<Utc>::MAX_UTC);
            if at > latest {
                h.excluded = true;
                h.reasons.push(Reason::DisclosedAfterFirstContact {
                    disclosed: x.date,
                    first_seen: first.date_naive(),
                });
                continue;
            }
        }
        if let (Some(first), Some((start, end))) = (first, ctx.obs) {
            // A campaign seen from the records' first days may have begun
            // before them: its onset is censored, and tells nothing about a
            // disclosure older than the records.
            let censored = first
                .checked_sub_signed(chrono::Duration::days(CENSORED_ONSET_DAYS))
                .is_some_and(|t| t < start);
            if at.checked_add_signed(opts.tolerance).is_some_and(|t| t < start) && censored {
                h.reasons.push(Reason::DisclosedBeforeRecords);
            } else {
                let day = 86_400.0;
                let days = (first - at).num_seconds() as f64 / day;
                let window = (end - start).num_seconds() as f64 / day;
                let after = (end - at).num_seconds() as f64 / day;
                let lr = onset_likelihood_ratio(days, window, after, opts);
                h.weigh(
                    lr,
                    Reason::Onset { days: days.max(0.0).floor() as i64, likelihood_ratio: lr },
                );
            }
        }
        if let (Some(kind), Some(category)) = (x.kind, category) {
            let mut w = affinity(kind, category);
            // Fraud follows a dealing only when it is about that dealing (a job scam after a job site).
            // A scam that names the source ("your order from TrailPeak")
            // is about that dealing whatever its kind.
            let untopical =
                category == Category::Fraud && !fits_topic(kind, hay) && h.keywords == 0;
            if untopical {
                w = 0.0;
            }
            // A category from unsure verdicts only (a phone's tag on bare calls) counts half.
            let power = if c.confident_events > 0 { 1.0 } else { UNSURE_AFFINITY_POWER };
            if w > 0.0 {
                let lr = (1.0 + (AFFINITY_MAX_LR - 1.0) * w).powf(power);
                h.weigh(lr, Reason::Affinity { kind, category, likelihood_ratio: lr });
            } else {
                let lr = if untopical { UNTOPICAL_FRAUD_LR } else { AFFINITY_MISMATCH_LR };
                h.weigh(lr.powf(power), Reason::AffinityMismatch { kind, category });
            }
        }
    }
}

/// A campaign about the life topic a disclosure's own words name (formula
/// offers, a maternity hospital) speaks for that disclosure. Excluded
/// disclosures stay excluded; the others are left as they were.
fn weigh_topics(ctx: &Context<'_>, hay: &str, category: Option<Category>, hyps: &mut [Hyp]) {
    let in_campaign = topic::of_campaign(hay, category);
    if in_campaign.is_empty() {
        return;
    }
    for (h, topics) in hyps.iter_mut().zip(&ctx.topics) {
        if h.excluded {
            continue;
        }
        if let Some(t) = topics.iter().find(|t| in_campaign.iter().any(|c| c.id == t.id)) {
            h.weigh(
                TOPIC_LR,
                Reason::Topic { topic: t.id.to_string(), likelihood_ratio: TOPIC_LR },
            );
        }
    }
}

/// Events of `c` that reached an alias only one source had, dated after that
/// source got it, where that source is not the campaign's `top`.
fn alias_overrides(
    ctx: &Context<'_>,
    c: &Campaign,
    events: &[Event],
    top: Option<usize>,
    opts: &AttributionOptions,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for &i in &c.event_idx {
        let Some(e) = events.get(i) else { continue };
        let alias_of = ctx.reached_by(e).into_iter().find_map(|id| {
            let ident = ctx.idents.get(id)?;
            let mut holders = ident.holding.iter().enumerate().filter(|(_, h)| h.holds());
            let (only, _) = holders.next()?;
            let alias = !ident.own && holders.next().is_none() && ident.exposed.is_none();
            alias.then_some(only)
        });
        let Some(s) = alias_of.filter(|&s| Some(s) != top) else { continue };
        if ctx.first_party(e) == Some(s) {
            // The source writing to the alias it was given is its own contact.
            continue;
        }
        let given = ctx.d.disclosures.get(s).map(|x| x.at());
        let after = match (e.at, given) {
            (Some(at), Some(g)) => at.checked_add_signed(opts.tolerance).is_some_and(|t| t >= g),
            _ => false,
        };
        if after {
            out.push((i, s));
        }
    }
    out
}

/// The identifiers the campaign reached: near-conclusive for the sources
/// that had them, against the others and (unless the identifier was out
/// before any of them had it) against "unknown".
fn weigh_identifiers(ctx: &Context<'_>, reached: &[usize], hyps: &mut [Hyp], unknown: &mut Hyp) {
    for id in reached.iter().filter_map(|&i| ctx.idents.get(i)) {
        if id.holding.iter().all(|h| h.holds()) {
            continue;
        }
        let identifier = id.display.clone();
        let holders = id.holding.iter().filter(|h| h.holds()).count();
        for (h, &holding) in hyps.iter_mut().zip(&id.holding) {
            let identifier = identifier.clone();
            let reason = match holding {
                Holding::Listed | Holding::Assumed => {
                    Reason::IdentifierOnlyHere { identifier, holders }
                }
                Holding::KindUnlisted | Holding::KindDenied => {
                    Reason::IdentifierKindNotListed { identifier }
                }
                Holding::NotHeld => Reason::IdentifierNotHere { identifier },
            };
            h.weigh(holding.lr(), reason);
        }
        if holders == 0 {
            unknown.reasons.push(Reason::IdentifierNoSource { identifier });
        } else if let Some(first) = id.exposed {
            unknown.reasons.push(Reason::IdentifierExposed { identifier, first_contact: first });
        } else {
            // An identifier most sources got (the main number) is one anybody
            // may have; one few got is evidence against "unknown".
            let share = holders as f64 / id.holding.len().max(1) as f64;
            let lr = match (id.own, holders) {
                (false, _) => UNKNOWN_ALIAS_LR,
                (true, 1) => UNKNOWN_OWN_IDENT_LR,
                (true, _) => UNKNOWN_OWN_IDENT_LR.max(share),
            };
            unknown.weigh(lr, Reason::IdentifierOnlyListed { identifier });
        }
    }
}

/// Name spellings, keywords and the sources' own names in the campaign's text.
fn weigh_terms(
    ctx: &Context<'_>,
    hay: &str,
    first_party: Option<usize>,
    hyps: &mut [Hyp],
    unknown: &mut Hyp,
) {
    let n = hyps.len();
    let unspec_names = ctx.no_names.iter().filter(|&&b| b).count();
    for (key, t) in &ctx.names {
        let count = t.holders.count(unspec_names);
        // The usual spelling, known to every source, tells nothing; a variant
        // known to all of them still tells against "unknown".
        if (count == n && t.canonical) || !contains_term(hay, key) {
            continue;
        }
        let name = t.display.clone();
        if count == 0 {
            for h in hyps.iter_mut() {
                h.weigh(CANONICAL_NAME_LR, Reason::NameNotHere { name: name.clone() });
            }
            continue;
        }
        for (i, h) in hyps.iter_mut().enumerate() {
            if t.holders.holds(i, &ctx.no_names) {
                h.weigh(1.0, Reason::NameOnlyHere { name: name.clone() });
            } else if t.canonical {
                h.weigh(CANONICAL_NAME_LR, Reason::NameNotHere { name: name.clone() });
            } else {
                h.weigh(NAME_EXCLUDE_LR, Reason::NameNotHere { name: name.clone() });
            }
        }
        if !t.canonical {
            unknown.weigh(UNKNOWN_NAME_LR, Reason::NameOnlyListed { name });
        }
    }
    for (key, t) in &ctx.keywords {
        if !contains_term(hay, key) {
            continue;
        }
        // A source signing its own messages names itself; that is no mention.
        for &i in t.holders.listed.iter().filter(|&&i| Some(i) != first_party) {
            if let Some(h) = hyps.get_mut(i) {
                let lr = if h.keywords == 0 { KEYWORD_LR } else { EXTRA_KEYWORD_LR };
                h.keywords += 1;
                let r = if t.source_name {
                    Reason::SourceNamed { name: t.display.clone() }
                } else {
                    Reason::Keyword { keyword: t.display.clone() }
                };
                h.weigh(lr, r);
            }
        }
    }
}

/// Normalisation (max-shifted log-sum-exp), ordering and the decision.
fn finish(
    c: &Campaign,
    d: &Disclosures,
    hyps: Vec<Hyp>,
    unknown: Hyp,
    unnamed: bool,
    opts: &AttributionOptions,
) -> CampaignAttribution {
    let log = |h: &Hyp| if h.excluded { f64::NEG_INFINITY } else { h.log };
    let max = hyps.iter().map(log).fold(unknown.log, f64::max);
    let z: f64 = hyps.iter().map(|h| (log(h) - max).exp()).sum::<f64>() + (unknown.log - max).exp();
    let prob = |l: f64| if z > 0.0 { (l - max).exp() / z } else { 0.0 };
    let unknown_score = prob(unknown.log);
    // (suspect, may it be the top one?)
    let mut ranked: Vec<(Suspect, bool)> = Vec::with_capacity(hyps.len() + 1);
    for (i, (h, x)) in hyps.into_iter().zip(&d.disclosures).enumerate() {
        let eligible = !h.excluded && !unnamed && h.grounded;
        let score = prob(log(&h));
        ranked.push((
            Suspect {
                source: Some(x.source.clone()),
                disclosure: Some(i),
                score,
                reasons: h.reasons,
            },
            eligible,
        ));
    }
    ranked.push((
        Suspect { source: None, disclosure: None, score: unknown_score, reasons: unknown.reasons },
        false,
    ));
    // Best first; on a tie "unknown" goes first, then file order.
    ranked.sort_by(|(a, _), (b, _)| {
        b.score
            .total_cmp(&a.score)
            .then(a.source.is_some().cmp(&b.source.is_some()))
            .then(a.disclosure.cmp(&b.disclosure))
    });
    let top = ranked
        .iter()
        .find(|(s, eligible)| *eligible && s.source.is_some())
        .map(|(s, _)| s)
        .filter(|s| s.score >= opts.threshold && s.score > unknown_score);
    CampaignAttribution {
        event_overrides: Vec::new(),
        campaign_id: c.id.clone(),
        top: top.and_then(|s| s.source.clone()),
        top_disclosure: top.and_then(|s| s.disclosure),
        suspects: ranked.into_iter().map(|(s, _)| s).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_domain_labels() {
        assert_eq!(
            mail_domain_label("leasing@mail.lakeshoreflats.com").as_deref(),
            Some("lakeshoreflats")
        );
        assert_eq!(mail_domain_label("a@shop.example.co.uk").as_deref(), Some("example"));
        assert_eq!(mail_domain_label("edm@e.hengxin-bx.com.cn").as_deref(), Some("hengxinbx"));
        assert_eq!(mail_domain_label("+8613800138000"), None);
    }

    #[test]
    fn brand_forms_of_a_source() {
        assert!(source_forms("TrailPeak Outfitters").contains(&"trailpeak".to_string()));
        assert!(!source_forms("Lakeside Birth Center").contains(&"lakeside".to_string()));
        assert!(distinctive("summitfederal") && !distinctive("shop") && distinctive("惠保通"));
    }
}
