from __future__ import annotations

import codecs

import pytest

from kg.errors import InputError
from kg.read import decode, find_files, read

TEXT = "重庆青禾电子科技有限公司在青山区云岭街道启动“绿芯工坊”计划。"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8-sig", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("gb18030", TEXT.encode("gb18030")),
        ("gbk", TEXT.encode("gbk")),
        ("big5", "臺灣大學圖書館與新竹科學園區合作推出閱讀計畫。".encode("big5")),
        ("utf-16", TEXT.encode("utf-16")),
        ("utf-16-le", TEXT.encode("utf-16-le")),
        ("utf-16-be", TEXT.encode("utf-16-be")),
    ],
)
def test_read_decodes_encodings(tmp_path, encoding, data):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(data)
    (source,) = read(path)
    expected = "臺灣大學圖書館與新竹科學園區合作推出閱讀計畫。" if encoding == "big5" else TEXT
    assert source.text == expected


def test_read_normalizes_line_endings(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行\r\n第二行\r第三行".encode("utf-8"))
    assert read(path)[0].text == "第一行\n第二行\n第三行"


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary file, not text"),
    ],
)
def test_read_rejects_bad_files_with_one_line(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read(path)
    message = str(info.value)
    assert message.startswith(str(path) + ": ")
    assert "\n" not in message
    if problem:
        assert message.endswith(problem)


def test_read_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "nope.txt")


def test_read_undecodable_names_the_encodings():
    with pytest.raises(InputError, match="not UTF-8, GB18030, Big5 or UTF-16 text"):
        decode(b"\x81\xff\xfe\x80" * 100, "x.txt")


def test_read_jsonl_keeps_good_lines_and_reports_bad_ones(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text(
        '{"id": "a", "text": "第一篇。", "date": "20240501", "title": "标题"}\n'
        "not json\n"
        '{"id": "c"}\n'
        '{"id": "d", "text": "第四篇。"}\n',
        encoding="utf-8",
    )
    problems: list[InputError] = []
    sources = read(path, problems)
    assert [s.id for s in sources] == ["a", "d"]
    assert dict(sources[0].meta) == {"title": "标题", "date": "20240501"}
    assert [str(p) for p in problems] == [
        f"{path}: line 2 is not JSON (Expecting value)",
        f'{path}: line 3 has no "text" field',
    ]


def test_find_files_searches_folders_recursively(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("一", encoding="utf-8")
    (tmp_path / "a" / "two.md").write_text("二", encoding="utf-8")
    (tmp_path / "three.jsonl").write_text('{"text": "三"}', encoding="utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    names = sorted(p.name for p in find_files([tmp_path]))
    assert names == ["one.txt", "three.jsonl", "two.md"]
    with pytest.raises(InputError, match="no such file or folder"):
        list(find_files([tmp_path / "missing"]))
