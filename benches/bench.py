#!/usr/bin/env python3
"""The measuring half of benches/compare.sh: runs leaktrace and its peers on the
splits that benches/splits.py made, in one process tree on one machine, and
writes every figure to a JSON file that benches/report.py turns into Markdown.

    python3 benches/bench.py --work benches/work --bin target/release/leaktrace \
        --data ../shared/data --runs 3 --sets uci,mudou,sa,trec06c \
        [--venv-python benches/work/venv/bin/python] [--big] [--spamassassin] \
        [--curve 1,4,16] --results benches/work/results.json

Each timed step is one whole process under `/usr/bin/time -v` (wall time from
the parent's monotonic clock, peak RSS from time's "Maximum resident set
size"); a figure is the median of --runs runs. Accuracy comes from the last
run (every tool here is deterministic). A step that fails is recorded with its
error and the run goes on. Only the standard library is used.
"""

import argparse
import datetime
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the tracked scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import splits  # noqa: E402  (mbox_entry, shared with the split maker)

# sklearn settings tuned in PEERS.md (5-fold CV there): alpha per set and model.
SKLEARN = {
    "uci": [("mnb", 0.1, "word"), ("cnb", 0.01, "word")],
    "mudou": [("mnb", 0.01, "bigram"), ("cnb", 0.01, "bigram")],
    "sa": [("mnb", 0.1, "word"), ("cnb", 0.1, "word")],
    "trec06c": [("mnb", 0.1, "bigram"), ("cnb", 0.1, "bigram")],
}
MAIL_SETS = {"sa", "trec06c"}
SA_SAMPLE = 200
BIG_TARGET_BYTES = 1 << 30
SA_BAYES_SCORES = """\
score BAYES_00  0  0 -1.5   -1.9
score BAYES_05  0  0 -0.3   -0.5
score BAYES_20  0  0 -0.001 -0.001
score BAYES_40  0  0 -0.001 -0.001
score BAYES_50  0  0  2.0    0.8
score BAYES_60  0  0  2.5    1.5
score BAYES_80  0  0  2.7    2.0
score BAYES_95  0  0  3.2    3.0
score BAYES_99  0  0  3.8    3.5
score BAYES_999 0  0  0.2    0.2
"""


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class StepFailed(Exception):
    pass


def run_timed(cmd, work, stdin=None, stdout=None, env=None):
    """Runs one process under /usr/bin/time -v. Returns (wall s, peak RSS MB, stdout text or None, stderr text)."""
    tfile = os.path.join(work, "tmp", "time.txt")
    out_f = open(stdout, "wb") if stdout else subprocess.PIPE
    in_f = open(stdin, "rb") if stdin else subprocess.DEVNULL
    t0 = time.perf_counter()
    try:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + cmd, stdin=in_f, stdout=out_f,
                           stderr=subprocess.PIPE, env=env)
    finally:
        if stdout:
            out_f.close()
        if stdin:
            in_f.close()
    wall = time.perf_counter() - t0
    err = p.stderr.decode("utf-8", "replace")
    rss = 0.0
    try:
        with open(tfile) as f:
            m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", f.read())
            rss = int(m.group(1)) / 1024 if m else 0.0
    except OSError:
        pass
    out = None if stdout else p.stdout.decode("utf-8", "replace")
    # bogofilter exits 1 for "ham" and 2 for "unsure" in single-message mode; callers check.
    return {"wall": wall, "rss": rss, "rc": p.returncode, "out": out, "err": err}


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def metrics(labels, preds, novel):
    """Binary metrics, positive = spam (1)."""
    def core(pairs):
        tp = sum(1 for y, p in pairs if y and p)
        fp = sum(1 for y, p in pairs if not y and p)
        fn = sum(1 for y, p in pairs if y and not p)
        tn = sum(1 for y, p in pairs if not y and not p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": prec, "recall": rec, "f1": f1,
                "fpr": fp / (fp + tn) if fp + tn else 0.0, "accuracy": (tp + tn) / len(pairs) if pairs else 0.0}
    pairs = list(zip(labels, preds))
    m = core(pairs)
    m["f1_novel"] = core([pr for pr, n in zip(pairs, novel) if n])["f1"]
    m["n_novel"] = sum(novel)
    return m


def read_labels(split):
    with open(os.path.join(split, "test.tsv"), encoding="utf-8") as f:
        labels = [1 if line.split("\t", 1)[0] == "spam" else 0 for line in f]
    with open(os.path.join(split, "novel.txt")) as f:
        novel = [line.strip() == "1" for line in f]
    return labels, novel


class Bench:
    def __init__(self, args):
        self.a = args
        self.work = os.path.abspath(args.work)
        self.lt = os.path.abspath(args.bin)
        os.makedirs(os.path.join(self.work, "tmp"), exist_ok=True)
        self.rows = []
        self.inproc = []
        self.res = {"rows": self.rows, "inproc": self.inproc, "notes": []}
        self.models = {}

    def repeat(self, what, fn, runs=None):
        """Calls fn(i) runs times; fn returns a run_timed result (or a list of them, summed).
        Returns (median wall, median RSS, last result) or raises StepFailed."""
        walls, rsses, last = [], [], None
        for i in range(runs or self.a.runs):
            r = fn(i)
            parts = r if isinstance(r, list) else [r]
            for p in parts:
                if p["rc"] not in p.get("ok_rc", (0,)):
                    raise StepFailed(f"{what}: exit {p['rc']}: {p['err'].strip()[-400:]}")
            wall = sum(p["wall"] for p in parts)
            rss = max(p["rss"] for p in parts)
            walls.append(wall)
            rsses.append(rss)
            last = parts[-1]
            log(f"    {what} run {i + 1}: {wall:.2f} s, {rss:.0f} MB")
        return med(walls), med(rsses), last

    # ---------------------------------------------------------------- leaktrace
    def lt_mail_input(self, split, part):
        """LABEL=PATH arguments for a mail split part (train, test, test_novel)."""
        if self.res.get("mail_input") == "links":
            return [f"legit={split}/links/{part}/legit", f"fraud={split}/links/{part}/fraud"]
        return [f"legit={split}/{part}_ham.mbox", f"fraud={split}/{part}_spam.mbox"]

    def probe_links(self):
        """leaktrace reads a folder of symlinks only if its folder walk follows them."""
        d = os.path.join(self.work, "tmp", "linkprobe")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        src = os.path.join(self.work, "tmp", "probe.eml")
        with open(src, "w") as f:
            f.write("From: a@example.com\nSubject: probe\n\nhello\n")
        os.symlink(src, os.path.join(d, "1.eml"))
        out = os.path.join(self.work, "tmp", "probe.jsonl")
        subprocess.run([self.lt, "ingest", d, "-o", out], stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        n = sum(1 for _ in open(out)) if os.path.exists(out) else 0
        mode = "links" if n == 1 else "mbox"
        self.res["mail_input"] = mode
        if mode == "mbox":
            note = ("leaktrace's folder walk skips symbolic links (0 events from a folder of symlinks), so the "
                    "mail splits are fed to leaktrace as one mbox per class (`legit=train_ham.mbox fraud=train_spam.mbox`), "
                    "built from the same files (body lines starting `From ` quoted as `>From `).")
            self.res["notes"].append(note)
            log("  note: " + note)

    def leaktrace(self, name, split, labels, novel):
        w = os.path.join(self.work, "runs", name, "leaktrace")
        os.makedirs(w, exist_ok=True)
        model = os.path.join(w, "model.bin")
        extra = self.a.lt_train_args.split() if self.a.lt_train_args else []
        if name in MAIL_SETS:
            train_in = self.lt_mail_input(split, "train")
            test_in = self.lt_mail_input(split, "test")
            novel_in = self.lt_mail_input(split, "test_novel")
        else:
            train_in, test_in, novel_in = [f"{split}/train.tsv"], [f"{split}/test.tsv"], [f"{split}/test_novel.tsv"]
        row = {"set": name, "tool": "leaktrace", "setting": " ".join(extra) or "defaults", "n_test": len(labels)}
        try:
            row["train_s"], row["train_mb"], _ = self.repeat(
                f"[{name}] leaktrace train", lambda i: run_timed([self.lt, "train"] + train_in + ["-o", model] + extra, self.work))
            row["classify_s"], row["classify_mb"], last = self.repeat(
                f"[{name}] leaktrace classify (eval --model)",
                lambda i: run_timed([self.lt, "eval", "--model", model] + test_in + ["--json"], self.work))
            b = json.loads(last["out"])["binary"]
            nov = run_timed([self.lt, "eval", "--model", model] + novel_in + ["--json"], self.work)
            if nov["rc"] != 0:
                raise StepFailed(f"leaktrace eval (novel): {nov['err'][-300:]}")
            bn = json.loads(nov["out"])
            row.update({"accuracy": b["accuracy"], "precision": b["precision"], "recall": b["recall"], "f1": b["f1"],
                        "fpr": b["fpr"], "f1_novel": bn["binary"]["f1"], "n_novel": bn.get("n", sum(novel)),
                        "n_scored": b["tp"] + b["fp"] + b["tn"] + b.get("fn", b.get("fn_", 0))})
            row["msgs_s"] = len(labels) / row["classify_s"]
            self.models[name] = model
        except (StepFailed, ValueError, KeyError) as e:
            row["error"] = str(e)
            log(f"  [{name}] leaktrace FAILED: {e}")
        self.rows.append(row)

    # ---------------------------------------------------------------- bogofilter
    def bogofilter(self, name, split, labels, novel):
        w = os.path.join(self.work, "runs", name, "bogofilter")
        row = {"set": name, "tool": "bogofilter", "setting": "default cut-offs, Unsure = ham", "n_test": len(labels)}

        def train(i):
            shutil.rmtree(w, ignore_errors=True)
            os.makedirs(w)
            return [run_timed(["bogofilter", "-d", w, "-s", "-M"], self.work, stdin=f"{split}/train_spam.mbox"),
                    run_timed(["bogofilter", "-d", w, "-n", "-M"], self.work, stdin=f"{split}/train_ham.mbox")]

        def classify(i):
            r = run_timed(["bogofilter", "-d", w, "-M", "-T"], self.work, stdin=f"{split}/test.mbox")
            r["ok_rc"] = (0, 1, 2)
            return r

        try:
            row["train_s"], row["train_mb"], _ = self.repeat(f"[{name}] bogofilter train", train)
            row["classify_s"], row["classify_mb"], last = self.repeat(f"[{name}] bogofilter classify", classify)
            verdicts = [line.split() for line in last["out"].splitlines() if line.strip()]
            if len(verdicts) != len(labels):
                raise StepFailed(f"bogofilter gave {len(verdicts)} verdicts for {len(labels)} messages")
            preds = [1 if v[0] == "S" else 0 for v in verdicts]
            row.update(metrics(labels, preds, novel))
            row["unsure"] = sum(1 for v in verdicts if v[0] == "U")
            at_half = [1 if float(v[1]) >= 0.5 else 0 for v in verdicts]
            row["f1_at_0_5"] = metrics(labels, at_half, novel)["f1"]
            row["msgs_s"] = len(labels) / row["classify_s"]
            self.res.setdefault("bogofilter_wordlists", {})[name] = w
        except (StepFailed, ValueError, IndexError) as e:
            row["error"] = str(e)
            log(f"  [{name}] bogofilter FAILED: {e}")
        self.rows.append(row)

    # ---------------------------------------------------------------- sklearn
    def sklearn(self, name, split, labels, novel):
        py = self.a.venv_python
        here = os.path.dirname(os.path.abspath(__file__))
        for algo, alpha, analyzer in SKLEARN[name]:
            tool = algo if analyzer == "word" else f"{algo}-bigram"
            w = os.path.join(self.work, "runs", name, tool)
            os.makedirs(w, exist_ok=True)
            model, pred = os.path.join(w, "model.pkl"), os.path.join(w, "pred.txt")
            row = {"set": name, "tool": tool, "setting": f"alpha={alpha}", "n_test": len(labels)}
            try:
                row["train_s"], row["train_mb"], tr = self.repeat(
                    f"[{name}] {tool} train",
                    lambda i: run_timed([py, f"{here}/peers.py", "train", split, "--algo", algo, "--alpha", str(alpha),
                                         "--analyzer", analyzer, "--model", model], self.work))
                row["classify_s"], row["classify_mb"], cl = self.repeat(
                    f"[{name}] {tool} classify",
                    lambda i: run_timed([py, f"{here}/peers.py", "classify", split, "--model", model, "--pred", pred], self.work))
                with open(pred) as f:
                    preds = [int(x) for x in f.read().split()]
                row.update(metrics(labels, preds, novel))
                row["msgs_s"] = len(labels) / row["classify_s"]
                t, c = json.loads(tr["out"]), json.loads(cl["out"])
                self.inproc.append({"set": name, "tool": tool, "train_s": t["train_s"], "classify_s": c["classify_s"],
                                    "msgs_s": len(labels) / c["classify_s"], "vocabulary": t["vocabulary"]})
            except (StepFailed, ValueError, OSError) as e:
                row["error"] = str(e)
                log(f"  [{name}] {tool} FAILED: {e}")
            self.rows.append(row)

    # ---------------------------------------------------------------- SpamAssassin
    def sa_config(self):
        base = os.path.join(self.work, "sa")
        rules, site = os.path.join(base, "rules"), os.path.join(base, "site")
        os.makedirs(rules, exist_ok=True)
        os.makedirs(site, exist_ok=True)
        for f in ("23_bayes.cf", "20_aux_tlds.cf"):
            shutil.copy(os.path.join(self.a.sa_rules, f), rules)
        with open(os.path.join(rules, "50_bayes_scores.cf"), "w") as f:
            f.write(SA_BAYES_SCORES)
        with open(os.path.join(site, "init.pre"), "w") as f:
            f.write("loadplugin Mail::SpamAssassin::Plugin::Check\nloadplugin Mail::SpamAssassin::Plugin::Bayes\n")
        with open(os.path.join(site, "local.cf"), "w") as f:
            f.write(f"use_bayes 1\nbayes_auto_learn 0\nbayes_auto_expire 0\nbayes_path {base}/db/bayes\n"
                    "add_header all Bayes _BAYES_\n")
        prefs = os.path.join(base, "user_prefs")
        open(prefs, "w").close()
        return base, ["--configpath", rules, "--siteconfigpath", site, "-p", prefs]

    def spamassassin(self, split):
        """Bayes-only SpamAssassin: learn the whole sa train split once, classify a seeded sample of the test split."""
        name = "sa"
        base, conf = self.sa_config()
        with open(f"{split}/test_files.tsv", encoding="utf-8") as f:
            test = [line.rstrip("\n").split("\t") for line in f]
        labels_all, novel_all = read_labels(split)
        idx = sorted(random.Random(42).sample(range(len(test)), min(SA_SAMPLE, len(test))))
        labels = [labels_all[i] for i in idx]
        novel = [novel_all[i] for i in idx]
        row = {"set": name, "tool": "spamassassin", "n_test": len(idx),
               "setting": f"Bayes only; learn all {sum(1 for _ in open(f'{split}/train_files.tsv'))} train, "
                          f"test a {len(idx)}-message sample (random.Random(42))"}
        lists = {}
        for lab in ("spam", "ham"):
            lists[lab] = os.path.join(base, f"train_{lab}.lst")
            with open(f"{split}/train_files.tsv", encoding="utf-8") as f, open(lists[lab], "w") as out:
                out.writelines(p for l, p in (line.split("\t", 1) for line in f) if l == lab)

        def train(i):
            shutil.rmtree(os.path.join(base, "db"), ignore_errors=True)
            return [run_timed(["sa-learn"] + conf + ["--spam", "-f", lists["spam"]], self.work),
                    run_timed(["sa-learn"] + conf + ["--ham", "-f", lists["ham"]], self.work)]

        files = [test[i][1] for i in idx]
        try:
            row["train_s"], row["train_mb"], _ = self.repeat("[sa] spamassassin sa-learn (1 run)", train, runs=1)
            row["classify_s"], row["classify_mb"], last = self.repeat(
                f"[sa] spamassassin -L ({len(files)} messages)",
                lambda i: run_timed(["spamassassin", "-L"] + conf + files, self.work))
            probs = [float(m) for m in re.findall(r"(?m)^X-Spam-Bayes: ([0-9.]+)", last["out"])]
            if len(probs) != len(files):
                raise StepFailed(f"spamassassin gave {len(probs)} Bayes scores for {len(files)} messages")
            row.update(metrics(labels, [1 if p > 0.5 else 0 for p in probs], novel))
            row["msgs_s"] = len(files) / row["classify_s"]
            # Start-up (Perl, rules) is most of a 200-message run; the marginal rate is
            # what a long-running SpamAssassin would reach, and the fairer divisor.
            row["startup_s"], _, _ = self.repeat(
                "[sa] spamassassin -L (1 message: start-up)",
                lambda i: run_timed(["spamassassin", "-L"] + conf + files[:1], self.work))
            if row["classify_s"] > row["startup_s"]:
                row["msgs_s_marginal"] = (len(files) - 1) / (row["classify_s"] - row["startup_s"])
            row["setting"] += (f"; start-up {row['startup_s']:.2f} s, marginal "
                               f"{row.get('msgs_s_marginal', 0):.0f} msg/s")
        except (StepFailed, ValueError) as e:
            row["error"] = str(e)
            log(f"  [sa] spamassassin FAILED: {e}")
        self.rows.append(row)

    # ---------------------------------------------------------------- big mbox
    def big_mbox(self):
        path = os.path.join(self.work, "big.mbox")
        done = path + ".done"
        target = self.a.big_bytes
        if os.path.exists(done) and os.path.exists(path) and os.path.getsize(path) >= target:
            log(f"  reusing {path} ({os.path.getsize(path) / 1e6:.0f} MB)")
        else:
            log(f"  building {path} (>= {target / 2**30:.2f} GiB from spamassassin + trec06c_subset)")
            chunk = bytearray()
            count = 0
            for corpus in ("spamassassin", "trec06c_subset"):
                root = os.path.join(self.a.data, corpus)
                for dirpath, dirs, names in sorted(os.walk(root)):
                    dirs.sort()
                    if "_package_meta" in dirpath:
                        continue
                    for n in sorted(names):
                        with open(os.path.join(dirpath, n), "rb") as f:
                            chunk += splits.mbox_entry(f.read())
                        count += 1
            reps = -(-target // len(chunk))
            with open(path, "wb") as f:
                for _ in range(reps):
                    f.write(chunk)
            with open(done, "w") as f:
                json.dump({"messages": count * reps, "repetitions": reps, "corpus_messages": count}, f)
        with open(done) as f:
            info = json.load(f)
        info["bytes"] = os.path.getsize(path)
        return path, info

    def big(self):
        path, info = self.big_mbox()
        mb = info["bytes"] / 1e6
        res = {"file": os.path.relpath(path), **info, "rows": []}
        self.res["big"] = res
        subprocess.run(["cat", path], stdout=subprocess.DEVNULL)  # same warm page cache for every tool

        def add(tool, what, cmd, stdin=None, ok_rc=(0,)):
            def one(i):
                r = run_timed(cmd, self.work, stdin=stdin)
                r["ok_rc"] = ok_rc
                return r
            try:
                wall, rss, last = self.repeat(f"[big] {tool} {what}", one)
                res["rows"].append({"tool": tool, "what": what, "wall": wall, "rss": rss, "mb_s": mb / wall,
                                    "msgs_s": info["messages"] / wall, "cmd": " ".join(os.path.basename(c) if c == self.lt else c for c in cmd),
                                    "out": (last["out"] or "").strip()[:80]})
            except StepFailed as e:
                res["rows"].append({"tool": tool, "what": what, "error": str(e)})
                log(f"  [big] {tool} {what} FAILED: {e}")

        add("grep", "count `^From `", ["grep", "-c", "^From ", path])
        add("leaktrace", "ingest", [self.lt, "ingest", path, "-o", "/dev/null"])
        model = self.models.get("sa")
        if model:
            add("leaktrace", "classify", [self.lt, "classify", path, "--model", model, "--format", "jsonl", "-o", "/dev/null"])
        wl = self.res.get("bogofilter_wordlists", {}).get("sa")
        if wl:
            add("bogofilter", "classify (-M bulk)", ["bogofilter", "-d", wl, "-M", "-T"], stdin=path, ok_rc=(0, 1, 2))

    # ---------------------------------------------------------------- training at scale
    def train_scale(self, n=100_000):
        """leaktrace train on n messages (the four public splits' train and test texts, repeated),
        beside scikit-learn MultinomialNB trained on the same file in the same run."""
        split = os.path.join(self.work, "splits", "train100k")
        os.makedirs(split, exist_ok=True)
        path = os.path.join(split, "train.tsv")
        lines = []
        for name in ("uci", "mudou", "sa", "trec06c"):
            for part in ("train", "test"):
                with open(os.path.join(self.work, "splits", name, f"{part}.tsv"), encoding="utf-8") as f:
                    lines.extend(l for l in f if l.strip())
        out = [lines[i % len(lines)] for i in range(n)]
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(out)
        res = {"messages": n, "mb": os.path.getsize(path) / 1e6, "rows": []}
        self.res["train_scale"] = res
        model = os.path.join(self.work, "tmp", "train100k.model")
        try:
            wall, rss, _ = self.repeat("[train 100k] leaktrace train",
                                       lambda i: run_timed([self.lt, "train", path, "-o", model], self.work))
            res["rows"].append({"tool": "leaktrace", "setting": "defaults", "wall": wall, "rss": rss})
        except StepFailed as e:
            res["rows"].append({"tool": "leaktrace", "error": str(e)})
        if self.a.venv_python and os.path.exists(self.a.venv_python):
            pkl = os.path.join(self.work, "tmp", "train100k.pkl")
            try:
                wall, rss, _ = self.repeat("[train 100k] sklearn mnb train", lambda i: run_timed(
                    [self.a.venv_python, os.path.join(os.path.dirname(os.path.abspath(__file__)), "peers.py"),
                     "train", split, "--algo", "mnb", "--alpha", "0.1", "--model", pkl], self.work))
                res["rows"].append({"tool": "mnb", "setting": "alpha=0.1, word tokens", "wall": wall, "rss": rss})
            except StepFailed as e:
                res["rows"].append({"tool": "mnb", "error": str(e)})

    # ---------------------------------------------------------------- cost curve
    def curve(self, scales):
        here = os.path.dirname(os.path.abspath(__file__))
        root = os.path.dirname(here)
        sim = os.path.join(root, "tests", "scenario", "simulate.py")
        out = {"seed": self.a.curve_seed, "rows": []}
        self.res["curve"] = out
        if not os.path.exists(sim):
            out["error"] = "tests/scenario/simulate.py not found"
            return
        model = os.path.join(self.work, "curve", "corpus.model")
        os.makedirs(os.path.dirname(model), exist_ok=True)
        corpus = sorted(os.path.join(root, "datasets", "corpus", f) for f in os.listdir(os.path.join(root, "datasets", "corpus")) if f.endswith(".csv"))
        r = run_timed([self.lt, "train"] + corpus + ["-o", model], self.work)
        if r["rc"] != 0:
            out["error"] = f"training the corpus model failed: {r['err'][-300:]}"
            return
        out["model"] = "trained on " + ", ".join(os.path.relpath(c, root) for c in corpus)
        for k in scales:
            d = os.path.join(self.work, "curve", f"s{k}")
            if not os.path.exists(os.path.join(d, "disclosures.toml")):
                log(f"  simulating scale {k}")
                p = subprocess.run([sys.executable, sim, "--seed", str(self.a.curve_seed), "--out", d, "--scale", str(k)],
                                   capture_output=True, text=True)
                if p.returncode != 0:
                    out["rows"].append({"scale": k, "error": "simulate.py: " + p.stderr[-300:]})
                    continue
            inputs = [os.path.join(d, f) for f in ("calls.csv", "sms.xml", "mail.mbox") if os.path.exists(os.path.join(d, f))]
            events = os.path.join(d, "events.jsonl")
            row = {"scale": k, "input_mb": sum(os.path.getsize(i) for i in inputs) / 1e6}
            steps = [("ingest", [self.lt, "ingest"] + inputs + ["-o", events]),
                     ("classify", [self.lt, "classify", events, "--model", model, "--format", "jsonl", "-o", os.path.join(d, "classified.jsonl")]),
                     ("report", [self.lt, "report"] + inputs + ["--disclosures", os.path.join(d, "disclosures.toml"),
                                                              "--model", model, "-o", os.path.join(d, "report")])]
            for step, cmd in steps:
                try:
                    wall, rss, _ = self.repeat(f"[curve x{k}] {step}", lambda i: run_timed(cmd, self.work))
                    row[step] = {"wall": wall, "rss": rss}
                except StepFailed as e:
                    row[step] = {"error": str(e)[:300]}
                    log(f"  [curve x{k}] {step} FAILED (skipped): {str(e)[:200]}")
                if step == "ingest" and os.path.exists(events):
                    row["events"] = sum(1 for _ in open(events, encoding="utf-8"))
            out["rows"].append(row)

    # ---------------------------------------------------------------- driver
    def git_note(self):
        """The commit the tree was at (read-only; uncommitted edits cannot be seen from here)."""
        try:
            p = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "log", "-1", "--format=%h %cI"],
                               capture_output=True, text=True)
            return f", tree at commit {p.stdout.strip()} (plus any uncommitted edits)" if p.returncode == 0 and p.stdout.strip() else ""
        except OSError:
            return ""

    def machine(self):
        def cmd(c):
            try:
                p = subprocess.run(c, capture_output=True, text=True)
                return (p.stdout + p.stderr).strip().splitlines()[0] if (p.stdout + p.stderr).strip() else ""
            except OSError:
                return "not installed"
        cpu = ""
        try:
            cpu = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
                        if l.startswith("Model name")), "")
        except OSError:
            pass
        if not cpu and os.path.exists("/proc/cpuinfo"):
            cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")
        sk = "not installed"
        if self.a.venv_python and os.path.exists(self.a.venv_python):
            sk = cmd([self.a.venv_python, "-c", "import sklearn,numpy,scipy,sys; print('Python %s scikit-learn %s numpy %s scipy %s' % (sys.version.split()[0], sklearn.__version__, numpy.__version__, scipy.__version__))"])
        return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
                "versions": {"leaktrace": cmd([self.lt, "--version"]) + self.git_note(), "bogofilter": cmd(["bogofilter", "-V"]),
                             "scikit-learn": sk, "spamassassin": cmd(["spamassassin", "-V"]) if shutil.which("spamassassin") else "not installed",
                             "grep": cmd(["grep", "-V"])}}

    def main(self):
        a = self.a
        self.res["started"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        self.res["machine"] = self.machine()
        self.res["loadavg_start"] = os.getloadavg()
        self.load_samples = []
        stop = threading.Event()

        def sample():
            # Other processes on the machine skew every time: record how busy it was.
            while not stop.wait(10):
                self.load_samples.append(os.getloadavg()[0])

        threading.Thread(target=sample, daemon=True).start()
        self.res.update({"runs": a.runs, "quick": a.quick, "sets": a.sets.split(","), "lt_train_args": a.lt_train_args})
        self.probe_links()
        have_bogo = shutil.which("bogofilter") is not None
        have_sk = bool(a.venv_python) and os.path.exists(a.venv_python) and subprocess.run(
            [a.venv_python, "-c", "import sklearn"], capture_output=True).returncode == 0
        if not have_bogo:
            self.res["notes"].append("bogofilter not installed: its rows are missing.")
        if not have_sk:
            self.res["notes"].append("scikit-learn venv not available: the sklearn rows are missing.")
        self.res["splits"] = {}
        for name in a.sets.split(","):
            split = os.path.join(self.work, "splits", name)
            with open(os.path.join(split, "meta.json")) as f:
                self.res["splits"][name] = json.load(f)
            labels, novel = read_labels(split)
            log(f"== {name}: {len(labels)} test messages ({sum(labels)} spam)")
            self.leaktrace(name, split, labels, novel)
            if have_bogo:
                self.bogofilter(name, split, labels, novel)
            if have_sk:
                self.sklearn(name, split, labels, novel)
            if name == "sa" and a.spamassassin:
                if shutil.which("spamassassin"):
                    self.spamassassin(split)
                else:
                    self.res["notes"].append("SpamAssassin not installed: its row is missing.")
            self.save()
        if a.big:
            log("== big mbox")
            self.big()
            self.save()
            log("== training at 100k messages")
            self.train_scale()
            self.save()
        if a.curve:
            log("== cost curve")
            self.curve([int(k) for k in a.curve.split(",")])
        self.res["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        self.res["loadavg_end"] = os.getloadavg()
        stop.set()
        if self.load_samples:
            self.res["load_1min"] = {"mean": statistics.mean(self.load_samples), "max": max(self.load_samples)}
        self.save()

    def save(self):
        with open(self.a.results, "w") as f:
            json.dump(self.res, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sets", default="uci,mudou,sa,trec06c")
    ap.add_argument("--venv-python", default="")
    ap.add_argument("--big", action="store_true")
    ap.add_argument("--big-bytes", type=int, default=BIG_TARGET_BYTES, help="size of the big mbox (testing)")
    ap.add_argument("--spamassassin", action="store_true")
    ap.add_argument("--sa-rules", default="/usr/share/spamassassin")
    ap.add_argument("--curve", default="")
    ap.add_argument("--curve-seed", type=int, default=7)
    ap.add_argument("--quick", action="store_true")
    # The peers are tuned (alpha by CV in PEERS.md); leaktrace tunes itself the same way.
    ap.add_argument("--lt-train-args", default=os.environ.get("LT_TRAIN_ARGS", "--tune --min-count 1"))
    ap.add_argument("--results", required=True)
    Bench(ap.parse_args()).main()


if __name__ == "__main__":
    main()
