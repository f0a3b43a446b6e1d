//! The scoring of one campaign against every disclosure and "unknown": each
//! piece of evidence is a likelihood ratio; the log-odds are summed per
//! hypothesis and normalised to posterior probabilities with a max-shifted
//! log-sum-exp.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::affinity::affinity;
use super::disclosures::Disclosures;
use super::reason::Reason;
use super::{AttributionOptions, CampaignAttribution, Suspect};
use crate::campaign::Campaign;
use crate::campaign::block::phone_key;
use crate::category::Category;
use crate::event::Event;

/// Distinct texts of one campaign searched for names and keywords; a template
/// blast repeats itself, so a sample says as much as all of it.
pub const MAX_TEXTS_PER_CAMPAIGN: usize = 200;
/// Characters of each text searched.
pub const MAX_TEXT_CHARS: usize = 4000;

/// Likelihood ratio for a source that never had an identifier the campaign reached.
pub const IDENT_EXCLUDE_LR: f64 = 1e-3;
/// For "unknown", when the campaign reached an alias that only listed sources had.
pub const UNKNOWN_ALIAS_LR: f64 = 0.01;
/// For "unknown", when the campaign reached one of `[me]`'s identifiers that only
/// some listed sources had: the user may have given it elsewhere too.
pub const UNKNOWN_OWN_IDENT_LR: f64 = 0.05;
/// For every listed source, when the campaign reached an identifier none of them had.
pub const IDENT_UNLISTED_LR: f64 = 0.05;
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
pub const AFFINITY_MISMATCH_LR: f64 = 0.2;

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

/// Categories that are only attributed on specific evidence: fraud blasts go
/// to everyone, and carrier offers come from the user's own carrier.
pub fn needs_specific_evidence(c: Category) -> bool {
    matches!(c, Category::Fraud | Category::Telecom)
}

/// Who holds a term: the sources that list it, plus (for the user's own
/// identifiers and name) those that did not record that field.
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

struct Ident {
    display: String,
    own: bool,
    holders: Holders,
    is_phone: bool,
}

struct Term {
    display: String,
    holders: Holders,
    canonical: bool,
    source_name: bool,
}

/// Everything about the disclosures computed once per run.
pub(crate) struct Context<'a> {
    d: &'a Disclosures,
    idents: Vec<Ident>,
    by_email: HashMap<String, usize>,
    by_phone: HashMap<String, usize>,
    no_phones: Vec<bool>,
    no_emails: Vec<bool>,
    no_names: Vec<bool>,
    names: Vec<(String, Term)>,
    keywords: Vec<(String, Term)>,
    obs: Option<(DateTime<Utc>, DateTime<Utc>)>,
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
    out
}

impl<'a> Context<'a> {
    pub(crate) fn new(d: &'a Disclosures, events: &[Event]) -> Self {
        let n = d.disclosures.len();
        let no_phones: Vec<bool> = d.disclosures.iter().map(|x| x.phones.is_empty()).collect();
        let no_emails: Vec<bool> = d.disclosures.iter().map(|x| x.emails.is_empty()).collect();
        let no_names: Vec<bool> = d.disclosures.iter().map(|x| x.names.is_empty()).collect();
        let mut ctx = Context {
            d,
            idents: Vec::new(),
            by_email: HashMap::new(),
            by_phone: HashMap::new(),
            no_phones,
            no_emails,
            no_names,
            names: Vec::new(),
            keywords: Vec::new(),
            obs: None,
        };
        for p in &d.me.phones {
            ctx.ident(p, true, None, true);
        }
        for e in &d.me.emails {
            ctx.ident(e, false, None, true);
        }
        for (i, x) in d.disclosures.iter().enumerate() {
            for p in &x.phones {
                ctx.ident(p, true, Some(i), false);
            }
            for e in &x.emails {
                ctx.ident(e, false, Some(i), false);
            }
        }
        if let Some(name) = d.me.name.as_deref().filter(|s| !s.trim().is_empty()) {
            ctx.names.push((
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
                add_holder(&mut ctx.names, name.trim().to_lowercase(), name, i, false);
            }
            for k in &x.keywords {
                add_holder(&mut ctx.keywords, k.trim().to_lowercase(), k, i, false);
            }
            for form in source_forms(&x.source) {
                add_holder(&mut ctx.keywords, form.clone(), &form, i, true);
            }
        }
        ctx.names.retain(|(k, _)| k.chars().count() >= 2);
        debug_assert!(ctx.idents.iter().all(|id| id.holders.listed.iter().all(|&i| i < n)));
        let times = events.iter().filter_map(|e| e.at);
        ctx.obs = times.clone().min().zip(times.max());
        ctx
    }

    fn ident(&mut self, raw: &str, is_phone: bool, holder: Option<usize>, own: bool) {
        let key = if is_phone { phone_key(raw) } else { email_key(raw) };
        let Some(key) = key else { return };
        let map = if is_phone { &mut self.by_phone } else { &mut self.by_email };
        let idx = match map.get(&key) {
            Some(&i) => i,
            None => {
                map.insert(key, self.idents.len());
                self.idents.push(Ident {
                    display: raw.to_string(),
                    own: false,
                    holders: Holders { listed: Vec::new(), unspecified: false },
                    is_phone,
                });
                self.idents.len() - 1
            }
        };
        if let Some(id) = self.idents.get_mut(idx) {
            if own {
                id.own = true;
                id.holders.unspecified = true;
            }
            if let Some(h) = holder {
                if id.holders.listed.last() != Some(&h) {
                    id.holders.listed.push(h);
                }
            }
        }
    }

    fn reached(&self, events: &[Event], c: &Campaign) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
            for to in e.to.iter().chain(e.to_all.iter()) {
                let hit = match email_key(to) {
                    Some(k) => self.by_email.get(&k),
                    None => phone_key(to).and_then(|k| self.by_phone.get(&k)),
                };
                if let Some(&i) = hit {
                    if !out.contains(&i) {
                        out.push(i);
                    }
                }
            }
        }
        out
    }

    /// The campaign's text, lower-case: a sample of distinct texts, names and tags.
    fn haystack(events: &[Event], c: &Campaign) -> String {
        let mut seen = std::collections::HashSet::new();
        let mut hay = String::new();
        for e in c.event_idx.iter().filter_map(|&i| events.get(i)) {
            if seen.len() >= MAX_TEXTS_PER_CAMPAIGN {
                break;
            }
            let mut t = e.full_text();
            if let Some(n) = &e.from_name {
                t.push_str(n);
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
    specific: bool,
    keywords: usize,
    reasons: Vec<Reason>,
}

impl Hyp {
    fn weigh(&mut self, lr: f64, reason: Reason) {
        self.log += lr.max(f64::MIN_POSITIVE).ln();
        self.specific |= reason.is_specific();
        self.reasons.push(reason);
    }
}

/// Likelihood ratio of an onset `days` after a disclosure: an exponential
/// onset-delay model (with a tail for lists resold later) against onset
/// uniform over the observation window, capped by the chance that unrelated
/// unsolicited contact began that soon anyway.
///
/// The base rate is Prasad et al., "Who's Calling? Characterizing Robocalls
/// through Audio and Metadata Analysis" (USENIX Security 2020): 66,606
/// never-published lines received about one unsolicited call every 8.42 days
/// each. With unrelated contact starting at rate r per day, the chance that
/// some begins within d days is q = 1 − e^(−r·d), and a coincidence that
/// likely cannot weigh more than 1/q.
pub fn onset_likelihood_ratio(
    days: f64,
    window_days: f64,
    after_days: f64,
    opts: &AttributionOptions,
) -> f64 {
    let days = days.max(0.0);
    let window = window_days.max(1.0);
    let after = after_days.clamp(1.0, window.max(1.0));
    let lambda = 1.0 / opts.onset_mean_days.max(0.1);
    let tail = opts.late_onset_weight.clamp(0.0, 1.0);
    let model = ((1.0 - tail) * lambda * (-lambda * days).exp() + tail / after) * window;
    let q = 1.0 - (-opts.base_rate_per_day.max(1e-6) * days.max(1.0)).exp();
    model.min(1.0 / q.max(1e-6))
}

/// Scores one campaign. `ctx` was built from the same disclosures and events.
pub(crate) fn score(
    ctx: &Context<'_>,
    c: &Campaign,
    events: &[Event],
    opts: &AttributionOptions,
) -> CampaignAttribution {
    let d = ctx.d;
    let n = d.disclosures.len();
    let mut hyps: Vec<Hyp> = (0..n).map(|_| Hyp::default()).collect();
    let mut unknown = Hyp { log: opts.unknown_weight.max(1e-9).ln(), ..Default::default() };
    unknown.reasons.push(if n == 0 { Reason::NoDisclosures } else { Reason::UnknownPrior });
    let no_specified = |id: &Ident| if id.is_phone { &ctx.no_phones } else { &ctx.no_emails };

    // Identifiers reached.
    for id in ctx.reached(events, c).into_iter().filter_map(|i| ctx.idents.get(i)) {
        let unspec = no_specified(id);
        let count = id.holders.count(unspec.iter().filter(|&&b| b).count());
        if count == n {
            continue;
        }
        let identifier = id.display.clone();
        if count == 0 {
            for h in &mut hyps {
                h.weigh(
                    IDENT_UNLISTED_LR,
                    Reason::IdentifierNoSource { identifier: identifier.clone() },
                );
            }
            unknown.reasons.push(Reason::IdentifierNoSource { identifier });
            continue;
        }
        for (i, h) in hyps.iter_mut().enumerate() {
            if id.holders.holds(i, unspec) {
                h.weigh(
                    1.0,
                    Reason::IdentifierOnlyHere { identifier: identifier.clone(), holders: count },
                );
            } else {
                h.weigh(
                    IDENT_EXCLUDE_LR,
                    Reason::IdentifierNotHere { identifier: identifier.clone() },
                );
            }
        }
        let lr = if id.own { UNKNOWN_OWN_IDENT_LR } else { UNKNOWN_ALIAS_LR };
        unknown.weigh(lr, Reason::IdentifierOnlyListed { identifier });
    }

    // Name spellings and keywords in the text.
    let hay = Context::haystack(events, c);
    let unspec_names = ctx.no_names.iter().filter(|&&b| b).count();
    for (key, t) in &ctx.names {
        let count = t.holders.count(unspec_names);
        // The usual spelling, known to every source, tells nothing; a variant
        // known to all of them still tells against "unknown".
        if (count == n && t.canonical) || !contains_term(&hay, key) {
            continue;
        }
        let name = t.display.clone();
        if count == 0 {
            for h in &mut hyps {
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
        // A keyword shared by every source still tells against "unknown".
        if !contains_term(&hay, key) {
            continue;
        }
        for &i in &t.holders.listed {
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

    // Timing and affinity. For fraud and carrier offers they only count for
    // sources that specific evidence already points at.
    let gated = needs_specific_evidence(c.category);
    for (h, x) in hyps.iter_mut().zip(&d.disclosures) {
        let at = x.at();
        if let Some(first) = c.first_seen {
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
        if gated && !h.specific {
            continue;
        }
        if let (Some(first), Some((start, end))) = (c.first_seen, ctx.obs) {
            if at.checked_add_signed(opts.tolerance).is_some_and(|t| t < start) {
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
        if let Some(kind) = x.kind {
            let w = affinity(kind, c.category);
            if w > 0.0 {
                let lr = 1.0 + (AFFINITY_MAX_LR - 1.0) * w;
                h.weigh(lr, Reason::Affinity { kind, category: c.category, likelihood_ratio: lr });
            } else {
                h.weigh(
                    AFFINITY_MISMATCH_LR,
                    Reason::AffinityMismatch { kind, category: c.category },
                );
            }
        }
    }
    if n > 0 && hyps.iter().all(|h| h.excluded) {
        unknown.reasons.push(Reason::BeganBeforeAllDisclosures);
    }
    if gated && !hyps.iter().any(|h| h.specific && !h.excluded) {
        unknown.reasons.push(Reason::NeedsSpecificEvidence { category: c.category });
    }
    finish(c, d, hyps, unknown, gated, opts)
}

/// Normalisation (max-shifted log-sum-exp), ordering and the decision.
fn finish(
    c: &Campaign,
    d: &Disclosures,
    hyps: Vec<Hyp>,
    unknown: Hyp,
    gated: bool,
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
        let eligible = !h.excluded && (!gated || h.specific);
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
        campaign_id: c.id.clone(),
        top: top.and_then(|s| s.source.clone()),
        top_disclosure: top.and_then(|s| s.disclosure),
        suspects: ranked.into_iter().map(|(s, _)| s).collect(),
    }
}
