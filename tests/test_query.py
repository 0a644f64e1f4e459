from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.query import format_result, query, summarize
from kg.resources import named_queries


def test_query_examples_are_shipped():
    assert {"members", "located_in", "initiatives", "evidence", "entities", "facts"} <= set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_every_example_runs(page_graph, name):
    result = query(page_graph, name)
    assert result.type == "SELECT"
    assert len(list(result)) > 0, name


def test_query_members_finds_posts(page_graph):
    rows = {(str(p), str(r), str(o)) for p, r, o in query(page_graph, "members")}
    assert ("周明远", "记者", "青山日报") in rows
    assert ("孟雪松", "副主任", "青山区经济和信息化委员会") in rows


def test_query_located_in_is_transitive(page_graph):
    rows = {(str(place), str(thing)) for place, thing, _ in query(page_graph, "located_in")}
    assert ("白沙镇", "东华社区") in rows
    assert ("江津区", "东华社区") in rows  # through 白沙镇


def test_query_in_division_follows_the_gazetteer(page_graph):
    """Places link to their division and its parents, mentioned or not (白沙镇 → 江津区 → 重庆市)."""
    chain = query(page_graph, """
        PREFIX kg: <https://w3id.org/zhkg/ns#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?name ?level WHERE {
          ?place skos:prefLabel "白沙镇"@zh ; kg:division/skos:broader* ?d .
          ?d skos:prefLabel ?name ; kg:divisionLevel ?level }""")
    assert {(str(n), str(level)) for n, level in chain} == {
        ("白沙镇", "township"), ("江津区", "county"), ("重庆市", "province")}
    rows = {(str(division), str(place), str(code)) for division, place, code, _ in query(page_graph, "in_division")}
    assert ("重庆市", "白沙镇", "500116108") in rows
    assert all(code.startswith("50") for division, _, code in rows if division == "重庆市")


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv", "xml", "table"])
def test_query_result_formats(page_graph, fmt):
    text = format_result(query(page_graph, "initiatives"), fmt)
    assert "绿芯工坊" in text
    if fmt == "json":
        assert json.loads(text)["head"]["vars"] == ["initiative", "organizer"]
    if fmt == "tsv":
        assert text.splitlines()[0] == "?initiative\t?organizer"


def test_query_syntax_error_is_a_user_error(page_graph):
    with pytest.raises(KgError, match="SPARQL"):
        query(page_graph, "SELEC ?x WHERE {")


def test_query_summary_counts(page_graph):
    summary = summarize(page_graph)
    assert summary["types"]["NewsArticle"] == 2
    assert summary["relations"]["org:memberOf"] >= 4
    assert summary["triples"] > 100
