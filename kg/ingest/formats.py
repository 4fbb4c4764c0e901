"""Readers per file format: bytes on disk to text (and, for .jsonl, to many documents).

Owns: decoding (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5, detected by
charset-normalizer, not guessed by hand), the main text of HTML pages, DOCX paragraphs, PDF text
layers with page breaks repaired, and JSON Lines. Every failure is an :class:`InputError` that
names the file and the reason.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Text read from a file, before it becomes a :class:`~kg.types.Document`."""

    name: str  # file name, or file name#line for JSON Lines
    text: str
    title: str = ""
    date: str = ""
    url: str = ""


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def decode(data: bytes, path: Path) -> str:
    """Text of a file's bytes, whatever its encoding; binary junk is refused."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise(data.decode("utf-16"))
        except UnicodeDecodeError as e:
            raise InputError(f"{path}: broken UTF-16 text (byte {e.start})") from e
    try:
        return _check_text(_normalise(data.decode("utf-8-sig")), path)
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.start >= len(data) - 3:
            # a file cut inside its last character: keep everything before it
            return _check_text(_normalise(data[:e.start].decode("utf-8-sig")), path)
    if b"\x00" in data[:4096]:
        raise InputError(f"{path}: binary data, not text")
    from charset_normalizer import from_bytes
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "cp1252", "latin_1",
                                          "shift_jis", "euc_kr"]).best()
    if best is None or best.encoding is None:
        raise InputError(f"{path}: not text in any known encoding")
    return _check_text(_normalise(str(best)), path)


def _check_text(text: str, path: Path) -> str:
    if len(_CONTROL.findall(text[:20000])) > max(3, len(text[:20000]) // 100):
        raise InputError(f"{path}: binary data, not text")
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text


class _MainText(HTMLParser):
    """Paragraph text of an HTML page, without scripts, styles and navigation."""

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "template"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
             "article", "title", "blockquote", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
            return
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> tuple[str, str]:
    """(title, main text) of an HTML page."""
    parser = _MainText()
    parser.feed(markup)
    lines = [re.sub(r"[ \t\u3000]+", " ", ln).strip() for ln in "".join(parser.parts).split("\n")]
    body = "\n\n".join(ln for ln in lines if ln)
    title = parser.title
    if title and not body.startswith(title):
        body = title + "\n\n" + body
    return title, body


# an archive member may inflate to at most this (a DOCX's document.xml of 200 MB is some
# 50,000 pages), and to at most this many times its compressed size (Word's XML compresses
# about 5 to 20 times; a zip bomb thousands of times)
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200


def check_archive(data: bytes, path: Path, *, max_bytes: int | None = None,
                  max_ratio: int = MAX_MEMBER_RATIO) -> None:
    """Refuse a ZIP archive (DOCX) whose members would inflate too much, before inflating
    anything: the sizes its directory declares are the most it can yield (zipfile stops a
    member at its declared size)."""
    import zipfile
    limit = MAX_MEMBER_BYTES if max_bytes is None else max_bytes
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise InputError(f"{path}: not a readable ZIP archive ({e})") from e
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limit or total > 2 * limit:
            raise InputError(f"{path}: {info.filename} would inflate to {info.file_size:,} bytes "
                             f"(more than {limit:,}): refused as an archive bomb")
        if info.compress_size and info.file_size / info.compress_size > max_ratio \
                and info.file_size > 1024 * 1024:
            raise InputError(f"{path}: {info.filename} inflates {info.file_size // info.compress_size:,}"
                             f" times its size: refused as an archive bomb")


def docx_text(data: bytes, path: Path) -> str:
    """Paragraph and table text of a DOCX file (its members checked before any is inflated)."""
    check_archive(data, path)
    try:
        import docx
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on corrupt files
        raise InputError(f"{path}: not a readable DOCX file ({type(e).__name__})") from e
    paras = [p.text.strip() for p in d.paragraphs if p.text.strip()]
    for table in d.tables:
        for row in table.rows:
            paras.append(" ".join(c.text.strip() for c in row.cells))
    if not paras:
        raise InputError(f"{path}: the DOCX file has no text")
    return "\n\n".join(paras)


def pdf_text(data: bytes, path: Path) -> str:
    """The text layer of a PDF, page breaks inside sentences and names repaired."""
    try:
        from pdfminer.high_level import extract_text
        text = extract_text(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - pdfminer raises many kinds on corrupt files
        raise InputError(f"{path}: not a readable PDF file ({type(e).__name__})") from e
    if not text or len(text.strip()) < 2:
        raise InputError(f"{path}: the PDF has no text layer (scanned pages need OCR first)")
    # a page break (form feed) inside a sentence joins the two halves: 美\x0c敦力 -> 美敦力
    text = re.sub(r"(?<=[\u4e00-\u9fff，、“《])\s*\x0c\s*(?=[\u4e00-\u9fff”》])", "", text)
    text = text.replace("\x0c", "\n\n")
    # lines wrapped inside a paragraph: join CJK to CJK across a single newline
    text = re.sub(r"(?<=[\u4e00-\u9fff，、“《])\n(?=[\u4e00-\u9fff”》])", "", text)
    return _normalise(text)


def read_raw(path: Path) -> Iterator[RawDocument | InputError]:
    """The documents in one file: one, or one per line of a .jsonl (a bad line is an error
    yielded in its place, so the others still build)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        text = decode(data, path)
        for i, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                content = rec.get("content") or rec.get("text") or ""
                if not isinstance(content, str) or not content.strip():
                    raise ValueError("no 'content'")
            except (ValueError, AttributeError) as e:
                yield InputError(f"{path}:{i}: not a JSON document line ({e})")
                continue
            title = str(rec.get("title") or "").strip()
            body = content if not title or content.lstrip().startswith(title) else f"{title}\n\n{content}"
            yield RawDocument(f"{path.name}#{i}", _normalise(body), title,
                              str(rec.get("date") or rec.get("year") or ""), str(rec.get("url") or ""))
        return
    if suffix in (".html", ".htm"):
        title, body = html_text(decode(data, path))
        if not body.strip():
            raise InputError(f"{path}: the page has no text")
        yield RawDocument(path.name, _normalise(body), title)
    elif suffix == ".docx":
        if not data.startswith(b"PK"):
            raise InputError(f"{path}: not a DOCX file (no ZIP signature)")
        yield RawDocument(path.name, _normalise(docx_text(data, path)))
    elif suffix == ".pdf":
        if not data.lstrip().startswith(b"%PDF"):
            raise InputError(f"{path}: not a PDF file (no %PDF header)")
        yield RawDocument(path.name, pdf_text(data, path))
    else:  # .txt, .md
        yield RawDocument(path.name, decode(data, path))
