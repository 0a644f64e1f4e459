"""The start-up cache: reuse, invalidation by source content, damage, and the switch."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import cache


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "source.txt"
    path.write_text("甲\n乙\n", "utf-8")
    return path


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_second_call_reads_the_cache(tmp_path, source, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    build, calls = counting({"a": (1, "二"), "s": frozenset({"x"})})
    assert cache.cached("t", [source], build) == {"a": (1, "二"), "s": frozenset({"x"})}
    assert cache.cached("t", [source], build) == {"a": (1, "二"), "s": frozenset({"x"})}
    assert len(calls) == 1
    assert len(list((tmp_path / "c").glob("t-*.marshal"))) == 1


def test_changed_source_rebuilds_and_replaces_the_old_file(tmp_path, source, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    assert cache.cached("t", [source], lambda: 1) == 1
    source.write_text("甲\n丙\n", "utf-8")
    assert cache.cached("t", [source], lambda: 2) == 2
    assert len(list((tmp_path / "c").glob("t-*.marshal"))) == 1


def test_damaged_file_is_rebuilt(tmp_path, source, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    cache.cached("t", [source], lambda: [1, 2])
    (file,) = (tmp_path / "c").glob("t-*.marshal")
    file.write_bytes(b"\x00garbage")
    assert cache.cached("t", [source], lambda: [3]) == [3]


def test_switched_off_and_unwritable(tmp_path, source, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    build, calls = counting(5)
    assert cache.cached("t", [source], build) == cache.cached("t", [source], build) == 5
    assert len(calls) == 2
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "sub"))  # a folder below a file: cannot exist
    assert cache.cached("t", [source], lambda: 6) == 6


def test_gazetteer_is_the_same_with_and_without_cache(tmp_path, monkeypatch):
    from kg import gazetteer

    monkeypatch.setenv("KG_CACHE_DIR", "")
    plain = gazetteer._tables()
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    sources = [tmp_path / "none"]
    sources[0].write_text("")
    cache.cached("g", sources, gazetteer._tables)
    stub = lambda: None  # noqa: E731  (read back: a builder of the same module finds the table)
    stub.__module__ = gazetteer.__name__
    assert cache.cached("g", sources, stub) == plain


def test_new_code_builds_the_table_anew(tmp_path, monkeypatch):
    """The cache key holds the builder's module file: a table built by one version of the code is not
    read by another."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "c"))
    sources = [tmp_path / "data"]
    sources[0].write_text("x")
    module = tmp_path / "builder_mod.py"
    monkeypatch.syspath_prepend(str(tmp_path))
    import importlib

    module.write_text("def build():\n    return 1\n")
    import builder_mod

    assert cache.cached("t", sources, builder_mod.build) == 1
    module.write_text("def build():\n    return 2  # new code\n")
    builder_mod = importlib.reload(builder_mod)
    assert cache.cached("t", sources, builder_mod.build) == 2


def test_segmenter_cuts_exactly_as_jieba_posseg(tmp_path):
    """In a fresh interpreter (cold, then warm cache): the same words and tags as jieba.posseg with the
    HMM off, on news text with digits, Latin letters, spaces and punctuation; jieba.posseg itself
    is never imported by kg."""
    script = """
import sys
from kg.extract.segmenter import cut, jieba_tags
text = ("重庆市江北区2024年GDP增长5.6%，iPhone 15 在  A座\\r\\n发布。海尔集团、C#和c++工程师\\t"
        "与3D打印企业签约；ABC公司的X光机 a1b2 ＡＢＣ１２３ 第1季度！")
mine = list(cut(text))
assert "jieba.posseg" not in sys.modules
import jieba.posseg
reference = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
reference.tokenizer = jieba.dt
reference.load_word_tag(jieba.dt.get_dict_file())
assert jieba_tags() == reference.word_tag_tab and len(jieba_tags()) > 300000
assert mine == [(p.word, p.flag) for p in reference.cut(text, HMM=False)], mine
assert "".join(w for w, _ in mine) == text
"""
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    for _ in ("cold", "warm"):
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.glob("jieba-packed-*.marshal"))) == 1


def test_segmenter_uses_a_tokenizer_set_up_before(tmp_path):
    """A jieba tokenizer initialised before kg cuts (with a word added) gives the frequencies."""
    script = """
import jieba
jieba.initialize()
jieba.add_word("青禾模具", 100000)
from kg.extract.segmenter import cut
assert ("青禾模具", "x") in list(cut("重庆青禾模具公司")), list(cut("重庆青禾模具公司"))
assert ("重庆", "ns") in list(cut("重庆青禾模具公司"))
"""
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_rules_read_words_of_recent_news_whole_and_the_labeller_reads_jiebas_cut():
    """news_words.tsv: words() and word_tags() join and tag them (文旅/n, 康养/vn); cut() and
    jieba_tags() stay jieba's; a doc's tokens are joined, the labeller's are not."""
    from kg.extract.doc import make_doc, tokenize
    from kg.extract.segmenter import cut, jieba_tags, jieba_words, word_tags, words
    from kg.records import Article

    text = "区文旅委开展森林康养研学活动"
    assert ("文旅", "n") in words(text) and ("康养", "vn") in words(text) and ("研学", "vn") in words(text)
    assert list(cut(text)) == jieba_words(text) and ("文", "n") in jieba_words(text)
    assert word_tags().get("康养") == "vn" and "康养" in word_tags() and jieba_tags().get("康养") is None
    assert "".join(w for w, _ in words(text)) == text
    doc = make_doc(Article(id="t", text=text))
    assert [t.text for t in doc.tokens][:3] == ["区", "文旅", "委"]
    assert [t.text for t in tokenize(text)][:3] == ["区", "文", "旅"]
    assert all(a.end == b.start for a, b in zip(doc.tokens, doc.tokens[1:]))
