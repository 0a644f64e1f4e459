"""The trained entity labeller: real behaviour on hand-written sentences."""
from __future__ import annotations

import pytest

from kg.extract import labeller
from kg.extract.labeller import label, label_many, split_sentences
from kg.records import Kind


@pytest.fixture(scope="session", autouse=True)
def _loaded():
    label("预热。")  # the model loads once for the whole session


def _found(text: str) -> dict[str, Kind]:
    return {text[s:e]: k for s, e, k, _ in label(text)}


def test_empty_and_blank():
    assert label("") == []
    assert label("   \n\n") == []
    assert label_many([]) == []
    assert label_many(["", ""]) == [[], []]


def test_person_company_district():
    text = "昨天上午，李建国在杭州市西湖区会见了浙江星辰科技有限公司的负责人。"
    found = _found(text)
    assert found.get("李建国") is Kind.PERSON
    assert found.get("浙江星辰科技有限公司") is Kind.ORG
    places = [m for m, k in found.items() if k is Kind.PLACE]
    assert any("西湖区" in m for m in places), found


def test_government_body_and_place():
    found = _found("国家统计局今天发布数据，广东省一季度经济增长较快。")
    assert found.get("国家统计局") is Kind.ORG
    assert found.get("广东省") is Kind.PLACE


def test_spans_are_ordered_non_overlapping_scored():
    text = "王小红和张志强一起从上海出发，前往成都参加四川大学的校庆活动。"
    spans = label(text)
    assert spans
    prev_end = 0
    for start, end, kind, score in spans:
        assert prev_end <= start < end <= len(text)
        assert isinstance(kind, Kind) and kind in (Kind.PERSON, Kind.PLACE, Kind.ORG)
        assert 0.0 <= score <= 1.0
        prev_end = end
    found = {text[s:e]: k for s, e, k, _ in spans}
    assert found.get("上海") is Kind.PLACE
    assert found.get("成都") is Kind.PLACE
    assert found.get("四川大学") is Kind.ORG


def test_offsets_map_back_in_long_multi_sentence_text():
    one = "李建国在杭州市西湖区会见了浙江星辰科技有限公司的负责人。"
    two = "国家统计局今天发布数据！\n广东省一季度经济增长较快；"
    text = (one + two) * 30 + "\n\n" + one
    spans = label(text)
    got = [text[s:e] for s, e, _, _ in spans]
    assert got.count("李建国") == 31
    assert got.count("国家统计局") == 30
    assert got.count("广东省") == 30
    # the same sentence gives the same spans wherever it sits in the text
    alone = [(s, e, k) for s, e, k, _ in label(one)]
    base = len(text) - len(one)
    tail = [(s - base, e - base, k) for s, e, k, _ in spans if s >= base]
    assert tail == alone


def test_label_many_matches_label():
    texts = ["李建国在杭州市西湖区工作。", "", "国家统计局今天发布数据。"]
    together, alone = label_many(texts), [label(t) for t in texts]
    assert [[span[:3] for span in spans] for spans in together] == [[span[:3] for span in spans] for spans in alone]
    for spans, others in zip(together, alone):  # the int8 LSTM's input scale is the batch's
        assert all(abs(a[3] - b[3]) < 2e-3 for a, b in zip(spans, others))


def test_split_sentences_covers_text():
    text = "第一句。第二句！\n第三句？没有结尾" + "很长" * 400
    parts = split_sentences(text)
    assert "".join(p for _, p in parts) == text
    for offset, piece in parts:
        assert text[offset : offset + len(piece)] == piece
        assert len(piece) <= 400


def test_model_meta_is_shipped():
    from kg.extract.neural import FILES

    meta = labeller.model_meta()
    assert meta["model"] == FILES["arrays"]
    assert meta["labels"][0] == "O" and len(meta["labels"]) == 13
    scores = meta["heldout_span_f1"]
    assert len(scores) == 3 and all(0.5 < s["f1"] <= 1 for s in scores.values())


def test_reuses_the_article_tokens():
    from kg.extract.doc import tokenize

    text = "昨天上午，李建国在杭州市西湖区会见了浙江星辰科技有限公司的负责人。国家统计局今天发布数据。"
    assert label(text, tokenize(text)) == label(text)


def test_bioes_round_trip():
    bio = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "I-LOC", "O", "I-ORG"]
    bioes = labeller.to_bioes(bio)
    assert bioes == ["B-PER", "E-PER", "O", "S-LOC", "B-LOC", "I-LOC", "E-LOC", "O", "S-ORG"]
    assert labeller.label_spans(bioes) == labeller.label_spans(bio) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 7, "LOC"), (8, 9, "ORG")]
