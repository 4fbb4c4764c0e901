"""The query library: research questions as SPARQL files (``queries/*.rq``).

Owns: finding the library (inside the wheel as ``kg/queries``, else the source tree's
``queries/``), listing it with each query's first comment line, and loading one by name.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.errors import ConfigError
from kg.files import project_folder


@dataclass(frozen=True, slots=True)
class LibraryQuery:
    """A query of the library: file name, first comment line, text."""

    name: str
    description: str
    text: str


def library_dir() -> Path:
    """The folder of the library: in the wheel, else the source tree."""
    return project_folder("queries")


def library() -> list[LibraryQuery]:
    """Every query of the library, sorted by name."""
    out = []
    for path in sorted(library_dir().glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = next((ln.lstrip("# ").strip() for ln in text.splitlines() if ln.startswith("#")), "")
        out.append(LibraryQuery(path.stem, first, text))
    return out


def library_query(name: str) -> LibraryQuery:
    """One query by name (``coissuers`` or ``coissuers.rq``)."""
    name = name.removesuffix(".rq")
    for q in library():
        if q.name == name:
            return q
    raise ConfigError(f"Unknown query {name!r}. Available: {', '.join(q.name for q in library())}")
