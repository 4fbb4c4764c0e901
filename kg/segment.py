"""Sentences and the word segmenter.

Owns: the one jieba tokenizer of the process (a private ``jieba.Tokenizer`` with the project's
dictionary, initialised once) and the split of an article body into sentences with offsets.
Also the *clean view* of a sentence: the text with layout whitespace (PDF spaces, page breaks)
removed, and a map back to document offsets, so extractors match "美\\n\\n敦力" as 美敦力.
Must not know about entities.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import marshal
import math
import os
import re
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import jieba

from kg.files import write_atomic
from kg.resources import read_text
from kg.types import Article, Document, Sentence

# Sentence ends: 。！？ and their ASCII forms, with closing quotes or brackets that follow them.
_SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*")
# A line that stops without sentence-final punctuation before a blank line was cut by a page break
# when it is long (a full printed line) or ends inside a clause: "…《规划》紧扣智能制造\n\n发展生态".
_TERMINAL = set("。！？!?；;：:…”’」』）)】")
_CLAUSE_OPEN = set("，,、（(“‘《【")
PAGE_LINE_MIN = 24
# a top-level heading: 一、1998年工作回顾和1999年工作的总体要求 (no clause punctuation)
_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、[^，。；：,;:]+$")
# a line that opens a block of its own, never the rest of a broken line: 一、…, （三）…, 1．…, ——…
_BLOCK_START = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*、|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                          r"\d{1,2}\s*[、．]|——|第[一二三四五六七八九十百\d]+[章节条部分]|"
                          # a credit line: 来源：河北日报, 文|财经E法 周敏, 编辑：…
                          r"(?:来源|作者|编辑|责任编辑)\s*[:：|｜]|文\s*[|｜])")
# a paragraph indent (two ideographic or ASCII spaces) opens a paragraph of its own: the line
# before it, however long and unpunctuated, is a heading, not a line a page break cut
# (四、…，保证建设和改革的顺利发展\n\n\u3000\u3000中国共产党第十三次全国代表大会确定了…)
_INDENT = re.compile(r"^(?:\u3000|  |\t)")
# a line that begins with a closing mark or a clause mark continues the line before it: no
# paragraph begins so (web pages put a link on a line of its own: 要认真贯彻《\n民族区域自治法\n》，…)
_CONTINUES = re.compile(r"^[\s\u200b]*[》〉）)”’」』，。、；：！？,.;:!?]")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
# layout: whitespace, and the zero-width characters web pages leave inside numbers (74.4\u200b万亿元)
_WS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


# the gazetteers whose names and short forms are words of the tokenizer's dictionary
_WORD_TABLES = ("agencies.tsv", "international_organizations.tsv", "research_organizations.tsv",
                "media.tsv", "companies.tsv", "events.tsv")
_CACHE_PREFIX = "policykg-jieba-"


class _Tokenizer(jieba.Tokenizer):
    """jieba's tokenizer with its word graph and best route computed faster, same words.

    jieba looks every fragment up twice (``in`` then ``[]``) and takes the logarithm of a
    word's frequency again at every position it could start; these two methods look a fragment
    up once and remember each word's log-probability, which makes a cut about a fifth faster.
    The route is the one jieba chooses (the same float sums, ties broken the same way): the
    tests compare the words with jieba's own on work reports. Words must not be added once
    it cuts (the remembered log-probabilities would be stale): the dictionary is complete
    when :func:`tokenizer` returns it."""

    def __init__(self) -> None:
        super().__init__()
        self._log_prob: dict[str, float] = {}
        self._log_total = 0.0

    def ready(self) -> None:
        """Start cutting with the dictionary as it is now."""
        self._log_prob = {}
        self._log_total = math.log(self.total)

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # noqa: N802 - jieba's name
        get = self.FREQ.get
        n = len(sentence)
        dag: dict[int, list[int]] = {}
        for k in range(n):
            ends = []
            i = k
            freq = get(sentence[k])
            while freq is not None:  # a fragment of the dictionary: a word or a word's prefix
                if freq:
                    ends.append(i)
                i += 1
                if i >= n:
                    break
                freq = get(sentence[k:i + 1])
            dag[k] = ends or [k]
        return dag

    def calc(self, sentence: str, DAG: dict[int, list[int]],  # noqa: N803 - jieba's name
             route: dict[int, tuple[float, int]]) -> None:
        n = len(sentence)
        route[n] = (0, 0)
        log_prob, get, log_total = self._log_prob, self.FREQ.get, self._log_total
        for idx in range(n - 1, -1, -1):
            best: tuple[float, int] | None = None
            for x in DAG[idx]:
                word = sentence[idx:x + 1]
                lp = log_prob.get(word)
                if lp is None:
                    lp = log_prob[word] = math.log(get(word) or 1) - log_total
                step = (lp + route[x + 1][0], x)
                if best is None or step > best:  # max(): the first of equal steps
                    best = step
            route[idx] = best  # type: ignore[assignment]


@functools.cache
def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer, loaded once with the project's dictionary.

    The dictionary with the project's words is kept in a cache file beside jieba's own, read in
    one piece: jieba's ``marshal.load`` from an open file takes three times as long as
    ``marshal.loads`` of the same bytes (1.0 s against 0.3 s here), and that load is most of
    the serial start of every build."""
    jieba.setLogLevel(logging.WARNING)
    tok = _Tokenizer()
    words = _project_words()
    cache = Path(tempfile.gettempdir()) / f"{_CACHE_PREFIX}{_words_key(words)}.cache"
    try:
        tok.FREQ, tok.total = marshal.loads(cache.read_bytes())
        tok.initialized = True
        tok.ready()
        return tok
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache yet, or a broken one: build the dictionary and write it again
    tok.initialize()
    for word, freq in words:
        tok.add_word(word, freq)
    _write_cache(cache, marshal.dumps((tok.FREQ, tok.total)))
    tok.ready()
    return tok


@functools.cache
def name_words() -> frozenset[str]:
    """The official names and short forms of the gazetteers that are words of the tokenizer
    (上交所, 工信部): a body's name, never a verb or a function word."""
    return frozenset(_gazetteer_words())


def _gazetteer_words() -> Iterator[str]:
    from kg.resources import split_aliases, table
    for name in _WORD_TABLES:
        for row in table(name):
            for word in (row["name"], *split_aliases(row.get("aliases", ""))):
                if len(word) >= 2:
                    yield word


def _project_words() -> list[tuple[str, int | None]]:
    """The words the project adds to jieba's dictionary, in order: its user dictionary, then
    every official name and short form of the gazetteers as one word, so jieba's HMM does not
    glue it to its neighbour (工业和信息化部等 -> 工业和信息化部 / 等)."""
    words: list[tuple[str, int | None]] = []
    for line in read_text("dictionaries", "user.dict").splitlines():
        if line and not line.startswith("#"):
            word, _, freq = line.partition(" ")
            words.append((word, int(freq.split()[0]) if freq.strip() else None))
    words.extend((word, 2000) for word in _gazetteer_words())
    return words


def _words_key(words: list[tuple[str, int | None]]) -> str:
    """What the cached dictionary depends on: jieba's version and dictionary, and the words."""
    h = hashlib.sha256(jieba.__version__.encode())
    try:
        stat = os.stat(Path(jieba.__file__).with_name("dict.txt"))
        h.update(f"|{stat.st_size}|{stat.st_mtime_ns}".encode())
    except OSError:
        pass
    for word, freq in words:
        h.update(f"\n{word} {freq}".encode())
    return h.hexdigest()[:16]


def _write_cache(path: Path, data: bytes) -> None:
    """Write the dictionary cache atomically and drop the ones of other versions; a cache that
    cannot be written (a read-only temp folder) only costs the next start its time."""
    try:
        write_atomic(path, data)
    except OSError:
        return
    for old in path.parent.glob(f"{_CACHE_PREFIX}*.cache"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def word_frequency(word: str) -> int:
    """How often jieba's dictionary (with the project's own words) counts ``word``: 0 for what
    is no word of it (体育竞赛 is one; 2023年度院士增选指南 is not)."""
    return tokenizer().FREQ.get(word, 0)


def tokens(text: str) -> list[str]:
    """jieba's segmentation of ``text`` (accurate mode, HMM on for unknown names)."""
    return tokenizer().lcut(text, HMM=True)


def is_page_break(line: str) -> bool:
    """Whether a paragraph ending in ``line`` continues after the blank line(s) that follow."""
    s = _WS.sub("", line)
    if not s or (_HEADING.match(s) and len(s) <= 40):
        return False  # a heading (一、1998年工作回顾和1999年工作的总体要求) is a line of its own
    if s[-1] in _CLAUSE_OPEN:
        return True
    return len(s) >= PAGE_LINE_MIN and s[-1] not in _TERMINAL


# a row of a table: cells apart by tabs, or a row number and cells apart by spaces (1 北京
# 北京小米智能科技有限公司 小米汽车超级工厂), two of them at least two characters long, no clause
_CELL_GAP = re.compile(r"[ \t\u3000]+")
_NUMBERED_ROW = re.compile(r"^[ \t\u3000]*\d{1,4}[ \t\u3000]+\S")


def is_table_row(line: str) -> bool:
    """Whether a line is a row of a table, its cells apart by whitespace."""
    line = line.strip()
    if "\n" in line or not (_NUMBERED_ROW.match(line) or line.count("\t") >= 2) \
            or any(ch in line for ch in "，。；！？"):
        return False
    cells = _CELL_GAP.split(line)
    return len(cells) >= 3 and sum(len(c) >= 2 for c in cells) >= 2


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs in ``text[start:end]``, page-broken paragraphs joined; a table's
    row is a paragraph of its own."""
    para_start: int | None = None
    last_line = ""
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        if not _WS.sub("", line):
            continue  # blank, or only zero-width characters
        if para_start is not None and not _CONTINUES.match(line) \
                and (not is_page_break(last_line) or _BLOCK_START.match(line)
                     or _INDENT.match(line) or is_table_row(line) or is_table_row(last_line)):
            yield para_start, line_start
            para_start = None
        if para_start is None:
            para_start = line_start
        last_line = line
    if para_start is not None:
        yield para_start, end


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def segment(doc: Document, article: Article) -> list[Sentence]:
    """Split an article body into sentences, each with offsets into ``doc.text``.

    >>> # "近日，…联合印发《规划》。《规划》的编制背景" -> two sentences (a heading is its own)
    """
    out: list[Sentence] = []
    text = doc.text
    for p_start, p_end in _paragraphs(text, article.body_start, article.end):
        s = p_start
        for m in _SENTENCE_END.finditer(text, p_start, p_end):
            for a, b in bounded(text, s, m.end()):
                out.append(Sentence(doc.id, a, b, article.n, text[a:b]))
            s = m.end()
        for a, b in bounded(text, s, p_end):
            out.append(Sentence(doc.id, a, b, article.n, text[a:b]))
    return out


# A sentence longer than this is cut (on a clause mark, else a space, else between two Chinese
# characters): rules that pair the names of a sentence then cost at most a constant per
# sentence, so a document without punctuation builds in linear time. Real sentences of policy
# text are shorter (the longest of the 72 work reports has about 400 characters).
MAX_SENTENCE = 600
_SAFE_CUT = re.compile(r"[，；、,;]")


def bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The non-empty spans of ``text[start:end]`` (stripped), each at most MAX_SENTENCE long."""
    start, end = _strip_span(text, start, end)
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        window = text[start + MAX_SENTENCE // 2:limit]
        cuts = [m.end() for m in _SAFE_CUT.finditer(window)]
        if cuts:
            cut = start + MAX_SENTENCE // 2 + cuts[-1]
        else:
            space = window.rfind(" ")
            cut = start + MAX_SENTENCE // 2 + space + 1 if space >= 0 else limit
            # never inside a number or a Latin word
            while cut > start + 1 and _is_ascii_word(text[cut - 1]) and _is_ascii_word(text[cut]):
                cut -= 1
        a, b = _strip_span(text, start, cut)
        if b > a:
            yield a, b
        start = cut
    a, b = _strip_span(text, start, end)
    if b > a:
        yield a, b


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".-_+")


@functools.cache
def _t2s() -> dict[int, str]:
    table = {}
    for line in read_text("dictionaries", "t2s_chars.tsv").splitlines()[2:]:
        trad, _, simp = line.partition("\t")
        if trad and simp:
            table[ord(trad)] = simp
    return table


def is_traditional(text: str, sample: int = 20_000) -> bool:
    """Whether a text is written in traditional characters (1% of its Han characters are
    traditional-only), so that matching should see it converted."""
    table = _t2s()
    han = [ch for ch in text[:sample] if "\u4e00" <= ch <= "\u9fff"]
    return bool(han) and sum(1 for ch in han if ord(ch) in table) >= max(2, len(han) // 100)


def to_simplified(text: str) -> str:
    """Character-by-character conversion (OpenCC's table): offsets are kept."""
    return text.translate(_t2s())


# full-width digits, letters, ％ and the decimal point ． of older official texts (１９８７年,
# ９．５％); Chinese punctuation (，：；（）) stays. One character each, so offsets are kept.
# a full-width comma between digits, three after it: a thousands separator of older texts
_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]")
_HALF_WIDTH = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                                 *range(0xFF41, 0xFF5B), 0xFF05, 0xFF0E)}


@dataclass(frozen=True, slots=True)
class TextView:
    """A sentence with layout whitespace removed and a map back to document offsets.

    Whitespace is dropped except one space between two ASCII words ("AI Labs"), so
    "2021 世界智能制造大会" reads 2021世界智能制造大会 and "十\\n\\n四五" reads 十四五.
    """

    text: str
    offsets: Sequence[int]  # offsets[i] = document offset of text[i] (a range when no gaps)
    end: int  # document offset just past the sentence

    @classmethod
    def of(cls, sentence: Sentence, simplified: bool = False) -> TextView:
        """The clean view of a sentence; ``simplified`` converts traditional characters so
        that 國務院 matches 国务院 (the document keeps its own characters)."""
        raw = to_simplified(sentence.text) if simplified else sentence.text
        if _FULL_WIDTH.search(raw):
            raw = raw.translate(_HALF_WIDTH)  # １９８７年 reads 1987年, ％ reads %
        if "，" in raw:
            raw = _THOUSANDS.sub(",", raw)  # ５，２５０万元 reads 5,250万元: no clause ends there
        if not _WS.search(raw):  # most sentences: the view is the text itself
            return cls(raw, range(sentence.start, sentence.end), sentence.end)
        row = is_table_row(raw)  # a table's cells stay apart: one space between two
        chars: list[str] = []
        offsets: list[int] = []
        i = 0
        while i < len(raw):
            ch = raw[i]
            if ch.isspace() or ch in _ZERO_WIDTH:
                j = i
                while j < len(raw) and (raw[j].isspace() or raw[j] in _ZERO_WIDTH):
                    j += 1
                # one space between two ASCII words (AI Labs), none inside a number (１ ５ reads 15)
                if chars and j < len(raw) and (row or (
                        _is_ascii_word(chars[-1]) and _is_ascii_word(raw[j])
                        and "\n" not in raw[i:j] and not (chars[-1].isdigit() and raw[j].isdigit()))):
                    chars.append(" ")
                    offsets.append(sentence.start + i)
                i = j
                continue
            chars.append(ch)
            offsets.append(sentence.start + i)
            i += 1
        return cls("".join(chars), tuple(offsets), sentence.end)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of ``self.text[start:end]``."""
        return self.offsets[start], self.offsets[end - 1] + 1


def clean(text: str) -> str:
    """``text`` with layout whitespace removed, as in :class:`TextView`."""
    return TextView.of(Sentence("", 0, len(text), 0, text)).text
