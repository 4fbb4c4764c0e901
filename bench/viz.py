"""Time to an interactive, settled network page for 2,000, 5,000 and 20,000 entities.

Synthetic policy-shaped networks (kg.viz.synthetic: the class mix of real builds, half of the
entities isolated, scale-free relations) are rendered by kg.viz and opened in headless Chromium
(Debian's chromium, driven by Playwright, network blocked); the clock stops when the page reports
its overview laid out and a frame has been drawn. Also printed: what the opening view shows
(entities, the share of the canvas it covers, labels at least 10 px high). Medians of three runs.

usage: python bench/viz.py [2000 5000 20000]
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.viz import render_html
from kg.viz.synthetic import synthetic_network


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


def opening_view(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri())
    page.wait_for_function("window.policykg && window.policykg.settled", timeout=300_000)
    view = page.evaluate("window.policykg.view()")
    page.close()
    return view


def main() -> None:
    from playwright.sync_api import sync_playwright
    sizes = [int(a) for a in sys.argv[1:]] or [2000, 5000, 20000]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        print(f"{'entities':>8} {'render (s)':>11} {'MB':>5} {'settled (s)':>12} {'shown':>6} "
              f"{'canvas':>7} {'labels':>7}")
        for n in sizes:
            net = synthetic_network(n)
            t0 = time.perf_counter()
            html = render_html(net)
            render = time.perf_counter() - t0
            path = Path(tmp) / f"g{n}.html"
            path.write_text(html, encoding="utf-8")
            runs = [time_page(browser, path) for _ in range(3)]
            view = opening_view(browser, path)
            print(f"{n:8d} {render:11.2f} {len(html) / 1e6:5.1f} {statistics.median(runs):12.2f} "
                  f"{view['shown']:6d} {view['area']:7.0%} {view['legible']:7d}")
        browser.close()


if __name__ == "__main__":
    main()
