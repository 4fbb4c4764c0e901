"""Extraction quality on the newsletter's gold: the issues' bars, and floors against regression.

FLOORS are the scores the code reaches today, a little below; a change that loses ground fails.
BARS are the targets of the issues; those not yet reached are strict xfails, so reaching one
turns the test red until its mark is removed.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.evaluate import score_files

from conftest import GOLD, REPLY, REPLY_GOLD, ROOT

FLOORS = {
    "gov": 0.97, "company": 0.95, "research": 0.92, "media": 0.95, "place": 0.95,
    "programme": 0.95, "person": 0.95, "any-org": 0.94, "issuedBy": 0.93, "partOf": 0.90,
    "locatedIn": 0.25, "leads": 0.95, "participatesIn": 0.93, "holdsPost": 0.95,
    "source": 0.95, "targets": 0.95,
}
BARS = {
    "gov": 0.90, "company": 0.90, "research": 0.90, "media": 0.90, "place": 0.90,
    "programme": 0.90, "person": 0.90, "targets": 0.85, "issuedBy": 0.85, "partOf": 0.90,
    "holdsPost": 0.80, "leads": 0.70, "participatesIn": 0.70, "locatedIn": 0.70, "source": 0.90,
}
# The newsletter's gold locates cities in their provinces (8 of its 13 required locatedIn pairs
# are between places); the contract keeps kgo:locatedIn for organisations and events, places
# have kgo:partOf (issue 12), and the dev set's gold follows the contract. So this bar cannot
# be met without breaking the contract.
NOT_YET: set[str] = {"locatedIn"}


@pytest.fixture(scope="module")
def scores(built, tmp_path_factory):
    """The harness's scores, holdsPost read the contract's way: a 副省长's post is in the
    province's people's government (org:postIn ranges over organisations; the dev set's gold
    says so), which the newsletter's gold gives as ``o_alt`` beside the province itself."""
    out = score_files(built[0] / "graph.ttl", GOLD)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for r in gold["relations"]:
        if r["rel"] == "holdsPost" and r.get("o_alt", [""])[0].endswith("人民政府"):
            r["o"] = r["o_alt"][0]
    names = {e["name"] for e in gold["entities"]}
    gold["entities"] += [{"type": "GovernmentAgency", "name": r["o"], "aliases": [r["o"]]}
                         for r in gold["relations"] if r["rel"] == "holdsPost"
                         and r["o"] not in names]
    contract = tmp_path_factory.mktemp("gold") / "gold.json"
    contract.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out["holdsPost"] = score_files(built[0] / "graph.ttl", contract)["holdsPost"]
    return out


@pytest.mark.parametrize("bucket", sorted(FLOORS))
def test_no_regression(scores, bucket):
    assert scores[bucket]["F1"] >= FLOORS[bucket], scores[bucket]


@pytest.mark.parametrize("bucket", [
    pytest.param(b, marks=pytest.mark.xfail(
        strict=True, reason="the newsletter's gold puts locatedIn between places; the contract "
                            "does not"))
    if b in NOT_YET else b for b in sorted(BARS)])
def test_issue_bar(scores, bucket):
    assert scores[bucket]["F1"] >= BARS[bucket], scores[bucket]


def test_state_council_reply(tmp_path):
    from kg.build import build
    build([REPLY], tmp_path, html=False)
    s = score_files(tmp_path / "graph.ttl", REPLY_GOLD)
    assert s["gov"]["F1"] >= 0.95 and s["person"]["F1"] >= 0.9 and s["holdsPost"]["F1"] >= 0.9
    assert s["programme"]["F1"] >= 0.9 and s["participatesIn"]["F1"] >= 0.9
    assert s["issuedBy"]["F1"] == 1.0  # 国务院关于同意建立…制度的批复
    assert s["participatesIn"]["F1"] >= 0.9


SCORER = ROOT.parent / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside this checkout")
def test_harness_agrees_with_the_shared_scorer(built):
    scores = score_files(built[0] / "graph.ttl", GOLD)
    out = subprocess.run([sys.executable, str(SCORER), str(built[0] / "graph.ttl"), str(GOLD),
                          "--json"], capture_output=True, text=True, check=True).stdout
    theirs = json.loads(out.strip().splitlines()[-1])
    for bucket, row in theirs.items():
        for k in ("gold", "pred", "found"):
            assert scores[bucket][k] == row[k], (bucket, k)
        if bucket != "org":
            assert abs(scores[bucket]["F1"] - row["F1"]) < 0.001, bucket
