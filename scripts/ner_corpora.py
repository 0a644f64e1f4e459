"""The shared NER corpora as (text, BIO tags) pairs, and the held-out splits kg is scored on.

Read from ``<shared>/data`` (never copied into the repository).  Held-out parts, never trained on:

* MSRA: the last ``msra_dev`` fraction of ``msra/train.bio`` (default 5 %);
* CLUENER2020: the last ``cluener_dev`` fraction of ``cluener2020/train.json`` (default 10 %);
* People's Daily 1998: all of ``peoples_daily_1998/dev.bio``.  Most of its sentences also occur
  in MSRA train and in the January 1998 tagged corpus, so every training text that equals a
  held-out text, or holds a sentence that equals a held-out sentence, is dropped.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from kg.extract import labeller  # noqa: E402

CLUENER_MAP = {
    "company": "ORG",
    "government": "ORG",
    "organization": "ORG",
    "address": "LOC",
    "scene": "LOC",
    "name": "PER",
}
PKU_MAP = {"nr": "PER", "ns": "LOC", "nt": "ORG"}



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



@dataclass
class Splits:
    """Training texts by corpus and the three held-out sets."""

    train: dict[str, list[tuple[str, list[str]]]]
    held_out: dict[str, list[tuple[str, list[str]]]]
    dropped: Counter = field(default_factory=Counter)


def load(shared: Path, msra_dev: float = 0.05, cluener_dev: float = 0.10, pku: bool = True) -> Splits:
    """Read the corpora under ``shared/data`` and split them (see the module docstring)."""
    data = shared / "data"
    msra = read_bio(data / "msra" / "train.bio")
    cluener = read_cluener(data / "cluener2020" / "train.json")
    pd_dev = read_bio(data / "peoples_daily_1998" / "dev.bio")
    n_msra, n_cl = int(len(msra) * msra_dev), int(len(cluener) * cluener_dev)
    held_out = {
        "msra (last %d%% of train)" % round(msra_dev * 100): msra[len(msra) - n_msra :],
        "cluener2020 (last %d%% of train, mapped types)" % round(cluener_dev * 100): cluener[len(cluener) - n_cl :],
        "peoples_daily_1998/dev.bio": pd_dev,
    }
    corpora = {"msra/train.bio": msra[: len(msra) - n_msra], "cluener2020/train.json": cluener[: len(cluener) - n_cl]}
    if pku:
        corpora["pd199801/199801_pos_tagged.txt"] = read_pku(data / "pd199801" / "199801_pos_tagged.txt")
    held = held_out_pieces([x for part in held_out.values() for x in part])
    splits = Splits(train={}, held_out=held_out)
    for name, seqs in corpora.items():
        kept = [x for x in seqs if not overlaps(x[0], held)]
        splits.dropped[name] = len(seqs) - len(kept)
        splits.train[name] = kept
    return splits
