"""jieba, loaded once and fast: the shared tokenizer and its part-of-speech tagger.

``import jieba.posseg`` re-reads jieba's 349k-line dict.txt to build its word → tag table (about
half a second, on every start).  :func:`posseg` builds that table once, keeps it in
:mod:`kg.cache` keyed by the dictionary's content, and hands it to the tagger, so the tagger is
exactly jieba's own with the same table.  kg adds no words to jieba.
"""
from __future__ import annotations

import io
import logging
from functools import cache
from pathlib import Path

from kg.cache import cached

__all__ = ["posseg", "word_tag_table"]


def word_tag_table(dictionary: bytes) -> dict[str, str]:
    """word → tag from a jieba dictionary (``word freq tag`` lines), as jieba.posseg reads it."""
    table: dict[str, str] = {}
    for line in dictionary.decode("utf-8").splitlines():
        parts = line.strip().split(" ")
        if len(parts) == 3:
            table[parts[0]] = parts[2]
    return table


@cache
def posseg():
    """jieba.posseg's shared tagger (``jieba.posseg.dt``), initialised, on jieba's default tokenizer."""
    import sys

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    if "jieba.posseg" in sys.modules:  # imported by someone else: the table is loaded already
        import jieba.posseg

        return jieba.posseg.dt
    with jieba.dt.get_dict_file() as dictionary:
        source = Path(dictionary.name)
    tags = cached("jieba-tags", [source], lambda: word_tag_table(source.read_bytes()))
    # The module builds its tagger at import time from get_dict_file(): give it an empty file.
    jieba.dt.get_dict_file = lambda: io.BytesIO(b"")
    try:
        import jieba.posseg
    finally:
        del jieba.dt.get_dict_file
    jieba.posseg.dt.word_tag_tab = tags
    return jieba.posseg.dt
