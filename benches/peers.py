#!/usr/bin/env python3
"""scikit-learn peers (MultinomialNB, ComplementNB) over the benchmark splits.

Run with the venv's interpreter (benches/work/venv/bin/python), one process per
phase so that /usr/bin/time measures each whole process as PEERS.md does:

    peers.py train    SPLIT_DIR --algo mnb|cnb --alpha A --analyzer word|bigram --model M.pkl
    peers.py classify SPLIT_DIR --model M.pkl --pred PRED.txt

Features as in PEERS.md: raw counts from CountVectorizer (default word tokens
for English; for Chinese the character-bigram analyzer, `analyzer="char",
ngram_range=(2, 2)`), no tf-idf. Input: SPLIT_DIR/train.tsv and test.tsv
(label TAB text). `classify` writes one 0/1 a line (1 = spam) and prints a JSON
line with the in-process seconds (interpreter and import start-up excluded).
"""

import argparse
import json
import pickle
import sys
import time


def read_tsv(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            labels.append(1 if label == "spam" else 0)
            texts.append(text)
    return labels, texts


def vectorizer(analyzer):
    from sklearn.feature_extraction.text import CountVectorizer

    if analyzer == "bigram":
        return CountVectorizer(analyzer="char", ngram_range=(2, 2))
    return CountVectorizer()


def train(args):
    from sklearn.naive_bayes import ComplementNB, MultinomialNB

    t0 = time.perf_counter()
    labels, texts = read_tsv(f"{args.split}/train.tsv")
    vec = vectorizer(args.analyzer)
    x = vec.fit_transform(texts)
    model = (MultinomialNB if args.algo == "mnb" else ComplementNB)(alpha=args.alpha)
    model.fit(x, labels)
    with open(args.model, "wb") as f:
        pickle.dump((vec, model), f)
    secs = time.perf_counter() - t0
    print(json.dumps({"train_s": secs, "vocabulary": len(vec.vocabulary_), "docs": len(labels)}))


def classify(args):
    import sklearn  # noqa: F401  (import cost outside the timed part, as PEERS.md)

    t0 = time.perf_counter()
    with open(args.model, "rb") as f:
        vec, model = pickle.load(f)
    _, texts = read_tsv(f"{args.split}/test.tsv")
    pred = model.predict(vec.transform(texts))
    with open(args.pred, "w") as f:
        f.writelines(f"{int(p)}\n" for p in pred)
    secs = time.perf_counter() - t0
    print(json.dumps({"classify_s": secs, "docs": len(texts)}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("split")
    t.add_argument("--algo", choices=["mnb", "cnb"], required=True)
    t.add_argument("--alpha", type=float, required=True)
    t.add_argument("--analyzer", choices=["word", "bigram"], default="word")
    t.add_argument("--model", required=True)
    c = sub.add_parser("classify")
    c.add_argument("split")
    c.add_argument("--model", required=True)
    c.add_argument("--pred", required=True)
    args = ap.parse_args()
    {"train": train, "classify": classify}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
