"""When a sentence speaks of: time expressions resolved against the document's year, the part of
a report a sentence sits in, the deadline that governs it and the lists of goals.

Owns: reading 到2025年 (a deadline), 2022年上半年 and 去年 (times), 比上年 and 较2012年底 (bases of
a comparison), 2015年以来 (a start), “十四五”期间 (a plan period, ending 2025); the parts of a work
report (一、2024年工作回顾 is a review of 2024, 二、2025年工作的总体要求和目标 a plan for 2025);
and the sentences of a list of goals (今年发展主要预期目标是：…). Must not find numbers or decide
what they are: :mod:`kg.extractors.quantities` does, with what this module says.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extractors.base import Passage

# the five-year plans and the year each ends: “十四五”时期/期间/末 -> 2025
PLAN_PERIODS = {"十五": 2005, "十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025,
                "十五五": 2030}
_CN_YEAR_DIGIT = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
                  "六": "6", "七": "7", "八": "8", "九": "9"}
# 2022年, 2022 年, 一九七八年: a year, with what stands right before and after it
_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})\s*年(?!代)")
_BASE_BEFORE = re.compile(r"(?:比|较|较之|相比|相较于|相较|与|同|从|自|由)$")
_DEADLINE_BEFORE = re.compile(r"(?:(?<![截])到|(?<![截直])至|力争到|争取到|预计到|计划到|力争在|争取在)$")
_DEADLINE_AFTER = re.compile(r"^(?:底|末|年底|年末)?(?:前|以前|之前)|^[^，。；]{0,6}(?:目标|任务)")
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*年?\s*(?:[-—–－~～至到])\s*(?:19|20)\d\d\s*年")
_SINCE_AFTER = re.compile(r"^(?:底|末)?(?:以来|起|开始|至今)")
# (明年 is left out: it plans, and a plan's years are written out)
_RELATIVE = re.compile(r"(?P<word>今年|本年|当年|去年|上年|上一年|过去一年|前年)")
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1,
                  "过去一年": -1, "前年": -2}
_PLAN_PERIOD = re.compile(r"“?(?P<plan>十[一二三四五]?五)”?(?:规划)?(?:时期|期间|期末|末|规划期)")


@dataclass(frozen=True, slots=True)
class TimeMark:
    """A time expression of a text: where it is, the year it means, and its role."""

    start: int
    end: int
    year: int
    kind: str  # "at" (a time), "deadline", "base" (of a comparison), "since", "period" (a plan's),
    # "span" (2011年至2021年)


def _year_value(written: str) -> int:
    if written[0].isdigit():
        return int(written)
    return int("".join(_CN_YEAR_DIGIT[ch] for ch in written))


@functools.lru_cache(maxsize=4096)  # a sentence is read for its times by several stages
def time_marks(text: str, doc_year: int | None) -> tuple[TimeMark, ...]:
    """Every time expression of ``text`` with the year it means, left to right.

    到2025年 -> deadline 2025; 比上年 (in a text of 2006) -> base 2005; 2015年以来 -> since 2015;
    “十四五”期间 -> period 2025; 今年 -> at 2006; 2022年上半年 -> at 2022.
    """
    out = []
    spans = [(m.start(), m.end()) for m in _YEAR_SPAN.finditer(text)]
    for m in _YEAR.finditer(text):
        year = _year_value(m.group("year"))
        before, after = text[max(0, m.start() - 5):m.start()], text[m.end():m.end() + 10]
        if any(a <= m.start() < b for a, b in spans):
            kind = "span"  # 2011年至2021年的6次增选: several years, none of them
        elif _BASE_BEFORE.search(before):
            kind = "base"  # 比2020年, 比一九七八年前的二十六年
        elif _DEADLINE_BEFORE.search(before) or _DEADLINE_AFTER.search(after):
            # 到1984年底 in a text of 2022 is a time reached, not a deadline
            kind = "deadline" if doc_year is None or year >= doc_year else "at"
        elif _SINCE_AFTER.search(after):
            kind = "since"
        else:
            kind = "at"
        out.append(TimeMark(m.start(), m.end(), year, kind))
    if doc_year is not None:
        for m in _RELATIVE.finditer(text):
            before, after = text[max(0, m.start() - 3):m.start()], text[m.end():m.end() + 2]
            # 比上年, 较上年末, 去年同期: the base of a change
            kind = "base" if _BASE_BEFORE.search(before) or after.startswith("同期") else "at"
            out.append(TimeMark(m.start(), m.end(), doc_year + _RELATIVE_YEAR[m.group("word")], kind))
    for m in _PLAN_PERIOD.finditer(text):
        out.append(TimeMark(m.start(), m.end(), PLAN_PERIODS[m.group("plan")], "period"))
    return tuple(sorted(out, key=lambda t: t.start))


def is_deadline(t: TimeMark, doc_year: int | None) -> bool:
    """Whether a time mark is a deadline ahead: 到2025年 or “十四五”期间 not before the document's
    year, or a year after it (2025年，经济总量将突破… in a text of 2022)."""
    if t.kind in ("deadline", "period"):
        return doc_year is None or t.year >= doc_year
    return t.kind == "at" and doc_year is not None and t.year > doc_year


def deadline_of(text: str, doc_year: int | None) -> int | None:
    """The deadline a sentence sets, if it looks forward: 到2025年 -> 2025 (not 到2015年 in a
    text of 2020); “十四五”末 -> 2025."""
    for t in time_marks(text, doc_year):
        if t.kind in ("deadline", "period") and (doc_year is None or t.year >= doc_year):
            return t.year
    return None


# a plan's own period, in its name: 行动计划（2021-2023年） -> 2023, “十四五”…规划 -> 2025,
# 包头市2022年数字政府建设考评办法 -> 2022
_TITLE_RANGE = re.compile(r"(?:19|20)\d\d\s*[-—–－~～至到]+\s*((?:19|20)\d\d)\s*年")


def plan_year(title: str, doc_year: int | None) -> int | None:
    """The year a plan or notice named in ``title`` runs to, if its name says."""
    m = _TITLE_RANGE.search(title)
    if m:
        return int(m.group(1))
    for t in time_marks(title, doc_year):
        if t.kind in ("period", "at", "deadline") and (doc_year is None or t.year >= doc_year) \
                and not title.startswith("度", t.end):  # 2018年度…奖励的决定 is about a year
            return t.year
    return None


@dataclass(frozen=True, slots=True)
class Part:
    """The part of a report a sentence sits in: a review of ``year`` or a plan for it."""

    kind: str  # "review", "plan" or "" (not a report's part)
    year: int | None = None


NO_PART = Part("")
# 一、2024年工作回顾 / 二、2025年经济社会发展总体要求和政策取向 / 三、2025年政府工作任务, and
# without a numeral: 2024年工作回顾 / 2025年工作安排
_TOP_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,2}\s*[、.．]\s*(?P<title>[^。；，]{2,40})"
                          r"|(?P<bare>(?:(?:19|20)\d\d\s*年|过去|今年|“十[一二三四五]?五”)[^。；，]{2,24}))$")
_REVIEW = re.compile(r"回顾|过去|成绩|总结")
_FUTURE_SPAN = re.compile(r"(?:今后|未来)([一二三四五六七八九十])年")
_NUMERALS = {ch: i for i, ch in enumerate("一二三四五六七八九十", start=1)}
# a plan's part that reviews where it starts, named by its words alone (二、发展基础)
_BASIS = re.compile(r"(?:[^。；，]{0,12}的)?(?:发展基础|发展现状|现实基础|发展环境|主要成就|发展成就|工作成效|"
                    r"取得的成效|基础和形势|发展基础和面临形势|现状与形势)")
_PLAN = re.compile(r"任务|安排|部署|要求|目标|重点|建议|打算|思路|的工作$|工作$")
_PAST_SPAN = re.compile(r"过去(?:一年|[二三四五六七八九十]+年)|这[一二三四五六七八九十]+年|"
                        r"[一二三四五六七八九十]+年来")


def report_parts(passage: Passage, doc_year: int | None) -> list[Part]:
    """For each sentence of a passage, the part of a work report it sits in: a top-level
    heading that reviews (回顾, 过去五年) or plans (任务, 安排, 目标) opens a part until the
    next top-level heading. The year is the heading's (2024年工作回顾), a plan period's end
    (“十二五”时期的主要目标和任务 -> 2015), or, without one, the year before the document's for a
    review and the document's for a plan."""
    out = []
    part = NO_PART
    for sv in passage.sentences:
        m = _TOP_HEADING.match(sv.text.strip())
        title = (m.group("title") or m.group("bare")) if m else ""
        coming = _FUTURE_SPAN.search(title) if title else None
        if title and _BASIS.fullmatch(title):
            part = Part("review", None)  # 二、发展基础: a plan's review of where it starts
        elif coming and _PLAN.search(title):
            # 二、今后五年的目标任务 (a city's report of 2026): a plan to the span's last year
            years = _NUMERALS.get(coming.group(1), 0)
            part = Part("plan", doc_year + years - 1 if doc_year and years else None)
        # a report's part names its time: 2024年工作回顾, 对今年政府工作的建议, “十二五”时期的…任务
        elif title and (_PAST_SPAN.search(title) or any(
                t.kind in ("at", "period") for t in time_marks(title, doc_year))):
            marks = [t for t in time_marks(title, doc_year) if t.kind in ("at", "period")]
            if _REVIEW.search(title):
                year = next((t.year for t in marks if t.kind == "at"), None)
                if year is None and doc_year is not None:
                    year = doc_year - 1
                part = Part("review", year)
            elif _PLAN.search(title):
                part = Part("plan", marks[0].year if marks else doc_year)
            else:
                part = NO_PART
        out.append(part)
    return out


# 今年发展主要预期目标是：, 经济增长预期目标为7%左右, 提出…增长8%左右的目标, 2022年的目标：
TARGET_WORDS = re.compile(r"预期目标|主要目标|发展目标|目标任务|目标是|目标为|的目标|定下的")


# 全面实现年初确定的主要目标，国内生产总值增长7.8%: goals met, their numbers are outcomes
_ACHIEVED = re.compile(r"(?:实现|完成|达到|达成|超过|好于)[^，。；]*$")


def goal_lists(passage: Passage) -> list[bool]:
    """For each sentence, whether it states goals: it names its numbers goals (预期目标是：…),
    or follows a sentence that ends announcing them (主要预期目标是：)."""
    out = []
    announced = False
    for sv in passage.sentences:
        here = any(not _ACHIEVED.search(sv.text, max(0, m.start() - 10), m.start())
                   for m in TARGET_WORDS.finditer(sv.text))
        out.append(here or announced)
        announced = here and sv.text.rstrip().endswith(("：", ":"))
    return out


FRAME_REACH = 12  # sentences a deadline reaches forward ("到2024年底，累计建成…" then more lists)


def _is_heading(text: str) -> bool:
    return len(text) < 16 and text[-1:] not in "。；：，"


def paragraph_years(passage: Passage, doc_year: int | None) -> list[int | None]:
    """For each sentence, the year its paragraph spoke of last before it (2020年，北京市GDP为
    36102.6亿元。其中海淀区…: the second sentence is of 2020 too); None at a paragraph's start."""
    out: list[int | None] = []
    text = passage.doc.text
    year, previous_end = None, None
    for sv in passage.sentences:
        if previous_end is None or "\n" in text[previous_end:sv.sentence.start]:
            year = None
        previous_end = sv.sentence.end
        out.append(year)
        said = [t for t in time_marks(sv.text, doc_year) if t.kind == "at"]
        if said:
            year = said[-1].year
    return out


# a numbered item of a digest or list: 6、中国铁路营业里程突破16万公里
_ITEM = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]")


def governing_deadlines(passage: Passage, doc_year: int | None) -> list[int | None]:
    """For each sentence, the deadline that governs it: its own, else one set in the last few
    sentences of its paragraph, or of the list a sentence ending in a colon opens
    (《规划》提出了 2025 年三项具体目标： … lists)."""
    out: list[int | None] = []
    frame, age, opens_list = None, 0, False
    text = passage.doc.text
    previous_end = None
    for sv in passage.sentences:
        own = deadline_of(sv.text, doc_year)
        new_paragraph = previous_end is not None \
            and "\n" in text[previous_end:sv.sentence.start]
        previous_end = sv.sentence.end
        if own is not None:
            frame, age = own, 0
            opens_list = sv.text.rstrip().endswith(("：", ":"))
        elif _is_heading(sv.text) or (new_paragraph and not opens_list) \
                or (_ITEM.match(sv.text) and not opens_list):
            frame = None
        else:
            age += 1
            if age > FRAME_REACH:
                frame = None
        out.append(own if own is not None else frame)
    return out


__all__ = ["FRAME_REACH", "NO_PART", "PLAN_PERIODS", "Part", "TARGET_WORDS", "TimeMark",
           "deadline_of", "goal_lists", "governing_deadlines", "is_deadline", "paragraph_years", "plan_year",
           "report_parts", "time_marks"]
