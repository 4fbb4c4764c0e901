"""Reading input files into documents.

Owns: finding input files, decoding them, the document id and date. Must not split articles or
look for entities. A file that cannot be read raises :class:`~kg.errors.InputError` naming it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.formats import read_raw
from kg.types import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".jsonl")
# 2022 年 1 月 15 日 (PDF spacing allowed)
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$", re.M)


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs`` (files, or folders searched recursively), sorted, deduplicated."""
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            # a folder's README describes the corpus; it is not part of it
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                           and not p.name.startswith(".") and not p.name.upper().startswith("README"))
        elif path.exists():
            found = [path]
        else:
            raise InputError(f"{path}: no such file or folder")
        for p in found:
            if p.resolve() not in seen:
                seen.add(p.resolve())
                yield p


def document_id(path: Path) -> str:
    """A stable id from the file name: readable stem plus a short hash of the name."""
    stem = re.sub(r"[^\w.-]+", "-", path.stem, flags=re.ASCII).strip("-") or "doc"
    digest = hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:8]
    return f"{stem[:40]}-{digest}"


def find_date(text: str) -> dt.date | None:
    """The document's date: a line that is only a date, else the first date in its opening."""
    for m in (_DATE_LINE.search(text), _DATE.search(text[:400])):
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def read_documents(path: str | Path) -> Iterator[Document | InputError]:
    """The documents of one file (a .jsonl holds many); a bad part is yielded as its error."""
    path = Path(path)
    for raw in read_raw(path):
        if isinstance(raw, InputError):
            yield raw
            continue
        date = None
        m = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", raw.date)
        if m:
            date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        date = date or find_date(raw.text)
        if date is None and re.fullmatch(r"(?:19|20)\d\d", raw.date):
            date = dt.date(int(raw.date), 1, 1)
        first = raw.title or next((ln.strip() for ln in raw.text.splitlines() if ln.strip()), "")
        doc_id = document_id(path) if raw.name == path.name else document_id(Path(raw.name))
        yield Document(doc_id, str(path) if raw.name == path.name else f"{path}#{raw.name.rsplit('#', 1)[1]}",
                       raw.text, date, first[:200])


def read_document(path: str | Path) -> Document:
    """Read a file that holds one document."""
    for doc in read_documents(path):
        if isinstance(doc, InputError):
            raise doc
        return doc
    raise InputError(f"{path}: no document in the file")
