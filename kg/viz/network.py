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
    "Target": ("#44AA99", "dot", "目标 Target"),
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


def _provinces(g: Graph) -> dict[URIRef, set[str]]:
    """Provinces of each article: those it names, or the provinces of the places it names."""
    province_of: dict[URIRef, str] = {}
    for place in g.subjects(RDF.type, KGO.Province):
        province_of[place] = _label(g, place)
    for place in set(g.subjects(KGO.partOf, None)):
        node, seen = place, 0
        while node not in province_of and seen < 5:
            node = next(iter(g.objects(node, KGO.partOf)), None)
            seen += 1
            if node is None:
                break
        if node is not None and node in province_of:
            province_of[place] = province_of[node]
    out: dict[URIRef, set[str]] = defaultdict(set)
    for art, ent in g.subject_objects(KGO.mentions):
        if ent in province_of:
            out[art].add(province_of[ent])
    return out


def _numbers(g: Graph) -> dict[URIRef, list[dict[str, str]]]:
    """Each owner's targets and statistics, side by side: measure, year, kind, value as
    written, and whether a statistic reports a target (kgo:outcomeOf)."""
    out: dict[URIRef, list[dict[str, str]]] = defaultdict(list)
    reported = {t for _s, t in g.subject_objects(KGO.outcomeOf)}

    def one(node: URIRef, kind: str, year_property: URIRef) -> dict[str, str]:
        def get(p: URIRef) -> str:
            return str(next(iter(g.objects(node, p)), ""))
        value = get(KGO.value) + ("–" + get(KGO.valueMax) if get(KGO.valueMax) else "")
        sentence = next(iter(g.objects(node, PROV.wasDerivedFrom)), None)
        return {"kind": kind, "measure": get(KGO.measure) or get(KGO.indicator),
                "indicator": get(KGO.indicator), "year": get(year_property)[:4],
                "value": value, "unit": get(KGO.unit), "comparator": get(KGO.comparator),
                "period": get(KGO.period), "met": "1" if node in reported else "",
                "text": _sentence(g, sentence)["text"] if sentence is not None else ""}
    for owner, t in g.subject_objects(KGO.hasTarget):
        out[owner].append(one(t, "target", KGO.targetYear))
    for owner, s in g.subject_objects(KGO.hasStatistic):
        out[owner].append(one(s, "statistic", KGO.year))
    return {k: sorted(v, key=lambda r: (r["measure"], r["year"], r["kind"], r["value"]))
            for k, v in out.items()}


def project(g: Graph) -> nx.MultiDiGraph:
    """Entities and targets as nodes, contract relations and posts as edges."""
    net = nx.MultiDiGraph()
    articles_of: dict[URIRef, set[str]] = defaultdict(set)
    provinces_of: dict[URIRef, set[str]] = defaultdict(set)
    article_provinces = _provinces(g)
    for art, ent in g.subject_objects(KGO.mentions):
        articles_of[ent].add(str(next(iter(g.objects(art, DCTERMS.title)), "")))
        provinces_of[ent] |= article_provinces.get(art, set())
    nodes: dict[str, dict] = {}
    for node in set(g.subjects(RDF.type, None)):
        cls = _class(g, node)
        if cls is None or not isinstance(node, URIRef):
            continue
        attrs = {"cls": cls, "label": _label(g, node),
                 "aliases": sorted(str(a) for a in g.objects(node, SKOS.altLabel)),
                 "articles": sorted(articles_of.get(node, ())),
                 "provinces": sorted(provinces_of.get(node, ()))}
        if cls == "Target":
            value = str(next(iter(g.objects(node, KGO.value)), ""))
            unit = str(next(iter(g.objects(node, KGO.unit)), ""))
            year = str(next(iter(g.objects(node, KGO.targetYear)), ""))
            cmp_ = str(next(iter(g.objects(node, KGO.comparator)), ""))
            indicator = str(next(iter(g.objects(node, KGO.indicator)), ""))
            attrs["label"] = f"{indicator[:12]} {cmp_}{value}{unit}" + (f" ({year})" if year else "")
            attrs["target"] = {"indicator": indicator, "value": value, "unit": unit,
                               "comparator": cmp_, "year": year}
            attrs["evidence"] = sorted((_sentence(g, s) for s in g.objects(node, PROV.wasDerivedFrom)),
                                       key=lambda e: (e["article"], e["text"]))
        nodes[str(node)] = attrs
    for owner, numbers in _numbers(g).items():
        if str(owner) in nodes:
            nodes[str(owner)]["numbers"] = numbers
    for key in sorted(nodes):
        net.add_node(key, **nodes[key])
    # rdflib iterates in hash order: edges and evidence are sorted so pages are reproducible
    edges = []
    for p, name in _EDGES.items():
        for s, o in g.subject_objects(p):
            if str(s) in net and str(o) in net:
                edges.append((str(s), str(o), name, _evidence(g, s, p, o)))
    for person, post in g.subject_objects(ORG.holds):
        for org in g.objects(post, ORG.postIn):
            if str(person) in net and str(org) in net:
                edges.append((str(person), str(org), _label(g, post),
                              _evidence(g, person, ORG.holds, post)))
    for s, o, label, evidence in sorted(edges, key=lambda e: e[:3]):
        net.add_edge(s, o, label=label, evidence=sorted(evidence, key=lambda e: (e["article"], e["text"])))
    return net


def _vendor(name: str) -> str:
    base = Path(str(resources.files("pyvis"))) / "lib" / "vis-9.1.2"
    return (base / name).read_text(encoding="utf-8")


def _json_for_script(data: object) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return (json.dumps(data, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def ego(net: nx.MultiDiGraph, name: str, hops: int) -> nx.MultiDiGraph:
    """The nodes within ``hops`` of the node named (or aliased) ``name``."""
    from kg.errors import ConfigError
    centre = next((n for n, a in net.nodes(data=True)
                   if a["label"] == name or name in a["aliases"]), None)
    if centre is None:
        raise ConfigError(f"No node named {name!r} in the graph")
    keep = nx.single_source_shortest_path_length(net.to_undirected(as_view=True), centre, hops)
    return net.subgraph(keep).copy()


def radial_layout(net: nx.MultiDiGraph, spacing: float = 60.0) -> dict[str, tuple[float, float]]:
    """Positions in O(n): each connected component as a radial tree around its best-connected
    node (each subtree gets a wedge in proportion to its size, so neighbours stay together);
    components side by side on a spiral. A force layout in Python costs seconds per thousand
    nodes; this opens a 5,000-node page at once."""
    import math
    undirected = nx.Graph(net)
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(c)))
    pos: dict[str, tuple[float, float]] = {}
    angle = radius_sum = 0.0
    for k, comp in enumerate(components):
        sub = undirected.subgraph(comp)
        root = max(sorted(comp), key=sub.degree)
        tree = nx.bfs_tree(sub, root, sort_neighbors=sorted)
        size: dict[str, int] = {}
        for n in reversed(list(nx.topological_sort(tree))):
            size[n] = 1 + sum(size[c] for c in tree.successors(n))
        depth = nx.single_source_shortest_path_length(tree, root)
        extent = spacing * (max(depth.values()) + 1) * (1 + math.log10(len(comp)))
        cx = cy = 0.0
        if k:
            angle += 0.9
            radius_sum += extent + spacing * 2
            cx, cy = radius_sum * math.cos(angle), radius_sum * math.sin(angle)
        wedge = {root: (0.0, 2 * math.pi)}
        for n in nx.topological_sort(tree):
            lo, hi = wedge[n]
            r = extent * depth[n] / max(1, max(depth.values()))
            a = (lo + hi) / 2
            pos[n] = (cx + r * math.cos(a), cy + r * math.sin(a))
            children = sorted(tree.successors(n))
            total = sum(size[c] for c in children) or 1
            start = lo
            for c in children:
                span = (hi - lo) * size[c] / total
                wedge[c] = (start, start + span)
                start += span
        radius_sum += extent
    return pos


def render_html(g: Graph, title: str = "policykg network", *,
                net: nx.MultiDiGraph | None = None) -> str:
    """The whole page for an RDF graph: one file, no network access needed."""
    net = project(g) if net is None else net
    # degree centrality: PageRank would pull numpy and scipy into the dependencies
    ranks = nx.degree_centrality(net) if net.number_of_nodes() > 1 else {}
    vis = Network(directed=True, cdn_resources="in_line")
    positions = None
    if net.number_of_nodes() > LAYOUT_THRESHOLD:
        positions = radial_layout(net)
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
                      "provinces": a["provinces"],
                      "target": a.get("target"), "evidence": a.get("evidence", []),
                      "numbers": a.get("numbers", [])})
    index = {n: i for i, n in enumerate(sorted(net.nodes()))}
    edges = []
    for k, (s, o, a) in enumerate(net.edges(data=True)):
        vis.add_edge(index[s], index[o], label=a["label"])
        edges.append({"id": k, "from": index[s], "to": index[o], "label": a["label"],
                      "evidence": a.get("evidence", [])})
    # pyvis builds the vis-network records; its template (CDN links) is not used
    vis_nodes = [{k: v for k, v in n.items() if k != "title"} for n in vis.nodes]
    vis_edges = [{"id": k, **{x: e[x] for x in ("from", "to", "label")}}
                 for k, e in enumerate(vis.edges)]
    data = {"nodes": vis_nodes, "edges": vis_edges, "details": nodes, "edgeDetails": edges,
            "styles": {k: {"color": v[0], "shape": v[1], "name": v[2]} for k, v in STYLE.items()},
            "physics": positions is None, "large": positions is not None}
    template = (resources.files("kg.viz") / "page.html").read_text(encoding="utf-8")
    return (template.replace("/*VIS_CSS*/", _vendor("vis-network.css"))
            .replace("/*VIS_JS*/", _vendor("vis-network.min.js"))
            .replace("/*DATA*/", _json_for_script(data))
            .replace("<!--TITLE-->", title.replace("<", "&lt;")))


def export(net: nx.MultiDiGraph, path: str) -> None:
    """GraphML or GEXF (by the file's ending) for Gephi and Cytoscape."""
    flat = nx.MultiDiGraph()
    for n, a in net.nodes(data=True):
        flat.add_node(n, label=a["label"], cls=a["cls"], aliases="|".join(a["aliases"]),
                      articles="|".join(a["articles"]), provinces="|".join(a["provinces"]))
    for s_, o, a in net.edges(data=True):
        flat.add_edge(s_, o, label=a["label"],
                      evidence=" | ".join(e["text"] for e in a.get("evidence", [])))
    if path.endswith(".gexf"):
        nx.write_gexf(flat, path)
    else:
        nx.write_graphml(flat, path)
