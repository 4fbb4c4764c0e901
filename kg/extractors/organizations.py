"""Organisations and events known by their name endings: 常州凯达重工科技有限公司, 同济大学,
中德友好协会, 2021 世界智能制造大会.

Owns: suffix rules (``org_suffixes.tsv``) with the name's left edge found by :mod:`names`;
party congresses and plenums named in full; firms no table knows where a list of firms or a
title only a firm gives shows them (恒岳精工、瑞丰汽配等企业; 广州美联董事经理陈家明).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, register
from kg.extractors.gazetteers import (
    LEGAL_FORM,
    LEVEL_OF_CHAR,
    after_verb_before_place,
    ends_with_known_body,
    is_place_name,
    known_body,
    known_event,
    level_begins_word,
    place_before,
    place_index,
    places_ending,
    places_named_in_words,
    starts_with_known_body,
    starts_with_place,
)
from kg.extractors.names import (
    RARE_WORD,
    after_leading_predicates,
    after_leading_verbs,
    common_words,
    counted_before,
    is_generic,
    is_predicate,
    list_items,
    name_start,
    name_verbs,
    only_predicates,
    stop_words,
    token_spans,
    tokens_within,
    with_leading_year,
)
from kg.extractors.people import titles
from kg.resources import split_aliases, table
from kg.segment import word_frequency
from kg.types import Label, Mention

MIN_NAME = 2  # characters before the suffix
# endings that name an event only when its name is quoted or numbered
_NAMED_ONLY_IF_QUOTED = frozenset({"活动", "对接会", "洽谈会", "推介会", "招商会"})
# …or in the title of the notice that launches it: 关于开展|X活动|的通知
_NOTICE_OF = re.compile(r"关于(?:组织)?(?:开展|举办|实施)$")
_NOTICE_KIND = re.compile(r"的(?:通知|实施意见|意见|实施方案|方案|函)")
_ORDINAL_OR_YEAR = re.compile(r"第[一二三四五六七八九十百\d]+[届次]|\d{4}年?")
# endings that make no legal name: 贷款公司 and 外贸公司 are kinds of company
_BARE_COMPANY = frozenset({"公司", "集团", "集团公司", "银行", "证券"})
_ORG_STOPS = frozenset({"和", "同", "成立", "组建"})
# inside organisation names: 语音及语言信息处理国家工程实验室, 国务院知识产权战略实施工作部际联席会议
# (a leading 实施 is still cut: 加快实施国家技术创新中心 -> 国家技术创新中心)
_ORG_ALLOWED = frozenset({"及", "实施"})
# 新闻与传播学院, 海洋科学与技术研究中心: two fields joined inside a research body's name
_FIELDS_JOINED = frozenset({"与"})


def _two_bodies_apart(text: str, start: int, core: int) -> int:
    """Where a research body's name starts when a 与 in it joins two bodies, not two fields:
    财政部与X研究中心 -> X研究中心 (the part before 与 ends as a body or is a place, or the part
    after it begins with a known body: 团队与|中国科学院…研究所)."""
    at = text.find("与", start, core)
    while at >= 0:
        left = text[start:at]
        if any(left.endswith(e) for e, _label in name_endings()) or is_place_name(left) \
                or ends_with_known_body(left) or starts_with_known_body(text[at + 1:core]):
            start = at + 1
        at = text.find("与", at + 1, core)
    return start


# （安徽） after a name is part of it: 国家煤化工产品质量监督检验中心（安徽）
_PAREN_PLACE = re.compile(r"（[\u4e00-\u9fff]{2,4}）")
_GENERIC = re.compile(r"^(?:[该本此这各其]|相关|有关|上述|一批|多家|我国|国内|国际|国家级|省级|市级)")


def _title_at(text: str, i: int) -> bool:
    """Whether a post title starts at ``i`` (协会会长: the suffix 协会 ends before 会长)."""
    from kg.extractors.people import titles
    return any(a == 0 for a, _b, _v in titles()[0].find(text[i:i + 6]))


# bodies an article names in full once and then by their ending: 经国务院知识产权战略实施工作部际
# 联席会议同意，联席会议办公室印发… (the office is that joint conference's)
_BODY_ENDINGS = ("联席会议", "领导小组")
_OFFICE = "办公室"


def _office_of_named_body(surface: str, named: dict[str, str]) -> str | None:
    """The full name of a bare 联席会议办公室 when the article named its 联席会议 before."""
    body = surface[:-len(_OFFICE)] if surface.endswith(_OFFICE) else ""
    return named[body] + _OFFICE if body in named else None


@functools.cache
def name_endings() -> tuple[tuple[str, Label], ...]:
    """The endings of organisation and event names (org_suffixes.tsv), longest first, with the
    class each gives: (联席会议办公室, GovernmentAgency), …, (公司, Company)."""
    rows = ((r["suffix"], Label(r["type"])) for r in table("org_suffixes.tsv"))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def _suffix_gazetteer(labels: set[Label]) -> Gazetteer:
    return Gazetteer((ending, label) for ending, label in name_endings() if label in labels)


# a name never begins with the word that refers back to a body (公司预计…, 本公司, 该集团) and never
# holds an auxiliary verb as a word of its own (预计|会|减少|公司)
_REFERS_BACK = re.compile(r"(?:[本该其]|上述)?(?:公司|集团|企业|单位)(?![\u4e00-\u9fff]{0,1}(?:有限|股份))")
_AUXILIARIES = frozenset({"会", "将", "能", "可", "要", "应", "已", "被"})


def _has_auxiliary(sv: SentenceView, start: int, end: int) -> bool:
    return any(t in _AUXILIARIES for _s, _e, t in tokens_within(sv, start, end))


# a count of events: 1场大会论坛, 6场主题论坛
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十百两]+(?:场|次|个|项|批|类)")


def _kind_of_event(sv: SentenceView, start: int, end: int) -> bool:
    """Whether an event's name is a word for a kind of event with nothing but common words
    before it: 体育竞赛, 不同地区|体育竞赛 (but not 全国科学大会, 中国国际进口博览会)."""
    words = common_words()
    for s, _e, token in tokens_within(sv, start, end):
        if word_frequency(sv.text[s:end]) > 0:  # the rest is one word of the dictionary
            return not sv.text.startswith(tuple(_NAMING_SCOPES), s)
        if token not in words or token in _NAMING_SCOPES or _ORDINAL_OR_YEAR.fullmatch(token):
            return False  # 中央|经济|工作会议, 第四次|世界妇女大会 are events
    return False


def _titled_event_start(sv: SentenceView, start: int) -> int:
    """Where an event's name starts when 和 or 与 inside it joins two of its words: a name
    opened by its year, ordinal or place takes them in (2025福建海洋和渔业产业招商暨项目推介会,
    第二十届中国东西部合作与投资贸易洽谈会); elsewhere 和 joins two events."""
    text = sv.text
    for _ in range(2):
        if start < 2 or text[start - 1] not in "和与":
            break
        left = with_leading_year(text, name_start(sv, start - 1, extra_stops=_ORG_STOPS))
        conjunct = text[left:start - 1]
        if not conjunct or any(conjunct.endswith(e) for e, _label in name_endings()) \
                or not (_ORDINAL_OR_YEAR.match(text, left) or starts_with_place(conjunct)):
            break  # 全国科技大会和全国教育大会: two events
        start = left
    return start


# endings a research body has after a name of its own, not after a field (信息技术研究中心 is one)
_NAMED_INSTITUTIONS = frozenset({"大学", "学院", "实验室"})


@functools.cache
def _bloc_words() -> frozenset[str]:
    return frozenset(r["word"] for r in table("bloc_words.tsv"))


def _is_bloc(sv: SentenceView, start: int, end: int) -> bool:
    """Whether the words before 集团 make it a political bloc (侵略|集团, 东南亚|条约|集团)."""
    # a word jieba joined to 集团 counts too (林彪|反党集团)
    return any(w in sv.text[start:end + 2] for w in _bloc_words())


# how often a word must be met to be a kind of school or lab rather than a proper name (技师,
# 行政 are; 清华, 复旦 are words jieba knows with the ending)
_KIND_FREQ = 100


def _kind_word(word: str) -> bool:
    """Whether a word before 大学/学院/实验室 names a kind of them (技师学院), not one."""
    return word_frequency(word) >= _KIND_FREQ and not is_place_name(word)


# a national scope makes a body of common words one body (国家科学技术奖励委员会); an exchange
# is named by its market, one to a city (数据交易所)
_NATIONAL_SCOPES = ("国家", "全国", "中国", "中华", "中央")
_MARKETS = ("交易所", "交易中心")
_SCHOOLS = ("大学", "学院")


def _kind_of_body(text: str, start: int, core_start: int, end: int, label: Label) -> bool:
    """Whether an organisation or a school named by common words only is a kind of body
    (公立|医院, 村民|委员会, 工农|联盟, 管理|干部|学院), which is so unless a national scope, a
    market or someone who heads it names it. A lab may be named after its field in common words."""
    return (label is Label.ORGANIZATION or text.startswith(_SCHOOLS, core_start)) \
        and not text.startswith(_NATIONAL_SCOPES, start) and text[core_start:end] not in _MARKETS \
        and not _headed(text, end)


# what a place does to become a centre of something (香港|建设|国际法律服务中心)
_BUILDING_VERBS = frozenset({"建设", "打造", "建成", "创建", "成为", "争创", "建立"})


def _place_builds(sv: SentenceView, start: int, core_start: int) -> bool:
    """Whether a name is a place or a common word for who builds (高校, 企业), a verb of
    building and what it builds: a goal, no body."""
    words = [t for _s, _e, t in tokens_within(sv, start, core_start)]
    return len(words) >= 3 and words[1] in _BUILDING_VERBS \
        and (is_place_name(words[0]) or words[0] in common_words())


def _headed(text: str, end: int) -> bool:
    """Whether a post's title follows a body's name (专家咨询委员会|主任潘云鹤): a body someone
    heads is one body, however common its words."""
    return any(a == 0 for a, _b, _v in titles()[0].find(text[end:end + 4]))


_BRAND_HEAD_MAX = 2  # characters of a brand a name's left edge may have cut off


def _place_then_brand(passage: Passage, sv: SentenceView, start: int) -> int:
    """Where a registered firm's name starts when its brand begins with a character that also
    stops names (杭州|和|利时自动化有限公司, 宁波|均|普智能制造股份有限公司): at the place written
    right before, when only single characters jieba could not make a word of lie between."""
    spans = token_spans(sv)
    at = next((s for s, e, _t in spans if s < start < e), start)  # cut inside a word: its start
    ends = places_ending(passage, sv)
    for p in range(at, max(-1, at - _BRAND_HEAD_MAX - 1), -1):
        place = ends.get(p)
        if place is not None and p < start:
            between = [t for s, e, t in spans if p <= s and e <= at]
            if all(len(t) == 1 and t not in "的、， " for t in between) \
                    and not starts_with_place(sv.text[at:start + 4]) \
                    and place.start in sv.view.offsets:  # 北京和|上海科技有限公司: two places
                return sv.view.offsets.index(place.start)
    return start


def _after_leading_predicates(sv: SentenceView, start: int, core_start: int, label: Label) -> int:
    """Where a body's name starts once the verbs and adverbs before it are left out; a lab is
    named after its field, which may begin as a verb does: 建设|认知智能国家重点实验室 keeps the
    field's verb, as what is left without it names no one lab."""
    cut = after_leading_predicates(sv, start, core_start)
    place = next((s for s, e, t in tokens_within(sv, start, cut) if e == cut and is_place_name(t)),
                 None)
    if place is not None:
        cut = place  # 保定|长风汽车…公司: 保定 reads as two verbs, it is the firm's city
    if label is not Label.RESEARCH or sv.text.startswith(_SCHOOLS, core_start):
        return cut  # a university is not named after a field (分类建设|一流大学)
    if any(w in sv.text[cut:core_start] for w in _SCHOOLS):
        # nor is a unit written after its university: 建设|同济大学临港校区
        spans = tokens_within(sv, cut, core_start)
        k = 0
        while k < len(spans) - 1 and spans[k][2] in name_verbs():
            k += 1
        return spans[k][0]
    candidates = [cut] + [s for s, _e, _t in reversed(tokens_within(sv, start, cut))]
    return next((c for c in candidates if not is_generic(sv, c, core_start)), start)


# what the name of a body, a group of people or a place of work ends with (乡镇卫生院, 工作人员,
# 夜大学, 科研院所): a conjunct so ended is a second body, not a field
_BODY_WORD_END = re.compile(r"(?:[院校所会社局厅部委办站队组处司员厂行馆园场学区]"
                            r"|中心|机构|单位|企业|公司|基地|平台)$")


def _fields_joined_start(sv: SentenceView, start: int, core_start: int) -> int:
    """Where a body's name starts when 和 or 与 joins two of its fields: 电子元器件和集成电路
    国际交易中心 (the words before 和 are no body of their own, nor generic: 企业和研究中心, 北京
    大学和研究中心 are two; nor the objects of a verb: 打造|长三角创新中轴和产业科技创新中心)."""
    text = sv.text
    if start < 2 or text[start - 1] not in "和与" or start >= core_start:
        return start
    left = after_leading_predicates(sv, name_start(sv, start - 1, extra_stops=_ORG_STOPS),
                                    start - 1)
    conjunct = text[left:start - 1]
    before = next((t for _s, e, t in token_spans(sv) if e == left), "")
    if len(conjunct) < 2 or _BODY_WORD_END.search(conjunct) \
            or before in name_verbs() or is_predicate(before) \
            or any(conjunct.endswith(e) for e, _label in name_endings()) \
            or ends_with_known_body(conjunct) or is_place_name(conjunct) \
            or is_generic(sv, left, start - 1, common=True) or only_predicates(sv, left, start - 1):
        return start
    return left


# groups named for their mission, verbs included: 江苏省推进制造强省建设领导小组(办公室)
_MISSION_GROUP = re.compile(r"领导小组|协调小组")
_MISSION_MAX = 24
# a unit a leading group names after itself: …领导小组|数字贸易执行小组(办公室), …|专班
_GROUP_UNIT = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:执行小组|工作小组|专项小组|工作组|专班)(?:办公室)?")
_MISSION_VERBS = frozenset({"推进", "推动", "加快", "深化", "实施", "建设", "促进", "全面", "深入",
                            "落实", "贯彻落实", "开展", "加强"})


def _mission_start(passage: Passage, sv: SentenceView, core_start: int) -> int | None:
    """Where a group named for its mission begins: at the place the nearest before it, when
    only its mission (no punctuation) stands between (江苏省|推进制造强省建设|领导小组); None when
    no place is there."""
    text = sv.text
    for end, place in sorted(places_ending(passage, sv).items(), reverse=True):
        if end > core_start or text.count("”", end, core_start) > text.count("“", end, core_start):
            continue  # a place inside the quoted slogan (推进“数字江苏”建设) is not the group's
        at = sv.view.offsets.index(place.start) if place.start in sv.view.offsets else -1
        if at < 0 or core_start - at > _MISSION_MAX \
                or re.search(r"[，。、；：,;]", text[end:core_start]):
            return None
        quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text[end:core_start])]
        words = [t for s, _e, t in tokens_within(sv, end, core_start)
                 if not any(a < s - end < b for a, b in quoted)]  # a slogan's words are its own
        if any((t in stop_words() and t not in _MISSION_VERBS) or _BODY_WORD_END.search(t)
               for t in words):
            return None  # 江苏省政府|成立|…领导小组: a body sets the group up, it is no mission
        return at
    return None


def _one_word(sv: SentenceView, start: int, end: int) -> bool:
    """Whether the text between ``start`` and ``end`` is one jieba token."""
    return [(s, e) for s, e, _t in tokens_within(sv, start, end)] == [(start, end)]


def _make_suffix_extractor(name: str, labels: set[Label]):
    gaz = _suffix_gazetteer(labels)
    ends_with_known_body("")  # its table joins the shared scan now, before workers fork
    starts_with_place("")  # and the regions' table

    def extract(passage: Passage) -> Iterator[Mention]:
        named: dict[str, str] = {}  # body ending -> the last body of the article with it
        campaigns: set[str] = set()  # campaigns a notice's title names: named in its text too
        for sv in passage.sentences:
            for a, b, label in gaz.find(sv.text):
                if b not in sv.bounds and b < len(sv.text) and sv.text[b] not in "（(，。、；：”" \
                        and not _title_at(sv.text, b):
                    continue  # 大学生, 集团化: the suffix is not the end of a word
                # an organisation may contain another: 大连理工大学江苏研究院 (overlaps are
                # settled by the linker, longest first); 和 separates two of them
                start = name_start(sv, a, extra_stops=_ORG_STOPS,
                                   allowed=_ORG_ALLOWED | _FIELDS_JOINED
                                   if label is Label.RESEARCH and sv.text[a:b] != "大学"
                                   else _ORG_ALLOWED)
                start = after_verb_before_place(sv, _two_bodies_apart(sv.text, start, a), a)
                if label in (Label.ORGANIZATION, Label.RESEARCH):
                    start = _fields_joined_start(sv, start, a)
                mission = _mission_start(passage, sv, a) if _MISSION_GROUP.match(sv.text, a) \
                    else None
                if mission is not None:
                    start = mission  # 江苏省|推进制造强省建设|领导小组: its mission is its name's
                    unit = _GROUP_UNIT.match(sv.text, b)
                    if unit and (unit.end() == len(sv.text) or unit.end() in sv.bounds):
                        # …领导小组|数字贸易执行小组办公室: the group's unit, named after it
                        group = sv.text[start:b]
                        yield sv.mention(start, unit.end(), label, name,
                                         canonical=sv.text[start:unit.end()],
                                         parent_key=f"org:{group}", doc=passage.doc)
                        continue
                elif label is not Label.EVENT:
                    # a name never begins with a verb or an adverb, nor is made of them:
                    # 严厉查处|长春长生公司, 学习|长春光学精密机械研究所, 真正地|学会, 优化|海关
                    start = _after_leading_predicates(sv, start, a, label)
                    if label is Label.COMPANY and has_legal_form(sv.text[a:b]):
                        start = _place_then_brand(passage, sv, start)
                    if only_predicates(sv, start, a) \
                            or (sv.text[a:b] == "集团" and _is_bloc(sv, start, a)):
                        continue  # 特别是在集团; 美国侵略集团, 东南亚条约集团: a political bloc
                if label is Label.EVENT:
                    start = _titled_event_start(
                        sv, with_leading_year(sv.text, after_leading_verbs(sv, start, a)))
                    local = next((w for w in _LOCAL_SCOPES if sv.text.endswith(w, 0, start)), "")
                    if local and start - len(local) in sv.bounds:
                        start -= len(local)  # 全省|工业稳增长推进会: the province's, as 全国… is
                    scope = next((w for w in _EVENT_SCOPES if sv.text.endswith(w, 0, start)), "")
                    if scope and sv.text.startswith("“", start) \
                            and sv.text[a:b] in _NAMED_ONLY_IF_QUOTED:
                        # 2026年全国“文旅消费月”活动: the scope and the year before a quoted
                        # campaign are its name's, as the year alone is (2025年“…”活动)
                        start = with_leading_year(sv.text, start - len(scope))
                    if _COUNTED.match(sv.text, start) or (
                            _kind_of_event(sv, start, b)
                            and not sv.text.startswith(_EVENT_SCOPES + _LOCAL_SCOPES, start)):
                        # 体育竞赛, 军备竞赛, 不同地区|体育竞赛: a word for a kind of event (全国
                        # 科学大会 is one); 1场大会论坛: counted events are no name
                        continue
                office = _office_of_named_body(sv.text[start:b], named)
                if office is not None:
                    yield sv.mention(start, b, label, name, canonical=office,
                                     parent_key=f"org:{office[:-len(_OFFICE)]}", doc=passage.doc)
                    continue
                # 国家行政学院: a national scope makes a body of common words one body
                one_kind = sv.text[a:b] in _NAMED_INSTITUTIONS and _one_word(sv, start, a) \
                    and not sv.text.startswith(_NATIONAL_SCOPES, start)
                common = sv.text[a:b] in _BARE_COMPANY or one_kind \
                    or _kind_of_body(sv.text, start, a, b, label)
                # 子公司, 母公司, 分公司: a company's relation to another, as common as 公司
                ends = (a, a - 1) if sv.text[a:b] == "公司" and sv.text[a - 1] in "子母分" else (a,)
                # 世界|数字经济|大会: a scope before an event's words makes them its name
                scoped = label is Label.EVENT and sv.text.startswith(_EVENT_SCOPES, start) \
                    and a - start > 2
                if a - start < MIN_NAME \
                        or (not scoped and any(is_generic(sv, start, e, common=common)
                                               for e in ends)) \
                        or (one_kind and _kind_word(sv.text[start:a])) \
                        or sv.text[start:b] in common_words():
                    continue  # 外贸公司, 所属子公司, 整合|大学, 技师|学院, 师范大学: a kind, not a name
                if _place_builds(sv, start, a):
                    continue  # 支持香港|建设|国际法律服务中心, 等高校|建设|…创新中心: a goal, no body
                if counted_before(sv.text, start):
                    continue  # 1500所|县医院, 5家|国有银行: bodies counted are of a kind
                if sv.text[a - 1] == "非" and label is Label.COMPANY:
                    continue  # 非银行金融机构, 非公司制企业: what is not a bank is none
                if _REFERS_BACK.match(sv.text, start) or _has_auxiliary(sv, start, a):
                    continue  # 公司全资子公司, 预计会减少公司: the company spoken of, no name
                if sv.text[a:b] in _NAMED_ONLY_IF_QUOTED and sv.text[a - 1] != "”" \
                        and not _ORDINAL_OR_YEAR.match(sv.text, start):
                    if _NOTICE_OF.search(sv.text, 0, start) and _NOTICE_KIND.match(sv.text, b):
                        campaigns.add(sv.text[start:b])  # 关于开展X活动的通知 names X活动
                    elif sv.text[start:b] not in campaigns:
                        continue  # 全民阅读活动 is an activity; “对话德国”活动, 2024年…活动 are events
                if sv.text[a:b] in _NAMED_ONLY_BY_PLACE:
                    at = _local_place_at(sv.text[start:a])
                    if at is None or _NOT_ONE_PLATFORM.search(sv.text, start + at, a):
                        continue  # 工业互联网平台 is a kind; 阿坝州数据开放平台 is one body
                    start += at  # 纳入|阿坝州共享交换平台: the name begins at its place
                body = next((e for e in _BODY_ENDINGS if sv.text.endswith(e, start, b)), None)
                if body is not None:
                    named[body] = sv.text[start:b]
                end = b
                paren = _PAREN_PLACE.match(sv.text, b)
                if paren and label is not Label.EVENT:
                    end = paren.end()
                surface = sv.text[start:end]
                canonical = surface  # the clean view already dropped layout spaces
                if surface[0] in LEVEL_OF_CHAR and start + 1 < a:
                    if level_begins_word(sv, start):
                        continue  # 区域科技创新中心: a kind of centre, in no named place
                    # 市科技孵化中心 in an article about 江山市: the bare 市 is that city
                    row = place_index().get(passage.context.get(LEVEL_OF_CHAR[surface[0]], ""))
                    if row is None:
                        continue
                    canonical = row.name + canonical[1:]
                if sv.text[a:b] in _NAMED_ONLY_IF_QUOTED and sv.text[a - 1] == "”":
                    # “对话德国”活动: the campaign is 对话德国 (the quotes only mark its name)
                    canonical = canonical[:-len(sv.text[a:b])]
                    if canonical.startswith("“") and canonical.count("“") == 1:
                        canonical = canonical[1:-1]
                generic = _GENERIC.match(surface)
                if generic and generic.end() == 1 and start + 1 not in sv.bounds:
                    generic = None  # 本源|量子…公司: 本 begins a word, it points at nothing
                if generic or (label is not Label.EVENT and surface.startswith("全国")):
                    continue  # 全国教育大会 is an event; 全国大学 is no organisation
                known = known_body(surface[:-2]) if surface.endswith("公司") else None
                if known is not None and known[1] is Label.COMPANY:
                    # 国家管网公司: a known company's short name with 公司 is that company
                    key, label, canonical = known
                    yield sv.mention(start, end, label, name, canonical=canonical, key=key,
                                     doc=passage.doc)
                    continue
                lab = national_lab(canonical)
                if lab is not None:
                    yield sv.mention(start, end, label, name, canonical=lab[0],
                                     parent_key=f"org:{lab[1]}", doc=passage.doc)
                    continue
                yield sv.mention(start, end, label, name, canonical=canonical, doc=passage.doc)
    return extract


@register("pattern.organization",
          labels={Label.AGENCY, Label.COMPANY, Label.RESEARCH, Label.ORGANIZATION})
def make_organization_extractor(name: str):
    """Organisations by legal or institutional suffix.

    累计培育…常州凯达重工科技有限公司成功申报 -> 常州凯达重工科技有限公司 (Company);
    由同济大学牵头 -> 同济大学 (ResearchOrganization).
    """
    return _make_suffix_extractor(name, {Label.AGENCY, Label.COMPANY, Label.RESEARCH,
                                         Label.ORGANIZATION})


# endings that name one body only after the place that runs it: 阿坝州共享交换平台
_NAMED_ONLY_BY_PLACE = frozenset({"平台"})
# platforms counted (江苏12家平台) or of a level (江苏省级…示范平台) are a class, not one body
_NOT_ONE_PLATFORM = re.compile(r"[0-9０-９一二两三四五六七八九十百千几]+[家个批类大]|[省市县区]级|国家级"
                               r"|[及和与、（）()]")  # 数据共享平台及政务服务平台: two, not one


def _local_place_at(words: str) -> int | None:
    """Where the first Chinese province, city or district (not 全国, 中国) named in ``words``
    begins, or None."""
    return next((a for a, _b, rows in places_named_in_words(words)
                 if not all(r.type == "Country" for r in rows)), None)


# the scope that makes a word jieba knows the name of one event: 全国科学大会, 世界园艺博览会
_EVENT_SCOPES = ("全国", "全球", "世界", "中国", "国际", "亚洲", "亚太")
# a province's or a city's meeting of all its parts: 全省工业稳增长推进会, 全市…大会
_LOCAL_SCOPES = ("全省", "全市", "全区", "全县", "全州")
# the scope that makes a kind of meeting one meeting: 中央经济工作会议, 世界妇女大会
_NAMING_SCOPES = frozenset({*_EVENT_SCOPES, "中央"})
# Party congresses and plenums, written in their short forms, named in full:
# 党的十九大 -> 中国共产党第十九次全国代表大会; 十九届六中全会 -> 中国共产党第十九届中央委员会第六次全体会议;
# 省第十四次党代会 (in an article about Jiangsu) -> 中国共产党江苏省第十四次代表大会
_NUMERAL = "[一二三四五六七八九十]"
_NATIONAL_CONGRESS = re.compile(f"党的({_NUMERAL}{{1,3}})大")
# 十九届二中、三中全会: plenums of one committee written together, each named in full
_PLENUM = re.compile(f"({_NUMERAL}{{1,3}})届((?:{_NUMERAL}{{1,2}}中、)*)({_NUMERAL}{{1,2}})中全会")
_LOCAL_CONGRESS = re.compile(f"第({_NUMERAL}{{1,3}})次党代会")
# Sessions of people's congresses and of the CPPCC, named in full:
# 十四届全国人大三次会议 -> 第十四届全国人民代表大会第三次会议; 全国政协十四届三次会议 ->
# 中国人民政治协商会议第十四届全国委员会第三次会议; 江西省第十四届人民代表大会第二次会议 and
# 朝阳区十六届人大三次会议 (a place, or a bare 省/市 of the article, before them) -> …第一次会议
_TERM, _SITTING = f"第?({_NUMERAL}{{1,3}})届", f"第?({_NUMERAL}{{1,2}})次会议"
_NATIONAL_SESSION = re.compile(f"{_TERM}全国(?:人民代表大会|人大){_SITTING}")
_NATIONAL_CPPCC_SESSION = re.compile(f"(?:全国政协{_TERM}(?:全国委员会)?|(?:中国人民政治协商会议|政协)"
                                     f"{_TERM}全国委员会){_SITTING}")
_LOCAL_SESSION = re.compile(f"(?<![全国])(政协)?{_TERM}(?:人民代表大会|人大|委员会)?{_SITTING}")
# Contests named in Latin letters, listed before a word for contests:
# 获得CHiME、Blizzard、IWSLT等各类国际评测冠军 -> CHiME, Blizzard, IWSLT
_LATIN_NAME = r"[A-Za-z][A-Za-z0-9\-]{1,24}"
_CONTEST_LIST = re.compile(f"({_LATIN_NAME}(?:、{_LATIN_NAME})*)等[\u4e00-\u9fff]{{0,6}}?"
                           "(?:评测|比赛|竞赛|挑战赛|赛事|大赛)")


def _party_events(passage: Passage, sv: SentenceView) -> Iterator[tuple[int, int, str]]:
    """(start, end, full name) of the party congresses, plenums and congress sessions of a
    sentence."""
    text = sv.text
    if "届" not in text and "党" not in text:
        return  # most sentences: no congress, plenum or session
    for m in _NATIONAL_CONGRESS.finditer(text):
        yield m.start(), m.end(), f"中国共产党第{m.group(1)}次全国代表大会"
    for m in _PLENUM.finditer(text):
        term, start = m.group(1), m.start()
        for part in re.finditer(f"({_NUMERAL}{{1,2}})中", m.group(2)):  # 二中、 of 二中、三中全会
            yield start, m.start(2) + part.end(), \
                f"中国共产党第{term}届中央委员会第{part.group(1)}次全体会议"
            start = m.start(2) + part.end() + 1
        yield start, m.end(), f"中国共产党第{term}届中央委员会第{m.group(3)}次全体会议"
    for m in _NATIONAL_SESSION.finditer(text):
        yield m.start(), m.end(), f"第{m.group(1)}届全国人民代表大会第{m.group(2)}次会议"
    national = []
    for m in _NATIONAL_CPPCC_SESSION.finditer(text):
        term, sitting = m.group(1) or m.group(2), m.group(3)
        national.append((m.start(), m.end()))
        yield m.start(), m.end(), f"中国人民政治协商会议第{term}届全国委员会第{sitting}次会议"
    ends = None
    for m in _LOCAL_CONGRESS.finditer(text):
        ends = places_ending(passage, sv) if ends is None else ends
        found = place_before(passage, sv, ends, m.start())
        if found is not None:
            place_name, start = found
            yield start, m.end(), f"中国共产党{place_name}第{m.group(1)}次代表大会"
    for m in _LOCAL_SESSION.finditer(text):
        if any(a <= m.start() < b for a, b in national) or (
                not m.group(1) and "人" not in m.group()):
            continue  # a 第三次会议 of a committee is no congress's session
        ends = places_ending(passage, sv) if ends is None else ends
        found = place_before(passage, sv, ends, m.start())
        if found is None:
            continue
        place_name, start = found
        term, sitting = m.group(2), m.group(3)
        yield start, m.end(), (f"中国人民政治协商会议{place_name}第{term}届委员会第{sitting}次会议"
                               if m.group(1) else
                               f"{place_name}第{term}届人民代表大会第{sitting}次会议")


# games named together share the host's place and year: 北京冬奥会、冬残奥会 -> 北京冬残奥会
_GAMES = "冬残奥会|残奥会|冬奥会|奥运会|亚残运会|亚运会|大运会|全运会"
_GAMES_PAIR = re.compile(f"({_GAMES})[、和及]({_GAMES})")


def _companion_games(sv: SentenceView, name: str, passage: Passage) -> Iterator[Mention]:
    """The games named after a host's games without a place of their own: 杭州亚运会和亚残运会
    -> 杭州亚残运会 (its written form, 亚残运会, stays a name of it)."""
    text = sv.text
    for m in _GAMES_PAIR.finditer(text):
        at = m.start(1)
        place = next((at - n for n in (2, 3, 4) if at >= n and is_place_name(text[at - n:at])),
                     None)
        if place is None:
            continue
        host = text[with_leading_year(text, place):at]
        known = known_event(host + m.group(2))
        key, _label, canonical = known if known else ("", Label.EVENT, host + m.group(2))
        yield sv.mention(m.start(2), m.end(2), Label.EVENT, name, canonical=canonical,
                         key=key, doc=passage.doc)


@register("pattern.event", labels={Label.EVENT})
def make_event_extractor(name: str):
    """Conferences, contests, forums: 2021 世界智能制造大会在南京开幕 -> 2021世界智能制造大会 (Event);
    party congresses in short form (党的十九大, 省第十四次党代会) under their full names; contests
    in Latin letters listed before 等…评测/比赛 (CHiME、Blizzard等国际评测)."""
    suffixes = _make_suffix_extractor(name, {Label.EVENT})

    def extract(passage: Passage) -> Iterator[Mention]:
        party = []
        for sv in passage.sentences:
            for start, end, full in _party_events(passage, sv):
                party.append(sv.mention(start, end, Label.EVENT, name, canonical=full,
                                        doc=passage.doc))
        yield from party
        named = [(m.start, m.end) for m in party]
        for m in suffixes(passage):
            if not any(a <= m.start and m.end <= b for a, b in named):
                yield m  # 十九届六中全会 is named in full by the party pattern
        for sv in passage.sentences:
            yield from _companion_games(sv, name, passage)
        for sv in passage.sentences:
            for m in _CONTEST_LIST.finditer(sv.text):
                pos = m.start(1)
                for item in m.group(1).split("、"):
                    yield sv.mention(pos, pos + len(item), Label.EVENT, name, canonical=item,
                                     doc=passage.doc)
                    pos += len(item) + 1
    return extract


# a unit of a known company or academy: 阿里巴巴达摩院, 中科院苏州医工所, 华为2012实验室
_UNIT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,8}?(?:研究所|研究院|实验室|所|院|中心)")
_NOT_IN_UNIT = set("的了在是和及或并等将对为把被从向")
# a university's department (电子工程系; not a system: 体系, 关系, 联系)
_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,8}?(?<![体关联派谱星水根世])系")
# what a ministry's own institute or centre is called (生态环境部环境规划院, 商务部研究院,
# 国家发展改革委价格监测中心); its departments (司, 局) are the agency extractors'
_AGENCY_UNITS = ("研究院", "研究所", "规划院", "设计院", "研究中心", "中心", "实验室")
# what the name of a body that hosts units ends with (浙江大学, 商务部研究院, 中国科学院)
HOST_END = re.compile(r"大学|学院|研究院|研究所|规划院|科学院")
# a national lab's official name leaves out the body that hosts it (its 依托单位): the text writes
# 浙江大学硅材料国家重点实验室, the lab is 硅材料国家重点实验室, a unit of the university
_NATIONAL_LAB = re.compile(r"(?:国家|全国)(?:重点|工程)实验室$")


def national_lab(name: str) -> tuple[str, str] | None:
    """``(lab, host)`` when ``name`` is a national key or engineering lab written after the body
    that hosts it, else None."""
    lab = _NATIONAL_LAB.search(name)
    if lab is None:
        return None
    ends = [m.end() for m in HOST_END.finditer(name, 0, lab.start())]
    if not ends or ends[-1] < 4 or lab.start() - ends[-1] < 2:
        return None  # no host, or nothing of the lab's own field after it
    return name[ends[-1]:], name[:ends[-1]]


@register("pattern.org_unit", labels={Label.RESEARCH, Label.ORGANIZATION})
def make_org_unit_extractor(name: str):
    """Research units and centres named after a known company, academy, international
    organisation or central agency.

    与阿里巴巴达摩院、华为中央研究院一起 -> 阿里巴巴达摩院 (ResearchOrganization, part of
    阿里巴巴集团); 中科院苏州医工所 -> 中科院苏州医工所 (part of 中国科学院);
    世界知识产权组织技术与创新支持中心 -> Organization, part of 世界知识产权组织.
    """
    from kg.extractors.base import Gazetteer
    from kg.extractors.gazetteers import agency_rows
    rows = [(r["name"], Label.COMPANY, split_aliases(r["aliases"])) for r in table("companies.tsv")]
    rows += [(canonical, label, aliases) for _k, label, canonical, aliases in agency_rows()
             if label in (Label.RESEARCH, Label.ORGANIZATION, Label.AGENCY)]
    gaz = Gazetteer((s_, (canonical, label)) for canonical, label, aliases in rows
                    for s_ in {canonical, *aliases} if len(s_) >= 2)

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            for a, b, (parent, parent_label) in gaz.find(sv.text):
                m = _UNIT.match(sv.text, b)
                if m is None and parent.endswith(_SCHOOLS):
                    m = _DEPARTMENT.match(sv.text, b)  # 清华大学|电子工程系
                joint = m.group().find("与") if m else -1
                if not m or set(m.group()) & _NOT_IN_UNIT \
                        or (joint >= 0 and starts_with_place(m.group()[joint + 1:])) \
                        or (parent_label is Label.ORGANIZATION and not m.group().endswith("中心")) \
                        or (parent_label is Label.AGENCY and not m.group().endswith(_AGENCY_UNITS)):
                    # 联合国秘书长所…: an international body has centres, not institutes;
                    # 中国科学技术大学与|济南…研究院: a body of a place joined, no unit
                    continue
                end = m.end()
                if end < len(sv.text) and end not in sv.bounds and sv.text[end] not in "（(，。、；：”":
                    continue
                label = Label.ORGANIZATION if m.group().endswith("中心") else Label.RESEARCH
                # a company's unit is named as written (阿里巴巴达摩院, not 阿里巴巴集团达摩院); an
                # academy's or a ministry's by the body's official name (中科院物理研究所 ->
                # 中国科学院物理研究所, 工信部…中心 -> 工业和信息化部…中心)
                canonical = sv.text[a:end] if parent_label is Label.COMPANY \
                    else parent + sv.text[b:end]
                lab = national_lab(canonical)
                yield sv.mention(a, end, label, name, canonical=lab[0] if lab else canonical,
                                 parent_key=f"org:{parent}", doc=passage.doc)
    return extract


# a registered company's legal form, and a branch of one: …股份有限公司大连石化分公司
_COMPANY_LEGAL_FORM = re.compile(LEGAL_FORM.pattern + "$")
_COMPANY_BRANCH = re.compile(r"(?:有限公司|有限责任公司)([\u4e00-\u9fff]{2,8}?)分公司$")
# a trade word a registered name ends in and its short name leaves out: 德方纳米|科技
_TRADE_TAIL = re.compile(r"(?:网络科技|信息技术|科技|技术|实业|控股)$")
MIN_SHORT_FORM = 3


def has_legal_form(name: str) -> bool:
    """Whether a company's name ends in a legal form: it is its registered name (苏州汇川技术有限公司)."""
    return bool(_COMPANY_LEGAL_FORM.search(name))


@functools.lru_cache(maxsize=4096)
def company_short_forms(name: str) -> tuple[str, ...]:
    """The short names a text may use for a company it names in full: the name without its
    legal form, the province or city it is registered in, or a trailing trade word (江西鑫源能源
    有限公司 -> 江西鑫源能源, 鑫源能源; 深圳市德方纳米科技股份有限公司 -> 德方纳米科技, 德方纳米), a
    branch by its own name (中国石油天然气股份有限公司大连石化分公司 -> 大连石化). Forms shorter than
    three characters or that are a place's name are left out."""
    branch = _COMPANY_BRANCH.search(name)
    if branch:
        forms = [branch.group(1)]
    else:
        legal = _COMPANY_LEGAL_FORM.search(name)
        if not legal:
            return ()
        forms = [name[:legal.start()]]
        registered = _registered_place(forms[0])
        if registered:
            forms.append(forms[0][registered:])
        for form in list(forms):
            tail = _TRADE_TAIL.search(form)
            if tail and tail.start() >= MIN_SHORT_FORM:
                forms.append(form[:tail.start()])
    return tuple(f for f in dict.fromkeys(forms)
                 if len(f) >= MIN_SHORT_FORM and f != name and not is_place_name(f))


def _registered_place(core: str) -> int:
    """The length of the Chinese province or city a company's name begins with (深圳市德方纳米 ->
    3), 0 if none; a name that begins with 中国 keeps it (中国石油天然气 is no 石油天然气)."""
    for a, b, rows in places_named_in_words(core[:6]):
        if a == 0 and b <= len(core) - 2 and any(r.type in ("Province", "City") for r in rows):
            return b
    return 0


DATA_FIRM_EXTRACTOR = "pattern.data_firm"
# a data or research firm named in Latin letters before what its data show: IDC数据显示,
# CINNO Research数据显示, 据Canalys统计
_DATA_FIRM = re.compile(r"(?:(?<=据)|(?<=[，。；：、“\s])|^)"
                        r"(?P<name>[A-Z][A-Za-z&.\-]*(?: [A-Z][A-Za-z&.\-]*){0,2})"
                        r"(?=的?(?:最新)?(?:数据|统计|报告|调研|研究|调查)(?:显示|表明|指出|称|发现))")


@functools.cache
def _indicator_acronyms() -> frozenset[str]:
    """Latin names of indicators (GDP, CPI, PMI): what their data show is no firm's."""
    return frozenset(w for r in table("measures.tsv") for v in r["variants"].split("|")
                     for w in re.findall(r"[A-Z][A-Z0-9]+", v))


@register(DATA_FIRM_EXTRACTOR, labels={Label.COMPANY})
def make_data_firm_extractor(name: str):
    """Data and research firms named in Latin letters by what their data show: IDC数据显示，
    2024年中国智能音箱…市场规模达80亿元 -> IDC (Company); GDP数据显示 -> nothing."""
    acronyms = _indicator_acronyms()

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            for m in _DATA_FIRM.finditer(sv.text):
                firm = m.group("name")
                if firm not in acronyms:
                    yield sv.mention(m.start("name"), m.end("name"), Label.COMPANY, name,
                                     canonical=firm, doc=passage.doc)
    return extract


# the endings of financial firms' names, then of research bodies that employ analysts
_FINANCIAL_ENDINGS = ("证券", "银行", "基金", "期货", "信托", "保险")
_FIRM_ENDINGS = (*_FINANCIAL_ENDINGS, "资管", "研究院", "研究所")


LISTED_COMPANY_EXTRACTOR = "pattern.listed_company"
# firms listed before 等…企业: 培育壮大恒岳精工、瑞丰汽配等本地配套企业 (what stands between 等 and
# 企业 qualifies the firms; 等技术在企业 is no list of firms)
_FIRM_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_FIRM_LIST_END = re.compile(r"等(?:[^\W\d_的在和与及对为是了将从向把被]{0,6}?)"
                            r"(?:企业|公司|厂商|券商|车企|房企|险企|金融机构|公募机构|私募机构)")
def _novel_name(sv: SentenceView, start: int, end: int) -> bool:
    """Whether ``sv.text[start:end]`` reads as a proper name nobody's dictionary knows: not a
    word or place, first word rare (恒岳精工, 瑞丰汽配; not 钢铁, 环境保护, 工业以太网)."""
    item = sv.text[start:end]
    words = tokens_within(sv, start, end)
    return bool(words) and word_frequency(item) == 0 and not is_place_name(item) \
        and word_frequency(words[0][2]) < RARE_WORD


def _at_first_rare_word(sv: SentenceView, start: int, end: int) -> int:
    """Where a list's first firm begins after the common words before it, whatever they are
    (培育壮大|恒岳精工: verbs jieba tags as nouns or adjectives); a place stays (苏州|…)."""
    for s, _e, w in tokens_within(sv, start, end):
        if word_frequency(w) < RARE_WORD or is_place_name(w):
            return s if end - s >= 2 else start
    return start


@register(LISTED_COMPANY_EXTRACTOR, labels={Label.COMPANY})
def make_listed_company_extractor(name: str):
    """Firms that no table knows, named in a list of firms: 培育壮大恒岳精工、瑞丰汽配等本地配套企业
    -> 恒岳精工, 瑞丰汽配 (Company); 外资、私营等非公有制企业 (trades) -> nothing. Most items of the
    list must read as proper names, or the list is one of trades or sectors."""
    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            if "等" not in sv.text:
                continue
            for m in _FIRM_LIST_END.finditer(sv.text):
                spans = list_items(sv, m.start(), _FIRM_CHARS, 10)
                if spans:
                    spans[0] = (_at_first_rare_word(sv, *spans[0]), spans[0][1])
                # 华夏基金、易方达基金等公募机构: a financial firm's ending makes its brand a name
                named = [(a, b) for a, b in spans if _novel_name(sv, a, b)
                         or (sv.text.endswith(_FINANCIAL_ENDINGS, a, b) and b - a >= 4
                             and not is_generic(sv, a, b - 2, common=True))]
                if 2 * len(named) <= len(spans):
                    continue
                for a, b in named:
                    yield sv.mention(a, b, Label.COMPANY, name, canonical=sv.text[a:b],
                                     doc=passage.doc)
    return extract


EMPLOYER_EXTRACTOR = "pattern.employer"
# titles only a firm gives: the words before one, back to the clause's start, name the firm
# (广州美联|董事经理|陈家明); 分析师, 研究员 are given by research bodies too
_FIRM_TITLES = frozenset({"董事长", "副董事长", "总经理", "副总经理", "董事", "总裁", "副总裁",
                          "首席执行官", "首席经济学家", "首席分析师", "董事会秘书", "执行董事",
                          "创始人", "联合创始人", "创办人", "合伙人"})
_TITLE_MODIFIERS = ("前", "原", "兼", "和", "及", "与", "暨", "执行", "常务")
_CLAUSE_OPENERS = ("对此", "其中", "另外", "此外", "同时", "据", "而", "但")
_EMPLOYER_MAX = 8


def _before_title_chain(sv: SentenceView, start: int, end: int) -> int:
    """Where the words before a title end once the titles and modifiers chained to it are
    left out: 花旗中国|董事长兼|总经理, 重庆银行|前|总经理 (a modifier is a word of its own: 广州美联
    keeps its 原)."""
    from kg.extractors.people import titles
    text = sv.text
    while True:
        mod = next((m for m in _TITLE_MODIFIERS if text.endswith(m, start, end)
                    and end - len(m) in sv.bounds), None)
        if mod:
            end -= len(mod)
            continue
        title = next((s for s, e, _v in titles()[0].find(text[start:end])
                      if start + e == end and s > 0), None)
        if title is None:
            return end
        end = start + title


def _before_coverage(text: str, start: int, end: int) -> int:
    """Where a firm's name ends when what its analyst covers follows it (光大证券|金融业首席分析师):
    at a known firm or a firm's ending; else ``end``."""
    from kg.extractors.people import COVERAGE
    for p in range(end - 1, start + 1, -1):  # the longest firm first
        if COVERAGE.fullmatch(text, p, end) and (
                known_body(text[start:p]) is not None or text.endswith(_FIRM_ENDINGS, start, p)):
            return p
    return end


@register(EMPLOYER_EXTRACTOR, labels={Label.COMPANY})
def make_employer_extractor(name: str):
    """Firms no table knows, named before a title only a firm gives and its holder's name:
    对此，广州美联董事经理陈家明表示 -> 广州美联 (Company); 公司董事长李明 -> nothing (a kind)."""
    from kg.extractors.people import name_after_title, titles

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            text = sv.text
            runs: list[list[int]] = []  # titles written together: 董事|经理
            for a, b, _level in sorted(titles()[0].find(text)):
                if runs and runs[-1][1] == a:
                    runs[-1][1] = b
                    runs[-1][2] |= text[a:b] in _FIRM_TITLES
                else:
                    runs.append([a, b, text[a:b] in _FIRM_TITLES])
            for a, b, firm in runs:
                if not firm or a < 2 or name_after_title(sv, b) == b:
                    continue
                start = a
                while start > 0 and a - start < _EMPLOYER_MAX and text[start - 1] not in \
                        "，。；：、“”‘’（）()《》 \n" and not text.endswith(_CLAUSE_OPENERS, 0, start):
                    start -= 1
                if start > 0 and text[start - 1] not in "，。；：、“”（）()《》 \n" \
                        and not text.endswith(_CLAUSE_OPENERS, 0, start):
                    continue  # a longer phrase: not one name
                end = _before_title_chain(sv, start, a)
                inner = [e for _s, e, _v in titles()[0].find(text[start:end])] + \
                    [e for _s, e, _v in titles()[1].find(text[start:end])]
                if inner:  # 记者致电|湖南信托: the firm follows another title
                    start += max(inner)
                start = after_leading_predicates(sv, start, end)
                a = _before_coverage(text, start, end)
                employer = text[start:a]
                if len(employer) < 2 or word_frequency(employer) > 0 or is_place_name(employer) \
                        or any(t in stop_words() for _s, _e, t in tokens_within(sv, start, a)) \
                        or is_generic(sv, start, a, common=True) or only_predicates(sv, start, a) \
                        or any(employer.endswith(e) for e, _label in name_endings()) \
                        or known_body(employer) is not None or not all(
                            c.isalnum() for c in employer) or "的" in employer:
                    continue
                yield sv.mention(start, a, Label.COMPANY, name, canonical=employer,
                                 doc=passage.doc)
    return extract
