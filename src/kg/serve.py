"""serve(graph): a read-only SPARQL 1.1 Protocol endpoint over one RDF file, plus a small query page.

    app = make_app("out/graph.ttl", port=0)   # 0: any free port
    app.start()                                # serves in a background thread
    ... urllib.request.urlopen(app.url + "sparql?query=ASK{}") ...
    app.close()

How it works:

* A pool of long-lived worker processes each bulk-load the file into an in-memory Oxigraph store
  (the fastest to query; a recycled worker loads it again). With ``in_memory=False`` the file is
  loaded once into an on-disk store in a temporary folder that every worker opens read-only: less
  memory for big graphs, but queries ran about 3-5 times slower in the benchmark.
* Each query is checked before it runs (:func:`check_query`): it must parse as a SPARQL 1.1 *query*
  (rdflib's parser, whose message a bad query gets back with HTTP 400) and must not use ``SERVICE``
  (Oxigraph would make the outbound request), ``LOAD``, ``FROM`` / ``FROM NAMED`` or any update
  form. Two independent checks must both pass: a walk of rdflib's parse tree and a tokenizer that
  skips strings, comments and IRIs. Updates are refused with 400; there is no update endpoint.
* A query runs in a worker with a wall-clock limit (``timeout_s``): on time-out the worker process is
  killed and replaced, and the client gets **504** ``query timed out``. When every worker stays busy
  for ``timeout_s`` the client gets **503** (with ``Retry-After``).
* Results are capped at ``max_rows`` rows (SELECT) or triples (CONSTRUCT/DESCRIBE): a larger result
  is **refused with 413** and a message to add ``LIMIT`` — never silently truncated.
* Results by content negotiation (``Accept``, or a ``format=`` parameter): SELECT/ASK as
  ``application/sparql-results+json`` (default), ``+xml``, ``text/csv``,
  ``text/tab-separated-values``; CONSTRUCT/DESCRIBE as ``text/turtle`` (default),
  ``application/ld+json``, ``application/n-triples``, ``application/rdf+xml``.
* The default graph is the union of all graphs of the file (so TriG/N-Quads exports query the same
  as Turtle ones).
"""
from __future__ import annotations

import json
import logging
import subprocess
import os
import queue
import re
import secrets
import shutil
import signal
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.connection import Connection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .errors import InputError, KgError

log = logging.getLogger("kg.serve")

#: the longest query text accepted (characters)
MAX_QUERY_CHARS = 100_000
#: the least size a SELECT result may reach before its rows are counted (bytes; also 2 kB a row)
MAX_RESULT_BYTES = 64_000_000
#: the largest POST body accepted (bytes)
MAX_BODY_BYTES = 1_000_000
#: how long a worker may take to open the store and warm up
START_TIMEOUT_S = 900.0

SPARQL_PATHS = ("/", "/sparql", "/query")
_LOOPBACK = ("127.0.0.1", "::1", "localhost")

# --------------------------------------------------------------------------------------------
# Query checks


class QueryRefused(Exception):
    """A request the endpoint will not run: ``status`` is the HTTP status, ``str()`` the message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


#: keywords that are refused wherever they appear as a keyword (outside strings, IRIs, comments)
FORBIDDEN_KEYWORDS = {
    "SERVICE": "SERVICE (federated queries) is not allowed: this endpoint makes no outbound requests",
    "LOAD": "LOAD is not allowed: this endpoint is read-only",
    "FROM": "FROM / FROM NAMED are not allowed: the endpoint serves one graph, query it without a dataset clause",
    **{
        word: f"{word} is a SPARQL Update operation: this endpoint is read-only"
        for word in ("INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING")
    },
}

_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

# One alternation, tried left to right at each position; only the "word" group is looked at.
_TOKEN = re.compile(
    r"""
      (?P<long1>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\")
    | (?P<long2>'''(?:[^'\\]|\\.|'(?!''))*''')
    | (?P<str1>"(?:[^"\\\n\r]|\\.)*")
    | (?P<str2>'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<comment>\#[^\n\r]*)
    | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]*)
    | (?P<bnode>_:[\w.\-\u00B7]*)
    | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w:%\\.\-]|%[0-9A-Fa-f]{2})*)
    | (?P<word>[^\W\d][\w]*)
    | (?P<other>\S)
    | (?P<space>\s+)
    """,
    re.VERBOSE | re.DOTALL,
)


def unescape_codepoints(text: str) -> str:
    """Apply SPARQL's \\uXXXX / \\UXXXXXXXX escapes, which act before parsing (SPARQL 1.1 §19.2)."""

    def replace(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group(0)

    return _UNICODE_ESCAPE.sub(replace, text)


def keywords(text: str) -> list[str]:
    """The bare words of a SPARQL text in upper case: strings, IRIs, comments, variables, prefixed
    names, blank node labels and language tags are skipped."""
    words = []
    for match in _TOKEN.finditer(text):
        if match.lastgroup == "word":
            words.append(match.group().upper())
    return words


def _walk(node: Any, seen: set[int] | None = None):
    """Every CompValue name in an rdflib parse tree (depth first)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    if seen is None:
        seen = set()
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        yield node.name, node
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, (ParseResults, list, tuple)):
        for value in node:
            yield from _walk(value, seen)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value, seen)


_AST_REFUSED = {
    "ServiceGraphPattern": FORBIDDEN_KEYWORDS["SERVICE"],
    "DatasetClause": FORBIDDEN_KEYWORDS["FROM"],
    "Load": FORBIDDEN_KEYWORDS["LOAD"],
}


def check_query(text: str) -> str:
    """Check a query before it runs; returns its form (SELECT, CONSTRUCT, ASK or DESCRIBE).

    Raises QueryRefused(400, message) for a syntax error (rdflib's message), an update, SERVICE,
    LOAD or a dataset clause (FROM / FROM NAMED); 413 for an over-long query. Verdicts are cached
    per text (rdflib's parser takes tens of milliseconds).
    """
    verdict = _checked(text)
    if verdict[0] != 200:
        raise QueryRefused(*verdict)
    return verdict[1]


@lru_cache(maxsize=512)
def _checked(text: str) -> tuple[int, str]:
    try:
        return 200, _check_query(text)
    except QueryRefused as refused:
        return refused.status, refused.message


def _check_query(text: str) -> str:
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(413, f"query too long ({len(text)} characters, the limit is {MAX_QUERY_CHARS})")
    if not text.strip():
        raise QueryRefused(400, "empty query")
    # 1. the tokenizer (independent of any parser)
    for word in keywords(unescape_codepoints(text)):
        if word in FORBIDDEN_KEYWORDS:
            raise QueryRefused(400, FORBIDDEN_KEYWORDS[word])
    # 2. the parse tree
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except Exception as error:  # pyparsing's ParseException, or rdflib's own errors
        message = _first_line(error)
        try:
            parseUpdate(text)
        except Exception:
            raise QueryRefused(400, f"SPARQL syntax error: {message}") from None
        raise QueryRefused(400, "SPARQL Update is not accepted: this endpoint is read-only") from None
    form = None
    for name, _node in _walk(tree):
        if name in _AST_REFUSED:
            raise QueryRefused(400, _AST_REFUSED[name])
        if form is None and name in ("SelectQuery", "ConstructQuery", "AskQuery", "DescribeQuery"):
            form = name[: -len("Query")].upper()
    if form is None:
        raise QueryRefused(400, "not a SPARQL query")
    return form


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return (text.splitlines()[0] if text else type(error).__name__)[:300]


# --------------------------------------------------------------------------------------------
# Content negotiation

#: name → (media type, kind): kind "results" for SELECT/ASK, "graph" for CONSTRUCT/DESCRIBE
RESULT_TYPES: dict[str, tuple[str, str]] = {
    "json": ("application/sparql-results+json", "results"),
    "xml": ("application/sparql-results+xml", "results"),
    "csv": ("text/csv", "results"),
    "tsv": ("text/tab-separated-values", "results"),
    "turtle": ("text/turtle", "graph"),
    "jsonld": ("application/ld+json", "graph"),
    "ntriples": ("application/n-triples", "graph"),
    "rdfxml": ("application/rdf+xml", "graph"),
}
_MEDIA_ALIASES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
}
_FORMAT_PARAM = {
    "json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
    "turtle": "turtle", "ttl": "turtle", "jsonld": "jsonld", "json-ld": "jsonld",
    "ntriples": "ntriples", "nt": "ntriples", "rdfxml": "rdfxml", "rdf": "rdfxml",
}
_DEFAULT = {"results": "json", "graph": "turtle"}


def negotiate(accept: str | None, form: str, format_param: str | None = None) -> str | None:
    """The result format name for a query form given an Accept header (and an optional ``format``
    parameter that overrides it); None when nothing acceptable is on offer (→ 406)."""
    kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "results"
    if format_param:
        name = _FORMAT_PARAM.get(format_param.strip().lower()) or _MEDIA_ALIASES.get(format_param.strip().lower())
        if name is None:
            return None
        if RESULT_TYPES[name][1] != kind:  # format=json for a CONSTRUCT means JSON-LD, and back
            name = {"json": "jsonld", "jsonld": "json"}.get(name)
        return name if name is not None and RESULT_TYPES[name][1] == kind else None
    if not accept or not accept.strip():
        return _DEFAULT[kind]
    offers: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        q = 1.0
        for param in fields[1:]:
            if param.lower().startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        if media in ("*/*", "application/*", "text/*"):
            name = _DEFAULT[kind]
            if media != "*/*" and not RESULT_TYPES[name][0].startswith(media[:-1]):
                name = next((n for n, (m, k) in RESULT_TYPES.items() if k == kind and m.startswith(media[:-1])), None)
            if name:
                offers.append((q - 0.0001, position, name))  # a wildcard loses to an exact type of equal q
            continue
        name = _MEDIA_ALIASES.get(media)
        if name is not None and RESULT_TYPES[name][1] == kind:
            offers.append((q, position, name))
    if not offers:
        return None
    offers.sort(key=lambda offer: (-offer[0], offer[1]))
    return offers[0][2]


# --------------------------------------------------------------------------------------------
# Running a query (inside a worker process)


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _text_reply(status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"), headers)


def _term_json(term: Any) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {
            "subject": _term_json(term.subject), "predicate": _term_json(term.predicate), "object": _term_json(term.object)}}
    raise TypeError(f"unexpected term {term!r}")


def _too_many(max_rows: int, what: str) -> Reply:
    return _text_reply(
        413,
        f"the result has more than {max_rows} {what}; add LIMIT {max_rows} (or fewer) to the query, "
        f"or start kg serve with a larger --max-rows",
    )


def execute(store: Any, text: str, accept: str | None, format_param: str | None, max_rows: int) -> Reply:
    """Check and run one query on an Oxigraph store; the whole HTTP answer."""
    import pyoxigraph as ox

    try:
        form = check_query(text)
    except QueryRefused as refused:
        return _text_reply(refused.status, refused.message)
    name = negotiate(accept, form, format_param)
    if name is None:
        offered = ", ".join(m for m, k in RESULT_TYPES.values() if k == ("graph" if form in ("CONSTRUCT", "DESCRIBE") else "results"))
        return _text_reply(406, f"no acceptable result format for a {form} query; this endpoint offers: {offered}")
    media = RESULT_TYPES[name][0]
    try:
        result = store.query(text, use_default_graph_as_union=True)
        if isinstance(result, ox.QueryBoolean):
            if name == "json":
                body = json.dumps({"head": {}, "boolean": bool(result)}).encode("utf-8")
            else:
                body = result.serialize(format=_results_format(name))
            return Reply(200, _with_charset(media), body)
        if isinstance(result, ox.QuerySolutions):
            # Oxigraph's own serializer (fast), into a buffer that gives up past MAX_RESULT_BYTES;
            # then count the rows by reading the JSON back (also Oxigraph).
            buffer = _CappedBuffer(max(MAX_RESULT_BYTES, max_rows * 2000))
            try:
                result.serialize(buffer, format=ox.QueryResultsFormat.JSON)
            except Exception:  # noqa: BLE001 - the buffer's own "too big", however pyoxigraph wraps it
                if buffer.overflow:
                    return _too_many(max_rows, "rows")
                raise
            body = buffer.getvalue()
            solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if sum(1 for _ in solutions) > max_rows:
                return _too_many(max_rows, "rows")
            if name != "json":
                body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=_results_format(name))
            return Reply(200, _with_charset(media), body)
        triples = []
        for triple in result:
            if len(triples) >= max_rows:
                return _too_many(max_rows, "triples")
            triples.append(triple)
        from .vocab import PREFIXES

        prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()} if name in ("turtle",) else None
        body = ox.serialize(triples, format=_rdf_format(name), prefixes=prefixes)
        return Reply(200, _with_charset(media), body)
    except SyntaxError as error:
        return _text_reply(400, f"SPARQL syntax error: {_first_line(error)}")
    except (ValueError, TypeError, OSError) as error:
        return _text_reply(400 if isinstance(error, ValueError) else 500, f"SPARQL error: {_first_line(error)}")


class _CappedBuffer:
    """A binary writer that keeps what it is given, up to a limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.overflow = False

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            self.overflow = True
            raise OSError("result too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _with_charset(media: str) -> str:
    return media if media.endswith(("json", "xml")) else f"{media}; charset=utf-8"


def _results_format(name: str):
    import pyoxigraph as ox

    return {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}[name]


def _rdf_format(name: str):
    import pyoxigraph as ox

    return {"turtle": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD,
            "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML}[name]


def _child_main() -> None:
    """Entry point of the worker and loader processes (see :class:`_Child`)."""
    from multiprocessing.connection import Connection as _Connection

    read_fd, write_fd, mode, *args = sys.argv[1:]
    folder = os.path.dirname(args[-1]) if mode in ("loader", "disk") else ""
    _exit_with_parent(folder if os.path.basename(folder).startswith("kg-serve-") else None)
    incoming = _Connection(int(read_fd), writable=False)
    outgoing = _Connection(int(write_fd), readable=False)
    if mode == "loader":
        _loader_main(outgoing, *args)
    else:
        _worker_main(incoming, outgoing, mode, *args)


def _exit_with_parent(folder: str | None) -> None:
    """A watchdog thread: when the server process dies (even by SIGKILL), this child exits too,
    also in the middle of a query (Oxigraph releases the GIL while it evaluates), and removes the
    server's temporary store folder, which the server could not."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                if folder:
                    shutil.rmtree(folder, ignore_errors=True)
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="kg-serve-watchdog").start()


def _worker_main(incoming: Any, outgoing: Any, mode: str, path: str, format_name: str = "") -> None:
    """A worker process: load the file into memory (mode "memory") or open the on-disk store
    read-only (mode "disk"), then answer (text, accept, format, max_rows) messages."""
    import pyoxigraph as ox

    try:
        if mode == "memory":
            store = ox.Store()
            store.bulk_load(path=path, format=_LOAD_FORMATS[format_name]())
        else:
            store = ox.Store.read_only(path)
        check_query("ASK { ?s ?p ?o }")  # warm rdflib's parser before the first real query
        outgoing.send(("ready", len(store)))
    except BaseException as error:  # noqa: BLE001 - reported to the parent
        invalid = isinstance(error, (SyntaxError, ValueError)) and mode == "memory"
        outgoing.send(("failed", f"not valid {format_name}: {_first_line(error)}" if invalid else _first_line(error)))
        return
    while True:
        try:
            message = incoming.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        if message is None:
            return
        try:
            reply = execute(store, *message)
        except Exception as error:  # noqa: BLE001 - never let one query kill the worker
            reply = _text_reply(500, f"internal error: {_first_line(error)}")
        try:
            outgoing.send(reply)
        except OSError:
            return


def _loader_main(connection: Any, source: str, format_name: str, store_path: str) -> None:
    """Bulk-load the RDF file into a fresh on-disk store; reply with the number of quads."""
    import pyoxigraph as ox

    try:
        store = ox.Store(store_path)
        store.bulk_load(path=source, format=_LOAD_FORMATS[format_name]())
        store.flush()
        store.optimize()
        count = len(store)
        del store
        connection.send(("ok", count))
    except BaseException as error:  # noqa: BLE001
        connection.send(("failed", _first_line(error)))


_LOAD_FORMATS = {
    "turtle": lambda: __import__("pyoxigraph").RdfFormat.TURTLE,
    "trig": lambda: __import__("pyoxigraph").RdfFormat.TRIG,
    "ntriples": lambda: __import__("pyoxigraph").RdfFormat.N_TRIPLES,
    "nquads": lambda: __import__("pyoxigraph").RdfFormat.N_QUADS,
    "jsonld": lambda: __import__("pyoxigraph").RdfFormat.JSON_LD,
    "xml": lambda: __import__("pyoxigraph").RdfFormat.RDF_XML,
}


# --------------------------------------------------------------------------------------------
# The worker pool (in the server process)


#: The child imports kg.serve without running kg/__init__.py (which loads the whole pipeline).
_CHILD_CODE = (
    "import sys, types; package = types.ModuleType('kg'); package.__path__ = [sys.argv.pop(1)]; "
    "sys.modules['kg'] = package; from kg.serve import _child_main; _child_main()"
)


class _Child:
    """A Python child process running :func:`_child_main`, talked to through two pipes with
    multiprocessing's Connection framing. (Not multiprocessing's "spawn": that re-imports the
    caller's ``__main__``, which breaks scripts without a ``__name__`` guard.)"""

    def __init__(self, *args: str) -> None:
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _CHILD_CODE, str(Path(__file__).resolve().parent),
                 str(to_child_r), str(from_child_w), *args],
                pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno()
                if _has_fileno(sys.stderr) else subprocess.DEVNULL, env=env, close_fds=True,
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._out = Connection(to_child_w, readable=False)
        self._in = Connection(from_child_r, writable=False)

    def send(self, message: Any) -> None:
        self._out.send(message)

    def poll(self, timeout: float) -> bool:
        return self._in.poll(timeout)

    def recv(self) -> Any:
        return self._in.recv()

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self._close()

    def ask_to_stop(self) -> None:
        try:
            self._out.send(None)
        except (OSError, ValueError):
            pass

    def stop(self) -> None:
        self.ask_to_stop()
        try:
            self.process.wait(2)
        except subprocess.TimeoutExpired:
            self.process.kill()
            try:
                self.process.wait(2)
            except subprocess.TimeoutExpired:
                pass
        self._close()

    def _close(self) -> None:
        for connection in (self._out, self._in):
            try:
                connection.close()
            except OSError:
                pass


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
        return True
    except (AttributeError, OSError, ValueError):
        return False


class _Worker(_Child):
    def __init__(self, spec: tuple[str, ...]) -> None:
        super().__init__(*spec)
        self.triples = 0

    def wait_ready(self, timeout: float) -> None:
        try:
            ready = self.poll(timeout)
            status, detail = self.recv() if ready else ("failed", f"did not start within {timeout:.0f} s")
        except (EOFError, OSError):
            status, detail = "failed", "the process died"
        if status != "ready":
            self.kill()
            raise KgError(str(detail))
        self.triples = int(detail)


class WorkerPool:
    """Long-lived worker processes that each hold the store open; one query at a time each."""

    def __init__(self, spec: tuple[str, ...], size: int) -> None:
        self.spec = spec  # the worker's command line: ("memory", file, format) or ("disk", store folder)
        self.size = size
        self.triples = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self.recycled = 0

    def start(self) -> None:
        workers = [self._spawn() for _ in range(self.size)]  # they load in parallel
        try:
            for worker in workers:
                worker.wait_ready(START_TIMEOUT_S)
                self.triples = worker.triples
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _spawn(self) -> _Worker:
        worker = _Worker(self.spec)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, dead: _Worker) -> None:
        with self._lock:
            self._all.discard(dead)
        if self._closed:
            return

        def respawn() -> None:
            try:
                worker = self._spawn()
                worker.wait_ready(START_TIMEOUT_S)
            except KgError as error:
                if not self._closed:  # a replacement cut short by close() is no news
                    log.error("could not replace a query worker: %s", error)
                return
            if self._closed:
                worker.stop()
            else:
                self._idle.put(worker)

        threading.Thread(target=respawn, daemon=True, name="kg-serve-respawn").start()

    def run(self, message: tuple, wait_s: float, timeout_s: float) -> Reply:
        """Run one query on an idle worker: 503 if none frees up within wait_s, 504 after timeout_s."""
        try:
            worker = self._idle.get(timeout=wait_s)
        except queue.Empty:
            return _text_reply(503, f"all query workers are busy (waited {wait_s:g} s); try again later",
                               (("Retry-After", str(max(1, int(wait_s)))),))
        started = time.monotonic()
        try:
            worker.send(message)
            if not worker.poll(timeout_s):
                worker.kill()
                self.recycled += 1
                self._replace(worker)
                worker = None
                return _text_reply(504, f"query timed out after {timeout_s:g} s and was stopped "
                                        f"(the limit is set by kg serve --timeout); simplify it or add LIMIT")
            reply = worker.recv()
        except (EOFError, OSError, ValueError) as error:
            if worker is not None:
                worker.kill()
                self._replace(worker)
                worker = None
            return _text_reply(500, f"the query worker failed ({type(error).__name__}); it has been replaced")
        finally:
            if worker is not None:
                self._idle.put(worker)
        log.debug("query took %.3f s", time.monotonic() - started)
        return reply

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:  # ask them all first, then wait
            worker.ask_to_stop()
        for worker in workers:
            worker.stop()


# --------------------------------------------------------------------------------------------
# HTTP


def _graph_file(source: str | Path) -> Path:
    path = Path(source)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise InputError(str(source), "no such graph file (give an RDF file, or a folder holding graph.ttl)")
    return path


def _page(nonce: str) -> bytes:
    from .resources import data_file, named_queries

    template = data_file("html", "query.html").read_text("utf-8")
    examples = json.dumps(named_queries(), ensure_ascii=False)
    # safe inside <script type="application/json">: no "<", ">" or "&" can end or confuse the element
    examples = examples.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    examples = examples.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return template.replace("{{NONCE}}", nonce).replace("{{EXAMPLES_JSON}}", examples).encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"
    timeout = 60  # seconds a connection may sit idle (or trickle a request) before it is dropped
    sys_version = ""
    server: "_HTTPServer"

    # --- plumbing
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if self.server.app.log_requests:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def _send(self, reply: Reply, head: bool = False) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.status >= 400:
            self.close_connection = True
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)

    def _error(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
        self._send(_text_reply(status, message, headers))

    def _host_ok(self) -> bool:
        """On a loopback address, only loopback Host names (a DNS-rebinding page gets 403)."""
        if self.server.app.host not in _LOOPBACK:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit("]", 1)[0] + "]" if host.startswith("[") else host.rsplit(":", 1)[0]
        if name in _LOOPBACK or name in ("localhost", "[::1]"):
            return True
        self._error(403, f"Host {host!r} is not served: this endpoint answers on localhost only")
        return False

    # --- methods
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path not in SPARQL_PATHS:
            return self._error(404, f"not found: {url.path} (the SPARQL endpoint is /sparql)")
        params = parse_qs(url.query, keep_blank_values=True)
        if "query" not in params and not (set(params) & {"update"}):
            if url.path != "/" and "text/html" not in (self.headers.get("Accept") or ""):
                return self._error(400, "give a query: GET /sparql?query=... or POST")
            nonce = secrets.token_urlsafe(16)
            csp = (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
                   "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
            return self._send(Reply(200, "text/html; charset=utf-8", _page(nonce),
                                    (("Content-Security-Policy", csp), ("Referrer-Policy", "no-referrer"))))
        self._answer(params)

    def do_HEAD(self) -> None:  # noqa: N802
        self._error(405, "use GET or POST", (("Allow", "GET, POST"),))

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        url = urlsplit(self.path)
        if url.path not in SPARQL_PATHS:
            return self._error(404, f"not found: {url.path} (the SPARQL endpoint is /sparql)")
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._error(411, "send a Content-Length (chunked bodies are not accepted)")
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            return self._error(400, "bad Content-Length")
        if length < 0:
            return self._error(400, "bad Content-Length")
        if length > MAX_BODY_BYTES:
            return self._error(413, f"request body too large ({length} bytes, the limit is {MAX_BODY_BYTES})")
        body = self.rfile.read(length) if length else b""
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._error(400, "the request body is not UTF-8")
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            if "query" in params:
                return self._error(400, "give the query once: in the body or in the URL, not both")
            params["query"] = [text]
        elif media == "application/sparql-update":
            return self._error(400, "SPARQL Update is not accepted: this endpoint is read-only")
        else:
            return self._error(415, "POST a query as application/sparql-query or as the query= field of "
                                    "application/x-www-form-urlencoded")
        self._answer(params)

    def _refuse_method(self) -> None:
        self._error(405, "read-only SPARQL endpoint: use GET or POST", (("Allow", "GET, POST"),))

    do_PUT = do_DELETE = do_PATCH = _refuse_method

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            return self._error(400, "SPARQL Update is not accepted: this endpoint is read-only")
        for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
            if key in params:
                return self._error(400, f"{key} is not supported: the endpoint serves one graph, query it without a dataset")
        queries = params.get("query") or []
        if len(queries) != 1:
            return self._error(400, "give exactly one query parameter")
        formats = params.get("format") or params.get("output") or [None]
        app = self.server.app
        message = (queries[0], self.headers.get("Accept"), formats[0], app.max_rows)
        self._send(app.pool.run(message, wait_s=app.queue_timeout_s, timeout_s=app.timeout_s))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512
    allow_reuse_address = True
    app: "SparqlApp"


class SparqlApp:
    """The endpoint: load once, then :meth:`start` (background thread) or :meth:`serve_forever`."""

    def __init__(self, source: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout_s: float = 10.0,
                 max_rows: int = 10000, workers: int | None = None, log_requests: bool = False,
                 queue_timeout_s: float | None = None, in_memory: bool = True) -> None:
        if timeout_s <= 0:
            raise KgError("--timeout must be positive")
        if max_rows < 1:
            raise KgError("--max-rows must be at least 1")
        self.source = _graph_file(source)
        self.host = host
        self.port = port
        self.timeout_s = float(timeout_s)
        self.queue_timeout_s = float(queue_timeout_s if queue_timeout_s is not None else max(timeout_s, 10.0))
        self.max_rows = int(max_rows)
        self.workers = workers or max(2, min(4, os.cpu_count() or 2))
        self.log_requests = log_requests
        self.in_memory = in_memory
        self.triples = 0
        self._folder: str | None = None
        self.pool: WorkerPool | None = None
        self.httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- life cycle
    def load(self) -> None:
        from .export import format_for

        format_name = format_for(self.source)
        try:
            try:  # listen first: a busy port fails before the (maybe long) load
                self.httpd = _HTTPServer((self.host, self.port), _Handler)
            except OSError as error:
                raise KgError(f"cannot listen on {self.host}:{self.port}: {error.strerror or error}") from None
            self.httpd.app = self
            self.port = self.httpd.server_address[1]
            if self.in_memory:
                spec: tuple[str, ...] = ("memory", str(self.source), format_name)
            else:
                self._folder = tempfile.mkdtemp(prefix="kg-serve-")
                store_path = os.path.join(self._folder, "store")
                loader = _Child("loader", str(self.source), format_name, store_path)
                try:
                    status, detail = loader.recv()
                except (EOFError, OSError):
                    status, detail = "failed", "the loader process died"
                finally:
                    loader.stop()
                if status != "ok":
                    raise InputError(str(self.source), f"not valid {format_name}: {detail}")
                spec = ("disk", store_path)
            self.pool = WorkerPool(spec, self.workers)
            try:
                self.pool.start()
            except KgError as error:
                raise InputError(str(self.source), str(error)) from None
            self.triples = self.pool.triples
        except BaseException:
            self.close()
            raise

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def endpoint(self) -> str:
        return self.url + "sparql"

    def start(self) -> "SparqlApp":
        """Load (if not yet done) and serve in a background thread; returns self."""
        if self.httpd is None:
            self.load()
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        daemon=True, name="kg-serve-http")
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        if self.httpd is None:
            self.load()
        try:
            self.httpd.serve_forever(poll_interval=0.5)
        finally:
            self.close()

    def close(self) -> None:
        if self.httpd is not None:
            if self._thread is not None:
                self.httpd.shutdown()
                self._thread.join(5)
            self.httpd.server_close()
            self.httpd = None
        if self.pool is not None:
            self.pool.close()
            self.pool = None
        self._cleanup()

    def _cleanup(self) -> None:
        if self._folder:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def __enter__(self) -> "SparqlApp":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_app(source: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout_s: float = 10.0,
             max_rows: int = 10000, **options: Any) -> SparqlApp:
    """The endpoint, not yet started: call ``.start()`` (returns at once) and ``.close()``, or use
    it as a context manager. ``port=0`` picks a free port (``.port`` / ``.url`` after start)."""
    return SparqlApp(source, host=host, port=port, timeout_s=timeout_s, max_rows=max_rows, **options)


def serve(source: str | Path, host: str = "127.0.0.1", port: int = 8000, timeout_s: float = 10.0,
          max_rows: int = 10000, **options: Any) -> None:
    """Serve the graph until interrupted (Ctrl-C)."""
    options.setdefault("log_requests", True)

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)  # a service manager's stop cleans up like Ctrl-C
    app = make_app(source, host=host, port=port, timeout_s=timeout_s, max_rows=max_rows, **options)
    app.load()
    print(f"kg serve: {app.triples} triples from {app.source}; SPARQL endpoint {app.endpoint}, "
          f"query page {app.url} (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        app.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        app.close()
