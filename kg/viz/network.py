"""Projection of the RDF graph to a networkx graph, and the HTML page around vis-network."""
from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.vocab import KGO, ORG, PROV

# colour and shape per class (Okabe-Ito palette, readable by colour-blind people)
STYLE = {
    "GovernmentAgency": ("#0072B2", "dot", "政府机构 Agency"),
    "Company": ("#E69F00", "dot", "企业 Company"),
    "ResearchOrganization": ("#009E73", "dot", "科研机构 Research"),
    "MediaOutlet": ("#999999", "square", "媒体 Media"),
    "Organization": ("#56B4E9", "dot", "其他组织 Organization"),
    "Country": ("#882255", "triangle", "国家 Country"),
    "Province": ("#AA4499", "triangle", "省 Province"),
    "City": ("#CC79A7", "triangle", "市 City"),
    "District": ("#DDAACC", "triangle", "区县 District"),
    "Programme": ("#D55E00", "diamond", "规划/项目 Programme"),
    "Event": ("#F0E442", "star", "活动 Event"),
    "Person": ("#000000", "dot", "人物 Person"),
    "Target": ("#44AA99", "box", "目标 Target"),
}
_EDGES = {KGO.partOf: "partOf", KGO.locatedIn: "locatedIn", KGO.issuedBy: "issuedBy",
          KGO.leads: "leads", KGO.participatesIn: "participatesIn",
          KGO.organizedBy: "organizedBy", KGO.heldIn: "heldIn", KGO.hasTarget: "hasTarget"}
LAYOUT_THRESHOLD = 800  # above this many nodes, positions come from Python and physics is off


def _label(g: Graph, node: URIRef) -> str:
    return str(next(iter(g.objects(node, RDFS.label)), "")) or str(node).rsplit("/", 1)[-1]


def _class(g: Graph, node: URIRef) -> str | None:
    for t in g.objects(node, RDF.type):
        name = str(t).rsplit("#", 1)[-1]
        if name in STYLE:
            return name
    return None


def _evidence(g: Graph, s: URIRef, p: URIRef, o: URIRef) -> list[dict[str, str]]:
    out = []
    for st in g.subjects(RDF.subject, s):
        if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g:
            for sent in g.objects(st, PROV.wasDerivedFrom):
                out.append(_sentence(g, sent))
    return out


def _sentence(g: Graph, sent: URIRef) -> dict[str, str]:
    art = next(iter(g.objects(sent, KGO.inArticle)), None)
    return {"text": str(next(iter(g.objects(sent, KGO.text)), "")),
            "article": str(next(iter(g.objects(art, DCTERMS.title)), "")) if art else ""}


def project(g: Graph) -> nx.MultiDiGraph:
    """Entities and targets as nodes, contract relations and posts as edges."""
    net = nx.MultiDiGraph()
    articles_of: dict[URIRef, set[str]] = defaultdict(set)
    for art, ent in g.subject_objects(KGO.mentions):
        articles_of[ent].add(str(next(iter(g.objects(art, DCTERMS.title)), "")))
    for node in set(g.subjects(RDF.type, None)):
        cls = _class(g, node)
        if cls is None or not isinstance(node, URIRef):
            continue
        attrs = {"cls": cls, "label": _label(g, node),
                 "aliases": sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
                 "articles": sorted(articles_of.get(node, ()))}
        if cls == "Target":
            value = str(next(iter(g.objects(node, KGO.value)), ""))
            unit = str(next(iter(g.objects(node, KGO.unit)), ""))
            year = str(next(iter(g.objects(node, KGO.targetYear)), ""))
            cmp_ = str(next(iter(g.objects(node, KGO.comparator)), ""))
            indicator = str(next(iter(g.objects(node, KGO.indicator)), ""))
            attrs["label"] = f"{indicator[:12]} {cmp_}{value}{unit}" + (f" ({year})" if year else "")
            attrs["target"] = {"indicator": indicator, "value": value, "unit": unit,
                               "comparator": cmp_, "year": year}
            attrs["evidence"] = [_sentence(g, s) for s in g.objects(node, PROV.wasDerivedFrom)]
        net.add_node(str(node), **attrs)
    for p, name in _EDGES.items():
        for s, o in g.subject_objects(p):
            if str(s) in net and str(o) in net:
                net.add_edge(str(s), str(o), label=name, evidence=_evidence(g, s, p, o))
    for person, post in g.subject_objects(ORG.holds):
        for org in g.objects(post, ORG.postIn):
            if str(person) in net and str(org) in net:
                net.add_edge(str(person), str(org), label=_label(g, post),
                             evidence=_evidence(g, person, ORG.holds, post))
    return net


def _vendor(name: str) -> str:
    base = Path(str(resources.files("pyvis"))) / "lib" / "vis-9.1.2"
    return (base / name).read_text(encoding="utf-8")


def _json_for_script(data: object) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(g: Graph, title: str = "policykg network") -> str:
    """The whole page for an RDF graph: one file, no network access needed."""
    net = project(g)
    # degree centrality: PageRank would pull numpy and scipy into the dependencies
    ranks = nx.degree_centrality(net) if net.number_of_nodes() > 1 else {}
    vis = Network(directed=True, cdn_resources="in_line")
    positions = None
    if net.number_of_nodes() > LAYOUT_THRESHOLD:
        positions = nx.spring_layout(nx.Graph(net), seed=7, iterations=30, scale=3000)
    nodes = []
    for i, (n, a) in enumerate(sorted(net.nodes(data=True))):
        colour, shape, _ = STYLE[a["cls"]]
        size = 8 + 40 * (ranks.get(n, 0) ** 0.5)
        extra = {}
        if positions is not None:
            extra = {"x": float(positions[n][0]), "y": float(positions[n][1])}
        vis.add_node(i, label=a["label"], color=colour, shape=shape, size=size, **extra)
        nodes.append({"id": i, "iri": n, "cls": a["cls"], "label": a["label"],
                      "aliases": a["aliases"], "articles": a["articles"],
                      "target": a.get("target"), "evidence": a.get("evidence", [])})
    index = {n: i for i, n in enumerate(sorted(net.nodes()))}
    edges = []
    for k, (s, o, a) in enumerate(net.edges(data=True)):
        vis.add_edge(index[s], index[o], label=a["label"])
        edges.append({"id": k, "from": index[s], "to": index[o], "label": a["label"],
                      "evidence": a.get("evidence", [])})
    vis_nodes = [{k: v for k, v in n.items() if k != "title"} for n in vis.nodes]
    vis_edges = [{"id": k, **{x: e[x] for x in ("from", "to", "label")}}
                 for k, e in enumerate(vis.edges)]
    data = {"nodes": vis_nodes, "edges": vis_edges, "details": nodes, "edgeDetails": edges,
            "styles": {k: {"color": v[0], "shape": v[1], "name": v[2]} for k, v in STYLE.items()},
            "physics": positions is None}
    template = (resources.files("kg.viz") / "page.html").read_text(encoding="utf-8")
    return (template.replace("/*VIS_CSS*/", _vendor("vis-network.css"))
            .replace("/*VIS_JS*/", _vendor("vis-network.min.js"))
            .replace("/*DATA*/", _json_for_script(data))
            .replace("<!--TITLE-->", title.replace("<", "&lt;")))
