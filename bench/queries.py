"""The query library on a graph of about 1M triples: median latency per query, Oxigraph beside
rdflib's in-memory store, measured in one run.

The graph is the government work reports (../shared/corpus) replicated until it holds about a
million triples, built by kg build; both stores get the same graph plus the ontology.
rdflib runs each query (at most three times) in a forked child killed after 60 s (reported
as "> 60000").

usage: python bench/queries.py [RUNS]
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.library import library
from kg.query import with_prefixes
from kg.store import load_store, ontology_path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "government_work_reports.jsonl"


def build(tmp: Path, copies: int) -> Path:
    big = tmp / "corpus.jsonl"
    with open(big, "w", encoding="utf-8") as out:
        for k in range(copies):
            for line in open(CORPUS, encoding="utf-8"):
                rec = json.loads(line)
                rec["title"] = f"{rec['title']}（副本{k}）"
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(big), "-o", str(tmp / "out"),
                    "--no-html"], check=True,
                   stdout=subprocess.DEVNULL)
    return tmp / "out" / "graph.ttl"


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def timed_forked(fn, cap: float) -> float:
    """Run ``fn`` in a forked child (which shares the loaded graph) and kill it past ``cap``
    seconds: a thread could not be stopped and would go on eating the CPU."""
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()

    def run() -> None:
        child.send(timed(fn))

    p = ctx.Process(target=run, daemon=True)
    p.start()
    if parent.poll(cap):
        elapsed = parent.recv()
        p.join()
        return elapsed
    p.kill()
    p.join()
    return float("inf")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is missing: this benchmark reads ../shared")
    with tempfile.TemporaryDirectory() as tmp:
        path = build(Path(tmp), 4)
        t0 = time.perf_counter()
        store = load_store(path)
        ox_load = time.perf_counter() - t0
        n = len(store)
        import rdflib
        t0 = time.perf_counter()
        g = rdflib.Graph()
        g.parse(path)
        g.parse(ontology_path())
        rl_load = time.perf_counter() - t0
        print(f"graph: {n:,} triples (with the ontology); load: Oxigraph {ox_load:.1f} s, "
              f"rdflib {rl_load:.1f} s")
        print(f"{'query':28} {'Oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>8}")
        for q in library():
            text = with_prefixes(q.text)
            ox_ms = statistics.median(timed(lambda: list(store.query(text))) for _ in range(runs)) * 1000
            rl = [timed_forked(lambda: list(g.query(text)), cap=60)]
            while len(rl) < min(runs, 3) and rl[-1] != float("inf"):
                rl.append(timed_forked(lambda: list(g.query(text)), cap=60))
            rl_ms = statistics.median(rl) * 1000
            shown = f"{rl_ms:12.0f}" if rl_ms != float("inf") else f"{'> 60000':>12}"
            ratio = f"{rl_ms / ox_ms:8.0f}" if rl_ms != float("inf") else f"{'-':>8}"
            print(f"{q.name:28} {ox_ms:12.1f} {shown} {ratio}")


if __name__ == "__main__":
    main()
