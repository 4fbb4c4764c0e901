"""Load on `kg serve`: clients looping a slow query beside clients looping library queries, on
loopback, for a bounded time; prints the latency of the library queries (median, p95, max) and
every failure.

usage: python bench/serve_load.py [GRAPH] [--slow 2] [--cheap 8] [--seconds 20] [--workers 3]

GRAPH defaults to a build of the 72 work reports in ../shared (made once, under /tmp).
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "government_work_reports.jsonl"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHEAP = ["people-posts", "coissuers", "province-cities", "aliases", "targets-by-year",
         "target-outcomes", "agencies-by-class", "events"]


def default_graph() -> Path:
    out = Path("/tmp/policykg-bench-reports")
    if not (out / "graph.ttl").exists():
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(CORPUS), "-o", str(out),
                        "--no-html"], check=True, stdout=subprocess.DEVNULL)
    return out / "graph.ttl"


def main() -> None:
    from kg.library import library_query
    from kg.server import Server

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?")
    parser.add_argument("--slow", type=int, default=2)
    parser.add_argument("--cheap", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    graph = Path(args.graph) if args.graph else default_graph()
    server = Server(graph, port=0, workers=args.workers).start()
    server.wait_ready()
    stop = time.monotonic() + args.seconds
    latencies: list[float] = []
    failures: list[str] = []
    slow_answers: dict[int, int] = {}
    lock = threading.Lock()

    def ask(query: str) -> int:
        url = server.url + "/sparql?query=" + urllib.parse.quote(query)
        try:
            with urllib.request.urlopen(url, timeout=60) as r:
                r.read()
                return r.status
        except urllib.error.HTTPError as e:
            e.read()
            return e.code

    def slow_client() -> None:
        while time.monotonic() < stop:
            code = ask(SLOW)
            with lock:
                slow_answers[code] = slow_answers.get(code, 0) + 1
            if code == 503:
                time.sleep(0.2)

    def cheap_client(k: int) -> None:
        i = k
        while time.monotonic() < stop:
            query = library_query(CHEAP[i % len(CHEAP)]).text
            t0 = time.monotonic()
            code = ask(query)
            with lock:
                if code == 200:
                    latencies.append(time.monotonic() - t0)
                else:
                    failures.append(f"{CHEAP[i % len(CHEAP)]}: HTTP {code}")
            i += 1

    threads = [threading.Thread(target=slow_client) for _ in range(args.slow)]
    threads += [threading.Thread(target=cheap_client, args=(k,)) for k in range(args.cheap)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server.close()
    latencies.sort()
    print(f"{graph}: {args.slow} clients looping a slow query, {args.cheap} looping library "
          f"queries, {args.seconds:g} s, {args.workers} workers")
    if latencies:
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        print(f"library queries: {len(latencies)} answered, median {statistics.median(latencies):.3f} s,"
              f" p95 {p95:.3f} s, max {latencies[-1]:.3f} s; failures: {len(failures)}")
    for f in failures[:10]:
        print("  failed:", f)
    print("slow queries:", ", ".join(f"HTTP {k}: {v}" for k, v in sorted(slow_answers.items())))


if __name__ == "__main__":
    main()
