"""Reading input files into documents.

Owns: finding input files, decoding them, the document id and date. Must not split articles or
look for entities. A file that cannot be read raises :class:`~kg.errors.InputError` naming it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.types import Document

SUPPORTED_SUFFIXES = (".txt",)
# 2022 年 1 月 15 日 (PDF spacing allowed)
_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$", re.M)


def iter_input_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files named by ``inputs`` (files, or folders searched recursively), sorted, deduplicated."""
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                           and not p.name.startswith("."))
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


def decode(data: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (BOM allowed); anything else is an :class:`InputError`."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not valid UTF-8 (byte {e.start})") from e
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def find_date(text: str) -> dt.date | None:
    """The document's date: a line that is only a date, else the first date in its opening."""
    for m in (_DATE_LINE.search(text), _DATE.search(text[:400])):
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def read_document(path: str | Path) -> Document:
    """Read one file into a :class:`Document`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e
    text = decode(data, path)
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return Document(document_id(path), str(path), text, find_date(text), first[:200])
