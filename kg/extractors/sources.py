"""The outlet or agency an article names as its source: （来源：人民日报）.

Owns: the source mention. The pattern is the one the article splitter uses to read the source
line, so the two always agree.
"""
from __future__ import annotations

from collections.abc import Iterator

from kg.extractors.base import Passage, register
from kg.ingest.articles import SOURCE_LINE
from kg.types import Label, Mention


@register("pattern.source", labels={Label.MEDIA})
def make_source_extractor(name: str):
    """The outlet of an article's （来源：…） line: （来源：人民日报） -> 人民日报 (MediaOutlet).

    An agency named there (（来源：科技部）) keeps its class: agency extractors claim the span.
    """
    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            for m in SOURCE_LINE.finditer(sv.text):
                yield sv.mention(m.start("src"), m.end("src"), Label.MEDIA, name,
                                 canonical=m.group("src").strip(), doc=passage.doc)
    return extract
