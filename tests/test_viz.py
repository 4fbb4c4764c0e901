"""The networkx projection, the layout for large graphs, the viz command and its exports."""
from __future__ import annotations

import subprocess
import sys

import networkx as nx

from kg.viz.network import LAYOUT_THRESHOLD, _json_for_script, ego, project, radial_layout


def test_projection_has_entities_targets_and_evidence(graph):
    net = project(graph)
    labels = {a["label"] for _n, a in net.nodes(data=True)}
    assert {"工业和信息化部", "江苏省", "王志刚", "2021世界智能制造大会"} <= labels
    held = [a for s, o, a in net.edges(data=True) if a["label"] == "heldIn"]
    assert any("在南京开幕" in e["text"] for a in held for e in a["evidence"])
    assert any(a["cls"] == "Target" and a["target"]["year"] == "2025" for _n, a in net.nodes(data=True))


def test_province_filter_data(graph):
    net = project(graph)
    jiangsu = [a["label"] for _n, a in net.nodes(data=True) if "江苏省" in a["provinces"]]
    assert "常州凯达重工科技有限公司" in jiangsu


def test_ego_network_by_alias(graph):
    small = ego(project(graph), "工信部", 1)
    labels = {a["label"] for _n, a in small.nodes(data=True)}
    assert "工业和信息化部" in labels and "“十四五”智能制造发展规划" in labels
    assert len(labels) < 40


def test_radial_layout_places_every_node_apart():
    net = nx.MultiDiGraph(nx.barabasi_albert_graph(LAYOUT_THRESHOLD + 200, 1, seed=1))
    nx.relabel_nodes(net, str, copy=False)
    pos = radial_layout(net)
    assert set(pos) == set(net.nodes)
    assert len({(round(x, 3), round(y, 3)) for x, y in pos.values()}) == len(pos)


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
    r = subprocess.run([sys.executable, "-m", "kg.cli", "viz", ttl, "--focus", "不存在的机构"],
                       capture_output=True, text=True)
    assert r.returncode == 5 and "不存在的机构" in r.stderr and "Traceback" not in r.stderr


def test_an_owner_shows_its_targets_and_statistics_side_by_side(graph):
    net = project(graph)
    plan = next(a for _n, a in net.nodes(data=True) if a["label"] == "“十四五”智能制造发展规划")
    rows = {(r["kind"], r["value"], r["unit"], r["year"]) for r in plan["numbers"]}
    assert ("target", "70", "%", "2025") in rows
    kinds = {r["kind"] for _n, a in net.nodes(data=True) for r in a.get("numbers", [])}
    assert kinds == {"target", "statistic"}
