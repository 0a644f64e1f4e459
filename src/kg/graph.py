"""to_graph(extractions, resolution) -> rdflib.Graph: the only module that mints IRIs.

Entities are typed with schema.org (and kg:Initiative); relations are direct triples with W3C ORG
and schema.org predicates, each also reified as a kg:Assertion carrying its evidence sentence,
method and confidence; memberships with a post are org:Membership nodes with an org:Role.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import ORG, RDF, RDFS, SKOS, XSD

from . import gazetteer
from .records import Article, Entity, Extraction, Fact, Kind, Relation, Span
from .resolve import Resolution
from .resources import lexicon
from .vocab import DATA, KG, SCHEMA, bind_prefixes

Triple = tuple[URIRef, URIRef, URIRef | Literal]

CLASSES = {
    Kind.ORG: SCHEMA.Organization,
    Kind.PLACE: SCHEMA.Place,
    Kind.PERSON: SCHEMA.Person,
    Kind.INITIATIVE: KG.Initiative,
}
_SEGMENT = {Kind.ORG: "org", Kind.PLACE: "place", Kind.PERSON: "person", Kind.INITIATIVE: "initiative"}
#: relation name → predicate; locatedIn is schema:containedInPlace between places, schema:location otherwise
PREDICATES = {
    "memberOf": ORG.memberOf,
    "subOrganizationOf": ORG.subOrganizationOf,
    "organizer": SCHEMA.organizer,
    "partnerOf": KG.partnerOf,
}
_CURRENCIES = {"CNY", "USD"}


def _hash(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def entity_iri(kind: Kind, entity_id: str) -> URIRef:
    return DATA[_SEGMENT[kind]][entity_id]


def article_iri(article: Article) -> URIRef:
    return DATA["article"][article.id]


def sentence_iri(article: Article, span: Span) -> URIRef:
    return DATA["sentence"][f"{article.id}-{span.start}-{span.end}"]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def predicate_for(relation: Relation) -> URIRef:
    if relation.predicate == "locatedIn":
        return SCHEMA.containedInPlace if relation.head.kind is Kind.PLACE else SCHEMA.location
    return PREDICATES[relation.predicate]


def entity_triples_of(entity: Entity) -> Iterator[Triple]:
    node = entity_iri(entity.kind, entity.id)
    yield node, RDF.type, CLASSES[entity.kind]
    yield node, RDFS.label, zh(entity.name)
    yield node, SKOS.prefLabel, zh(entity.name)
    for alias in entity.aliases:
        yield node, SKOS.altLabel, zh(alias)
    if entity.code:
        yield node, KG.divisionCode, Literal(entity.code)
        yield from division_triples(node, entity.code)


def division_iri(code: str) -> URIRef:
    return DATA["division"][code]


def division_triples(place: URIRef, code: str) -> Iterator[Triple]:
    """``place`` kg:division the administrative division with this code, and that division and its
    parents up to the province as concepts of the kg:divisions scheme linked by skos:broader
    (白沙镇 → 江津区 → 重庆市); nothing for a code the gazetteer does not know."""
    division = gazetteer.get(code)
    if division is None:
        return
    yield place, KG.division, division_iri(code)
    for d in (division, *gazetteer.ancestors(division)):
        node = division_iri(d.code)
        yield node, RDF.type, KG.AdministrativeDivision
        yield node, SKOS.inScheme, KG.divisions
        yield node, SKOS.prefLabel, zh(d.name)
        yield node, RDFS.label, zh(d.name)
        yield node, KG.divisionCode, Literal(d.code)
        yield node, KG.divisionLevel, Literal(gazetteer.LEVELS[d.level])
        if d.parent:
            yield node, SKOS.broader, division_iri(d.parent)
        else:
            yield node, SKOS.topConceptOf, KG.divisions


def entity_triples(resolution: Resolution) -> Iterator[Triple]:
    for entity in resolution.entities:
        yield from entity_triples_of(entity)


def _kinds(resolution: Resolution) -> dict[str, Kind]:
    return {e.id: e.kind for e in resolution.entities}


def article_triples(extraction: Extraction, resolution: Resolution, kinds: dict[str, Kind]) -> Iterator[Triple]:
    article = extraction.article
    node = article_iri(article)
    yield node, RDF.type, SCHEMA.NewsArticle
    if article.title:
        yield node, SCHEMA.headline, zh(article.title)
    if article.date:
        yield node, SCHEMA.datePublished, Literal(article.date, datatype=XSD.date)
    if article.path:
        yield node, KG.sourceFile, Literal(article.path)
    named: dict[tuple[Kind, str], URIRef] = {}
    for mention in extraction.mentions:
        eid = resolution.of(mention)
        if eid is None:
            continue
        iri = entity_iri(kinds[eid], eid)
        named[(kinds[eid], mention.text)] = iri
        yield node, SCHEMA.mentions, iri
    for author in article.authors:
        if (Kind.PERSON, author) in named:
            yield node, SCHEMA.author, named[(Kind.PERSON, author)]
    if article.source and (Kind.ORG, article.source) in named:
        yield node, SCHEMA.sourceOrganization, named[(Kind.ORG, article.source)]
    elif article.source:
        yield node, SCHEMA.isBasedOn, zh(article.source)


def sentence_triples(article: Article, span: Span) -> Iterator[Triple]:
    node = sentence_iri(article, span)
    yield node, RDF.type, KG.Sentence
    yield node, SCHEMA.text, zh(article.text[span.start:span.end])
    yield node, SCHEMA.isPartOf, article_iri(article)
    yield node, KG.startOffset, Literal(span.start)
    yield node, KG.endOffset, Literal(span.end)


def relation_triples(extraction: Extraction, resolution: Resolution, kinds: dict[str, Kind]) -> Iterator[Triple]:
    """Direct triples plus one kg:Assertion per (article, predicate, head, tail): relations that
    resolve to the same entities share it, with every evidence sentence and the best confidence."""
    article = extraction.article
    grouped: dict[tuple[URIRef, URIRef, URIRef], list[Relation]] = {}
    for relation in extraction.relations:
        head, tail = resolution.of(relation.head), resolution.of(relation.tail)
        if relation.predicate == "formerName":  # 甲原名乙: a name of the entity, not a link to another
            if head is not None:
                yield entity_iri(kinds[head], head), KG.formerName, zh(relation.tail.text)
            continue
        if head is None or tail is None or head == tail:
            continue
        key = (entity_iri(kinds[head], head), predicate_for(relation), entity_iri(kinds[tail], tail))
        grouped.setdefault(key, []).append(relation)
    for (s, p, o), relations in grouped.items():
        best = max(relations, key=lambda r: r.confidence)
        yield s, p, o
        assertion = DATA["assertion"][_hash(article.id, p, s, o)]
        yield assertion, RDF.type, KG.Assertion
        yield assertion, RDF.subject, s
        yield assertion, RDF.predicate, p
        yield assertion, RDF.object, o
        yield assertion, KG.foundBy, Literal(best.by)
        yield assertion, KG.confidence, Literal(round(best.confidence, 3), datatype=XSD.decimal)
        for relation in relations:
            evidence = sentence_iri(article, relation.evidence)
            yield from sentence_triples(article, relation.evidence)
            yield assertion, KG.evidence, evidence
            if relation.predicate == "memberOf" and relation.role:
                yield from membership_triples(s, o, relation.role, evidence)


def membership_triples(person: URIRef, org: URIRef, role: str, evidence: URIRef) -> Iterator[Triple]:
    membership = DATA["membership"][_hash(person, org, role)]
    role_node = DATA["role"][_hash(role)]
    yield membership, RDF.type, ORG.Membership
    yield membership, ORG.member, person
    yield membership, ORG.organization, org
    yield membership, ORG.role, role_node
    yield membership, KG.evidence, evidence
    yield role_node, RDF.type, ORG.Role
    yield role_node, RDFS.label, zh(role)
    if role in lexicon("head_posts"):
        yield person, ORG.headOf, org


def fact_triples(extraction: Extraction, resolution: Resolution, kinds: dict[str, Kind]) -> Iterator[Triple]:
    article = extraction.article
    for fact in extraction.facts:
        eid = resolution.of(fact.subject)
        if eid is None:
            continue
        subject = entity_iri(kinds[eid], eid)
        node = DATA["fact"][_hash(article.id, subject, fact.measure, fact.text, fact.evidence.start)]
        yield from sentence_triples(article, fact.evidence)
        yield subject, KG.fact, node
        yield from _fact_body(node, fact)
        yield node, KG.evidence, sentence_iri(article, fact.evidence)


def _fact_body(node: URIRef, fact: Fact) -> Iterator[Triple]:
    yield node, RDF.type, KG.Fact
    yield node, SCHEMA.name, zh(fact.measure)
    yield node, KG.asWritten, zh(fact.text)
    if fact.value is not None:
        yield node, SCHEMA.value, Literal(repr_decimal(fact.value), datatype=XSD.decimal)
    if fact.unit in _CURRENCIES:
        yield node, RDF.type, SCHEMA.MonetaryAmount
        yield node, SCHEMA.currency, Literal(fact.unit)
    else:
        yield node, SCHEMA.unitCode, Literal(fact.unit)
    if fact.date_text:
        yield node, KG.dateAsWritten, zh(fact.date_text)
    if fact.date:
        datatype = XSD.gYear if len(fact.date) == 4 else XSD.gYearMonth if len(fact.date) == 7 else XSD.date
        yield node, KG.refDate, Literal(fact.date, datatype=datatype)
    if fact.period:
        yield node, KG.periodStart, Literal(fact.period[0], datatype=XSD.date)
        yield node, KG.periodEnd, Literal(fact.period[1], datatype=XSD.date)


def repr_decimal(value: float) -> str:
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text or "0"


def triples(extractions: Iterable[Extraction], resolution: Resolution) -> Iterator[Triple]:
    """Every triple of the graph, in a stable order."""
    kinds = _kinds(resolution)
    yield from entity_triples(resolution)
    for extraction in extractions:
        yield from article_triples(extraction, resolution, kinds)
        yield from relation_triples(extraction, resolution, kinds)
        yield from fact_triples(extraction, resolution, kinds)


def new_graph(store=None) -> Graph:
    """A graph backed by Oxigraph (fast SPARQL and serialization), with kg's prefixes bound: a new
    in-memory one, or a view of the default graph of a given ``pyoxigraph.Store``."""
    from oxrdflib import OxigraphStore

    backend = OxigraphStore(store=store) if store is not None else "Oxigraph"
    return bind_prefixes(Graph(store=backend, identifier=DATASET_DEFAULT_GRAPH_ID, bind_namespaces="core"))


def to_graph(extractions: Iterable[Extraction], resolution: Resolution, graph: Graph | None = None) -> Graph:
    """Add the triples of the extractions and their resolved entities to a graph (a new one by default)."""
    graph = new_graph() if graph is None else graph
    context = graph
    graph.addN((s, p, o, context) for s, p, o in triples(extractions, resolution))
    return graph
