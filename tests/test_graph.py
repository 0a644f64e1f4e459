from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS

from kg.graph import entity_iri, to_graph
from kg.records import Article, Extraction, Fact, Kind, Mention, Relation, Span
from kg.resolve import resolve
from kg.vocab import KG, SCHEMA

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
TEXT = "青山区图书馆馆长王芳说。"


def _extraction() -> Extraction:
    article = Article(id="a1", text=TEXT, title="标题", date="2024-05-01", authors=("王芳",))
    org = Mention("a1", 0, 6, "青山区图书馆", Kind.ORG)
    person = Mention("a1", 8, 10, "王芳", Kind.PERSON)
    place = Mention("a1", 0, 3, "青山区", Kind.PLACE)
    sentence = Span(0, len(TEXT))
    return Extraction(
        article=article,
        mentions=(org, person),
        relations=(Relation("memberOf", person, org, sentence, role="馆长", by="rules.post", confidence=0.9),),
        facts=(Fact(org, "投资", "200万元", 2_000_000.0, "CNY", sentence, date="2024"),),
        sentences=(sentence,),
    ), place


def _graph() -> Graph:
    ex, _ = _extraction()
    return to_graph([ex], resolve([ex]))


def test_graph_types_labels_and_relation():
    g = _graph()
    people = list(g.subjects(RDF.type, SCHEMA.Person))
    orgs = list(g.subjects(RDF.type, SCHEMA.Organization))
    assert len(people) == 1 and len(orgs) == 1
    assert (people[0], RDFS.label, Literal("王芳", lang="zh")) in g
    assert (people[0], ORG.memberOf, orgs[0]) in g
    assert (people[0], ORG.headOf, orgs[0]) in g  # 馆长 heads the library


def test_graph_membership_role_and_evidence():
    g = _graph()
    rows = list(g.query("""
        PREFIX org: <http://www.w3.org/ns/org#>
        PREFIX kg: <https://w3id.org/zhkg/ns#>
        PREFIX schema: <https://schema.org/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?role ?text ?start ?end WHERE {
          ?m a org:Membership ; org:role/rdfs:label ?role ; kg:evidence ?s .
          ?s schema:text ?text ; kg:startOffset ?start ; kg:endOffset ?end .
        }"""))
    assert [(str(r), str(t), int(s), int(e)) for r, t, s, e in rows] == [("馆长", TEXT, 0, len(TEXT))]


def test_graph_assertion_carries_method_and_confidence():
    g = _graph()
    (assertion,) = g.subjects(RDF.type, KG.Assertion)
    assert g.value(assertion, RDF.predicate) == ORG.memberOf
    assert str(g.value(assertion, KG.foundBy)) == "rules.post"
    assert float(g.value(assertion, KG.confidence)) == pytest.approx(0.9)


def test_graph_fact_is_a_comparable_amount():
    g = _graph()
    rows = list(g.query("""
        PREFIX kg: <https://w3id.org/zhkg/ns#>
        PREFIX schema: <https://schema.org/>
        SELECT ?v WHERE { ?e kg:fact ?f . ?f schema:value ?v ; schema:currency "CNY" . FILTER(?v > 1000000) }"""))
    assert len(rows) == 1


def test_graph_article_metadata():
    g = _graph()
    (article,) = g.subjects(RDF.type, SCHEMA.NewsArticle)
    assert str(g.value(article, SCHEMA.headline)) == "标题"
    assert str(g.value(article, SCHEMA.datePublished)) == "2024-05-01"
    assert g.value(article, SCHEMA.author) is not None
    assert len(list(g.objects(article, SCHEMA.mentions))) == 2


def test_graph_iris_are_stable():
    assert set(_graph()) == set(_graph())
    assert entity_iri(Kind.ORG, "abc") == URIRef("https://w3id.org/zhkg/id/org/abc")


def test_graph_conforms_to_shapes():
    pyshacl = pytest.importorskip("pyshacl")
    g = Graph()
    for triple in _graph():
        g.add(triple)
    conforms, _, report = pyshacl.validate(g, shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"))
    assert conforms, report


def test_graph_shapes_catch_a_broken_graph():
    pyshacl = pytest.importorskip("pyshacl")
    g = Graph()
    for triple in _graph():
        if triple[1] != SCHEMA.text:  # a sentence without its text
            g.add(triple)
    conforms, _, _ = pyshacl.validate(g, shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"))
    assert not conforms


def test_graph_kg_namespace_matches_ontology():
    onto = Graph().parse(ONTOLOGY / "kg.ttl")
    declared = {s for s in onto.subjects() if str(s).startswith("https://w3id.org/zhkg/ns#")}
    used = {KG[name] for name in KG.__annotations__}
    assert used == declared
    for term in declared:
        labels = {l.language for l in onto.objects(term, RDFS.label)}
        assert {"zh", "en"} <= labels, term
    with pytest.raises(AttributeError):
        KG.initiative  # noqa: B018 - a closed namespace rejects a misspelt term


def test_a_former_name_is_a_label_of_the_body_it_named():
    text = "青禾物业原名重庆青禾物业管理有限公司。"
    current = Mention("a2", 0, 4, "青禾物业", Kind.ORG)
    former = Mention("a2", 6, 18, "重庆青禾物业管理有限公司", Kind.ORG)
    ex = Extraction(article=Article(id="a2", text=text), mentions=(current, former),
                    relations=(Relation("formerName", current, former, Span(0, len(text))),))
    resolution = resolve([ex])
    assert [(e.name, e.aliases) for e in resolution.entities] == [("青禾物业", ("重庆青禾物业管理有限公司",))]
    g = to_graph([ex], resolution)
    node = entity_iri(Kind.ORG, resolution.entities[0].id)
    assert set(g.objects(node, KG.formerName)) == {Literal("重庆青禾物业管理有限公司", lang="zh")}
    assert not list(g.subjects(RDF.type, KG.Assertion))  # a name, not a link between two entities
