"""What the network page shows: entities as nodes, relations and posts as edges, with their
names, classes, where they are mentioned, their evidence and their numbers.

Owns: building that model from a build's own records (:func:`network_from_results`: no RDF
parsing, so the page costs little of a build) or from a graph file through the Oxigraph store
(:func:`network_from_store`, for ``kg viz``), cutting it to the neighbourhood of one node, and
exporting it to networkx (GraphML, GEXF). Must not write HTML: :mod:`kg.viz.network` does.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.errors import ConfigError
from kg.types import DocumentResult, Entity, Label

# the classes drawn as nodes (targets and statistics are shown in their owner's details)
NODE_CLASSES = ("GovernmentAgency", "Company", "ResearchOrganization", "MediaOutlet",
                "Organization", "Country", "Province", "City", "District", "Programme", "Law",
                "Event", "Person")
_MOST_SPECIFIC = {c: i for i, c in enumerate(("Person", "Event", "Law", "Programme", "District",
                                              "City", "Province", "Country", "MediaOutlet",
                                              "ResearchOrganization", "Company",
                                              "GovernmentAgency", "Organization"))}


@dataclass(slots=True)
class Node:
    """An entity on the page."""

    iri: str
    cls: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: set[int] = field(default_factory=set)  # indexes into Network.articles
    provinces: set[str] = field(default_factory=set)
    numbers: list[dict[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Edge:
    """A relation or a post between two nodes, with the sentences it came from."""

    source: int
    target: int
    label: str
    evidence: list[tuple[str, int]] = field(default_factory=list)  # (sentence, article index)


@dataclass(slots=True)
class Article:
    """An article entities are mentioned in: its title, its document and the document's year."""

    title: str
    document: str
    year: int | None = None


@dataclass(slots=True)
class Network:
    """Nodes, edges and the articles they point to."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)

    def importance(self) -> list[float]:
        """How much each node matters: its relations, and (less) how often it is named."""
        degree = [0] * len(self.nodes)
        for e in self.edges:
            degree[e.source] += 1
            degree[e.target] += 1
        return [d + 2 * math.log2(1 + n.mentions) for d, n in zip(degree, self.nodes)]


class _Builder:
    """Nodes by IRI, edges merged by (source, target, label)."""

    def __init__(self) -> None:
        self.net = Network()
        self.index: dict[str, int] = {}
        self.edge_index: dict[tuple[int, int, str], int] = {}
        self.article_index: dict[tuple[str, str], int] = {}

    def node(self, iri: str, cls: str, label: str) -> int:
        i = self.index.get(iri)
        if i is None:
            i = self.index[iri] = len(self.net.nodes)
            self.net.nodes.append(Node(iri, cls, label))
        elif _MOST_SPECIFIC.get(cls, 99) < _MOST_SPECIFIC.get(self.net.nodes[i].cls, 99):
            self.net.nodes[i].cls = cls
        return i

    def article(self, key: str, title: str, document: str, year: int | None) -> int:
        i = self.article_index.get((document, key))
        if i is None:
            i = self.article_index[(document, key)] = len(self.net.articles)
            self.net.articles.append(Article(title, document, year))
        return i

    def edge(self, s: str, o: str, label: str, evidence: Iterable[tuple[str, int]]) -> None:
        if s not in self.index or o not in self.index:
            return
        k = (self.index[s], self.index[o], label)
        i = self.edge_index.get(k)
        if i is None:
            i = self.edge_index[k] = len(self.net.edges)
            self.net.edges.append(Edge(k[0], k[1], label))
        for ev in evidence:
            if ev not in self.net.edges[i].evidence:
                self.net.edges[i].evidence.append(ev)


def _number(kind: str, q, text: str) -> dict[str, str]:
    value = q.value + (f"–{q.value_max}" if q.value_max is not None else "")
    return {"kind": kind, "measure": q.measure or q.indicator, "indicator": q.indicator,
            "year": str(q.year or ""), "value": value, "unit": q.unit,
            "comparator": q.comparator, "period": q.period, "text": text}


@dataclass(slots=True)
class PagePart:
    """What one document adds to the page, by entity key: made where the document was
    extracted, so a build keeps this instead of every sentence and mention."""

    articles: list[tuple[str, str, int | None]] = field(default_factory=list)  # title, doc, year
    mentions: dict[str, int] = field(default_factory=dict)
    named_in: dict[str, set[int]] = field(default_factory=dict)  # key -> local article indexes
    provinces: dict[str, set[str]] = field(default_factory=dict)
    # (subject key, object key, label, [(sentence, local article index)])
    edges: list[tuple[str, str, str, list[tuple[str, int]]]] = field(default_factory=list)
    numbers: dict[str, list[dict[str, str]]] = field(default_factory=dict)


def page_part(r: DocumentResult) -> PagePart:
    """The page's share of one document's results."""
    from kg.extractors.gazetteers import ancestors, place_index
    from kg.keys import entity_key

    index = place_index()
    doc, part = r.doc, PagePart()
    titles = {a.n: a.title for a in r.articles}
    local: dict[int, int] = {}

    def article(n: int) -> int:
        if n not in local:
            local[n] = len(part.articles)
            part.articles.append((titles.get(n, doc.title), doc.path, doc.year))
        return local[n]

    def province_of(key: str) -> str | None:
        for k in (key, *ancestors(key)):
            row = index.get(k)
            if row is not None and row.type == "Province":
                return row.name
        return None

    provinces_of_article: dict[int, set[str]] = defaultdict(set)
    for m in r.mentions:
        key = entity_key(m)
        sent = r.sentence_at(m.start)
        if key not in r.entities or sent is None:
            continue
        part.mentions[key] = part.mentions.get(key, 0) + 1
        a = article(sent.article)
        part.named_in.setdefault(key, set()).add(a)
        if m.label.is_place:
            p = province_of(key)
            if p:
                provinces_of_article[a].add(p)
    for key, arts in part.named_in.items():
        part.provinces[key] = set().union(*(provinces_of_article[a] for a in arts))

    def evidence(start: int) -> list[tuple[str, int]]:
        s = r.sentence_at(start)
        return [(s.text, article(s.article))] if s else []

    for rel in r.relations:
        part.edges.append((rel.subject, rel.object, rel.predicate.value, evidence(rel.start)))
    for p in r.posts:
        part.edges.append((p.person, p.organization, p.title, evidence(p.start)))
    for kind, records, owner in (("target", r.targets, "setter"),
                                 ("statistic", r.statistics, "subject")):
        for q in records:
            key = getattr(q, owner)
            if key:
                s = r.sentence_at(q.start)
                part.numbers.setdefault(key, []).append(_number(kind, q, s.text if s else ""))
    return part


def network_from_parts(parts: Iterable[PagePart],
                       entities: dict[str, tuple[Entity, set[Label]]]) -> Network:
    """The page's model from the documents' page parts (entities as merged for the graph)."""
    from kg.graph import entity_iri

    b = _Builder()
    iri_of = {}
    for key, (e, _types) in entities.items():
        if e.label.value in NODE_CLASSES:
            iri_of[key] = entity_iri(key)[1:-1]
            i = b.node(iri_of[key], e.label.value, e.name)
            b.net.nodes[i].aliases = list(e.aliases)
    for part in parts:
        articles = [b.article(str(k), title, document, year)
                    for k, (title, document, year) in enumerate(part.articles)]
        for key, n in part.mentions.items():
            if key in iri_of:
                node = b.net.nodes[b.index[iri_of[key]]]
                node.mentions += n
                node.articles |= {articles[a] for a in part.named_in.get(key, ())}
                node.provinces |= part.provinces.get(key, set())
        for s, o, label, evidence in part.edges:
            if s in iri_of and o in iri_of:
                b.edge(iri_of[s], iri_of[o], label, [(t, articles[a]) for t, a in evidence])
        for key, numbers in part.numbers.items():
            if key in iri_of:
                b.net.nodes[b.index[iri_of[key]]].numbers.extend(numbers)
    return b.net


def network_from_results(results: list[DocumentResult],
                         entities: dict[str, tuple[Entity, set[Label]]]) -> Network:
    """The page's model from a build's records (their page parts, made now if not yet)."""
    return network_from_parts((r.page if r.page is not None else page_part(r) for r in results),
                              entities)


_NODE_QUERY = """
SELECT ?e ?cls ?label WHERE {
  ?e a ?c ; rdfs:label ?label .
  VALUES ?c { CLASSES }
  BIND (STRAFTER(STR(?c), "#") AS ?cls)
}"""
_QUERIES = {
    "aliases": "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }",
    "mentions": "SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m kgo:mentionOf ?e } GROUP BY ?e",
    "articles": """SELECT ?a ?title ?doc ?year WHERE {
        ?a a kgo:Article ; dcterms:title ?title ; dcterms:isPartOf ?d . ?d dcterms:identifier ?doc .
        OPTIONAL { ?d dcterms:issued ?issued } OPTIONAL { ?d dcterms:date ?date }
        BIND (COALESCE(YEAR(?issued), YEAR(?date)) AS ?year) }""",
    "named_in": "SELECT ?a ?e WHERE { ?a kgo:mentions ?e }",
    "province_of": """SELECT ?place ?province WHERE {
        ?place kgo:partOf* ?p . ?p a kgo:Province ; rdfs:label ?province }""",
    "relations": """SELECT ?s ?p ?o WHERE { ?s ?pred ?o .
        VALUES ?pred { kgo:partOf kgo:locatedIn kgo:issuedBy kgo:leads kgo:participatesIn
                       kgo:organizedBy kgo:heldIn }
        BIND (STRAFTER(STR(?pred), "#") AS ?p) }""",
    "posts": """SELECT ?s ?title ?o ?post WHERE { ?s org:holds ?post .
        ?post org:postIn ?o ; rdfs:label ?title }""",
    "evidence": """SELECT ?s ?p ?o ?text ?a WHERE {
        ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; prov:wasDerivedFrom ?sent .
        ?sent kgo:text ?text ; kgo:inArticle ?a }""",
    "numbers": """SELECT ?owner ?kind ?measure ?indicator ?year ?value ?valueMax ?unit
                         ?comparator ?period ?text WHERE {
        { ?owner kgo:hasTarget ?q . ?q kgo:targetYear ?y . BIND ("target" AS ?kind) }
        UNION { ?owner kgo:hasTarget ?q . FILTER NOT EXISTS { ?q kgo:targetYear ?y0 }
                BIND ("target" AS ?kind) }
        UNION { ?owner kgo:hasStatistic ?q . OPTIONAL { ?q kgo:year ?y } BIND ("statistic" AS ?kind) }
        ?q kgo:indicator ?indicator ; kgo:value ?value ; kgo:unit ?unit ; kgo:comparator ?comparator .
        OPTIONAL { ?q kgo:measure ?measure } OPTIONAL { ?q kgo:valueMax ?valueMax }
        OPTIONAL { ?q kgo:period ?period } OPTIONAL { ?q prov:wasDerivedFrom/kgo:text ?text }
        BIND (STR(YEAR(?y)) AS ?year) }""",
}


def network_from_store(store: ox.Store) -> Network:
    """The page's model from a graph in the store (the graph file of a build, or a subgraph)."""
    from kg.query import run_query
    from kg.vocab import KGO

    def rows(query: str) -> list[dict[str, str]]:
        a = run_query(store, query)
        return [dict(zip(a.variables, r)) for r in a.rows]

    b = _Builder()
    classes = " ".join(f"<{KGO._NS}{c}>" for c in NODE_CLASSES)
    for r in sorted(rows(_NODE_QUERY.replace("CLASSES", classes)),
                    key=lambda r: (r["e"], _MOST_SPECIFIC.get(r["cls"], 99))):
        b.node(r["e"], r["cls"], r["label"])
    for r in rows(_QUERIES["aliases"]):
        if r["e"] in b.index:
            b.net.nodes[b.index[r["e"]]].aliases.append(r["a"])
    for r in rows(_QUERIES["mentions"]):
        if r["e"] in b.index:
            b.net.nodes[b.index[r["e"]]].mentions = int(r["n"])
    article_of = {}
    for r in rows(_QUERIES["articles"]):
        year = int(r["year"]) if r.get("year") else None
        article_of[r["a"]] = b.article(r["a"], r["title"], r["doc"], year)
    province_of: dict[str, set[str]] = defaultdict(set)
    for r in rows(_QUERIES["province_of"]):
        province_of[r["place"]].add(r["province"])
    named_in: dict[str, set[str]] = defaultdict(set)
    for r in rows(_QUERIES["named_in"]):
        if r["e"] in b.index and r["a"] in article_of:
            named_in[r["a"]].add(r["e"])
    for a, named in named_in.items():
        provinces = set().union(*(province_of.get(e, set()) for e in named))
        for e in named:
            node = b.net.nodes[b.index[e]]
            node.articles.add(article_of[a])
            node.provinces |= provinces
    evidence: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
    for r in rows(_QUERIES["evidence"]):
        if r["a"] in article_of:
            evidence[(r["s"], r["p"], r["o"])].append((r["text"], article_of[r["a"]]))
    kgo = str(KGO._NS)
    for r in rows(_QUERIES["relations"]):
        b.edge(r["s"], r["o"], r["p"], evidence.get((r["s"], kgo + r["p"], r["o"]), []))
    holds = "http://www.w3.org/ns/org#holds"
    for r in rows(_QUERIES["posts"]):
        b.edge(r["s"], r["o"], r["title"], evidence.get((r["s"], holds, r["post"]), []))
    for r in rows(_QUERIES["numbers"]):
        if r["owner"] in b.index:
            value = r["value"] + (f"–{r['valueMax']}" if r.get("valueMax") else "")
            b.net.nodes[b.index[r["owner"]]].numbers.append({
                "kind": r["kind"], "measure": r.get("measure") or r["indicator"],
                "indicator": r["indicator"], "year": r.get("year") or "", "value": value,
                "unit": r["unit"], "comparator": r["comparator"], "period": r.get("period") or "",
                "text": r.get("text") or ""})
    for node in b.net.nodes:
        node.aliases.sort()
        node.numbers.sort(key=lambda n: (n["measure"], n["year"], n["kind"], n["value"]))
    return b.net


def ego(net: Network, name: str, hops: int) -> Network:
    """The nodes within ``hops`` of the node named (or aliased) ``name``, and the edges among them."""
    centre = next((i for i, n in enumerate(net.nodes) if n.label == name), None)
    if centre is None:
        centre = next((i for i, n in enumerate(net.nodes) if name in n.aliases), None)
    if centre is None:
        raise ConfigError(f"No node named {name!r} in the graph")
    near: dict[int, set[int]] = defaultdict(set)
    for e in net.edges:
        near[e.source].add(e.target)
        near[e.target].add(e.source)
    keep, frontier = {centre}, {centre}
    for _ in range(hops):
        frontier = {j for i in frontier for j in near[i]} - keep
        keep |= frontier
    order = sorted(keep)
    new = {old: k for k, old in enumerate(order)}
    return Network([net.nodes[i] for i in order],
                   [Edge(new[e.source], new[e.target], e.label, e.evidence) for e in net.edges
                    if e.source in new and e.target in new], net.articles)


def to_networkx(net: Network):
    """A networkx MultiDiGraph of the model (node and edge attributes flattened to strings)."""
    import networkx as nx
    g = nx.MultiDiGraph()
    for n in net.nodes:
        g.add_node(n.iri, label=n.label, cls=n.cls, aliases="|".join(n.aliases),
                   articles="|".join(net.articles[a].title for a in sorted(n.articles)),
                   provinces="|".join(sorted(n.provinces)), mentions=n.mentions)
    for e in net.edges:
        g.add_edge(net.nodes[e.source].iri, net.nodes[e.target].iri, label=e.label,
                   evidence=" | ".join(t for t, _a in e.evidence))
    return g


__all__ = ["Article", "Edge", "NODE_CLASSES", "Network", "Node", "PagePart", "ego",
           "network_from_parts", "network_from_results", "network_from_store", "page_part",
           "to_networkx"]
