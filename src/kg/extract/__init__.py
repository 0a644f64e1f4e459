"""extract(article) -> Extraction: the components that find mentions, then relations and facts.

The component table maps names to ``module:function``; each function takes the article's Doc and
returns candidate Mentions. Candidates are reconciled into one reading, then the relation and fact
rules run over it.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module

from ..records import Article, Extraction, Mention
from .doc import Doc, make_doc
from .facts import find_facts
from .mentions import reconcile
from .relations import find_relations
from .rules import short_forms

COMPONENTS: dict[str, str] = {
    "bylines": "kg.extract.rules:bylines",
    "quoted": "kg.extract.rules:quoted",
    "suffix_names": "kg.extract.lexicon:suffix_names",
    "gazetteer": "kg.extract.lexicon:gazetteer_places",
    "labeller": "kg.extract:labelled",
    "titled_people": "kg.extract.rules:titled_people",
}


@cache
def component(name: str) -> Callable[[Doc], list[Mention]]:
    module, _, function = COMPONENTS[name].partition(":")
    return getattr(import_module(module), function)


def labelled(doc: Doc) -> list[Mention]:
    """Mentions from the trained sequence labeller (kg.extract.labeller)."""
    from .labeller import label

    return [
        Mention(doc.article.id, start, end, doc.text[start:end], kind, by="labeller", score=score)
        for start, end, kind, score in label(doc.text)
    ]


def extract(article: Article, components: tuple[str, ...] | None = None) -> Extraction:
    """Find the mentions, relations and facts of one article."""
    doc = make_doc(article)
    candidates: list[Mention] = []
    for name in components or tuple(COMPONENTS):
        candidates.extend(component(name)(doc))
    mentions = reconcile(candidates)
    mentions = reconcile(mentions + tuple(short_forms(doc, mentions)))
    return Extraction(
        article=article,
        mentions=mentions,
        relations=find_relations(doc, mentions),
        facts=find_facts(doc, mentions),
        sentences=doc.sentences,
    )
