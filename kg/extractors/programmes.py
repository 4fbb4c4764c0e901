"""Plans, programmes and projects: 《“十四五”智能制造发展规划》, 智能制造示范工厂建设行动.

Owns: 《》 titles, names that end in 规划/计划/方案/工程/行动/专项/纲要/… with their left
edge (abbreviations such as （以下简称《规划》） are resolved by kg.link, within their article).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, register
from kg.extractors.names import is_generic, name_start, stop_words, token_spans
from kg.resources import table
from kg.segment import tokenizer
from kg.types import Label, Mention

# 《…》 with nested quotes; the longest title is about 60 characters
_BOOK_TITLE = re.compile(r"《([^《》]{2,80})》")
# generic words a bare programme name cannot be: 规划, 行动计划, 系列规划
_TOO_GENERIC = re.compile(r"^(?:[该本此这各其全]|相关|有关|上述|一批|系列|专项|重大|重点|国家级|省级|市级|年度)?"
                          r"(?:规划|计划|方案|工程|行动|专项|纲要|意见|办法|政策|项目|战略|指南|目录|清单|名录|试点|"
                          r"行动计划|实施方案|工作方案|系列规划)$")
_COUNT_PREFIX = re.compile(r"^[一二三四五六七八九十百千0-9]+(?:个|项|大|类|条|批)")
MIN_NAME = 2
# a place and a count: 常州市六大工程
_PLACE_COUNT = re.compile(r"^[\u4e00-\u9fff]{2,6}[省市区县]([一二三四五六七八九十]+大[\u4e00-\u9fff]{0,4})$")


def _is_periodical(title: str) -> bool:
    """《人民日报》, 《4.0 信息速报》: a newspaper, site or journal, not a programme."""
    return title.endswith(("报", "网", "杂志", "周刊", "期刊", "月刊", "学报"))


_DESCRIPTIVE = re.compile(r"(?:解决|技术|实施|工作|建设|改革|优化|配套|具体)方案$|系统工程$")
_YEAR_PREFIX = re.compile(r"\d{4}年度?")
# （2022—2024年） after a plan's name is part of it
_YEAR_RANGE = re.compile(r"[（(]\s*\d{4}\s*[-—–－~～至]+\s*\d{4}\s*年?\s*[）)]")
WEAK_MIN = 8  # characters before a weak ending


def _suffix_runs(gaz: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """Suffix matches with adjacent ones merged: 行动+方案 -> 行动方案, strongest wins."""
    runs: list[tuple[int, int, str]] = []
    for a, b, strength in gaz.find(text):
        if runs and runs[-1][1] == a:
            pa, _pb, ps = runs[-1]
            runs[-1] = (pa, b, "strong" if "strong" in (ps, strength) else "weak")
        else:
            runs.append((a, b, str(strength)))
    return runs


def _is_dictionary_word(name: str) -> bool:
    """A common word of jieba's dictionary (解决方案, 系统工程) is a description, not a name."""
    return tokenizer().FREQ.get(name, 0) > 0


@register("pattern.programme", labels={Label.PROGRAMME, Label.MEDIA})
def make_programme_extractor(name: str):
    """Programmes named in 《》 or by their ending.

    八部门联合印发《“十四五”智能制造发展规划》 -> “十四五”智能制造发展规划 (Programme);
    开展智能制造技术攻关行动，-> 智能制造技术攻关行动; 帮助企业提供解决方案 -> nothing.
    """
    suffixes = Gazetteer((r["suffix"], r["strength"]) for r in table("programme_suffixes.tsv"))

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            text = sv.text
            books = []
            for m in _BOOK_TITLE.finditer(text):
                title = m.group(1).strip()
                books.append((m.start(), m.end()))
                label = Label.MEDIA if _is_periodical(title) else Label.PROGRAMME
                yield sv.mention(m.start(), m.end(), label, name, canonical=title, doc=passage.doc)
            for a, b, strength in _suffix_runs(suffixes, text):
                if any(s <= a < e for s, e in books):
                    continue
                if b < len(text) and b not in sv.bounds and text[b] not in "（(，。、；：”":
                    continue
                tok = next(((ts, te) for ts, te, _t in token_spans(sv) if ts < a < te), None)
                if tok and sv.text[tok[0]:a] in stop_words():
                    continue  # 迅速行动: the ending is a verb's object, not a name's
                start = name_start(sv, a, max_len=30)
                if b < len(text) and text[b] == "”":
                    # a quoted name is the whole quotation: “机器人创新产品发展行动”
                    open_at = text.rfind("“", max(0, a - 30), a)
                    if open_at >= 0 and "”" not in text[open_at + 1:a]:
                        start = open_at + 1
                year = _YEAR_PREFIX.match(text, start)
                if year and year.end() < a:
                    start = year.end()
                span = text[start:b]
                if span.count("“") != span.count("”"):
                    if span.startswith("“"):
                        start += 1
                    else:
                        continue
                surface = text[start:b]
                bare = surface.strip("“”")
                quoted = "“" in surface or (start > 0 and text[start - 1] == "“")
                if a - start < MIN_NAME or _TOO_GENERIC.match(bare) or _DESCRIPTIVE.search(bare) \
                        or _is_dictionary_word(bare):
                    continue
                counted = _PLACE_COUNT.match(bare)
                if counted:  # 常州市六大工程: the place's "six projects", named 六大工程
                    start += counted.start(1) + (1 if surface.startswith("“") else 0)
                    bare = counted.group(1)
                elif _COUNT_PREFIX.match(bare) and not quoted:
                    continue  # 六个专项行动 counts parts of a plan
                if strength == "weak" and ((not quoted and a - start < WEAK_MIN)
                                           or is_generic(sv, start, a)):
                    continue  # 科技政策 even in quotes is a description
                if strength == "strong" and not quoted and a - start < 4 \
                        and is_generic(sv, start, a):
                    continue
                end = b
                years = _YEAR_RANGE.match(text, b)
                if years:
                    end = years.end()
                yield sv.mention(start, end, Label.PROGRAMME, name,
                                 canonical=text[start:end], doc=passage.doc)
                yield from _named_instance(sv, end, name, passage)
            for (_s, e), title in zip(books, (m.group(1) for m in _BOOK_TITLE.finditer(text))):
                if not _is_periodical(title.strip()):
                    yield from _named_instance(sv, e, name, passage)
    return extract


# a programme followed by the quoted name of one instance of it:
# 上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”
_INSTANCE = re.compile(r"“([^“”《》]{4,40})”")


def _named_instance(sv, end: int, name: str, passage: Passage) -> Iterator[Mention]:
    m = _INSTANCE.match(sv.text, end)
    if m:
        yield sv.mention(m.start(1), m.end(1), Label.PROGRAMME, name,
                         canonical=m.group(1), doc=passage.doc)
