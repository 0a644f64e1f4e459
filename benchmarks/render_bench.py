#!/usr/bin/env python
"""How fast the page of ``kg.render`` becomes usable in headless Chromium, at about 1,000 and 10,000 nodes.

Graphs: ``kg build`` of the first STORIES news stories of ``news/xwlb_*.jsonl`` in the shared
data folder (never copied into the repository), built once and cached as Turtle in CACHE
(default ``/tmp/kg-render-bench``). The 1,000-node graph is the build of the first
SMALL_STORIES stories. The 10,000-node graph is, by default, *synthesized*: COPIES copies of
the BASE_STORIES build, each copy's IRIs renamed, so it has the shape of the news graph
(types, degrees, components, articles and evidence) at the size wanted without a long build;
``--big-graph FILE.ttl`` measures a real build instead.

Each graph is rendered twice: with ``max_nodes`` above the number of entities (everything
drawn) and with the default ``max_nodes`` (the most connected drawn, the rest carried hidden).
For each page: the ``render()`` time in Python, the file size, and, in headless Chromium driven
over the DevTools protocol (``--remote-debugging-pipe``, stdlib only, the network cut off),
the time to first usable view: from navigation start until the page has drawn the network
and nothing moves any more, i.e. ``<body data-kg-ready-ms>``, which the page sets when it
is ready (median of RUNS fresh loads), plus the page's performance marks for the parts
(script start, data parsed, network built, ready).

Usage:  python benchmarks/render_bench.py [--runs 3] [--data /work/shared/data] [--big-graph g.ttl]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- graphs


def news_slice(data: Path, stories: int, target: Path) -> Path:
    lines: list[str] = []
    for path in sorted((data / "news").glob("xwlb_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    lines.append(line)
                    if len(lines) >= stories:
                        break
        if len(lines) >= stories:
            break
    target.write_text("".join(lines), encoding="utf-8")
    return target


def built(data: Path, cache: Path, stories: int) -> Path:
    """The Turtle of ``kg build`` over the first ``stories`` stories, built once."""
    ttl = cache / f"news-{stories}.ttl"
    if not ttl.is_file():
        source = news_slice(data, stories, cache / f"news-{stories}.jsonl")
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "build", str(source), "-o", str(ttl), "--no-progress"], check=True)
        print(f"  built {ttl} from {stories} stories in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return ttl


def synthesized(base: Path, cache: Path, copies: int) -> Path:
    """``copies`` copies of the graph in ``base``, every IRI of the kg id space renamed per copy."""
    ttl = cache / f"{base.stem}-x{copies}.nt"
    if ttl.is_file():
        return ttl
    from rdflib import Graph, URIRef

    from kg.vocab import ID

    graph = Graph()
    graph.parse(base)
    prefix = str(ID)
    lines = []
    for i in range(copies):
        def rename(term):
            if isinstance(term, URIRef) and str(term).startswith(prefix):
                return URIRef(f"{term}-c{i}")
            return term

        for s, p, o in graph:
            lines.append(f"{rename(s).n3()} {p.n3()} {rename(o).n3()} .\n")
    ttl.write_text("".join(lines), encoding="utf-8")
    return ttl


# ---------------------------------------------------------------- the browser


def chromium() -> str:
    for name in (os.environ.get("KG_CHROMIUM"), "chromium", "chromium-browser", "google-chrome-stable", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)  # type: ignore[return-value]
    raise SystemExit("no chromium found (apt-get install -y chromium fonts-noto-cjk)")


class Browser:
    """Headless Chromium over the DevTools protocol on a pipe (fd 3 in, fd 4 out)."""

    def __init__(self, profile: Path, size: tuple[int, int] = (1400, 850)) -> None:
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def fds() -> None:
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--remote-debugging-pipe", f"--user-data-dir={profile}", "--host-resolver-rules=MAP * ~NOTFOUND",
             f"--window-size={size[0]},{size[1]}", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.out, self.inp = to_chrome_w, from_chrome_r
        self.counter = 0
        self.buffer = b""

    def call(self, method: str, session: str | None = None, **params) -> dict:
        self.counter += 1
        message = {"id": self.counter, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.inp, 1 << 20)
                if not chunk:
                    raise EOFError("chromium closed the pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.counter:
                if "error" in reply:
                    raise RuntimeError(reply["error"])
                return reply.get("result", {})

    def evaluate(self, session: str, expression: str):
        return self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)["result"].get("value")

    def load(self, page: Path, timeout: float = 120.0) -> dict:
        """Open the page in a fresh tab; the ready time and performance marks."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session)
        self.call("Page.navigate", session, url=page.resolve().as_uri())
        started = time.monotonic()
        result: dict = {}
        while time.monotonic() - started < timeout:
            state = self.evaluate(session, "document.body ? document.body.getAttribute('data-kg-ready') : null")
            if state in ("1", "error"):
                result = json.loads(self.evaluate(session, """JSON.stringify({
                    ready: document.body.getAttribute('data-kg-ready'),
                    ms: Number(document.body.getAttribute('data-kg-ready-ms')),
                    nodes: Number(document.body.getAttribute('data-kg-visible-nodes')),
                    hidden: Number(document.body.getAttribute('data-kg-hidden-nodes')),
                    marks: Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))
                })"""))
                break
            time.sleep(0.05)
        else:
            result = {"ready": "timeout", "ms": float("nan")}
        self.call("Target.closeTarget", targetId=target)
        return result

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (EOFError, OSError, RuntimeError):
            pass
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# ---------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kg-render-bench")
    parser.add_argument("--small-stories", type=int, default=150)
    parser.add_argument("--base-stories", type=int, default=300)
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--big-graph", type=Path, default=None, help="measure this graph as the big one instead")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO / "src"))
    from kg.export import load
    from kg.render import render

    args.cache.mkdir(parents=True, exist_ok=True)
    graphs = {"~1k": built(args.data, args.cache, args.small_stories)}
    if args.big_graph is not None:
        graphs["~10k"] = args.big_graph
    else:
        graphs["~10k"] = synthesized(built(args.data, args.cache, args.base_stories), args.cache, args.copies)

    pages = []
    for label, path in graphs.items():
        graph = load(str(path))
        for max_nodes in (1_000_000, None):
            started = time.perf_counter()
            html = render(graph, **({} if max_nodes is None else {"max_nodes": max_nodes}))
            seconds = time.perf_counter() - started
            stats = json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))["stats"]
            page = args.cache / f"{path.stem}-{'all' if max_nodes else 'default'}.html"
            page.write_text(html, encoding="utf-8")
            pages.append((label, "all" if max_nodes else "default", page, seconds, stats))

    browser = Browser(args.cache / "profile")
    try:
        browser.load(pages[0][2])  # warm up: first start of the browser
        rows = []
        for label, mode, page, seconds, stats in pages:
            runs = [browser.load(page) for _ in range(args.runs)]
            ms = statistics.median(r["ms"] for r in runs)
            last = runs[-1]
            rows.append((label, mode, stats, page.stat().st_size, seconds, ms, last))
    finally:
        browser.close()

    print(f"{'graph':<6} {'max_nodes':<9} {'entities':>8} {'drawn':>6} {'hidden':>6} {'edges':>6} "
          f"{'MB':>6} {'render s':>8} {'usable ms':>9}  parts (ms from navigation start)")
    for label, mode, stats, size, seconds, ms, last in rows:
        marks = last.get("marks", {})
        parts = ", ".join(f"{k.removeprefix('kg-')} {v}" for k, v in marks.items())
        print(f"{label:<6} {mode:<9} {stats['candidates']:>8} {stats['shown']:>6} {stats['hidden']:>6} "
              f"{stats['edgesShown']:>6} {size / 1e6:>6.1f} {seconds:>8.1f} {ms:>9.0f}  {parts}")
    print(f"(median of {args.runs} loads; layout: {rows[-1][2]['layout']}; graphs: "
          + ", ".join(f"{k} = {v}" for k, v in graphs.items()) + ")")


if __name__ == "__main__":
    main()
