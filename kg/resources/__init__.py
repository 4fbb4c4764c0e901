"""Packaged data: gazetteers, dictionaries and queries, loaded once via importlib.resources.

Owns: reading the TSV files under ``kg/resources/`` into typed rows. Must not match text.
Every table starts with ``#`` comment lines naming its source, then a header row.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from kg.errors import ResourceError

_PACKAGE = __name__


def read_text(*parts: str) -> str:
    """The text of a packaged resource file, e.g. ``read_text("gazetteers", "media.tsv")``."""
    node = resources.files(_PACKAGE)
    for part in parts:
        node = node / part
    try:
        return node.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as e:
        raise ResourceError(f"Missing packaged resource {'/'.join(parts)}: {e}") from e


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of ``gazetteers/NAME`` as dicts keyed by its header."""
    lines = [ln for ln in read_text("gazetteers", name).splitlines() if ln and not ln.startswith("#")]
    if not lines:
        return []
    # tab-separated, no quoting: a plain split reads it as csv would, at a third of the cost
    # (the tables are read before every build)
    header = lines[0].split("\t")
    rows = []
    for i, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ResourceError(f"gazetteers/{name}: row {i} has the wrong number of columns")
        rows.append(dict(zip(header, (c.strip() for c in cells))))
    return rows


def split_aliases(value: str) -> tuple[str, ...]:
    """The names of a ``|``-separated alias column."""
    return tuple(a for a in value.split("|") if a)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place of the gazetteer: key, name, class, parent key, other names."""

    key: str  # "place:<GB/T 2260 code>" or "place:<country name>"
    name: str
    type: str  # Country, Province, City, District
    parent_key: str
    aliases: tuple[str, ...]


@functools.cache
def places() -> tuple[PlaceRow, ...]:
    """Administrative divisions of China, countries, and regions of other countries."""
    rows = [PlaceRow(f"place:{r['code']}", r["name"], r["type"],
                     f"place:{r['parent']}" if r["parent"] else "", split_aliases(r["aliases"]))
            for r in read_table("places.tsv")]
    country_key = {"中国": "place:100000"}
    for r in read_table("countries.tsv"):
        key = f"place:{r['name']}"
        country_key[r["name"]] = key
        aliases = (r["official"],) if r["official"] != r["name"] else ()
        rows.append(PlaceRow(key, r["name"], "Country", "", aliases))
    for r in read_table("foreign_regions.tsv"):
        rows.append(PlaceRow(f"place:{r['country']}/{r['name']}", r["name"], r["type"],
                             country_key.get(r["country"], ""), split_aliases(r["aliases"])))
    return tuple(rows)


@functools.cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """A cached gazetteer table."""
    return tuple(read_table(name))


@functools.cache
def surnames() -> frozenset[str]:
    """Chinese family names (surnames.tsv)."""
    return frozenset(r["surname"] for r in read_table("surnames.tsv"))
