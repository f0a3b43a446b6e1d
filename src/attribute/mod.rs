//! Attribution: which of the user's disclosures most likely leaked the
//! details each campaign used, with the evidence for and against.
//!
//! Every disclosure is a hypothesis, and so is "unknown" (a source not on the
//! list: a resold list, a breach, the user's own carrier). [`attribute`]
//! starts each from a prior weight, multiplies in likelihood ratios for the
//! evidence ([`score`]), and normalises to posterior probabilities that sum to
//! 1 over the hypotheses. The evidence:
//!
//! * an identifier (number, address, alias) only some sources had, reached by
//!   the campaign: near-conclusive for them, excludes the others;
//! * a spelling of the user's name, a keyword, or the source's own name only
//!   some sources had, found in the campaign's text;
//! * timing: a disclosure after the first contact is excluded (one day's
//!   tolerance for time zones); an onset soon after a disclosure weighs for it
//!   against the base rate of unsolicited contact ([`score::onset_likelihood_ratio`]);
//! * the affinity of the campaign's category with the disclosure's kind ([`affinity`]).
//!
//! "Unknown" gets no timing or affinity boost, and a weak guess stays
//! unknown: a source is named ([`CampaignAttribution::top`]) only when its
//! posterior clears [`ATTRIBUTION_THRESHOLD`]. Fraud and carrier (telecom)
//! campaigns are named only on identifier, name or keyword evidence.
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

/// The posterior a source needs before a campaign is attributed to it. At 0.6
/// a named source is more likely than all other hypotheses together, with a margin.
pub const ATTRIBUTION_THRESHOLD: f64 = 0.6;

/// The prior weight of "unknown" relative to each disclosure's weight of 1.
/// Above 1 so that affinity alone (at most 2×) does not name a source.
pub const UNKNOWN_WEIGHT: f64 = 1.5;

/// Settings of [`attribute`].
///
/// | name | default | range | meaning |
/// |---|---|---|---|
/// | `unknown_weight` | 1.5 ([`UNKNOWN_WEIGHT`]) | > 0 | prior weight of "unknown"; each disclosure has 1 |
/// | `onset_mean_days` | 14 | > 0 | mean delay from disclosure to first contact when the source is the leak |
/// | `late_onset_weight` | 0.2 | 0..=1 | share of leaks whose onset comes any time later (lists resold) |
/// | `base_rate_per_day` | 1/8.42 | > 0 | unrelated unsolicited contacts per day (Prasad et al. 2020) |
/// | `tolerance` | 1 day | ≥ 0 | a disclosure this much after the first contact is still possible (time zones) |
/// | `threshold` | 0.6 ([`ATTRIBUTION_THRESHOLD`]) | 0..=1 | posterior needed to name a source |
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionOptions {
    /// Prior weight of the unknown hypothesis (each disclosure has weight 1).
    pub unknown_weight: f64,
    /// Mean onset delay in days under "this source leaked it".
    pub onset_mean_days: f64,
    /// Share of onsets that come any time later (a resold list).
    pub late_onset_weight: f64,
    /// Base rate of unrelated unsolicited contact per day.
    pub base_rate_per_day: f64,
    /// Tolerance for disclosures dated after the first contact.
    pub tolerance: Duration,
    /// Posterior needed to name a source.
    pub threshold: f64,
}

impl Default for AttributionOptions {
    fn default() -> Self {
        AttributionOptions {
            unknown_weight: UNKNOWN_WEIGHT,
            onset_mean_days: 14.0,
            late_onset_weight: 0.2,
            base_rate_per_day: 1.0 / 8.42,
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
}

/// Attributes each campaign (one result per campaign, same order). The
/// verdicts are taken for symmetry with the other stages; a campaign is
/// judged by its own (confidence-weighted) category.
pub fn attribute(
    campaigns: &[Campaign],
    events: &[Event],
    _verdicts: &[Verdict],
    disclosures: &Disclosures,
    opts: &AttributionOptions,
) -> Vec<CampaignAttribution> {
    let ctx = score::Context::new(disclosures, events);
    campaigns.iter().map(|c| score::score(&ctx, c, events, opts)).collect()
}

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
        let ev = vec![sms("+8613700001111", day(6, 1), "+86 159 1234 5678", "贷款额度已批")];
        let (_, at, _) = run(TWO, Category::Finance, ev);
        let a = only(&at);
        assert_eq!(a.top.as_deref(), Some("X"));
        assert!(suspect(a, "X").reasons.iter().any(|r| r.is_specific()));
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
    fn onset_ratio_falls_with_delay_and_is_capped_by_base_rate() {
        let o = AttributionOptions::default();
        let (r1, r30, r200) = (
            score::onset_likelihood_ratio(1.0, 365.0, 300.0, &o),
            score::onset_likelihood_ratio(30.0, 365.0, 300.0, &o),
            score::onset_likelihood_ratio(200.0, 365.0, 300.0, &o),
        );
        assert!(r1 > r30 && r30 > r200, "{r1} {r30} {r200}");
        assert!(r200 < 1.0);
        let cap = 1.0 / (1.0 - (-1.0f64 / 8.42).exp());
        assert!((r1 - cap).abs() < 1e-9, "a one-day onset is capped by coincidence: {r1} vs {cap}");
        // On a short window the exponential model itself is the limit.
        assert!(score::onset_likelihood_ratio(1.0, 10.0, 10.0, &o) < cap);
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
        let ev = vec![sms("+8613700001111", day(6, 1), "", "二手房急售")];
        let (_, at, _) = run(d, Category::Property, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(suspect(a, "阳光家园售楼处").reasons.contains(&Reason::DisclosedBeforeRecords));
    }

    #[test]
    fn fraud_blasts_and_carrier_offers_stay_unknown() {
        let d = "[[disclosure]]\nsource = \"智联招聘\"\ndate = \"2024-03-10\"\nkind = \"recruitment\"\nkeywords = [\"智联\"]\n";
        let ev = vec![sms("+8613700001111", day(3, 11), "", "刷单兼职日结300，加微信 job_7788")];
        let (_, at, _) = run(d, Category::Fraud, ev);
        let a = only(&at);
        assert_eq!(a.top, None);
        assert!(
            unknown(a)
                .reasons
                .contains(&Reason::NeedsSpecificEvidence { category: Category::Fraud })
        );
        assert!(unknown(a).score > 0.5);
        let ev = vec![sms("10086", day(3, 11), "", "尊敬的客户，5G套餐升级享优惠")];
        let (_, at, _) = run(d, Category::Telecom, ev);
        assert_eq!(only(&at).top, None);
        // With a keyword, a job scam can be pinned on the job site.
        let ev = vec![sms(
            "+8613700001111",
            day(3, 11),
            "",
            "您在智联投递的简历已通过，兼职日结，加微信 job_7788",
        )];
        let (_, at, _) = run(d, Category::Fraud, ev);
        assert_eq!(only(&at).top.as_deref(), Some("智联招聘"));
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
                 [[disclosure]]\nsource = \"B\"\ndate = \"2024-01-05\"\n";
        let ev = vec![
            sms("+8613700001111", day(4, 1), "", "阳光家园二期开盘"),
            sms("+8613700001111", day(4, 2), "", "阳光家园样板间"),
            sms("+8613600002222", day(4, 3), "", "低息贷款"),
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
}
