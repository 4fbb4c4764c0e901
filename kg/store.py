"""The embedded SPARQL store (Oxigraph) and fast serialisation.

Owns: loading a graph file plus the ontology into a ``pyoxigraph.Store`` and writing Turtle
through Oxigraph (rdflib's Turtle writer costs ~110 µs a triple; Oxigraph's is ~80× faster).
Must not format results for people: :mod:`kg.query` does.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import InputError, ResourceError
from kg.vocab import PREFIXES

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
            ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}


def ontology_path(name: str = "policykg.ttl") -> Path:
    """A file of the ontology: inside the wheel (``kg/ontology``), else the source tree's
    ``ontology/`` (an editable install)."""
    packaged = Path(str(resources.files("kg"))) / "ontology" / name
    if packaged.is_file():
        return packaged
    source = Path(__file__).resolve().parents[1] / "ontology" / name
    if source.is_file():
        return source
    raise ResourceError(f"The ontology file {name} is missing from the installation")


def ontology_bytes() -> bytes:
    """The OWL ontology."""
    return ontology_path().read_bytes()


def serialize_turtle(graph: Graph) -> bytes:
    """Turtle of an rdflib graph, written by Oxigraph, with the contract's prefixes."""
    nt = graph.serialize(format="nt", encoding="utf-8")
    store = ox.Store()
    store.bulk_load(nt, ox.RdfFormat.N_TRIPLES)
    quads = sorted(store, key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
    return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                        format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def _quads(graph: Graph, name: object = None) -> list:
    nt = graph.serialize(format="nt", encoding="utf-8")
    g = ox.DefaultGraph() if name is None else ox.NamedNode(str(name))
    return [ox.Quad(t.subject, t.predicate, t.object, g)
            for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]


def serialize_dataset(named: list[tuple[object, Graph]], fmt: str) -> bytes:
    """Named graphs as TriG (``trig``) or N-Quads (``nq``)."""
    quads = [q for name, g in named for q in _quads(g, name)]
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    format_ = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
    return ox.serialize(quads, format=format_, prefixes=PREFIXES if fmt == "trig" else None)


def serialize_jsonld(graph: Graph) -> bytes:
    """JSON-LD of a graph, with the contract's prefixes as its context."""
    return graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True,
                           encoding="utf-8")


def load_store(path: str | Path, *, with_ontology: bool = True) -> ox.Store:
    """An in-memory Oxigraph store with the graph file (and the ontology) in its default graph."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown graph format (use one of {', '.join(_FORMATS)})")
    store = ox.Store()
    try:
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            for q in ox.parse(path=str(path), format=fmt):  # named graphs merge into the default
                store.add(ox.Quad(q.subject, q.predicate, q.object))
        else:
            store.bulk_load(path=str(path), format=fmt)
    except FileNotFoundError:
        raise InputError(f"{path}: no such graph file") from None
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(f"{path}: cannot load graph ({e})") from e
    if with_ontology:
        store.bulk_load(ontology_bytes(), ox.RdfFormat.TURTLE)
    return store
