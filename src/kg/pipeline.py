"""build(paths) -> BuildResult: read → split → extract → resolve → to_graph."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from .errors import InputError
from .extract import extract
from .graph import to_graph
from .read import find_files, read
from .records import Article, Extraction
from .resolve import resolve
from .split import split


@dataclass
class BuildResult:
    graph: Graph
    articles: int = 0
    files: int = 0
    problems: list[InputError] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.problems)


def articles(paths: Iterable[str | Path], problems: list[InputError]) -> Iterable[tuple[Path, list[Article]]]:
    """The articles of every readable input file; problems are collected, never raised."""
    for raw in paths:
        try:
            files = list(find_files([raw]))
        except InputError as error:
            problems.append(error)
            continue
        for path in files:
            try:
                sources = read(path, problems)
            except InputError as error:
                problems.append(error)
                continue
            yield path, [article for source in sources for article in split(source)]


def build(
    paths: Iterable[str | Path],
    *,
    progress: Callable[[Path], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of the news articles in paths (files or folders).

    Unreadable files are reported in ``result.problems``; everything else is still built.
    ``progress`` is called with each input file once its articles are extracted.

    Example:
        >>> result = kg.build(["examples/"])
        >>> result.graph.serialize(format="ox-turtle")
    """
    problems: list[InputError] = []
    extractions: list[Extraction] = []
    seen: set[str] = set()
    files = 0
    for path, found in articles(paths, problems):
        files += 1
        for article in found:
            if article.id in seen:  # the same article twice adds nothing
                continue
            seen.add(article.id)
            extractions.append(extract(article))
        if progress is not None:
            progress(path)
    resolution = resolve(extractions)
    graph = to_graph(extractions, resolution)
    return BuildResult(graph=graph, articles=len(extractions), files=files, problems=problems, extractions=extractions)
