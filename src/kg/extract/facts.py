"""Amounts, areas and percentages attached to what they describe (总投资57亿元, 占地300亩)."""
from __future__ import annotations

import re
from functools import cache

from ..records import Fact, Kind, Mention
from ..resources import table
from .dates import find_dates
from .doc import Doc

_SUBJECT_KINDS = (Kind.ORG, Kind.INITIATIVE, Kind.PLACE)


@cache
def _measures() -> dict[str, str]:
    return {word: kind for word, kind in table("measures")}


@cache
def _units() -> dict[str, tuple[str, float]]:
    return {unit: (code, float(factor)) for unit, code, factor in table("units")}


@cache
def _amount() -> re.Pattern[str]:
    measures = "|".join(map(re.escape, sorted(_measures(), key=len, reverse=True)))
    units = "|".join(map(re.escape, sorted(_units(), key=len, reverse=True)))
    return re.compile(
        rf"(?P<measure>{measures})(?:面积)?(?:约|达|达到|为|共|超过|近|了|实现|累计)*"
        rf"(?P<number>\d+(?:\.\d+)?)(?P<unit>{units})"
    )


@cache
def _anaphora() -> dict[str, Kind]:
    """The 该 phrases of anaphora.tsv: a bare head (新区) is matched anywhere here, so inside names too."""
    return {phrase: Kind(kind) for phrase, kind in table("anaphora") if phrase.startswith("该")}


def _subject(text: str, start: int, end: int, number: int, mentions: tuple[Mention, ...]) -> Mention | None:
    """What an amount whose measure starts at ``end`` (its number at ``number``) in a sentence starting
    at ``start`` describes: the last initiative named before it in the sentence, else the sentence's
    first organization or place; 该计划/该公司 (also across the measure: 该|计划投资) points back to the last entity of its
    kind in the article."""
    before = [m for m in mentions if m.kind in _SUBJECT_KINDS and start <= m.start and m.end <= end]
    initiatives = [m for m in before if m.kind is Kind.INITIATIVE]
    if initiatives:
        return initiatives[-1]
    for phrase, kind in _anaphora().items():
        if phrase in text[start:number]:
            earlier = [m for m in mentions if m.kind is kind and m.end <= start]
            return earlier[-1] if earlier else None
    return before[0] if before else None


def find_facts(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Fact, ...]:
    """Each measured amount of a sentence goes to the sentence's subject: the nearest initiative,
    organization or place named before it in the sentence (the first one when it leads the sentence)."""
    text = doc.text
    facts: list[Fact] = []
    for match in _amount().finditer(text):
        sentence = doc.sentence_of(match.start())
        subject = _subject(text, sentence.start, match.start(), match.start("number"), mentions)
        if subject is None:
            continue
        code, factor = _units()[match.group("unit")]
        value = float(match.group("number")) * factor
        dates = find_dates(text, doc.article.date, sentence.start, match.start())
        when = dates[-1] if dates else None  # the nearest date before the amount in its sentence
        facts.append(Fact(
            subject=subject,
            measure=match.group("measure"),
            text=match.group("number") + match.group("unit"),
            value=value,
            unit=code,
            evidence=sentence,
            date=when.value if when else None,
            by="rules.amount",
            date_text=when.text if when else None,
            period=when.period if when else None,
        ))
    return tuple(facts)
