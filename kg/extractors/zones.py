"""Development zones named after their city: 苏州高新区 -> 苏州高新技术产业开发区 (District).

Owns: a kind of zone (``zone_types.tsv``) written right after the name of a city or district,
resolved to the gazetteer's zone when it has one (长春高新技术产业开发区) and otherwise named in
full with the city as its parent. A bare 高新区 opening a clause is the zone of that kind the
article named before; elsewhere (国家级高新区) it is a kind, not a zone. Pilot free trade zones
are districts of their province, state-level new areas (``new_areas.tsv``) and national zones
named by name (``national_zones.tsv``: 前海, 中关村科技园区) of the place that hosts them.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, register, short_aligned
from kg.extractors.gazetteers import SHORT, place_index
from kg.resources import PlaceRow, places, split_aliases, table
from kg.types import Label, Mention

_AFTER_NAME = set("（(，。、；：”和与及")
_CLAUSE_OPENERS = set("，。；：、“（")


_MUNICIPALITIES = ("place:110000", "place:120000", "place:310000", "place:500000")


@functools.cache
def _zone_types() -> Gazetteer:
    return Gazetteer((r["written"], r["full"]) for r in table("zone_types.tsv"))


@functools.cache
def _owners() -> tuple[dict[str, PlaceRow], dict[str, PlaceRow]]:
    """Cities and districts by each of their names (names shared by two places are left out),
    and every place by its full name."""
    by_name: dict[str, list[PlaceRow]] = {}
    for p in places():
        if p.type in ("City", "District") or p.key in _MUNICIPALITIES:
            for n in {p.name, *p.aliases}:
                if len(n) >= 2:
                    by_name.setdefault(n, []).append(p)
    unique = {n: rows[0] for n, rows in by_name.items() if len(rows) == 1}
    return unique, {p.name: p for p in places()}


def _short(name: str) -> str:
    """苏州市 -> 苏州: zones are named with the city's short name."""
    return name[:-1] if len(name) > 2 and name[-1] in "市区县" else name


@register("pattern.zone", labels={Label.DISTRICT, Label.AGENCY})
def make_zone_extractor(name: str):
    """Zones after a city: 全国首场…大赛在苏州高新区开幕 -> 苏州高新技术产业开发区 (District, in 苏州市);
    pilot free trade zones and state-level new areas (雄安新区 -> 河北雄安新区, in 河北省)."""
    kinds = _zone_types()
    owners, by_full_name = _owners()
    new_areas = _new_areas()

    def extract(passage: Passage) -> Iterator[Mention]:
        named: dict[str, tuple[str, str, str]] = {}  # kind -> the article's last zone of it
        named_by_name: dict[str, tuple[str, str, str]] = {}  # 新站高新区 -> 合肥新站…开发区
        for sv in passage.sentences:
            text = sv.text
            by_name = new_areas.find(text, lambda a, b: short_aligned(sv, a, b, SHORT))
            for a, b, full in kinds.find(text):
                if b < len(text) and b not in sv.bounds and text[b] not in _AFTER_NAME:
                    continue
                if any(za <= a and b <= zb for za, zb, _z in by_name):
                    continue  # 东湖高新区 is the zone the table names, not 东湖区's
                middle = ""
                for n in (4, 3, 2, 5):
                    start = a - n
                    owner = owners.get(text[start:a]) if start >= 0 else None
                    if owner is not None and (start == 0 or start in sv.bounds):
                        break
                else:
                    informal = next((k for k in (2, 3) if text[a - k:b] in named_by_name), 0)
                    if informal:  # 新站高新区 after 合肥新站高新区: the zone named before
                        zone, key, parent = named_by_name[text[a - informal:b]]
                        yield sv.mention(a - informal, b, Label.DISTRICT, name, canonical=zone,
                                         key=key, parent_key=parent, doc=passage.doc)
                        yield from _committee(passage, sv, a - informal, b, zone, key, name)
                        continue
                    start, owner, middle = _owner_and_informal_name(sv, a, owners)
                    if owner is None:
                        start, owner, middle = _informal_name_of_own_city(passage, sv, a)
                    if owner is None:
                        # 截至目前，高新区先后引进…: a bare kind opening a clause is the zone of
                        # that kind the article named last (国家级高新区 stays a kind)
                        if str(full) in named and (a == 0 or text[a - 1] in _CLAUSE_OPENERS):
                            zone, key, parent = named[str(full)]
                            yield sv.mention(a, b, Label.DISTRICT, name, canonical=zone,
                                             key=key, parent_key=parent, doc=passage.doc)
                        continue
                canonical = _short(owner.name) + middle + str(full)
                known = by_full_name.get(canonical)
                if known is not None:
                    zone, key, parent = known.name, known.key, known.parent_key
                else:
                    zone, key, parent = canonical, f"{owner.key}/{canonical}", owner.key
                named[str(full)] = (zone, key, parent)
                if middle:
                    named_by_name[middle + text[a:b]] = (zone, key, parent)
                yield sv.mention(start, b, Label.DISTRICT, name, canonical=zone, key=key,
                                 parent_key=parent, doc=passage.doc)
                yield from _committee(passage, sv, start, b, zone, key, name)
            yield from _free_trade_zones(passage, sv, name)
            for a, b, (key, zone, parent) in by_name:
                yield sv.mention(a, b, Label.DISTRICT, name, canonical=zone, key=key,
                                 parent_key=parent, doc=passage.doc)
    return extract


# the committees that run a zone, as written after its name
_COMMITTEES = ("管理委员会", "管委会", "党工委")


def _committee(passage: Passage, sv: SentenceView, start: int, end: int, zone: str, key: str,
               name: str) -> Iterator[Mention]:
    """The zone's committee written right after its name, named after the zone in full
    (稀土高新区管委会 in a 包头 notice -> 包头稀土高新技术产业开发区管委会): an agency in the zone,
    whose key it carries as its place."""
    written = next((w for w in _COMMITTEES if sv.text.startswith(w, end)), None)
    if written is None:
        return
    stop = end + len(written)
    if stop < len(sv.text) and stop not in sv.bounds and sv.text[stop] not in _AFTER_NAME:
        return
    yield sv.mention(start, stop, Label.AGENCY, name, canonical=zone + written,
                     key=f"org:{zone}{written}", parent_key=key, doc=passage.doc)


def _informal_names(sv: SentenceView, a: int) -> Iterator[int]:
    """Lengths of the names a zone may have of its own right before its kind at ``a`` (新站|
    高新区): one or two words that are neither a place, a verb, a function word nor generic
    (国家级|高新区, 各|开发区)."""
    from kg.extractors.names import generic_words, is_predicate, token_spans
    owners, _by_full_name = _owners()
    for k in (2, 3):
        if a - k not in sv.bounds:
            continue
        words = [t for s, e, t in token_spans(sv) if a - k <= s and e <= a]
        name = sv.text[a - k:a]
        if words and _CJK_NAME.fullmatch(name) and name not in owners and not any(
                is_predicate(t) or t in generic_words() or _LEVEL.match(t) for t in words):
            yield k


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]+")
# a level or a quantifier before a kind of zone makes it a class of zones
_LEVEL = re.compile(r"[国省市县区部]级|[各该本全每多两三四五六七八九十百千\d]")


def _informal_name_of_own_city(passage: Passage, sv: SentenceView, a: int
                               ) -> tuple[int, PlaceRow | None, str]:
    """(start, city, name) of a zone a city's own text names without the city (稀土|高新区 in
    a text about 包头市); (a, None, "") if the text is about no city."""
    city = _own_city(passage)
    if city is None:
        return a, None, ""
    from kg.extractors.names import is_predicate, token_spans
    k = next(_informal_names(sv, a), 0)
    before = next((t for _s, e, t in token_spans(sv) if e == a - k), "")
    if not k or not (a - k == 0 or before in _CLAUSE_OPENERS | {"、", "和", "与", "及"}
                     or is_predicate(before)):
        return a, None, ""  # 加快|新站高新区, 、|稀土高新区; not 城市|副中心…
    return a - k, city, sv.text[a - k:a]


def _own_city(passage: Passage) -> PlaceRow | None:
    """The city a text is its own: the article's city when its title names it (包头市人民政府
    办公室关于…) or it speaks of 全市, 我市; None for a national text that names cities."""
    cached = passage.cache.get("own_city", False)
    if cached is not False:
        return cached
    row = place_index().get(passage.context.get("city", ""))
    if row is not None and not (any(n in passage.article.title for n in (row.name, *row.aliases))
                                or any(_OWN_CITY.search(sv.text) for sv in passage.sentences)):
        row = None
    passage.cache["own_city"] = row
    return row


_OWN_CITY = re.compile(r"[全我本]市")


def _owner_and_informal_name(sv: SentenceView, a: int, owners: dict[str, PlaceRow]
                             ) -> tuple[int, PlaceRow | None, str]:
    """(start, city, name) of a zone a city names with a name of its own before the kind
    (合肥|新站|高新区, 宁波|杭州湾|经开区); (a, None, "") if there is none."""
    text = sv.text
    for k in _informal_names(sv, a):
        for n in (3, 2, 4):
            start = a - k - n
            owner = owners.get(text[start:a - k]) if start >= 0 else None
            if owner is not None and (owner.type == "City" or owner.key in _MUNICIPALITIES) \
                    and (start == 0 or start in sv.bounds):
                return start, owner, text[a - k:a]
    return a, None, ""


@functools.cache
def _new_areas() -> Gazetteer:
    """State-level new areas and national zones by every name (雄安新区 -> 河北雄安新区, in
    河北省; 前海 -> 前海深港现代服务业合作区, in 深圳市)."""
    _unique, by_full_name = _owners()
    by_code = place_index()
    rows = [(r, by_full_name[r["parent"]]) for r in table("new_areas.tsv")] + \
        [(r, by_code[f"place:{r['parent']}"]) for r in table("national_zones.tsv")]
    entries = []
    for r, parent in rows:
        value = (f"{parent.key}/{r['name']}", r["name"], parent.key)
        entries += [(n, value) for n in (r["name"], *split_aliases(r["aliases"]))]
    return Gazetteer(entries)


# a pilot free trade zone, named for its province: 中国（湖南）自由贸易试验区, 海南自贸试验区
_FULL_FREE_TRADE_ZONE = re.compile(r"中国[（(]([\u4e00-\u9fff]{2,3})[）)]自由贸易试验区")
_FREE_TRADE_ZONE = re.compile(r"自由贸易试验区|自贸试验区|自贸区")


@functools.cache
def _provinces() -> dict[str, tuple[str, PlaceRow]]:
    """Provinces by each of their names, with the short name a free trade zone is named by."""
    out = {}
    for p in places():
        if p.type == "Province" and p.key[6:].isdigit():
            names = [n for n in (p.name, *p.aliases) if len(n) >= 2]
            short = min(names, key=len)
            for n in names:
                out[n] = (short, p)
    return out


def _free_trade_zones(passage: Passage, sv: SentenceView, name: str) -> Iterator[Mention]:
    provinces = _provinces()
    text = sv.text
    spans = [(m.start(), m.end(), provinces.get(m.group(1)))
             for m in _FULL_FREE_TRADE_ZONE.finditer(text)]
    for m in _FREE_TRADE_ZONE.finditer(text):
        if any(a <= m.start() < b for a, b, _p in spans):
            continue
        # the province's name right before it (海南自贸试验区; 中日韩自贸区 is none)
        start = next((m.start() - n for n in (3, 2) if m.start() - n in sv.bounds
                      and text[m.start() - n:m.start()] in provinces), None)
        if start is not None:
            spans.append((start, m.end(), provinces[text[start:m.start()]]))
    for start, end, found in spans:
        if found is None:
            continue
        short, province = found
        zone = f"中国（{short}）自由贸易试验区"
        yield sv.mention(start, end, Label.DISTRICT, name, canonical=zone,
                         key=f"{province.key}/{zone}", parent_key=province.key, doc=passage.doc)
