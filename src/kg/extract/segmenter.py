"""jieba's part-of-speech cut with the HMM off, loaded fast.

kg tokenizes with ``jieba.posseg.cut(text, HMM=False)`` (new words come from the labeller and the
rules, not jieba's HMM).  Importing ``jieba.posseg`` costs about a second at every start: it reads
jieba's 349k-line dict.txt into a word → tag table and loads the HMM tables the HMM-off cut never
uses; ``jieba.initialize()`` costs another second reading jieba's prefix table from its cache file.
This module does the same cut on jieba's dictionary, with the prefix table and the tag table kept
in :mod:`kg.cache` (keyed by the dictionary's content), and jieba's word graph and best route
computed in one pass; tests check that the words and tags are exactly jieba.posseg's.

>>> list(cut("重庆市江北区2024年"))
[('重庆市', 'ns'), ('江北区', 'ns'), ('2024', 'eng'), ('年', 'm')]
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cache
from math import log
from pathlib import Path

from kg.cache import cached

__all__ = ["cut", "words", "word_tags"]

# The block and character classes of jieba.posseg (jieba 0.42).
_HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")


@cache
def _dictionary():
    """jieba's tokenizer, set up with the tables jieba.initialize() would load (word and prefix →
    frequency, and their total) read from kg's start-up cache, and the word → tag table.

    jieba reads its own cache with ``marshal.load`` from a file, a second at every start; kg keeps
    both tables in one cache file, read in one piece, the tag table's words shared with the
    frequency table's.  A tokenizer someone set up already (jieba.initialize, a user dictionary)
    is used as it is.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.get_dict_file() as dictionary:
        source = Path(dictionary.name)
    freq, total, tags = cached("jieba-dictionary", [source], lambda: _dictionary_tables(source))
    with tokenizer.lock:
        if not tokenizer.initialized:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer, tags


def _dictionary_tables(source: Path) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's prefix table and total (``Tokenizer.gen_pfdict``) and :func:`_dictionary_table`,
    one string object for a word in both."""
    import jieba

    with open(source, "rb") as dictionary:
        freq, total = jieba.Tokenizer.gen_pfdict(dictionary)
    same = dict(zip(freq, freq))
    tags = {same.get(word, word): tag for word, tag in _dictionary_table(source.read_bytes()).items()}
    return freq, total, tags


def _dictionary_table(dictionary: bytes) -> dict[str, str]:
    """word → tag from a jieba dictionary (``word freq tag`` lines), as jieba.posseg reads it."""
    table: dict[str, str] = {}
    for line in dictionary.decode("utf-8").splitlines():
        parts = line.strip().split(" ")
        if len(parts) == 3:
            table[parts[0]] = parts[2]
    return table


def word_tags() -> dict[str, str]:
    """jieba's dictionary tags (jieba.posseg's ``word_tag_tab``), from the start-up cache."""
    return _dictionary()[1]


def _ends(block: str, freq: dict[str, int], logtotal: float) -> list[int]:
    """Where the word starting at each character of block ends: jieba's ``get_DAG`` and ``calc`` in
    one pass, the same sums in the same order, so the same route (ties go to the longer word)."""
    n = len(block)
    get = freq.get
    scores = [0.0] * (n + 1)
    ends = [0] * n
    for k in range(n - 1, -1, -1):
        best = None
        end = i = k
        f = get(block[k])
        while f is not None:  # block[k:i+1] is a word or a prefix of one
            if f:
                score = log(f) - logtotal + scores[i + 1]
                if best is None or score >= best:
                    best, end = score, i
            i += 1
            if i == n:
                break
            f = get(block[k : i + 1])
        if best is None:  # no word starts here: the character alone
            best = log(get(block[k]) or 1) - logtotal + scores[k + 1]
        scores[k] = best
        ends[k] = end + 1
    return ends


def _cut_block(block: str, freq: dict[str, int], logtotal: float, tags: dict[str, str], out: list) -> None:
    ends = _ends(block, freq, logtotal)
    x, size, buf = 0, len(block), ""
    while x < size:
        y = ends[x]
        word = block[x:y]
        if y - x == 1 and word.isascii() and word.isalnum():  # single letters and digits gather into one "eng" word
            buf += word
        else:
            if buf:
                out.append((buf, "eng"))
                buf = ""
            out.append((word, tags.get(word, "x")))
        x = y
    if buf:
        out.append((buf, "eng"))


def cut(text: str) -> Iterator[tuple[str, str]]:
    """(word, tag) pairs, exactly as ``jieba.posseg.cut(text, HMM=False)`` gives them."""
    return iter(words(text))


def words(text: str) -> list[tuple[str, str]]:
    """:func:`cut` as a list."""
    tokenizer, tags = _dictionary()
    freq, logtotal = tokenizer.FREQ, log(tokenizer.total)
    out: list[tuple[str, str]] = []
    for block in _HAN_BLOCK.split(text):
        if not block:
            continue
        if _HAN_BLOCK.match(block):
            _cut_block(block, freq, logtotal, tags, out)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                out.append((piece, "x"))
            else:
                for ch in piece:  # jieba tests the whole piece for "eng", not the character
                    out.append((ch, "m" if _NUM.match(ch) else "eng" if _ENG.match(piece) else "x"))
    return out
