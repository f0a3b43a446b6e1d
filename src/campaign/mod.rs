//! Campaigns: unsolicited events grouped by who is behind them, with the
//! reasons for each grouping.
//!
//! [`cluster`] links events that share a feature (union-find over events):
//! the same sender, neighbouring numbers of one block (same category family,
//! close in time), the same non free-mail domain, mail host or unsubscribe
//! host, the same template (simhash), and the same link, WeChat/QQ id or
//! call-back number in the text. Every link is found through a hash map keyed
//! by the feature, linking each member to the feature's first event, so the
//! whole pass is O(n log n) (the log from sorting block members by time);
//! nothing compares all pairs. Bursts in time are reported but never link.
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
