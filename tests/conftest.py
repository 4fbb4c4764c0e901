"""Shared fixtures: the bundled newsletter, read, extracted and built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extractors import load_builtins
from kg.ingest import read_document, split_articles
from kg.pipeline import extract_document, passages

ROOT = Path(__file__).resolve().parents[1]
NEWSLETTER = ROOT / "data" / "xinxi-subao-043.txt"
GOLD = ROOT / "tests" / "data" / "xinxi-subao-043.gold.json"
REPLY = ROOT / "tests" / "data" / "guohan-2018-144.txt"
REPLY_GOLD = ROOT / "tests" / "data" / "guohan-2018-144.gold.json"

load_builtins()


@pytest.fixture(scope="session")
def newsletter():
    return read_document(NEWSLETTER)


@pytest.fixture(scope="session")
def articles(newsletter):
    return split_articles(newsletter)


@pytest.fixture(scope="session")
def result(newsletter):
    return extract_document(newsletter)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The newsletter built by the library into a folder: (outdir, report)."""
    from kg.build import build
    out = tmp_path_factory.mktemp("built")
    report = build([NEWSLETTER], out)
    return out, report


@pytest.fixture(scope="session")
def graph(built):
    from rdflib import Graph
    g = Graph()
    g.parse(built[0] / "graph.ttl")
    return g


def passage_of(doc, n: int):
    """The passage of article ``n`` of a document."""
    return next(p for p in passages(doc) if p.article.n == n)


def external_scripts(page: str) -> list[str]:
    """The src of every script element: none, for a page that opens offline."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Scripts(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "script":
                found.extend(v for k, v in attrs if k == "src")
    Scripts().feed(page)
    return found
