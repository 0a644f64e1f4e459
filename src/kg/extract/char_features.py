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

__all__ = ["COLUMNS", "columns", "encode", "half_width", "Encoder", "PairIds"]

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
    return {"char": list(s), "bigram": [s[i : i + 2] for i in range(len(s))]} | _word_and_mark_columns(text, s, tokens)


def _word_and_mark_columns(text: str, folded: str, tokens: Sequence[Token]) -> dict[str, list[str]]:
    """The word, tag, dict and suffix columns of text (folded: its half-width form)."""
    word, tag = _word_columns(len(folded), tokens)
    return {
        "word": word,
        "tag": tag,
        "dict": _dictionary_marks(text),  # the text as it is: find() remembers it for the rules
        "suffix": _suffix_ends(folded),
    }


def encode(cols: Mapping[str, Sequence[str]], vocab: Mapping[str, Mapping[str, int]],
           names: Sequence[str] = COLUMNS) -> np.ndarray:
    """The (n, len(names)) ids of the symbol columns of n characters: vocab[column][symbol], 0 for
    no symbol, 1 for one the vocabulary does not know."""
    ids = np.empty((len(cols[names[0]]), len(names)), dtype=np.int64)
    for j, name in enumerate(names):
        get = vocab[name].get
        ids[:, j] = [get(sym, 1) if sym else 0 for sym in cols[name]]
    return ids


_NONE = 0x1FFFFF  # above every code point: "no second character"


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


class PairIds:
    """The ids of one- and two-character symbols (characters, bigrams), looked up in numpy: a
    symbol's code points packed into one integer, found by binary search among the vocabulary's.
    Reading a vocabulary so costs no dictionary of 250,000 strings at start-up."""

    def __init__(self, symbols: Sequence[str]) -> None:
        lengths = np.fromiter(map(len, symbols), dtype=np.int64, count=len(symbols))
        points = np.append(_code_points("".join(symbols)), _NONE)
        starts = np.cumsum(lengths) - lengths
        kept = np.flatnonzero((lengths == 1) | (lengths == 2))  # not "" (no symbol) or "<unk>"
        first = points[starts[kept]]
        second = np.where(lengths[kept] == 2, points[starts[kept] + 1], _NONE)
        keys = first << 21 | second
        order = np.argsort(keys, kind="stable")
        self.keys, self.ids = keys[order], kept[order]

    def __call__(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Ids of the symbols first[i] + second[i] (code points; _NONE for a single character), 1
        where the vocabulary does not have one."""
        codes = first << 21 | second
        at = np.minimum(np.searchsorted(self.keys, codes), len(self.keys) - 1)
        return np.where(self.keys[at] == codes, self.ids[at], 1)


class Encoder:
    """``encode(columns(text, tokens), vocab)`` from the vocabulary's symbol lists, with characters
    and bigrams looked up by :class:`PairIds` (the other columns through dictionaries)."""

    def __init__(self, symbols: Mapping[str, Sequence[str]]) -> None:
        self.chars = PairIds(symbols["char"])
        self.bigrams = PairIds(symbols["bigram"])
        self.vocab = {name: {sym: i for i, sym in enumerate(symbols[name])} for name in COLUMNS[2:]}

    def __call__(self, text: str, tokens: Sequence[Token]) -> np.ndarray:
        """The (n, columns) ids of text's characters (0: no symbol, 1: unknown)."""
        s = half_width(text)
        ids = np.empty((len(s), len(COLUMNS)), dtype=np.int64)
        points = _code_points(s)
        ids[:, 0] = self.chars(points, np.full_like(points, _NONE))
        ids[:, 1] = self.bigrams(points, np.append(points[1:], _NONE))
        ids[:, 2:] = encode(_word_and_mark_columns(text, s, tokens), self.vocab, COLUMNS[2:])
        return ids
