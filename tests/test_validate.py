"""The SHACL shapes: built graphs conform, broken ones do not."""
from __future__ import annotations

from rdflib import RDFS, Graph, Literal, Namespace

from kg.validate import validate_file, validate_graph

KGO = Namespace("https://w3id.org/policykg/ontology#")


def test_built_graph_conforms(built):
    report = validate_file(built[0] / "graph.ttl")
    assert report.conforms, report.text[:2000]


def test_two_labels_or_a_bad_comparator_do_not(graph):
    g = Graph()
    for t in graph:
        g.add(t)
    ministry = next(g.subjects(RDFS.label, Literal("工业和信息化部", lang="zh")))
    g.add((ministry, RDFS.label, Literal("工信部", lang="zh")))
    target = next(g.subjects(None, KGO.Target))
    g.set((target, KGO.comparator, Literal("about")))
    report = validate_graph(g)
    assert not report.conforms
    assert "label" in report.text and "comparator" in report.text
