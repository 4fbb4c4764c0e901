"""Local party and state bodies: 省工信厅, 江苏省科技厅, 镇江市政府, 苏州市委, and their units.

Owns: the naming patterns of local bodies (``local_agencies.tsv``) resolved against a place
written before them or, for a bare 省/市 prefix, the place the article is about; and sub-units
written after an agency (工信部装备工业一司, 省工信厅中小企业局).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, register
from kg.extractors.gazetteers import place_before, places_ending
from kg.resources import table
from kg.types import Label, Mention

# a unit inside an agency: 装备工业一司, 中小企业局, 服务体系建设处 (not 部长, not a clause)
_SUB_UNIT = re.compile(r"[\u4e00-\u9fff]{2,8}?[一二三四五六七八九十]?(?:司|局|处|办公室)")
_NOT_IN_UNIT = set("的在等将与为是了对于及或并和长")


def _full_name(place_name: str, body: str) -> str:
    if "{place}" in body:
        return body.replace("{place}", place_name)
    return place_name + body


def sub_unit(sv: SentenceView, end: int) -> int:
    """End of a unit name written right after an agency ending at ``end`` (or ``end``)."""
    m = _SUB_UNIT.match(sv.text, end)
    if m and not set(m.group()) & _NOT_IN_UNIT and (m.end() in sv.bounds):
        return m.end()
    return end


@register("pattern.local_agency", labels={Label.AGENCY})
def make_local_agency_extractor(name: str):
    """Local bodies resolved to their full official names.

    省工信厅中小企业局 (in a Jiangsu article) -> 江苏省工业和信息化厅中小企业局;
    镇江市政府 -> 镇江市人民政府; 苏州市委 -> 中共苏州市委员会.
    """
    rows = table("local_agencies.tsv")
    gaz = Gazetteer((r["short"], r["full"]) for r in rows)

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            ends = places_ending(passage, sv)
            for a, b, full in gaz.find(sv.text):
                found = place_before(passage, sv, ends, a)
                if found is None:
                    continue
                place_name, start = found
                if full == "中共{place}委员会" and b - a != 1:
                    continue
                canonical = _full_name(place_name, str(full))
                parent = ""
                end = sub_unit(sv, b)
                if end > b:
                    parent = f"org:{canonical}"
                    canonical += sv.text[b:end]
                yield sv.mention(start, end, Label.AGENCY, name, canonical=canonical,
                                 key=f"org:{canonical}", parent_key=parent, doc=passage.doc)
    return extract


@register("pattern.agency_unit", labels={Label.AGENCY})
def make_agency_unit_extractor(name: str):
    """Units of central agencies: 工信部装备工业一司司长 -> 工信部装备工业一司 (工业和信息化部装备工业一司)."""
    from kg.extractors.gazetteers import agency_rows
    gaz = Gazetteer((s, canonical) for _k, label, canonical, aliases in agency_rows()
                    if label is Label.AGENCY for s in {canonical, *aliases})

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            for a, b, canonical in gaz.find(sv.text):
                end = sub_unit(sv, b)
                if end > b:
                    full = str(canonical) + sv.text[b:end]
                    yield sv.mention(a, end, Label.AGENCY, name, canonical=full,
                                     key=f"org:{full}", parent_key=f"org:{canonical}",
                                     doc=passage.doc)
    return extract
