"""Plans, programmes and projects: 《“十四五”智能制造发展规划》, 智能制造示范工厂建设行动.

Owns: 《》 titles, names that end in 规划/计划/方案/工程/行动/专项/纲要/… with their left
edge (abbreviations such as （以下简称《规划》） are resolved by kg.link, within their article);
official titles and government work reports; projects no ending names, where a list of projects
shows them (梅溪湖科技城、岳麓国际智造城等项目).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, register
from kg.extractors.gazetteers import (
    after_verb_before_place,
    informal_firm,
    is_place_name,
    known_programme_names,
    place_index,
    places_ending,
    places_named_in_words,
    starts_with_place,
)
from kg.extractors.names import (
    RARE_WORD,
    after_leading_verbs,
    is_generic,
    is_predicate,
    list_items,
    name_start,
    only_predicates,
    name_verbs,
    stop_words,
    token_spans,
    tokens_within,
    with_leading_year,
)
from kg.extractors.organizations import name_endings
from kg.extractors.sources import known_outlets
from kg.resources import table
from kg.segment import word_frequency
from kg.types import ORGANIZATION_LABELS, Label, Mention

# 《…》 with nested quotes; the longest title is about 60 characters
_BOOK_TITLE = re.compile(r"《([^《》]{2,80})》")
# generic words a bare programme name cannot be: 规划, 行动计划, 系列规划
_TOO_GENERIC = re.compile(r"^(?:[该本此这各其全]|相关|有关|上述|一批|系列|专项|重大|重点|国家级|省级|市级|年度)*"
                          r"(?:规划|计划|方案|工程|行动|专项|纲要|意见|办法|政策|项目|战略|指南|目录|清单|名录|试点|"
                          r"名单|行动计划|实施方案|工作方案|系列规划)$")
# 六个专项行动, 第一个五年规划: a count or an ordinal describes, it does not name
# a plan's text naming itself, or a later reference to it: 本行动计划, 该规划
_SELF_REFERENCE = re.compile(r"[该本此](?:行动计划|实施方案|规划|计划|方案|纲要)")
_COUNT_PREFIX = re.compile(r"^(?:第?[一二三四五六七八九十百千万0-9０-９]+[多余]?(?:个|项|批|期)|"
                           r"[一二三四五六七八九十百千0-9０-９]+(?:大|类|条))")
# a numbered set of key projects: 科技创新七大重点工程 (重点 elsewhere stops a name)
_KEY_SET = re.compile(r"[一二三四五六七八九十]+大重点$")
# 打造 20 个工业大数据应用示范项目, 建成…示范工厂项目30个, 5个以上…项目: items counted are a class of
# projects (a target's indicator), not one programme
_NUMBER = r"(?:近|约|超|超过|逾|共|达|累计)?\s*[0-9０-９一二三四五六七八九十百千万]+(?:\.\d+)?\s*(?:多|余)?\s*"
_COUNTED_BEFORE = re.compile(r"(?:" + _NUMBER + r"(?:个|项|家)(?:以上|以下|左右)?|部分|一些|若干|一系列)"
                             r"\s*$")
# …农村供水工程300处, 水库工程12座: works counted by a measure word are a kind of work
_COUNTED_AFTER = re.compile(r"\s*" + _NUMBER + r"(?:个|项|批|家|处|座|所)")
MIN_NAME = 2
# a place and a count: 常州市六大工程
_PLACE_COUNT = re.compile(r"^[\u4e00-\u9fff]{2,6}[省市区县]([一二三四五六七八九十]+大[\u4e00-\u9fff]{0,4})$")


# a law's title ends in 法 (宪法, 企业所得税法) or 法典, a draft's in its stage: …法（修订草案）; 办法,
# 方法, 做法 and the like end documents and words, not laws
_LAW = re.compile(r"(?:(?<![办方做算立手说看想书疗执])法|法典)(?:[（(][^（）()]{1,8}[）)])?$")


def is_law(title: str) -> bool:
    """《中华人民共和国企业所得税法》, 《宪法》, 《民法典》: a law of the state, no programme."""
    return len(title) >= 2 and bool(_LAW.search(title))


def _is_periodical(title: str) -> bool:
    """《人民日报》, 《4.0 信息速报》, 《财经》: a newspaper, site or journal, not a programme."""
    return title.endswith(("报", "网", "杂志", "周刊", "期刊", "月刊", "学报")) \
        or title in known_outlets()


_DESCRIPTIVE = re.compile(r"(?:解决|技术|实施|工作|建设|改革|优化|配套|具体)方案$|系统工程$")
# 全球单厂规模最大…项目 describes a project (国家最高科学技术奖 is an award's name)
_SUPERLATIVE = re.compile(r"最[大高长强先多]")
# the company a filing speaks of (公司, 本公司, 该集团) owns the project it names, its name is
# no part of the project's
_OWNER_SPOKEN_OF = re.compile(r"(?:[本该其]|上述)?(?:公司|集团)")
# a plan's box or table label before the name it heads: 专栏1 算力网络互联互通工程
_HEADING = re.compile(r"(?:专栏|附表|附件|表)\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[：:.．、]?\s*")
# （2022—2024年） after a plan's name is part of it
_YEAR_RANGE = re.compile(r"[（(]\s*\d{4}\s*[-—–－~～至]+\s*\d{4}\s*年?\s*[）)]")
WEAK_MIN = 8  # characters before a weak ending
_CONJUNCTIONS = "和与及、或"
# endings that are also verbs, and the verbs they pair with (规划建设, 计划投资, 规划布局)
_VERB_ENDINGS = frozenset({"规划", "计划"})
_VERBS_AFTER = ("建设", "布局", "实施", "投资", "建成", "新建", "打造", "发展", "推进", "引进",
                # a time after them makes them verbs too: 公司计划今年新增产能…
                "今年", "明年", "年内", "近期")
# …实验室计划到2030年建成, 团队计划在未来五年内实现, 计划于年底前投产
_BY_YEAR = re.compile(r"[到于在]\s*(?:(?:19|20)\d\d\s*年|未来|今后|近期|年底|年内|明年|今年|"
                      r"[一二三四五六七八九十两\d]+年内)")
# the work done on a named pilot, after its name: …城市试点|工作, …综合试点|建设
_WORK_ON = re.compile(r"(?:工作|建设)(?:[，。、；：”）)]|$)")
# nouns an ending can qualify: then it ends no name (专项债券, 计划单列市, 工程机械)
# a body whose project is no programme of its own (湖南大数据交易所项目; a facility such as
# 数据中心 is the project itself)
_INSTITUTION = re.compile(r"(?:公司|集团|银行|大学|学院|研究院|研究所|交易所|交易中心|医院)$")
# what a designation the state confers begins with
_NATIONAL = re.compile(r"国家级|国家")
_WHAT_FOLLOWS = ("债", "资金", "贷款", "基金", "补助", "补贴", "经费", "额度", "单列", "机械", "附加")
# 专项 ("special") ends a name only before punctuation or a function word (国家科技重大专项，…;
# 重大科技专项取得…); before a word it qualifies it: 安全生产专项|整治, 改善消费环境专项|措施
_SPECIAL = "专项"
_AFTER_SPECIAL = ("和", "与", "及", "的", "等", "取得", "实施", "是", "为", "由", "在")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _suffix_runs(gaz: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """Suffix matches with adjacent ones merged: 行动+方案 -> 行动方案, strongest wins."""
    runs: list[tuple[int, int, str]] = []
    for a, b, strength in gaz.find(text):
        if runs and runs[-1][1] == a:
            pa, _pb, ps = runs[-1]
            runs[-1] = (pa, b, "strong" if "strong" in (ps, strength)
                        else "titled" if strength == "titled" else "weak")
        else:
            runs.append((a, b, str(strength)))
    return runs


# verbs whose object is a document's title, written as issued: 浙江省印发|加快推进海洋经济高质量发展
# 行动方案 (the title's own verbs are part of it)
_ISSUING = frozenset({"印发", "出台", "发布", "颁布"})
_TITLE_VERBS_MAX = 3
# verbs paired with an issuing verb, not the title's: 出台实施|…纲要, 印发执行
_IMPLEMENTS = frozenset({"实施", "执行", "落实", "施行"})


def _title_verb(word: str) -> bool:
    """A verb or adverb that may open a title (加快, 推进, 进一步); not a particle (了, 的)."""
    return len(word) >= 2 and is_predicate(word) and word not in _ISSUING \
        and word not in _IMPLEMENTS


def _title_after_issuing(sv: SentenceView, start: int) -> int | None:
    """Where a title begins when only verbs stand between an issuing verb and ``start``:
    印发|加快推进|海洋经济高质量发展行动方案 -> 加快推进…; None when no issuing verb is there."""
    spans = token_spans(sv)
    idx = next((i for i, (s, _e, _t) in enumerate(spans) if s == start), None)
    if idx is None:
        return None
    first = idx
    while first > 0 and idx - first < _TITLE_VERBS_MAX and _title_verb(spans[first - 1][2]):
        first -= 1
    if first == idx or first == 0 or spans[first - 1][2] not in _ISSUING:
        return None
    return spans[first][0]


def _is_category(sv: SentenceView, start: int, core_start: int) -> bool:
    """检验检测类标准化试点: a kind of pilot (the word 类), not one named pilot."""
    return any(t == "类" for _s, _e, t in tokens_within(sv, start, core_start))


def _shared_head_start(sv: SentenceView, start: int, core_start: int, suffixes: Gazetteer) -> int:
    """The start of a coordinated modifier sharing the name's head word, or ``start``.

    实施高新技术企业、科技型企业“双倍增”计划: 高新技术企业 and 科技型企业 both qualify the plan.
    """
    text = sv.text
    if start < 3 or text[start - 1] != "、" \
            or any(c in _CONJUNCTIONS for c in text[start:core_start]):
        return start
    left = name_start(sv, start - 1, max_len=12)
    conjunct = text[left:start - 1]
    head = conjunct[-2:]
    # the head qualifies the right conjunct's first words: 科技型|企业, not 保障|性安居工程
    at = text.find(head, start + 1, min(start + 8, core_start))
    if len(conjunct) < 3 or at < 0 or at + 2 not in sv.bounds \
            or any(b == len(conjunct) for _a, b, _v in suffixes.find(conjunct)):
        return start  # 推进甲工程、乙工程: two programmes, not one
    return left


def _route_start(sv: SentenceView, start: int) -> int:
    """Where a route's name starts when it stopped at its 至 (成都至|重庆中线高速铁路工程, 金上至|
    湖北特高压直流输电工程): at the place or the short name the route runs from."""
    if start < 3 or sv.text[start - 1] != "至" or start - 1 not in sv.bounds:
        return start
    at, word = next(((s, t) for s, e, t in token_spans(sv) if e == start - 1), (start, ""))
    if not 2 <= len(word) <= 4 or not word.isalpha() or (
            not is_place_name(word) and (is_predicate(word) or word in stop_words())):
        return start
    return at


def _after_joined_name(sv: SentenceView, start: int, core_start: int, suffixes: Gazetteer) -> int:
    """Where a name starts after another programme's name and 和, 与 or 及 before it: 智能制造工程和|
    质量提升工程 are two."""
    text = sv.text
    for i in range(core_start - 1, start, -1):
        if text[i] in "和与及" and i in sv.bounds and i + 1 in sv.bounds \
                and any(b == i - start for _a, b, _v in suffixes.find(text[start:i])):
            return i + 1
    return start


def _fields_joined(sv: SentenceView, start: int, core_start: int, suffixes: Gazetteer) -> int:
    """The start of a name whose 与 or 和 joins two fields (用电大户与发电企业直接交易试点), or
    ``start``: not when what stands before it ends a programme's name (…工程和质量提升工程 are
    two), is a place or a body, or is only verbs and generic words."""
    text = sv.text
    if start < 3 or text[start - 1] not in "与和" or start - 1 not in sv.bounds \
            or "“" in text[start:core_start]:
        return start  # (参与|重大科技项目: a verb's 与)
    left = after_leading_verbs(sv, name_start(sv, start - 1, max_len=12), start - 1)
    conjunct = text[left:start - 1]
    if len(conjunct) < 2 or any(b == len(conjunct) for _a, b, _v in suffixes.find(conjunct)) \
            or is_place_name(conjunct) or _starts_with_known_body(conjunct) \
            or is_generic(sv, left, start - 1) or only_predicates(sv, left, start - 1):
        return start
    return left


@register("pattern.programme", labels={Label.PROGRAMME, Label.LAW, Label.MEDIA})
def make_programme_extractor(name: str):
    """Programmes named in 《》 or by their ending.

    八部门联合印发《“十四五”智能制造发展规划》 -> “十四五”智能制造发展规划 (Programme);
    开展智能制造技术攻关行动，-> 智能制造技术攻关行动; 帮助企业提供解决方案 -> nothing.
    """
    suffixes = Gazetteer((r["suffix"], r["strength"]) for r in table("programme_suffixes.tsv"))
    known = known_programme_names()
    bodies = tuple(ending for ending, label in name_endings()
                   if label in (Label.AGENCY, Label.ORGANIZATION))

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            text = sv.text
            ends = None  # the sentence's places by where each ends, when a name needs them
            books = []
            for m in _BOOK_TITLE.finditer(text):
                title = m.group(1).strip()
                books.append((m.start(), m.end()))
                label = Label.MEDIA if _is_periodical(title) \
                    else Label.LAW if is_law(title) \
                    else Label.PROGRAMME if _is_document(title, suffixes) else None
                if label is None:
                    continue
                yield sv.mention(m.start(), m.end(), label, name, canonical=title, doc=passage.doc)
            for a, b, strength in _suffix_runs(suffixes, text):
                if any(s <= a < e for s, e in books):
                    continue
                if strength == "institution":
                    yield from _institution(sv, a, b, bodies, name, passage)
                    continue
                if b < len(text) and b not in sv.bounds and text[b] not in "（(，。、；：”" \
                        and not (text[a:b].endswith("试点") and _WORK_ON.match(text, b)):
                    continue
                if text.startswith(_WHAT_FOLLOWS, b):
                    continue  # 地方政府专项债券, 专项资金: the ending qualifies a noun
                if text.endswith(_SPECIAL, a, b) and b < len(text) and _HAN.match(text, b) \
                        and not text.startswith(_AFTER_SPECIAL, b):
                    continue
                if text[a:b] == "意见" and text.endswith("征求", 0, a):
                    continue  # 公开征求意见: opinions asked for, no document named
                tok = next(((ts, te) for ts, te, _t in token_spans(sv) if ts < a < te), None)
                if tok and sv.text[tok[0]:a] in stop_words():
                    continue  # 迅速行动: the ending is a verb's object, not a name's
                key_set = _KEY_SET.search(text, 0, a)
                start = name_start(sv, key_set.start() if key_set else a, max_len=30)
                if b < len(text) and text[b] == "”":
                    # a quoted name is the whole quotation: “机器人创新产品发展行动”
                    open_at = text.rfind("“", max(0, a - 30), a)
                    if open_at >= 0 and "”" not in text[open_at + 1:a]:
                        start = open_at + 1
                issued = _title_after_issuing(sv, start)
                start = issued if issued is not None else \
                    after_leading_verbs(sv, after_verb_before_place(sv, start, a), a)
                start = _fields_joined(sv, _shared_head_start(sv, start, a, suffixes), a, suffixes)
                start = _after_joined_name(sv, start, a, suffixes)
                start = _route_start(sv, start)
                if text[a:b] in _VERB_ENDINGS and (text.startswith(_VERBS_AFTER, b)
                                                   or _BY_YEAR.match(text, b)) \
                        and "“" not in text[start:a]:
                    continue  # 海南省政府规划建设的公路: 规划 is the verb of 规划建设
                heading = _HEADING.match(text, start) or _OWNER_SPOKEN_OF.match(text, start)
                if heading and heading.end() == a:
                    continue  # 公司计划, 该集团方案: a body's unnamed plan
                if heading and heading.end() < a and heading.end() in sv.bounds:
                    start = heading.end()  # 专栏1|…工程; 公司|…项目: the company's own project
                span = text[start:b]
                if span.count("“") != span.count("”"):
                    if span.startswith("“"):
                        start += 1
                    else:
                        continue
                award = text[a:b].endswith("奖")
                if award:  # 授予两位科学家国家最高科学技术奖: the state names its awards
                    state = max(text.rfind("国家", start, a), text.rfind("中华人民共和国", start, a))
                    start = max(start, state)
                    if state < 0 and not starts_with_place(text[start:a]) \
                            and text[start] not in "省市":
                        continue  # 获得科技进步奖: an award of no named giver
                surface = text[start:b]
                bare = surface.strip("“”")
                # a quotation around the name, not a speech that opens with it (“实验项目的…)
                quoted = "“" in surface or (start > 0 and text[start - 1] == "“"
                                            and text.startswith("”", b))
                if not quoted and _LIST_HEAD.search(text, start, a):
                    continue  # …产业城等|项目: the head noun of a list, whatever jieba glued
                if text[a:b] == "项目" and not quoted and _INSTITUTION.search(text, start, a):
                    continue  # 湖南大数据交易所|项目建设: the body is named, its project is not
                if a - start < MIN_NAME or _TOO_GENERIC.match(bare) or _DESCRIPTIVE.search(bare) \
                        or (_SUPERLATIVE.search(bare) and not award) \
                        or (word_frequency(bare) > 0 and not award and bare not in known) \
                        or text[a - 1] in _CONJUNCTIONS \
                        or is_place_name(text[start:a]):
                    continue  # 目录和清单: two generic endings joined; 日本计划: a place plans
                if _COUNTED_BEFORE.search(text, max(0, start - 12), start) \
                        or _COUNTED_AFTER.match(text, b):
                    continue
                counted = _PLACE_COUNT.match(bare)
                if counted:  # 常州市六大工程: the place's "six projects", named 六大工程
                    start += counted.start(1) + (1 if surface.startswith("“") else 0)
                    bare = counted.group(1)
                elif _COUNT_PREFIX.match(bare) and not quoted:
                    continue  # 六个专项行动 counts parts of a plan
                if strength == "national":
                    # 合肥高新区|国家数字服务出口基地, 争创|国家级先进制造业集群: a designation
                    # the state confers begins at 国家; 示范区 alone is a kind
                    national = _NATIONAL.search(text, start, a)
                    if national is not None and a - national.end() >= 2:
                        start = national.start()
                    elif text[a:b] == "试点城市":
                        b, strength = b - 2, "weak"  # 公立医院综合改革试点|城市: the pilot's cities
                    else:
                        continue
                # a year before a weak ending titles the list as quotes do: 2022年民生实事项目清单
                dated = with_leading_year(text, start) < start
                if strength == "titled" and not (quoted or dated):
                    continue  # 债务高风险地区名单 describes a list; 2023年…候选人名单 is one
                if strength in ("weak", "titled") and (
                        (not quoted and not dated and a - start < WEAK_MIN)
                        or is_generic(sv, start, a) or _is_category(sv, start, a)):
                    continue  # 科技政策 even in quotes is a description
                if strength == "strong" and not quoted and a - start < 4 and not award \
                        and is_generic(sv, start, a):
                    continue
                words = [t for _s, _e, t in tokens_within(sv, start, a)]
                if not quoted and (words or start not in sv.bounds) \
                        and all(w in name_verbs() or is_predicate(w) for w in words):
                    if tok is None or text[tok[0]:tok[1]] not in known or tok[1] != b:
                        continue  # 提升行动, 纠正|专项: a verb and an ending, no name; 对|外承包工程
                    start = tok[0]  # 继续搞好|三峡工程: the known programme the ending closes
                dated = with_leading_year(text, start)
                if dated < start:
                    # 包头市|2022年|…考评办法: the place written before the year is the name's too
                    start = dated
                    ends = places_ending(passage, sv) if ends is None else ends
                    if start in ends and ends[start].start in sv.view.offsets:
                        start = sv.view.offsets.index(ends[start].start)
                end = b
                years = _YEAR_RANGE.match(text, b)
                if years:
                    end = years.end()
                yield sv.mention(start, end, Label.PROGRAMME, name,
                                 canonical=text[start:end], doc=passage.doc)
                yield from _named_instance(sv, end, name, passage)
            for m in _SELF_REFERENCE.finditer(text):
                if m.start() in sv.bounds and (m.end() in sv.bounds or m.end() == len(text)):
                    # 制定本行动计划: resolved by kg.link to the plan the article is about
                    yield sv.mention(m.start(), m.end(), Label.PROGRAMME, name,
                                     canonical=m.group(), doc=passage.doc)
            for (_s, e), title in zip(books, (m.group(1) for m in _BOOK_TITLE.finditer(text))):
                if not _is_periodical(title.strip()):
                    yield from _named_instance(sv, e, name, passage)
    return extract


# an abbreviation defined inside a name: 部际联席会议（以下简称联席会议）制度
_DEFINITION_INSIDE = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[^（）()]{1,12}[）)]$")


def _institution(sv: SentenceView, a: int, b: int, bodies: tuple[str, ...], name: str,
                 passage: Passage) -> Iterator[Mention]:
    """An institution set up around a body: 建立国务院职业教育工作部际联席会议制度.

    The ending (制度) makes a programme only right after a body's name; 安全管理制度 is none.
    """
    text = sv.text
    definition = _DEFINITION_INSIDE.search(text, 0, a)
    body_end = definition.start() if definition else a
    body = next((x for x in bodies if text.endswith(x, 0, body_end)), None)
    if body is None:
        return
    start = name_start(sv, body_end - len(body), max_len=30)
    if body_end - len(body) - start < MIN_NAME:
        return
    yield sv.mention(start, b, Label.PROGRAMME, name, canonical=text[start:body_end] + text[a:b],
                     doc=passage.doc)


# a programme followed by the quoted name of one instance of it:
# 上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”
_INSTANCE = re.compile(r"“([^“”《》]{4,40})”")


def _named_instance(sv, end: int, name: str, passage: Passage) -> Iterator[Mention]:
    m = _INSTANCE.match(sv.text, end)
    if m:
        yield sv.mention(m.start(1), m.end(1), Label.PROGRAMME, name,
                         canonical=m.group(1), doc=passage.doc)


OFFICIAL_TITLE_EXTRACTOR = "pattern.official_title"
# kg.link names a plan a title issues (关于印发《…》的通知) as a mention inside the title
ISSUED_DOCUMENT_EXTRACTOR = "link.issued_document"
# what may stand between the bodies that head one title: 工业和信息化部办公厅 农业农村部办公厅
_BETWEEN_ISSUERS = frozenset(" \u3000\t、和与及")


def issuers_of_title(title: Mention, ms: list[Mention], at: int, text: str) -> list[Mention]:
    """The bodies written right before an official title, in order: 工业和信息化部办公厅
    农业农村部办公厅 商务部办公厅|关于开展…的通知 -> the three. ``ms`` are sorted mentions and
    ``at`` the title's index among them."""
    out: list[Mention] = []
    edge = title.start
    for m in reversed(ms[:at][-8:]):
        gap = text[m.end:edge]
        if m.end > edge or m.label not in ORGANIZATION_LABELS or len(gap) > 2 \
                or any(c not in _BETWEEN_ISSUERS for c in gap):
            break
        out.append(m)
        edge = m.start
    return out[::-1]



# an official document named by its title: 关于…的通知 / 意见 / 决定 / 批复 / 请示 …; the title may
# quote the plan it issues (关于印发《…办法》的通知), never a sentence's end
DOCUMENT_KINDS = ("指导意见|实施意见|若干意见|意见|通知|决定|批复|请示|报告|复函|告知函|函|公告|"
                  "通告|办法|规定|决议")
_OFFICIAL_TITLE = re.compile(r"关于[^。；！？，：\n]{2,150}?的(?:" + DOCUMENT_KINDS + r")(?!建议|稿)")

# how a document's title in 《》 ends: a programme's ending, a kind of document, a year (中国制造
# 2025), once a draft or period mark is set aside (…纲要（草案）, …方案（2021—2023年）); 《邓小平
# 文选》, a game or a film in 《》 is no document
_DOCUMENT_END = re.compile(r"(?:法|法典|条例|协定|条约|公约|决定|建议|声明|准则|细则|解释|规定|决议|"
                           r"纲要|草案|书|协议|政策|报告|预案|要点|章程|宣言|公报|纲领|"
                           + DOCUMENT_KINDS + r"|\d{4}年?)$")
_TRAILING_MARK = re.compile(r"\s*[（(][^（）()]{1,20}[）)]\s*$")


def _is_document(title: str, suffixes: Gazetteer) -> bool:
    """Whether a title in 《》 names a policy document (a plan, a law, a notice, a treaty)."""
    title = _TRAILING_MARK.sub("", title).rstrip()
    return bool(_DOCUMENT_END.search(title)) \
        or any(b == len(title) for _a, b, _v in suffixes.find(title))


@register(OFFICIAL_TITLE_EXTRACTOR, labels={Label.PROGRAMME})
def make_official_title_extractor(name: str):
    """Official documents named by their title, 关于…的通知.

    国务院关于2020年度国家科学技术奖励的决定 -> 关于2020年度国家科学技术奖励的决定 (Programme;
    kg.link names it after the issuers written before it: 国务院关于…的决定).
    """
    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            for m in _OFFICIAL_TITLE.finditer(sv.text):
                body = m.group()
                if any(body.count(a) != body.count(b) for a, b in ("《》", "“”", "「」")):
                    continue  # a title cut by a quotation it only opens
                yield sv.mention(m.start(), m.end(), Label.PROGRAMME, name, canonical=body,
                                 doc=passage.doc)
    return extract


WORK_REPORT_EXTRACTOR = "pattern.work_report"
_WORK_REPORT = "政府工作报告"
_YEAR_BEFORE = re.compile(r"(\d{4})年$")
_STATE_COUNCIL_BEFORE = re.compile(r"(?:中华人民共和国)?国务院$")
# the dateline of a report: ——2024年1月25日在苏州市第十七届人民代表大会第三次会议上
_DATELINE = re.compile(r"(\d{4})年\d{1,2}月\d{1,2}日[^\n。]{0,20}?在([^\n。]{2,16}?)第[一二三四五六七八九十]+届"
                       r"人民代表大会")
# the year a report plans for: 二、2024年工作安排
_PLAN_YEAR = re.compile(r"(\d{4})年(?:政府)?工作(?:安排|重点|任务|建议|总体要求)")
_DATELINE_SPAN = 300  # characters after the title the dateline is in


@register(WORK_REPORT_EXTRACTOR, labels={Label.PROGRAMME})
def make_work_report_extractor(name: str):
    """Government work reports, named by place and year: 根据海淀区2022年政府工作报告 ->
    海淀区2022年政府工作报告; 2025年西藏政府工作报告 -> 2025年西藏自治区政府工作报告.

    A bare 政府工作报告 names the article's own report when the article is one (its title is a
    work report's): its place and year come from the dateline (——2024年1月30日在深圳市第七届
    人民代表大会…) or, without one, from the year it plans for (2024年工作安排) and the place the
    article is about -> 深圳市2024年政府工作报告. 关于政府工作报告的决议 names no report.
    """
    def extract(passage: Passage) -> Iterator[Mention]:
        own: str | None = None  # the article's own report, once its title is found to be one
        for sv in passage.sentences:
            ends = None
            for hit in re.finditer(_WORK_REPORT, sv.text):
                start = hit.start()
                if sv.text[max(0, start - 2):start].endswith(("关于", "《")):
                    continue  # a title of its own (关于政府工作报告的决议), or one in 《》
                year = place = ""
                late = _YEAR_BEFORE.search(sv.text, 0, start)
                if late:
                    year, start = late.group(1), late.start()
                ends = places_ending(passage, sv) if ends is None else ends
                council = _STATE_COUNCIL_BEFORE.search(sv.text, 0, start)
                namesake = _place_written_before(sv.text, start)
                if start in ends:
                    place, start = ends[start].canonical, sv.view.offsets.index(ends[start].start)
                elif namesake:  # 朝阳区 (two districts of the name): as written
                    place, start = namesake, start - len(namesake)
                elif council:
                    place, start = council.group(), council.start()
                early = _YEAR_BEFORE.search(sv.text, 0, start) if place and not year else None
                if early:
                    year, start = early.group(1), early.start()
                in_title = passage.article.title_start <= sv.sentence.start \
                    < passage.article.title_end
                written = place
                if not (year and place):
                    if in_title:
                        found = _report_of(passage)
                        year, place = year or found[0], place or found[1]
                    elif own is not None:
                        yield sv.mention(start, hit.end(), Label.PROGRAMME, name,
                                         canonical=own, doc=passage.doc)
                        continue
                if not (year and place):
                    continue
                # in the order written (2025年辽宁省…, 海淀区2022年…); a bare one place first
                canonical = f"{year}年{place}{_WORK_REPORT}" if early or (late and not written) \
                    else f"{place}{year}年{_WORK_REPORT}"
                if in_title:
                    own = canonical
                yield sv.mention(start, hit.end(), Label.PROGRAMME, name, canonical=canonical,
                                 doc=passage.doc)
    return extract


def _place_written_before(text: str, end: int) -> str:
    """The name of a place written right before ``end``, whichever place of the name it is."""
    window = text[max(0, end - 12):end]
    return next((window[a:] for a, b, _rows in places_named_in_words(window)
                 if b == len(window)), "")


def _report_of(passage: Passage) -> tuple[str, str]:
    """The year and place of the report an article is: from its dateline, else from the year
    it plans for and the place it is about ("" for what is not found)."""
    text, a, index = passage.doc.text, passage.article, place_index()
    dateline = _DATELINE.search(text, a.body_start, min(a.end, a.body_start + _DATELINE_SPAN))
    if dateline:
        place = next((index[rows[0].key].name for s, _e, rows
                      in places_named_in_words(dateline.group(2))
                      if s == 0 and len(rows) == 1 and rows[0].key in index), "")
        return dateline.group(1), place
    planned = _PLAN_YEAR.search(text, a.body_start, a.end)
    key = next((passage.context[level] for level in ("district", "city", "province")
                if level in passage.context), "")
    return (planned.group(1) if planned else "", index[key].name if key in index else "")


LISTED_PROJECT_EXTRACTOR = "pattern.listed_project"
# projects listed before 等…项目: 推进望城智慧产业城、梅溪湖科技城、岳麓国际智造城等项目建设 (what
# stands between 等 and 项目 qualifies the projects: 一批重大, 重点)
_PROJECT_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9“”+·（）()]")
_PROJECT_LIST_END = re.compile(r"等(?:[^\W\d_的在和与及对为是了将从向把被]{0,6}?)项目")
# 等 and a qualifier before an ending close a list: 南疆铁路、…等重点|项目 names the list's kind
_LIST_HEAD = re.compile(r"(?<![高平对均同相初中上次特超何])等(?:一批|一系列)?(?:重大|重点|大型|骨干|标志性|示范)?"
                        r"(?:建设|工程|产业|基础设施)?$")
# an item that counts or describes (178项节能, 具备条件的重大工程), is a works (兰州炼油厂) or the
# work done on one (…钢厂升级, …余热节能, …炼化一体化, a phase: …冷轧二期) is no named project;
# a facility is (…科技城, …产业园, …数谷)
_NOT_A_PROJECT = re.compile(r"的|^\d|[厂矿]$|(?:升级|改造|扩建|扩能|技改|节能|一体化|搬迁|"
                            r"[一二三四五六七八九十]期)$")


def _proper_item(sv: SentenceView, start: int, end: int) -> bool:
    """Whether a listed item reads as one named thing: no word of the dictionary, and a rare
    word of two characters or more, or a place or known body at its head (溪洛渡水电站,
    山西阳城坑口电厂; not 交通, 高端装备, 上汽大众)."""
    item = sv.text[start:end]
    words = tokens_within(sv, start, end)
    if not words or word_frequency(item) > 0 or is_place_name(item) \
            or is_generic(sv, start, end, common=True) or _NOT_A_PROJECT.search(item):
        return False
    return "“" in item \
        or any(len(w) >= 2 and word_frequency(w) < RARE_WORD for _s, _e, w in words) \
        or starts_with_place(item) or _starts_with_known_body(item)


def _after_particles(sv: SentenceView, start: int, end: int) -> int:
    """The first item of a list without the verbs and particles before it: 新开工了|南疆铁路."""
    words = tokens_within(sv, start, end)
    k = 0  # verbs as a leading run only: 蓝思|智能|制造|产业园 keeps its own verb
    while k < min(3, len(words) - 1) and (words[k][2] in stop_words() or words[k][2] in name_verbs()
                                         or is_predicate(words[k][2])):
        k += 1
    # a particle closes the verb phrase before it, whatever the verb: 新开工|了|南疆铁路
    particles = [j for j, (_s, _e, w) in enumerate(words[:3]) if w in stop_words() and j >= k]
    if particles and particles[-1] + 1 < len(words):
        k = particles[-1] + 1
    return words[k][0] if k else start


def _starts_with_known_body(item: str) -> bool:
    from kg.extractors.gazetteers import known_body
    return any(known_body(item[:n]) is not None for n in range(2, min(len(item), 8)))


@register(LISTED_PROJECT_EXTRACTOR, labels={Label.PROGRAMME})
def make_listed_project_extractor(name: str):
    """Projects no ending names, listed before 等…项目: 推进望城智慧产业城、梅溪湖科技城、岳麓国际智造城
    等项目建设 -> the three (Programme); 实施一批交通、能源、水利等重大工程项目 (sectors) -> nothing.
    Most items must read as names; then every item that is no dictionary word or generic phrase
    is one."""
    informal_firm("")  # the owners' table is built before workers fork

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            if "项目" not in sv.text:
                continue
            for m in _PROJECT_LIST_END.finditer(sv.text):
                spans = list_items(sv, m.start(), _PROJECT_CHARS, 16)
                if not spans:
                    continue
                spans[0] = (_after_particles(sv, *spans[0]), spans[0][1])
                spans = [(a, b) for a, b in spans
                         if sv.text[a:b].count("“") == sv.text[a:b].count("”")]
                proper = [sp for sp in spans if _proper_item(sv, *sp)]
                if 2 * len(proper) <= len(spans):
                    continue
                for a, b in spans:
                    item = sv.text[a:b]
                    if word_frequency(item) == 0 and not is_generic(sv, a, b, common=True) \
                            and not is_place_name(item) and not _NOT_A_PROJECT.search(item) \
                            and not any(item.endswith(e) for e, _label in name_endings()):
                        yield sv.mention(a, b, Label.PROGRAMME, name, canonical=item,
                                         doc=passage.doc)
    return extract
