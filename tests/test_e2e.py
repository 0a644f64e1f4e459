"""End to end: the example corpus through kg build, checked the way a user would."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main

from conftest import ROOT


@pytest.fixture(scope="module")
def example_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("examples")
    result = CliRunner().invoke(main, ["build", str(ROOT / "examples"), "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    return out


def test_e2e_examples_conform_to_shapes(example_out):
    pyshacl = pytest.importorskip("pyshacl")
    graph = Graph().parse(example_out / "graph.ttl")
    conforms, _, report = pyshacl.validate(graph, shacl_graph=Graph().parse(ROOT / "ontology" / "shapes.ttl"))
    assert conforms, report


def test_e2e_examples_answer_the_shipped_queries(example_out):
    runner = CliRunner()
    members = runner.invoke(main, ["query", str(example_out / "graph.ttl"), "members", "--format", "csv"]).output
    assert "韩立新,局长,吴兴区住房和城乡建设局" in members
    initiatives = runner.invoke(main, ["query", str(example_out / "graph.ttl"), "initiatives", "--format", "csv"]).output
    assert "湖畔书驿,吴兴区图书馆" in initiatives
    evidence = runner.invoke(main, ["query", str(example_out / "graph.ttl"), "evidence", "--format", "json"]).output
    assert '"foundBy"' in evidence


def test_e2e_examples_merge_an_entity_across_articles(example_out):
    graph = Graph().parse(example_out / "graph.ttl")
    rows = list(graph.query("""
        PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?name (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e . ?e rdfs:label ?name }
        GROUP BY ?name HAVING (COUNT(DISTINCT ?a) > 1)"""))
    assert rows, "some entity of the examples is mentioned by more than one article"


def test_e2e_html_opens_offline(example_out):
    html = (example_out / "graph.html").read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") or "src=\"http" not in html
    assert 'src="http' not in html and "href=\"http" not in html
