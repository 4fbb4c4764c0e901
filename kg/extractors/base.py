"""What every extractor shares: the passage it reads, the registry, and matching helpers.

Owns: :class:`Passage` (an article with its sentences, their clean views and jieba tokens,
computed once), the registry of extractors by name, and the longest-first gazetteer matcher.
Must not decide what an entity is: that is each extractor's job.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
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

    @property
    def text(self) -> str:
        return self.view.text

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
    """Exact, longest-first matching of many surface forms (Aho-Corasick)."""

    def __init__(self, entries: Iterable[tuple[str, object]]) -> None:
        self._automaton = ahocorasick.Automaton()
        for surface, value in entries:
            if surface:
                self._automaton.add_word(surface, (surface, value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str, accept: Callable[[int, int], bool] | None = None
             ) -> Iterator[tuple[int, int, object]]:
        """Non-overlapping matches ``(start, end, value)``, longest first, then leftmost.

        ``accept`` rejects a candidate before it can block a shorter one (苏州市 cut by
        市委常委 gives way to 苏州)."""
        if self._empty:
            return
        hits = [(end + 1 - len(s), end + 1, v) for end, (s, v) in self._automaton.iter(text)]
        if not hits:
            return
        if accept is not None:
            hits = [h for h in hits if accept(h[0], h[1])]
        if len(hits) == 1:
            yield hits[0]
            return
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken = bytearray(len(text))
        chosen = []
        for a, b, v in hits:
            if not any(taken[a:b]):
                taken[a:b] = b"\x01" * (b - a)
                chosen.append((a, b, v))
        yield from sorted(chosen, key=lambda h: h[0])


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
