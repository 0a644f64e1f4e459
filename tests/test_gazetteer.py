"""Tests of kg.gazetteer: the lexicon ships in the package, so nothing here needs ../shared."""
from __future__ import annotations

import time

import pytest

from kg import gazetteer as gz
from kg.gazetteer import Division


@pytest.mark.parametrize(
    ("name", "code", "level", "parent"),
    [
        ("江津区", "500116", 3, "500000"),  # district of a municipality hangs under the province
        ("海淀区", "110108", 3, "110000"),
        ("拱墅区", "330105", 3, "330100"),
        ("杭州市", "330100", 2, "330000"),
        ("浙江省", "330000", 1, None),
        ("东莞市", "441900", 2, "440000"),  # prefecture-level city without counties
    ],
)
def test_lookup_full_name(name, code, level, parent):
    assert gz.lookup(name) == [Division(code, name, level, parent)]


@pytest.mark.parametrize(
    ("short", "full"),
    [("重庆", "重庆市"), ("内蒙古", "内蒙古自治区"), ("恩施", "恩施土家族苗族自治州"), ("海淀", "海淀区")],
)
def test_lookup_short_name(short, full):
    assert full in [d.name for d in gz.lookup(short)]
    assert short in gz.short_names(gz.lookup(full)[0])


def test_lookup_ambiguous_and_unknown():
    assert len(gz.lookup("白沙镇")) > 5
    assert {d.level for d in gz.lookup("白沙镇")} == {4}
    assert [d.name for d in gz.lookup("江北")] == ["江北区", "江北区"]
    assert gz.lookup("不存在的地方") == []


def test_no_villages_and_levels():
    idx = gz._index()
    assert {level for _name, level, _parent in idx.rows.values()} == {1, 2, 3, 4}
    assert gz.lookup("北新村") == []  # a village under 上海 嘉定区 华亭镇
    assert len([r for r in idx.rows.values() if r[1] == 1]) == 34


@pytest.mark.parametrize(
    ("code", "chain"),
    [
        ("500116108", ["江津区", "重庆市"]),  # 白沙镇, 江津区, 重庆
        ("330106", ["杭州市", "浙江省"]),
    ],
)
def test_ancestors(code, chain):
    division = gz.get(code)
    assert division is not None
    assert [d.name for d in gz.ancestors(division)] == chain
    assert gz.ancestors(gz.lookup("浙江省")[0]) == []


@pytest.mark.parametrize(
    ("name", "context", "code"),
    [
        ("白沙镇", ["江津区"], "500116108"),
        ("白沙镇", ["江津区", "重庆"], "500116108"),
        ("白沙镇", ["南川区"], "500119107"),
        ("白沙镇", [], None),  # 24 of them
        ("白沙镇", ["重庆"], None),  # two in 重庆: still ambiguous
        ("江北区", ["宁波"], "330205"),
        ("江北区", ["重庆市", "渝中区"], "500105"),
        ("朝阳", ["北京"], "110105"),
        ("朝阳", [], "211300"),  # short name: the prefecture-level city wins
        ("吉林", [], "220000"),  # the province over the city
        ("江津区", [], "500116"),  # unique match wins without context
        ("不存在", ["北京"], None),
    ],
)
def test_resolve(name, context, code):
    got = gz.resolve(name, context)
    assert (got.code if got else None) == code


def test_find_offsets():
    text = "记者从重庆市江津区白沙镇了解到，浙江杭州和美国、大韩民国的客人将于明天抵达。"
    hits = gz.find(text)
    assert hits == [
        (3, 6, "重庆市"),
        (6, 9, "江津区"),
        (9, 12, "白沙镇"),
        (16, 18, "浙江"),
        (18, 20, "杭州"),
        (21, 23, "美国"),
        (24, 28, "大韩民国"),
    ]
    for start, end, name in hits:
        assert text[start:end] == name


@pytest.mark.parametrize(
    "text",
    ["双方加强合作，维护和平与发展，开发资源。", "中方愿同各方一道，推动东方文明交流。", "以色列国防军和日本国会。"],
)
def test_find_skips_common_words(text):
    assert [h[2] for h in gz.find(text) if h[2] not in ("以色列", "日本")] == []


def test_find_longest_match_and_empty():
    assert gz.find("内蒙古自治区") == [(0, 6, "内蒙古自治区")]
    assert gz.find("") == []
    assert gz.find("京") == []


def test_find_remembers_a_batch_of_articles():
    texts = [f"第{i}篇：记者从湖州市吴兴区织里镇了解到，浙江杭州的客人将于明天抵达。" + "。" * 64 for i in range(gz._KEPT + 1)]
    first = gz.find(texts[0])
    first.append((0, 0, "changed by the caller"))  # a copy: what a caller does to it is not remembered
    assert gz.find(texts[0]) == first[:-1]
    for text in texts[1:]:
        gz.find(text)
    assert texts[0] not in gz._found and texts[1] in gz._found  # the oldest goes first
    assert len(gz._found) == gz._KEPT
    assert gz.find(texts[0]) == first[:-1] and first[0] == (7, 10, "湖州市")


def test_find_remembers_a_bounded_number_of_characters(monkeypatch):
    monkeypatch.setattr(gz, "_KEPT_CHARS", 300)
    gz._found.clear()
    texts = [f"{i}" + "湖州市吴兴区" * 20 for i in range(3)]  # 121 characters each
    for text in texts:
        assert gz.find(text)[0] == (1, 4, "湖州市")
    assert list(gz._found) == texts[1:]  # two fit in 300 characters: the oldest went
    gz.find("吴兴区" * 200)  # longer than all that may be kept: found, not remembered
    assert list(gz._found) == texts[1:]


def test_find_speed():
    text = "国务院总理今天在北京会见了来访的法国总统，双方就推动中法合作交换了意见。" * 3000
    gz.find(text[:100])  # load
    t = time.perf_counter()
    gz.find(text)
    rate = len(text) / (time.perf_counter() - t)
    assert rate > 300_000  # ≥ 1 M chars/s measured on news; loose bound for slow CI


@pytest.mark.parametrize(
    ("name", "expected"),
    [("美国", True), ("美利坚合众国", True), ("大韩民国", True), ("中国", True), ("刚果(金)", True),
     ("北京", False), ("亚洲", False), ("东京", False), ("", False)],
)
def test_is_country(name, expected):
    assert gz.is_country(name) is expected


def test_country_canonical_and_find():
    assert gz.country("中华人民共和国") == "中国"
    assert [h[2] for h in gz.find("他从东京出发，经欧洲抵达巴西。")] == ["东京", "欧洲", "巴西"]


def test_resolve_unique_township_needs_a_related_context():
    """A township name that the text places under other divisions is not taken for the only
    township of that name elsewhere; with its own county (or no context) it is."""
    (only,) = gz.lookup("朝阳社区")
    county = gz.ancestors(only)[0]
    assert gz.resolve("朝阳社区", ["吴兴区"]) is None  # a 朝阳社区 of 湖州, not of 安徽
    assert gz.resolve("朝阳社区", [county.name]) == only
    assert gz.resolve("朝阳社区") == only


@pytest.mark.parametrize(("short", "full"), [("恩施州", "恩施土家族苗族自治州"), ("彭水县", "彭水苗族土家族自治县")])
def test_an_autonomous_division_by_its_short_name_and_level(short, full):
    assert [d.name for d in gz.lookup(short)] == [full]
