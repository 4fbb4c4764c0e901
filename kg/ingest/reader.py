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
# 2022年1月15日, and a web page's 2026-07-15 08:30 or 2026/07/15 (not a range: 2021-2025年)
_DATE = re.compile(r"((?:19|20)\d\d)(?:\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                   r"|([-/])(\d{1,2})\4(\d{1,2})(?![\d年月]))")
_DATE_LINE = re.compile(r"^\s*((?:19|20)\d\d)\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|-(\d\d)-(\d\d))\s*$",
                        re.M)
# a document number carries its year: 国发〔2018〕42号, 包府办发〔2022〕43号
_DOC_NUMBER_YEAR = re.compile(r"[〔\[［(（]((?:19|20)\d\d)[〕\]］)）]\s*\d{1,4}\s*号")
# a year the text speaks of as a time of its own (not a deadline 到2025年, a base 比2020年, a
# start 2015年以来 or an ordinal 2024年度…第三期): the latest one is when it was written
_FUTURE = re.compile(r"^，?[^。；，]{0,10}?(?:将|力争|目标|预计|预期|计划|争取)")
_SPOKEN_YEAR = re.compile(r"(?<![到至比较与从自])((?:19|20)\d\d)\s*年(?![前以起底度])")


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
    """The document's date: a line that is only a date (2022年1月15日, 2020-07-16), else the
    first date in its opening unless a document number of another year comes before it."""
    opening = _DATE.search(text[:400])
    number = _DOC_NUMBER_YEAR.search(text[:400])
    if opening and number and number.start() < opening.start() \
            and int(number.group(1)) != int(opening.group(1)):
        opening = None  # 国科发资〔2026〕21号 … 注册时间为2025年6月30日前: the number dates it
    for m in (_DATE_LINE.search(text), opening):
        if m:
            if m.re is _DATE:
                month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(5), m.group(6))
            else:
                month, day = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
            try:
                return dt.date(int(m.group(1)), int(month), int(day))
            except ValueError:
                continue
    return None


def find_year(text: str) -> int | None:
    """The year a document without a date was written: its document number's (国发〔2018〕42号),
    else the latest year it speaks of as a time of its own (2022年上半年…), not a deadline
    (到2025年), a base (比2020年) or a start (2015年以来)."""
    m = _DOC_NUMBER_YEAR.search(text[:2000])
    if m:
        return int(m.group(1))
    years = [int(m.group(1)) for m in _SPOKEN_YEAR.finditer(text)
             if not _FUTURE.match(text[m.end():m.end() + 12])]
    return max(years) if years else None


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
        year = date.year if date else (int(raw.date) if re.fullmatch(r"(?:19|20)\d\d", raw.date)
                                       else find_year(raw.text))
        first = raw.title or next((ln.strip() for ln in raw.text.splitlines() if ln.strip()), "")
        doc_id = document_id(path) if raw.name == path.name else document_id(Path(raw.name))
        where = str(path) if raw.name == path.name else f"{path}#{raw.name.rsplit('#', 1)[1]}"
        parts = split_text(raw.text)
        if len(parts) == 1:
            yield Document(doc_id, where, raw.text, date, first[:200], year)
            continue
        # a file of many books' length is read as parts, each a document of its own, so that
        # memory stays bounded (offsets are into each part, named FILE#partK)
        for k, text in enumerate(parts, start=1):
            yield Document(f"{doc_id}-p{k}", f"{where}#part{k}", text, date,
                           f"{first[:180]}（第{k}部分）", year)


MAX_DOCUMENT = 500_000  # characters a document is read in at most


def split_text(text: str, limit: int = MAX_DOCUMENT) -> list[str]:
    """``text`` cut into parts of at most ``limit`` characters, at paragraph ends (a blank
    line, else a line end, else anywhere)."""
    parts, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n\n")
        if cut < limit // 2:
            cut = window.rfind("\n")
        cut = cut + 1 if cut >= limit // 2 else limit
        parts.append(text[start:start + cut])
        start += cut
    parts.append(text[start:])
    return parts


def read_document(path: str | Path) -> Document:
    """Read a file that holds one document."""
    for doc in read_documents(path):
        if isinstance(doc, InputError):
            raise doc
        return doc
    raise InputError(f"{path}: no document in the file")
