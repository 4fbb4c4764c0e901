"""Time to an interactive, settled network page for 500, 2,000 and 5,000 nodes.

Synthetic policy-shaped graphs (classes in the newsletter's proportions, a few hubs, scale-free
edges) are rendered by kg.viz and opened in headless Chromium (Debian's chromium, driven by
Playwright, network blocked); the clock stops when the page reports it has settled and a frame
has been drawn. Medians of three runs.

usage: python bench/viz.py [500 2000 5000]
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.viz.network import STYLE, render_html

CLASSES = ["GovernmentAgency"] * 3 + ["Programme"] * 4 + ["Person"] * 2 + ["Company", "City",
           "ResearchOrganization", "Organization", "Event", "Target", "Target"]


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 1, seed=seed)
    net = nx.MultiDiGraph()
    for i in base.nodes:
        cls = rng.choice(CLASSES)
        net.add_node(f"n{i}", cls=cls, label=f"{STYLE[cls][2][:2]}{i}", aliases=[],
                     articles=[f"文章{i % 40}"], provinces=[])
    for a, b in base.edges:
        net.add_edge(f"n{a}", f"n{b}", label="partOf", evidence=[])
    return net


def time_page(browser, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("window.policykg && window.policykg.settled", timeout=300_000)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    elapsed = time.perf_counter() - t0
    page.close()
    return elapsed


def main() -> None:
    from playwright.sync_api import sync_playwright
    sizes = [int(a) for a in sys.argv[1:]] or [500, 2000, 5000]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        print(f"{'nodes':>6} {'render (s)':>11} {'page settled (s, median of 3)':>30}")
        for n in sizes:
            net = synthetic(n)
            t0 = time.perf_counter()
            html = render_html(Graph(), net=net)
            render = time.perf_counter() - t0
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            runs = [time_page(browser, path) for _ in range(3)]
            print(f"{n:6d} {render:11.2f} {statistics.median(runs):30.2f}")
        browser.close()


if __name__ == "__main__":
    main()
