//! Criterion benchmark of the campaign and attribution stages
//! ([`leaktrace::campaign::cluster`], [`leaktrace::attribute::attribute`]) at
//! 1×, 4× and 16× of a synthetic person's year (1,000 events at 1×, about what
//! `tests/scenario/simulate.py --scale 1` gives). Events, verdicts and the
//! disclosures file are generated once per size from a fixed seed, outside
//! the timed loop; throughput is in events.
//!
//! Run: `cargo bench --bench attribution`.

use std::hint::black_box;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use leaktrace::Category;
use leaktrace::attribute::{AttributionOptions, Disclosures, attribute};
use leaktrace::campaign::{CampaignOptions, cluster};
use leaktrace::event::{Channel, Direction, Event};
use leaktrace::verdict::Verdict;

/// Events at 1×.
const EVENTS_AT_1X: usize = 1000;
/// Leak campaigns at 1× (each a number block or a mail domain with one template).
const CAMPAIGNS_AT_1X: usize = 10;
/// Seed of the generator.
const SEED: u64 = 0x1EA4_7ACE;

use leaktrace::model::evaluate::SplitMix;

/// (source, date, kind, alias address, brand keyword, name spelling)
const SOURCES: [(&str, &str, &str, &str, &str, &str); 5] = [
    ("慈佑妇产医院", "2023-08-18", "healthcare", "me+ciyou@example.net", "慈佑", "孙伟"),
    ("翠湖天地营销中心", "2023-11-02", "property", "me+cuihu@example.net", "翠湖天地", "孙炜"),
    ("英才直聘", "2023-11-14", "recruitment", "me+job@example.net", "英才直聘", "孙伟"),
    ("泰合保险在线报价", "2024-01-06", "insurance", "me+taihe@example.net", "泰合", "孙先生"),
    ("星光少儿英语", "2024-03-20", "education", "me+kids@example.net", "星光", "孙伟"),
];

/// Words a campaign's template is drawn from.
const WORDS: [&str; 24] = [
    "特惠",
    "限时",
    "专享",
    "免费",
    "体验",
    "抢购",
    "会员",
    "升级",
    "返现",
    "礼包",
    "预约",
    "到店",
    "热线",
    "咨询",
    "折扣",
    "优惠券",
    "秒杀",
    "尊享",
    "回馈",
    "新品",
    "套餐",
    "积分",
    "抽奖",
    "直降",
];

/// The fixed part of campaign `c`'s text: eight words drawn for it alone, so
/// that two campaigns' texts are not one template.
fn template(c: usize) -> String {
    let mut rng = SplitMix(SEED.wrapping_add(c as u64));
    (0..8).map(|_| WORDS[rng.below(WORDS.len())]).collect::<Vec<_>>().join("")
}

fn disclosures_toml() -> String {
    let mut s = String::from(
        "[me]\nname = \"孙伟\"\nphones = [\"184 5441 3161\"]\nemails = [\"me@example.net\"]\n",
    );
    for (source, date, kind, alias, keyword, name) in SOURCES {
        s.push_str(&format!(
            "\n[[disclosure]]\nsource = \"{source}\"\ndate = \"{date}\"\nkind = \"{kind}\"\n\
             phones = [\"184 5441 3161\"]\nemails = [\"{alias}\"]\nnames = [\"{name}\"]\nkeywords = [\"{keyword}\"]\n"
        ));
    }
    s
}

/// `scale` × 1,000 events: 40 % personal messages, the rest from `scale` × 10
/// campaigns (70 % of them started by one of the disclosures, the others by
/// no known source), with their verdicts.
fn scenario(scale: usize) -> (Vec<Event>, Vec<Verdict>) {
    let mut rng = SplitMix(SEED ^ scale as u64);
    let n = EVENTS_AT_1X * scale;
    let campaigns = CAMPAIGNS_AT_1X * scale;
    let year = Utc.with_ymd_and_hms(2023, 6, 1, 0, 0, 0).single().unwrap_or_default();
    let mut events = Vec::with_capacity(n);
    let mut verdicts = Vec::with_capacity(n);
    for i in 0..n {
        let mut e = Event {
            direction: Direction::Incoming,
            to: Some("+8618454413161".into()),
            ..Default::default()
        };
        let verdict;
        if rng.below(10) < 4 {
            e.channel = Some(Channel::Sms);
            e.from = format!("+86139{:08}", rng.below(40));
            e.text = ["晚上一起吃饭吗", "到家了没", "明天开会改到三点", "快递放门口了"]
                [rng.below(4)]
            .into();
            e.at = Some(year + Duration::minutes(rng.below(365 * 24 * 60) as i64));
            verdict = Verdict::new(Category::Legit, 0.95);
        } else {
            let c = rng.below(campaigns);
            let src = (c % 10 < 7).then(|| SOURCES[c % SOURCES.len()]);
            let (kind, keyword, name, start) = match src {
                Some((_, date, kind, _, keyword, name)) => {
                    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap_or_default();
                    let at = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
                    (
                        kind.parse().unwrap_or(Category::Retail),
                        keyword,
                        name,
                        at + Duration::days(3 + (c % 20) as i64),
                    )
                }
                None => {
                    (Category::Finance, "大额贷款", "先生", year + Duration::days((c % 200) as i64))
                }
            };
            e.at = Some(start + Duration::minutes(rng.below(120 * 24 * 60) as i64));
            if c % 3 == 0 {
                e.channel = Some(Channel::Email);
                e.from = format!("promo{}@brand{c}.com", rng.below(3));
                e.sender_domain = Some(format!("brand{c}.com"));
                e.to = Some(src.map_or("me@example.net", |s| s.3).to_string());
                e.subject = Some(format!("{keyword} 专属优惠 {}", rng.below(100)));
            } else {
                e.channel = Some(Channel::Sms);
                // Each campaign its own block of mobile numbers, far from the others.
                e.from = format!("+861{:06}{:04}", 300_000 + (c * 7919) % 600_000, rng.below(50));
            }
            e.text = format!(
                "{name}您好，【{keyword}】{}第{}期，名额仅剩{}个，详询 400-{c:03}-{:04}，退订回T",
                template(c),
                rng.below(30),
                rng.below(20),
                rng.below(10_000)
            );
            verdict = Verdict::new(kind, 0.9);
        }
        e.id = format!("e{i}");
        events.push(e);
        verdicts.push(verdict);
    }
    (events, verdicts)
}

fn bench_attribution(c: &mut Criterion) {
    let disclosures = match Disclosures::from_toml_str(&disclosures_toml(), "bench.toml") {
        Ok(d) => d,
        Err(e) => {
            eprintln!("bench disclosures did not parse ({e}): attribution benchmark skipped");
            return;
        }
    };
    let copts = CampaignOptions::default();
    let aopts = AttributionOptions::default();
    let mut group = c.benchmark_group("attribution");
    group.sample_size(20);
    for scale in [1usize, 4, 16] {
        let (events, verdicts) = scenario(scale);
        let campaigns = cluster(&events, &verdicts, &copts);
        let named = attribute(&campaigns, &events, &verdicts, &disclosures, &aopts)
            .iter()
            .filter(|a| a.top.is_some())
            .count();
        eprintln!(
            "{scale}x: {} events, {} campaigns, {named} attributed to a source",
            events.len(),
            campaigns.len()
        );
        group.throughput(Throughput::Elements(events.len() as u64));
        group.bench_with_input(BenchmarkId::new("cluster", format!("{scale}x")), &scale, |b, _| {
            b.iter(|| black_box(cluster(black_box(&events), &verdicts, &copts)).len())
        });
        group.bench_with_input(
            BenchmarkId::new("attribute", format!("{scale}x")),
            &scale,
            |b, _| {
                b.iter(|| {
                    black_box(attribute(
                        black_box(&campaigns),
                        &events,
                        &verdicts,
                        &disclosures,
                        &aopts,
                    ))
                    .len()
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("cluster_and_attribute", format!("{scale}x")),
            &scale,
            |b, _| {
                b.iter(|| {
                    let campaigns = cluster(black_box(&events), &verdicts, &copts);
                    black_box(attribute(&campaigns, &events, &verdicts, &disclosures, &aopts)).len()
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_attribution);
criterion_main!(benches);
