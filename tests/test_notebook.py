"""notebooks/explore.ipynb runs from top to bottom and every step shows something.

The notebook is executed by nbclient in a python3 kernel from ipykernel, with notebooks/ as the
working folder (the notebook finds examples/ by walking up to pyproject.toml). jupyter_client
starts a kernel whose command is ``python`` with ``sys.executable``, so the kernel runs in the
interpreter running the tests; the first cell prints it and the test checks that.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel")
pytest.importorskip("matplotlib")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


@pytest.fixture(scope="module")
def executed():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    return notebook


def cell(notebook, tag: str):
    found = [c for c in notebook.cells if tag in c.metadata.get("tags", [])]
    assert len(found) == 1, f"one cell tagged {tag!r} expected"
    return found[0]


def stdout(notebook, tag: str) -> str:
    return "".join(o.text for o in cell(notebook, tag).outputs if o.output_type == "stream" and o.name == "stdout")


def rows(notebook, tag: str) -> int:
    """The row count a table cell printed: "(12 rows)" or "(34 rows, 9 not shown)"."""
    found = re.findall(r"^\((\d+) rows", stdout(notebook, tag), flags=re.M)
    assert found, f"no table in the output of {tag!r}"
    return int(found[-1])


def test_no_cell_failed(executed):
    for c in executed.cells:
        if c.cell_type == "code":
            assert not [o for o in c.outputs if o.output_type == "error"]
            assert c.execution_count is not None


def test_kernel_is_this_interpreter(executed):
    printed = re.search(r"^python: (.+)$", stdout(executed, "setup"), flags=re.M).group(1).strip()
    assert printed == sys.executable or Path(printed).resolve() == Path(sys.executable).resolve()


def test_built_every_example(executed):
    out = stdout(executed, "build")
    match = re.search(r"(\d+) articles from (\d+) files", out)
    assert match, out
    articles, files = map(int, match.groups())
    inputs = [p for p in (ROOT / "examples").iterdir() if p.suffix in {".txt", ".md", ".jsonl"} and p.name != "README.md"]
    assert files == len(inputs)
    assert articles > files  # the page file and wire.jsonl hold several articles each
    assert "problems: none" in out


def test_counts(executed):
    out = stdout(executed, "counts")
    for kind in ("Organization", "Place", "Person", "Initiative", "NewsArticle"):
        assert re.search(rf"^{kind}\s+\|\s+[1-9]", out, flags=re.M), kind
    assert rows(executed, "counts") >= 1


@pytest.mark.parametrize("tag", ["members", "located", "initiatives", "evidence"])
def test_query_tables_have_rows(executed, tag):
    assert rows(executed, tag) > 0


def test_members_have_posts(executed):
    lines = stdout(executed, "members").splitlines()[2:]  # past the header and its rule
    posts = [line.split("|")[1].strip() for line in lines if line.count("|") == 2]
    assert any(posts)


def test_evidence_rows_quote_sentences(executed):
    lines = [l for l in stdout(executed, "evidence").splitlines()[2:] if l.count("|") == 3]
    assert lines and all(l.rsplit("|", 1)[1].strip() for l in lines)


def test_network_and_communities(executed):
    match = re.search(r"(\d+) nodes, (\d+) edges", stdout(executed, "network"))
    assert match and int(match.group(1)) > 0 and int(match.group(2)) > 0
    assert "most connected" in stdout(executed, "network")
    assert re.search(r"^community 1 \(\d+\): \S", stdout(executed, "communities"), flags=re.M)


def test_plot_is_inline(executed):
    images = [o for o in cell(executed, "plot").outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
