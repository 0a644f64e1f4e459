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
    assert cache.cached("g", sources, lambda: None) == plain


def test_jieba_tag_table_is_jiebas_own(tmp_path):
    """In a fresh interpreter (so jieba.posseg is first imported by kg), cold and warm cache."""
    script = """
import jieba, sys
from kg.extract.segmenter import posseg
tagger = posseg()
import jieba.posseg
assert tagger is jieba.posseg.dt
reference = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
reference.load_word_tag(jieba.dt.get_dict_file())  # what ``import jieba.posseg`` reads itself
assert tagger.word_tag_tab == reference.word_tag_tab and len(reference.word_tag_tab) > 300000
assert [(p.word, p.flag) for p in tagger.cut("重庆市江北区", HMM=False)] == [("重庆市", "ns"), ("江北区", "ns")]
"""
    env = {**os.environ, "KG_CACHE_DIR": str(tmp_path)}
    for _ in ("cold", "warm"):
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.glob("jieba-tags-*.marshal"))) == 1
