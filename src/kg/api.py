"""Library calls behind the CLI commands that are more than one function: extract_records."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from .errors import InputError
from .extract import extract_many
from .extract.mentions import inside_others
from .pipeline import BATCH
from .read import JSONL_SUFFIXES, read
from .records import Article, Extraction, Kind
from .split import article_id, split


def articles_for_extract(path: str | Path, problems: list[InputError]) -> Iterator[tuple[str, Article]]:
    """(id, article) pairs: a JSON lines record is one article with its text unchanged (offsets
    point into it); a text file is split into articles."""
    for source in read(path, problems):
        if Path(str(path)).suffix.lower() in JSONL_SUFFIXES:
            given = source.id if source.id is not None else source.path
            yield given, Article(id=article_id(given + "\n" + source.text), text=source.text, path=source.path)
        else:
            for article in split(source):
                yield article.id, article


def extract_records(path: str | Path, problems: list[InputError] | None = None, references: bool = True,
                    accurate: bool = False, nested: bool = False) -> Iterator[dict]:
    """One record per article: {"id", "text", "entities": [{"start", "end", "type", "text"}]};
    references (names too short or generic to be graph nodes) come marked {"reference": true},
    or not at all when references is False; names written inside an organization's, a place's or a
    person's (德国 of 德国某某股份公司) come marked {"nested": true} when nested is True, else not at
    all (one flat reading, as NER corpora annotate); accurate as in :func:`kg.extract.extract_many`."""
    problems = problems if problems is not None else []
    pairs = articles_for_extract(path, problems)
    while batch := list(islice(pairs, BATCH)):
        for (given, article), extraction in zip(batch, extract_many([a for _, a in batch], accurate=accurate)):
            yield _record(given, article, extraction, references, nested)


_OUTER = (Kind.ORG, Kind.PLACE, Kind.PERSON)


def _record(given: str, article: Article, extraction: Extraction, with_references: bool = True,
            with_nested: bool = False) -> dict:
    references = extraction.references if with_references else ()
    marked = set(references)
    inside = inside_others(extraction.mentions, _OUTER)
    return {
        "id": given,
        "text": article.text,
        "entities": [
            {"start": m.start, "end": m.end, "type": m.kind.value, "text": m.text}
            | ({"reference": True} if m in marked else {}) | ({"nested": True} if m in inside else {})
            for m in sorted(extraction.mentions + references, key=lambda m: (m.start, m.end))
            if with_nested or m not in inside
        ],
    }
