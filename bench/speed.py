"""Build speed, parallel speed-up, incremental rebuilds and memory on the government work
reports (../shared/corpus/government_work_reports.jsonl, 72 reports, ~1.1M characters).

Every figure comes from separate processes run here, one after another:
  jieba      a plain ``jieba.lcut`` pass over the same texts (import and dictionary load included)
  build 1w   ``kg build --workers 1 --no-cache --no-html``
  build 2w   the same with ``--workers 2``
  rebuild    ``kg build`` again over an unchanged corpus (cache warm)
  x10        the corpus replicated ten times (titles numbered), one worker
Peak memory is the maximum resident set size of the build process (GNU time).
Medians of RUNS runs (x10: one run).

usage: python bench/speed.py [RUNS]
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "government_work_reports.jsonl"
KG = [sys.executable, "-m", "kg.cli"]
JIEBA = ("import json, sys, jieba\n"
         "texts = [json.loads(l)['content'] for l in open(sys.argv[1], encoding='utf-8')]\n"
         "for t in texts: jieba.lcut(t)\n")


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of a command."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if r.returncode not in (0, 6):
        raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr[-2000:]}")
    peak_kb = int(r.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb // 1024


def median_of(runs: int, cmd: list[str], before=None) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        if before:
            before()
        t, m = timed(cmd)
        times.append(t)
        peaks.append(m)
    return statistics.median(times), max(peaks)


def replicate(src: Path, dst: Path, times: int) -> int:
    chars = 0
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(times):
            for line in open(src, encoding="utf-8"):
                rec = json.loads(line)
                rec["title"] = f"{rec['title']}（副本{k}）"
                chars += len(rec["content"])
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return chars


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is missing: this benchmark reads ../shared")
    chars = sum(len(json.loads(l)["content"]) for l in open(CORPUS, encoding="utf-8"))
    tmp = Path(tempfile.mkdtemp())
    out = tmp / "out"
    try:
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}; corpus {chars:,} characters, 72 documents")
        jieba_t, jieba_m = median_of(runs, [sys.executable, "-c", JIEBA, str(CORPUS)])
        one_t, one_m = median_of(runs, [*KG, "build", str(CORPUS), "-o", str(out), "--no-html",
                                        "--no-cache", "--workers", "1"])
        two_t, _ = median_of(runs, [*KG, "build", str(CORPUS), "-o", str(out), "--no-html",
                                    "--no-cache", "--workers", "2"])
        shutil.rmtree(out, ignore_errors=True)
        timed([*KG, "build", str(CORPUS), "-o", str(out), "--no-html"])
        re_t, _ = median_of(runs, [*KG, "build", str(CORPUS), "-o", str(out), "--no-html"])
        big = tmp / "x10.jsonl"
        big_chars = replicate(CORPUS, big, 10)
        big_t, big_m = timed([*KG, "build", str(big), "-o", str(tmp / "big"), "--no-html",
                              "--no-cache", "--workers", "1"])
        rows = [
            ("jieba.lcut pass (1 process)", jieba_t, chars / jieba_t, jieba_m),
            ("kg build, 1 worker", one_t, chars / one_t, one_m),
            ("kg build, 2 workers", two_t, chars / two_t, None),
            ("kg build, unchanged rebuild", re_t, None, None),
            ("kg build x10 corpus, 1 worker", big_t, big_chars / big_t, big_m),
        ]
        print(f"{'':34} {'seconds':>8} {'chars/s':>10} {'peak MB':>8}")
        for name, t, cps, mem in rows:
            print(f"{name:34} {t:8.2f} {cps or 0:10,.0f} {mem or 0:8}")
        print(f"build / jieba: {one_t / jieba_t:.2f}x   speed-up 1 -> 2 workers: {one_t / two_t:.2f}x   "
              f"unchanged rebuild: {100 * re_t / one_t:.1f}% of a full build   "
              f"memory x10 corpus: {big_m / one_m:.2f}x for 10x the text")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
