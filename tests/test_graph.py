"""The triples of a document: the Turtle written directly for sentences and mentions states
exactly what the general writer (N-Triples through pyoxigraph) states."""
from __future__ import annotations

import dataclasses
import re

import pyoxigraph as ox

import kg.graph as graph
from kg.vocab import PREFIXES


def _triples(turtle: bytes) -> set:
    head = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()).encode()
    return set(ox.parse(head + turtle, format=ox.RdfFormat.TURTLE))


def test_direct_turtle_states_what_the_general_writer_states(result, monkeypatch):
    direct = graph.document_triples(result)
    assert b"a kgo:Sentence ;" in direct.facts and b"a kgo:Mention ;" in direct.facts
    # an id the direct writer declines sends everything through the general writer
    monkeypatch.setattr(graph, "_PLAIN_ID", re.compile(r"(?!)"))
    general = graph.document_triples(result)
    assert general.facts != direct.facts
    facts = _triples(direct.facts)
    assert facts == _triples(general.facts)
    assert direct.fact_count == general.fact_count == len(facts)
    assert direct.classes == general.classes
    assert direct.classes["Sentence"] == len(result.sentences)


def test_a_dotted_document_id_is_escaped_in_its_local_names(result):
    renamed = dataclasses.replace(result, doc=dataclasses.replace(result.doc, id="report.v2-abc"))
    facts = _triples(graph.document_triples(renamed).facts)
    sentence = ox.NamedNode(f"{PREFIXES['kgr']}doc/report.v2-abc/sentence/"
                            f"{result.sentences[0].start}-{result.sentences[0].end}")
    assert any(t.subject == sentence for t in facts)
