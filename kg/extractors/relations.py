"""Relations between entities named in one sentence.

Owns: joint issuance (八部门联合印发《规划》 -> one kgo:issuedBy per issuer), 牵头/参与/共同承担
(kgo:leads, kgo:participatesIn), 主办 (kgo:organizedBy), 在南京开幕 (kgo:heldIn), 入选/上榜, and
kgo:locatedIn from an organisation's name (常州凯达重工科技有限公司 -> 常州市).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extractors.base import Passage, SentenceView
from kg.extractors.gazetteers import place_index
from kg.link import entity_key
from kg.types import ORGANIZATION_LABELS, Entity, Label, Mention, Predicate, Relation

_ISSUE = re.compile(r"(联合)?(印发|发布|出台|颁布|公布|制定|编制)")
_LEAD = re.compile(r"牵头|主导承建|主导|统筹推进|(?<![共同协作])承担(?=的)")
_PARTICIPATE = re.compile(r"参与|共同承担|协作承担|共同协作|协办|承办|入选|上榜|跻身|入围|(?<=单位)组成|(?<=[等为])成员单位")
# what an organisation leads may be a lab it builds: 主导承建了…国家工程实验室
_BUILDS = re.compile(r"承建|共建")
_HOST = re.compile(r"主办")
_ATTEND = re.compile(r"出席|致辞|参加|参会")
_HELD = re.compile(r"在(?P<place>[\u4e00-\u9fff]{2,12}?)(?:隆重)?(?:开幕|举行|召开|举办|启动|揭幕)")
_CLAUSE = re.compile(r"[，。；：！？,;]")


@dataclass(slots=True)
class SentenceFacts:
    """A sentence with its resolved mentions, for the fact extractors."""

    passage: Passage
    sv: SentenceView
    mentions: list[Mention]
    entities: dict[str, Entity]
    topic: dict[str, str]  # the article's main "programme" and "event" keys

    def relation(self, predicate: Predicate, s: str, o: str, extractor: str) -> Relation:
        sent = self.sv.sentence
        return Relation(sent.doc_id, sent.start, sent.end, predicate, s, o, extractor)

    def clause_of(self, doc_offset: int) -> int:
        """Index of the clause (between ，；。) that a document offset falls in."""
        text = self.passage.doc.text[self.sv.sentence.start:doc_offset]
        return len(_CLAUSE.findall(text))


def _orgs(ms: list[Mention]) -> list[Mention]:
    return [m for m in ms if m.label in ORGANIZATION_LABELS]


def _verb_offsets(sf: SentenceFacts, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    doc = sf.passage.doc
    s = sf.sv.sentence
    return [(m.start(), m.end()) for m in pattern.finditer(doc.text, s.start, s.end)
            if not any(x.start <= m.start() < x.end for x in sf.mentions)]


def _agent_marker(sf: SentenceFacts, verb_start: int) -> int | None:
    """Document offset just past the 由 that introduces the actors of a verb in its clause."""
    doc = sf.passage.doc.text
    clause = sf.clause_of(verb_start)
    at = doc.rfind("由", sf.sv.sentence.start, verb_start)
    if at < 0 or sf.clause_of(at) != clause or any(x.start <= at < x.end for x in sf.mentions):
        return None
    return at + 1


def issued_by(sf: SentenceFacts) -> Iterator[Relation]:
    """近日，工业和信息化部、…等八部门联合印发《“十四五”智能制造发展规划》 -> issuedBy × 8."""
    for vs, ve in _verb_offsets(sf, _ISSUE):
        progs = [m for m in sf.mentions if m.label is Label.PROGRAMME and m.start >= ve
                 and sf.clause_of(m.start) == sf.clause_of(ve)]
        if not progs:
            continue
        clause = sf.clause_of(vs)
        issuers = [m for m in _orgs(sf.mentions) if m.end <= vs and sf.clause_of(m.start) == clause]
        for org in issuers:
            for prog in progs[:1]:
                yield sf.relation(Predicate.ISSUED_BY, entity_key(prog), entity_key(org),
                                  "relation.issued_by")


def roles(sf: SentenceFacts) -> Iterator[Relation]:
    """由同济大学牵头，上海交通大学、复旦大学参与 -> leads, participatesIn × 2."""
    target_ms = [m for m in sf.mentions if m.label in (Label.PROGRAMME, Label.EVENT)]
    for pattern, predicate in ((_LEAD, Predicate.LEADS), (_PARTICIPATE, Predicate.PARTICIPATES_IN)):
        for vs, ve in _verb_offsets(sf, pattern):
            clause = sf.clause_of(vs)
            actors = [m for m in _orgs(sf.mentions) if m.end <= vs and sf.clause_of(m.start) == clause]
            agent = _agent_marker(sf, vs)
            if agent is not None:  # 联席会议由教育部、…组成: the members follow 由, not the body
                actors = [m for m in actors if m.start >= agent]
            if not actors:
                continue
            builds = _BUILDS.search(sf.passage.doc.text, vs, ve + 2)
            after = [m for m in sf.mentions if m.start >= ve and sf.clause_of(m.start) == clause
                     and (m in target_ms or (builds and m.label in ORGANIZATION_LABELS))]
            keys = [entity_key(m) for m in after] if builds else [entity_key(m) for m in after[:1]]
            if not keys:
                key = sf.topic.get("programme") or sf.topic.get("event")
                keys = [key] if key else []
            for a in actors:
                for key in keys:
                    if entity_key(a) != key:
                        yield sf.relation(predicate, entity_key(a), key, "relation.roles")


def events(sf: SentenceFacts) -> Iterator[Relation]:
    """由江苏省政府、工信部…共同主办 -> organizedBy; 在南京开幕 -> heldIn; 出席并致辞 -> participatesIn."""
    event_ms = [m for m in sf.mentions if m.label is Label.EVENT]
    event = entity_key(event_ms[0]) if event_ms else sf.topic.get("event", "")
    if not event:
        return
    for vs, _ve in _verb_offsets(sf, _HOST):
        for org in _orgs(sf.mentions):
            if org.end <= vs:
                yield sf.relation(Predicate.ORGANIZED_BY, event, entity_key(org), "relation.events")
    s = sf.sv.sentence
    for m in _HELD.finditer(sf.passage.doc.text, s.start, s.end):
        places = [p for p in sf.mentions if p.label.is_place and m.start() < p.start < m.end()]
        for p in places[:1]:
            yield sf.relation(Predicate.HELD_IN, event, entity_key(p), "relation.events")
    if _verb_offsets(sf, _ATTEND):
        for person in sf.mentions:
            if person.label is Label.PERSON:
                yield sf.relation(Predicate.PARTICIPATES_IN, entity_key(person), event,
                                  "relation.events")


def located_in(sf: SentenceFacts) -> Iterator[Relation]:
    """常州凯达重工科技有限公司 -> locatedIn 常州市: the place an organisation's name begins with."""
    from kg.extractors.gazetteers import _choose, _place_gazetteer
    gaz = _place_gazetteer()
    context = set(sf.passage.context.values())
    index = place_index()
    for m in sf.mentions:
        if m.key in index and (m.label in (Label.CITY, Label.DISTRICT)
                               or (m.label is Label.PROVINCE and "/" in m.key)):
            # a city is located in its prefecture or province (the gazetteer parent)
            parent = index[m.key].parent_key
            if parent in index:
                yield sf.relation(Predicate.LOCATED_IN, m.key, parent, "relation.located_in")
            continue
        # a university named after a city need not be there (大连理工大学江苏研究院)
        if m.label not in (Label.COMPANY, Label.ORGANIZATION):
            continue
        # the last city or district named inside the name: 常州凯达重工科技有限公司 -> 常州市
        found = None
        for _a, _b, rows in gaz.find(m.name):
            row = _choose(rows, context)
            if row is not None:
                found = row
        if found is not None and found.type in ("City", "District"):
            yield sf.relation(Predicate.LOCATED_IN, entity_key(m), found.key,
                              "relation.located_in")


def extract_relations(sf: SentenceFacts) -> list[Relation]:
    """Every relation of one sentence."""
    out: set[Relation] = set()
    for rule in (issued_by, roles, events, located_in):
        out.update(rule(sf))
    return sorted(r for r in out if r.subject != r.object)
