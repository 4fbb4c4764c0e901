"""The subgraph a CONSTRUCT query selects, ready to draw."""
from __future__ import annotations

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query import added_lines, user_positions, with_prefixes

_NAMES = """CONSTRUCT { ?n ?p ?o } WHERE {
  VALUES ?n { NODES }
  ?n ?p ?o . FILTER (?p IN (rdf:type, rdfs:label, skos:altLabel)) }"""
_EVIDENCE = """CONSTRUCT {
  ?st ?sp ?so . ?sent ?tp ?to . ?a a kgo:Article ; dcterms:title ?title ; dcterms:isPartOf ?d .
  ?d dcterms:identifier ?id } WHERE {
  VALUES (?s ?p ?o) { TRIPLES }
  ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ?sp ?so .
  OPTIONAL { ?st prov:wasDerivedFrom ?sent . ?sent ?tp ?to .
             OPTIONAL { ?sent kgo:inArticle ?a . ?a dcterms:title ?title ; dcterms:isPartOf ?d .
                        ?d dcterms:identifier ?id } } }"""
_BATCH = 500


def _term(t: object) -> str:
    return str(t)  # Oxigraph terms print as SPARQL/N-Triples terms


def subgraph_of_query(store: ox.Store, query: str) -> ox.Store:
    """A store with the triples a CONSTRUCT (or DESCRIBE) query returns, the types and names of
    the nodes in them, and the provenance statements of those triples with their sentences."""
    try:
        result = store.query(with_prefixes(query))
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {user_positions(str(e), added_lines(query))}") \
            from e
    if not isinstance(result, ox.QueryTriples):
        raise QueryError("--query needs a CONSTRUCT or DESCRIBE query")
    triples = list(result)
    sub = ox.Store()
    sub.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    nodes = sorted({_term(x) for t in triples for x in (t.subject, t.object)
                    if isinstance(x, ox.NamedNode)})
    for i in range(0, len(nodes), _BATCH):
        extra = store.query(with_prefixes(_NAMES.replace("NODES", " ".join(nodes[i:i + _BATCH]))))
        sub.extend(ox.Quad(t.subject, t.predicate, t.object) for t in extra)
    rows = [f"({_term(t.subject)} {_term(t.predicate)} {_term(t.object)})" for t in triples
            if isinstance(t.object, ox.NamedNode)]
    for i in range(0, len(rows), _BATCH):
        extra = store.query(with_prefixes(_EVIDENCE.replace("TRIPLES", " ".join(rows[i:i + _BATCH]))))
        sub.extend(ox.Quad(t.subject, t.predicate, t.object) for t in extra)
    return sub
