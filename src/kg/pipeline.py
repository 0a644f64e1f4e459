"""build(paths) -> BuildResult: read → split → extract → resolve → to_graph."""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from .errors import InputError
from .extract import extract_many
from .graph import new_graph, to_graph
from .read import find_files, read
from .records import Article, Extraction
from .resolve import read_aliases, resolve
from .split import split
from .store import add_article, has_article, known_entities, open_store

BATCH = 32  # articles extracted together (the labeller's network runs on all their sentences at once)


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
    store: str | Path | None = None,
    aliases: str | Path | None = None,
    accurate: bool = False,
) -> BuildResult:
    """Build the knowledge graph of the news articles in paths (files or folders).

    Unreadable files are reported in ``result.problems``; everything else is still built.
    ``progress`` is called with each input file once its articles are extracted. With ``store``
    (a folder), articles are added to a persistent Oxigraph store instead: those already in it are
    skipped, each new one is written atomically, and ``result.graph`` is the whole store.
    ``aliases`` is a same-as file (see :func:`kg.resolve.read_aliases`) that overrides resolution.
    ``accurate`` runs the labeller with its second network (see :func:`kg.extract.extract_many`).

    Example:
        >>> result = kg.build(["examples/"])
        >>> result.graph.serialize(format="ox-turtle")
    """
    same_as = read_aliases(aliases) if aliases is not None else []
    problems: list[InputError] = []
    extractions: list[Extraction] = []
    seen: set[str] = set()
    files = 0
    opened = open_store(store) if store is not None else None
    for path, found in articles(paths, problems):
        files += 1
        fresh = []
        for article in found:
            if article.id in seen or (opened is not None and has_article(opened, article.id)):
                continue  # the same article twice adds nothing
            seen.add(article.id)
            fresh.append(article)
        for k in range(0, len(fresh), BATCH):
            extractions.extend(extract_many(fresh[k : k + BATCH], accurate=accurate))
        if progress is not None:
            progress(path)
    if opened is None:
        resolution = resolve(extractions, same_as=same_as)
        graph = to_graph(extractions, resolution)
    else:
        resolution = resolve(extractions, known=known_entities(opened), same_as=same_as)
        try:
            for extraction in extractions:
                add_article(opened, extraction, resolution)
            opened.flush()
        finally:
            del opened  # release the store's lock; the result reads it read-only
            gc.collect()
        graph = new_graph(pyoxigraph.Store.read_only(str(store)))
    return BuildResult(graph=graph, articles=len(extractions), files=files, problems=problems, extractions=extractions)
