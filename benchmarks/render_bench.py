#!/usr/bin/env python
"""How fast the page of ``kg.render`` becomes usable in headless Chromium and Firefox, at about
1,000 and 10,000 nodes of real news.

Graphs: ``kg build`` of the first SMALL_STORIES and BIG_STORIES news stories of
``news/xwlb_*.jsonl`` in the shared data folder (never copied into the repository), built once
and cached as Turtle in CACHE (default ``/tmp/kg-render-bench``). The defaults, 150 and 2,400
stories, give about 1,000 and 10,000 entities; ``--big-graph FILE.ttl`` measures another graph.

Each graph is rendered twice: with ``max_nodes`` above the number of entities (everything
drawn) and with the default ``max_nodes`` (the most connected drawn, the rest carried hidden).
For each page: the ``render()`` time in Python, the file size, and, in each browser (the network
cut off), the time to first usable view: from navigation start until the page has drawn the
network and nothing moves any more, i.e. ``<body data-kg-ready-ms>``, which the page sets when
it is ready (median of RUNS fresh loads), plus the page's performance marks for the parts
(script start, data parsed, data sets built, network built, ready).

Chromium is driven over the DevTools protocol (``--remote-debugging-pipe``, stdlib only),
Firefox over WebDriver BiDi (tests/firefox_bidi.py); a browser that is not installed is left out.

Usage:  python benchmarks/render_bench.py [--runs 5] [--data /work/shared/data] [--browsers chromium,firefox]
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
from typing import Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from firefox_bidi import BidiError, Firefox as FirefoxBidi, find_firefox  # noqa: E402


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


# ---------------------------------------------------------------- the browsers

#: '1' or 'error' once the page is ready (or has failed), else null
READY = "document.body ? document.body.getAttribute('data-kg-ready') : null"
#: what a ready page reports: the time from navigation start, the counts and the marks
REPORT = """JSON.stringify({
    ready: document.body.getAttribute('data-kg-ready'),
    ms: Number(document.body.getAttribute('data-kg-ready-ms')),
    nodes: Number(document.body.getAttribute('data-kg-visible-nodes')),
    hidden: Number(document.body.getAttribute('data-kg-hidden-nodes')),
    marks: Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, Math.round(m.startTime)]))
})"""


def poll(evaluate: Callable[[str], object], timeout: float) -> dict:
    """Wait for READY, then the REPORT of the page."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if evaluate(READY) in ("1", "error"):
            return json.loads(evaluate(REPORT))  # type: ignore[arg-type]
        time.sleep(0.05)
    return {"ready": "timeout", "ms": float("nan")}


def chromium() -> str | None:
    for name in (os.environ.get("KG_CHROMIUM"), "chromium", "chromium-browser", "google-chrome-stable", "google-chrome"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Chromium:
    """Headless Chromium over the DevTools protocol on a pipe (fd 3 in, fd 4 out)."""

    name = "chromium"

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

    def load(self, page: Path, timeout: float = 120.0) -> dict:
        """Open the page in a fresh tab; the ready time and performance marks."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session)
        self.call("Page.navigate", session, url=page.resolve().as_uri())

        def evaluate(expression: str) -> object:
            return self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)["result"].get("value")

        result = poll(evaluate, timeout)
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


class Firefox:
    """Headless Firefox over WebDriver BiDi (tests/firefox_bidi.py), offline."""

    name = "firefox"

    def __init__(self, profile: Path, size: tuple[int, int] = (1400, 850)) -> None:
        self.browser = FirefoxBidi(profile, size=size)

    def load(self, page: Path, timeout: float = 120.0) -> dict:
        """Open the page after about:blank (a new document each time); the ready time and marks."""
        self.browser.navigate("about:blank")
        self.browser.call("browsingContext.navigate", context=self.browser.context,
                          url=page.resolve().as_uri(), wait="none")
        result = poll(self._evaluate, timeout)
        self.browser.clear_events()
        return result

    def _evaluate(self, expression: str) -> object:
        try:
            return self.browser.evaluate(expression)
        except BidiError:  # the document is being replaced
            return None

    def close(self) -> None:
        self.browser.close()


# ---------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "kg-render-bench")
    parser.add_argument("--small-stories", type=int, default=150)
    parser.add_argument("--big-stories", type=int, default=2400)
    parser.add_argument("--big-graph", type=Path, default=None, help="measure this graph as the big one instead")
    parser.add_argument("--browsers", default="chromium,firefox")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    sys.path.insert(0, str(REPO / "src"))
    from kg.export import load
    from kg.render import render

    args.cache.mkdir(parents=True, exist_ok=True)
    graphs = {
        "~1k": built(args.data, args.cache, args.small_stories),
        "~10k": args.big_graph or built(args.data, args.cache, args.big_stories),
    }

    pages = []
    for label, path in graphs.items():
        graph = load(str(path))
        for mode in ("all", "default"):
            started = time.perf_counter()
            html = render(graph, **({"max_nodes": 1_000_000} if mode == "all" else {}))
            seconds = time.perf_counter() - started
            stats = json.loads(re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1))["stats"]
            page = args.cache / f"{path.stem}-{mode}.html"
            page.write_text(html, encoding="utf-8")
            pages.append((label, mode, page, seconds, stats))

    available = {"chromium": chromium() is not None, "firefox": find_firefox() is not None}
    rows = []
    for name in args.browsers.split(","):
        if not available.get(name):
            print(f"  {name}: not installed, left out", file=sys.stderr)
            continue
        browser = (Chromium if name == "chromium" else Firefox)(args.cache / f"profile-{name}")
        try:
            browser.load(pages[0][2])  # warm up: the browser's first page
            for label, mode, page, seconds, stats in pages:
                runs = [browser.load(page) for _ in range(args.runs)]
                ms = statistics.median(r["ms"] for r in runs)
                rows.append((name, label, mode, stats, page.stat().st_size, seconds, ms, runs))
        finally:
            browser.close()

    print(f"{'browser':<8} {'graph':<6} {'max_nodes':<9} {'entities':>8} {'drawn':>6} {'hidden':>6} {'edges':>6} "
          f"{'MB':>6} {'render s':>8} {'usable ms':>9}  runs ms; parts of the median run (ms from navigation start)")
    for name, label, mode, stats, size, seconds, ms, runs in rows:
        median_run = min(runs, key=lambda r: abs(r["ms"] - ms))
        parts = ", ".join(f"{k.removeprefix('kg-')} {v}" for k, v in median_run.get("marks", {}).items())
        every = "/".join(f"{r['ms']:.0f}" for r in runs)
        print(f"{name:<8} {label:<6} {mode:<9} {stats['candidates']:>8} {stats['shown']:>6} {stats['hidden']:>6} "
              f"{stats['edgesShown']:>6} {size / 1e6:>6.1f} {seconds:>8.1f} {ms:>9.0f}  {every}; {parts}")
    print(f"(median of {args.runs} loads; layout: {pages[-1][4]['layout']}; graphs: "
          + ", ".join(f"{k} = {v}" for k, v in graphs.items()) + f"; load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
