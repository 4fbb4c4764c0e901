"""Plans, programmes and projects: 《“十四五”智能制造发展规划》, 智能制造示范工厂建设行动.

Owns: 《》 titles, names that end in 规划/计划/方案/工程/行动/专项/纲要/… with their left
edge, and document-local abbreviations (（以下简称《规划》）) resolved within their article.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, register
from kg.extractors.names import name_start
from kg.resources import table
from kg.types import Label, Mention

# 《…》 with nested quotes; the longest title is about 60 characters
_BOOK_TITLE = re.compile(r"《([^《》]{2,80})》")
# （以下简称《规划》） or （以下简称“智改数转”）
_ABBREVIATION = re.compile(r"[（(]以下简称[“《\"]?([^”》\"）)]{1,12})[”》\"]?[）)]")
# generic words a bare programme name cannot be: 规划, 行动计划, 系列规划
_TOO_GENERIC = re.compile(r"^(?:[该本此这各其全]|相关|有关|上述|一批|系列|专项|重大|重点|国家级|省级|市级|年度)?"
                          r"(?:规划|计划|方案|工程|行动|专项|纲要|意见|办法|政策|项目|战略|指南|目录|清单|名录|试点|"
                          r"行动计划|实施方案|工作方案|系列规划)$")
_COUNT_PREFIX = re.compile(r"^[一二三四五六七八九十百千0-9]+(?:个|项|大|类|条|批)")
MIN_NAME = 2


def _is_book(title: str) -> bool:
    """Titles of laws and reports count; quoted newspapers (《人民日报》) do not."""
    return not title.endswith(("报", "网", "杂志", "周刊"))


@register("pattern.programme", labels={Label.PROGRAMME})
def make_programme_extractor(name: str):
    """Programmes named in 《》 or by their ending.

    八部门联合印发《“十四五”智能制造发展规划》 -> “十四五”智能制造发展规划 (Programme);
    开展智能制造技术攻关行动，-> 智能制造技术攻关行动.
    """
    suffixes = Gazetteer((r["suffix"], None) for r in table("programme_suffixes.tsv"))

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            books = []
            for m in _BOOK_TITLE.finditer(sv.text):
                title = m.group(1).strip()
                if _is_book(title):
                    books.append((m.start(), m.end()))
                    yield sv.mention(m.start(), m.end(), Label.PROGRAMME, name,
                                     canonical=title.replace(" ", ""), doc=passage.doc)
            last_end = 0
            for a, b, _ in suffixes.find(sv.text):
                if any(s <= a < e for s, e in books):
                    continue
                if b < len(sv.text) and b not in sv.bounds and sv.text[b] not in "（(，。、；：”":
                    continue
                start = name_start(sv, a, max_len=30, min_start=last_end)
                surface = sv.text[start:b].strip("“”")
                if b - start - (b - a) < MIN_NAME or _TOO_GENERIC.match(surface) \
                        or _COUNT_PREFIX.match(surface):
                    continue
                if sv.text[start:b].count("“") != sv.text[start:b].count("”"):
                    if sv.text[start:b].startswith("“"):
                        start += 1
                    else:
                        continue
                last_end = b
                yield sv.mention(start, b, Label.PROGRAMME, name,
                                 canonical=sv.text[start:b], doc=passage.doc)
    return extract


def abbreviations(passage: Passage) -> list[tuple[str, int]]:
    """Short forms an article defines: ``(short form, clean-view offset in its sentence)``."""
    out = []
    for sv in passage.sentences:
        for m in _ABBREVIATION.finditer(sv.text):
            out.append((m.group(1), sv.sentence.start))
    return out
