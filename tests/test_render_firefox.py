"""kg.render in a real Firefox: headless, offline, driven over WebDriver BiDi (tests/firefox_bidi.py).

Skipped only when no Firefox is installed (Debian: ``apt-get install -y firefox-esr fonts-noto-cjk``);
``KG_FIREFOX`` names the binary if it is not on PATH. ``KG_SCREENSHOT_FIREFOX`` (a .png path)
keeps the screenshot of the example page for a person to look at.

One browser serves the whole module; each test opens its own file. Clicks and key presses are
real input events (``input.performActions``), dialogs are heard as BiDi events, and every
request the page makes is recorded: the pages must make none beyond their own file.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the helpers beside this file, whatever the import mode

from firefox_bidi import Firefox, find_firefox  # noqa: E402
from test_render import HOSTILE, example_graph, without_csp  # noqa: E402

from kg.render import render  # noqa: E402

FIREFOX = find_firefox()
pytestmark = pytest.mark.skipif(FIREFOX is None, reason="no firefox installed (apt-get install -y firefox-esr)")

INJECTION = '<img src="x" onerror="alert(1)"></body>'

#: the panel's node, its text, and every element of the page that could run or load something
STATE = """(() => {
  const panel = document.getElementById("kg-panel");
  const all = Array.from(document.querySelectorAll("*"));
  return {
    ready: document.body.getAttribute("data-kg-ready"),
    nodes: document.body.getAttribute("data-kg-nodes"),
    edges: document.body.getAttribute("data-kg-edges"),
    panelNode: panel.hidden ? null : panel.getAttribute("data-node"),
    panelText: panel.textContent,
    marks: Array.from(panel.querySelectorAll("mark")).map(m => m.textContent),
    scripts: document.scripts.length,
    tags: Array.from(new Set(all.map(e => e.localName))),
    handlers: all.flatMap(e => Array.from(e.attributes).filter(a => a.name.startsWith("on")).map(a => e.localName + " " + a.name)),
    jsUrls: all.flatMap(e => Array.from(e.attributes).filter(a => /javascript:/i.test(a.value)).map(a => e.localName + " " + a.name)),
    title: document.title,
  };
})()"""

#: the centre of an element in viewport coordinates
CENTRE = "(() => { const r = document.querySelector(%r).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()"

#: where a node (by name) is drawn, in viewport coordinates, with the whole network in view
NODE_AT = """new Promise(done => {
  window.kgNetwork.fit({ animation: false });
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const id = data.nodes.filter(n => n.name === %r)[0].id;
  const box = document.querySelector("#kg-network canvas").getBoundingClientRect();
  let last = null;
  const poll = () => {
    const at = window.kgNetwork.canvasToDOM(window.kgNetwork.getPosition(id));
    if (last && last.x === at.x && last.y === at.y) { done([id, box.left + at.x, box.top + at.y]); return; }
    last = at;
    setTimeout(poll, 100);
  };
  poll();
})"""


@pytest.fixture(scope="module")
def firefox(tmp_path_factory):
    browser = Firefox(tmp_path_factory.mktemp("firefox") / "profile", size=(1400, 850), binary=FIREFOX)
    yield browser
    browser.close()


def open_page(firefox: Firefox, page: Path, html: str, fragment: str = "") -> dict:
    """Write and open the page, wait until it is drawn; its state."""
    page.write_text(html, "utf-8")
    firefox.clear_events()
    firefox.navigate(page.as_uri() + fragment)
    firefox.wait_for("document.body.getAttribute('data-kg-ready') !== '0'", timeout=60)
    return firefox.evaluate(STATE)


def settle(firefox: Firefox) -> dict:
    """The state after the page has had a moment (animations, deferred handlers)."""
    firefox.wait_for("new Promise(done => setTimeout(() => done(true), 300))")
    return firefox.evaluate(STATE)


def offsite(firefox: Firefox) -> list[str]:
    return [url for url in firefox.requests() if not url.startswith(("file:", "data:", "about:", "blob:"))]


def test_example_page_search_click_and_screenshot(firefox, tmp_path):
    state = open_page(firefox, tmp_path / "example.html", render(example_graph(), title="示例 kg network"))
    assert state["ready"] == "1", firefox.errors()
    assert (state["nodes"], state["edges"]) == ("9", "9")

    # the search, typed: the committee first (its alias 港务党委 starts with the query)
    firefox.click(*firefox.evaluate(CENTRE % "#kg-search"))
    firefox.type("港务")
    hits = firefox.evaluate("Array.from(document.querySelectorAll('#kg-results button')).map(b => b.textContent)")
    assert hits == ["中共重庆某某港务有限公司委员会（港务党委）机构", "重庆某某港务有限公司机构"]
    firefox.click(*firefox.evaluate(CENTRE % "#kg-results button"))
    state = settle(firefox)
    assert state["panelNode"] is not None
    assert state["panelText"].startswith("机构 Organization中共重庆某某港务有限公司委员会")

    # a click on a drawn node opens its panel: articles and highlighted evidence
    hub, x, y = firefox.evaluate(NODE_AT % "重庆某某港务有限公司")
    firefox.click(x, y)
    state = settle(firefox)
    assert state["panelNode"] == str(hub)
    assert "港务公司党建引领高质量发展" in state["panelText"] and "2024-07-01" in state["panelText"]
    assert "某某港务" in state["marks"] and "渝农商行" in state["marks"]

    target = Path(os.environ.get("KG_SCREENSHOT_FIREFOX") or tmp_path / "kg-render-example-firefox.png")
    firefox.screenshot(target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000

    assert firefox.errors() == [] and firefox.dialogs() == []
    assert offsite(firefox) == []


def test_hostile_page_runs_nothing(firefox, tmp_path):
    html = render(example_graph(hostile=True), title="</title><script>alert(1)</script>" + HOSTILE[0])
    state = open_page(firefox, tmp_path / "hostile.html", without_csp(html), fragment="#focus=onerror")
    assert state["ready"] == "1", firefox.errors()
    assert state["nodes"] == "9"
    assert state["scripts"] == 3
    assert "img" not in state["tags"] and "iframe" not in state["tags"]
    assert state["handlers"] == [] and state["jsUrls"] == []
    assert state["title"] == "</title><script>alert(1)</script>" + HOSTILE[0]
    assert HOSTILE[0] in state["panelText"] and HOSTILE[1] in state["panelText"]  # shown, as text
    assert HOSTILE[0] in state["marks"]

    # search the javascript: alias and pick it; follow a relation of its panel; click the
    # <img onerror> person on the canvas
    firefox.click(*firefox.evaluate(CENTRE % "#kg-search"))
    firefox.type("javascript:")
    firefox.click(*firefox.evaluate(CENTRE % "#kg-results button"))
    state = settle(firefox)
    assert state["panelText"].startswith("举措 Initiative蓝海红链") and HOSTILE[2] in state["panelText"]
    firefox.click(*firefox.evaluate(CENTRE % "#kg-panel button.link"))
    assert settle(firefox)["panelNode"] not in (None, state["panelNode"])  # the other side of the relation
    person, x, y = firefox.evaluate(NODE_AT % HOSTILE[0])
    firefox.click(x, y)
    state = settle(firefox)
    assert state["panelNode"] == str(person) and HOSTILE[0] in state["panelText"]
    assert settle(firefox)["handlers"] == []
    assert firefox.dialogs() == []
    assert firefox.errors() == []
    assert offsite(firefox) == []


def test_an_injection_would_be_heard_and_the_csp_blocks_it(firefox, tmp_path):
    """The control for the test above: without the CSP an injected handler raises a dialog that
    the test hears; with it, nothing runs and Firefox reports the blocked handler."""
    html = render(example_graph(), title="control")
    open_page(firefox, tmp_path / "control.html", without_csp(html).replace("</body>", INJECTION, 1))
    settle(firefox)
    assert [d["message"] for d in firefox.dialogs()] == ["1"]

    state = open_page(firefox, tmp_path / "csp.html", html.replace("</body>", INJECTION, 1))
    assert state["ready"] == "1"
    settle(firefox)
    assert firefox.dialogs() == []
    assert any("Content-Security-Policy" in error for error in firefox.errors())
