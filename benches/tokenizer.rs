//! Criterion benchmark of [`leaktrace::features::text::tokenize`] on Chinese
//! and English SMS: the first rows of `datasets/corpus/{zh,en}.csv` (inline
//! samples when the corpus is absent), read once outside the timed loop.
//!
//! Run: `cargo bench --bench tokenizer`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use leaktrace::features::text::tokenize;

/// Rows read from each corpus file.
const ROWS: usize = 500;

/// Used when `datasets/corpus` is missing.
const ZH_INLINE: [&str; 4] = [
    "【万科】金域华府二期加推，约89㎡三房，总价139万起，地铁口300米，8月1日前认购享98折。详询4008-519-888 退订回T",
    "王姐，您之前看的海雅缤纷那套89平的，房东降了8个，今天刚挂出来的新价，要不要再约一次？",
    "您好，您的快递已到达菜鸟驿站，取件码 6-2-3041，请于今日18:00前取件。",
    "【平安银行】尊敬的客户，您已获得最高20万元备用金额度，点击 pa18.cn/x7Kq 领取，拒收请回复R",
];
/// Used when `datasets/corpus` is missing.
const EN_INLINE: [&str; 4] = [
    "WE BUY HOUSES CASH. Any condition, no repairs, no fees, close in 7 days. Call Mike 555-0147. Reply STOP to opt-out",
    "Hi Sarah, still thinking about the place on Elm St? Happy to chat this weekend if you want to take another look.",
    "Your parcel is waiting at the depot. Pay the £1.99 redelivery fee at royalmail-redeliver.info/uk to avoid return.",
    "Running 10 min late, grab us a table? x",
];

/// The `text` column of the first [`ROWS`] rows of `datasets/corpus/{lang}.csv`.
fn samples(lang: &str, inline: &[&str]) -> Vec<String> {
    let path = format!("{}/datasets/corpus/{lang}.csv", env!("CARGO_MANIFEST_DIR"));
    let rows: Vec<String> = csv::Reader::from_path(&path)
        .map(|mut r| {
            let headers = r.headers().cloned().unwrap_or_default();
            let text = headers.iter().position(|h| h == "text").unwrap_or(1);
            r.records()
                .filter_map(|rec| rec.ok()?.get(text).map(str::to_string))
                .take(ROWS)
                .collect()
        })
        .unwrap_or_default();
    if rows.is_empty() {
        eprintln!("{path} not readable: using {} inline samples", inline.len());
        return inline.iter().map(|s| s.to_string()).collect();
    }
    rows
}

fn bench_tokenize(c: &mut Criterion) {
    let mut group = c.benchmark_group("tokenize");
    for (lang, inline) in [("zh", &ZH_INLINE[..]), ("en", &EN_INLINE[..])] {
        let texts = samples(lang, inline);
        let bytes: usize = texts.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(format!("{lang}_sms_{}_messages", texts.len()), |b| {
            b.iter(|| {
                let mut tokens = 0usize;
                for t in &texts {
                    tokenize(black_box(t), &mut |tok| tokens += tok.len());
                }
                black_box(tokens)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_tokenize);
criterion_main!(benches);
