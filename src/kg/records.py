"""The records that pass between stages: read → split → extract → resolve → graph.

Every record is a frozen dataclass: a stage returns new values and never edits old ones, so a test
can build any stage's input by hand. No rdflib type appears here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Kind(str, Enum):
    """What a mention or entity is. The values are the type names of the evaluation contract."""

    ORG = "Organization"
    PLACE = "Place"
    PERSON = "Person"
    INITIATIVE = "Initiative"


@dataclass(frozen=True, slots=True)
class Source:
    """One decoded input file (or one line of a JSON-lines file)."""

    path: str  # as given by the user; for JSON lines "file.jsonl#3"
    text: str
    encoding: str = "utf-8"
    id: str | None = None  # an id given by the input (JSON lines "id"), else None
    meta: tuple[tuple[str, str], ...] = ()  # extra fields given by the input: title, date, source


@dataclass(frozen=True, slots=True)
class Article:
    """One news article cut from a source, with its page furniture taken apart."""

    id: str  # stable: derived from the text, so re-reading the same article gives the same id
    text: str  # the body, broken lines rejoined; offsets of mentions point into this
    path: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()  # reporters and photographers named in bylines and credits
    source: str | None = None  # the outlet it was taken from: 据江津日报 → 重庆科技报
    date: str | None = None  # ISO 8601 date where the input gives one
    byline: str | None = None  # the byline as written, e.g. "青山日报记者 周明远"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text: [start, end) offsets into Article.text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A name found in an article."""

    article_id: str
    start: int  # offsets into Article.text: the evidence is always recoverable
    end: int
    text: str
    kind: Kind
    by: str = "unknown"  # the component that found it: "labeller", "rules.quoted", ...
    score: float = 1.0
    alias: str | None = None  # another form the text gives right here: “三联”机制 → 三联机制

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Relation:
    """A directed relation between two mentions, with the sentence that states it."""

    predicate: str  # an ontology local name: memberOf, subOrganizationOf, locatedIn, organizer, partnerOf
    head: Mention
    tail: Mention
    evidence: Span  # the sentence, as offsets into Article.text
    role: str | None = None  # the post for memberOf, as written: 副书记, 记者
    by: str = "unknown"
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Fact:
    """A quantity or date attached to what it describes: a 200万元 loan, 占地300亩."""

    subject: Mention
    measure: str  # what is measured, as written or normalized: 贷款, 占地面积, 总投资, 产值
    text: str  # the value as written: "200万元"
    value: float | None  # normalized number in base units (200万元 → 2000000.0), None for dates
    unit: str  # "CNY", "mu", "percent", "date", or the unit as written
    evidence: Span
    date: str | None = None  # ISO year, year-month or date the value refers to, where resolved
    by: str = "unknown"
    date_text: str | None = None  # that date as written (今年上半年), kept when it cannot be resolved
    period: tuple[str, str] | None = None  # first and last day when the date is a period (上半年)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage knows about one article (what spaCy's Doc is to its components)."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    #: names too short to stand for a node (李 of 李大娘, 巴 of 印巴), outside every mention
    references: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    facts: tuple[Fact, ...] = ()
    sentences: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing: the mentions of it merged, within and across articles."""

    id: str  # stable key that graph.py turns into an IRI
    kind: Kind
    name: str  # the longest full name used
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = field(default=(), compare=False)
    code: str | None = None  # administrative division code, for places the gazetteer knows
