from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main

from conftest import FIXTURES, ROOT


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run("build", str(FIXTURES / "page.txt"), "-o", f"{out}/")
    return out, result


def test_cli_build_folder_writes_turtle_html_and_summary(built):
    out, result = built
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "summary.txt"]
    assert len(Graph().parse(out / "graph.ttl")) > 50
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    assert "articles: 2" in summary and "Person:" in summary and "org:memberOf:" in summary


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".nt", ".nq", ".jsonld"])
def test_cli_build_format_by_extension(tmp_path, suffix):
    out = tmp_path / f"graph{suffix}"
    result = run("build", str(FIXTURES / "page.txt"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_cli_build_bad_inputs_one_line_each_and_the_rest_is_built(tmp_path):
    good = tmp_path / "good.txt"
    shutil.copy(FIXTURES / "page.txt", good)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "garbled.txt").write_bytes(b"\x81\xff\xfe\x80" * 20)
    (tmp_path / "folder.txt").mkdir()
    out = tmp_path / "graph.ttl"
    result = run("build", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"),
                 str(tmp_path / "garbled.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "folder.txt"), "-o", str(out))
    assert result.exit_code == 1
    errors = [l for l in result.output.splitlines() if l.startswith("Error:")]
    assert errors == [
        f"Error: {tmp_path / 'empty.txt'}: empty file",
        f"Error: {tmp_path / 'binary.txt'}: binary file, not text",
        f"Error: {tmp_path / 'garbled.txt'}: not UTF-8, GB18030, Big5 or UTF-16 text",
        f"Error: {tmp_path / 'missing.txt'}: no such file or folder",
    ]
    assert "Traceback" not in result.output
    assert "skipped 4 of" in result.output
    assert len(Graph().parse(out)) > 50  # the good file is still built


def test_cli_build_unknown_extension_fails_before_work(tmp_path):
    result = run("build", str(FIXTURES / "page.txt"), "-o", str(tmp_path / "graph.xyz"))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "--format" in result.output


def test_cli_extract_jsonl_contract(tmp_path):
    src = tmp_path / "in.jsonl"
    texts = ["青山区经济和信息化委员会副主任孟雪松表示,将继续推进。", "江津区在白沙镇东华社区建成“老街书房”。",
             "印巴两国外长昨天在日内瓦会谈。"]
    src.write_text("\n".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(texts)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(src), "-o", str(out), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["0", "1", "2"]
    for record, text in zip(records, texts):
        assert record["text"] == text
        for e in record["entities"]:
            assert text[e["start"]:e["end"]] == e["text"]
            assert e["type"] in {"Organization", "Place", "Person", "Initiative"}
    assert {"type": "Person", "text": "孟雪松"}.items() <= next(e for e in records[0]["entities"] if e["text"] == "孟雪松").items()
    # one-character places that kg resolves to no node are written as references, in text order
    assert [(e["text"], e.get("reference", False)) for e in records[2]["entities"]] == [
        ("印", True), ("巴", True), ("日内瓦", False)]
    result = run("extract", str(src), "-o", str(out), "--no-references")
    assert result.exit_code == 0, result.output
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [e["text"] for e in records[2]["entities"]] == ["日内瓦"]


def test_cli_extract_is_flat_unless_asked_for_nested_names(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("公司与日本东和医疗器械株式会社签约。家住石龙村6组的村民说。", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert run("extract", str(src), "-o", str(out)).exit_code == 0
    flat = [(e["text"], e.get("nested", False)) for e in json.loads(out.read_text(encoding="utf-8"))["entities"]]
    assert ("日本东和医疗器械株式会社", False) in flat and ("石龙村6组", False) in flat
    assert not {"日本", "石龙村"} & {text for text, _ in flat}  # one reading, as NER corpora annotate
    assert run("extract", str(src), "-o", str(out), "--nested").exit_code == 0
    nested = [(e["text"], e.get("nested", False)) for e in json.loads(out.read_text(encoding="utf-8"))["entities"]]
    assert {("日本", True), ("石龙村", True), ("日本东和医疗器械株式会社", False)} <= set(nested)


def test_cli_extract_and_build_accurate(tmp_path):
    """--accurate (a second labelling network for unsure sentences) writes the same kind of output."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "据新华社报道，岚溪智能与青禾农业在青山区签署合作协议。"}, ensure_ascii=False),
                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", str(src), "-o", str(out), "--accurate")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert {e["text"] for e in record["entities"]} >= {"新华社", "青山区"}
    result = run("build", "--accurate", str(src), "-o", str(tmp_path / "g.ttl"))
    assert result.exit_code == 0, result.output
    assert "新华社" in (tmp_path / "g.ttl").read_text(encoding="utf-8")


def test_cli_query_named_and_formats(built):
    out, _ = built
    result = run("query", str(out / "graph.ttl"), "members", "--format", "csv")
    assert result.exit_code == 0
    assert "孟雪松,副主任,青山区经济和信息化委员会" in result.output
    result = run("query", str(out / "graph.ttl"), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert re.search(r"\(1 row\)", result.output)


def test_cli_query_errors_are_one_line(built, tmp_path):
    out, _ = built
    result = run("query", str(out / "graph.ttl"), "SELECT WHERE {")
    assert result.exit_code == 1 and result.output.startswith("Error: SPARQL")
    result = run("query", str(tmp_path / "none.ttl"), "members")
    assert result.exit_code == 1 and result.output == f"Error: {tmp_path / 'none.ttl'}: no such file\n"


def test_cli_render_from_graph(built, tmp_path):
    out, _ = built
    result = run("render", str(out / "graph.ttl"), "-o", str(tmp_path / "g.html"), "--types", "Organization,Person")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "g.html").read_text(encoding="utf-8")
    data = json.loads(html.split('id="kg-data">', 1)[1].split("</script>", 1)[0])
    labels = {node["label"] for node in data["vis"]["nodes"]}
    assert "孟雪松" in labels and "青山区经济和信息化委员会" in labels
    assert "绿芯工坊" not in labels  # an initiative, filtered out


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
        self.handlers += [k for k, _ in attrs if k.startswith("on")]


def test_cli_build_escapes_hostile_names_in_html(tmp_path):
    result = run("build", str(FIXTURES / "hostile.txt"), "-o", f"{tmp_path}/")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    parser = _Scripts()
    parser.feed(html)
    assert not parser.handlers
    assert all(s.get("type") in (None, "application/json") for s in parser.scripts)
    assert "<img src=x" not in html and "</script><script>alert" not in html
    assert html.count("</script>") == len(parser.scripts)


def test_cli_every_command_has_help_and_a_readme_entry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert f"kg {name}" in readme, name
        assert run(name, "--help").exit_code == 0
