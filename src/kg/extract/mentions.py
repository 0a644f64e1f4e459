"""Choose one reading where candidate mentions from different components overlap."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from itertools import accumulate

from ..records import Kind, Mention
from ..resources import lexicon, longest_first
from .doc import Doc
from .. import gazetteer
from .latin_names import BRACKETED as LATIN_BRACKETED, BY as LATIN_NAME, is_latin
from .lexicon import (ADMIN_ENDS, JOINERS, MIDDLE_DOTS, REGION, TOWNSHIP_ENDS, bare_unit, body_of_level, common_word, divisions_opening, is_name, named_after_division, ordinary_head,
                      person_titles, post_before, relation_cues, single_surnames, split_place_chain, suffix_of, title_at, village_body, village_body_head)
from .segmenter import cut, word_tags

#: how sure the labeller must be for its reading of a gazetteer short form to win (乌兰 a person; 罗马
#: a club): on the held-out parts an organization read there at 0.6-0.9 was right 20 times in 25 (2 places, 3 neither)
_OVER_GAZETTEER = {Kind.PERSON: 0.9, Kind.ORG: 0.6}


#: below this an organization the labeller reads over a chain of places (福建石狮) gives way to them
_SURE_ORG = 0.9


def _weight(mention: Mention) -> float:
    return mention.score + 0.1 * (mention.end - mention.start)


def _tiled(candidate: Mention, places: list[Mention], starts: list[int]) -> bool:
    """True when two or more other place names cover this place candidate exactly (a place chain
    read as one name: 临江镇东华社区 = 临江镇 + 东华社区); places sorted by (start, -end), starts
    their starts."""
    size = candidate.end - candidate.start
    position, pieces = candidate.start, 0
    for i in range(bisect_left(starts, candidate.start), bisect_left(starts, candidate.end)):
        m = places[i]
        if m.start == position and m.end <= candidate.end and m.end - m.start < size:
            position, pieces = m.end, pieces + 1
    return pieces >= 2 and position == candidate.end


def _township_named(name: str, head: str, places: set[str]) -> bool:
    """Is head the name of a township, street or village read in the article (安居 of 安居镇, or 先锋镇
    of 先锋镇|人民政府, by the gazetteer), or a township's name the gazetteer knows and one ordinary word
    (先锋|花椒 of 先锋花椒|加工厂 beside 先锋镇), other than the name itself (运营|社区 is no 运营社区's)?"""
    return any(head + end in places and head + end != name for end in TOWNSHIP_ENDS) \
        or head in places and head.endswith(TOWNSHIP_ENDS) and bool(gazetteer.lookup(head)) \
        or any(len(stem := place[: -len(end)]) >= 2 and head.startswith(stem) and common_word(head[len(stem):])
               and bool(gazetteer.lookup(place)) for place in places for end in ("镇", "乡") if place.endswith(end))


def _by_suffix(m: Mention) -> bool:
    return m.by in ("lexicon.org_suffix", "lexicon.place_suffix")


def _place_led(text: str) -> bool:
    """Does text start with a gazetteer place name that leaves a name after it (某市科技报)?"""
    return any(start == 0 and end < len(text) - 1 for start, end, _ in gazetteer.find(text))


def _named_head(text: str, kind: Kind) -> bool:
    """Is the part before the suffix a proper noun to jieba (青山|站), or no dictionary word at all,
    only single characters (an unknown name)?"""
    head = text[: len(text) - len(suffix_of(text, kind) or "")]
    if word_tags().get(head, "").startswith(("ns", "nr", "nz", "nt")):
        return True
    return len(head) >= 2 and all(len(word) == 1 for word, _ in cut(head))


def _in_chain(m: Mention, places: list[Mention]) -> bool:
    """Is a division candidate the link of a place chain the labeller reads on both sides of it
    (某某区|满月乡|某某村)?"""
    return (m.kind is Kind.PLACE and m.text.endswith(ADMIN_ENDS) and any(p.end == m.start for p in places)
            and any(p.start == m.end for p in places))


def _person_led(m: Mention, first: Mention) -> bool:
    """Does a suffix name start with a person the labeller reads, followed by no name of its own
    (某人|所, 某人|一意孤行, 某人|新政府), rather than a person's name given to an institution
    (某人|纪念馆, 某人|文学院)?"""
    if first.kind is not Kind.PERSON or first.start != m.start or first.end >= m.end:
        return False
    rest = m.text[first.end - m.start :]
    if rest == "政府":
        return True  # 某人|政府: an administration named after its head, who is the name
    if len(rest) == 1 or word_tags().get(rest, "").startswith(("i", "l")) or len(suffix_of(rest, m.kind) or "") == 1:
        return True  # 某人|所, 某人|一意孤行 (an idiom), 某人|私下操办 (a one-character suffix ends a phrase)
    return rest != suffix_of(rest, m.kind) and not is_name(rest, m.kind)


def _name_character(left_out: str) -> bool:
    """Is what the labeller leaves out at the start of a suffix name one character that can open a
    name (高|岭沟村), not a preposition, verb or pronoun (在|某某村, 是|某某村)? Used for places only:
    on held-out text the organizations so read were a verb or an adjective before a name (记|某馆,
    旧|中国政府)."""
    return len(left_out) == 1 and word_tags().get(left_out, "x")[0] in "abjnx"


def _place_cut_into(name: str, left_out: str) -> bool:
    """Does a place the gazetteer knows open the name and run past what the labeller leaves out
    (连|江海鳌食品有限公司: 连江, a county)?"""
    found = gazetteer.find(name)
    return bool(found) and found[0][0] == 0 and found[0][1] > len(left_out)


def _word_of_joiner(left_out: str) -> bool:
    """Is what the labeller leaves out at the start of a suffix name a name character and 和
    (人和|街社区), which the labeller took for a conjunction after a word?"""
    return len(left_out) == 2 and left_out[1] == "和" and _name_character(left_out[0])


def _apart(gap: str) -> bool:
    """Whether words between two names keep them apart (所属, 经商), unlike a numbered unit (三处,
    二级单位) that links a body to the one it belongs to inside one name."""
    return bool(gap) and not any(tag == "m" for _, tag in cut(gap))


def _verbs_between(gap: str) -> bool:
    """Is gap words of building or setting up (规划|建设: a leading verb among them), no proper noun?"""
    words = list(cut(gap))
    return any(word in lexicon("leading_verbs") for word, _ in words) and not any(tag.startswith(("nr", "ns", "nt", "nz")) for _, tag in words)


def _cut_before_joiner(gap: str, left: Mention, right: Mention) -> bool:
    """Whether the labeller cut a bureau's name short before a conjunction inside it: a long piece
    before 和 that ends in no suffix, and a bureau after it that no place opens (某县文化体育广播电视|和|旅游局,
    某市文化|和|广电旅游体育局; not 某组织|和|世界银行, 俄央行|和|财政部)."""
    return (gap in JOINERS and len(left.text) >= 5 and suffix_of(left.text, left.kind) is None
            and right.text.endswith(_BUREAU_ENDS)
            and (len(right.text) <= 3 or not any(start == 0 for start, _, _ in gazetteer.find(right.text))))


_BUREAU_ENDS = ("局", "厅", "委", "部", "办")


def _country_then_name(m: Mention, over: list[Mention]) -> bool:
    """Does the labeller read a suffix name as a country and a name right after it, which end
    where the suffix name ends?"""
    return (len(over) == 2 and over[0].start == m.start and over[0].end == over[1].start and over[1].end == m.end
            and over[0].kind is Kind.PLACE and gazetteer.is_country(over[0].text))


def check_with_labeller(candidates: list[Mention]) -> list[Mention]:
    """Names found by their suffix or in the gazetteer, read against the labeller's spans.

    * A name in Latin letters that ends in a legal form (Alpenblick Reisen AG) outweighs the
      labeller's readings across it (瑞士Alpenblick Reisen AG).

    * A gazetteer short form that is an ordinary word to jieba (丰满, 大厂, 大兴) stays only where
      the labeller reads a place over it.

    * The labeller reads a name across the suffix name's edge, a name inside it that 和 or 、 ends,
      two organizations or people apart inside it (甲集团|所属|乙公司), or a person at its start
      followed by no name (某人|所在): the suffix name goes.
    * The labeller reads a leading word (``leading_verbs``) into the suffix name (沿|石宝老街): the
      suffix name stands, the labeller's reading goes.
    * The labeller reads a country and a name apart (肯尼亚|某某考古博物馆): its readings stand, the name
      with the suffix name's kind when it ends in that suffix of three characters or more (博物馆: an
      organization, not a place; but 美国|肯尼迪航天中心 stays as the labeller reads it).
    * The suffix name starts before the labeller's reading, over words the labeller leaves out
      (落实|民航局, 代表|中共某市委, 7月22日|国家发改委): it starts where the labeller's does (but a
      place's name stands whole over a person read inside it: 宝音|图嘎查).
    * The labeller sees no name there and what comes before the suffix is ordinary dictionary words
      (商业银行, 生产基地): dropped, but for a village or township named by one word (和平村).
    * The labeller sees no name there and the suffix is one character (歌舞厅, 战略部署, 大城市,
      互联网): kept only when the name starts with a gazetteer place (某县科技报) or what comes
      before the suffix is a proper noun or no dictionary word (青山站, an unknown name), or it is a
      division between two places the labeller reads (某区|满月乡|某村).
    """
    latin = [m for m in candidates if m.by in (LATIN_NAME, LATIN_BRACKETED)]
    # 瑞士|Alpenblick Reisen AG: the legal form ends the name, the country is no part of it; 某银行(Lion|…: the bracket ends the name
    candidates = [m for m in candidates if not (m.by == "labeller" and any(n.start < m.end and m.start < n.end and n.span != m.span for n in latin))]
    spans = [m for m in candidates if m.by == "labeller"]
    out: list[Mention] = []
    places = [m for m in spans if m.kind is Kind.PLACE]
    owners = {m.text for m in candidates if m.kind is Kind.ORG and len(m.text) >= 6}
    townships = {m.text for m in candidates if m.kind is Kind.PLACE}
    dropped: set[int] = set()  # labeller spans a suffix name replaces
    retyped: dict[int, Kind] = {}  # labeller spans that take a suffix name's kind
    for m in candidates:
        if m.by == "lexicon.gazetteer" and common_word(m.text) and not m.text.endswith(ADMIN_ENDS) and not gazetteer.is_country(m.text):
            if any(o.start <= m.start and m.end <= o.end for o in places):
                out.append(m)  # 铜梁 read as a place; not 丰满 (an adjective) or 大兴 (a verb)
            continue
        if not _by_suffix(m):
            out.append(m)
            continue
        over = sorted((o for o in spans if o.start < m.end and m.start < o.end), key=lambda o: o.start)
        if not over:
            suffix = suffix_of(m.text, m.kind) or ""
            head = m.text[: len(m.text) - len(suffix)]
            station = named_after_division(m.text)  # 团结村|站
            level_body = m.kind is Kind.ORG and _field_body_of_level(m.text, suffix)
            if ordinary_head(m.text, suffix) and not body_of_level(head, suffix) and not level_body and not m.text.endswith(_field_named()) \
                    and not station and not _township_named(m.text, head, townships) \
                    and not (m.kind is Kind.ORG and len(head) >= 4 and any(head[:4] in o for o in owners if m.text not in o)):
                continue  # 商业银行, 生产基地, 老|物流|基地: a description, not a name (but 区|教委 is the district's,
                # 精锐模塑|海防|分公司 opens with the trade name of a company the article names, and 安居|古城 with
                # the name of the township 安居镇)
            if len(head) == 1 and len(suffix) >= 2 and suffix in ADMIN_ENDS and not gazetteer.lookup(m.text):
                continue  # 再|报|街道: one character before a division's kind names none the gazetteer knows
            if len(suffix) >= 2 or level_body or _place_led(m.text) or _named_head(m.text, m.kind) or _in_chain(m, places) or station:
                out.append(m)
            continue
        if over[0].start < m.start and _division_over_start(m, over[0]):
            m = replace(m, start=over[0].end, text=m.text[over[0].end - m.start:])  # 某镇|巴音敖包嘎查 (镇巴 a word)
            over = over[1:]
            if not over:
                out.append(m)
                continue
        if len(over) == 1 and over[0].start < m.start and over[0].end == m.end \
                and over[0].text[: m.start - over[0].start] in lexicon("leading_verbs"):
            dropped.add(id(over[0]))  # 沿|石宝老街: the labeller reads a leading word into the suffix name
            out.append(m)
            continue
        if m.kind is Kind.ORG and over[0].kind is Kind.PLACE and over[0].start == m.start and (
                len(over) == 1 and m.text.startswith(longest_first("leading_verbs"), len(over[0].text))
                or len(over) == 2 and _verbs_between(m.text[over[0].end - m.start:over[1].start - m.start])):
            continue  # 福应街道|建设|5000吨级冷库…, 大观镇|规划建设|中药材初加工中心: a place, then what is built there
        if len(over) == 1 and over[0].kind is Kind.PERSON and over[0].start < m.start and over[0].end == m.end \
                and m.kind is Kind.PLACE and len(suffix_of(m.text, m.kind) or "") >= 2:
            retyped[id(over[0])] = Kind.PLACE  # 道图嘎查 read as a person: a name that ends in a place's suffix
            continue
        if over[0].start < m.start or over[-1].end > m.end or _person_led(m, over[0]):
            continue
        if any(o.end < m.end and m.text.startswith(JOINERS, o.end - m.start) and suffix_of(o.text, o.kind) for o in over):
            continue  # 甲公司和乙博物馆, 甲法院和…: the labeller reads a name that a conjunction ends inside it
            # (not 某州文化广播电视|和旅游局, a name the labeller cut short before its 和)
        gaps = [(m.text[a.end - m.start : b.start - m.start], a, b) for a, b in zip(over, over[1:])]
        if any(_apart(gap) and Kind.PLACE not in (a.kind, b.kind) and not _cut_before_joiner(gap, a, b)
               or gap in lexicon("body_separators") or gap in lexicon("leading_verbs") for gap, a, b in gaps):
            continue  # 甲集团所属乙公司, 甲部经商乙部, 某景区运营方乙公司, 鲁迅故里|参观|百草园: two names the labeller
            # reads apart, words between
        if _country_then_name(m, over):
            if len(suffix_of(over[1].text, m.kind) or "") >= 3:
                retyped[id(over[1])] = m.kind  # (肯尼亚|某某考古博物馆 read as a place: the suffix's kind; not 中心)
            continue  # 美国|某某航天中心: the labeller reads the country and the name apart
        left_out = m.text[: over[0].start - m.start]
        if over[0].start > m.start and (m.kind is Kind.PLACE and (_name_character(left_out) or over[0].kind is Kind.PERSON)
                                        or m.kind is Kind.ORG and left_out in _LEVELS or _word_of_joiner(left_out)
                                        or _place_cut_into(m.text, left_out)
                                        or m.kind is Kind.ORG and len(left_out) >= 2 and any(left_out + end in townships for end in TOWNSHIP_ENDS)):
            m = replace(m, score=max(m.score, over[0].score))  # 高|岭沟村, 人和|街社区, 宝音|图嘎查 (read as a
            # person), 区|人力社保局 (the district's), 先锋|花椒加工厂 beside 先锋镇: the longer reading wins
        elif over[0].start > m.start:
            text = m.text[over[0].start - m.start :]
            m = replace(m, start=over[0].start, text=text)
            if not is_name(text, m.kind) or _country_then_name(m, over):
                continue  # (发|往越南海防市: 越南|海防市 as the labeller reads them)
        if m.kind is Kind.PLACE and _chain_of_divisions(m, over):
            continue  # (在)西递镇|南屏村, 广西|钦州港: places the labeller reads one after another
        out.append(m)
    out = [replace(m, kind=retyped[id(m)]) if id(m) in retyped else m for m in out if id(m) not in dropped]
    return out + _bodies_of_suffixed_places(out, candidates)


def _bodies_of_suffixed_places(kept: list[Mention], candidates: list[Mention]) -> list[Mention]:
    """A body read by its suffix from a level's character (区|文化和旅游局) that ends a place's name read by
    its suffix and kept (万盛经开区): the body of that place, named from the place's start (万盛经开区文化和旅游局)."""
    ends = {(m.end, m.text[-1]): m for m in kept if m.kind is Kind.PLACE and _by_suffix(m) and len(m.text) >= 3}
    return [replace(m, start=place.start, text=place.text + m.text[1:], by="rules.body_of_place")
            for m in candidates if m.kind is Kind.ORG and _by_suffix(m) and m.text[0] in _LEVELS
            and (place := ends.get((m.start + 1, m.text[0]))) is not None and place.start < m.start]


def _chain_of_divisions(m: Mention, over: list[Mention]) -> bool:
    """Does the labeller read m as places end to end, each but the last a division (西递镇|南屏村, 广西|钦州港,
    湖北|宜昌|秭归|茅坪港)?  The first must end in a division's kind or be a province (not 重庆|梁平工业园区,
    宜宾|三江新区: a city's name opening a park's, which the news writes as one)."""
    if len(over) < 2 or (over[0].start, over[-1].end) != (m.start, m.end) or any(o.kind is not Kind.PLACE for o in over) \
            or any(a.end != b.start for a, b in zip(over, over[1:])):
        return False
    first, middle = over[0].text, [o.text for o in over[1:-1]]
    province = any(d.level == 1 and d.name.endswith(("省", "自治区")) for d in gazetteer.lookup(first))
    return (first.endswith(ADMIN_ENDS) or province) and all(t.endswith(ADMIN_ENDS) or gazetteer.lookup(t) for t in middle)


def _field_body_of_level(name: str, suffix: str) -> bool:
    """区体育局, 县教育局: a level, one ordinary word of a field and a one-character kind of body (局,
    委): the body of that field at the story's own level, though the labeller reads no name there."""
    return len(suffix) == 1 and len(name) == 4 and body_of_level(name[0], name[1:]) and common_word(name[1:3])


@cache
def _field_named() -> tuple[str, ...]:
    """Suffixes named by the ordinary words of a field (``field_named_suffixes``: 重点实验室)."""
    return longest_first("field_named_suffixes")


def _division_over_start(m: Mention, first: Mention) -> bool:
    """Does the labeller read a division that runs into the start of a place found by its suffix
    (宗别立镇 over 镇|巴音敖包嘎查, jieba's 镇巴 being a county), leaving a name of its own?"""
    rest = m.text[first.end - m.start:] if m.start < first.end else ""
    return (m.kind is Kind.PLACE and first.kind is Kind.PLACE and first.text.endswith(ADMIN_ENDS)
            and len(rest) >= 3 and is_name(rest, Kind.PLACE))


def _outread(m: Mention, labelled: Kind | None) -> bool:
    """Does the labeller's confident reading of the same span (``labelled``) beat this rule's? It
    does for a gazetteer short form (乌兰 a person, 罗马 a club) and for a person's name that ends
    in a one-character suffix (王某山, 舍甫琴科), not for a division (某某县)."""
    if labelled is None or m.text.endswith(ADMIN_ENDS):
        return False
    if m.by == "lexicon.gazetteer":
        return True
    return labelled is Kind.PERSON and _by_suffix(m) and len(suffix_of(m.text, m.kind) or "") == 1


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(lexicon("place_suffixes") | lexicon("org_suffixes"))


def reconcile(candidates: Iterable[Mention]) -> tuple[Mention, ...]:
    """Non-overlapping mentions, preferring high score and length; agreement between components on a
    span adds to its score."""
    by_span: dict[tuple[int, int, Kind], Mention] = {}
    support: dict[tuple[int, int, Kind], float] = {}
    ruled_kinds: set[tuple[int, int, Kind]] = set()  # what the rules read, even where the labeller agrees
    for m in candidates:
        if not m.text.strip():
            continue
        key = (m.start, m.end, m.kind)
        if m.by != "labeller":
            ruled_kinds.add(key)
        support[key] = support.get(key, 0.0) + m.score
        best = by_span.get(key)
        if best is None or m.score > best.score or (m.alias and not best.alias):
            by_span[key] = m if best is None or m.alias or not best.alias else replace(m, alias=best.alias)  # (the form a rule gave)
    pool = list(by_span.values())
    # where a rule and the labeller read the same span as different kinds, the rule knows the suffix
    # (but not a gazetteer short form the labeller confidently reads as a person or an organization:
    # 乌兰, 王益; a club or a company named after its city)
    confident = {(m.start, m.end): m.kind for m in pool if m.by == "labeller" and m.score >= _OVER_GAZETTEER.get(m.kind, 2.0)}
    outread = {id(m) for m in pool if m.by != "labeller" and _outread(m, confident.get((m.start, m.end)))}
    ruled = {(m.start, m.end) for m in pool if m.by != "labeller" and id(m) not in outread}
    pool = [m for m in pool if id(m) not in outread or m.by != "lexicon.gazetteer"]  # 罗马 the club
    pool = [m for m in pool if m.by != "labeller" or (m.start, m.end) not in ruled or (m.start, m.end, m.kind) in ruled_kinds]
    headed = {(m.start, m.end) for m in pool if m.by == "rules.quoted" and m.kind is Kind.INITIATIVE and m.alias}
    pool = [m for m in pool if m.kind is Kind.INITIATIVE or (m.start, m.end) not in headed]  # “某某千村”行动: the
    # quoted name with its head word after it is the initiative's, whatever suffix ends it
    places = sorted((m for m in pool if m.kind is Kind.PLACE), key=lambda m: (m.start, -m.end))
    starts = [m.start for m in places]
    pool = [m for m in pool if not (m.by == "labeller" and _tiled(m, places, starts) and (
        m.kind is Kind.PLACE or (m.kind is Kind.ORG and m.score < _SURE_ORG)))]  # 某省某市 read as one name
    suffixes, posts = _suffixes(), lexicon("posts")
    # a labeller span that a rule name completes with its suffix (重庆北站南广场 + 站), or that ends inside
    # a quoted name the rules read whole, was cut short
    labelled_at: dict[int, list[Mention]] = {}
    for o in pool:
        if o.by == "labeller":
            labelled_at.setdefault(o.start, []).append(o)
    cut_short = {
        id(o) for m in pool if m.by != "labeller" for o in labelled_at.get(m.start, ())
        if 0 < m.end - o.end <= 2 and m.text[len(o.text):] in suffixes and m.text[len(o.text):] not in posts
        or m.by == "rules.quoted" and o.end < m.end and not (o.kind is Kind.PLACE and gazetteer.is_place(o.text))
        # (“桂海东盟|通”, “碚泉康|养卡”: the quoted name, whole; but a division opening it stays: “灵山|杯”)
    }
    pool = [m for m in pool if id(m) not in cut_short]
    regions = {(o.start, o.start + len(o.alias)) for o in pool if o.by == "labeller" and o.kind is Kind.PLACE and o.alias
               and o.alias.startswith(o.text) and o.alias.endswith(REGION)}  # 中亚(地区): the labeller's region, its
    pool = [m for m in pool if m.by == "labeller" or (m.start, m.end) not in regions]  # 地区 an alias (not a rule's 中亚地区)
    ranked = sorted(pool, key=lambda m: (-(_weight(m) + 0.15 * (support[(m.start, m.end, m.kind)] - m.score)), m.start))
    taken: list[Mention] = []
    occupied = bytearray(max((m.end for m in pool), default=0))
    for m in ranked:
        if any(occupied[m.start : m.end]):
            continue
        taken.append(m)
        occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    return tuple(sorted(taken, key=lambda m: (m.start, m.end)))


_NAMED_KINDS = (Kind.PERSON, Kind.PLACE, Kind.ORG)
_LEVELS = frozenset("省市区县镇乡")  # one character for the division whose body is named after it (区|人力社保局)
_SAYS = ("说", "表示", "介绍", "告诉")  # a person's name before what the story quotes of them
_DIVISION_AFTER = "(?:区|县|市|镇|乡|街道|自治县|自治州)(?!长)"  # 梁平区, not 王镇长


def one_kind_per_name(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions of an article's text with each name of a person, place or organization given
    one kind: the kind its mentions read with the most score in all, a person's reading right after
    a post counting twice (总统|普京 a person, 普京 opening a headline read as a place: a person
    throughout), so one thing is one node. A name the article also writes with a division's suffix
    (梁平 beside 梁平区图书馆), read as a place somewhere, is that place's short name: a place throughout;
    a declared short form is of its full name's kind."""
    mentions = _places_read_as_people(text, mentions)
    weight: dict[str, dict[Kind, float]] = {}
    for m in mentions:
        if m.kind in _NAMED_KINDS:
            weight.setdefault(m.text, {}).setdefault(m.kind, 0.0)
    torn = {name for name, kinds in weight.items() if len(kinds) > 1}
    if not torn:
        return _declared_as_named(mentions)
    for m in mentions:
        if m.text in torn and m.kind in _NAMED_KINDS:
            titled = m.kind is Kind.PERSON and post_before(text, m.start)
            weight[m.text][m.kind] += m.score * (2 if titled else 1)
            if Kind.PERSON in weight[m.text] and not suffix_of(m.text, Kind.PLACE) and (
                    text.endswith(person_titles(), 0, m.start) or text.startswith(_SAYS, m.end)):
                weight[m.text][Kind.PERSON] += 1.0  # 牧民|尼玛卓玛, 尼玛卓玛|说: whatever the reading, a person
    chosen = {name: max(weight[name], key=lambda k: (weight[name][k], -_NAMED_KINDS.index(k))) for name in torn}
    for name in torn:
        if Kind.PLACE in weight[name] and len(name) > 1 and re.search(re.escape(name) + _DIVISION_AFTER, text):
            chosen[name] = Kind.PLACE
    return _declared_as_named(tuple(replace(m, kind=chosen[m.text]) if m.text in chosen and m.kind in _NAMED_KINDS else m
                                    for m in mentions))


def _declared_as_named(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A short form the article declares (某某产业园（以下简称“产业园”）) of the kind its full name has
    come to be read as, the same thing."""
    kinds = {m.text: m.kind for m in mentions if m.kind in (Kind.PLACE, Kind.ORG)}
    return tuple(replace(m, kind=kinds[m.alias]) if m.by == "rules.short_form" and m.alias in kinds and m.kind in (Kind.PLACE, Kind.ORG)
                 else m for m in mentions)


def _places_read_as_people(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A name read only as a person's, never after a post nor before 说, that opens a place of the
    article with nothing but a place's suffix after it (万盛 beside 万盛经开区: 万盛|将依托某景区) is
    that place's short name."""
    places = [m.text for m in mentions if m.kind is Kind.PLACE]
    people = {m.text for m in mentions if m.kind is Kind.PERSON}
    if not places or not people:
        return mentions
    titled = {m.text for m in mentions if m.kind is Kind.PERSON and (
        post_before(text, m.start) or text.endswith(person_titles(), 0, m.start) or text.startswith(_SAYS, m.end))}
    short = {name for name in people - titled if len(name) >= 2 and any(
        p.startswith(name) and suffix_of(p, Kind.PLACE) == p[len(name):] for p in places)}
    return tuple(replace(m, kind=Kind.PLACE) if m.kind is Kind.PERSON and m.text in short else m for m in mentions) if short else mentions


def owned_places(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A place that an organization owns (海岬酒庄|隶属于|某葡萄酒股份有限公司: a cue of
    ``relation_cues`` for the parent after the unit) is a body, a unit of it: an organization
    wherever the article names it."""
    cues = relation_cues("subOrganizationOf", "parent-after")
    owned = {a.text for a, b in zip(mentions, mentions[1:])
             if a.kind is Kind.PLACE and b.kind is Kind.ORG and text[a.end:b.start] in cues}
    return tuple(replace(m, kind=Kind.ORG) if m.kind is Kind.PLACE and m.text in owned else m for m in mentions) if owned else mentions


_HEADLINE_PAIR = re.compile(r"^#*\s*([\u4e00-\u9fff]{4,8})[:：]", re.M)


def headline_place_pairs(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A headline that opens with two places and a colon (### 九龙坡西彭:…, # 广西三江:…): a division
    and one in it, by the gazetteer, or two the story names with their suffixes (九龙坡区, 西彭镇) are
    two places, whatever was read across them (九龙坡西彭 as one body)."""
    places = {m.text for m in mentions if m.kind is Kind.PLACE}
    for match in _HEADLINE_PAIR.finditer(text) if mentions else ():
        start, end = match.span(1)
        name = match.group(1)
        if gazetteer.lookup(name):
            continue  # ### 九龙坡区:…
        for cut_at in range(2, len(name) - 1):
            first, second = name[:cut_at], name[cut_at:]
            if gazetteer.lies_in(second, first) or all(
                    any(p.startswith(part) and p[len(part):] in ADMIN_ENDS for p in places) for part in (first, second)):
                kept = tuple(m for m in mentions if m.end <= start or m.start >= end)
                pair = (Mention(mentions[0].article_id, start, start + cut_at, first, Kind.PLACE, by=HEADLINE_PLACE, score=0.9),
                        Mention(mentions[0].article_id, start + cut_at, end, second, Kind.PLACE, by=HEADLINE_PLACE, score=0.9))
                mentions = tuple(sorted(kept + pair, key=lambda m: (m.start, m.end)))
                break
    return mentions


HEADLINE_PLACE = "rules.headline_place"


def headline_places(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A line that opens with a name and a colon (### 洪安:“…”), read as a person, names the place the
    story calls by that name and a division's suffix (洪安镇): a regional page's headline."""
    places = {m.text for m in mentions if m.kind is Kind.PLACE}
    place_ends = {m.end for m in mentions if m.kind is Kind.PLACE}
    return tuple(
        replace(m, kind=Kind.PLACE) if m.kind is Kind.PERSON and text[m.end:m.end + 1] in (":", "：")
        and (not text[text.rfind("\n", 0, m.start) + 1:m.start].strip("# ") or m.start in place_ends)  # (巴南|李家沱:)
        and any(p.startswith(m.text) and p[len(m.text):] in ADMIN_ENDS for p in places) else m
        for m in mentions
    )


def initiative_tails(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A name the labeller reads as an organization or place, with no suffix of that kind, that ends
    an initiative named in the same article (本届红叶季 after “三峡红叶季”) is that initiative's short
    form; a place only when it ends in an initiative's head (红叶季, not 金刀峡 of “健康金刀峡”)."""
    initiatives = {m.text for m in mentions if m.kind is Kind.INITIATIVE}
    if not initiatives:
        return mentions
    heads = longest_first("initiative_heads") + longest_first("event_heads")
    return tuple(
        replace(m, kind=Kind.INITIATIVE) if m.by == "labeller" and m.kind in (Kind.ORG, Kind.PLACE) and len(m.text) >= 3
        and not suffix_of(m.text, m.kind) and (m.kind is Kind.ORG or m.text.endswith(heads))
        and any(i.endswith(m.text) and len(i) > len(m.text) for i in initiatives) else m
        for m in mentions
    )


def projects_read_short(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A place or body read right before a programme's head (某某海洋牧场|项目是…) where the article names that
    programme elsewhere (建设的某某海洋牧场项目): the programme, head and all, one node."""
    programmes = {m.text for m in mentions if m.kind is Kind.INITIATIVE}
    if not programmes:
        return mentions
    heads = longest_first("programme_heads")
    out = []
    for m in mentions:
        head = next((h for h in heads if text.startswith(h, m.end)), "") if m.kind in (Kind.PLACE, Kind.ORG) else ""
        if head and m.text + head in programmes and not any(o.start < m.end + len(head) and m.end < o.end for o in mentions if o is not m):
            m = replace(m, end=m.end + len(head), text=m.text + head, kind=Kind.INITIATIVE)
        out.append(m)
    return tuple(out)


def people_read_short(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A person read without the first characters of a name the article writes whole there and
    reads whole elsewhere (中|村俊介 beside 中村俊介): the whole name."""
    people = sorted({m.text for m in mentions if m.kind is Kind.PERSON}, key=len, reverse=True)
    out = []
    for m in mentions:
        whole = next((p for p in people if len(p) > len(m.text) and p.endswith(m.text)
                      and text[m.end - len(p):m.end] == p), None) if m.kind is Kind.PERSON else None
        if whole and not any(o.end > m.end - len(whole) and o.start < m.start for o in mentions):
            m = replace(m, start=m.end - len(whole), text=whole)
        out.append(m)
    return tuple(out)


def bodies_read_short(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A body read without the character before it that opens the trade name of another body the
    article names (全资子公司中|冀安泰医疗工程有限公司 beside 中冀安泰建设集团有限公司): the character is its."""
    bodies = {m.text[:4] for m in mentions if m.kind is Kind.ORG and len(m.text) >= 4}
    out = []
    for m in mentions:
        if m.kind is Kind.ORG and m.start and len(m.text) >= 4 and text[m.start - 1] + m.text[:3] in bodies \
                and not any(o.start < m.start <= o.end for o in mentions if o is not m):  # (the character is no other name's)
            m = replace(m, start=m.start - 1, text=text[m.start - 1:m.end])
        out.append(m)
    return tuple(out)


def heads_after_quotes(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions without a name the labeller reads in the head words after a quoted initiative
    (“小龙人”|青少年龙舞训练营, “甲—乙”|江铁联运班列): they are the initiative's alias, no name of their own."""
    heads = [(m.end + 1, m.end + 1 + len(m.alias) - len(m.text)) for m in mentions
             if m.kind is Kind.INITIATIVE and m.alias and m.alias.startswith(m.text) and text[m.end:m.end + 1] in _CLOSING_QUOTES]
    if not heads:
        return mentions
    # (one-character places, 中|欧班列, stay for paired_abbreviations: references)
    return tuple(m for m in mentions if not (m.by == "labeller" and len(m.text) >= 2 and any(s <= m.start and m.end <= e for s, e in heads)))


_CLOSING_QUOTES = frozenset("”\"」』’")


def bodies_of_places(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """An organization read as a bare suffix (人民法庭) right after a place (某镇's short form 建胜)
    is that place's body: one organization (建胜人民法庭); elsewhere (某法院|迓驾|人民法庭, a name
    cut short) it names none."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        place = out[-1] if out else None
        bare = m.kind is Kind.ORG and suffix_of(m.text, Kind.ORG) == m.text
        if bare and place is not None and place.kind is Kind.PLACE and place.end == m.start:
            out[-1] = replace(m, start=place.start, text=place.text + m.text)
        elif not (m.kind is Kind.ORG and m.text in lexicon("bare_suffixes")):
            out.append(m)
    return tuple(out)


#: rules that read an initiative's name without quotes, over the names written inside it
_NAMED_OVER = frozenset({"rules.event", "rules.programme", "rules.titled_plan", "rules.titled_show"})
#: how sure a reading inside such a name must be to stay a mention of its own: the labeller's floor
#: for places and organizations (0.8 gave the same held-out scores for places and organizations)
_SURE_INSIDE = 0.4
_SURE_PERSON_INSIDE = 0.9  # a person read inside an event's name (沙磁|创新创业大赛: 沙磁 an area, read 0.73)


def names_inside(mentions: tuple[Mention, ...], candidates: list[Mention]) -> tuple[Mention, ...]:
    """The mentions with the places, organizations and people read inside an event's, a project's or
    a plan's name (某区|某大桥改造工程, 《某某|理论学习纲要》): they stay mentions of their own."""
    spans = [(m.start, m.end) for m in mentions if m.kind is Kind.INITIATIVE and m.by in _NAMED_OVER]
    if not spans:
        return mentions
    names = {(m.start, m.end): m.text for m in mentions if m.kind is Kind.INITIATIVE}
    heads = _event_ends()
    inner = [c for c in candidates if c.kind is not Kind.INITIATIVE and c.score >= (_SURE_PERSON_INSIDE if c.kind is Kind.PERSON else _SURE_INSIDE)
             and any(s <= c.start and c.end < e - len(_head_of(names[s, e], heads)) or s < c.start and c.end == e
                     and c.kind is not Kind.PERSON and not _head_of(c.text, heads) for s, e in spans)
             and not (c.kind is Kind.ORG and any(s == c.start and names[s, e][c.end - s:] in heads for s, e in spans))]
    # (not a person read in the event's last word: 某某企业家|沙龙; nor a name read into the head word: 某某苗族踩山|会,
    # or ending with it: 开封|宋韵菊花游园会;
    # nor the event's name without its head word: 三峡水电研学旅行|大会)
    others = [m for m in mentions if (m.start, m.end) not in spans]
    kept = [c for c in reconcile(inner) if not any(o.start < c.end and c.start < o.end for o in others)]
    return tuple(sorted((*mentions, *kept), key=lambda m: (m.start, m.end))) if kept else mentions


def _head_of(name: str, heads: tuple[str, ...]) -> str:
    """The event's head word that ends name (踩山会), "" for none."""
    return next((h for h in heads if name.endswith(h)), "")


@cache
def _event_ends() -> tuple[str, ...]:
    """The head words of events (``event_heads``, ``edition_event_ends``: 大会, 博览会, 节 …)."""
    return longest_first("event_heads") + longest_first("edition_event_ends")


_COMPANY_NAME = ("有限责任公司", "股份有限公司", "有限公司", "株式会社")


def inside_others(mentions: Iterable[Mention], outer: tuple[Kind, ...] | None = None) -> set[Mention]:
    """The mentions written inside a longer one (of a kind of ``outer``, any kind when None): 德国 of
    德国某某股份公司, 某村 of 某村3组. One sweep in text order."""
    found: set[Mention] = set()
    reach, reach_start = -1, -1  # the furthest end of an outer mention so far, and where it starts
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if reach > m.end or reach == m.end and reach_start < m.start:
            found.add(m)
        if (outer is None or m.kind in outer) and m.end > reach:
            reach, reach_start = m.end, m.start
    return found


def _place_in(m: Mention, start: int, text: str, by: str | None = None) -> Mention:
    """A place written at ``start`` inside (or over) the span of m."""
    return replace(m, start=start, end=start + len(text), text=text, kind=Kind.PLACE, by=by or m.by, alias=None)


PLACE_IN_BODY = "rules.place_in_body"
VILLAGE_GROUP = "rules.village_group"
#: a village's numbered group (3组, 五社, 二队), not the start of a word (二社区, 一组织)
_GROUP = re.compile(r"第?[一二三四五六七八九十\d]{1,3}(?:村民小组(?!长)|[组社队](?![区会织员]))")  # 3组, 五社, 第五村民小组


def people_without_adverbs(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A person read with the adverb after the name (邓桂芬正|和邻居商量) where the article names the
    person without it elsewhere (邓桂芬说), or where a one-character surname (not a compound one: 欧阳)
    and the adverb make four characters (周淑芬正|和老伙伴们), or after a name in parts (汉斯·穆勒已|在,
    买买提·托合提刚|卖完; not 都, which ends names such as 阿不都): the name ends before the adverb."""
    people = {m.text for m in mentions if m.kind is Kind.PERSON}

    def adverb_after(m: Mention) -> bool:
        return m.kind is Kind.PERSON and len(m.text) >= 3 and m.text[-1] in _ADVERBS and (
            m.text[:-1] in people or len(m.text) == 4 and m.text[0] in single_surnames() and m.text[:2] not in lexicon("surnames")
            or m.text[-1] != "都" and (dot := max(m.text.rfind(d) for d in MIDDLE_DOTS)) >= 0 and len(m.text) - dot >= 4)

    if not any(map(adverb_after, mentions)):
        return mentions
    return tuple(replace(m, end=m.end - 1, text=m.text[:-1]) if adverb_after(m) else m for m in mentions)


_ADVERBS = frozenset("正也就都还又曾已才便再均亦刚")


def people_before_titles(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions without a person read right before a post or title that another person's name
    follows (武陵云仓|总经理|田志远, 苗绣|传承人|吴金凤): the title is the second one's, and what comes
    before it names a body or a craft, not a person."""
    starts = {m.start for m in mentions if m.kind is Kind.PERSON}

    def titled_other(m: Mention) -> bool:
        title = title_at(text, m.end) if m.kind is Kind.PERSON else None
        return title is not None and m.end + len(title) in starts
    return tuple(m for m in mentions if not titled_other(m))


def line_phases(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A metro or rail line read without the phase written right after it (成都轨道交通25号线|二期,
    某某26号线|一期北碚段): the phase is the line's project, a place of its own name."""
    lines = {m: _LINE_PHASE.match(text, m.end) for m in mentions if m.kind is Kind.PLACE and m.text.endswith("号线")}
    longer = {m: replace(m, end=phase.end(), text=text[m.start:phase.end()]) for m, phase in lines.items()
              if phase and not any(o.start < phase.end() < o.end for o in mentions)}
    if not longer:
        return mentions
    phases = [(m.end, line.end) for m, line in longer.items()]
    return tuple(longer.get(m, m) for m in mentions if not any(s <= m.start and m.end <= e for s, e in phases))  # (北碚 of 北碚段)


#: a line's phase and the section of it (二期, 一期北碚段, 二期工程)
_LINE_PHASE = re.compile(r"[一二三四五六七八九十\d]期(?:工程)?(?:[\u4e00-\u9fff]{2,3}段)?")


def bodies_read_late(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """An organization read from inside a body's name the article writes in full elsewhere
    (中能|绿源青海新能源有限公司玉树项目部 beside 中能绿源青海新能源有限公司): it starts where that name does."""
    names = {m.text for m in mentions if m.kind is Kind.ORG and len(m.text) >= 5 and suffix_of(m.text, Kind.ORG)}
    moved = {}
    for m in mentions:
        if m.kind is not Kind.ORG:
            continue
        for name in names:
            at = text.rfind(name, max(0, m.start - len(name) + 1), m.start + len(name))
            if 0 <= at < m.start < at + len(name) <= m.end and len(name) - (m.start - at) >= 4:
                moved[m] = replace(m, start=at, text=text[at:m.end])
                break
    if not moved:
        return mentions
    kept = {(m.start, m.end, m.kind): m for m in mentions if m not in moved}
    for m in moved.values():
        kept.setdefault((m.start, m.end, m.kind), m)  # (the name read whole there already)
    return tuple(sorted(kept.values(), key=lambda m: (m.start, m.end)))


def paired_abbreviations(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The one-character places written beside another (中|欧 of 中欧班列, 川|渝, 欧|美) whose full name
    (their alias: 中国, 欧洲, 重庆; or 重庆市) the article does not write: such a pair names a route or a
    tie between places more than the places themselves, so no graph node (a character alone, 在|京,
    stays a place); kg extract still writes them, as references."""
    singles = {m.start: m for m in mentions if m.kind is Kind.PLACE and m.end - m.start == 1}
    if len(singles) < 2:
        return ()
    written = [m.text for m in mentions if m.kind is Kind.PLACE and len(m.text) > 1]
    return tuple(m for at, m in singles.items() if (at - 1 in singles or at + 1 in singles)
                 and not any(w.startswith(m.alias or m.text) for w in written))


def village_groups(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A village's group is a place in the village: a numbered one (某村3组, 某村五社) with the village a
    mention inside it, a named one (某村|某某村民小组, 某村|后门山组) after it. A name read over a chain of divisions
    and the group (某镇某村三组, an organization by 组) is cut into its places."""
    text = doc.text
    out: list[Mention] = []
    groups: list[tuple[int, int]] = []
    changed = False
    for m in mentions:
        found = _village_group(text, m)
        if found is None:
            out.append(m)
            continue
        village, start, end = found  # where the village ends in m, where the group starts and ends
        at = m.start
        for piece in split_place_chain(m.text[:village]):
            out.append(_place_in(m, at, piece))
            at += len(piece)
        named = start is not None
        start = at - len(piece) if start is None else start  # a numbered group holds its village's name
        out.append(_place_in(m, start, text[start:end], VILLAGE_GROUP))
        if named:  # (某村|后门山组: not also the place 后门山 read in the group's name)
            groups.append((start, end))
        changed = True
    out = [m for m in out if m.by == VILLAGE_GROUP or not any(s <= m.start and m.end <= e for s, e in groups)]
    listed = _groups_listed_beside(doc, [m for m in out if m.by == VILLAGE_GROUP], out)
    out = [m for m in out if not any(g.start < m.end and m.start < g.end for g in listed)] + listed  # (水井湾组 read
    # as an organization: a group)
    return tuple(sorted(out, key=lambda m: (m.start, m.end))) if changed else mentions


def _groups_listed_beside(doc: Doc, groups: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Named groups written after punctuation in a sentence that names a village's group (某村大坪组 …
    ：大坪组、梨树组种茶，上寨组、下寨组养殖): places too, unless their name is a verb's (调研组) or holds a
    word such as 各 or 工作."""
    text = doc.text
    taken = [(m.start, m.end) for m in mentions if not m.text.endswith("组")]  # (another reading of a group gives way)
    found: list[Mention] = []
    sentences = {doc.sentence_of(at.start()): group for group in groups for at in re.finditer(re.escape(group.text), text)}
    for sentence, group in sentences.items():
        for match in _LISTED_GROUP.finditer(text, sentence.start, sentence.end):
            if _group_name(match.group()[:-1]) and not any(match.start() < e and s < match.end() for s, e in taken):
                found.append(_place_in(group, match.start(), match.group(), VILLAGE_GROUP))
                taken.append(match.span())
    return found


def _group_name(name: str) -> bool:
    """Can name be a village group's (梨树, 水井湾, 张家湾), not a verb's (调研, 摸清各) nor hold a word of
    ``group_name_stops`` (各, 工作, 课题 …)?"""
    tags = word_tags()
    return not (any(word in name for word in lexicon("group_name_stops"))
                or tags.get(name, "").startswith("v") or tags.get(name[:2], "").startswith("v"))


def _village_group(text: str, m: Mention) -> tuple[int, int | None, int] | None:
    """(where the village ends in m, where its group starts or None for a numbered group, where the
    group ends) for a mention read over a village and its group or a village written before one."""
    if m.kind not in (Kind.ORG, Kind.PLACE):
        return None
    for village in (i + 1 for i in range(len(m.text) - 2, 0, -1) if m.text[i] == "村"):
        if _GROUP.fullmatch(m.text, village):
            return village, None, m.end  # 某村三组, 某村第五村民小组 read whole
    if m.text.endswith(_NAMED_GROUP) and (village := m.text.rfind("村", 0, len(m.text) - len(_NAMED_GROUP)) + 1) \
            and len(m.text) - len(_NAMED_GROUP) - village >= 1 and _NAMED_GROUP_AFTER.fullmatch(text, m.start + village, m.end):
        return village, m.start + village, m.end  # 某村|上坑村民小组
    if m.kind is Kind.PLACE and m.text.endswith("村"):
        if after := _GROUP.match(text, m.end):
            return len(m.text), None, after.end()  # 某村|3组
        if after := _NAMED_GROUP_AFTER.match(text, m.end):
            return len(m.text), m.end, after.end()  # 某村|下湾村民小组
        if (after := _SHORT_GROUP_AFTER.match(text, m.end)) and not common_word(after.group()[:-1]) and _group_name(after.group()[:-1]):
            return len(m.text), m.end, after.end()  # 某村|后门山组 (not 某村|工作组, 某村|摸清各组)
    return None


_NAMED_GROUP = "村民小组"
#: a group named after punctuation (、梨树组), not a post, an organization or a place inside it after 组
_LISTED_GROUP = re.compile(r"(?<=[：:、，,；;])[\u4e00-\u9fff]{2,3}?组(?![长织员成建合里内])")
#: a group's name of two or three characters and 组 after its village (某村|大河沟组), not a post or a verb after it
_SHORT_GROUP_AFTER = re.compile(r"[\u4e00-\u9fff]{2,3}?组(?![长织员成建合])")
#: a group's name and 村民小组, not a group's head (某村下坦组村民小组长: the group is 下坦组)
_NAMED_GROUP_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}?(?<!组)村民小组(?!长)")


def village_clinics(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A village the labeller read alone before a body named after it (某某村|卫生室: ``village_bodies``):
    the village and the body's head are the body's name, the village a place inside it."""
    taken = {m.start for m in mentions if m.kind is Kind.ORG}
    out = []
    for m in mentions:
        head = next((h for h in longest_first("village_bodies") if text.startswith(h, m.end)), "") \
            if m.kind is Kind.PLACE and m.text.endswith("村") else ""
        if head and village_body([m.text, head]) and m.start not in taken:
            out.append(Mention(m.article_id, m.start, m.end + len(head), m.text + head, Kind.ORG, by="rules.village_clinic", score=m.score))
            m = replace(m, by=PLACE_IN_BODY)
        out.append(m)
    return tuple(sorted(out, key=lambda m: (m.start, m.end))) if len(out) > len(mentions) else mentions


def places_inside_names(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with the foreign country a body's Chinese name opens (德国|博朗格汽车技术股份公司,
    新加坡|狮城商业银行), the place written in brackets inside it (某某（越南）鞋业有限公司) or the village
    a clinic is named after (某某村|卫生室): a place of its own, where the body is; jieba cuts the
    country as a word of its own and no division's ending follows it (not 黑山|镇党委), or the city a
    part of it is named after (重庆|主城). The body is also
    called without the country (三泽工业株式会社), or without the divisions but its own
    (``_name_after_divisions``)."""
    written = {(m.start, m.end) for m in mentions}
    found: list[Mention] = []
    aliases: dict[Mention, str] = {}
    for m in mentions:
        if m.kind is not Kind.ORG or is_latin(m.text):
            continue
        country = next((m.text[:n] for n in range(min(6, len(m.text) - 3), 1, -1) if gazetteer.is_country(m.text[:n])), None)
        if country is None or gazetteer.country(country) == gazetteer.country("中国") or (m.start, m.start + len(country)) in written:
            continue
        if m.text[len(country):].startswith(ADMIN_ENDS) or next(iter(cut(m.text)), ("", ""))[0] != country:
            continue
        found.append(_place_in(m, m.start, country, PLACE_IN_BODY))
        if m.alias is None:
            aliases[m] = m.text[len(country):]  # 三泽工业株式会社 for 日本三泽工业株式会社
    for m in mentions:
        bracket = _PLACE_IN_NAME.search(m.text) if m.kind is Kind.ORG else None
        if bracket is not None and gazetteer.is_place(bracket.group(1)) and (m.start + bracket.start(1), m.start + bracket.end(1)) not in written:
            found.append(_place_in(m, m.start + bracket.start(1), bracket.group(1), PLACE_IN_BODY))  # 某某(越南)鞋业有限公司
    for m in mentions:  # 某某村|卫生室: the village the clinic is named after
        head = village_body_head(m.text) if m.kind is Kind.ORG else ""
        village = split_place_chain(m.text[: -len(head)])[-1] if head and len(m.text) > len(head) else ""
        if not village_body([village, head]):
            continue
        if (m.end - len(head) - len(village), m.end - len(head)) not in written:
            found.append(_place_in(m, m.end - len(head) - len(village), village, PLACE_IN_BODY))
        if m.alias is None and len(m.text) > len(village) + len(head):
            aliases[m] = village + head  # 花坪镇|石门河村卫生室: the clinic is called by its village alone too
    for m in mentions:  # 重庆|主城: the city a part of it is named after
        part = next((p for p in longest_first("place_parts") if m.text.endswith(p)), "") if m.kind is Kind.PLACE else ""
        city = m.text[: -len(part)] if part else ""
        if city and gazetteer.is_place(city) and (m.start, m.start + len(city)) not in written:
            found.append(_place_in(m, m.start, city, PLACE_IN_BODY))
    for m in mentions:
        divisions = divisions_opening(m.text) if m.kind is Kind.ORG and not is_latin(m.text) else []
        if len(divisions) < 2 or not suffix_of(m.text, Kind.ORG):
            continue  # (某区科学技术局: one division before a body's name, the usual full name)
        at = m.start
        for piece in divisions:  # 湖南省|郴州市|汝城县|暖水镇|卫生院: the places, and the body by its own division
            if (at, at + len(piece)) not in written:
                found.append(_place_in(m, at, piece, PLACE_IN_BODY))
            at += len(piece)
        if m.alias is None:
            aliases[m] = _name_after_divisions(m.text, divisions)
    mentions = tuple(replace(m, alias=aliases[m]) if m in aliases else m for m in mentions)
    return tuple(sorted((*mentions, *found), key=lambda m: (m.start, m.end))) if found else mentions


def _name_after_divisions(name: str, divisions: list[str]) -> str:
    """How a body whose name opens with divisions is called without most of them: by its own division
    and the rest (湖南省郴州市汝城县|暖水镇卫生院), or by the rest alone when it opens with its division's
    short name already (湖南省汨罗市|汨罗江国际龙舟竞渡中心)."""
    rest = name[len("".join(divisions)):]
    shorts = {short for d in gazetteer.lookup(divisions[-1]) for short in gazetteer.short_names(d) if len(short) >= 2}
    return rest if len(rest) >= 4 and rest.startswith(tuple(shorts)) else divisions[-1] + rest


#: a place in brackets inside a company's name, more of the name after it (某某（越南）鞋业有限公司)
_PLACE_IN_NAME = re.compile(r"(?<=.{2})(?<!中国)[（(]([\u4e00-\u9fff]{2,6})[）)](?=.{2})")  # (not 中国（上海）自由贸易试验区)


def parents_of_units(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with the company or body a unit's name opens (某某科技有限公司|彭水分公司, 某某有限公司|党支部,
    某某理工学院|光电工程学院, 某区科学技术局|高新技术科): it is a name of its own, the unit's parent
    (``unit_heads`` ends the unit)."""
    heads = longest_first("unit_heads")
    written = {(m.start, m.end) for m in mentions}
    found: list[Mention] = []
    for m in mentions:
        if m.kind is not Kind.ORG or not m.text.endswith(heads):
            continue
        cut = min((m.text.find(end) + len(end) for end in _COMPANY_NAME if 4 <= m.text.find(end)), default=None)
        cut = cut or _body_opening(m.text)
        if cut is None or not 2 <= len(m.text) - cut <= 12 or (m.start, m.start + cut) in written:
            continue
        if any(m.text[cut:].startswith(end) for end in ("有限", "股份", "集团")):
            continue
        found.append(replace(m, end=m.start + cut, text=m.text[:cut], by="rules.unit_parent"))
    return tuple(sorted((*mentions, *found), key=lambda m: (m.start, m.end))) if found else mentions


def headquarters_of_named(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with 某某总部 read as the body when the article names 某某 as a body too
    (飞天数字|总部位于敦煌市, 飞天数字 the declared short form): the headquarters are the body, no unit
    of it (not 某集团雄安总部, a regional one)."""
    bodies = {m.text for m in mentions if m.kind is Kind.ORG}
    cut = len(_HEADQUARTERS)
    return tuple(replace(m, end=m.end - cut, text=m.text[:-cut])
                 if m.kind is Kind.ORG and m.text.endswith(_HEADQUARTERS) and m.text[:-cut] in bodies else m for m in mentions)


_HEADQUARTERS = "总部"


def _body_opening(name: str) -> int | None:
    """Where the longest body's name that opens a unit's name ends (某某理工学院|光电工程学院): four
    characters or more ending in an organization's suffix, a name by itself, where jieba ends a word and
    the rest is more than a unit's bare head (not 某省农业科|学院)."""
    ends = set(accumulate(len(word) for word, _ in cut(name)))
    joined = name.find("与", 4)  # 某某大学|信息与电气工程学院: fields joined by 与 name the unit, not the body
    for at in range(len(name) - 2 if joined < 0 else joined, 3, -1):
        suffix = suffix_of(name[:at], Kind.ORG)
        if at in ends and name[at:] not in lexicon("unit_heads") and suffix not in (None, "科") \
                and not (len(suffix) == 1 and name[at - 1:at + 1] in word_tags()) \
                and is_name(name[:at], Kind.ORG):  # (not 某某粮科|技术研究院, 某某医科|康养学院: 科 of 科学, 医科;
            return at  # nor 某某智能网|联汽车产业学院: 网 opens the word 网联)
    return None


def units_of_named(references: list[Mention], mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions with a unit the labeller read but found too generic (宜居物业|党支部, whose head
    ends in a generic word) kept when the article names its organization (宜居物业): a unit of it."""
    named = {m.text for m in mentions if m.kind is Kind.ORG and len(m.text) >= 4}
    heads = longest_first("unit_heads")
    units = [replace(r, by="labeller") for r in references if r.kind is Kind.ORG and r.text.endswith(heads)
             and any(r.text.startswith(name) and r.text[len(name):] in heads for name in named)]
    return reconcile(mentions + tuple(units)) if units else mentions


BRAND_STORE = "rules.brand_store"
_BRAND_WINDOW = 14  # characters before a store within which its brand starts
_BRAND_STOPS = ("p", "u", "c", "r", "d", "m", "q", "t", "f", "y", "e", "o", "x", "w")  # no brand runs across these


def brand_stores(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A store read without its brand, or with it as a place or a body of its own (渝峡烤鱼|北京望京店,
    谭记杂酱面成都|春熙路店, 罗记酸辣粉南坪老店): when a body or brand the article names (渝峡烤鱼, 谭记)
    opens the store's name or the words before it, followed by the shop's fare and places only, the
    store with its brand is one organization, a unit of the brand's company. The names inside it go
    (谭记杂 read as a person), but for the company's that opens it."""
    stores = [m for m in mentions if m.kind in (Kind.PLACE, Kind.ORG) and m.text.endswith("店") and len(m.text) >= 3
              and not m.text.endswith(_NOT_STORES) and m.text not in lexicon("unit_heads") and not gazetteer.is_place(m.text)]
    if not stores:
        return mentions
    brands = {name for m in mentions if m.kind in (Kind.ORG, Kind.INITIATIVE) for name in (m.text, m.alias) if name and len(name) >= 2}
    found = [replace(store, start=start, text=text[start:store.end], kind=Kind.ORG, by=BRAND_STORE, alias=None)
             for store in stores if (start := _brand_start(text, store, brands)) is not None]
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start <= m.start and m.end <= f.end and not (m.start == f.start and m.kind is Kind.ORG and m.end < f.end)
                                           for f in found)]  # (the brand's company stays: 谭记|杂酱面某某店)
    return tuple(sorted((*kept, *found), key=lambda m: (m.start, m.end)))


_NOT_STORES = ("酒店", "饭店")  # a hotel is a body of its own


def _brand_start(text: str, store: Mention, brands: set[str]) -> int | None:
    """Where a brand of ``brands`` starts before or at the store, followed up to it by content words
    only (杂酱面, 成都; not 在, 的 or 开设), leaving a name of the store's own: a place read before
    店 or a place the gazetteer knows after the brand."""
    for start in range(max(0, store.start - _BRAND_WINDOW), store.start + 1):
        brand = max((b for b in brands if text.startswith(b, start) and start + len(b) <= store.end - 2), key=len, default=None)
        if brand is None:
            continue
        rest = text[start + len(brand) : store.start]
        if all(not tag.startswith(_BRAND_STOPS) and (len(word) == 1 or not tag.startswith("v")) for word, tag in cut(rest)):
            placed = store.kind is Kind.PLACE and store.start >= start + len(brand) or any(gazetteer.find(text[start + len(brand) : store.end]))
            return start if placed else None  # (not 惠邻生鲜门店: a store of the brand, no one store named)
    return None


def names_in_nicknames(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """The mentions but those inside a nickname in quotes (素有“中国死海”之称, “中国白”的美誉:
    ``nickname_words``): a figure of speech names no place or body."""
    from .rules import nickname_spans

    nicknames = nickname_spans(text)
    if not nicknames:
        return mentions
    return tuple(m for m in mentions if not any(start <= m.start and m.end <= end for start, end in nicknames))


def bodies_joined(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Two bodies read as one across 与 or 和 (武陵本草与县电商办, 两江城投与重庆轨道集团, 锡韵泥塑和秀英泥人工作室)
    when what comes before the conjunction is a body the article names elsewhere: that body, and the one
    after when it is a name of its own (not 某某文旅与|总部); a body read from 与 (公司与|保护区管理局)
    starts after it.  A conjunction inside one body's name (材料科学与工程学院, 住房和城乡建设局) stays,
    since nothing before it is named alone."""
    bodies = {m.text for m in mentions if m.kind is Kind.ORG and not any(j in m.text for j in _BODY_JOINERS)}
    out: list[Mention] = []
    for m in mentions:
        if m.kind is not Kind.ORG:
            out.append(m)
            continue
        at = next((i for i in (m.text.find(j) for j in _BODY_JOINERS) if i >= 2 and m.text[:i] in bodies
                   and not any(gazetteer.lookup(m.text[i:i + n]) for n in (2, 3, 4))), -1)  # (某行|和林格尔支行, 翠和珠宝|和顺…)
        if m.text.startswith("与") and len(m.text) >= 4:
            out.append(replace(m, start=m.start + 1, text=m.text[1:]))
        elif at >= 2:
            out.append(replace(m, end=m.start + at, text=m.text[:at]))
            right = m.text[at + 1:]
            if len(right) >= 3 and suffix_of(right, Kind.ORG) and is_name(right, Kind.ORG) and not bare_unit(right):
                out.append(replace(m, start=m.start + at + 1, text=right))
        else:
            out.append(m)
    return tuple(out)


_BODY_JOINERS = ("与", "和")  # one character each
