"""SHACL validation of a graph against ``ontology/shapes.ttl`` (with pyshacl).

Owns: running the shapes with the ontology as the class hierarchy (so a kgo:City satisfies
sh:class kgo:Place). Returns a report; the CLI prints it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.store import load_rdflib, ontology_path


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and pyshacl's report text."""

    conforms: bool
    text: str


def validate_graph(g: Graph) -> ValidationReport:
    """Validate an in-memory graph."""
    from pyshacl import validate
    shapes = Graph().parse(ontology_path("shapes.ttl"))
    ontology = Graph().parse(ontology_path("policykg.ttl"))
    conforms, _results, text = validate(g, shacl_graph=shapes, ont_graph=ontology,
                                        inference="none", allow_warnings=True)
    return ValidationReport(bool(conforms), str(text))


def validate_file(path: str | Path) -> ValidationReport:
    """Validate a graph file."""
    return validate_graph(load_rdflib(path))
