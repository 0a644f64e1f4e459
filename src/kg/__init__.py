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
from .extract import extract, extract_many
from .pipeline import BuildResult, build
from .query import query
from .records import Article, Entity, Extraction, Fact, Kind, Mention, Relation, Source, Span
from .render import render  # imported here so that the name is the function, not the submodule


__all__ = [
    "build", "extract", "extract_many", "export", "load", "query", "render",
    "BuildResult", "Article", "Entity", "Extraction", "Fact", "Kind", "Mention", "Relation", "Source", "Span",
    "KgError", "InputError",
]
