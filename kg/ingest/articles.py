"""Splitting a document into articles.

Owns: recognising a newsletter (a 目录 of titles with page numbers, grouped under section
headings), locating each title in the body, skipping the masthead, table of contents and
copyright page, and recovering articles whose title the source lost (two articles run
together). A document that is not a newsletter is one article whose title is its first line.
Must not segment sentences or look for entities.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from kg.types import Article, Document

# "《“十四五”智能制造发展规划》政策解读.....\t1" or "…推进计划》印发 35"
_TOC_ENTRY = re.compile(r"^(?P<title>.+?)(?:[.…·．]{2,}|\s)\s*(?P<page>\d{1,3})\s*$")
_TOC_HEADING = re.compile(r"^\s*目\s*录\s*$")
_COPYRIGHT = re.compile(r"版权.{0,8}声明|版权所有")
# （来源：科技部）
SOURCE_LINE = re.compile(r"[（(]\s*来源\s*[:：]\s*(?P<src>[^）)\n]{1,40}?)\s*[）)]")
_TERMINAL = set("。！？!?；;：:”’」』）)】")
_NORM_DROP = re.compile(r"[\s\-—–－―‐.…·．“”\"'‘’《》「」]")


def _norm(s: str) -> str:
    return _NORM_DROP.sub("", s)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # end of the stripped content
    text: str  # stripped


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        content = raw.strip()
        if content:
            lead = len(raw) - len(raw.lstrip())
            out.append(_Line(pos + lead, pos + lead + len(content), content))
        pos += len(raw)
    return out


@dataclass(frozen=True, slots=True)
class _Toc:
    sections: list[str]
    entries: list[tuple[str, str]]  # (section, title)
    end_line: int  # index of the first line after the TOC


def _read_toc(lines: list[_Line]) -> _Toc | None:
    start = next((i for i, ln in enumerate(lines) if _TOC_HEADING.match(ln.text)), None)
    if start is None:
        return None
    sections: list[str] = []
    entries: list[tuple[str, str]] = []
    section = ""
    last_entry = start
    for i in range(start + 1, len(lines)):
        text = lines[i].text
        m = _TOC_ENTRY.match(text)
        if m and len(m.group("title").strip()) >= 4:
            entries.append((section, m.group("title").strip().rstrip(".…")))
            last_entry = i
        elif len(text) <= 12 and i - last_entry <= 2:
            section = text
            sections.append(text)
        else:
            break
    if len(entries) < 2:
        return None
    return _Toc(sections, entries, last_entry + 1)


def _similar(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    return difflib.SequenceMatcher(None, na, nb).ratio() >= 0.85


def _source_of(text: str, start: int, end: int) -> str:
    found = list(SOURCE_LINE.finditer(text, start, end))
    return found[-1].group("src").strip() if found else ""


def _bigrams(s: str) -> set[str]:
    s = _norm(s)
    return {s[i:i + 2] for i in range(len(s) - 1)}


def _density(text: str, grams: set[str]) -> float:
    t = _norm(text)
    if len(t) < 2:
        return 0.0
    return sum(1 for i in range(len(t) - 1) if t[i:i + 2] in grams) / (len(t) - 1)


def _split_point(doc: Document, lines: list[_Line], first: int, last: int, title: str) -> int | None:
    """Index of the line where a title-less article starts inside lines[first:last].

    Two articles run together when the source lost a title: the first stops mid-sentence
    (its last line has no final punctuation) and the second's text shares words with the
    title from the table of contents. Choose the cut that best separates those words.
    """
    grams = _bigrams(title)
    best, best_score = None, 0.0
    for i in range(first + 2, last):
        after = doc.text[lines[i].start:lines[last - 1].end]
        before = doc.text[lines[first].start:lines[i - 1].end]
        score = _density(after, grams) - _density(before, grams)
        if lines[i - 1].text[-1] not in _TERMINAL:
            score *= 1.5  # the first article was cut off here
        if score > best_score:
            best, best_score = i, score
    return best


MATTER_TITLE = "刊头与版权页"  # the title given to article 0: a newsletter's masthead and copyright page
_CONTENTS_START = re.compile(r"^\s*(?:本期重点|本期要目|目\s*录)\s*$")


def matter(doc: Document) -> list[Article]:
    """A newsletter's masthead (before its highlights and contents) and copyright page, as
    article 0: they name the publication and its publisher, but hold no news."""
    lines = _lines(doc.text)
    toc = _read_toc(lines)
    if toc is None:
        return []
    out = []
    first = next((i for i, ln in enumerate(lines) if _CONTENTS_START.match(ln.text)), None)
    if first:
        out.append(Article(doc.id, 0, MATTER_TITLE, "", "", lines[0].start, lines[first - 1].end,
                           lines[0].start))
    copyright_line = next((i for i in range(toc.end_line, len(lines))
                           if _COPYRIGHT.search(lines[i].text)), None)
    if copyright_line is not None:
        out.append(Article(doc.id, 0, MATTER_TITLE, "", "", lines[copyright_line].start,
                           lines[-1].end, lines[copyright_line].start))
    return out


def split_articles(doc: Document) -> list[Article]:
    """The articles of ``doc``: a newsletter's, or the whole file as one."""
    lines = _lines(doc.text)
    if not lines:
        return []
    toc = _read_toc(lines)
    if toc is None:
        return [_single_article(doc, lines)]
    sections = set(toc.sections)
    end_line = next((i for i in range(toc.end_line, len(lines))
                     if _COPYRIGHT.search(lines[i].text)), len(lines))
    # locate each title in the body, in table-of-contents order
    found: list[tuple[int, str, str] | None] = []  # (line index, section, title)
    cursor = toc.end_line
    section_at: dict[int, str] = {}
    for i in range(toc.end_line, end_line):
        if lines[i].text in sections:
            section_at[i] = lines[i].text
    for section, title in toc.entries:
        hit = next((i for i in range(cursor, end_line)
                    if i not in section_at and _similar(lines[i].text, title)), None)
        if hit is None:
            found.append(None)
            continue
        found.append((hit, section, lines[hit].text))
        cursor = hit + 1
    # fill lost titles by cutting the article before them
    toc_lines = {}  # title -> its 目录 line, for titles the body lost
    for i in range(toc.end_line):
        m = _TOC_ENTRY.match(lines[i].text)
        if m:
            toc_lines.setdefault(m.group("title").strip().rstrip(".…"), lines[i])
    starts: list[tuple[int, int, str, str]] = []  # (first body line, title line or -1, section, title)
    for k, item in enumerate(found):
        section, title = toc.entries[k]
        if item is not None:
            starts.append((item[0] + 1, item[0], section, item[2]))
            continue
        prev = starts[-1] if starts else None
        nxt = next((f for f in found[k + 1:] if f is not None), None)
        hi = nxt[0] if nxt else end_line
        while hi - 1 in section_at:
            hi -= 1
        if prev is None:
            continue
        cut = _split_point(doc, lines, prev[0], hi, title)
        if cut is not None:
            starts.append((cut, -1, section, title))
    articles: list[Article] = []
    for n, (body_line, title_line, section, title) in enumerate(starts, start=1):
        stop = starts[n][1] if n < len(starts) and starts[n][1] >= 0 else (
            starts[n][0] if n < len(starts) else end_line)
        while stop - 1 > body_line and (stop - 1) in section_at:
            stop -= 1
        if body_line >= len(lines) or stop <= body_line:
            continue
        start = lines[title_line].start if title_line >= 0 else lines[body_line].start
        end = lines[stop - 1].end
        body_start = lines[body_line].start
        if title_line >= 0:
            t_start, t_end = lines[title_line].start, lines[title_line].end
        elif title in toc_lines:
            t_start = toc_lines[title].start
            t_end = t_start + len(title)
        else:
            t_start = t_end = -1
        articles.append(Article(doc.id, len(articles) + 1, title, section,
                                _source_of(doc.text, body_start, end), start, end, body_start,
                                t_start, t_end))
    return articles


def _single_article(doc: Document, lines: list[_Line]) -> Article:
    title = lines[0]
    body_start = lines[1].start if len(lines) > 1 else title.end
    end = lines[-1].end
    return Article(doc.id, 1, title.text, "", _source_of(doc.text, title.start, end),
                   title.start, end, body_start, title.start, title.end)
