"""Posts people hold: 科技部部长王志刚 -> 王志刚 holds 部长 in 科学技术部.

Owns: the title chain before a person (省委常委、常务副省长费高云 is two posts) and the body each
title belongs to: the organisation or place written right before it, else, for 副省长 or 市长,
the province or city the article is about; a 省长's or 市长's body is the place's people's government.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.extractors.gazetteers import place_index
from kg.extractors.people import COVERAGE, implied_bodies, member_line, titles
from kg.keys import entity_key
from kg.types import ORGANIZATION_LABELS, Entity, Label, Post

if TYPE_CHECKING:
    from kg.extractors.relations import SentenceFacts

_CHAIN_SEP = re.compile(r"^[、和及兼]$")
# a unit of a body written before a title in a chain: 研究所, 研究院, 宏观研究部, 对外贸易司
_UNIT = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:研究所|研究院|研究中心|研究部|事业部|中心|办公室|部|司|局|处|室|所)")


# a body named by its last character in a list of posts in it and its unit: 委, 部, 局
_SELF = "委部局署厅院会行办"


def _body_of_unit(sf: SentenceFacts, unit_key: str, char: str) -> str:
    """The body a unit belongs to when its name holds ``char`` (政策研究室 of 国家发展和改革委员会
    for 委), made an entity of the document if it is not one; "" if none."""
    unit = sf.entities.get(unit_key)
    parent = unit.parent_key if unit is not None else ""
    if not parent.startswith("org:") or char not in parent:
        return ""
    return _implied_body(sf, parent)


_CHINESE_PLACE = re.compile(r"place:\d{6}$")
# a field or a rank written between a body and a title: 经济学副教授, 执行会长, 项目经理, and an
# analyst's coverage (电力设备行业首席分析师, 宏观分析师, 固收首席分析师)
_QUALIFIER = re.compile(rf"[\u4e00-\u9fff]{{1,4}}学|执行|名誉|荣誉|特约|[\u4e00-\u9fff]{{0,3}}项目"
                        rf"|{COVERAGE.pattern}")


def _government_of(sf: SentenceFacts, key: str) -> str:
    """The people's government of a Chinese place whose head or deputy a 省长/市长/区长 is
    (深圳市 -> 深圳市人民政府); the government becomes an entity of the document if it is not
    one yet. Other keys are returned as they are."""
    row = place_index().get(key)
    if row is None or not _CHINESE_PLACE.match(key) or row.type == "Country":
        return key
    name = f"{row.name}人民政府"
    gov = f"org:{name}"
    if gov not in sf.entities:
        sf.entities[gov] = Entity(gov, Label.AGENCY, name)
    return gov


def _implied_body(sf: SentenceFacts, key: str) -> str:
    """The key of a body a title stands for, made an entity of the document if it is not one."""
    if key not in sf.entities:
        row = place_index().get(key)
        sf.entities[key] = Entity(key, Label(row.type), row.name) if row is not None \
            else Entity(key, Label.AGENCY, key.removeprefix("org:"))
    return key


# the two committees that run a development zone or new area
_ZONE_BODIES = ("管委会", "党工委")


def _zone_sibling(sf: SentenceFacts, key: str, written: str) -> str:
    """The key of the zone's other committee when ``written`` (between two titles of a chain,
    after its 、) names it and ``key`` is the first: 两江新区党工委 -> 两江新区管委会; made an
    entity of the document if it is not one. "" otherwise."""
    other = written[1:] if written[:1] in "、和" else ""
    body = sf.entities.get(key)
    if other not in _ZONE_BODIES or body is None:
        return ""
    own = next((b for b in _ZONE_BODIES if body.name.endswith(b) and b != other), None)
    if own is None or len(body.name) <= len(own):
        return ""
    name = body.name[:-len(own)] + other
    sibling = f"org:{name}"
    if sibling not in sf.entities:
        sf.entities[sibling] = Entity(sibling, Label.AGENCY, name)
    return sibling


def _only_body_before(sf: SentenceFacts, doc_at: int) -> str:
    """The key of the one organisation a sentence names before a bare title, if it names
    exactly one and no person before it: the body the sentence is about."""
    before = [m for m in sf.mentions if m.end <= doc_at]
    bodies = {entity_key(m) for m in before if m.label in ORGANIZATION_LABELS}
    if len(bodies) != 1 or any(m.label is Label.PERSON for m in before):
        return ""
    return bodies.pop()


def extract_posts(sf: SentenceFacts) -> list[Post]:
    """Posts of the people named in one sentence."""
    before, _after = titles()
    implied = implied_bodies()
    sv = sf.sv
    text = sv.text
    offsets = sv.view.offsets
    found = list(before.find(text))
    out = []
    by_doc_end = {m.end: m for m in sf.mentions}
    people = {m.start: m for m in sf.mentions if m.label is Label.PERSON}
    bodies = {(m.start, m.end) for m in sf.mentions
              if m.label in ORGANIZATION_LABELS or m.label.is_place}
    last_end = -10
    previous: tuple[int, str] = (-10, "")  # where the last title ended, and its body
    for idx, (a, b, level) in enumerate(found):
        # the title chain ends at a person: 常委、常务副省长费高云
        j, chain_end = idx, b
        while j + 1 < len(found) and (
                (found[j + 1][0] - chain_end <= 1
                 and (found[j + 1][0] == chain_end or _CHAIN_SEP.match(text[chain_end])))
                or (_CHAIN_SEP.match(text[chain_end:chain_end + 1])
                    and (_UNIT.fullmatch(text, chain_end + 1, found[j + 1][0])
                         or (found[j + 1][0] == chain_end + 2
                             and text[chain_end + 1] in _SELF)
                         # 市委常委、苏州工业园区党工委书记沈觅: a post in another body named
                         or (offsets[chain_end + 1], offsets[found[j + 1][0] - 1] + 1)
                         in bodies
                         # 党工委副书记、管委会主任: the zone's other committee
                         or text[chain_end + 1:found[j + 1][0]] in _ZONE_BODIES))):
            # 首席经济学家、研究院院长张明: a unit of the same body may head the next title
            j += 1
            chain_end = found[j][1]
        if chain_end >= len(text) or offsets[chain_end] not in people:
            continue
        person = people[offsets[chain_end]]
        title = text[a:b]
        org_key = ""
        org = by_doc_end.get(offsets[a - 1] + 1) if a > 0 else None
        if org is None:
            # 厦门大学经济学副教授, 协会执行会长: a field or a rank between body and title
            for p in range(a - 1, max(0, a - 9), -1):
                if _QUALIFIER.fullmatch(text, p, a) and offsets[p - 1] + 1 in by_doc_end:
                    org, title = by_doc_end[offsets[p - 1] + 1], text[p:b]
                    break
        if org is not None and (org.label in ORGANIZATION_LABELS or org.label.is_place):
            org_key = entity_key(org)
        elif level and sf.passage.context.get(str(level), "") in place_index():
            # 省长 is the province's, even after 省委书记梁言顺、
            org_key = sf.passage.context[str(level)]
        elif a >= 2 and text[a - 1] in _SELF and text[a - 2] == "、" and out \
                and (body := _body_of_unit(sf, out[-1].organization, text[a - 1])):
            org_key = body  # 政策研究室副主任、委新闻发言人: 委 is the unit's commission
        elif out and 0 < a - last_end <= 3:
            # 主任潘云鹤院士、副主任孙优贤院士: a list of posts in one body
            org_key = out[-1].organization
        elif (title, "before") in implied:
            org_key = _implied_body(sf, implied[(title, "before")])  # 国家主席习近平 -> 中国
        elif previous[1] and a - previous[0] == 1 and _CHAIN_SEP.match(text[a - 1]):
            org_key = previous[1]  # 新闻发言人、总工程师赵志国: two posts in one body
        elif previous[1] and (sibling := _zone_sibling(sf, previous[1], text[previous[0]:a])):
            org_key = sibling  # 两江新区党工委副书记、管委会主任段成刚
        elif a > 0 and text[a - 1] in "，、" and (host := _only_body_before(sf, offsets[a])):
            org_key = host  # 商务部召开新闻发布会，新闻发言人何亚东介绍: the body that speaks
        if org_key and level:
            org_key = _government_of(sf, org_key)
        previous = (b, org_key)
        if org_key:
            s = sv.sentence
            out.append(Post(s.doc_id, s.start, s.end, entity_key(person), title, org_key,
                            "relation.posts"))
            last_end = offsets.index(person.end - 1) + 1 if person.end - 1 in offsets else chain_end
            # 副部长张兴旺、麻吉亚: the names listed right after the first share its post
            while last_end + 1 < len(text) and text[last_end] == "、" \
                    and (listed := people.get(offsets[last_end + 1])) is not None \
                    and listed.end - 1 in offsets:
                out.append(Post(s.doc_id, s.start, s.end, entity_key(listed), title, org_key,
                                "relation.posts"))
                last_end = offsets.index(listed.end - 1) + 1
    # 习近平总书记: a national title after a name stands for its body
    ends = {m.end: m for m in sf.mentions if m.label is Label.PERSON}
    for a, b, _level in _after.find(text):
        body = implied.get((text[a:b], "after"))
        person = ends.get(offsets[a - 1] + 1) if a > 0 and body else None
        if person is not None and not any(p.person == entity_key(person) for p in out):
            s = sv.sentence
            out.append(Post(s.doc_id, s.start, s.end, entity_key(person), text[a:b],
                            _implied_body(sf, body), "relation.posts"))
    line = member_line(sv.sentence.text)
    if line:
        # 陈宝生　　教育部部长: the organisation and the title follow the name
        s = sv.sentence
        rest_start = s.start + line.start("rest")
        person = next((m for m in sf.mentions if m.label is Label.PERSON and m.end <= rest_start),
                      None)
        org = next((m for m in sf.mentions if m.start == rest_start
                    and (m.label in ORGANIZATION_LABELS or m.label.is_place)), None)
        if person and org:
            title = sf.passage.doc.text[org.end:s.end].strip()
            if any(a == 0 and b == len(title) for a, b, _ in before.find(title)):
                out.append(Post(s.doc_id, s.start, s.end, entity_key(person), title,
                                entity_key(org), "relation.posts"))
    return out
