"""The neural labeller's decoding (Viterbi, forward-backward) and its batching of sentences."""
from __future__ import annotations

import itertools
from types import SimpleNamespace

import numpy as np
import pytest

from kg.extract import neural


def _crf(k: int, seed: int = 0) -> SimpleNamespace:
    rng = np.random.default_rng(seed)
    return SimpleNamespace(trans=rng.normal(size=(k, k)), start=rng.normal(size=k), end=rng.normal(size=k))


def _brute_force(m, emit: np.ndarray, n: int) -> tuple[tuple[int, ...], np.ndarray]:
    """The best label sequence and the label marginals of one sentence, by enumerating every path."""
    k = emit.shape[1]
    best, best_score, z = None, -np.inf, 0.0
    marg = np.zeros((n, k))
    for seq in itertools.product(range(k), repeat=n):
        score = m.start[seq[0]] + emit[0, seq[0]] + m.end[seq[-1]]
        score += sum(m.trans[seq[i - 1], seq[i]] + emit[i, seq[i]] for i in range(1, n))
        if score > best_score:
            best, best_score = seq, score
        w = np.exp(score)
        z += w
        for i, lab in enumerate(seq):
            marg[i, lab] += w
    return best, marg / z


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_viterbi_and_marginals_match_enumeration(seed):
    m = _crf(4, seed)
    lengths = np.array([1, 2, 3, 4, 4])  # ascending, as tag() batches them; padding after each end
    emit = np.random.default_rng(seed + 10).normal(size=(len(lengths), 4, 4)) * 2
    paths = neural.viterbi(m, emit, lengths)
    probs = neural.marginals(m, emit, lengths)
    for b, n in enumerate(lengths):
        best, marg = _brute_force(m, emit[b], n)
        assert tuple(paths[b, :n]) == best
        np.testing.assert_allclose(probs[b, :n], marg, rtol=1e-9, atol=1e-12)


def test_sentences_label_alike_alone_and_in_a_batch():
    """Padding a sentence in a batch with longer ones changes its labels in no way (onnxruntime's
    sequence lengths, the CRF passes stop at each sentence's end); its scores move a little, as the
    int8 LSTM scales its inputs by the batch's range."""
    from kg.extract.doc import tokenize
    from kg.extract.labeller import split_sentences

    text = "李建国在杭州市西湖区会见了浙江星辰科技有限公司的负责人。国家统计局今天发布数据。广东省经济增长较快。"
    sentences = split_sentences(text)
    tokens = tokenize(text)
    together = neural.tag(text, sentences, tokens)
    for sentence, (offset, labels, chosen) in zip(sentences, together):
        ((alone_offset, alone, alone_chosen),) = neural.tag(text, [sentence], tokens)
        assert offset == alone_offset == sentence[0] and labels == alone
        assert len(labels) == len(sentence[1])
        np.testing.assert_allclose(chosen, alone_chosen, atol=2e-3)


@pytest.mark.parametrize(
    "text",
    ["重庆市永川区住房和城乡建设委员会主任王立新说，ＡＢＣ公司（渝川建设）投资１２亿元。\n\n第二段",
     "", "王", "  ", "𠮷哥在北京", "a𠮷", "《》—…￥％", "中华人民共和国国务院总理李强今天在人民大会堂会见外宾。"],
)
def test_encoder_gives_the_ids_training_reads(text):
    """The shipped model's input ids (characters and bigrams by binary search over packed code
    points) equal the symbol columns looked up in the vocabulary, as the training script reads them."""
    import json

    from kg.extract.char_features import COLUMNS, columns, encode
    from kg.extract.doc import tokenize
    from kg.resources import data_file

    symbols = json.loads(data_file("models", neural.FILES["vocab"]).read_text("utf-8"))
    vocab = {name: {s: i for i, s in enumerate(symbols[name])} for name in COLUMNS}
    tokens = tokenize(text)
    expected = encode(columns(text, tokens), vocab)
    got = neural.model().ids(text, tokens)
    assert got.shape == (len(text), len(COLUMNS))
    assert (got == expected).all()
    if "王" in text:
        assert got[text.index("王"), 0] > 1  # a known character: neither "no symbol" nor unknown


_MIXED = "国家统计局今天发布数据。据新华社报道，岚溪智能与青禾农业签署合作协议。今天天气很好。"


def _with_second() -> neural.Model:
    """The shipped network with a copy of itself as its second network."""
    import copy

    m = copy.copy(neural.model())
    m.second = copy.copy(neural.model())
    return m


def test_second_opinion_asks_only_about_unsure_sentences(monkeypatch):
    """With a second network (--accurate), only the sentences with a chosen label below
    UNSURE_BELOW are scored again, over a stretch that covers their unsure characters."""
    from kg.extract.doc import tokenize
    from kg.extract.labeller import split_sentences

    sentences, tokens = split_sentences(_MIXED), tokenize(_MIXED)
    unsure = [(offset, offset + len(chosen), np.flatnonzero(chosen < neural.UNSURE_BELOW) + offset)
              for offset, _, chosen in neural.tag(_MIXED, sentences, tokens) if chosen.min() < neural.UNSURE_BELOW]
    assert len(unsure) == 1 and len(sentences) == 3  # one unsure sentence, two sure ones
    m = _with_second()
    asked: list[tuple[int, int]] = []
    emissions = neural.Model.emissions

    def spy(self, ids, spans):
        if self is m.second:
            asked.extend(spans)
        return emissions(self, ids, spans)

    monkeypatch.setattr(neural.Model, "emissions", spy)
    neural.tag(_MIXED, sentences, tokens, m)
    ((lo, hi),) = asked
    ((start, end, low),) = unsure
    assert start <= lo <= low[0] and low[-1] < hi <= end


def test_second_opinion_of_the_same_network_changes_nothing(monkeypatch):
    """The mean of a network's label scores with its own over whole sentences is its scores: the
    labels and their probabilities come out as without a second opinion."""
    from kg.extract.doc import tokenize
    from kg.extract.labeller import split_sentences

    monkeypatch.setattr(neural, "CONTEXT", 10_000)  # the second network reads whole sentences
    sentences, tokens = split_sentences(_MIXED), tokenize(_MIXED)
    alone = neural.tag(_MIXED, sentences, tokens)
    twice = neural.tag(_MIXED, sentences, tokens, _with_second())
    assert any(chosen.min() < neural.UNSURE_BELOW for _, _, chosen in alone)  # so the second one is asked
    for (offset, labels, chosen), (offset2, labels2, chosen2) in zip(alone, twice):
        assert offset == offset2 and labels == labels2
        np.testing.assert_allclose(chosen, chosen2, atol=1e-6)


def test_accurate_labelling_loads_the_shipped_second_network():
    """kg build --accurate: the shipped second network shares the first one's vocabulary and labels."""
    from kg.extract.labeller import label_docs
    from kg.extract.doc import tokenize

    m = neural.model(second=True)
    assert m.second is not None and m.second.labels == m.labels and m.second.encoder is m.encoder
    assert neural.model().second is None  # the default stays one network
    (found,) = label_docs([(_MIXED, tokenize(_MIXED))], accurate=True)
    assert {_MIXED[s:e] for s, e, _, _ in found} >= {"国家统计局", "新华社"}


def test_int8_embedding_rows_read_as_their_scaled_values():
    """The shipped tables are int8 rows with a scale each; the network's inputs are those rows times
    their scales, as with the same tables stored dequantized."""
    import copy

    from kg.extract.doc import tokenize
    from kg.extract.labeller import split_sentences

    m = neural.model()
    assert all(t.dtype == np.int8 and s is not None for t, s in zip(m.tables, m.scales))
    plain = copy.copy(m)
    plain.tables = [m.embedding(j) for j in range(len(m.tables))]
    plain.scales = [None] * len(m.tables)
    ids = m.ids(_MIXED, tokenize(_MIXED))
    spans = [(offset, offset + len(sentence)) for offset, sentence in split_sentences(_MIXED)]
    np.testing.assert_allclose(m.emissions(ids, spans), plain.emissions(ids, spans), atol=1e-5)


def test_accurate_without_the_second_network_says_so(monkeypatch, tmp_path):
    """A broken install without labeller2.* gets a clear error, not a traceback."""
    from kg.errors import KgError

    monkeypatch.setattr(neural, "data_file", lambda *parts: tmp_path.joinpath(*parts))
    neural.model.cache_clear()
    try:
        with pytest.raises(KgError, match="second labelling network is not installed.*labeller2.npz"):
            neural.model(second=True)
    finally:
        neural.model.cache_clear()
