"""The newsletter through the whole pipeline: files on disk, the CLI, queries on the graph."""
from __future__ import annotations

import json
import subprocess
import sys

from rdflib import RDF, RDFS, Literal, Namespace

from conftest import GOLD, NEWSLETTER

KGO = Namespace("https://w3id.org/policykg/ontology#")
CORE = ["GovernmentAgency", "Company", "ResearchOrganization", "MediaOutlet", "Organization",
        "Country", "Province", "City", "Programme", "Event", "Person", "Post", "Target",
        "Document", "Article"]


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True,
                          text=True, check=False)


def test_build_writes_graph_page_and_report(built):
    out, report = built
    assert (out / "graph.ttl").stat().st_size > 10_000
    assert (out / "graph.html").stat().st_size > 100_000
    rep = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert rep["articles"] == 16 and rep["skipped"] == []


def test_every_core_class_present(graph):
    for cls in CORE:
        assert any(graph.subjects(RDF.type, KGO[cls])), cls


def test_sixteen_article_titles_and_sources(graph):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    DCT = Namespace("http://purl.org/dc/terms/")
    titles = {str(t) for a in graph.subjects(RDF.type, KGO.Article) for t in graph.objects(a, DCT.title)
              if graph.value(a, KGO.articleNumber).toPython() > 0}
    assert titles == {g["title"] for g in gold}
    sources = {str(graph.value(o, RDFS.label)) for o in graph.objects(None, DCT.source)}
    assert {"人民日报", "新华网", "科学技术部", "新华日报", "中国机器人网"} <= sources


def _label_of(graph, name: str):
    return next(graph.subjects(RDFS.label, Literal(name, lang="zh")))


def test_known_facts(graph):
    ministry = _label_of(graph, "工业和信息化部")
    assert (ministry, RDF.type, KGO.GovernmentAgency) in graph
    assert Literal("工信部", lang="zh") in set(graph.objects(ministry, Namespace("http://www.w3.org/2004/02/skos/core#").altLabel))
    jiangsu = _label_of(graph, "江苏省")
    assert (_label_of(graph, "南京市"), KGO.partOf, jiangsu) in graph
    assert (_label_of(graph, "常州市"), KGO.partOf, jiangsu) in graph
    assert (_label_of(graph, "王志刚"), RDF.type, KGO.Person) in graph
    assert (_label_of(graph, "常州凯达重工科技有限公司"), RDF.type, KGO.Company) in graph
    assert (_label_of(graph, "同济大学"), RDF.type, KGO.ResearchOrganization) in graph


def test_cli_build_and_query(tmp_path):
    r = kg("build", str(NEWSLETTER), "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "16 article(s)" in r.stdout
    q = kg("query", str(tmp_path / "graph.ttl"),
           "SELECT ?n WHERE { ?p a kgo:Person ; rdfs:label ?n } ORDER BY ?n", "--format", "csv")
    assert q.returncode == 0, q.stderr
    assert "王志刚" in q.stdout.splitlines()


def test_cli_bad_input_is_one_line_without_traceback(tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "good.txt").write_text("标题\n工业和信息化部印发《测试规划》。\n", encoding="utf-8")
    r = kg("build", str(bad), "-o", str(tmp_path / "out"))
    assert r.returncode == 6
    assert "Traceback" not in r.stderr
    assert "empty.txt" in r.stderr and "empty" in r.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()
    r = kg("query", str(tmp_path / "missing.ttl"), "ASK {}")
    assert r.returncode == 2 and "missing.ttl" in r.stderr and "Traceback" not in r.stderr


def test_every_command_has_help():
    from kg.cli import main
    for name in main.commands:
        r = kg(name, "--help")
        assert r.returncode == 0 and "Example:" in r.stdout, name
