"""The extraction of one document, stage by stage, into a :class:`DocumentResult`.

Owns: the order of the stages (articles, sentences, places and context, mentions, linking,
facts). Must not write files or print: the builder and the CLI do.
"""
from __future__ import annotations

from collections import Counter

from kg.extractors import DEFAULT_EXTRACTORS, Passage, load_builtins, make_extractor
from kg.extractors.base import SentenceView
from kg.extractors.gazetteers import CONTEXT_LEVEL, ancestors, find_places, place_index
from kg.facts import extract_facts
from kg.ingest import split_articles
from kg.ingest.articles import matter
from kg.link import (
    link,
    name_official_titles,
    place_written_short,
    propagate,
    resolve_abbreviations,
    resolve_overlaps,
)
from kg.segment import TextView, bounded, is_traditional, segment
from kg.types import Article, Document, DocumentResult, Label, Mention, Sentence


def _title_sentences(doc: Document, article: Article) -> list[Sentence]:
    """The title as a sentence of its article (from the 目录 when the body lost it); a "title"
    longer than a sentence may be (a file of one unbroken line) is cut like one."""
    if article.title_start < 0 or article.title_end <= article.title_start:
        return []
    return [Sentence(doc.id, a, b, article.n, doc.text[a:b])
            for a, b in bounded(doc.text, article.title_start, article.title_end)]


def passages(doc: Document) -> list[Passage]:
    """The articles of ``doc`` with their sentences and place context."""
    out = []
    simplified = is_traditional(doc.text)
    for article in split_articles(doc) + matter(doc):
        sents = segment(doc, article)
        sents[:0] = _title_sentences(doc, article)
        views = [SentenceView(s, TextView.of(s, simplified)) for s in sents if s.text.strip()]
        passage = Passage(doc, article, views)
        passage.context.update(place_context(passage))
        out.append(passage)
    return out


def place_context(passage: Passage) -> dict[str, str]:
    """The province and city an article is about: the most named ones, the title counting
    three times; a named city gives its province."""
    counts: dict[str, Counter[str]] = {"province": Counter(), "city": Counter(),
                                       "district": Counter()}
    title_end = passage.article.body_start
    index = place_index()
    for m in find_places(passage, "gazetteer.place"):
        weight = 3 if m.start < title_end else 1
        row = index.get(m.key)
        if row is None or row.type not in CONTEXT_LEVEL:
            continue
        counts[CONTEXT_LEVEL[row.type]][m.key] += weight
        for a in ancestors(m.key):
            ar = index.get(a)
            if ar is not None and ar.type in CONTEXT_LEVEL:
                counts[CONTEXT_LEVEL[ar.type]][a] += weight / 2  # named places outweigh parents
    context = {}
    for level, c in counts.items():
        if c:
            context[level] = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    province = index.get(context.get("province", ""))
    if "city" not in context and province is not None and province.name.endswith("市"):
        context["city"] = province.key  # 上海市 is its own city: 市委, 副市长 are Shanghai's
    return context


def extract_document(doc: Document) -> DocumentResult:
    """Run every stage on one document."""
    load_builtins()
    ps = passages(doc)
    mentions: list[Mention] = []
    companies: list[Mention] = []  # every company found, also one inside a longer name
    for passage in ps:
        found: list[Mention] = []
        for name in DEFAULT_EXTRACTORS:
            found.extend(make_extractor(name)(passage))
        companies.extend(m for m in found if m.label is Label.COMPANY)
        chosen = resolve_overlaps(found)
        mentions.extend(name_official_titles(passage, resolve_abbreviations(passage, chosen)))
    mentions = place_written_short(propagate(ps, sorted(mentions), companies))
    entities = link(mentions)
    result = DocumentResult(doc, [p.article for p in ps],
                            sorted(sv.sentence for p in ps for sv in p.sentences), mentions,
                            entities)
    extract_facts(result, ps)
    return result


__all__ = ["DocumentResult", "extract_document", "passages"]
