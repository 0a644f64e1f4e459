"""resolve(extractions) -> Resolution: merge mentions into entities, within and across articles.

Within an article, a short form joins the longer name it abbreviates (青禾 → 青禾集团, 联合党委 →
青山智能装备产业链联合党委, 青山 → 青山区). Across articles, entities of one kind with the same name
are one entity, and a name that is an alias of exactly one other entity joins it.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from functools import cache

import networkx as nx

from . import gazetteer
from .errors import InputError
from .records import Entity, Extraction, Kind, Mention
from .extract.latin_names import is_latin
from .extract.lexicon import BRACKETED_PLACE, MIDDLE_DOTS, common_word, longest_ending, suffix_of
from .extract.segmenter import cut, word_tags
from .resources import lexicon, lexicon_list, longest_first, table

_ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "区", "县", "镇", "乡", "街道")


@dataclass(frozen=True, slots=True)
class Resolution:
    entities: tuple[Entity, ...]
    #: (article id, start, end) of every mention → entity id
    entity_of: dict[tuple[str, int, int], str]

    def of(self, mention: Mention) -> str | None:
        return self.entity_of.get((mention.article_id, mention.start, mention.end))


@cache
def _place_suffix(name: str) -> str | None:
    """The longest place suffix of a name (园区 rather than 区 for 云岭工业园区)."""
    return suffix_of(name, Kind.PLACE)


def _strip_place_prefix(name: str, places: Iterable[str]) -> str:
    """重庆青禾电器有限公司 → 青禾电器有限公司: a leading place named in the article or the gazetteer."""
    for place in sorted(places, key=len, reverse=True):
        if name.startswith(place) and len(name) - len(place) >= 2:
            return name[len(place):]
    return _strip_division_prefix(name)


@cache
def _strip_division_prefix(name: str) -> str:
    for start, end, _ in gazetteer.find(name[:12]):
        if start == 0 and len(name) - end >= 2:
            return name[end:]
        break
    return name


_COMPANY_ENDS = ("公司", "集团")
_BRANCH_ENDS = ("分公司", "支公司")
_LEGAL_ENDS = ("有限公司", "有限责任公司", "股份公司")  # a company's full name, never a short form of another's
_BRANCHES = _BRANCH_ENDS + ("分行", "支行", "分院", "分局")  # a parent's name, at most four characters, then one of these


def core(name: str, kind: Kind, places: Iterable[str] = ()) -> str:
    """The distinctive part of a name: without a leading place name and a legal or administrative ending."""
    out = _strip_place_prefix(name, places) if kind in (Kind.ORG, Kind.PLACE) else name
    inner = _strip_division_prefix(out)
    if kind is Kind.ORG and out != name and name.endswith(_COMPANY_ENDS) and len(inner) >= 4 \
            and gazetteer.lies_in(out[: len(out) - len(inner)], name[: len(name) - len(out)]):
        out = inner  # 重庆|南川|某某茶业有限公司: a city and a district of it before a company (not 重庆|岚山生物科技)
    if kind is Kind.ORG and not out.endswith(_BRANCH_ENDS):  # 某某有限公司广州分公司 keeps its ending
        out = out.removesuffix(legal_form(out, rest=2))
    elif kind is Kind.PLACE:
        suffix = _place_suffix(out)
        if suffix in _ADMIN_SUFFIXES and len(out) - len(suffix) >= 2:
            out = out[: -len(suffix)]
    return out


def legal_form(name: str, rest: int = 0) -> str:
    """The legal ending of a company's name (股份有限公司, 集团 …: ``legal_suffixes``), the longest that
    leaves ``rest`` characters or more before it; "" when it has none."""
    return longest_ending(name, "legal_suffixes", rest) or ""


def short_forms_of(name: str, kind: Kind, places: Iterable[str] = ()) -> set[str]:
    """Shorter names the same text may use for this one: its core, and for organizations the core
    without an industry word (重庆青禾电子科技有限公司 → 青禾电子科技, 青禾电子); for places, the zone's kind
    contracted (``place_contractions``: 海南自由贸易港 → 海南自贸港)."""
    base = core(name, kind, places)
    forms = {base}
    if kind is Kind.ORG:
        for word in lexicon_list("industry_words"):
            if base.endswith(word) and len(base) - len(word) >= 2:
                forms.add(base[: -len(word)])
        company = name.endswith("公司") and not name.endswith(_BRANCH_ENDS)  # a branch's trade name is its parent's
        if company and len(base) >= 6 and _word_ends_at(base, 4):
            forms.add(base[:4])  # 潞云咖啡 for 云南潞云咖啡产业有限公司: a trade name and the trade's first word
        brand = _trade_name(base) if company else None
        if brand:  # 渝鲜达 for 重庆渝鲜达农产品配送有限公司, 渝清 and 渝清环境 for 重庆渝清环境治理有限公司
            forms.update({brand, base[:4]} if len(brand) == 2 and len(base) >= 6 else {brand})
            forms.update(base[:at] + short for full, short in table("trade_contractions")  # 恒栎新材, 蜀科创投
                         for at in range(2, len(brand) + 1) if base.startswith(full, at))
        elif company:  # 恒通货代 for 连云港恒通国际货运代理有限公司: a trade that ends the core, contracted
            forms.update(base[: -len(full)] + short for full, short in table("trade_contractions")
                         if base.endswith(full) and 2 <= len(base) - len(full) <= 4)
        if name.endswith("集团有限公司"):
            forms.add(base + "集团")  # 某某电池集团 for 某某电池集团有限公司
        bare = name.removesuffix(legal_form(name, rest=2))
        forms.update(bare[: -len(full)] + short for full, short in table("trade_contractions")  # 太原农商银行 for
                     if bare.endswith(full) and len(bare) - len(full) >= 2)  # 太原农村商业银行(股份有限公司)
    if kind is Kind.PLACE:  # 海南自贸港 for 海南自由贸易港
        forms.update(text[: -len(full)] + short for text in (name, base) for full, short in table("place_contractions")
                     if text.endswith(full) and len(text) - len(full) >= 2)
    return {f for f in forms if f != name and len(f) >= 2 and f not in lexicon("generic_names")}



@cache
def _trade_name(core_name: str) -> str | None:
    """The trade name that opens a company's core, of two characters or more, when only ordinary
    words of its trade follow (渝鲜达|农产品|配送); None when it is itself a word or a place."""
    words = [word for word, _ in cut(core_name)]
    for i in range(1, len(words)):
        brand, rest = "".join(words[:i]), words[i:]
        if len(brand) >= 2 and all(len(w) >= 2 and common_word(w) for w in rest):
            known = word_tags() if len(brand) == 2 else {}  # a two-character trade name is no word at all (not 远洋)
            return None if common_word(brand) or brand in known or gazetteer.lookup(brand) else brand
    return None


@cache
def _word_ends_at(text: str, position: int) -> bool:
    """Does a jieba word of text end at position?"""
    end = 0
    for word, _ in cut(text):
        end += len(word)
        if end >= position:
            return end == position
    return False


def _another_body(short: str, long: str) -> bool:
    """Is short a name of its own that the long one extends inside (农业部 and 农业农村部, 文化部 and
    文化和旅游部: a word jieba's dictionary knows, the long name with a word added before the suffix)?
    A coined short form (岚溪公司 of 岚溪智能装备有限公司) is no dictionary word."""
    return len(long) - len(short) >= 2 and short in word_tags() and any(
        long.startswith(short[:k]) and long.endswith(short[k:]) for k in range(1, len(short)))


def contraction(short: str, long: str, shortest: int = 3) -> bool:
    """工信部 for 工业和信息化部, 华建六局 for 华建第六工程局, 渝丰农商行 for 渝丰农村商业银行: the
    characters of the short form appear in order in the full name, starting with its first one
    and ending with the last character of its suffix, which the short form cuts (委 for 委员会).
    北京大学 is not a contraction of 北京师范大学: it keeps the whole suffix 大学."""
    if len(short) < shortest or len(short) > 0.8 * len(long) or short[0] != long[0]:
        return False
    if _another_body(short, long):
        return False
    suffix = suffix_of(long, Kind.ORG) or ""
    if long.startswith(short) and len(long) - len(short) >= len(suffix):
        return False  # 青禾银行 is not a contraction of 青禾银行大足支行 but its parent; 新闻办 of 新闻办公室 is
    if short[-1] != long[-1] and not (suffix and short[-1] == suffix[0]):
        return False
    if len(suffix) >= 2 and short.endswith(suffix):
        return False
    position = 0
    for ch in short:
        position = long.find(ch, position)
        if position < 0:
            return False
        position += 1
    return True


def _same_division(short: str, long: str) -> bool:
    """秀山 and 秀山土家族苗族自治县: the gazetteer knows both as names of one division."""
    longs = {d.code for d in gazetteer.lookup(long)}
    return bool(longs) and len(longs) == 1 and longs <= {d.code for d in gazetteer.lookup(short)}


def entity_id(kind: Kind, name: str) -> str:
    """A stable key: the same kind and name give the same id in every run."""
    return hashlib.sha1(f"{kind.value}|{name}".encode("utf-8")).hexdigest()[:16]


def abbreviates(short: str, long: str, kind: Kind) -> bool:
    """Can ``short`` be a short form of ``long`` within one article (省交通运输厅 for 河北省交通运输厅)?"""
    return _abbreviates(short, long, kind, set())


def _abbreviates(short: str, long: str, kind: Kind, places: set[str], loose: bool = False) -> bool:
    """:func:`abbreviates` with the article's places; loose: also a company called by words from the
    middle of its name (:func:`_words_of_core_and_company`), which an article's clusters try only for
    a short form that nothing else fits."""
    if kind is Kind.PERSON and short != long and _called_by_surname(short, long):
        return True  # 邹总 for 邹敏: no shorter, but how the article calls the person
    if short == long or len(short) >= len(long) or (kind is Kind.ORG and _other_place(short, long, places)):
        return False
    if kind is Kind.ORG and (_unit_of(short, long) or _body_named_after(short, long)
                             or short.endswith("公司") and long.endswith(_BRANCH_ENDS) and not short.endswith(_BRANCH_ENDS)
                             or _registered_apart(short, long)):
        return False  # (某某公司 names a company, not its 某某奇台分公司)
    long_core = core(long, kind, places)
    if loose:
        return kind is Kind.ORG and not BRACKETED_PLACE.search(long) and _words_of_core_and_company(short, long, long_core)
    forms = short_forms_of(long, kind, places)
    if short in forms | {core(long, kind)} or core(short, kind, places) == long_core and not (
            kind is Kind.PLACE and (_place_suffix(long_core) == long_core  # (鱼复|街道, 铁山坪|街道: two townships)
                                    or _place_suffix(short) in _TOWNSHIP_LEVEL and _place_suffix(long) is None)):
        return True  # (石林镇 and 万盛|石林: a township and a landmark of one name)
    if kind is Kind.ORG and short.endswith("公司") and not short.endswith(_LEGAL_ENDS) \
            and _trade_words_kept(core(short, kind), long_core, forms):
        return True  # 蔺州古镇文旅公司, 古韵修缮公司: a short form (or the core's words, some dropped) and 公司
    if kind is Kind.ORG:
        # 联合党委 for 青山智能装备产业链联合党委: a tail that keeps the organization's own suffix
        if long.endswith(short) and short not in lexicon("generic_names") and (
                len(short) >= 4 and short.endswith(longest_first("org_suffixes"))
                or len(short) == 3 and (short in lexicon("org_suffixes") or short[2] in lexicon("org_suffixes") or _word_and_kind(short))):
            return True  # (管委会 for 某某高新区管委会: a body's own three-character kind; 加工厂 for 某某籽油加工厂, 古乐厅 for
            # 雪研古乐厅: a one-character suffix; 艺术团 for 某某大歌艺术团: an ordinary word and a body's kind)
        if contraction(short, core(long, kind, places)) or contraction(short, core(long, kind)):
            return True
        if _same_place_contraction(short, long) or _branch_contraction(short, core(long, kind)) \
                or _strip_division_prefix(short) == short and _branch_contraction(short, long) \
                or _level_form(short, long) \
                or _youth_league_committee(short, long) \
                or _short_ending(short, long):  # (佛山中院 for 佛山市中级人民法院)
            return True
        if _middle_dropped(short, long, places) or _trade_dropped(short, long, long_core) or _foreign_region_dropped(short, long) \
                or _trade_word_contracted(short, long_core) \
                or _trade_word_and_company(short, long):
            return True
        if _brand_and_kind(short, long, long_core, kind) or _cooperative_short(short, long) or _words_dropped(short, long) \
                or _brand_and_own_kind(short, long, long_core) or _unit_by_its_own_name(short, long):
            return True  # (_words_dropped: 某区法院 for 某区人民法院)
    if kind is Kind.PLACE and (_same_division(short, long) or _words_dropped(short, long) or _short_ending(short, long)
                               or _words_dropped(short, long, "place_dropped_words")
                               or _brand_and_kind(short, long, long_core, kind) or _prefecture_initial(short, long)
                               or _place_tail(short, long) or _peoples_dropped(short, long) or _site_of_landmark(short, long)
                               or _place_and_site_kind(short, long, places) or _zone_short(short, long)):
        return True
    if kind is Kind.PERSON:
        return _dotted_name_part(short, long)
    if kind is Kind.INITIATIVE:  # 某某 for “某某”协作机制; 红叶季 for 三峡红叶季 (a tail with its own head)
        if "·" in long and long.split("·")[0] == short and len(short) >= 4:
            return True  # 城乡同课 for 城乡同课·一校带三校: the first part of a two-part name
        first, _, last = long.partition("·")
        if last == short and len(short) >= 3 and (first in places or gazetteer.lookup(first)
                                                  or any(start == 0 for start, _, _ in gazetteer.find(first))):
            return True  # 星夜集 for 观音桥·星夜集, 地标护航 for 利川莼菜·地标护航: the second part after the place
            # it is in (or the place's product)
        if last != short and last.lstrip("0123456789") == short and len(short) >= 3:
            return True  # 艺术仓 for 桷里·1958艺术仓: the second part without the year it names
        rest, heads = long[len(short):], _initiative_and_event_heads()
        return len(short) >= 2 and long.startswith(short) and len(rest) <= 6 and rest.endswith(heads) \
            or len(short) >= 3 and long.endswith(short) and short.endswith(heads) or _event_without_place(short, long) \
            or _place_dropped(short, long) or _site_kind_dropped(short, long, places) \
            or _short_ending(short, long)  # 某某马拉松 for 某某马拉松赛
    return False


_TOWNSHIP_LEVEL = ("镇", "乡", "街道")


def _landmark_of_township(short: str, township: str, text: str) -> bool:
    """Is short (太姥山) the landmark township (太姥山镇) is named after, by its last character
    (``landmark_endings``: 山, 湖, 泉, 口 …) and by the article writing it before a kind of site
    elsewhere (太姥山景区, 天目湖湿地; ``landmark_sites``)?"""
    return township[len(short):] in _TOWNSHIP_LEVEL and township.startswith(short) and len(short) >= 2 \
        and short[-1] in lexicon("landmark_endings") \
        and any(text.find(short + site) >= 0 for site in lexicon_list("landmark_sites"))


def _landmarks_apart(text: str, clusters: list[tuple[Kind, list[str], list[Mention]]]) -> Iterator[tuple[Kind, str]]:
    """The places of an article that are the landmark a township of the same article is named after
    (:func:`_landmark_of_township`: 阳澄湖 beside 阳澄湖镇 and 阳澄湖畔)."""
    places = [texts[0] for kind, texts, _ in clusters if kind is Kind.PLACE]
    for short in places:
        if any(_landmark_of_township(short, township, text) for township in places):
            yield Kind.PLACE, short


def _words_of_core_and_company(short: str, long: str, long_core: str) -> bool:
    """冷链公司 for 延安金塬冷链物流有限公司, 云上民宿公司 for 重庆横山云上民宿运营管理有限公司, 老街运营公司 for
    重庆弹子石老街文化旅游运营管理有限公司: two characters or more of the core, the first two a word's
    opening there and the others later in it, then 公司 (the company's full name ends in 公司)."""
    words = short[: -len("公司")]
    if not short.endswith("公司") or short.endswith(_LEGAL_ENDS) or not long.endswith("公司") or len(words) < 2:
        return False
    for start in accumulate((len(word) for word, _ in cut(long_core)), initial=0):
        if long_core.startswith(words[:2], start):
            at = start + 2
            for ch in words[2:]:
                at = long_core.find(ch, at) + 1
                if at == 0:
                    break
            else:
                return True
    return False


def _word_and_kind(short: str) -> bool:
    """联合社 for 某某专业合作社联合社, 艺术团 for 某某大歌艺术团: an ordinary word of two characters, then a
    one-character kind of body that is no organization suffix (``kind_characters``)."""
    return common_word(short[:2]) and short[2] in lexicon("kind_characters")


def _registered_apart(short: str, long: str) -> bool:
    """Are both full registered names (有限公司 and more: ``legal_suffixes`` of four characters or more),
    the longer the shorter's name, a place and a trade of its own: a company and a subsidiary named
    after it (北疆能源集团有限公司, 北疆能源集团|鄂尔多斯|氢能科技有限公司)?"""
    short_form, long_form = legal_form(short), legal_form(long)
    stem = short[: -len(short_form)] if short_form else short
    if len(short_form) < 4 or len(long_form) < 4 or not long.startswith(stem):
        return False
    rest = long[len(stem): -len(long_form)].removeprefix("集团")
    return any(gazetteer.lookup(rest[:n]) for n in range(2, min(len(rest) - 1, 7)))


def _called_by_surname(short: str, long: str) -> bool:
    """邹总, 龚孃孃, 王书记, 老陈 for 邹敏, 龚桂兰, 王建国, 陈德贵: the surname and how people call the
    person (``address_terms``, posts, honorifics), or 老/小 and the surname, or 阿 and the given name's
    last character (阿芳 for 陈晓芳)."""
    if not 2 <= len(long) <= 4 or MIDDLE_DOTS.intersection(long):
        return False
    surname = long[:2] if long[:2] in _compound_surnames() else long[0]
    if short in ("老" + surname, "小" + surname) or short == "阿" + long[-1] and len(long) > len(surname):
        return True  # (阿芳 for 陈晓芳: 阿 and the last character of the given name)
    return short.startswith(surname) and short[len(surname):] in _address_terms()


@cache
def _compound_surnames() -> frozenset[str]:
    return frozenset(s for s in lexicon("surnames") if len(s) == 2)


@cache
def _address_terms() -> frozenset[str]:
    return lexicon("address_terms") | lexicon("posts") | lexicon("honorifics")


def _dotted_name_part(short: str, long: str) -> bool:
    """哈里森 for 迈克尔·哈里森, 努尔兰 for 努尔兰·哈力别克: the last part of a name written with a middle
    dot, or the first (a Uyghur or Kazakh name's own name, by which the article calls the person)."""
    parts = re.split("|".join(map(re.escape, MIDDLE_DOTS)), long)
    return len(parts) > 1 and len(short) >= 2 and short in (parts[0], parts[-1])


@cache
def _initiative_and_event_heads() -> tuple[str, ...]:
    return tuple(sorted(set(longest_first("initiative_heads")) | set(longest_first("event_heads")), key=len, reverse=True))


_YEAR_FIRST = re.compile(r"^(?:19|20)\d\d年?")


def _event_without_place(short: str, long: str) -> bool:
    """江岸马拉松 for 2024柳州江岸城市马拉松: the event's name without its year and its place, and with
    its head (马拉松) kept whole; what comes before the head is how the rest starts (江岸 of 江岸城市)."""
    head = next((h for h in longest_first("event_heads") if short.endswith(h) and long.endswith(h)), None)
    if head is None or len(short) - len(head) < 2:
        return False
    rest = _strip_division_prefix(_YEAR_FIRST.sub("", long))
    return rest != long and rest != short and rest[: -len(head)].startswith(short[: -len(head)])


def _trade_word_and_company(short: str, long: str) -> bool:
    """港务公司 for 宁德白马港务有限公司: the last word of the company's own name (its trade, two
    characters) and 公司, as a story calls a company back."""
    own = long[: len(long) - len(legal_form(long))] if legal_form(long).endswith("公司") else ""
    word = short[:-2] if short.endswith("公司") else ""
    return len(word) == 2 and len(own) >= len(word) + 2 and own.endswith(word)


def _foreign_region_dropped(short: str, long: str) -> bool:
    """金穗农业 for 俄罗斯阿穆尔金穗农业股份公司: a foreign company called by its own name, without its
    country, the region after it (three characters at most) and its legal form."""
    country = next((long[:n] for n in range(min(6, len(long) - 4), 1, -1) if gazetteer.is_country(long[:n])), None)
    if country is None or gazetteer.country(country) == gazetteer.country("中国") or len(short) < 4:
        return False
    rest = long[len(country):]
    own = rest[: len(rest) - len(legal_form(rest))] if legal_form(rest) else rest
    return own.endswith(short) and 0 < len(own) - len(short) <= 3


def _place_dropped(short: str, long: str) -> bool:
    """巫山国际红叶节 for 重庆巫山国际红叶节, 第十七届巫山国际红叶节 for 第十七届重庆巫山国际红叶节: the same
    name, its edition or year kept, without the place that opens it after them (a place the
    gazetteer knows, the rest four characters or more)."""
    edition = _EDITION_FIRST.match(long)
    at = edition.end() if edition else 0
    if not short.startswith(long[:at]):
        return False
    dropped = long[at: len(long) - (len(short) - at)]
    return len(short) - at >= 4 and long.endswith(short[at:]) and bool(dropped) and gazetteer.is_place(dropped)


def _site_kind_dropped(short: str, long: str, places: set[str]) -> bool:
    """第三届龙缸旅游文化节 for 第三届龙缸国家地质公园旅游文化节: the same name, its edition kept, with the
    site that opens it (a place the article names, 龙缸国家地质公园) called by its own name (龙缸)."""
    edition = _EDITION_FIRST.match(long)
    at = edition.end() if edition else 0
    if not short.startswith(long[:at]):
        return False
    return any(long.startswith(site, at) and len(site) - len(own) >= 2 and long.endswith(short[at + len(own):])
               and len(short) - at - len(own) >= 4
               for site in places for own in (short[at: at + n] for n in range(2, 5)) if site.startswith(own))


#: a year or an edition that opens an event's name (2024, 第十七届)
_EDITION_FIRST = re.compile(r"(?:19|20)\d\d年?|第[一二三四五六七八九十百\d]+届")


def _unit_named_after(unit: str, name: str) -> bool:
    """Is unit the name followed by a unit's head (某某学院|研究生党支部)?"""
    return unit.startswith(name) and len(unit) > len(name) + 1 and unit.endswith(longest_first("unit_heads"))


def _unit_of(parent: str, long: str) -> bool:
    """Whether ``long`` names a unit of the company ``parent`` (某某有限公司|广州分公司, 某某集团|党委), or a
    branch named after the parent's short form and a place (金驼文旅|敦煌|分公司): the parent, not a
    short form of it."""
    if not long.startswith(parent):
        return False
    if parent.endswith(_COMPANY_ENDS) and long.endswith(longest_first("unit_heads")):
        return True
    rest = long[len(parent):]
    branch = next((b for b in _BRANCHES if rest.endswith(b)), "")
    return bool(branch) and len(rest) - len(branch) <= 4


def _body_named_after(short: str, long: str) -> bool:
    """Whether ``long`` (its leading division dropped or not) is another body named after the body
    ``short``: short's name, then words and a body's kind of two characters or more that is no legal
    form nor a company's (松江实验中学|教育集团, 某某合作社|联合社; not 某某医院|有限公司, 锦程物业|服务有限公司),
    or a company a university, an institute or a hospital founded (``company_founders``: 某某大学|科技园发展有限公司)."""
    for whole in (long, _strip_division_prefix(long)):
        rest = whole[len(short):] if whole.startswith(short) else ""
        if len(rest) >= 2 and short.endswith(_body_kinds()) and rest.endswith(_body_kinds()) and legal_form(rest) != rest \
                and (not rest.endswith("公司") or short.endswith(longest_first("company_founders"))):
            return True
    return False


@cache
def _body_kinds() -> tuple[str, ...]:
    """Organizations' kinds of two characters or more (中学, 教育集团): what ends a body's whole name."""
    return tuple(suffix for suffix in longest_first("org_suffixes") if len(suffix) >= 2)


def _other_place(short: str, long: str, places: set[str]) -> bool:
    """Does short open with a place that long does not name (某县林业局 and 某州林业局: two bodies)?"""
    place = short[: len(short) - len(_strip_place_prefix(short, places))]
    if not place or place in long:
        return False
    long_place = long[: len(long) - len(_strip_place_prefix(long, places))]
    return not (long_place and _same_division(place, long_place))


def _same_place_contraction(short: str, long: str) -> bool:
    """永川区经信委 for 永川区经济和信息化委员会, 某某地区行署 for 某某地区行政公署, 永川区教委 for
    永川区教育委员会, 佛山中院 for 佛山市中级人民法院, 昌图法院 for 昌图县人民法院: the same leading division
    (or its short name), and what follows it contracted or without the words short forms drop (two
    characters are enough after a division)."""
    short_rest, long_rest = _strip_division_prefix(short), _strip_division_prefix(long)
    place, long_place = short[: len(short) - len(short_rest)], long[: len(long) - len(long_rest)]
    if not (place and (long_place.startswith(place) and long_place[len(place):] in ("", "市", "县", "区")
                       or place != long_place and _same_division(place, long_place))):
        return False  # (佛山中院 for 佛山市中级人民法院: the city's short name; 海北州中院: the prefecture's)
    if short_rest == _without_dropped_words(long_rest):
        return True  # 昌图|法院 for 昌图县|人民法院
    return contraction(short_rest, long_rest) or (len(short_rest) == 2 < len(long_rest) and short_rest[0] == long_rest[0] and (
        short_rest[-1] == long_rest[-1] or contraction(short_rest, long_rest, shortest=2)))  # 行署; 教委 (委 of 委员会)


def _youth_league_committee(short: str, long: str) -> bool:
    """团市委 for 共青团某某市委, 团县委 for 共青团某某县委: 团 and the committee's level."""
    return long.startswith("共青团") and len(short) == 3 and short[0] == "团" and long.endswith(short[1:]) and short[1] in "省市区县"


def _level_form(short: str, long: str) -> bool:
    """区检察院 for 荣昌区人民检察院, 县文化旅游委 for 某某县文化和旅游发展委员会: the level of the
    leading division (区, 县 …) for the whole division, then the rest of the name as written, without
    a word short forms drop (``dropped_in_short_forms``), or contracted (省馆 for 某省图书馆)."""
    long_rest = _strip_division_prefix(long)
    level = long[: len(long) - len(long_rest)][-1:]
    if not level or level not in "省市区县镇乡" or not short.startswith(level) or short == long:
        return False
    rest = short[1:]  # (区)教委 for (某区)教育委员会: two characters are enough after the level
    if len(rest) == 1 and len(long_rest) == 3 and long_rest.endswith(rest) and long_rest in lexicon("org_suffixes"):
        return True  # 省馆 for 江西省图书馆: the division's own body of its kind, by the kind's last character
    return rest in (long_rest, _without_dropped_words(long_rest)) or contraction(rest, long_rest, shortest=2)


def _of_home_division(targets: list[str], forms: dict[tuple[Kind, str], list[Mention]]) -> list[str]:
    """Of bodies named after different divisions, the one of the division the article names most
    (its own district); all of them when no one division leads."""
    def times(name: str) -> int:
        place = name[: len(name) - len(_strip_division_prefix(name))]
        return sum(len(ms) for (kind, text), ms in forms.items() if place and text.startswith(place))

    counts = sorted(((times(t), t) for t in targets), reverse=True)
    return [counts[0][1]] if counts[0][0] > counts[1][0] else targets


def _words_dropped(short: str, long: str, words: str = "dropped_in_short_forms") -> bool:
    """某某保护区 for 某某国家级自然保护区, 港务区 for 某市国际港务区: the long name, or what follows its
    leading division, without the words short forms drop (``dropped_in_short_forms``, or another list)."""
    return short != long and short in (_without_dropped_words(long, words), _without_dropped_words(_strip_division_prefix(long), words))


def _without_dropped_words(name: str, words: str = "dropped_in_short_forms") -> str:
    """name without the words its short forms drop (``dropped_in_short_forms``: 人民, 国家级 …)."""
    for word in lexicon(words):
        name = name.replace(word, "")
    return name


def _branch_contraction(short: str, long: str) -> bool:
    """渝丰农商行大足支行 for 渝丰农村商业银行大足支行, 中科院青海盐湖研究所 for 中国科学院青海盐湖研究所: the
    same unit's name last (大足支行), and the parent's name before it contracted."""
    for k in range(2, len(short) - 2):
        tail = short[-k:]
        if not long.endswith(tail):
            break
        if tail.endswith(longest_first("org_suffixes")) and contraction(short[:-k], long[:-k]):
            return True
    return False


def _trade_dropped(short: str, long: str, long_core: str) -> bool:
    """檬泰农业 for 重庆檬泰农业开发有限公司 (core 檬泰农业开发), 某城某晟 for 某城某晟耐火材料有限公司: the
    opening of the core, or of the name without its legal ending, four characters or more, with a
    trade word left out at its end that ends no organization (not 青禾银行 of 青禾银行大足支行, its
    parent)."""
    legal = legal_form(long)
    wholes = [(long_core, 1, 4)] + ([(long[: -len(legal)], 2, 6)] if legal else [])
    for whole, fewest, most in wholes:
        rest = whole[len(short):]
        if len(short) >= 4 and whole.startswith(short) and fewest <= len(rest) <= most and suffix_of(rest, Kind.ORG) is None:
            return True
    return False


def _trade_word_contracted(short: str, long_core: str) -> bool:
    """澜湾电器 for 重庆澜湾家用电器有限公司 (core 澜湾家用电器): the trade name, then the trade word that ends
    the core (``industry_words``), one or two characters between them left out."""
    return len(short) >= 4 and 1 <= len(long_core) - len(short) <= 2 and any(
        long_core.startswith(short[:at]) and long_core.endswith(short[at:]) and short[at:] in lexicon("industry_words")
        for at in range(2, len(short) - 1))


def _brand_and_kind(short: str, long: str, long_core: str, kind: Kind) -> bool:
    """某焙公司 for 广东某焙智能家电有限公司, 某泓集团 for 广东某泓控股集团有限公司, 某港产业园 for 某市某港
    跨境电商产业园: the trade name, two characters or more opening the core, then 公司 or 集团 as the
    company's name has it, or the place's own suffix."""
    if kind is Kind.ORG:
        ending = short[-2:] if short[-2:] in _COMPANY_ENDS and short[-2:] in long else ""
    else:
        ending = suffix_of(short, Kind.PLACE) or ""
        ending = ending if len(ending) >= 2 and long.endswith(ending) else ""
    brand = short[: len(short) - len(ending)]
    return bool(ending) and len(brand) >= 2 and long_core.startswith(brand) and not long_core.startswith(short)




def _brand_and_own_kind(short: str, long: str, long_core: str) -> bool:
    """启明孵化器 for 重庆数谷启明科技企业孵化器有限公司: a trade name of the core (two characters or
    more) and the kind the company's name ends in before its legal form (three characters or more; not a
    cooperative's, see :func:`_cooperative_short`)."""
    kind = suffix_of(short, Kind.ORG) or ""
    own = long[: len(long) - len(legal_form(long))]
    brand = short[: len(short) - len(kind)]
    return len(kind) >= 3 and own.endswith(kind) and len(brand) >= 2 and brand in long_core and not kind.endswith(_COOPERATIVE)


def _unit_by_its_own_name(short: str, long: str) -> bool:
    """药学院 for 江苏某某医科大学药学院: a college by its own name after its university's."""
    parent = long[: len(long) - len(short)]
    return len(short) >= 3 and long.endswith(short) and short.endswith(("学院", "系")) and parent.endswith(("大学", "学院")) \
        and len(parent) >= 4


_COOPERATIVE = "合作社"


def _cooperative_short(short: str, long: str) -> bool:
    """石门贡米合作社 for 某县花田石门贡米种植专业合作社: the cooperative's own name (two characters or
    more) then 合作社, where the full name has only its kind (``cooperative_kinds``: 种植专业) and at
    most one product word (大豆, 中药材; any word of three characters or fewer: 牡丹, a place to jieba), or a
    product of three characters (方竹笋), between them."""
    if not (short.endswith(_COOPERATIVE) and long.endswith(_COOPERATIVE)) or len(short) < len(_COOPERATIVE) + 2:
        return False
    brand, kinds = short[: -len(_COOPERATIVE)], longest_first("cooperative_kinds")
    at = long.find(brand)
    rest = long[at + len(brand): -len(_COOPERATIVE)] if at >= 0 else ""
    kind = next((k for k in kinds if rest.endswith(k)), None)
    if kind is None or brand.endswith(kinds):
        return False
    product = [word for word, _ in cut(rest[: -len(kind)])]
    return len(product) <= 1 and (all(common_word(word) for word in product) or len(rest) - len(kind) <= 3) \
        or len(rest) - len(kind) <= 3 and all(common_word(word) or len(word) == 1 for word in product)  # (方竹|笋; 牡丹/ns)


def _short_ending(short: str, long: str) -> bool:
    """某某高新区 for 某某高新技术产业开发区, 某某马拉松 for 某某马拉松赛: the same name with the short
    form of its ending (``suffix_short_forms``), its leading division kept or dropped (湖滨中专 for
    某县湖滨中等专业学校), or the short ending alone for the division's body of that kind (律协 for 某县律师协会)."""
    own = _strip_division_prefix(long)
    return any(long.endswith(full) and short in (long[: -len(full)] + brief, own[: -len(full)] + brief if len(own) - len(full) >= 2 else "",
                                                 brief if own == full and len(brief) >= 2 else "")  # 律协 for 某县律师协会
               and (brief or not gazetteer.lookup(short))  # (柴达木 for 柴达木盆地, not 四川 for 四川盆地)
               for full, brief in table("suffix_short_forms"))


def _trade_words_kept(short_core: str, long_core: str, forms: set[str]) -> bool:
    """Is short_core (four characters or more) a short form of the long name, or its core's first
    two characters and then others of it in order (古韵修缮 of 古韵建筑修缮工程)?"""
    if len(short_core) < 4:
        return False
    if short_core in forms:
        return True
    position = 0
    for ch in short_core:
        position = long_core.find(ch, position) + 1
        if position == 0:
            return False
    return long_core.startswith(short_core[:2])


def _place_tail(short: str, long: str) -> bool:
    """临港物流园 for 永川港桥临港物流园: the end of a site's name that keeps its suffix and a name before
    it (four characters or more, no generic name)."""
    suffix = _place_suffix(short)
    return (len(short) >= 4 and long.endswith(short) and suffix is not None and len(short) > len(suffix) + 1
            and short not in lexicon("generic_names") and not gazetteer.lookup(short))


def _site_of_landmark(short: str, long: str) -> bool:
    """黑山谷 for 黑山谷景区: a landmark and the scenic site named after it, one place
    (``landmark_site_kinds``)."""
    return len(short) >= 2 and long.startswith(short) and long[len(short):] in lexicon("landmark_site_kinds")


def _peoples_dropped(short: str, long: str) -> bool:
    """后坪乡 for 后坪苗族土家族乡: an ethnic township without the names of its peoples (``peoples``)."""
    if not long.endswith(("乡", "镇")) or not short.endswith(long[-1]):
        return False
    base = short[:-1]
    return len(base) >= 2 and long.startswith(base) and _peoples_only(long[len(base):-1])


def _peoples_only(text: str) -> bool:
    """Is text one or more names of peoples run together (苗族土家族)?"""
    return bool(text) and any(text.startswith(p) and (text == p or _peoples_only(text[len(p):])) for p in lexicon("peoples"))


def _prefecture_initial(short: str, long: str) -> bool:
    """博州 for 博尔塔拉蒙古自治州: an autonomous prefecture by its first character and 州."""
    return len(short) == 2 and short[1] == "州" and long.endswith("自治州") and long[0] == short[0]


def _zone_short(short: str, long: str) -> bool:
    """万盛 for 万盛经开区: the zone's name without its kind (``zone_suffixes``), which names no county or
    higher division (not 长寿 of 长寿经开区: the district 长寿区) nor a landmark (not 松山湖 of 松山湖高新区,
    长兴岛 of 长兴岛经济技术开发区: the lake, the island; ``landmark_endings``)."""
    return long.startswith(short) and long[len(short):] in lexicon("zone_suffixes") and len(short) >= 2 \
        and short[-1] not in lexicon("landmark_endings") and not any(d.level <= 3 for d in gazetteer.lookup(short))


def _place_and_site_kind(short: str, long: str, places: set[str]) -> bool:
    """石柱基地 for 石柱黄连精深加工基地, 黄水市场 for 黄水中药材交易市场: the place that opens a site's name and
    the kind of site (a noun) that ends it, the words between (two to eight characters) left out."""
    if not 2 <= len(long) - len(short) <= 8:
        return False
    at = _place_then_rest(short, long, places, range(len(short) - 2, 1, -1))
    return at is not None and word_tags().get(short[at:], "").startswith("n")


def _middle_dropped(short: str, long: str, places: set[str]) -> bool:
    """青山工作队 for 青山驻村工作队: the same place first and the same name of three or more characters
    last, with one or two characters (not a number: 第一中学) left out between them."""
    gap = len(long) - len(short)
    if gap not in (1, 2):
        return False
    at = _place_then_rest(short, long, places, range(2, len(short) - 2))
    return at is not None and not any(ch in "第一二三四五六七八九十0123456789" for ch in long[at:at + gap])


def _place_then_rest(short: str, long: str, places: set[str], cuts: Iterable[int]) -> int | None:
    """The first of cuts where short splits into a place (one the article names or the gazetteer knows)
    that opens long and a rest that ends it."""
    return next((at for at in cuts if long.startswith(short[:at]) and long.endswith(short[at:])
                 and (short[:at] in places or gazetteer.lookup(short[:at]))), None)


def _kind_votes(mentions: Iterable[Mention]) -> dict[str, Kind]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:  # rules see the suffix; their word on the kind counts double
        votes[m.text][m.kind] += m.score * (1 if m.by == "labeller" else 2)
    return {text: counter.most_common(1)[0][0] for text, counter in votes.items()}


#: a name the whole corpus reads as one kind this often (and at least _CORPUS_MIN times) takes that
#: kind in every article: 普京 a person, also where one story's labeller read a place
_CORPUS_SHARE = 2 / 3
_CORPUS_MIN = 5


def _corpus_kinds(extractions: Iterable[Extraction]) -> dict[str, Kind]:
    """Names that articles read as different kinds → the kind most of their mentions have, where
    that is clear (see _CORPUS_SHARE); a name the gazetteer knows as a place only ever stays one."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for extraction in extractions:
        for m in extraction.mentions:
            votes[m.text][m.kind] += 1
    out: dict[str, Kind] = {}
    for text, counter in votes.items():
        if len(counter) < 2:
            continue
        kind, count = counter.most_common(1)[0]
        if count < _CORPUS_MIN or count < _CORPUS_SHARE * sum(counter.values()):
            continue
        if kind is not Kind.PLACE and gazetteer.is_place(text):
            continue  # 巴西 the team is still 巴西 the country
        out[text] = kind
    return out


def _article_clusters(extraction: Extraction, corpus_kinds: dict[str, Kind] | None = None
                      ) -> list[tuple[Kind, list[str], list[Mention]]]:
    """Clusters of surface forms in one article: (kind, forms longest first, mentions)."""
    corpus_kinds = corpus_kinds or {}
    kinds = {text: corpus_kinds.get(text, kind) for text, kind in _kind_votes(extraction.mentions).items()}
    forms: dict[tuple[Kind, str], list[Mention]] = defaultdict(list)
    for m in extraction.mentions:
        forms[(kinds[m.text], m.text)].append(m)
    places = {text for (kind, text) in forms if kind is Kind.PLACE}
    graph = nx.Graph()
    graph.add_nodes_from(forms)
    by_kind: dict[Kind, list[str]] = defaultdict(list)
    for kind, text in forms:
        by_kind[kind].append(text)
    # a one-character place (京) is matched by the full name written beside it (北京)
    spelled = {m.text: m.alias for m in extraction.mentions if m.alias and len(m.text) == 1 and m.kind is Kind.PLACE}
    declared: set[tuple[Kind, str]] = set()
    for m in extraction.mentions:  # a short form the article declares (某某公司（以下简称某某）) is the name's
        if m.alias and (kinds[m.text], m.alias) in forms and len(m.text) > 1:  # (京 for 北京: see spelled)
            graph.add_edge((kinds[m.text], m.text), (kinds[m.text], m.alias))
            if not is_latin(m.text):  # (a name's Latin form in brackets declares no short form)
                declared.add((kinds[m.text], min(m.text, m.alias, key=len)))
    for quoted, event in _quoted_before_events(extraction, kinds):  # “某某”第五届某某文化节: one initiative
        graph.add_edge((Kind.INITIATIVE, quoted.text), (Kind.INITIATIVE, event.text))
    renames = [r for r in extraction.relations if r.predicate == "formerName"]
    for r in renames:  # 甲原名乙: one body under two names
        if kinds[r.head.text] is kinds[r.tail.text]:
            graph.add_edge((kinds[r.head.text], r.head.text), (kinds[r.tail.text], r.tail.text))
    former = {r.tail.text for r in renames} - {r.head.text for r in renames}  # names only a former one
    for kind, texts in by_kind.items():
        for short in texts:
            if (kind, short) in declared:
                continue  # the declared name's only (not also 某某（越南）有限公司's, which it could shorten)
            probe = spelled.get(short, short) if kind is Kind.PLACE else short
            targets = [long for long in texts if long != short and (long == probe or _abbreviates(probe, long, kind, places))]
            if kind is Kind.PLACE and targets:  # 太姥山 beside 太姥山镇 and 太姥山景区: the mountain
                targets = [t for t in targets if not _landmark_of_township(short, t, extraction.article.text)]
            if not targets and kind is Kind.ORG:  # 冷链公司: words from the middle of one company's name
                targets = [long for long in texts if long != short and _abbreviates(short, long, kind, places, loose=True)]
            if len(targets) > 1 and kind is Kind.ORG and all(_level_form(short, t) for t in targets):
                targets = _of_home_division(targets, forms)  # 区应急管理局 beside three districts' bureaus
            if len(targets) > 1 and kind is Kind.ORG:  # 某公司 and 某公司天津分公司: the short form is the parent's
                targets = [t for t in targets if not any(t != u and t.startswith(u) for u in targets)]
                registered = [t for t in targets if t.startswith(short) and t[len(short):] in lexicon("legal_suffixes")]
                targets = registered if len(registered) == 1 else targets  # 某集团 → 某集团有限公司, not 某集团某地某公司
                # 森雅家居 beside 广东森雅家居股份有限公司 and 森雅家居（越南）有限公司: the parent's, not the subsidiary's
                targets = [t for t in targets if not BRACKETED_PLACE.search(t)] or targets
            lower: list[str] = []  # 江孜镇 beside 江孜县: a division the short name does not name
            if len(targets) > 1 and kind is Kind.PLACE:
                kept = _higher_division(targets)  # 江孜 beside 江孜县 and 江孜镇: the county
                targets, lower = kept, [t for t in targets if t not in kept]
            if len(targets) > 1 and not all(
                _abbreviates(a, b, kind, places) or _abbreviates(b, a, kind, places)
                for a, b in zip(targets, targets[1:])
            ):
                continue  # 吉林 beside 吉林省 and 吉林市: which one is meant is not clear
            longest = {core(max(targets, key=len), kind, places)} if targets else set()  # they abbreviate each other
            exact = any(short == core(t, kind, places) for t in targets)
            rivals = [] if exact else [
                t for t in texts if t not in targets and t not in lower and t != short and core(t, kind, places).startswith(short)
                and not (kind is Kind.ORG and (_unit_named_after(t, short) or any(t.startswith(u) or _registered_apart(u, t) for u in targets)))
            ]  # (not 某学院研究生党支部 nor 某公司天津分公司, a unit of the short form's own body, nor a company named after it)
            if targets and len(longest) == 1 and not rivals:  # an ambiguous short form stays apart
                for target in targets:
                    graph.add_edge((kind, short), (kind, target))
    clusters = []
    for component in nx.connected_components(graph):
        kind = next(iter(component))[0]
        forms_here = [t for _, t in component]
        texts = sorted(forms_here, key=lambda t: (kind is Kind.PERSON and any(_called_by_surname(t, o) for o in forms_here if o != t),
                                                 t in former, is_latin(t), -len(t), (kind, t) in declared, t))
        # 邹敏, not 邹总, names the person; the name it bears now, not a former one, and a name in Chinese,
        # not its Latin form (Kleinberg Precision AG), names the node; the declaring name, not its short form
        mentions = [m for key in component for m in forms[key]]
        clusters.append((kind, texts, mentions))
    return clusters


def _quoted_before_events(extraction: Extraction, kinds: dict[str, Kind]) -> list[tuple[Mention, Mention]]:
    """Quoted initiatives and the initiatives named right after their closing quote, an edition number
    between them or none (第五届“二圣茶香”巴南银针茶文化节, “阆苑春来”第六届阆中春节民俗文化季): the quoted
    name is the event's."""
    text = extraction.article.text
    initiatives = sorted((m for m in extraction.mentions if kinds[m.text] is Kind.INITIATIVE), key=lambda m: m.start)
    return [(a, b) for a, b in zip(initiatives, initiatives[1:])
            if a.by == "rules.quoted" and a.text != b.text and _QUOTE_THEN_EDITION.fullmatch(text, a.end, b.start)]


_QUOTE_THEN_EDITION = re.compile(r"[”」](?:第[一二三四五六七八九十百\d]+届|首届)?")


def _higher_division(targets: list[str]) -> list[str]:
    """The forms of the one higher division among a short name's targets when the others are lower
    divisions of the same name: a prefecture over its city (恩施州 and 恩施土家族苗族自治州 over 恩施市,
    阿勒泰地区 over 阿勒泰市), a county over its township (江孜县 over 江孜镇, 斗门区 over 斗门镇): the
    news names the higher one by the short name.  Not a province over its city (吉林省, 吉林市)."""
    found = {t: gazetteer.lookup(t) for t in targets}
    if not all(found.values()):  # a name the gazetteer lacks: by the suffixes (a county over its towns)
        counties = [t for t in targets if t.endswith(_COUNTY_LEVEL)]
        towns = [t for t in targets if t.endswith(_TOWNSHIP_LEVEL)]
        return counties if len(counties) == 1 and len(counties) + len(towns) == len(targets) else targets
    top = min(d.level for divisions in found.values() for d in divisions)
    upper = [t for t, divisions in found.items() if all(d.level == top for d in divisions)]
    lower = [t for t, divisions in found.items() if all(d.level > top for d in divisions)]
    if top < 2 or len(upper) + len(lower) != len(targets) or len({d.code for t in upper for d in found[t]}) != 1:
        return targets
    return upper


_COUNTY_LEVEL = ("县", "区", "市", "旗")


def _affiliations(extraction: Extraction, clusters: list[tuple[Kind, list[str], list[Mention]]]) -> dict[str, set[str]]:
    """Person name → the names of the organizations the article says they belong to."""
    cluster_name = {(m.start, m.end): texts[0] for _, texts, mentions in clusters for m in mentions}
    out: dict[str, set[str]] = defaultdict(set)
    for relation in extraction.relations:
        if relation.predicate == "memberOf":
            person = cluster_name.get((relation.head.start, relation.head.end), relation.head.text)
            out[person].add(cluster_name.get((relation.tail.start, relation.tail.end), relation.tail.text))
    return out


def _ambiguous_place(name: str) -> bool:
    """A place name that several divisions bear (临江镇, 东华镇)."""
    return len(gazetteer.lookup(name)) > 1


def _division_codes(name: str, context: list[str]) -> set[str]:
    """The code of the division a place name means, given the other places of its article."""
    division = gazetteer.resolve(name, [c for c in context if c != name])
    return {division.code} if division is not None else set()


def _context_groups(
    found: list[tuple[str, set[str], list[Mention]]], authored: set[str] = frozenset()
) -> list[tuple[str, list[Mention]]]:
    """People (or ambiguous places) of one name across articles: (discriminator, mentions) per real
    one. Articles that give them a common organization (or division code) are one; articles that
    give none join the single one the others describe, and stay apart when they describe several."""
    graph = nx.Graph()
    graph.add_nodes_from(range(len(found)))
    by_org: dict[str, int] = {}
    for i, (_, orgs, _) in enumerate(found):
        for org in orgs:
            if org in by_org:
                graph.add_edge(i, by_org[org])
            by_org.setdefault(org, i)
    affiliated = [c for c in nx.connected_components(graph) if any(found[i][1] for i in c)]
    loose = [i for i in range(len(found)) if not found[i][1]]
    if len(affiliated) <= 1:
        groups = _join_loose(affiliated[0] if affiliated else set(), loose, [a in authored for a, _, _ in found])
    else:
        groups = affiliated + ([set(loose)] if loose else [])
    out = []
    for group in groups:
        orgs = sorted(set().union(*(found[i][1] for i in group)))
        reporter = found[min(group)][0] in authored
        discriminator = "" if len(groups) == 1 else (orgs[0] if orgs else "?byline" if reporter else "?")
        out.append((discriminator, [m for i in sorted(group) for m in found[i][2]]))
    return out


def _join_loose(affiliated: set[int], loose: list[int], byline: list[bool]) -> list[set[int]]:
    """Articles that give a person no organization join the one person the others describe, but an
    author (a reporter in the byline) and a name in a story (someone reported on) are not taken for
    one person on the name alone: each joins the group of its own kind, or forms one."""
    roles = {byline[i] for i in affiliated}
    groups = [set(affiliated) | {i for i in loose if byline[i] in roles}] if affiliated else []
    for role in (True, False):
        rest = {i for i in loose if byline[i] is role and (not affiliated or role not in roles)}
        if rest:
            groups.append(rest)
    return groups


def read_aliases(path: str | Path) -> list[tuple[str, ...]]:
    """A same-as file: one entity a line, its names tab-separated, the name to use first
    (``青禾集团<TAB>青禾<TAB>Haier``); ``#`` starts a comment line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the alias file ({getattr(error, 'strerror', None) or error})") from None
    groups = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        names = tuple(n.strip() for n in line.split("\t") if n.strip())
        if len(names) < 2:
            raise InputError(str(path), f"line {number} names one thing; give a name and its aliases, tab-separated")
        groups.append(names)
    return groups


def _apply_aliases(names: dict[tuple[Kind, str], set[str]], contextual: dict, same_as: Iterable[tuple[str, ...]],
                   target: dict[tuple[Kind, str], tuple[Kind, str]]) -> None:
    """The user's same-as lines win over the rules: every name of a line joins the first one present."""
    for group in same_as:
        for kind in Kind:
            present = [n for n in group if (kind, n) in names]
            if len(present) < 2:
                continue
            canonical = (kind, present[0])
            for other in present[1:]:
                target[(kind, other)] = canonical
                names[canonical].update(names[(kind, other)] | {other})
                if (kind, other) in contextual:
                    contextual[canonical].extend(contextual.pop((kind, other)))


def resolve(extractions: Iterable[Extraction], known: Iterable[Entity] = (),
            same_as: Iterable[tuple[str, ...]] = ()) -> Resolution:
    """Merge the mentions of all articles into entities.

    ``known`` entities (from a store) keep their id and name: new mentions join them by name or
    alias, and they never merge into anything else. People of one name are told apart by the
    organizations their articles give them (see :func:`_context_groups`). ``same_as`` groups of
    names (:func:`read_aliases`) are merged whatever the rules say."""
    names: dict[tuple[Kind, str], set[str]] = defaultdict(set)  # (kind, name) → all forms
    members: dict[tuple[Kind, str], list[Mention]] = defaultdict(list)
    # names resolved by context: people by organization, ambiguous places by division
    contextual: dict[tuple[Kind, str], list[tuple[str, set[str], list[Mention]]]] = defaultdict(list)
    authored: dict[tuple[Kind, str], set[str]] = defaultdict(set)  # person → articles they wrote
    places_around: dict[tuple[Kind, str], set[str]] = defaultdict(set)  # place → places named beside it
    landmarks: set[tuple[Kind, str]] = set()  # 阳澄湖 kept apart from 阳澄湖镇 in an article: no township's form
    known_ids: dict[tuple[Kind, str], str] = {}
    for entity in known:
        key = (entity.kind, entity.name)
        known_ids[key] = entity.id
        names[key].update(entity.aliases)
    extractions = list(extractions)
    corpus_kinds = _corpus_kinds(extractions)
    for extraction in extractions:
        clusters = _article_clusters(extraction, corpus_kinds)
        affiliations = _affiliations(extraction, clusters)
        landmarks.update(_landmarks_apart(extraction.article.text, clusters))
        for kind, texts, mentions in clusters:
            key = (kind, texts[0])
            names[key].update(texts)
            names[key].update(m.alias for m in mentions if m.alias)
            if kind is Kind.PERSON and key not in known_ids:
                contextual[key].append((extraction.article.id, affiliations.get(texts[0], set()), mentions))
                if texts[0] in extraction.article.authors:
                    authored[key].add(extraction.article.id)
            elif kind is Kind.PLACE and key not in known_ids and _ambiguous_place(texts[0]):
                codes = _division_codes(texts[0], [t for k, ts, _ in clusters if k is Kind.PLACE for t in ts])
                contextual[key].append((extraction.article.id, codes, mentions))
            elif kind is Kind.ORG and key not in known_ids and texts[0].startswith(_LEVEL_FIRST):
                # 区人民医院, 县委: the body of the article's own district or county; an article that
                # names none keeps its own
                codes = _level_codes(texts[0][0], clusters) or {"?" + extraction.article.id}
                contextual[key].append((extraction.article.id, codes, mentions))
            else:
                members[key].extend(mentions)
                if kind is Kind.PLACE:  # the other places of the article, to read its division code
                    places_around[key].update(t for k, ts, _ in clusters if k is Kind.PLACE for t in ts)
    target = _cross_article_targets(names, known_ids, landmarks)
    _apply_aliases(names, contextual, same_as, target)

    def root(key: tuple[Kind, str]) -> tuple[Kind, str]:
        return _root(target, key)

    merged_forms: dict[tuple[Kind, str], set[str]] = defaultdict(set)
    merged_mentions: dict[tuple[Kind, str], list[Mention]] = defaultdict(list)
    merged_keys: dict[tuple[Kind, str], list[tuple[Kind, str]]] = defaultdict(list)
    for key, forms in names.items():
        if key in contextual or (key[0] is Kind.PERSON and key in target):
            continue
        r = root(key)
        merged_forms[r].update(forms | {key[1]})
        merged_mentions[r].extend(members[key])
        merged_keys[r].append(key)
    entities = []
    for (kind, name), forms in sorted(merged_forms.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        eid = known_ids.get((kind, name)) or entity_id(kind, name)
        around = set().union(*(places_around[k] for k in merged_keys[(kind, name)]))
        entities.append(_entity(eid, kind, name, forms, merged_mentions[(kind, name)], context=around))
    for (kind, name), found in sorted(contextual.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        if kind is Kind.PERSON:
            found = [(article, {root((Kind.ORG, org))[1] for org in orgs}, ms) for article, orgs, ms in found]
        written = _forms_written(m for _, _, ms in found for m in ms)
        for discriminator, mentions in _context_groups(found, authored.get((kind, name), set())):
            eid = entity_id(kind, f"{name}@{discriminator}" if discriminator else name)
            code = discriminator if kind is Kind.PLACE and discriminator not in ("", "?") else None
            if kind is Kind.PLACE and code is None and len({c for _, cs, _ in found for c in cs}) == 1:
                code = next(c for _, cs, _ in found for c in cs)
            # each one keeps the forms its own articles write (临江 only where 临江镇 is written so),
            # and the forms no article wrote (a same-as file's)
            forms = names[(kind, name)] - written | _forms_written(mentions)
            entities.append(_entity(eid, kind, name, forms, mentions, code))
    entity_of = {(m.article_id, m.start, m.end): e.id for e in entities for m in e.mentions}
    return Resolution(tuple(entities), entity_of)


def _forms_written(mentions: Iterable[Mention]) -> set[str]:
    """The names as written of some mentions, with the forms written beside them (“三联”机制)."""
    return {form for m in mentions for form in (m.text, m.alias) if form}


def _entity(eid: str, kind: Kind, name: str, forms: set[str], mentions: list[Mention], code: str | None = None,
            context: Iterable[str] = ()) -> Entity:
    ordered = tuple(sorted(mentions, key=lambda m: (m.article_id, m.start)))
    if kind is Kind.PLACE and code is None:
        code = next(iter(_division_codes(name, [c for c in context if c != name])), None)
    return Entity(eid, kind, name, tuple(sorted(forms - {name})), ordered, code)


def _cross_article_targets(names: dict[tuple[Kind, str], set[str]], known_ids: dict[tuple[Kind, str], str],
                           apart: set[tuple[Kind, str]] = frozenset()) -> dict[tuple[Kind, str], tuple[Kind, str]]:
    """Across articles, a name that is a form of exactly one longer entity of its kind joins it (two
    longer names that are themselves one entity count once), unless an article kept it apart
    (``apart``); a stored entity named by one of a new entity's forms absorbs it."""
    owner: dict[tuple[Kind, str], set[tuple[Kind, str]]] = defaultdict(set)
    for (kind, name), forms in names.items():
        for form in forms:
            owner[(kind, form)].add((kind, name))
    longer = _LongerNames(names)
    candidates: dict[tuple[Kind, str], set[tuple[Kind, str]]] = {}
    for key in names:
        kind, name = key
        if kind is Kind.PERSON or key in known_ids or key in apart:
            continue
        owners = {o for o in owner[key] if o != key and (len(o[1]) > len(name) or o in known_ids)}
        owners |= {(kind, form) for form in names[key] if (kind, form) in known_ids and form != name}
        if not owners:  # 永川 in one article, 永川区 in another; 工信部 and 工业和信息化部
            # only names that start alike: across articles, 乌克兰武装部队 is not 委内瑞拉武装部队
            owners = _longer_owners(key, longer, same_start=True)
            if not owners:  # 岚溪智能装备有限公司 in one article, 重庆岚溪智能装备有限公司 in another
                owners = _longer_owners(key, longer, same_start=False)
        candidates[key] = owners
    for (kind, short), full in _abbreviations().items():  # 央行 and 中国人民银行: nothing in the letters says so
        holders = {o for o in owner[(kind, full)] if o != (kind, short)}  # 北京 is a form of 北京市
        if (kind, short) in candidates and len(holders) == 1 and (not candidates[(kind, short)] or len(short) == 1):
            candidates[(kind, short)] = holders
    target = {key: next(iter(owners)) for key, owners in candidates.items() if len(owners) == 1}
    for key, owners in candidates.items():  # 国新办: 国务院新闻办 and 国务院新闻办公室, already one
        roots = {_root(target, o) for o in owners}
        if len(owners) > 1 and len(roots) == 1 and key not in roots:
            target[key] = roots.pop()
    return target


def _longer_owners(key: tuple[Kind, str], longer: _LongerNames, same_start: bool) -> set[tuple[Kind, str]]:
    """The longer names that ``key``'s name abbreviates, among those that start alike (or, with
    ``same_start`` false, that start alike once their leading division is left out); none when it
    may also begin another longer name (青禾 beside 青禾电子 and 青禾商务: not clear which)."""
    kind, name = key

    def alike(other: str) -> bool:
        return other[:1] == name[:1] if same_start else _starts_alike(name, other, kind)

    owners = {o for o in longer.candidates(kind, name)
              if o != key and alike(o[1]) and _abbreviates(name, o[1], kind, set())}
    if any(o not in owners and alike(o[1]) and len(o[1]) > len(name) and not any(_unit_of(w[1], o[1]) for w in owners)
           for o in longer.cores_starting(kind, name)):
        return set()  # (a unit of an owner, 某某有限公司广州分公司, is no other name it may begin)
    return owners


@cache
def _abbreviations() -> dict[tuple[Kind, str], str]:
    """Common abbreviations that no rule can read from the letters (央行 → 中国人民银行), and the
    one-character abbreviations of places (京 → 北京)."""
    out = {(Kind(kind), short): full for short, full, kind in table("abbreviations")}
    out.update({(Kind.PLACE, short): full for short, full in table("place_abbreviations")})
    return out


def _root(target: dict[tuple[Kind, str], tuple[Kind, str]], key: tuple[Kind, str]) -> tuple[Kind, str]:
    """Where a name ends when it follows its targets (a cycle stops where it closes)."""
    seen = set()
    while key in target and key not in seen:
        seen.add(key)
        key = target[key]
    return key


_NAMED_PLACE_FIRST = re.compile(r"[\u4e00-\u9fff]{2,}?(?:街道|社区|镇|乡|村)")
_LEVEL_FIRST = ("省", "市", "区", "县", "镇", "乡", "街", "村")  # 区人民医院: "the district's", no name


def _starts_alike(short: str, long: str, kind: Kind) -> bool:
    """Whether a short name starts like a longer one without its leading division (岚溪智能装备有限公司
    for 重庆岚溪智能装备有限公司); a short name that starts with an administrative level
    (区人民医院, 街道党工委) names no place and is like none."""
    rest = _strip_division_prefix(long)
    if rest == long or rest[:1] != short[:1] or short.startswith(_LEVEL_FIRST):
        return False
    # the place must not be what tells the name apart (上海证券交易所 is not any 证券交易所, 开罗主要机场
    # not any 主要机场): a company's registered name, a short name that starts with a place of its
    # own (某街道党工委), or a division (大连 of 辽宁大连)
    if kind is Kind.ORG:
        return long.endswith(longest_first("legal_suffixes")) or bool(_NAMED_PLACE_FIRST.match(short))
    return kind is Kind.PLACE and bool(_division_codes_of(short))


class _LongerNames:
    """An index of names by the short forms they may take (core, industry-less core, tail,
    contraction ends, division code, initiative without its head word), so that finding the names a
    short form abbreviates costs a few lookups instead of a scan of every name (see _abbreviates)."""

    _PREFIX = 8

    def __init__(self, names: Iterable[tuple[Kind, str]]) -> None:
        self.by_key: dict[tuple, set[tuple[Kind, str]]] = defaultdict(set)
        for kind, name in names:
            entry = (kind, name)
            base = core(name, kind)
            for form in short_forms_of(name, kind) | {base}:
                self.by_key[("form", kind, form)].add(entry)
            for k in range(2, min(len(base), self._PREFIX) + 1):
                self.by_key[("prefix", kind, base[:k])].add(entry)
            if kind is Kind.ORG:
                for k in range(4, len(name)):
                    self.by_key[("tail", kind, name[-k:])].add(entry)
                suffix = suffix_of(base, Kind.ORG) or ""
                for last in {base[-1], suffix[:1]} - {""}:
                    self.by_key[("ends", kind, base[0], last)].add(entry)
            elif kind is Kind.PLACE:
                for code in _division_codes_of(name):
                    self.by_key[("code", kind, code)].add(entry)
            elif kind is Kind.INITIATIVE:
                for head in lexicon("initiative_heads"):
                    if name.endswith(head):
                        self.by_key[("head", kind, name[: -len(head)])].add(entry)

    def candidates(self, kind: Kind, short: str) -> set[tuple[Kind, str]]:
        base = core(short, kind)
        keys = [("form", kind, short), ("form", kind, base), ("tail", kind, short),
                ("ends", kind, short[:1], short[-1:]), ("ends", kind, base[:1], base[-1:]), ("head", kind, short)]
        keys += [("code", kind, code) for code in (_division_codes_of(short) if kind is Kind.PLACE else ())]
        return set().union(*(self.by_key.get(k, ()) for k in keys))

    def cores_starting(self, kind: Kind, short: str) -> set[tuple[Kind, str]]:
        """Names whose core starts with short (for short forms of up to eight characters)."""
        return self.by_key.get(("prefix", kind, short), set())


def _level_codes(level: str, clusters: list[tuple[Kind, list[str], list[Mention]]]) -> set[str]:
    """The codes of the divisions of one level (区, 县 …) that an article names: the district a
    区人民医院 of that article belongs to."""
    return {code for kind, texts, _ in clusters if kind is Kind.PLACE
            for t in texts if t.endswith(level) for code in _division_codes_of(t)}


def _division_codes_of(name: str) -> set[str]:
    return {d.code for d in gazetteer.lookup(name)}
