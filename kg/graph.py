"""Records to RDF: IRI minting, entity, fact and provenance triples.

Owns: the shape of the graph (see ``ontology/policykg.ttl`` and the README). IRIs come from
deterministic keys: a place with a GB/T 2260 code is ``kgr:place/320000``; other entities hash
their key (sha1), so the same entity has the same IRI in every run and every document.
Provenance: every relation is reified as an ``rdf:Statement`` with ``prov:wasDerivedFrom`` its
``kgo:Sentence`` (text, offsets, article); targets and mentions link to their sentence directly.
Reification is plain RDF 1.1, so the same SPARQL works in rdflib, Oxigraph and Virtuoso.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.link import entity_key
from kg.pipeline import DocumentResult
from kg.types import Entity, Label, Predicate
from kg.vocab import KGO, KGR, ORG, PREFIXES, PROV

_CLASS = {label: getattr(KGO, label.value) for label in Label}
_PREDICATE = {p: getattr(KGO, p.value) for p in Predicate}
_KIND = {"place": "place", "org": "org", "prog": "programme", "event": "event", "person": "person"}


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(key: str) -> URIRef:
    """The IRI of an entity key: ``place:320000`` -> kgr:place/320000."""
    kind, _, rest = key.partition(":")
    if kind == "place" and re.fullmatch(r"\d{6}", rest):
        return KGR[f"place/{rest}"]
    return KGR[f"{_KIND.get(kind, 'entity')}/{_digest(key)}"]


def doc_iri(doc_id: str) -> URIRef:
    return KGR[f"doc/{doc_id}"]


def article_iri(doc_id: str, n: int) -> URIRef:
    return KGR[f"doc/{doc_id}/article/{n}"]


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    return KGR[f"doc/{doc_id}/sentence/{start}-{end}"]


def new_graph() -> Graph:
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True)
    return g


def _zh(s: str) -> Literal:
    return Literal(s, lang="zh")


def add_entity(g: Triples, e: Entity) -> None:
    node = entity_iri(e.key)
    g.add((node, RDF.type, _CLASS[e.label]))
    g.add((node, RDFS.label, _zh(e.name)))
    for alias in e.aliases:
        g.add((node, SKOS.altLabel, _zh(alias)))
    kind, _, rest = e.key.partition(":")
    if kind == "place" and re.fullmatch(r"\d{6}", rest):
        g.add((node, KGO.adminCode, Literal(rest)))


def add_document(g: Triples, r: DocumentResult) -> None:
    """All triples of one document's results."""
    doc = r.doc
    d = doc_iri(doc.id)
    g.add((d, RDF.type, KGO.Document))
    g.add((d, DCTERMS.identifier, Literal(doc.id)))
    g.add((d, DCTERMS.title, _zh(doc.title)))
    if doc.date:
        g.add((d, DCTERMS.issued, Literal(doc.date.isoformat(), datatype=XSD.date)))
    art_of_offset = []
    for a in r.articles:
        node = article_iri(doc.id, a.n)
        art_of_offset.append((a.start, a.end, node))
        g.add((node, RDF.type, KGO.Article))
        g.add((node, DCTERMS.isPartOf, d))
        g.add((node, DCTERMS.title, _zh(a.title)))
        g.add((node, KGO.articleNumber, Literal(a.n)))
        g.add((node, KGO.startOffset, Literal(a.start)))
        g.add((node, KGO.endOffset, Literal(a.end)))
        if a.section:
            g.add((node, KGO.section, _zh(a.section)))
        if doc.date:
            g.add((node, DCTERMS.issued, Literal(doc.date.isoformat(), datatype=XSD.date)))

    def article_at(offset: int) -> URIRef | None:
        return next((n for s, e, n in art_of_offset if s <= offset < e), None)

    for s in r.sentences:
        node = sentence_iri(doc.id, s.start, s.end)
        g.add((node, RDF.type, KGO.Sentence))
        g.add((node, KGO.text, _zh(s.text)))
        g.add((node, KGO.startOffset, Literal(s.start)))
        g.add((node, KGO.endOffset, Literal(s.end)))
        g.add((node, KGO.inArticle, article_iri(doc.id, s.article)))
        g.add((node, DCTERMS.isPartOf, d))
    for e in r.entities.values():
        add_entity(g, e)
    ordered = sorted(r.sentences)
    starts = [s.start for s in ordered]

    def sentence_of(offset: int):
        i = bisect.bisect_right(starts, offset) - 1
        return ordered[i] if i >= 0 and ordered[i].start <= offset < ordered[i].end else None

    for m in r.mentions:
        key = entity_key(m)
        if key not in r.entities:
            continue
        node = KGR[f"doc/{doc.id}/mention/{m.start}-{m.end}"]
        ent = entity_iri(key)
        g.add((node, RDF.type, KGO.Mention))
        g.add((node, KGO.mentionOf, ent))
        g.add((node, KGO.surface, Literal(m.text)))
        g.add((node, KGO.startOffset, Literal(m.start)))
        g.add((node, KGO.endOffset, Literal(m.end)))
        g.add((node, KGO.extractor, Literal(m.extractor)))
        sent = sentence_of(m.start)
        if sent is not None:
            g.add((node, KGO.inSentence, sentence_iri(doc.id, sent.start, sent.end)))
            g.add((article_iri(doc.id, sent.article), KGO.mentions, ent))
    for a in r.articles:
        if a.source:
            src = _source_entity(r, a)
            if src is not None:
                g.add((article_iri(doc.id, a.n), DCTERMS.source, entity_iri(src)))
    for rel in r.relations:
        if rel.subject not in r.entities or rel.object not in r.entities:
            continue
        triple = (entity_iri(rel.subject), _PREDICATE[rel.predicate], entity_iri(rel.object))
        g.add(triple)
        _add_statement(g, triple, doc.id, rel.start, rel.end, rel.extractor)
    for p in r.posts:
        post = KGR[f"post/{_digest(p.person, p.title, p.organization)}"]
        person, org = entity_iri(p.person), entity_iri(p.organization)
        g.add((post, RDF.type, KGO.Post))
        g.add((post, RDFS.label, _zh(p.title)))
        for triple in ((person, ORG.holds, post), (post, ORG.postIn, org)):
            g.add(triple)
            _add_statement(g, triple, doc.id, p.start, p.end, p.extractor)
    for t in r.targets:
        node = KGR[f"target/{_digest(doc.id, str(t.start), str(t.end))}"]
        g.add((node, RDF.type, KGO.Target))
        g.add((node, KGO.indicator, _zh(t.indicator)))
        g.add((node, KGO.value, Literal(t.value, datatype=XSD.decimal)))
        g.add((node, KGO.unit, Literal(t.unit)))
        g.add((node, KGO.comparator, Literal(t.comparator)))
        if t.value_max is not None:
            g.add((node, KGO.valueMax, Literal(t.value_max, datatype=XSD.decimal)))
        if t.year is not None:
            g.add((node, KGO.targetYear, Literal(str(t.year), datatype=XSD.gYear)))
        if t.period:
            g.add((node, KGO.period, _zh(t.period)))
        g.add((node, KGO.surface, Literal(t.text)))
        g.add((node, KGO.startOffset, Literal(t.start)))
        g.add((node, KGO.endOffset, Literal(t.end)))
        g.add((node, PROV.wasDerivedFrom, sentence_iri(doc.id, t.sentence_start, t.sentence_end)))
        g.add((node, KGO.extractor, Literal(t.extractor)))
        if t.setter and t.setter in r.entities:
            triple = (entity_iri(t.setter), KGO.hasTarget, node)
            g.add(triple)
            _add_statement(g, triple, doc.id, t.sentence_start, t.sentence_end, t.extractor)


def _source_entity(r: DocumentResult, a) -> str | None:
    """The entity of an article's （来源：…）: the mention inside its source line."""
    for m in r.mentions:
        if a.start <= m.start < a.end and m.text.strip() == a.source.strip():
            return entity_key(m)
    return None


def _add_statement(g: Triples, triple: tuple, doc_id: str, start: int, end: int,
                   extractor: str) -> None:
    s, p, o = triple
    node = KGR[f"statement/{_digest(str(s), str(p), str(o), doc_id, str(start))}"]
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, PROV.wasDerivedFrom, sentence_iri(doc_id, start, end)))
    g.add((node, KGO.extractor, Literal(extractor)))


class Triples(set):
    """The triples of a build: a plain set (rdflib's indexed Graph costs ~20 µs an add), turned
    into an rdflib Graph only where one is needed (the page, validation) and serialised by
    Oxigraph."""

    def add(self, triple: tuple) -> None:  # type: ignore[override]
        super().add(triple)

    def to_rdflib(self) -> Graph:
        g = new_graph()
        for t in sorted(self):
            g.add(t)
        return g


def to_triples(results: Iterable[DocumentResult]) -> Triples:
    """The triples of many documents; entities merge by key (aliases united)."""
    t = Triples()
    for r in results:
        add_document(t, r)  # type: ignore[arg-type]
    _one_label_each(t)
    return t


def to_graph(results: Iterable[DocumentResult]) -> Graph:
    """One rdflib graph of many documents (see :func:`to_triples`)."""
    return to_triples(results).to_rdflib()


def document_graphs(results: Iterable[DocumentResult], merged: Triples) -> list[tuple[URIRef, Triples]]:
    """One named graph per document (for TriG and N-Quads), labels as in the merged graph."""
    names: dict = {}
    for s_, p, o in merged:
        if p in (RDFS.label, SKOS.altLabel):
            names.setdefault(s_, set()).add((s_, p, o))
    out = []
    for r in results:
        t = Triples()
        add_document(t, r)  # type: ignore[arg-type]
        named = {s_ for s_, p, _o in t if p in (RDFS.label, SKOS.altLabel)}
        t = Triples(x for x in t if x[1] not in (RDFS.label, SKOS.altLabel))
        for node in named:
            t |= names.get(node, set())
        out.append((doc_iri(r.doc.id), t))
    return out


def _one_label_each(t: Triples) -> None:
    """An entity named differently by two documents keeps one rdfs:label, the other becomes an
    altLabel (the contract: exactly one label)."""
    labels: dict = {}
    aliases: dict = {}
    posts = {s_ for s_, p, o in t if p == RDF.type and o == KGO.Post}
    for s_, p, o in t:
        if p == RDFS.label:
            labels.setdefault(s_, []).append(o)
        elif p == SKOS.altLabel:
            aliases.setdefault(s_, []).append(o)
    for node, ls in labels.items():
        ls.sort(key=lambda l: (-len(str(l)), str(l)))
        if len(ls) > 1 and node not in posts:
            for extra in ls[1:]:
                t.discard((node, RDFS.label, extra))
                t.add((node, SKOS.altLabel, extra))
        for alias in aliases.get(node, []):
            if alias == ls[0]:
                t.discard((node, SKOS.altLabel, alias))
