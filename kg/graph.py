"""Records to RDF: IRI minting, entity, fact and provenance triples, as N-Triples.

Owns: the shape of the graph (see ``ontology/policykg.ttl`` and the README). IRIs come from
deterministic keys: a place with a GB/T 2260 code is ``kgr:place/320000``; other entities hash
their key (sha1), so the same entity has the same IRI in every run and every document.
Provenance: every relation is reified as an ``rdf:Statement`` with ``prov:wasDerivedFrom`` its
``kgo:Sentence`` (text, offsets, article); targets and mentions link to their sentence directly.
Reification is plain RDF 1.1, so the same SPARQL works in rdflib, Oxigraph and Virtuoso.

A document's triples are written where it was extracted (in a worker, in parallel): its own
facts, which no other document states, as Turtle (sentences and mentions, most of a graph,
written directly; the rest through pyoxigraph), and the shared ones (relations between entities,
posts), which several may, as N-Triples lines. A build then needs only to merge entities (one label each)
and drop repeated shared triples; it streams everything else to its outputs, so memory does not
grow with the corpus and the serial part of a parallel build stays small.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import XSD as _XSD
from rdflib import Graph
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import SKOS as _SKOS

from kg.extractors.gazetteers import english_names
from kg.extractors.quantities import EACH_EXTRACTOR
from kg.keys import entity_key
from kg.outcomes import EXTRACTOR as OUTCOME_EXTRACTOR
from kg.outcomes import Outcome, link_outcomes
from kg.types import DocumentResult, Entity, Label, Predicate, Statistic, Target
from kg.vocab import KGO as _KGO
from kg.vocab import KGR as _KGR
from kg.vocab import ORG as _ORG
from kg.vocab import PREFIXES
from kg.vocab import PROV as _PROV


class _Terms:
    """A namespace whose terms are N-Triples IRIs (``<…>``), made once; the rdflib namespace
    behind it still checks names, so KGO.isuedBy raises."""

    def __init__(self, ns: object) -> None:
        self._ns = ns
        self._cache: dict[str, str] = {}

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self._cache.get(name)
        if term is None:
            term = self._cache[name] = f"<{getattr(self._ns, name)}>"
        return term


RDF, RDFS, SKOS, DCTERMS = _Terms(_RDF), _Terms(_RDFS), _Terms(_SKOS), _Terms(_DCTERMS)
KGO, ORG, PROV = _Terms(_KGO), _Terms(_ORG), _Terms(_PROV)
_KGR_BASE = str(_KGR)
_XSD_BASE = str(_XSD)
_CLASS = {label: getattr(KGO, label.value) for label in Label}
_PREDICATE = {p: getattr(KGO, p.value) for p in Predicate}
_KIND = {"place": "place", "org": "org", "prog": "programme", "event": "event", "person": "person"}
_ADMIN_CODE = re.compile(r"\d{6}")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _kgr(path: str) -> str:
    return f"<{_KGR_BASE}{path}>"


def _zh(s: str) -> str:
    return f'"{s.translate(_ESCAPES)}"@zh'


def _string(s: object) -> str:
    return f'"{str(s).translate(_ESCAPES)}"'


def _typed(value: object, datatype: str) -> str:
    return f'"{str(value).translate(_ESCAPES)}"^^<{_XSD_BASE}{datatype}>'


def _integer(n: int) -> str:
    return f'"{n}"^^<{_XSD_BASE}integer>'


def entity_iri(key: str) -> str:
    """The IRI of an entity key, as an N-Triples term: ``place:320000`` -> <…/place/320000>."""
    kind, _, rest = key.partition(":")
    if kind == "place" and _ADMIN_CODE.fullmatch(rest):
        return _kgr(f"place/{rest}")
    return _kgr(f"{_KIND.get(kind, 'entity')}/{_digest(key)}")


def doc_iri(doc_id: str) -> str:
    """The IRI of a document."""
    return _kgr(f"doc/{doc_id}")


def article_iri(doc_id: str, n: int) -> str:
    """The IRI of article ``n`` of a document."""
    return _kgr(f"doc/{doc_id}/article/{n}")


def sentence_iri(doc_id: str, start: int, end: int) -> str:
    """The IRI of the sentence at ``start``-``end`` of a document."""
    return _kgr(f"doc/{doc_id}/sentence/{start}-{end}")


def quantity_iri(kind: str, doc_id: str, q: Target | Statistic) -> str:
    """The IRI of a target or statistic: its kind, document and value span, and its measure when
    the number is one of several goals (X、Y均达到N)."""
    parts = (doc_id, str(q.start), str(q.end))
    if q.extractor == EACH_EXTRACTOR:
        parts += (q.measure,)
    return _kgr(f"{kind}/{_digest(*parts)}")


def new_graph() -> Graph:
    """An empty rdflib graph with the contract's prefixes bound."""
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True)
    return g


class Lines(dict):
    """An insertion-ordered set of N-Triples lines."""

    def add(self, s: str, p: str, o: str) -> None:
        self[f"{s} {p} {o} .\n"] = None

    def sorted_bytes(self) -> bytes:
        """The lines sorted (so by subject: Turtle groups them), as UTF-8."""
        return "".join(sorted(self)).encode("utf-8")


@dataclass(slots=True)
class DocumentTriples:
    """One document's triples: ``facts`` no other document states (its articles, sentences,
    mentions, statements, targets…), as Turtle with the contract's prefixes (written where the
    document was extracted, so Turtle's cost is paid in parallel), and ``shared`` ones another may
    state too (relations between entities, posts), as sorted N-Triples lines."""

    facts: bytes
    shared: bytes
    entity_keys: tuple[str, ...] = ()  # the document's entities, whose names it carries too
    fact_count: int = 0
    classes: dict[str, int] = field(default_factory=dict)  # nodes per kgo: class among the facts


def entity_lines(e: Entity, types: Iterable[Label] = ()) -> Lines:
    """Type(s), canonical label, aliases, GB/T 2260 code and official English name of an
    entity."""
    out = Lines()
    node = entity_iri(e.key)
    for label in sorted({e.label, *types}, key=lambda x: x.value):
        out.add(node, RDF.type, _CLASS[label])
    out.add(node, RDFS.label, _zh(e.name))
    for alias in e.aliases:
        out.add(node, SKOS.altLabel, _zh(alias))
    kind, _, rest = e.key.partition(":")
    if kind == "place" and _ADMIN_CODE.fullmatch(rest):
        out.add(node, KGO.adminCode, _string(rest))
    english = english_names().get(e.key)
    if english:
        out.add(node, KGO.englishName, f'"{english.translate(_ESCAPES)}"@en')
    return out


def _statement(g: Lines, triple: tuple[str, str, str], doc_id: str, start: int, end: int,
               extractor: str) -> str:
    s, p, o = triple
    node = _kgr(f"statement/{_digest(s, p, o, doc_id, str(start))}")
    g.add(node, RDF.type, RDF.Statement)
    g.add(node, RDF.subject, s)
    g.add(node, RDF.predicate, p)
    g.add(node, RDF.object, o)
    g.add(node, PROV.wasDerivedFrom, sentence_iri(doc_id, start, end))
    g.add(node, KGO.extractor, _string(extractor))
    return node


def document_triples(r: DocumentResult) -> DocumentTriples:
    """All triples of one document's results but its entities' own (see :func:`entity_lines`)."""
    doc = r.doc
    facts, shared = Lines(), Lines()
    d = doc_iri(doc.id)
    facts.add(d, RDF.type, KGO.Document)
    facts.add(d, DCTERMS.identifier, _string(doc.id))
    facts.add(d, DCTERMS.title, _zh(doc.title))
    issued = _typed(doc.date.isoformat(), "date") if doc.date else ""
    if issued:
        facts.add(d, DCTERMS.issued, issued)
    elif doc.year:  # a year without a day (a report of 2006)
        facts.add(d, DCTERMS.date, _typed(doc.year, "gYear"))
    for a in r.articles:
        node = article_iri(doc.id, a.n)
        facts.add(node, RDF.type, KGO.Article)
        facts.add(node, DCTERMS.isPartOf, d)
        facts.add(node, DCTERMS.title, _zh(a.title))
        facts.add(node, KGO.articleNumber, _integer(a.n))
        facts.add(node, KGO.startOffset, _integer(a.start))
        facts.add(node, KGO.endOffset, _integer(a.end))
        if a.section:
            facts.add(node, KGO.section, _zh(a.section))
        if issued:
            facts.add(node, DCTERMS.issued, issued)
    # mentions grouped by span (two extractors may name one span); the articles' kgo:mentions
    # go with the other facts
    mentions: dict[tuple[int, int], tuple[str, set[str], set[str], str]] = {}
    iris: dict[str, str] = {}
    for m in r.mentions:
        key = entity_key(m)
        if key not in r.entities:
            continue
        ent = iris.get(key) or iris.setdefault(key, entity_iri(key))
        sent = r.sentence_at(m.start)
        seen = mentions.get((m.start, m.end))
        if seen is None:
            seen = mentions[m.start, m.end] = (m.text, set(), set(), "" if sent is None else
                                               sentence_iri(doc.id, sent.start, sent.end))
        seen[1].add(ent)
        seen[2].add(m.extractor)
        if sent is not None:
            facts.add(article_iri(doc.id, sent.article), KGO.mentions, ent)
    for n, key in r.sources:
        if key in r.entities:
            facts.add(article_iri(doc.id, n), DCTERMS.source, entity_iri(key))
    for rel in r.relations:
        if rel.subject not in r.entities or rel.object not in r.entities:
            continue
        triple = (entity_iri(rel.subject), _PREDICATE[rel.predicate], entity_iri(rel.object))
        shared.add(*triple)
        _statement(facts, triple, doc.id, rel.start, rel.end, rel.extractor)
    for p in r.posts:
        post = _kgr(f"post/{_digest(p.person, p.title, p.organization)}")
        person, org = entity_iri(p.person), entity_iri(p.organization)
        shared.add(post, RDF.type, KGO.Post)
        shared.add(post, RDFS.label, _zh(p.title))
        for triple in ((person, ORG.holds, post), (post, ORG.postIn, org)):
            shared.add(*triple)
            _statement(facts, triple, doc.id, p.start, p.end, p.extractor)
    # a target has a deadline and a setter, a statistic a year and a subject
    quantities = (("target", KGO.Target, KGO.targetYear, KGO.hasTarget,
                   [(t, t.setter) for t in r.targets]),
                  ("statistic", KGO.Statistic, KGO.year, KGO.hasStatistic,
                   [(s, s.subject) for s in r.statistics]))
    for kind, cls, year_of, owned_by, items in quantities:
        for q, owner in items:
            node = quantity_iri(kind, doc.id, q)
            _quantity(facts, node, cls, q, doc.id)
            if q.year is not None:
                facts.add(node, year_of, _typed(q.year, "gYear"))
            if owner and owner in r.entities:
                triple = (entity_iri(owner), owned_by, node)
                facts.add(*triple)
                _statement(facts, triple, doc.id, q.sentence_start, q.sentence_end, q.extractor)
    nt = facts.sorted_bytes()
    classes = count_classes(nt)
    for name, n in (("Sentence", len(r.sentences)), ("Mention", len(mentions))):
        if n:
            classes[name] = classes.get(name, 0) + n
    count = len(facts) + _SENTENCE_TRIPLES * len(r.sentences) + sum(
        len(ents) + len(extractors) + 4 + bool(sent) for _t, ents, extractors, sent
        in mentions.values())
    turtle = _turtle(nt) + _sentences_turtle(doc.id, r.sentences) + \
        _mentions_turtle(doc.id, mentions)
    return DocumentTriples(turtle, shared.sorted_bytes(), tuple(sorted(r.entities)), count,
                           classes)


# Sentences and mentions are most of a graph's triples and each of one shape: written as Turtle
# where they are made, they skip the N-Triples parser and the serializer (half the RDF time of
# a build). A path of this graph's own IRIs is a prefixed name when Turtle allows one
# (kgr:doc\/x\/sentence\/3-9), else a full IRI.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_./\-]*")
_SENTENCE_TRIPLES = 6
_KGR_CUT = len(_KGR_BASE) + 1


def _local(path: str) -> str:
    """A path below kgr: as a Turtle term."""
    if _PLAIN_PATH.fullmatch(path):
        return "kgr:" + path.replace(".", "\\.").replace("/", "\\/")
    return f"<{_KGR_BASE}{path}>"


def _short(iri: str) -> str:
    """An N-Triples IRI of this graph's own (``<…/id/org/x>``) as a Turtle term."""
    return _local(iri[_KGR_CUT:-1])


def _sentences_turtle(doc_id: str, sentences: list) -> bytes:
    """A document's sentences as Turtle."""
    out = []
    for s in sentences:
        out.append(f"{_local(f'doc/{doc_id}/sentence/{s.start}-{s.end}')} a kgo:Sentence ;\n"
                   f"\tkgo:text {_zh(s.text)} ;\n\tkgo:startOffset {s.start} ;\n"
                   f"\tkgo:endOffset {s.end} ;\n"
                   f"\tkgo:inArticle {_local(f'doc/{doc_id}/article/{s.article}')} ;\n"
                   f"\tdcterms:isPartOf {_local(f'doc/{doc_id}')} .\n")
    return "".join(out).encode("utf-8")


def _mentions_turtle(doc_id: str, mentions: dict[tuple[int, int], tuple[str, set[str], set[str],
                                                                         str]]) -> bytes:
    """A document's mentions as Turtle: span -> (surface, entity IRIs, extractors, sentence IRI)."""
    out = []
    for (start, end), (text, ents, extractors, sent) in mentions.items():
        out.append(f"{_local(f'doc/{doc_id}/mention/{start}-{end}')} a kgo:Mention ;\n"
                   f"\tkgo:mentionOf {', '.join(sorted(_short(e) for e in ents))} ;\n"
                   f"\tkgo:surface {_string(text)} ;\n\tkgo:startOffset {start} ;\n"
                   f"\tkgo:endOffset {end} ;\n"
                   f"\tkgo:extractor {', '.join(_string(x) for x in sorted(extractors))}"
                   + (f" ;\n\tkgo:inSentence {_short(sent)} .\n" if sent else " .\n"))
    return "".join(out).encode("utf-8")


_KGO_TYPE = re.compile(rb"<http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> "
                       rb"<https://w3id\.org/policykg/ontology#(\w+)> \.")


def count_classes(ntriples: bytes) -> dict[str, int]:
    """Nodes per kgo: class in N-Triples."""
    counts: dict[str, int] = {}
    for m in _KGO_TYPE.findall(ntriples):
        name = m.decode()
        counts[name] = counts.get(name, 0) + 1
    return counts


def _turtle(ntriples: bytes) -> bytes:
    """Sorted N-Triples as Turtle with the contract's prefixes (subjects stay grouped)."""
    return ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES),
                        format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""


def _without_prefixes(turtle: bytes) -> bytes:
    """A Turtle chunk without its @prefix lines (the file declares them once, at its top)."""
    start = 0
    while turtle.startswith(b"@prefix ", start):
        start = turtle.index(b"\n", start) + 1
    return turtle[start:]


def _quantity(g: Lines, node: str, cls: str, q: Target | Statistic, doc_id: str) -> None:
    """What targets and statistics share: indicator, measure, value, unit, comparator, period,
    the span as written and the sentence it came from."""
    g.add(node, RDF.type, cls)
    g.add(node, KGO.indicator, _zh(q.indicator))
    if q.measure:
        g.add(node, KGO.measure, _string(q.measure))
    g.add(node, KGO.value, _typed(q.value, "decimal"))
    g.add(node, KGO.unit, _string(q.unit))
    g.add(node, KGO.comparator, _string(q.comparator))
    if q.value_max is not None:
        g.add(node, KGO.valueMax, _typed(q.value_max, "decimal"))
    if q.period:
        g.add(node, KGO.period, _zh(q.period))
    g.add(node, KGO.surface, _string(q.text))
    g.add(node, KGO.startOffset, _integer(q.start))
    g.add(node, KGO.endOffset, _integer(q.end))
    g.add(node, PROV.wasDerivedFrom, sentence_iri(doc_id, q.sentence_start, q.sentence_end))
    g.add(node, KGO.extractor, _string(q.extractor))


def outcome_lines(outcomes: Iterable[Outcome]) -> Lines:
    """kgo:outcomeOf from each statistic to the target it reports on, reified with both
    sentences as its evidence."""
    out = Lines()
    for o in outcomes:
        s, t = o.statistic, o.target
        triple = (quantity_iri("statistic", o.statistic_doc, s), KGO.outcomeOf,
                  quantity_iri("target", o.target_doc, t))
        out.add(*triple)
        node = _statement(out, triple, o.statistic_doc, s.sentence_start, s.sentence_end,
                          OUTCOME_EXTRACTOR)
        out.add(node, PROV.wasDerivedFrom,
                sentence_iri(o.target_doc, t.sentence_start, t.sentence_end))
    return out


def merge_entities(results: Iterable[DocumentResult]) -> dict[str, tuple[Entity, set[Label]]]:
    """Every entity of a build once, by key: one canonical label (the longest name any document
    gives it; the contract wants exactly one), every other name an alias, every class any
    document gives it."""
    names: dict[str, set[str]] = {}
    aliases: dict[str, set[str]] = {}
    types: dict[str, set[Label]] = {}
    first: dict[str, Entity] = {}
    for r in results:
        for key, e in r.entities.items():
            first.setdefault(key, e)
            names.setdefault(key, set()).add(e.name)
            aliases.setdefault(key, set()).update(e.aliases)
            types.setdefault(key, set()).add(e.label)
    out = {}
    for key in sorted(first):
        ranked = sorted(names[key], key=lambda n: (-len(n), n))
        label = ranked[0]
        others = tuple(sorted((aliases[key] | set(ranked[1:])) - {label}))
        e = first[key]
        out[key] = (Entity(key, e.label, label, others, e.parent_key), types[key])
    return out


@dataclass(slots=True)
class GraphParts:
    """A build's triples, ready to stream: its entities, the shared triples once each, every
    document's own facts (in input order) and the outcome links."""

    entities: dict[str, tuple[Entity, set[Label]]]
    entity_bytes: bytes
    shared: bytes
    documents: list[tuple[str, DocumentTriples]] = field(default_factory=list)  # (doc id, …)
    outcomes: bytes = b""

    def chunks(self) -> Iterator[tuple[bytes, ox.RdfFormat]]:
        """The whole graph, part by part: (bytes, format)."""
        yield self.entity_bytes, ox.RdfFormat.N_TRIPLES
        yield self.shared, ox.RdfFormat.N_TRIPLES
        for _doc, t in self.documents:
            yield t.facts, ox.RdfFormat.TURTLE
        yield self.outcomes, ox.RdfFormat.N_TRIPLES

    def triple_count(self) -> int:
        """How many triples the graph has."""
        return (sum(chunk.count(b"\n") for chunk in (self.entity_bytes, self.shared, self.outcomes))
                + sum(t.fact_count for _d, t in self.documents))

    def class_counts(self) -> dict[str, int]:
        """Nodes per kgo: class."""
        counts: dict[str, int] = {}
        for part in [count_classes(self.entity_bytes), count_classes(self.shared),
                     count_classes(self.outcomes), *(t.classes for _d, t in self.documents)]:
            for name, n in part.items():
                counts[name] = counts.get(name, 0) + n
        return dict(sorted(counts.items()))

    def write_turtle(self, out) -> None:
        """The whole graph as one Turtle file: the prefixes once, then each part (the
        documents' facts as their workers wrote them)."""
        out.write(ox.serialize(ox.parse(self.entity_bytes + self.shared + self.outcomes,
                                        format=ox.RdfFormat.N_TRIPLES),
                               format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"")
        for _doc, t in self.documents:
            out.write(_without_prefixes(t.facts))


def ensure_triples(r: DocumentResult) -> DocumentTriples:
    """A result's triples: made where it was extracted, or now."""
    if r.triples is None:
        r.triples = document_triples(r)
    return r.triples


def graph_parts(results: Iterable[DocumentResult]) -> GraphParts:
    """The triples of many documents: entities merged by key, shared triples once, outcomes
    linked across documents."""
    results = list(results)
    entities = merge_entities(results)
    entity_out = Lines()
    for e, types in entities.values():
        entity_out.update(entity_lines(e, types))
    shared: dict[bytes, None] = {}
    documents = []
    for r in results:
        t = ensure_triples(r)
        shared.update(dict.fromkeys(t.shared.splitlines(keepends=True)))
        documents.append((r.doc.id, t))
    outcomes = outcome_lines(link_outcomes(results))
    return GraphParts(entities, entity_out.sorted_bytes(), b"".join(sorted(shared)), documents,
                      outcomes.sorted_bytes())


def iter_triples(parts: GraphParts) -> Iterator[ox.Triple]:
    """The graph's triples, parsed part by part (never all at once)."""
    for chunk, fmt in parts.chunks():
        if chunk:
            yield from ox.parse(chunk, format=fmt)


def document_quads(parts: GraphParts) -> Iterator[ox.Quad]:
    """One named graph per document (TriG, N-Quads): its facts, its shared triples and its
    entities' names as merged, in input order."""
    shared_of: dict[str, bytes] = {}
    for doc_id, t in parts.documents:
        shared_of[doc_id] = t.shared
    for doc_id, t in parts.documents:
        graph = ox.NamedNode(doc_iri(doc_id)[1:-1])
        own = Lines()
        for key in t.entity_keys:
            if key in parts.entities:
                e, types = parts.entities[key]
                own.update(entity_lines(e, types))
        for chunk, fmt in ((own.sorted_bytes(), ox.RdfFormat.N_TRIPLES),
                           (shared_of[doc_id], ox.RdfFormat.N_TRIPLES),
                           (t.facts, ox.RdfFormat.TURTLE)):
            for x in ox.parse(chunk, format=fmt):
                yield ox.Quad(x.subject, x.predicate, x.object, graph)


class Triples(dict):
    """A small graph as an insertion-ordered set of Oxigraph triples (tests, evaluation)."""

    def __init__(self, triples: Iterable[ox.Triple] = ()) -> None:
        super().__init__((t, None) for t in triples)

    def to_rdflib(self) -> Graph:
        g = new_graph()
        nt = ox.serialize(list(self), format=ox.RdfFormat.N_TRIPLES) or b""
        g.parse(data=nt.decode("utf-8"), format="nt")
        return g


def to_triples(results: Iterable[DocumentResult]) -> Triples:
    """The triples of many documents, in memory (for tests and evaluation; a build streams)."""
    return Triples(iter_triples(graph_parts(results)))


def to_graph(results: Iterable[DocumentResult]) -> Graph:
    """One rdflib graph of many documents (see :func:`to_triples`)."""
    return to_triples(results).to_rdflib()


__all__ = ["DocumentTriples", "GraphParts", "Lines", "Triples", "article_iri", "doc_iri",
           "document_quads", "document_triples", "ensure_triples", "entity_iri", "entity_lines",
           "graph_parts", "iter_triples", "merge_entities", "new_graph", "outcome_lines",
           "quantity_iri", "sentence_iri", "to_graph", "to_triples"]
