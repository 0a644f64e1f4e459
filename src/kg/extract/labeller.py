"""A trained character-level sequence labeller for entity mentions (person, place, organization).

A linear-chain CRF (python-crfsuite) over character features: the character and its ±2 window,
character bigrams, character classes, the position of the character inside its jieba word and
that word's jieba.posseg tag, and whether a known organization or place suffix ends at the
character (optionally gazetteer and surname marks).  The jieba words are the article's own tokens
(``kg.extract.doc``, HMM off), so jieba runs once per article.  The model ships in
``kg/data/models`` (see MODEL_CARD.md there) and is rebuilt by ``scripts/train_labeller.py``,
which imports :func:`text_features` from here, so training and tagging see the same features.

>>> label("")
[]
"""
from __future__ import annotations

import json
import re
from contextlib import ExitStack
from functools import cache
from collections.abc import Collection, Sequence
from importlib.resources import as_file

from kg.extract.doc import Token
from kg.extract.lexicon import single_surnames
from kg.records import Kind
from kg.resources import data_file, lexicon_list

__all__ = ["label", "label_many", "text_features", "split_sentences", "MODEL_NAME"]

MODEL_NAME = "labeller.crfsuite"
META_NAME = "meta.json"
FEATURE_VERSION = "v2"

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


class _Classes(dict):
    """Code point → the class of its character (:func:`_char_class`), filled as characters are met."""

    def __missing__(self, code: int) -> str:
        got = self[code] = _char_class(chr(code))
        return got


_CLASSES = _Classes()


def _class_string(s: str) -> str:
    return s.translate(_CLASSES)


@cache
def _suffixes() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]]:
    org = frozenset(lexicon_list("labeller_org_suffix"))
    loc = frozenset(lexicon_list("labeller_place_suffix"))
    longest = max(map(len, org | loc))
    last_chars = frozenset(x[-1] for x in org | loc)
    return org, loc, longest, last_chars


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


def _word_features(text: str, tokens: Sequence[Token], forms: _Forms) -> tuple[list, list, list, list]:
    """Per character of text, the features of its jieba word: ``w`` its B/M/E/S position in the
    word, ``wc`` that position (the character is added later), ``g`` the word's tag with the
    position, and ``W`` the word itself when it has two or more characters (else None)."""
    n = len(text)
    runs = forms.runs
    w, wc, g, word = [forms["w"]] * n, [forms["wc"]] * n, [forms["g"]] * n, [None] * n
    for tok in tokens:
        i, e = tok.start, tok.end
        k = e - i
        w[i:e], wc[i:e], g[i:e] = runs[("w", k)], runs[("wc", k)], runs[("g" + tok.pos, k)]
        if k > 1:
            word[i:e] = [forms.make("W" + tok.text)] * k
    return w, wc, g, word


def _suffix_ends(s: str) -> list[str]:
    """Per character: "o"/"l" plus length when a listed organization/place suffix ends there, so
    有限公司 and 司 are told apart."""
    org_suf, loc_suf, longest, last_chars = _suffixes()
    n = len(s)
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
    return suf


def _dictionary_marks(s: str) -> list[str]:
    """Per character: B/M/E/S of a gazetteer place name (kg.gazetteer.find) covering it, and "x"
    on a listed surname."""
    from kg import gazetteer

    n = len(s)
    marks = [""] * n
    for start, end, _name in gazetteer.find(s):
        k = end - start
        marks[start:end] = ["zS"] if k == 1 else ["zB"] + ["zM"] * (k - 2) + ["zE"]
    surnames = single_surnames()
    for i, ch in enumerate(s):
        if ch in surnames:
            marks[i] += "x"
    return marks


def text_features(
    text: str, tokens: Sequence[Token] | None = None, groups: Collection[str] | None = None
) -> list[tuple[int, str, list[list[str]]]]:
    """``(offset, sentence, features)`` for each sentence of text: one list of attribute names per
    character (the CRF's input).  tokens are text's jieba.posseg tokens (``kg.extract.doc.tokenize``,
    HMM off), computed here when not given: the same tokens the rest of kg reads.  groups are the
    optional feature groups (``"dictionary"``); by default those the shipped model was trained with."""
    return _features(text, tokens, groups, _PLAIN)


def _features(text: str, tokens: Sequence[Token] | None, groups: Collection[str] | None, forms: _Forms) -> list:
    """:func:`text_features`, each attribute name as ``forms`` gives it (str, or UTF-8 bytes for
    the tagger: python-crfsuite then need not encode each one)."""
    if tokens is None:
        from .doc import tokenize

        tokens = tokenize(text)
    if groups is None:
        groups = model_meta().get("feature_groups", ())
    s_all = text.translate(_HALF)
    w_all, wc_all, g_all, word_all = _word_features(text, tokens, forms)
    suf_all = _suffix_ends(s_all)
    dic_all = _dictionary_marks(s_all) if "dictionary" in groups else [""] * len(s_all)
    cls_all = _class_string(s_all)
    unigrams, bias, pc, cn, pn = forms.unigrams, forms["b"], forms["pc"], forms["cn"], forms["pn"]
    out = []
    for offset, sentence in split_sentences(text):
        n = len(sentence)
        end = offset + n
        # per character of "\x02\x02" + sentence + "\x03\x03": its unigram features (c p n pp nn, char)
        u = [unigrams[ch] for ch in "\x02\x02" + s_all[offset:end] + "\x03\x03"]
        cls = "BB" + cls_all[offset:end] + "EE"
        feats = [
            [bias, a[0], p[1], q[2], pp[3], nn[4], pc + p[5] + a[5], cn + a[5] + q[5], pn + p[5] + q[5],
             forms["t" + cls[k : k + 3]], w, wc + a[5], g]
            for k, pp, p, a, q, nn, w, wc, g in zip(
                range(1, n + 1), u, u[1:], u[2:], u[3:], u[4:], w_all[offset:end], wc_all[offset:end], g_all[offset:end]
            )
        ]
        for f, word in zip(feats, word_all[offset:end]):
            if word:
                f.append(word)
        suf, dic = suf_all[offset:end], dic_all[offset:end]
        if any(suf) or any(dic):
            for i, f in enumerate(feats):
                sf = suf[i]
                if sf:
                    f.append(forms["s" + sf])
                if i + 1 < n and suf[i + 1]:
                    f.append(forms["ns" + suf[i + 1]])
                d = dic[i]
                if d:
                    f.append(forms["d" + d])
                if i and dic[i - 1]:
                    f.append(forms["pd" + dic[i - 1]])
        out.append((offset, sentence, feats))
    return out


class _Unigrams(dict):
    """character → its unigram features: as the character, the one before, after, two before, two
    after (c p n pp nn), and the character itself; filled as characters are met."""

    def __init__(self, make) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, ch: str) -> tuple:
        got = self[ch] = tuple(map(self.make, ("c" + ch, "p" + ch, "n" + ch, "pp" + ch, "nn" + ch, ch)))
        return got


class _Forms(dict):
    """Feature name → the object handed over for it (the str, or its UTF-8 bytes), for the names
    that recur (positions, tags, classes, suffix marks); :attr:`make` for any other name."""

    def __init__(self, encoded: bool) -> None:
        super().__init__()
        self.make = str.encode if encoded else str
        self.unigrams = _Unigrams(self.make)
        self.runs = _Runs(self)

    def __missing__(self, name: str):
        got = self[name] = self.make(name)
        return got


class _Runs(dict):
    """(prefix, k) → the features of the k characters of a word: the prefix with B, M…, E (S when
    k is 1), as ``forms`` gives them."""

    def __init__(self, forms: _Forms) -> None:
        super().__init__()
        self.forms = forms

    def __missing__(self, key: tuple[str, int]) -> list:
        prefix, k = key
        marks = ["S"] if k == 1 else ["B"] + ["M"] * (k - 2) + ["E"]
        got = self[key] = [self.forms[prefix + mark] for mark in marks]
        return got


_PLAIN = _Forms(encoded=False)
_ENCODED = _Forms(encoded=True)


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
    _suffixes()
    single_surnames()
    return tagger


_tagger_stack: list[ExitStack] = []

_ADMIN_END = frozenset("省市区县镇乡村旗州")
_ADMIN_BLOCK = frozenset("长委政府域级内外民场属")  # 区长, 市委, 市民, 市场 … are not place endings


@cache
def model_meta() -> dict:
    """The training record shipped next to the model (corpora, scores, parameters)."""
    return json.loads(data_file("models", META_NAME).read_text("utf-8"))


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


def _decode(tagger, sentence: str, labels: list[str], offset: int, out: list) -> None:
    n = len(labels)
    marg = tagger.marginal
    for i, j, typ in label_spans(labels):
        score = sum(marg(labels[k], k) for k in range(i, j)) / (j - i)
        end = j
        if typ == "LOC" and j < n and labels[j] == "O" and sentence[j] in _ADMIN_END:
            # "杭州市西湖|区": a place cut just before its administrative ending takes the ending
            if sentence[j - 1] not in _ADMIN_END and not (j + 1 < n and sentence[j + 1] in _ADMIN_BLOCK):
                end = j + 1
        out.append((offset + i, offset + end, _KINDS[typ], round(min(max(score, 0.0), 1.0), 4)))


def label(text: str, tokens: Sequence[Token] | None = None) -> list[tuple[int, int, Kind, float]]:
    """Entity spans in text: (start, end exclusive, kind, score 0..1), non-overlapping, in order.
    tokens: text's ``kg.extract.doc.tokenize`` tokens when the caller has them already."""
    if not text:
        return []
    return label_with(_tagger(), text, tokens)


def label_with(
    tagger, text: str, tokens: Sequence[Token] | None = None, groups: Collection[str] | None = None
) -> list[tuple[int, int, Kind, float]]:
    """:func:`label` with a given ``pycrfsuite.Tagger`` and feature groups (the training script
    scores with this)."""
    out: list[tuple[int, int, Kind, float]] = []
    for offset, sentence, feats in _features(text, tokens, groups, _ENCODED):
        labels = tagger.tag(feats)
        if any(lab != "O" for lab in labels):
            _decode(tagger, sentence, labels, offset, out)
    return out


def label_many(texts: list[str]) -> list[list[tuple[int, int, Kind, float]]]:
    """:func:`label` for each of texts."""
    return [label(t) for t in texts]
