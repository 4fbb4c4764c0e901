"""Facts between linked entities: relations, posts and targets of one document.

Owns: grouping a document's resolved mentions by sentence and handing each sentence to the
registered fact extractors (:mod:`kg.extractors.relations`, :mod:`kg.extractors.posts`,
:mod:`kg.extractors.targets`), then the place hierarchy (kgo:partOf) from the gazetteer.
"""
from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from kg.extractors.base import Passage, SentenceView
from kg.extractors.gazetteers import place_index
from kg.extractors.posts import extract_posts
from kg.extractors.relations import SentenceFacts, extract_relations
from kg.extractors.targets import extract_targets
from kg.link import entity_key
from kg.types import Entity, Label, Predicate, Relation

if TYPE_CHECKING:
    from kg.pipeline import DocumentResult


def _main_topic(passage: Passage, mentions: list, labels: set[Label]) -> str:
    """The programme or event an article is about: named in its title, else the most named."""
    in_title = [m for m in mentions if m.label in labels and m.start < passage.article.body_start]
    if in_title:
        return entity_key(in_title[0])
    counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        if m.label in labels:
            counts[entity_key(m)] += 1
    return max(sorted(counts), key=lambda k: counts[k]) if counts else ""


def extract_facts(result: DocumentResult, passages: list[Passage]) -> None:
    """Fill ``result`` with relations, posts and targets."""
    by_article: dict[int, list] = defaultdict(list)
    for m in result.mentions:
        by_article[0].append(m)
    for passage in passages:
        ms = [m for m in result.mentions
              if passage.article.start <= m.start < passage.article.end]
        topic = {
            "programme": _main_topic(passage, ms, {Label.PROGRAMME}),
            "event": _main_topic(passage, ms, {Label.EVENT}),
        }
        i = 0
        for sv in passage.sentences:
            s = sv.sentence
            in_sentence = [m for m in ms if s.start <= m.start and m.end <= s.end]
            sf = SentenceFacts(passage, sv, in_sentence, result.entities, topic)
            result.relations.extend(extract_relations(sf))
            result.posts.extend(extract_posts(sf))
            result.targets.extend(extract_targets(sf, passage, i))
            i += 1
    result.relations.extend(place_hierarchy(result))
    result.relations.sort()
    result.posts.sort()
    result.targets.sort()


def place_hierarchy(result: DocumentResult) -> list[Relation]:
    """kgo:partOf from each named place to its direct parent, up to the country, adding the
    parents as entities; evidence is the first sentence naming the child."""
    index = place_index()
    first: dict[str, tuple[int, int]] = {}
    for m in result.mentions:
        k = entity_key(m)
        if m.label.is_place and k not in first:
            sent = next((s for s in result.sentences if s.start <= m.start < s.end), None)
            if sent is not None:
                first[k] = (sent.start, sent.end)
    out = []
    for key, span in sorted(first.items()):
        child = key
        while True:
            row = index.get(child)
            if row is None or not row.parent_key or row.parent_key not in index:
                break
            parent = index[row.parent_key]
            if parent.key not in result.entities:
                result.entities[parent.key] = Entity(parent.key, Label(parent.type), parent.name,
                                                     (), parent.parent_key)
            out.append(Relation(result.doc.id, span[0], span[1], Predicate.PART_OF, child,
                                parent.key, "gazetteer.place"))
            child = parent.key
    return sorted(set(out))


__all__ = ["SentenceView", "extract_facts"]
