"""The only module that reaches packaged data files (lexicons, models, ontology, queries)."""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """A file under ``kg/data``."""
    node = files("kg.data")
    for part in parts:
        node = node / part
    return node


def ontology_file(*parts: str) -> Traversable:
    """A file under the shipped ontology folder (``ontology/`` in the repository)."""
    node = files("kg.ontology")
    for part in parts:
        node = node / part
    return node


def _lines(node: Traversable) -> list[str]:
    text = node.read_text("utf-8")
    return [s for s in map(str.strip, text.splitlines()) if s and not s.startswith("#")]


@cache
def lexicon(name: str) -> frozenset[str]:
    """The entries of ``data/lexicons/NAME.txt``: one a line, ``#`` starts a comment line."""
    return frozenset(_lines(data_file("lexicons", f"{name}.txt")))


@cache
def lexicon_list(name: str) -> tuple[str, ...]:
    """Like :func:`lexicon` but in file order (for suffix lists where order matters)."""
    return tuple(_lines(data_file("lexicons", f"{name}.txt")))


@cache
def longest_first(name: str) -> tuple[str, ...]:
    """The entries of a lexicon, longest first, for matchers that must prefer the longest entry."""
    return tuple(sorted(dict.fromkeys(lexicon_list(name)), key=len, reverse=True))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated ``data/lexicons/NAME.tsv`` (comments and blank lines skipped; empty
    trailing fields kept)."""
    text = data_file("lexicons", f"{name}.tsv").read_text("utf-8")
    return tuple(
        tuple(line.rstrip("\r").split("\t"))
        for line in text.split("\n")
        if line.strip() and not line.startswith("#")
    )


def named_queries() -> dict[str, str]:
    """The example queries shipped in ``ontology/queries``: name → SPARQL text."""
    folder = ontology_file("queries")
    return {
        node.name[: -len(".rq")]: node.read_text("utf-8")
        for node in sorted(folder.iterdir(), key=lambda n: n.name)
        if node.name.endswith(".rq")
    }
