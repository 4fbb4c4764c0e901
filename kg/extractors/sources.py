"""Where an article comes from: its source lines, datelines and bylines, and its reporters.

Owns: the forms Chinese news and government pages give their source in — （来源：人民日报）,
来源：河北日报, 财联社(上海,记者 刘洋)讯, 新华社北京2月18日电, 央视网消息（焦点访谈）：, 本报记者 孙悦,
新华社记者王明、李华, 每经编辑 陈静, 南方财经全媒体 见习记者赵磊, 文|财经E法 周敏, and a reporter's
outlet named in the text (对《经济参考报》记者说, 接受时代周报记者采访): the outlet mentions
(MediaOutlet, unless another extractor knows the name as an agency), the journalists (Person),
then, as facts, each article's sources (dcterms:source) and the journalists' posts (记者, 编辑 at
their outlet). The source-line pattern is the one the article splitter reads.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extractors.base import Passage, SentenceView, register
from kg.ingest.articles import SOURCE_LINE
from kg.keys import entity_key
from kg.resources import split_aliases, surnames, table
from kg.types import Label, Mention, Post

EXTRACTOR = "pattern.source"
HEAD_LINES = 6  # a byline or dateline stands in an article's first lines
_NAME = r"[\u4e00-\u9fff]{2,4}"
_NAMES = rf"(?P<names>{_NAME}(?:\s*[、,，]\s*{_NAME})*)"
# what an outlet's name ends in, when no table knows it (财联社, 时代周报, 央视网, 凤凰卫视)
_OUTLET_END = re.compile(r"(?:社|报|网|台|卫视|新闻|财经|周刊|杂志|之声|客户端|全媒体|发布)$")
_ROLES = r"本报见习记者|本报记者|见习记者|特约记者|首席记者|记者|责任编辑|编辑|通讯员"


@dataclass(frozen=True, slots=True)
class Credit:
    """A source or byline read off a sentence: offsets are into its clean view."""

    outlet: tuple[int, int] | None  # the outlet's name; None for 本报 (this paper)
    names: tuple[tuple[int, int], ...] = ()  # journalists
    role: str = ""  # 记者, 编辑… ("" for a source without a byline)
    this_paper: bool = False  # 本报记者: the article's own outlet


# 来源：河北日报 / 来源: 爱集微 at the start of a line (（来源：…） anywhere: SOURCE_LINE)
_SOURCE_AT_START = re.compile(r"^来源\s*[:：]\s*(?P<src>[^\s，。；（）()《》:：|]{2,24})")
# 财联社(上海,记者 刘洋)讯 / 新华社北京2月18日电 / 新华社讯
_DATELINE_AFTER = re.compile(r"\s*(?:[（(](?P<inner>[^（）()]{1,30})[）)])?"
                             r"(?:[\u4e00-\u9fff]{2,4})?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)"
                             r"(?:\s*[（(](?P<after>[^（）()]{1,30})[）)])?")


def _dateline(text: str) -> tuple[int, re.Match[str]] | None:
    """A dateline whose source is an outlet's name, as (end of the name, the rest): the
    shortest such reading (新华社|北京…电, not 新华|社北京…电)."""
    for n in range(2, min(len(text), 10) + 1):
        if _is_outlet(text[:n]):
            m = _DATELINE_AFTER.match(text, n)
            if m:
                return n, m
    return None


_INNER_REPORTER = re.compile(rf"(?P<role>{_ROLES})\s*{_NAMES}")
# 新华社记者王明、李华 / 每经编辑 陈静 / 南方财经全媒体 见习记者赵磊 / 本报记者 孙悦 / 编辑 |吴芳
_BYLINE = re.compile(rf"^(?:(?!本报|责任编辑)(?P<src>[\u4e00-\u9fffA-Za-z]{{2,12}}?)\s*)?(?P<role>{_ROLES})\s*[|｜:：]?\s*"
                     rf"{_NAMES}(?=\s|$|[，。]|[\u4e00-\u9fff]{{2}}报道)")
# a line that is only a credit in brackets, as a wire's last: （编辑 刘洋）; a bare 责任编辑：王芳
# closing a web page is the portal's that republished it, an outlet the text may not name
# (several: （记者杨骏实习生李想）, the clean view without the spaces between them)
_CREDIT_ROLES = r"本报记者|见习记者|记者|编辑|通讯员|实习生"
_CREDIT_NAME = rf"[\u4e00-\u9fff]{{2,4}}?(?=[、,，\s）)]|{_CREDIT_ROLES})"
_CREDIT_PART = re.compile(rf"(?P<role>{_CREDIT_ROLES})\s*[|｜:：]?\s*"
                          rf"(?P<names>{_CREDIT_NAME}(?:\s*[、,，]?\s*{_CREDIT_NAME})*)\s*")
_CREDIT_LINE = re.compile(rf"^[（(]\s*(?:{_CREDIT_PART.pattern})+[）)]$".replace("?P<role>", "")
                          .replace("?P<names>", ""))
# an intern is named in the credit but holds no post of the outlet's
_NO_POST = frozenset({"实习生"})
# 文|财经E法 周敏 (in the clean view: 文|财经E法周敏, the outlet a name the tables or endings know)
# a news portal's time stamp and the source after it, a line of their own: 08-22 06:25Wind,
# 2024-08-22 06:25 新华社
_STAMPED_SOURCE = re.compile(r"^(?:(?:\d{4}[-/.])?\d{1,2}[-/.]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*"
                             r"(?:来源\s*[:：]\s*)?"
                             r"|(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*"
                             r"(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*来源\s*[:：]\s*)"
                             r"(?P<src>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{1,19})$")
# a body's website named as a source is the body's word: 来源：商务部网站
_WEBSITE = re.compile(r"(?:官方网站|门户网站|网站|官网)$")
_AUTHOR = re.compile(r"^文\s*[|｜:：]\s*")
# 央视网消息（焦点访谈）：
_NEWS_FROM = re.compile(r"^(?P<src>[\u4e00-\u9fffA-Za-z]{2,10})消息(?:[（(](?P<src2>[^（）()]{2,12})[）)])?\s*[:：]")
# 对《经济参考报》记者说 / 对南方财经全媒体记者说 / 接受时代周报记者采访
_REPORTER_OF = re.compile(r"(?:对|向|接受|告诉)《?(?P<src>[\u4e00-\u9fffA-Za-z]{2,12}?)》?记者"
                          r"(?:表示|说|称|分析|介绍|透露|指出|坦言|采访|专访)")


# an opening line that is only an outlet's name (under the title and date of a web page)
# (…日报, …时报, not a bare 报: a title broken over two lines, 政府工作报|告, is no outlet)
_OUTLET_LINE = re.compile(r"[\u4e00-\u9fffA-Za-z]{2,14}(?:网|[日晚时商周]报|社|周刊|杂志|客户端)")
_NOT_OUTLET_LINES = frozenset({"新闻网", "官方网", "公告", "简报", "快报", "通报", "情报"})


def _is_outlet(name: str) -> bool:
    return bool(_OUTLET_END.search(name)) or name in known_outlets()


@functools.cache
def known_outlets() -> frozenset[str]:
    """Every name and short name of media.tsv (财经E法, 爱集微: no ending says they are outlets)."""
    return frozenset(n for r in table("media.tsv") for n in (r["name"], *split_aliases(r["aliases"])))


def _author_line(text: str) -> Credit | None:
    """文|财经E法周敏: the longest outlet name after 文| (财经E法, not 财经), then its writer."""
    m = _AUTHOR.match(text)
    if not m:
        return None
    for n in range(min(len(text), m.end() + 12), m.end() + 1, -1):
        if _is_outlet(text[m.end():n]):
            names = tuple(_name_spans(text, n, min(len(text), n + 4)))
            return Credit((m.end(), n), names[:1], "作者")  # 文 is the writer's byline
    return None


def credits(sv: SentenceView, head: bool) -> Iterator[Credit]:
    """The sources and bylines of a sentence; ``head``: among its article's first lines."""
    text = sv.text
    for m in SOURCE_LINE.finditer(text):
        yield Credit(m.span("src"))
    if head:
        m = _SOURCE_AT_START.match(text)
        if m:
            yield Credit(m.span("src"))
        dated = _dateline(text)
        if dated:
            n, m = dated
            group = "inner" if m.group("inner") else "after"  # 新华社北京3月5日电（记者…）
            inner = _INNER_REPORTER.search(m.group(group) or "")
            names = ()
            if inner:
                base = m.start(group)
                names = tuple(_name_spans(text, base + inner.start("names"), base + inner.end("names")))
            role = inner.group("role").removeprefix("本报") if inner else ""
            if text.startswith("本报"):
                # 本报讯（记者 王僖）: this paper's reporter, the paper a source line names
                yield Credit(None, names, role, True)
            else:
                yield Credit((0, n), names, role)
        m = _BYLINE.match(text)
        if m:
            src = m.group("src") or ""
            this_paper = m.group("role").startswith("本报")
            outlet = m.span("src") if src and (_is_outlet(src) or len(src) >= 2) else None
            role = m.group("role").removeprefix("本报")
            # a 责任编辑 without an outlet is the page's, which may have republished the article
            yield Credit(outlet, tuple(_name_spans(text, m.start("names"), m.end("names"))),
                         role, this_paper or (outlet is None and role != "责任编辑"))
        author = _author_line(text)
        if author is not None:
            yield author
        if _OUTLET_LINE.fullmatch(text) and text not in _NOT_OUTLET_LINES:
            yield Credit((0, len(text)))  # 中国电源产业网: a line that is only the outlet's name
        m = _STAMPED_SOURCE.match(text)
        site = _WEBSITE.search(m.group("src")) if m else None
        if m and site and site.start() >= 2:
            yield Credit((m.start("src"), m.start("src") + site.start()))  # 商务部|网站
        elif m and (m.group("src").isascii() or _is_outlet(m.group("src"))
                    or "来源" in text[:m.start("src")]):
            # 08-22 06:25Wind: a portal's time stamp, then its source (a brand or an outlet;
            # 3-15 14:00 报到 is a schedule)
            yield Credit(m.span("src"))
        m = _NEWS_FROM.match(text)
        if m:
            yield Credit(m.span("src"))
            if m.group("src2"):
                yield Credit(m.span("src2"))
    for m in _REPORTER_OF.finditer(text):
        if _is_outlet(m.group("src")) or m.group(0).count("《"):
            yield Credit(m.span("src"))
    if _CREDIT_LINE.match(text):  # （编辑 刘洋） closing the article: a post in its own outlet
        for m in _CREDIT_PART.finditer(text):
            role = m.group("role").removeprefix("本报")
            yield Credit(None, tuple(_name_spans(text, m.start("names"), m.end("names"))),
                         "" if role in _NO_POST else role, True)


def _name_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The people of a list of names (王明、李华), each a family name and one to three more."""
    family = surnames()
    for m in re.finditer(_NAME, text[start:end]):
        name = m.group()
        if len(name) == 4 and name[:2] not in family and name[0] in family \
                and name[2] in family:
            # （记者贾鹏陈博）: two names of two characters written without a mark between
            yield start + m.start(), start + m.start() + 2
            yield start + m.start() + 2, start + m.end()
        elif name[0] in family or name[:2] in family:
            yield start + m.start(), start + m.end()


def _head(passage: Passage) -> set[int]:
    """Indexes of the sentences that open an article (its title and first lines)."""
    return set(range(min(HEAD_LINES, len(passage.sentences))))


@register(EXTRACTOR, labels={Label.MEDIA, Label.PERSON})
def make_source_extractor(name: str):
    """The outlets and journalists of an article's source lines, datelines and bylines.

    （来源：人民日报） -> 人民日报 (MediaOutlet); 财联社(上海,记者 刘洋)讯 -> 财联社 (MediaOutlet), 刘洋
    (Person); an agency named there (（来源：科技部）) keeps its class: agency extractors claim it.
    """
    def extract(passage: Passage) -> Iterator[Mention]:
        head = _head(passage)
        for i, sv in enumerate(passage.sentences):
            for c in credits(sv, i in head):
                if c.outlet is not None:
                    a, b = c.outlet
                    yield sv.mention(a, b, Label.MEDIA, name, canonical=sv.text[a:b].strip(),
                                     doc=passage.doc)
                for a, b in c.names:
                    yield sv.mention(a, b, Label.PERSON, name, canonical=sv.text[a:b],
                                     doc=passage.doc)
    return extract


def article_credits(passage: Passage, mentions: list[Mention]) -> tuple[list[str], list[Post]]:
    """An article's sources (entity keys, in order) and its journalists' posts, from the
    mentions the linker kept at the credits' places."""
    at = {(m.start, m.end): m for m in mentions}
    sources: list[str] = []
    posts: list[Post] = []
    head = _head(passage)
    pending: list[tuple[Mention, str, SentenceView]] = []  # 本报记者: the outlet comes later
    for i, sv in enumerate(passage.sentences):
        for c in credits(sv, i in head):
            outlet = None
            if c.outlet is not None:
                outlet = at.get(sv.view.span(*c.outlet))
                if outlet is not None and (outlet.label.is_organization):
                    key = entity_key(outlet)
                    if key not in sources:
                        sources.append(key)
                else:
                    outlet = None
            for a, b in c.names:
                person = at.get(sv.view.span(a, b))
                if person is None or person.label is not Label.PERSON or not c.role:
                    continue
                if outlet is not None:
                    posts.append(_post(sv, person, c.role, entity_key(outlet)))
                elif c.this_paper:
                    pending.append((person, c.role, sv))
    for person, role, sv in pending:  # 本报记者 孙悦 … 对《证券日报》记者: this paper is that one
        if sources:
            posts.append(_post(sv, person, role, sources[0]))
    return sources, posts


def _post(sv: SentenceView, person: Mention, role: str, outlet: str) -> Post:
    s = sv.sentence
    return Post(s.doc_id, s.start, s.end, entity_key(person), role, outlet, "relation.posts")


__all__ = ["Credit", "EXTRACTOR", "article_credits", "credits", "make_source_extractor"]
