"""export(graph, path, format) and load(path): RDF files in and out, written atomically.

Serialization and parsing go through Oxigraph (oxrdflib), which is fast and strict.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from .errors import InputError, KgError
from .graph import new_graph

#: format name → (oxrdflib plugin name, file extensions)
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "turtle": ("ox-turtle", (".ttl",)),
    "trig": ("ox-trig", (".trig",)),
    "ntriples": ("ox-ntriples", (".nt",)),
    "nquads": ("ox-nquads", (".nq",)),
    "jsonld": ("ox-json-ld", (".jsonld", ".json")),
    "xml": ("ox-xml", (".rdf", ".owl", ".xml")),
}


def format_for(path: str | Path, format: str | None = None) -> str:
    """The format name for a path (by extension) unless one is given."""
    if format:
        if format not in FORMATS:
            raise KgError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
        return format
    suffix = Path(path).suffix.lower()
    for name, (_, extensions) in FORMATS.items():
        if suffix in extensions:
            return name
    raise KgError(f"{path}: cannot tell the RDF format from the extension; use --format ({', '.join(FORMATS)})")


def _oxigraph(graph: Graph) -> Graph:
    if type(graph.store).__name__ == "OxigraphStore":
        return graph
    copy = new_graph()
    copy.addN((s, p, o, copy) for s, p, o in graph)
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=False)
    return copy


def serialize(graph: Graph, format: str = "turtle") -> bytes:
    plugin, _ = FORMATS[format_for("", format)]
    return _oxigraph(graph).serialize(format=plugin, encoding="utf-8")


def export(graph: Graph, path: str | Path, format: str | None = None) -> Path:
    """Write the graph to path; a temporary file is renamed into place, so an interrupted export
    leaves any previous file whole."""
    path = Path(path)
    data = serialize(graph, format_for(path, format))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)
    return path


def write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load(path: str | Path, format: str | None = None) -> Graph:
    """Read an RDF file, a `kg build -o folder/` output or a `--store` folder as an Oxigraph-backed
    rdflib Graph (a store is opened read-only, not copied)."""
    from .store import is_store

    path = Path(path)
    if path.is_dir() and (path / "graph.ttl").is_file():
        path = path / "graph.ttl"
    elif is_store(path):
        import pyoxigraph

        return new_graph(pyoxigraph.Store.read_only(str(path)))
    if not path.is_file():
        raise InputError(str(path), "no such file")
    plugin, _ = FORMATS[format_for(path, format)]
    graph = new_graph()
    try:
        graph.parse(str(path), format=plugin)
    except (SyntaxError, ValueError, OSError) as error:
        raise InputError(str(path), f"not valid {format_for(path, format)} ({str(error).splitlines()[0][:200]})") from None
    return graph
