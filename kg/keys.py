"""Entity keys: the deterministic identity of what a mention names.

Owns: normalising a name for its key and the key of a mention (``place:320000``,
``org:工业和信息化部``, ``prog:“十四五”智能制造发展规划``). Imports nothing from ``kg`` but the
records, so every stage after mentions (linking, facts, triples) can use it without reaching back
into another stage.
"""
from __future__ import annotations

import re

from kg.types import PLACE_LABELS, Label, Mention

_KEY_PREFIX = {Label.PROGRAMME: "prog", Label.LAW: "law", Label.EVENT: "event",
               Label.PERSON: "person"}


def normalise(name: str) -> str:
    """The form of a name used in keys: no layout space, book quotes or dash variants."""
    name = re.sub(r"\s+", "", name).strip("《》")
    name = re.sub(r"[—–－―‐]+|-", "-", name)
    return name.replace("‘", "“").replace("’", "”")


def entity_key(m: Mention) -> str:
    """The deterministic identity of the entity a mention names."""
    if m.key:
        return m.key
    prefix = _KEY_PREFIX.get(m.label, "place" if m.label in PLACE_LABELS else "org")
    return f"{prefix}:{normalise(m.canonical or m.name)}"


__all__ = ["entity_key", "normalise"]
