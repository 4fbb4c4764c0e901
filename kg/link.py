"""Linking: overlapping mentions to one reading, mentions to entities.

Owns: choosing among overlapping mentions (longest first; a known name from a gazetteer is never
cut by a pattern), entity keys and canonical names, article-scoped abbreviations (（以下简称《规划》）
-> that article's plan), and finding later bare mentions of names a pattern found once (王志刚
after 科技部部长王志刚). Must not extract relations.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from kg.extractors import (
    DEFAULT_EXTRACTORS,
    GAZETTEER_EXTRACTORS,
    TRUSTED_EXTRACTORS,
    Passage,
)
from kg.extractors.base import aligned
from kg.extractors.gazetteers import places_named_in_words
from kg.extractors.names import name_start
from kg.extractors.organizations import company_short_forms, has_legal_form, name_endings
from kg.extractors.programmes import (
    ISSUED_DOCUMENT_EXTRACTOR,
    OFFICIAL_TITLE_EXTRACTOR,
    WORK_REPORT_EXTRACTOR,
    issuers_of_title,
)
from kg.keys import entity_key, normalise
from kg.resources import table
from kg.types import PLACE_LABELS, Entity, Label, Mention

_PRIORITY = {name: i for i, name in enumerate(DEFAULT_EXTRACTORS)}
_ABBREVIATION = re.compile(r"[（(](?:以下简称|以下称|下称|简称)([“《\"]?)([^”》\"）)]{1,14})[”》\"]?[）)]")
_GENERIC_PROGRAMME = re.compile(r"^(?:[该本此这]?(?:规划|计划|方案|纲要|意见|报告|推进计划|行动计划|实施方案|"
                                r"通知|办法|决定|工程|专项|行动)|重大专项)$")
ABBREVIATION_EXTRACTOR = "link.abbreviation"
# a title that issues or sets up what it names: 关于印发…的通知, 关于同意建立…制度的批复
_ISSUING = re.compile(r"关于(?:印发|转发|发布|颁布|同意建立|同意设立|建立|设立)(.+)的(?:通知|决定|批复|意见)$")
_PLAN_END = re.compile(r"(?:规划|计划|方案|办法|意见|政策|措施|细则|纲要|指南|清单|目录|规定|条例|标准|"
                       r"要点|决定|制度)(?:[（(]\d{4}\s*[-—–－至]+\s*\d{4}年?[）)])?$")
ALIAS_EXTRACTOR = "link.alias"  # a later use of a quoted short form defined by 以下简称
PROPAGATED_EXTRACTOR = "link.propagate"


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """One reading of the text: gazetteer names first (longest, then priority), then patterns
    that contain or avoid them; names nested inside a longer chosen name are dropped.

    The chosen names never overlap, so they are kept sorted and a candidate meets only its
    neighbours: linear in the number of names, however long the article."""
    ms = sorted(set(mentions), key=lambda m: (m.extractor not in TRUSTED_EXTRACTORS,
                                               -(m.end - m.start), _PRIORITY.get(m.extractor, 99),
                                               m.start))
    chosen: list[Mention] = []  # sorted by start (and so by end)
    starts: list[int] = []
    for m in ms:
        i = max(bisect.bisect_right(starts, m.start) - 1, 0)
        overlapping = []
        while i < len(chosen) and chosen[i].start < m.end:
            if chosen[i].end > m.start:
                overlapping.append(i)
            i += 1
        clash = False
        for j in overlapping:
            c = chosen[j]
            if m.start < c.start and c.end <= m.end and c.label not in PLACE_LABELS \
                    and m.extractor not in TRUSTED_EXTRACTORS and not _may_contain(m, c):
                # a pattern may extend a known name (科大讯飞 -> 科大讯飞研究院) but not
                # swallow one from the left (…联合工信部)
                clash = True
                break
            if not (m.start <= c.start and c.end <= m.end and (m.end - m.start) > (c.end - c.start)):
                clash = True
                break
        if clash:
            continue
        for j in reversed(overlapping):  # names inside the longer one give way
            del chosen[j]
            del starts[j]
        k = bisect.bisect_left(starts, m.start)
        chosen.insert(k, m)
        starts.insert(k, m.start)
    return sorted(chosen)


def _may_contain(m: Mention, inner: Mention) -> bool:
    """Whether a pattern's name may swallow a known name from the left: a registered company
    name around a known company's (苏州汇川技术有限公司 is not 汇川技术) and a title in 《》
    (《国务院办公厅关于…的通知》), a congress's session around the congress, an edition of a
    recurring event around the event (第二届中国国际进口博览会). …联合工信部 still
    may not swallow 工信部."""
    if m.extractor in (OFFICIAL_TITLE_EXTRACTOR, WORK_REPORT_EXTRACTOR):
        return True  # 国务院关于同意建立国务院…联席会议制度的批复, 2025年江西省政府工作报告
    if m.label is Label.EVENT and inner.label is Label.AGENCY and m.canonical.endswith("会议"):
        return True  # 第十四届全国人民代表大会第三次会议: a session of the body it names
    if m.label is Label.EVENT and inner.label is Label.EVENT and m.end == inner.end:
        return True  # 第二届中国国际进口博览会: one edition of the fair the table knows
    if m.label is Label.COMPANY and inner.label is Label.COMPANY:
        return has_legal_form(m.canonical or m.name)
    return m.label is Label.PROGRAMME and m.text.startswith("《")


def name_official_titles(passage: Passage, mentions: list[Mention]) -> list[Mention]:
    """Official titles named as they are cited, with their issuers: 国务院|关于…的决定 ->
    国务院关于…的决定 (the same title written later without them names the same document);
    and the plans a title issues, as names inside it (关于印发《A》《B》的通知 -> A, B)."""
    text = passage.doc.text
    ms = sorted(mentions)
    named: dict[str, str] = {}  # the bare title -> the title with its issuers
    out = []
    for i, m in enumerate(ms):
        if m.extractor == OFFICIAL_TITLE_EXTRACTOR:
            chain = issuers_of_title(m, ms, i, text)
            if chain:
                full = re.sub(r"\s+", " ", text[chain[0].start:m.end])
                named.setdefault(normalise(m.name), full)
                m = replace(m, canonical=full)
        out.append(m)
        if m.label is Label.PROGRAMME and "关于" in m.name:
            out.extend(_issued_in_title(passage, m))
    return sorted(replace(m, canonical=named[normalise(m.name)])
                  if m.extractor == OFFICIAL_TITLE_EXTRACTOR
                  and normalise(m.canonical) == normalise(m.name) and normalise(m.name) in named
                  else m for m in out)


def _issued_in_title(passage: Passage, title: Mention) -> list[Mention]:
    """The plans a title issues or sets up, each a name nested in the title (the one place where
    mentions nest: a notice is a document of its own and so is what it issues)."""
    name = title.name.strip("《》")
    m = _ISSUING.match(name, name.find("关于"))
    if not m:
        return []
    inner = m.group(1)
    parts = re.split(r"》\s*[和与及、]?\s*《", inner.strip("《》")) if "《" in inner \
        else _split_plans(inner)
    out = []
    for part in parts:
        if len(part) < 4 or not _PLAN_END.search(part):
            continue
        for sv in passage.sentences:
            if sv.sentence.start <= title.start < sv.sentence.end \
                    and title.start in sv.view.offsets:
                at = sv.text.find(part, sv.view.offsets.index(title.start))
                if at >= 0:
                    out.append(sv.mention(at, at + len(part), Label.PROGRAMME,
                                          ISSUED_DOCUMENT_EXTRACTOR, canonical=part,
                                          doc=passage.doc))
                break
    return out


def _split_plans(inner: str) -> list[str]:
    """促进数字经济发展若干措施和某省…行动计划（2022-2024年） -> the two plans: a 和/及/、 that
    ends one plan's name begins the next."""
    for m in re.finditer(r"[和及、]", inner):
        left, right = inner[:m.start()], inner[m.end():]
        if _PLAN_END.search(left) and _PLAN_END.search(right):
            return [left, *_split_plans(right)]
    return [inner]


def _label_of_phrase(phrase: str) -> Label:
    """The class of a phrase an abbreviation is defined for: 部际联席会议 is a body, 智能化改造
    和数字化转型 (no organisation ending) a programme."""
    return next((label for ending, label in name_endings()
                 if label is not Label.EVENT and phrase.endswith(ending)), Label.PROGRAMME)


def resolve_abbreviations(passage: Passage, mentions: list[Mention]) -> list[Mention]:
    """Map an article's defined short forms (《规划》) to what they abbreviate, in that article."""
    defined: dict[str, tuple[str, Label, bool]] = {}  # short form -> (key, label, is altLabel)
    extra: list[Mention] = []
    for sv in passage.sentences:
        for m in _ABBREVIATION.finditer(sv.text):
            short = m.group(2).strip()
            start, _ = sv.view.span(m.start(), m.end())
            text = passage.doc.text
            # right before it, layout spaces aside: 工业和信息化部\u3000\u3000（以下简称…）
            before = [x for x in mentions if x.end <= start and x.start >= sv.sentence.start
                      and (start - x.end <= 1 or not text[x.end:start].strip())]
            if before:
                target = before[-1]
                defined[short] = (entity_key(target), target.label, m.group(1) != "《")
            elif m.start() >= 2:
                # no named thing before it: the phrase it abbreviates becomes a programme
                s = name_start(sv, m.start(), max_len=20)
                if m.start() - s >= 4:
                    phrase = sv.text[s:m.start()]
                    label = _label_of_phrase(phrase)
                    pm = sv.mention(s, m.start(), label, ABBREVIATION_EXTRACTOR,
                                    canonical=phrase, doc=passage.doc)
                    if any(x.start <= pm.start and pm.end <= x.end for x in mentions):
                        continue  # a named thing is the phrase: it is no name of its own
                    extra.append(pm)
                    defined[short] = (entity_key(pm), label, m.group(1) != "《")
    # later uses of a quoted short form (“智改数转”) name what it abbreviates, in this article
    taken = sorted((m.start, m.end) for m in mentions + extra)
    inside: set[tuple[int, int]] = set()  # shorter names a short form covers: 贵州 in 贵州茅台
    for short, (key, label, is_alias) in defined.items():
        if not is_alias or len(short) < 2:
            continue
        for sv in passage.sentences:
            for hit in re.finditer(re.escape(short), sv.text):
                a, b = sv.view.span(hit.start(), hit.end())
                overlapping = [(ts, te) for ts, te in taken if ts < b and a < te]
                if any(not (a <= ts and te <= b) or (ts, te) == (a, b) for ts, te in overlapping):
                    continue
                inside.update(overlapping)
                taken.append((a, b))
                extra.append(sv.mention(hit.start(), hit.end(), label, ALIAS_EXTRACTOR, key=key,
                                        doc=passage.doc))
    out = []
    prefixed: dict[str, Mention] | None = None
    for m in mentions + extra:
        if (m.start, m.end) in inside and m.extractor != ALIAS_EXTRACTOR:
            continue
        short = normalise(m.name)
        if short in defined and m.extractor not in (ABBREVIATION_EXTRACTOR, ALIAS_EXTRACTOR):
            key, label, is_alias = defined[short]
            out.append(replace(m, key=key, label=label, canonical="",
                               extractor=ABBREVIATION_EXTRACTOR if not is_alias else m.extractor))
            continue
        if m.label is Label.PROGRAMME and m.extractor not in (ABBREVIATION_EXTRACTOR,
                                                              ALIAS_EXTRACTOR):
            if prefixed is None:
                prefixed = _level_prefixed(mentions)
            fuller = _named_in_full_before(m, prefixed)
            if fuller is not None:  # 以中小企业公共服务示范平台为支撑, after 国家中小企业…示范平台
                out.append(replace(m, key=entity_key(fuller), canonical=""))
                continue
        if m.label is Label.PROGRAMME and _GENERIC_PROGRAMME.match(normalise(m.name)):
            # 该《规划》, 本行动计划 with no definition: the plan the article's title names, if its
            # name ends so; else nothing
            plan = _title_programme(passage, mentions, normalise(m.name).lstrip("该本此这"))
            if plan is not None:
                out.append(replace(m, key=entity_key(plan), canonical="",
                                   extractor=ABBREVIATION_EXTRACTOR))
            continue
        out.append(m)
    return sorted(out)


# the level a programme's name may begin with and a later mention leave out
_LEVEL_PREFIX = re.compile(r"^(?:国家级|国家|全国|省级|市级)")


def _level_prefixed(mentions: list[Mention]) -> dict[str, Mention]:
    """The article's programmes named with their level, by their name without it: 中小企业公共
    服务示范平台 -> the mention of 国家中小企业公共服务示范平台 (the first of each)."""
    out: dict[str, Mention] = {}
    for other in mentions:
        if other.label is Label.PROGRAMME:
            full = normalise(other.canonical or other.name)
            level = _LEVEL_PREFIX.match(full)
            if level:
                out.setdefault(full[level.end():], other)
    return out


def _named_in_full_before(m: Mention, prefixed: dict[str, Mention]) -> Mention | None:
    """An earlier programme of the article whose name is this one's with its level before it
    (国家中小企业公共服务示范平台, then 中小企业公共服务示范平台)."""
    other = prefixed.get(normalise(m.canonical or m.name))
    return other if other is not None and other.start < m.start else None


_TRAILING_YEARS = re.compile(r"[（(][^（）()]*\d{4}[^（）()]*[）)]$")


def _title_programme(passage: Passage, mentions: list[Mention], head: str) -> Mention | None:
    """The programme named in the article's title whose name ends in ``head`` (规划)."""
    a = passage.article
    for m in mentions:
        if m.label is Label.PROGRAMME and a.title_start <= m.start < a.title_end \
                and not _GENERIC_PROGRAMME.match(normalise(m.name)):
            name = _TRAILING_YEARS.sub("", normalise(m.canonical or m.name))
            return m if name.endswith(head) else None
    return None


def propagate(passages: list[Passage], mentions: list[Mention],
              named_in_full: Iterable[Mention] = ()) -> list[Mention]:
    """Later bare mentions, in the same document, of names a pattern found (王志刚表示…), and
    the short names of companies the document names in full, also inside a title (《关于对青海
    盐湖能源有限公司…的告知函》, then 盐湖能源全面停止…)."""
    from kg.extractors.base import Gazetteer
    names: dict[str, Mention] = {}
    for m in mentions:
        if m.extractor in GAZETTEER_EXTRACTORS or m.extractor == ABBREVIATION_EXTRACTOR:
            continue
        n = m.name
        if len(n) >= 3 or (m.label is Label.PERSON and len(n) >= 2):
            names.setdefault(n, m)
    for m in [*mentions, *named_in_full]:
        if m.label is Label.COMPANY:
            for form in company_short_forms(m.name):
                names.setdefault(form, m)
    if not names:
        return mentions
    gaz = Gazetteer(names.items(), shared=False)  # this document's names only
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _b in taken]
    places = {(m.start, m.end) for m in mentions if m.label in PLACE_LABELS}
    swallowed: set[tuple[int, int]] = set()
    out = list(mentions)
    for passage in passages:
        for sv in passage.sentences:
            for a, b, proto in gaz.find(sv.text):
                if not aligned(sv, a, b) and proto.label is not Label.PERSON:
                    continue
                s, e = sv.view.span(a, b)
                i = bisect.bisect_right(starts, e) - 1
                # any taken span overlapping [s, e)? spans are disjoint, so look back a little
                overlapping = [t for t in taken[max(0, i - 3):i + 1] if t[0] < e and s < t[1]]
                if overlapping and not (proto.label is Label.COMPANY and all(
                        t in places and s <= t[0] and t[1] <= e for t in overlapping)):
                    continue
                for t in overlapping:  # 大连 in 大连石化: the company's name, not a place
                    swallowed.add(t)
                    taken.remove(t)
                    starts.remove(t[0])
                bisect.insort(taken, (s, e))
                starts.insert(bisect.bisect_left(starts, s), s)
                out.append(sv.mention(a, b, proto.label, PROPAGATED_EXTRACTOR,
                                      canonical=proto.canonical, key=entity_key(proto),
                                      doc=passage.doc))
    return sorted(m for m in out if (m.start, m.end) not in swallowed
                  or m.extractor == PROPAGATED_EXTRACTOR)


_NAMED_AFTER_PLACES = (Label.PROGRAMME, Label.EVENT)


def place_written_short(mentions: list[Mention]) -> list[Mention]:
    """A programme or event named after a place in full and, elsewhere in the document, after
    the place's short name is one (《上海市…“十四五”规划》 and a title's 上海…“十四五”规划): the
    short form takes the full one's key. A name without its place is left alone: a national
    plan and a province's own plan of the same name may both be cited."""
    # (label, the name with the place short) -> the key and name of the one with it in full
    full: dict[tuple[Label, str], tuple[str, str]] = {}
    for m in mentions:
        if m.label not in _NAMED_AFTER_PLACES or m.key:
            continue
        name = normalise(m.canonical or m.name)
        places = places_named_in_words(name[:10])
        if not places or places[0][0] != 0 or places[0][1] >= len(name) - 1:
            continue
        end = places[0][1]
        for row in places[0][2]:
            if row.name == name[:end]:
                for short in row.aliases:
                    if len(short) >= 2:
                        full.setdefault((m.label, short + name[end:]),
                                        (entity_key(m), m.canonical or m.name))
    if not full:
        return mentions
    out = []
    for m in mentions:
        named = full.get((m.label, normalise(m.canonical or m.name))) if not m.key else None
        out.append(replace(m, key=named[0], canonical=named[1]) if named is not None else m)
    return out


@functools.cache
def _name_prefixes() -> tuple[tuple[str, str], ...]:
    return tuple((r["full"], r["short"]) for r in table("name_prefixes.tsv"))


# a year or year's batch heading a name: 2021年度国家中小企业公共服务示范平台
_YEAR_HEAD = re.compile(r"\d{4}年度?(?=[\u4e00-\u9fff“])")


def _short_forms(name: str) -> list[str]:
    """Other written forms of an official name: 中国共产党苏州市委员会 -> 中共苏州市委员会; a
    name headed by its year is also named without it (2021年度X -> X)."""
    out = [short + name[len(full):] for full, short in _name_prefixes()
           if name.startswith(full) and len(name) > len(full)]
    year = _YEAR_HEAD.match(name)
    if year and len(name) - year.end() >= 4:
        out.append(name[year.end():])
    return out


def link(mentions: Iterable[Mention]) -> dict[str, Entity]:
    """Entities of a set of mentions, by key, with canonical name and every surface form."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[entity_key(m)].append(m)
    out = {}
    for key, ms in sorted(by_key.items()):
        labels = Counter(m.label for m in ms if m.extractor in GAZETTEER_EXTRACTORS) \
            or Counter(m.label for m in ms)
        label = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0].value))[0][0]
        canonicals = Counter(m.canonical for m in ms if m.canonical)
        name = sorted(canonicals.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0] \
            if canonicals else ms[0].name
        surfaces = sorted(({m.name for m in ms if m.extractor != ABBREVIATION_EXTRACTOR}
                           | set(_short_forms(name))) - {name})
        parent = next((m.parent_key for m in ms if m.parent_key), "")
        out[key] = Entity(key, label, name, tuple(surfaces), parent)
    return out
