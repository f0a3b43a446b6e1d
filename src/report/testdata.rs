//! A small handmade [`ReportData`] for the writers' tests: two disclosures
//! (one with a campaign attributed to it), six events over four weeks, the
//! person's own number and address in every place they can occur.

use chrono::{DateTime, NaiveDate, Utc};

use super::data::*;
use crate::category::Category;
use crate::cmd::inputs::InputSummary;
use crate::error::{Position, RecordError};
use crate::event::Direction;

/// The person's own number, as the pipeline normalises it.
pub const OWN_PHONE: &str = "+8613800138000";
/// The person's own address.
pub const OWN_EMAIL: &str = "zhang.san@example.com";
/// The estate agent's number (a third party).
pub const AGENT: &str = "+8613912345678";

/// A UTC instant from an RFC 3339 string written in a test.
pub fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).unwrap_or_default()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    channel: &str,
    direction: Direction,
    when: &str,
    from: &str,
    to: Option<&str>,
    category: Category,
    excerpt: &str,
) -> EventRow {
    let at = at(when);
    EventRow {
        id: id.to_string(),
        channel: channel.to_string(),
        direction,
        at: Some(at),
        at_local: (at + chrono::Duration::hours(8)).format("%Y-%m-%d %H:%M:%S").to_string(),
        from: from.to_string(),
        to: to.map(str::to_string),
        category,
        confidence: 0.9,
        unsure: false,
        campaign: None,
        suspected_source: None,
        excerpt: excerpt.to_string(),
        call_type: None,
        duration_s: None,
        source_file: "sms.xml".to_string(),
        source_line: Some(3),
        source_offset: None,
        message_id: None,
        raw_sha256: "ab".repeat(32),
    }
}

/// The fixed sample in `lang`.
pub fn sample(lang: Lang) -> ReportData {
    let lianjia = "链家 望京店".to_string();
    let mut e1 = event(
        "e1",
        "sms",
        Direction::Incoming,
        "2024-03-11T02:00:00Z",
        AGENT,
        Some(OWN_PHONE),
        Category::Property,
        "王先生您好，望京新房特价，回电 13912345678",
    );
    e1.campaign = Some("c1".into());
    e1.suspected_source = Some(lianjia.clone());
    let mut e2 = event(
        "e2",
        "call",
        Direction::Incoming,
        "2024-03-13T07:30:00Z",
        "+8613912345679",
        Some(OWN_PHONE),
        Category::Property,
        "",
    );
    e2.campaign = Some("c1".into());
    e2.suspected_source = Some(lianjia.clone());
    e2.call_type = Some("missed".into());
    e2.duration_s = Some(0);
    e2.source_file = "calls.csv".into();
    e2.source_line = Some(12);
    let e3 = event(
        "e3",
        "sms",
        Direction::Incoming,
        "2024-03-19T09:00:00Z",
        "106575",
        None,
        Category::Fraud,
        "您的快递丢失，点击 http://x.example 退款",
    );
    let mut e4 = event(
        "e4",
        "email",
        Direction::Incoming,
        "2024-03-20T01:00:00Z",
        "promo@shop.example",
        Some(OWN_EMAIL),
        Category::Retail,
        "Spring sale for zhang.san@example.com",
    );
    e4.source_file = "inbox.mbox".into();
    e4.source_line = None;
    e4.source_offset = Some(4096);
    e4.message_id = Some("abc@shop.example".into());
    let mut e5 = event(
        "e5",
        "call",
        Direction::Outgoing,
        "2024-03-25T10:00:00Z",
        "+8613700000000",
        None,
        Category::Legit,
        "",
    );
    e5.call_type = Some("outgoing".into());
    e5.duration_s = Some(120);
    e5.source_file = "calls.csv".into();
    let e6 = event(
        "e6",
        "sms",
        Direction::Incoming,
        "2024-03-26T11:00:00Z",
        "+8613700000000",
        Some(OWN_PHONE),
        Category::Legit,
        "晚上一起吃饭吗",
    );

    let mut w1 = [0u32; 13];
    w1[Category::Property.index()] = 2;
    let mut w2 = [0u32; 13];
    w2[Category::Fraud.index()] = 1;
    w2[Category::Retail.index()] = 1;
    let mut w3 = [0u32; 13];
    w3[Category::Legit.index()] = 1;

    ReportData {
        lang,
        summary: Summary {
            events: 5,
            contacts: 5,
            leak_driven_contacts: 3,
            leak_driven_events: 3,
            fraud_events: 1,
            attributed_events: 2,
            period: Some((at("2024-03-11T02:00:00Z"), at("2024-03-26T11:00:00Z"))),
            top_sources: vec![(lianjia.clone(), 0.82, 2)],
        },
        events: vec![e1, e2, e3, e4, e5, e6],
        campaigns: vec![CampaignRow {
            id: "c1".into(),
            category: Category::Property,
            senders: vec![AGENT.into(), "+8613912345679".into()],
            first_seen: Some(at("2024-03-11T02:00:00Z")),
            last_seen: Some(at("2024-03-13T07:30:00Z")),
            event_count: 2,
            grouping: vec![pick(
                lang,
                "号码段相邻：139123456xx",
                "neighbouring numbers: 139123456xx",
            )],
            suspected_sources: vec![
                SuspectRow {
                    source: Some(lianjia.clone()),
                    score: 0.82,
                    reasons: vec![pick(
                        lang,
                        "首次联系在披露后 10 天；称呼“王先生”只告诉过链家；发到 13800138000",
                        "first contact 10 days after the disclosure; \"王先生\" given only to Lianjia; sent to 13800138000",
                    )],
                },
                SuspectRow {
                    source: None,
                    score: 0.18,
                    reasons: vec![pick(lang, "群发背景", "bulk-sending background")],
                },
            ],
            attributed_to: Some(lianjia.clone()),
        }],
        sources: vec![
            SourceRow {
                source: "平安保险".into(),
                date: day("2024-02-01"),
                kind: Some(Category::Insurance),
                identifiers: vec![OWN_EMAIL.into()],
                campaigns: vec![],
                event_count: 0,
                categories: vec![],
                first_contact_days: None,
                reasons: vec![],
                samples: vec![],
            },
            SourceRow {
                source: lianjia.clone(),
                date: day("2024-03-01"),
                kind: Some(Category::Property),
                identifiers: vec![OWN_PHONE.into(), "王先生".into()],
                campaigns: vec!["c1".into()],
                event_count: 2,
                categories: vec![(Category::Property, 2)],
                first_contact_days: Some(10),
                reasons: vec![pick(
                    lang,
                    "称呼“王先生”只告诉过链家",
                    "the name \"王先生\" was given only to Lianjia",
                )],
                samples: vec!["王先生您好，望京新房特价，回电 13912345678".into()],
            },
        ],
        contacts: vec![
            ContactRow {
                id: AGENT.into(),
                category: Category::Property,
                confidence: 0.9,
                first_seen: Some(at("2024-03-11T02:00:00Z")),
                last_seen: Some(at("2024-03-11T02:00:00Z")),
                count: 1,
                names: vec!["王经理".into()],
            },
            ContactRow {
                id: "promo@shop.example".into(),
                category: Category::Retail,
                confidence: 0.75,
                first_seen: Some(at("2024-03-20T01:00:00Z")),
                last_seen: Some(at("2024-03-20T01:00:00Z")),
                count: 1,
                names: vec![],
            },
        ],
        weeks: vec![
            WeekRow { week: day("2024-03-11"), counts: w1 },
            WeekRow { week: day("2024-03-18"), counts: w2 },
            WeekRow { week: day("2024-03-25"), counts: w3 },
        ],
        markers: vec![(day("2024-02-01"), "平安保险".into()), (day("2024-03-01"), lianjia)],
        life_events: vec![pick(
            lang,
            "2024 年 3 月起房产营销增多：可能在买房或租房",
            "property marketing rose from March 2024: perhaps buying or renting a home",
        )],
        inputs: vec![InputSummary {
            path: "calls.csv".into(),
            size: 2048,
            sha256: "cd".repeat(32),
            format: Some(crate::ingest::Format::Calllog),
            seen: 4,
            produced: 2,
            merged: 1,
            skipped: 1,
            skips: vec![RecordError::new("calls.csv", Position::line(7), "unreadable date")],
            error: None,
        }],
        provenance: Provenance {
            tool_version: "0.1.0".into(),
            model: "builtin zh+en v1".into(),
            timezone: "Asia/Shanghai".into(),
            generated_at: at("2024-04-01T00:00:00Z"),
            redacted: false,
            disclosures_file: Some("disclosures.toml".into()),
        },
    }
}

/// Puts hostile text (markup, a formula, a table pipe, newlines) where spam
/// text lands: the first event's excerpt, a sender and a source sample.
pub fn hostile(data: &mut ReportData) {
    let evil = "<script>alert(1)</script> | =HYPERLINK(\"http://evil\")\n# heading";
    if let Some(e) = data.events.first_mut() {
        e.excerpt = evil.to_string();
    }
    if let Some(s) = data.sources.last_mut() {
        s.samples.push(evil.to_string());
    }
    if let Some(c) = data.contacts.first_mut() {
        c.names.push("<img src=x onerror=alert(1)>".to_string());
    }
}
