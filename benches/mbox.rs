//! Criterion benchmark of [`leaktrace::ingest::mbox::read_stream`] over an
//! in-memory mailbox of 2,000 synthetic messages (English and Chinese, plain
//! and base64, some with `>From ` quoted lines), built once from a fixed seed
//! outside the timed loop.
//!
//! Run: `cargo bench --bench mbox`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use leaktrace::ingest::{IngestOptions, mbox};

/// Messages in the mailbox.
const MESSAGES: usize = 2000;
/// Seed of the generator, fixed so every run reads the same bytes.
const SEED: u64 = 0x5EED_2024;

use leaktrace::model::evaluate::SplitMix;

const EN_LINES: [&str; 6] = [
    "Limited offer: refinance today and save up to 40% on your monthly payments.",
    "Hi team, the quarterly report is attached; comments by Friday please.",
    "Your account has been suspended. Verify at https://secure-login.example.top/verify now.",
    "From the desk of the director: the meeting moves to 3 pm.",
    "Unsubscribe: https://mail.example.com/u?id=88213",
    "Thanks for your order #44120, it ships tomorrow.",
];
const ZH_LINES: [&str; 5] = [
    "【星河湾】江景大平层火热认购中，首付低至15%，详询 0571-86887777 退订回T",
    "张总您好，上次说的那套还在，业主最近松口了，周末有空来看看吗",
    "尊敬的客户，您的信用卡额度已提升至5万元，点击 xyk-up.cn 激活",
    "会议纪要已发群里，请大家查收。",
    "少儿英语暑期班报名中，前20名赠送教材大礼包",
];

/// Base64 of `bytes` (RFC 4648), in 76-character lines.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for (i, chunk) in bytes.chunks(3).enumerate() {
        if i > 0 && i % 19 == 0 {
            out.push('\n');
        }
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The mailbox: `MESSAGES` messages, each after an asctime `From ` line.
fn mailbox() -> Vec<u8> {
    let mut rng = SplitMix(SEED);
    let mut out = String::new();
    for i in 0..MESSAGES {
        let zh = rng.below(2) == 0;
        let lines: &[&str] = if zh { &ZH_LINES } else { &EN_LINES };
        // mboxo quoting of body lines that would look like separators.
        let body: Vec<String> = (0..3 + rng.below(12))
            .map(|_| lines[rng.below(lines.len())])
            .map(|l| if l.starts_with("From ") { format!(">{l}") } else { l.to_string() })
            .collect();
        let body = body.join("\n");
        let (day, hour, min) = (1 + rng.below(28), rng.below(24), rng.below(60));
        out.push_str(&format!(
            "From sender{}@example.com Sat Mar {day:2} {hour:02}:{min:02}:00 2024\n",
            rng.below(300)
        ));
        out.push_str(&format!("From: Sender {n} <sender{n}@example.com>\n", n = rng.below(300)));
        out.push_str("To: me@example.net\n");
        out.push_str(&format!("Date: Sat, {day} Mar 2024 {hour:02}:{min:02}:00 +0800\n"));
        out.push_str(&format!("Message-ID: <{i}.{}@example.com>\n", rng.next_u64()));
        out.push_str(&format!("Subject: {}\n", if zh { "通知" } else { "Notice" }));
        out.push_str("MIME-Version: 1.0\n");
        if zh && rng.below(2) == 0 {
            out.push_str(
                "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n",
            );
            out.push_str(&base64(body.as_bytes()));
        } else {
            out.push_str("Content-Type: text/plain; charset=utf-8\n\n");
            out.push_str(&body);
        }
        out.push_str("\n\n");
    }
    out.into_bytes()
}

fn bench_read_stream(c: &mut Criterion) {
    let bytes = mailbox();
    let opts = IngestOptions::default();
    let mut group = c.benchmark_group("mbox");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function(format!("read_stream_{MESSAGES}_messages"), |b| {
        b.iter(|| {
            let mut ok = 0usize;
            let r = mbox::read_stream(black_box(&bytes[..]), "bench.mbox", &opts, &mut |r| {
                ok += usize::from(r.is_ok());
            });
            assert!(r.is_ok() && ok == MESSAGES, "read {ok} of {MESSAGES} messages");
            black_box(ok)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_read_stream);
criterion_main!(benches);
