"""Names found by the patterns of news writing: bylines and photo credits, quoted names of
initiatives, programmes named after the verb that puts them into effect (落实青山八项规定), and
people named after their post (党工委副书记周明远, 党员王芳)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache

from .. import gazetteer
from ..records import Kind, Mention
from ..resources import lexicon, lexicon_list, longest_first, table
from ..split import DATELINE_DATE, byline, byline_name_spans, lead_byline, trailing_credit
from .doc import Doc, Token
from .latin_names import BRACKETED as LATIN_BRACKETED, is_latin
from .lexicon import (BRACKETED_PLACE, COMPANY_ENDS, COUNTED_BEFORE, FUNCTION_TAGS, JOINERS, MIDDLE_DOTS, cannot_start, common_word, longest_ending,
                      division_named_elsewhere, finds, is_name, names_a_time, person_titles, place_led_heads, single_surnames,
                      split_place_chain, suffix_of, within_division)
from .segmenter import cut, word_tags, words

_QUOTED = re.compile(r"[“\"「『‘]([^“”\"「」『』‘’\n]{2,24}?)[”\"」』’]")  # ‘’ inside a quotation
_SPEECH = re.compile(r"[，,。！？!?；;：:…]")
_SLOGAN = re.compile(r"[一二三四五六七八九十两]+个")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")
_HAN_OR_LATIN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def bylines(doc: Doc) -> list[Mention]:
    """Outlets and people in bylines and credits: □ 青山日报记者 周明远 / 新华社记者 罗一帆 摄, the
    byline in brackets opening a paragraph (本报讯（记者 周明远 通讯员 罗一帆）…) and the credit closing a
    caption line (图为…。通讯员 向某某 摄)."""
    found: list[Mention] = []
    offset = 0
    for line in doc.text.split("\n"):
        match = byline(line)
        base = offset + (len(line) - len(line.lstrip()))
        lead = lead_byline(line.strip()) if match is None else None
        credit = trailing_credit(line.strip()) if match is None and lead is None else None
        if credit:
            base, match = base + credit[0], credit[1]
        if lead:
            agency = _AGENCY.match(line.strip())
            if agency and not agency.group(1).startswith("本"):  # 本报讯: this paper, no name
                found.append(Mention(doc.article.id, base, base + agency.end(1), agency.group(1), Kind.ORG,
                                     by="rules.byline", score=0.95))
            base, match = base + lead[0], lead[1]
        if match:
            if match.group("outlet"):
                start = base + match.start("outlet")
                found.append(Mention(doc.article.id, start, start + len(match.group("outlet")),
                                     match.group("outlet"), Kind.ORG, by="rules.byline", score=0.95))
            names_start = base + match.start("names")
            for at, name in byline_name_spans(match):
                start = names_start + at
                found.append(Mention(doc.article.id, start, start + len(name), name, Kind.PERSON, by="rules.byline", score=0.95))
        offset += len(line) + 1
    return found


#: the outlet opening a dateline: 某某网|某地12月11日电（记者 …）, 某某报|某地12月8日讯, 某某网|消息（记者 …）
_AGENCY = re.compile(rf"([\u4e00-\u9fff]{{1,8}}?[社网报台])(?:[\u4e00-\u9fff]{{2,8}}?{DATELINE_DATE}|消息|讯)")
_CREDIT = re.compile(r"[(（](?:图片|照片|图)?由?([\u4e00-\u9fff]{2,16}?)(?:资料图|资料照片|供图|提供|图)[)）]")


def photo_credits(doc: Doc) -> list[Mention]:
    """The outlet or organization credited for a picture in brackets: (青山日报资料图), （东林市文旅局供图）,
    (图片由某某委提供)."""
    found: list[Mention] = []
    for match in _CREDIT.finditer(doc.text):
        name = match.group(1)
        if suffix_of(name, Kind.ORG) and is_name(name, Kind.ORG):
            found.append(Mention(doc.article.id, match.start(1), match.end(1), name, Kind.ORG, by="rules.credit", score=0.9))
    return found


_SERVICES = "专列|班列|快线|航线|专线"  # a train's or a route's service: “某某号”冷链专列, 中欧班列“某某号”
_TRAIN_SERVICE = re.compile(rf"[\u4e00-\u9fff]{{0,4}}(?:{_SERVICES})")
_SERVICE_BEFORE = re.compile(rf"(?:{_SERVICES})$")
#: a quoted amount (“1亿”) and the ordinal before a quoted post (“第一书记”): no initiatives
_AMOUNT = re.compile(r"[0-9０-９.]+[十百千万亿]*后?")  # (“00后”: a generation)
_ORDINAL_FIRST = re.compile(r"^第[一二三四五六七八九十]+")
_STYLE = re.compile(r"[\u4e00-\u9fff]{1,3}式")  # “一站式”, “管家式”: how something is done, no name


@cache
def _products_after() -> re.Pattern[str]:
    """More quoted names, 等, a count and up to four words, then a kind of product ending the phrase
    (“某某”“某某”等晚熟品种6个, 等12个新品种, “某某”系列产品,): the quoted names are products (``product_heads``)."""
    heads = "|".join(map(re.escape, longest_first("product_heads")))
    return re.compile(rf"(?:[、和与及]?“[^”\n]{{1,12}}”)*等?[0-9０-９]*[\u4e00-\u9fff]{{0,4}}?(?:{heads})(?![\u4e00-\u9fff])")


def nickname_spans(text: str) -> list[tuple[int, int]]:
    """Where the names in quotes that are nicknames stand (素有“中国死海”之称: ``nickname_words`` after the quote)."""
    return [m.span(1) for m in _QUOTED.finditer(text) if text.startswith(longest_first("nickname_words"), m.end())]


#: 某某|进|某某 (徽戏进古村, 无人车进社区): a campaign that takes something somewhere, not the place it ends in
_INTO = re.compile(r"[\u4e00-\u9fff]{2}进[\u4e00-\u9fff]{2}")


def quoted(doc: Doc) -> list[Mention]:
    """Quoted names: an initiative (“三联机制”, “星火燎原”计划, 建成11个“百姓书屋”, a name quoted
    twice), or an organization or place when the quoted name ends in their suffix (“善堂中医药博物馆”)
    and no initiative head word follows it."""
    text = doc.text
    found: list[Mention] = []
    counts = Counter(m.group(1).strip() for m in _QUOTED.finditer(text))
    nicknames = {text[start:end].strip() for start, end in nickname_spans(text)}
    headed = {m.group(1).strip() for m in _QUOTED.finditer(text)  # 数字平台“某某”: what the head before it says it is
              if text.endswith(longest_first("heads_before_quoted"), 0, m.start()) and len(m.group(1).strip()) >= 2}
    for match in _QUOTED.finditer(text):
        name = match.group(1).strip()
        window = text[match.end(): match.end() + 2 * _MODIFIERS + 4]  # where a head word may follow
        if _SPEECH.search(name) or not any("\u4e00" <= ch <= "\u9fff" for ch in name) or (
                _SLOGAN.match(name) and not _initiative_head(window)):
            continue  # speech, no Chinese, or a counted slogan (“两个中心”, “三个确保”; not “三个责任人”制度)
        if _AMOUNT.fullmatch(name) or _ORDINAL_FIRST.sub("", name) in lexicon("posts") or _STYLE.fullmatch(name) \
                or name in lexicon("generic_names"):
            continue  # a number (三个“1亿”人), a post (“第一书记”), a style (“一站式”服务, “保姆式”) or a kind (“订单班”)
        head = _initiative_head(window) or _route_head(name, text, match.end())
        if _products_after().match(text, match.end()) and not head or name in nicknames:
            continue  # “某某”“某某”等晚熟品种: products (not “某某贷”专属信贷产品, a bank's); 素有“某某”之称: a place's nickname
        start, end = match.start(1), match.end(1)
        after = text[match.end(): match.end() + 6]
        served = _SERVICE_BEFORE.search(text, max(0, match.start() - 2), match.start()) is not None  # 中欧班列“某某号”
        if ((after.startswith("号") and not after.startswith(("号召", "号线"))) or (name.endswith("号") and len(name) >= 3)) \
                and not _TRAIN_SERVICE.match(text, match.end()) and not served:
            continue  # “某某”号, “某某二号”, “某某号” are ships, probes, rockets, trains: products, not programmes
            # (but “某某号”冷链专列 and 中欧班列“某某号” are services a place runs)
        before = text[max(0, match.start() - 8): match.start()]
        counted = COUNTED_BEFORE.search(before) is not None  # 建成11个“百姓书屋”: a kind of thing, not one place
        edition = before.endswith("届") and _EDITION.search(before[-6:]) is not None  # 第六届“某某”国际观鸟节
        typed = None if head or counted or edition or name in headed or any(mark in name for mark in "、·的+") \
            or _INTO.search(name) else _typed_by_suffix(name)
        # “进景区、进商圈”: a list, no place; “某某·鲜供大湾区”: a slogan of two parts; “家门口的服务站”: a description;
        # “古城+古镇”: a formula of kinds; “徽戏进古村”, “无人车进社区”: a campaign taking something somewhere
        if typed is not None:
            found.append(Mention(doc.article.id, start, end, name, typed, by="rules.quoted", score=0.85))
            continue
        own_head = longest_ending(name, "initiative_heads", rest=2) \
            or next((h for h in lexicon("one_character_initiative_heads") if name.endswith(h) and len(name) > len(h)), None)
        launched = any(v in before for v in longest_first("organizer_verbs")) or (
            after.startswith(longest_first("initiative_followers")) and len(name) >= 4 and name not in word_tags()) or (
            before.endswith("以") and LEVER.match(text, match.end()) is not None)  # 以“某某”…为抓手
        in_list = before.endswith(("”", "、", "和", "及", "与")) and "“" in before
        named_here = text[match.end(): match.end() + 1] in ("是", "为") and doc.sentence_of(start).start >= match.start() - 1
        repeated = counts[name] >= 2 and len(name) >= 4  # “一院一廊” in title and text; not “双特级”
        if head or own_head or launched or in_list or "·" in name or named_here or counted or repeated or served or name in headed \
                or edition:
            alias = name + head if head else None
            sure = head or own_head or counted or edition or before.endswith(longest_first("organizer_verbs"))
            if not sure and any(word in lexicon("personal_pronouns") or word in lexicon("copulas") for word, _ in cut(name)):
                continue  # “让我们感觉像家人一样”, “绿水青山就是金山银山”: speech or a slogan, a sentence
            found.append(Mention(doc.article.id, start, end, name, Kind.INITIATIVE, by="rules.quoted",
                                 score=1.0 if sure else 0.6, alias=alias))
    sure_names = {m.text for m in found if m.kind is Kind.INITIATIVE and m.score == 1.0}
    # “某某”计划 … “某某”由甲运营; “暖心物业”工程 … 某街道“暖心物业”: an initiative wherever quoted
    found = [replace(m, score=1.0, kind=Kind.INITIATIVE) if m.text in sure_names else m for m in found]
    emitted = {m.start for m in found}
    return found + [Mention(doc.article.id, match.start(1), match.end(1), match.group(1), Kind.INITIATIVE, by="rules.quoted")
                    for match in _QUOTED.finditer(text)
                    if match.group(1) in sure_names and match.start(1) not in emitted]


def _initiative_head(after: str) -> str | None:
    """The head word (``initiative_heads`` or an event head) that follows a quoted name: right after
    it (“某某”计划) or, unless weak (``weak_initiative_heads``), after up to four modifiers of two or three
    characters, read two characters at a time or as jieba's words (no function word; a verb first only
    before a head other than 活动; no body's or place's suffix first) (“某某”电商平台, “某某”重卡示范运营项目,
    “某某”就业服务平台, “某某”青少年|龙舞|训练营)."""
    heads = _quoted_heads()
    head = next((h for h in heads if after.startswith(h)), None)
    if head is not None:
        return head
    pairs = [2] * _MODIFIERS
    return _head_after(after, pairs) or _head_after(after, [len(w) for w, _ in words(after[:2 * _MODIFIERS + 4])][:_MODIFIERS])


def _head_after(after: str, lengths: list[int]) -> str | None:
    """A strong head after modifiers of the given lengths (see :func:`_initiative_head`)."""
    strong = _strong_heads()
    verb_first = False
    end = 0
    for n, length in enumerate(lengths):
        modifier = after[end:end + length]
        tag = "n" if _DURATION.fullmatch(modifier) else word_tags().get(modifier, "?")  # “某某”城市更新|三年|行动
        if tag == "t" and modifier[-1] not in "年月日天时" and modifier not in lexicon("leading_verbs"):
            tag = "n"  # “某某”夜间|消费季: a time of day that qualifies the head (not 今年, 目前)
        verb_first = verb_first or (n == 0 and tag == "v")
        if (tag not in ("n", "vn", "ns", "nz", "nr", "v", "?") if n == 0 else tag.startswith(_NOT_MODIFIERS)) \
                or not _HAN_NAME.fullmatch(modifier) or (n == 0 and any(
                    len(suffix_of(modifier, kind) or "") == 2 for kind in (Kind.ORG, Kind.PLACE))):  # “某某”公园, 集团; not 举|报
            return None
        end += length
        head = next((h for h in strong if after.startswith(h, end)), None)
        if head is not None:
            return None if verb_first and head in _ACTIVITIES else after[:end] + head  # “某某”分裂|活动: what it does
    return None


@cache
def _strong_heads() -> tuple[str, ...]:
    return tuple(h for h in _quoted_heads() if h not in lexicon("weak_initiative_heads"))


_ROUTE = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[—－–-]+[\u4e00-\u9fff]{1,6})+")
_ROUTE_WINDOW = re.compile(r"[^，,。；;：:！？!?“”\n]{0,12}")


def _route_head(name: str, text: str, end: int) -> str | None:
    """What follows a quoted route of names joined by dashes up to its last route head (``route_heads``)
    within the clause (“甲—乙—丙”铁海联运新线路, “甲—乙”冬季跨境冰雪旅游线路): an initiative."""
    if not _ROUTE.fullmatch(name):
        return None
    window = _ROUTE_WINDOW.match(text, end).group()
    return next((window[:i + len(h)] for i in range(len(window) - 1, -1, -1) for h in longest_first("route_heads")
                 if window.startswith(h, i)), None)  # the last: 铁海联运新线路


@cache
def _quoted_heads() -> tuple[str, ...]:
    """Initiative heads and event heads (“某某”非遗文化节), longest first."""
    return tuple(sorted({*lexicon("initiative_heads"), *lexicon("event_heads")}, key=len, reverse=True))


_MODIFIERS = 4  # two-character words between a quoted name and its head (“某某”农村公路提档升级行动)
_DURATION = re.compile(r"[一二三四五六七八九十百两][年天日]")  # how long a campaign runs: “某某”三年行动, 百日攻坚
#: what a quoted name is to the one that takes it up: 某镇将以“某某”示范片建设为抓手
LEVER = re.compile(r"[”\"]?[^，,。；;：:“”]{0,14}?为(?:抓手|牵引|引领|载体|主线|突破口|切入点)")
_NOT_MODIFIERS = ("p", "u", "c", "r", "m", "q", "x", "w", "t")  # function words and counts end the search
_ACTIVITIES = frozenset({"活动", "行动"})  # after a verb, what a group does, not a programme


@cache
def _programme() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, longest_first("programme_verbs")))
    heads = "|".join(map(re.escape, longest_first("programme_heads")))
    not_before = "|".join(map(re.escape, longest_first("programme_not_before")))
    subject = "|".join(map(re.escape, longest_first("programme_subject_followers")))
    return re.compile(  # after a verb that puts it into effect, after its cost or 建设的, or opening a clause as its subject
        rf"(?:(?:{verbs})(?P<name>[\u4e00-\u9fff]{{4,16}}?(?:{heads}))(?!{not_before})"
        rf"|(?:[万亿]元|建设)的(?P<costed>[\u4e00-\u9fff]{{4,16}}?(?:{heads}))(?!{not_before})"
        rf"|(?:^|(?<=[，,。；;：:！？\n]))(?P<subject>[\u4e00-\u9fff]{{4,12}}?(?:{heads}))(?={subject}))"
    )


_EVENT_STOPS = ("x", "p", "c", "u", "d", "r", "w", "y", "e", "o", "q", "f", "t", "m")
_PROPER = ("ns", "nr", "nz", "nt", "j", "eng")
_DASHES = frozenset("—-－–")
_OPENING_MARKS = frozenset("《“‘「『〈【(（")


def events(doc: Doc) -> list[Mention]:
    """Named events and projects written without quotes: a name, then a head of ``event_heads.txt`` or
    ``project_heads.txt`` (某地国际马拉松, 第五届某地农产品博览会 → 某地农产品博览会, 某镇某江综合整治工程).  The name runs leftwards over nouns and names, not
    over verbs, numbers, time words or 第…届 (but over a dash between two names: 中国—某某博览会),
    and needs a place or a proper name before the head, or an edition number before the name (第三届|
    乡村美食节; a direction word after it opens the name: 第五届|西部农产品博览会): 乡村美食节 alone is
    no name. A year written into the name stays in it, the name without it is the alias (2026某地马拉松)."""
    tokens, text = doc.tokens, doc.text
    heads = sorted(m.span() for m in _event_heads().finditer(text))
    ends = {t.end: i for i, t in enumerate(tokens)} if heads else {}  # most articles name no event
    found: list[Mention] = []
    named = [(s, e) for s, e, kind, _ in doc.labels or () if kind in (Kind.PLACE, Kind.ORG)]
    for head_start, head_end in heads:
        last = ends.get(head_end)
        if last is None and text.startswith("上", head_end):
            last = ends.get(head_end + 1)  # 某某评鉴|会上: jieba's 会上 holds the head's end
        if last is None:
            continue  # the head ends inside a word
        first = next((i for i in range(last, -1, -1) if tokens[i].start <= head_start), last)  # the head's first word
        read = -1  # the first word of a name the labeller reads, kept even where it looks like a verb (望|津路)
        hosted = _after_hosts(text, head_start)
        if hosted is not None and hosted in ends:  # 某某协办的|2024某山苗绣银饰文化周: all of it, whatever jieba tags
            first = read = ends[hosted] + 1
            if first < last and _EDITION.fullmatch(tokens[first].text):
                first = read = first + 1  # 承办的第二届|某某美食节: the edition number is no part of the name
        while first > 0 and head_start - tokens[first - 1].start <= 16 and hosted is None:
            left = tokens[first - 1]
            opening = next((s for s, e in named if s < left.end <= e and s >= head_start - 16
                            and (e <= head_start or e == head_end and "的" not in text[s:e])), None)
            while opening is not None and opening < head_start and text[opening] in _OPENING_MARKS:
                opening += 1  # the labeller's 《某某集团: the title mark is no part of the name
            if opening is not None and tokens[first - 1].start > opening:
                first = read = bisect_left(tokens, opening, key=lambda t: t.start)  # 某区·|某|地|半程马拉松: a name the labeller reads
                continue
            if left.text in MIDDLE_DOTS and first > 1 and tokens[first - 2].pos.startswith(_PROPER):
                first -= 1  # 某区·某地半程马拉松: a middle dot between two names
                continue
            if left.text in _DASHES and tokens[first].pos.startswith(_PROPER):
                dash = first - 1
                while dash > 0 and tokens[dash - 1].text in _DASHES:
                    dash -= 1
                if dash > 0 and tokens[dash - 1].pos.startswith(_PROPER):
                    first = dash  # 中国—南亚博览会: two names joined by a dash
                    continue
            if left.text in lexicon("season_words") and (tokens[first].pos.startswith(_PROPER) or first > 1 and tokens[first - 2].pos.startswith("n")):
                first -= 1  # 夏季|青州论坛: a season opens the name; 某地脐橙|冬季|推介会: or is inside it
                continue
            if left.text == "中" and len(tokens[first].text) == 1 and tokens[first].pos.startswith(_PROPER):
                first -= 1  # 中|俄|冰雪产业合作论坛: China and a country, each by its first character
                continue
            if left.pos == "f" and len(left.text) <= 2 and first > 1 and tokens[first - 2].pos.startswith(_PROPER):
                first -= 2  # 渝|西|石雕技艺大赛, 天山|南麓|…博览会: a region named by a place and a direction
                continue
            if _split_number(left, tokens[first]):
                first -= 1  # 二|十国集团: a number jieba cut apart
                continue
            if (left.pos.startswith(_EVENT_STOPS) or (left.pos.startswith("v") and left.pos != "vn"
                                                       and not _verb_inside(tokens, first - 1) and left.text not in lexicon("event_name_verbs")
                                                       and not _place_read_as_verb(left))
                    or left.text == "暨" and not any(end == left.start for _, end in heads)
                    or left.text in lexicon("leading_verbs") and tokens[first].pos.startswith(_PROPER)
                    or left.text in lexicon("hosting_verbs") or _EDITION_REFERENCE.fullmatch(left.text)) \
                    and not division_named_elsewhere(doc, left):
                break  # but 渡|舟厂区…工程 beside 渡舟街道: the verb opens the township's name
                # (某市|启动/vn|锡矿山区域生态修复工程: a verb jieba tags as a noun, before a name;
                # 某公司|中标/n|一期工程: a host's or contractor's verb; 上届|文化旅游节: the event named before;
                # 奉节/v|脐橙冬季推介会: a place jieba tags as a verb opens the name; 某节|暨|产销对接会: two events, but 某某文化节暨|某某推介会 is one name)
            first -= 1
        if first > 0 and _year_of_name(tokens, first - 1):
            first -= 1  # 2026|某地马拉松: the year is written into the name
        while first < last and first != read and (cannot_start(tokens[first]) or tokens[first].text.isdigit() or tokens[first].text == "暨") \
                and not division_named_elsewhere(doc, tokens[first]) and not _place_read_as_verb(tokens[first]) \
                and not _split_number(tokens[first], tokens[first + 1]) and not _year_of_name(tokens, first):
            first += 1
        # 第五届|西部农产品博览会: an edition number names a recurring event, and a direction word after it opens the name
        edition = first > 0 and _EDITION.fullmatch(tokens[first - 1].text) is not None
        if not edition and first > 1 and tokens[first - 1].pos == "f" and _EDITION.fullmatch(tokens[first - 2].text):
            first, edition = first - 1, True
        body = [t for t in tokens[first:last + 1] if t.end <= head_start]
        if not body or not (edition or any(t.pos.startswith(_PROPER) for t in body)
                            or gazetteer.find(text[body[0].start:head_start])):
            continue
        start = body[0].start
        year = _YEAR.match(text, start)
        alias = text[year.end():head_end] if year else text[tokens[first - 1].start:head_end] if edition else None
        found.append(Mention(doc.article.id, start, head_end, text[start:head_end], Kind.INITIATIVE,
                             by="rules.event", score=0.9, alias=alias))  # (第三届某某马拉松: the edition's form too)
    return found


def _place_read_as_verb(token: Token) -> bool:
    """A place's name jieba tags as a verb (奉节/v), which opens an event's name (奉节脐橙冬季推介会)."""
    return token.pos.startswith("v") and gazetteer.is_place(token.text)


def _after_hosts(text: str, head_start: int) -> int | None:
    """Where an event's name starts right after its hosts' or a holding verb and 的 (某局主办、某协会协办的|某某文化周,
    当天举行的|某区温泉康养旅游推介会),
    within 16 characters of its head and with no punctuation between; None when it does not."""
    match = _hosted_by().search(text, max(0, head_start - 20), head_start)
    return match.end() if match and head_start - match.end() <= 16 else None


@cache
def _hosted_by() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted({*lexicon("hosting_verbs"), *lexicon("holding_verbs")}, key=len, reverse=True)))
    return re.compile(rf"(?:{verbs})的(?=(?:[^，,。；;、：:“”（）()]|[（(][\u4e00-\u9fff]{{2,6}}[）)])*$)")  # (2024中国(荣昌)…)


_NUMERALS = "〇一二三四五六七八九十百千"
_EDITION_REFERENCE = re.compile(r"[上本历下往每该前]届")  # 上届, 本届: an edition the story names elsewhere
_EDITION = re.compile(rf"(?:第[0-9{_NUMERALS}]+|首)届")


def _verb_inside(tokens: Sequence[Token], i: int) -> bool:
    """Is token i a two-character verb inside an event's or a project's name (某区森林火灾应急|处置|综合
    演练, 某某古镇历史风貌|保护|提升工程): after a noun, not after a name, a place or a word ending
    like one (某地|举办|国际马拉松, 某某中心|参加|…洽谈会)?"""
    return len(tokens[i].text) == 2 and i > 0 and tokens[i - 1].pos in ("n", "vn") and i + 1 < len(tokens) \
        and tokens[i + 1].pos in ("n", "vn", "v") and not any(suffix_of(tokens[i - 1].text, k) for k in (Kind.ORG, Kind.PLACE))


def edition_events(doc: Doc) -> list[Mention]:
    """Events an edition number names whatever words jieba makes of them (第五届|某某啰儿调山歌节,
    首届|全国青年运动会, 第三届“某某采茶节”, 第四届湖南(常德)粮油产业博览会): the name runs from 第…届
    to the first word of ``edition_event_ends`` (节, 赛, 对接会 …) that ends a word (the form with its
    edition number is an alias),
    without a function word (的, 在 …, a word of its own: not 库布其's 其) inside; not the games of an event (某某会|比赛)."""
    ends = {t.end for t in doc.tokens}
    stops = {t.start for t in doc.tokens if t.text in lexicon("programme_stop_chars")}  # words of their own (not 库布其's 其)
    found = []
    for match in _edition_event().finditer(doc.text):
        name = match.group("name")
        if match.end() in ends and not stops.intersection(range(*match.span("words"))) and not name.endswith(_NOT_EDITION_EVENTS):
            found.append(Mention(doc.article.id, match.start("name"), match.end(), name, Kind.INITIATIVE,
                                 by="rules.event", score=0.9, alias=match.group().replace("“", "")))  # 第二届某某节: a form too
    return found


@cache
def _edition_event() -> re.Pattern[str]:
    holidays = "".join(f"(?<!{re.escape(day[:-1])})" for day in lexicon_list("holidays"))  # (阆中春节|民俗文化季)
    ends = "|".join(f"(?<![{_SEASON_FIRSTS}])季" if end == "季" else f"{holidays}节" if end == "节" else re.escape(end)
                    for end in longest_first("edition_event_ends"))
    return re.compile(rf"(?:第[0-9〇一二三四五六七八九十百]+|首)届(?:“(?=[^”]+”))?(?P<name>(?P<words>(?:[\u4e00-\u9fff·—]|[（(][\u4e00-\u9fff]{{2,6}}[）)]){{2,16}}?)(?:{ends}))")


_NOT_EDITION_EVENTS = ("比赛", "代表大会")  # the games of an event; a congress of deputies is a body
_SEASON_FIRSTS = "四春夏秋冬旺淡雨当"  # 冬季, 旺季: a season ends no event's name (but 某某康养季 does)


def _year_of_name(tokens: Sequence[Token], i: int) -> bool:
    """Is token i a year written into an event's name before a name or a place (2026|某地马拉松,
    2024|陵水/n|…马拉松赛; not 2026|年)?"""
    return bool(_YEAR.fullmatch(tokens[i].text)) and i + 1 < len(tokens) and (
        tokens[i + 1].pos.startswith(_PROPER) or gazetteer.is_place(tokens[i + 1].text))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _split_number(token: Token, after: Token) -> bool:
    """A number word that the next token goes on (二|十国集团), not a count or an edition (第五届)."""
    return token.pos == "m" and token.text[-1] in _NUMERALS and after.text[0] in _NUMERALS


@cache
def _event_heads() -> re.Pattern[str]:
    heads = sorted({*lexicon("event_heads"), *lexicon("project_heads")}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, heads)))


def programmes(doc: Doc) -> list[Mention]:
    """Programmes, reforms and rules named without quotes after a verb that puts them into effect
    (落实青山八项规定, 深化一窗通办改革, 实施青禾帮扶工程) or opening a clause as its subject
    (……期间，青禾帮扶工程将……). The name runs to the first head word; a verb inside it starts the
    name again (改革为实施|创新驱动发展战略)."""
    verbs, heads = longest_first("programme_verbs"), longest_first("programme_heads")
    found: list[Mention] = []
    for match in _programme().finditer(doc.text):
        group = next(g for g in ("name", "costed", "subject") if match.group(g))
        start, name = match.start(group), match.group(group)
        cut = max((name.rfind(v) + len(v) for v in verbs if name.rfind(v) >= 0), default=0)
        cut += _time_words_before(name[cut:])
        start, name = start + cut, name[cut:]
        head = next(h for h in heads if name.endswith(h))
        body = name[: -len(head)]
        if len(body) < 2 or lexicon("programme_stop_chars").intersection(name) or common_word(name) \
                or body.startswith(lexicon_list("programme_generic_starts")) or name[0] in "好着过得" \
                or body.endswith("原"):  # 某国原计划将…: "had planned", no programme
            continue  # a clause, a generic phrase, or the verb's complement (执行|好…计划)
        if any(h in body for h in heads if h not in lexicon("programme_named_heads")):
            continue  # 结构性改革特别是…改革: not one name
        if head in lexicon("programme_named_heads") and not _names_something(body):
            continue  # 重大合作项目: a project is named by a place or a proper name
        found.append(Mention(doc.article.id, start, start + len(name), name, Kind.INITIATIVE,
                             by="rules.programme", score=0.7))
    return found


def _names_something(body: str) -> bool:
    """Does a programme's body hold a proper name or a place (某某油气管道|项目, not 重大合作|项目)?"""
    return any(tag.startswith(_PROPER) for _, tag in cut(body)) or bool(gazetteer.find(body))


def _time_words_before(name: str) -> int:
    """How many characters of time words open a programme's name (今年|某港二期工程)."""
    length = 0
    for word, tag in cut(name):
        if tag != "t" or length + len(word) >= len(name) - 2 or not _DATED.search(word):
            break  # but 夜间经济提质工程: a time of day names the programme
        length += len(word)
    return length


_DATED = re.compile(r"[年月日今近前]")  # (目前|三期工程; 夜间 names one)


@cache
def _titled_plan() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, longest_first("plan_heads")))
    return re.compile(rf"《(?!关于)([^《》\n]{{4,20}}(?:{heads}))》")


def titled_plans(doc: Doc) -> list[Mention]:
    """Plans named in title marks (《某市氢能产业发展规划》, 《某某三年行动方案》): initiatives; laws,
    agreements and reports in title marks are documents, not plans, and so is a decision's long
    title (《关于某某的实施方案》), whose names inside are read apart."""
    return [Mention(doc.article.id, match.start(1), match.end(1), match.group(1), Kind.INITIATIVE,
                    by="rules.titled_plan", score=0.8) for match in _titled_plan().finditer(doc.text)]


def titled_shows(doc: Doc) -> list[Mention]:
    """Shows and exhibitions named in title marks (《某某——当代陶瓷艺术精品展》, 实景演出《某某》,
    《某某》特展: ``titled_show_cues``): initiatives, the title before its subtitle (——) an alias."""
    before, after, end = _show_cues()
    found = []
    for match in _TITLE.finditer(doc.text):
        name = match.group(1)
        if name.endswith(end) or doc.text.endswith(before, 0, match.start()) or doc.text.startswith(after, match.end()):
            found.append(Mention(doc.article.id, match.start(1), match.end(1), name, Kind.INITIATIVE, by="rules.titled_show",
                                 score=0.8, alias=name.split("——")[0] if "——" in name else None))
    return found


_TITLE = re.compile(r"《([^《》\n]{2,30})》")


@cache
def _show_cues() -> tuple[tuple[str, ...], ...]:
    """The cues of ``titled_show_cues`` that stand before a title, after it and at its end."""
    rows = table("titled_show_cues")
    return tuple(tuple(sorted((cue for cue, w in rows if w == where), key=len, reverse=True)) for where in ("before", "after", "end"))


@cache
def _decision() -> re.Pattern[str]:
    words = "|".join(map(re.escape, longest_first("decision_words")))
    return re.compile(rf"关于(?P<name>[\u4e00-\u9fff、]{{4,16}}?)的(?:{words})")


def decisions(doc: Doc) -> list[Mention]:
    """Policies named as what a decision is about (某机关关于振兴某地的决策部署 → 振兴某地); not a
    field of work (经济工作), a dictionary word (资本市场) or two words without a verb."""
    found = []
    for match in _decision().finditer(doc.text):
        name = match.group("name")
        tags = [tag for _, tag in cut(name)]
        if name.endswith(longest_first("decision_fields")) or name in word_tags() or (len(tags) <= 2 and not any(t.startswith("v") for t in tags)):
            continue
        found.append(Mention(doc.article.id, match.start("name"), match.end("name"), name, Kind.INITIATIVE,
                             by="rules.decision", score=0.7))
    return found


_PART = re.compile(r"(?:新|[\u4e00-\u9fff]{2,3}?)片区")


def place_led_names(doc: Doc) -> list[Mention]:
    """Pilot zones and plans named after their place, quoted or not: a place from the gazetteer,
    then a head from place_led_heads.tsv (某省自贸试验区 a place, 某市(城市)总体规划 an initiative), then
    for a zone a part of it (某省自贸试验区某市片区, its 新 part); 中国(某省)自由贸易试验区 too."""
    text, heads = doc.text, place_led_heads()
    found: list[Mention] = []
    chain_start, chain_end = -1, -1
    for start, end, _ in gazetteer.find(text):
        if start != chain_end:
            chain_start = start  # 某省某市自贸区: the name starts at the first place of a chain
        chain_end = end
        bracket = BRACKETED_PLACE.match(text, end)  # 中国(山东)自由贸易试验区: the province in brackets
        if bracket and any(s == 1 and e == len(bracket.group()) - 1 for s, e, _ in gazetteer.find(bracket.group())):
            end = bracket.end()
        city = 2 if text.startswith("城市", end) else 0  # 某市城市总体规划: the city's plan
        head = next((h for h in heads if text.startswith(h, end + city) and (not city or heads[h] is Kind.INITIATIVE)), None)
        if head is None:
            continue
        stop = end + city + len(head)
        part = _PART.match(text, stop) if heads[head] is Kind.PLACE else None
        if part and (part.group()[:-2] == "新" or gazetteer.find(part.group()[:-2])):
            stop = part.end()
        found.append(Mention(doc.article.id, chain_start, stop, text[chain_start:stop], heads[head],
                             by="rules.place_led", score=0.95))
    return found


def _typed_by_suffix(name: str) -> Kind | None:
    """The kind a quoted name's suffix gives it (“某某博物馆”), none for a programme's suffix
    (``quoted_programme_suffixes``: “某某实训基地”) or a name that opens with a verb (“看古镇”)."""
    if name.endswith(longest_first("quoted_programme_suffixes")):
        return None
    if next(iter(cut(name)), ("", ""))[1] == "v":
        return None  # “看古镇”, “玩古镇”: a verb and its object, a slogan
    for kind in (Kind.ORG, Kind.PLACE):
        suffix = suffix_of(name, kind)
        if suffix and len(suffix) >= 2 and is_name(name, kind):
            return kind
    return None


def enumerations(doc: Doc) -> list[Mention]:
    """Members of a list that the text types: 推动甲、乙、丙等重点企业 makes three organizations,
    加快甲、乙等项目建成 two projects."""
    found: list[Mention] = []
    kinds, _, _ = _enumeration_heads()
    endings = _short_name_endings()
    for match in _enumeration().finditer(doc.text):
        head = match.group("head") or match.group("project")
        kind = kinds[head]
        if len(head) == 1 and doc.word_across(match.end()):
            continue  # 红椿、黄檀等乡土树种: 乡 opens a word (乡土), no list of townships
        if match.group("field") and not all(len(w) >= 2 and tag.startswith(("n", "vn")) for w, tag in cut(match.group("field"))):
            continue  # 等数字经济企业 (the firms' field, nouns), not 等土小企业
        if kind is not Kind.ORG and any(common_word(item) for item in match.group(1).split("、")):
            continue  # 越野跑、攀岩、皮划艇等8个项目: events of a sport, not named projects (nor 山区、库区等乡镇)
        offset = _list_restart(doc, match.start(1), match.end(1))
        for item in re.finditer(r"[^、]+", doc.text[offset:match.end(1)]):
            name = item.group()
            start = offset + item.start()
            if item.start() == 0:  # 该区推动甲, 该院还与甲, 附近的甲: the list starts after the last verb, preposition, conjunction or 的
                verbs = [t for t in doc.tokens if start <= t.start and t.end < start + len(name)
                         and (t.pos.startswith(("v", "p", "c", "ul", "uz", "uj")) or t.text in lexicon("leading_verbs")
                              or within_division(t.text))]  # (联合|镇内|二佛村)
                while verbs and verbs[-1].pos.startswith("v") and (_name_goes_on(doc.text, verbs[-1].end, start + len(name))
                                 or _name_goes_on(doc.text, verbs[-1].start + 1, start + len(name))):
                    verbs.pop()  # 推动|擎|峰动力, 串联|安居|古城 where 擎峰动力, 安居古城 are written elsewhere: the name's
                cut_at = next((v.end for v in reversed(verbs) if start + len(name) - v.end >= 2), None)
                if cut_at is not None:  # (吸引|松辽能|投: the last verb that leaves a name, 能 being one)
                    name, start = name[cut_at - start:], cut_at
            joined = max((name.rfind(j) + len(j) for j in JOINERS if j in name), default=0) if kind is Kind.PLACE else 0
            if joined:  # 嘉陵江、渠江、涪江三江干流和|小安溪等支流: the list's last member follows the conjunction
                name, start = name[joined:], start + joined
            if (owner := name.rfind("的") + 1) and len(name) - owner >= 2:  # 中天楼和嘉陵江对岸的|锦屏山等景点
                name, start = name[owner:], start + owner
            for at, piece in _joined_bodies(name) if kind is Kind.ORG else [(0, name)]:
                found.extend(_enumerated(doc, start + at, piece, kind, head, endings))
    return found


def _list_restart(doc: Doc, start: int, end: int) -> int:
    """Where a list of names really starts: after an adverb and a preposition inside it (园区管委会、区农业农村委|
    将|与|甲集团等企业: the subjects, then the one listed member), else at start."""
    tokens = doc.tokens[bisect_left(doc.tokens, start, key=lambda t: t.start):bisect_left(doc.tokens, end, key=lambda t: t.start)]
    pairs = [b.start for a, b in zip(tokens, tokens[1:]) if a.pos == "d" and b.pos == "p" and a.end == b.start]
    return pairs[-1] if pairs else start


def _joined_bodies(name: str) -> list[tuple[int, str]]:
    """The two bodies of a list's item that a conjunction joins (某区人民医院|及|某街道), each with its
    offset; the item alone when it is not two names with their suffixes."""
    for joiner in JOINERS:
        left, _, right = name.partition(joiner)
        if right and all(suffix_of(part, Kind.ORG) or suffix_of(part, Kind.PLACE) for part in (left, right)) \
                and all(len(part) >= 3 for part in (left, right)):
            return [(0, left), (len(left) + len(joiner), right)]
    return [(0, name)]


def _enumerated(doc: Doc, start: int, name: str, kind: Kind, head: str, endings: dict[str, tuple[str, ...]]) -> list[Mention]:
    """The mention of a list's member, or none when it names no one thing of the list's kind."""
    _, suffixed, bare = _enumeration_heads()
    if kind is Kind.INITIATIVE and (gazetteer.is_place(name) or any(j in name for j in JOINERS)):
        return []  # 推动某国、某国等会展中心项目: the places the projects are for; 甲及乙: no one name
    if head in suffixed and not (suffix_of(name, Kind.ORG) and is_name(name, Kind.ORG) and not _ordinary_words(name)):
        return []  # 水利、环保等部门, 各级政府、保险公司等部门: fields and kinds, not bodies
    if kind is Kind.PLACE and len(split_place_chain(name)) > 1:
        return []  # 米林市南伊沟: a place chain, cut into its places by the labeller's reading
    if kind is Kind.PLACE and (ending := _place_ending(name)) and len(ending) < len(name):
        name, start = ending, start + len(name) - len(ending)  # 产品销往|智利、秘鲁等国家: the place that ends it
    if head in bare and (suffix_of(name, kind) and not any(gazetteer.lookup(name + end) for end in endings.get(head, ()))
                         or len(name) > 3):
        return []  # 周边长梁村、龙坪村等村: full names, read by their suffix (but 李市、慈云等镇: 李市镇's short
        # name); 串联满月: more than a short name
    if kind is Kind.ORG and _ordinary_words(name) and not suffix_of(name, Kind.ORG):
        return []  # 引进动画制作、游戏研发等企业: kinds of firms, not names
    if not 2 <= len(name) <= 12 or name in lexicon("generic_names"):
        return []
    full = next((name + end for end in endings.get(head, ()) if name + end in doc.text), None)
    return [Mention(doc.article.id, start, start + len(name), name, kind, by="rules.enumeration", score=0.8,
                    alias=full)]  # 中井、三江等村 beside 中井村: the village's short name


def _place_ending(name: str) -> str:
    """The country that ends name (智利 of 产品销往智利), or ''."""
    return next((name[start:] for start, end, found in gazetteer.find(name) if end == len(name) and gazetteer.is_country(found)), "")


@cache
def _enumeration_heads() -> tuple[dict[str, Kind], frozenset[str], frozenset[str]]:
    """The words that type a list (``enumeration_heads``) → their kind, those whose names must end in a
    suffix of that kind (部门), and those whose names must not (乡镇)."""
    rows = table("enumeration_heads")
    marked = {mark: frozenset(head for head, _, *rest in rows if rest[:1] == [mark]) for mark in ("suffix", "bare")}
    return {head: Kind(kind) for head, kind, *_ in rows}, marked["suffix"], marked["bare"]


@cache
def _short_name_endings() -> dict[str, tuple[str, ...]]:
    """List head → the endings with which the text may write a listed short name in full
    (``enumeration_heads``' fourth column: 中井、三江等村 beside 中井村)."""
    return {head: tuple(rest[1].split(",")) for head, _, *rest in table("enumeration_heads") if len(rest) > 1}


def _ordinary_words(text: str) -> bool:
    """Is text made of dictionary words that are no proper nouns (游戏|研发, 动画|制作), so names nothing?"""
    tags = word_tags()
    return all(len(word) >= 2 and word in tags and not tags[word].startswith(("nr", "ns", "nt", "nz")) for word, _ in cut(text))


@cache
def _enumeration() -> re.Pattern[str]:
    rows = table("enumeration_heads")
    orgs = "|".join(re.escape(head) for head, kind, *_ in rows if kind == Kind.ORG.value)
    projects = "|".join(re.escape(head) for head, kind, *_ in rows if kind != Kind.ORG.value)
    item = r"[\u4e00-\u9fffA-Za-z0-9]{2,14}"
    return re.compile(
        rf"((?:{item}、)+{item})等(?:\d+余?[家个])?"
        rf"(?:(?:重点|龙头|知名|头部|骨干|一批|多家|(?P<field>(?![地处省市县区国])[\u4e00-\u9fff]{{2,4}}?))?(?P<head>{orgs})"
        rf"|(?![地处])[\u4e00-\u9fff]{{0,4}}?(?P<project>{projects})(?!企业|干部|政府|党委|卫生院|学校))"  # (not 等乡镇企业)
    )


def titled_people(doc: Doc) -> list[Mention]:
    """People named right after a post or role: 副书记周明远, 党员王芳, 居民徐燕 (a known surname
    first; the name ends where a speech verb or punctuation begins; not a dictionary word such as
    支持, nor a surname-like character and a pronoun such as 向他)."""
    found: list[Mention] = []
    for match in _titled_pattern().finditer(doc.text):
        start, end = match.span("name")
        name = match.group("name")
        if common_word(name) or name[1] in "他她它我你您" or name[1:] in lexicon("speech_verbs"):
            continue  # 主席|支持, 记者|向他, 主席时|表示: a word, a pronoun or a verb after a surname-like character
        if word_tags().get(name[:2], "").startswith("t") or word_tags().get(name[1:], "").startswith("m"):
            continue  # 总理|周二晚: a time word after the post; 演员|占六成: a share, no name
        if name[0] in JOINERS and name[1:] in word_tags():
            continue  # 专家|和学者: a conjunction and a noun, not the surname 和
        if _function_word_then_word(doc, start, end, match.group("says") is not None):
            continue  # 负责人|向|媒体: a preposition and a noun, not the surname 向 (but 老板向明秀说)
        if start and doc.text[start - 1] == name[0] and name[1:] in word_tags():
            continue  # 执行主席|席就座: the post's last character again and a word, not the surname 席
        if (word := doc.word_across(start)) and len(word.text) >= 3:
            continue  # 老师|傅学习: the title is part of a longer word (老师傅), whose last character is no surname
        if common_word(name[:2]) and doc.word_across(end):
            continue  # 专家|全程参|与: a word (全程), then a name that would end inside a word (参与)
        if match.group("ender") and (word := doc.word_at(end)) is not None and word.text != match.group("ender"):
            continue  # 学生毕业即|就业: the word after the name is no word of its own there
        if doc.text[end:end + 1] in JOINERS and doc.text[end + 1:end + 2].isspace():
            continue  # 通讯员 岳清|和 冉某某: a name that ends in 和 before a space (the byline's)
        # a post, a name and what the person says (总经理韩国栋说): surer than a country read in the name
        # (but not 总编辑王晨|都|表示, an adverb read into the name)
        says = match.group("says") and name[-1] not in _ADVERBS_BEFORE_SPEECH
        found.append(Mention(doc.article.id, start, end, name, Kind.PERSON, by="rules.title", score=0.85 if says else 0.75))
    return found + _people_before_posts(doc) + _people_after_titles(doc, {m.start for m in found})


_ADVERBS_BEFORE_SPEECH = frozenset("都也还就又均亦则")


def _name_goes_on(text: str, cut: int, end: int) -> bool:
    """Does the article write text[cut - 1:end] (one character more than the name cut at ``cut``)
    more often than with the character before it too, so elsewhere without the word before the cut
    (推动|擎|峰动力 beside 重庆擎峰动力科技有限公司)?"""
    return cut >= 2 and text.count(text[cut - 1:end]) > text.count(text[cut - 2:end])


def _function_word_then_word(doc: Doc, start: int, end: int, says: bool = False) -> bool:
    """Does jieba cut text[start:end] into a one-character function word (a preposition, adverb,
    conjunction or pronoun) and one dictionary word (向|媒体, 对|群众), a noun when the person says
    something right after (老板向明秀说: 明秀 no noun, 向 a surname)?"""
    first = bisect_left(doc.tokens, start, key=lambda t: t.start)
    words = doc.tokens[first : bisect_left(doc.tokens, end, lo=first, key=lambda t: t.start)]
    return (len(words) == 2 and words[0].start == start and words[1].end == end and len(words[0].text) == 1
            and words[0].pos.startswith(FUNCTION_TAGS) and common_word(words[1].text)
            and (not says or words[1].pos.startswith(("n", "v", "r"))))


def _people_before_posts(doc: Doc) -> list[Mention]:
    """People named right before their post (某某某总书记, 某某主席): a jieba word tagged as a
    person name, of two or three characters opening with a known surname, then a listed post that
    the labeller reads no person after."""
    posts, surnames = _post_pattern(), single_surnames()
    people_at = {start for start, _, kind, _ in doc.labels or () if kind is Kind.PERSON}
    found: list[Mention] = []
    for token in doc.tokens:
        if (token.pos.startswith("nr") and 2 <= len(token.text) <= 3 and token.text[0] in surnames
                and (post := posts.match(doc.text, token.end)) and not common_word(token.text)
                and post.end() not in people_at):  # 祝贺|校长|某某: the post is the next person's
            found.append(Mention(doc.article.id, token.start, token.end, token.text, Kind.PERSON, by="rules.title", score=0.75))
    return found


def _people_after_titles(doc: Doc, named: set[int]) -> list[Mention]:
    """People named right after a post or role whatever follows (种植户任海军拿着…): a jieba word
    tagged as a person name, of two or three characters opening with a known surname, no dictionary
    word, right after a listed title, where the post and what the person says name nobody already
    (``named``: their starts; 总经理韦达明说, not jieba's 韦达|明说)."""
    surnames, titles = single_surnames(), person_titles()
    return [Mention(doc.article.id, token.start, token.end, token.text, Kind.PERSON, by="rules.title", score=0.9)
            for token in doc.tokens
            if token.pos.startswith("nr") and 2 <= len(token.text) <= 3 and token.text[0] in surnames and token.start not in named
            and doc.text.endswith(titles, max(0, token.start - 6), token.start) and not common_word(token.text)]


@cache
def _post_pattern() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(lexicon("posts"), key=len, reverse=True))))


@cache
def _titled_pattern() -> re.Pattern[str]:
    titles = person_titles()
    surnames = longest_first("surnames") + tuple(lexicon_list("more_surnames"))
    verbs = "|".join(map(re.escape, lexicon_list("speech_verbs")))
    enders = "|".join(map(re.escape, longest_first("words_after_titled_names")))
    return re.compile(
        rf"(?:{'|'.join(map(re.escape, titles))})\s?"
        rf"(?P<name>(?:{'|'.join(map(re.escape, surnames))})[\u4e00-\u9fff]{{1,2}}?)"
        rf"(?=\s|[，,、。；：:（(“”]|(?P<says>{verbs})|(?P<ender>{enders}))"
    )


def listed_people(doc: Doc, mentions: tuple[Mention, ...]) -> list[Mention]:
    """People listed beside a person with 、 (任某某、王某某是……) whom the labeller missed: two or
    three characters that start with a surname, start a jieba word, are no dictionary word and
    overlap no other mention."""
    text, surnames = doc.text, single_surnames()
    starts = {t.start: t for t in doc.tokens}

    def person_at(start: int, end: int) -> bool:
        name = text[start:end]
        token = starts.get(start)
        return (bool(_HAN_NAME.fullmatch(name)) and name[0] in surnames and token is not None
                and not token.pos.startswith(_NOT_NAME_TAGS) and not common_word(name))

    return _listed(doc, mentions, Kind.PERSON, (3, 2), person_at, "rules.listed_person")


def listed_organizations(doc: Doc, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Organizations listed after two organizations with 、 (甲、乙、丙等) whom the labeller missed,
    often brands (某团): two to six characters that are whole jieba words, at most one of them of
    two characters or more (not 某某|全会 or 公共|图书馆), none a verb, particle or number, and no
    ordinary dictionary word."""
    text = doc.text
    starts = {t.start: i for i, t in enumerate(doc.tokens)}
    ends = {t.end for t in doc.tokens}

    def organization_at(start: int, end: int) -> bool:
        name = text[start:end]
        if start not in starts or end not in ends or not _HAN_OR_LATIN.fullmatch(name) or common_word(name):
            return False
        words = doc.tokens[starts[start]:]
        words = words[: next((j for j, t in enumerate(words) if t.end >= end), 0) + 1]
        return sum(len(t.text) >= 2 for t in words) <= 1 and not any(t.pos.startswith(_NOT_NAME_TAGS) for t in words)

    organizations = {(m.start, m.end) for m in mentions if m.kind is Kind.ORG}
    second = tuple(m for m in mentions if m.kind is Kind.ORG and text[m.start - 1 : m.start] == "、"
                   and any(e == m.start - 1 for _, e in organizations))  # 甲、[m]: two in the list already
    return _listed(doc, second, Kind.ORG, (6, 5, 4, 3, 2), organization_at, "rules.listed_organization",
                   before=False, occupied=mentions)


def listed_units(doc: Doc, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Units listed after a unit named with its body (某部农业机械化管理司、科技教育司指导): the later
    ones, named without the body, end in the same character (司, 处, 科, 室, 股), at a jieba word's end,
    with no verb or function word in them."""
    text = doc.text
    units = [m for m in mentions if m.kind is Kind.ORG and m.text[-1] in _LISTED_UNIT_ENDS and len(m.text) >= 5
             and text[m.end:m.end + 1] == "、"]
    if not units:
        return []
    taken = [(m.start, m.end) for m in mentions]
    starts = {t.start: i for i, t in enumerate(doc.tokens)}
    found: list[Mention] = []
    for m in units:
        at, last = m.end, m.text[-1]
        while text[at:at + 1] == "、" and at + 1 in starts:
            words = doc.tokens[starts[at + 1]:starts[at + 1] + 4]
            end = next((t.end for t in words if t.text.endswith(last) and t.end - at - 1 >= 3), None)
            if end is None or any(t.pos.startswith(_NOT_NAME_TAGS) for t in words if t.end <= end) \
                    or any(at < e and s < end for s, e in taken):
                break
            found.append(Mention(doc.article.id, at + 1, end, text[at + 1:end], Kind.ORG, by="rules.listed_unit", score=0.6))
            at = end
    return found


_LISTED_UNIT_ENDS = frozenset("司处科室股")


def units_after_names(doc: Doc, mentions: tuple[Mention, ...]) -> list[Mention]:
    """An internal unit written right after its body's name or short form (某某集团|第二纺纱车间,
    某某能建|撒马尔罕光储项目部, ``internal_units``): the body's name and the unit's are the unit's
    whole name (the labeller reads the body alone, or the unit without it). So is a branch written
    after its body's name and the place it serves (某某图书馆|礼让镇|分馆, ``branch_heads``)."""
    text = doc.text
    places = {m.start: m.end for m in mentions if m.kind is Kind.PLACE}
    found = []
    for m in mentions:
        if m.kind is not Kind.ORG or len(m.text) < 4 or m.text.endswith(longest_first("internal_units")):
            continue
        unit = _internal_unit().match(text, m.end)
        if unit and unit.end() - m.end > len(unit.group("head")) and text[m.end:unit.end()] not in lexicon("generic_names") \
                and all(tag.startswith(_UNIT_NAME_TAGS) for _, tag in cut(unit.group("name"))):
            # (not 某集团|召开|车间…, nor a bare 车间, nor a kind of unit: 某公司|生产车间)
            end = unit.end()
        elif branch := _branch_after(text, m.end, places.get(m.end)):
            end = branch
        else:
            continue
        found.append(Mention(doc.article.id, m.start, end, text[m.start:end], Kind.ORG,
                             by="rules.unit_after_name", score=max(m.score, 0.85)))
    return found


_UNIT_NAME_TAGS = ("n", "vn", "j", "eng", "m", "z", "b", "a")


def _branch_after(text: str, start: int, place_end: int | None) -> int | None:
    """The end of a branch's head right after the place read from start (礼让镇|分馆), or of the
    place's reading when it holds the head (the labeller's 礼让镇分馆), or after a township's name
    the article writes elsewhere with its ending (晏家|特勤站 beside 晏家街道)."""
    heads = longest_first("branch_heads")
    if place_end is None:
        place_end = next((start + size for size in (2, 3) if text.startswith(heads, start + size)
                          and all("\u4e00" <= ch <= "\u9fff" for ch in text[start:start + size])
                          and any(text.find(text[start:start + size] + end) >= 0 for end in ("街道", "镇", "乡"))), None)
    if place_end is None:
        return None
    if text.startswith(heads, place_end):
        return place_end + next(len(h) for h in heads if text.startswith(h, place_end))
    name = text[start:place_end]
    head = next((h for h in heads if name.endswith(h)), "")
    return place_end if head and len(name) - len(head) >= 2 else None


@cache
def _internal_unit() -> re.Pattern[str]:
    heads = "|".join(map(re.escape, longest_first("internal_units")))
    return re.compile(rf"(?:第[一二三四五六七八九十\d]{{1,3}}|[一二三四五六七八九十\d]{{1,2}}号?)?(?P<name>[\u4e00-\u9fffA-Za-z0-9]{{0,6}}?)(?P<head>{heads})")


def _listed(doc: Doc, mentions: tuple[Mention, ...], kind: Kind, lengths: tuple[int, ...],
            fits: Callable[[int, int], bool], by: str, before: bool = True,
            occupied: tuple[Mention, ...] | None = None) -> list[Mention]:
    """Names of ``kind`` that a list mark (、) puts right before or after one of ``mentions``: the
    first length in ``lengths`` whose span ``fits``, overlaps none of ``occupied`` (default: them) and
    (after a mention) ends where the list goes on or ends (、, 等, punctuation)."""
    text = doc.text
    taken = [(m.start, m.end) for m in (mentions if occupied is None else occupied)]
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return start >= 0 and not any(start < e and s < end for s, e in taken) and fits(start, end)

    for m in mentions:
        if m.kind is not kind:
            continue
        if before and text[m.start - 1 : m.start] == "、":  # 甲、[m]
            end = m.start - 1
            start = next((end - k for k in lengths if free(end - k, end)), None)
        elif text[m.end : m.end + 1] == "、":  # [m]、乙 (乙 ending at a list mark, 等, or punctuation)
            start = m.end + 1
            end = next((start + k for k in lengths if text[start + k : start + k + 1] in _AFTER_LISTED
                        and free(start, start + k)), None)
            start = start if end is not None else None
        else:
            continue
        if start is not None:
            found.append(Mention(doc.article.id, start, end, text[start:end], kind, by=by, score=0.6))
            taken.append((start, end))
    return found


_NOT_NAME_TAGS = ("c", "p", "u", "d", "v", "m", "q", "x")
_AFTER_LISTED = frozenset("、等和及，,。；;：:是")


def bracketed_short_forms(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A name in brackets right after an organization's, read as a person, is the organization's
    short form (某某圣战组织（某某）): an organization, with the full name as alias (a place in brackets
    stays a place: 某某学院（某某校区）, 某某银行（中国））; a name in Latin letters in brackets after an
    organization's or a person's is theirs (某某精密机械股份公司（Kleinberg Precision AG，以下简称…）,
    托马斯·韦伯（Thomas Weber）)."""
    text = doc.text
    named = {m.end: m for m in mentions if m.kind in (Kind.ORG, Kind.PERSON)}
    out = []
    for m in mentions:
        before = named.get(m.start - 1)
        if before is not None and text[m.start - 1] in "（(":
            closed = text[m.end : m.end + 1]
            if before.kind is Kind.ORG and m.kind is Kind.PERSON and closed in ("）", ")"):
                m = replace(m, kind=Kind.ORG, alias=before.text)
            elif is_latin(m.text) and closed in ("）", ")", "，", ","):
                m = replace(m, kind=before.kind, alias=before.text)
        elif m.by == LATIN_BRACKETED:
            continue  # Latin words in brackets after no name (人工智能（Artificial Intelligence）) name nothing
        out.append(m)
    return tuple(out)


def short_forms(doc: Doc, mentions: tuple[Mention, ...]) -> list[Mention]:
    """Later uses of an organization's short form (青禾 for 青禾集团, 青禾电子 for 重庆青禾电子科技有限公司):
    the distinctive core of each full name, found again anywhere in the article; of a division's
    short form (某昌 for 某昌区, which jieba may read as a person's name), found between words; and
    of a suffixed place or organization the labeller read whole and sure once (某某西站, read elsewhere
    as 某某|西站); and a short form the article declares (以下简称某某). A one-character place the
    labeller reads inside one (檬泰 read with 泰 for Thailand) gives way."""
    declared = _declared_short_forms(doc.text, mentions)
    forms = _forms_to_find(mentions) | {form: name.kind for form, name in declared.items()}
    trade_names = {form for form in forms if len(form) >= 2 and any(
        m.kind is Kind.ORG and m.text.endswith(COMPANY_ENDS) and form in m.text != form for m in mentions)}
    if not forms:
        return []
    bounds = {t.start for t in doc.tokens} | {t.end for t in doc.tokens}
    known_places = word_tags()
    taken = [(m.start, m.end, m.by == "labeller", m.score < _SURE_READING or m.end - m.start == 1,
              m.kind is Kind.PLACE and known_places.get(m.text) == "ns", m.by.startswith("lexicon.")) for m in mentions]
    found = []
    for start, end, form in _occurrences(doc.text, forms):
        declared_here, trade_name = form in declared, form in trade_names
        if any(start < reading[1] and reading[0] < end and not _gives_way(reading, (start, end), declared_here, trade_name)
               for reading in taken):
            continue  # another reading stands there
        if (forms[form] is Kind.PLACE and not (start in bounds and end in bounds)) or names_a_time(doc.text, end):
            continue  # 江北 of 江北区 inside a longer word; 北京|时间
        # the article says so; a company's trade name outweighs an unsure reading in it
        found.append(Mention(doc.article.id, start, end, form, forms[form], by="rules.short_form",
                             score=0.9 if declared_here else 0.7 if trade_name else 0.6,
                             alias=declared[form].text if declared_here else None))
    return found


def _occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """(start, end, form) of the forms in text, scanned left to right without overlap, the longest form
    first where several start together: what a regular expression of the forms, longest first, finds
    (without compiling one for each article)."""
    hits = sorted((at, -len(form), form) for form in forms for at in finds(text, form))
    out, cursor = [], 0
    for at, minus_length, form in hits:
        if at >= cursor:
            out.append((at, at - minus_length, form))
            cursor = at - minus_length
    return out


def _gives_way(reading: tuple[int, int, bool, bool, bool, bool], span: tuple[int, int], declared: bool, trade_name: bool) -> bool:
    """Does a reading (start, end, by the labeller, unsure, a place jieba knows, by the gazetteer or a
    suffix) give way to a short form found at span?  An unsure labeller reading inside it does (岚溪 of
    岚溪智能 read as a place), any labeller, gazetteer or suffix reading inside a declared one (武陵 of
    武陵云仓, 华集团 of 简称|顺|华集团), and a reading of
    just the span when the short form is
    declared or a labelled one is a company's trade name (某鲜达 of 重庆某鲜达农产品配送有限公司 read as a
    person; 渝南路桥 read as a place), unless the labeller is sure it is a place that jieba's dictionary
    knows (河西走廊 of 甘肃河西走廊铁路投资建设集团有限公司)."""
    s, e, labelled, unsure, place, listed = reading
    inside = span[0] <= s and e <= span[1]
    same = (s, e) == span
    return (labelled and (unsure or declared) or listed and declared) and inside \
        or same and (declared or labelled and trade_name and (unsure or not place))


#: 某某有限公司（以下简称某某）, also after its name in Latin letters: （Kleinberg Precision AG，以下简称“某某”）
DECLARED = re.compile(r"[（(](?:[A-Za-z][^（）()，,]*[，,])?(?:以下)?简称[“\"]?([^）)”\"，,]{2,12})[”\"]?[）)]")


def _declared_short_forms(text: str, mentions: tuple[Mention, ...]) -> dict[str, Mention]:
    """Short forms an article declares right after a name (某某有限公司（以下简称某某）, 某某产业园（以下简称
    “某某园”）, 第二届某某博览会（简称“某博会”）) or before it (某某集团，全称某某集团股份有限公司), and a
    person's other name (龙小燕（苗名“阿雅”）), with the mention of that name."""
    ends = {m.end: m for m in mentions if m.kind is not Kind.PERSON}
    people = {m.end: m for m in mentions if m.kind is Kind.PERSON}
    declared = {match.group(1): people[match.start()] for match in _OTHER_NAME.finditer(text) if match.start() in people}
    for match in DECLARED.finditer(text):
        head = _QUOTED_HEAD_BEFORE.search(text, max(0, match.start() - 14), match.start())
        if match.start() in ends:
            declared[match.group(1)] = ends[match.start()]
        elif text[match.start() - 1 : match.start()] in "”\"" and match.start() - 1 in ends:
            declared[match.group(1)] = ends[match.start() - 1]  # 组建“某某产业链联盟”（以下简称“某某联盟”）
        elif head and head.start() in ends and ends[head.start()].kind is Kind.INITIATIVE:
            declared[match.group(1)] = ends[head.start()]  # “石上生花”青年文创孵化计划（以下简称“孵化计划”）
    starts = {m.start: m for m in mentions if m.kind is not Kind.PERSON}
    for match in _FULL_NAME_AFTER.finditer(text):  # 某某集团，全称某某集团股份有限公司: the short form first
        short, full = ends.get(match.start()), starts.get(match.end())
        if short and full and short.kind is full.kind and len(short.text) < len(full.text):
            declared.setdefault(short.text, full)
    return declared


#: the full name given after a short form: 某某集团，全称|某某集团股份有限公司
_FULL_NAME_AFTER = re.compile(r"[，,]\s*全称(?:为|是)?[“\"]?")
#: a person's other name in brackets right after the name: 龙小燕（苗名“阿雅”）, 某某（藏名某某）, 某某（小名某某）
_OTHER_NAME = re.compile(r"[（(](?:[\u4e00-\u9fff]{1,2}名|又名|又称)[“\"]?([\u4e00-\u9fff·]{2,8})[”\"]?[）)]")
#: a closing quote and the head word after it, up to where a short form is declared
_QUOTED_HEAD_BEFORE = re.compile(r"[”\"][\u4e00-\u9fff]{1,12}$")


def _forms_to_find(mentions: tuple[Mention, ...]) -> dict[str, Kind]:
    """The names short_forms looks for again, with their kinds: organizations' short forms, the short
    forms of divisions named in full (alone or opening a body's name), suffixed names the
    labeller read whole and sure, and townships found by their ending."""
    from ..resolve import short_forms_of  # the same notion of a short form as resolution uses

    places = {m.text for m in mentions if m.kind is Kind.PLACE}
    forms: dict[str, Kind] = {}
    for m in mentions:
        if m.kind is Kind.ORG:
            for variant in short_forms_of(m.text, Kind.ORG, places):
                if not common_word(variant):  # 轨道交通 of 某某轨道交通集团 is a word, not a name
                    forms.setdefault(variant, Kind.PLACE if _landmark_in_name(variant) else Kind.ORG)
    opening = {m.text[:end] for m in mentions if m.kind is Kind.ORG for start, end, _ in gazetteer.find(m.text) if start == 0}
    for name in places | opening:  # 某昌区, and 某昌区 of 某昌区人民政府
        for division in gazetteer.lookup(name):
            for variant in gazetteer.short_names(division) if division.name == name else ():
                if len(variant) >= 2 and not common_word(variant) and variant not in lexicon("place_suffixes"):
                    forms.setdefault(variant, Kind.PLACE)  # not 南岸 of 南岸区, nor 古城 of 古城区 (a kind of place alone)
    for m in mentions:  # a suffixed name again (某某西站 read once whole, once as 某某 | 西站)
        if m.kind in (Kind.PLACE, Kind.ORG) and len(m.text) >= 4 and suffix_of(m.text, m.kind) and m.by == "labeller" \
                and m.score >= _SURE_READING:
            forms.setdefault(m.text, m.kind)
        elif m.kind is Kind.PLACE and m.by == "lexicon.place_suffix" and m.text.endswith(_TOWNSHIPS) and len(m.text) >= 3:
            forms.setdefault(m.text, m.kind)  # 满月乡 found as a link of 某区|满月乡|某村, then alone
    return forms


_TOWNSHIPS = ("乡", "镇", "街道")


def _landmark_in_name(form: str) -> bool:
    """Is a company's short form the landmark or old town its name opens with (东溪古镇 of
    重庆东溪古镇文化旅游发展有限公司, 阿依河 of 彭水县阿依河旅游开发有限公司): a place's suffix, no
    organization's, and the last character of a landmark (``landmark_endings``) or 古镇 or 新区?"""
    return bool(suffix_of(form, Kind.PLACE)) and not suffix_of(form, Kind.ORG) \
        and (form[-1] in lexicon("landmark_endings") or form.endswith(("古镇", "新区")))


#: how sure the labeller must be for its reading inside an organization's short form to stand
_SURE_READING = 0.9
PARTY_BODY = re.compile(r"(?:原|前)?(?:党支部|党总支|党委|党组|党工委)$")  # a party body ending a name


def party_branches(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """某局党支部书记、局长某某: the organization is 某局 and 党支部书记 is part of the post, so an
    organization name that ends in a party branch right before a post is cut back to the body
    whose own name it carries (青山矿业集团|党委书记), or to the company's short form the article names
    it by elsewhere (龙峰文旅|党委书记、董事长: 党委, not a branch, whose members the gold lists by
    the company; 某某物业党支部 stays a body of its own)."""
    posts = longest_first("posts")
    named = {m.text for m in mentions if m.kind is Kind.ORG}
    out = []
    for m in mentions:
        branch = PARTY_BODY.search(m.text) if m.kind is Kind.ORG else None
        if branch and doc.text.startswith(posts, m.end) or branch and doc.text[m.end:m.end + 2] in ("常委", "委员"):
            body = m.text[: branch.start()]
            if len(body) >= 4 and (suffix_of(body, Kind.ORG) and is_name(body, Kind.ORG)
                                   or branch.group() == "党委" and body in named and suffix_of(body, Kind.ORG) is None):
                m = Mention(m.article_id, m.start, m.start + len(body), body, Kind.ORG, by=m.by, score=m.score)
        out.append(m)
    return tuple(out)
