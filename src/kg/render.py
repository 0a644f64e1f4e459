"""One self-contained, offline HTML page of the entity network of a kg graph.

``render(graph)`` returns the whole page as a string. The nodes are the entities
(organizations, places, people, initiatives), the edges the direct relations between
them, in vis-network's node, edge and option format (built here directly: pyvis's
``add_node`` is quadratic in the number of nodes). The page is our own template
(``kg/data/html/page.html``) with vis-network inlined, so the file opens without any network
access. Beyond a few entities the layout is computed here (force direction per connected
component, packed in rows), so the browser draws at once instead of running physics.

Everything read from the graph is treated as hostile text: it reaches the page only as
JSON inside ``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, and the page's script builds the DOM with ``textContent`` only.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from markupsafe import Markup  # with jinja2, installed with pyvis
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS
from rdflib.term import Node

from kg.errors import KgError
from kg.resources import data_file
from kg.vocab import KG, SCHEMA

__all__ = ["render", "ENTITY_TYPES", "RELATIONS", "FONT_STACK"]

FONT_STACK = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", "PingFang SC", "Microsoft YaHei", sans-serif'

#: kind → (class, Chinese name, colour); the order is the legend's
ENTITY_TYPES: dict[str, tuple[URIRef, str, str]] = {
    "Organization": (SCHEMA.Organization, "机构", "#4e79a7"),
    "Person": (SCHEMA.Person, "人物", "#e15759"),
    "Place": (SCHEMA.Place, "地点", "#59a14f"),
    "Initiative": (KG.Initiative, "举措", "#f28e2b"),
}

#: relation predicate → (key, Chinese name, colour)
RELATIONS: dict[URIRef, tuple[str, str, str]] = {
    ORG.memberOf: ("memberOf", "成员", "#7f7f9f"),
    ORG.subOrganizationOf: ("subOrganizationOf", "下属", "#4e79a7"),
    SCHEMA.location: ("location", "位于", "#59a14f"),
    SCHEMA.containedInPlace: ("containedInPlace", "属于", "#8cd17d"),
    SCHEMA.organizer: ("organizer", "主办", "#f28e2b"),
    KG.partnerOf: ("partnerOf", "合作", "#b07aa1"),
}
_SYMMETRIC = {KG.partnerOf}

_NAME_PREDICATES = (SKOS.prefLabel, RDFS.label, SCHEMA.name, SKOS.altLabel, SCHEMA.alternateName)
_LABEL_MAX = 18  # characters of a name drawn on the canvas; the panel shows it whole


# ---------------------------------------------------------------- reading the graph


def _text(value: Node | None) -> str:
    return "" if value is None else str(value)


def _best_literal(values: Iterable[Node]) -> str:
    """The Chinese literal if there is one, else any (deterministically)."""
    lits = [v for v in values if isinstance(v, Literal)]
    if not lits:
        return ""
    lits.sort(key=lambda v: (0 if (v.language or "").lower().startswith("zh") else 1 if not v.language else 2, str(v)))
    return str(lits[0])


def _local_name(iri: Node) -> str:
    text = str(iri)
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text


class _Index:
    """``objects``/``value``/``subjects`` of a graph, one pass per predicate.

    rdflib over Oxigraph costs a round trip per pattern; a page of thousands of entities asks
    tens of thousands of them. Each predicate is read once, into dictionaries.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self._forward: dict[URIRef, dict[Node, list[Node]]] = {}
        self._backward: dict[URIRef, dict[Node, list[Node]]] = {}

    def _read(self, pred: URIRef) -> None:
        forward: dict[Node, list[Node]] = {}
        backward: dict[Node, list[Node]] = {}
        for s, o in self.graph.subject_objects(pred):
            forward.setdefault(s, []).append(o)
            backward.setdefault(o, []).append(s)
        self._forward[pred] = forward
        self._backward[pred] = backward

    def objects(self, subject: Node, pred: URIRef) -> list[Node]:
        if pred not in self._forward:
            self._read(pred)
        return self._forward[pred].get(subject, [])

    def subjects(self, pred: URIRef, obj: Node) -> list[Node]:
        if pred not in self._backward:
            self._read(pred)
        return self._backward[pred].get(obj, [])

    def subject_objects(self, pred: URIRef) -> Iterable[tuple[Node, Node]]:
        if pred not in self._forward:
            self._read(pred)
        return ((s, o) for s, objs in self._forward[pred].items() for o in objs)

    def value(self, subject: Node, pred: URIRef) -> Node | None:
        found = self.objects(subject, pred)
        return min(found, key=str) if found else None


def _names(graph: "_Index", node: Node) -> tuple[str, list[str]]:
    """(main name, aliases) of an entity."""
    name = ""
    for pred in _NAME_PREDICATES[:3]:
        name = _best_literal(graph.objects(node, pred))
        if name:
            break
    if not name:
        name = _local_name(node)
    aliases: list[str] = []
    for pred in _NAME_PREDICATES:
        for value in graph.objects(node, pred):
            if isinstance(value, Literal):
                text = str(value)
                if text and text != name and text not in aliases:
                    aliases.append(text)
    return name, sorted(aliases)


def _number(value: Node | None) -> float | int | str | None:
    if value is None:
        return None
    if isinstance(value, Literal):
        py = value.toPython()
        if isinstance(py, bool):
            return str(py)
        if isinstance(py, int):
            return py
        if isinstance(py, float) and math.isfinite(py):
            return py
        try:
            as_float = float(py)
        except (TypeError, ValueError):
            return str(value)
        if math.isfinite(as_float):
            return int(as_float) if as_float.is_integer() else as_float
    return str(value)


@dataclass
class _Edge:
    source: Node
    target: Node
    predicate: URIRef
    roles: list[str] = field(default_factory=list)
    evidence: list[tuple[Node, str, float | int | str | None]] = field(default_factory=list)


class _Reader:
    """Everything the page shows, read once from the graph."""

    def __init__(self, graph: Graph, view: Graph | None = None) -> None:
        self.graph = graph
        index = self.index = _Index(graph)
        self.kind: dict[Node, str] = {}
        for kind, (cls, _zh, _color) in ENTITY_TYPES.items():
            for node in index.subjects(RDF.type, cls):
                self.kind.setdefault(node, kind)
        self.edges: dict[tuple[Node, URIRef, Node], _Edge] = {}
        for pred in RELATIONS:
            for s, o in index.subject_objects(pred):
                self._edge(s, pred, o)
        # memberships: roles and evidence of memberOf (and the edge itself if only the membership was written)
        for ms in index.subjects(RDF.type, ORG.Membership):
            for member in index.objects(ms, ORG.member):
                for organization in index.objects(ms, ORG.organization):
                    edge = self._edge(member, ORG.memberOf, organization)
                    if edge is None:
                        continue
                    for role in index.objects(ms, ORG.role):
                        label = _best_literal(index.objects(role, RDFS.label)) or _best_literal(
                            index.objects(role, SKOS.prefLabel)
                        )
                        if label and label not in edge.roles:
                            edge.roles.append(label)
                    for sentence in index.objects(ms, KG.evidence):
                        edge.evidence.append((sentence, "membership", None))
        # assertions: evidence, method, confidence
        for assertion in index.subjects(RDF.type, KG.Assertion):
            s = index.value(assertion, RDF.subject)
            p = index.value(assertion, RDF.predicate)
            o = index.value(assertion, RDF.object)
            if s is None or o is None or p not in RELATIONS:
                continue
            edge = self._edge(s, p, o)  # type: ignore[arg-type]
            if edge is None:
                continue
            found_by = _text(index.value(assertion, KG.foundBy))
            confidence = _number(index.value(assertion, KG.confidence))
            for sentence in index.objects(assertion, KG.evidence):
                edge.evidence.append((sentence, found_by, confidence))
        for edge in self.edges.values():
            edge.roles.sort()
            seen: set[Node] = set()
            unique = []
            for item in sorted(edge.evidence, key=lambda e: (str(e[0]), e[1] == "membership", e[1])):
                if item[0] not in seen:
                    seen.add(item[0])
                    unique.append(item)
            edge.evidence = unique
        if view is not None:
            self._restrict(view)

    def _restrict(self, view: Graph) -> None:
        """Only what ``view`` holds: its entities and its relations (details from the whole graph)."""
        for kind, (cls, _zh, _color) in ENTITY_TYPES.items():
            for node in view.subjects(RDF.type, cls):
                self.kind.setdefault(node, kind)
        in_view = {n for n in self.kind if (n, None, None) in view or (None, None, n) in view}
        self.kind = {n: k for n, k in self.kind.items() if n in in_view}
        full, self.edges = self.edges, {}
        for pred in RELATIONS:
            for s, o in view.subject_objects(pred):
                if s not in self.kind or o not in self.kind or s == o:
                    continue
                if pred in _SYMMETRIC and str(o) < str(s):
                    s, o = o, s
                key = (s, pred, o)
                self.edges[key] = full.get(key) or _Edge(s, o, pred)

    def _edge(self, s: Node, p: URIRef, o: Node) -> _Edge | None:
        if s not in self.kind or o not in self.kind or s == o:
            return None
        if p in _SYMMETRIC and str(o) < str(s):
            s, o = o, s
        key = (s, p, o)
        edge = self.edges.get(key)
        if edge is None:
            edge = self.edges[key] = _Edge(s, o, p)
        return edge


# ---------------------------------------------------------------- choosing the nodes


def _adjacency(nodes: Iterable[Node], edges: Iterable[_Edge]) -> dict[Node, set[Node]]:
    adj: dict[Node, set[Node]] = {n: set() for n in nodes}
    for e in edges:
        if e.source in adj and e.target in adj:
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
    return adj


def _find_focus(focus: str, candidates: Iterable[Node], names: dict[Node, tuple[str, list[str]]]) -> list[Node]:
    wanted = focus.strip().casefold()
    if not wanted:
        raise KgError("focus: give a name or an alias")
    exact, partial = [], []
    for node in candidates:
        name, aliases = names[node]
        all_names = [n.casefold() for n in (name, *aliases)]
        if wanted in all_names or str(node).casefold() == wanted:
            exact.append(node)
        elif any(wanted in n for n in all_names):
            partial.append(node)
    found = exact or partial
    if not found:
        raise KgError(f"focus: no entity is named {focus!r}")
    return sorted(found, key=str)


# ---------------------------------------------------------------- the page


_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_for_script(value: object) -> str:
    """JSON that cannot end or confuse the ``<script>`` element it sits in."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)  # unpaired: not encodable as UTF-8
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@cache
def _vis_js() -> str:
    text = data_file("html", "vis-network.min.js").read_text("utf-8")
    text = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", text)
    if re.search(r"</script|<!--|<script", text, re.IGNORECASE):
        raise RuntimeError("vendored vis-network.min.js cannot be inlined: it contains a script tag")
    return text


@cache
def _page_js() -> str:
    text = data_file("html", "page.js").read_text("utf-8")
    if re.search(r"</script|<!--|<script", text, re.IGNORECASE):
        raise RuntimeError("page.js cannot be inlined: it contains a script tag")
    return text


@cache
def _template():
    import jinja2  # installed with pyvis

    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.from_string(data_file("html", "page.html").read_text("utf-8"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _label(name: str) -> str:
    return name if len(name) <= _LABEL_MAX else name[: _LABEL_MAX - 1] + "…"


_EMBED_MAX = 20_000  # entities a page carries at most (drawn and hidden): about 15 MB of HTML
_EDGE_LABELS_MAX = 1_000  # beyond this many drawn relations, edges carry no label (the tooltip stays)
_EAGER_LABELS_MAX = 2_500  # beyond this many drawn entities, the page labels the nodes in view as one zooms in
_UNIT = 110.0  # length of an edge in the precomputed layout, in vis-network pixels


def _fruchterman_reingold(count: int, edges: list[tuple[int, int]], rng, iterations: int):
    """Positions of one connected component (numpy arrays), ideal edge length 1."""
    import numpy as np

    pos = rng.uniform(-1.0, 1.0, size=(count, 2)) * math.sqrt(count)
    src = np.array([a for a, _b in edges], dtype=np.int64)
    dst = np.array([b for _a, b in edges], dtype=np.int64)
    temperature = 0.1 * math.sqrt(count) + 0.5
    cool = temperature / (iterations + 1)
    chunk = max(1, 4_000_000 // max(count, 1))
    for _ in range(iterations):
        disp = np.zeros_like(pos)
        for start in range(0, count, chunk):  # repulsion 1/d from every other node
            block = pos[start:start + chunk, None, :] - pos[None, :, :]
            dist2 = np.einsum("ijk,ijk->ij", block, block)
            np.maximum(dist2, 1e-4, out=dist2)
            disp[start:start + chunk] += np.einsum("ijk,ij->ik", block, 1.0 / dist2)
        delta = pos[src] - pos[dst]  # attraction d² along edges
        dist = np.sqrt(np.einsum("ij,ij->i", delta, delta)) + 1e-9
        pull = delta * dist[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature -= cool
    return pos - pos.mean(axis=0)


def _layout(count: int, edges: list[tuple[int, int]], seed: int = 7) -> list[tuple[float, float]] | None:
    """A precomputed layout: each connected component by force direction, packed in rows.

    The browser then draws at once, without physics. None when numpy is missing (the page
    lays the network out itself, which is slower).
    """
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with the test extras
        return None
    rng = np.random.default_rng(seed)
    adj: list[list[int]] = [[] for _ in range(count)]
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    seen = [False] * count
    components: list[list[int]] = []
    for start in range(count):
        if seen[start]:
            continue
        seen[start] = True
        members, queue = [start], deque([start])
        while queue:
            for m in adj[queue.popleft()]:
                if not seen[m]:
                    seen[m] = True
                    members.append(m)
                    queue.append(m)
        components.append(members)
    component_of = [0] * count
    for c, members in enumerate(components):
        for n in members:
            component_of[n] = c
    edges_of: dict[int, list[tuple[int, int]]] = {}
    for a, b in edges:
        edges_of.setdefault(component_of[a], []).append((a, b))
    blocks = []  # (width, height, [(node, x, y)]) with x, y from the block's top left corner
    singles = [c[0] for c in components if len(c) == 1]
    for c in sorted((c for c in range(len(components)) if len(components[c]) > 1), key=lambda c: (-len(components[c]), c)):
        members = components[c]
        local = {n: i for i, n in enumerate(members)}
        sub = sorted({(min(local[a], local[b]), max(local[a], local[b])) for a, b in edges_of[c]})
        if len(members) == 2:
            pos = np.array([[0.0, -0.5], [0.0, 0.5]])  # one above the other: labels sit below
        else:
            size = len(members)
            iterations = 30 if size <= 8 else 60 if size <= 300 else 40 if size <= 2000 else 25
            pos = _fruchterman_reingold(len(members), sub, rng, iterations)
        pos = pos * _UNIT
        low, high = pos.min(axis=0), pos.max(axis=0)
        pos = pos - low + _UNIT * 0.6
        width, height = high - low + _UNIT * 1.2
        blocks.append((float(width), float(height), [(n, float(x), float(y)) for n, (x, y) in zip(members, pos)]))
    if singles:  # the isolated entities: a square grid
        side = math.ceil(math.sqrt(len(singles) / 2))  # twice as many rows as columns: room for labels
        step_x, step_y = _UNIT * 1.4, _UNIT * 0.7
        cells = [(n, step_x * (0.5 + i % side), step_y * (0.5 + i // side)) for i, n in enumerate(singles)]
        blocks.append((side * step_x, math.ceil(len(singles) / side) * step_y, cells))
    area = sum(w * h for w, h, _c in blocks)
    row_width = max([math.sqrt(area) * 1.5] + [w for w, _h, _c in blocks])
    out: list[tuple[float, float]] = [(0.0, 0.0)] * count
    x = y = row_height = 0.0
    for width, height, cells in blocks:  # rows of blocks, largest first
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, cx, cy in cells:
            out[n] = (round(x + cx, 1), round(y + cy, 1))
        x += width
        row_height = max(row_height, height)
    return out


def _vis_options(physics: bool) -> dict:
    groups = {
        kind: {
            "color": {
                "background": color,
                "border": "#ffffff",
                "highlight": {"background": color, "border": "#1f2328"},
                "hover": {"background": color, "border": "#1f2328"},
            },
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
        }
        for kind, (_cls, _zh, color) in ENTITY_TYPES.items()
    }
    return {
        "autoResize": True,
        "groups": groups,
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {"face": FONT_STACK, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "smooth": False,
            "width": 1.2,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"face": FONT_STACK, "size": 10, "color": "#555555", "strokeWidth": 2, "strokeColor": "#ffffff", "align": "horizontal"},
            "color": {"inherit": False},
        },
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "springConstant": 0.06, "damping": 0.6, "avoidOverlap": 0.3},
            "minVelocity": 1.5,
            "maxVelocity": 60,
            "stabilization": {"enabled": physics, "iterations": 150, "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 250, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True,
                        "navigationButtons": False, "keyboard": False},
    }


def render(
    graph: Graph,
    *,
    max_nodes: int = 2000,
    focus: str | None = None,
    hops: int = 2,
    types: set[str] | None = None,
    query: str | None = None,
    title: str = "kg network",
) -> str:
    """The whole HTML page of the entity network of ``graph``.

    ``query`` (SPARQL text or a .rq file) is a CONSTRUCT whose result is what gets drawn:
    its entities and its relations; names, articles and evidence still come from ``graph``.
    ``types`` keeps only entities of those kinds (``Organization``, ``Place``, ``Person``,
    ``Initiative``); ``focus`` (a name or alias, exact or else partial match) keeps only
    the entities within ``hops`` relations of it. Beyond ``max_nodes`` the page first draws
    the most connected entities (or the nearest to the focus) and carries the others hidden:
    "show neighbours" in a node's panel and the search bring them in. Raises
    :class:`kg.errors.KgError` for an unknown type or focus, or a query that is no CONSTRUCT.
    """
    if max_nodes < 1:
        raise KgError("max_nodes must be at least 1")
    if hops < 0:
        raise KgError("hops must be 0 or more")
    if types is not None:
        known = {k.casefold(): k for k in ENTITY_TYPES}
        unknown = {t for t in types if t.casefold() not in known}
        if unknown:
            raise KgError(f"unknown entity type(s) {', '.join(sorted(unknown))}; known: {', '.join(ENTITY_TYPES)}")
        types = {known[t.casefold()] for t in types}
    view = None
    if query is not None:
        from kg.query import query as run_query

        result = run_query(graph, query)
        if result.type != "CONSTRUCT":
            raise KgError(f"query: the view must be a CONSTRUCT query, not {result.type}")
        view = result.graph

    from pyvis.edge import Edge as VisEdge  # imported here: pyvis loads IPython and jinja2, which
    from pyvis.node import Node as VisNode  # a build that writes no page does not need

    reader = _Reader(graph, view)
    index = reader.index
    all_entities = sorted(reader.kind, key=str)
    candidates = [n for n in all_entities if types is None or reader.kind[n] in types]
    cand_set = set(candidates)
    cand_edges = [e for e in reader.edges.values() if e.source in cand_set and e.target in cand_set]
    adj = _adjacency(candidates, cand_edges)
    names = {n: _names(index, n) for n in candidates}

    # focus neighbourhood: breadth first, remembering the distance
    distance: dict[Node, int] = {}
    focus_nodes: list[Node] = []
    if focus is not None:
        focus_nodes = _find_focus(focus, candidates, names)
        queue = deque()
        for n in focus_nodes:
            distance[n] = 0
            queue.append(n)
        while queue:
            n = queue.popleft()
            if distance[n] >= hops:
                continue
            for m in sorted(adj[n], key=str):
                if m not in distance:
                    distance[m] = distance[n] + 1
                    queue.append(m)
        pool = [n for n in candidates if n in distance]
    else:
        pool = candidates

    def rank(n: Node) -> tuple:
        return (distance.get(n, 0), -len(adj[n]), names[n][0], str(n))

    ranked = sorted(pool, key=rank)
    embedded = ranked[: max(max_nodes, _EMBED_MAX)]
    drawn = set(ranked[:max_nodes])
    kept = set(embedded)
    shown_edges = sorted(
        (e for e in cand_edges if e.source in kept and e.target in kept),
        key=lambda e: (str(e.source), RELATIONS[e.predicate][0], str(e.target)),
    )
    kept_adj = _adjacency(kept, shown_edges)

    # stable numbering: the drawn entities first, each part by kind, then name
    order = list(ENTITY_TYPES)
    ordered = sorted(kept, key=lambda n: (n not in drawn, order.index(reader.kind[n]), names[n][0], str(n)))
    ids = {n: i for i, n in enumerate(ordered)}
    drawn_edges = [e for e in shown_edges if e.source in drawn and e.target in drawn]
    positions = _layout(len(drawn), [(ids[e.source], ids[e.target]) for e in drawn_edges])
    edge_labels = len(drawn_edges) <= _EDGE_LABELS_MAX
    lazy_labels = positions is not None and len(drawn) > _EAGER_LABELS_MAX

    # articles, sentences
    articles: list[dict] = []
    article_ids: dict[Node, int] = {}
    sentences: list[dict] = []
    sentence_ids: dict[Node, int] = {}

    def first_name(node: Node, *preds: URIRef) -> str:
        for pred in preds:
            found = _best_literal(index.objects(node, pred))
            if found:
                return found
        return ""

    def article_id(article: Node) -> int:
        if article not in article_ids:
            source = index.value(article, SCHEMA.sourceOrganization)
            source_name = ""
            if source is not None:
                source_name = first_name(source, SKOS.prefLabel, RDFS.label, SCHEMA.name) or _local_name(source)
            authors = []
            for author in index.objects(article, SCHEMA.author):
                a_name = first_name(author, RDFS.label, SCHEMA.name)
                if a_name:
                    authors.append(a_name)
            article_ids[article] = len(articles)
            articles.append(
                {
                    "headline": first_name(article, SCHEMA.headline, SCHEMA.name),
                    "date": _text(index.value(article, SCHEMA.datePublished)),
                    "source": source_name,
                    "authors": sorted(authors),
                    "file": _text(index.value(article, KG.sourceFile)),
                }
            )
        return article_ids[article]

    def sentence_id(sentence: Node) -> int:
        if sentence not in sentence_ids:
            article = index.value(sentence, SCHEMA.isPartOf)
            sentence_ids[sentence] = len(sentences)
            sentences.append(
                {
                    "text": _best_literal(index.objects(sentence, SCHEMA.text)),
                    "article": article_id(article) if article is not None else None,
                }
            )
        return sentence_ids[sentence]

    vis_nodes = []
    nodes_meta = []
    type_counts = {k: 0 for k in ENTITY_TYPES}
    for n in ordered:
        kind = reader.kind[n]
        type_counts[kind] += 1
        name, aliases = names[n]
        degree = len(kept_adj[n])
        _cls, zh, color = ENTITY_TYPES[kind]
        item = VisNode(  # pyvis's node record; the Network class is skipped (its add_node is O(n) each)
            ids[n], "dot", _label(name),
            title=f"{name}（{zh}）",  # plain text: vis-network shows strings with innerText
            size=round(min(9 + 5 * math.sqrt(degree), 60), 1),
            group=kind,
        ).options
        if lazy_labels:
            del item["label"]
        if positions is not None and ids[n] < len(drawn):
            item["x"], item["y"] = positions[ids[n]]
        vis_nodes.append(item)
        mentioned_in = sorted({article_id(a) for a in index.subjects(SCHEMA.mentions, n)})
        facts = []
        for fact in index.objects(n, KG.fact):
            facts.append(
                {
                    "name": _best_literal(index.objects(fact, SCHEMA.name)),
                    "value": _number(index.value(fact, SCHEMA.value)),
                    "unit": _text(index.value(fact, SCHEMA.unitText)),
                    "written": _text(index.value(fact, KG.asWritten)),
                    "evidence": [sentence_id(s) for s in sorted(index.objects(fact, KG.evidence), key=str)],
                }
            )
        facts.sort(key=lambda f: (f["name"], f["written"]))
        meta = {
            "id": ids[n],
            "iri": str(n),
            "type": kind,
            "name": name,
            "aliases": aliases,
            "degree": degree,
            "articles": mentioned_in,
            "facts": facts,
        }
        if n not in drawn:
            meta["hidden"] = True
        nodes_meta.append(meta)

    vis_edges = []
    edges_meta = []
    rel_counts = {key: 0 for key, _zh, _c in RELATIONS.values()}
    for i, e in enumerate(shown_edges):
        key, zh, color = RELATIONS[e.predicate]
        rel_counts[key] += 1
        label = f"{zh} {key}"
        if e.roles:
            label += f"（{'、'.join(e.roles)}）"
        item = VisEdge(ids[e.source], ids[e.target], id=i, title=label, color=color).options
        if edge_labels:
            item["label"] = label
        if e.predicate in _SYMMETRIC:
            item["arrows"] = {"to": {"enabled": False}}
        vis_edges.append(item)
        edges_meta.append(
            {
                "id": i,
                "from": ids[e.source],
                "to": ids[e.target],
                "rel": key,
                "roles": e.roles,
                "evidence": [
                    {"sentence": sentence_id(s), "by": by, "confidence": conf} for s, by, conf in e.evidence
                ],
            }
        )

    data = {
        "title": title,
        "types": [{"key": k, "zh": zh, "color": c, "count": type_counts[k]} for k, (_cls, zh, c) in ENTITY_TYPES.items()],
        "relations": [{"key": k, "zh": zh, "color": c, "count": rel_counts[k]} for k, zh, c in RELATIONS.values()],
        "nodes": nodes_meta,
        "edges": edges_meta,
        "sentences": sentences,
        "articles": articles,
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": _vis_options(physics=positions is None)},
        "stats": {
            "entities": len(all_entities),
            "candidates": len(pool),
            "shown": len(drawn),
            "hidden": len(kept) - len(drawn),
            "leftOut": len(pool) - len(drawn),
            "notEmbedded": len(pool) - len(kept),
            "edgesShown": len(drawn_edges),
            "maxNodes": max_nodes,
            "layout": "precomputed" if positions is not None else "physics",
            "edgeLabels": edge_labels,
            "lazyLabels": lazy_labels,
            "focus": focus,
            "focusFound": [names[n][0] for n in focus_nodes if n in drawn],
            "focusIds": [ids[n] for n in focus_nodes if n in drawn],
            "hops": hops if focus is not None else None,
            "types": sorted(types) if types is not None else None,
            "query": query is not None,
        },
    }
    data_json = _json_for_script(data)
    vis_js = _vis_js()
    page_js = _page_js()
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    return _template().render(
        title=_SURROGATE.sub("\ufffd", title),
        csp=csp,
        stats=data["stats"],
        data_json=Markup(data_json),
        vis_js=Markup(vis_js),
        page_js=Markup(page_js),
    )
