"""Relations between entities named in one sentence.

Owns: joint issuance (八部门联合印发《规划》 -> one kgo:issuedBy per issuer), 牵头/参与/共同承担
(kgo:leads, kgo:participatesIn), 主办 (kgo:organizedBy), 在南京开幕 (kgo:heldIn), 入选/上榜, and
kgo:locatedIn from an organisation's name (常州凯达重工科技有限公司 -> 常州市).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extractors.base import Passage, SentenceView
from kg.extractors.gazetteers import local_place_at_start, places_named_in
from kg.extractors.programmes import ISSUED_DOCUMENT_EXTRACTOR, issuers_of_title
from kg.keys import entity_key, normalise
from kg.types import ORGANIZATION_LABELS, Entity, Label, Mention, Predicate, Relation

_ISSUE = re.compile(r"(联合)?(印发|发布|出台|颁布|公布|制定|编制|出具|下发|制发)")
# 国家网信办就…标识办法公开征求意见: the body that consults on a draft issues it
_CONSULT = re.compile(r"(?:公开)?征求意见")
# 工业和信息化部…启动2025年新能源汽车下乡活动: who launches or runs a campaign leads it (who
# hosts an event organises it: kgo:organizedBy, below)
_LEAD = re.compile(r"牵头|主导承建|(?<!为)主导|统筹推进|(?<![共同协作])承担(?=的)"
                   r"|组织开展|组织实施|(?<!组织)开展|启动")
_PARTICIPATE = re.compile(r"参与|共同承担|协作承担|共同协作|协办|承办|入选|上榜|跻身|入围|(?<=单位)组成|(?<=[等为])成员单位")
# verbs that lead only what follows them, never the article's programme
_NAMES_WHAT_IT_LEADS = ("主导", "组织", "开展", "启动")
_CLAUSE_END = ("，", "。", "；", ",", ";")
# what an organisation leads may be a lab it builds: 主导承建了…国家工程实验室
_BUILDS = re.compile(r"承建|共建")
_HOST = re.compile(r"主办")
# the bodies a task's closing bracket makes responsible for it: （…按职责分工负责）
_RESPONSIBLE = re.compile(r"(?<!牵头)负责(?=\s*[）)])")
_ATTEND = re.compile(r"出席|致辞|参加|参会")
_HELD = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,12}?)(?:隆重)?(?:开幕|举行|召开|举办|启动|揭幕)")
# verbs whose chosen or winners follow: 上榜的…, 遴选出包括…; 获得…冠军
_SELECTED = re.compile(r"(?:上榜|入选|入围|获评)的|遴选出(?:包括)?|评选出")
_WINS = re.compile(r"获得|荣获|夺得|斩获|获")
# a place that brings an organisation in, an organisation that settles in a place
_BRINGS_IN = re.compile(r"引进|引入")
_SETTLES = re.compile(r"落户|入驻|坐落于|位于|设在")
_CLAUSE = re.compile(r"[，。；：！？,;]")


@dataclass(slots=True)
class SentenceFacts:
    """A sentence with its resolved mentions, for the fact extractors."""

    passage: Passage
    sv: SentenceView
    mentions: list[Mention]
    entities: dict[str, Entity]
    topic: dict[str, str]  # the article's main "programme" and "event" keys
    task: str = ""  # the programme or event the numbered task the sentence is in names: （一）实施X工程。

    def relation(self, predicate: Predicate, s: str, o: str, extractor: str) -> Relation:
        sent = self.sv.sentence
        return Relation(sent.doc_id, sent.start, sent.end, predicate, s, o, extractor)

    _clause_ends: list[int] | None = None

    def clause_of(self, doc_offset: int) -> int:
        """Index of the clause (between ，；。) that a document offset falls in."""
        if self._clause_ends is None:
            s = self.sv.sentence
            self._clause_ends = [s.start + m.start() for m in _CLAUSE.finditer(s.text)]
        return bisect.bisect_left(self._clause_ends, doc_offset)


def _orgs(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.label in ORGANIZATION_LABELS]


def _verb_offsets(sf: SentenceFacts, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Document offsets of a verb's matches outside mentions, found in the clean view (遴选
    and 出 split by a page break are 遴选出)."""
    out = []
    for m in pattern.finditer(sf.sv.text):
        a, b = sf.sv.view.span(m.start(), m.end())
        if not any(x.start <= a < x.end for x in sf.mentions):
            out.append((a, b))
    return out


def _agent_marker(sf: SentenceFacts, verb_start: int) -> int | None:
    """Document offset just past the 由 that introduces the actors of a verb in its clause."""
    doc = sf.passage.doc.text
    clause = sf.clause_of(verb_start)
    at = doc.rfind("由", sf.sv.sentence.start, verb_start)
    if at < 0 or sf.clause_of(at) != clause or any(x.start <= at < x.end for x in sf.mentions):
        return None
    return at + 1


_RECEIVES = re.compile(r"收到|接到|收悉")
_TO = re.compile(r"向")


def _marker_before(sf: SentenceFacts, pattern: re.Pattern[str], verb_start: int) -> int | None:
    """Document offset of the last match of ``pattern`` outside names in the clause of a verb,
    before it (its end for a marker whose object follows, as 收到 X), or None."""
    clause = sf.clause_of(verb_start)
    found = [(a, b) for a, b in _verb_offsets(sf, pattern)
             if b <= verb_start and sf.clause_of(a) == clause]
    if not found:
        return None
    a, b = found[-1]
    return b if pattern is _RECEIVES else a


def issued_by(sf: SentenceFacts) -> Iterator[Relation]:
    """近日，工业和信息化部、…等八部门联合印发《“十四五”智能制造发展规划》 -> issuedBy × 8;
    《…规划》由工信部发布 -> issuedBy 工业和信息化部."""
    if not any(m.label is Label.PROGRAMME for m in sf.mentions):
        return  # most sentences: no document is named
    text = sf.passage.doc.text
    for i, doc in enumerate(sf.mentions):
        if doc.label is not Label.PROGRAMME:
            continue
        title = normalise(doc.text)
        if title.startswith("关于"):
            # 工业和信息化部办公厅 农业农村部办公厅 商务部办公厅关于…的通知, 国务院办公厅《关于…
            # 的意见》: the issuers head the title
            issuers = [entity_key(org) for org in issuers_of_title(doc, sf.mentions, i, text)]
        elif "关于" in title and "关于" in doc.text:
            # 《鄂尔多斯市人民政府办公室关于印发…的通知》: the issuers inside the quoted title
            issuers = _named_issuers(sf, doc.text[:doc.text.index("关于")])
        else:
            continue
        # 关于印发《促进数字经济发展若干措施》《…行动计划》的通知: what it issues too
        issued = [entity_key(m) for m in sf.mentions[i + 1:i + 9]
                  if m.extractor == ISSUED_DOCUMENT_EXTRACTOR and m.end <= doc.end]
        for org in issuers:
            for key in (entity_key(doc), *issued):
                yield sf.relation(Predicate.ISSUED_BY, key, org, "relation.issued_by")
    for vs, ve in _verb_offsets(sf, _ISSUE):
        clause = sf.clause_of(vs)
        progs = [m for m in sf.mentions if m.label is Label.PROGRAMME and m.start >= ve
                 and sf.clause_of(m.start) == sf.clause_of(ve)]
        agent = _agent_marker(sf, vs)
        if not progs and agent is not None:
            # 《人工智能产业发展规划》由工信部发布: the plan before 由, its issuers after it
            progs = [m for m in sf.mentions if m.label is Label.PROGRAMME and m.end < agent
                     and sf.clause_of(m.start) == clause][-1:]
        if not progs:
            continue
        # 公司收到苏州市公安局出具的《告知函》: the issuer follows 收到; 向子公司下发: who
        # follows 向 receives it
        received = _marker_before(sf, _RECEIVES, vs)
        to = _marker_before(sf, _TO, vs)
        issuers = [m for m in _orgs(sf.mentions) if m.end <= vs and sf.clause_of(m.start) == clause
                   and (agent is None or m.start >= agent)
                   and (received is None or m.start >= received)
                   and (to is None or m.end <= to)]
        for org in issuers:
            for prog in progs[:1]:
                yield sf.relation(Predicate.ISSUED_BY, entity_key(prog), entity_key(org),
                                  "relation.issued_by")
    for vs, _ve in _verb_offsets(sf, _CONSULT):
        clause = sf.clause_of(vs)
        drafts = [m for m in sf.mentions if m.label is Label.PROGRAMME and m.end <= vs
                  and sf.clause_of(m.start) == clause][-1:]
        for prog in drafts:
            for org in _orgs(sf.mentions):
                if org.end <= prog.start and sf.clause_of(org.start) == clause:
                    yield sf.relation(Predicate.ISSUED_BY, entity_key(prog), entity_key(org),
                                      "relation.issued_by")


def _named_issuers(sf: SentenceFacts, prefix: str) -> list[str]:
    """Keys of the bodies a title's prefix names, each a body of the document
    (工业和信息化部办公厅 农业农村部办公厅 -> both); none unless every part is one."""
    names = sf.passage.cache.get("org_names")
    if names is None:
        names = sf.passage.cache["org_names"] = {
            normalise(n): e.key for e in sf.entities.values() if e.label in ORGANIZATION_LABELS
            for n in (e.name, *e.aliases)}
    parts = [normalise(p) for p in re.split(r"[\s、]+", prefix) if normalise(p)]
    keys = [names.get(p) or _known_agency(sf, p) for p in parts]  # type: ignore[union-attr]
    if len(parts) == 1 and not keys[0]:
        keys = _agencies_run_together(sf, parts[0])  # 工业和信息化部办公厅国家发展改革委办公厅
    return keys if parts and all(keys) else []  # type: ignore[return-value]


# a unit a title's issuer may be of its body: 国家发展改革委|办公厅
_ISSUING_UNIT = re.compile(r"办公厅|办公室")


def _known_agency(sf: SentenceFacts, words: str) -> str:
    """The key of the central body ``words`` name exactly, or of its general office (国家发展
    改革委办公厅 -> 国家发展和改革委员会办公厅), made an entity of the document; "" if none."""
    from kg.extractors.gazetteers import known_body
    for cut in (len(words), *(m.start() for m in _ISSUING_UNIT.finditer(words))):
        known = known_body(words[:cut])
        unit = words[cut:]
        if known is None or known[1] is not Label.AGENCY \
                or (unit and not _ISSUING_UNIT.fullmatch(unit)):
            continue
        key, _label, canonical = known
        if unit:
            key = f"org:{canonical}{unit}"
            if key not in sf.entities:
                sf.entities[key] = Entity(key, Label.AGENCY, canonical + unit, parent_key=known[0])
        elif key not in sf.entities:
            sf.entities[key] = Entity(key, Label.AGENCY, canonical)
        return key
    return ""


def _agencies_run_together(sf: SentenceFacts, words: str) -> list[str]:
    """The bodies of a title's prefix written without spaces between them, each ending at a
    general office (工业和信息化部办公厅国家发展改革委办公厅 -> both); none unless all are."""
    keys, start = [], 0
    for m in _ISSUING_UNIT.finditer(words):
        key = _known_agency(sf, words[start:m.end()])
        if not key:
            return []
        keys.append(key)
        start = m.end()
    return keys if keys and start == len(words) else []


def roles(sf: SentenceFacts) -> Iterator[Relation]:
    """由同济大学牵头，上海交通大学、复旦大学参与 -> leads, participatesIn × 2."""
    if not _orgs(sf.mentions):
        return
    target_ms = [m for m in sf.mentions if m.label in (Label.PROGRAMME, Label.EVENT)]
    # （体育总局、民政部负责）closing a task: the body listed first leads it, as official
    # documents list the lead body first; beside a 牵头 all take part
    led = bool(_verb_offsets(sf, _LEAD))
    for pattern, predicate in ((_LEAD, Predicate.LEADS), (_PARTICIPATE, Predicate.PARTICIPATES_IN),
                               (_RESPONSIBLE, Predicate.PARTICIPATES_IN)):
        for vs, ve in _verb_offsets(sf, pattern):
            clause = sf.clause_of(vs)
            actors = [m for m in _orgs(sf.mentions) if m.end <= vs and sf.clause_of(m.start) == clause]
            agent = _agent_marker(sf, vs)
            if agent is not None:  # 联席会议由教育部、…组成: the members follow 由, not the body
                actors = [m for m in actors if m.start >= agent]
            if not actors and predicate is Predicate.LEADS:
                actors = _issuers_of_notice_before(sf, clause)
            if not actors:
                continue
            builds = _BUILDS.search(sf.passage.doc.text, vs, ve + 2)
            after = [m for m in sf.mentions if m.start >= ve and sf.clause_of(m.start) == clause
                     and (m in target_ms or (builds and m.label in ORGANIZATION_LABELS))]
            keys = [entity_key(m) for m in after] if builds else [entity_key(m) for m in after[:1]]
            text = sf.passage.doc.text
            if not keys and (not text.startswith(_NAMES_WHAT_IT_LEADS, vs)
                             or text.startswith(_CLAUSE_END, ve)):
                # 由同济大学牵头 alone, 本次活动委托…协会组织实施，: the task's programme, else the
                # article's (主导制定了标准 leads no programme; 开展调研 runs no programme)
                key = sf.task or sf.topic.get("programme") or sf.topic.get("event")
                keys = [key] if key else []
            for i, a in enumerate(actors):
                role = Predicate.LEADS if pattern is _RESPONSIBLE and i == 0 and not led \
                    else predicate
                for key in keys:
                    if entity_key(a) != key:
                        yield sf.relation(role, entity_key(a), key, "relation.roles")


def _issuers_of_notice_before(sf: SentenceFacts, clause: int) -> list[Mention]:
    """人社部等部门印发通知，将在…开展…试点: the bodies that issue a notice in the clause before
    are who the next clause's verb has for its subject."""
    if clause == 0:
        return []
    issued = [a for a, _b in _verb_offsets(sf, _ISSUE) if sf.clause_of(a) == clause - 1]
    if not issued:
        return []
    return [m for m in _orgs(sf.mentions)
            if sf.clause_of(m.start) == clause - 1 and m.end <= issued[0]]


def events(sf: SentenceFacts) -> Iterator[Relation]:
    """由江苏省政府、工信部…共同主办 -> organizedBy; 在南京开幕 -> heldIn; 出席并致辞 -> participatesIn."""
    event_ms = [m for m in sf.mentions if m.label is Label.EVENT]
    task = sf.entities.get(sf.task)
    # （三）办好…博览会。由省人民政府主办: the event the numbered task names, else the article's
    task_event = sf.task if task is not None and task.label is Label.EVENT else ""
    event = entity_key(event_ms[0]) if event_ms else task_event or sf.topic.get("event", "")
    if not event:
        return
    for vs, _ve in _verb_offsets(sf, _HOST) if _orgs(sf.mentions) else ():
        for org in _orgs(sf.mentions):
            if org.end <= vs:
                yield sf.relation(Predicate.ORGANIZED_BY, event, entity_key(org), "relation.events")
    s = sf.sv.sentence
    for m in _HELD.finditer(sf.passage.doc.text, s.start, s.end):
        places = [p for p in sf.mentions if p.label.is_place and m.start() < p.start < m.end()]
        for p in places[:1]:
            yield sf.relation(Predicate.HELD_IN, event, entity_key(p), "relation.events")
    if any(m.label is Label.PERSON for m in sf.mentions) and _verb_offsets(sf, _ATTEND):
        for person in sf.mentions:
            if person.label is Label.PERSON:
                yield sf.relation(Predicate.PARTICIPATES_IN, entity_key(person), event,
                                  "relation.events")


def located_in(sf: SentenceFacts) -> Iterator[Relation]:
    """An organisation is where its name says (the contract keeps kgo:locatedIn for
    organisations and events; places have kgo:partOf): 江苏省工业和信息化厅 -> 江苏省, 合肥海关 ->
    合肥市, 国家外汇管理局安徽省分局 -> 安徽省, 常州凯达重工科技有限公司 -> 常州市 (the last place
    of China its name holds, not the country)."""
    context = set(sf.passage.context.values())
    for m in sf.mentions:
        # a university named after a city need not be there (大连理工大学江苏研究院)
        if m.label not in (Label.AGENCY, Label.COMPANY, Label.ORGANIZATION):
            continue
        if m.parent_key.startswith("place:") and m.parent_key in sf.entities:
            # 天易经开区管委会: a zone's committee sits in the zone its mention names
            yield sf.relation(Predicate.LOCATED_IN, entity_key(m), m.parent_key,
                              "relation.located_in")
            continue
        # a company a table names in full (智谱 -> 北京智谱华章科技有限公司) is where its name
        # says only if the text wrote that name: the registered seat is not what the text states
        written = m.name if m.label is Label.COMPANY and m.extractor.startswith("gazetteer.") \
            else m.canonical or m.name
        named = [p for p in places_named_in(written, context)
                 if p.type in ("Province", "City", "District") and not p.key.count("/")]
        if not named:
            # 霞浦时代新能源材料有限公司 in an article that names 霞浦县
            local = local_place_at_start(sf.passage, written)
            named = [local] if local is not None else []
        if named:
            yield sf.relation(Predicate.LOCATED_IN, entity_key(m), named[-1].key,
                              "relation.located_in")


def _stands_alone(text: str, end: int) -> bool:
    """Whether a body brought in ends its phrase there (引进博世…公司等, 引进中科院苏州医工所。),
    rather than qualifying what was brought in (引进奇瑞汽车配套项目: the projects came)."""
    return end >= len(text) or text[end] in "、，。；等和及与（(\n"


def located_by_verb(sf: SentenceFacts) -> Iterator[Relation]:
    """高新区先后引进中科院苏州医工所 -> the institute is located in the zone; 华为研究院落户南京
    -> in 南京; 淮南市“国家煤化工产品质量监督检验中心（安徽）” -> in 淮南市 (a place right
    before an organisation)."""
    if not _orgs(sf.mentions) or not any(m.label.is_place for m in sf.mentions):
        return
    text = sf.passage.doc.text
    places = [m for m in sf.mentions if m.label.is_place]
    orgs = _orgs(sf.mentions)
    for pattern, place_first in ((_BRINGS_IN, True), (_SETTLES, False)):
        for vs, ve in _verb_offsets(sf, pattern):
            clause = sf.clause_of(vs)
            here = [p for p in places if sf.clause_of(p.start) == clause
                    and (p.end <= vs if place_first else p.start >= ve)]
            there = [o for o in orgs if sf.clause_of(o.start) == clause
                     and (o.start >= ve if place_first else o.end <= vs)
                     and (not place_first or _stands_alone(text, o.end))]
            if here:
                place = here[-1] if place_first else here[0]
                for org in there:
                    yield sf.relation(Predicate.LOCATED_IN, entity_key(org), entity_key(place),
                                      "relation.located_in")
    for p in places:
        for org in orgs:
            if 0 <= org.start - p.end <= 1 and text[p.end:org.start] in ("", "“"):
                yield sf.relation(Predicate.LOCATED_IN, entity_key(org), entity_key(p),
                                  "relation.located_in")


def selected(sf: SentenceFacts) -> Iterator[Relation]:
    """此次上榜的大连理工江苏研究院有限公司, 《报告》…遴选出包括科大讯飞研究院、阿里巴巴达摩院
    -> participatesIn the list: the programme named before in the sentence, else the article's;
    讯飞研究院…获得CHiME、Blizzard等国际评测冠军 -> participatesIn each contest."""
    if not _orgs(sf.mentions):
        return
    targets = [m for m in sf.mentions if m.label in (Label.PROGRAMME, Label.EVENT)]
    orgs = _orgs(sf.mentions)
    for vs, ve in _verb_offsets(sf, _SELECTED):
        clause = sf.clause_of(vs)
        chosen = [o for o in orgs if o.start >= ve and sf.clause_of(o.start) == clause]
        named = [t for t in targets if t.end <= vs]
        key = entity_key(named[-1]) if named else sf.topic.get("programme", "")
        for org in chosen if key else ():
            yield sf.relation(Predicate.PARTICIPATES_IN, entity_key(org), key, "relation.roles")
    for vs, ve in _verb_offsets(sf, _WINS):
        clause = sf.clause_of(vs)
        contests = [t for t in targets if t.label is Label.EVENT and t.start >= ve
                    and sf.clause_of(t.start) == clause]
        winner = [o for o in orgs if o.end <= vs]
        for contest in contests if winner else ():
            yield sf.relation(Predicate.PARTICIPATES_IN, entity_key(winner[-1]),
                              entity_key(contest), "relation.roles")


# what a plan sets out, after it is named: …行动方案，提出全面实施“海上风电+”工程
_SETS_OUT = re.compile(r"提出|明确|部署")
# a document that sets out actions and projects, and what it sets out
_PLAN_END = re.compile(r"(?:规划|计划|方案|纲要|意见)(?:[（(][^（）()]{4,14}[）)])?$")
_COMPONENT_END = re.compile(r"(?:行动|工程|专项)$")


def plan_components(sf: SentenceFacts) -> Iterator[Relation]:
    """浙江省印发加快推进海洋经济高质量发展行动方案，提出全面实施“海上风电+”工程 -> the project is part of the
    plan: what a plan sets out (提出, 明确, 部署) right after it is named is its component."""
    progs = [m for m in sf.mentions if m.label is Label.PROGRAMME]
    if len(progs) < 2:
        return
    for vs, ve in _verb_offsets(sf, _SETS_OUT):
        plans = [m for m in progs if m.end <= vs and sf.clause_of(vs) - sf.clause_of(m.start) <= 1
                 and _PLAN_END.search(sf.entities[entity_key(m)].name)][-1:]
        for plan in plans:
            for part in progs:
                if part.start >= ve and sf.clause_of(part.start) == sf.clause_of(vs) \
                        and _COMPONENT_END.search(sf.entities[entity_key(part)].name):
                    yield sf.relation(Predicate.PART_OF, entity_key(part), entity_key(plan),
                                      "relation.plan_components")


# what a body is made of, written right after its name: 平台包括：A、B、C三大子平台, 中心下设A、B
_COMPRISES = re.compile(r"包括|包含|下设|设有")
_LIST_JOINERS = frozenset("、和及与：: ")


def body_components(sf: SentenceFacts) -> Iterator[Relation]:
    """苏州市公共数据平台包括：苏州市数据共享平台、苏州市数据开放平台 -> each is part of the platform:
    the bodies listed right after 包括/下设 are parts of the body named right before it."""
    orgs = _orgs(sf.mentions)
    if len(orgs) < 3:
        return
    doc = sf.passage.doc.text
    for vs, ve in _verb_offsets(sf, _COMPRISES):
        whole = next((m for m in orgs if m.end <= vs and not doc[m.end:vs].strip()), None)
        if whole is None:
            continue
        parts, at = [], ve
        for m in orgs:
            if m.start < ve:
                continue
            if m.start < at or set(doc[at:m.start]) - _LIST_JOINERS:
                break  # the list ends where something else than a joiner stands
            parts.append(m)
            at = m.end
        if len(parts) >= 2:  # a list, not a body one happens to name after the verb
            for part in parts:
                yield sf.relation(Predicate.PART_OF, entity_key(part), entity_key(whole),
                                  "relation.body_components")


# a reply's opening: 你们《关于…的请示》收悉, 你部关于…的报告收悉: the request its addressees sent
_YOUR_REQUEST = re.compile(r"^你(?:们|省|市|区|县|部|委|局|厅|办|院|会|司)[^。]*?收悉")
_SALUTATION_MAX = 80  # characters of an addressee line (江苏省人民政府、商务部：)


def addressees(sf: SentenceFacts) -> list[Mention]:
    """The bodies a line addresses, when the line is a salutation (教育部：): short, ending
    with a colon, and naming only organisations."""
    text = sf.sv.text.rstrip()
    orgs = _orgs(sf.mentions)
    if not text.endswith(("：", ":")) or len(text) > _SALUTATION_MAX or not orgs \
            or len(orgs) < len(sf.mentions):
        return []
    return orgs


def requests_answered(sf: SentenceFacts, to: list[Mention]) -> Iterator[Relation]:
    """你们《关于…的请示》收悉 in a reply to 江苏省人民政府、商务部: the request was
    issued by the bodies the reply addresses."""
    m = _YOUR_REQUEST.match(sf.sv.text)
    if not m or not to:
        return
    end = sf.sv.view.span(0, m.end())[1]
    for doc in sf.mentions:
        if doc.label is Label.PROGRAMME and doc.end <= end:
            for org in to:
                yield sf.relation(Predicate.ISSUED_BY, entity_key(doc), entity_key(org),
                                  "relation.requests_answered")


def extract_relations(sf: SentenceFacts) -> list[Relation]:
    """Every relation of one sentence."""
    out: set[Relation] = set()
    for rule in (issued_by, roles, selected, events, located_in, located_by_verb,
                 plan_components, body_components):
        out.update(rule(sf))
    return sorted(r for r in out if r.subject != r.object)
