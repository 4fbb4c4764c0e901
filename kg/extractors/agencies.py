"""Local party and state bodies: 省工信厅, 江苏省科技厅, 镇江市政府, 苏州市委, and their units.

Owns: the naming patterns of local bodies (``local_agencies.tsv``) resolved against a place
written before them or, for a bare 省/市 prefix, the place the article is about; and sub-units
written after an agency (工信部装备工业一司, 省工信厅中小企业局).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, register
from kg.extractors.gazetteers import (
    foreign_names,
    foreign_owner,
    place_before,
    place_index,
    places_ending,
    starts_with_place,
)
from kg.extractors.names import stop_words, token_spans
from kg.extractors.people import titles
from kg.resources import table
from kg.types import Label, Mention

# a unit inside an agency: 办公厅, 装备工业一司, 中小企业局, 服务体系建设处, a task force (专班)
# (not 部长, not a clause)
# a department (司) is no company (公司, 上司): 国家能源局组织国家管网公司 has no unit
_SUB_UNIT = re.compile(r"办公厅|办公室|研究室|参事室|[\u4e00-\u9fff]{2,10}?[一二三四五六七八九十]?"
                       r"(?:(?<![公上])司|局|处|办公室|研究室|专班)")
_NOT_IN_UNIT = set("的在等将与为是了对于及或并和长")


def _full_name(place_name: str, body: str) -> str:
    if "{place_short}" in body:  # 国家统计局湖南调查总队: the branch is named by the short form
        return body.replace("{place_short}", _short_names().get(place_name, place_name))
    if "{place}" in body:
        return body.replace("{place}", place_name)
    return place_name + body


@functools.cache
def _short_names() -> dict[str, str]:
    """The short form of each Chinese place's name (湖南省 -> 湖南, 深圳市 -> 深圳)."""
    return {row.name: row.aliases[0] for row in place_index().values()
            if row.aliases and row.key[6:].isdigit()}


def sub_unit(sv: SentenceView, end: int) -> int:
    """End of a unit name written right after an agency ending at ``end`` (or ``end``)."""
    m = _SUB_UNIT.match(sv.text, end)
    if not m:
        return end
    unit = m.group()
    joiners = _field_joiners(unit)
    # jieba glues a unit's last character to its head's title: 协调|局局长, 综合|处处长
    head_glued = sv.text.startswith(unit[-1] + "长", m.end())
    # a function character inside a word of the unit's name is the word's: 对外贸易司
    in_words = {ch for s, e, t in token_spans(sv) if end <= s and e <= m.end() and len(t) > 1
                for ch in t} - {"长"}
    if not set(unit) & (_NOT_IN_UNIT - joiners - in_words) \
            and (m.end() in sv.bounds or head_glued) \
            and not _is_word_ending_in_bureau(sv, m.end()) \
            and not any(end <= s and e <= m.end() and t in stop_words() and t not in joiners
                        for s, e, t in token_spans(sv)):
        return m.end()  # (商务厅|会同省外汇管理局 is two bodies, not a unit)
    return end


def _field_joiners(unit: str) -> set[str]:
    """和 or 与 joining two fields inside a unit's name (节能与综合利用司, 资源节约和环境保护司);
    none when it opens the name or a body or place follows it (与国家能源局, 和省财政厅)."""
    at = next((i for i, ch in enumerate(unit) if ch in "和与"), -1)
    if at < 2 or unit.count("和") + unit.count("与") > 1:
        return set()
    rest = unit[at + 1:]
    if rest.startswith(("国家", "中国", "省", "市", "县", "区")) or starts_with_place(rest):
        return set()
    return {unit[at]}


# words that end in 局, 厅 or 委 and name no body: 大局, 统揽全局, 布局, 大厅, 原委
_NOT_BUREAU = {"局": set("全大新格布结开当政时骗僵棋饭困变残终赌败胜危迷乱定出平入破"),
               "厅": set("客餐大展门舞"), "委": set("原")}


def _is_word_ending_in_bureau(sv: SentenceView, end: int) -> bool:
    """Whether the name ending at ``end`` ends in a word like 大局 or 大厅 rather than a body's
    ending (公安局, 矿务局, 工信厅)."""
    text = sv.text
    return end >= 2 and text[end - 2] in _NOT_BUREAU.get(text[end - 1], ())


PARTY_COMMITTEE = "中国共产党{place}委员会"  # the form the table gives a bare 委 (苏州市委)


@register("pattern.local_agency", labels={Label.AGENCY, Label.ORGANIZATION})
def make_local_agency_extractor(name: str):
    """Local bodies resolved to their full official names.

    省工信厅中小企业局 (in a Jiangsu article) -> 江苏省工业和信息化厅中小企业局;
    镇江市政府 -> 镇江市人民政府; 苏州市委 -> 中国共产党苏州市委员会.
    """
    rows = table("local_agencies.tsv")
    gaz = Gazetteer((r["short"], r["full"]) for r in rows)
    label_of = {r["full"]: Label(r["type"]) for r in rows}  # 省贸促会 is no government body

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            ends = places_ending(passage, sv)
            hits = list(gaz.find(sv.text))
            yield from _unlisted_bodies(passage, sv, ends, {a for a, _b, _f in hits}, name)
            for a, b, full in hits:
                found = place_before(passage, sv, ends, a)
                abroad = foreign_owner(sv, a, b, foreign_names())
                if abroad is not None:  # 日本政府: no Chinese official form applies
                    if full == PARTY_COMMITTEE:
                        continue
                    start, canonical = abroad, sv.text[abroad:b]
                elif found is None or (full == PARTY_COMMITTEE and b - a != 1):
                    continue
                else:
                    start = found[1]
                    canonical = _full_name(found[0], str(full))
                parent = ""
                end = sub_unit(sv, b)
                if end > b:
                    parent = f"org:{canonical}"
                    canonical += sv.text[b:end]
                label = label_of.get(str(full), Label.AGENCY) if end == b else Label.AGENCY
                yield sv.mention(start, end, label, name, canonical=canonical,
                                 key=f"org:{canonical}", parent_key=parent, doc=passage.doc)
    return extract


# a body named after its place though not in the table: 长沙市岳麓区房产管理局, 成都市中级人民法院
_BODY = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:管理局|局|厅|委员会|委|办公室|人民法院|人民检察院|法院|检察院)")


_CONJUNCTION_WORDS = frozenset({"和", "与", "及", "及其", "或"})


def _unlisted_bodies(passage: Passage, sv: SentenceView, ends: dict[int, Mention],
                     listed: set[int], name: str) -> Iterator[Mention]:
    """Bodies a named place is followed by, written in full (the table's forms are resolved
    by the caller): the name's words must all be name words and end on a word boundary."""
    text = sv.text
    for e, place in ends.items():
        m = _BODY.match(text, e)
        if not m or e in listed or (m.end() < len(text) and m.end() not in sv.bounds
                                    and text[m.end()] not in "（(，。、；：”"):
            continue
        # the words of the body's name (one may begin with the place: 广州市中级人民法院)
        words = [t for s, te, t in token_spans(sv) if s < m.end() and te > e]
        if place.label is Label.COUNTRY or not words \
                or any(t in stop_words() or t in _CONJUNCTION_WORDS or not t.strip() for t in words):
            continue  # 镇江市将加快…局: a clause, not a name; 中国 has its bodies in the table
        if _is_word_ending_in_bureau(sv, m.end()):
            continue
        row = place_index().get(place.key)
        start = sv.view.offsets.index(place.start)
        canonical = (row.name if row else text[start:e]) + text[e:m.end()]
        yield sv.mention(start, m.end(), Label.AGENCY, name, canonical=canonical,
                         key=f"org:{canonical}", doc=passage.doc)


@register("pattern.agency_unit", labels={Label.AGENCY})
def make_agency_unit_extractor(name: str):
    """Units of central agencies: 工信部装备工业一司司长 -> 工信部装备工业一司 (工业和信息化部装备工业一司)."""
    from kg.extractors.gazetteers import agency_rows
    # 民航: a short form that names its body only before a unit (民航湖南监管局)
    unit_only = {r["prefix"]: r["body"] for r in table("unit_prefixes.tsv")}
    gaz = Gazetteer([(s, canonical) for _k, label, canonical, aliases in agency_rows()
                     if label is Label.AGENCY for s in {canonical, *aliases}]
                    + list(unit_only.items()))

    before_titles = titles()[0]

    def _titled(text: str, at: int) -> bool:
        """Whether a post's title begins at ``at``."""
        return any(t[0] == 0 for t in before_titles.find(text[at:at + 8]))

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            found = gaz.find(sv.text)
            for i, (a, b, canonical) in enumerate(found):
                end = sub_unit(sv, b)
                if end > b:
                    # a unit of a short form is known by the form written (民航湖南监管局)
                    full = sv.text[a:end] if sv.text[a:b] in unit_only \
                        else str(canonical) + sv.text[b:end]
                    yield sv.mention(a, end, Label.AGENCY, name, canonical=full,
                                     key=f"org:{full}", parent_key=f"org:{canonical}",
                                     doc=passage.doc)
                # 工信部新闻发言人、中小企业局局长 (or 发展规划司副司长…、电力司副司长…): a unit
                # heading the next title of a speaker's list is the same agency's
                if sv.text[a:b] in unit_only or not _titled(sv.text, end):
                    continue
                # …新闻发言人、总工程师赵志国，消费品工业司司长何亚琼: so is a unit heading a
                # later speaker's title, until another agency is named
                stop = found[i + 1][0] if i + 1 < len(found) else len(sv.text)
                for sep in _SPEAKER_SEP.finditer(sv.text, end, min(stop, end + _SPEAKERS_SPAN)):
                    at = sep.end()
                    if at >= stop:
                        break  # another agency's own unit: 财政部经济建设司
                    end = sub_unit(sv, at)
                    if end > at and _titled(sv.text, end) and sv.text[at] not in _LOCAL \
                            and not starts_with_place(sv.text[at:end]):  # 市公安局: a city's
                        full = str(canonical) + sv.text[at:end]
                        yield sv.mention(at, end, Label.AGENCY, name, canonical=full,
                                         key=f"org:{full}", parent_key=f"org:{canonical}",
                                         doc=passage.doc)
    return extract


# speakers listed after an agency's title: 、 or ， before the next one
_SPEAKER_SEP = re.compile(r"[、，]")
_SPEAKERS_SPAN = 60
_LOCAL = frozenset("省市县区州盟乡镇")
