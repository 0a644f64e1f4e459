"""A persistent graph that grows: articles are added to an embedded Oxigraph store one at a time.

Re-adding an article changes nothing (its IRI is derived from its text and it is skipped); an
article's triples go in with one atomic write, so an interrupted build leaves the store as it was
before the article in progress. Entities already in the store keep their IRI and name; new
mentions of them add aliases.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from .errors import KgError
from .graph import CLASSES, DATA, Triple, article_triples, entity_triples_of, fact_triples, relation_triples
from .records import Entity, Extraction, Kind
from .resolve import Resolution

_KIND_OF_CLASS = {str(cls): kind for kind, cls in CLASSES.items()}


def open_store(path: str | Path) -> ox.Store:
    """Open (or create) the store in folder `path`."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise KgError(f"{path}: not a folder; --store takes a folder for the graph store")
    try:
        return ox.Store(str(path))
    except OSError as error:
        raise KgError(f"{path}: cannot open the store ({error})") from None


def is_store(path: str | Path) -> bool:
    """A folder that holds an Oxigraph store (and not a `kg build -o folder/` output)."""
    path = Path(path)
    return path.is_dir() and (path / "CURRENT").is_file()  # RocksDB's marker file


def has_article(store: ox.Store, article_id: str) -> bool:
    node = _ox(DATA["article"][article_id])
    return any(True for _ in store.quads_for_pattern(node, _ox(RDF.type), None, None))



def known_entities(store: ox.Store) -> list[Entity]:
    """The entities of the store with their name and aliases (for resolving new articles against)."""
    rows = store.query("""
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?e ?type ?name ?alias WHERE {
          ?e a ?type ; skos:prefLabel ?name .
          OPTIONAL { ?e skos:altLabel ?alias }
        }""")
    found: dict[str, tuple[Kind, str, set[str]]] = {}
    for row in rows:
        kind = _KIND_OF_CLASS.get(row["type"].value)
        if kind is None:
            continue
        iri = row["e"].value
        entry = found.setdefault(iri, (kind, row["name"].value, set()))
        if row["alias"] is not None:
            entry[2].add(row["alias"].value)
    return [
        Entity(id=iri.rsplit("/", 1)[-1], kind=kind, name=name, aliases=tuple(sorted(aliases)))
        for iri, (kind, name, aliases) in found.items()
    ]


def article_and_entities(extraction: Extraction, resolution: Resolution) -> Iterator[Triple]:
    """Every triple one article brings: its own, and those of the entities it mentions."""
    kinds = {e.id: e.kind for e in resolution.entities}
    mentioned = {resolution.of(m) for m in extraction.mentions} - {None}
    for entity in resolution.entities:
        if entity.id in mentioned:
            yield from entity_triples_of(entity)
    yield from article_triples(extraction, resolution, kinds)
    yield from relation_triples(extraction, resolution, kinds)
    yield from fact_triples(extraction, resolution, kinds)


def add_article(store: ox.Store, extraction: Extraction, resolution: Resolution) -> None:
    """Write one article's triples in one transaction."""
    store.extend([ox.Quad(_ox(s), _ox(p), _ox(o)) for s, p, o in article_and_entities(extraction, resolution)])


def _ox(term: URIRef | Literal) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))
