from __future__ import annotations

import shutil

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF

import kg
import kg.pipeline
from kg.vocab import SCHEMA

from conftest import FIXTURES, ROOT


def _articles(graph) -> set[URIRef]:
    return set(graph.subjects(RDF.type, SCHEMA.NewsArticle))


def test_store_grows_and_matches_a_full_build(tmp_path):
    store = tmp_path / "store"
    first = kg.build([ROOT / "examples" / "page-2024-06-18.txt"], store=store)
    assert first.articles == 3
    second = kg.build([ROOT / "examples"], store=store)
    assert second.articles == 5  # the three already stored are skipped, not re-read into the graph
    full = kg.build([ROOT / "examples"])
    # the same articles, sentences and names; which same-name people are one person may differ,
    # since a store decides with the articles it has seen so far
    assert _articles(second.graph) == _articles(full.graph)
    kg_ns = "https://w3id.org/zhkg/ns#"
    sentences = lambda g: set(g.subjects(RDF.type, URIRef(kg_ns + "Sentence")))  # noqa: E731
    assert sentences(second.graph) == sentences(full.graph)
    labels = lambda g: set(g.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))  # noqa: E731
    assert labels(second.graph) == labels(full.graph)


def test_store_re_adding_changes_nothing(tmp_path):
    store = tmp_path / "store"
    kg.build([FIXTURES / "page.txt"], store=store)
    before = set(kg.load(store))
    again = kg.build([FIXTURES / "page.txt"], store=store)
    assert again.articles == 0
    assert set(kg.load(store)) == before


def test_store_interrupted_build_keeps_whole_articles(tmp_path, monkeypatch):
    store = tmp_path / "store"
    real = kg.pipeline.add_article
    calls = []

    def failing(opened, extraction, resolution):
        calls.append(extraction.article.id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(opened, extraction, resolution)

    monkeypatch.setattr(kg.pipeline, "add_article", failing)
    with pytest.raises(KeyboardInterrupt):
        kg.build([FIXTURES / "page.txt"], store=store)
    monkeypatch.setattr(kg.pipeline, "add_article", real)
    graph = kg.load(store)
    stored = {str(a).rsplit("/", 1)[-1] for a in _articles(graph)}
    assert stored == {calls[0]}  # the first article whole, nothing of the second
    sentences = {str(s) for s in graph.subjects(RDF.type, URIRef("https://w3id.org/zhkg/ns#Sentence"))}
    assert sentences and all(calls[1] not in s for s in sentences)
    resumed = kg.build([FIXTURES / "page.txt"], store=store)
    assert resumed.articles == 1
    assert len(_articles(kg.load(store))) == 2


def test_store_is_read_by_query_and_render(tmp_path):
    store = tmp_path / "store"
    kg.build([FIXTURES / "page.txt"], store=store)
    graph = kg.load(store)
    rows = {(str(p), str(r)) for p, r, _ in kg.query(graph, "members")}
    assert ("孟雪松", "副主任") in rows
    assert "孟雪松" in kg.render(graph)


def test_store_keeps_iris_of_known_entities(tmp_path):
    store = tmp_path / "store"
    kg.build([FIXTURES / "page.txt"], store=store)
    before = {str(s) for s in kg.load(store).subjects(RDF.type, SCHEMA.Organization)}
    copy = tmp_path / "again.txt"
    shutil.copy(FIXTURES / "page.txt", copy)
    copy.write_text(copy.read_text(encoding="utf-8") + "\n### 追记\n\n青山日报继续关注此事。\n", encoding="utf-8")
    kg.build([copy], store=store)
    after = {str(s) for s in kg.load(store).subjects(RDF.type, SCHEMA.Organization)}
    assert before <= after
