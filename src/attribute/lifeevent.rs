//! Life events inferred without a disclosures file: a surge of related
//! categories (property and renovation; healthcare and early education …)
//! betrays the dealing that leaked the user's details.
//!
//! Weekly counts of each family's events are compared with the mean of the
//! preceding weeks; a week is a surge when it has at least
//! [`MIN_SURGE_EVENTS`] events, [`SURGE_FACTOR`] times the baseline, and the
//! family's main category makes up at least half of it (so a rise in
//! insurance alone is not read as a car purchase). Only weeks with events are
//! visited, so hostile timestamps far apart cost nothing.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::campaign::{Campaign, Lang};
use crate::category::Category;
use crate::event::Event;
use crate::verdict::Verdict;

/// Fewest events in a week that can be a surge.
pub const MIN_SURGE_EVENTS: usize = 5;
/// How many times the baseline weekly mean a surge week must reach.
pub const SURGE_FACTOR: f64 = 3.0;
/// Weeks before a candidate week that make its baseline.
pub const BASELINE_WEEKS: i64 = 8;
/// Weeks of records needed before a surge can be told from the records' start.
pub const MIN_HISTORY_WEEKS: i64 = 2;

/// The life events looked for: the kind of dealing, the categories that
/// follow it (main one first), and how to name it in English and Chinese.
pub const LIFE_EVENTS: &[(Category, &[Category], &str, &str)] = &[
    (
        Category::Property,
        &[Category::Property, Category::Renovation],
        "a property purchase",
        "购房",
    ),
    (
        Category::Healthcare,
        &[Category::Healthcare, Category::Education],
        "a birth or hospital stay",
        "生育或就医",
    ),
    (Category::Automotive, &[Category::Automotive, Category::Insurance], "a car purchase", "购车"),
    (Category::Recruitment, &[Category::Recruitment], "a job application", "求职"),
    (
        Category::Finance,
        &[Category::Finance, Category::Insurance],
        "a loan or card application",
        "贷款或办卡",
    ),
    (Category::Education, &[Category::Education], "a course or school enrolment", "报名课程或入学"),
];

/// A surge of related categories that betrays a life event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LifeEvent {
    /// The kind of dealing it suggests (a disclosure `kind`).
    pub kind: Category,
    /// The categories that surged, main one first.
    pub categories: Vec<Category>,
    /// The Monday of the first surge week.
    pub from: NaiveDate,
    /// Events of these categories in that week.
    pub week_count: usize,
    /// Mean weekly events of these categories over the preceding weeks.
    pub baseline: f64,
    /// Campaigns of these categories that began within four weeks of `from`.
    pub campaigns: Vec<String>,
}

impl LifeEvent {
    /// The finding as one sentence in `lang`.
    ///
    /// ```
    /// use leaktrace::attribute::LifeEvent;
    /// use leaktrace::{Category, campaign::Lang};
    /// let e = LifeEvent {
    ///     kind: Category::Property,
    ///     categories: vec![Category::Property, Category::Renovation],
    ///     from: chrono::NaiveDate::from_ymd_opt(2024, 3, 18).unwrap(),
    ///     week_count: 9, baseline: 0.5, campaigns: vec![],
    /// };
    /// assert_eq!(e.text(Lang::En), "property and renovation contacts surged from 2024-03-18: \
    ///     consistent with a leak around a property purchase shortly before");
    /// ```
    pub fn text(&self, lang: Lang) -> String {
        let (en, zh) = LIFE_EVENTS
            .iter()
            .find(|(k, ..)| *k == self.kind)
            .map_or(("a dealing", "某次事务"), |(_, _, en, zh)| (*en, *zh));
        match lang {
            Lang::En => {
                let cats: Vec<String> =
                    self.categories.iter().map(|c| c.name_en().to_lowercase()).collect();
                format!(
                    "{} contacts surged from {}: consistent with a leak around {en} shortly before",
                    cats.join(" and "),
                    self.from
                )
            }
            Lang::Zh => {
                let cats: Vec<&str> = self.categories.iter().map(|c| c.name_zh()).collect();
                format!(
                    "自 {} 起，{}类联系激增：与此前不久{zh}时的信息泄露相符",
                    self.from,
                    cats.join("和")
                )
            }
        }
    }
}

fn monday(d: NaiveDate) -> NaiveDate {
    // Checked: a hostile timestamp at the calendar's edge must not panic.
    d.checked_sub_signed(Duration::days(i64::from(d.weekday().num_days_from_monday()))).unwrap_or(d)
}

/// Finds surges of related categories among the campaigns' events, in date order.
pub fn infer_life_events(
    campaigns: &[Campaign],
    events: &[Event],
    verdicts: &[Verdict],
) -> Vec<LifeEvent> {
    let first_week = events.iter().filter_map(|e| e.at).min().map(|t| monday(t.date_naive()));
    let Some(first_week) = first_week else { return Vec::new() };
    let mut out = Vec::new();
    for &(kind, cats, ..) in LIFE_EVENTS {
        // Week → (events of the family, events of its main category).
        let mut weeks: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
        for c in campaigns {
            for &i in &c.event_idx {
                let (Some(e), Some(v)) = (events.get(i), verdicts.get(i)) else { continue };
                let Some(t) = e.at else { continue };
                if cats.contains(&v.category) {
                    let w = weeks.entry(monday(t.date_naive())).or_default();
                    w.0 += 1;
                    w.1 += usize::from(cats.first() == Some(&v.category));
                }
            }
        }
        let mut quiet_until: Option<NaiveDate> = None;
        for (&week, &(count, main)) in &weeks {
            if quiet_until.is_some_and(|q| week < q) {
                continue;
            }
            let history = (week - first_week).num_weeks();
            if history < MIN_HISTORY_WEEKS {
                continue;
            }
            let span = history.min(BASELINE_WEEKS);
            let before: usize = weeks
                .range(week.checked_sub_signed(Duration::weeks(span)).unwrap_or(week)..week)
                .map(|(_, (n, _))| n)
                .sum();
            let baseline = before as f64 / span.max(1) as f64;
            let surge = count >= MIN_SURGE_EVENTS
                && count as f64 >= SURGE_FACTOR * baseline
                && main * 2 >= count;
            if !surge {
                continue;
            }
            let end = week.checked_add_signed(Duration::weeks(4)).unwrap_or(NaiveDate::MAX);
            let ids = campaigns
                .iter()
                .filter(|c| cats.contains(&c.category))
                .filter(|c| {
                    c.first_seen.is_some_and(|t| t.date_naive() >= week && t.date_naive() < end)
                })
                .map(|c| c.id.clone())
                .collect();
            out.push(LifeEvent {
                kind,
                categories: cats.to_vec(),
                from: week,
                week_count: count,
                baseline,
                campaigns: ids,
            });
            quiet_until = Some(
                week.checked_add_signed(Duration::weeks(BASELINE_WEEKS)).unwrap_or(NaiveDate::MAX),
            );
        }
    }
    out.sort_by_key(|a| (a.from, a.kind));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::{CampaignOptions, cluster};
    use crate::event::Channel;
    use chrono::{TimeZone, Utc};

    fn sms(n: usize, y: i32, m: u32, d: u32) -> Event {
        Event {
            channel: Some(Channel::Sms),
            from: format!("+86137{n:08}"),
            at: Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).single(),
            text: format!("offer {n}"),
            ..Default::default()
        }
        .with_id()
    }

    #[test]
    fn property_surge_is_found_and_phrased() {
        let mut events = Vec::new();
        let mut verdicts = Vec::new();
        // A quiet background: one retail text a week from January.
        for w in 0..10 {
            events.push(sms(w, 2024, 1, 1 + (w as u32 % 4) * 7));
            verdicts.push(Verdict::new(Category::Retail, 0.9));
        }
        // Week of Monday 2024-03-18: 6 property and 3 renovation contacts.
        for k in 0..9 {
            events.push(sms(100 + k, 2024, 3, 18 + (k as u32 % 5)));
            let c = if k < 6 { Category::Property } else { Category::Renovation };
            verdicts.push(Verdict::new(c, 0.9));
        }
        let cs = cluster(&events, &verdicts, &CampaignOptions::default());
        let found = infer_life_events(&cs, &events, &verdicts);
        assert_eq!(found.len(), 1, "{found:#?}");
        let e = &found[0];
        assert_eq!(e.kind, Category::Property);
        assert_eq!(e.from, NaiveDate::from_ymd_opt(2024, 3, 18).unwrap());
        assert_eq!(e.week_count, 9);
        // Neighbouring numbers of one block: the block link made them one campaign.
        assert_eq!(e.campaigns.len(), 1);
        assert!(
            e.text(Lang::En).starts_with("property and renovation contacts surged from 2024-03-18")
        );
        assert!(e.text(Lang::Zh).contains("购房"));
    }

    #[test]
    fn steady_traffic_and_records_start_are_no_surge() {
        let mut events = Vec::new();
        for w in 0..20u32 {
            for k in 0..6 {
                let d =
                    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Duration::weeks(i64::from(w));
                let mut e = sms((w * 10 + k) as usize, 2024, 1, 1);
                e.at = Some(d.and_hms_opt(9, 0, 0).unwrap().and_utc());
                events.push(e.with_id());
            }
        }
        let verdicts = vec![Verdict::new(Category::Property, 0.9); events.len()];
        let cs = cluster(&events, &verdicts, &CampaignOptions::default());
        assert!(infer_life_events(&cs, &events, &verdicts).is_empty());
        assert!(infer_life_events(&[], &[], &[]).is_empty());
    }
}
