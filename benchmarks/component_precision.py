#!/usr/bin/env python
"""How often each extraction component's readings are names the gold knows, over a folder of gold articles.

For every mention kg extracts from every ``NAME.txt`` with a ``NAME.gold.json`` beside it, the mention is
counted under its component (``Mention.by``: labeller, lexicon.gazetteer, rules.short_form …) and kind, and
as *in gold* when its text is a gold entity's name or alias (any type; an optional entity counts).  This is
a mention-level, string-level view, not the scorer's (a short form merged into its full name's node is no
error there): it shows where a component reads words that are no names, which is where a rule may help.

    python benchmarks/component_precision.py benchmarks/regional [--top 20] [--by lexicon.gazetteer]

The ``--by`` filter lists the most frequent readings of one component that are not in gold.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from table import print_table  # benchmarks/table.py


def gold_forms(path: Path) -> set[str]:
    """Every name and alias of the gold file."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    return {form for e in gold["entities"] for form in [e["name"], *e.get("aliases", [])]}


def readings(folder: Path) -> list[tuple[str, str, str, bool]]:
    """(component, kind, text, in gold) of every mention kg extracts from the gold articles of folder."""
    from kg.extract import extract_many
    from kg.read import read
    from kg.split import split

    rows = []
    for text_file in sorted(folder.glob("*.txt")):
        gold_file = text_file.with_name(text_file.stem + ".gold.json")
        if not gold_file.exists():
            continue
        forms = gold_forms(gold_file)
        articles = [article for source in read(text_file) for article in split(source)]
        for extraction in extract_many(articles):
            rows.extend((m.by, m.kind.value, m.text, m.text in forms) for m in extraction.mentions)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=20, help="components shown (most readings first)")
    parser.add_argument("--by", help="list this component's most frequent readings that are not in gold")
    args = parser.parse_args(argv)
    rows = readings(args.folder)
    total, hits = Counter(), Counter()
    for by, kind, _, in_gold in rows:
        total[by, kind] += 1
        hits[by, kind] += in_gold
    table = [{"name": f"{by} ({kind})", "readings": n, "in_gold": hits[by, kind], "share": hits[by, kind] / n}
             for (by, kind), n in total.most_common(args.top)]
    print_table(table, [("readings", "readings", "d"), ("in gold", "in_gold", "d"), ("share", "share", ".3f")], width=36)
    if args.by:
        missed = Counter(text for by, _, text, in_gold in rows if by == args.by and not in_gold)
        print(f"\n{args.by}, not in gold: " + ", ".join(f"{text} {n}" for text, n in missed.most_common(40)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
