"""What the repository may not hold: text of the dev documents or of CLUENER2020.

The dev documents stay in ``../shared`` (they decide nothing if the rules were written from their
sentences), and CLUENER2020 has no licence to redistribute. Unit-test sentences come from the
government work reports or are written for the test. This test reads ``../shared`` and skips
without it: it fails on any run of WINDOW characters of a tracked source, test or document file
that is also in a dev document or a CLUENER sentence, but in none of the public texts the project
may quote (the work reports, the newsletter and the State Council reply it ships).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
WINDOW = 14
# where code, tests and docs live; the gazetteers (*.tsv) hold official names, public facts
_SCANNED = ("kg", "tests", "bench", "scripts", "ontology")
_SUFFIXES = {".py", ".md", ".html", ".ttl", ".rq", ".txt"}
_RUN = re.compile(r"[^\x00-\x7f]{%d,}" % WINDOW)

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "dev").is_dir(),
                                reason="../shared is not beside this checkout")


def _windows(text: str) -> set[str]:
    return {run[i:i + WINDOW] for run in _RUN.findall(text) for i in range(len(run) - WINDOW + 1)}


def _protected() -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "data" / "dev").glob("*.txt"))]
    for name in ("train.jsonl", "dev.jsonl"):
        path = SHARED / "benchmarks" / "cluener" / name
        if path.exists():
            texts += [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    public = [p.read_text(encoding="utf-8") for p in (SHARED / "data").glob("*.txt")]
    public += [p.read_text(encoding="utf-8") for p in (SHARED / "data" / "extra").glob("*.txt")]
    corpus = SHARED / "corpus" / "government_work_reports.jsonl"
    if corpus.exists():
        public += [json.loads(line).get("content", "") for line in corpus.open(encoding="utf-8")]
    return _windows("\n".join(texts)) - _windows("\n".join(public))


def _files() -> list[Path]:
    files = [ROOT / "README.md"]
    for top in _SCANNED:
        files += [p for p in (ROOT / top).rglob("*") if p.suffix in _SUFFIXES
                  and "data" not in p.relative_to(ROOT).parts[:2]]
    return files


def test_no_dev_or_cluener_text_in_the_repository():
    protected = _protected()
    found = []
    for path in _files():
        text = path.read_text(encoding="utf-8", errors="ignore")
        shared = sorted(_windows(text) & protected)
        if shared:
            found.append(f"{path.relative_to(ROOT)}: {shared[0]}")
    assert not found, "text of the dev set or CLUENER2020 in the repository:\n" + "\n".join(found)
