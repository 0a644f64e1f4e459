#!/usr/bin/env python
"""Candidates for ``src/kg/data/lexicons/news_words.tsv``: runs of two or three one-character jieba
words (HMM off) that recur in recent news, most frequent first, among those that come together far
more often than chance would put them side by side (pointwise mutual information, --min-pmi).

The list is a starting point: the developers keep by hand the words a reader knows (文旅, 康养)
and drop chance pairs (的是, 了一).  Source: the CCTV Xinwen Lianbo transcripts in the shared data
folder (``news/xwlb_*.jsonl``, see its README for the licence); none of their text is kept.

Usage:  python scripts/news_word_candidates.py [--data ../shared/data] [--since 2019] [--top 300] [--min-count 30] [--min-pmi 3]
"""
from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path

from kg.extract.segmenter import jieba_tags, jieba_words


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--since", type=int, default=2019, help="first year of transcripts read")
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--min-count", type=int, default=30)
    ap.add_argument("--min-pmi", type=float, default=3.0, help="log of observed over expected count")
    args = ap.parse_args(argv)
    chars: Counter[str] = Counter()
    runs: Counter[str] = Counter()
    total = 0
    for path in sorted((args.data / "news").glob("xwlb_*.jsonl")):
        if int(path.stem.split("_")[1]) < args.since:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            pieces = [w for w, _ in jieba_words(json.loads(line).get("text", ""))]
            for i, w in enumerate(pieces):
                if len(w) != 1 or not "\u4e00" <= w <= "\u9fff":
                    continue
                chars[w] += 1
                total += 1
                run = w
                for nxt in pieces[i + 1 : i + 3]:
                    if len(nxt) != 1 or not "\u4e00" <= nxt <= "\u9fff":
                        break
                    run += nxt
                    runs[run] += 1
    tags = jieba_tags()
    scored = []
    for run, n in runs.items():
        if n < args.min_count or run in tags:
            continue
        expected = math.prod(chars[c] / total for c in run) * total
        scored.append((math.log(n / expected), n, run))
    for pmi, n, run in sorted((s for s in scored if s[0] >= args.min_pmi), key=lambda s: -s[1])[: args.top]:
        print(f"{run}\t{n}\t{pmi:.1f}")


if __name__ == "__main__":
    main()
