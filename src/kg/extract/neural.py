"""The neural entity labeller: embeddings, a BiLSTM (onnxruntime) and a CRF (numpy).

Each character is read through the columns of :mod:`kg.extract.char_features` (the character,
its bigrams, its jieba word and tag, gazetteer and suffix marks); their embeddings feed a
bidirectional LSTM whose outputs score the BIOES labels of person, place and organization, and a
linear-chain CRF picks the best label sequence.  The sentences of one or many articles run
together (:func:`tag_ids`).
The weights ship in ``kg/data/models`` (:data:`FILES`, see MODEL_CARD.md there) and are rebuilt
by ``scripts/train_labeller.py`` (PyTorch, training only): tagging needs numpy and onnxruntime.
"""
from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from functools import cache
from types import SimpleNamespace

import numpy as np

from kg.errors import KgError
from kg.resources import data_file

from .char_features import COLUMNS, Encoder
from .doc import Token

__all__ = ["Model", "model", "meta", "tag", "tag_ids", "viterbi", "marginals", "FILES", "SECOND_FILES", "UNSURE_BELOW"]

FILES = {"arrays": "labeller.npz", "lstm": "labeller.onnx", "vocab": "labeller_vocab.json", "meta": "meta.json"}
#: the second network (same vocabulary and inputs, another training run) asked about unsure sentences
SECOND_FILES = {"arrays": "labeller2.npz", "lstm": "labeller2.onnx", "vocab": FILES["vocab"], "meta": "meta2.json"}
#: with the second network (``--accurate``), a sentence whose chosen labels include one this unsure
#: (its marginal probability) is decoded again with the mean of both networks' scores: about a
#: fifth of news text (see MODEL_CARD.md)
UNSURE_BELOW = 0.7
CONTEXT = 40  # characters of context on each side of the unsure stretch the second network reads
_BATCH = 48  # at most this many sentences per onnxruntime call, with
_STRETCH = 1.3  # the longest at most this many times the shortest (plus 6 characters)
_DECODE = 256  # sentences per pass of the CRF


class Model:
    """The loaded network: :meth:`ids` reads a text's inputs, :meth:`emissions` scores the labels
    of sentences from them; :func:`viterbi` and :func:`marginals` decode those scores."""

    def __init__(self, arrays, onnx_bytes: bytes, vocab: dict[str, list[str]], meta: dict,
                 encoder: Encoder | None = None) -> None:
        import onnxruntime

        self.meta = meta
        self.labels: list[str] = meta["labels"]
        # int8 rows with a scale each (scripts/quantize_labeller.py), or float16: a quarter or half the
        # memory of float32 and no cast at start-up; a batch's inputs are cast as they are gathered
        self.tables = [np.asarray(arrays[f"emb{j}"]) for j in range(len(COLUMNS))]
        self.scales = [np.asarray(arrays[f"emb{j}_scale"])[:, None] if f"emb{j}_scale" in arrays else None
                       for j in range(len(COLUMNS))]
        self.bigram = COLUMNS.index("bigram")
        ends = np.cumsum([t.shape[1] for t in self.tables] + [self.tables[self.bigram].shape[1]])
        self.slices = list(zip([0, *ends[:-1].tolist()], ends.tolist()))  # of each input in the LSTM's input
        self.width = int(ends[-1])  # (the bigram ending at a character comes last)
        self.w_out = np.asarray(arrays["w_out"], dtype=np.float32)
        self.b_out = np.asarray(arrays["b_out"], dtype=np.float32)
        self.trans = np.asarray(arrays["trans"], dtype=np.float64)
        self.start = np.asarray(arrays["start"], dtype=np.float64)
        self.end = np.asarray(arrays["end"], dtype=np.float64)
        self.encoder = encoder or Encoder(vocab)
        self.second: Model | None = None  # asked about unsure sentences (tag_ids)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(onnx_bytes, options, providers=["CPUExecutionProvider"])

    @classmethod
    def load(cls, open_file, encoder: Encoder | None = None) -> Model:
        """From the model files; open_file(key) opens FILES[key] for reading bytes.  A network
        given another's encoder shares its vocabulary (which is then not read again)."""
        with open_file("arrays") as handle, np.load(handle) as arrays:  # a file: its arrays read in place
            loaded = {k: arrays[k] for k in arrays.files}
        vocab = {}
        if encoder is None:
            with open_file("vocab") as handle:
                vocab = json.loads(handle.read().decode("utf-8"))
        with open_file("lstm") as lstm, open_file("meta") as meta:
            return cls(loaded, lstm.read(), vocab, json.loads(meta.read().decode("utf-8")), encoder)

    def embedding(self, j: int) -> np.ndarray:
        """The float32 rows of column j's embedding table (int8 rows times their scales)."""
        table = self.tables[j].astype(np.float32)
        return table if self.scales[j] is None else table * self.scales[j]

    def ids(self, text: str, tokens: Sequence[Token]) -> np.ndarray:
        """The (n, columns) symbol ids of text's characters (0: no symbol, 1: unknown)."""
        return self.encoder(text, tokens)

    def emissions(self, ids: np.ndarray, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """(B, L, K) label scores of the sentences ids[start:end] for each (start, end) of spans,
        padded with zeros after each sentence's end."""
        lengths = np.array([e - s for s, e in spans], dtype=np.int32)
        width = int(lengths.max())
        steps = np.arange(width)[:, None]
        inside = steps < lengths  # (L, B), time first as the LSTM reads it
        grid = ids[np.where(inside, np.array([s for s, _ in spans]) + steps, 0)]  # (L, B, C)
        grid[~inside] = 0  # past a sentence's end: no symbol (the all-zero rows of the tables)
        prev = np.zeros_like(grid[..., self.bigram])
        prev[1:] = grid[:-1, :, self.bigram]
        x = np.empty((width, len(spans), self.width), dtype=np.float32)
        columns = [grid[..., j] for j in range(len(self.tables))] + [prev]
        for (lo, hi), table, scale, column in zip(self.slices, self.tables + [self.tables[self.bigram]],
                                                  self.scales + [self.scales[self.bigram]], columns):
            if scale is None:
                x[..., lo:hi] = table[column]  # float16, cast as it is copied in
            else:
                np.multiply(table[column], scale[column], out=x[..., lo:hi])
        (y,) = self.session.run(None, {"X": x, "seq_lens": lengths})
        time, _, batch, hidden = y.shape  # onnx LSTM output: (time, direction, batch, hidden)
        h = y.transpose(2, 0, 1, 3).reshape(batch, time, 2 * hidden)
        return h @ self.w_out + self.b_out


def _active(lengths: np.ndarray, width: int) -> np.ndarray:
    """For each t < width, the first row whose sentence is longer than t (lengths ascending)."""
    return np.searchsorted(lengths, np.arange(width), side="right")


def viterbi(m: Model, emit: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The best label ids (B, L) of each padded sentence; lengths ascending (entries past a
    sentence's end are junk)."""
    e = emit.astype(np.float64)
    batch, width, k = e.shape
    active = _active(lengths, width)
    score = m.start + e[:, 0]
    back = np.zeros((width, batch, k), dtype=np.int8)  # time first, one byte a label: less to write
    for t in range(1, width):
        lo = active[t]
        cand = score[lo:, :, None] + m.trans
        best = cand.argmax(1)
        back[t, lo:] = best
        score[lo:] = np.take_along_axis(cand, best[:, None, :], 1)[:, 0] + e[lo:, t]
    last = (score + m.end).argmax(1)
    path = np.zeros((batch, width), dtype=np.int64)
    rows = np.arange(batch)
    ends = lengths - 1
    cur = last.copy()
    for t in range(width - 1, -1, -1):
        cur = np.where(ends == t, last, cur)
        path[:, t] = cur
        if t:
            cur = back[t, rows, cur]
    return path


def marginals(m: Model, emit: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """(B, L, K) probability of each label at each character (forward-backward, scaled); lengths
    ascending."""
    e = emit.astype(np.float64)
    batch, width, k = e.shape
    active = _active(lengths, width)
    p = np.exp(e - e.max(2, keepdims=True))
    trans = np.exp(m.trans - m.trans.max())
    fwd = np.zeros_like(p)
    a = np.exp(m.start - m.start.max()) * p[:, 0]
    fwd[:, 0] = a / a.sum(1, keepdims=True)
    for t in range(1, width):
        lo = active[t]
        a = (fwd[lo:, t - 1] @ trans) * p[lo:, t]
        fwd[lo:, t] = a / a.sum(1, keepdims=True)
    bwd = np.zeros_like(p)
    end = np.exp(m.end - m.end.max())
    bwd[np.arange(batch), lengths - 1] = end / end.sum()
    trans_t = trans.T
    for t in range(width - 2, -1, -1):
        lo = active[t + 1]
        b = (p[lo:, t + 1] * bwd[lo:, t + 1]) @ trans_t
        bwd[lo:, t] = b / b.sum(1, keepdims=True)
    joint = fwd * bwd
    joint /= np.maximum(joint.sum(2, keepdims=True), 1e-300)
    return joint


@cache
def meta() -> dict:
    """The training record shipped next to the model (corpora, held-out scores, parameters)."""
    return json.loads(data_file("models", FILES["meta"]).read_text("utf-8"))


@cache
def model(second: bool = False) -> Model:
    """The shipped model, loaded once; with second, the same network asking the second one about
    the sentences it is unsure of (:func:`tag_ids`; ``kg build --accurate``)."""
    if not second:
        return Model.load(lambda key: data_file("models", FILES[key]).open("rb"))
    missing = [name for name in SECOND_FILES.values() if not data_file("models", name).is_file()]
    if missing:
        raise KgError(f"the second labelling network is not installed ({', '.join(missing)} missing from "
                      f"{data_file('models', '')}): reinstall kg, or run without --accurate")
    m = copy.copy(model())
    m.second = Model.load(lambda key: data_file("models", SECOND_FILES[key]).open("rb"), m.encoder)
    return m


def _length_groups(lengths: Sequence[int]) -> list[tuple[int, int]]:
    """(lo, hi) ranges of ascending lengths run together through the LSTM: a range closes when the
    next sentence is much longer than its first, so little of the batch is padding."""
    out, lo = [], 0
    for i, n in enumerate(lengths):
        if i > lo and (n > lengths[lo] * _STRETCH + 6 or i - lo >= _BATCH):
            out.append((lo, i))
            lo = i
    if lengths:
        out.append((lo, len(lengths)))
    return out


def tag(text: str, sentences: Sequence[tuple[int, str]], tokens: Sequence[Token], m: Model | None = None):
    """For each sentence (offset, text) of text: (offset, labels, marginal of each chosen label)."""
    m = m or model()
    return tag_ids(m.ids(text, tokens), sentences, m)


def tag_ids(ids: np.ndarray, sentences: Sequence[tuple[int, str]], m: Model) -> list:
    """:func:`tag` on the ids of a text (:meth:`Model.ids`, or several texts' ids end to end, the
    sentence offsets then counting from the first text's start).

    The LSTM runs on groups of sentences of similar length (less padding); the CRF passes run on
    up to :data:`_DECODE` sentences at once (fewer numpy steps).  When m has a second network, the
    sentences with a chosen label less sure than :data:`UNSURE_BELOW` are decoded again from the
    mean of both networks' scores (a cascade: most of an ensemble's gain at a fraction of its
    cost)."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][1]))
    out: list = [None] * len(sentences)
    for top in range(0, len(order), _DECODE):
        chunk = order[top : top + _DECODE]
        spans = [(sentences[i][0], sentences[i][0] + len(sentences[i][1])) for i in chunk]
        lengths = np.array([e - s for s, e in spans])  # ascending: chunk follows order
        emit = _emissions(m, ids, spans, lengths)
        paths, probs = _decode(m, emit, lengths)
        if m.second is not None:
            _second_opinion(m, ids, spans, lengths, emit, paths, probs)
        for b, i in enumerate(chunk):
            n = lengths[b]
            out[i] = (sentences[i][0], [m.labels[k] for k in paths[b, :n]], probs[b, :n])
    return out


def _second_opinion(m: Model, ids: np.ndarray, spans: list[tuple[int, int]], lengths: np.ndarray,
                    emit: np.ndarray, paths: np.ndarray, probs: np.ndarray) -> None:
    """Decode again, in place, the sentences with a chosen label less sure than UNSURE_BELOW: over
    the stretch from CONTEXT characters before their first unsure character to CONTEXT after the
    last, the label scores become the mean of both networks' (the second network reads only that
    stretch, so long sentences cost little), and the CRF's scores the mean of both CRFs'."""
    unsure = [b for b in range(len(spans)) if probs[b, : lengths[b]].min() < UNSURE_BELOW]
    if not unsure:
        return
    windows = []
    for b in unsure:
        low = np.flatnonzero(probs[b, : lengths[b]] < UNSURE_BELOW)
        lo, hi = max(0, int(low[0]) - CONTEXT), min(int(lengths[b]), int(low[-1]) + 1 + CONTEXT)
        windows.append((hi - lo, b, lo))
    windows.sort()
    sizes = np.array([w for w, _, _ in windows])
    second = _emissions(m.second, ids, [(spans[b][0] + lo, spans[b][0] + lo + w) for w, b, lo in windows], sizes)
    rows = np.array(unsure)  # ascending, so their lengths are too
    width = int(lengths[rows[-1]])
    both = emit[rows, :width]
    at = {b: i for i, b in enumerate(unsure)}
    for k, (w, b, lo) in enumerate(windows):
        both[at[b], lo : lo + w] = (both[at[b], lo : lo + w] + second[k, :w]) / 2
    crf = SimpleNamespace(**{name: (getattr(m, name) + getattr(m.second, name)) / 2 for name in ("trans", "start", "end")})
    paths[rows, :width], probs[rows, :width] = _decode(crf, both, lengths[rows])


def _emissions(m: Model, ids: np.ndarray, spans: list[tuple[int, int]], lengths: np.ndarray) -> np.ndarray:
    """(B, L, K) label scores of sentences of ascending lengths, run through the LSTM in groups of
    similar length."""
    emit = np.zeros((len(spans), int(lengths[-1]), len(m.labels)), dtype=np.float32)
    for lo, hi in _length_groups(lengths.tolist()):
        emit[lo:hi, : lengths[hi - 1]] = m.emissions(ids, spans[lo:hi])
    return emit


def _decode(m: Model | SimpleNamespace, emit: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Viterbi label ids (B, L) and each chosen label's marginal probability (1 in sentences
    with no entity label, whose marginals are not computed)."""
    paths = viterbi(m, emit, lengths)
    named = [b for b in range(len(lengths)) if paths[b, : lengths[b]].any()]  # label 0 is O
    probs = np.ones(paths.shape)
    if named:  # the marginals score entity spans: sentences without any need none
        sub = marginals(m, emit[named], lengths[named])
        probs[named] = np.take_along_axis(sub, paths[named][:, :, None], 2)[:, :, 0]
    return paths, probs
