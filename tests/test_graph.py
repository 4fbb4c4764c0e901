"""The triples of a document: the Turtle written directly for sentences and mentions states
exactly what an N-Triples writer of the same records states."""
from __future__ import annotations

import dataclasses

import pyoxigraph as ox

import kg.graph as graph
from kg.keys import entity_key
from kg.vocab import PREFIXES


def _triples(turtle: bytes) -> set:
    head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()).encode()
    return set(ox.parse(head + turtle, format=ox.RdfFormat.TURTLE))


def _reference(r) -> set:
    """The sentences' and mentions' triples as plain N-Triples, term by term."""
    g, doc = graph.Lines(), r.doc
    K, typ = graph.KGO, graph.RDF.type
    for s in r.sentences:
        node = graph.sentence_iri(doc.id, s.start, s.end)
        g.add(node, typ, K.Sentence)
        g.add(node, K.text, graph._zh(s.text))
        g.add(node, K.startOffset, graph._integer(s.start))
        g.add(node, K.endOffset, graph._integer(s.end))
        g.add(node, K.inArticle, graph.article_iri(doc.id, s.article))
        g.add(node, graph.DCTERMS.isPartOf, graph.doc_iri(doc.id))
    for m in r.mentions:
        key = entity_key(m)
        if key not in r.entities:
            continue
        node = graph._kgr(f"doc/{doc.id}/mention/{m.start}-{m.end}")
        g.add(node, typ, K.Mention)
        g.add(node, K.mentionOf, graph.entity_iri(key))
        g.add(node, K.surface, graph._string(m.text))
        g.add(node, K.startOffset, graph._integer(m.start))
        g.add(node, K.endOffset, graph._integer(m.end))
        g.add(node, K.extractor, graph._string(m.extractor))
        sent = r.sentence_at(m.start)
        if sent is not None:
            g.add(node, K.inSentence, graph.sentence_iri(doc.id, sent.start, sent.end))
    return set(ox.parse(g.sorted_bytes(), format=ox.RdfFormat.N_TRIPLES))


def test_direct_turtle_states_what_an_ntriples_writer_states(result):
    written = graph.document_triples(result)
    assert b"a kgo:Sentence ;" in written.facts and b"a kgo:Mention ;" in written.facts
    facts = _triples(written.facts)
    reference = _reference(result)
    assert reference <= facts
    # nothing else is said of a sentence or a mention
    nodes = {t.subject for t in reference}
    assert {t for t in facts if t.subject in nodes} == reference
    assert written.fact_count == len(facts)
    assert written.classes["Sentence"] == len(result.sentences)
    assert written.classes["Mention"] == len({t.subject for t in reference
                                              if t.object == ox.NamedNode(graph.KGO.Mention[1:-1])})


def test_a_document_id_turtle_cannot_shorten_is_written_in_full(result):
    # a dotted id is escaped in prefixed names; an id with a character no prefixed name may hold
    # is written as a full IRI
    for doc_id in ("report.v2-abc", "报告~1"):
        renamed = dataclasses.replace(result, doc=dataclasses.replace(result.doc, id=doc_id))
        facts = _triples(graph.document_triples(renamed).facts)
        assert _reference(renamed) <= facts
