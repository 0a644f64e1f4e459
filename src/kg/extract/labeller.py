"""A trained character-level sequence labeller for entity mentions (person, place, organization).

The network of :mod:`kg.extract.neural` (embeddings of each character's columns, a BiLSTM and a
CRF) labels each sentence of an article with BIOES tags of PER, LOC and ORG; this module cuts the
text into sentences, runs the network on all of them at once and turns the labels into scored
spans.  The jieba words it reads are the article's own tokens (``kg.extract.doc``, HMM off), so
jieba runs once per article.  The model ships in ``kg/data/models`` (see MODEL_CARD.md there) and
is rebuilt by ``scripts/train_labeller.py``, which reads the same columns
(:mod:`kg.extract.char_features`), so training and tagging see the same inputs.

>>> label("")
[]
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import numpy as np

from kg.extract import neural
from kg.extract.doc import Token
from kg.records import Kind
from kg.extract.lexicon import joined_bureaus
from kg.resources import lexicon

__all__ = ["label", "label_docs", "label_many", "split_sentences", "label_spans", "to_bioes", "model_meta"]

_KINDS = {"PER": Kind.PERSON, "LOC": Kind.PLACE, "ORG": Kind.ORG}

# Sentence ends: the punctuation stays with its sentence.  Very long stretches without such
# punctuation are cut further at commas, then hard-cut, so one sentence never becomes huge.
_SENT_END = re.compile(r"[^。！？；!?;\n]*[。！？；!?;\n]*")
_SOFT_END = re.compile(r"[^，,、：:]*[，,、：:]*")
_MAX_SENT = 400


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


_ADMIN_END = frozenset("省市区县镇乡村旗州")
_ADMIN_BLOCK = frozenset("长委政府域级内外民场属")  # 区长, 市委, 市民, 市场 … are not place endings


def label_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) of the entity runs of a BIO or BIOES label sequence: a run starts at B-/S-
    (or at an I-/E- that does not continue one) and ends after E-/S- or when I-/E- stop."""
    out, i, n = [], 0, len(labels)
    while i < n:
        lab = labels[i]
        if lab == "O":
            i += 1
            continue
        typ = lab[2:]
        j = i + 1
        if lab[0] not in "SE":
            while j < n and labels[j][0] in "IE" and labels[j][2:] == typ:
                j += 1
                if labels[j - 1][0] == "E":
                    break
        out.append((i, j, typ))
        i = j
    return out


def to_bioes(tags: Sequence[str]) -> list[str]:
    """BIO tags as BIOES (single-character entities S-, last characters E-)."""
    out = ["O"] * len(tags)
    for i, j, typ in label_spans(tags):
        if j - i == 1:
            out[i] = "S-" + typ
        else:
            out[i] = "B-" + typ
            out[i + 1 : j - 1] = ["I-" + typ] * (j - i - 2)
            out[j - 1] = "E-" + typ
    return out


def _rejoined(sentence: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans with a department's name read as two around its 和 (某区人力资源|和|社会保障局)
    joined into one organization, and a college's name read from its 与 on (材料与|化工学院)
    given its start."""
    out: list[tuple[int, int, str]] = []
    for i, j, typ in spans:
        if out and typ == "ORG" and sentence[out[-1][1] : i] == "和" and any(
            sentence.startswith(after, i) and sentence[: out[-1][1]].endswith(before)
            for before, after in joined_bureaus()
        ):
            out[-1] = (out[-1][0], j, "ORG")
            continue
        if typ == "ORG" and sentence[i - 1 : i] == "与" and sentence.endswith(_COLLEGE_ENDS, i, j):
            i = _college_start(sentence, i - 1, out[-1] if out else None)
        out.append((i, j, typ))
    return out


_COLLEGE_ENDS = ("学院", "系")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _college_start(sentence: str, joiner: int, before: tuple[int, int, str] | None) -> int:
    """Where a college's name with 与 inside starts (该校|材料与化工学院, 某某大学|信息科学与工程学院): right
    after the university the labeller reads or after 该校/该院, when only two to six characters
    stand between; else the 与 stays outside (甲公司|与|某学院)."""
    openings = [k + 2 for k in range(max(0, joiner - 8), joiner) if sentence.startswith(("该校", "该院"), k)]
    if before is not None and before[2] == "ORG" and sentence.endswith(("大学", "学院"), before[0], before[1]):
        openings.append(before[1])
    return next((k for k in openings if _HAN.fullmatch(sentence, k, joiner)), joiner + 1)


def _decode(sentence: str, labels: list[str], chosen, offset: int, out: list) -> None:
    """Append the entity spans of one labelled sentence to out; chosen(k) is the probability of
    the label chosen at character k, averaged over a span for its score."""
    n = len(labels)
    for i, j, typ in _rejoined(sentence, label_spans(labels)):
        score = sum(chosen(k) for k in range(i, j)) / (j - i)
        end = j
        if typ == "LOC" and j < n and labels[j] == "O" and sentence[j] in _ADMIN_END:
            # "杭州市西湖|区": a place cut just before its administrative ending takes the ending
            if sentence[j - 1] not in _ADMIN_END and not (j + 1 < n and sentence[j + 1] in _ADMIN_BLOCK):
                end = j + 1
        out.append((offset + i, offset + end, _KINDS[typ], round(min(max(float(score), 0.0), 1.0), 4)))


def label(text: str, tokens: Sequence[Token] | None = None, m: neural.Model | None = None) -> list[tuple[int, int, Kind, float]]:
    """Entity spans in text: (start, end exclusive, kind, score 0..1), non-overlapping, in order.
    tokens: text's ``kg.extract.doc.tokenize`` tokens when the caller has them already; m: a loaded
    network (the training script's), by default the shipped one."""
    if not text:
        return []
    if tokens is None:
        from .doc import tokenize

        tokens = tokenize(text)
    return label_docs([(text, tokens)], m)[0]


def label_docs(docs: Sequence[tuple[str, Sequence[Token]]], m: neural.Model | None = None,
               accurate: bool = False) -> list[list[tuple[int, int, Kind, float]]]:
    """:func:`label` for each (text, tokens) of docs, their sentences run through the network
    together (much faster per character than one text at a time); accurate: the shipped network
    asks a second one about the sentences it is unsure of (slower)."""
    m = m or neural.model(second=accurate)
    ids, pieces, owners, base = [], [], [], 0
    for k, (text, tokens) in enumerate(docs):
        ids.append(m.ids(text, tokens))
        for offset, sentence in split_sentences(text):
            pieces.append((base + offset, sentence))
            owners.append((k, base))
        base += len(text)
    out: list[list[tuple[int, int, Kind, float]]] = [[] for _ in docs]
    if not pieces:
        return out
    tagged = neural.tag_ids(np.concatenate(ids), pieces, m)
    for (k, start), (_, sentence), (offset, labels, chosen) in zip(owners, pieces, tagged):
        if any(lab != "O" for lab in labels):
            _decode(sentence, labels, chosen.__getitem__, offset - start, out[k])
    return out


def label_many(texts: Sequence[str]) -> list[list[tuple[int, int, Kind, float]]]:
    """:func:`label` for each of texts."""
    from .doc import tokenize

    return label_docs([(t, tokenize(t)) for t in texts])


def model_meta() -> dict:
    """The training record shipped next to the model (corpora, scores, parameters)."""
    return neural.meta()
