"""Amounts, areas and percentages attached to what they describe (总投资57亿元, 占地300亩)."""
from __future__ import annotations

import re
from functools import cache

from ..records import Fact, Kind, Mention
from ..resources import table
from .doc import Doc

_SUBJECT_KINDS = (Kind.ORG, Kind.INITIATIVE, Kind.PLACE)
_YEAR = re.compile(r"((?:19|20)\d{2}|今|去|明|前)年(?:(\d{1,2})(?:[—\-–至到]\d{1,2})?月)?")
_RELATIVE_YEAR = {"今": 0, "去": -1, "明": 1, "前": -2}


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
    return {phrase: Kind(kind) for phrase, kind in table("anaphora")}


def _subject(text: str, start: int, end: int, mentions: tuple[Mention, ...]) -> Mention | None:
    """What an amount at [.., end) of a sentence starting at `start` describes: the last initiative
    named before it in the sentence, else the sentence's first organization or place; 该计划/该公司
    points back to the last entity of its kind in the article."""
    before = [m for m in mentions if m.kind in _SUBJECT_KINDS and start <= m.start and m.end <= end]
    initiatives = [m for m in before if m.kind is Kind.INITIATIVE]
    if initiatives:
        return initiatives[-1]
    for phrase, kind in _anaphora().items():
        if phrase in text[start:end]:
            earlier = [m for m in mentions if m.kind is kind and m.end <= start]
            return earlier[-1] if earlier else None
    return before[0] if before else None


def _resolve_year(hit: re.Match[str], article_date: str | None) -> str | None:
    """2022年 → 2022; 今年4月 → 2024-04 when the article is dated 2024 (None when it is not dated)."""
    year = hit.group(1)
    if year in _RELATIVE_YEAR:
        if not article_date:
            return None
        year = str(int(article_date[:4]) + _RELATIVE_YEAR[year])
    month = int(hit.group(2)) if hit.group(2) else 0
    return f"{year}-{month:02d}" if 1 <= month <= 12 else year


def find_facts(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Fact, ...]:
    """Each measured amount of a sentence goes to the sentence's subject: the nearest initiative,
    organization or place named before it in the sentence (the first one when it leads the sentence)."""
    text = doc.text
    facts: list[Fact] = []
    for match in _amount().finditer(text):
        sentence = doc.sentence_of(match.start())
        subject = _subject(text, sentence.start, match.start(), mentions)
        if subject is None:
            continue
        code, factor = _units()[match.group("unit")]
        value = float(match.group("number")) * factor
        year = None
        for hit in _YEAR.finditer(text, sentence.start, match.start()):
            year = _resolve_year(hit, doc.article.date) or year
        facts.append(Fact(
            subject=subject,
            measure=match.group("measure"),
            text=match.group("number") + match.group("unit"),
            value=value,
            unit=code,
            evidence=sentence,
            date=year,
            by="rules.amount",
        ))
    return tuple(facts)
