"""Extraction speed on the newsletter beside a plain jieba.lcut pass over the same text, in one
process (resources loaded first, then each timed over the newsletter 10 times; median of 5).

usage: python bench/newsletter.py
"""
from __future__ import annotations

import statistics
import time
from pathlib import Path

import jieba

from kg.engine import warm_up
from kg.ingest import read_document
from kg.pipeline import extract_document

NEWSLETTER = Path(__file__).resolve().parents[1] / "data" / "xinxi-subao-043.txt"


def main() -> None:
    doc = read_document(NEWSLETTER)
    warm_up()
    jieba.lcut("预热")
    chars = len(doc.text) * 10

    def extract() -> None:
        for _ in range(10):
            extract_document(doc)

    def segment() -> None:
        for _ in range(10):
            jieba.lcut(doc.text)

    for name, fn in (("kg extraction", extract), ("jieba.lcut", segment)):
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        t = statistics.median(runs)
        print(f"{name:14} {chars / t:10,.0f} chars/s")


if __name__ == "__main__":
    main()
