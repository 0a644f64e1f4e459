#!/usr/bin/env python
"""Train the entity labeller (kg.extract.labeller) from the shared NER corpora.

Reads ``<shared>/data`` (never copied into the repository), holds out dev splits, trains a
python-crfsuite CRF over :func:`kg.extract.labeller.text_features` (the same jieba tokens, sentences
and feature code as tagging), scores span F1 on each held-out part through
:func:`kg.extract.labeller.label_with` and writes ``src/kg/data/models/labeller.crfsuite`` plus
``meta.json``.

Held-out parts (never trained on):
  * MSRA: the last ``--msra-dev`` fraction of ``msra/train.bio`` (default 5 %);
  * CLUENER2020: the last ``--cluener-dev`` fraction of ``cluener2020/train.json`` (default 10 %);
  * People's Daily 1998: all of ``peoples_daily_1998/dev.bio``.  Most of its sentences also occur
    in MSRA train, so every training text that equals a held-out text, or holds a sentence that
    equals a held-out sentence (pd199801 paragraphs), is dropped.

Usage:  nice python scripts/train_labeller.py [--shared ../shared] [--algorithm lbfgs] ...
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import pycrfsuite  # noqa: E402

from kg.extract import labeller  # noqa: E402
from kg.records import Kind  # noqa: E402

CLUENER_MAP = {
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
    "address": "LOC",
    "scene": "LOC",
    "name": "PER",
}
PKU_MAP = {"nr": "PER", "ns": "LOC", "nt": "ORG"}
KIND_TYPE = {Kind.PERSON: "PER", Kind.PLACE: "LOC", Kind.ORG: "ORG"}


# ------------------------------------------------------------------------------------- corpora


def read_bio(path: Path) -> list[tuple[str, list[str]]]:
    out, chars, tags = [], [], []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if chars:
                    out.append(("".join(chars), tags))
                    chars, tags = [], []
                continue
            if len(parts) == 1:  # a whitespace character
                chars.append(" ")
                tags.append(parts[0])
            else:
                chars.append(parts[0][0])
                tags.append(parts[1])
    if chars:
        out.append(("".join(chars), tags))
    return out


def read_cluener(path: Path) -> list[tuple[str, list[str]]]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            rec = json.loads(line)
            text = rec["text"]
            tags = ["O"] * len(text)
            spans = []
            for typ, mentions in rec.get("label", {}).items():
                mapped = CLUENER_MAP.get(typ)
                if not mapped:
                    continue
                for positions in mentions.values():
                    for start, end in positions:
                        spans.append((start, end + 1, mapped))
            for start, end, typ in sorted(spans, key=lambda x: (x[0], -x[1])):
                if any(t != "O" for t in tags[start:end]):
                    continue
                tags[start] = "B-" + typ
                for k in range(start + 1, end):
                    tags[k] = "I-" + typ
            out.append((text, tags))
    return out


def _org_suffixes() -> tuple[str, ...]:
    from kg.resources import lexicon_list

    return tuple(sorted(lexicon_list("labeller_org_suffix"), key=len, reverse=True))


def read_pku(path: Path) -> list[tuple[str, list[str]]]:
    """People's Daily 1998-01 word/TAG paragraphs as BIO: adjacent nr tokens make one person.

    The corpus lost its multi-word organization brackets (``[北京/ns 大学/n]nt`` became
    ``北京/ns 大学/n``), so a place followed by up to three noun tokens, the last of which ends
    with a multi-character organization suffix (or is one of 局/部/院/厅/委/社/会), is relabelled
    as one organization, as MSRA would label it.
    """
    suffixes = [x for x in _org_suffixes() if len(x) >= 2]
    singles = set("局部院厅委社会")
    out = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            tokens = []
            for tok in line.split():
                word, _, pos = tok.rpartition("/")
                if not word:
                    word, pos = tok, "x"
                tokens.append([word, pos])
            if not tokens:
                continue
            # rebuild lost organization brackets
            k = 0
            while k < len(tokens):
                if tokens[k][1] in ("ns", "nt"):
                    end = None
                    for m in range(k + 1, min(k + 4, len(tokens))):
                        w, pos = tokens[m]
                        if pos not in ("n", "nz", "j", "vn", "ns", "nt"):
                            break
                        if any(w.endswith(x) for x in suffixes) or w in singles:
                            end = m
                    if end is not None:
                        tokens[k : end + 1] = [["".join(w for w, _ in tokens[k : end + 1]), "nt"]]
                k += 1
            chars: list[str] = []
            tags: list[str] = []
            prev = None
            for word, pos in tokens:
                typ = PKU_MAP.get(pos)
                if typ is None:
                    tags.extend(["O"] * len(word))
                elif typ == "PER" and prev == "nr":
                    tags.extend(["I-PER"] * len(word))
                else:
                    tags.append("B-" + typ)
                    tags.extend(["I-" + typ] * (len(word) - 1))
                chars.append(word)
                prev = pos
            out.append(("".join(chars), tags))
    return out


def norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def held_out_pieces(data: list[tuple[str, list[str]]]) -> set[str]:
    """Normalized held-out texts and their sentences (of 6+ characters) as the labeller cuts them."""
    held = {norm(t) for t, _ in data}
    held.update(p for t, _ in data for _, s in labeller.split_sentences(t) if len(p := norm(s)) >= 6)
    return held


def overlaps(text: str, held: set[str]) -> bool:
    """Is text, or any of its sentences, a held-out text or sentence?  (pd199801 paragraphs hold
    several sentences, some of which are People's Daily or MSRA held-out sentences.)"""
    return norm(text) in held or any(norm(s) in held for _, s in labeller.split_sentences(text))


def spans_of(tags: list[str]) -> set[tuple[int, int, str]]:
    return set(labeller.label_spans(tags))


def sequences(text: str, tags: list[str], groups: list[str], scheme: str, domain: str = ""):
    """Training sequences (features, labels) of one text, cut and featurized exactly as the labeller
    does at tagging time (same sentences, same jieba tokens, same feature code).  A domain adds one
    attribute ``D<domain>`` to every character: it absorbs a corpus's own label priors in training
    and is never present at tagging time."""
    for offset, sentence, feats in labeller.text_features(text, groups=groups):
        labels = tags[offset : offset + len(sentence)]
        if domain:
            for f in feats:
                f.append("D" + domain)
        yield feats, labeller.to_bioes(labels) if scheme == "bioes" else labels


# ---------------------------------------------------------------------------------- evaluation


def evaluate(tagger, data: list[tuple[str, list[str]]], groups: list[str]) -> dict:
    tp = fp = fn = 0
    per_type: dict[str, Counter] = {}
    for text, tags in data:
        gold = spans_of(tags)
        pred = {(s, e, KIND_TYPE[k]) for s, e, k, _ in labeller.label_with(tagger, text, groups=groups)}
        for typ in ("PER", "LOC", "ORG"):
            g = {x for x in gold if x[2] == typ}
            p = {x for x in pred if x[2] == typ}
            c = per_type.setdefault(typ, Counter())
            c["tp"] += len(g & p)
            c["fp"] += len(p - g)
            c["fn"] += len(g - p)
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}

    result = prf(tp, fp, fn)
    result["sentences"] = len(data)
    result["per_type"] = {t: prf(c["tp"], c["fp"], c["fn"])["f1"] for t, c in per_type.items()}
    return result


# ---------------------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="shared folder (has data/)")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "kg" / "data" / "models")
    ap.add_argument("--algorithm", default="lbfgs", choices=["lbfgs", "l2sgd", "ap", "pa", "arow"])
    ap.add_argument("--c1", type=float, default=0.1, help="L1 (lbfgs only)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 (lbfgs, l2sgd)")
    ap.add_argument("--max-iterations", type=int, default=120)
    ap.add_argument("--minfreq", type=float, default=2.0, help="crfsuite feature.minfreq")
    ap.add_argument("--msra-dev", type=float, default=0.05)
    ap.add_argument("--cluener-dev", type=float, default=0.10)
    ap.add_argument("--cluener-repeat", type=int, default=1, help="times CLUENER train is repeated")
    ap.add_argument("--pku", action="store_true", help="also train on pd199801 (PKU word/TAG)")
    ap.add_argument("--scheme", default="bio", choices=["bio", "bioes"], help="label scheme")
    ap.add_argument("--groups", default="", help="optional feature groups, comma-separated (dictionary)")
    ap.add_argument("--cluener-domain", action="store_true", help="mark CLUENER training sequences with a domain attribute")
    ap.add_argument("--limit", type=int, default=0, help="train on at most N sequences (timing runs)")
    ap.add_argument("--eval-limit", type=int, default=0, help="score at most N sentences per corpus")
    ap.add_argument("--no-write", action="store_true", help="train to a temporary file only")
    ap.add_argument("--verbose", action="store_true", help="crfsuite progress to stdout")
    args = ap.parse_args(argv)

    data = args.shared / "data"
    t0 = time.time()
    msra = read_bio(data / "msra" / "train.bio")
    cluener = read_cluener(data / "cluener2020" / "train.json")
    pd_dev = read_bio(data / "peoples_daily_1998" / "dev.bio")
    n_msra_dev = int(len(msra) * args.msra_dev)
    n_cl_dev = int(len(cluener) * args.cluener_dev)
    msra_train, msra_dev = msra[: len(msra) - n_msra_dev], msra[len(msra) - n_msra_dev :]
    cl_train, cl_dev = cluener[: len(cluener) - n_cl_dev], cluener[len(cluener) - n_cl_dev :]
    held = held_out_pieces(msra_dev + cl_dev + pd_dev)

    corpora = {"msra/train.bio": msra_train, "cluener2020/train.json": cl_train * args.cluener_repeat}
    if args.pku:
        corpora["pd199801/199801_pos_tagged.txt"] = read_pku(data / "pd199801" / "199801_pos_tagged.txt")
    train, dropped = [], Counter()
    for name, seqs in corpora.items():
        for text, tags in seqs:
            if overlaps(text, held):
                dropped[name] += 1
                continue
            train.append((text, tags, "cl" if args.cluener_domain and name.startswith("cluener") else ""))
    print(f"read corpora in {time.time() - t0:.1f}s; train {len(train)} seqs; dropped as held-out {dict(dropped)}")

    if args.limit:
        random.Random(0).shuffle(train)
        train = train[: args.limit]

    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=args.verbose)
    t0 = time.time()
    n_chars = 0
    groups = [g for g in args.groups.split(",") if g]
    for text, tags, domain in train:
        for feats, labels in sequences(text, tags, groups, args.scheme, domain):
            trainer.append(feats, labels)
            n_chars += len(labels)
    t_feat = time.time() - t0
    print(f"features for {n_chars} chars in {t_feat:.1f}s ({n_chars / t_feat:.0f} chars/s)")

    params = {"feature.minfreq": args.minfreq, "max_iterations": args.max_iterations}
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    elif args.algorithm == "l2sgd":
        params.update({"c2": args.c2})
    trainer.set_params(params)
    args.out.mkdir(parents=True, exist_ok=True)
    model_path = args.out / (labeller.MODEL_NAME + (".tmp" if args.no_write else ""))
    t0 = time.time()
    trainer.train(str(model_path))
    t_train = time.time() - t0
    last = trainer.logparser.last_iteration or {}
    print(f"trained in {t_train:.0f}s; iterations {len(trainer.logparser.iterations)}; "
          f"active features {last.get('active_features')}; size {model_path.stat().st_size / 1e6:.1f} MB")

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    scores = {}
    lim = args.eval_limit or None
    for name, part in (("msra (last %d%% of train)" % round(args.msra_dev * 100), msra_dev),
                       ("cluener2020 (last %d%% of train, mapped types)" % round(args.cluener_dev * 100), cl_dev),
                       ("peoples_daily_1998/dev.bio", pd_dev)):
        t0 = time.time()
        scores[name] = evaluate(tagger, part[:lim], groups)
        print(f"{name}: {scores[name]}  ({time.time() - t0:.1f}s)")

    if args.no_write:
        return 0
    meta = {
        "model": labeller.MODEL_NAME,
        "kind": "linear-chain CRF (python-crfsuite), %s labels PER/LOC/ORG" % args.scheme.upper(),
        "feature_version": labeller.FEATURE_VERSION,
        "feature_groups": groups,
        "features": [
            "char c0; chars c-2..c+2; bigrams c-1c0, c0c+1, c-1c+1",
            "char class trigram (digit/latin/han/numeral-han/punct/space)",
            "the article's jieba.posseg tokens (kg.extract.doc.tokenize, HMM off): B/M/E/S position of the"
            " char in its word, position x char, posseg tag x position, the word itself (multi-char words)",
            "org/place suffix (lexicons labeller_org_suffix, labeller_place_suffix) ending here / at next char",
        ] + (["dictionary: B/M/E/S of a kg.gazetteer.find place match here and at c-1, surname (lexicon surnames)"]
             if "dictionary" in groups else [])
        + (["training only: a D<corpus> attribute on every CLUENER character (never present when tagging)"]
           if args.cluener_domain else []),
        "corpora": {name: len(seqs) for name, seqs in corpora.items()},
        "dropped_as_heldout": dict(dropped),
        "training_chars": n_chars,
        "date": dt.date.today().isoformat(),
        "params": {"algorithm": args.algorithm, **params, "cluener_repeat": args.cluener_repeat,
                   "scheme": args.scheme, "pku": args.pku, "cluener_domain": args.cluener_domain},
        "command": "python scripts/train_labeller.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "train_seconds": round(t_train),
        "heldout_span_f1": scores,
        "heldout_note": "scored through label_with() (labeller alone, with the place-ending post-rule), not kg extract",
        "label_map": {"cluener2020": CLUENER_MAP, "pd199801": PKU_MAP},
        "size_bytes": model_path.stat().st_size,
    }
    (args.out / labeller.META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print("wrote", model_path, "and", args.out / labeller.META_NAME)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
