"""kg serve: the SPARQL 1.1 Protocol endpoint (loopback only, bounded in time)."""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from kg.cli import main
from kg.serve import QueryRefused, check_query, keywords, make_app, negotiate

SCHEMA = Namespace("https://schema.org/")
EX = Namespace("https://w3id.org/zhkg/id/org/")
N_ORGS = 600  # 1200+ triples: a triple cross join is ~10^9 rows, it never ends within the limit
MAX_ROWS = 1000
TIMEOUT_S = 2.0


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    graph = Graph()
    graph.bind("schema", SCHEMA)
    for i in range(N_ORGS):
        org = EX[f"o{i:04d}"]
        graph.add((org, RDF.type, SCHEMA.Organization))
        graph.add((org, RDFS.label, Literal(f"机构{i}号", lang="zh")))
    graph.add((EX.o0000, SCHEMA.description, Literal('"引号"\t制表符\n换行 <script>alert(1)</script>', lang="zh")))
    graph.add((EX.o0001, SCHEMA.foundingDate, Literal("2020-01-02", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))))
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def app(graph_file):
    server = make_app(graph_file, port=0, timeout_s=TIMEOUT_S, max_rows=MAX_ROWS, workers=2, queue_timeout_s=20)
    server.start()
    yield server
    server.close()


def request(app, method="GET", query=None, accept=None, body=None, content_type=None, path="sparql", params=None, timeout=15):
    """(status, headers, body bytes); never raises for an HTTP error status."""
    fields = dict(params or {})
    if query is not None and method == "GET":
        fields["query"] = query
    url = app.url + path + ("?" + urllib.parse.urlencode(fields) if fields else "")
    data = None
    headers = {}
    if method == "POST":
        if body is None:
            data = urllib.parse.urlencode({"query": query}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = body
            headers["Content-Type"] = content_type
    if accept:
        headers["Accept"] = accept
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


LABELS = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?o ?label WHERE { ?o rdfs:label ?label } ORDER BY ?o LIMIT 3"


# --------------------------------------------------------------------------------------------
# Protocol and formats


def test_get_returns_sparql_json_by_default(app):
    status, headers, body = request(app, query=LABELS)
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["o", "label"]
    first = data["results"]["bindings"][0]
    assert first["o"] == {"type": "uri", "value": str(EX.o0000)}
    assert first["label"] == {"type": "literal", "value": "机构0号", "xml:lang": "zh"}


def test_post_form_and_post_query_body(app):
    status, _, body = request(app, "POST", query=LABELS)
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, _, body = request(app, "POST", body=LABELS.encode(), content_type="application/sparql-query")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    status, _, _ = request(app, "POST", body=b"x=1", content_type="text/plain")
    assert status == 415


@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html, */*;q=0.8", "application/sparql-results+json"),
])
def test_select_formats_by_accept(app, accept, media):
    import pyoxigraph as ox

    status, headers, body = request(app, query=LABELS, accept=accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media
    if media == "text/csv":
        lines = body.decode().split("\r\n")
        assert lines[0] == "o,label" and lines[1] == f"{EX.o0000},机构0号"
        return
    fmt = {"application/sparql-results+xml": ox.QueryResultsFormat.XML, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
           "application/sparql-results+json": ox.QueryResultsFormat.JSON}[media]
    rows = list(ox.parse_query_results(body, format=fmt))
    assert len(rows) == 3 and rows[0]["label"] == ox.Literal("机构0号", language="zh")


def test_hostile_text_survives_every_format(app):
    import pyoxigraph as ox

    text = "SELECT ?d WHERE { ?o <https://schema.org/description> ?d }"
    expected = '"引号"\t制表符\n换行 <script>alert(1)</script>'
    for accept, fmt in (("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                        ("text/tab-separated-values", ox.QueryResultsFormat.TSV)):
        status, _, body = request(app, query=text, accept=accept)
        assert status == 200
        assert [row["d"].value for row in ox.parse_query_results(body, format=fmt)] == [expected]


def test_ask(app):
    status, headers, body = request(app, query="ASK { ?s a <https://schema.org/Organization> }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, _, body = request(app, query="ASK { ?s a <https://schema.org/Person> }", accept="application/sparql-results+xml")
    assert status == 200 and b"<boolean>false</boolean>" in body


def test_construct_as_turtle_and_json_ld(app, graph_file):
    text = "CONSTRUCT { ?o <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { ?o <http://www.w3.org/2000/01/rdf-schema#label> ?l }"
    expected = Graph()
    for triple in Graph().parse(graph_file).triples((None, RDFS.label, None)):
        expected.add(triple)
    status, headers, body = request(app, query=text)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert isomorphic(Graph().parse(data=body.decode(), format="turtle"), expected)
    status, headers, body = request(app, query=text, accept="application/ld+json")
    assert status == 200 and headers["Content-Type"].startswith("application/ld+json")
    assert isomorphic(Graph().parse(data=body.decode(), format="json-ld"), expected)
    status, _, body = request(app, query="DESCRIBE <https://w3id.org/zhkg/id/org/o0001>")
    assert status == 200 and "2020-01-02" in body.decode()


def test_not_acceptable(app):
    status, _, body = request(app, query=LABELS, accept="image/png")
    assert status == 406 and b"application/sparql-results+json" in body


def test_format_parameter_overrides_accept(app):
    status, headers, _ = request(app, query=LABELS, params={"format": "csv"}, accept="application/sparql-results+json")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")


# --------------------------------------------------------------------------------------------
# Refusals


def test_bad_query_is_400_with_the_parser_message(app):
    status, _, body = request(app, query="SELECT ?s WHERE { ?s ?p }")
    assert status == 400 and body.startswith(b"SPARQL syntax error:")


@pytest.mark.parametrize("text", [
    "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP GRAPH <http://e/g>",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "CREATE GRAPH <http://e/g>",
    "ADD DEFAULT TO <http://e/g>",
])
def test_updates_are_refused(app, text):
    assert request(app, query=text)[0] == 400
    assert request(app, "POST", query=text)[0] == 400
    assert request(app, "POST", body=text.encode(), content_type="application/sparql-update")[0] == 400
    status, _, body = request(app, "POST", body=urllib.parse.urlencode({"update": text}).encode(),
                              content_type="application/x-www-form-urlencoded")
    assert status == 400 and b"read-only" in body


def test_nothing_was_changed(app):
    status, _, body = request(app, query="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == 2 * N_ORGS + 2


def test_a_foreign_host_name_is_403(app):
    """A page that rebinds its own DNS name to 127.0.0.1 cannot read the graph."""
    with socket.create_connection(("127.0.0.1", app.port), timeout=10) as sock:
        sock.sendall(f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: evil.example:{app.port}\r\nConnection: close\r\n\r\n".encode())
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 403")
    with socket.create_connection(("127.0.0.1", app.port), timeout=10) as sock:
        sock.sendall(f"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: localhost:{app.port}\r\nConnection: close\r\n\r\n".encode())
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")


def test_other_methods_are_405(app):
    assert request(app, "PUT", body=b"", content_type="text/turtle")[0] == 405
    assert request(app, "DELETE")[0] == 405


@pytest.mark.parametrize("text", [
    "SELECT * FROM <http://e/g> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://e/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "select * from <file:///etc/passwd> where { ?s ?p ?o }",
])
def test_dataset_clauses_are_refused(app, text):
    status, _, body = request(app, query=text)
    assert status == 400 and b"FROM" in body
    status, _, _ = request(app, query=LABELS, params={"default-graph-uri": "http://e/g"})
    assert status == 400


@pytest.fixture()
def listener():
    """A TCP listener on loopback that records any connection made to it."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.settimeout(0.05)
    seen: list[object] = []
    stop = threading.Event()

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                connection, address = sock.accept()
            except (socket.timeout, OSError):
                continue
            seen.append(address)
            connection.close()

    thread = threading.Thread(target=accept_loop, daemon=True)
    thread.start()
    yield sock.getsockname()[1], seen
    stop.set()
    thread.join(2)
    sock.close()


SERVICE_FORMS = [
    "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SeRvIcE <{url}> {{ ?s ?p ?o }} }} }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    "PREFIX x: <{url}>\nSELECT * WHERE {{ # comment <x>\n SERVICE x: {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?a ?b ?c . OPTIONAL {{ SERVICE<{url}>{{?s ?p ?o}} }} }}",
    "ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
    "CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
]


@pytest.mark.parametrize("form", SERVICE_FORMS)
def test_service_is_refused_and_no_connection_is_made(app, listener, form):
    port, seen = listener
    text = form.format(url=f"http://127.0.0.1:{port}/")
    status, _, body = request(app, query=text)
    assert status == 400 and b"SERVICE" in body
    status, _, body = request(app, "POST", body=text.encode(), content_type="application/sparql-query")
    assert status == 400
    time.sleep(0.3)
    assert seen == []


def test_keywords_inside_strings_iris_and_comments_are_fine(app):
    text = ('PREFIX service: <https://w3id.org/zhkg/id/org/>\n'
            'SELECT ?label ("SERVICE <http://127.0.0.1:9/> INSERT FROM" AS ?note) WHERE {\n'
            '  # SERVICE <http://127.0.0.1:9/> { } FROM <x>\n'
            '  service:o0002 <http://www.w3.org/2000/01/rdf-schema#label> ?label .\n'
            '  FILTER(?label != """LOAD <x> DELETE""")\n'
            '}')
    status, _, body = request(app, query=text)
    assert status == 200, body
    assert json.loads(body)["results"]["bindings"][0]["label"]["value"] == "机构2号"


def test_check_query_unit():
    assert check_query("SELECT * WHERE { ?s ?p ?o }") == "SELECT"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert check_query("ASK {}") == "ASK"
    assert check_query("DESCRIBE <http://e/x>") == "DESCRIBE"
    for bad in ("SELECT * { SERVICE ?x { ?s ?p ?o } }", "LOAD <http://e/x>", "INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
                "SELECT * FROM <http://e/> {}", "WITH <http://e/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ""):
        with pytest.raises(QueryRefused) as refused:
            check_query(bad)
        assert refused.value.status == 400
    assert keywords('SELECT ?from ex:service _:load "FROM" <http://e/SERVICE> # DROP\n ?x') == ["SELECT"]
    with pytest.raises(QueryRefused) as refused:
        check_query("SELECT * WHERE {" + " ?s ?p ?o ." * 20000 + "}")
    assert refused.value.status == 413


def test_negotiate_unit():
    assert negotiate(None, "SELECT") == "json"
    assert negotiate(None, "CONSTRUCT") == "turtle"
    assert negotiate("application/ld+json", "DESCRIBE") == "jsonld"
    assert negotiate("application/sparql-results+json", "CONSTRUCT") is None
    assert negotiate("text/*", "SELECT") == "csv"
    assert negotiate("text/csv;q=0, */*;q=0.1", "SELECT") == "json"
    assert negotiate("x", "ASK", format_param="xml") == "xml"
    assert negotiate(None, "CONSTRUCT", format_param="json") == "jsonld"


# --------------------------------------------------------------------------------------------
# Limits


def test_more_rows_than_the_cap_is_413(app):
    status, _, body = request(app, query="SELECT * WHERE { ?s ?p ?o }")
    assert status == 413 and b"LIMIT" in body
    status, _, body = request(app, query="CONSTRUCT WHERE { ?s ?p ?o }")
    assert status == 413
    status, _, body = request(app, query=f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS}")
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS


def test_a_query_that_runs_forever_is_stopped(app):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    status, _, body = request(app, query=text, timeout=30)
    elapsed = time.monotonic() - started
    assert status == 504 and b"timed out" in body
    assert TIMEOUT_S <= elapsed < TIMEOUT_S + 3
    # the killed worker is replaced; the endpoint keeps answering
    for _ in range(4):
        assert request(app, query="ASK {}")[0] == 200
    deadline = time.monotonic() + 30
    while app.pool._idle.qsize() < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert app.pool._idle.qsize() == 2 and app.pool.recycled >= 1


# --------------------------------------------------------------------------------------------
# Clients


def test_sparqlwrapper_client(app):
    from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

    client = SPARQLWrapper(app.endpoint)
    client.setQuery(LABELS)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert [b["label"]["value"] for b in data["results"]["bindings"]] == ["机构0号", "机构1号", "机构2号"]

    client.setMethod(POST)
    client.setReturnFormat(XML)
    document = client.query().convert()
    assert len(document.getElementsByTagName("result")) == 3

    client.setQuery("ASK { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True

    client.setQuery("CONSTRUCT WHERE { ?o <http://www.w3.org/2000/01/rdf-schema#label> ?l } LIMIT 5")
    client.setReturnFormat(TURTLE)
    turtle = client.query().convert()
    assert len(Graph().parse(data=turtle.decode() if isinstance(turtle, bytes) else turtle, format="turtle")) == 5


def test_200_concurrent_clients_all_get_200(app):
    def one(i: int) -> int:
        text = f'ASK {{ <{EX}o{i % N_ORGS:04d}> ?p ?o }}'
        return request(app, "GET" if i % 2 else "POST", query=text, timeout=60)[0]

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=200) as pool:
        statuses = list(pool.map(one, range(200)))
    assert statuses == [200] * 200
    assert time.monotonic() - started < 30


# --------------------------------------------------------------------------------------------
# The query page


def test_query_page(app):
    status, headers, body = request(app, path="", accept="text/html")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = body.decode()
    assert "<textarea" in page and 'id="examples"' in page
    csp = headers["Content-Security-Policy"]
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in page
    before, rest = page.split('<script type="application/json" id="example-data">')
    own = before + rest.split("</script>", 1)[1]  # the page without the embedded example queries
    assert "http://" not in own and "https://" not in own and "<link" not in own and " src=" not in own
    assert ".innerHTML" not in page


def test_query_page_embeds_hostile_example_names_safely(monkeypatch):
    import kg.resources
    from kg.serve import _page

    hostile = {"x</script><script>alert(1)</script>": "SELECT * { ?s ?p '<!-- </script> -->' }"}
    monkeypatch.setattr(kg.resources, "named_queries", lambda: hostile)
    page = _page("n0nce").decode()
    data = page.split('<script type="application/json" id="example-data">')[1].split("</script>")[0]
    assert json.loads(data) == hostile


def test_query_page_lists_the_shipped_examples(app):
    from kg.resources import named_queries

    page = request(app, path="", accept="text/html")[2].decode()
    data = page.split('<script type="application/json" id="example-data">')[1].split("</script>")[0]
    assert json.loads(data) == named_queries()


# --------------------------------------------------------------------------------------------
# CLI


def test_cli_serve_help_and_a_missing_graph():
    runner = CliRunner()
    result = runner.invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "--max-rows" in result.output
    result = runner.invoke(main, ["serve", "/no/such/graph.ttl", "--port", "0"])
    assert result.exit_code != 0 and "no such graph file" in result.output and "Traceback" not in result.output


def test_a_folder_holding_graph_ttl_and_a_broken_file(graph_file, tmp_path):
    from kg.errors import KgError

    with make_app(graph_file.parent, port=0, workers=1) as server:
        assert server.triples == 2 * N_ORGS + 2
        assert request(server, query="ASK { ?s ?p ?o }")[0] == 200
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://e/a> <http://e/b> .\n")
    with pytest.raises(KgError) as error:
        make_app(broken, port=0, workers=1).start()
    assert "not valid turtle" in str(error.value)


def test_on_disk_store_mode(graph_file):
    """in_memory=False: one on-disk store that every worker opens read-only; removed on close."""
    with make_app(graph_file, port=0, workers=1, in_memory=False) as server:
        folder = server._folder
        assert folder and server.triples == 2 * N_ORGS + 2
        status, _, body = request(server, query=LABELS)
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    assert not __import__("os").path.exists(folder)
