"""The network page: one HTML file with vis-network inlined, readable at corpus scale.

Owns: turning a :class:`~kg.viz.model.Network` into the page's data (compact arrays, every string
escaped for a <script> element) and the page around it. The page opens on an overview: the most
connected entities that pass the filters, laid out and fitted to the window with legible labels;
every other entity is a search, a filter or an expansion away, so thousands of nodes never turn
into a speck or a hairball. Nothing is fetched: vis-network ships inside pyvis and is inlined.
"""
from __future__ import annotations

import json
import importlib.util
from importlib import resources
from pathlib import Path

from kg.viz.model import NODE_CLASSES, Network

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
    "Law": ("#8C564B", "diamond", "法律 Law"),
    "Event": ("#C9B800", "star", "活动 Event"),
    "Person": ("#000000", "dot", "人物 Person"),
}
OVERVIEW = 150  # entities the page opens on


def _vendor(name: str) -> str:
    """A file of the vis-network bundle pyvis ships, found without importing pyvis (whose
    import, through jinja2 and IPython hooks, costs a fifth of a second every build)."""
    spec = importlib.util.find_spec("pyvis")
    assert spec is not None and spec.submodule_search_locations, "pyvis is not installed"
    base = Path(spec.submodule_search_locations[0]) / "lib" / "vis-9.1.2"
    return (base / name).read_text(encoding="utf-8")


def _json_for_script(data: object) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page_data(net: Network, overview: int = OVERVIEW) -> dict:
    """The page's data: nodes as [label, class, importance, mentions], edges as [from, to,
    label], and tables for aliases, articles, documents, provinces, evidence and numbers."""
    classes = list(NODE_CLASSES)
    importance = net.importance()
    documents = sorted({a.document for a in net.articles})
    doc_index = {d: i for i, d in enumerate(documents)}
    provinces = sorted({p for n in net.nodes for p in n.provinces})
    prov_index = {p: i for i, p in enumerate(provinces)}
    labels = sorted({e.label for e in net.edges})
    label_index = {x: i for i, x in enumerate(labels)}
    return {
        "classes": classes,
        "styles": {c: {"color": STYLE[c][0], "shape": STYLE[c][1], "name": STYLE[c][2]}
                   for c in classes},
        "nodes": [[n.label, classes.index(n.cls), round(w, 2), n.mentions]
                  for n, w in zip(net.nodes, importance)],
        "iris": [n.iri for n in net.nodes],
        "aliases": {i: n.aliases for i, n in enumerate(net.nodes) if n.aliases},
        "nodeArticles": {i: sorted(n.articles) for i, n in enumerate(net.nodes) if n.articles},
        "nodeProvinces": {i: sorted(prov_index[p] for p in n.provinces)
                          for i, n in enumerate(net.nodes) if n.provinces},
        "numbers": {i: n.numbers for i, n in enumerate(net.nodes) if n.numbers},
        "articles": [[a.title, doc_index[a.document], a.year] for a in net.articles],
        "documents": documents,
        "provinces": provinces,
        "edgeLabels": labels,
        "edges": [[e.source, e.target, label_index[e.label]] for e in net.edges],
        "evidence": {k: [[t, a] for t, a in e.evidence] for k, e in enumerate(net.edges)
                     if e.evidence},
        "overview": overview,
    }


def render_html(net: Network, title: str = "policykg network", *,
                overview: int = OVERVIEW) -> str:
    """The whole page for a network model: one file, no network access needed."""
    template = (resources.files("kg.viz") / "page.html").read_text(encoding="utf-8")
    return (template.replace("/*VIS_CSS*/", _vendor("vis-network.css"))
            .replace("/*VIS_JS*/", _vendor("vis-network.min.js"))
            .replace("/*DATA*/", _json_for_script(page_data(net, overview)))
            .replace("<!--TITLE-->", title.replace("&", "&amp;").replace("<", "&lt;")))


def export(net: Network, path: str) -> None:
    """GraphML or GEXF (by the file's ending) for Gephi and Cytoscape."""
    import networkx as nx

    from kg.viz.model import to_networkx
    flat = to_networkx(net)
    if path.endswith(".gexf"):
        nx.write_gexf(flat, path)
    else:
        nx.write_graphml(flat, path)


__all__ = ["OVERVIEW", "STYLE", "export", "page_data", "render_html"]
