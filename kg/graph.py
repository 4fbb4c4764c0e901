"""Records to RDF: IRI minting, entity, fact and provenance triples.

Owns: the shape of the graph (see ``ontology/policykg.ttl`` and the README). IRIs come from
deterministic keys: a place with a GB/T 2260 code is ``kgr:place/320000``; other entities hash
their key (sha1), so the same entity has the same IRI in every run and every document.
Provenance: every relation is reified as an ``rdf:Statement`` with ``prov:wasDerivedFrom`` its
``kgo:Sentence`` (text, offsets, article); targets and mentions link to their sentence directly.
Reification is plain RDF 1.1, so the same SPARQL works in rdflib, Oxigraph and Virtuoso.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import XSD, Graph
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import SKOS as _SKOS

from kg.extractors.gazetteers import english_names
from kg.keys import entity_key
from kg.outcomes import EXTRACTOR as OUTCOME_EXTRACTOR
from kg.outcomes import Outcome, link_outcomes
from kg.types import DocumentResult
from kg.types import Entity, Label, Predicate, Statistic, Target
from kg.vocab import KGO as _KGO
from kg.vocab import KGR as _KGR
from kg.vocab import ORG as _ORG
from kg.vocab import PREFIXES
from kg.vocab import PROV as _PROV

URIRef = ox.NamedNode


class _Terms:
    """A namespace whose terms are Oxigraph nodes (built once; the rdflib namespace behind it
    still checks names, so KGO.isuedBy raises)."""

    def __init__(self, ns: object) -> None:
        self._ns = ns
        self._cache: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self._cache.get(name)
        if node is None:
            node = self._cache[name] = ox.NamedNode(str(getattr(self._ns, name)))
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(str(self._ns) + name)


# The graph is built from Oxigraph terms: rdflib's terms cost ~20 µs a triple to hash and add.
RDF, RDFS, SKOS, DCTERMS = _Terms(_RDF), _Terms(_RDFS), _Terms(_SKOS), _Terms(_DCTERMS)
KGO, KGR, ORG, PROV = _Terms(_KGO), _Terms(_KGR), _Terms(_ORG), _Terms(_PROV)
_XSD = {"decimal": ox.NamedNode(str(XSD.decimal)), "date": ox.NamedNode(str(XSD.date)),
        "gYear": ox.NamedNode(str(XSD.gYear)), "integer": ox.NamedNode(str(XSD.integer))}


def _lit(value: object, datatype: str | None = None) -> ox.Literal:
    if isinstance(value, int) and datatype is None:
        return ox.Literal(str(value), datatype=_XSD["integer"])
    if datatype:
        return ox.Literal(str(value), datatype=_XSD[datatype])
    return ox.Literal(str(value))

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
    """The IRI of a document."""
    return KGR[f"doc/{doc_id}"]


def article_iri(doc_id: str, n: int) -> URIRef:
    """The IRI of article ``n`` of a document."""
    return KGR[f"doc/{doc_id}/article/{n}"]


def sentence_iri(doc_id: str, start: int, end: int) -> URIRef:
    """The IRI of the sentence at ``start``-``end`` of a document."""
    return KGR[f"doc/{doc_id}/sentence/{start}-{end}"]


def new_graph() -> Graph:
    """An empty rdflib graph with the contract's prefixes bound."""
    g = Graph()
    for prefix, iri in PREFIXES.items():
        g.bind(prefix, iri, override=True)
    return g


def _zh(s: str) -> ox.Literal:
    return ox.Literal(s, language="zh")


def add_entity(g: Triples, e: Entity) -> None:
    """Type, canonical label, aliases (and GB/T 2260 code, official English name) of an entity."""
    node = entity_iri(e.key)
    g.add((node, RDF.type, _CLASS[e.label]))
    g.add((node, RDFS.label, _zh(e.name)))
    for alias in e.aliases:
        g.add((node, SKOS.altLabel, _zh(alias)))
    kind, _, rest = e.key.partition(":")
    if kind == "place" and re.fullmatch(r"\d{6}", rest):
        g.add((node, KGO.adminCode, _lit(rest)))
    english = english_names().get(e.key)
    if english:
        g.add((node, KGO.englishName, ox.Literal(english, language="en")))


def add_document(g: Triples, r: DocumentResult) -> None:
    """All triples of one document's results."""
    doc = r.doc
    d = doc_iri(doc.id)
    g.add((d, RDF.type, KGO.Document))
    g.add((d, DCTERMS.identifier, _lit(doc.id)))
    g.add((d, DCTERMS.title, _zh(doc.title)))
    if doc.date:
        g.add((d, DCTERMS.issued, _lit(doc.date.isoformat(), "date")))
    for a in r.articles:
        node = article_iri(doc.id, a.n)
        g.add((node, RDF.type, KGO.Article))
        g.add((node, DCTERMS.isPartOf, d))
        g.add((node, DCTERMS.title, _zh(a.title)))
        g.add((node, KGO.articleNumber, _lit(a.n)))
        g.add((node, KGO.startOffset, _lit(a.start)))
        g.add((node, KGO.endOffset, _lit(a.end)))
        if a.section:
            g.add((node, KGO.section, _zh(a.section)))
        if doc.date:
            g.add((node, DCTERMS.issued, _lit(doc.date.isoformat(), "date")))
    for s in r.sentences:
        node = sentence_iri(doc.id, s.start, s.end)
        g.add((node, RDF.type, KGO.Sentence))
        g.add((node, KGO.text, _zh(s.text)))
        g.add((node, KGO.startOffset, _lit(s.start)))
        g.add((node, KGO.endOffset, _lit(s.end)))
        g.add((node, KGO.inArticle, article_iri(doc.id, s.article)))
        g.add((node, DCTERMS.isPartOf, d))
    for e in r.entities.values():
        add_entity(g, e)
    for m in r.mentions:
        key = entity_key(m)
        if key not in r.entities:
            continue
        node = KGR[f"doc/{doc.id}/mention/{m.start}-{m.end}"]
        ent = entity_iri(key)
        g.add((node, RDF.type, KGO.Mention))
        g.add((node, KGO.mentionOf, ent))
        g.add((node, KGO.surface, _lit(m.text)))
        g.add((node, KGO.startOffset, _lit(m.start)))
        g.add((node, KGO.endOffset, _lit(m.end)))
        g.add((node, KGO.extractor, _lit(m.extractor)))
        sent = r.sentence_at(m.start)
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
        node = quantity_iri("target", doc.id, t.start, t.end)
        _add_quantity(g, node, KGO.Target, t, doc.id)
        if t.year is not None:
            g.add((node, KGO.targetYear, _lit(str(t.year), "gYear")))
        if t.setter and t.setter in r.entities:
            triple = (entity_iri(t.setter), KGO.hasTarget, node)
            g.add(triple)
            _add_statement(g, triple, doc.id, t.sentence_start, t.sentence_end, t.extractor)
    for st in r.statistics:
        node = quantity_iri("statistic", doc.id, st.start, st.end)
        _add_quantity(g, node, KGO.Statistic, st, doc.id)
        if st.year is not None:
            g.add((node, KGO.year, _lit(str(st.year), "gYear")))
        if st.subject and st.subject in r.entities:
            triple = (entity_iri(st.subject), KGO.hasStatistic, node)
            g.add(triple)
            _add_statement(g, triple, doc.id, st.sentence_start, st.sentence_end, st.extractor)


def quantity_iri(kind: str, doc_id: str, start: int, end: int) -> URIRef:
    """The IRI of a target or statistic: its kind, document and value span."""
    return KGR[f"{kind}/{_digest(doc_id, str(start), str(end))}"]


def _add_quantity(g: Triples, node: URIRef, cls: URIRef, q: Target | Statistic,
                  doc_id: str) -> None:
    """What targets and statistics share: indicator, measure, value, unit, comparator, period,
    the span as written and the sentence it came from."""
    g.add((node, RDF.type, cls))
    g.add((node, KGO.indicator, _zh(q.indicator)))
    if q.measure:
        g.add((node, KGO.measure, _lit(q.measure)))
    g.add((node, KGO.value, _lit(q.value, "decimal")))
    g.add((node, KGO.unit, _lit(q.unit)))
    g.add((node, KGO.comparator, _lit(q.comparator)))
    if q.value_max is not None:
        g.add((node, KGO.valueMax, _lit(q.value_max, "decimal")))
    if q.period:
        g.add((node, KGO.period, _zh(q.period)))
    g.add((node, KGO.surface, _lit(q.text)))
    g.add((node, KGO.startOffset, _lit(q.start)))
    g.add((node, KGO.endOffset, _lit(q.end)))
    g.add((node, PROV.wasDerivedFrom, sentence_iri(doc_id, q.sentence_start, q.sentence_end)))
    g.add((node, KGO.extractor, _lit(q.extractor)))


def _source_entity(r: DocumentResult, a) -> str | None:
    """The entity of an article's （来源：…）: the mention inside its source line."""
    for m in r.mentions:
        if a.start <= m.start < a.end and m.text.strip() == a.source.strip():
            return entity_key(m)
    return None


def _statement_iri(triple: tuple, doc_id: str, start: int) -> URIRef:
    s, p, o = triple
    return KGR[f"statement/{_digest(str(s), str(p), str(o), doc_id, str(start))}"]


def _add_statement(g: Triples, triple: tuple, doc_id: str, start: int, end: int,
                   extractor: str) -> None:
    s, p, o = triple
    node = _statement_iri(triple, doc_id, start)
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, PROV.wasDerivedFrom, sentence_iri(doc_id, start, end)))
    g.add((node, KGO.extractor, _lit(extractor)))


class Triples(dict):
    """The triples of a build: an insertion-ordered set of Oxigraph triples (a dict with no
    values), serialised by Oxigraph and turned into an rdflib Graph only where one is needed
    (the page, validation). Insertion order follows the documents, so output is reproducible."""

    def __init__(self, triples: Iterable[ox.Triple] = ()) -> None:
        super().__init__((t, None) for t in triples)

    def add(self, triple: tuple) -> None:
        self[ox.Triple(*triple)] = None

    def discard(self, triple: ox.Triple) -> None:
        self.pop(triple, None)

    def __ior__(self, other: Iterable[ox.Triple]) -> Triples:  # type: ignore[override]
        self.update(dict.fromkeys(other))  # new triples go last, known ones keep their place
        return self

    def to_rdflib(self) -> Graph:
        g = new_graph()
        nt = ox.serialize(list(self), format=ox.RdfFormat.N_TRIPLES) or b""
        g.parse(data=nt.decode("utf-8"), format="nt")
        return g


def to_triples(results: Iterable[DocumentResult]) -> Triples:
    """The triples of many documents; entities merge by key (aliases united); statistics link
    to the targets they report on (kgo:outcomeOf)."""
    results = list(results)
    t = Triples()
    for r in results:
        if r.ntriples:  # made by a worker process
            t |= ox.parse(r.ntriples, format=ox.RdfFormat.N_TRIPLES)
        else:
            add_document(t, r)
    add_outcomes(t, link_outcomes(results))
    _one_label_each(t)
    return t


def add_outcomes(g: Triples, outcomes: Iterable[Outcome]) -> None:
    """kgo:outcomeOf from each statistic to the target it reports on, reified with both
    sentences as its evidence."""
    for o in outcomes:
        s, t = o.statistic, o.target
        triple = (quantity_iri("statistic", o.statistic_doc, s.start, s.end), KGO.outcomeOf,
                  quantity_iri("target", o.target_doc, t.start, t.end))
        g.add(triple)
        _add_statement(g, triple, o.statistic_doc, s.sentence_start, s.sentence_end,
                       OUTCOME_EXTRACTOR)
        node = _statement_iri(triple, o.statistic_doc, s.sentence_start)
        g.add((node, PROV.wasDerivedFrom,
               sentence_iri(o.target_doc, t.sentence_start, t.sentence_end)))


def to_graph(results: Iterable[DocumentResult]) -> Graph:
    """One rdflib graph of many documents (see :func:`to_triples`)."""
    return to_triples(results).to_rdflib()


def document_graphs(results: Iterable[DocumentResult], merged: Triples) -> list[tuple[URIRef, Triples]]:
    """One named graph per document (for TriG and N-Quads), labels as in the merged graph."""
    name_props = (RDFS.label, SKOS.altLabel)
    names: dict = {}
    for x in merged:  # merged is ordered: keep its order (a set's would vary by process)
        if x.predicate in name_props:
            names.setdefault(x.subject, []).append(x)
    out = []
    for r in results:
        t = Triples()
        add_document(t, r)
        named = dict.fromkeys(x.subject for x in t if x.predicate in name_props)
        t = Triples(x for x in t if x.predicate not in name_props)
        for node in named:
            t |= names.get(node, [])
        out.append((doc_iri(r.doc.id), t))
    return out


def _one_label_each(t: Triples) -> None:
    """An entity named differently by two documents keeps one rdfs:label, the other becomes an
    altLabel (the contract: exactly one label)."""
    labels: dict = {}
    aliases: dict = {}
    rdf_type, post, label, alt = RDF.type, KGO.Post, RDFS.label, SKOS.altLabel
    posts = {x.subject for x in t if x.predicate == rdf_type and x.object == post}
    for x in t:
        if x.predicate == label:
            labels.setdefault(x.subject, []).append(x.object)
        elif x.predicate == alt:
            aliases.setdefault(x.subject, []).append(x.object)
    for node, ls in labels.items():
        ls.sort(key=lambda l: (-len(l.value), l.value))
        if len(ls) > 1 and node not in posts:
            for extra in ls[1:]:
                t.discard(ox.Triple(node, label, extra))
                t.add((node, alt, extra))
        for alias in aliases.get(node, []):
            if alias == ls[0]:
                t.discard(ox.Triple(node, alt, alias))
