"""Build speed, parallel speed-up, incremental rebuilds and memory on the government work
reports (../shared/corpus/government_work_reports.jsonl, 72 reports, ~1.1M characters).

Every figure comes from separate processes run here; each round runs every command once, one
after another, so a noisy moment of the machine touches all of them alike:
  jieba       a plain ``jieba.lcut`` pass over the same texts (import and dictionary load included)
  default 1w  ``kg build --workers 1 --no-cache``: what a user runs, the page included
  no-html 1w  the same with ``--no-html``
  default 2w, no-html 2w  the same with ``--workers 2``
  rebuild     ``kg build`` again over an unchanged corpus (cache warm)
  x10         the corpus replicated ten times (titles numbered), one worker, the page included,
              then the time until its page shows its overview in headless Chromium
Peak memory is the maximum resident set size of the build process (GNU time).
The package's bytecode is compiled first, as ``pip install`` compiles an installed package's
(jieba's is): where PYTHONDONTWRITEBYTECODE is set, every run would otherwise compile the
project's sources again and the jieba pass would not.
Medians of RUNS rounds (default 5: the machine is shared, and three rounds leave a build's
multiple ±0.2 apart from run to run; x10: one run).

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


def page_opens(path: Path) -> float:
    """Seconds until a page shows its laid-out overview in headless Chromium (network blocked)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.policykg && window.policykg.settled", timeout=300_000)
        elapsed = time.perf_counter() - t0
        browser.close()
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is missing: this benchmark reads ../shared")
    chars = sum(len(json.loads(l)["content"]) for l in open(CORPUS, encoding="utf-8"))
    tmp = Path(tempfile.mkdtemp())
    out = tmp / "out"
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kg")], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}; corpus {chars:,} characters, 72 documents")
        commands = {
            "jieba": [sys.executable, "-c", JIEBA, str(CORPUS)],
            "default 1w": [*KG, "build", str(CORPUS), "-o", str(out), "--no-cache", "--workers", "1"],
            "no-html 1w": [*KG, "build", str(CORPUS), "-o", str(out), "--no-cache", "--workers", "1",
                           "--no-html"],
            "default 2w": [*KG, "build", str(CORPUS), "-o", str(out), "--no-cache", "--workers", "2"],
            "no-html 2w": [*KG, "build", str(CORPUS), "-o", str(out), "--no-cache", "--workers", "2",
                           "--no-html"],
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        peaks: dict[str, int] = {k: 0 for k in commands}
        for _ in range(runs):
            for name, cmd in commands.items():
                t, m = timed(cmd)
                times[name].append(t)
                peaks[name] = max(peaks[name], m)
        med = {k: statistics.median(v) for k, v in times.items()}
        shutil.rmtree(out, ignore_errors=True)
        timed([*KG, "build", str(CORPUS), "-o", str(out)])
        re_t, _ = median_of(runs, [*KG, "build", str(CORPUS), "-o", str(out)])
        big = tmp / "x10.jsonl"
        big_chars = replicate(CORPUS, big, 10)
        big_t, big_m = timed([*KG, "build", str(big), "-o", str(tmp / "big"), "--no-cache",
                              "--workers", "1"])
        page_t = page_opens(tmp / "big" / "graph.html")
        print(f"{'':30} {'seconds':>8} {'chars/s':>10} {'peak MB':>8} {'x jieba':>8}")
        for name in commands:
            print(f"{name:30} {med[name]:8.2f} {chars / med[name]:10,.0f} {peaks[name]:8} "
                  f"{med[name] / med['jieba']:8.2f}")
        print(f"{'unchanged rebuild':30} {re_t:8.2f}")
        print(f"{'x10 corpus, 1 worker':30} {big_t:8.2f} {big_chars / big_t:10,.0f} {big_m:8}")
        print(f"speed-up 1 -> 2 workers: default {med['default 1w'] / med['default 2w']:.2f}x, "
              f"no-html {med['no-html 1w'] / med['no-html 2w']:.2f}x;  the page: "
              f"{100 * (med['default 1w'] - med['no-html 1w']) / med['default 1w']:.0f}% of a build;  "
              f"unchanged rebuild: {100 * re_t / med['default 1w']:.1f}% of a full build;  "
              f"x10 page shows its overview after {page_t:.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
