"""The subgraph a CONSTRUCT query selects, ready to draw."""
from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kg.errors import QueryError


def subgraph_of_query(g: Graph, path: str | Path, query: str) -> Graph:
    """The triples a CONSTRUCT query returns, with the types and names of the nodes in them,
    and the provenance statements of those triples."""
    import pyoxigraph as ox

    from kg.query import with_prefixes
    from kg.store import load_store
    try:
        result = load_store(path).query(with_prefixes(query))
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {e}") from e
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("--query needs a CONSTRUCT or DESCRIBE query")
    nt = ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES) or b""
    sub = Graph()
    sub.parse(data=nt.decode("utf-8"), format="nt")
    for node in set(sub.subjects()) | set(sub.objects()):
        for p in (RDF.type, RDFS.label, SKOS.altLabel):
            for o in g.objects(node, p):
                sub.add((node, p, o))
    for s, p, o in list(sub):
        for st in g.subjects(RDF.subject, s):
            if (st, RDF.predicate, p) in g and (st, RDF.object, o) in g:
                for t in g.triples((st, None, None)):
                    sub.add(t)
                for sent in g.objects(st, None):
                    for t in g.triples((sent, None, None)):
                        sub.add(t)
    return sub
