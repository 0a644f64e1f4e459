"""kg.render: the offline network page (fast; no browser)."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from kg.errors import KgError
from kg.render import render
from kg import vocab
from kg.vocab import ID, KG, bind_prefixes

# vocab.SCHEMA, not SCHEMA: a DefinedNamespace as a module attribute makes pytest's collector warn

HOSTILE = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "javascript:alert(1)",
)


def without_csp(html: str) -> str:
    """The page without its Content-Security-Policy: what the browser tests use to show that the
    escaping and the text-only DOM building protect the page by themselves."""
    unprotected = html.replace('<meta http-equiv="Content-Security-Policy"', '<meta name="csp-removed"', 1)
    assert unprotected != html
    return unprotected
_CLASSES = {
    "Organization": vocab.SCHEMA.Organization,
    "Place": vocab.SCHEMA.Place,
    "Person": vocab.SCHEMA.Person,
    "Initiative": KG.Initiative,
}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def example_graph(hostile: bool = False) -> Graph:
    """Nine entities, nine relations, one article with two sentences, a membership and a fact.

    With ``hostile``, names, a headline and a sentence carry the strings of HOSTILE.
    """
    g = bind_prefixes(Graph())

    def entity(kind: str, key: str, name: str, *aliases: str):
        node = ID[f"{kind.lower()}/{key}"]
        g.add((node, RDF.type, _CLASSES[kind]))
        g.add((node, RDFS.label, zh(name)))
        g.add((node, SKOS.prefLabel, zh(name)))
        for alias in aliases:
            g.add((node, SKOS.altLabel, zh(alias)))
        return node

    cq = entity("Place", "cq", "重庆市", "重庆")
    yb = entity("Place", "yb", "渝北区")
    co = entity("Organization", "co", "重庆某某港务有限公司", "某某港务")
    party = entity("Organization", "party", "中共重庆某某港务有限公司委员会", "港务党委")
    bank = entity("Organization", "bank", "重庆农村商业银行", "渝农商行")
    zs = entity("Person", "zs", "张三")
    ls = entity("Person", "ls", HOSTILE[0] if hostile else "李四")
    wl = entity("Initiative", "wl", HOSTILE[1] if hostile else "五联机制")
    lh = entity("Initiative", "lh", "蓝海红链", HOSTILE[2] if hostile else "红链")

    g.add((yb, vocab.SCHEMA.containedInPlace, cq))
    g.add((co, vocab.SCHEMA.location, yb))
    g.add((party, ORG.subOrganizationOf, co))
    g.add((co, KG.partnerOf, bank))
    g.add((bank, KG.partnerOf, co))  # symmetric: one edge
    g.add((zs, ORG.memberOf, party))
    g.add((ls, ORG.memberOf, co))
    g.add((wl, vocab.SCHEMA.organizer, party))
    g.add((lh, vocab.SCHEMA.organizer, co))
    g.add((lh, vocab.SCHEMA.location, cq))

    article = ID["article/a1"]
    g.add((article, RDF.type, vocab.SCHEMA.NewsArticle))
    g.add((article, vocab.SCHEMA.headline, zh(HOSTILE[1] if hostile else "港务公司党建引领高质量发展")))
    g.add((article, vocab.SCHEMA.datePublished, Literal("2024-07-01", datatype="http://www.w3.org/2001/XMLSchema#date")))
    g.add((article, vocab.SCHEMA.author, zs))
    g.add((article, vocab.SCHEMA.sourceOrganization, bank))
    g.add((article, KG.sourceFile, Literal("examples/a.txt")))
    for e in (co, party, zs, wl, lh, yb, ls, bank):
        g.add((article, vocab.SCHEMA.mentions, e))

    def sentence(key: str, text: str, start: int):
        s = ID[f"sentence/{key}"]
        g.add((s, RDF.type, KG.Sentence))
        g.add((s, vocab.SCHEMA.text, zh(text)))
        g.add((s, vocab.SCHEMA.isPartOf, article))
        g.add((s, KG.startOffset, Literal(start)))
        g.add((s, KG.endOffset, Literal(start + len(text))))
        return s

    s1 = sentence("1", "中共重庆某某港务有限公司委员会副书记张三介绍，五联机制已在渝北区推开。", 0)
    s2 = sentence(
        "2",
        ("".join(HOSTILE) if hostile else "李四") + "表示，某某港务与渝农商行联合推出“蓝海红链”品牌，总投资57亿元。",
        40,
    )

    def assertion(key: str, s, p, o, evidence, confidence: float = 0.9) -> None:
        a = ID[f"assertion/{key}"]
        g.add((a, RDF.type, KG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, p))
        g.add((a, RDF.object, o))
        g.add((a, KG.evidence, evidence))
        g.add((a, KG.foundBy, Literal("rules.post")))
        g.add((a, KG.confidence, Literal(confidence)))

    assertion("1", zs, ORG.memberOf, party, s1)
    assertion("2", co, KG.partnerOf, bank, s2, 0.8)
    assertion("3", wl, vocab.SCHEMA.organizer, party, s1)
    assertion("4", ls, ORG.memberOf, co, s2)

    membership, role = ID["membership/1"], ID["role/fsj"]
    g.add((membership, RDF.type, ORG.Membership))
    g.add((membership, ORG.member, zs))
    g.add((membership, ORG.organization, party))
    g.add((membership, ORG.role, role))
    g.add((membership, KG.evidence, s1))
    g.add((role, RDF.type, ORG.Role))
    g.add((role, RDFS.label, zh("副书记")))

    fact = ID["fact/1"]
    g.add((fact, RDF.type, KG.Fact))
    g.add((fact, vocab.SCHEMA.name, zh("总投资")))
    g.add((fact, vocab.SCHEMA.value, Literal(5700000000)))
    g.add((fact, vocab.SCHEMA.unitText, Literal("CNY")))
    g.add((fact, KG.asWritten, Literal("57亿元")))
    g.add((fact, KG.evidence, s2))
    g.add((lh, KG.fact, fact))
    return g


def star_graph(n: int) -> Graph:
    """A hub organization with ``n`` member people, plus two isolated places."""
    g = bind_prefixes(Graph())
    hub = ID["org/hub"]
    g.add((hub, RDF.type, vocab.SCHEMA.Organization))
    g.add((hub, RDFS.label, zh("中心")))
    for i in range(n):
        p = ID[f"person/p{i}"]
        g.add((p, RDF.type, vocab.SCHEMA.Person))
        g.add((p, RDFS.label, zh(f"人{i}")))
        g.add((p, ORG.memberOf, hub))
    for i in range(2):
        place = ID[f"place/x{i}"]
        g.add((place, RDF.type, vocab.SCHEMA.Place))
        g.add((place, RDFS.label, zh(f"地{i}")))
    return g


# ---------------------------------------------------------------- reading the page


class Page(HTMLParser):
    """The elements of a page, and the raw text of each script element."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: tuple[dict, list[str]] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag == "script":
            self._script = (a, [])

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], "".join(self._script[1])))
            self._script = None

    def data(self) -> dict:
        found = [text for attrs, text in self.scripts if attrs.get("id") == "kg-data"]
        assert len(found) == 1
        return json.loads(found[0])


@pytest.fixture(scope="module")
def page() -> str:
    return render(example_graph(), title="示例 network")


@pytest.fixture(scope="module")
def data(page) -> dict:
    return Page(page).data()


def test_nodes_and_edges_in_the_embedded_json(data):
    assert len(data["nodes"]) == 9
    assert len(data["edges"]) == 9  # partnerOf written both ways is one edge
    assert len(data["vis"]["nodes"]) == 9 and len(data["vis"]["edges"]) == 9
    assert data["stats"]["leftOut"] == 0
    names = {n["name"] for n in data["nodes"]}
    assert {"张三", "重庆市", "五联机制", "中共重庆某某港务有限公司委员会"} <= names
    by_name = {n["name"]: n for n in data["nodes"]}
    assert by_name["重庆市"]["aliases"] == ["重庆"]
    assert by_name["张三"]["type"] == "Person"


def test_edge_labels_roles_and_evidence(data):
    labels = {e["label"] for e in data["vis"]["edges"]}
    assert "成员 memberOf（副书记）" in labels
    assert "合作 partnerOf" in labels and "属于 containedInPlace" in labels
    nodes = {n["id"]: n["name"] for n in data["nodes"]}
    member = next(e for e in data["edges"] if nodes[e["from"]] == "张三")
    assert member["rel"] == "memberOf" and member["roles"] == ["副书记"]
    (evidence,) = member["evidence"]  # the assertion and the membership cite the same sentence
    assert evidence["by"] == "rules.post" and evidence["confidence"] == 0.9
    sentence = data["sentences"][evidence["sentence"]]
    assert "副书记张三" in sentence["text"]
    article = data["articles"][sentence["article"]]
    assert article == {
        "headline": "港务公司党建引领高质量发展",
        "date": "2024-07-01",
        "source": "重庆农村商业银行",
        "authors": ["张三"],
        "file": "examples/a.txt",
    }


def test_articles_and_facts_of_a_node(data):
    lh = next(n for n in data["nodes"] if n["name"] == "蓝海红链")
    assert len(lh["articles"]) == 1
    (fact,) = lh["facts"]
    evidence = fact.pop("evidence")
    assert fact == {"name": "总投资", "value": 5700000000, "unit": "CNY", "written": "57亿元"}
    assert ["57亿元" in data["sentences"][i]["text"] for i in evidence] == [True]


def test_legend_with_counts_and_colours(data, page):
    counts = {t["key"]: t["count"] for t in data["types"]}
    assert counts == {"Organization": 3, "Person": 2, "Place": 2, "Initiative": 2}
    colours = {t["color"] for t in data["types"]}
    assert len(colours) == 4
    groups = data["vis"]["options"]["groups"]
    assert {k: g["color"]["background"] for k, g in groups.items()} == {t["key"]: t["color"] for t in data["types"]}
    rels = {r["key"]: r["count"] for r in data["relations"]}
    assert rels == {
        "memberOf": 2, "subOrganizationOf": 1, "location": 2, "containedInPlace": 1, "organizer": 2, "partnerOf": 1,
    }
    assert 'id="kg-legend"' in page and 'id="kg-search"' in page and 'id="kg-panel"' in page


def test_sizes_grow_with_degree(data):
    vis = {n["id"]: n for n in data["vis"]["nodes"]}
    by_name = {n["name"]: n for n in data["nodes"]}
    hub = by_name["重庆某某港务有限公司"]
    leaf = by_name["张三"]
    assert hub["degree"] == 5 and leaf["degree"] == 1
    assert vis[hub["id"]]["size"] > vis[leaf["id"]]["size"]


def test_layout_is_precomputed_and_the_page_draws_at_once(data):
    options = data["vis"]["options"]
    assert options["edges"]["smooth"] is False
    assert options["layout"]["improvedLayout"] is False
    assert options["physics"]["enabled"] is False and data["stats"]["layout"] == "precomputed"
    assert "Noto Sans CJK SC" in options["nodes"]["font"]["face"]
    points = [(n["x"], n["y"]) for n in data["vis"]["nodes"]]
    assert len(set(points)) == 9  # every node placed, no two on one spot
    vis = {n["id"]: n for n in data["vis"]["nodes"]}
    for e in data["edges"]:  # related entities sit near each other
        a, b = vis[e["from"]], vis[e["to"]]
        assert ((a["x"] - b["x"]) ** 2 + (a["y"] - b["y"]) ** 2) ** 0.5 < 400
    assert '"afterDrawing"' in page_js_text() and "data-kg-ready-ms" in page_js_text()


def test_without_numpy_the_browser_lays_out_then_stops(monkeypatch):
    import sys

    module = sys.modules["kg.render"]

    monkeypatch.setattr(module, "_layout", lambda count, edges, seed=7: None)
    data = Page(render(example_graph())).data()
    physics = data["vis"]["options"]["physics"]
    assert physics["enabled"] is True and physics["stabilization"]["iterations"] == 150
    assert all("x" not in n for n in data["vis"]["nodes"])
    assert "stabilizationIterationsDone" in page_js_text() and "physics: { enabled: false }" in page_js_text()


def test_layout_of_many_components_is_fast_and_spread():
    import time

    from kg.render import _layout

    edges = [(i, i + 1) for i in range(0, 3000, 3)] + [(i, i + 2) for i in range(0, 3000, 3)]  # 1000 little stars
    edges += [(3000 + i, 3000 + (i * 7 + 1) % 400) for i in range(400)]  # one component of 400
    started = time.perf_counter()
    points = _layout(4000, edges)  # and 600 isolated nodes
    assert time.perf_counter() - started < 20
    assert len(points) == 4000 and len(set(points)) == 4000


def page_js_text() -> str:
    from kg.resources import data_file

    return data_file("html", "page.js").read_text("utf-8")


def test_page_is_self_contained(page):
    parsed = Page(page)
    for tag, attrs in parsed.elements:
        for name in ("src", "href", "action", "data", "poster", "srcset"):
            assert attrs.get(name) is None, (tag, name, attrs.get(name))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert "sourceMappingURL" not in page
    # vis-network is inlined, and the CSP forbids every fetch
    assert "vis-network" in page and "new vis.Network" in page
    csp = next(a["content"] for t, a in parsed.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert len(parsed.scripts) == 3


def test_the_csp_hashes_match_the_inline_scripts(page):
    import base64
    import hashlib

    parsed = Page(page)
    csp = next(a["content"] for t, a in parsed.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    code = [text for attrs, text in parsed.scripts if attrs.get("type") is None]
    assert len(code) == 2
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def _check_safe(html: str) -> dict:
    parsed = Page(html)
    # exactly the three scripts we put there: data, vis-network, ours
    assert [(a.get("type"), a.get("id")) for a, _t in parsed.scripts] == [
        ("application/json", "kg-data"), (None, None), (None, None)
    ]
    assert [t for t, _a in parsed.elements].count("script") == 3
    assert not any(t in {"img", "iframe", "object", "embed", "svg", "math", "base", "form"} for t, _a in parsed.elements)
    for tag, attrs in parsed.elements:
        for name, value in attrs.items():
            assert not name.lower().startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name)
    for _attrs, text in parsed.scripts:
        assert "</script" not in text.lower()
        assert "<!--" not in text and "<script" not in text.lower()
    # the data is intact once parsed: the hostile strings are data, not markup
    return parsed.data()


def test_hostile_names_stay_text():
    title = "</title><script>alert(1)</script>" + HOSTILE[0]
    html = render(example_graph(hostile=True), title=title)
    data = _check_safe(html)
    body = html.split('id="kg-data">', 1)[1]
    assert HOSTILE[0] not in html and HOSTILE[1] not in html
    assert "<img" not in html
    assert html.count("</script>") == 3
    assert html.lower().count("<script") == 3
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in body
    assert "\u2028" not in html and "\u2029" not in html
    names = {n["name"] for n in data["nodes"]}
    assert HOSTILE[0] in names and HOSTILE[1] in names
    assert any(HOSTILE[2] in n["aliases"] for n in data["nodes"])
    assert data["title"] == title
    assert any(HOSTILE[1] in s["text"] for s in data["sentences"])
    # the title is escaped in <title> and <h1>
    assert "&lt;/title&gt;&lt;script&gt;" in html


def test_line_separators_and_ampersands_escaped():
    g = example_graph()
    node = ID["person/zs"]
    g.remove((node, SKOS.prefLabel, None))
    g.remove((node, RDFS.label, None))
    g.add((node, RDFS.label, zh("张\u2028三&amp;<!--")))
    html = render(g)
    _check_safe(html)
    assert "\u2028" not in html and "&amp;<!--" not in html
    data = Page(html).data()
    assert "张\u2028三&amp;<!--" in {n["name"] for n in data["nodes"]}


def test_max_nodes_draws_the_most_connected_and_carries_the_rest_hidden():
    html = render(star_graph(30), max_nodes=10)
    data = Page(html).data()
    drawn = [n for n in data["nodes"] if not n.get("hidden")]
    hidden = [n for n in data["nodes"] if n.get("hidden")]
    assert len(drawn) == 10 and len(hidden) == 23  # a hub, 30 people, 2 places
    assert "中心" in {n["name"] for n in drawn}
    assert [n["id"] for n in drawn] == list(range(10))  # the drawn ones first
    assert data["stats"]["shown"] == 10 and data["stats"]["leftOut"] == 23 and data["stats"]["hidden"] == 23
    assert len(data["edges"]) == 30  # all of them, for "show neighbours"
    assert data["stats"]["edgesShown"] == 9
    vis = {n["id"]: n for n in data["vis"]["nodes"]}
    assert all("x" in vis[n["id"]] for n in drawn) and not any("x" in vis[n["id"]] for n in hidden)
    hub = next(n for n in drawn if n["name"] == "中心")
    assert hub["degree"] == 30
    js = page_js_text()
    assert "entities not drawn" in js and "show neighbours" in js and "function showNeighbours" in js


def test_embedding_has_a_limit(monkeypatch):
    import sys

    module = sys.modules["kg.render"]

    monkeypatch.setattr(module, "_EMBED_MAX", 12)
    data = Page(render(star_graph(30), max_nodes=5)).data()
    assert len(data["nodes"]) == 12
    assert data["stats"]["hidden"] == 7 and data["stats"]["notEmbedded"] == 33 - 12


def test_large_pages_defer_labels_and_drop_edge_labels(monkeypatch):
    import sys

    module = sys.modules["kg.render"]

    monkeypatch.setattr(module, "_EAGER_LABELS_MAX", 10)
    monkeypatch.setattr(module, "_EDGE_LABELS_MAX", 5)
    data = Page(render(star_graph(30))).data()
    assert data["stats"]["lazyLabels"] is True and data["stats"]["edgeLabels"] is False
    assert not any("label" in n for n in data["vis"]["nodes"])
    assert not any("label" in e for e in data["vis"]["edges"]) and all(e["title"] for e in data["vis"]["edges"])
    small = Page(render(example_graph())).data()
    assert small["stats"]["lazyLabels"] is False and all(n["label"] for n in small["vis"]["nodes"])


VIEW = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
CONSTRUCT { ?p org:memberOf ?o . ?p a schema:Person . ?o a schema:Organization . }
WHERE { ?p a schema:Person ; org:memberOf ?o . }"""


def test_query_view_draws_the_construct_result():
    data = Page(render(example_graph(), query=VIEW)).data()
    assert {n["name"] for n in data["nodes"]} == {"张三", "李四", "中共重庆某某港务有限公司委员会", "重庆某某港务有限公司"}
    assert {e["rel"] for e in data["edges"]} == {"memberOf"} and len(data["edges"]) == 2
    zs = next(n for n in data["nodes"] if n["name"] == "张三")
    assert len(zs["articles"]) == 1  # the details come from the whole graph
    member = next(e for e in data["edges"] if e["from"] == zs["id"])
    assert member["roles"] == ["副书记"] and member["evidence"]
    assert data["stats"]["query"] is True


def test_query_view_may_construct_new_relations():
    view = """PREFIX kg: <https://w3id.org/zhkg/ontology#>
    PREFIX org: <http://www.w3.org/ns/org#>
    CONSTRUCT { ?a kg:partnerOf ?b } WHERE { ?a org:memberOf ?x . ?b org:memberOf ?y . FILTER(STR(?a) < STR(?b)) }"""
    data = Page(render(example_graph(), query=view.replace("https://w3id.org/zhkg/ontology#", str(KG)))).data()
    assert {n["name"] for n in data["nodes"]} == {"张三", "李四"}
    (edge,) = data["edges"]
    assert edge["rel"] == "partnerOf" and edge["evidence"] == []


def test_query_view_must_be_construct(tmp_path):
    with pytest.raises(KgError, match="CONSTRUCT"):
        render(example_graph(), query="SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(KgError, match="CONSTRUCT"):
        render(example_graph(), query="ASK { ?s ?p ?o }")


def test_cli_render_with_query(tmp_path):
    from pathlib import Path

    from click.testing import CliRunner

    from kg.cli import main

    graph = tmp_path / "g.ttl"
    example_graph().serialize(graph, format="turtle")
    view = Path(__file__).resolve().parents[1] / "examples" / "views" / "people_and_organizations.rq"
    out = tmp_path / "people.html"
    result = CliRunner().invoke(main, ["render", str(graph), "-o", str(out), "--query", str(view)])
    assert result.exit_code == 0, result.output
    data = Page(out.read_text("utf-8")).data()
    assert {n["type"] for n in data["nodes"]} == {"Person", "Organization"}
    assert {n["name"] for n in data["nodes"]} == {"张三", "李四", "中共重庆某某港务有限公司委员会", "重庆某某港务有限公司"}
    assert {e["rel"] for e in data["edges"]} == {"memberOf", "subOrganizationOf"}
    bad = tmp_path / "select.rq"
    bad.write_text("SELECT * WHERE { ?s ?p ?o }", "utf-8")
    result = CliRunner().invoke(main, ["render", str(graph), "-o", str(tmp_path / "x.html"), "--query", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "CONSTRUCT" in result.output and "Traceback" not in result.output


def test_types_filter():
    data = Page(render(example_graph(), types={"Place", "Organization"})).data()
    assert {n["type"] for n in data["nodes"]} == {"Place", "Organization"}
    assert len(data["nodes"]) == 5
    assert {e["rel"] for e in data["edges"]} == {"containedInPlace", "location", "subOrganizationOf", "partnerOf"}
    with pytest.raises(KgError):
        render(example_graph(), types={"Company"})


def test_focus_by_alias_and_hops():
    one = Page(render(example_graph(), focus="渝农商行", hops=1)).data()
    assert {n["name"] for n in one["nodes"]} == {"重庆农村商业银行", "重庆某某港务有限公司"}
    assert one["stats"]["focusFound"] == ["重庆农村商业银行"]
    two = Page(render(example_graph(), focus="渝农商行", hops=2)).data()
    assert {n["name"] for n in two["nodes"]} == {
        "重庆农村商业银行", "重庆某某港务有限公司", "渝北区", "中共重庆某某港务有限公司委员会", "李四", "蓝海红链",
    }  # not 张三, 五联机制 nor 重庆市: three hops away
    partial = Page(render(example_graph(), focus="港务党", hops=0)).data()
    assert [n["name"] for n in partial["nodes"]] == ["中共重庆某某港务有限公司委员会"]
    with pytest.raises(KgError):
        render(example_graph(), focus="不存在的名字")


def test_focus_beyond_max_nodes_draws_the_nearest():
    data = Page(render(star_graph(30), focus="人3", hops=2, max_nodes=5)).data()
    drawn = {n["name"] for n in data["nodes"] if not n.get("hidden")}
    assert {"人3", "中心"} <= drawn and len(drawn) == 5
    assert data["stats"]["leftOut"] == 31 - 5 and len(data["nodes"]) == 31


def test_empty_graph_renders():
    html = render(bind_prefixes(Graph()))
    data = _check_safe(html)
    assert data["nodes"] == [] and data["stats"]["shown"] == 0


def test_dom_is_built_without_innerhtml():
    js = page_js_text()
    assert not re.search(r"\.(inner|outer)HTML|insertAdjacentHTML", js)
    assert "document.write" not in js and "eval(" not in js
    assert "textContent" in js and '"mark"' in js


def test_unpaired_surrogates_do_not_break_the_page():
    g = example_graph()
    g.add((ID["person/zs"], SKOS.altLabel, zh("坏\ud800字")))
    html = render(g, title="t\udfff")
    html.encode("utf-8")  # would raise on a lone surrogate
    assert "\\ud800" in html
    assert any("坏\ud800字" in n["aliases"] for n in Page(html).data()["nodes"])


def test_types_are_case_insensitive():
    data = Page(render(example_graph(), types={"person"})).data()
    assert {n["name"] for n in data["nodes"]} == {"张三", "李四"} and data["edges"] == []


def test_focus_ids_point_at_the_kept_focus():
    data = Page(render(example_graph(), focus="张三", hops=1)).data()
    (focus_id,) = data["stats"]["focusIds"]
    assert data["nodes"][focus_id]["name"] == "张三"
