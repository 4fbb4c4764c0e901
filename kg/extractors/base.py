"""What every extractor shares: the passage it reads, the registry, and matching helpers.

Owns: :class:`Passage` (an article with its sentences, their clean views and jieba tokens,
computed once), the registry of extractors by name, and the longest-first gazetteer matcher.
Must not decide what an entity is: that is each extractor's job.
"""
from __future__ import annotations

import functools
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import ahocorasick

from kg.errors import ConfigError
from kg.segment import TextView, tokens
from kg.types import Article, Document, Label, Mention, Sentence


@dataclass(slots=True)
class SentenceView:
    """A sentence, its clean view and the token boundaries of that view."""

    sentence: Sentence
    view: TextView
    _bounds: frozenset[int] | None = None
    _tokens: list[str] | None = None
    _spans: list[tuple[int, int, str]] | None = None
    # the clean view's text, as an attribute: extractors read it over a million times a corpus
    text: str = field(init=False)

    def __post_init__(self) -> None:
        self.text = self.view.text

    @property
    def tokens(self) -> list[str]:
        if self._tokens is None:
            self._tokens = tokens(self.view.text)
        return self._tokens

    @property
    def bounds(self) -> frozenset[int]:
        """Offsets in the clean view where a jieba token starts or ends."""
        if self._bounds is None:
            pos, out = 0, {0}
            for t in self.tokens:
                pos += len(t)
                out.add(pos)
            self._bounds = frozenset(out)
        return self._bounds

    def mention(self, start: int, end: int, label: Label, extractor: str, *,
                canonical: str = "", key: str = "", parent_key: str = "",
                doc: Document) -> Mention:
        """A mention for ``self.text[start:end]``, with document offsets."""
        a, b = self.view.span(start, end)
        return Mention(doc.id, a, b, label, doc.text[a:b], self.text[start:end], extractor,
                       canonical, key, parent_key)


@dataclass(slots=True)
class Passage:
    """One article of a document, ready for extraction."""

    doc: Document
    article: Article
    sentences: list[SentenceView]
    context: dict[str, str] = field(default_factory=dict)  # e.g. {"province": key}
    cache: dict[str, object] = field(default_factory=dict)  # shared work of extractors


MentionExtractor = Callable[[Passage], Iterable[Mention]]


@dataclass(frozen=True, slots=True)
class Registration:
    """A registered extractor: its name, the labels it produces, its factory."""

    name: str
    labels: frozenset[Label]
    factory: Callable[[str], MentionExtractor]


_REGISTRY: dict[str, Registration] = {}


def register(name: str, labels: Iterable[Label]) -> Callable[[Callable[[str], MentionExtractor]],
                                                             Callable[[str], MentionExtractor]]:
    """Register a mention-extractor factory under ``name`` (written into provenance)."""
    def deco(factory: Callable[[str], MentionExtractor]) -> Callable[[str], MentionExtractor]:
        if name in _REGISTRY:
            raise ConfigError(f"Extractor {name!r} is registered twice")
        _REGISTRY[name] = Registration(name, frozenset(labels), factory)
        return factory
    return deco


def registered() -> dict[str, Registration]:
    """All registered extractors by name."""
    return dict(_REGISTRY)


@functools.cache
def make_extractor(name: str) -> MentionExtractor:
    """The extractor registered as ``name``, built once."""
    try:
        reg = _REGISTRY[name]
    except KeyError:
        raise ConfigError(f"Unknown extractor {name!r}. Available: {', '.join(sorted(_REGISTRY))}") \
            from None
    return reg.factory(name)


class Gazetteer:
    """Exact, longest-first matching of many surface forms (Aho-Corasick).

    The packaged tables are many (places, agencies, media, companies, stocks, titles, name
    endings…), and scanning a sentence costs about the same for a small table as for a large
    one: so every shared gazetteer is compiled into one automaton, each text is scanned once for
    all of them, and each gazetteer reads its own hits from that scan. A gazetteer made for one
    document (``shared=False``) keeps an automaton of its own.
    """

    _shared: weakref.WeakValueDictionary[int, Gazetteer] = weakref.WeakValueDictionary()
    _combined: ahocorasick.Automaton | None = None
    _compiled: frozenset[int] = frozenset()
    _scans: dict[str, dict[int, list[tuple[int, int, object]]]] = {}
    _next_id = 0
    MAX_SCANS = 50_000  # texts whose scans are remembered (a few articles' sentences)

    def __init__(self, entries: Iterable[tuple[str, object]], shared: bool = True) -> None:
        # one value a surface; a later entry replaces an earlier one
        self._entries = list({surface: value for surface, value in entries if surface}.items())
        self._empty = not self._entries
        self._id = Gazetteer._next_id
        Gazetteer._next_id += 1
        self._automaton: ahocorasick.Automaton | None = None
        if shared:
            Gazetteer._shared[self._id] = self
            Gazetteer._combined, Gazetteer._scans = None, {}  # scans so far lack this table
        else:
            self._automaton = ahocorasick.Automaton()
            for surface, value in self._entries:
                self._automaton.add_word(surface, (surface, value))
            if not self._empty:
                self._automaton.make_automaton()

    @classmethod
    def compile_shared(cls) -> None:
        """Compile every shared gazetteer into the one automaton (done on first use; call it
        before forking workers so that they inherit it)."""
        live = dict(cls._shared.items())
        if cls._combined is not None:
            return
        by_surface: dict[str, list[tuple[int, object]]] = {}
        for gid, gaz in live.items():
            for surface, value in gaz._entries:
                by_surface.setdefault(surface, []).append((gid, value))
        automaton = ahocorasick.Automaton()
        for surface, owners in by_surface.items():
            automaton.add_word(surface, (len(surface), tuple(owners)))
        if by_surface:
            automaton.make_automaton()
        cls._combined, cls._compiled = automaton, frozenset(live)
        cls._scans = {}

    @classmethod
    def _scan(cls, text: str) -> dict[int, list[tuple[int, int, object]]]:
        scan = cls._scans.get(text)
        if scan is None:
            if cls._combined is None:
                cls.compile_shared()
            scan = {}
            if len(cls._compiled):
                for end, (n, owners) in cls._combined.iter(text):  # type: ignore[union-attr]
                    for gid, value in owners:
                        scan.setdefault(gid, []).append((end + 1 - n, end + 1, value))
            if len(cls._scans) >= cls.MAX_SCANS:
                cls._scans = {}
            cls._scans[text] = scan
        return scan

    def find(self, text: str, accept: Callable[[int, int], bool] | None = None
             ) -> list[tuple[int, int, object]]:
        """Non-overlapping matches ``(start, end, value)``, longest first, then leftmost.

        ``accept`` rejects a candidate before it can block a shorter one (苏州市 cut by
        市委常委 gives way to 苏州)."""
        # a list, not a generator: most of a corpus's 600,000 calls find nothing
        if self._empty or not text:
            return []  # no scan: factories look up "" to create their tables, not to compile
        if self._automaton is not None:
            hits = [(end + 1 - len(s), end + 1, v) for end, (s, v) in self._automaton.iter(text)]
        else:
            hits = self._scan(text).get(self._id)  # type: ignore[assignment]
        if not hits:
            return []
        hits = [h for h in hits if not _inside_latin_word(text, h[0], h[1])]
        if accept is not None:
            hits = [h for h in hits if accept(h[0], h[1])]
        if len(hits) < 2:
            return list(hits)  # never hand out a shared scan's own list
        hits = sorted(hits, key=lambda h: (h[0] - h[1], h[0]))
        taken = bytearray(len(text))
        chosen = []
        for a, b, v in hits:
            if not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                chosen.append((a, b, v))
        chosen.sort(key=lambda h: h[0])
        return chosen


def _latin(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """Whether a match cuts a Latin word or number (Intel in Intelligence, 360 in 1360): Chinese
    has no spaces to check, but a Latin name in Chinese text still ends where its word ends."""
    return (start > 0 and _latin(text[start]) and _latin(text[start - 1])) \
        or (end < len(text) and _latin(text[end - 1]) and _latin(text[end]))


def aligned(sv: SentenceView, start: int, end: int) -> bool:
    """Whether a match starts and ends on jieba token boundaries (其中国家级 has no 中国)."""
    return start in sv.bounds and end in sv.bounds


def short_aligned(sv: SentenceView, start: int, end: int, short: int = 3) -> bool:
    """Long names match anywhere; short ones on token boundaries, except that a place's
    level character may be glued to the next word (苏州市 in 苏州市委常委)."""
    if end - start > short:
        return True
    if start not in sv.bounds:
        return False
    # a full place name ending in its level character is unambiguous even when jieba glued
    # it to what follows (江苏省人民政府 is one token)
    return end in sv.bounds or sv.text[end - 1] in "省市区县"
