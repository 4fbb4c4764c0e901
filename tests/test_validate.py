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


def test_an_article_with_two_sources_and_a_law_conforms(tmp_path):
    # written for the test: a republished piece names the outlet and the one it comes from
    from kg.build import build
    src = tmp_path / "d.txt"
    src.write_text("新闻\n新华社北京3月5日电 根据《中华人民共和国企业所得税法》，制定《企业所得税优惠目录》。\n"
                   "来源：人民日报\n", encoding="utf-8")
    build([src], tmp_path / "out", html=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    dcterms = Namespace("http://purl.org/dc/terms/")
    assert len(set(g.objects(None, dcterms.source))) == 2
    assert set(g.subjects(None, KGO.Law))
    report = validate_file(tmp_path / "out" / "graph.ttl")
    assert report.conforms, report.text[:2000]
