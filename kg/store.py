"""The embedded SPARQL store (Oxigraph) and fast serialisation.

Owns: loading a graph file plus the ontology into a ``pyoxigraph.Store`` and writing Turtle
through Oxigraph (rdflib's Turtle writer costs ~110 µs a triple; Oxigraph's is ~80× faster).
Must not format results for people: :mod:`kg.query` does.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import InputError, ResourceError
from kg.files import project_folder
from kg.vocab import PREFIXES

_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES,
            ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
            ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML}


def ontology_path(name: str = "policykg.ttl") -> Path:
    """A file of the ontology (``policykg.ttl``, ``shapes.ttl``)."""
    path = project_folder("ontology") / name
    if not path.is_file():
        raise ResourceError(f"The ontology file {name} is missing from the installation")
    return path


def ontology_bytes() -> bytes:
    """The OWL ontology."""
    return ontology_path().read_bytes()


def write_turtle(triples: Iterable[ox.Triple], out: BinaryIO) -> None:
    """Turtle of Oxigraph triples, with the contract's prefixes, streamed to ``out`` (the
    builder hands triples grouped by subject, so Turtle groups them)."""
    ox.serialize(triples, out, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def serialize_turtle(triples: Iterable[ox.Triple]) -> bytes:
    """Turtle of Oxigraph triples, sorted by subject, with the contract's prefixes."""
    return ox.serialize(sorted(triples, key=_subject), format=ox.RdfFormat.TURTLE,
                        prefixes=PREFIXES)


def _subject(t: ox.Triple) -> str:
    return t.subject.value


def write_dataset(quads: Iterable[ox.Quad], out: BinaryIO, fmt: str) -> None:
    """Named graphs as TriG (``trig``) or N-Quads (``nq``), streamed."""
    format_ = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
    ox.serialize(quads, out, format=format_, prefixes=PREFIXES if fmt == "trig" else None)


def write_jsonld(triples: Iterable[ox.Triple], out: BinaryIO) -> None:
    """JSON-LD (expanded form, written by Oxigraph)."""
    ox.serialize(triples, out, format=ox.RdfFormat.JSON_LD)


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


def load_rdflib(path: str | Path) -> Graph:
    """An rdflib graph from a graph file (named graphs of TriG and N-Quads merged), or an
    :class:`InputError` naming the file."""
    path = Path(path)
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".trig": "trig",
           ".nq": "nquads", ".rdf": "xml"}.get(path.suffix.lower(), "turtle")
    g = Graph()
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset(default_union=True)
            ds.parse(path, format=fmt)
            for s, p, o, _c in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(path, format=fmt)
    except FileNotFoundError:
        raise InputError(f"{path}: no such graph file") from None
    except Exception as e:  # noqa: BLE001 - rdflib raises many kinds on bad input
        raise InputError(f"{path}: cannot load graph ({e})") from e
    return g
