#!/usr/bin/env python3
"""Make the benchmark splits exactly as /work/shared/PEERS.md describes them.

    python3 benches/splits.py --data ../shared/data --out benches/work/splits [--sets uci,mudou,sa,trec06c]

uci, sa and trec06c: stratified 80/20. Per class, the sorted ids (uci: the
0-based line number; mail: the path relative to the corpus folder) are
shuffled by a fresh `random.Random(42)`; the first round(20 %) go to test.
mudou: its fixed train/test files. Positive class = spam.

For each set, in OUT/SET/:
  train.tsv, test.tsv      label TAB text, one message a line (label ham|spam)
  test_novel.tsv           the test messages whose text does not occur verbatim in train
  novel.txt                one 0/1 a line, aligned with test.tsv (1 = novel)
  train_{ham,spam}.mbox    the training messages of each class as an mbox
  test.mbox                every test message in test.tsv order (bogofilter -M)
  test_{ham,spam}.mbox, test_novel_{ham,spam}.mbox   per class, for leaktrace's LABEL=PATH
  mail sets only: {train,test,test_novel}_files.tsv (label TAB absolute path) and
  links/{train,test,test_novel}/{legit,fraud}/ folders of symlinks to the corpus files
  meta.json                sizes, duplicate counts, sha256 of the split files

The text of a mail message is its decoded Subject and text parts (the peers'
sklearn input); a `multipart/*` part whose boundary never occurs (a third of
trec06c_subset) is read as text/plain, as PEERS.md says the peers do.
Only the standard library is used. Nothing is written outside OUT.
"""

import argparse
import email
import email.header
import email.policy
import hashlib
import json
import os
import random
import re
import sys

SEED = 42
TEST_FRACTION = 0.2
# What PEERS.md lists: (train, train spam, test, test spam).
EXPECTED = {
    "uci": (4460, 598, 1114, 149),
    "mudou": (10872, 6899, 1382, 888),
    "sa": (4837, 1517, 1209, 379),
    "trec06c": (11870, 6220, 2968, 1555),
}
SA_FOLDERS = {"easy-ham-1": "ham", "easy-ham-2": "ham", "hard-ham-1": "ham", "spam-1": "spam", "spam-2": "spam"}
TREC_FOLDERS = {"normal": "ham", "spam": "spam"}
FROM_LINE = b"From bench@localhost Thu Jan  1 00:00:00 1970\n"
WS = re.compile(r"\s+")


def one_line(text):
    """Collapses all whitespace (tabs and line ends included) so a message fits a TSV line."""
    return WS.sub(" ", text).strip()


def decode_bytes(raw, charset):
    for cs in ([charset] if charset else []) + ["utf-8", "gb18030"]:
        try:
            return raw.decode(cs)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("latin-1")


def decode_subject(value):
    if value is None:
        return ""
    out = []
    try:
        for chunk, cs in email.header.decode_header(str(value)):
            out.append(decode_bytes(chunk, cs) if isinstance(chunk, bytes) else chunk)
    except Exception:  # a malformed encoded word: keep the raw header
        return str(value)
    return "".join(out)


def mail_text(raw):
    """Subject + text parts of one RFC 822 message."""
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    parts = [decode_subject(msg.get("Subject"))]
    for part in msg.walk():
        maintype = part.get_content_maintype()
        if part.is_multipart():
            continue
        # A multipart leaf is a multipart whose boundary never occurs: its
        # payload is the flattened body, read as text/plain.
        if maintype not in ("text", "multipart"):
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            payload = str(part.get_payload()).encode("utf-8", "replace")
        parts.append(decode_bytes(payload, part.get_content_charset()))
    return " ".join(parts)


def escape_body(raw):
    """mboxo quoting: body lines starting with `From ` get a `>`, so that every
    `^From ` line of the mailbox is a separator (grep -c counts messages)."""
    return re.sub(rb"(?m)^From ", b">From ", raw)


def mbox_entry(raw):
    """One mailbox entry: a separator (the file's own `From ` line if it has one),
    the escaped message, and the blank line bogofilter needs before the next separator."""
    if raw.startswith(b"From "):
        first, _, rest = raw.partition(b"\n")
        head = first + b"\n"
    else:
        head, rest = FROM_LINE, raw
    rest = escape_body(rest.replace(b"\r\n", b"\n"))
    if not rest.endswith(b"\n"):
        rest += b"\n"
    return head + rest + b"\n"


def sms_entry(text):
    return FROM_LINE + b"\n" + escape_body(text.encode("utf-8")) + b"\n\n"


def stratified(items, label_of):
    """items: ids; returns (train, test) lists, per class in order ham then spam."""
    train, test = [], []
    for label in ("ham", "spam"):
        ids = sorted(i for i in items if label_of(i) == label)
        random.Random(SEED).shuffle(ids)
        n_test = round(len(ids) * TEST_FRACTION)
        test += ids[:n_test]
        train += ids[n_test:]
    return train, test


def load_uci(data):
    path = os.path.join(data, "uci_sms_spam", "SMSSpamCollection")
    recs = []
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            if line.strip():
                label, _, text = line.partition("\t")
                recs.append((label, text))
    train, test = stratified(range(len(recs)), lambda i: recs[i][0])
    row = lambda i: {"label": recs[i][0], "text": one_line(recs[i][1]), "key": recs[i][1], "raw": None, "path": None}
    return [row(i) for i in train], [row(i) for i in test]


def load_mudou(data):
    def read(name):
        rows = []
        with open(os.path.join(data, "mudou_spam", name), encoding="utf-8", errors="replace") as f:
            for line in f.read().split("\n"):
                if not line.strip():
                    continue
                fields = line.split("\t")
                label = "spam" if fields[0].strip() == "1" else "ham"
                # label TAB text TAB segmented; one text holds a TAB, so drop only the last field.
                text = "\t".join(fields[1:-1]) if len(fields) >= 3 else (fields[1] if len(fields) == 2 else "")
                rows.append({"label": label, "text": one_line(text), "key": text, "raw": None, "path": None})
        return rows

    return read("mudou_spam.train"), read("mudou_spam.test")


def load_mail(data, corpus, folders):
    root = os.path.join(data, corpus)
    labels = {}
    for folder, label in folders.items():
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for name in files:
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                labels[rel] = label
    train, test = stratified(labels, lambda rel: labels[rel])

    def row(rel):
        path = os.path.join(root, rel)
        with open(path, "rb") as f:
            raw = f.read()
        text = mail_text(raw)
        return {"label": labels[rel], "text": one_line(text), "key": text, "raw": raw, "path": os.path.abspath(path)}

    return [row(r) for r in train], [row(r) for r in test]


def sha12(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(f"{r['label']}\t{r['text']}\n")


def write_mbox(path, rows):
    with open(path, "wb") as f:
        for r in rows:
            f.write(mbox_entry(r["raw"]) if r["raw"] is not None else sms_entry(r["text"]))


def link_tree(base, rows):
    for label, folder in (("ham", "legit"), ("spam", "fraud")):
        os.makedirs(os.path.join(base, folder), exist_ok=True)
    for i, r in enumerate(rows):
        folder = "legit" if r["label"] == "ham" else "fraud"
        dest = os.path.join(base, folder, f"{i:05d}_{os.path.basename(r['path'])}")
        if not os.path.lexists(dest):
            os.symlink(r["path"], dest)


def make(name, data, out):
    if name == "uci":
        train, test = load_uci(data)
    elif name == "mudou":
        train, test = load_mudou(data)
    elif name == "sa":
        train, test = load_mail(data, "spamassassin", SA_FOLDERS)
    elif name == "trec06c":
        train, test = load_mail(data, "trec06c_subset", TREC_FOLDERS)
    else:
        raise SystemExit(f"unknown set {name}")
    d = os.path.join(out, name)
    os.makedirs(d, exist_ok=True)
    # "Verbatim": the text before whitespace is collapsed for the TSV.
    seen = {r["key"] for r in train}
    novel_flags = [r["key"] not in seen for r in test]
    novel = [r for r, n in zip(test, novel_flags) if n]
    write_tsv(os.path.join(d, "train.tsv"), train)
    write_tsv(os.path.join(d, "test.tsv"), test)
    write_tsv(os.path.join(d, "test_novel.tsv"), novel)
    with open(os.path.join(d, "novel.txt"), "w") as f:
        f.writelines("1\n" if n else "0\n" for n in novel_flags)
    by = lambda rows, lab: [r for r in rows if r["label"] == lab]
    for lab in ("ham", "spam"):
        write_mbox(os.path.join(d, f"train_{lab}.mbox"), by(train, lab))
        write_mbox(os.path.join(d, f"test_{lab}.mbox"), by(test, lab))
        write_mbox(os.path.join(d, f"test_novel_{lab}.mbox"), by(novel, lab))
    write_mbox(os.path.join(d, "test.mbox"), test)
    files = ["train.tsv", "test.tsv"]
    if train[0]["path"]:
        for part, rows in (("train", train), ("test", test), ("test_novel", novel)):
            with open(os.path.join(d, f"{part}_files.tsv"), "w", encoding="utf-8") as f:
                f.writelines(f"{r['label']}\t{r['path']}\n" for r in rows)
            link_tree(os.path.join(d, "links", part), rows)
        files += ["train_files.tsv", "test_files.tsv"]
    count = lambda rows: (len(rows), sum(r["label"] == "spam" for r in rows))
    meta = {
        "set": name,
        "train": count(train),
        "test": count(test),
        "test_novel": count(novel),
        "duplicates_in_test": len(test) - len(novel),
        "sha256_12": {f: sha12(os.path.join(d, f)) for f in files},
    }
    exp = EXPECTED[name]
    meta["sizes_match_peers"] = (meta["train"][0], meta["train"][1], meta["test"][0], meta["test"][1]) == exp
    with open(os.path.join(d, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    return meta


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--sets", default="uci,mudou,sa,trec06c")
    args = ap.parse_args()
    ok = True
    for name in args.sets.split(","):
        m = make(name, args.data, args.out)
        exp = EXPECTED[name]
        flag = "ok" if m["sizes_match_peers"] else f"MISMATCH (PEERS.md: train {exp[0]} ({exp[1]} spam), test {exp[2]} ({exp[3]} spam))"
        print(
            f"  {name}: train {m['train'][0]} ({m['train'][1]} spam), test {m['test'][0]} ({m['test'][1]} spam), "
            f"novel {m['test_novel'][0]}; sizes {flag}",
            file=sys.stderr,
        )
        ok &= m["sizes_match_peers"]
    sys.exit(0 if ok else 3)


if __name__ == "__main__":
    main()
