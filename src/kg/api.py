"""Library calls behind the CLI commands that are more than one function: extract_records."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import InputError
from .extract import extract
from .read import JSONL_SUFFIXES, read
from .records import Article
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


def extract_records(path: str | Path, problems: list[InputError] | None = None) -> Iterator[dict]:
    """One record per article: {"id", "text", "entities": [{"start", "end", "type", "text"}]}."""
    problems = problems if problems is not None else []
    for given, article in articles_for_extract(path, problems):
        extraction = extract(article)
        yield {
            "id": given,
            "text": article.text,
            "entities": [
                {"start": m.start, "end": m.end, "type": m.kind.value, "text": m.text}
                for m in extraction.mentions
            ],
        }
