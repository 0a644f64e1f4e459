#!/usr/bin/env python
"""What a change does to kg's mentions on news text that no gold set covers.

A rule or a model change is measured on the gold sets first; this script shows what else it moves
on ordinary news.  It runs ``kg.api.extract_records`` (what ``kg extract`` runs) over the first
STORIES stories of the shared CCTV news files (``news/xwlb_*.jsonl``, never copied into the
repository) and writes how often each (name, type) was found to a JSON file.  Given a second file
(``--against``, written the same way by an older commit, e.g. from a ``git worktree``), it prints
the names found less and more often: each line a change a person can judge in a minute.

Usage:
    python benchmarks/news_diff.py NEW.json [--stories 1500] [--files 'xwlb_2024.jsonl'] [--accurate]
    python benchmarks/news_diff.py NEW.json --against OLD.json      # compare (no extraction if NEW exists)

Example (2026-11-29: two of 31,586 mentions changed since b24ff39, 和普京 → 普京): the older commit's
package first on the path, then this commit's against it:
    git worktree add /tmp/old b24ff39
    PYTHONPATH=/tmp/old/src python benchmarks/news_diff.py /tmp/old.json
    python benchmarks/news_diff.py /tmp/new.json --against /tmp/old.json
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from build_speed import news_slice  # benchmarks/build_speed.py (this folder is on sys.path when run as a script)

REPO = Path(__file__).resolve().parents[1]


def mention_counts(data: Path, pattern: str, stories: int, accurate: bool) -> tuple[Counter, int]:
    """How often each "name/type" (and "name/type/reference" for references) was found in the first
    stories of the news files, and their characters."""
    from kg.api import extract_records

    records, _ = news_slice(data, 10**12, pattern, limit=stories)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.jsonl"
        path.write_text("".join(json.dumps({"id": str(i), "text": r["text"]}, ensure_ascii=False) + "\n"
                                for i, r in enumerate(records)), "utf-8")
        counts = Counter(f"{e['text']}/{e['type']}" + ("/reference" if e.get("reference") else "")
                         for rec in extract_records(path, accurate=accurate) for e in rec["entities"])
    return counts, sum(len(r["text"]) for r in records)


def compare(new: Counter, old: Counter) -> list[str]:
    """Lines "- name/type n" (found n times fewer) and "+ name/type n" (n times more), most first."""
    fewer = {k: old[k] - new.get(k, 0) for k in old if new.get(k, 0) < old[k]}
    more = {k: new[k] - old.get(k, 0) for k in new if old.get(k, 0) < new[k]}
    return ([f"- {k} {n}" for k, n in sorted(fewer.items(), key=lambda x: -x[1])]
            + [f"+ {k} {n}" for k, n in sorted(more.items(), key=lambda x: -x[1])])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="JSON file of mention counts (written unless it exists and --against is given)")
    ap.add_argument("--against", type=Path, help="counts of an older commit to compare with")
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--files", default="xwlb_2024.jsonl", help="news files (glob under DATA/news)")
    ap.add_argument("--stories", type=int, default=1500)
    ap.add_argument("--accurate", action="store_true", help="kg with its second labelling network")
    args = ap.parse_args(argv)
    if not (args.against and args.out.exists()):
        start = time.process_time()
        counts, chars = mention_counts(args.data, args.files, args.stories, args.accurate)
        args.out.write_text(json.dumps(counts, ensure_ascii=False, indent=0), "utf-8")
        print(f"{sum(counts.values())} mentions ({len(counts)} distinct) in {chars} characters, "
              f"{time.process_time() - start:.1f} s CPU: {args.out}")
    if args.against:
        new = Counter(json.loads(args.out.read_text("utf-8")))
        old = Counter(json.loads(args.against.read_text("utf-8")))
        lines = compare(new, old)
        print("\n".join(lines) if lines else "no difference")
        print(f"{len(lines)} names changed of {len(set(new) | set(old))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
