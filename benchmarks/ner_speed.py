#!/usr/bin/env python
"""Speed of the entity labeller against a plain jieba.posseg pass over the same news text.

Measures model load time (first call of ``label``), throughput in chars/s, and peak memory
(resident set size from ``resource.getrusage``, plus the Python heap peak from tracemalloc for
the tagging pass).  Text: the first ``--chars`` characters of ``news/xwlb_*.jsonl`` (field
``text``) from the shared data folder, which is never copied into the repository.

Usage:  python benchmarks/ner_speed.py [--shared ../shared] [--chars 300000]
"""
from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from table import print_table  # benchmarks/table.py (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def news_slice(shared: Path, chars: int, year: str) -> list[str]:
    texts, total = [], 0
    files = sorted((shared / "data" / "news").glob(f"xwlb_{year}.jsonl"))
    for path in files:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                if not text:
                    continue
                texts.append(text)
                total += len(text)
                if total >= chars:
                    return texts
    return texts


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_labeller(texts: list[str]) -> dict:
    t0 = time.perf_counter()
    from kg.extract import labeller

    labeller.label("模型加载。")
    load = time.perf_counter() - t0
    rss_after_load = rss_mb()
    n = sum(map(len, texts))
    tracemalloc.start()
    t0 = time.perf_counter()
    spans = labeller.label_many(texts)
    elapsed = time.perf_counter() - t0
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # untraced pass for the throughput figure (tracemalloc slows Python down)
    t0 = time.perf_counter()
    labeller.label_many(texts)
    elapsed = time.perf_counter() - t0
    return _row("kg labeller", load, n, elapsed, rss_after_load, heap_peak / 1e6, sum(map(len, spans)))


def run_posseg(texts: list[str]) -> dict:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(logging.WARNING)
    t0 = time.perf_counter()
    list(pseg.cut("模型加载。"))
    load = time.perf_counter() - t0
    rss_after_load = rss_mb()
    n = sum(map(len, texts))
    t0 = time.perf_counter()
    found = 0
    for text in texts:
        for pair in pseg.cut(text):
            if pair.flag in ("nr", "ns", "nt"):
                found += 1
    elapsed = time.perf_counter() - t0
    return _row("jieba.posseg", load, n, elapsed, rss_after_load, float("nan"), found)


def _row(name: str, load: float, chars: int, elapsed: float, rss_after_load: float, heap_peak_mb: float,
         mentions: int) -> dict:
    return {
        "name": name,
        "load_s": load,
        "chars_per_s": chars / elapsed,
        "seconds": elapsed,
        "rss_after_load_mb": rss_after_load,
        "peak_rss_mb": rss_mb(),
        "heap_peak_mb": heap_peak_mb,
        "mentions": mentions,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--chars", type=int, default=300_000)
    ap.add_argument("--year", default="2024", help="which xwlb_YEAR.jsonl to read (glob allowed)")
    ap.add_argument("--only", choices=["labeller", "posseg"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    texts = news_slice(args.shared, args.chars, args.year)
    if not texts:
        print(f"no news text under {args.shared / 'data' / 'news'}", file=sys.stderr)
        return 1
    if args.only:  # one measurement per fresh process, so load time and peak memory are clean
        result = run_labeller(texts) if args.only == "labeller" else run_posseg(texts)
        print(json.dumps(result))
        return 0

    rows = []
    for which in ("labeller", "posseg"):
        cmd = [sys.executable, __file__, "--shared", str(args.shared), "--chars", str(args.chars),
               "--year", args.year, "--only", which]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))

    n = sum(map(len, texts))
    print(f"{n} chars in {len(texts)} news stories (xwlb_{args.year})\n")
    print_table(rows, [("load s", "load_s", ".2f"), ("chars/s", "chars_per_s", ".0f"), ("run s", "seconds", ".2f"),
                       ("RSS load MB", "rss_after_load_mb", ".0f"), ("peak RSS MB", "peak_rss_mb", ".0f"),
                       ("heap peak MB", "heap_peak_mb", ".1f"), ("mentions", "mentions", "d")], width=14)
    ratio = rows[0]["chars_per_s"] / rows[1]["chars_per_s"]
    print(f"\nlabeller / posseg throughput: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
