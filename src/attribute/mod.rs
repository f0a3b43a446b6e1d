//! Attribution: which of the user's disclosures most likely leaked the
//! details each campaign used, with the evidence for and against.
//!
//! Every disclosure is a hypothesis, and so is "unknown" (a source not on the
//! list: a resold list, a breach, cold marketing, fraud sent to everyone).
//! [`attribute`] starts each from a prior weight, multiplies in likelihood
//! ratios for the evidence ([`score`]), and normalises to posterior
//! probabilities that sum to 1 over the hypotheses. The evidence:
//!
//! * **identifiers reached** (number, address, alias): near-conclusive for
//!   the sources whose record lists it, near-exclusion for those that list
//!   other identifiers of that kind. A record that lists identifiers of some
//!   kinds but not of this one probably did not get it (0.1); only a record
//!   listing no identifier at all is assumed to have had all of `[me]`'s.
//!   Against "unknown" an identifier counts as much as it is rare (an alias
//!   1/100; the main number, which most sources got, hardly at all), and not
//!   at all once it drew unsolicited contact before any source had it.
//!   An event that reached an alias keeps that alias's source even when its
//!   campaign is attributed elsewhere ([`CampaignAttribution::event_overrides`]);
//! * **text**: a spelling of the user's name, a keyword, or the source's own
//!   name only some sources had. A message *signed* by the source itself
//!   (`【阳光家园物业】…`, sender id `LakesideCar`) is first-party contact, not
//!   a leak; so is marketing from the person's carrier or bank (10086, 95555,
//!   `EE`) or from a sender of genuine messages;
//! * **timing against the base rate**: a disclosure after the first contact
//!   is excluded (one day's tolerance); an onset days to weeks after a
//!   disclosure (a log-normal delay, median two weeks: a list changes hands
//!   before it is worked) weighs for it ([`score::onset_likelihood_ratio`])
//!   against "unknown",
//!   whose prior is the number of unrelated campaigns of the same kind
//!   (category family, main channel, for fraud the dealing it is about)
//!   expected over the records — counted from the campaigns that began away
//!   from every disclosure that could explain them. Fraud blasts and
//!   call-block telemarketing begin every few weeks; a first insurance
//!   campaign in months says much more;
//! * **life topic**: a campaign about a topic a disclosure's own words name
//!   and its category does not imply (baby formula after a maternity
//!   hospital, not after a gym; [`topic`]);
//! * **category affinity** of the campaign with the disclosure's kind
//!   ([`affinity`]); fraud only when it is about the dealing (job scams after
//!   a job site). A category resting on unsure verdicts counts half, and
//!   bare calls the classifier was unsure of have none;
//! * **the other campaigns**: a second pass raises the prior of sources the
//!   first pass named for other campaigns (a list that leaked is used by
//!   several marketers).
//!
//! A source is named ([`CampaignAttribution::top`]) when it is the most
//! likely hypothesis, its posterior reaches [`ATTRIBUTION_THRESHOLD`] and
//! some evidence besides affinity speaks for it. A campaign of unsure events
//! only is named only when its structure is a campaign's (a number block, a
//! template, repeated calls); stray unsure events are never attributed.
//!
//! Measured end to end on the scenario simulator (`tests/attribution.rs`,
//! scale 1) this names the right source for 0.86–0.93 of leaked events
//! and a source for 0.03–0.04 of the others, pooled over sets of seeds; what
//! is left is mostly bare call blocks whose only clue is timing, and
//! campaigns of one brand from two lists grouped as one.
//!
//! Without a disclosures file, [`infer_life_events`] looks for surges of
//! related categories that betray a life event (a flat purchase, a birth);
//! [`canary::propose`] helps make future attribution conclusive.

pub mod affinity;
pub mod canary;
pub mod disclosures;
pub mod lifeevent;
pub mod reason;
pub mod score;
pub mod topic;

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::campaign::Campaign;
use crate::category::Category;
use crate::event::Event;
use crate::verdict::Verdict;

pub use disclosures::{Disclosure, Disclosures, Me};
pub use lifeevent::{LifeEvent, infer_life_events};
pub use reason::Reason;

/// The posterior the most likely source needs before a campaign is
/// attributed to it (it must also beat "unknown"). A best guess, shown with
/// its probability: 0.4 traded accuracy against false attribution best on
/// the simulator's tuning seeds (0.5 names ~3 % fewer leaked events for
/// ~0.4 % fewer false names).
pub const ATTRIBUTION_THRESHOLD: f64 = 0.4;

/// The prior weight of "unknown" per unrelated campaign of the same kind
/// expected over the records (each disclosure has weight 1).
pub const UNKNOWN_WEIGHT: f64 = 1.0;

/// Settings of [`attribute`].
///
/// | name | default | range | meaning |
/// |---|---|---|---|
/// | `unknown_weight` | 1.0 ([`UNKNOWN_WEIGHT`]) | > 0 | prior weight of "unknown" per expected unrelated campaign of the kind; each disclosure has 1 |
/// | `onset_median_days` | 14 | > 0 | median delay from disclosure to first contact when the source is the leak |
/// | `onset_spread` | 0.9 | > 0 | σ of the log of that delay (log-normal: few leaks call the same day, most within weeks) |
/// | `late_onset_weight` | 0.2 | 0..=1 | share of leaks whose onset comes any time later (lists resold) |
/// | `leak_window_days` | 60 | ≥ 0 | days after a disclosure in which its leaks are expected to begin; campaigns beginning outside every such window make the background rate |
/// | `tolerance` | 1 day | ≥ 0 | a disclosure this much after the first contact is still possible (time zones) |
/// | `threshold` | 0.4 ([`ATTRIBUTION_THRESHOLD`]) | 0..=1 | posterior the most likely source needs to be named |
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionOptions {
    /// Prior weight of the unknown hypothesis per expected unrelated campaign
    /// of the kind scored (each disclosure has weight 1).
    pub unknown_weight: f64,
    /// Median onset delay in days under "this source leaked it".
    pub onset_median_days: f64,
    /// Spread (σ of its logarithm) of that delay.
    pub onset_spread: f64,
    /// Share of onsets that come any time later (a resold list).
    pub late_onset_weight: f64,
    /// Days after a disclosure in which its leaks are expected to begin.
    pub leak_window_days: f64,
    /// Tolerance for disclosures dated after the first contact.
    pub tolerance: Duration,
    /// Posterior needed to name a source.
    pub threshold: f64,
}

impl Default for AttributionOptions {
    fn default() -> Self {
        AttributionOptions {
            unknown_weight: UNKNOWN_WEIGHT,
            onset_median_days: 14.0,
            onset_spread: 0.9,
            late_onset_weight: 0.2,
            leak_window_days: 60.0,
            tolerance: Duration::days(1),
            threshold: ATTRIBUTION_THRESHOLD,
        }
    }
}

/// One hypothesis for a campaign's source, with its posterior and reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suspect {
    /// The source's name; `None` is the "unknown" hypothesis.
    pub source: Option<String>,
    /// Index of the disclosure in [`Disclosures::disclosures`]; `None` for unknown.
    pub disclosure: Option<usize>,
    /// Posterior probability; the scores of one campaign sum to 1.
    pub score: f64,
    /// The evidence, in the order it was weighed.
    pub reasons: Vec<Reason>,
}

impl Suspect {
    /// True for the "unknown" hypothesis.
    pub fn is_unknown(&self) -> bool {
        self.source.is_none()
    }
}

/// The attribution of one campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignAttribution {
    /// The campaign's id.
    pub campaign_id: String,
    /// Every disclosure and "unknown", best first.
    pub suspects: Vec<Suspect>,
    /// The named source, when its posterior clears the threshold and beats unknown.
    pub top: Option<String>,
    /// The named source's disclosure index (two disclosures may share a name).
    pub top_disclosure: Option<usize>,
    /// Events of the campaign that reached an alias only one source had, after
    /// that source got it, when that source is not `top`: `(event index,
    /// disclosure index)`. An alias is a canary; it names the leak for its
    /// event even when the campaign around it was grouped too widely.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub event_overrides: Vec<(usize, usize)>,
}

/// Attributes each campaign (one result per campaign, same order). The
/// verdicts tell which senders also sent genuine messages (a relationship,
/// not a leak); a campaign is judged by its own category. Two passes over
/// the campaigns (see the module doc); linear in events and campaigns.
pub fn attribute(
    campaigns: &[Campaign],
    events: &[Event],
    verdicts: &[Verdict],
    disclosures: &Disclosures,
    opts: &AttributionOptions,
) -> Vec<CampaignAttribution> {
    let mut ctx = score::Context::new(disclosures, events, verdicts, campaigns, opts);
    let prepared: Vec<score::Prepared> = campaigns.iter().map(|c| ctx.prepare(c, events)).collect();
    ctx.find_background(&prepared, opts);
    let first: Vec<CampaignAttribution> = campaigns
        .iter()
        .zip(&prepared)
        .map(|(c, p)| score::score(&ctx, c, p, events, opts, &[]))
        .collect();
    // Whether a source leaked at all is uncertain; the other campaigns tell
    // (an alias reached, a campaign right after it). Per source, the first
    // pass's ln(1 − P(campaign from it)) summed over the campaigns, so that
    // each campaign can be scored again against the evidence of the others.
    let n = disclosures.disclosures.len();
    let mut none_from = vec![0.0f64; n];
    let mut own: Vec<Vec<(usize, f64)>> = Vec::with_capacity(first.len());
    for a in &first {
        let mut mine = Vec::new();
        for s in &a.suspects {
            if let Some(i) = s.disclosure {
                // Only campaigns the first pass would name count: many weak
                // guesses must not add up to a proof.
                let p = if s.score >= opts.threshold { s.score } else { 0.0 };
                let l = (1.0 - p.clamp(0.0, MAX_CAMPAIGN_POSTERIOR)).ln();
                if let Some(t) = none_from.get_mut(i) {
                    *t += l;
                }
                mine.push((i, l));
            }
        }
        own.push(mine);
    }
    if n == 0 {
        return first;
    }
    ctx.set_leak_evidence(none_from);
    campaigns
        .iter()
        .zip(&prepared)
        .zip(&own)
        .map(|((c, p), mine)| score::score(&ctx, c, p, events, opts, mine))
        .collect()
}

/// The largest first-pass posterior one campaign lends to the belief that
/// its source leaked, so that no single campaign makes it certain.
pub const MAX_CAMPAIGN_POSTERIOR: f64 = 0.999;

/// The attributed source of each event (its campaign's `top`), `None` for
/// events in no campaign or in an unattributed one.
pub fn event_sources(
    n_events: usize,
    campaigns: &[Campaign],
    attributions: &[CampaignAttribution],
) -> Vec<Option<String>> {
    let top: HashMap<&str, &str> = attributions
        .iter()
        .filter_map(|a| a.top.as_deref().map(|t| (a.campaign_id.as_str(), t)))
        .collect();
    let mut out = vec![None; n_events];
    for c in campaigns {
        if let Some(t) = top.get(c.id.as_str()) {
            for &i in &c.event_idx {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some((*t).to_string());
                }
            }
        }
    }
    for a in attributions {
        for &(i, d) in &a.event_overrides {
            let source =
                a.suspects.iter().find(|s| s.disclosure == Some(d)).and_then(|s| s.source.clone());
            if let (Some(slot), Some(source)) = (out.get_mut(i), source) {
                *slot = Some(source);
            }
        }
    }
    out
}

/// What one disclosure turned out to explain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceSummary {
    /// The source's name.
    pub source: String,
    /// The disclosure date.
    pub date: NaiveDate,
    /// The dealing's kind.
    pub kind: Option<Category>,
    /// Ids of the campaigns attributed to it.
    pub campaigns: Vec<String>,
    /// Events in those campaigns.
    pub event_count: usize,
}

/// One summary per disclosure, in file order.
pub fn summarize_sources(
    disclosures: &Disclosures,
    campaigns: &[Campaign],
    attributions: &[CampaignAttribution],
) -> Vec<SourceSummary> {
    let sizes: HashMap<&str, usize> =
        campaigns.iter().map(|c| (c.id.as_str(), c.event_idx.len())).collect();
    let mut out: Vec<SourceSummary> = disclosures
        .disclosures
        .iter()
        .map(|d| SourceSummary {
            source: d.source.clone(),
            date: d.date,
            kind: d.kind,
            campaigns: Vec::new(),
            event_count: 0,
        })
        .collect();
    for a in attributions {
        if let Some(s) = a.top_disclosure.and_then(|i| out.get_mut(i)) {
            s.campaigns.push(a.campaign_id.clone());
            s.event_count += sizes.get(a.campaign_id.as_str()).copied().unwrap_or(0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{CampaignOptions, cluster};
    use crate::event::Channel;
    use chrono::{DateTime, TimeZone, Utc};

    const ME: &str = "[me]\nname = \"张伟\"\nphones = [\"+8613800138000\", \"+8615912345678\"]\nemails = [\"zw@example.com\"]\n";

    fn day(m: u32, d: u32) -> Option<DateTime<Utc>> {
        Utc.with_ymd_and_hms(2024, m, d, 10, 0, 0).single()
    }

    fn sms(from: &str, when: Option<DateTime<Utc>>, to: &str, text: &str) -> Event {
        Event {
            channel: Some(Channel::Sms),
            from: from.into(),
            at: when,
            to: Some(to.into()).filter(|t: &String| !t.is_empty()),
            text: text.into(),
            ..Default::default()
        }
        .with_id()
    }

    /// Runs the pipeline over `events` (all of category `cat`) plus two
    /// legitimate events that open and close a one-year observation window.
    fn run(
        toml: &str,
        cat: Category,
        mut events: Vec<Event>,
    ) -> (Vec<Campaign>, Vec<CampaignAttribution>, Vec<Event>) {
        events.push(sms("+8613911110000", day(1, 1), "", "妈：晚饭回家吃吗"));
        events.push(sms("+8613911110000", day(12, 31), "", "妈：新年快乐"));
        let n = events.len();
        let mut verdicts = vec![Verdict::new(cat, 0.9); n - 2];
        verdicts.extend([Verdict::new(Category::Legit, 0.99); 2]);
        let d = Disclosures::from_toml_str(&format!("{ME}{toml}"), "t.toml").unwrap();
        let cs = cluster(&events, &verdicts, &CampaignOptions::default());
        let at = attribute(&cs, &events, &verdicts, &d, &AttributionOptions::default());
        (cs, at, events)
    }

    /// Like [`run`], with a verdict per event (the two legitimate events are added).
    fn run_with(
        toml: &str,
        mut events: Vec<Event>,
        mut verdicts: Vec<Verdict>,
    ) -> (Vec<Campaign>, Vec<CampaignAttribution>, Vec<Event>) {
        events.push(sms("+8613911110000", day(1, 1), "", "妈：晚饭回家吃吗"));
        events.push(sms("+8613911110000", day(12, 31), "", "妈：新年快乐"));
        verdicts.extend([Verdict::new(Category::Legit, 0.99); 2]);
        let d = Disclosures::from_toml_str(&format!("{ME}{toml}"), "t.toml").unwrap();
        let cs = cluster(&events, &verdicts, &CampaignOptions::default());
        let at = attribute(&cs, &events, &verdicts, &d, &AttributionOptions::default());
        (cs, at, events)
    }

    fn mail_to(from: &str, when: Option<DateTime<Utc>>, to: &str, subject: &str) -> Event {
        Event {
            channel: Some(Channel::Email),
            from: from.into(),
            at: when,
            to: Some(to.into()),
            subject: Some(subject.into()),
            text: format!("{subject}，详情见官网"),
            ..Default::default()
        }
        .with_id()
    }

    fn call(from: &str, when: Option<DateTime<Utc>>) -> Event {
        Event { channel: Some(Channel::Call), from: from.into(), at: when, ..Default::default() }
            .with_id()
    }

    /// The attribution of the campaign holding event `i`.
    fn of<'a>(cs: &[Campaign], at: &'a [CampaignAttribution], i: usize) -> &'a CampaignAttribution {
        let k = cs.iter().position(|c| c.event_idx.contains(&i)).unwrap();
        &at[k]
    }

    fn only(at: &[CampaignAttribution]) -> &CampaignAttribution {
        assert_eq!(at.len(), 1, "{at:#?}");
        &at[0]
    }

    fn suspect<'a>(a: &'a CampaignAttribution, source: &str) -> &'a Suspect {
        a.suspects.iter().find(|s| s.source.as_deref() == Some(source)).unwrap()
    }

    fn unknown(a: &CampaignAttribution) -> &Suspect {
        a.suspects.iter().find(|s| s.is_unknown()).unwrap()
    }

    const TWO: &str = "[[disclosure]]\nsource = \"X\"\ndate = \"2024-03-01\"\nemails = [\"zw+x@example.com\"]\nphones = [\"+8615912345678\"]\n\
                       [[disclosure]]\nsource = \"Y\"\ndate = \"2024-03-01\"\nphones = [\"+8613800138000\"]\n";

    #[test]
    fn alias_identifier_is_near_conclusive_and_excludes_others() {
        let mut e = sms("shop@retailer.cn", day(6, 1), "", "Summer sale for members");
        e.channel = Some(Channel::Email);
        e.to_all = vec!["ZW+X@example.com".into()];
        let (_, at, _) = run(TWO, Category::Retail, vec![e.with_id()]);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("X"));
        assert_eq!(a.top_disclosure, Some(0));
        assert!(suspect(a, "X").score > 0.9);
        assert!(suspect(a, "Y").score < 0.01);
        assert!(
            suspect(a, "Y").reasons.iter().any(|r| matches!(r, Reason::IdentifierNotHere { .. }))
        );
        let total: f64 = a.suspects.iter().map(|s| s.score).sum();
        assert!((total - 1.0).abs() < 1e-9);
    }

    #[test]
    fn second_number_points_at_the_only_source_that_had_it() {
        // Both got their details the same day; only X got the second number.
        let ev = vec![sms("+8613700001111", day(3, 20), "+86 159 1234 5678", "贷款额度已批")];
        let (_, at, _) = run(TWO, Category::Finance, ev);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("X"));
        assert!(suspect(a, "X").reasons.iter().any(|r| r.is_specific()));
        assert!(suspect(a, "Y").score < 0.01);
    }

    #[test]
    fn identifier_every_source_had_is_no_evidence() {
        let both = "[[disclosure]]\nsource = \"X\"\ndate = \"2024-03-01\"\nphones = [\"+8613800138000\"]\n\
                    [[disclosure]]\nsource = \"Y\"\ndate = \"2024-03-01\"\n";
        let ev = vec![sms("+8613700001111", day(6, 1), "+8613800138000", "课程试听")];
        let (_, at, _) = run(both, Category::Education, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(a.suspects.iter().all(|s| !s.reasons.iter().any(|r| matches!(
            r,
            Reason::IdentifierOnlyHere { .. } | Reason::IdentifierNotHere { .. }
        ))));
    }

    #[test]
    fn name_spelling_only_one_source_had() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2024-03-01\"\nnames = [\"张炜\"]\n\
                 [[disclosure]]\nsource = \"智联招聘\"\ndate = \"2024-02-01\"\n";
        let ev = vec![sms("+8613700001111", day(8, 1), "", "张炜先生您好，装修套餐限时优惠")];
        let (_, at, _) = run(d, Category::Renovation, ev);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("阳光家园售楼处"));
        assert!(
            suspect(a, "智联招聘").reasons.contains(&Reason::NameNotHere { name: "张炜".into() })
        );
        assert!(unknown(a).reasons.contains(&Reason::NameOnlyListed { name: "张炜".into() }));
    }

    #[test]
    fn keyword_and_source_name_mentions() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2024-03-01\"\nkeywords = [\"阳光家园\"]\n\
                 [[disclosure]]\nsource = \"Maple Grove Realty\"\ndate = \"2024-02-01\"\n";
        let ev = vec![sms("+8613700001111", day(9, 1), "", "您在阳光家园的新房需要软装吗")];
        let (_, at, _) = run(d, Category::Renovation, ev);
        assert_eq!(only(&at).top.as_deref(), Some("阳光家园售楼处"));
        let ev = vec![sms(
            "+15550001111",
            day(9, 1),
            "",
            "As a Maple Grove homeowner, lock in your rate",
        )];
        let (_, at, _) = run(d, Category::Finance, ev);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("Maple Grove Realty"));
        assert!(
            suspect(a, "Maple Grove Realty")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::SourceNamed { .. }))
        );
        let ev = vec![sms("+15550001111", day(9, 1), "", "Mapleton Grove news")];
        let (_, at, _) = run(d, Category::Finance, ev);
        assert_eq!(only(&at).top, None);
    }

    #[test]
    fn disclosure_after_first_contact_is_excluded_with_tolerance() {
        let d = "[[disclosure]]\nsource = \"Late\"\ndate = \"2024-05-10\"\nkeywords = [\"阳光家园\"]\n\
                 [[disclosure]]\nsource = \"SameDay\"\ndate = \"2024-05-02\"\n";
        let ev = vec![sms("+8613700001111", day(5, 1), "", "阳光家园开盘")];
        let (_, at, _) = run(d, Category::Property, ev);
        let a = only(&at);
        assert_eq!(suspect(a, "Late").score, 0.0);
        assert!(matches!(
            suspect(a, "Late").reasons.last(),
            Some(Reason::DisclosedAfterFirstContact { .. })
        ));
        assert!(suspect(a, "SameDay").score > 0.0, "within one day's tolerance");
        assert_ne!(a.top.as_deref(), Some("Late"));
    }

    #[test]
    fn onset_ratio_falls_with_delay_and_matches_the_model() {
        let o = AttributionOptions::default();
        let (r1, r30, r200) = (
            score::onset_likelihood_ratio(1.0, 365.0, 300.0, &o),
            score::onset_likelihood_ratio(30.0, 365.0, 300.0, &o),
            score::onset_likelihood_ratio(200.0, 365.0, 300.0, &o),
        );
        let r14 = score::onset_likelihood_ratio(14.0, 365.0, 300.0, &o);
        let r0 = score::onset_likelihood_ratio(0.0, 365.0, 300.0, &o);
        // Two weeks is likelier than the same day or a month; later is unlikely.
        assert!(r14 > r1 && r14 > r30 && r30 > r200, "{r1} {r14} {r30} {r200}");
        assert!(r0 <= r1 && r200 < 1.0);
        // Oracle: (0.8 · lognormal(30; ln 14, 0.9) + 0.2 / 300) · 365, by hand.
        let z = ((30.0f64).ln() - (14.0f64).ln()) / 0.9;
        let pdf = (-z * z / 2.0).exp() / (30.0 * 0.9 * (2.0 * std::f64::consts::PI).sqrt());
        let oracle = (0.8 * pdf + 0.2 / 300.0) * 365.0;
        assert!((r30 - oracle).abs() < 1e-9, "{r30} vs {oracle}");
        // Hostile values stay finite.
        assert!(score::onset_likelihood_ratio(-5.0, 0.0, -1.0, &o).is_finite());
    }

    #[test]
    fn affinity_with_prompt_onset_names_the_source_and_mismatch_does_not() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2024-03-10\"\nkind = \"property\"\n";
        let ev = vec![sms("+8613700001111", day(3, 11), "", "装修设计免费量房")];
        let (_, at, _) = run(d, Category::Renovation, ev.clone());
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("阳光家园售楼处"), "{a:#?}");
        assert!(
            suspect(a, "阳光家园售楼处")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::Affinity { .. }))
        );
        let (_, at, _) = run(d, Category::Education, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(
            suspect(a, "阳光家园售楼处")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::AffinityMismatch { .. }))
        );
    }

    #[test]
    fn affinity_alone_is_a_weak_guess() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2023-06-10\"\nkind = \"property\"\n";
        // Seen from the records' first day: the onset may predate them, only affinity is left.
        let ev = vec![sms("+8613700001111", day(1, 2), "", "二手房急售")];
        let (_, at, _) = run(d, Category::Property, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(suspect(a, "阳光家园售楼处").reasons.contains(&Reason::DisclosedBeforeRecords));
        assert!(suspect(a, "阳光家园售楼处").score > unknown(a).score, "a guess, not a name");
        // Seen months into the records, a year after the dealing: timing speaks against it.
        let ev = vec![sms("+8613700001111", day(6, 1), "", "二手房急售")];
        let (_, at, _) = run(d, Category::Property, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(suspect(a, "阳光家园售楼处").reasons.iter().any(
            |r| matches!(r, Reason::Onset { likelihood_ratio, .. } if *likelihood_ratio < 1.0)
        ));
    }

    /// Short job-scam texts (too short to share a template: each its own
    /// campaign) from `n` random numbers over the year, plus `extra`.
    fn with_blasts(n: usize, extra: Vec<Event>) -> Vec<Event> {
        let mut ev: Vec<Event> = (0..n)
            .map(|k| {
                let when = day(1 + (k as u32 % 11), 1 + (k as u32 * 7 % 27));
                sms(
                    &format!("+8617{:09}", (k as u64 * 7_919_311 + 12_345) % 1_000_000_000),
                    when,
                    "",
                    &format!("兼职日结{k}元"),
                )
            })
            .collect();
        ev.extend(extra);
        ev
    }

    #[test]
    fn a_scam_naming_the_shop_by_its_brand_points_at_it() {
        let d = "[[disclosure]]\nsource = \"TrailPeak Outfitters\"\ndate = \"2024-03-01\"\nkind = \"retail\"\n\n[[disclosure]]\nsource = \"Maple Dental\"\ndate = \"2024-03-02\"\nkind = \"healthcare\"\n";
        let texts = [
            "This is Refund Desk: your order from TrailPeak could not be delivered, call 555 0100",
            "Refund Desk: a duplicate charge of $89.99 was made on your TrailPeak order, call 555 0100",
            "Refund Desk: your TrailPeak refund is waiting, call 555 0100 to confirm",
        ];
        let ev: Vec<Event> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| sms("+13125550100", day(3, 20 + k as u32), "", t))
            .collect();
        let (_, at, _) = run(d, Category::Fraud, ev);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("TrailPeak Outfitters"), "{a:#?}");
    }

    #[test]
    fn fraud_blasts_and_carrier_offers_stay_unknown() {
        let d = "[[disclosure]]\nsource = \"智联招聘\"\ndate = \"2024-03-10\"\nkind = \"recruitment\"\nkeywords = [\"智联\"]\n";
        // A blast about a lost parcel is about no dealing, however soon it comes.
        let ev = vec![sms("+8613700001111", day(3, 11), "", "您的快递丢失，理赔请加微信 kd_7788")];
        let (_, at, _) = run(d, Category::Fraud, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(
            suspect(a, "智联招聘")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::AffinityMismatch { .. }))
        );
        assert!(unknown(a).score > 0.5);
        // A job scam soon after a job site, among job scams all year: timing says little.
        let scam = sms("+8613700001111", day(3, 12), "", "刷单兼职日结300，加微信 job_7788");
        let (cs, at, _) = run(d, Category::Fraud, with_blasts(60, vec![scam]));
        let k = cs.iter().position(|c| c.senders == ["+8613700001111"]).unwrap();
        assert_eq!(at[k].top, None, "{:#?}", at[k]);
        // With a keyword, the job scam is pinned on the job site.
        let scam = sms(
            "+8613700001111",
            day(3, 12),
            "",
            "您在智联投递的简历已通过，兼职日结，加微信 job_7788",
        );
        let (cs, at, _) = run(d, Category::Fraud, with_blasts(60, vec![scam]));
        let k = cs.iter().position(|c| c.senders == ["+8613700001111"]).unwrap();
        assert_eq!(at[k].top.as_deref(), Some("智联招聘"));
        // The carrier's own offers are no leak, even after a broadband sign-up.
        let shop = "[[disclosure]]\nsource = \"营业厅宽带代理点\"\ndate = \"2024-03-10\"\nkind = \"telecom\"\n";
        let ev = vec![sms("10086", day(3, 11), "", "尊敬的客户，5G套餐升级享优惠")];
        let (_, at, _) = run(shop, Category::Telecom, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(
            suspect(a, "营业厅宽带代理点")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::RelationshipSender { .. }))
        );
        // But a broadband reseller's offers right after the sign-up are its own.
        let ev = vec![sms("1069055512345", day(3, 14), "", "【光网】千兆宽带免费提速，回T退订")];
        let (_, at, _) = run(shop, Category::Telecom, ev);
        assert_eq!(only(&at).top.as_deref(), Some("营业厅宽带代理点"));
    }

    #[test]
    fn campaign_before_every_disclosure_is_unknown() {
        let d = "[[disclosure]]\nsource = \"A\"\ndate = \"2024-06-01\"\nkind = \"property\"\nkeywords = [\"阳光家园\"]\n\
                 [[disclosure]]\nsource = \"B\"\ndate = \"2024-07-01\"\nkind = \"property\"\n";
        let ev = vec![sms("+8613700001111", day(3, 1), "", "阳光家园开盘")];
        let (_, at, _) = run(d, Category::Property, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert_eq!(unknown(a).score, 1.0);
        assert!(unknown(a).reasons.contains(&Reason::BeganBeforeAllDisclosures));
        assert!(a.suspects[0].is_unknown());
    }

    #[test]
    fn threshold_decides_naming() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2024-03-10\"\nkind = \"property\"\n";
        let ev = vec![sms("+8613700001111", day(3, 11), "", "装修设计免费量房")];
        let (cs, _, events) = run(d, Category::Renovation, ev);
        let dis = Disclosures::from_toml_str(&format!("{ME}{d}"), "t.toml").unwrap();
        let strict = AttributionOptions { threshold: 0.99, ..Default::default() };
        let a = attribute(&cs, &events, &[], &dis, &strict);
        assert_eq!(a[0].top, None);
        assert!(a[0].suspects[0].score > ATTRIBUTION_THRESHOLD && a[0].suspects[0].score < 0.99);
    }

    #[test]
    fn event_sources_and_summaries() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2024-03-01\"\nkeywords = [\"阳光家园\"]\n\
                 [[disclosure]]\nsource = \"B\"\ndate = \"2024-05-05\"\n";
        let ev = vec![
            sms("+8613700001111", day(4, 1), "", "阳光家园二期开盘"),
            sms("+8613700001111", day(4, 2), "", "阳光家园样板间"),
            // Before both disclosures: nobody's.
            sms("+8613600002222", day(2, 3), "", "低息贷款"),
        ];
        let (cs, at, events) = run(d, Category::Property, ev);
        let src = event_sources(events.len(), &cs, &at);
        assert_eq!(src.len(), events.len());
        assert_eq!(src[0].as_deref(), Some("阳光家园售楼处"));
        assert_eq!(src[1].as_deref(), Some("阳光家园售楼处"));
        assert_eq!(src[2], None);
        assert_eq!(src[3], None);
        let dis = Disclosures::from_toml_str(&format!("{ME}{d}"), "t.toml").unwrap();
        let sum = summarize_sources(&dis, &cs, &at);
        assert_eq!(sum.len(), 2);
        assert_eq!(sum[0].event_count, 2);
        assert_eq!(sum[0].campaigns.len(), 1);
        assert!(sum[1].campaigns.is_empty());
    }

    #[test]
    fn no_disclosures_means_unknown() {
        let (_, at, _) =
            run("", Category::Property, vec![sms("+8613700001111", day(4, 1), "", "开盘")]);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert_eq!(a.suspects.len(), 1);
        assert!(a.suspects[0].reasons.contains(&Reason::NoDisclosures));
    }

    #[test]
    fn calendar_edge_times_do_not_panic() {
        let d = "[[disclosure]]\nsource = \"A\"\ndate = \"2024-06-01\"\nkind = \"property\"\n";
        let dis = Disclosures::from_toml_str(&format!("{ME}{d}"), "t.toml").unwrap();
        let events: Vec<Event> = [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC]
            .into_iter()
            .flat_map(|t| {
                (0..6).map(move |k| sms(&format!("+861370000{k:04}"), Some(t), "", "开盘"))
            })
            .collect();
        let verdicts = vec![Verdict::new(Category::Property, 0.9); events.len()];
        let cs = cluster(&events, &verdicts, &CampaignOptions::default());
        let at = attribute(&cs, &events, &verdicts, &dis, &AttributionOptions::default());
        assert_eq!(at.len(), cs.len());
        let _ = infer_life_events(&cs, &events, &verdicts);
    }

    #[test]
    fn an_unlisted_kind_is_probably_not_given_and_an_empty_record_had_everything() {
        let d = "[[disclosure]]\nsource = \"PhonesOnly\"\ndate = \"2024-03-01\"\nphones = [\"+8613800138000\"]\n\
                 [[disclosure]]\nsource = \"Mail\"\ndate = \"2024-03-01\"\nemails = [\"zw@example.com\"]\n\
                 [[disclosure]]\nsource = \"Alias\"\ndate = \"2024-03-01\"\nemails = [\"zw+a@example.com\"]\n\
                 [[disclosure]]\nsource = \"Blank\"\ndate = \"2024-03-01\"\n\
                 [[disclosure]]\nsource = \"SaidNoMail\"\ndate = \"2024-03-01\"\nphones = [\"+8613800138000\"]\nemails = []\n";
        let ev = vec![mail_to("hr@jobs.example.cn", day(3, 10), "zw@example.com", "高薪职位推荐")];
        let (_, at, _) = run(d, Category::Recruitment, ev);
        let a = only(&at);
        let has = |s: &str, f: fn(&Reason) -> bool| suspect(a, s).reasons.iter().any(f);
        assert!(has("PhonesOnly", |r| matches!(r, Reason::IdentifierKindNotListed { .. })));
        assert!(has("Alias", |r| matches!(r, Reason::IdentifierNotHere { .. })));
        assert!(has("Mail", |r| matches!(r, Reason::IdentifierOnlyHere { .. })));
        assert!(has("Blank", |r| matches!(r, Reason::IdentifierOnlyHere { .. })), "{a:#?}");
        // Probably not given (0.3) is far from excluded (0.001).
        assert!(suspect(a, "PhonesOnly").score > 50.0 * suspect(a, "Alias").score);
        assert!(suspect(a, "Mail").score > 2.0 * suspect(a, "PhonesOnly").score);
        // `emails = []` says none was given: weaker than left out, not excluded.
        assert!(suspect(a, "PhonesOnly").score > 4.0 * suspect(a, "SaidNoMail").score);
        assert!(suspect(a, "SaidNoMail").score > 10.0 * suspect(a, "Alias").score);
    }

    #[test]
    fn an_identifier_spammed_before_any_source_had_it_does_not_count_against_unknown() {
        let d = "[[disclosure]]\nsource = \"Shop\"\ndate = \"2024-06-01\"\nemails = [\"zw@example.com\"]\n\
                 [[disclosure]]\nsource = \"Other\"\ndate = \"2024-06-01\"\nemails = [\"zw+o@example.com\"]\n";
        let spam = |d: u32| mail_to("x@spam.example.xyz", day(2, d), "zw@example.com", "发票代开");
        let mut ev: Vec<Event> = (1..=3).map(spam).collect();
        ev.push(mail_to("news@brand.example.cn", day(6, 5), "zw@example.com", "会员日特惠"));
        let (cs, at, _) = run(d, Category::Retail, ev);
        let a = of(&cs, &at, 3);
        assert!(
            unknown(a).reasons.iter().any(|r| matches!(r, Reason::IdentifierExposed { .. })),
            "{a:#?}"
        );
        assert!(
            !unknown(a).reasons.iter().any(|r| matches!(r, Reason::IdentifierOnlyListed { .. }))
        );
    }

    #[test]
    fn a_source_signing_its_own_notices_is_no_leak() {
        let d = "[[disclosure]]\nsource = \"阳光家园售楼处\"\ndate = \"2024-03-01\"\nkind = \"property\"\nkeywords = [\"阳光家园\"]\n";
        let ev = vec![
            sms("10690001", day(3, 5), "", "【阳光家园物业】尊敬的业主，3月9日小区停水检修"),
            sms("10690001", day(3, 20), "", "【阳光家园物业】您的物业费已出账"),
        ];
        let (_, at, _) = run(d, Category::Property, ev);
        let a = only(&at);
        assert_eq!(a.top, None, "{a:#?}");
        assert!(
            suspect(a, "阳光家园售楼处")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::FirstParty { .. }))
        );
        // Another sender naming it in the text is a mention, and a leak.
        let ev = vec![sms("10695555", day(3, 5), "", "【安居装饰】阳光家园业主专享装修套餐")];
        let (_, at, _) = run(d, Category::Renovation, ev);
        assert_eq!(only(&at).top.as_deref(), Some("阳光家园售楼处"));
        // So is a greeting to its customers before a colon.
        let ev = vec![
            sms("10695556", day(3, 5), "", "尊敬的阳光家园业主：我司推出业主专享装修套餐"),
            sms("10695556", day(3, 9), "", "尊敬的阳光家园业主：全屋定制限时五折"),
        ];
        let (_, at, _) = run(d, Category::Renovation, ev);
        assert_eq!(only(&at).top.as_deref(), Some("阳光家园售楼处"), "{at:#?}");
        // Its own mail to the alias it was given, with the spelling it was
        // given, is still its own contact: neither the campaign nor the
        // alias's events name it.
        let d = "[[disclosure]]\nsource = \"车险通报价\"\ndate = \"2024-03-01\"\nkind = \"insurance\"\n\
                 emails = [\"zw+car@example.com\"]\nnames = [\"张炜\"]\n";
        let ev = vec![
            mail_to(
                "service@svc345.com",
                day(3, 2),
                "zw+car@example.com",
                "车险通报价：订单确认 尊敬的张炜",
            ),
            mail_to(
                "service@svc345.com",
                day(3, 9),
                "zw+car@example.com",
                "车险通报价：服务通知 尊敬的张炜",
            ),
        ];
        let (cs, at, ev) = run(d, Category::Insurance, ev);
        assert_eq!(only(&at).top, None, "{at:#?}");
        assert!(event_sources(ev.len(), &cs, &at).iter().all(Option::is_none));
    }

    #[test]
    fn an_alias_names_its_source_for_its_own_events() {
        let d = "[[disclosure]]\nsource = \"Early\"\ndate = \"2024-02-01\"\nkind = \"retail\"\nemails = [\"zw@example.com\"]\n\
                 [[disclosure]]\nsource = \"Late\"\ndate = \"2024-05-01\"\nkind = \"retail\"\nemails = [\"zw+late@example.com\"]\n";
        // One sender, two lists: the main address from February, the alias after May.
        let ev = vec![
            mail_to("deals@shop.example.cn", day(2, 10), "zw@example.com", "新品上市"),
            mail_to("deals@shop.example.cn", day(2, 20), "zw@example.com", "限时折扣"),
            mail_to("deals@shop.example.cn", day(5, 10), "zw+late@example.com", "会员专享"),
        ];
        let (cs, at, events) = run(d, Category::Retail, ev);
        assert_eq!(cs.iter().filter(|c| c.event_idx.contains(&0)).count(), 1);
        let src = event_sources(events.len(), &cs, &at);
        assert_eq!(src[2].as_deref(), Some("Late"), "{at:#?}");
        assert_ne!(src[0].as_deref(), Some("Late"));
    }

    #[test]
    fn common_campaigns_of_a_kind_make_timing_weak() {
        let d = "[[disclosure]]\nsource = \"Fair\"\ndate = \"2024-06-01\"\nkind = \"education\"\n";
        let course = sms("10690001", day(6, 10), "", "【启航教育】暑期课程报名");
        let (_, at, _) = run(d, Category::Education, vec![course.clone()]);
        let alone = suspect(only(&at), "Fair").score;
        // Ten more education brands all year, far from the fair.
        let mut ev: Vec<Event> = (0..10)
            .map(|k| {
                let m = if k < 5 { 1 + k } else { 8 + k % 5 };
                sms(&format!("1069{k:04}77"), day(m, 3), "", &format!("【品牌{k}】课程报名"))
            })
            .collect();
        ev.push(course);
        let (cs, at, _) = run(d, Category::Education, ev);
        let a = of(&cs, &at, 10);
        assert!(suspect(a, "Fair").score < alone, "{} vs {alone}", suspect(a, "Fair").score);
        assert!(unknown(a).reasons.iter().any(|r| matches!(r, Reason::Background { .. })));
    }

    #[test]
    fn bare_calls_the_classifier_was_unsure_of() {
        let d = "[[disclosure]]\nsource = \"4S店\"\ndate = \"2024-03-01\"\nkind = \"automotive\"\n";
        let unsure = Verdict { category: Category::Harassment, confidence: 0.1, unsure: true };
        // A stray call: never attributed.
        let (_, at, _) = run_with(d, vec![call("+8613700001111", day(3, 4))], vec![unsure]);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(unknown(a).reasons.iter().any(|r| matches!(r, Reason::OnlyUnsureEvents { .. })));
        // A block of neighbouring numbers calling right after: a campaign, named on timing.
        let ev: Vec<Event> =
            (0..6).map(|k| call(&format!("+867558888100{k}"), day(3, 4 + k as u32))).collect();
        let (_, at, _) = run_with(d, ev, vec![unsure; 6]);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("4S店"), "{a:#?}");
        assert!(
            !suspect(a, "4S店")
                .reasons
                .iter()
                .any(|r| matches!(r, Reason::AffinityMismatch { .. }))
        );
    }

    #[test]
    fn a_source_shown_to_leak_is_the_likelier_author_of_its_other_campaigns() {
        let d = "[[disclosure]]\nsource = \"Clinic\"\ndate = \"2024-03-01\"\nkind = \"healthcare\"\nemails = [\"zw+c@example.com\"]\n\
                 [[disclosure]]\nsource = \"Gym\"\ndate = \"2024-03-01\"\nkind = \"healthcare\"\n";
        let ev = vec![
            mail_to("promo@baby.example.cn", day(3, 8), "zw+c@example.com", "母婴用品特惠"),
            sms("10690002", day(3, 9), "", "【康健体检】体检套餐限时优惠"),
        ];
        let (cs, at, _) = run(d, Category::Healthcare, ev);
        assert_eq!(of(&cs, &at, 0).top.as_deref(), Some("Clinic"));
        let a = of(&cs, &at, 1);
        assert!(suspect(a, "Clinic").score > suspect(a, "Gym").score, "{a:#?}");
        assert!(
            suspect(a, "Clinic").reasons.iter().any(|r| matches!(r, Reason::OtherCampaigns { .. }))
        );
    }

    #[test]
    fn service_senders() {
        assert!(score::is_service_sender("10086", "CN"));
        assert!(score::is_service_sender("95555", "CN"));
        assert!(!score::is_service_sender("10690001234", "CN"));
        assert!(!score::is_service_sender("+8613800138000", "CN"));
        assert!(score::is_service_sender("EE", "GB"));
        assert!(score::is_service_sender("Vodafone", "GB"));
        assert!(!score::is_service_sender("72345", "US"), "US short codes are brands'");
        assert!(score::is_service_sender("456", "US"), "a network code");
        assert!(score::carrier_signed("T-Mobile Free Msg: Home Internet is now available"));
        assert!(score::carrier_signed("【中国移动】尊敬的客户，5G套餐升级"));
        assert!(!score::carrier_signed("Switch from T-Mobile to us and save"));
    }
}
