"""Building a corpus: every input file through the pipeline into one graph and its outputs.

Owns: the loop over files (a bad file is reported and skipped, never fatal), writing
``graph.ttl``, ``graph.html`` and ``report.json`` atomically (temporary file, then rename), and
the build summary. Must not print: it returns a :class:`BuildReport` for the CLI.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF

from kg.errors import ConfigError, InputError, KgError
from kg.graph import document_graphs, to_triples
from kg.ingest import iter_input_files, read_documents
from kg.pipeline import DocumentResult, extract_document
from kg.store import serialize_dataset, serialize_jsonld, serialize_turtle


@dataclass(slots=True)
class BuildReport:
    """What a build did."""

    outdir: Path
    documents: list[str] = field(default_factory=list)
    articles: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    classes: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    outputs: list[Path] = field(default_factory=list)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def extract_files(inputs: Iterable[str | Path], report: BuildReport,
                  on_error: Callable[[str, str], None] | None = None) -> list[DocumentResult]:
    """Extract every input file; a file that fails is recorded in ``report`` and skipped."""
    results = []

    def skip(name: str, reason: str) -> None:
        report.skipped.append((name, reason))
        if on_error:
            on_error(name, reason)

    for path in iter_input_files(inputs):
        try:
            for doc in read_documents(path):
                if isinstance(doc, InputError):
                    skip(str(path), str(doc))
                    continue
                try:
                    results.append(extract_document(doc))
                except Exception as e:  # noqa: BLE001 - one broken document must not stop a corpus
                    skip(doc.path, f"{doc.path}: extraction failed ({type(e).__name__}: {e})")
                    continue
                report.documents.append(doc.path)
                report.articles += len(results[-1].articles)
        except KgError as e:
            skip(str(path), str(e))
        except Exception as e:  # noqa: BLE001 - one broken file must not stop a corpus
            skip(str(path), f"{path}: cannot be read ({type(e).__name__}: {e})")
    return results


FORMATS = ("ttl", "trig", "nq", "jsonld")


def build(inputs: Iterable[str | Path], outdir: str | Path, *, html: bool = True,
          formats: Iterable[str] = ("ttl",),
          on_error: Callable[[str, str], None] | None = None) -> BuildReport:
    """Build the graph of ``inputs`` into ``outdir``: always ``graph.ttl``, plus ``graph.trig``
    / ``graph.nq`` (one named graph per document) and ``graph.jsonld`` when asked."""
    outdir = Path(outdir)
    report = BuildReport(outdir)
    inputs = list(inputs)
    if not inputs:
        raise InputError("no input files given")
    results = extract_files(inputs, report, on_error)
    triples = to_triples(results)
    report.triples = len(triples)
    report.classes = class_counts(triples)
    ttl = outdir / "graph.ttl"
    write_atomic(ttl, serialize_turtle(triples))
    report.outputs.append(ttl)
    formats = set(formats) - {"ttl"}
    unknown = formats - set(FORMATS)
    if unknown:
        raise ConfigError(f"Unknown format(s) {', '.join(sorted(unknown))}. Available: "
                          f"{', '.join(FORMATS)}")
    if formats & {"trig", "nq"}:
        named = document_graphs(results, triples)
        for fmt in sorted(formats & {"trig", "nq"}):
            path = outdir / f"graph.{fmt}"
            write_atomic(path, serialize_dataset(named, fmt))
            report.outputs.append(path)
    if "jsonld" in formats:
        path = outdir / "graph.jsonld"
        write_atomic(path, serialize_jsonld(triples))
        report.outputs.append(path)
    if html:
        from kg.viz import render_html
        page = outdir / "graph.html"
        write_atomic(page, render_html(triples.to_rdflib()).encode("utf-8"))
        report.outputs.append(page)
    rep = outdir / "report.json"
    write_atomic(rep, json.dumps({
        "documents": report.documents, "articles": report.articles,
        "skipped": [{"file": f, "reason": r} for f, r in report.skipped],
        "classes": report.classes, "triples": report.triples,
    }, ensure_ascii=False, indent=2).encode("utf-8"))
    report.outputs.append(rep)
    return report


def class_counts(triples: Iterable[tuple]) -> dict[str, int]:
    """Nodes per kgo: class."""
    c: Counter[str] = Counter()
    for _s, p, o in triples:
        if p != RDF.type:
            continue
        iri = str(o)
        if "policykg/ontology#" in iri:
            c[iri.rsplit("#", 1)[1]] += 1
    return dict(sorted(c.items()))
