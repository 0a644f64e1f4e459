"""kg: knowledge graphs from Chinese news.

    import kg
    result = kg.build(["examples/"])          # read → split → extract → resolve → graph
    kg.export(result.graph, "out/graph.ttl")
    for row in kg.query(result.graph, "members"):
        print(row)
    html = kg.render(result.graph)
"""
from __future__ import annotations

from .errors import InputError, KgError
from .export import export, load
from .extract import extract
from .pipeline import BuildResult, build
from .query import query
from .records import Article, Entity, Extraction, Fact, Kind, Mention, Relation, Source, Span


def render(graph, **options) -> str:
    """One self-contained HTML page of the graph's network (see kg.render.render)."""
    from .render import render as _render

    return _render(graph, **options)


__all__ = [
    "build", "extract", "export", "load", "query", "render",
    "BuildResult", "Article", "Entity", "Extraction", "Fact", "Kind", "Mention", "Relation", "Source", "Span",
    "KgError", "InputError",
]
