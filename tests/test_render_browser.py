"""kg.render in a real browser: headless Chromium, offline, stdlib only.

Skipped when no Chromium is installed (Debian: ``apt-get install -y chromium fonts-noto-cjk``);
``KG_CHROMIUM`` names the binary if it is not on PATH. ``KG_SCREENSHOT`` (a .png path) keeps
the screenshot of the example page for a person to look at.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.render import render


def _test_render():
    """tests/test_render.py, whatever pytest's import mode."""
    import importlib.util
    import sys

    module = sys.modules.get("test_render") or sys.modules.get("tests.test_render")
    if module is None:
        spec = importlib.util.spec_from_file_location("_kg_test_render", Path(__file__).with_name("test_render.py"))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


HOSTILE = _test_render().HOSTILE
example_graph = _test_render().example_graph
without_csp = _test_render().without_csp


def _chromium() -> str | None:
    named = os.environ.get("KG_CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    for name in ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install -y chromium)")

#: replaces window.alert before anything else runs; an alert marks <html data-alerted>
ALERT_HOOK = (
    "<script>window.alert=window.confirm=window.prompt=function(){"
    "document.documentElement.setAttribute('data-alerted','1')};</script>"
)


def run_chromium(tmp_path: Path, page: Path, *args: str, fragment: str = "") -> subprocess.CompletedProcess:
    """Chromium on a local file, with every network name unresolvable (offline)."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        "--virtual-time-budget=10000",
        *args,
        page.as_uri() + fragment,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


class Dom(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.panel_text: list[str] = []
        self.marks: list[str] = []
        self._depth = 0  # inside #kg-panel
        self._mark = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if a.get("id") == "kg-panel":
            self._depth = 1
        elif self._depth and tag not in {"br", "img", "input", "meta", "link", "hr"}:
            self._depth += 1
        if tag == "mark":
            self._mark = True
            self.marks.append("")

    def handle_endtag(self, tag):
        if self._depth and tag != "br":
            self._depth -= 1
        if tag == "mark":
            self._mark = False

    def handle_data(self, data):
        if self._depth:
            self.panel_text.append(data)
        if self._mark:
            self.marks[-1] += data

    def attr(self, tag: str, name: str) -> str | None:
        return next((a.get(name) for t, a in self.elements if t == tag), None)

    def by_id(self, ident: str) -> dict[str, str | None]:
        return next(a for _t, a in self.elements if a.get("id") == ident)


def console_errors(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if ":CONSOLE" in line and ("Refused" in line or "violates" in line or "Uncaught" in line or "Error" in line)
    ]


def check_dom(dom: Dom) -> None:
    tags = [t for t, _a in dom.elements]
    assert tags.count("script") == 3
    assert "img" not in tags and "iframe" not in tags
    for tag, attrs in dom.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)


def test_example_page_loads_offline_and_draws_every_node(tmp_path):
    page = tmp_path / "example.html"
    page.write_text(render(example_graph(), title="示例 kg network"), "utf-8")
    result = run_chromium(tmp_path, page, "--dump-dom", fragment="#focus=" + "渝农")  # an alias, partly
    dom = Dom(result.stdout)
    assert dom.attr("body", "data-kg-ready") == "1", result.stderr[-2000:]
    assert dom.attr("body", "data-kg-nodes") == "9"
    assert dom.attr("body", "data-kg-edges") == "9"
    assert dom.attr("html", "data-alerted") is None
    assert console_errors(result.stderr) == []  # the CSP hashes fit, nothing was fetched
    check_dom(dom)
    # the search found the bank by its alias and the panel shows it
    panel = dom.by_id("kg-panel")
    assert "hidden" not in panel
    text = "".join(dom.panel_text)
    assert "重庆农村商业银行" in text and "渝农商行" in text and "合作 partnerOf" in text
    assert "渝农商行" in dom.marks and "某某港务" in dom.marks  # the evidence sentence, highlighted
    assert "港务公司党建引领高质量发展" in text  # the article that mentions it
    # a legend with counts
    assert 'data-type="Organization"' in result.stdout and 'class="count">3<' in result.stdout


def test_hostile_page_runs_no_script_of_the_input(tmp_path):
    html = render(example_graph(hostile=True), title="</title><script>alert(1)</script>" + HOSTILE[0])
    # without our CSP, so that only the escaping and the text-only DOM building protect the page
    unprotected = without_csp(html).replace("<head>", "<head>" + ALERT_HOOK, 1)
    page = tmp_path / "hostile.html"
    page.write_text(unprotected, "utf-8")
    result = run_chromium(tmp_path, page, "--dump-dom", fragment="#focus=onerror")
    dom = Dom(result.stdout)
    assert dom.attr("body", "data-kg-ready") == "1", result.stderr[-2000:]
    assert dom.attr("body", "data-kg-nodes") == "9"
    assert dom.attr("html", "data-alerted") is None
    tags = [t for t, _a in dom.elements]
    assert tags.count("script") == 4  # the hook and our three
    assert "img" not in tags
    for tag, attrs in dom.elements:
        assert not any(name.startswith("on") for name in attrs), tag
    text = "".join(dom.panel_text)
    assert HOSTILE[0] in text and HOSTILE[1] in text  # shown, as text
    assert HOSTILE[0] in dom.marks
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def test_the_alert_hook_would_see_an_injection(tmp_path):
    """The control for the test above: an injected handler does fire the hook."""
    html = render(example_graph(), title="control")
    html = without_csp(html)
    html = html.replace("<head>", "<head>" + ALERT_HOOK, 1).replace(
        "</body>", '<img src="x" onerror="alert(1)"></body>', 1
    )
    page = tmp_path / "control.html"
    page.write_text(html, "utf-8")
    dom = Dom(run_chromium(tmp_path, page, "--dump-dom").stdout)
    assert dom.attr("html", "data-alerted") == "1"


def test_the_csp_blocks_an_injection_too(tmp_path):
    html = render(example_graph(), title="csp").replace("</body>", '<img src="x" onerror="alert(1)"></body>', 1)
    page = tmp_path / "csp.html"
    page.write_text(html, "utf-8")
    result = run_chromium(tmp_path, page, "--dump-dom")
    assert Dom(result.stdout).attr("body", "data-kg-ready") == "1"
    assert any("Content Security Policy" in line for line in console_errors(result.stderr))


def test_screenshot(tmp_path):
    page = tmp_path / "example.html"
    page.write_text(render(example_graph(), title="示例 kg network"), "utf-8")
    target = Path(os.environ.get("KG_SCREENSHOT") or tmp_path / "kg-render-example.png")
    result = run_chromium(
        tmp_path, page, "--hide-scrollbars", "--window-size=1400,850", f"--screenshot={target}", fragment="#focus=张三"
    )
    assert target.is_file(), result.stderr[-2000:]
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


#: after the layout: untick Person, untick partnerOf, type in the search box; report on <html>
DRIVER = """<script>
(function () {
  var timer = setInterval(function () {
    if (document.body.getAttribute("data-kg-ready") !== "1") { return; }
    clearInterval(timer);
    var root = document.documentElement, body = document.body;
    function click(selector) { document.querySelector(selector).click(); }
    click('input[data-type="Person"]');
    root.setAttribute("data-after-person", body.getAttribute("data-kg-visible-nodes") + "/" + body.getAttribute("data-kg-visible-edges"));
    click('input[data-relation="partnerOf"]');
    root.setAttribute("data-after-partner", body.getAttribute("data-kg-visible-nodes") + "/" + body.getAttribute("data-kg-visible-edges"));
    var input = document.getElementById("kg-search");
    input.value = "港务";
    input.dispatchEvent(new Event("input"));
    var hits = document.querySelectorAll("#kg-results button");
    root.setAttribute("data-hits", String(hits.length));
    root.setAttribute("data-first", hits[0].textContent);
    hits[0].click();
    root.setAttribute("data-panel", document.getElementById("kg-panel").getAttribute("data-node"));
  }, 50);
})();
</script>"""


def test_filters_and_search(tmp_path):
    html = render(example_graph(), title="interaction")
    html = without_csp(html)
    html = html.replace("</body>", DRIVER + "</body>", 1)
    page = tmp_path / "driven.html"
    page.write_text(html, "utf-8")
    result = run_chromium(tmp_path, page, "--dump-dom")
    dom = Dom(result.stdout)
    assert dom.attr("body", "data-kg-ready") == "1", result.stderr[-2000:]
    assert dom.attr("html", "data-after-person") == "7/7"  # 张三 and 李四 and their two memberOf edges hidden
    assert dom.attr("html", "data-after-partner") == "7/6"
    assert dom.attr("html", "data-hits") == "2"  # the company and the party committee
    # the committee first: its alias 港务党委 starts with the query; the panel shows it
    assert dom.attr("html", "data-first") == "中共重庆某某港务有限公司委员会（港务党委）机构"
    assert dom.attr("html", "data-panel") is not None
    assert "".join(dom.panel_text).startswith("机构 Organization中共重庆某某港务有限公司委员会")


#: after the layout: a real click (pointer events) on the hub, then "show neighbours"; report on <html>
CLICKER = """<script>
(function () {
  var timer = setInterval(function () {
    if (document.body.getAttribute("data-kg-ready") !== "1") { return; }
    clearInterval(timer);
    var root = document.documentElement, body = document.body, network = window.kgNetwork;
    var data = JSON.parse(document.getElementById("kg-data").textContent);
    var hub = data.nodes.filter(function (n) { return n.name === "重庆某某港务有限公司"; })[0].id;
    root.setAttribute("data-before", body.getAttribute("data-kg-visible-nodes") + "/" + body.getAttribute("data-kg-hidden-nodes"));
    var canvas = document.querySelector("#kg-network canvas"), box = canvas.getBoundingClientRect();
    var at = network.canvasToDOM(network.getPosition(hub));
    ["pointerdown", "pointerup"].forEach(function (type) {
      canvas.dispatchEvent(new PointerEvent(type, {
        bubbles: true, cancelable: true, pointerId: 1, isPrimary: true, pointerType: "mouse",
        button: 0, buttons: type === "pointerdown" ? 1 : 0, clientX: box.left + at.x, clientY: box.top + at.y
      }));
    });
    setTimeout(function () {
      var panel = document.getElementById("kg-panel");
      root.setAttribute("data-clicked", String(panel.getAttribute("data-node") === String(hub)));
      var expand = document.getElementById("kg-expand");
      root.setAttribute("data-expand", expand ? expand.textContent : "none");
      if (expand) { expand.click(); }
      root.setAttribute("data-after", body.getAttribute("data-kg-visible-nodes") + "/" + body.getAttribute("data-kg-hidden-nodes"));
      root.setAttribute("data-expand-after", document.getElementById("kg-expand") ? "still" : "gone");
      root.setAttribute("data-done", "1");
    }, 400);
  }, 50);
})();
</script>"""


def test_click_opens_the_panel_and_show_neighbours_draws_the_hidden(tmp_path):
    # two drawn (the hub and the party committee), seven carried hidden
    html = render(example_graph(), title="expand", max_nodes=2)
    html = without_csp(html)
    page = tmp_path / "expand.html"
    page.write_text(html.replace("</body>", CLICKER + "</body>", 1), "utf-8")
    result = run_chromium(tmp_path, page, "--dump-dom", "--window-size=1200,800")
    dom = Dom(result.stdout)
    assert dom.attr("body", "data-kg-ready") == "1", result.stderr[-2000:]
    assert console_errors(result.stderr) == []
    assert dom.attr("html", "data-done") == "1"
    assert dom.attr("html", "data-before") == "2/7"
    assert dom.attr("html", "data-clicked") == "true"  # the click opened the hub's panel
    assert dom.attr("html", "data-expand") == "显示邻居 show neighbours (+4)"  # 渝北区, the bank, 李四, 蓝海红链
    assert dom.attr("html", "data-after") == "6/3"
    assert dom.attr("html", "data-expand-after") == "gone"
    text = "".join(dom.panel_text)
    assert "提及报道 articles (1)" in text and "港务公司党建引领高质量发展" in text and "2024-07-01" in text
    assert "某某港务" in dom.marks and "渝农商行" in dom.marks  # evidence: the entity (alias) and the other side marked


def test_search_finds_a_hidden_entity_and_draws_it(tmp_path):
    html = render(example_graph(), title="hidden", max_nodes=2)
    page = tmp_path / "hidden.html"
    page.write_text(html, "utf-8")
    result = run_chromium(tmp_path, page, "--dump-dom", fragment="#focus=" + "五联")  # hidden, partial name
    dom = Dom(result.stdout)
    assert dom.attr("body", "data-kg-ready") == "1", result.stderr[-2000:]
    assert console_errors(result.stderr) == []
    assert dom.attr("body", "data-kg-visible-nodes") == "3" and dom.attr("body", "data-kg-hidden-nodes") == "6"
    assert "".join(dom.panel_text).startswith("举措 Initiative五联机制")
