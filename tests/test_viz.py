"""The page's model (from a build's records and from a graph file), its data, the viz command
and its exports."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import networkx as nx
import pytest

from kg.graph import merge_entities
from kg.store import load_store
from kg.viz import ego, network_from_results, network_from_store, render_html
from kg.viz.network import _json_for_script, page_data

from conftest import external_scripts


@pytest.fixture(scope="module")
def from_records(result):
    return network_from_results([result], merge_entities([result]))


@pytest.fixture(scope="module")
def from_store(built):
    return network_from_store(load_store(built[0] / "graph.ttl"))


def summary(net):
    nodes = {n.label: n for n in net.nodes}
    edges = {(net.nodes[e.source].label, e.label, net.nodes[e.target].label): e for e in net.edges}
    return nodes, edges


def test_the_model_has_entities_relations_posts_and_evidence(from_records):
    nodes, edges = summary(from_records)
    assert {"工业和信息化部", "江苏省", "王志刚", "2021世界智能制造大会"} <= set(nodes)
    held = edges[("2021世界智能制造大会", "heldIn", "南京市")]
    assert any("在南京开幕" in text for text, _a in held.evidence)
    assert ("王志刚", "部长", "科学技术部") in edges
    assert "工信部" in nodes["工业和信息化部"].aliases and nodes["工业和信息化部"].mentions >= 5
    assert "江苏省" in nodes["常州凯达重工科技有限公司"].provinces


def test_the_model_is_the_same_from_records_and_from_the_graph(from_records, from_store):
    nodes_r, edges_r = summary(from_records)
    nodes_s, edges_s = summary(from_store)
    assert set(nodes_r) == set(nodes_s) and set(edges_r) == set(edges_s)
    for name in ("工业和信息化部", "江苏省", "“十四五”智能制造发展规划"):
        a, b = nodes_r[name], nodes_s[name]
        assert (a.cls, sorted(a.aliases), a.mentions, a.provinces) == \
            (b.cls, sorted(b.aliases), b.mentions, b.provinces), name
        assert len(a.articles) == len(b.articles)


def test_an_owner_shows_its_targets_and_statistics_side_by_side(from_records, from_store):
    for net in (from_records, from_store):
        plan = next(n for n in net.nodes if n.label == "“十四五”智能制造发展规划")
        rows = {(r["kind"], r["value"], r["unit"], r["year"]) for r in plan.numbers}
        assert ("target", "70", "%", "2025") in rows
        assert {r["kind"] for n in net.nodes for r in n.numbers} == {"target", "statistic"}


def test_ego_network_by_alias(from_records):
    small = ego(from_records, "工信部", 1)
    labels = {n.label for n in small.nodes}
    assert "工业和信息化部" in labels and "“十四五”智能制造发展规划" in labels
    assert len(labels) < 40


def test_page_data_is_compact_and_escaped(from_records):
    data = page_data(from_records)
    assert len(data["nodes"]) == len(from_records.nodes)
    assert all(len(row) == 4 for row in data["nodes"])
    assert max(e[0] for e in data["edges"]) < len(data["nodes"])
    page = render_html(from_records)
    assert not external_scripts(page)
    blob = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    assert json.loads(blob.group(1))["overview"] == 150


def test_json_for_script_cannot_close_the_script():
    assert "</script>" not in _json_for_script({"a": "</script><script>alert(1)</script>"})


def test_viz_command_focus_query_and_exports(built, tmp_path):
    q = tmp_path / "issuers.rq"
    q.write_text("CONSTRUCT { ?p kgo:issuedBy ?o } WHERE { ?p kgo:issuedBy ?o }", encoding="utf-8")
    ttl = str(built[0] / "graph.ttl")
    r = subprocess.run([sys.executable, "-m", "kg.cli", "viz", ttl, "-o", str(tmp_path / "a.html"),
                        "--focus", "工信部", "--hops", "1", "--graphml", str(tmp_path / "a.graphml"),
                        "--gexf", str(tmp_path / "a.gexf")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(tmp_path / "a.graphml")
    assert "工业和信息化部" in {a["label"] for _n, a in g.nodes(data=True)}
    assert nx.read_gexf(tmp_path / "a.gexf").number_of_nodes() == g.number_of_nodes()
    r = subprocess.run([sys.executable, "-m", "kg.cli", "viz", ttl, "-o", str(tmp_path / "b.html"),
                        "--query", str(q)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "国家发展和改革委员会" in html and "王志刚" not in html
    assert "联合印发" in html  # the evidence of the issuedBy triples came along
    r = subprocess.run([sys.executable, "-m", "kg.cli", "viz", ttl, "--focus", "不存在的机构"],
                       capture_output=True, text=True)
    assert r.returncode == 5 and "不存在的机构" in r.stderr and "Traceback" not in r.stderr
