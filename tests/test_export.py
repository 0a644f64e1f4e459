from __future__ import annotations

import pytest
import pyoxigraph
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import InputError, KgError
from kg.export import FORMATS, export, format_for, load


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_round_trips_every_format(page_graph, tmp_path, fmt):
    path = export(page_graph, tmp_path / f"graph{FORMATS[fmt][1][0]}")
    back = load(path)
    assert isomorphic(_plain(back), _plain(page_graph))


def _plain(graph: Graph) -> Graph:
    out = Graph()
    for triple in graph:
        out.add(triple)
    return out


def test_export_turtle_reads_the_same_in_rdflib_and_pyoxigraph(page_graph, tmp_path):
    path = export(page_graph, tmp_path / "graph.ttl")
    with_rdflib = Graph().parse(path, format="turtle")
    with_oxigraph = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(with_rdflib) == len(with_oxigraph) == len(_plain(page_graph)) > 50


def test_export_format_from_extension_and_errors():
    assert format_for("a.ttl") == "turtle"
    assert format_for("a.jsonld") == "jsonld"
    assert format_for("a.xyz", "nquads") == "nquads"
    with pytest.raises(KgError, match="cannot tell the RDF format"):
        format_for("a.xyz")
    with pytest.raises(KgError, match="unknown format"):
        format_for("a.ttl", "yaml")


def test_export_replaces_atomically(page_graph, tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("old", encoding="utf-8")
    export(page_graph, path)
    assert path.read_text(encoding="utf-8").startswith("@prefix")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_load_reports_bad_rdf(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: not valid turtle"):
        load(path)
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "missing.ttl")
