"""Running one extractor, or the whole mention stage, on one sentence."""
from __future__ import annotations

from kg.extractors import DEFAULT_EXTRACTORS, Passage, load_builtins, make_extractor
from kg.extractors.base import SentenceView
from kg.link import resolve_overlaps
from kg.segment import TextView
from kg.types import Article, Document, Mention, Sentence

load_builtins()


def passage_of(text: str, context: dict[str, str] | None = None) -> Passage:
    doc = Document("t", "t.txt", text)
    sentence = Sentence("t", 0, len(text), 1, text)
    article = Article("t", 1, "", "", "", 0, len(text), 0)
    return Passage(doc, article, [SentenceView(sentence, TextView.of(sentence))], dict(context or {}))


def run(name: str, text: str, context: dict[str, str] | None = None) -> list[Mention]:
    """Mentions of one extractor; offsets checked against the text."""
    out = list(make_extractor(name)(passage_of(text, context)))
    for m in out:
        assert text[m.start:m.end] == m.text
    return out


def chosen(text: str, context: dict[str, str] | None = None) -> list[tuple[str, str, str]]:
    """(label, surface, canonical) of every mention the linker keeps."""
    p = passage_of(text, context)
    found = [m for n in DEFAULT_EXTRACTORS for m in make_extractor(n)(p)]
    return [(m.label.value, m.name, m.canonical) for m in resolve_overlaps(found)]
