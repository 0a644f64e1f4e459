"""Names found by their shape: organization and place names that end in a known suffix, extended
leftwards over the words of the name, and divisions from the gazetteer."""
from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import accumulate

from .. import gazetteer
from ..records import Kind, Mention
from ..resources import lexicon, longest_first, table
from .doc import Doc, Token
from .segmenter import word_tags, words

#: jieba tags of function words (prepositions, adverbs, conjunctions, pronouns): no name is one
FUNCTION_TAGS = ("p", "d", "c", "r")
_ITS = re.compile(r"[由与和将]?其")  # (由)其|子公司: the pronoun "its" (jieba's 由其子/nr), no name opens so
#: jieba tags of words that can sit inside a name (nouns, names, numbers, distinguishing words …)
_KEEP_TAGS = ("vn", "ng", "nz", "nt", "ns", "nr", "n", "j", "eng", "m", "b", "a", "s", "z", "k", "h", "g")
#: words that join two names in a list (甲、乙和丙, 甲公司与乙博物馆), longest first
JOINERS = ("以及", "、", "和", "及", "与")
REGION = "地区"  # after a region's name that is no division (西南|地区, 长三角|地区)
#: a place in brackets inside a name (中国(山东)自由贸易试验区, 某某（马来西亚）贸易有限公司), the place its group
BRACKETED_PLACE = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")
#: words that open the name of a national organization (北京|中国某某银行总行: the city is where it is)
NATIONAL = ("中国", "中华", "全国", "国家")
_MAX_LEN = {Kind.ORG: 32, Kind.PLACE: 16}
#: the endings of counties, cities and provinces (not of 园区, 社区: 东湖|新城|社区 is one name)
_COUNTY_ENDS = frozenset({"省", "市", "区", "县", "旗", "自治州", "自治县"})
COMPANY_ENDS = ("公司", "集团")  # a registered name's last word
_INVESTS_IN = ("投资", "建设")  # jieba's 投资|建设 before the name of what is built
#: place suffixes of administrative units: a place chain breaks after them (临江镇|东华社区|老街)
MIDDLE_DOTS = frozenset("·•・")  # inside names (某某·某某), never at their start
ADMIN_ENDS = ("省", "市", "区", "县", "旗", "乡", "镇", "村", "街道", "社区", "自治州", "自治县", "自治区")


@cache
def _ending_index(name: str) -> tuple[frozenset[str], tuple[int, ...]]:
    entries = lexicon(name)
    return entries, tuple(sorted({len(s) for s in entries}, reverse=True))


@lru_cache(maxsize=1 << 16)  # the same words come back in every article
def longest_ending(word: str, name: str, rest: int = 0) -> str | None:
    """The longest entry of lexicon ``name`` that word ends with, leaving at least rest characters."""
    entries, lengths = _ending_index(name)
    for length in lengths:
        if length + rest <= len(word) and word[-length:] in entries:
            return word[-length:]
    return None


def suffix_of(word: str, kind: Kind) -> str | None:
    """The longest organization or place suffix that word ends with."""
    return longest_ending(word, "org_suffixes" if kind is Kind.ORG else "place_suffixes")


def _inside_name(token: Token, right: Token | None, kind: Kind) -> bool:
    """Can this token be part of a name that continues with `right`?"""
    if token.text in ("原", "前", "副") or token.text in lexicon("posts") or token.text in lexicon("body_separators"):
        return False  # 某部部长|某某某, 某集团公司|原|党委常委, 某某制药|原名|某某制药厂, 某党委|会同|某委员会
    if kind is Kind.PLACE and len(token.text) == 2 and token.text.endswith(("往", "向")):
        return False  # 销往|粤港澳大湾区, 驶向|某港: a motion verb before where it goes
    if token.text.endswith(("届", "轮")) or token.text in ("年", "月", "日") or (kind is Kind.ORG and token.text.endswith("楼")):
        return False  # 某市|新一届|政府, 新一轮|乡, 1997|年|全公司, 某单位办公楼|9楼|会议厅: a term, a date, a building
    if token.text == "和" and kind is Kind.ORG:
        # 住房和城乡建设局, 文化广播电视和旅游局: a conjunction inside a name, but not between two names
        # (甲银行|和|乙银行: _chunk looks at the word before it)
        return right is not None and (suffix_of(right.text, Kind.ORG) is None
                                      or len(right.text) - len(suffix_of(right.text, Kind.ORG) or "") >= 2)  # not 和|县医院
    if token.text.isdigit() or (token.pos == "m" and any("\u4e00" <= ch <= "\u9fff" for ch in token.text)):
        return kind is Kind.ORG or token.pos == "m"
    if token.pos.startswith(_KEEP_TAGS) and not (token.pos.startswith("v") and token.pos != "vn"):
        return True
    if token.pos in ("eng",) or token.text.isascii() and token.text.isalnum():
        return True
    return token.text == "口"  # 陶器|口/q|正街: a place's 口 (a pass, a ferry), which jieba tags as a measure


def _verbs_after_company(tokens: Sequence[Token], verb: int) -> bool:
    """Is token verb (a leading verb) after a company's legal form, with at most one more verb between
    (某某有限公司|合作|建设)?"""
    at = verb - 1
    if at >= 0 and tokens[at].pos.startswith("v"):
        at -= 1
    return at >= 0 and tokens[at].text.endswith(longest_first("legal_suffixes"))


@cache
def relation_cues(relation: str, pattern: str) -> frozenset[str]:
    """The cue words of one relation and pattern of ``relation_cues.tsv`` (organizer / founds: 成立, 设立 …)."""
    return frozenset(cue for rel, pat, cue in table("relation_cues") if (rel, pat) == (relation, pattern))


@cache
def _location_verbs() -> frozenset[str]:
    """The verbs of two characters or more that say where a body is (relation_cues ``after``: 位于, 地处, 坐落于 …)."""
    return frozenset(cue for cue in relation_cues("locatedIn", "after") if len(cue) >= 2)


def founding_verbs() -> frozenset[str]:
    """The verbs by which bodies found another (relation_cues ``founds``: 成立, 设立, 共建 …)."""
    return relation_cues("organizer", "founds")


def station_of(doc: Doc, i: int) -> bool:
    """Is token i a bare 站 after a division's or a place's name, a station named after it (忠县|站,
    团结村|站, 阿勒泰|站), not someone standing (某某站在…, 站着, 站了起来)?"""
    tokens = doc.tokens
    if tokens[i].text != "站" or i == 0 or doc.text[tokens[i].end : tokens[i].end + 1] in _STANDING:
        return False
    return named_after_division(tokens[i - 1].text + "站")


def named_after_division(name: str) -> bool:
    """Is name a station named after a division or a place the gazetteer knows (团结村站, 阿勒泰站)?"""
    before = name[:-1]
    return name.endswith("站") and len(before) >= 2 and (before.endswith(ADMIN_ENDS) or bool(gazetteer.lookup(before)))


_STANDING = frozenset("在着了起上到出住稳立成满")


def _chunk(doc: Doc, end_index: int, kind: Kind, end: int | None = None) -> Mention | None:
    """The name ending with token end_index (or at `end` inside it), extended leftwards."""
    tokens = doc.tokens
    last = tokens[end_index]
    end = last.end if end is None else end
    start_index = end_index
    while start_index > 0:
        opening = _division_ending_with(doc, tokens[start_index])
        if opening is not None:
            start_index = opening  # 宝|顶|镇|人民政府: the township jieba cuts is the body's division
            if start_index == 0:
                break
        left = tokens[start_index - 1]
        right = tokens[start_index]
        if not (_inside_name(left, right, kind) or _purpose_verb(left, doc.text[left.end:end], kind)
                or _verb_joined_to_purpose(doc, start_index - 1, end_index, end, kind)
                or _fields_joined(doc, left, right, end, kind)
                or division_named_elsewhere(doc, left)
                or (start_index == end_index and _time_word_in_chain(tokens, start_index - 1, kind))):
            named = _village_named_before(doc, start_index)
            if named is None:
                break
            start_index = named  # 木|根|乡村旅游专业合作社 beside 木根村: the village's name opens the body's
            continue
        if left.text in JOINERS and start_index >= 2 and suffix_of(tokens[start_index - 2].text, kind):
            break  # 甲银行|和|乙银行: a conjunction after a name joins two names
        if left.text in ("内", "里") and start_index >= 2 and suffix_of(tokens[start_index - 2].text, Kind.PLACE):
            break  # 某开发区|内|某公司: inside a place, not part of the name
        if within_division(left.text):
            break  # 联合|镇内|某村: within the township, not part of the village's name
        if left.text in lexicon("owner_words"):
            break  # 某集团|旗下|公司, 某酒庄|隶属于|某公司: the unit and its owner, two names
        if left.text in lexicon("opening_verbs") and (left.pos == "v" or start_index >= 2 and (
                tokens[start_index - 2].text in lexicon("opening_verbs") or tokens[start_index - 2].text.endswith(COMPANY_ENDS))):
            break  # 某街道|开业|运营|某某中心, 某某有限公司|运营|社区养老服务中心: the verbs of its opening or a company's
            # running it, no part of the name (but 某某|运营|管理有限公司)
        if kind is Kind.PLACE and left.text in lexicon("leading_verbs") and start_index >= 2 \
                and (suffix_of(tokens[start_index - 2].text, Kind.ORG)
                     or (tokens[start_index - 2].text.endswith(ADMIN_ENDS) or len(suffix_of(tokens[start_index - 2].text, Kind.PLACE) or "") >= 2)
                     and end - right.start >= 3
                     or suffix_of(tokens[start_index - 2].text, Kind.PLACE) and end - right.start >= 4):
            break  # 某某有限公司|落户/n|工业集中区: a body, then its verb; 在某镇|建设|某某产业园, 某产业园|地处|某镇,
            # 新田|港|建设|冷链物流基地: a place, then the verb
        if left.text in lexicon("leading_verbs") and _verbs_after_company(tokens, start_index - 1):
            break  # 某某物流有限公司|合作|建设|某某中心: a company, its verbs, then what it builds
        if start_index >= 2 and (tokens[start_index - 2].text, left.text) == _INVESTS_IN and start_index < end_index:
            break  # 新区投资|建设|金麦浪啤酒文化博物馆: the verbs (jieba's 投资|建设), then the name of what is built
        if left.text in founding_verbs() or left.text in _location_verbs():
            break  # 某村|设置|家庭医生工作站, 某学院|组建|某中心: the verb that founds it, no part of its name; 城口|地处|大巴山
        if right.text == "大" and start_index < end_index and left.pos == "m" and left.text[-1] in _DIGITS \
                and not left.text.startswith("第"):
            start_index += 1  # 某某|两|大|造船基地: "two major", a count, no part of the name
            break
        if left.text.endswith("元") and left.pos in ("m", "q") or left.pos == "m" and _COUNT_OF_THINGS.fullmatch(left.text):
            break  # 投资2亿|元|建设某中心: an amount; 调试|一台|某某加工中心: a count of things, not part of the name
        if kind is Kind.PLACE and (left.text.endswith(ADMIN_ENDS + ("号线",)) or left.text == "线") \
                and not (left.text == "村" and right.text == "社区") and not station_of(doc, start_index) \
                and not (not left.text.endswith(("村", "社区")) and _needs_place_before(doc.text[right.start:end])):
            break  # 临江镇 | 东华社区, 云岭 镇 | 东华社区, 3号线 | 云岭路站: each its own place (but 某铁村|社区 is one,
            # and 某镇|工业集中区 too: ordinary words before a site's purpose name nothing without the place;
            # a village's base, 某村|辣椒种植基地, is the village's, whose name jieba may cut)
        if kind is Kind.PLACE and _is_division(left.text) and (
                (start_index == end_index and _is_division(last.text) and suffix_of(last.text, kind) != last.text)
                or (start_index < end_index and suffix_of(last.text, kind) in _COUNTY_ENDS)):
            break  # 成都 | 武侯区, 河北 | 栾城|县: a division before a county's or a city's name
        if last.end - left.start > _MAX_LEN[kind]:
            break
        start_index -= 1
    while start_index < end_index and (cannot_start(tokens[start_index]) or _complement(tokens, start_index)
                                        or _counted(tokens, start_index) or _measure_after_figure(tokens, start_index)) \
            and not division_named_elsewhere(doc, tokens[start_index]):
        start_index += 1  # a name does not start with a verb (启动滨江湾区, 落户青山区), a number word, 建|好 or a count (120|余所, 7|处)
    start = tokens[start_index].start
    if kind is Kind.PLACE and start_index > 0 and _HEAD_OF_PLACE.search(tokens[start_index - 1].text) \
            and not is_name(doc.text[start:end], kind):
        start -= 1  # 某镇|长|岭村 read as 某|镇长|岭村: the 长 opens the village's name (长岭村)
    date = _DATE_START.match(doc.text, start, end)
    if date:
        start = date.end()
    if kind is Kind.ORG:
        start += national_start(doc.text[start:end])
    start = _after_rank(doc, start, end, tokens[start_index:end_index], kind)
    text = doc.text[start:end]
    if COUNTED_BEFORE.search(doc.text, max(0, start - 4), start) or _COUNTED_AFTER.match(doc.text, end):
        return None  # 一所|师范大学, 一个|小卖部, 运营社区养老服务站|11个: one of many, not a name
    if not is_name(text, kind) or _ordinary_place_word(text, kind, start_index == end_index and end == last.end):
        return None
    if kind is Kind.ORG and (without_member_word(text) < len(text) or text.endswith(_subsidiary_words())):
        return None  # 某某集团有限公司|全资子公司: the company before it has its own suffix; 华瓷新材|全资子公司: a description
    score = 0.85 if len(suffix_of(text, kind) or "") >= 2 else 0.7
    return Mention(doc.article.id, start, end, text, kind, by=f"lexicon.{kind.name.lower()}_suffix", score=score)


#: the words that say a body had another name (甲原名乙, 甲的前身是乙) and that it took a new one (乙更名为甲)
FORMER_NAME_WORDS = r"的?前身(?:是|为)|原名(?:为|是)?|原称|曾用名"
RENAMED_WORDS = r"(?:同时|已|正式|整体)?(?:更名|改名|改称)(?:为|成)"
#: either of them inside one name the labeller read (某某航运原名某某船务有限公司)
RENAMING = re.compile(f"{FORMER_NAME_WORDS}|{RENAMED_WORDS}")


@cache
def _subsidiary_words() -> tuple[str, ...]:
    """The member words that qualify a subsidiary (全资子公司, 控股子公司, 旗下子公司: ``member_words``): a
    description of one, never the end of its name."""
    return tuple(word for word in longest_first("member_words") if word.endswith("子公司") and len(word) > 3)


def village_body(pieces: list[str]) -> bool:
    """Are the last two pieces of a place chain a village and a body named after it (某某村|卫生室:
    ``village_bodies``)?"""
    return len(pieces) == 2 and len(pieces[0]) >= 3 and pieces[0].endswith("村") and pieces[1] in lexicon("village_bodies")


def village_body_head(name: str) -> str:
    """The head of a body named after its village that ends name (卫生室 of 某某村卫生室), or ""."""
    return longest_ending(name, "village_bodies") or ""


@cache
def org_anaphor_nouns() -> tuple[str, ...]:
    """公司, 集团, 学院, 院 …: the nouns of ``anaphora.tsv``'s 该 phrases that stand for an organization,
    longest first."""
    nouns = (phrase.removeprefix("该") for phrase, kind in table("anaphora") if kind == Kind.ORG.value)
    return tuple(sorted(nouns, key=len, reverse=True))


def before_aspect(doc: Doc, end: int) -> bool:
    """Does an aspect particle (了, 过, 着: a word of its own, not 着急 or 了解) follow ``end``, so that the
    word before it is a verb (某人|学会|了)?"""
    at = bisect_left(doc.tokens, end, key=operator.attrgetter("start"))
    return at < len(doc.tokens) and doc.tokens[at].start == end and doc.tokens[at].text in _ASPECT


def _needs_place_before(text: str) -> bool:
    """Does text say what a site is for in ordinary words (电子商务产业园, 工业集中区), naming nothing
    without the place before it?"""
    suffix = longest_ending(text, "purpose_place_suffixes")
    return suffix is not None and (text == suffix or ordinary_head(text, suffix))


def within_division(word: str) -> bool:
    """Is word a division's level and "within" (镇内, 县里): where something is, never part of a name?"""
    return len(word) == 2 and word[0] in "镇乡村县区市" and word[1] in "内里"


def without_member_word(text: str) -> int:
    """How long an organization's name is without a word for its members or its parts that the
    labeller read into it (``member_words``: 研究生, 全资子公司), when what is left has a suffix."""
    word = longest_ending(text, "member_words") or ""
    rest = text[: len(text) - len(word)]
    return len(rest) if word and suffix_of(rest, Kind.ORG) else len(text)


def finds(text: str, part: str) -> Iterator[int]:
    """Where part occurs in text, overlapping occurrences too."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _village_named_before(doc: Doc, i: int) -> int | None:
    """The index of the word that opens the two or three characters before token i when the article
    writes them elsewhere as a village's, a township's or a community's name (木根 of 木根村), the
    characters being words jieba cuts (木|根)."""
    right = doc.tokens[i]
    for size in (3, 2):
        start = right.start - size
        j = bisect_left(doc.tokens, start, key=lambda t: t.start) if start >= 0 else i
        if j >= i or doc.tokens[j].start != start or any(len(t.text) != 1 or not "\u4e00" <= t.text <= "\u9fff" for t in doc.tokens[j:i]):
            continue  # (one-character words only: the cheap test first, on the hot path of _chunk)
        name = doc.text[start:right.start]
        if any(at != start for end in TOWNSHIP_ENDS for at in finds(doc.text, name + end)):
            return j
    return None


def _division_ending_with(doc: Doc, token: Token) -> int | None:
    """The index of the word that opens a division the gazetteer knows by its full name, ending with
    token and opening at an earlier word (宝|顶|镇: jieba cuts 宝顶镇 into a name and a verb)."""
    if not token.text.endswith(ADMIN_ENDS):
        return None
    start = _divisions_by_end(doc.text).get(token.end)
    if start is None or start >= token.start or _opens_with_function_word(doc, start, token.end):
        return None
    i = bisect_left(doc.tokens, start, key=lambda t: t.start)
    return i if doc.tokens[i].start == start else None


@lru_cache(maxsize=8)
def _divisions_by_end(text: str) -> dict[int, int]:
    """Where each division the gazetteer finds in text by its full name ends → where it starts."""
    return {end: start for start, end, name in gazetteer.find(text) if name.endswith(ADMIN_ENDS)}


def division_named_elsewhere(doc: Doc, token: Token) -> bool:
    """Does a verb of one or two characters open a name the article gives a township elsewhere
    (渡|舟新材料产业园 beside 渡舟街道, 安居|古城 beside 安居镇)? Punctuation opens none (,|古镇 is no
    古镇's name)."""
    if len(token.text) > 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in token.text):
        return False
    opening = doc.text[token.start:token.start + 2]
    at = doc.text.find(opening)
    while at >= 0:
        township = next((end for end in TOWNSHIP_ENDS if doc.text.startswith(end, at + 2)), None)
        if at != token.start and township and (len(token.text) == 1 or gazetteer.is_place(opening + township)):
            return True  # (a word of two characters: the township the gazetteer knows, not 今年|村里)
        at = doc.text.find(opening, at + 1)
    return False


TOWNSHIP_ENDS = ("街道", "镇", "乡", "村", "社区")  # the divisions whose names open a site's


def _purpose_verb(token: Token, suffix: str, kind: Kind) -> bool:
    """Is token a two-character verb right before the suffix that says what a site or a cooperative
    is for (种植|基地, 养殖|专业合作社), so inside its name?"""
    purposes = {Kind.PLACE: "purpose_place_suffixes", Kind.ORG: "purpose_org_suffixes"}
    return (kind in purposes and token.pos.startswith("v") and len(token.text) == 2
            and suffix in lexicon(purposes[kind]) and token.text not in lexicon("leading_verbs"))  # not 落户|工业集中区


def _fields_joined(doc: Doc, token: Token, right: Token, end: int, kind: Kind) -> bool:
    """Is token a 与 between two fields inside the name of a laboratory or a college
    (``joined_field_suffixes``: 智慧港口|与|多式联运重点实验室), not between two names?"""
    return (kind is Kind.ORG and token.text == "与" and doc.text.endswith(longest_first("joined_field_suffixes"), 0, end)
            and suffix_of(right.text, Kind.ORG) is None and not right.pos.startswith(("ns", "nt", "nr")))


def _verb_joined_to_purpose(doc: Doc, i: int, end_index: int, end: int, kind: Kind) -> bool:
    """Is token i a two-character verb joined by 与 to the verb that says what a body does, inside
    its name (某某感知|与|控制|重点实验室)?"""
    tokens = doc.tokens
    return (kind is Kind.ORG and i + 2 <= end_index and tokens[i + 1].text == "与" and tokens[i].pos == "v"
            and len(tokens[i].text) == 2 and _purpose_verb(tokens[i + 2], doc.text[tokens[i + 2].end:end], kind))


def _time_word_in_chain(tokens: Sequence[Token], i: int, kind: Kind) -> bool:
    """Is token i a time word that names a township or town between a division and its ending
    (某某区|满月|乡: jieba reads 满月 as a time word)?"""
    return (kind is Kind.PLACE and tokens[i].pos.startswith("t") and i > 0 and tokens[i - 1].text.endswith(ADMIN_ENDS)
            and tokens[i + 1].text in ("乡", "镇"))


def post_before(text: str, at: int) -> bool:
    """Does a post (``posts``: 主席, 总统 …) end right before offset at (总统|某某)?"""
    return text.endswith(_posts(), 0, at)


@cache
def _posts() -> tuple[str, ...]:
    return tuple(lexicon("posts"))


def _complement(tokens: Sequence[Token], i: int) -> bool:
    """Is token i a verb's one-character result (``result_complements``: 建|好|某某公园, 做|强|某某)?"""
    return i > 0 and tokens[i].text in lexicon("result_complements") and tokens[i - 1].pos.startswith("v")


def _after_rank(doc: Doc, start: int, end: int, tokens: Sequence[Token], kind: Kind) -> int:
    """Where a name starts that follows a rank and its noun (某国第三大银行|某某银行): after that noun;
    else start."""
    rank = _RANK_INSIDE.search(doc.text, start, end)
    if rank is None or rank.end() >= end:
        return start
    noun = next((t for t in tokens if t.start == rank.end()), None)
    return noun.end if noun is not None and suffix_of(noun.text, kind) == noun.text else start


def national_start(name: str) -> int:
    """Where a national name starts after the Chinese divisions that open an organization name
    (北京|中国某某银行: the city says where it is), or 0."""
    position = 0
    for start, end, _ in gazetteer.find(name):
        if start != position or not _is_division(name[start:end]):
            break  # 美国|国家航空航天局 is one name: only a Chinese division says where
        position = end
        if name.startswith(NATIONAL, position) and len(name) - position >= 4 and not name.startswith("中华民族", position):
            return position  # but 某市|中华民族文化促进会 is the city's: the nation is what it is about
    return 0


def _ordinary_place_word(text: str, kind: Kind, one_token: bool) -> bool:
    """工作思路, 家属楼: one ordinary dictionary word that ends like a place (but 作登乡 is a place)."""
    return kind is Kind.PLACE and one_token and common_word(text) and not text.endswith(ADMIN_ENDS)


_SURE = 0.6
#: a person the labeller reads with 0.45-0.6 is right two times in three on held-out text (MSRA, PD)
_PERSON_FLOOR = 0.45
#: the same for an organization or a place (首钢, 春兰 at 0.5): floors of 0.3-0.5 give held-out F1
#: within 0.0015 of each other, 0.4 the best; 0.6 cost 0.003 on MSRA
_NAME_FLOOR = 0.4
#: one-character heads that name the level of government of the story's own place (市|人民法院)
_LEVELS = frozenset({*"省市县区州镇乡", "中央"})


def plausible_label(text: str, kind: Kind, score: float) -> bool:
    """Is a span the labeller read as ``kind`` with confidence ``score`` worth keeping as a name?

    Dropped: low confidence; a place or body opening with a personal pronoun (我们厂); a generic name
    (:func:`generic_name`: 党和政府, 园区, 两岸, even where jieba's
    dictionary calls it an organization) or one ending in a generic tail (``generic_tails``: 某镇集体经济组织,
    上市公司); a suffix after a generic word (社区党支部, 物业公司,
    大医院) unless jieba's dictionary knows the whole span as a place or organization name (黄河,
    中央电视台) or, with the labeller sure (0.9), as an abbreviation (东盟); and a
    word jieba's dictionary knows as an ordinary one (强调, 互联网, 传承) unless the labeller is fairly
    sure (that dictionary also tags 周恩来 as a time word and 桥本龙太郎 as a common noun); a count opening
    it (36处石窟, 2班某地). The 0.6 is measured: 0.5-0.8 give the same dev and dev2 scores and 0.6 the best held-out MSRA, CLUENER and
    People's Daily span F1 together (0.5 is 0.001 better on MSRA, 0.001 worse on CLUENER).
    """
    if score < (_PERSON_FLOOR if kind is Kind.PERSON else _NAME_FLOOR) or generic_name(text) \
            or kind is not Kind.PERSON and text.startswith(longest_first("personal_pronouns")) \
            or kind is not Kind.PERSON and text.endswith(longest_first("generic_tails")) \
            or kind is Kind.ORG and bare_unit(text) or kind is not Kind.PERSON and _COUNT_OPENING.match(text):
        return False
    tag = word_tags().get(text, "")
    if kind is not Kind.PERSON and not tag.startswith(("ns", "nt")) and not (tag == "j" and score >= 0.9) \
            and not _one_character_town(text, kind, score) and not _one_character_landmark(text, kind, score):
        if any(suffix_of(text, k) and not is_name(text, k) for k in (Kind.ORG, Kind.PLACE)):
            return False
    return score >= _SURE or not common_word(text)


def _one_character_landmark(text: str, kind: Kind, score: float) -> bool:
    """Is text a river, lake or mountain named by one character (琼江, 綦河, 黛湖) that the labeller reads
    surely as a place, no ordinary word (山区, 江湖)?"""
    return kind is Kind.PLACE and len(text) == 2 and text[1] in lexicon("landmark_endings") and score >= _SURE_LANDMARK \
        and not common_word(text)


_SURE_LANDMARK = 0.9
_HOLDING = ("在华全资", "全资", "控股", "区域", "海外")


def bare_unit(text: str) -> bool:
    """Is text a unit that names nothing (``bare_unit_tails``) after a place, a country or a generic word
    (越南子公司, 集团欧洲子公司, 德国总部, 联合体秘书处, 华全资子公司)?"""
    tails = longest_first("bare_unit_tails")
    if not text.endswith(tails):
        return False  # (most names: one test on the hot path of is_name)
    tail = next(t for t in tails if text.endswith(t))
    owner = text[: -len(tail)]
    for holding in _HOLDING:
        owner = owner.removesuffix(holding)
    owner = owner.removeprefix("华") if text.startswith("华全资") else owner  # (在)华全资子公司: in China
    if owner.startswith(("集团", "公司")):
        return True  # 集团|越南子公司, 公司|雄安总部: the body named before, and where a unit of it is
    return not owner or owner in lexicon("generic_names") or owner in _BODY_NOUNS or common_word(owner) or gazetteer.is_place(owner)


#: nouns for a body named before (该联盟, 联合体秘书处)
_BODY_NOUNS = frozenset(("公司", "集团", "企业", "联盟", "联合体", "协会", "学会", "委员会"))


def _one_character_town(text: str, kind: Kind, score: float) -> bool:
    """A town, township or village named by one character (某镇, 某乡) that the labeller reads as a
    place: no dictionary word (not 城镇, 古镇) and no determiner first (not 该镇, 全村)."""
    return (kind is Kind.PLACE and score >= _SURE and len(text) == 2 and text[1] in "镇乡村"
            and text not in word_tags() and text[0] not in _DETERMINERS)


def common_word(text: str) -> bool:
    """A word jieba's dictionary knows as something other than a proper noun (强调, 互联网, 轨道交通)."""
    tag = word_tags().get(text)
    return tag is not None and not tag.startswith(("nr", "ns", "nt", "nz", "j", "eng"))


def _is_division(word: str) -> bool:
    return bool(gazetteer.lookup(word))


#: the administrative endings of the levels the gazetteer lists in full (counties and above; townships
#: have been merged and renamed too often since the older texts)
_LISTED_LEVEL_ENDS = tuple(end for end in ADMIN_ENDS if end not in ("乡", "镇", "村", "街道", "社区"))


def _may_name_division(word: str) -> bool:
    """Can a dictionary word with an administrative ending name a division (东营市, 团结村)? Not
    when the gazetteer lists that level and does not know the word (升国旗, 贫困县, 产棉省)."""
    return word.endswith(ADMIN_ENDS) and (not word.endswith(_LISTED_LEVEL_ENDS) or _is_division(word))


def body_of_level(head: str, suffix: str) -> bool:
    """市|人大常委会, 县|人民法院, 中央|工作组: a body of the story's own level of government (but
    not 市|政府 or 县|医院, which every level has: ``level_generic_suffixes``)."""
    if head not in _LEVELS or len(suffix) < 2:
        return False
    return head == "中央" or suffix not in lexicon("level_generic_suffixes")


@cache
def person_titles() -> tuple[str, ...]:
    """Posts and roles that come before a person's name (副书记, 党员, 石匠), longest first."""
    return tuple(sorted(lexicon("posts") | lexicon("person_titles"), key=len, reverse=True))


@cache
def _title_words() -> frozenset[str]:
    return frozenset(person_titles())


def is_title(word: str) -> bool:
    """Is word a post or a role that comes before a person's name (:func:`person_titles`)?"""
    return word in _title_words()


@cache
def _title_sizes() -> tuple[int, ...]:
    """The lengths of the posts and roles before names, longest first (the longest title wins)."""
    return tuple(sorted({len(t) for t in person_titles()}, reverse=True))


def title_at(text: str, at: int) -> str | None:
    """The longest post or role (:func:`person_titles`) that starts at ``at`` in ``text``, if any."""
    return next((text[at:at + n] for n in _title_sizes() if is_title(text[at:at + n])), None)


@cache
def single_surnames() -> frozenset[str]:
    """The one-character surnames of ``surnames.txt``."""
    return frozenset(s for s in lexicon("surnames") if len(s) == 1)


@cache
def place_led_heads() -> dict[str, Kind]:
    """Head → kind of the names kg.extract.rules.place_led_names finds (``place_led_heads.tsv``),
    longest first."""
    return {head: Kind(kind) for head, kind in sorted(table("place_led_heads"), key=lambda row: -len(row[0]))}


def _counted(tokens: Sequence[Token], i: int) -> bool:
    """Is token i a number in digits that a measure or number word follows (120|余所|学校, 3|家|企业)?"""
    return (tokens[i].text.isdigit() and i + 1 < len(tokens) and tokens[i + 1].pos in ("m", "q")
            and tokens[i + 1].text.endswith(_CLASSIFIERS))


_CLASSIFIERS = ("所", "家", "个", "座", "名", "位", "户", "处", "条", "项", "支", "间")  # 3|家, 120|余所


def _measure_after_figure(tokens: Sequence[Token], i: int) -> bool:
    """Is token i a measure word alone after a number in digits (7|处|牡丹园: jieba tags 处 a noun)?"""
    return tokens[i].text in _CLASSIFIERS and i > 0 and tokens[i - 1].text.isdigit()


@cache
def joined_bureaus() -> tuple[tuple[str, str], ...]:
    """Department names with 和 inside (人力资源|社会保障): the words before and after it (``joined_bureaus``)."""
    return tuple(tuple(line.split("|", 1)) for line in lexicon("joined_bureaus"))  # type: ignore[misc]


def describing(word: str) -> bool:
    """Is a jieba word one of three characters in 化 (标准化, 智能化, 规模化), which describes what follows it?"""
    return len(word) == 3 and word.endswith("化")


def cannot_start(token: Token) -> bool:
    """A token no name starts with: a verb (启动|滨江湾区, 落户|青山区), a conjunction (完善|和|落实…)
    or a number word (第五届)."""
    if token.text in lexicon("leading_verbs") or token.pos.startswith("v") and token.pos != "vn" or token.pos == "c":
        return True
    return token.pos == "m" and not token.text.isdigit()


@cache
def place_abbreviations() -> dict[str, str]:
    """One-character place → its full name (``place_abbreviations.tsv``)."""
    return dict(table("place_abbreviations"))


def _named_by_place(head: str, suffix: str) -> bool:
    """Is a place and this suffix no name of its own? 印度|政府, 俄|政府: a country's government is
    named by the country (the place); 伊朗|公司,
    英国大|公司: any company of a country is no name; 某省|部队, 某省|工厂: the troops or the
    factories of a place; 日本大藏|省: a Japanese ministry, no province."""
    if suffix == "政府":
        return gazetteer.is_country(place_abbreviations().get(head, head))
    if suffix in ("部队", "工厂"):
        return gazetteer.is_place(head)
    if suffix == "省":
        return any(start == 0 and gazetteer.is_country(name) and name != "中国" for start, _, name in gazetteer.find(head))
    return suffix == "公司" and gazetteer.is_country(head.removesuffix("大"))


#: a word for the head of a division (镇长, 县长) that jieba may cut out of 某镇|长某村
_HEAD_OF_PLACE = re.compile(r"[省市区县乡镇村]长$")
#: a date or a year before a name (1998年度|政府, 3月份|特区政府) is no part of it
_DATE_START = re.compile(r"[0-9０-９]+(?:年度|年|月份|月|日)")
#: Chinese numerals of counts and ranks (一所, 两家, 第三大)
_DIGITS = "一二三四五六七八九十两"
_COUNT = rf"(?:\d+|[{_DIGITS}几多数]+)"
#: a count in figures, half- or full-width (36, ３６)
_FIGURES = "[0-9０-９]+"
#: an ordinal (第三, 第10)
_ORDINAL = rf"第[0-9{_DIGITS}]+"
#: a count before the suffix (一家, 两所, 几个, 首批, 20余家, 12支): one of many, not a name
_COUNTED = re.compile(_COUNT + "[家个座间所位]|" + _FIGURES + "[余多]?[家个座间所位支]|首批|一批")
#: a count of machines or vehicles (一台, 两辆) or of anything with 两, 几 … (两处): no part of a name after it
#: (三处 may be a unit: 某局三处)
_COUNT_OF_THINGS = re.compile(_COUNT + "[台辆件套架艘]|[两几数多]+[处个家所座条位名间]|首批|一批")
#: a count in figures and its measure opening a span (36处石窟, 12个村): some of a kind, no name
_FIGURE_MEASURES = "[处个座家所条位名间班趟]"
_COUNT_OPENING = re.compile(_FIGURES + _FIGURE_MEASURES + "|[0-9０-９百千万]+亩")
#: a count in figures and its measure right before ``endpos`` (7处|牡丹园): some of a kind, not one by name
FIGURE_COUNT_BEFORE = re.compile(_FIGURES + _FIGURE_MEASURES + "$")
#: a count right before a name (一所|师范大学, 建成11个|“百姓书屋”): a kind of thing, not one of them
COUNTED_BEFORE = re.compile(_COUNT + "[家个座间所位处条台辆件套]$")
#: a count in figures right after a name (运营社区养老服务站|11个): how many of a kind, not a name
_COUNTED_AFTER = re.compile(_FIGURES + "[个家所座处]")
#: a rank before the suffix (第三大, 最大): a description of one of many, not a name
_RANK_INSIDE = re.compile(rf"(?:{_ORDINAL}|最)大")
_RANKED = re.compile(_RANK_INSIDE.pattern + "$")
_COUNT_NUMERALS = frozenset(_DIGITS + "几数")
#: first characters that make a suffix word no name (该镇, 本市, 全村, 某县)
_DETERMINERS = frozenset("该本各这那此其每全某")
#: an ordinal or a figure right before a one-character suffix (比赛第一站, 满5局)
_COUNT_END = re.compile(rf"(?:{_ORDINAL}|[0-9])$")
#: compass points before 部 (某地区东南部, 中南部): a part of a region, not a department
_DIRECTION = re.compile(r"[东南西北中]{1,3}$")


@cache
def _long_generic_heads() -> tuple[str, ...]:
    return tuple(g for g in lexicon("generic_heads") if len(g) >= 2)


def generic_name(text: str) -> bool:
    """Is text a name of nothing in particular (``generic_names``: 企业, 园区; ``generic_sites``:
    两岸, 茶园, written alone)?"""
    return text in lexicon("generic_names") or text in lexicon("generic_sites")


@lru_cache(maxsize=1 << 16)  # asked again for the same words and spans by several components
def is_name(text: str, kind: Kind) -> bool:
    if len(text) < 2 or generic_name(text) or text.endswith(longest_first("generic_tails")):
        return False  # (深交所|上市公司: what a company is, not its name)
    if kind is Kind.ORG and bare_unit(text):
        return False  # 集团越南子公司, 联合体秘书处
    suffix = suffix_of(text, kind) or ""
    head = text[: len(text) - len(suffix)]
    if not head or (head in lexicon("generic_names") and not body_of_level(head, suffix)):
        return False
    if _named_by_place(head, suffix):
        return False
    if (head[0] in _DETERMINERS and not head.startswith("全国")) or head.isdigit():
        return False
    if len(suffix) == 1 and (len(head) < 2 or _COUNT_END.search(head)
                             or (suffix in "省市县" and head[-1] in _COUNT_NUMERALS)):
        return False  # 城市, 山区, 全局: words; 第一|站, 满5|局, 某某三|省: a count, not a name
    if head in lexicon("generic_heads") or head.endswith(("级", "型")):  # 贫困县, 大医院, 县级医院, 学习型政府
        return False
    if _COUNTED.search(head) or _RANKED.search(head) or (suffix == "部" and _DIRECTION.search(head)):
        return False  # 某市一家公司 (one of many), 某国第三大银行 (a rank); 某地区东南部 (a part, not a department)
    if head.startswith(_long_generic_heads()) or (head.endswith(_long_generic_heads()) and not _named_place(head)
                                                   and not _division_and_trade(head)):
        return False  # 连片贫困区, 贫困地区县医院; not 某某社区|党委, whose community has a name, nor 某某区|餐饮|行业协会
    return any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in head)


def _division_and_trade(head: str) -> bool:
    """Does a name's head open with a division and name a trade before its generic end (某某区|餐饮|行业)?"""
    opening = next((end for start, end, _ in gazetteer.find(head) if start == 0), 0)
    return opening > 0 and any(head.endswith(g) and len(head) - len(g) - opening >= 2 for g in _long_generic_heads())


def _named_place(text: str) -> bool:
    """Is text a place with a name of its own before its suffix (某某社区, not 城市社区)?"""
    return bool(suffix_of(text, Kind.PLACE)) and is_name(text, Kind.PLACE)


#: aspect particles: the word before one is a verb (学会|了, 开发|过)
_ASPECT = frozenset("了过着")


@cache
def _suffix_last_chars() -> frozenset[str]:
    """The last characters of every organization or place suffix and every post."""
    return frozenset(word[-1] for name in ("org_suffixes", "place_suffixes", "posts") for word in lexicon(name))


def suffix_names(doc: Doc) -> list[Mention]:
    """Organization and place names that end in a suffix from org_suffixes / place_suffixes."""
    found: list[Mention] = []
    last_chars = _suffix_last_chars()
    starts_at = {t.start for t in doc.tokens if describing(t.text)}  # where a word in 化 starts (标准化|…基地)
    for i, token in enumerate(doc.tokens):
        if (across := _suffix_across(doc, i)) is not None:
            found.extend(_chain_pieces(across))
            continue
        if token.text[-1] not in last_chars:
            continue  # no suffix or post ends this word: nothing below could find a name
        after_name = i > 0 and doc.tokens[i - 1].pos in ("ns", "nz", "nt", "n") and len(token.text) == 1
        if token.pos.startswith(("x", "v", "p", "u", "d", "r", "c")) and token.pos != "vn" and not after_name \
                and not station_of(doc, i):
            continue  # but 青山/ns 站/v is a station (某某/nr 站/v is a person standing, unless 某某 is a place)
        if token.text == "所" and i + 1 < len(doc.tokens) and doc.tokens[i + 1].pos.startswith("v"):
            continue  # 某地|所|犯: the particle before a verb, not an institute
        if before_aspect(doc, token.end):
            continue  # 某人|学会|了: a verb, not a society
        post = longest_ending(token.text, "posts", rest=1)
        if post and len(suffix_of(token.text[: -len(post)], Kind.ORG) or "") >= 2:  # 某某坝|区委书记
            mention = _chunk(doc, i, Kind.ORG, end=token.end - len(post))
            if mention is not None:
                found.append(mention)
            continue
        if token.pos in ("l", "i") and len(token.text) >= 4:
            continue  # an idiom (告老还乡) ends in no suffix
        if len(token.text) == 1 and i > 0 and doc.tokens[i - 1].pos == "nr" and (len(doc.tokens[i - 1].text) == 1 or token.pos == "c"):
            continue  # 郭|路|生, 丁东|所(说): the character belongs to the person's name or the sentence
        suffixes = {kind: suffix_of(token.text, kind) or "" for kind in (Kind.ORG, Kind.PLACE)}
        for kind, suffix in suffixes.items():
            if not suffix or (token.pos == "nr" and not (token.text == suffix and len(suffix) >= 2)) \
                    or token.text.endswith(("常委", "委员")):
                continue  # 政治局常委 is a post; a person's name may end like a suffix (but 高新区 is no name)
            if any(len(other) > len(suffix) for other in suffixes.values()):
                continue  # 购物中心 is a place's ending, not 中心 an organization's
            if kind is Kind.PLACE and any(doc.text.endswith(h, 0, token.end) for h in place_led_heads()):
                continue  # 某省自贸(试验)区: kg.extract.rules.place_led_names reads it whole
            if len(suffix) == 1 and (len(token.text) == 2 and not _village_after_township(doc, i, kind)
                                     or token.text[-2:] in lexicon("suffix_false_words") or (
                    common_word(token.text) and not _may_name_division(token.text)
                    and (i == 0 or not _inside_name(doc.tokens[i - 1], token, kind)))):
                continue  # 部署, 城市, 总体布局, 因特网: a word that ends in a suffix (not 某市|科技报, 某会|执行部)
            if doc.text[max(0, token.end - 3) : token.end] in lexicon("suffix_false_words"):
                continue  # 某某市|中心: the city's centre
            if kind is Kind.ORG and _describes_next(doc, i, suffix):
                continue  # 中国科技|工作者: the industry word describes the next word
            if kind is Kind.PLACE and token.text.endswith("联盟"):
                continue  # 某某联盟 is an organization, not a league (盟) of Inner Mongolia
            if len(suffix) == 1 and len(token.text) == 1 and (i == 0 or not (
                    _inside_name(doc.tokens[i - 1], token, kind) or _time_word_in_chain(doc.tokens, i - 1, kind))):
                continue
            mention = _chunk(doc, i, kind)
            if mention is not None and kind is Kind.PLACE and len(mention.text) > len(suffix) \
                    and mention.text[-len(suffix) - 1] in "等两三四五六七八九" and doc.text[mention.start - 1:mention.start] == "、":
                continue  # 慈云、嘉平|等镇, 倚象、南屏|两镇: the list's last place, then 等 or a count and their kind
            if mention is not None and (mention.start in starts_at or _ITS.match(mention.text)):
                continue  # 标准化稻蟹基地, 智能化毛尖加工厂: a description; (由)其子公司: "its subsidiary", no name
            if mention is not None:
                found.extend(_chain_pieces(mention) if kind is Kind.PLACE else [mention])
    return found


def _village_after_township(doc: Doc, i: int, kind: Kind) -> bool:
    """Is token i a word ending in a suffix (山村) that one character and a township before it make a
    village's name (茅坪乡|神|山村)?"""
    tokens = doc.tokens
    return (kind is Kind.PLACE and i >= 2 and len(tokens[i - 1].text) == 1 and tokens[i - 1].pos.startswith("n")
            and tokens[i - 2].text.endswith(("乡", "镇")) and tokens[i - 1].start == tokens[i - 2].end)


@cache
def _long_place_suffix_ends() -> frozenset[str]:
    """The last characters of the place suffixes of two characters or more (查 of 嘎查)."""
    return frozenset(s[-1] for s in lexicon("place_suffixes") if len(s) >= 2)


def _suffix_across(doc: Doc, i: int) -> Mention | None:
    """A place whose suffix jieba cuts into several words (巴彦乌拉|嘎|查, 某镇|工业|集中|区): the name
    that ends with token i, from the words before the suffix. (Not organizations: 社区|党|支部 is a
    place and a party branch.)"""
    token = doc.tokens[i]
    if i == 0 or token.text[-1] not in _long_place_suffix_ends() \
            or len(suffix_of(token.text, Kind.PLACE) or "") >= 2 and not doc.text.endswith(_across_own_suffix(), 0, token.end):
        return None  # (某村辣椒|种植|基地: the word's own suffix, 基地, is read from it; but 某苑|安置|社区)
    ending = longest_ending(doc.text[max(0, token.end - 8) : token.end], "place_suffixes")
    if ending is None or len(ending) <= len(token.text):
        return None
    first = bisect_left(doc.tokens, token.end - len(ending), key=lambda t: t.start)
    if first >= i or doc.tokens[first].start != token.end - len(ending):
        return None  # the suffix starts inside a word
    return _chunk(doc, first, Kind.PLACE, end=token.end)


@cache
def _across_own_suffix() -> tuple[str, ...]:
    """Place suffixes of a verb and a place suffix of its own (安置|社区, 安置|小区), which jieba cuts."""
    return tuple(s for s in longest_first("place_suffixes") if len(s) >= 4 and s[-2:] in lexicon("place_suffixes")
                 and word_tags().get(s[:-2], "").startswith("v"))


def _chain_pieces(mention: Mention) -> list[Mention]:
    """A place name cut into the divisions it chains (甘肃省甘南藏族自治州 → 甘肃省 | 甘南藏族自治州),
    as the labeller's places are (one jieba word may hold the chain)."""
    pieces = split_place_chain(mention.text)
    if len(pieces) == 1:
        return [mention]
    out, start = [], mention.start
    for piece in pieces:
        out.append(replace(mention, start=start, end=start + len(piece), text=piece))
        start += len(piece)
    return out


def _describes_next(doc: Doc, i: int, suffix: str) -> bool:
    """Does token i end in an industry word (``modifier_suffixes``) that a noun or a set phrase
    follows (科技|工作者, 科技|自立自强) and that ends no organization the labeller reads (某某电气|是
    is a name)?"""
    if suffix not in lexicon("modifier_suffixes") or i + 1 >= len(doc.tokens):
        return False
    after, end = doc.tokens[i + 1], doc.tokens[i].end
    if not (after.pos.startswith(("n", "i", "l")) or after.pos == "vn") or suffix_of(after.text, Kind.ORG):
        return False  # 某某科技|有限公司 goes on to a longer name, found from its own suffix
    return not any(e == end and kind is Kind.ORG for _, e, kind, _ in doc.labels or ())


def landmarks_unread(doc: Doc, mentions: tuple[Mention, ...], references: Sequence[Mention] = ()) -> tuple[Mention, ...]:
    """The mentions, with the mountains, rivers and lakes of three characters that jieba's dictionary
    knows as places (大巴山, 缙云山, 镜泊湖; ``landmark_endings``, not 口: 入海口) where nothing else is read."""
    words = [t for t in doc.tokens if t.pos == "ns" and len(t.text) == 3 and t.text[-1] in lexicon("landmark_endings")
             and t.text[-1] != "口" and not word_tags().get(t.text[0], "").startswith(("uj", "p", "c"))]  # (not 的花海; 地中海)
    if not words:
        return mentions
    taken = [(m.start, m.end) for m in (*mentions, *references)]
    found = [Mention(doc.article.id, t.start, t.end, t.text, Kind.PLACE, by="lexicon.landmark", score=0.7) for t in words
             if not any(start < t.end and t.start < end for start, end in taken)]
    return tuple(sorted((*mentions, *found), key=lambda m: (m.start, m.end))) if found else mentions


def names_a_time(text: str, end: int) -> bool:
    """Is the place that ends at ``end`` the name of a time zone (北京|时间), not a place mentioned?"""
    return text.startswith("时间", end)


def gazetteer_places(doc: Doc) -> list[Mention]:
    """Administrative divisions and countries named in the text: at word boundaries (源汇 in 资源汇聚
    is no name), or several that make up one jieba word together (上海浦东 = 上海 + 浦东); not
    one that opens with a one-character function word (甲|和|龙水峡 holds no 和龙), but for a country (也|门)."""
    bounds = {t.start for t in doc.tokens} | {t.end for t in doc.tokens}
    named = gazetteer.find(doc.text)
    names = {name for _, _, name in named}
    found = [(start, end) for start, end, name in named
             if not names_a_time(doc.text, end) and (not _opens_with_function_word(doc, start, end) or gazetteer.is_country(name))
             and not _out_of_the_story(name, names)]
    runs: list[list[tuple[int, int]]] = []
    for place in found:  # runs of places, each ending where the next starts
        if runs and runs[-1][-1][1] == place[0]:
            runs[-1].append(place)
        else:
            runs.append([place])
    return [
        Mention(doc.article.id, start, end, doc.text[start:end], Kind.PLACE, by="lexicon.gazetteer", score=0.8)
        for run in runs for start, end in _within_words(run, bounds)
    ]


def _out_of_the_story(name: str, names: set[str]) -> bool:
    """Is name only the short form of counties or townships (荷塘 of 荷塘区, 峡江 of 峡江县) in provinces
    where none of the article's other places (``names``) lies? Then it is a word (荷塘: a lotus pond), no place."""
    divisions = gazetteer.lookup(name)
    if not divisions or any(d.name == name or d.level < 3 for d in divisions) or gazetteer.city_country(name):
        return False  # (米兰: also a city abroad)
    mine = gazetteer.provinces(name)
    others = names - {name}
    return bool(others) and not any(gazetteer.provinces(other) & mine for other in others)


def _opens_with_function_word(doc: Doc, start: int, end: int) -> bool:
    """Does jieba read a one-character function word at start that ends before end (和|龙)?"""
    i = bisect_left(doc.tokens, start, key=lambda t: t.start)
    token = doc.tokens[i] if i < len(doc.tokens) else None
    return token is not None and token.start == start and token.end < end and len(token.text) == 1 \
        and token.pos.startswith(FUNCTION_TAGS)


def _within_words(run: list[tuple[int, int]], bounds: set[int]) -> list[tuple[int, int]]:
    """The places of a run that a word boundary opens at or before their start and closes at or
    after their end, inside the run."""
    opened = list(accumulate((start in bounds for start, _ in run), operator.or_))
    closed = list(accumulate((end in bounds for _, end in reversed(run)), operator.or_))[::-1]
    return [place for place, o, c in zip(run, opened, closed) if o and c]


def ordinary_head(text: str, suffix: str) -> bool:
    """Is what comes before the suffix made of dictionary words that are no proper nouns only
    (研发|基地, 老|工业|基地; not 渝|川|建设, whose one-character abbreviations stand for places)?
    A village or township named by one ordinary word (和平|村, 新市|乡) is a name, and so is a body
    named after one (落雁村|党总支; not 为|乡镇|卫生院, nor 18|家|乡村卫生室 after a number's classifier)."""
    head = text[: len(text) - len(suffix)]
    pieces = words(head)
    if len(pieces) == 1 and text.endswith(ADMIN_ENDS) and not pieces[0][1].startswith(("v",) + FUNCTION_TAGS):
        return False  # 和平|村: villages and townships are often named so (not 进|社区, a verb)
    village = next((end for end in _VILLAGE_ENDS if head.endswith(end)), "")
    if village and len(head) - len(village) >= 2 and not pieces[0][1].startswith(FUNCTION_TAGS + ("u",)) \
            and not head.startswith(_CLASSIFIERS) and not ordinary_head(head, village):
        return False  # 落雁村|党总支: a body of a village so named
    if len(pieces) >= 2 and all(len(word) == 1 for word, _ in pieces):
        return False  # 作|登 (乡): no dictionary word, an unknown name
    return bool(pieces) and not any(
        tag == "x" or tag.startswith(("nr", "ns", "nt", "nz", "eng")) or (tag == "j" and len(word) == 1)
        for word, tag in pieces
    )


_CHAIN = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|街道|社区|苏木|号线|(?<=\d)线|省|市|区|县|旗|盟|镇|乡|村)(?=.{2,})")


def _word_ends(text: str) -> set[int]:
    """Where jieba's words (HMM off) end in text."""
    return set(accumulate(len(word) for word, _ in words(text)))


def _named(name: str) -> bool:
    """Does a division the gazetteer knows bear exactly this name (旧县镇; not 旧县, its short form)?"""
    return any(d.name == name for d in gazetteer.lookup(name))


def _short_form_over(text: str) -> str | None:
    """The short form of a division (two or three characters, no level ending) that opens text when
    the rest is a division inside it (荣昌|清升镇 → 荣昌)."""
    for n in (2, 3):
        short, rest = text[:n], text[n:]
        if len(rest) < 3 or short.endswith(ADMIN_ENDS) or not rest.endswith(ADMIN_ENDS):
            continue
        if text[n] in "镇乡" and _named(text[: n + 1]):
            continue  # 旧县镇|南塬村, not 旧县|镇南塬村: the short form is a division's whole name with its level
        if gazetteer.lies_in(rest, short):
            return short
    return None


#: the endings of townships, villages and communities, which the gazetteer mostly does not know
_LOCAL_ENDS = ("镇", "乡", "村", "街道", "社区")
#: the endings of villages and communities among them (落雁村|党总支; 乡镇 is an ordinary word)
_VILLAGE_ENDS = ("社区", "村")


def divisions_opening(name: str) -> list[str]:
    """The divisions a name opens with, one after another (湖南省|郴州市|汝城县|暖水镇|卫生院 → the four):
    each one the gazetteer knows (the longest: 王村口镇, not 王村), or a township, village or community
    of three to six characters whose ending jieba reads as a word of its own (印盒|村; not 稻乡, 农业|农村)."""
    pieces: list[str] = []
    rest = name
    while len(rest) > 2:
        known = next((end for start, end, _ in gazetteer.find(rest[:12]) if start == 0), 0)
        match = _CHAIN.match(rest)
        if known and len(rest) - known >= 2 and rest[:known].endswith(ADMIN_ENDS):
            piece = rest[:known]  # (a full name: not 凌云, a county's short name, of 某区凌云职业教育中心)
        elif match is not None and 3 <= len(match.group()) <= 6 and match.group().endswith(_LOCAL_ENDS) \
                and not any(joiner in match.group() for joiner in JOINERS + ("和",)) and not common_word(match.group()) \
                and _ending_is_a_word(name, len(name) - len(rest), match.group()) \
                and not any(len(s) >= 3 for s in _org_suffixes_opening(rest)):  # (某区图书馆|礼让镇分馆)
            piece = match.group()
        else:
            break  # (住房和城乡|建设局, 某区农业|农村|委员会: no township or village)
        pieces.append(piece)
        rest = rest[len(piece):]
    return pieces


def _org_suffixes_opening(text: str) -> list[str]:
    """The organization suffixes text opens with (图书馆 of 图书馆礼让镇分馆)."""
    return [s for s in longest_first("org_suffixes") if text.startswith(s)]


def _ending_is_a_word(name: str, start: int, piece: str) -> bool:
    """Does jieba end a word where piece (at start in name) ends, a word that is its level's ending or the
    whole piece or more (印盒|村, 金竹村; not 农业|农村, whose 村 ends an ordinary word)?"""
    end, at = start + len(piece), 0
    for word, _ in words(name):
        if at + len(word) == end:
            return at <= start or word in _LOCAL_ENDS
        at += len(word)
    return False


def split_place_chain(text: str) -> list[str]:
    """秀山土家族苗族自治县清溪场镇大寨村 → 秀山土家族苗族自治县 | 清溪场镇 | 大寨村 (pieces of two or more
    characters); 越南芒街市 → 越南 | 芒街市, 越南海防港 → 越南 | 海防港."""
    pieces: list[str] = []
    rest = text
    country = next((text[:n] for n in range(min(len(text) - 2, 6), 1, -1) if gazetteer.is_country(text[:n])), None)
    after_country = text[len(country):] if country else ""
    ending = suffix_of(after_country, Kind.PLACE)  # a division's, or a short site's (not 美国|加州某某空军基地, a chain)
    foreign = country is not None and gazetteer.country(country) != gazetteer.country("中国")  # (not 中国香港)
    if foreign and len(after_country) >= 3 \
            and (ending in ADMIN_ENDS or ending and 2 <= len(after_country) - len(ending) and len(after_country) <= 6) \
            and is_name(after_country, Kind.PLACE) \
            or country and gazetteer.city_country(after_country) == gazetteer.country(country) \
            or foreign and len(after_country) >= 2 and word_tags().get(after_country, "")[:2] in ("ns", "nr"):
        # 某国|某某市, 越南|海防港, 老挝|万象, 德国|杜伊斯堡 (one proper noun to jieba): a country before a place of
        # its own (黑山|谷景区 is no country's site)
        pieces, rest = [country], text[len(country):]
    short = _short_form_over(rest)
    if short:  # 荣昌|清升镇: a district's short form before a township of it
        pieces, rest = pieces + [short], rest[len(short):]
    word_ends: set[int] | None = None  # jieba's cut of text, made only when a cut needs checking
    while True:
        match = _CHAIN.match(rest)
        if not match or len(match.group()) < 2:
            break
        end = match.end()
        if rest[end:end + 1] in ("镇", "乡") and _named(rest[:end + 1]) and not _named(rest[:end]):
            end += 1  # 旧县镇|南塬村, not 旧县|镇南塬村: a township whose name holds a county's ending
        piece = rest[:end]
        if rest.startswith(("街道", "社区"), end):
            break  # 某某新村|街道: the township's name ends in 村 (not the village and a bare suffix)
        known = bool(gazetteer.lookup(piece))
        if piece.endswith(("市区", "城区", "园区", "小区", "片区", "景区", "湾区")) and not known:
            break  # 主城区, 高新园区 are words; 江城区 is a district
        after = rest[end:]
        if after.startswith("族"):
            break  # 东乡族自治县: 乡 ends a people's name (东乡族), not a township
        if suffix_of(after, Kind.ORG) and not suffix_of(after, Kind.PLACE):
            break  # 青山区图书馆: what follows is an organization
        if after in lexicon("place_suffixes"):
            break  # 某铁村|社区: a community named after a village, not the village and a bare suffix
        if _needs_place_before(after):
            break  # 某县电子商务产业园: what follows names nothing without the place before it
        if len(rest) == 4 and len(piece) == 2 and not gazetteer.lookup(rest[2:]):
            break  # 南市屯村: two characters and two more that no division is make one name
        if not known:
            word_ends = _word_ends(text) if word_ends is None else word_ends
            if len(text) - len(rest) + end not in word_ends:
                break  # 新东安市|场, 红旗|渠: jieba reads a word across the cut (甘肃省|甘南藏族自治州 is cut: a division)
        pieces.append(piece)
        rest = rest[end:]
    return pieces + [rest]
