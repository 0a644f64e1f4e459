#!/usr/bin/env python
"""SPARQL at scale: build a graph of about a million triples from the shared news, then time

* export per format (kg.export.export) and load into pyoxigraph (Store.bulk_load, in-memory load),
* p50 / p95 latency of each example query (ontology/queries/*.rq)
  - via kg.query (rdflib API over the Oxigraph store),
  - via rdflib's own SPARQL engine on a plain in-memory rdflib Graph, in a child process with a
    per-query time cap (reported as "did not finish in N s"),
  - via kg serve over HTTP on loopback.

The graph is the union of ``kg build`` runs over chunks of ``xwlb_*.jsonl`` lines (chunks built in
parallel with ``--jobs``; entity IRIs are content hashes, so the same entity from two chunks is one
node). It is cached as ``WORK/graph.nt``: run again with the same ``--work`` to skip the build.

Usage:
    python benchmarks/sparql_bench.py --triples 1000000 --jobs 2 --work /tmp/kg-bench
    python benchmarks/sparql_bench.py --build-only ...      # just build (and report the rate)
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def news_lines(shared: Path):
    for path in sorted((shared / "data" / "news").glob("xwlb_*.jsonl"), reverse=True):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield line


def _build_chunk(args: tuple[int, list[str], str]) -> tuple[int, int, int, float]:
    """Build one chunk with kg's pipeline; write CHUNK.nt; (index, articles, triples, seconds)."""
    index, lines, work = args
    import importlib

    from kg.export import export
    from kg.pipeline import build
    from kg.resources import data_file

    extract = importlib.import_module("kg.extract")
    if "labeller" in getattr(extract, "COMPONENTS", {}):
        try:
            from kg.extract.neural import FILES

            present = all(data_file("models", name).is_file() for name in FILES.values())
        except Exception:  # noqa: BLE001
            present = False
        if not present:  # the trained model is not in this checkout: build with the rules only
            extract.COMPONENTS.pop("labeller")
    source = Path(work) / f"chunk-{index:04d}.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    started = time.perf_counter()
    result = build([source])
    out = Path(work) / f"chunk-{index:04d}.nt"
    export(result.graph, out, "ntriples")
    source.unlink()
    return index, result.articles, len(result.graph), time.perf_counter() - started


def build_graph(shared: Path, work: Path, triples: int, jobs: int, chunk: int, max_minutes: float) -> tuple[Path, dict]:
    graph_nt = work / "graph.nt"
    meta_path = work / "build.json"
    if graph_nt.is_file() and meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        print(f"using the cached graph {graph_nt} ({meta['triples']} triples from {meta['articles']} articles)")
        return graph_nt, meta
    work.mkdir(parents=True, exist_ok=True)
    for old in work.glob("chunk-*"):
        old.unlink()
    lines = news_lines(shared)
    started = time.perf_counter()
    deadline = started + max_minutes * 60
    total_articles = 0
    estimate = 0  # triples summed over chunks; ~20% are duplicates across chunks (shared entities), hence the 1.25 below
    index = itertools.count()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending = set()

        def submit() -> bool:
            batch = list(itertools.islice(lines, chunk))
            if not batch:
                return False
            pending.add(pool.submit(_build_chunk, (next(index), batch, str(work))))
            return True

        for _ in range(jobs * 2):
            submit()
        while pending:
            done = next(as_completed(pending))
            pending.discard(done)
            i, articles, n, seconds = done.result()
            total_articles += articles
            estimate += n
            elapsed = time.perf_counter() - started
            print(f"  chunk {i}: {articles} articles, {n} triples in {seconds:.0f} s; total ≈{estimate} triples, "
                  f"{total_articles} articles, {elapsed:.0f} s", flush=True)
            if estimate < triples * 1.25 and time.perf_counter() < deadline:
                submit()
    build_seconds = time.perf_counter() - started
    # merge: N-Triples files concatenate; a store drops the duplicates
    import pyoxigraph as ox

    merged = work / "merged.nt"
    with open(merged, "wb") as out:
        for part in sorted(work.glob("chunk-*.nt")):
            out.write(part.read_bytes())
    store = ox.Store()
    store.bulk_load(path=str(merged), format=ox.RdfFormat.N_TRIPLES)
    count = len(store)
    with open(graph_nt, "wb") as out:
        ox.serialize((q.triple for q in store), out, format=ox.RdfFormat.N_TRIPLES)
    merged.unlink()
    for part in work.glob("chunk-*.nt"):
        part.unlink()
    meta = {"triples": count, "articles": total_articles, "build_seconds": round(build_seconds, 1), "jobs": jobs,
            "reached_target": count >= triples}
    meta_path.write_text(json.dumps(meta))
    print(f"built {count} distinct triples from {total_articles} articles in {build_seconds:.0f} s with {jobs} processes")
    return graph_nt, meta


# --------------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_calls(call, repeat: int, budget_s: float) -> list[float]:
    """Run call() up to repeat times (at least once) within budget_s; the durations in seconds."""
    times: list[float] = []
    started = time.perf_counter()
    for _ in range(repeat):
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
        if time.perf_counter() - started > budget_s:
            break
    return times


def _engine_child(mode: str, path: str, connection) -> None:
    """Child: load the file (mode "kg": kg.export.load, an rdflib Graph over Oxigraph, queried with
    kg.query; mode "rdflib": a plain in-memory rdflib Graph and rdflib's own SPARQL engine), then
    time queries on request."""
    from rdflib import Graph

    started = time.perf_counter()
    if mode == "kg":
        from kg.export import load
        from kg.query import query

        graph = load(path)
        run = lambda text: query(graph, text)  # noqa: E731
    else:
        graph = Graph()
        graph.parse(path, format="nt" if path.endswith(".nt") else "turtle")
        run = graph.query
    connection.send(("loaded", time.perf_counter() - started, len(graph)))
    while True:
        text = connection.recv()
        if text is None:
            return
        t = time.perf_counter()
        rows = len(list(run(text)))
        connection.send(("done", time.perf_counter() - t, rows))


def engine_times(mode: str, path: Path, queries: dict[str, str], repeat: int, cap_s: float,
                 budget_s: float) -> tuple[float, dict[str, object]]:
    """Per query: a list of durations, or the string "did not finish in N s" (the child is killed
    and a fresh one loads the graph again)."""
    context = multiprocessing.get_context("spawn")
    results: dict[str, object] = {}

    def start():
        parent, child = context.Pipe()
        process = context.Process(target=_engine_child, args=(mode, str(path), child), daemon=True)
        process.start()
        _status, seconds, _n = parent.recv()
        return process, parent, seconds

    process, parent, load_seconds = start()
    print(f"  {mode}: loaded in {load_seconds:.1f} s", flush=True)
    for name, text in queries.items():
        times: list[float] = []
        for _ in range(repeat):
            parent.send(text)
            if not parent.poll(cap_s):
                process.kill()
                process.join()
                times = []
                results[name] = f"did not finish in {cap_s:g} s"
                process, parent, _ = start()
                break
            _, seconds, _rows = parent.recv()
            times.append(seconds)
            if sum(times) > budget_s:
                break
        if name not in results:
            results[name] = times
        print(f"  {mode} {name}: {_cell(results[name])}", flush=True)
    parent.send(None)
    process.join(10)
    return load_seconds, results


def _cell(value: object) -> str:
    if isinstance(value, str):
        return value
    times = value  # type: ignore[assignment]
    return f"{percentile(times, .5) * 1000:.0f} / {percentile(times, .95) * 1000:.0f} ms (n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=Path("/work/shared"))
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"))
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2)))
    parser.add_argument("--chunk", type=int, default=500, help="articles (lines) per build chunk")
    parser.add_argument("--max-build-minutes", type=float, default=45.0)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--cap", type=float, default=60.0, help="seconds per query for kg.query and kg serve")
    parser.add_argument("--budget", type=float, default=45.0, help="stop repeating a query after this many seconds")
    parser.add_argument("--rdflib-cap", type=float, default=30.0, help="seconds per query for rdflib's engine")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--engines", default="export,kg,serve,rdflib",
                        help="what to measure, comma-separated: export, kg, serve, serve-disk, rdflib")
    args = parser.parse_args()

    graph_nt, meta = build_graph(args.shared, args.work, args.triples, args.jobs, args.chunk, args.max_build_minutes)
    if args.build_only:
        return

    from kg.export import FORMATS
    from kg.resources import named_queries

    queries = named_queries()
    rows: list[tuple[str, str]] = []
    print(f"\ngraph: {meta['triples']} triples from {meta['articles']} articles "
          f"(built in {meta['build_seconds']} s with {meta['jobs']} processes)")

    engines = set(args.engines.split(","))
    exported: dict[str, Path] = {name: args.work / "export" / f"graph{ext[0]}" for name, (_p, ext) in FORMATS.items()}
    if "export" in engines or not exported["turtle"].is_file():
        export_and_load(graph_nt, exported, rows)
    latency: dict[str, dict[str, object]] = {name: {} for name in queries}
    if "kg" in engines:
        load_seconds, results = engine_times("kg", exported["turtle"], queries, args.repeat, args.cap, args.budget)
        rows.append(("kg.export.load Turtle (rdflib Graph over Oxigraph)", f"{load_seconds:.1f} s"))
        for name, value in results.items():
            latency[name]["kg.query"] = value
    for mode in ("serve", "serve-disk"):
        if mode in engines:
            serve_times(exported["turtle"], queries, args, latency, rows, in_memory=mode == "serve")
    if "rdflib" in engines:
        load_seconds, results = engine_times("rdflib", graph_nt, queries, min(args.repeat, 3), args.rdflib_cap, args.budget)
        rows.append(("rdflib plain Graph parse N-Triples", f"{load_seconds:.1f} s"))
        for name, value in results.items():
            latency[name]["rdflib engine (plain Graph)"] = value
    report(rows, latency, queries)


def export_and_load(graph_nt: Path, exported: dict[str, Path], rows: list) -> None:
    from kg.export import export, load
    import pyoxigraph as ox

    t = time.perf_counter()
    graph = load(graph_nt)
    rows.append(("load N-Triples into kg (rdflib over Oxigraph)", f"{time.perf_counter() - t:.1f} s"))

    for name, path in exported.items():
        t = time.perf_counter()
        export(graph, path, name)
        seconds = time.perf_counter() - t
        rows.append((f"export {name}", f"{seconds:.1f} s, {path.stat().st_size / 1e6:.0f} MB"))
        print(f"  export {name}: {seconds:.1f} s", flush=True)

    t = time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=str(exported["turtle"]), format=ox.RdfFormat.TURTLE)
    rows.append(("pyoxigraph bulk_load Turtle (in memory)", f"{time.perf_counter() - t:.1f} s, {len(store)} triples"))
    del store
    t = time.perf_counter()
    store = ox.Store()
    store.load(path=str(exported["turtle"]), format=ox.RdfFormat.TURTLE)
    rows.append(("pyoxigraph load Turtle (in memory, transactional)", f"{time.perf_counter() - t:.1f} s"))
    del store

    del graph


def serve_times(turtle: Path, queries: dict[str, str], args, latency: dict, rows: list, in_memory: bool) -> None:
    from kg.serve import make_app

    column = "kg serve (HTTP)" if in_memory else "kg serve, on-disk store (HTTP)"
    t = time.perf_counter()
    app = make_app(turtle, port=0, timeout_s=args.cap, max_rows=10_000_000, queue_timeout_s=args.cap,
                   in_memory=in_memory).start()
    rows.append((f"{column.replace(' (HTTP)', '')} start ({app.workers} workers)", f"{time.perf_counter() - t:.1f} s"))
    try:
        for name, text in queries.items():
            data = urllib.parse.urlencode({"query": text}).encode()
            outcome: dict[str, object] = {}

            def call() -> None:
                request = urllib.request.Request(app.endpoint, data=data, headers={
                    "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
                try:
                    with urllib.request.urlopen(request, timeout=args.cap + 30) as response:
                        json.loads(response.read())
                except urllib.error.HTTPError as error:
                    outcome["error"] = error.code
                    raise

            try:
                times = time_calls(call, args.repeat, args.budget)
                latency[name][column] = times
            except urllib.error.HTTPError:
                latency[name][column] = (f"did not finish in {args.cap:g} s" if outcome.get("error") == 504
                                         else f"HTTP {outcome.get('error')}")
            print(f"  {column} {name}: {_cell(latency[name][column])}", flush=True)
    finally:
        app.close()


def report(rows: list, latency: dict, queries: dict[str, str]) -> None:
    print("\n| step | time |\n|---|---|")
    for step, value in rows:
        print(f"| {step} | {value} |")
    columns = [c for c in ("kg.query", "kg serve (HTTP)", "kg serve, on-disk store (HTTP)", "rdflib engine (plain Graph)")
               if any(c in latency[name] for name in queries)]
    print("\np50 / p95 latency per example query\n")
    print("| query | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name in queries:
        print(f"| {name} | " + " | ".join(_cell(latency[name].get(c, "-")) for c in columns) + " |")


if __name__ == "__main__":
    main()
