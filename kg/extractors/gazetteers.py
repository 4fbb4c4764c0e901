"""Gazetteer extractors: places, central agencies, media outlets, well-known companies and
recurring fairs and games.

Owns: matching the packaged name tables in the clean view of each sentence. Short forms (two
characters, 江苏, 工信部) must fall on jieba token boundaries, so 其中国家级 yields no 中国 and
常州市科技部门 no 科技部. Ambiguous place names are resolved by the other places of the document.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, aligned, register, short_aligned
from kg.extractors.names import (
    common_words,
    is_predicate,
    name_verbs,
    stop_words,
    token_spans,
    tokens_within,
)
from kg.resources import PlaceRow, places, split_aliases, table
from kg.segment import word_frequency
from kg.types import Label, Mention

SHORT = 3  # surfaces this long or shorter must align with jieba tokens
CHINA = "place:100000"
_LEVEL = {"Country": 0, "Province": 1, "City": 2, "District": 3}
# the article context a place class fills, and the level a bare 省/市/区/县 refers to
CONTEXT_LEVEL = {"Province": "province", "City": "city", "District": "district"}
LEVEL_OF_CHAR = {"省": "province", "市": "city", "州": "city", "区": "district", "县": "district"}


@functools.cache
def place_index() -> dict[str, PlaceRow]:
    """Every place by key."""
    return {p.key: p for p in places()}


def ancestors(key: str) -> list[str]:
    """The keys of a place's parents, nearest first."""
    index, out = place_index(), []
    while key in index and index[key].parent_key and len(out) < 5 \
            and index[key].parent_key != key:
        key = index[key].parent_key
        out.append(key)
    return out


@functools.cache
def _place_gazetteer() -> Gazetteer:
    entries: dict[str, list[PlaceRow]] = {}
    for p in places():
        surfaces = {p.name}
        # short names of districts and county-level cities are common words (江山, 城区): skip
        if p.type in ("Country", "Province") or (p.type == "City" and p.key.endswith("00")):
            surfaces |= set(p.aliases)
        elif p.type == "District":  # written with their level: 关岭县 (an autonomous county)
            surfaces |= {a for a in p.aliases if a.endswith(("县", "旗")) and len(a) >= 3}
        elif p.key.startswith("place:") and "/" in p.key:  # foreign regions: 北威州
            surfaces |= set(p.aliases)
        if p.type == "Country" and p.key != CHINA:
            surfaces |= {a for a in p.aliases}
        for s in surfaces:
            if len(s) >= 2:
                entries.setdefault(s, []).append(p)
    return Gazetteer((s, tuple(rows)) for s, rows in entries.items())


def _choose(rows: tuple[PlaceRow, ...], context: set[str]) -> PlaceRow | None:
    if len(rows) == 1:
        return rows[0]
    in_context = [r for r in rows if r.key in context or set(ancestors(r.key)) & context]
    if len(in_context) == 1:
        return in_context[0]
    ranked = sorted(in_context or rows, key=lambda r: _LEVEL.get(r.type, 9))
    if len(ranked) > 1 and _LEVEL.get(ranked[0].type) == _LEVEL.get(ranked[1].type):
        return None  # two places of one level and one name, nothing to tell them apart
    return ranked[0]


def find_places(passage: Passage, name: str) -> list[Mention]:
    """Place mentions of a passage (shared with the local-agency extractor and the place
    context; computed once per passage)."""
    key = f"places:{name}"
    if key not in passage.cache:
        passage.cache[key] = list(_find_places(passage, name))
    return passage.cache[key]  # type: ignore[return-value]


def places_named_in(words: str, context: set[str]) -> list[PlaceRow]:
    """The places a name contains, in order, each resolved by the places of its document
    (常州凯达重工科技有限公司 -> [常州市])."""
    rows = (_choose(found, context) for _a, _b, found in _place_gazetteer().find(words))
    return [r for r in rows if r is not None]


def local_place_at_start(passage: Passage, words: str) -> PlaceRow | None:
    """The district or county-level city whose short name begins ``words`` (霞浦|时代…公司),
    when the article names that place in full (在霞浦县…): short names are common words too,
    so only the article can pin one."""
    named = {m.key for m in find_places(passage, "gazetteer.place")}
    for a, b, rows in _short_form_gazetteer().find(words):
        if a == 0:
            pinned = [r for r in rows if r.key in named]
            if len(pinned) == 1:
                return pinned[0]
    return None


def places_named_in_words(words: str) -> list[tuple[int, int, tuple[PlaceRow, ...]]]:
    """The place names matched in ``words`` (start, end, the places of that name)."""
    return list(_place_gazetteer().find(words))


def starts_with_place(words: str) -> bool:
    """Whether ``words`` begin with the name (or a short form) of a place or of a region of
    national strategy: 深圳数据交易所, 成渝地区双城经济圈科技创新中心."""
    return any(a == 0 for a, _b, _rows in _place_gazetteer().find(words)) \
        or any(a == 0 for a, _b, _v in _regions().find(words))


@functools.cache
def _regions() -> Gazetteer:
    """Regions of national strategy by every name (regions.tsv): no places of the graph, but
    a name may begin at one as at a place."""
    return Gazetteer((n, r["name"]) for r in table("regions.tsv")
                     for n in (r["name"], *split_aliases(r.get("aliases", ""))))


# nouns of planning that policy text writes as verbs before what is planned (规划|建设|…中心)
_PLANNING_VERBS = frozenset({"规划", "谋划", "筹划", "布局"})


def after_verb_before_place(sv: SentenceView, start: int, core_start: int) -> int:
    """Where a name starts once the verbs before a place are left out: 建设|深圳|数据交易所 ->
    深圳数据交易所 (建设银行 keeps its 建设: no place follows it)."""
    spans = tokens_within(sv, start, core_start)
    verbs = 0
    while verbs < len(spans) - 1 and (spans[verbs][2] in name_verbs()
                                      or is_predicate(spans[verbs][2])
                                      or spans[verbs][2] in _PLANNING_VERBS):
        verbs += 1
    if verbs and starts_with_place(sv.text[spans[verbs][0]:core_start]):
        return spans[verbs][0]
    return start


def is_place_name(words: str) -> bool:
    """Whether ``words`` are exactly the name (or a short form) of one place: 日本, 江苏省."""
    return any(a == 0 and b == len(words) for a, b, _rows in _place_gazetteer().find(words))


def places_ending(passage: Passage, sv: SentenceView) -> dict[int, Mention]:
    """The place mentions of a sentence by the clean-view offset just past each."""
    cached = passage.cache.get("places:sorted")
    if cached is None:
        ordered = sorted(find_places(passage, "gazetteer.place"))
        cached = passage.cache["places:sorted"] = (ordered, [m.start for m in ordered])
    places, starts = cached  # type: ignore[misc]
    ends = {}
    lo = bisect.bisect_left(starts, sv.sentence.start)
    hi = bisect.bisect_left(starts, sv.sentence.end)
    for m in places[lo:hi]:
        try:
            ends[sv.view.offsets.index(m.end - 1) + 1] = m
        except ValueError:
            continue
    return ends


# characters that may stand glued before a bare 省/市 (全省, 由省工信厅)
_BEFORE_BARE_LEVEL = frozenset("全我本该各由在对与和及将向从为，、")


def place_before(passage: Passage, sv: SentenceView, ends: dict[int, Mention],
                 at: int) -> tuple[str, int] | None:
    """The full name of the place a name at ``at`` begins with, and where that place starts.

    镇江市|政府 -> 镇江市; 省|工信厅 or 省|第十四次党代会 in an article about Jiangsu -> 江苏省
    (a bare 省/市/区/县 is the article's place of that level: standing alone, as in 贯彻落实|省|第十四次
    党代会, or after a word no name contains, as in 上报|市委); None when there is no such place.
    """
    text = sv.text
    if at in ends:
        pm = ends[at]
        if pm.label is Label.COUNTRY:
            return None  # 全国政府性债务, 我国政府: a local body's name needs a province or below
        row = place_index().get(pm.key)
        start = sv.view.offsets.index(pm.start) if pm.start in sv.view.offsets else at
        return (row.name if row else pm.canonical), start
    if at > 0 and text[at - 1] in LEVEL_OF_CHAR:
        row = place_index().get(passage.context.get(LEVEL_OF_CHAR[text[at - 1]], ""))
        if row is None:
            return None
        starts_token = at - 1 in sv.bounds
        if _LEVELS_LISTED.search(text, 0, at - 1) or any(
                e == at - 1 and t in _DISTRIBUTIVE for _s, e, t in token_spans(sv)):
            # 各市人民政府, 各旗、县、区人民政府, 相关市人民政府: the bodies of every city (or
            # of any), not the article's city's
            return None
        if level_begins_word(sv, at - 1):
            return None  # 区域, 市场: the level character begins a word of its own
        alone = starts_token and (at in sv.bounds or _after_stop_word(sv, at - 1)
                                  and _bare_level_body(sv, at - 1))
        if at > 1 and re.match(r"[\u4e00-\u9fff]", text[at - 2]) and not alone \
                and text[at - 2] not in _BEFORE_BARE_LEVEL:
            return None  # 某某省 without a known place: not a bare prefix
        return row.name, at - 1
    return None


# 各 or 每 before a bare level, or before levels listed (各旗、县、区): every one of them
# (各设区市, 各地级市, 各县级市: every city of a kind)
_LEVELS_LISTED = re.compile(r"[各每](?:设区|地级|县级|副省级)?(?:[省市县区旗乡镇]、?)*$")
# words before a bare 省/市/县/区 that make it any or every one of that level
_DISTRIBUTIVE = frozenset({"相关", "有关", "所在", "其他", "其余", "沿线", "试点"})


def _after_stop_word(sv: SentenceView, at: int) -> bool:
    """Whether the token before ``at`` is a word no name contains: 上报|市委 (the bare 市 starts
    a name), unlike 某某|省 (a place nobody knows)."""
    return any(e == at and t in stop_words() for _s, e, t in token_spans(sv))


def _token_at(sv: SentenceView, at: int) -> str:
    """The jieba token that starts at ``at`` ("" if none does)."""
    return next((t for s, _e, t in token_spans(sv) if s == at), "")


def _bare_level_body(sv: SentenceView, at: int) -> bool:
    """Whether the token at ``at`` is a level character and a local body's short name: 市委,
    省委常委 (not 区域, whose 区 is no district)."""
    rest = _token_at(sv, at)[1:]
    return bool(rest) and rest.startswith(_local_body_names())


def level_begins_word(sv: SentenceView, at: int) -> bool:
    """Whether the level character at ``at`` begins a word of jieba's dictionary rather than
    standing for the article's place: 区域, 县域, 市场 (but not 市委, 省委常委)."""
    return at in sv.bounds and at + 1 not in sv.bounds \
        and word_frequency(_token_at(sv, at)) > 0 and not _bare_level_body(sv, at)


@functools.cache
def _local_body_names() -> tuple[str, ...]:
    return tuple(r["short"] for r in table("local_agencies.tsv"))


def _find_places(passage: Passage, name: str) -> Iterator[Mention]:
    gaz = _place_gazetteer()
    hits = []
    for sv in passage.sentences:
        for a, b, rows in gaz.find(sv.text, lambda a, b: short_aligned(sv, a, b, SHORT)
                                   or _in_run_of_places(sv, a, b)):
            hits.append((sv, a, b, rows))
    words = common_words()
    context = {rows[0].key for sv, a, b, rows in hits
               if len(rows) == 1 and sv.text[a:b] not in words}
    # every place is in China: only the places below it tell two namesakes apart
    context |= {k for key in list(context) for k in ancestors(key) if k != CHINA}
    chosen = []
    for sv, a, b, rows in hits:
        row = _choose(rows, context)
        if row is None:
            continue
        if row.type == "District" and sv.text[a:b] in words \
                and not set(ancestors(row.key)) - {CHINA} & context:
            continue  # 矿区一切活动: a district named by a common word needs its city around
        chosen.append((sv, a, b, row))
    chosen += _local_short_forms(passage, chosen, [(sv, a, b) for sv, a, b, _r in hits])
    for sv, a, b, row in chosen:
        yield sv.mention(a, b, Label(row.type), name, canonical=row.name, key=row.key,
                         parent_key=row.parent_key, doc=passage.doc)


def _in_run_of_places(sv: SentenceView, start: int, end: int) -> bool:
    """Whether a short name lies in a token that is nothing but names of Chinese places: 辽宁沈阳,
    one token for jieba, is 辽宁 and 沈阳 (捷克斯洛伐克 is no 捷克)."""
    token = next(((s, e) for s, e, _t in token_spans(sv) if s <= start and end <= e), None)
    if token is None or token == (start, end):
        return False
    return _all_places(sv.text[token[0]:token[1]])


@functools.lru_cache(maxsize=4096)
def _all_places(word: str) -> bool:
    pos = 0
    for a, b, rows in _place_gazetteer().find(word):
        if a != pos or not all(r.key[6:].isdigit() for r in rows):
            return False
        pos = b
    return pos == len(word)


@functools.cache
def _short_form_gazetteer() -> Gazetteer:
    """Short names of districts and county-level cities (浦东, 嘉定, 琼海): common words too, so
    they are names only where the article gives them their place (see _local_short_forms)."""
    entries: dict[str, list[PlaceRow]] = {}
    for p in places():
        if p.type == "District" or (p.type == "City" and not p.key.endswith("00")):
            for a in p.aliases:
                if len(a) >= 2:
                    entries.setdefault(a, []).append(p)
    return Gazetteer((s, tuple(rows)) for s, rows in entries.items())


def _local_short_forms(passage: Passage, found: list, spans: list) -> list:
    """Short names of districts and county-level cities that the article pins down: written right
    after a place they belong to (上海嘉定, 宁德蕉城) or after 县级市, or named in full elsewhere in
    the article (浦东新区 … 看浦东)."""
    named = {row.key for _sv, _a, _b, row in found}
    by_end = {(id(sv), b): row for sv, _a, b, row in found}
    taken: dict[int, list[tuple[int, int]]] = {id(sv): [] for sv in passage.sentences}
    for sv, a, b in spans:  # every name matched, resolved or not (武汉市青山区: no 青山)
        taken[id(sv)].append((a, b))
    around = named | {k for key in named for k in ancestors(key)}
    out = []
    for sv in passage.sentences:
        listed: dict[str, list] = {}  # parent key -> short names listed in this sentence
        for a, b, rows in _short_form_gazetteer().find(sv.text):
            if any(s < b and a < e for s, e in taken[id(sv)]):
                continue
            before = by_end.get((id(sv), a))
            # the place written before pins a short name when it is a province or a city (鹤岗|
            # 东山 is 东山区; 中国|友好观光年, 全国|新建铁路 name no district)
            pinned = [r for r in rows if r.key in named
                      or (before is not None and before.type != "Country"
                          and before.key in ancestors(r.key))
                      or (sv.text[max(0, a - 3):a] == "县级市" and r.type == "City")]
            # alignment last: it needs the sentence's tokens, most hits are pinned by nothing
            if len(pinned) == 1 and (aligned(sv, a, b) or _in_run_of_places(sv, a, b)):
                out.append((sv, a, b, pinned[0]))
            elif not pinned and _in_list(sv.text, a, b) and sv.text[a:b] not in common_words() \
                    and sv.text[a:b] not in _zone_kinds():  # 经开区、高新区 are kinds
                for r in rows:
                    if r.parent_key in around:
                        listed.setdefault(r.parent_key, []).append((sv, a, b, r))
        # 温州…围绕鹿城、瑞安、乐清、永嘉等: short names listed together under a place the
        # article names are its parts (one alone could be a word)
        for parent, hits in listed.items():
            names = {sv.text[a:b] for _sv, a, b, _r in hits}
            siblings = len(names) + sum(1 for f in found if f[0] is sv and f[3].parent_key == parent)
            if siblings >= 2 and len({(a, b) for _sv, a, b, _r in hits}) == len(hits):
                out.extend(h for h in hits if aligned(sv, h[1], h[2]))
    return out


@functools.cache
def _zone_kinds() -> frozenset[str]:
    return frozenset(r["written"] for r in table("zone_types.tsv"))


_BRACKETS = "（）()“”"


def _in_list(text: str, start: int, end: int) -> bool:
    """Whether a name is an item of a list (、 before or after it, brackets aside)."""
    i = start - 1
    while i >= 0 and text[i] in _BRACKETS:
        i -= 1
    j = end
    while j < len(text) and text[j] in _BRACKETS:
        j += 1
    if (i >= 0 and text[i] == "、") or (j < len(text) and text[j] == "、"):
        return True
    # a name glossing an item of a list in brackets: 西（儋州）、…、中（琼中）
    if start > 0 and text[start - 1] in "（(" and j < len(text) and text[j - 1] in "）)":
        k = start - 2
        while k >= 0 and start - 2 - k < _GLOSSED_ITEM and text[k] not in "、，。；：（）()":
            k -= 1
        return k >= 0 and text[k] == "、" and k < start - 2
    return False


_GLOSSED_ITEM = 4  # characters of a list's item a bracketed name may gloss


@register("gazetteer.place", labels={Label.COUNTRY, Label.PROVINCE, Label.CITY, Label.DISTRICT})
def make_place_extractor(name: str):
    """Places of China and abroad.

    江苏省工业和信息化厅 … 南京 -> 南京 (City, 南京市, place:320100); 其中国家级 -> nothing.
    """
    _place_gazetteer()
    _short_form_gazetteer()

    def extract(passage: Passage) -> Iterator[Mention]:
        yield from find_places(passage, name)
    return extract


def _table_gazetteer(rows: list[tuple[str, Label, str, tuple[str, ...]]]) -> Gazetteer:
    entries = []
    for key, label, canonical, aliases in rows:
        for s in {canonical, *aliases}:
            entries.append((s, (key, label, canonical)))
    return Gazetteer(entries)


def _make_table_extractor(name: str, gaz: Gazetteer):
    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            for a, b, (key, label, canonical) in gaz.find(
                    sv.text, lambda a, b: short_aligned(sv, a, b, SHORT)):
                if label is Label.COMPANY:
                    if _NUMBER_BEFORE.search(sv.text, max(0, a - 6), a):
                        continue  # 12毫西门子, 45特斯拉: a unit named after the same person
                    b = _with_cloud(sv.text, b)
                yield sv.mention(a, b, label, name, canonical=canonical, key=key, doc=passage.doc)
    return extract


# a number, with a metric prefix, right before a name: the name is a unit of measure (not a
# year: 2026特斯拉股东大会)
_NUMBER_BEFORE = re.compile(r"(?<![12]\d\d)[\d０-９][毫微纳千兆]?$")


# a firm's cloud business goes by the firm's name and 云 (华为云, 百度智能云); 云计算 after a
# firm's name is the trade, 云服务 what the business sells
_CLOUD = re.compile(r"(?:智能)?云(?!计算)")


def _with_cloud(text: str, end: int) -> int:
    """Where a firm's name ends once its cloud business's 云 is taken in (百度|智能云)."""
    m = _CLOUD.match(text, end)
    return m.end() if m else end


def agency_rows() -> list[tuple[str, Label, str, tuple[str, ...]]]:
    """Central bodies, international organisations, universities and institutes: (key, label,
    official name, short and former names)."""
    return list(_agency_rows())


@functools.cache
def _agency_rows() -> tuple[tuple[str, Label, str, tuple[str, ...]], ...]:
    tables = (("agencies.tsv", None), ("international_organizations.tsv", Label.ORGANIZATION),
              ("research_organizations.tsv", Label.RESEARCH))
    return tuple((f"org:{r['name']}", label or Label(r["type"]), r["name"],
                  split_aliases(r["aliases"]))
                 for f, label in tables for r in table(f))


@functools.cache
def _known_bodies() -> Gazetteer:
    """Central bodies, universities, institutes, media, companies and listed companies by
    every name the tables know."""
    rows = agency_rows() + [(f"org:{r['name']}", Label.COMPANY, r["name"],
                             split_aliases(r["aliases"]))
                            for f in ("companies.tsv", "media.tsv") for r in table(f)]
    rows += [(f"org:{r['name']}", Label.COMPANY, r["name"], ())
             for r in table("stocks.tsv") if r["alone"] == "yes"]
    return _table_gazetteer(rows)


def known_body(words: str) -> tuple[str, Label, str] | None:
    """(key, class, official name) of the body ``words`` name exactly, if the tables know it
    (国家管网 -> 国家石油天然气管网集团有限公司)."""
    return next((value for a, b, value in _known_bodies().find(words)
                 if a == 0 and b == len(words)), None)


def starts_with_known_body(words: str) -> bool:
    """Whether ``words`` begin with the name of a body the tables know (中国科学院上海…)."""
    return any(a == 0 and b < len(words) for a, b, _v in _known_bodies().find(words))


# the trade word a listed firm's short name ends in, which its informal form leaves out
# (蓝思|科技, 三一|重工, 中联|重科): the form names the firm only at the head of a project named
# after it (蓝思智能制造产业园), never alone
_TRADE_WORD = re.compile(r"科技|重工|重科|股份|集团|控股|实业|电子|电器|智能|新材|药业|医药")
_SHORT_NAME_TAIL = re.compile(f"(?:{_TRADE_WORD.pattern})$")
_INFORMAL_MAX_FREQUENCY = 100  # a form jieba knows more often is a word of its own (美的, 方正)


@functools.cache
def _informal_firms() -> dict[str, tuple[str, Label, str]]:
    """Informal forms of the firms the tables know, by form, each naming one firm only."""
    firms: dict[str, set[str]] = {}
    for f in ("companies.tsv", "stocks.tsv"):
        for r in table(f):
            for short in (r["name"], *split_aliases(r.get("aliases", ""))):
                tail = _SHORT_NAME_TAIL.search(short)
                if tail is not None and tail.start() >= 2:
                    firms.setdefault(short[:tail.start()], set()).add(short)
    out = {}
    for form, shorts in firms.items():
        known = {known_body(s) for s in shorts} - {None}
        if len(known) == 1 and known_body(form) is None and not is_place_name(form) \
                and word_frequency(form) < _INFORMAL_MAX_FREQUENCY:
            out[form] = known.pop()
    return out


def informal_firm(words: str) -> tuple[str, Label, str] | None:
    """(key, class, official name) of the firm whose informal form ``words`` is (中联 ->
    中联重科股份有限公司), when its short name ends in a trade word and no other firm's does
    alike; None otherwise."""
    return _informal_firms().get(words)


def ends_with_known_body(words: str) -> bool:
    """Whether ``words`` end with a name the tables know (财政部, 海马汽车)."""
    return any(b == len(words) for _a, b, _v in _known_bodies().find(words))


@functools.cache
def english_names() -> dict[str, str]:
    """Official English names of central bodies and international organisations, by key."""
    return {f"org:{r['name']}": r["english"] for f in ("agencies.tsv",
                                                      "international_organizations.tsv")
            for r in table(f) if r.get("english")}


@register("gazetteer.agency", labels={Label.AGENCY, Label.RESEARCH, Label.ORGANIZATION})
def make_agency_extractor(name: str):
    """Central party and state bodies and international organisations, by official, short and
    former names.

    八部门：工信部、科技部 -> 工信部 (GovernmentAgency, 工业和信息化部), 科技部 (科学技术部);
    美国商务部 -> 美国商务部 (a body of another country or region, not 商务部).
    """
    gaz = _table_gazetteer(agency_rows())
    foreign = foreign_names()

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            local = None
            for a, b, (key, label, canonical) in gaz.find(sv.text):
                owner = foreign_owner(sv, a, b, foreign)
                if owner is not None:  # 美国商务部, 香港证监会: that country's or region's body
                    yield sv.mention(owner, b, label, name, canonical=sv.text[owner:b],
                                     doc=passage.doc)
                    continue
                local = places_ending(passage, sv) if local is None else local
                if a in local and label is Label.AGENCY:
                    continue  # 常州市科技部门 is the city's department, not 科学技术部
                if short_aligned(sv, a, b, SHORT):
                    yield sv.mention(a, b, label, name, canonical=canonical, key=key,
                                     doc=passage.doc)
    return extract


@functools.cache
def foreign_names() -> frozenset[str]:
    """Names of places with government bodies of their own: other countries (美国), Hong Kong,
    Macao and Taiwan (香港证监会 is not 证监会)."""
    out = set()
    for p in places():
        if (p.type == "Country" and p.key != CHINA) \
                or p.key in ("place:810000", "place:820000", "place:710000"):
            out |= {p.name, *p.aliases}
    return frozenset(n for n in out if len(n) >= 2)


def foreign_owner(sv: SentenceView, a: int, b: int, foreign: frozenset[str]) -> int | None:
    """Where a foreign country's or region's name written right before ``a`` starts, if any."""
    if b not in sv.bounds and b < len(sv.text):
        return None
    for n in (4, 3, 2, 5, 6):  # names are mostly two to four characters
        start = a - n
        if start >= 0 and sv.text[start:a] in foreign \
                and (start in sv.bounds or start == 0):
            return start
    return None


# what shows that a common word names an outlet: 《财经》, 财经杂志, 界面新闻, 财经记者
_OUTLET_AFTER = ("杂志", "记者", "新闻", "报道", "讯", "消息", "客户端", "APP")
_OUTLET_ENDING = ("网", "报", "社", "台")


@register("gazetteer.media", labels={Label.MEDIA})
def make_media_extractor(name: str):
    """Newspapers, agencies and sites: 新华社记者 -> 新华社 (MediaOutlet); an outlet named by a
    common word only in 《》 or before a word for news (《财经》, 界面新闻; not 陆家嘴财经早餐)."""
    rows = [(f"org:{r['name']}", Label.MEDIA, r["name"], split_aliases(r["aliases"]))
            for r in table("media.tsv")]
    table_extract = _make_table_extractor(name, _table_gazetteer(rows))
    words = common_words()

    def extract(passage: Passage) -> Iterator[Mention]:
        for m in table_extract(passage):
            if m.name in words and not m.name.endswith(_OUTLET_ENDING):
                text = passage.doc.text
                if not (m.start > 0 and text[m.start - 1] == "《") \
                        and not text.startswith(_OUTLET_AFTER, m.end):
                    continue
            yield m
    return extract


@functools.cache
def _event_gazetteer() -> Gazetteer:
    return _table_gazetteer([(f"event:{r['name']}", Label.EVENT, r["name"],
                              split_aliases(r["aliases"])) for r in table("events.tsv")])


def known_event(words: str) -> tuple[str, Label, str] | None:
    """(key, class, official name) of the recurring event ``words`` name exactly, if the table
    knows it (北京冬残奥会 -> 第十三届冬季残疾人奥林匹克运动会)."""
    return next((value for a, b, value in _event_gazetteer().find(words)
                 if a == 0 and b == len(words)), None)


@register("gazetteer.event", labels={Label.EVENT})
def make_event_gazetteer_extractor(name: str):
    """Recurring fairs and games by their short forms: 成功举办进博会、广交会 -> 中国国际进口博览会,
    中国进出口商品交易会 (Event)."""
    return _make_table_extractor(name, _event_gazetteer())


@functools.cache
def _programme_gazetteer() -> Gazetteer:
    return _table_gazetteer([(f"prog:{r['name']}", Label.PROGRAMME, r["name"],
                              split_aliases(r["aliases"])) for r in table("named_programmes.tsv")])


def known_programme_names() -> frozenset[str]:
    """Every name and short name of the well-known national programmes (named_programmes.tsv)."""
    return frozenset(n for r in table("named_programmes.tsv")
                     for n in (r["name"], *split_aliases(r["aliases"])))


@register("gazetteer.programme", labels={Label.PROGRAMME})
def make_programme_gazetteer_extractor(name: str):
    """Well-known national programmes by their official and short names: 得到国家重点研发计划
    支持 -> 国家重点研发计划; 863计划 -> 国家高技术研究发展计划 (Programme)."""
    return _make_table_extractor(name, _programme_gazetteer())


@register("gazetteer.company", labels={Label.COMPANY})
def make_company_gazetteer_extractor(name: str):
    """Companies named without a legal suffix: 与美敦力、强生等 -> 美敦力, 强生 (Company)."""
    rows = [(f"org:{r['name']}", Label.COMPANY, r["name"], split_aliases(r["aliases"]))
            for r in table("companies.tsv")]
    return _make_table_extractor(name, _table_gazetteer(rows))


# what makes a short name that is also a common word (文化, 五粮液) a listed company: its stock
# code in brackets (盐湖股份 （000792）, 宁德时代(300750.SZ)) or 股份/集团 right after it (not 公司:
# 联合公司 in a 1980s work report is any joint company)
_STOCK_CONTEXT = re.compile(r"\s*[（(]\s*(?:(?:SH|SZ|BJ)\s*)?\d{6}(?:\.(?:SH|SZ|BJ))?\s*[）)]"
                            r"|(?:股份|集团)", re.IGNORECASE)


# a cheap test for a sentence where a name that needs its context may have it
_STOCK_HINT = re.compile(r"\d{6}|股份|集团")


@functools.cache
def _stock_gazetteers() -> tuple[Gazetteer, Gazetteer]:
    """(names matched alone, names that need a stock code or company word after them)."""
    rows = table("stocks.tsv")
    return (Gazetteer((r["name"], f"org:{r['name']}") for r in rows if r["alone"] == "yes"),
            Gazetteer((r["name"], f"org:{r['name']}") for r in rows if r["alone"] != "yes"))


def _with_trade_word(sv: SentenceView, end: int) -> int:
    """Where a short name ends with the trade word jieba glued to its last character
    (华润微|电子 in 华润|微电子): the firm's name with its trade word is the firm's too."""
    if end in sv.bounds:
        return end
    longer = end + 2
    if (longer in sv.bounds or longer == len(sv.text)) \
            and _TRADE_WORD.fullmatch(sv.text, end, longer):
        return longer
    return end


@register("gazetteer.stock", labels={Label.COMPANY})
def make_stock_extractor(name: str):
    """Listed companies by their stock short names: 欣旺达、德方纳米 -> Company.

    A name must start and end on jieba tokens (中国新能源汽车 has no 国新能源); a province written
    right before it belongs to it (宁夏宝丰能源 is 宝丰能源). A short name that is
    also a common word or a place needs its stock code or a company word after it:
    复上市的盐湖股份 （000792） -> 盐湖股份; 发展文化事业 -> nothing.
    """
    alone, in_context = _stock_gazetteers()

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            text = sv.text
            found = [(a, b, key, True) for a, b, key in alone.find(text)]
            if _STOCK_HINT.search(text):  # most sentences: no name there can have its context
                found += [(a, b, key, False) for a, b, key in in_context.find(text)]
            ends = None
            for a, b, key, by_itself in found:
                if a not in sv.bounds:
                    continue
                short, b = b, _with_cloud(text, _with_trade_word(sv, b))
                if (by_itself and (b in sv.bounds or b == len(text))) \
                        or _STOCK_CONTEXT.match(text, b):
                    # 宁夏宝丰能源: the province written before a short name is part of the name
                    ends = places_ending(passage, sv) if ends is None else ends
                    start = a
                    if a in ends and ends[a].start in sv.view.offsets:
                        start = sv.view.offsets.index(ends[a].start)
                    legal = LEGAL_FORM.match(text, b)
                    if legal and (legal.end() in sv.bounds or legal.end() == len(text)):
                        b = legal.end()  # 宁波均胜电子股份有限公司: the registered name in full
                    yield sv.mention(start, b, Label.COMPANY, name, canonical=text[a:short],
                                     key=key, doc=passage.doc)
    return extract


# the legal form that ends a firm's registered name (after a listed company's short name too)
LEGAL_FORM = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司)")
