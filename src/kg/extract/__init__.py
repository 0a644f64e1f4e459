"""extract(article) -> Extraction: the components that find mentions, then relations and facts.
extract_many(articles) does the same for several articles, running the labeller on all at once.

The component table maps names to ``module:function``; each function takes the article's Doc and
returns candidate Mentions. Candidates are reconciled into one reading, then the relation and fact
rules run over it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from importlib import import_module

from ..records import Article, Extraction, Mention
from .doc import Doc, make_doc, tokenize
from .facts import find_facts
from .lexicon import landmarks_unread, split_place_chain  # noqa: F401  (split_place_chain re-exported for callers of kg.extract)
from .mentions import (bodies_joined, bodies_of_places, brand_stores, bodies_read_late, bodies_read_short, heads_after_quotes, people_read_short, projects_read_short, line_phases, check_with_labeller, places_inside_names, headline_place_pairs, headline_places, village_groups, initiative_tails,
                       headquarters_of_named, names_in_nicknames, names_inside, one_kind_per_name, owned_places, people_before_titles, paired_abbreviations, parents_of_units, people_without_adverbs, reconcile, units_of_named,
                       village_clinics)
from .relations import find_relations
from .rules import bracketed_short_forms, listed_organizations, listed_people, listed_units, party_branches, short_forms, units_after_names
from .spans import (  # noqa: F401  (the labeller's reading, re-exported for callers of kg.extract)
    REFERENCE, abbreviation_in_word, coordinated, labelled, place_abbreviations, split_joined,
)

_LABELLER = "kg.extract.spans:labelled"
COMPONENTS: dict[str, str] = {
    "bylines": "kg.extract.rules:bylines",
    "photo_credits": "kg.extract.rules:photo_credits",
    "quoted": "kg.extract.rules:quoted",
    "programmes": "kg.extract.rules:programmes",
    "events": "kg.extract.rules:events",
    "edition_events": "kg.extract.rules:edition_events",
    "decisions": "kg.extract.rules:decisions",
    "titled_plans": "kg.extract.rules:titled_plans",
    "titled_shows": "kg.extract.rules:titled_shows",
    "place_led_names": "kg.extract.rules:place_led_names",
    "enumerations": "kg.extract.rules:enumerations",
    "suffix_names": "kg.extract.lexicon:suffix_names",
    "latin_names": "kg.extract.latin_names:latin_names",
    "gazetteer": "kg.extract.lexicon:gazetteer_places",
    "labeller": _LABELLER,
    "titled_people": "kg.extract.rules:titled_people",
}


@cache
def component(name: str) -> Callable[[Doc], list[Mention]]:
    module, _, function = COMPONENTS[name].partition(":")
    return getattr(import_module(module), function)


def extract(article: Article, components: tuple[str, ...] | None = None, accurate: bool = False) -> Extraction:
    """Find the mentions, relations and facts of one article (accurate: see :func:`extract_many`)."""
    return extract_many([article], components, accurate)[0]


def extract_many(articles: Sequence[Article], components: tuple[str, ...] | None = None,
                 accurate: bool = False) -> list[Extraction]:
    """:func:`extract` for each of articles; the labeller reads all of them in one pass (the
    network runs much faster on many sentences at once).  accurate: the labeller asks its second
    network about the sentences it is unsure of (more accurate, slower; see MODEL_CARD.md)."""
    names = components or tuple(COMPONENTS)
    tokens = [tokenize(article.text) for article in articles]  # jieba's words, as the labeller reads them
    docs = [make_doc(article, words) for article, words in zip(articles, tokens)]
    if "labeller" in names and COMPONENTS.get("labeller") == _LABELLER:
        from .labeller import label_docs

        labels = label_docs([(doc.text, words) for doc, words in zip(docs, tokens)], accurate=accurate)
        docs = [replace(doc, labels=tuple(found)) for doc, found in zip(docs, labels)]
    return [_extract_doc(doc, names) for doc in docs]


def _extract_doc(doc: Doc, names: tuple[str, ...]) -> Extraction:
    candidates: list[Mention] = []
    for name in names:
        candidates.extend(component(name)(doc))
    references = [m for m in candidates if m.by == REFERENCE]
    candidates = check_with_labeller([m for m in candidates if m.by != REFERENCE])
    mentions = party_branches(doc, reconcile(candidates))
    mentions = reconcile(mentions + tuple(short_forms(doc, mentions)))
    mentions = reconcile(mentions + tuple(listed_people(doc, mentions)) + tuple(listed_organizations(doc, mentions))
                         + tuple(listed_units(doc, mentions)) + tuple(units_after_names(doc, mentions)))
    mentions = one_kind_per_name(doc.text, owned_places(doc.text, headline_places(doc.text, headline_place_pairs(doc.text, bracketed_short_forms(doc, mentions)))))
    mentions = bodies_of_places(units_of_named(references, mentions))
    mentions = headquarters_of_named(parents_of_units(names_inside(initiative_tails(mentions), candidates)))
    mentions = people_without_adverbs(places_inside_names(village_clinics(doc.text, village_groups(doc, mentions))))
    mentions = people_before_titles(doc.text, line_phases(doc.text, bodies_read_late(doc.text, mentions)))
    mentions = people_read_short(doc.text, projects_read_short(doc.text, heads_after_quotes(doc.text, mentions)))
    mentions = names_in_nicknames(doc.text, brand_stores(doc.text, bodies_read_short(doc.text, mentions)))
    mentions = landmarks_unread(doc, bodies_joined(mentions), references)
    if paired := paired_abbreviations(mentions):  # 中|欧班列: written as references, no nodes
        mentions = tuple(m for m in mentions if m not in paired)
        referred = {(r.start, r.end) for r in references}
        references += [replace(m, by=REFERENCE) for m in paired if (m.start, m.end) not in referred]
    return Extraction(
        article=doc.article,
        mentions=mentions,
        references=tuple(r for r in references if not any(m.start < r.end and r.start < m.end for m in mentions)),
        relations=find_relations(doc, mentions),
        facts=find_facts(doc, mentions),
        sentences=doc.sentences,
    )
