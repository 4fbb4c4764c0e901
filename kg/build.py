"""Building a corpus: every input file through the pipeline into one graph and its outputs.

Owns: the loop over files (a bad file is reported and skipped, never fatal), writing
``graph.ttl``, ``graph.html`` and ``report.json`` atomically (temporary file, then rename), and
the build summary. Must not print: it returns a :class:`BuildReport` for the CLI.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import CACHE_DIR, BuildCache, document_key
from kg.engine import extract_many
from kg.errors import ConfigError, InputError, KgError
from kg.files import atomic_writer, write_atomic
from kg.graph import document_quads, graph_parts, iter_triples
from kg.ingest import iter_input_files, read_documents
from kg.ingest.reader import SUPPORTED_SUFFIXES
from kg.store import write_dataset, write_jsonld
from kg.types import Document, DocumentResult


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
    cached: int = 0  # documents whose results came from the build cache
    unchanged: bool = False  # nothing changed since the last build: nothing was rewritten


def read_inputs(inputs: Iterable[str | Path], skip: Callable[[str, str], None]) -> list[Document]:
    """Every document of the inputs; a file that cannot be read is skipped with its reason."""
    docs: list[Document] = []
    for path in iter_input_files(inputs):
        try:
            for doc in read_documents(path):
                if isinstance(doc, InputError):
                    skip(str(path), str(doc))
                else:
                    docs.append(doc)
        except KgError as e:
            skip(str(path), str(e))
        except Exception as e:  # noqa: BLE001 - one broken file must not stop a corpus
            skip(str(path), f"{path}: cannot be read ({type(e).__name__}: {e})")
    return docs


FORMATS = ("ttl", "trig", "nq", "jsonld")


def build(inputs: Iterable[str | Path], outdir: str | Path, *, html: bool = True,
          formats: Iterable[str] = ("ttl",), workers: int | None = 1, engine: str = "local",
          scheduler: str | None = None, cache: bool = True,
          on_error: Callable[[str, str], None] | None = None,
          progress: Callable[[int, int, int, int], None] | None = None,
          max_doc_seconds: float | None = None) -> BuildReport:
    """Build the graph of ``inputs`` into ``outdir``: always ``graph.ttl``, plus ``graph.trig``
    / ``graph.nq`` (one named graph per document) and ``graph.jsonld`` when asked.

    Documents whose content and extractor version are unchanged come from the build cache; a
    build with nothing changed rewrites nothing. A document whose extraction takes longer than
    ``max_doc_seconds`` is reported and skipped."""
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise ConfigError(f"{outdir}: is a file, not a folder for the outputs")
    report = BuildReport(outdir)
    inputs = list(inputs)
    if not inputs:
        raise InputError("no input files given")
    formats = set(formats) | {"ttl"}
    unknown = formats - set(FORMATS)
    if unknown:
        raise ConfigError(f"Unknown format(s) {', '.join(sorted(unknown))}. Available: "
                          f"{', '.join(FORMATS)}")

    def skip(name: str, reason: str) -> None:
        report.skipped.append((name, reason))
        if on_error:
            on_error(name, reason)

    docs = read_inputs(inputs, skip)
    if not docs:
        # nothing to build is an error, and the previous graph stays as it was
        names = ", ".join(str(i) for i in inputs[:3]) + (" …" if len(inputs) > 3 else "")
        why = "every file was skipped" if report.skipped else \
            f"no {', '.join(SUPPORTED_SUFFIXES)} file found"
        raise InputError(f"{names}: no document to build ({why}); {outdir} left as it was")
    store = BuildCache(outdir / CACHE_DIR) if cache else None
    keys = [document_key(d) for d in docs]
    manifest = hashlib.sha256("\n".join(keys + sorted(formats) + [str(html)] +
                                         [r for _f, r in report.skipped]).encode()).hexdigest()
    outputs = [outdir / f"graph.{f}" for f in sorted(formats)] + \
        ([outdir / "graph.html"] if html else []) + [outdir / "report.json"]
    results: list[DocumentResult | None] = [store.get(k) if store else None for k in keys]
    report.cached = sum(1 for r in results if r is not None)
    if store and report.cached == len(docs) and store.manifest() == manifest \
            and all(p.exists() for p in outputs):
        previous = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
        report.documents = previous["documents"]
        report.articles, report.triples = previous["articles"], previous["triples"]
        report.classes, report.unchanged = previous["classes"], True
        return report
    todo = [i for i, r in enumerate(results) if r is None]
    chars = sum(len(docs[i].text) for i in todo)
    done_chars = 0

    def tick(done: int, i: int) -> None:
        nonlocal done_chars
        done_chars += len(docs[todo[i]].text)
        if progress:
            progress(done, len(todo), done_chars, chars)

    fresh = extract_many([docs[i] for i in todo], workers=workers, engine=engine,
                         scheduler=scheduler, progress=tick, max_seconds=max_doc_seconds)
    for i, r in zip(todo, fresh):
        if isinstance(r, str):
            skip(docs[i].path, r)
            continue
        results[i] = r
        if store:
            store.put(keys[i], r)
    done = [r for r in results if r is not None]
    for r in done:
        report.documents.append(r.doc.path)
        report.articles += sum(1 for a in r.articles if a.n > 0)
    results = done
    parts = graph_parts(results)
    report.triples = parts.triple_count()
    report.classes = parts.class_counts()
    ttl = outdir / "graph.ttl"
    with atomic_writer(ttl) as f:
        parts.write_turtle(f)
    report.outputs.append(ttl)
    for fmt in sorted(formats & {"trig", "nq"}):
        path = outdir / f"graph.{fmt}"
        with atomic_writer(path) as f:
            write_dataset(document_quads(parts), f, fmt)
        report.outputs.append(path)
    if "jsonld" in formats:
        path = outdir / "graph.jsonld"
        with atomic_writer(path) as f:
            write_jsonld(iter_triples(parts), f)
        report.outputs.append(path)
    if html:
        from kg.viz import network_from_results, render_html
        page = outdir / "graph.html"
        net = network_from_results(results, parts.entities)
        write_atomic(page, render_html(net).encode("utf-8"))
        report.outputs.append(page)
    rep = outdir / "report.json"
    write_atomic(rep, json.dumps({
        "documents": report.documents, "articles": report.articles,
        "skipped": [{"file": f, "reason": r} for f, r in report.skipped],
        "classes": report.classes, "triples": report.triples,
    }, ensure_ascii=False, indent=2).encode("utf-8"))
    report.outputs.append(rep)
    if store:
        store.set_manifest(manifest)
        store.prune(set(keys))
    return report
