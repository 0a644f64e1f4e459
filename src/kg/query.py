"""query(graph, sparql) -> rdflib Result, run by Oxigraph; the named example queries; result formats."""
from __future__ import annotations

import io
import json
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from .errors import KgError
from .resources import named_queries

RESULT_FORMATS = ("table", "json", "csv", "tsv", "xml")


def sparql_text(query: str) -> str:
    """A query given as SPARQL text, a .rq file, or the name of a shipped example query."""
    queries = named_queries()
    if query in queries:
        return queries[query]
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise KgError(f"{query}: no such query file")
        return path.read_text(encoding="utf-8")
    return query


def query(graph: Graph, sparql: str) -> Result:
    """Run a SPARQL query (text, .rq file or example name) over the graph."""
    text = sparql_text(sparql)
    try:
        return graph.query(text)
    except SyntaxError as error:
        raise KgError(f"SPARQL syntax error: {str(error).splitlines()[0]}") from None
    except ValueError as error:
        raise KgError(f"SPARQL error: {str(error).splitlines()[0]}") from None


def _term_text(term: object) -> str:
    if term is None:
        return ""
    return str(term)


def _nt(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, Literal, BNode)):
        return term.n3()
    return str(term)


def format_result(result: Result, format: str = "table") -> str:
    """The result as a terminal table or in a SPARQL 1.1 results format (json, csv, tsv, xml)."""
    if result.type == "ASK":
        if format == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        return "yes" if result.askAnswer else "no"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        from .export import serialize

        return serialize(graph, "jsonld" if format == "json" else "turtle").decode("utf-8")
    variables = [str(v) for v in result.vars]
    rows = list(result)
    if format in ("json", "xml", "csv"):
        return result.serialize(format=format).decode("utf-8")
    if format == "tsv":
        out = io.StringIO()
        out.write("\t".join("?" + v for v in variables) + "\n")
        for row in rows:
            out.write("\t".join(_nt(row[v]) for v in variables) + "\n")
        return out.getvalue()
    if format != "table":
        raise KgError(f"unknown result format {format!r}: use one of {', '.join(RESULT_FORMATS)}")
    return _table(variables, [[_term_text(row[v]) for v in variables] for row in rows])


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [_width(h) for h in header]
    for row in rows:
        widths = [min(max(w, _width(c)), 60) for w, c in zip(widths, row)]

    def line(cells: list[str]) -> str:
        out = []
        for cell, width in zip(cells, widths):
            cell = cell.replace("\n", " ")
            while _width(cell) > width:
                cell = cell[:-2] + "…"
            out.append(cell + " " * (width - _width(cell)))
        return " | ".join(out).rstrip()

    parts = [line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows]
    parts.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(parts)


_SUMMARY_TYPES = """
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/zhkg/ns#>
SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE {
  VALUES ?type { schema:Organization schema:Place schema:Person kg:Initiative schema:NewsArticle }
  ?s a ?type .
} GROUP BY ?type
"""
_SUMMARY_RELATIONS = """
PREFIX kg: <https://w3id.org/zhkg/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?p (COUNT(*) AS ?n) WHERE { ?a a kg:Assertion ; rdf:predicate ?p } GROUP BY ?p
"""


def summarize(graph: Graph) -> dict:
    """Counts by entity type and by relation predicate, facts and triples."""
    types = {str(row[0]).rsplit("/", 1)[-1].rsplit("#", 1)[-1]: int(row[1]) for row in graph.query(_SUMMARY_TYPES)}
    relations = {graph.namespace_manager.normalizeUri(row[0]): int(row[1]) for row in graph.query(_SUMMARY_RELATIONS)}
    facts = next(iter(graph.query("PREFIX kg: <https://w3id.org/zhkg/ns#> SELECT (COUNT(*) AS ?n) WHERE { ?f a kg:Fact }")))[0]
    triples = next(iter(graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))[0]
    return {"types": dict(sorted(types.items())), "relations": dict(sorted(relations.items())),
            "facts": int(facts), "triples": int(triples)}
