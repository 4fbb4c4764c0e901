"""Linking statistics to the targets they report on, across documents."""
from __future__ import annotations

from kg.outcomes import link_outcomes
from kg.types import Document, DocumentResult, Statistic, Target

CHINA, ANHUI = "place:100000", "place:340000"


def result(doc_id: str, targets=(), statistics=()) -> DocumentResult:
    r = DocumentResult(Document(doc_id, f"{doc_id}.txt", ""), [], [], [], {})
    r.targets, r.statistics = list(targets), list(statistics)
    return r


def target(value, year, owner=CHINA, measure="国内生产总值增长", unit="%", period="") -> Target:
    return Target("a", 10, 14, "经济增长预期目标", value, unit, "~", 0, 30, year, None, period, owner,
                  measure)


def statistic(value, year, owner=CHINA, measure="国内生产总值增长", unit="%") -> Statistic:
    return Statistic("b", 40, 44, "国内生产总值比上年增长", value, unit, "=", 20, 60, year, None, "",
                     owner, measure)


def test_same_measure_owner_and_year_link_across_documents():
    plan = result("a", [target("8", 2006), target("5.5", 2006, ANHUI), target("8", 2007)])
    review = result("b", statistics=[statistic("10.7", 2006)])
    links = link_outcomes([plan, review])
    assert [(o.statistic.value, o.target.value, o.target.year, o.target_doc) for o in links] == [
        ("10.7", "8", 2006, "a")]


def test_what_does_not_link():
    plan = result("a", [target("7", 2025, period="年均"), target("120", 2025, unit="万亿元",
                                                                    measure="国内生产总值")])
    review = result("b", statistics=[statistic("5", 2025), statistic("5", None),
                                     statistic("134.9", 2025, unit="万亿元", measure="国内生产总值"),
                                     statistic("5", 2025, measure="")])
    # a yearly figure does not report a five-year average; no year or no measure, no link;
    # 134.9万亿元 reports 120万亿元 (values in base units compare)
    assert [(o.statistic.value, o.target.value) for o in link_outcomes([plan, review])] == [
        ("134.9", "120")]
