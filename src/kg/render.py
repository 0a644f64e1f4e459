"""One self-contained, offline HTML page of the entity network of a kg graph.

``render(graph)`` returns the whole page as a string. The nodes are the entities
(organizations, places, people, initiatives), the edges the direct relations between
them. pyvis assembles the node and edge lists and the vis-network options; the page
itself is our own template (``kg/data/html/page.html``) with vis-network inlined, so the
file opens without any network access.

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


def _names(graph: Graph, node: Node) -> tuple[str, list[str]]:
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

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.kind: dict[Node, str] = {}
        for kind, (cls, _zh, _color) in ENTITY_TYPES.items():
            for node in graph.subjects(RDF.type, cls):
                self.kind.setdefault(node, kind)
        self.edges: dict[tuple[Node, URIRef, Node], _Edge] = {}
        for pred in RELATIONS:
            for s, o in graph.subject_objects(pred):
                self._edge(s, pred, o)
        # memberships: roles and evidence of memberOf (and the edge itself if only the membership was written)
        for ms in graph.subjects(RDF.type, ORG.Membership):
            for member in graph.objects(ms, ORG.member):
                for organization in graph.objects(ms, ORG.organization):
                    edge = self._edge(member, ORG.memberOf, organization)
                    if edge is None:
                        continue
                    for role in graph.objects(ms, ORG.role):
                        label = _best_literal(graph.objects(role, RDFS.label)) or _best_literal(
                            graph.objects(role, SKOS.prefLabel)
                        )
                        if label and label not in edge.roles:
                            edge.roles.append(label)
                    for sentence in graph.objects(ms, KG.evidence):
                        edge.evidence.append((sentence, "membership", None))
        # assertions: evidence, method, confidence
        for assertion in graph.subjects(RDF.type, KG.Assertion):
            s = graph.value(assertion, RDF.subject)
            p = graph.value(assertion, RDF.predicate)
            o = graph.value(assertion, RDF.object)
            if s is None or o is None or p not in RELATIONS:
                continue
            edge = self._edge(s, p, o)  # type: ignore[arg-type]
            if edge is None:
                continue
            found_by = _text(graph.value(assertion, KG.foundBy))
            confidence = _number(graph.value(assertion, KG.confidence))
            for sentence in graph.objects(assertion, KG.evidence):
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


def _vis_options() -> dict:
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
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "springConstant": 0.06, "damping": 0.6, "avoidOverlap": 0.3},
            "minVelocity": 1.5,
            "maxVelocity": 60,
            "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 250, "hideEdgesOnDrag": True, "navigationButtons": False, "keyboard": False},
    }


def render(
    graph: Graph,
    *,
    max_nodes: int = 2000,
    focus: str | None = None,
    hops: int = 2,
    types: set[str] | None = None,
    title: str = "kg network",
) -> str:
    """The whole HTML page of the entity network of ``graph``.

    ``types`` keeps only entities of those kinds (``Organization``, ``Place``, ``Person``,
    ``Initiative``); ``focus`` (a name or alias, exact or else partial match) keeps only
    the entities within ``hops`` relations of it; beyond ``max_nodes`` the most connected
    entities (or the nearest to the focus) are kept and the page says how many were left
    out. Raises :class:`kg.errors.KgError` for an unknown type or focus.
    """
    from pyvis.network import Network  # import here: pyvis pulls in jinja2 and IPython bits

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

    reader = _Reader(graph)
    all_entities = sorted(reader.kind, key=str)
    candidates = [n for n in all_entities if types is None or reader.kind[n] in types]
    cand_set = set(candidates)
    cand_edges = [e for e in reader.edges.values() if e.source in cand_set and e.target in cand_set]
    adj = _adjacency(candidates, cand_edges)
    names = {n: _names(graph, n) for n in candidates}

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

    kept_list = sorted(pool, key=rank)[:max_nodes]
    left_out = len(pool) - len(kept_list)
    kept = set(kept_list)
    shown_edges = sorted(
        (e for e in cand_edges if e.source in kept and e.target in kept),
        key=lambda e: (str(e.source), RELATIONS[e.predicate][0], str(e.target)),
    )
    shown_adj = _adjacency(kept, shown_edges)

    # stable numbering: by kind, then name
    order = list(ENTITY_TYPES)
    ordered = sorted(kept, key=lambda n: (order.index(reader.kind[n]), names[n][0], str(n)))
    ids = {n: i for i, n in enumerate(ordered)}

    # articles, sentences
    articles: list[dict] = []
    article_ids: dict[Node, int] = {}
    sentences: list[dict] = []
    sentence_ids: dict[Node, int] = {}

    def article_id(article: Node) -> int:
        if article not in article_ids:
            source = graph.value(article, SCHEMA.sourceOrganization)
            source_name = ""
            if source is not None:
                source_name = _best_literal(graph.objects(source, SKOS.prefLabel)) or _best_literal(
                    graph.objects(source, RDFS.label)
                ) or _best_literal(graph.objects(source, SCHEMA.name)) or _local_name(source)
            authors = []
            for author in graph.objects(article, SCHEMA.author):
                a_name = _best_literal(graph.objects(author, RDFS.label)) or _best_literal(graph.objects(author, SCHEMA.name))
                if a_name:
                    authors.append(a_name)
            article_ids[article] = len(articles)
            articles.append(
                {
                    "headline": _best_literal(graph.objects(article, SCHEMA.headline)) or _best_literal(graph.objects(article, SCHEMA.name)),
                    "date": _text(graph.value(article, SCHEMA.datePublished)),
                    "source": source_name,
                    "authors": sorted(authors),
                    "file": _text(graph.value(article, KG.sourceFile)),
                }
            )
        return article_ids[article]

    def sentence_id(sentence: Node) -> int:
        if sentence not in sentence_ids:
            article = graph.value(sentence, SCHEMA.isPartOf)
            sentence_ids[sentence] = len(sentences)
            sentences.append(
                {
                    "text": _best_literal(graph.objects(sentence, SCHEMA.text)),
                    "article": article_id(article) if article is not None else None,
                }
            )
        return sentence_ids[sentence]

    net = Network(directed=True, cdn_resources="remote")
    nodes_meta = []
    type_counts = {k: 0 for k in ENTITY_TYPES}
    for n in ordered:
        kind = reader.kind[n]
        type_counts[kind] += 1
        name, aliases = names[n]
        degree = len(shown_adj[n])
        _cls, zh, color = ENTITY_TYPES[kind]
        net.add_node(
            ids[n],
            label=_label(name),
            title=f"{name}（{zh}）",  # plain text: vis-network shows strings with innerText
            size=round(min(9 + 5 * math.sqrt(degree), 60), 1),
            group=kind,  # the colour comes from the group (pyvis drops color= when a group is given)
        )
        mentioned_in = sorted({article_id(a) for a in graph.subjects(SCHEMA.mentions, n)})
        facts = []
        for fact in graph.objects(n, KG.fact):
            facts.append(
                {
                    "name": _best_literal(graph.objects(fact, SCHEMA.name)),
                    "value": _number(graph.value(fact, SCHEMA.value)),
                    "unit": _text(graph.value(fact, SCHEMA.unitText)),
                    "written": _text(graph.value(fact, KG.asWritten)),
                    "evidence": [sentence_id(s) for s in sorted(graph.objects(fact, KG.evidence), key=str)],
                }
            )
        facts.sort(key=lambda f: (f["name"], f["written"]))
        nodes_meta.append(
            {
                "id": ids[n],
                "iri": str(n),
                "type": kind,
                "name": name,
                "aliases": aliases,
                "degree": degree,
                "articles": mentioned_in,
                "facts": facts,
            }
        )

    edges_meta = []
    rel_counts = {key: 0 for key, _zh, _c in RELATIONS.values()}
    for i, e in enumerate(shown_edges):
        key, zh, color = RELATIONS[e.predicate]
        rel_counts[key] += 1
        label = f"{zh} {key}"
        if e.roles:
            label += f"（{'、'.join(e.roles)}）"
        options = {"id": i, "label": label, "title": label, "color": color}
        if e.predicate in _SYMMETRIC:
            options["arrows"] = {"to": {"enabled": False}}
        net.add_edge(ids[e.source], ids[e.target], **options)
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
    net.options = _vis_options()  # a dict: pyvis's set_options() would strip the spaces of the font names
    vis_nodes, vis_edges, _heading, _height, _width, options_json = net.get_network_data()

    data = {
        "title": title,
        "types": [{"key": k, "zh": zh, "color": c, "count": type_counts[k]} for k, (_cls, zh, c) in ENTITY_TYPES.items()],
        "relations": [{"key": k, "zh": zh, "color": c, "count": rel_counts[k]} for k, zh, c in RELATIONS.values()],
        "nodes": nodes_meta,
        "edges": edges_meta,
        "sentences": sentences,
        "articles": articles,
        "vis": {"nodes": vis_nodes, "edges": vis_edges, "options": json.loads(options_json)},
        "stats": {
            "entities": len(all_entities),
            "candidates": len(pool),
            "shown": len(kept_list),
            "leftOut": left_out,
            "edgesShown": len(shown_edges),
            "maxNodes": max_nodes,
            "focus": focus,
            "focusFound": [names[n][0] for n in focus_nodes if n in kept],
            "focusIds": [ids[n] for n in focus_nodes if n in kept],
            "hops": hops if focus is not None else None,
            "types": sorted(types) if types is not None else None,
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
