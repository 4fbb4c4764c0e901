"""Quantitative targets: 到2025年，70%的规模以上制造业企业基本实现数字化网络化.

Owns: numbers with units in forward-looking sentences (a deadline 到2025年 in the sentence or
earlier in its paragraph, or a period 每年/年均), their comparator (以上 >=, 超过 >, 左右 ~),
several values in one clause (分别超过70%和50% is two), Chinese numerals (超万家), ranges
(2-3个), the indicator phrase and the setter (the article's programme, else its place).
Not targets: past statistics (2020年营业收入突破1000亿元), qualifiers (投资超5000万元的项目).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kg.extractors.base import Passage, SentenceView
from kg.resources import table
from kg.types import Target

_CN_DIGIT = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
# units as written after a number, longest first (万亿元 before 亿元, 亿千瓦时 before 亿千瓦)
UNITS = tuple(sorted((r["unit"] for r in table("units.tsv")), key=len, reverse=True))
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
# 500 个以上, 超过 70%, 2-3个, 超万家, 22.5万座, 一千家 (value, optional range, unit, qualifier)
_VALUE = re.compile(
    r"(?P<pre>不少于|不低于|超过|超|达到|达|接近|约|突破|增加|提高到|提升至|提高至|增长)?"
    r"(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
    r"(?:(?P<dash>[-—~～至到])(?P<max>\d+(?:\.\d+)?))?"
    r"(?P<unit>" + _UNIT_RE + r")"
    r"(?P<post>以上|左右|以内|以下|多)?")
_DEADLINE = re.compile(r"(?:到|至|力争到)\s*(20\d\d)\s*年(?:底|末)?|(20\d\d)\s*年(?:底|末)?前"
                       r"|(20\d\d)\s*年[^，。；]{0,6}目标")
FRAME_REACH = 12  # sentences a deadline reaches forward ("到2024年底，累计建成…" then more lists)
_PAST = re.compile(r"已经|已|首次|同比|去年|上年|此前|截至目前|累计培育|目前|过去")
_PAST_YEAR = re.compile(r"(?<![较比于])(?:19|20)\d\d\s*年(?!底前|前)")
_PAST_CN_YEAR = re.compile(r"[一二三四五六七八九〇零]{4}年")
_PERIOD = re.compile(r"每年|年均|年平均")
_QUALIFIER_AFTER = re.compile(r"^的(?:项目|企业|工业企业)")
# counts of a plan's own parts: 115 项重点任务, 三个方面, 六个专项行动
_PARTS_AFTER = re.compile(r"^(?:重点)?(?:任务|措施|举措|工作措施|方面|专项行动|行动|工程|领域|环节|步骤)")
_UNITLESS = re.compile(r"(?P<pre>达到|达)(?P<num>\d+(?:\.\d+)?)(?=[，。；]|$)")
_CLAUSE = re.compile(r"[，；。：！？]")
# 翻番 / 翻一番 doubles, 翻两番 quadruples: a target written without digits
_DOUBLING = re.compile(r"翻([一两三])?番")
_DOUBLINGS = {"一": "2", "两": "4", "三": "8"}
_EDGE_VERBS = re.compile(r"^(?:累计|新增|建成|培育|打造|认定|推广|创建|实施|达到|力争|基本|以上|"
                         r"带动|形成|突破|引进|推动|支持|实现|超过|分别|的)+|(?:达到|超过|超|达|约|为|分别|"
                         r"不少于|不低于|接近|保持|提高|降低|增长|提高到|提升至|实现|"
                         r"[比较](?:19|20)\d\d年[底末]?)+$")
_CMP_PRE = {"不少于": ">=", "不低于": ">=", "超过": ">", "超": ">", "突破": ">", "达到": "=",
            "达": "=", "接近": "~", "约": "~"}
_CMP_POST = {"以上": ">=", "左右": "~", "以内": "<=", "以下": "<=", "多": ">"}


def chinese_number(s: str) -> Decimal | None:
    """一千 -> 1000, 十 -> 10, 二十五 -> 25; a bare 万 -> 1 (its unit then carries 万)."""
    if not s:
        return None
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGIT:
            current = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (current or 1) * _CN_UNIT[ch]
            current = 0
        else:
            return None
    return Decimal(total + current)


def _value(num: str) -> tuple[str, str] | None:
    """(value, unit prefix) for a written number; 万 alone becomes 1 with 万 moved to the unit."""
    if num[0].isdigit():
        return num, ""
    prefix = ""
    if num.endswith("万"):
        num, prefix = num[:-1], "万"
    v = chinese_number(num) if num else Decimal(1)
    return (str(v), prefix) if v is not None else None


def _indicator(clause: str, a: int, b: int) -> str:
    """What is measured: the words after the value (建成500个以上 -> 智能制造示范工厂), else
    the words before it (市场满足率分别超过70%和50% -> 市场满足率)."""
    after = clause[b:]
    if not after or re.match(r"[和、及与]", after) or _VALUE.match(after):
        after = ""
    after = _EDGE_VERBS.sub("", after).strip("，、和及")
    before = clause[:a]
    # in a list "A30个、B300个", each value's indicator starts after the previous value;
    # "分别超过70%和50%" shares the words before the first value
    prev = list(_VALUE.finditer(before))
    if prev:
        own = re.sub(r"^[和、及与，]+|[和、及与]+$", "", before[prev[-1].end():])
        before = own if own else before[:prev[0].start()]
    before = re.sub(r"^[和、及与，]+|[和、及与]+$", "", before)
    before = _EDGE_VERBS.sub("", before).strip("，、和及")
    before = _EDGE_VERBS.sub("", before)
    phrase = after if len(after) >= 2 else before
    return phrase[:60]


def _deadline(text: str, doc_year: int | None) -> int | None:
    """The deadline year a sentence sets (到2025年, 2025 年三项具体目标), if forward-looking."""
    for m in _DEADLINE.finditer(text):
        year = int(m.group(1) or m.group(2) or m.group(3))
        if doc_year is None or year >= doc_year:
            return year
    return None


def _is_heading(text: str) -> bool:
    return len(text) < 16 and text[-1:] not in "。；：，"


def governing_years(passage: Passage) -> list[int | None]:
    """For each sentence, the deadline that governs it: its own, else one set in the last
    few sentences under the same heading (《规划》提出了 2025 年三项具体目标： … lists)."""
    doc_year = passage.doc.date.year if passage.doc.date else None
    out: list[int | None] = []
    frame, age = None, 0
    for sv in passage.sentences:
        own = _deadline(sv.text, doc_year)
        if own is not None:
            frame, age = own, 0
        elif _is_heading(sv.text):
            frame = None
        else:
            age += 1
            if age > FRAME_REACH:
                frame = None
        out.append(own if own is not None else frame)
    return out


def extract_targets(sf, passage: Passage, year: int | None) -> list[Target]:
    """Targets of one sentence, given the deadline that governs it."""
    sv: SentenceView = sf.sv
    text = sv.text
    period = ""
    pm = _PERIOD.search(text)
    if pm:
        period = "年均" if pm.group().startswith("年") else "每年"
    if year is None and not period:
        return []
    if year is None and (_PAST_YEAR.search(text) or _PAST_CN_YEAR.search(text)):
        return []  # 比一九七八年前的二十六年平均每年…: a period in the past
    if (_PAST.search(text) or _PAST_YEAR.match(text)) and not _DEADLINE.search(text):
        return []  # 已…, or a sentence about a past year: 2020年制造业机器人密度达到…
    setter = sf.topic.get("programme") or passage.context.get("city") \
        or passage.context.get("province", "")
    out = []
    clause_start = 0
    for clause in _CLAUSE.split(text):
        inherited = ""
        found = [(m, m.group("unit")) for m in _VALUE.finditer(clause)]
        found += [(m, "") for m in _UNITLESS.finditer(clause)]
        for m, unit_written in found:
            a, b = m.start(), m.end()
            after = clause[b:]
            num = m.group("num")
            if _QUALIFIER_AFTER.match(after) or _PARTS_AFTER.match(after):
                continue
            if after.startswith("的") and _VALUE.search(after):
                continue  # 投资超5000万元的…项目150个: a condition on what is counted
            if _PAST_YEAR.search(clause[:a]) and not _DEADLINE.search(clause):
                continue  # 2020年制造业机器人密度达到246台/万人: a baseline
            if re.fullmatch(r"(?:19|20)\d\d", num) and (after.startswith("年") or unit_written == ""):
                continue
            pre = m.group("pre")
            post = m.groupdict().get("post")
            if pre in ("增加", "增长") and not period:
                continue
            if not num[0].isdigit() and not pre and not post and not re.search("[万千百亿]", num):
                continue  # 三个方面, 一批: a count in words, not a target
            parsed = _value(num)
            if parsed is None:
                continue
            value, unit_prefix = parsed
            cmp_ = _CMP_POST.get(post or "") or _CMP_PRE.get(pre or "") or inherited or "="
            if pre in _CMP_PRE and "分别" in clause[:a]:
                inherited = _CMP_PRE[pre]
            value_max = None
            if m.groupdict().get("max"):
                value_max, cmp_ = m.group("max"), "range"
            try:
                Decimal(value)
            except InvalidOperation:
                continue
            unit = unit_prefix + unit_written.replace("％", "%")
            num_start = a + (len(pre) if pre else 0)
            s, e = sv.view.span(clause_start + num_start, clause_start + b)
            sent = sv.sentence
            out.append(Target(sent.doc_id, s, e, _indicator(clause, a, b), value, unit, cmp_,
                              sent.start, sent.end, None if period == "每年" else year,
                              value_max, period, setter, passage.doc.text[s:e],
                              "pattern.target"))
        for m in _DOUBLING.finditer(clause):  # 机器人密度实现翻番: twice as much, no digits
            s, e = sv.view.span(clause_start + m.start(), clause_start + m.end())
            sent = sv.sentence
            out.append(Target(sent.doc_id, s, e, _indicator(clause, m.start(), m.end()),
                              _DOUBLINGS[m.group(1) or "一"], "倍", "=", sent.start, sent.end,
                              None if period == "每年" else year, None, period, setter,
                              passage.doc.text[s:e], "pattern.target"))
        clause_start += len(clause) + 1
    return sorted(set(out))
