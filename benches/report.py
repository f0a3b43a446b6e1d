#!/usr/bin/env python3
"""Turns the JSON written by benches/bench.py into benches/RESULTS.md.

    python3 benches/report.py benches/work/results.json -o benches/RESULTS.md

Standard library only. Every figure comes from the JSON of one run; the only
numbers not measured in that run are the PEERS.md reference F1s, labelled as such.
"""

import argparse
import json
import math
import os

# Best F1 per set in /work/shared/PEERS.md (all peers, LR and jieba rows included), for reference only.
PEERS_BEST = {
    "uci": (0.963, "mnb"),
    "mudou": (0.974, "lr-jieba / lr-bigram"),
    "sa": (0.988, "spamassassin"),
    "trec06c": (0.996, "lr-jieba / lr-bigram"),
}
PEERS_SHA = {
    "uci": {"train.tsv": "d06c26fd0b4a", "test.tsv": "17c050646536"},
    "mudou": {"train.tsv": "000e14aed149", "test.tsv": "c84406695c84"},
    "sa": {"train.tsv": "cc5d5c3d9400", "test.tsv": "2e2f8fc23bf7", "train_files.tsv": "dd2e8a81f677", "test_files.tsv": "bd1f37ccbd61"},
    "trec06c": {"train.tsv": "c2cfb84d4e80", "test.tsv": "57fa9e29570a", "train_files.tsv": "f006527d242c", "test_files.tsv": "6c2216b79353"},
}
PEERS_NOVEL = {"uci": 979, "mudou": 819, "sa": 1173, "trec06c": 1683}
RSS_GOAL_MB = 200


def f(x, nd=3):
    return "–" if x is None else f"{x:.{nd}f}"


def secs(x):
    return "–" if x is None else (f"{x:.3f}" if x < 1 else f"{x:.2f}")


def num(x):
    return "–" if x is None else f"{x:,.0f}"


def ratio(a, b):
    return None if not a or not b else a / b


def table(head, rows):
    out = ["", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--note", action="append", default=[], help="a note to add under Notes (repeatable)")
    a = ap.parse_args()
    with open(a.results) as fh:
        r = json.load(fh)
    m = r["machine"]
    v = m["versions"]
    md = []
    md.append("# leaktrace vs its peers: one run, one machine\n")
    md.append(f"Written by `benches/compare.sh{' --quick' if r.get('quick') else ''}` from `{os.path.basename(a.results)}`; "
              "do not edit by hand, run the script again.\n")
    md.append(table(["", ""], [
        ["run", f"{r.get('started', '?')} – {r.get('finished', 'unfinished')}"],
        ["machine", f"CPU `{m['cpu']}`, {m['cores']} cores, kernel {m['kernel']}"
                    + (f"; load average (1/5/15 min) {'/'.join(f'{x:.1f}' for x in r['loadavg_start'])} at the start, "
                       f"{'/'.join(f'{x:.1f}' for x in r['loadavg_end'])} at the end" if r.get("loadavg_end") else "")
                    + (f"; 1-min load during the run: mean {r['load_1min']['mean']:.1f}, max {r['load_1min']['max']:.1f} "
                       f"(other work on the machine slows every tool; compare ratios within this run)" if r.get("load_1min") else "")],
        ["leaktrace", f"{v['leaktrace']} (release build; training flags: {r.get('lt_train_args') or 'defaults'})"],
        ["bogofilter", v["bogofilter"]],
        ["scikit-learn", v["scikit-learn"]],
        ["SpamAssassin", v["spamassassin"]],
        ["grep", v["grep"]],
        ["runs", f"each time and RSS is the median of {r['runs']} run(s) of the whole process (`/usr/bin/time -v`)"],
    ]))
    md.append("\nMethod as in `/work/shared/PEERS.md`: uci, sa, trec06c stratified 80/20 (per class, sorted ids "
              "shuffled by `random.Random(42)`, the first 20 % to test); mudou its fixed files. Positive = spam; for "
              "leaktrace, anything not `legit`. *F1 novel* = F1 on the test messages whose text does not occur "
              "verbatim in train (n). bogofilter: default cut-offs, *Unsure* counted as ham. sklearn: CountVectorizer "
              "raw counts (Chinese: character bigrams), alpha as tuned in PEERS.md. leaktrace: `train` then "
              "`eval --model … --json`; its classify time is that whole `eval` process.\n")

    # Splits
    md.append("\n## Splits\n")
    rows = []
    for name, s in r.get("splits", {}).items():
        sha = s.get("sha256_12", {})
        same = [k for k, h in sha.items() if PEERS_SHA.get(name, {}).get(k) == h]
        rows.append([name, f"{s['train'][0]} ({s['train'][1]} spam)", f"{s['test'][0]} ({s['test'][1]} spam)",
                     "yes" if s.get("sizes_match_peers") else "**no**", f"{s['test_novel'][0]} (PEERS.md {PEERS_NOVEL.get(name)})",
                     ", ".join(f"{k} {h}" for k, h in sha.items()), ", ".join(same) or "none"])
    md.append(table(["data", "train", "test", "sizes = PEERS.md", "novel test n", "sha256 (first 12)", "hash = PEERS.md"], rows))
    md.append("\nThe split ids and sizes follow PEERS.md exactly, and the novel counts match it (trec06c within one "
              "message); the TSV hashes differ because PEERS.md does not say how its text column was flattened "
              "(here: the raw SMS text, or a mail's decoded Subject and text parts, with whitespace runs collapsed).\n")

    # Accuracy and speed
    md.append("\n## Accuracy, speed and memory per data set\n")
    rows = []
    for x in r["rows"]:
        if "error" in x:
            rows.append([x["set"], x["tool"]] + ["–"] * 12 + [f"FAILED: {x['error'][:120]}"])
            continue
        name = f"**{x['tool']}**" if x["tool"] == "leaktrace" else x["tool"]
        setting = x.get("setting", "")
        if "f1_at_0_5" in x:
            setting += f"; F1@0.5={x['f1_at_0_5']:.3f}"
        rows.append([x["set"], name, f(x.get("accuracy")), f(x.get("precision")), f(x.get("recall")), f"**{f(x.get('f1'))}**",
                     f(x.get("fpr"), 4), x.get("unsure", "–"), f"{f(x.get('f1_novel'))} ({x.get('n_novel', '–')})",
                     secs(x.get("train_s")), num(x.get("train_mb")), secs(x.get("classify_s")), num(x.get("msgs_s")),
                     num(x.get("classify_mb")), setting])
    md.append(table(["data", "tool", "acc", "P", "R", "F1", "FPR", "unsure", "F1 novel (n)", "train s", "train MB",
                     "classify s", "msg/s", "classify MB", "setting"], rows))

    # Ratios
    md.append("\n## leaktrace against the peers (same run)\n")
    rows, goals = [], []
    for name in r.get("sets", []):
        xs = [x for x in r["rows"] if x["set"] == name and "error" not in x]
        lt = next((x for x in xs if x["tool"] == "leaktrace"), None)
        peers = [x for x in xs if x["tool"] not in ("leaktrace", "spamassassin")]
        sa = next((x for x in xs if x["tool"] == "spamassassin"), None)
        if not lt:
            rows.append([name, "leaktrace failed"] + ["–"] * 8)
            goals.append((f"{name}: F1 ≥ best peer", None))
            continue
        best = max(peers, key=lambda x: x["f1"]) if peers else None
        best_novel = max(peers, key=lambda x: x["f1_novel"]) if peers else None
        bogo = next((x for x in peers if x["tool"] == "bogofilter"), None)
        skl = max((x for x in peers if x["tool"] != "bogofilter"), key=lambda x: x["msgs_s"], default=None)
        pb = PEERS_BEST.get(name)
        rows.append([
            name, f(lt["f1"]),
            f"{f(best['f1'])} ({best['tool']})" if best else "–",
            f"{lt['f1'] - best['f1']:+.3f}" if best else "–",
            f"{lt['f1_novel'] - best_novel['f1_novel']:+.3f} ({best_novel['tool']})" if best_novel else "–",
            f"{lt['f1'] - pb[0]:+.3f} ({pb[1]} {pb[0]})" if pb else "–",
            f"{ratio(lt['msgs_s'], bogo['msgs_s']):.2f}×" if bogo else "–",
            f"{ratio(lt['msgs_s'], skl['msgs_s']):.1f}× ({skl['tool']})" if skl else "–",
            (f"{ratio(lt['msgs_s'], sa.get('msgs_s_marginal') or sa['msgs_s']):.0f}× "
             f"({ratio(lt['msgs_s'], sa['msgs_s']):.0f}× whole process)") if sa else "–",
            f"{max(lt['train_mb'], lt['classify_mb']):.0f}",
        ])
        if best:
            goals.append((f"{name}: F1 ≥ best peer of this run ({lt['f1']:.3f} vs {best['f1']:.3f} {best['tool']})", lt["f1"] >= best["f1"]))
        if bogo:
            goals.append((f"{name}: classify throughput ≥ 2× bogofilter ({ratio(lt['msgs_s'], bogo['msgs_s']):.2f}×)", lt["msgs_s"] >= 2 * bogo["msgs_s"]))
        if sa:
            sa_rate = sa.get("msgs_s_marginal") or sa["msgs_s"]
            goals.append((f"{name}: throughput ≥ 50× SpamAssassin's marginal rate ({ratio(lt['msgs_s'], sa_rate):.0f}×)",
                          lt["msgs_s"] >= 50 * sa_rate))
        goals.append((f"{name}: leaktrace peak RSS < {RSS_GOAL_MB} MB ({max(lt['train_mb'], lt['classify_mb']):.0f} MB)",
                      max(lt["train_mb"], lt["classify_mb"]) < RSS_GOAL_MB))
    md.append(table(["data", "leaktrace F1", "best peer F1 (this run)", "ΔF1", "ΔF1 novel vs best novel", "ΔF1 vs PEERS.md best",
                     "msg/s ×bogofilter", "msg/s ×sklearn", "msg/s ×SpamAssassin", "leaktrace peak MB"], rows))
    md.append("\nThe SpamAssassin row is a sample (see its setting); its F1 is on that sample only and is not used "
              "for the best-peer column. Throughput ratios compare whole processes on the same test set, "
              "except ×SpamAssassin, which divides leaktrace's whole-process rate by SpamAssassin's marginal rate "
              "on its sample ((n − 1) ÷ (time for n − time for 1 message): its start-up excluded, in its favour); "
              "in brackets the ratio of whole-process rates.\n")

    if r.get("inproc"):
        md.append("\n### scikit-learn, in-process times (interpreter and import start-up excluded)\n")
        md.append(table(["data", "peer", "train s", "classify s", "msg/s", "vocabulary"],
                        [[x["set"], x["tool"], secs(x["train_s"]), secs(x["classify_s"]), num(x["msgs_s"]), num(x["vocabulary"])]
                         for x in r["inproc"]]))

    big = r.get("big")
    if big:
        md.append("\n## A 1 GiB mailbox\n")
        md.append(f"`{big['file']}`: {big['bytes'] / 1e6:,.0f} MB, {big['messages']:,} messages = the {big['corpus_messages']:,} "
                  f"files of spamassassin + trec06c_subset (a `From ` line added where missing, body `From ` lines quoted) "
                  f"repeated {big['repetitions']}×. Page cache warmed once before the first tool.\n\n")
        grep = next((x for x in big["rows"] if x["tool"] == "grep" and "error" not in x), None)
        bogo = next((x for x in big["rows"] if x["tool"] == "bogofilter" and "error" not in x), None)
        rows = []
        for x in big["rows"]:
            if "error" in x:
                rows.append([x["tool"], x["what"], "FAILED", x["error"][:100], "", "", "", ""])
                continue
            rows.append([x["tool"], x["what"], secs(x["wall"]), num(x["mb_s"]), num(x["msgs_s"]), num(x["rss"]),
                         f"{x['wall'] / grep['wall']:.1f}×" if grep else "–",
                         f"{bogo['wall'] / x['wall']:.2f}×" if bogo and x["tool"] == "leaktrace" and x["what"] == "classify" else "–"])
        md.append(table(["tool", "what", "wall s", "MB/s", "msg/s", "peak RSS MB", "time ÷ grep", "speed ×bogofilter"], rows))
        ing = next((x for x in big["rows"] if x["tool"] == "leaktrace" and x["what"] == "ingest" and "error" not in x), None)
        cl = next((x for x in big["rows"] if x["tool"] == "leaktrace" and x["what"] == "classify" and "error" not in x), None)
        if ing and grep:
            goals.append((f"ingest of 1 GiB mbox within 5× of grep ({ing['wall'] / grep['wall']:.1f}×)", ing["wall"] <= 5 * grep["wall"]))
            goals.append((f"ingest of 1 GiB mbox peak RSS < {RSS_GOAL_MB} MB ({ing['rss']:.0f} MB)", ing["rss"] < RSS_GOAL_MB))
        if cl:
            goals.append((f"classify of 1 GiB mbox peak RSS < {RSS_GOAL_MB} MB ({cl['rss']:.0f} MB)", cl["rss"] < RSS_GOAL_MB))
            if bogo:
                goals.append((f"classify of 1 GiB mbox ≥ 2× bogofilter -M ({bogo['wall'] / cl['wall']:.2f}×)", bogo["wall"] >= 2 * cl["wall"]))

    curve = r.get("curve")
    if curve:
        md.append("\n## Cost curve: a simulated person at 1×, 4×, 16×\n")
        if curve.get("error"):
            md.append(f"Not measured: {curve['error']}\n")
        else:
            md.append(f"`tests/scenario/simulate.py --seed {curve['seed']} --scale K`; classify and report use a model "
                      f"{curve.get('model', '')}. µs/event = wall time ÷ events ingested.\n\n")
            rows = []
            base = {}
            for x in curve["rows"]:
                if "error" in x:
                    rows.append([f"{x['scale']}×", "FAILED", x["error"][:100]] + [""] * 7)
                    continue
                ev = x.get("events") or 0
                cells = [f"{x['scale']}×", num(ev), f"{x['input_mb']:.1f}"]
                for step in ("ingest", "classify", "report"):
                    s = x.get(step, {})
                    if "wall" in s and ev:
                        per = s["wall"] / ev * 1e6
                        base.setdefault(step, per)
                        cells.append(f"{secs(s['wall'])} s, {s['rss']:.0f} MB, {per:.0f} µs/ev ({per / base[step]:.2f})")
                    else:
                        cells.append("skipped: " + s.get("error", "not run")[:80].replace("|", "/").replace("\n", " "))
                rows.append(cells)
            md.append(table(["scale", "events", "input MB", "ingest", "classify", "report"], rows))
            md.append("\nIn brackets: time per event relative to 1× (1.00 = perfectly linear growth). "
                      "At small scales the fixed start-up cost (reading the model, the process) dominates the per-event figure.\n")
            ok = [x for x in curve["rows"] if x.get("events") and "error" not in x]
            if len(ok) >= 2:
                lo, hi = ok[-2], ok[-1]
                parts = []
                for step in ("ingest", "classify", "report"):
                    a_, b_ = lo.get(step, {}), hi.get(step, {})
                    if "wall" in a_ and "wall" in b_ and hi["events"] > lo["events"]:
                        k = math.log(b_["wall"] / a_["wall"]) / math.log(hi["events"] / lo["events"])
                        kr = math.log(max(b_["rss"], 1) / max(a_["rss"], 1)) / math.log(hi["events"] / lo["events"])
                        parts.append(f"{step} time ∝ events^{k:.2f}, peak RSS ∝ events^{kr:.2f}")
                md.append(f"\nGrowth from {lo['scale']}× to {hi['scale']}× ({lo['events']:,} → {hi['events']:,} events; "
                          f"exponent 1.00 = linear): " + "; ".join(parts) + ".\n")
            for x in curve["rows"]:
                for step in ("ingest", "classify", "report"):
                    s = x.get(step, {})
                    if "rss" in s:
                        goals.append((f"{step} at {x['scale']}× peak RSS < {RSS_GOAL_MB} MB ({s['rss']:.0f} MB)", s["rss"] < RSS_GOAL_MB))

    ts = r.get("train_scale")
    if ts:
        md.append(f"\n## Training on {ts['messages']:,} messages\n")
        md.append(f"The four public splits' train and test texts repeated to {ts['messages']:,} messages "
                  f"({ts['mb']:.0f} MB, `benches/work/splits/train100k/train.tsv`); the same file for both tools.\n")
        mnb = next((x for x in ts["rows"] if x["tool"] == "mnb" and "error" not in x), None)
        rows = []
        for x in ts["rows"]:
            if "error" in x:
                rows.append([x["tool"], "FAILED", x["error"][:100], "", ""])
                continue
            rows.append([x["tool"], x["setting"], secs(x["wall"]), num(x["rss"]),
                         f"{x['wall'] / mnb['wall']:.2f}×" if mnb else "–"])
        md.append(table(["tool", "setting", "wall s", "peak RSS MB", "time ÷ sklearn MNB"], rows))
        lt = next((x for x in ts["rows"] if x["tool"] == "leaktrace" and "error" not in x), None)
        if lt:
            goals.append((f"training on {ts['messages']:,} messages ≤ 30 s ({lt['wall']:.1f} s)", lt["wall"] <= 30))
            goals.append((f"training on {ts['messages']:,} messages ≤ 1 GB peak RSS ({lt['rss']:.0f} MB)", lt["rss"] <= 1024))
    md.append("\n## Goals\n")
    for text, ok in goals:
        md.append(f"- {'met' if ok else ('**not met**' if ok is not None else 'not measured')}: {text}\n")
    notes = r.get("notes", []) + a.note
    if notes:
        md.append("\n## Notes\n")
        for n in notes:
            md.append(f"- {n}\n")
    with open(a.out, "w", encoding="utf-8") as fh:
        fh.write("".join(md))


if __name__ == "__main__":
    main()
