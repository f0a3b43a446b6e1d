//! Criterion benchmark of [`leaktrace::model::Model::classify`]: a model is
//! trained once with [`leaktrace::model::Trainer`] on the rows of
//! `datasets/corpus/*.csv` (read with the csv crate), outside the timed loop;
//! the loop classifies every row once and reports events per second.
//!
//! Run: `cargo bench --bench scorer`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use leaktrace::Category;
use leaktrace::event::{Channel, Event};
use leaktrace::features::meta::FeatureOptions;
use leaktrace::model::{Model, Trainer, TrainingConfig};

/// `label,channel,text,subject,sender` rows of the project's corpus as labelled events.
fn corpus() -> Vec<(Category, Event)> {
    let mut out = Vec::new();
    for lang in ["zh", "en"] {
        let path = format!("{}/datasets/corpus/{lang}.csv", env!("CARGO_MANIFEST_DIR"));
        let Ok(mut rdr) = csv::Reader::from_path(&path) else {
            eprintln!("{path} not readable: skipped");
            continue;
        };
        let headers = rdr.headers().cloned().unwrap_or_default();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (label, channel, text, subject, sender) =
            (col("label"), col("channel"), col("text"), col("subject"), col("sender"));
        for rec in rdr.records().flatten() {
            let get = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
            let Ok(category) = get(label).parse::<Category>() else { continue };
            let sender = get(sender).trim().to_lowercase();
            let event = Event {
                channel: match get(channel) {
                    "sms" => Some(Channel::Sms),
                    "email" => Some(Channel::Email),
                    "call" => Some(Channel::Call),
                    _ => None,
                },
                text: get(text).to_string(),
                subject: Some(get(subject).to_string()).filter(|s| !s.is_empty()),
                sender_domain: sender.split_once('@').map(|(_, d)| d.to_string()),
                from: sender,
                ..Default::default()
            };
            out.push((category, event));
        }
    }
    out
}

fn train(docs: &[(Category, Event)]) -> Option<Model> {
    let mut trainer = Trainer::new(TrainingConfig::default()).ok()?;
    for (c, e) in docs {
        trainer.add_event(*c, e);
    }
    trainer.finish().ok()
}

fn bench_classify(c: &mut Criterion) {
    let docs = corpus();
    let Some(model) = train(&docs) else {
        eprintln!("no corpus to train on: scorer benchmark skipped");
        return;
    };
    let opts = FeatureOptions::default();
    let events: Vec<Event> = docs.into_iter().map(|(_, e)| e).collect();
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(events.len() as u64));
    group.bench_function(format!("corpus_{}_events", events.len()), |b| {
        b.iter(|| {
            let mut legit = 0usize;
            for e in &events {
                if model.classify(black_box(e), &opts).verdict.category == Category::Legit {
                    legit += 1;
                }
            }
            black_box(legit)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
