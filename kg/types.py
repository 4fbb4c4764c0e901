"""Typed records that flow between the stages of the pipeline.

Owns: the frozen dataclasses and enums. Must not import anything from ``kg``: every other module
depends on this one, never the other way round. Offsets are half-open character offsets into
``Document.text``.
"""
from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Label(str, Enum):
    """The class of an entity, named as in the contract (``kgo:<value>``)."""

    AGENCY = "GovernmentAgency"
    COMPANY = "Company"
    RESEARCH = "ResearchOrganization"
    MEDIA = "MediaOutlet"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PROVINCE = "Province"
    CITY = "City"
    DISTRICT = "District"
    PROGRAMME = "Programme"
    LAW = "Law"  # a law of the state (《中华人民共和国企业所得税法》), no programme
    EVENT = "Event"
    PERSON = "Person"

    @property
    def is_place(self) -> bool:
        return self in PLACE_LABELS

    @property
    def is_organization(self) -> bool:
        return self in ORGANIZATION_LABELS


PLACE_LABELS = frozenset({Label.COUNTRY, Label.PROVINCE, Label.CITY, Label.DISTRICT})
ORGANIZATION_LABELS = frozenset(
    {Label.AGENCY, Label.COMPANY, Label.RESEARCH, Label.MEDIA, Label.ORGANIZATION})


class Predicate(str, Enum):
    """Relations of the contract between two entities."""

    PART_OF = "partOf"
    LOCATED_IN = "locatedIn"
    ISSUED_BY = "issuedBy"
    LEADS = "leads"
    PARTICIPATES_IN = "participatesIn"
    ORGANIZED_BY = "organizedBy"
    HELD_IN = "heldIn"


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, decoded."""

    id: str  # stable: derived from the file name
    path: str
    text: str
    date: dt.date | None = None
    title: str = ""
    # the year the document speaks from: its date's, else stated or inferred from its text (the
    # reference of 今年, 上年 and of figures without a year); None when nothing tells
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a document; a file with a single article has one."""

    doc_id: str
    n: int  # 1-based position in the document
    title: str
    section: str  # the heading the article sits under ("" when none)
    source: str  # the outlet or agency of （来源：…）, "" when none
    start: int  # offsets of the whole article (title included) in the document
    end: int
    body_start: int
    title_start: int = -1  # where the title text is: its line in the body, else its 目录 entry
    title_end: int = -1


@dataclass(frozen=True, slots=True, order=True)
class Sentence:
    """A sentence with its offsets; ``text`` is exactly ``doc.text[start:end]``."""

    doc_id: str
    start: int
    end: int
    article: int
    text: str = field(compare=False)


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """A span of text that names an entity.

    ``text`` is the surface exactly as in the document (``doc.text[start:end] == text``);
    ``name`` is the surface with layout noise (spaces, page breaks) removed; ``key`` and
    ``canonical`` identify the entity it resolves to, when the extractor knows (a gazetteer does).
    """

    doc_id: str
    start: int
    end: int
    label: Label
    text: str = field(compare=False)
    name: str = field(compare=False)
    extractor: str = field(compare=False)
    canonical: str = field(default="", compare=False)
    key: str = field(default="", compare=False)
    parent_key: str = field(default="", compare=False)  # places: the gazetteer parent


@dataclass(frozen=True, slots=True)
class Entity:
    """A real-world entity, once per build, with its canonical name and every surface form."""

    key: str  # deterministic identity, e.g. "place:320000" or "agency:工业和信息化部"
    label: Label
    name: str
    aliases: tuple[str, ...] = ()
    parent_key: str = ""  # places: direct parent


@dataclass(frozen=True, slots=True, order=True)
class Relation:
    """A relation between two entities, traced to the sentence it came from."""

    doc_id: str
    start: int  # the evidence sentence
    end: int
    predicate: Predicate
    subject: str  # entity keys
    object: str
    extractor: str = field(compare=False, default="")


@dataclass(frozen=True, slots=True, order=True)
class Post:
    """A post held by a person in an organisation or place: 科技部部长王志刚."""

    doc_id: str
    start: int
    end: int
    person: str  # entity keys
    title: str
    organization: str
    extractor: str = field(compare=False, default="")


@dataclass(frozen=True, slots=True, order=True)
class Target:
    """A quantitative target, set for the future: 到2025年，70%的规模以上制造业企业基本实现数字化网络化."""

    doc_id: str
    start: int  # offsets of the value span
    end: int
    indicator: str
    value: str  # decimal as written, normalised (e.g. "22.5")
    unit: str
    comparator: str  # >=, >, =, ~, <=, <, range
    sentence_start: int
    sentence_end: int
    year: int | None = None  # the deadline
    value_max: str | None = None
    period: str = ""  # 每年, 年均
    setter: str = ""  # entity key of the programme, place or organisation that sets it
    measure: str = ""  # the indicator normalised (kg.measures)
    text: str = field(compare=False, default="")
    extractor: str = field(compare=False, default="")


@dataclass(frozen=True, slots=True, order=True)
class Statistic:
    """A reported figure, past or current: 全省地区生产总值增长5.8% (in a report of 2025, of 2024)."""

    doc_id: str
    start: int  # offsets of the value span
    end: int
    indicator: str  # a change keeps its verb: 比上年增长
    value: str
    unit: str
    comparator: str
    sentence_start: int
    sentence_end: int
    year: int | None = None  # the year the figure refers to; None for a rate over years
    value_max: str | None = None
    period: str = ""  # 年均, 2002—2007年: the span of a rate over several years
    subject: str = ""  # entity key of the place, organisation or programme whose figure it is
    measure: str = ""
    text: str = field(compare=False, default="")
    extractor: str = field(compare=False, default="")


@dataclass(slots=True)
class DocumentResult:
    """Everything extracted from one document."""

    doc: Document
    articles: list[Article]
    sentences: list[Sentence]
    mentions: list[Mention]
    entities: dict[str, Entity]
    relations: list[Relation] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    sources: list[tuple[int, str]] = field(default_factory=list)  # (article n, entity key)
    # the document's triples (kg.graph.DocumentTriples) and its share of the network page
    # (kg.viz.model.PagePart), made where it was extracted
    triples: object = None
    page: object = None
    _starts: list[int] | None = field(default=None, repr=False, compare=False)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds a document offset (``sentences`` are sorted by offset)."""
        if self._starts is None or len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None
