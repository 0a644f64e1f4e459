"""Namespaces: our closed ``KG`` namespace (checked against ontology/kg.ttl by a test) and the prefixes."""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.namespace import SDO as _SDO

KG_NS = "https://w3id.org/zhkg/ns#"
DATA_NS = "https://w3id.org/zhkg/id/"

#: schema.org with the https scheme (rdflib's SDO)
SCHEMA = _SDO
#: where our data (entities, articles, sentences) live
ID = Namespace(DATA_NS)


class KG(DefinedNamespace):
    """The kg ontology (ontology/kg.ttl). A misspelt term raises AttributeError."""

    _fail = True
    _NS = Namespace(KG_NS)

    Initiative: URIRef
    Sentence: URIRef
    Assertion: URIRef
    Fact: URIRef
    partnerOf: URIRef
    fact: URIRef
    evidence: URIRef
    foundBy: URIRef
    confidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    sourceFile: URIRef
    asWritten: URIRef
    formerName: URIRef
    refDate: URIRef
    dateAsWritten: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    divisionCode: URIRef
    AdministrativeDivision: URIRef
    divisions: URIRef
    division: URIRef
    divisionLevel: URIRef


#: one prefix per kind of resource, so that Turtle local names need no escaped "/"
SEGMENTS = (
    "org", "place", "person", "initiative", "article", "sentence", "assertion", "membership", "role", "fact", "division",
)
DATA = {segment: Namespace(f"{DATA_NS}{segment}/") for segment in SEGMENTS}

PREFIXES = {
    "kg": Namespace(KG_NS),
    **{"organization" if segment == "org" else segment: ns for segment, ns in DATA.items()},
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "rdfs": RDFS,
    "rdf": RDF,
    "owl": OWL,
    "xsd": XSD,
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the prefixes used in kg output; returns the graph."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph
