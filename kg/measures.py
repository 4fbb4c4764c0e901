"""Measures: an indicator normalised, so that a target and the statistics reported later meet.

Owns: reading an indicator as written (全国国内生产总值比上年增长, GDP同比增长, 经济增长) into the
measure it is of (国内生产总值增长): scope, time and comparison-base words go (全国, 全年, 比上年,
同比, 实际), change words take one form (增速 and 增幅 read 增长, 降低 reads 下降, 涨幅 reads 上涨),
and the variants of ``measures.tsv`` read their measure. Must not know about documents.
"""
from __future__ import annotations

import functools
import re

from kg.resources import split_aliases, table

# words that place or time an indicator without changing what it measures
_SCOPE = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|全盟|全年|今年|去年|上年|当年|我国|本省|本市)+"
                    r"|(?:[（(][^（）()]*[）)])")
_BASE = re.compile(r"同比|环比|(?:比|较|与)(?:上年|去年|上一年|(?:19|20)\d\d年)(?:同期|末|底)?(?:相比)?|"
                   r"实际|名义|平均")
_CHANGE = (("增长率", "增长"), ("增长速度", "增长"), ("增速", "增长"), ("增幅", "增长"),
           ("涨幅", "上涨"), ("降幅", "下降"), ("降低", "下降"), ("提高", "增长"))


@functools.cache
def _variants() -> dict[str, str]:
    out = {}
    for row in table("measures.tsv"):
        for v in (row["measure"], *split_aliases(row["variants"])):
            out[v] = row["measure"]
    return out


def normalise_indicator(indicator: str) -> str:
    """An indicator without scope, time and comparison-base words, change words in one form:
    全国居民消费价格涨幅 -> 居民消费价格上涨."""
    s = re.sub(r"[\s“”\"'‘’《》]", "", indicator)
    s = _BASE.sub("", _SCOPE.sub("", s))
    for written, read in _CHANGE:
        s = s.replace(written, read)
    return s


def measure_of(indicator: str, unit: str = "") -> str:
    """The measure an indicator is of: GDP同比增长 -> 国内生产总值增长; 城镇新增就业 -> 城镇新增就业;
    an indicator the table does not know is its own normalised form."""
    s = normalise_indicator(indicator)
    variants = _variants()
    if s in variants:
        return variants[s]
    return s


_MAGNITUDE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}


def in_base_units(value: object, unit: str | None) -> tuple[float, str]:
    """A value in base units, so that numbers written in different units compare:
    (22.5, 万座) -> (225000.0, 座); ％ reads %."""
    unit = (unit or "").strip()
    v = float(str(value))
    if unit and unit[0] in _MAGNITUDE and len(unit) > 1:
        v *= _MAGNITUDE[unit[0]]
        unit = unit[1:]
    if unit in ("％", "percent", "pct"):
        unit = "%"
    return round(v, 6), unit


__all__ = ["in_base_units", "measure_of", "normalise_indicator"]
