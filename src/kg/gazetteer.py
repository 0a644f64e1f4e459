"""Chinese administrative divisions and world countries: lookup, disambiguation, text scan.

The data ships in the package (``data/lexicons/divisions.tsv``, ``countries.tsv`` and
``place_stop.txt``, built by ``scripts/build_gazetteer.py``) and is loaded lazily, once.

>>> from kg import gazetteer as gz
>>> [d.name for d in gz.ancestors(gz.resolve("白沙镇", ["江津区"]))]
['江津区', '重庆市']
>>> gz.find("重庆市江津区白沙镇")
[(0, 3, '重庆市'), (3, 6, '江津区'), (6, 9, '白沙镇')]
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kg.cache import cached
from kg.resources import data_file, lexicon, table

__all__ = [
    "Division",
    "LEVELS",
    "lookup",
    "get",
    "ancestors",
    "short_names",
    "resolve",
    "find",
    "is_country",
    "country",
]

#: level number -> label
LEVELS = {1: "province", 2: "prefecture", 3: "county", 4: "township"}


@dataclass(frozen=True, slots=True)
class Division:
    """One administrative division: ``level`` 1 province, 2 prefecture, 3 county, 4 township."""

    code: str
    name: str
    level: int
    parent: str | None


def _pad(row: tuple[str, ...], n: int) -> tuple[str, ...]:
    return row if len(row) >= n else row + ("",) * (n - len(row))


_AUTONOMOUS = ("自治州", "自治县", "自治旗")


def _tables() -> dict:
    """The index as plain values (cached by :mod:`kg.cache`): divisions by code, codes by full and
    short name, short forms, countries and the :func:`find` vocabulary with its prefix table."""
    rows: dict[str, tuple[str, int, str | None]] = {}
    shorts: dict[str, tuple[str, ...]] = {}
    by_name: dict[str, list[str]] = {}
    by_short: dict[str, list[str]] = {}
    # resources.table() strips lines, so trailing empty columns may be missing: pad.
    for code, name, short, level, parent in (_pad(r, 5) for r in table("divisions")):
        rows[code] = (name, int(level), parent or None)
        by_name.setdefault(name, []).append(code)
        forms = tuple(s for s in short.split("/") if s)
        if name.endswith(_AUTONOMOUS):  # 果洛州 for 果洛藏族自治州, 某某县 for 某某土家族自治县
            forms += tuple(f + name[-1] for f in forms if not name.startswith(f + name[-1]))
        if forms:
            shorts[code] = forms
            for s in forms:
                by_short.setdefault(s, []).append(code)

    # countries.tsv: name kind aliases region -> surface form -> (canonical name, kind, region)
    countries: dict[str, tuple[str, str, str]] = {}
    for name, kind, aliases, region in (_pad(r, 4) for r in table("countries")):
        for form in (name, *filter(None, aliases.split("|"))):
            countries.setdefault(form, (name, kind, region))

    # find() vocabulary: all full names, short names of levels 1-3, country / region / city
    # names and aliases; minus the stop list. Indexed by the first two characters.
    stop = lexicon("place_stop")
    places = set(by_name)
    places.update(s for s, codes in by_short.items() if any(rows[c][1] <= 3 for c in codes))
    # "以色列国", "日本国" would swallow 以色列国防军, 日本国会: match the bare name instead.
    places.update(f for f, (n, _k, _r) in countries.items() if f != n + "国")
    vocabulary = frozenset(p for p in places if len(p) >= 2 and p not in stop)
    # cities whose names are stop words (万象): found only right after their country (老挝万象)
    stopped: dict[str, list[str]] = {}
    for form, (_name, kind, region) in countries.items():
        if kind in ("capital", "city") and form in stop:
            for country_form, (country_name, _k, _r) in countries.items():
                if country_name == region:
                    stopped.setdefault(country_form, []).append(form)
    prefix: dict[str, set[int]] = {}
    for p in vocabulary:
        prefix.setdefault(p[:2], set()).add(len(p))
    return {
        "rows": rows,
        "shorts": shorts,
        "by_name": {k: tuple(v) for k, v in by_name.items()},
        "by_short": {k: tuple(v) for k, v in by_short.items()},
        "countries": countries,
        "places": vocabulary,
        "stopped_cities": {k: tuple(sorted(v, key=len, reverse=True)) for k, v in stopped.items()},
        "prefix": {k: tuple(sorted(v, reverse=True)) for k, v in prefix.items()},
    }


class _Index:
    """The loaded gazetteer; :class:`Division` records are made on first use."""

    __slots__ = ("rows", "by_name", "by_short", "shorts", "chain", "countries", "places", "stopped_cities", "prefix", "made")

    def __init__(self, tables: dict) -> None:
        self.rows: dict[str, tuple[str, int, str | None]] = tables["rows"]
        self.shorts: dict[str, tuple[str, ...]] = tables["shorts"]
        self.by_name: dict[str, tuple[str, ...]] = tables["by_name"]
        self.by_short: dict[str, tuple[str, ...]] = tables["by_short"]
        self.countries: dict[str, tuple[str, str, str]] = tables["countries"]
        self.places: frozenset[str] = tables["places"]
        self.stopped_cities: dict[str, tuple[str, ...]] = tables["stopped_cities"]
        self.prefix: dict[str, tuple[int, ...]] = tables["prefix"]
        self.chain: dict[str, tuple[str, ...]] = {}
        self.made: dict[str, Division] = {}

    def division(self, code: str) -> Division | None:
        """The division with this code (one record per code), or None."""
        got = self.made.get(code)
        if got is None:
            row = self.rows.get(code)
            if row is None:
                return None
            got = self.made[code] = Division(code, *row)
        return got

    def codes_up(self, code: str) -> tuple[str, ...]:
        """Codes from ``code`` up to its province, self first."""
        got = self.chain.get(code)
        if got is None:
            parent = self.rows[code][2]
            got = (code,) if parent is None else (code, *self.codes_up(parent))
            self.chain[code] = got
        return got


@cache
def _index() -> _Index:
    sources = [data_file("lexicons", f"{n}") for n in ("divisions.tsv", "countries.tsv", "place_stop.txt")]
    return _Index(cached("gazetteer", sources, _tables))


def get(code: str) -> Division | None:
    """The division with this code, or None."""
    return _index().division(code)


def lookup(name: str) -> list[Division]:
    """All divisions whose full name is ``name``, or else whose short name is ``name``.

    Full names win over short names (no shipped short name equals another division's full
    name, so this only matters for names outside the table). Order: by level, then code.
    """
    idx = _index()
    name = name.strip()
    codes = idx.by_name.get(name) or idx.by_short.get(name) or ()
    return sorted(map(idx.division, codes), key=lambda d: (d.level, d.code))


def ancestors(division: Division) -> list[Division]:
    """The parent chain of ``division`` up to its province (nearest first, self excluded)."""
    idx = _index()
    return [idx.division(c) for c in idx.codes_up(division.code)[1:]]


@cache
def lies_in(inner: str, outer: str) -> bool:
    """Whether a division named ``inner`` lies inside one named ``outer`` (清升镇 in 荣昌, 南川 in 重庆)."""
    outer_codes = {d.code for d in lookup(outer)}
    return bool(outer_codes) and any(a.code in outer_codes for d in lookup(inner) for a in ancestors(d))


@cache
def provinces(name: str) -> frozenset[str]:
    """The codes of the provinces the divisions called ``name`` lie in."""
    idx = _index()
    return frozenset(idx.codes_up(d.code)[-1] for d in lookup(name))


def short_names(division: Division) -> tuple[str, ...]:
    """The shipped short forms of ``division`` (may be empty)."""
    return _index().shorts.get(division.code, ())


def _affinity(idx: _Index, cand: Division, others: Iterable[Division]) -> int:
    """Level of the deepest division shared by ``cand``'s chain and any of ``others``' chains."""
    mine = set(idx.codes_up(cand.code))
    best = 0
    for o in others:
        if o.code == cand.code:
            continue
        for c in idx.codes_up(o.code):
            if c in mine:
                best = max(best, idx.rows[c][1])
                break
    return best


def resolve(name: str, context: Iterable[str] = ()) -> Division | None:
    """The division meant by ``name``, using other place names of the same text as ``context``.

    A unique match wins, except a township when the text names other divisions and none of them is
    above it (a community of the same name elsewhere). Otherwise each candidate scores, for every context name, the
    level of the deepest division it shares with one of that name's readings (so a county in
    context beats a province in context); the single best positive score wins. Failing that, a
    single candidate at the highest level (lowest level number) wins - 吉林 is the province,
    朝阳 the prefecture-level city - unless all candidates share that level, which is None.
    """
    cands = lookup(name)
    if not cands:
        return None
    if len(cands) == 1 and cands[0].level < 4:
        return cands[0]
    idx = _index()
    readings = [lookup(c) for c in dict.fromkeys(context) if c and c != name]
    readings = [r for r in readings if r]
    if len(cands) == 1:
        only = cands[0]
        if readings and not any(_affinity(idx, only, r) for r in readings):
            return None  # a 朝阳社区 in a story about 吴兴区 is not the township of that name in 安徽
        return only
    if readings:
        scores = [sum(_affinity(idx, d, r) for r in readings) for d in cands]
        top = max(scores)
        if top > 0:
            best = [d for d, s in zip(cands, scores) if s == top]
            if len(best) == 1:
                return best[0]
            cands = best
    top_level = min(d.level for d in cands)
    highest = [d for d in cands if d.level == top_level]
    return highest[0] if len(highest) == 1 else None


_REMEMBERED = 64  # find() remembers its latest texts of at least this many characters,
_KEPT = 64  # this many of them: the labeller reads a batch of articles, then the rules read each
_KEPT_CHARS = 4_000_000  # and no more characters than this in all (a huge article is not kept)


def find(text: str) -> list[tuple[int, int, str]]:
    """Place names in ``text`` by forward longest match: ``(start, end_exclusive, surface)``.

    Matches full division names of all levels, short names of levels 1-3, countries (and
    aliases), continents and well-known foreign cities; entries of ``place_stop.txt`` (short
    forms that are mostly ordinary words in news) are never matched.
    """
    known = _found.get(text)
    if known is not None:
        return list(known)
    idx = _index()
    prefix = idx.prefix
    places = idx.places
    out: list[tuple[int, int, str]] = []
    i = 0
    size = len(text)
    n = size - 1
    while i < n:
        lens = prefix.get(text[i : i + 2])
        if lens is not None:
            for length in lens:
                j = i + length
                if j > size:  # a slice past the end would be shorter than ``length``
                    continue
                if length == 2 or text[i:j] in places:
                    out.append((i, j, text[i:j]))
                    i = j
                    city = next((c for c in idx.stopped_cities.get(out[-1][2], ()) if text.startswith(c, j)), None)
                    if city is not None:  # 老挝|万象: a city whose name is also a word, after its country
                        out.append((j, j + len(city), city))
                        i = j + len(city)
                    break
            else:
                i += 1
        else:
            i += 1
    if _REMEMBERED <= len(text) <= _KEPT_CHARS:  # a short name asked in between does not push an article out
        _found[text] = tuple(out)
        kept = list(_found)  # oldest first
        size = sum(map(len, kept))
        while len(kept) > 1 and (len(kept) > _KEPT or size > _KEPT_CHARS):
            old = kept.pop(0)
            _found.pop(old, None)
            size -= len(old)
    return out


#: the texts of the latest calls of :func:`find` and what it found (oldest first): the labeller and
#: the extract components scan the same articles
_found: dict[str, tuple[tuple[int, int, str], ...]] = {}


def is_place(name: str) -> bool:
    """Is the whole of ``name`` one place that :func:`find` knows (a division, a country, a city)?"""
    return any(start == 0 and end == len(name) for start, end, _ in find(name))


def country(name: str) -> str | None:
    """The canonical country name for a country name or alias (美利坚合众国 -> 美国), else None."""
    got = _index().countries.get(name.strip())
    return got[0] if got and got[1] == "country" else None


def city_country(name: str) -> str | None:
    """The country of a well-known foreign city or capital (万象 -> 老挝, 胡志明市 -> 越南), else None."""
    got = _index().countries.get(name.strip())
    return got[2] or None if got and got[1] in ("capital", "city") else None


def is_country(name: str) -> bool:
    """Whether ``name`` is a country's name or one of its aliases (中国, 美国, 大韩民国 ...)."""
    return country(name) is not None
