"""Countries named by one character in a list: 美德日等工业发达国家 -> 美国, 德国, 日本.

Owns: runs of one-character country forms (``country_initials.tsv``) that stand as words of
their own and are followed by a word for countries (等…国家, 两国); a run that is a word of its
own (美德, virtue) needs that context too, so 弘扬美德 names no country.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extractors.base import Passage, register
from kg.resources import places, table
from kg.types import Label, Mention

# what follows a list of countries: 等工业发达国家, 等国, 两国, 三国
_COUNTRIES_FOLLOW = re.compile(r"(?:等[\u4e00-\u9fff]{0,8}?国|[两三四五六七八九]国)")


@functools.cache
def _initials() -> dict[str, tuple[str, str]]:
    """One character -> the key and name of its country."""
    keys = {p.name: p.key for p in places() if p.type == "Country"}
    return {r["initial"]: (keys[r["country"]], r["country"])
            for r in table("country_initials.tsv") if r["country"] in keys}


@register("pattern.country_list", labels={Label.COUNTRY})
def make_country_list_extractor(name: str):
    """美德日等工业发达国家 -> 美 (美国), 德 (德国), 日 (日本); 中美两国 -> 中国, 美国."""
    initials = _initials()
    run = re.compile(f"[{''.join(initials)}]{{2,8}}")

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            text = sv.text
            for m in run.finditer(text):
                a, b = m.span()
                chars = m.group()
                if len(set(chars)) != len(chars) or a not in sv.bounds and a != 0 \
                        or b not in sv.bounds or not _COUNTRIES_FOLLOW.match(text, b):
                    continue
                for i, ch in enumerate(chars):
                    key, country = initials[ch]
                    yield sv.mention(a + i, a + i + 1, Label.COUNTRY, name, canonical=country,
                                     key=key, doc=passage.doc)
    return extract
