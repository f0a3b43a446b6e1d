//! Campaigns: unsolicited events grouped by who is behind them, with the
//! reasons for each grouping.
//!
//! [`cluster`] links events that share a feature (union-find over events):
//! the same sender, neighbouring numbers of one block (same category family,
//! close in time), the same non free-mail domain, mail host or unsubscribe
//! host, the same template (simhash), and the same link, WeChat/QQ id,
//! call-back number or `【signature】` in the text. Every link is found through
//! a hash map keyed by the feature, linking each member to the feature's
//! first event, so the whole pass is O(n log n) (the log from sorting block
//! and signature members by time); nothing compares all pairs. Bursts in
//! time are reported but never link.
//!
//! A brand signs, and reuses its templates in, every campaign it runs,
//! whatever list each came from: a signature links messages only while
//! they keep coming (gaps under 45 days), a template only messages within
//! 90 days of each other, so one brand's campaigns months apart stay apart.
//!
//! What must never link: free-mail domains, the person's own mail domains
//! (colleagues, family, and spam replying to them share those with the
//! person, not with each other), and bulk-mail providers. Providers are
//! known from a short list and, more to the point, from the data: a sending
//! or unsubscribe host that carries mail for two organisations' domains is a
//! provider, whatever its name.
//!
//! Noisy verdicts: an event whose verdict is unsure (typically a bare call)
//! joins a campaign through a strong link — the same sender as other events,
//! a number block with confident members — but does not decide the
//! campaign's category, and in a block it joins the nearest confident
//! member rather than bridging two families. A campaign of unsure events
//! only is kept (it is still grouped evidence) with `confident_events == 0`.
//!
//! Legitimate events and outgoing events are not put in campaigns.

pub mod block;
mod cluster;
pub mod extract;
pub mod reason;
pub mod simhash;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::category::Category;
use crate::verdict::Verdict;

pub use cluster::cluster;
pub use reason::{Lang, LinkKind, Reason};

/// One campaign: the events one actor (or one template) is behind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Campaign {
    /// Stable id: `C` and a short hash of the campaign's earliest event id.
    pub id: String,
    /// The majority category of its events, weighted by the verdicts' confidence.
    pub category: Category,
    /// Distinct senders (`Event::from`), sorted.
    pub senders: Vec<String>,
    /// Time of the earliest event with a time.
    pub first_seen: Option<DateTime<Utc>>,
    /// Time of the latest event with a time.
    pub last_seen: Option<DateTime<Utc>>,
    /// Indices into the events given to [`cluster`], in time order.
    pub event_idx: Vec<usize>,
    /// How many of its events have a verdict that is not unsure. A campaign
    /// of unsure events only (bare calls the classifier could not place) is
    /// grouped but never attributed.
    #[serde(default)]
    pub confident_events: usize,
    /// The reasons in English, one sentence each (`links[i].text(Lang::En)`).
    pub reasons: Vec<String>,
    /// The reasons, machine-readable, strongest first.
    pub links: Vec<Reason>,
}

/// Settings of [`cluster`].
///
/// | name | default | range | meaning |
/// |---|---|---|---|
/// | `block_window` | 30 days | > 0 | largest gap between two events of one number block that still links them |
/// | `max_template_distance` | 3 | 0..=3 | largest simhash Hamming distance of one template |
/// | `include_unknown_direction` | true | | put events whose direction is unknown in campaigns (most SMS and mail exports do not say) |
/// | `burst_days` | 7 | ≥ 1 | the window of a burst reason |
/// | `region` | `CN` | ISO 3166 | region for call-back numbers written nationally |
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignOptions {
    /// Largest gap between two events of one number block that still links them.
    pub block_window: Duration,
    /// Largest simhash Hamming distance between two messages of one template.
    pub max_template_distance: u32,
    /// Put events whose direction is unknown in campaigns.
    pub include_unknown_direction: bool,
    /// The window of a burst reason, in days.
    pub burst_days: u32,
    /// Region for numbers written nationally in texts.
    pub region: String,
}

impl Default for CampaignOptions {
    fn default() -> Self {
        CampaignOptions {
            block_window: Duration::days(30),
            max_template_distance: simhash::DEFAULT_MAX_DISTANCE,
            include_unknown_direction: true,
            burst_days: 7,
            region: "CN".to_string(),
        }
    }
}

/// The verdicts to report per event: an unsure event in a campaign with
/// confident members takes the campaign's category (a bare call from the
/// number block whose tagged calls and texts are estate agents is an estate
/// agent's call), still marked unsure, with the share of the campaign's
/// confident events in that category as its confidence. Every other verdict
/// is kept as it is.
pub fn inherit_categories(campaigns: &[Campaign], verdicts: &[Verdict]) -> Vec<Verdict> {
    let mut out = verdicts.to_vec();
    for c in campaigns.iter().filter(|c| c.confident_events > 0) {
        let confident =
            || c.event_idx.iter().filter_map(|&i| verdicts.get(i)).filter(|v| !v.unsure);
        let share = confident().filter(|v| v.category == c.category).count() as f64
            / c.confident_events as f64;
        for &i in &c.event_idx {
            if let Some(v) = out.get_mut(i).filter(|v| v.unsure) {
                *v = Verdict { category: c.category, confidence: share, unsure: true };
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsure_members_take_the_campaign_category() {
        let v = |category, unsure| Verdict { category, confidence: 0.9, unsure };
        let verdicts = vec![
            v(Category::Property, false),
            v(Category::Harassment, true),
            v(Category::Property, false),
            v(Category::Finance, false),
            v(Category::Fraud, true),
        ];
        let c = |idx: Vec<usize>, confident_events| Campaign {
            id: "C1".into(),
            category: Category::Property,
            senders: vec![],
            first_seen: None,
            last_seen: None,
            event_idx: idx,
            confident_events,
            reasons: vec![],
            links: vec![],
        };
        let out = inherit_categories(&[c(vec![0, 1, 2, 3], 3)], &verdicts);
        assert_eq!(out[1].category, Category::Property);
        assert!(out[1].unsure);
        assert!((out[1].confidence - 2.0 / 3.0).abs() < 1e-9);
        // Confident members and events outside campaigns keep theirs.
        assert_eq!(out[3].category, Category::Finance);
        assert_eq!(out[4], verdicts[4]);
        // A campaign of unsure events only decides nothing.
        let out = inherit_categories(&[c(vec![1, 4], 0)], &verdicts);
        assert_eq!(out, verdicts);
    }
}
