"""The working view of one article that extract components share: tokens and sentences.

Built once per article (jieba runs once); components read it and return candidates.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from ..records import Article, Span
from .segmenter import jieba_words, news_word_runs, news_words

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")


class Token(NamedTuple):  # a tuple: an article has thousands, made faster than a dataclass's
    start: int
    end: int
    text: str
    pos: str  # jieba's part-of-speech tag (ns place, nr person, nt organization, v verb, x punctuation …)


@dataclass(frozen=True, slots=True)
class Doc:
    article: Article
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    labels: tuple | None = None  # the labeller's spans when run ahead for several articles at once

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_of(self, offset: int) -> Span:
        """The sentence holding a character offset (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo] if self.sentences else Span(0, len(self.text))

    def word_across(self, offset: int) -> Token | None:
        """The jieba word that runs across a character offset (老师傅 across 老师|傅, 某某旗|舰店), if one does."""
        i = bisect_left(self.tokens, offset, key=lambda t: t.start)
        return self.tokens[i - 1] if i and self.tokens[i - 1].end > offset else None

    def word_at(self, offset: int) -> Token | None:
        """The jieba word that starts at a character offset, if one does."""
        i = bisect_left(self.tokens, offset, key=lambda t: t.start)
        return self.tokens[i] if i < len(self.tokens) and self.tokens[i].start == offset else None


def sentences(text: str) -> tuple[Span, ...]:
    """Sentence spans: cut after 。！？； (with closing quotes) and at line breaks; blank spans dropped."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if not match.group().startswith("\n") else match.start()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return tuple(spans)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def tokenize(text: str) -> tuple[Token, ...]:
    """jieba.posseg tokens with offsets (HMM off: new words come from the labeller and the rules),
    as the labeller reads them."""
    tokens: list[Token] = []
    append = tokens.append
    offset = 0
    for word, tag in jieba_words(text):
        end = offset + len(word)
        append(Token(offset, end, word, tag))
        offset = end
    return tuple(tokens)


def with_news_words(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """tokens with each run that spells a word of ``news_words.tsv`` joined into that word
    (文|旅|集团 → 文旅|集团), as the rules read them."""
    runs = list(news_word_runs([t.text for t in tokens]))
    if not runs:
        return tokens
    out, done = [], 0
    for first, last in runs:
        out.extend(tokens[done:first])
        text = "".join(t.text for t in tokens[first : last + 1])
        out.append(Token(tokens[first].start, tokens[last].end, text, news_words()[text]))
        done = last + 1
    out.extend(tokens[done:])
    return tuple(out)


def make_doc(article: Article, tokens: tuple[Token, ...] | None = None) -> Doc:
    """The doc of an article; tokens: its :func:`tokenize` tokens when the caller has them (the
    labeller's), joined here into news words for the rules."""
    tokens = tokenize(article.text) if tokens is None else tokens
    return Doc(article=article, tokens=with_news_words(tokens), sentences=sentences(article.text))
