#!/usr/bin/env python
"""How much of People's Daily 1998 is MSRA training text, and how kg scores on text it was trained on.

The People's Daily 1998 NER corpus and MSRA NER share sentences.  kg is scored on People's Daily
dev with every training sentence equal to a dev sentence dropped (``scripts/ner_corpora.py``), so
that figure is for unseen text.  A People's Daily test split (not in ../shared, not looked at)
may overlap MSRA train the same way; this script measures what that would mean:

* how many People's Daily dev sentences occur verbatim in ``msra/train.bio``, and how well MSRA's
  labels agree with People's Daily's on them (span F1 of one against the other);
* ``score_ner.py`` through ``kg extract`` on SAMPLE random sentences of the part of MSRA train the
  labeller was trained on (not its held-out tail, not the sentences dropped as People's Daily dev).

    python benchmarks/seen_text.py [--sample 2500] [--seed 5] [--accurate]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from eval import MSRA_HELD_OUT, SHARED, SYSTEMS, bio_blocks, score_spans  # this folder is on sys.path


def sentence(block: str) -> str:
    """The text of one BIO block (a line holding only a tag is a space)."""
    return "".join(" " if len(parts := line.split()) == 1 else parts[0][0] for line in block.split("\n"))


def spans(block: str) -> set[tuple[int, int, str]]:
    """(start, end, type) of the BIO entity runs of one block."""
    tags = [line.split()[-1] for line in block.split("\n")]
    out, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == tags[start][2:]):
            out.add((start, i, tags[start][2:]))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start = i
    return out


def overlap(msra: list[str], people: list[str]) -> tuple[int, float]:
    """People's Daily blocks whose text is an MSRA block's, and the span F1 of MSRA's labels
    against People's Daily's on them."""
    by_text = {}
    for block in msra:
        by_text.setdefault(sentence(block), block)
    found = agree = theirs = ours = 0
    for block in people:
        twin = by_text.get(sentence(block))
        if twin is not None:
            found += 1
            a, b = spans(block), spans(twin)
            agree, theirs, ours = agree + len(a & b), theirs + len(a), ours + len(b)
    return found, 2 * agree / max(theirs + ours, 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--accurate", action="store_true", help="kg with its second labelling network")
    args = ap.parse_args(argv)
    msra = bio_blocks(SHARED / "data" / "msra" / "train.bio")
    people = bio_blocks(SHARED / "data" / "peoples_daily_1998" / "dev.bio")
    found, agreement = overlap(msra, people)
    print(f"People's Daily dev: {found} of {len(people)} sentences ({found / len(people):.0%}) occur verbatim in "
          f"MSRA train; there MSRA's labels agree with People's Daily's at span F1 {agreement:.3f}")
    dev_texts = {sentence(block) for block in people}
    trained = [b for b in msra[: len(msra) - int(len(msra) * MSRA_HELD_OUT)] if sentence(b) not in dev_texts and sentence(b).strip()]
    sample = random.Random(args.seed).sample(trained, min(args.sample, len(trained)))
    system = "kg --accurate" if args.accurate else "kg"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seen.bio"
        path.write_text("\n\n".join(sample) + "\n", "utf-8")
        result = score_spans(path, "bio", SYSTEMS[system][1], 0)
    print(f"{system} on {len(sample)} MSRA training sentences (seen text): span P {result['p']:.4f} "
          f"R {result['r']:.4f} F1 {result['f1']:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
