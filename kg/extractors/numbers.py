"""Numbers with units as written in Chinese text: 500个以上, 超过70%, 8.5亿元至10亿元, 百分之十一点八,
超万家, 近1500万辆, 每股6.47元.

Owns: finding every quantity of a clause with its value (a decimal string, as written: 22.5 of
22.5万座), the upper end of a range, its unit (``units.tsv``; 元/股 from a denominator), and the
comparator its qualifiers give (以上 >=, 超过 >, 左右 ~, 以内 <=). Full-width digits and ％ arrive
as ASCII (the clean view converts them). Must not decide what a number means: whether it is a
target, a statistic or neither is :mod:`kg.extractors.quantities`' business.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from kg.resources import table

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿点"

# qualifiers before a number and the comparator each gives
PRE_COMPARATOR = {
    "不少于": ">=", "不低于": ">=", "至少": ">=", "不超过": "<=", "不高于": "<=", "最多": "<=",
    "超过": ">", "超出": ">", "超": ">", "逾": ">", "突破": ">", "高于": ">",
    "达到": "=", "达": "=", "为": "=",
    "接近": "~", "将近": "~", "近": "~", "约": "~", "大约": "~",
}
POST_COMPARATOR = {"以上": ">=", "左右": "~", "上下": "~", "以内": "<=", "以下": "<=", "多": ">",
                   "余": ">"}


@functools.cache
def units() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(units, denominators), each longest first: 万亿元 before 亿元, /千瓦时 before /千瓦."""
    rows = [r["unit"] for r in table("units.tsv")]
    by_length = functools.partial(sorted, key=len, reverse=True)
    return (tuple(by_length(u for u in rows if not u.startswith("/"))),
            tuple(by_length(u for u in rows if u.startswith("/"))))


@functools.cache
def _pattern() -> re.Pattern[str]:
    unit_list, denominators = units()
    unit = "|".join(re.escape(u) for u in unit_list)
    per = "|".join(re.escape(d) for d in denominators)
    pre = "|".join(sorted(PRE_COMPARATOR, key=len, reverse=True))
    post = "|".join(sorted(POST_COMPARATOR, key=len, reverse=True))
    number = rf"\d{{1,3}}(?:,\d{{3}})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN_CHARS}]+"
    # 超过 70%, 500 个以上, 8.5亿元至10亿元, 16%-37%, 6%－6.5%, 2-3个, 百分之十一点八, 每股6.47元
    return re.compile(
        rf"(?P<pre>{pre})?(?P<each>每(?P<per>股|人|吨|户|辆|台))?"
        rf"(?P<pct>百分之)?(?P<num>{number})(?P<approx>多|余)?(?P<unit1>{unit}|成)?"
        # a magnitude and the unit it multiplies (1.15万|亿美元, 2亿|平方米)
        rf"(?:(?<=[万亿])(?P<more>{unit}))?"
        # the second unit is the range's (8.5亿元至10亿元): after one unit, none (亿元|人民币)
        rf"(?:(?P<dash>[-—–－~～至到])(?P<max>\d+(?:\.\d+)?|[{_CN_CHARS}]+)(?P<unit>{unit})?)?"
        rf"(?P<den>{per})?(?P<post>{post})?")


@dataclass(frozen=True, slots=True)
class Number:
    """A quantity in a clause; offsets are into the clause (or whatever text was searched)."""

    start: int  # the whole span, qualifiers included
    end: int
    num_start: int  # the number and its unit, without qualifiers
    num_end: int
    value: str
    unit: str
    comparator: str
    value_max: str | None = None
    pre: str = ""
    post: str = ""


def chinese_number(s: str) -> Decimal | None:
    """A number written in Chinese: 十一点八 -> 11.8, 二十二万零四百六十六 -> 220466, 两千 -> 2000."""
    if not s or any(ch not in _CN_CHARS for ch in s):
        return None
    whole, _, frac = s.partition("点")
    if frac and not all(ch in _CN_DIGIT for ch in frac):
        return None
    total, section, current = 0, 0, 0
    for ch in whole:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch in _CN_SMALL:
            section += (current or 1) * _CN_SMALL[ch]
            current = 0
        elif ch in _CN_BIG:
            total = (total + section + current) * _CN_BIG[ch] if ch == "亿" \
                else total + (section + current) * _CN_BIG[ch]
            section = current = 0
        else:
            return None
    value = Decimal(total + section + current)
    if frac:
        value += Decimal("0." + "".join(str(_CN_DIGIT[ch]) for ch in frac))
    return value


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def parse_number(num: str) -> tuple[str, str] | None:
    """(value, unit prefix) of a written number: 22.5 -> (22.5, ""), 一千 -> (1000, ""),
    三万 -> (3, 万) so that the unit reads 万家; a bare 万 after 超 -> (1, 万)."""
    if num[0].isdigit():
        num = num.replace(",", "")  # 3,989: a thousands separator
        try:
            Decimal(num)
        except InvalidOperation:
            return None
        return num, ""
    if all(ch in "十百千万亿" for ch in num):
        # 超万家, 破万亿元: one of the magnitude, which the unit keeps; 超千亿元: 1000 亿元
        small = {"十": "10", "百": "100", "千": "1000"}.get(num[0])
        return (small, num[1:]) if small and len(num) > 1 else ("1", num)
    prefix = ""
    if num[-1] in "万亿" and not any(ch in "万亿" for ch in num[:-1]):
        num, prefix = num[:-1], num[-1]
    value = chinese_number(num)
    return (_plain(value), prefix) if value is not None else None


# what is counted in yuan when a bare 亿 or 万 is written before it
_MONEY_AFTER = re.compile(r"(?:的)?(?:产值|营收|营业收入|收入|投资|规模|市值|GDP|销售额|利润|资金|交易额|"
                          r"增加值|经济总量)")
# an index reached, without a unit, at the end of a clause: 融合发展水平指数达到66
_UNITLESS = re.compile(r"(?P<pre>达到|达)(?P<num>\d+(?:\.\d+)?)(?P<post>以上|左右)?$")
# 一半以上, 超过一半, 半数: half, as a percentage
_HALF = re.compile(r"(?P<pre>超过|超|近|接近|不少于|不低于|至少|约)?(?P<num>一半|半数)(?P<post>以上|左右)?")


# a clause without any of these has no number (most clauses: a cheap test first)
_ANY_NUMBER = re.compile(f"[\\d{_CN_CHARS}半]")


def find_numbers(text: str) -> list[Number]:
    """Every quantity with a unit in ``text`` (a clause), left to right."""
    if not _ANY_NUMBER.search(text):
        return []
    out = []
    for m in _HALF.finditer(text):
        pre, post = m.group("pre") or "", m.group("post") or ""
        out.append(Number(m.start(), m.end(), m.start("num"), m.end("num"), "50", "%",
                          POST_COMPARATOR.get(post) or PRE_COMPARATOR.get(pre) or "=", None,
                          pre, post))
    for m in _pattern().finditer(text):
        num = m.group("num")
        if not num or set(num) <= set("点"):
            continue
        unit = (m.group("unit1") or "") + (m.group("more") or "") or m.group("unit") or ""
        if m.group("pct"):
            unit = "%"
        elif not unit:
            continue
        tenths = unit == "成"  # 逾八成: 80%, only after a qualifier (一成不变 is no number)
        if tenths and not m.group("pre"):
            continue
        if not num[0].isdigit() and not m.group("pct") and len(num) == 1 \
                and num not in "十百千万亿" and not m.group("post") \
                and m.group("pre") in (None, "为", "达", "达到"):
            continue  # 一个, 作为一个, 三项: a count in words is mostly no quantity (三个方面)
        if all(ch in "十百千万亿" for ch in num) and not m.group("pre"):
            continue  # 亿元以上项目, 万亩良田: a magnitude names a class, unless 超万家
        parsed = parse_number(num)
        if parsed is None:
            continue
        value, magnitude = parsed
        if tenths:
            if magnitude:
                continue
            value, unit = _plain(Decimal(value) * 10), "%"
        if magnitude and unit.startswith(("万", "亿")):
            continue  # 万万元: not a number
        unit = magnitude + unit
        if unit in ("万", "亿", "万亿") and _MONEY_AFTER.match(text, m.end()):
            unit += "元"  # 冲击4000亿产值: yuan, though unwritten
        value_max = None
        comparator = ""
        if m.group("max"):
            top = parse_number(m.group("max"))
            if top is None or top[1]:
                continue
            value_max, comparator = top[0], "range"
        if m.group("den"):
            unit += m.group("den")
        elif m.group("each"):
            unit += "/" + m.group("per")  # 每股6.47元 -> 元/股
        pre, post = m.group("pre") or "", m.group("post") or ""
        comparator = comparator or POST_COMPARATOR.get(post) or PRE_COMPARATOR.get(pre) \
            or (">" if m.group("approx") else "=")  # 两千多家
        num_start = m.start("each") if m.group("each") else (m.start("pct") if m.group("pct")
                                                              else m.start("num"))
        num_end = m.end("den") if m.group("den") else max(
            e for e in (m.end("num"), m.end("unit1"), m.end("more"), m.end("max"), m.end("unit"))
            if e >= 0)
        out.append(Number(m.start(), m.end(), num_start, num_end, value, unit, comparator,
                          value_max, pre, post))
    for m in _UNITLESS.finditer(text):
        if not any(n.start <= m.start("num") < n.end for n in out):
            post = m.group("post") or ""
            out.append(Number(m.start(), m.end(), m.start("num"), m.end("num"), m.group("num"), "",
                              POST_COMPARATOR.get(post) or PRE_COMPARATOR[m.group("pre")], None,
                              m.group("pre"), post))
    return sorted(out, key=lambda n: n.start)


__all__ = ["Number", "POST_COMPARATOR", "PRE_COMPARATOR", "chinese_number", "find_numbers",
           "parse_number", "units"]
