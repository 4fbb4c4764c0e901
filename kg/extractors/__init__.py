"""Extractors: one module per kind of entity or fact, registered by name.

The built-in extractors are listed once, here, and loaded through the same registry an outside
plugin would use. Their names are written into provenance: renaming one is a data change.
"""
from kg.extractors.base import Passage, make_extractor, register, registered

# Mention extractors, in priority order: on spans of equal length the earlier one wins.
DEFAULT_EXTRACTORS = (
    "gazetteer.agency",
    "pattern.local_agency",
    "pattern.agency_unit",
    "gazetteer.media",
    "gazetteer.company",
    "gazetteer.stock",
    "gazetteer.place",
    "gazetteer.event",
    "gazetteer.programme",
    "pattern.zone",
    "pattern.country_list",
    "pattern.person",
    "pattern.org_unit",
    "pattern.organization",
    "pattern.data_firm",
    "pattern.listed_company",
    "pattern.employer",
    "pattern.event",
    "pattern.programme",
    "pattern.listed_project",
    "pattern.official_title",
    "pattern.work_report",
    "pattern.source",
)
GAZETTEER_EXTRACTORS = frozenset(DEFAULT_EXTRACTORS[:9])
# chosen before the open patterns: known names, and people found next to their titles
TRUSTED_EXTRACTORS = GAZETTEER_EXTRACTORS | {"pattern.person"}


def load_builtins() -> None:
    """Import the built-in extractor modules so that they register themselves."""
    from kg.extractors import (  # noqa: F401
        agencies, countries, gazetteers, organizations, people, programmes, sources,
        zones)


__all__ = ["DEFAULT_EXTRACTORS", "GAZETTEER_EXTRACTORS", "TRUSTED_EXTRACTORS", "Passage", "load_builtins",
           "make_extractor", "register", "registered"]
