"""Facts between linked entities: relations, posts and targets of one document.

Owns: grouping a document's resolved mentions by sentence and handing each sentence to the
registered fact extractors (:mod:`kg.extractors.relations`, :mod:`kg.extractors.posts`,
:mod:`kg.extractors.quantities`), then the place hierarchy (kgo:partOf) from the gazetteer.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace

from kg.extractors.base import Passage
from kg.extractors.gazetteers import place_index
from kg.extractors.organizations import HOST_END
from kg.extractors.posts import extract_posts
from kg.extractors.programmes import ISSUED_DOCUMENT_EXTRACTOR, WORK_REPORT_EXTRACTOR
from kg.extractors.quantities import QuantityContext, extract_quantities, passage_place
from kg.extractors.relations import (
    SentenceFacts,
    addressees,
    extract_relations,
    requests_answered,
)
from kg.extractors.sources import article_credits
from kg.extractors.timeframe import (
    goal_lists,
    governing_deadlines,
    paragraph_years,
    plan_year,
    report_parts,
)
from kg.keys import entity_key, normalise
from kg.link import ABBREVIATION_EXTRACTOR
from kg.types import DocumentResult, Entity, Label, Mention, Predicate, Relation, Target


def in_passage(passage: Passage, mentions: list) -> list:
    """The mentions inside a passage's sentences (its title may sit in the 目录);
    ``mentions`` sorted by offset."""
    out = []
    starts = [m.start for m in mentions]
    for sv in passage.sentences:
        i = bisect.bisect_left(starts, sv.sentence.start)
        j = bisect.bisect_left(starts, sv.sentence.end)
        out.extend(mentions[i:j])
    return sorted(set(out))


# a notice that launches a campaign: 关于开展家电以旧换新活动的通知
_LAUNCHING = re.compile(r"关于(?:组织)?(?:开展|举办|启动)(.+?)的通知")
_CAMPAIGNS = (Label.PROGRAMME, Label.EVENT)  # a campaign (…活动) may be read as either


def _main_topic(passage: Passage, mentions: list, labels: set[Label], *,
                title_only: bool = False, dominant: bool = False) -> str:
    """The programme or event an article is about: named in its title, else (unless
    ``title_only``) the most named (with ``dominant``: only if named more often than any other
    and in a quarter of the names, as one plan is in an article about it; a work report names
    dozens alike)."""
    a = passage.article
    in_title = [m for m in mentions if m.label in labels and a.title_start <= m.start < a.title_end]
    if len(in_title) > 1 and in_title[1].start - in_title[0].end <= 1:
        in_title = in_title[1:]  # 上海市市级科技重大专项“…无人系统”: the named project
    issued = [m for m in in_title if m.extractor == ISSUED_DOCUMENT_EXTRACTOR]
    if issued:
        # 关于印发A和B的通知: the article is about what the notice issues, the one it names most
        named = Counter(entity_key(m) for m in mentions if m.label in labels)
        return max(sorted({entity_key(m) for m in issued}), key=lambda k: named[k])
    if in_title:
        # 关于开展X活动的通知: the article is about the campaign the notice launches, when the
        # text names it
        launched = _LAUNCHING.search(in_title[0].text)
        if launched and not title_only:
            named = normalise(launched.group(1))
            campaign = next((entity_key(m) for m in mentions if m.label in _CAMPAIGNS
                             and m.start >= a.title_end and normalise(m.canonical or m.name) == named),
                            None)
            if campaign:
                return campaign
        return entity_key(in_title[0])
    if title_only:
        return ""
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        if m.label in labels:
            counts[entity_key(m)] += 1
    if not counts:
        return ""
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    top = counts[ranked[0]]
    if dominant and len(ranked) > 1 and (top <= counts[ranked[1]]
                                         or 4 * top < sum(counts.values())):
        return ""
    return ranked[0]


# an article that is a plan or a notice: its numbers are goals and rules, reported only when said so
_PLAN_TITLE = re.compile(r"规划|方案|意见|通知|办法|计划|纲要|决定|批复|指南|细则|措施|条例|公告|通告")


# a numbered task of a plan or an opinion: （一）实施“数商兴农”工程。, 3. 开展…行动。
_TASK_HEADING = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|"
                           r"\d{1,2}[.．、](?!\d))")


def _firm_spoken_of(passage: Passage, mentions: list[Mention]) -> str:
    """The key of the company an article is about, the 公司 it speaks of: the one its title
    names first; "" when the title names none (a report that names a firm is no firm's)."""
    article = passage.article
    return next((entity_key(m) for m in mentions if m.label is Label.COMPANY
                 and article.title_start <= m.start < article.title_end), "")


def extract_facts(result: DocumentResult, passages: list[Passage]) -> None:
    """Fill ``result`` with relations, posts, targets and statistics."""
    doc_year = result.doc.year
    for passage in passages:
        if passage.article.n == 0:
            continue  # a masthead or copyright page states no facts
        ms = in_passage(passage, result.mentions)
        sources, journalists = article_credits(passage, ms)
        result.sources.extend((passage.article.n, key) for key in sources)
        result.posts.extend(journalists)
        topic = {
            "programme": _main_topic(passage, ms, {Label.PROGRAMME}),
            "event": _main_topic(passage, ms, {Label.EVENT}),
        }
        deadlines = governing_deadlines(passage, doc_year)
        parts = report_parts(passage, doc_year)
        goals = goal_lists(passage)
        said_years = paragraph_years(passage, doc_year)
        place = passage_place(passage)
        firm = _firm_spoken_of(passage, ms)
        titled = _main_topic(passage, ms, {Label.PROGRAMME}, title_only=True)
        plan_like = bool(_PLAN_TITLE.search(passage.article.title))
        own_year = plan_year(passage.article.title, doc_year) if plan_like else None
        ms_starts = [m.start for m in ms]
        addressed: list[Mention] = []  # the bodies the last salutation line named
        task = ""
        for i, sv in enumerate(passage.sentences):
            s = sv.sentence
            lo, hi = bisect.bisect_left(ms_starts, s.start), bisect.bisect_left(ms_starts, s.end)
            in_sentence = [m for m in ms[lo:hi] if m.end <= s.end]
            if _TASK_HEADING.match(sv.text):
                task = next((entity_key(m) for m in in_sentence
                             if m.label in (Label.PROGRAMME, Label.EVENT)), "")
            sf = SentenceFacts(passage, sv, in_sentence, result.entities, topic, task)
            result.relations.extend(extract_relations(sf))
            result.relations.extend(requests_answered(sf, addressed))
            addressed = addressees(sf) or addressed
            result.posts.extend(extract_posts(sf))
            context = QuantityContext(doc_year, parts[i], deadlines[i] or own_year, goals[i],
                                      plan_like, titled, place, said_years[i], firm)
            targets, statistics = extract_quantities(sf, context)
            result.targets.extend(targets)
            result.statistics.extend(statistics)
    result.relations.extend(programme_parts(result, passages))
    result.relations.extend(organisation_parts(result))
    name_project_owners(result)
    result.relations.extend(place_hierarchy(result))
    _add_missing_places(result)
    result.relations.sort()
    result.posts.sort()
    result.targets.sort()
    result.targets[:] = _first_of_each(result.targets)
    result.statistics[:] = _first_of_each(result.statistics)
    _add_owners(result)


_COMPONENT = re.compile(r"(?:行动|工程|专项)$")
_LEGAL_FORM = re.compile(r"(?:股份|集团)?(?:有限责任|有限)?公司|集团")
# a company's branch is a unit of the company its name begins with (…股份有限公司大连石化分公司)
_BRANCH = re.compile(r"分公司|分行|子公司|事业部|分院")


def programme_parts(result: DocumentResult, passages: list[Passage]) -> list[Relation]:
    """kgo:partOf from the actions and projects an article lists to the plan it is about:
    《规划》部署的专项行动…一是开展智能制造技术攻关行动 -> 智能制造技术攻关行动 partOf the plan."""
    out = []
    for passage in passages:
        if passage.article.n == 0:
            continue
        ms = [m for m in in_passage(passage, result.mentions) if m.label is Label.PROGRAMME]
        parents = set()
        for parent, child in zip(ms, ms[1:]):
            # 上海市市级科技重大专项“…无人系统”: the quoted instance is part of the programme
            if child.start == parent.end + 1 and result.doc.text[parent.end] == "“":
                parents.add(entity_key(parent))
                sent = _sentence_of(result, child.start)
                out.append(Relation(result.doc.id, sent[0], sent[1], Predicate.PART_OF,
                                    entity_key(child), entity_key(parent),
                                    "relation.programme_parts"))
        # a work report lists the year's actions of a government: they are its programmes,
        # not parts of the report
        topic = _main_topic(passage, [m for m in ms if m.extractor != WORK_REPORT_EXTRACTOR],
                            {Label.PROGRAMME}, dominant=True)
        if not topic:
            continue
        components = [m for m in ms if entity_key(m) not in (topic, *parents)
                      and not m.text.startswith("《") and m.extractor != ABBREVIATION_EXTRACTOR
                      and _COMPONENT.search(result.entities[entity_key(m)].name)]
        for m, parent in _sections(result.doc.text, passage, components, topic):
            sent = _sentence_of(result, m.start)
            out.append(Relation(result.doc.id, sent[0], sent[1], Predicate.PART_OF,
                                entity_key(m), parent, "relation.programme_parts"))
    return sorted(set(out))


# a numbered heading and its level: 一、 (1), （一） (2), 1. (3), （1） (4)
_HEADING_MARK = re.compile(r"[ \t\u3000]*(?:(?P<h1>[一二三四五六七八九十]{1,3}\s*、)|"
                           r"(?P<h2>[（(][一二三四五六七八九十]{1,3}[）)])|(?P<h3>\d{1,2}\s*[、．.﹒])|"
                           r"(?P<h4>[（(]\d{1,2}[）)]))\s*")


def _sections(text: str, passage: Passage, components: list[Mention],
              topic: str) -> Iterator[tuple[Mention, str]]:
    """Each component with what it is part of: the action or project whose numbered heading it
    sits under (（一）算力设施强基行动。… 专栏1 算力网络互联互通工程), else the plan."""
    a = passage.article
    heads: dict[int, str] = {}  # heading level -> the component it names
    pending = iter(components)
    m = next(pending, None)
    for line in re.finditer(r"[^\n]+", text[a.body_start:a.end]):
        start, end = a.body_start + line.start(), a.body_start + line.end()
        while m is not None and m.start < start:
            yield m, heads[max(heads)] if heads else topic
            m = next(pending, None)
        mark = _HEADING_MARK.match(text, start, end)
        if mark is None:
            continue
        level = int(mark.lastgroup[1])
        for k in [k for k in heads if k >= level]:
            del heads[k]
        if m is not None and m.start == mark.end() and m.end <= end:
            yield m, heads[max(heads)] if heads else topic
            heads[level] = entity_key(m)
            m = next(pending, None)
    while m is not None:
        yield m, heads[max(heads)] if heads else topic
        m = next(pending, None)


def organisation_parts(result: DocumentResult) -> list[Relation]:
    """kgo:partOf from a unit to its organisation: 工信部装备工业一司 -> 工业和信息化部 (from the
    unit extractors), 南京大学苏州校区 -> 南京大学 (a name that begins with another's)."""
    from kg.extractors.gazetteers import agency_rows
    from kg.resources import split_aliases, table
    known: dict[str, tuple[str, Label, str]] = {}
    rows = list(agency_rows()) + [(f"org:{r['name']}", Label.COMPANY, r["name"],
                                   split_aliases(r["aliases"])) for r in table("companies.tsv")]
    for key, label, canonical, aliases in rows:
        for s in (canonical, *aliases):
            known[s] = (key, label, canonical)
    listed = {key for key, _label, _canonical, _aliases in agency_rows()}
    for e in list(result.entities.values()):
        if e.label.is_organization:
            for s in (e.name, *e.aliases):
                known.setdefault(s, (e.key, e.label, e.name))
    surfaces: dict[str, set[str]] = {}
    for s, (key, _label, _name) in known.items():
        surfaces.setdefault(key, set()).add(s)
    out = []
    nested: list[Mention] = []
    first = {}
    for m in result.mentions:
        first.setdefault(entity_key(m), m)
    for e in list(result.entities.values()):
        if not e.label.is_organization or e.key not in first:
            continue
        parent = None
        host = _host_of(e.name) if not e.parent_key else None
        if e.parent_key.startswith("org:"):
            host_name = e.parent_key[4:]
            parent = known.get(host_name, (e.parent_key, Label.RESEARCH if HOST_END.search(
                host_name[-3:]) else Label.AGENCY, host_name))
            host = _written_host(first[e.key], parent, surfaces.get(parent[0], set())
                                 | _names_of(result, parent))
        elif host is not None:
            parent = known.get(host, (f"org:{host}", Label.RESEARCH, host))
        elif e.key not in listed:  # 国务院办公厅, 国务院新闻办公室: bodies the table lists in
            # their own right are no units of the body their name begins with
            for n in range(len(e.name) - 2, 1, -1):
                hit = known.get(e.name[:n])
                if hit and hit[0] != e.key:
                    parent = hit
                    if hit[1] is Label.COMPANY and e.label is not Label.COMPANY:
                        # 比亚迪|全球研发中心: the firm is named there too (not in a registered
                        # name of its own: …股份有限公司大连石化分公司)
                        host = e.name[:n]
                    break
        if parent is not None and host is not None and not e.name.endswith(_CAMPUS):
            # 商务部研究院|国际服务贸易研究所, 浙江大学|硅材料国家重点实验室: the research body or
            # the firm a unit is written after is named there too (a mention of its own, nested in
            # the unit's); a campus is where the university is, and names it only inside its name
            m = first[e.key]
            if result.doc.text.startswith(host, m.start):
                nested.append(Mention(result.doc.id, m.start, m.start + len(host), parent[1],
                                      host, host, HOST_EXTRACTOR, parent[2], parent[0]))
        if parent is None:
            parent = _parent_by_ending(e)
        if parent is None or _LEGAL_FORM.fullmatch(e.name[len(parent[2]):]):
            continue  # 大连理工江苏研究院有限公司 is 大连理工江苏研究院 itself, not a unit
        if not e.parent_key and _LEGAL_FORM.search(e.name[-6:]) and not _BRANCH.search(e.name):
            continue  # 中国石化 is no unit of 中国石油: a company of its own begins with its name
        pkey, plabel, pname = parent
        if pkey not in result.entities:
            result.entities[pkey] = Entity(pkey, plabel, pname)
        sent = _sentence_of(result, first[e.key].start)
        out.append(Relation(result.doc.id, sent[0], sent[1], Predicate.PART_OF, e.key, pkey,
                            "relation.organisation_parts"))
    if nested:
        result.mentions[:] = sorted(result.mentions + nested)
    return sorted(set(out))


OWNER_EXTRACTOR = "facts.project_owners"
_OWNER_MAX = 10  # characters of a known body's name at the head of a project's


def name_project_owners(result: DocumentResult) -> None:
    """The known firm or body a listed project's name begins with is named there too (a
    mention of its own, nested in the project's): 比亚迪坪山产业园 -> 比亚迪, 华为溪流背坡村 ->
    华为, also by the informal form of its short name (蓝思|科技: 蓝思智能制造产业园 -> 蓝思).
    (That it builds the project is no kgo:leads: the contract keeps that for who heads a
    programme, 牵头.)"""
    from kg.extractors.gazetteers import informal_firm, known_body
    from kg.extractors.programmes import LISTED_PROJECT_EXTRACTOR
    nested = []
    for m in result.mentions:
        if m.extractor != LISTED_PROJECT_EXTRACTOR:
            continue
        for n in range(min(len(m.text) - 2, _OWNER_MAX), 1, -1):
            # a firm's informal form heads a project named after it too: 中联|智慧产业城
            owner = known_body(m.text[:n]) or informal_firm(m.text[:n])
            if owner is None:
                continue
            key, label, name = owner
            known = result.entities.get(key) or Entity(key, label, name)
            surface = m.text[:n]
            if surface != known.name and surface not in known.aliases:
                # the form written (中联, 德方纳米) names the firm as its other surfaces do
                known = replace(known, aliases=tuple(sorted({*known.aliases, surface})))
            result.entities[key] = known
            nested.append(Mention(result.doc.id, m.start, m.start + n, label, m.text[:n],
                                  m.text[:n], OWNER_EXTRACTOR, name, key))
            break
    if nested:
        result.mentions[:] = sorted(result.mentions + nested)


HOST_EXTRACTOR = "relation.organisation_parts"
_CAMPUS = ("校区", "分校")


def _written_host(m: Mention, parent: tuple[str, Label, str], names: set[str]) -> str | None:
    """The name of a unit's research body or firm as the unit's first mention begins with it
    (浙江大学 of 浙江大学硅材料国家重点实验室, 比亚迪 of 比亚迪坪山研发中心), or None (an
    agency's units name no host: 工信部 inside 工信部装备工业一司 is no mention of its own)."""
    if parent[1] is Label.COMPANY:
        return next((n for n in sorted(names, key=len, reverse=True)
                     if m.text.startswith(n) and len(m.text) - len(n) >= 2), None)
    if parent[1] is not Label.RESEARCH:
        return None
    host = _host_of(m.text)
    return host if host is not None and host in names else None


def _names_of(result: DocumentResult, parent: tuple[str, Label, str]) -> set[str]:
    e = result.entities.get(parent[0])
    return {parent[2], *(e.aliases if e else ())}


def _host_of(name: str) -> str | None:
    """The research body a unit's name begins with (商务部研究院国际服务贸易研究所 -> 商务部研究院,
    浙江大学硅材料国家重点实验室 -> 浙江大学), or None: what follows it must be a unit
    of three characters or more (中国社会科学院大学 is a university of its own)."""
    for m in HOST_END.finditer(name):
        if m.end() >= 4 and len(name) - m.end() >= 3:
            return name[:m.end()]
    return None


_PARENT_ENDING = re.compile(r"^(.{2,20}?(?:大学|学院|科学院|研究院|集团))(?=.{2,})")


def _parent_by_ending(e: Entity) -> tuple[str, Label, str] | None:
    """南京大学苏州校区 -> 南京大学: a name that begins with a whole institution's name."""
    m = _PARENT_ENDING.match(e.name)
    if not m:
        return None
    name = m.group(1)
    label = Label.COMPANY if name.endswith("集团") else Label.RESEARCH
    return (f"org:{name}", label, name)


def _sentence_of(result: DocumentResult, offset: int) -> tuple[int, int]:
    s = result.sentence_at(offset)
    return (s.start, s.end) if s else (offset, offset)


def _add_missing_places(result: DocumentResult) -> None:
    """Places that relations point to (苏州工业园区 inside 苏州工业园区企业发展服务中心) become
    entities of their own."""
    index = place_index()
    for r in result.relations:
        for key in (r.subject, r.object):
            if key not in result.entities and key in index:
                row = index[key]
                result.entities[key] = Entity(key, Label(row.type), row.name, (), row.parent_key)


def _first_of_each(quantities: list) -> list:
    """A document that states one number twice (its title, then its body) states one fact:
    the first of each value, unit, year and owner is kept."""
    seen, out = set(), []
    for q in sorted(quantities):
        # a target is told apart by what it measures too: 70%的…企业, then 满足率分别超过70%
        key = (q.value, q.value_max, q.unit, q.year, q.setter, q.measure) if isinstance(q, Target) \
            else (q.value, q.value_max, q.unit, q.year, q.subject)
        if key not in seen:
            seen.add(key)
            out.append(q)
    return out


def _add_owners(result: DocumentResult) -> None:
    """The place whose numbers an article reports (中国 for a national report) is an entity of
    the document even where no mention names it."""
    index = place_index()
    for key in {t.setter for t in result.targets} | {s.subject for s in result.statistics}:
        if key and key not in result.entities and key in index:
            row = index[key]
            result.entities[key] = Entity(key, Label(row.type), row.name, (), row.parent_key)


def place_hierarchy(result: DocumentResult) -> list[Relation]:
    """kgo:partOf from each named place to its direct parent, up to the country, adding the
    parents as entities; evidence is the first sentence naming the child."""
    index = place_index()
    first: dict[str, tuple[int, int]] = {}
    for m in result.mentions:
        k = entity_key(m)
        if m.label.is_place and k not in first:
            span = _sentence_of(result, m.start)
            if span[1] > span[0]:
                first[k] = span
    out = []
    for key, span in sorted(first.items()):
        child, seen = key, {key}
        while True:
            row = index.get(child)
            # a place named by a pattern (苏州高新技术产业开发区) carries its parent itself
            own = result.entities.get(child)
            parent_key = row.parent_key if row else (own.parent_key if own else "")
            if not parent_key or parent_key not in index or parent_key in seen:
                break
            seen.add(parent_key)
            parent = index[parent_key]
            if parent.key not in result.entities:
                result.entities[parent.key] = Entity(parent.key, Label(parent.type), parent.name,
                                                     (), parent.parent_key)
            out.append(Relation(result.doc.id, span[0], span[1], Predicate.PART_OF, child,
                                parent.key, "gazetteer.place"))
            child = parent.key
    return sorted(set(out))


__all__ = ["extract_facts"]
