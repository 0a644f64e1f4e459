"""Per-character inputs of the entity labeller (kg.extract.neural), shared by tagging and by
scripts/train_labeller.py.

Each character of a sentence gets six symbols, which the model's vocabulary turns into ids:

* ``char``: the character (full-width ASCII folded to half-width);
* ``bigram``: the character and the next one;
* ``word``: the article's jieba word covering the character (``kg.extract.doc.tokenize``, HMM off),
  when it has two or more characters;
* ``tag``: that word's jieba.posseg tag and the character's B/M/E/S position in it;
* ``dict``: B/M/E/S of a gazetteer place name (``kg.gazetteer.find``) over the character, and
  whether the character is a listed surname;
* ``suffix``: ``o``/``l`` and the length of a listed organization/place suffix ending here.

>>> columns("", ())
{'char': [], 'bigram': [], 'word': [], 'tag': [], 'dict': [], 'suffix': []}
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

import numpy as np

from ..resources import lexicon_list
from .doc import Token
from .lexicon import single_surnames

__all__ = ["COLUMNS", "columns", "encode", "half_width"]

COLUMNS = ("char", "bigram", "word", "tag", "dict", "suffix")

# Full-width ASCII and the ideographic space map to their half-width forms (one character to one
# character, so offsets are unchanged).
_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALF[0x3000] = 0x20
_HALF = str.maketrans(_HALF)


def half_width(text: str) -> str:
    """text with full-width ASCII and the ideographic space folded to half-width."""
    return text.translate(_HALF)


@cache
def _suffixes() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]]:
    org = frozenset(lexicon_list("labeller_org_suffix"))
    loc = frozenset(lexicon_list("labeller_place_suffix"))
    longest = max(map(len, org | loc))
    last_chars = frozenset(x[-1] for x in org | loc)
    return org, loc, longest, last_chars


def _word_columns(n: int, tokens: Sequence[Token]) -> tuple[list[str], list[str]]:
    """Per character: the covering token (when it has two or more characters) and its tag with the
    character's B/M/E/S position."""
    word = [""] * n
    tag = [""] * n
    for tok in tokens:
        i, k = tok.start, tok.end - tok.start
        if k == 1:
            tag[i] = tok.pos + "S"
            continue
        tag[i : i + k] = [tok.pos + "B"] + [tok.pos + "M"] * (k - 2) + [tok.pos + "E"]
        word[i : i + k] = [tok.text] * k
    return word, tag


def _suffix_ends(s: str) -> list[str]:
    """Per character: "o"/"l" plus length when a listed organization/place suffix ends there, so
    有限公司 and 司 are told apart."""
    org_suf, loc_suf, longest, last_chars = _suffixes()
    suf = [""] * len(s)
    for e, ch in enumerate(s):
        if ch not in last_chars:
            continue
        for k in range(min(longest, e + 1), 0, -1):
            piece = s[e - k + 1 : e + 1]
            if piece in org_suf:
                suf[e] = "o" + str(k)
                break
            if piece in loc_suf:
                suf[e] = "l" + str(k)
                break
    return suf


def _dictionary_marks(s: str) -> list[str]:
    """Per character: B/M/E/S of a gazetteer place name covering it, and "x" on a listed surname."""
    from .. import gazetteer

    marks = [""] * len(s)
    for start, end, _name in gazetteer.find(s):
        k = end - start
        marks[start:end] = ["S"] if k == 1 else ["B"] + ["M"] * (k - 2) + ["E"]
    surnames = single_surnames()
    return [m + "x" if ch in surnames else m for m, ch in zip(marks, s)]


def columns(text: str, tokens: Sequence[Token]) -> dict[str, list[str]]:
    """The six symbol columns (see the module docstring) of text, one entry per character; tokens
    are text's jieba tokens (``kg.extract.doc.tokenize``)."""
    s = half_width(text)
    word, tag = _word_columns(len(s), tokens)
    return {
        "char": list(s),
        "bigram": [s[i : i + 2] for i in range(len(s))],
        "word": word,
        "tag": tag,
        "dict": _dictionary_marks(text),  # the text as it is: find() remembers it for the rules
        "suffix": _suffix_ends(s),
    }


def encode(cols: Mapping[str, Sequence[str]], vocab: Mapping[str, Mapping[str, int]]) -> np.ndarray:
    """The (n, columns) ids of the symbol columns of n characters: vocab[column][symbol], 0 for no
    symbol, 1 for one the vocabulary does not know."""
    ids = np.empty((len(cols["char"]), len(COLUMNS)), dtype=np.int64)
    for j, name in enumerate(COLUMNS):
        get = vocab[name].get
        ids[:, j] = [get(sym, 1) if sym else 0 for sym in cols[name]]
    return ids
