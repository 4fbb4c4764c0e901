"""Targets and statistics: what a text sets for the future and what it reports.

Owns: deciding, for every number of a sentence (:mod:`kg.extractors.numbers`), whether it is a
**target** (到2025年，70%的规模以上制造业企业基本实现数字化网络化; 今年发展主要预期目标是：国内生产总值
增长5%左右), a **statistic** (全省地区生产总值增长5.8%; 2022年上半年…实现营业收入2059.19亿元) or
neither (counts of a plan's parts: 十大工程, 18项政策; qualifiers: 超100亿元的项目; numbers inside
names); the year each refers to (resolved by :mod:`kg.extractors.timeframe` against the
document's year and the part of the report it sits in); the indicator phrase with its change verb
(比上年增长), its normalised measure (:mod:`kg.measures`), and whose number it is (the place,
organisation or programme named before it, else the article's programme or place).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.extractors.base import Passage, SentenceView
from kg.extractors.gazetteers import place_index
from kg.extractors.numbers import PRE_COMPARATOR, Number, find_numbers
from kg.extractors.timeframe import NO_PART, Part, TimeMark, is_deadline, time_marks
from kg.keys import entity_key
from kg.measures import measure_of
from kg.segment import tokens
from kg.types import ORGANIZATION_LABELS, Label, Mention, Statistic, Target

EXTRACTOR = "pattern.quantity"
# one of the goals a number sets for several indicators (X、Y均达到N): its IRI names its measure
EACH_EXTRACTOR = "pattern.quantity.each"
COUNTRY_KEY = "place:100000"
_CLAUSE = re.compile(r"[，；。：！？;:!?]|,(?!\d{3}(?!\d))")  # (3,989亿斤: a thousands separator)
# the future: a goal, a plan, what will be
# 将 looks forward after an adverb or before a verb (还将完善, 将于, 将突破); 将X定位为Y does not
_WILL = (r"(?:[还也并均都亦仍即或又则]|今年|明年|未来|预计)将|将(?:会|于|在|要|进一步|继续|加快|重点|全面|"
         r"持续|大力|着力|逐步|新增|建成|实现|达到|超过|突破|完成|开工|投产|带动|形成|迎来|推出|发行|启动|"
         r"举办|建设|推进|开展|实施|完善|打造|提升|增加|提高|扩大|出台|新建|改造|培育|引进|推动|促进|保持|"
         r"加大|投资|投入|分[一二三四五六七八九十\d]+期)")
_FORWARD = re.compile(r"力争|争取|目标|确保|计划(?=[到在于将投新建实完达开推使今明])|按计划|拟|预计|"
                      r"(?<![于出过])预期|"
                      rf"{_WILL}|力求|有望|规划(?=产能|建设|面积|到|在)|今后|未来[一二三四五六七八九十\d]*年|"
                      r"提出(?=[^，。；]{0,20}\d)|"
                      # 会议要求，2026年全市实施…项目1.2万个以上: what a meeting or a paper asks for
                      r"(?:会议|会上|文件|方案|意见|通知|规划)(?:要求|明确|强调|提出|指出)")
# an estimate of a period under way or ended (a company's 业绩预告): a result reported early
_ESTIMATED_PERIOD = re.compile(r"预计(?:今年|本年度?|\d{4}年)?(?:上半年|前[三3]季度|第?[一二三四1-4]季度|半年度|"
                               r"\d{1,2}\s*[-—至~]\s*\d{1,2}月|前\d{1,2}个?月)")
# the past or the present as reported
_PAST = re.compile(r"已经|已|截至|截止|目前|现有|共有|过去|去年|上年|此前|同比|环比|授予|评选出|表彰|"
                   r"[比较](?:上年|去年|上一年)|创(?:历史)?新高|刷新")
_CHANGE = re.compile(r"同比|环比|比上年|较上年|比去年|较去年|[比较]\d{4}年|[比较][上去]年(?:同期|末|底)?|"
                     r"[比较](?:上月|\d{1,2}月(?:底|末|初|份)?)")
_PERIOD = re.compile(r"每年|年均|年平均|平均每年")
# verbs of building: one that ends the words before a count says that what follows it is what
# is counted; one a little before a plan's count is what its task does (培育10个以上, 布局10个左右)
_BUILD_VERBS = "培育|建设|建成|打造|布局|新建|创建|认定|遴选"
_BUILDS_AT_END = re.compile(rf"(?:{_BUILD_VERBS})$")
_SETS_UP = re.compile(rf"(?:{_BUILD_VERBS}|新增|推广|引进|形成|支持)[^，；。]{{0,6}}$")
# a part of a year a report speaks of: 上半年, 前三季度, 一季度, 1-5月, 前五个月
_PART_OF_YEAR = re.compile(r"[上下]半年|前三季度|[一二三四]季度|\d{1,2}[-—~至]\d{1,2}月|"
                           r"前[一二三四五六七八九十\d]{1,2}个?月")
_WHOLE_YEAR = re.compile(r"全年|(?<![一二三四五六七八九十两几\d])年内|年底前|(?<!\d)年度(?:计划|目标|任务)")
# a number that conditions what is counted: 投资超5000万元的项目, 超100亿元的企业
_QUALIFIER_AFTER = re.compile(r"^的[^，。；、]{0,12}?(?:项目|企业|工程|产品|城市|地区|县|单位|机构|院校|车型)"
                              r"|^(?:级|规模以上|以上规模|项目|产值产业|产业)")
# 推出15项稳定外贸外资的具体举措: a count of a policy's parts, however qualified
_POLICY_PARTS_AFTER = re.compile(r"^[^，。；、]{0,24}?(?:政策|措施|举措|任务|指标|硬招|实招)"
                                 r"(?:[，。；、和的]|$)")
# 北京、天津、上海等8个城市: the count of a list just written out
_LIST_COUNT_UNITS = frozenset({"个", "家", "所", "座", "项", "条", "类", "批"})
# counts of a plan's own parts: 115项重点任务, 三个方面, 六个专项行动, 18项政策
_PARTS_AFTER = re.compile(r"^(?:重点|主要)?(?:任务|措施|举措|工作措施|方面|专项行动|行动|工程|领域|环节|"
                          r"步骤|政策|条款|条措施|项政策|部分|章|节|指标|体系)")
# durations and ages: 30个工作日内, 18周岁
_DURATION_AFTER = re.compile(r"^(?:工作日|自然日|日内|天内|小时|分钟|周岁|岁|以内完成)")
_RANK_BEFORE = re.compile(r"(?:居|位居|位列|排名|排在|列)[^，。；]{0,10}第$")
# 翻番 / 翻一番 doubles, 翻两番 quadruples: a target written without digits
_DOUBLING = re.compile(r"翻([一两三])?番")
_DOUBLINGS = {"一": "2", "两": "4", "三": "8"}
# words that end an indicator before its number and say nothing of what is measured
_EDGE_VERBS = re.compile(
    r"^(?:——|—|其中|同时|此外|另外|该公司|本公司|该集团|该企业|我们|我省|我市|我区|我县|首次|再次|全年|全省|全市|全区|全国|我国|今年|去年|上年|当年|"
    r"累计|新增|建成|培育|打造|认定|推广|创建|实施|达到|力争|争取|确保|基本|以上|带动|形成|突破|"
    r"引进|推动|支持|实现|超过|分别|的|共|均|已经|已|将|要|预计|约|仅)+"
    r"|(?:达到|超过|超|达|约|为|分别|均|共|不少于|不低于|接近|保持在|保持|稳定在|控制在|提高到|提高至|"
    r"提升至|提升到|增至|增加到|降至|降到|降低到|下降到|上升至|上升到|跨上|迈上|突破|实现|报收|收于|"
    r"预计|继续|同比|较|(?<!占)比|完成|将|有望|从|由|有|在|居|位居|逾|近|总计|合计|每股|"
    r"[比较](?:19|20)\d\d年[底末]?)+$")
# a change written without what changes: 增长5.2%, 同比下降12.18%
# (占比: a share of what the clause before measured, 外资676.5亿元，占比31.5%)
_CHANGE_VERB = r"(?:增长|下降|减少|增加|上涨|下跌|提高|提升|回落|上升|降低|占比|降幅|增幅|涨幅|跌幅|增速|" \
    r"多增|少增|多|少)"
# what a change is compared with: 同比, 比上年同期, 较2023年, 比1980年预计 (…预计数), 比1995年底
_COMPARED = r"(?:同比|环比|[比较](?:上年|去年|上一年|(?:19|20)\d\d年)(?:底|末|同期|预计|实际)?|实际|" \
    r"[比较](?:上月|上季度|\d{1,2}月|年初)(?:末|底|份)?|" \
    r"是(?:[一二三四五六七八九十\d]+年前|上年|去年|(?:19|20)\d\d年)的)"
_ADVERB = r"(?:[又也还将只]|分别|年均|年平均|平均)"
_BARE_CHANGE = re.compile(rf"^{_ADVERB}?{_COMPARED}?{_ADVERB}?{_CHANGE_VERB}?了?$")
_BARE_CHANGE_TAIL = re.compile(rf"{_ADVERB}?{_COMPARED}?{_ADVERB}?{_CHANGE_VERB}了?$")
# the last time the words before a number speak of; a time compared with is none (工业投资较2023年
# 增长, 比去年增长: the indicator is what grew, not 增长)
_LAST_TIME = re.compile(r"^.*(?<![比较同])(?:今年|去年|全年|[上下]半年度?|前三季度|[一二三四]季度|"
                        r"(?:19|20)\d\d年度?(?:[上下]半年度?|[一二三四]季度)?)")
# the company an article speaks of, named by a word for it
_FIRM_WORD = re.compile(r"(?<![子分])(?:公司|集团)")
_PER_YEAR_TAIL = re.compile(r"(?:年均|年平均|平均每年|每年)$")  # 地区生产总值年均|增长5%
_TOPIC_MAX = 16
# a clause that says something of what it names rather than naming what is measured
_PREDICATE_ONLY = re.compile(r"[，。；]|^(?:按|据|从|在|对|经过|通过|其中|同时)|(?:显示|表示|介绍|指出|认为)$")
_END_TIME = re.compile(r"(?:从|由|(?<!增加|提高|增长|下降|降低|减少|上升|提升|扩大)[到至])?"
                       r"(?:19|20)\d\d年[底末]?的?$")
_SUBJECT_WORDS = re.compile(r"^(?:\d{4}年[末底初]?|今年|去年|上年|[上下]半年|前三季度|[一二三四]季度|全年|"
                            r"\d{1,2}月(?:份|末|底|初|[上中下]旬)?|\d{1,2}[-—~至]\d{1,2}月|1-\d+月|年内|"
                            r"期内|当年|年[末底初]|前[一二三四五六七八九十\d]{1,2}个?月)+")


@dataclass(slots=True)
class QuantityContext:
    """What a sentence's numbers are read against."""

    doc_year: int | None
    part: Part = NO_PART
    deadline: int | None = None  # the deadline governing the sentence (its own or its frame's)
    goal_list: bool = False  # the sentence states goals (今年…主要预期目标是：…)
    plan_like: bool = False  # the article is a plan or notice: numbers need a reporting cue
    programme: str = ""  # the programme the article's title names
    place: str = ""  # the place the article is about (中国 when no other)
    carried_year: int | None = None  # the year the sentence's paragraph has spoken of
    firm: str = ""  # the company the article names most: the 公司 its numbers speak of


def _clauses(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((start, text[start:m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return [(s, c) for s, c in out if c]


def _indicator(clause: str, n: Number, previous: list[Number]) -> str:
    """What is measured: the words before the number in its clause (全省地区生产总值增长5.8% ->
    地区生产总值增长), after the previous number of the clause ("A30个、B300个"); a clause that
    only has a verb before its number reads on after it (建成500个以上智能工厂 -> 建成智能工厂)."""
    before = clause[:n.start]
    if previous:
        own = re.sub(r"^[和、及与，以及]+|[和、及与]+$", "", before[previous[-1].end:])
        # 分别超过70%和50%: the second shares the words before the first
        before = own if len(own) >= 2 else before[:previous[0].start]
    before = re.sub(r"^[和、及与，以及]+|[和、及与]+$", "", before)
    # 中央提出今年经济增长预期目标为…, 120家基金公司2023年上半年度实现管理费收入: what follows the time
    timed = _LAST_TIME.match(before)
    if timed and len(before) - timed.end() >= 2:
        before = before[timed.end():]
    # 增加值从2020年的7020亿元增加到2025年的1.1万亿元: the years of a change's ends are no part
    ended = _END_TIME.search(before)
    before = before[:ended.start()] if ended else before
    before = _SUBJECT_WORDS.sub("", _EDGE_VERBS.sub("", before))
    before = _EDGE_VERBS.sub("", before).strip("，、和及（）()")
    after = clause[n.end:]
    if re.match(r"[和、及与]", after) or find_numbers(after[:12]) or ended:
        after = ""  # (从1997年的509亿元增加到…: what follows is the change, not what is measured)
    after = re.split(r"[，、]", _EDGE_VERBS.sub("", after.lstrip("的")), maxsplit=1)[0]
    verb = _BUILDS_AT_END.search(before)
    if verb and 2 <= len(after) <= 12 and len(before) > len(verb.group()):
        phrase = verb.group() + after  # 在京津冀…等区域布局10个…园区: 布局…园区
    elif len(before) >= 3 or (before and not after):
        phrase = before
    elif after:
        phrase = before + after if len(before) <= 2 else before
    else:
        phrase = before
    return phrase[:60]


def _without_names(indicator: str, names: list[str]) -> str:
    """An indicator without the names of whose it is at its start (临海市规模以上工业增加值增长 ->
    规模以上工业增加值增长, 晋江市、南安市工业增加值增速 -> 工业增加值增速): the owner is a
    relation of its own."""
    changed = True
    while changed:
        changed = False
        for name in names:
            listed = indicator.startswith("、" + name)
            if (indicator.startswith(name) or listed) and len(indicator) - len(name) >= 2 + listed:
                indicator, changed = indicator[len(name) + listed:].lstrip("的"), True
    return indicator.lstrip("、")


def _mark_before(marks: list[TimeMark], at: int, kinds: tuple[str, ...]) -> TimeMark | None:
    found = [t for t in marks if t.end <= at and t.kind in kinds]
    return found[-1] if found else None


# who a number belongs to: a name right after these is compared with, shared of or a location
# (居全国第5位: the scope of a rank is not whose it is)
_NOT_OWNER_BEFORE = re.compile(r"(?:比|较|占|与|同|向|对|在|于|赴|到|从|和|及|、|全|居|列)$")


def _owner(sf, sv: SentenceView, doc_at: int, reported: bool = False) -> str:
    """The organisation, place or programme named last before a number in its sentence that is
    not compared with (比北京), shared of (占北京市的) or a location (在香港); of a ``reported``
    figure, not the body that reports it (a ministry that says what it will do sets a goal)."""
    text = sf.passage.doc.text
    for m in reversed([m for m in sf.mentions if m.end <= doc_at]):
        if not (m.label in ORGANIZATION_LABELS or m.label.is_place or m.label is Label.PROGRAMME):
            continue
        before = text[max(sv.sentence.start, m.start - 2):m.start]
        if _NOT_OWNER_BEFORE.search(before) and not (m.end == doc_at and before.endswith("、")):
            continue  # (其中苏州412家、南京186家: a name right before its number owns it)
        if m.label is Label.MEDIA \
                or (reported and m.label is Label.AGENCY and _REPORTS.search(text, m.end, doc_at)):
            continue  # 南方日报讯…, 广东省统计局发布数据显示，全省…: who reports is no owner
        return entity_key(m)
    return ""


# what a body that reports figures does: it is their source, not whose they are
_REPORTS = re.compile(r"发布|公布|数据显示|统计显示|显示|通报|介绍|表示")


_LISTED = re.compile(r"[、和及与]")


def _listed_owners(sf, sv: SentenceView, clause_start: int, clause: str, count: int) -> list[str]:
    """The owners of a clause's numbers one by one when the clause lists as many before 分别
    (晋江市、南安市、石狮市工业增加值增速分别为8.1%、7.6%和6.9%); else none."""
    at = clause.find("分别")
    if at < 0 or count < 2:
        return []
    if not _LISTED.search(clause, 0, at):
        # 湛江、茂名增速较快，分别增长5.6%和5.2%: the list is the clause's before
        previous = sv.text.rfind("，", 0, max(0, clause_start - 1))
        clause_start, at = previous + 1, clause_start + at - previous - 1
    if at <= 0:
        return []
    lo, hi = sv.view.span(clause_start, clause_start + at)
    text = sf.passage.doc.text
    chain: list[Mention] = []
    for m in sf.mentions:
        if lo <= m.start and m.end <= hi and (m.label in ORGANIZATION_LABELS or m.label.is_place):
            joined = chain and text[chain[-1].end:m.start] in ("、", "和", "及", "与")
            chain = [*chain, m] if joined else [m]
    return [entity_key(m) for m in chain] if len(chain) == count else []


def _topic(clause: str, names: list[str]) -> str:
    """What a short clause without numbers names for the clause after it to measure
    (全国研究与试验开发经费，从1997年的509亿元增加到…); "" for a clause that says more."""
    words = _without_names(_EDGE_VERBS.sub("", clause), names)
    return words if 2 <= len(words) <= _TOPIC_MAX and not _PREDICATE_ONLY.search(words) else ""


# a call for applications: its bounds (以上, 以内, 不超过) are conditions on who may apply
# what a policy grants, up to an amount: 给予最高500万元奖励, 按投资额的10%给予补助
_GRANT_BEFORE = re.compile(r"(?:给予|奖励|补助|补贴|资助)(?:最高|不超过|最多)?$|最高(?:给予|奖励|补助|补贴)?$")
_GRANT_AFTER = re.compile(r"(?:的)?(?:奖励|补助|补贴|资助|奖补|扶持)")
# (申请量, 申报数: how many applied, a figure)
_APPLICATION = re.compile(r"申报(?![量数])|申请(?![量数额件])|参评|报名(?![量数])|遴选条件|准入条件")


def _excluded(clause: str, n: Number, mention_spans: list[tuple[int, int]], doc_span) -> bool:
    after = clause[n.end:]
    a, b = doc_span
    if any(s <= a and b <= e for s, e in mention_spans):
        return True  # 2021世界智能制造大会, 5G: a number inside a name
    if _QUALIFIER_AFTER.match(after) and n.unit != "%":
        return True
    if after.startswith("的") and find_numbers(after[:20]):
        return True  # 投资超5000万元的…项目150个: a condition on what is counted
    if _PARTS_AFTER.match(after) or _DURATION_AFTER.match(after):
        return True
    if n.unit in ("项", "条") and _POLICY_PARTS_AFTER.match(after):
        return True
    if n.unit in _LIST_COUNT_UNITS and clause[:n.start].endswith("等") \
            and n.value == str(clause[:n.start].count("、") + 1):
        return True  # 北京、天津、上海等3个城市 counts the list (…条例等29个 is a total)
    if n.unit in ("万", "亿", "万亿") and re.match(r"[\u4e00-\u9fff]", after):
        return True  # 1500亿锂业巨头: a bare magnitude before a noun qualifies it
    if clause[:n.start].endswith(("（", "(")) and after.startswith(("）", ")")):
        return True  # 日常监测（60%）: a weight or share noted in brackets
    if n.comparator != "=" and n.comparator != "~" and _APPLICATION.search(clause):
        return True  # 申报车型…产量在5000辆以上: a condition to apply, neither goal nor figure
    if _GRANT_BEFORE.search(clause, 0, n.start) and _GRANT_AFTER.match(clause, n.end):
        return True  # 给予最高500万元奖励: what a policy grants, neither goal nor figure
    if n.unit == "个月" and (n.value_max or clause[:n.num_start].endswith(("前", "近", "头"))):
        return True  # 今年1-8个月, 前10个月: a stretch of the calendar, no quantity
    if clause[:n.num_start].endswith("第") and not (n.unit == "位"
                                                   and _RANK_BEFORE.search(clause[:n.num_start])):
        return True  # 第三期, 第二批: an ordinal (居全国第2位 is a rank)
    return False


def extract_quantities(sf, ctx: QuantityContext) -> tuple[list[Target], list[Statistic]]:
    """The targets and statistics of one sentence."""
    sv: SentenceView = sf.sv
    text = sv.text
    if "翻" not in text and not find_numbers(text):
        return [], []  # most sentences: no number at all
    doc_text = sf.passage.doc.text
    marks = time_marks(text, ctx.doc_year)
    spans = [(m.start, m.end) for m in sf.mentions]
    cues = _masked(sv, sf.mentions)
    names = sorted({m.name for m in sf.mentions if m.label is not Label.PROGRAMME}, key=len,
                   reverse=True)
    targets: list[Target] = []
    statistics: list[Statistic] = []
    sent = sv.sentence
    inherited = ""
    subject = ""  # what the sentence's last number measured, for a bare 增长5.2% after it
    subject_clause = -2  # the clause it was measured in
    topic = ""  # a short clause without numbers right before: what the next one measures
    for clause_no, (clause_start, clause) in enumerate(_clauses(text)):
        numbers = find_numbers(clause)
        listed = _listed_owners(sf, sv, clause_start, clause, len(numbers))
        for i, n in enumerate(numbers):
            s, e = sv.view.span(clause_start + n.num_start, clause_start + n.num_end)
            end = clause_start + n.num_end
            if _excluded(clause, n, spans, (s, e)) or (
                    end < len(text) and "\u4e00" <= text[end] <= "\u9fff" and end not in sv.bounds):
                continue  # 十五部门: the unit is the start of a word
            comparator = n.comparator
            if n.pre in PRE_COMPARATOR and "分别" in clause[:n.start]:
                inherited = PRE_COMPARATOR[n.pre]
            elif comparator == "=" and not n.pre and inherited:
                comparator = inherited  # 分别超过70%和50%
            at = clause_start + n.start
            kind, year, period = _classify(clause, clause_start, n, marks, ctx, at, cues)
            if kind is None:
                continue
            indicator = _without_names(_indicator(clause, n, numbers[:i]), names)
            if indicator in names:
                indicator = ""  # 苏州412家: the owner, not what is measured
            if _BARE_CHANGE.match(indicator) and "分别" in indicator \
                    and clause_no - subject_clause > 1:
                # a 分别 only of the list right before it (…排放总量首次出现双下降，比上年分别
                # 下降: not what the clause before that measured)
                subject = ""
            if _BARE_CHANGE.match(indicator) and (subject or topic):
                # 国内生产总值超过126万亿元，增长5.2%; 全国研发经费，从1997年的509亿元增加到…
                indicator = (subject or topic) + indicator
            subject = _PER_YEAR_TAIL.sub("", _BARE_CHANGE_TAIL.sub("", indicator)) or subject
            subject_clause = clause_no
            owner = listed[i] if listed else _owner(sf, sv, s, reported=kind == "statistic")
            if not owner and ctx.firm and _FIRM_WORD.search(text, 0, clause_start + n.start):
                owner = ctx.firm  # 公告显示，2025年公司实现营业收入…: the article's company
            record_args = dict(doc_id=sent.doc_id, start=s, end=e, indicator=indicator,
                               value=n.value, unit=n.unit, comparator=comparator,
                               sentence_start=sent.start, sentence_end=sent.end, year=year,
                               value_max=n.value_max, period=period,
                               measure=measure_of(indicator, n.unit), text=doc_text[s:e],
                               extractor=EXTRACTOR)
            if kind == "target":
                setter = owner or ctx.programme or ctx.place
                each = _each_of(indicator, clause[:n.start])
                if len(each) == 1:
                    targets.append(Target(**record_args, setter=setter))
                else:  # 能耗、水耗均下降20%: one goal for each of them
                    targets.extend(Target(**dict(record_args, indicator=one,
                                                 measure=measure_of(one, n.unit),
                                                 extractor=EACH_EXTRACTOR), setter=setter)
                                   for one in each)
            else:
                statistics.append(Statistic(**record_args, subject=owner or ctx.place))
        topic = _topic(clause, names) if not numbers else ""
        for m in _DOUBLING.finditer(clause):  # 机器人密度实现翻番: twice as much, no digits
            deadline = ctx.deadline
            if deadline is None and not ctx.goal_list:
                continue
            s, e = sv.view.span(clause_start + m.start(), clause_start + m.end())
            indicator = _indicator(clause, Number(m.start(), m.end(), m.start(), m.end(), "", "",
                                                  "="), [])
            targets.append(Target(sent.doc_id, s, e, indicator, _DOUBLINGS[m.group(1) or "一"],
                                  "倍", "=", sent.start, sent.end, deadline, None, "",
                                  _owner(sf, sv, s) or ctx.programme or ctx.place,
                                  measure_of(indicator, "倍"), doc_text[s:e], EXTRACTOR))
    return sorted(set(targets)), sorted(set(statistics))


# 均 before the verb: the number holds for each of the indicators listed before it
_EACH = re.compile(r"均(?:下降|增长|提高|降低|增加|减少)?$")


def _each_of(indicator: str, before: str) -> list[str]:
    """The indicators a number holds for: 小麦种植、收获机械化率 before 均达到 -> 小麦种植机械化率,
    小麦收获机械化率 (the first item's head and the last item's tail are shared); else the
    indicator alone."""
    if not _EACH.search(before):
        return [indicator]
    said = _EACH.search(indicator)  # 能耗、水耗均下降: each 下降s
    parts = (indicator[:said.start()] + said.group()[1:] if said else indicator).split("、")
    if len(parts) < 2 or not all(parts):
        return [indicator]
    head = "".join(tokens(parts[0])[:-1])
    tail = "".join(tokens(parts[-1])[1:])
    return [parts[0] + tail] + [head + p + tail for p in parts[1:-1]] + [head + parts[-1]]


def _masked(sv: SentenceView, mentions: list[Mention]) -> str:
    """The sentence's clean view with the names in it blanked, so that cue words are read in
    what the sentence says, not in names (科技计划项目 plans nothing)."""
    chars = list(sv.text)
    offsets = sv.view.offsets
    for m in mentions:
        i = bisect.bisect_left(offsets, m.start)
        while i < len(chars) and offsets[i] < m.end:
            chars[i] = "□"
            i += 1
    return "".join(chars)


def _classify(clause: str, clause_start: int, n: Number, marks: list[TimeMark],
              ctx: QuantityContext, at: int, cues: str) -> tuple[str | None, int | None, str]:
    """("target", "statistic" or None; the year it refers to; its period). ``cues`` is the
    sentence with its names blanked."""
    doc_year = ctx.doc_year
    clause_end = clause_start + len(clause)
    clause = cues[clause_start:clause_end]
    before = clause[:n.start]
    said_before = cues[:at]  # the sentence up to the number
    deadlines = [t for t in marks if t.start < at and is_deadline(t, doc_year)]
    own_deadline = deadlines[-1].year if deadlines else None
    forward = bool(_FORWARD.search(said_before)) or bool(_FORWARD.search(clause[n.end:n.end + 4]))
    if forward and _ESTIMATED_PERIOD.search(said_before):
        forward = False  # 预计上半年净利润8.5亿元: an estimate of a period's results, reported
    elif forward and not _FORWARD.search(before) and not _FORWARD.search(clause[n.end:n.end + 4]):
        # 年度计划投资4600亿元，上半年完成投资2900亿元，投资完成率63%: a part of the year said
        # after the cue, in a clause of its own, ends the cue's reach: what follows it was brought
        cue_end = [m.end() for m in _FORWARD.finditer(said_before)][-1]
        next_clause = _CLAUSE.search(said_before, cue_end)  # 确保一季度…，全年…: the cue's own
        forward = next_clause is None \
            or not _PART_OF_YEAR.search(said_before, next_clause.end())
    last_at = _mark_before(marks, at, ("at",))
    if ctx.part.kind == "review" and deadlines and (last_at is None
                                                     or deadlines[-1].start > last_at.start):
        # a review's 增加到2025年的1.1万亿元: the year reached, not one to reach
        last_at = TimeMark(deadlines[-1].start, deadlines[-1].end, deadlines[-1].year, "at")
    if last_at is None and ctx.carried_year is not None:
        # 2020年，北京市GDP为…。其中海淀区GDP为8504.6亿元: the paragraph's year
        last_at = TimeMark(-1, -1, ctx.carried_year, "at")
    past_at = last_at is not None and doc_year is not None and last_at.year < doc_year \
        and (not deadlines or last_at.start > deadlines[-1].start)
    past_words = bool(_PAST.search(before)) or bool(_CHANGE.search(clause))
    period_match = _PERIOD.search(before) or _PERIOD.search(clause)
    period = ""
    if period_match:
        period = "年均" if period_match.group().startswith(("年", "平均")) else "每年"

    def goal(year: int | None) -> tuple[str, int | None, str]:
        return "target", None if period == "每年" else year, period

    # goals: a list of them, a deadline ahead, a plan part, a plan's period, what will be
    if ctx.goal_list:
        # a goal stays a goal when it was set for a year gone (去年经济增长预期目标为7.5%左右)
        return goal(own_deadline or (last_at.year if last_at else None) or ctx.deadline
                    or (ctx.part.year if ctx.part.kind == "plan" else doc_year))
    reviewed = ctx.part.kind == "review" and own_deadline is not None \
        and (doc_year is None or own_deadline <= doc_year)  # “十四五”时期…增加到 in 发展基础
    if own_deadline is not None and not past_at and not reviewed:
        return goal(own_deadline)  # 到2027年…较2023年增长25%以上: a base does not make it past
    if ctx.deadline is not None and not past_at and not past_words and ctx.part.kind != "review":
        return goal(ctx.deadline)
    if ctx.part.kind == "plan" and not past_at and not past_words:
        return goal(ctx.part.year)
    if forward and not past_at and not past_words:
        this_year = last_at.year if last_at and doc_year and last_at.year >= doc_year else None
        if this_year is None and (_WHOLE_YEAR.search(before) or _PART_OF_YEAR.search(before)) \
                and ctx.part.kind != "review":
            # 力争全年…增长6%以上, 年度计划投资, 力争上半年…: the year it is said in
            this_year = doc_year
        # in a report's review, what is proposed is for the year it is given in
        return goal(this_year or (doc_year if ctx.part.kind == "review" else None))
    if period and ctx.plan_like and not past_at and not past_words and ctx.part.kind != "review":
        return goal(None)
    # reports: a review part, a reporting cue, or news
    if ctx.plan_like and not (past_at or past_words or ctx.part.kind == "review"):
        if n.comparator in (">=", ">", "~") and _SETS_UP.search(before):
            return goal(None)  # 培育10个以上…集群: what a plan's task builds, a goal of no year
        return None, None, ""
    if any(t.kind == "span" and t.start < at for t in marks):
        return "statistic", None, ""  # 2011年至2021年的6次增选中: of several years
    year = last_at.year if last_at else (ctx.part.year if ctx.part.kind == "review" else doc_year)
    # a change over several years keeps its span; its year is the span's end
    reference = year or doc_year
    base = next((t for t in marks if t.kind == "base" and t.start < at
                 and reference and t.year < reference - 1), None)
    if period:
        # 2021年…五年年均增长13.1%: an average over years is reported for the year it ends in
        return "statistic", year, period
    if base is not None and reference:
        # 较2012年底增长64.2% (in 2024): the figure of 2024, over the span since its base; in
        # 从0.64%提高到1.13% the first is the base year's
        if _FROM_VALUE.match(clause, n.end):
            return "statistic", base.year, ""
        return "statistic", reference, f"{base.year}—{reference}年"
    return "statistic", year, ""


# what follows the first value of 从…提高到…: that value is where the change began
_FROM_VALUE = re.compile(r"[^，。；\d]{0,4}?(?:提高|增加|增长|上升|下降|降低|减少|扩大|缩小|提升|升|降|增)(?:到|至)")
_STRONG_FORWARD = re.compile(r"力争|争取|目标|确保|计划(?=[到在于将投新建实完达开推使今明])|拟|预计到|力求")


def _strong_forward(text: str) -> bool:
    return bool(_STRONG_FORWARD.search(text))


def passage_place(passage: Passage) -> str:
    """The place an article's numbers belong to when no other is named: the most specific place
    its title names, else the place it is about, else China (a national report names many
    provinces, none as often as 全国 and 我国)."""
    from kg.extractors.gazetteers import find_places
    index = place_index()
    a = passage.article
    titled = [m for m in find_places(passage, "gazetteer.place")
              if a.title_start <= m.start < a.title_end and m.key in index]
    level = {"Country": 0, "Province": 1, "City": 2, "District": 3}
    # the most specific place the title names alone at its level (广东…深圳广州佛山领跑: 广东)
    for rank in (3, 2, 1, 0):
        keys = {m.key for m in titled if level.get(index[m.key].type, 0) == rank}
        if len(keys) == 1:
            return keys.pop()
    country_words = sum(len(re.findall(r"我国|全国|国内|中国", sv.text)) for sv in passage.sentences)
    found = find_places(passage, "gazetteer.place")
    best, most = COUNTRY_KEY, max(1, country_words - 1)
    for level_name in ("district", "city", "province"):
        key = passage.context.get(level_name)
        if key:
            named = sum(1 for m in found if m.key == key)
            # 全市, 我市: a city's own briefing names its city so (a province's report that
            # names one city twice is still the province's: 全省…, 江西省…)
            named += sum(len(_OWN_LEVEL[level_name].findall(sv.text)) for sv in passage.sentences)
            if named > most:
                best, most = key, named
    return best


# the words of a place's own text for the place it is about
_OWN_LEVEL = {"district": re.compile(r"[全我本][区县旗]"), "city": re.compile(r"[全我本]市"),
              "province": re.compile(r"[全我本]省")}


__all__ = ["EXTRACTOR", "QuantityContext", "extract_quantities", "passage_place"]
