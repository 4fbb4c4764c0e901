"""CLUENER2020 dev set: span F1 of policykg's mentions for government, company and name.

Reads ../shared/benchmarks/cluener/dev.jsonl (evaluation use only; never copied into the repo).
Each sentence is one document; a predicted span counts when its offsets and class match a gold
span exactly (CLUENER's own rule). Classes: government -> kgo:GovernmentAgency,
company -> kgo:Company, name -> kgo:Person. Printed beside the published BERT-base test F1.

usage: python bench/cluener.py
"""
from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from kg.engine import warm_up
from kg.pipeline import extract_document
from kg.types import Document, Label

DEV = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "cluener" / "dev.jsonl"
CLASSES = {"government": Label.AGENCY, "company": Label.COMPANY, "name": Label.PERSON}
PUBLISHED = {"government": 87.03, "company": 81.42, "name": 88.75}


def main() -> None:
    if not DEV.exists():
        raise SystemExit(f"{DEV} is missing: this benchmark reads ../shared")
    warm_up()
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    chars = 0
    t0 = time.perf_counter()
    for i, line in enumerate(open(DEV, encoding="utf-8")):
        rec = json.loads(line)
        text = rec["text"]
        chars += len(text)
        gold = {(cls, a, b + 1) for cls in CLASSES
                for spans in rec["label"].get(cls, {}).values() for a, b in spans}
        # a headline is one sentence: give it a neutral title line so it is the body
        doc = Document(f"cluener-{i}", "dev.jsonl", "新闻\n" + text)
        result = extract_document(doc)
        pred = set()
        for m in result.mentions:
            for cls, label in CLASSES.items():
                if m.label is label:
                    pred.add((cls, m.start - 3, m.end - 3))
        for cls in CLASSES:
            g = {x for x in gold if x[0] == cls}
            p = {x for x in pred if x[0] == cls}
            tp[cls] += len(g & p)
            n_pred[cls] += len(p)
            n_gold[cls] += len(g)
    elapsed = time.perf_counter() - t0
    print(f"CLUENER2020 dev, {i + 1} sentences, {chars:,} characters, {chars / elapsed:,.0f} chars/s")
    print(f"{'class':12} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}   BERT-base (test)")
    for cls in CLASSES:
        p = tp[cls] / n_pred[cls] if n_pred[cls] else 0.0
        r = tp[cls] / n_gold[cls] if n_gold[cls] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{cls:12} {n_gold[cls]:5d} {n_pred[cls]:5d} {100 * p:6.2f} {100 * r:6.2f} "
              f"{100 * f:6.2f}   {PUBLISHED[cls]:.2f}")


if __name__ == "__main__":
    main()
