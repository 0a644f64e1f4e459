#!/usr/bin/env python
"""Pretrain character and character-bigram vectors for the neural labeller on the shared news text.

Reads ``<shared>/data/news/*.jsonl`` (CCTV evening-news transcripts, study use: the text never enters
the repository, only vectors derived from it do), cuts each story into sentences as the labeller does,
folds full-width ASCII to half-width, and trains two gensim word2vec models (CBOW): one over
characters, one over overlapping character bigrams.  Writes ``char.kv`` and ``bigram.kv``
(gensim KeyedVectors) to ``--out``; ``scripts/train_labeller.py --vectors`` starts its embedding
tables from them.

Usage:  nice python scripts/build_char_vectors.py --out /tmp/vectors [--shared ../shared]
Needs (training only): pip install gensim
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from gensim.models import Word2Vec  # noqa: E402

from kg.extract.char_features import half_width  # noqa: E402
from kg.extract.labeller import split_sentences  # noqa: E402


def sentences(news: Path) -> list[str]:
    out = []
    for path in sorted(news.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                out.extend(half_width(s).strip() for _, s in split_sentences(text))
    return [s for s in out if len(s) >= 2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    t0 = time.time()
    sents = sentences(args.shared / "data" / "news")
    print(f"{len(sents)} sentences, {sum(map(len, sents))} chars read in {time.time() - t0:.0f}s", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, tokens in (("char", [list(s) for s in sents]),
                         ("bigram", [[s[i : i + 2] for i in range(len(s) - 1)] for s in sents])):
        t0 = time.time()
        model = Word2Vec(tokens, vector_size=args.dim, window=5, min_count=args.min_count, sg=0,
                         workers=args.workers, epochs=args.epochs, seed=1)
        model.wv.save(str(args.out / f"{name}.kv"))
        print(f"{name}: {len(model.wv)} vectors in {time.time() - t0:.0f}s", flush=True)
        del tokens, model
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
