"""jieba's part-of-speech cut with the HMM off, loaded fast.

kg tokenizes with ``jieba.posseg.cut(text, HMM=False)`` (new words come from the labeller and the
rules, not jieba's HMM).  Importing ``jieba.posseg`` costs about a second at every start: it reads
jieba's 349k-line dict.txt into a word → tag table and loads the HMM tables the HMM-off cut never
uses; ``jieba.initialize()`` costs another second reading jieba's prefix table from its cache file.
This module does the same cut on jieba's dictionary, with the prefix table and the tags packed in
one table kept in :mod:`kg.cache` (keyed by the dictionary's content), and jieba's word graph and
best route computed in one pass; tests check that the words and tags are exactly jieba.posseg's.

The labeller reads that cut (:func:`cut`, :func:`jieba_words`, :func:`jieba_tags`: it was trained on
it).  The rules read :func:`words` and :func:`word_tags`, which add the words of recent news that
jieba's 2013 dictionary cuts into pieces (``news_words.tsv``: 文|旅 → 文旅/n).

>>> list(cut("重庆市江北区2024年"))
[('重庆市', 'ns'), ('江北区', 'ns'), ('2024', 'eng'), ('年', 'm')]
>>> words("区文旅委")
[('区', 'n'), ('文旅', 'n'), ('委', 'zg')]
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from math import log
from pathlib import Path

from kg.cache import cached
from kg.resources import table

__all__ = ["cut", "jieba_tags", "jieba_words", "news_word_runs", "news_words", "words", "word_tags"]

# The block and character classes of jieba.posseg (jieba 0.42).
_HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile("[\\.0-9]+")


_TAG_BITS = 7  # a packed entry is frequency << 7 | tag number (0: a prefix or no tag)
_TAG_MASK = (1 << _TAG_BITS) - 1


@cache
def _dictionary() -> tuple[dict[str, int], float, tuple[str, ...]]:
    """jieba's prefix table with each word's tag packed in (word or prefix → frequency << 7 | tag
    number), the log of jieba's total frequency, and the tags by number (1 is the first).

    jieba.initialize() reads its prefix table from its cache file and jieba.posseg reads dict.txt
    into a word → tag table, about a second each at every start; kg keeps one table of both in its
    start-up cache (:mod:`kg.cache`, keyed by the dictionary's content), read in one piece.  A
    tokenizer someone set up already (jieba.initialize, a user dictionary) gives the frequencies.
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.dt
    with tokenizer.get_dict_file() as dictionary:
        source = Path(dictionary.name)
    packed, total, names = cached("jieba-packed", [source], lambda: _packed_table(source))
    if tokenizer.initialized:
        with tokenizer.lock:
            freq, total = dict(tokenizer.FREQ), tokenizer.total
        packed = {word: f << _TAG_BITS | (packed.get(word, 0) & _TAG_MASK) for word, f in freq.items()}
    return packed, log(total), names


def _packed_table(source: Path) -> tuple[dict[str, int], int, tuple[str, ...]]:
    """jieba's prefix table and total (``Tokenizer.gen_pfdict``) with :func:`_dictionary_table`'s
    tags packed in, and the tags by number."""
    import jieba

    with open(source, "rb") as dictionary:
        freq, total = jieba.Tokenizer.gen_pfdict(dictionary)
    tags = _dictionary_table(source.read_bytes())
    names = tuple(sorted(set(tags.values())))
    if len(names) > _TAG_MASK:
        raise ValueError(f"{source}: {len(names)} tags, more than {_TAG_MASK}")
    number = {tag: i for i, tag in enumerate(names, 1)}
    packed = {word: f << _TAG_BITS | number.get(tags.get(word, ""), 0) for word, f in freq.items()}
    for word, tag in tags.items():  # a word jieba's prefix table does not hold (none in dict.txt)
        packed.setdefault(word, number[tag])
    return packed, total, names


def _dictionary_table(dictionary: bytes) -> dict[str, str]:
    """word → tag from a jieba dictionary (``word freq tag`` lines), as jieba.posseg reads it."""
    table: dict[str, str] = {}
    for line in dictionary.decode("utf-8").splitlines():
        parts = line.strip().split(" ")
        if len(parts) == 3:
            table[parts[0]] = parts[2]
    return table


class _Tags(Mapping[str, str]):
    """word → jieba tag (jieba.posseg's ``word_tag_tab``), read from the packed table, with the
    tags of extra words over it."""

    def __init__(self, packed: dict[str, int], names: tuple[str, ...], extra: Mapping[str, str] | None = None) -> None:
        self._packed, self._names, self._extra = packed, names, extra or {}

    def get(self, word: str, default=None):  # the hot path: no KeyError raised and caught
        tag = self._extra.get(word)
        if tag is not None:
            return tag
        code = self._packed.get(word, 0) & _TAG_MASK
        return self._names[code - 1] if code else default

    def __getitem__(self, word: str) -> str:
        tag = self.get(word)
        if tag is None:
            raise KeyError(word)
        return tag

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self._extra or bool(self._packed.get(word, 0) & _TAG_MASK))

    def __iter__(self) -> Iterator[str]:
        yield from self._extra
        yield from (word for word, value in self._packed.items() if value & _TAG_MASK and word not in self._extra)

    def __len__(self) -> int:
        return sum(1 for _ in self)


@cache
def jieba_tags() -> Mapping[str, str]:
    """jieba's dictionary tags (jieba.posseg's ``word_tag_tab``), from the start-up cache."""
    packed, _, names = _dictionary()
    return _Tags(packed, names)


@cache
def word_tags() -> Mapping[str, str]:
    """:func:`jieba_tags` with the words of ``news_words.tsv`` and their tags (文旅/n, 康养/vn)."""
    packed, _, names = _dictionary()
    return _Tags(packed, names, news_words())


@cache
def news_words() -> dict[str, str]:
    """word → tag of ``news_words.tsv``: words of recent news that jieba's dictionary lacks and cuts
    into pieces with misleading tags (文|旅, 康/nr|养/v, 共/d|富/nr)."""
    return {word: tag for word, tag in table("news_words")}


@cache
def _news_prefixes() -> frozenset[str]:
    return frozenset(word[:k] for word in news_words() for k in range(1, len(word)))


def news_word_runs(pieces: Sequence[str]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of pieces, in order, that spells a word of ``news_words.tsv`` (the
    longest from each piece; 文|旅|集团 → (0, 1))."""
    known, prefixes = news_words(), _news_prefixes()
    i, n = 0, len(pieces)
    while i < n:
        text, j, last = pieces[i], i, None
        while text in prefixes and j + 1 < n:
            j += 1
            text += pieces[j]
            if text in known:
                last = j
        if last is not None:
            yield i, last
            i = last + 1
        else:
            i += 1


def _ends(block: str, packed: dict[str, int], logtotal: float) -> list[int]:
    """Where the word starting at each character of block ends: jieba's ``get_DAG`` and ``calc`` in
    one pass, the same sums in the same order, so the same route (ties go to the longer word)."""
    n = len(block)
    get = packed.get
    scores = [0.0] * (n + 1)
    ends = [0] * n
    for k in range(n - 1, -1, -1):
        best = None
        end = i = k
        f = get(block[k])
        while f is not None:  # block[k:i+1] is a word or a prefix of one
            f >>= _TAG_BITS
            if f:
                score = log(f) - logtotal + scores[i + 1]
                if best is None or score >= best:
                    best, end = score, i
            i += 1
            if i == n:
                break
            f = get(block[k : i + 1])
        if best is None:  # no word starts here: the character alone
            best = log((get(block[k], 0) >> _TAG_BITS) or 1) - logtotal + scores[k + 1]
        scores[k] = best
        ends[k] = end + 1
    return ends


def _cut_block(block: str, packed: dict[str, int], logtotal: float, tags: _Tags, out: list) -> None:
    ends = _ends(block, packed, logtotal)
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
    return iter(jieba_words(text))


def words(text: str) -> list[tuple[str, str]]:
    """:func:`jieba_words` with the words of ``news_words.tsv`` whole (文旅/n, not 文/n|旅/n): the
    words kg's rules read."""
    pairs = jieba_words(text)
    for first, last in reversed(list(news_word_runs([word for word, _ in pairs]))):
        word = "".join(w for w, _ in pairs[first : last + 1])
        pairs[first : last + 1] = [(word, news_words()[word])]
    return pairs


def jieba_words(text: str) -> list[tuple[str, str]]:
    """:func:`cut` as a list."""
    packed, logtotal, _names = _dictionary()
    tags = jieba_tags()
    out: list[tuple[str, str]] = []
    for block in _HAN_BLOCK.split(text):
        if not block:
            continue
        if _HAN_BLOCK.match(block):
            _cut_block(block, packed, logtotal, tags, out)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                out.append((piece, "x"))
            else:
                for ch in piece:  # jieba tests the whole piece for "eng", not the character
                    out.append((ch, "m" if _NUM.match(ch) else "eng" if _ENG.match(piece) else "x"))
    return out
