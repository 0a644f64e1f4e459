"""jieba's part-of-speech cut with the HMM off, loaded fast.

kg tokenizes with ``jieba.posseg.cut(text, HMM=False)`` (new words come from the labeller and the
rules, not jieba's HMM).  Importing ``jieba.posseg`` costs about a second at every start: it reads
jieba's 349k-line dict.txt into a word → tag table and loads the HMM tables the HMM-off cut never
uses.  This module does the same cut on jieba's own tokenizer and dictionary, with the tag table
kept in :mod:`kg.cache` (keyed by the dictionary's content); tests check that the words and tags are
exactly jieba.posseg's.

>>> list(cut("重庆市江北区2024年"))
[('重庆市', 'ns'), ('江北区', 'ns'), ('2024', 'eng'), ('年', 'm')]
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from kg.cache import cached

__all__ = ["cut", "word_tags"]

# The block and character classes of jieba.posseg (jieba 0.42).
_HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")
_ENG1 = re.compile("^[a-zA-Z0-9]$", re.U)


@cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


def _dictionary_table(dictionary: bytes) -> dict[str, str]:
    """word → tag from a jieba dictionary (``word freq tag`` lines), as jieba.posseg reads it."""
    table: dict[str, str] = {}
    for line in dictionary.decode("utf-8").splitlines():
        parts = line.strip().split(" ")
        if len(parts) == 3:
            table[parts[0]] = parts[2]
    return table


@cache
def word_tags() -> dict[str, str]:
    """jieba's dictionary tags (jieba.posseg's ``word_tag_tab``), from the start-up cache."""
    with _tokenizer().get_dict_file() as dictionary:
        source = Path(dictionary.name)
    return cached("jieba-tags", [source], lambda: _dictionary_table(source.read_bytes()))


def _cut_block(block: str, tokenizer, tags: dict[str, str]) -> Iterator[tuple[str, str]]:
    dag = tokenizer.get_DAG(block)
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(block, dag, route)
    x, size, buf = 0, len(block), ""
    while x < size:
        y = route[x][1] + 1
        word = block[x:y]
        if _ENG1.match(word):  # single letters and digits gather into one "eng" word
            buf += word
        else:
            if buf:
                yield buf, "eng"
                buf = ""
            yield word, tags.get(word, "x")
        x = y
    if buf:
        yield buf, "eng"


def cut(text: str) -> Iterator[tuple[str, str]]:
    """(word, tag) pairs, exactly as ``jieba.posseg.cut(text, HMM=False)`` gives them."""
    tokenizer, tags = _tokenizer(), word_tags()
    for block in _HAN_BLOCK.split(text):
        if not block:
            continue
        if _HAN_BLOCK.match(block):
            yield from _cut_block(block, tokenizer, tags)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                yield piece, "x"
            else:
                for ch in piece:  # jieba tests the whole piece for "eng", not the character
                    yield ch, "m" if _NUM.match(ch) else "eng" if _ENG.match(piece) else "x"
