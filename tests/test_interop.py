"""The Turtle that `kg build` writes loads cleanly into other RDF tools and triple stores, and every
export format round-trips.

External tools (Debian packages raptor2-utils, serdi, virtuoso-opensource) are used when installed
and the tests skip otherwise. Virtuoso is started on 127.0.0.1 with its own temporary database and
free ports, loaded with ``DB.DBA.TTLP_MT``, queried over its SPARQL endpoint and stopped.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.export import FORMATS, load, serialize
from kg.query import query
from kg.resources import named_queries

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
ARTICLES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))
GRAPH_IRI = "https://w3id.org/zhkg/test-graph"

#: used when ontology/queries/ holds no example queries
FALLBACK_QUERIES = {
    "labels": "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?e ?label WHERE { ?e rdfs:label ?label }",
    "types": "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type",
    "mentions": "PREFIX schema: <https://schema.org/> SELECT ?h ?e WHERE { ?a schema:headline ?h ; schema:mentions ?e }",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """graph.ttl written by `kg build` for the fixture corpus."""
    out = tmp_path_factory.mktemp("interop") / "graph.ttl"
    result = CliRunner().invoke(main, ["build", *map(str, ARTICLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def reference(built) -> Graph:
    """The graph as rdflib's own Turtle parser reads it (independent of Oxigraph)."""
    graph = Graph()
    graph.parse(built, format="turtle")
    assert len(graph) > 100
    return graph


def test_fixture_corpus_is_two_articles(built, reference):
    headlines = {str(o) for o in reference.objects(None, URIRef("https://schema.org/headline"))}
    assert len(ARTICLES) == 2 and len(headlines) == 2


def test_pyoxigraph_loads_it_with_the_same_count(built, reference):
    import pyoxigraph as ox

    triples = list(ox.parse(path=str(built), format=ox.RdfFormat.TURTLE))  # strict: raises on any error
    assert len(triples) == len(reference)
    store = ox.Store()
    store.bulk_load(path=str(built), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(reference)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
def test_rapper_counts_the_same_with_no_warning(built, reference):
    run = subprocess.run(["rapper", "-i", "turtle", "-c", str(built)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "warning" not in run.stderr.lower() and "error" not in run.stderr.lower(), run.stderr
    count = re.search(r"returned (\d+) triples", run.stderr)
    assert count and int(count.group(1)) == len(reference), run.stderr


@pytest.mark.skipif(shutil.which("serdi") is None, reason="serdi is not installed")
def test_serdi_reads_it_strictly_with_the_same_count(built, reference):
    run = subprocess.run(["serdi", "-i", "turtle", "-o", "ntriples", str(built)], capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stderr.decode().strip() == ""
    lines = [line for line in run.stdout.decode("utf-8").splitlines() if line.strip()]
    assert len(set(lines)) == len(lines) == len(reference)
    # and what serdi wrote is the same graph
    back = Graph()
    back.parse(data=run.stdout.decode("utf-8"), format="nt")
    assert isomorphic(_rdf11(back), _rdf11(reference))


def _rdf11(graph: Graph) -> Graph:
    """The graph with "x"^^xsd:string written as "x": the same literal in RDF 1.1, but two terms to
    rdflib (Oxigraph hands back the explicit datatype)."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.string:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


_RDFLIB_PARSERS = {"turtle": "turtle", "trig": "trig", "ntriples": "nt", "nquads": "nquads", "jsonld": "json-ld", "xml": "xml"}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_export_format_round_trips(built, reference, fmt, tmp_path):
    data = serialize(load(built), fmt)
    parser = _RDFLIB_PARSERS[fmt]
    if fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(data=data, format=parser)
        back = Graph()
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = Graph()
        back.parse(data=data, format=parser)
    assert isomorphic(_rdf11(back), _rdf11(reference)), fmt
    # and kg reads its own files back too
    path = tmp_path / f"graph{FORMATS[fmt][1][0]}"
    path.write_bytes(data)
    assert isomorphic(_rdf11(load(path)), _rdf11(reference)), fmt


# --------------------------------------------------------------------------------------------
# Virtuoso

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt") or shutil.which("isql-v")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, built):
    if VIRTUOSO is None or ISQL is None:
        pytest.skip("Virtuoso (virtuoso-opensource: virtuoso-t and isql-vt) is not installed")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(_INI.format(d=folder, sql=sql, http=http))
    shutil.copy(built, folder / "graph.ttl")
    log = open(folder / "stdout.log", "wb")
    process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{http}/sparql"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                pytest.fail(f"virtuoso-t exited: {(folder / 'stdout.log').read_text(errors='replace')[-2000:]}")
            try:
                _virtuoso_select(endpoint, "ASK { }")
                break
            except (urllib.error.URLError, OSError, ValueError):
                if time.monotonic() > deadline:
                    pytest.fail("Virtuoso did not come up within 90 s")
                time.sleep(0.5)
        yield {"endpoint": endpoint, "isql": [ISQL, f"127.0.0.1:{sql}", "dba", "dba"], "folder": folder}
    finally:
        if process.poll() is None:
            subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", "exec=shutdown;"], capture_output=True, timeout=30)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
        log.close()


def _isql(virtuoso, statement: str) -> str:
    run = subprocess.run([*virtuoso["isql"], f"exec={statement}"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and "*** Error" not in run.stdout + run.stderr, run.stdout + run.stderr
    return run.stdout


def _virtuoso_select(endpoint: str, text: str, graph: str | None = None) -> dict:
    params = {"query": text, "format": "application/sparql-results+json"}
    if graph:
        params["default-graph-uri"] = graph
    request = urllib.request.Request(endpoint, data=urllib.parse.urlencode(params).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode("utf-8"))


_NUMERIC = re.compile(r"#(integer|decimal|double|float|long|int|short|byte|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|unsigned\w+)$")


def _norm(value: str | None, datatype: str | None) -> str:
    if value is None:
        return ""
    if datatype and _NUMERIC.search(datatype):
        try:
            number = Decimal(value)
            return format(number.normalize(), "f") if number == number.to_integral() else format(float(number), ".10g")
        except InvalidOperation:
            return value
    return value


def _virtuoso_rows(result: dict) -> set[tuple[str, ...]]:
    names = result["head"]["vars"]
    out = set()
    for binding in result["results"]["bindings"]:
        row = []
        for name in names:
            term = binding.get(name)
            row.append(_norm(term["value"], term.get("datatype")) if term else "")
        out.add(tuple(row))
    return out


def _kg_rows(result) -> set[tuple[str, ...]]:
    names = [str(v) for v in result.vars]
    out = set()
    for row in result:
        cells = []
        for name in names:
            term = row[name]
            datatype = str(term.datatype) if isinstance(term, Literal) and term.datatype else None
            cells.append(_norm(str(term), datatype) if term is not None else "")
        out.add(tuple(cells))
    return out


def _example_queries() -> dict[str, str]:
    return {name: text for name, text in named_queries().items() if text.strip()} or FALLBACK_QUERIES


def test_virtuoso_loads_it_with_the_same_count_and_answers_the_example_queries_alike(virtuoso, built, reference):
    path = virtuoso["folder"] / "graph.ttl"
    _isql(virtuoso, f"DB.DBA.TTLP_MT(file_to_string_output('{path}'), '', '{GRAPH_IRI}', 0); checkpoint;")
    count = _virtuoso_select(virtuoso["endpoint"], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", GRAPH_IRI)
    assert int(count["results"]["bindings"][0]["n"]["value"]) == len(reference)

    graph = load(built)
    queries = _example_queries()
    assert queries
    answered = 0
    for name, text in queries.items():
        ours = _kg_rows(query(graph, text))
        answered += bool(ours)
        theirs = _virtuoso_rows(_virtuoso_select(virtuoso["endpoint"], text, GRAPH_IRI))
        assert theirs == ours, f"{name}: only in Virtuoso {sorted(theirs - ours)[:5]}, only in kg {sorted(ours - theirs)[:5]}"
    assert answered >= len(queries) // 2, "most example queries should have answers on the fixture corpus"


if os.environ.get("KG_INTEROP_REQUIRE_TOOLS"):  # CI can insist the tools are there instead of skipping
    def test_external_tools_are_installed():
        missing = [t for t in ("rapper", "serdi", "virtuoso-t") if shutil.which(t) is None]
        assert not missing, f"missing: {missing}"
