"""A trained character-level sequence labeller for entity mentions (person, place, organization).

A linear-chain CRF (python-crfsuite) over character features: the character and its ±2 window,
character bigrams, character classes, the position of the character inside its jieba word, the
jieba dictionary tag of that word (nr/ns/nt/nz), and whether a known organization or place suffix
ends at the character.  The model ships in ``kg/data/models`` (see MODEL_CARD.md there) and is
rebuilt by ``scripts/train_labeller.py``, which imports :func:`sentence_features` from here, so
training and tagging always see the same features.

>>> label("")
[]
"""
from __future__ import annotations

import json
import logging
import re
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file

from kg.records import Kind
from kg.resources import data_file, lexicon_list

__all__ = ["label", "label_many", "sentence_features", "split_sentences", "MODEL_NAME"]

MODEL_NAME = "labeller.crfsuite"
META_NAME = "meta.json"
FEATURE_VERSION = "v1"

_KINDS = {"PER": Kind.PERSON, "LOC": Kind.PLACE, "ORG": Kind.ORG}

# Sentence ends: the punctuation stays with its sentence.  Very long stretches without such
# punctuation are cut further at commas, then hard-cut, so one sentence never becomes huge.
_SENT_END = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]*")
_SOFT_END = re.compile(r"[^，,、：:]*[，,、：:]*")
_MAX_SENT = 400

# Full-width ASCII and the ideographic space map to their half-width forms for the features only
# (one character to one character, so offsets are unchanged).
_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_HALF[0x3000] = 0x20
_HALF = str.maketrans(_HALF)


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "d"
    if "a" <= ch <= "z":
        return "l"
    if "A" <= ch <= "Z":
        return "u"
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "h"
    if ch.isspace():
        return "s"
    if ch in "一二三四五六七八九十百千万亿零〇两":
        return "n"
    return "p"


@cache
def _classes() -> dict[str, str]:
    """Character → class for the common range, filled lazily by :func:`_class_string`."""
    return {}


def _class_string(s: str) -> str:
    table = _classes()
    out = []
    for ch in s:
        c = table.get(ch)
        if c is None:
            c = table[ch] = _char_class(ch)
        out.append(c)
    return "".join(out)


@cache
def _suffixes() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]]:
    org = frozenset(lexicon_list("labeller_org_suffix"))
    loc = frozenset(lexicon_list("labeller_place_suffix"))
    longest = max(map(len, org | loc))
    last_chars = frozenset(x[-1] for x in org | loc)
    return org, loc, longest, last_chars


@cache
def _tokenizer():
    """jieba's default tokenizer, shared with the rest of kg (which adds no words to it), so that
    its dictionary loads once per process."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@cache
def _word_tags() -> dict[str, str]:
    """jieba's own dictionary tags for proper-noun words (nr, ns, nt, nz and their variants), taken
    from the table jieba.posseg has already read from dict.txt."""
    import jieba.posseg

    keep = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt", "nz": "nz"}
    return {word: keep[tag] for word, tag in jieba.posseg.dt.word_tag_tab.items() if tag in keep}


def split_sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pieces of text, cut after 。！？； and newlines; blanks dropped."""
    out: list[tuple[int, str]] = []
    for m in _SENT_END.finditer(text):
        piece = m.group()
        if not piece:
            continue
        start = m.start()
        if len(piece) <= _MAX_SENT:
            if not piece.isspace():
                out.append((start, piece))
            continue
        buf_start, buf = start, ""
        for sm in _SOFT_END.finditer(piece):
            part = sm.group()
            if not part:
                continue
            if buf and len(buf) + len(part) > _MAX_SENT:
                out.append((buf_start, buf))
                buf_start, buf = start + sm.start(), ""
            buf += part
            while len(buf) > _MAX_SENT:
                out.append((buf_start, buf[:_MAX_SENT]))
                buf_start, buf = buf_start + _MAX_SENT, buf[_MAX_SENT:]
        if buf and not buf.isspace():
            out.append((buf_start, buf))
    return out


def sentence_features(sentence: str) -> list[list[str]]:
    """One list of attribute names per character of sentence (the CRF's input)."""
    s = sentence.translate(_HALF)
    n = len(s)
    if not n:
        return []
    tk = _tokenizer()
    tags = _word_tags()
    org_suf, loc_suf, longest, last_chars = _suffixes()

    # Per-character word position (B/M/E/S), the word, and its dictionary tag.
    wpos = [""] * n
    wtag = [""] * n
    word_of = [""] * n
    i = 0
    for w in tk.cut(s, HMM=True):
        k = len(w)
        t = tags.get(w, "")
        if k == 1:
            wpos[i] = "S"
            wtag[i] = t
            i += 1
            continue
        wpos[i] = "B"
        for j in range(i + 1, i + k - 1):
            wpos[j] = "M"
        wpos[i + k - 1] = "E"
        for j in range(i, i + k):
            wtag[j] = t
            word_of[j] = w
        i += k

    # Suffix ends: "o"/"l" when a listed organization/place suffix ends at this character,
    # with its length, so 有限公司 and 司 are told apart.
    suf = [""] * n
    for e in range(n):
        if s[e] not in last_chars:
            continue
        for k in range(min(longest, e + 1), 0, -1):
            piece = s[e - k + 1 : e + 1]
            if piece in org_suf:
                suf[e] = "o" + str(k)
                break
            if piece in loc_suf:
                suf[e] = "l" + str(k)
                break

    c = "\x02\x02" + s + "\x03\x03"
    cls = "BB" + _class_string(s) + "EE"
    out = []
    append = out.append
    for i in range(n):
        j = i + 2
        a = c[j]
        p = c[j - 1]
        q = c[j + 1]
        wp = wpos[i]
        wt = wtag[i]
        f = [
            "b",
            "c" + a,
            "p" + p,
            "n" + q,
            "pp" + c[j - 2],
            "nn" + c[j + 2],
            "pc" + p + a,
            "cn" + a + q,
            "pn" + p + q,
            "t" + cls[j - 1 : j + 2],
            "w" + wp,
            "wc" + wp + a,
        ]
        if wt:
            f.append("g" + wt + wp)
        w = word_of[i]
        if w:
            f.append("W" + w)
        sf = suf[i]
        if sf:
            f.append("s" + sf)
        if i + 1 < n and suf[i + 1]:
            f.append("ns" + suf[i + 1])
        append(f)
    return out


# --------------------------------------------------------------------------------------------
# Tagging


@cache
def _tagger():
    import pycrfsuite

    stack = ExitStack()  # kept open for the life of the process (crfsuite reads the file)
    path = stack.enter_context(as_file(data_file("models", MODEL_NAME)))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    _tagger_stack.append(stack)
    # Warm the feature resources now so the first call pays the start-up cost, not later ones.
    _tokenizer()
    _word_tags()
    _suffixes()
    return tagger


_tagger_stack: list[ExitStack] = []

_ADMIN_END = frozenset("省市区县镇乡村旗州")
_ADMIN_BLOCK = frozenset("长委政府域级内外民场属")  # 区长, 市委, 市民, 市场 … are not place endings



@cache
def model_meta() -> dict:
    """The training record shipped next to the model (corpora, scores, parameters)."""
    return json.loads(data_file("models", META_NAME).read_text("utf-8"))


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the B-/I- runs of a BIO label sequence (an I- without B- starts one)."""
    out, i, n = [], 0, len(labels)
    while i < n:
        if labels[i] == "O":
            i += 1
            continue
        typ = labels[i][2:]
        j = i + 1
        while j < n and labels[j] == "I-" + typ:
            j += 1
        out.append((i, j, typ))
        i = j
    return out


def _decode(tagger, sentence: str, labels: list[str], offset: int, out: list) -> None:
    n = len(labels)
    marg = tagger.marginal
    for i, j, typ in bio_spans(labels):
        score = sum(marg(labels[k], k) for k in range(i, j)) / (j - i)
        end = j
        if typ == "LOC" and j < n and labels[j] == "O" and sentence[j] in _ADMIN_END:
            # "杭州市西湖|区": a place cut just before its administrative ending takes the ending
            if sentence[j - 1] not in _ADMIN_END and not (j + 1 < n and sentence[j + 1] in _ADMIN_BLOCK):
                end = j + 1
        out.append((offset + i, offset + end, _KINDS[typ], round(min(max(score, 0.0), 1.0), 4)))


def _label_sentence(tagger, sentence: str, offset: int, out: list) -> None:
    labels = tagger.tag(sentence_features(sentence))
    if any(lab != "O" for lab in labels):
        _decode(tagger, sentence, labels, offset, out)


def label(text: str) -> list[tuple[int, int, Kind, float]]:
    """Entity spans in text: (start, end exclusive, kind, score 0..1), non-overlapping, in order."""
    if not text:
        return []
    return label_with(_tagger(), text)


def label_with(tagger, text: str) -> list[tuple[int, int, Kind, float]]:
    """:func:`label` with a given ``pycrfsuite.Tagger`` (the training script scores with this)."""
    out: list[tuple[int, int, Kind, float]] = []
    for offset, sentence in split_sentences(text):
        _label_sentence(tagger, sentence, offset, out)
    return out


def label_many(texts: list[str]) -> list[list[tuple[int, int, Kind, float]]]:
    """:func:`label` for each of texts."""
    return [label(t) for t in texts]
