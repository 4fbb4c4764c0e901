"""Finding where a name begins: the left edge of 常州凯达重工科技有限公司 before its suffix.

Owns: walking jieba tokens leftwards from a name's ending until a word that cannot be part of a
name (a verb such as 实施, a function word such as 由, punctuation). Shared by the organisation,
programme and event extractors. The stop words are data: ``resources/gazetteers/name_stops.tsv``.
"""
from __future__ import annotations

import functools
import re

from kg.extractors.base import SentenceView
from kg.resources import table

# characters a name may contain besides CJK letters and digits
_NAME_PUNCT = set("“”‘’\"'·-—（）()+")
_GLUED_FUNCTION_CHARS = set("将由在对与把被从向于为是及或等的了")
_CJK_OR_WORD = re.compile(r"^[\w\u4e00-\u9fff]+$")


@functools.cache
def stop_words() -> frozenset[str]:
    """Words a name never contains (name_stops.tsv)."""
    return frozenset(r["word"] for r in table("name_stops.tsv"))


@functools.cache
def name_verbs() -> frozenset[str]:
    """Verbs that may end a programme name right before its ending (name_verbs.tsv)."""
    return frozenset(r["word"] for r in table("name_verbs.tsv"))


@functools.cache
def generic_words() -> frozenset[str]:
    """Words that do not make a name specific (generic_words.tsv)."""
    return frozenset(r["word"] for r in table("generic_words.tsv"))


def is_generic(sv: SentenceView, start: int, core_start: int) -> bool:
    """Whether the words before a name's ending are all generic (高水平研究型 + 大学)."""
    from kg.segment import tokens
    words = tokens(sv.text[start:core_start])
    return all(w in generic_words() or not w.strip() for w in words)


# （三）, 一是, 1. : list markers are not part of a name
_ENUMERATION = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]是|\d{1,2}[.、．])")


def strip_enumeration(text: str, start: int) -> int:
    """The offset past a list marker (（三）, 一是, 1.) at ``start``, if any."""
    m = _ENUMERATION.match(text, start)
    return m.end() if m else start


@functools.cache
def stop_prefixes() -> tuple[str, ...]:
    """Stop words of two or more characters, also cut when jieba glued them to a name."""
    return tuple(sorted((w for w in stop_words() if len(w) >= 2), key=len, reverse=True))


def token_spans(sv: SentenceView) -> list[tuple[int, int, str]]:
    """(start, end, token) of each jieba token of the clean view, computed once a sentence."""
    if sv._spans is None:
        out, pos = [], 0
        for t in sv.tokens:
            out.append((pos, pos + len(t), t))
            pos += len(t)
        sv._spans = out
    return sv._spans


def _is_name_token(tok: str) -> bool:
    if tok in stop_words():
        return False
    if _CJK_OR_WORD.match(tok):
        return True
    return all(ch in _NAME_PUNCT for ch in tok)


def name_start(sv: SentenceView, core_start: int, max_len: int = 24, min_start: int = 0,
               extra_stops: frozenset[str] = frozenset(),
               allowed: frozenset[str] = frozenset()) -> int:
    """Where the name that ends in a suffix at ``core_start`` begins, in the clean view."""
    spans = token_spans(sv)
    start = core_start
    for s, e, _t in spans:  # the suffix may start inside a token: 科学院 in 中国科学院
        if s < core_start < e:
            start = s
            break
    idx = next((i for i, (s, e, _t) in enumerate(spans) if e == start), None)
    opened = 0
    # a verb right before a separate ending belongs to the name: …“智改数转”推进工程
    adjacent = start == core_start
    while idx is not None and idx >= 0:
        s, e, tok = spans[idx]
        word_ok = _is_name_token(tok) or (adjacent and tok in name_verbs())
        adjacent = False
        if s < min_start or core_start - s > max_len or tok in extra_stops \
                or (tok not in allowed and not word_ok):
            break
        if tok in ("“", "《", "（", "("):
            if opened <= 0:
                break  # an opening quote before the name: it starts after it
            opened -= 1
        if tok in ("”", "》", "）", ")"):
            opened += 1
        start = s
        idx -= 1
    # a stop word glued to the name's first token: 推进智能制造 -> 智能制造, or one character
    # before it: 需提交联席会议 -> 联席会议
    text = sv.text
    changed = True
    while changed:
        changed = False
        for w in stop_prefixes():
            if text.startswith(w, start) and start + len(w) <= core_start:
                start += len(w)
                changed = True
                break
            glued = start + 1 + len(w)  # one jieba token: 需提交
            if text.startswith(w, start + 1) and glued <= core_start and start in sv.bounds \
                    and glued in sv.bounds and start + 1 not in sv.bounds:
                start += 1 + len(w)
                changed = True
                break
    start = strip_enumeration(text, start)
    # an English word glued before a Chinese name: "by江苏中科…研究院"
    latin = re.match(r"[a-z]+(?=[\u4e00-\u9fff])", text[start:core_start])
    if latin:
        start += latin.end()
    # a function word jieba glued to the name's first character: 将市科技孵化中心
    while start < core_start - 3 and text[start] in _GLUED_FUNCTION_CHARS:
        start += 1
    while start < core_start and text[start] in "”’）)、，":
        start += 1
    return start
