"""Outcomes: the statistics that report on targets set earlier, across documents and years.

Owns: ``kgo:outcomeOf`` from a statistic to each target it reports the outcome of: the same
measure (:mod:`kg.measures`: 国内生产总值增长 = GDP增长 = 经济增长), the same owner (中国, a
province, a programme), the statistic's year is the target's deadline, the same kind of period
(a one-year figure reports a one-year goal, not an annual average over five), and values that
compare (% with %, 万亿元 with 亿元). Runs over a whole build, after every document's extraction;
must not extract anything.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from kg.measures import in_base_units
from kg.types import DocumentResult, Statistic, Target

EXTRACTOR = "link.outcome"


@dataclass(frozen=True, slots=True, order=True)
class Outcome:
    """A statistic reporting the outcome of a target: both located in their documents."""

    statistic_doc: str
    statistic: Statistic
    target_doc: str
    target: Target


def _key(q: Target | Statistic, owner: str, year: int | None) -> tuple | None:
    if not q.measure or not owner or year is None:
        return None
    try:
        _value, unit = in_base_units(q.value, q.unit)
    except ValueError:
        return None
    return (q.measure, owner, year, unit, q.period)


def link_outcomes(results: Iterable[DocumentResult]) -> list[Outcome]:
    """Every (statistic, target) pair of a build where the statistic reports the target's
    outcome: 2025年报告 "国内生产总值…增长5%" (of 2024) -> 2024年报告 "国内生产总值增长5%左右"."""
    results = list(results)
    targets: dict[tuple, list[tuple[str, Target]]] = defaultdict(list)
    for r in results:
        for t in r.targets:
            key = _key(t, t.setter, t.year)
            if key is not None:
                targets[key].append((r.doc.id, t))
    out = set()
    for r in results:
        for s in r.statistics:
            key = _key(s, s.subject, s.year)
            for doc_id, t in targets.get(key, ()) if key else ():
                out.add(Outcome(r.doc.id, s, doc_id, t))
    return sorted(out)


__all__ = ["EXTRACTOR", "Outcome", "link_outcomes"]
