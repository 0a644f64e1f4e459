"""The labeller's spans read as names: quotation marks left out, a span across one dropped, place
chains cut into divisions, two joined names cut apart, one-character places kept only where they
stand for a place (中美关系, 访华) with their full name as alias."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from .. import gazetteer
from ..records import Kind, Mention
from ..resources import lexicon as word_list, longest_first, table
from .doc import Doc, Token
from .lexicon import (ADMIN_ENDS, BRACKETED_PLACE, FIGURE_COUNT_BEFORE, FUNCTION_TAGS, JOINERS, MIDDLE_DOTS, REGION, RENAMING, common_word, describing, founding_verbs, joined_bureaus, is_name, longest_ending, names_a_time, national_start, ordinary_head,
                      org_anaphor_nouns, person_titles, place_abbreviations, plausible_label, post_before, single_surnames, split_place_chain, suffix_of,
                      is_title, title_at, before_aspect, village_body, village_body_head, within_division, without_member_word)
from .segmenter import cut, word_tags


#: the component name of a labeller span too short or too generic to name a node on its own: a
#: one-character surname (李 of 李大娘, 郑 of 郑先生), a place's one-character form where it is no
#: abbreviation kg resolves (京剧, 印巴, 黄淮), a generic body (市委, 党和政府). `kg extract` writes
#: them (Extraction.references); the graph does not. REFERENCE_FLOOR: the labeller's least score
#: for one (floors of 0.5-0.9 move held-out F1 by 0.004 at most, lower ones helping MSRA and PD,
#: higher ones CLUENER, which labels no one-character names).
REFERENCE = "labeller.reference"
REFERENCE_FLOOR = 0.7


_DIGIT = re.compile(r"首[台批个座]|[0-9０-９]")  # a count after a place's name (某水电站|首台30万千瓦机组)
_SETTLEMENT_ENDS = frozenset({"社区", "村", "镇", "乡", "街道", "小区"})
_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d年(?:底|初|起|以来)?")
#: 等 or a count, and the kind of the places listed before it (某某、某某|等镇, 某某、某某|两镇)
_LIST_END = re.compile(r"(?:等|[两三四五六七八九])[地镇乡村]$")
_RIVERS_COUNTED = re.compile(r"[两三四五六七八九][江河]$")  # 金沙江、岷江、长江|三江交汇处: the list's last river, then a count
_VILLAGE_ENDS = frozenset("村镇乡")  # a person's reading after 来自, 位于 that ends so is the place
_TEMPLES = ("庙", "祠", "寺")  # a temple named after a person (孔庙, 张飞庙, 武侯祠) is no person
_STREETS = ("路", "街", "巷")  # a street's kind, which a community's name may end in before 社区
_SCENIC_ENDS = frozenset({"景区", "风景区", "旅游区"})  # 某某山|景区: the scenic area named after the mountain
_PREPOSITIONS = frozenset("由被把")
_OWNED_BY = ("旗下", "子公司")  # 某某集团旗下|某某公司, 全资子公司|某某有限公司: the company after it is owned
_SUBSIDIARY = ("全资子公司", "控股子公司", "旗下")  # ending a span before the subsidiary's name (not 某某种|子公司; 某公司|旗下|的)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CHIEF_SYSTEM = "长制"  # 河长制, 林长制: a system of chiefs, no person surnamed 林
_ONE_OF_KIND = re.compile(r"一[处家座个所间条片位名]")  # 一处|村卫生室: one of a kind, no name
_SPACED = re.compile(r"[\u4e00-\u9fff·][ \u3000]+[\u4e00-\u9fff]")  # a space between Chinese words: no one name
_HOLDS = ("控股", "参股")  # 某集团有限公司|控股的某公司: the owner's share, no part of its name


def _after_preposition(doc: Doc, start: int, end: int) -> int:
    """Where a span starts once a preposition no name holds is left out with what comes before it
    (某某美食节由|区商务委员会), 的 (某某河畔的|某某湿地公园), or 旗下 and 子公司 (某某集团旗下|某某有限公司)."""
    first = bisect_left(doc.tokens, start, key=lambda t: t.start)
    for token in doc.tokens[first:]:
        if token.start >= end:
            break
        if (token.text in _PREPOSITIONS and token.pos == "p" or token.text in _OWNED_BY
                or token.text == "的" and token.pos.startswith("u")) and token.end < end:
            start = token.end
    return start


def labelled(doc: Doc) -> list[Mention]:
    """Mentions from the trained sequence labeller (kg.extract.labeller); a place chain it reads as
    one span (永川区临江镇东华社区) is cut after each administrative suffix inside it, and a
    one-character place is kept only when place_abbreviations lists it (its full name as alias);
    quotation marks at a span's ends, a middle dot at its start and a bracket closing outside it are
    left out, and a span across a quotation mark or a colon is dropped; a place or an
    organization starts after a leading verb (落户|某区), an unsure person ends before a word that runs
    across its end (黄某|超标准) or the verb of a report (某某|作|的报告), and a place before 时间
    (北京时间) is a time zone. A name starts after 由, 的, 旗下 or 子公司 inside the span and ends
    where :func:`_name_end` says; a person loses a post or role read into it and gains a surname left
    out after one; a person's span that ends in a role is the village before it (消泾村|蟹农). Products
    (伊尔-76, 某某二号), plenary sessions (二中|、三中全会), languages (法语) and descriptions (智能化|毛尖加工厂,
    一处|村卫生室) are dropped. Other one-character spans and generic ones come as references
    (by=REFERENCE)."""
    from .labeller import label

    abbreviations = place_abbreviations()
    starts = [t.start for t in doc.tokens]
    found = []
    labels = doc.labels if doc.labels is not None else label(doc.text)  # (jieba's own words)
    labels = _departments_of_ministries(doc, _rejoined_at_place(doc.text, _cut_at_former_names(doc.text, labels)), starts)
    labels = _joined_over_bracketed_place(doc.text, labels)
    person_ends = {end for _, end, kind, _ in labels if kind is Kind.PERSON}
    people = {doc.text[start:end] for start, end, kind, _ in labels if kind is Kind.PERSON}
    for start, end, kind, score in labels:
        start, end = _unquoted(doc.text, start, end)
        while start < end and doc.text[start] in " \u3000":
            start += 1  # (记者 阿依努尔·买买提: the space after the role read into the name)
        while end > start and doc.text[end - 1] in " \u3000":
            end -= 1
        if _SPACED.search(doc.text, start, end):
            continue  # 记者 甲 阿依努尔·买买提: two people a space apart, whom the byline rule finds; a headline's 巴南 某产业园
        if kind is Kind.ORG:
            start += national_start(doc.text[start:end])  # 北京|中国某某银行总行: the city is apart
        elif kind is Kind.PLACE:
            start = _place_word_start(doc, start, end, starts)  # 避|暑山庄: the place word jieba knows whole
        text = doc.text[start:end]
        comma = max(text.rfind(","), text.rfind("，"), text.rfind("、"))
        if comma >= 0 and kind is not Kind.PERSON:
            if len(text) - comma - 1 < 2:
                continue
            start, text = start + comma + 1, text[comma + 1:]  # 某镇,|州保护区管理局, 某某、|县林业局: the name after the comma
        then = text.find("则", 2)
        if then > 0 and kind is not Kind.PERSON and (suffix_of(text[:then], Kind.ORG) or suffix_of(text[:then], Kind.PLACE)):
            end, text = start + then, text[:then]  # 北温泉街道|则依托研究院: the name, then "while it relies on"
        if any(ch in _QUOTES or ch in _BREAKS for ch in text):
            continue  # a span across a quotation mark or a colon is no one name (某省：校企院…)
        if kind is not Kind.PERSON and (FIGURE_COUNT_BEFORE.search(doc.text, max(0, start - 6), start)
                                        or FIGURE_COUNT_BEFORE.search(doc.text, max(0, start - 6), start + 1)):
            continue  # 7处|牡丹园, 7|处牡丹园: some of a kind counted in figures, not one of them by name
        opening = _after_preposition(doc, start, end)  # 某某美食节由|区商务委员会: the name starts after 由 (旗下)
        if opening > start and common_word(doc.text[opening:end]):
            continue  # 某某嘎查的|草场: an ordinary word after the name and its 的
        start = opening
        if kind is not Kind.PERSON and doc.text.startswith("以", start) and doc.text.startswith("为", end) \
                and end - start >= 5 and suffix_of(doc.text[start + 1:end], kind):
            start += 1  # 以|某某社区养老服务中心|为枢纽 (jieba's 以南): "with … as", no part of the name
        if kind is not Kind.PERSON and (year := _YEAR_BEFORE.match(doc.text, start, end)) and end - year.end() >= 2:
            start = year.end()  # 2022年|研究院在某镇建成: the year it happened, no part of the name
        if kind is Kind.ORG:
            end = _organization_end(doc.text, start, end)
            start = _after_described_kind(doc.text, start, end)
            owned = next((w for w in _SUBSIDIARY if doc.text.endswith(w, start + 2, end)), None)
            if owned and _HAN.match(doc.text, end):
                end -= len(owned)  # 某某股份|全资子公司|乙: the owner
        text = doc.text[start:end]
        if end - start == 1:
            token = doc.tokens[bisect_right(starts, start) - 1]
            if (kind is Kind.PLACE and text in abbreviations and score >= 0.6
                    and abbreviation_in_word(token.text, start - token.start, abbreviations)
                    and not _function_word_alone(doc.text, token, abbreviations) and not _suffix_of_name(doc, token, starts)
                    and not _surname_then_address(doc.text, start) and not _inside_short_quote(doc.text, start)):
                found.append(Mention(doc.article.id, start, end, text, kind, by="labeller", score=score, alias=abbreviations[text]))
            elif score >= REFERENCE_FLOOR and text.strip():
                found.append(Mention(doc.article.id, start, end, text, kind, by=REFERENCE, score=score))
            continue
        if "\n" in text or text != text.strip() or (kind is Kind.PLACE and names_a_time(doc.text, end)):
            continue  # 北京|时间 names a time zone
        if kind is Kind.PLACE and text.endswith("电") and doc.text[end:end + 1] in ("(", "（") and len(text) >= 3:
            end, text = end - 1, text[:-1]  # 本报岳阳电(记者…): the dateline's place, then 电 (a dispatch)
        if kind is Kind.PLACE and text.endswith("旗") and (word := doc.word_across(end)):
            if word.text not in word_list("org_suffixes"):
                continue  # 某某旗|下, 旗|袍: a company's 旗下 (its subsidiaries), not a banner
            kind, end, text = Kind.ORG, word.end, doc.text[start : word.end]  # 某某旗|舰店: a store
        if kind is Kind.PLACE and doc.text.startswith("族", end) and text + "族" in word_list("peoples"):
            found.append(Mention(doc.article.id, start, end, text, kind, by=REFERENCE, score=score))
            continue  # 朝鲜|族, 蒙古|族: a people, no graph node (NER corpora read the country there)
        if _MODEL_NUMBER.match(doc.text, end) or _SERIAL.search(text):
            continue  # 伊尔-76, 苏-35, 某某二号: a maker's name before a model number, a craft's serial name: products
        if kind is Kind.ORG and (plenary := _PLENARY.match(doc.text, start)) and end <= plenary.end():
            continue  # 十九届|二中|、三中全会: an ordinal plenary session, not a school (某县二中)
        if text.endswith(_LANGUAGE_END) and word_tags().get(text) == "nz":
            continue  # 法语, 阿拉伯语 (jieba's proper nouns): a language, in a list of channels, not a body
        if kind is Kind.PERSON and _in_surname_noun(doc.text, start, end):
            continue  # 背篓|李子, 脆|李红满坡, 李树|间: the fruit or the tree, no person named 李 (but 李子明)
        if kind is Kind.PERSON and (gazetteer.is_country(text) or len(text) >= 2 and text.endswith(_TEMPLES)):
            kind = Kind.PLACE  # 瑙鲁|外长某某: a country's name read as a person's is the country; 孔庙, 张飞庙: a temple
        if kind is Kind.PERSON and text[-1] in _VILLAGE_ENDS and doc.text.endswith(longest_first("leading_verbs"), 0, start):
            kind = Kind.PLACE  # 来自|王金村|的葱农: where someone comes from
        if not plausible_label(text, kind, score):
            if score >= REFERENCE_FLOOR:
                found.append(Mention(doc.article.id, start, end, text, kind, by=REFERENCE, score=score))
            continue
        if _FLOOR.match(text) or kind is not Kind.PERSON and describing(doc.tokens[bisect_right(starts, start) - 1].text):
            continue  # 9楼会议厅: a room on a floor, not a named place; 智能化|毛尖加工厂: a description
        if kind is Kind.PLACE and (site := longest_ending(text, "site_suffixes_needing_names")) \
                and len(text) > len(site) and ordinary_head(text, site):
            continue  # 萝卜原料基地, 火山观景台: a kind of site, no name
        if kind is Kind.ORG and _places_only(text):
            kind = Kind.PLACE  # 阿联酋迪拜 read as a body: the country and its city
        if kind in (Kind.PLACE, Kind.PERSON) and _produce_of_place(text):
            continue  # 哈密瓜, 库尔勒香梨: a place's produce, no place (荣昌陶: nor a person surnamed 荣)
        listed = doc.text[start - 1:start] == "、"
        if kind is Kind.PLACE and len(text) >= 4 and (_LIST_END.search(text) and (gazetteer.is_place(text[:-2]) or listed)
                                                      or _RIVERS_COUNTED.search(text) and listed):
            end, text = end - 2, text[:-2]  # 万州、梁平|等地, 慈云、嘉平|等镇 (jieba's 平等), 岷江、长江|三江: the list's last place
        if text in word_list("opening_verbs") or kind is Kind.ORG and before_aspect(doc, end):
            continue  # 去年底|开园|以来: the verb alone, no name; 某某|学会|了: a verb
        end, kind = _name_end(doc, start, end, kind, starts)
        text = doc.text[start:end]
        if kind is not Kind.PERSON and len(text) > 2 and text[-2:] in word_list("suffix_false_words") \
                and doc.tokens[bisect_right(starts, end - 1) - 1].text == text[-2:]:
            continue  # 遂宁|布局: a word that ends like a suffix (suffix_false_words), no body's name (not 财|政局)
        if kind is Kind.PLACE and text.endswith(longest_first("route_heads")):
            continue  # 江铁联运班列, 铁海联运新线路: a route or its train, no place
        if kind is Kind.PLACE and _suffix_opens_word(doc, end, starts):
            continue  # 沿河乡|镇, 入海口区|位: the suffix is the first character of an ordinary word
        region = None  # a region's name with its 地区
        if kind is Kind.PLACE and doc.text.startswith(REGION, end) and not gazetteer.is_place(text):
            region = text + REGION  # 西南|地区, 长三角|地区: the region, named with its 地区 too (an alias: NER
            # corpora mark 中东, news gold 中东地区); not 重庆|地区: the city
        if kind is Kind.PERSON and (title := _title_ending(doc.text, start, end)):
            if not suffix_of(doc.text[start:end - len(title)], Kind.PLACE) or end - start - len(title) < 3:
                continue  # 某某|蟹农 with no name after the role: no person
            kind, end = Kind.PLACE, end - len(title)  # 消泾村|蟹农 (徐根林 read apart): the village before the role
            text = doc.text[start:end]
        if kind is Kind.PERSON and ("族" in (doc.text[end - 1], doc.text[end:end + 1]) or _inside_post(doc.text, start, end)
                                    or _surname_then_post(doc.text, start, end) or is_title(doc.text[start:end])
                                    or doc.text.endswith(_CHIEF_SYSTEM, start, end)):
            continue  # 哈尼|族, 藏族: a people, not a person; 镇级|总河|长: part of a post; 陈副区|长: a surname and a post;
            # “河长+”, 瓜农: a post or a title alone; 林长制: the forest-chief system
        if kind is Kind.ORG and _inside_post(doc.text, start, end, longest_first("byline_roles")):
            continue  # (首席|记者: part of a byline's role)
        if kind is not Kind.PERSON and (cut := _before_post_across(doc.text, start, end)) < end:
            if cut - start < 2 or common_word(doc.text[start:cut]):
                continue  # 党员楼|组长, 民间河|长: 党员, 民间 before the posts 楼组长, 河长 name nothing
            if kind is Kind.ORG:
                end = cut  # (but 青龙河|长: the river's chief, and the river's name stays whole)
        if kind is Kind.PLACE and end - start == 2 and _surname_after_title(doc.text, start):
            start, kind = start - 1, Kind.PERSON  # 村民|农|秀英 read as the place 秀英: a person, surname and all
        elif kind is Kind.PLACE and end - start == 3 and _surname_after_title(doc.text, start + 1) and not gazetteer.lookup(text):
            kind, score = Kind.PERSON, max(score, 0.9)  # 茶农|黄秀英 read as a place (秀英 a district): a person, surer than the gazetteer's 秀英
        if kind is Kind.PERSON and score < 0.6 and "、" in doc.text[max(0, start - 1): end + 1]:
            continue  # an unsure person in a list (甲、乙、丙等): the list's other members decide (enumerations)
        if kind is not Kind.PERSON:
            start = _after_subject_and_verb(doc, _after_leading_verb(doc, start, end, starts), end, starts, kind)
            founding = _before_founding_verb(doc, start, end, starts)
            if founding < end and gazetteer.is_place(doc.text[start:founding]):
                kind = Kind.PLACE  # 在射洪|共建|设备维保中心: where they set it up
            end = founding
            if kind is Kind.ORG:
                start += _own_noun_before_unit(doc.text[start:end])
            text = doc.text[start:end]
            if kind is Kind.PLACE and _within(text[-1:] + doc.text[end:end + 1]) and word_tags().get(text[:-1], "").startswith("v"):
                continue  # 联合|镇内: a verb, then "within the township"
        if kind is Kind.PERSON and (village := _village_before_person(text)):
            found.append(Mention(doc.article.id, start, start + village, text[:village], Kind.PLACE, by="labeller", score=score))
            start += village  # 金竹村|龙小芳 read as one person: the village, then the villager
        if kind is Kind.PERSON:
            joins = start in person_ends or doc.text[start + 1 : end] in people
            start, end = _person_bounds(doc, start, end, score < _SURE_PERSON, joins, starts)
            text = doc.text[start:end]
            if len(text) == 3 and score < _SURE_PERSON and doc.text[start - 1 : start] == "老":
                continue  # 老陈|原本在…: 老 and a surname call a person, the words after it are no name
        for offset, part in split_joined(text, kind, start):
            pieces = split_place_chain(part) if kind is Kind.PLACE or part.endswith(ADMIN_ENDS) else []
            pieces = pieces if kind is Kind.PLACE or len(pieces) > 1 and all(p.endswith(ADMIN_ENDS) for p in pieces) \
                else coordinated(doc, offset, part, starts)  # (某街道某社区 read as a body: the places)
            clinic = kind is Kind.PLACE and (village_body(pieces[-2:]) or _body_of_division(pieces))
            # 某镇|某某村卫生室, 某县|某镇|电子商务服务站: the last two pieces one body
            pieces = pieces[:-2] + ["".join(pieces[-2:])] if clinic else pieces
            for n, piece in enumerate(pieces):
                within = _within(piece, n > 0) if kind is Kind.PLACE else 0
                if within:  # 联合|镇内|某村, 某镇|内|某村: within the township, the village's name after it
                    offset, piece = offset + within, piece[within:]
                    if len(piece) < 2:
                        offset += len(piece)
                        continue
                if kind is Kind.PLACE and n > 0 and _ordinary_piece(piece) or _one_of_a_kind(doc, offset, starts):
                    offset += len(piece)  # 某某古镇|实体门店: ordinary words after the place name nothing; 一处|村卫生室
                    continue
                own = Kind.PLACE if kind is Kind.ORG and piece != text and _division_name(piece) else kind
                own = Kind.ORG if clinic and n == len(pieces) - 1 else own
                found.append(Mention(doc.article.id, offset, offset + len(piece), piece, own, by="labeller", score=score,
                                     alias=region if piece == text else None))
                offset += len(piece)
    return _left_between_places(doc, _cities_opening_names(found), starts)


def _village_before_person(text: str) -> int:
    """How long the village or township is that opens a person's span (金竹村|龙小芳, 某某镇|张某): a name
    of two characters or more and its suffix, then a surname and one or two characters; 0 when none."""
    for at in range(len(text) - 3, 1, -1):
        if text[at] in _VILLAGE_ENDS and text[at + 1] in single_surnames() and len(text) - at - 1 in (2, 3):
            return at + 1
    return 0


def _one_of_a_kind(doc: Doc, offset: int, starts: list[int]) -> bool:
    """Does a piece open with 一 and a measure word jieba reads as a number (某镇|一处|村卫生室): one of a
    kind, no name?"""
    i = bisect_left(starts, offset)
    return i < len(starts) and starts[i] == offset and doc.tokens[i].pos == "m" and bool(_ONE_OF_KIND.fullmatch(doc.tokens[i].text))


def _body_of_division(pieces: list[str]) -> bool:
    """Does a place chain end with a body's name (an organization's suffix longer than the place's: 服务站,
    not 站) after a division's (某镇|电子商务服务站)?"""
    return len(pieces) >= 2 and pieces[-2].endswith(ADMIN_ENDS) \
        and len(suffix_of(pieces[-1], Kind.ORG) or "") > len(suffix_of(pieces[-1], Kind.PLACE) or "")


def _suffix_opens_word(doc: Doc, end: int, starts: list[int]) -> bool:
    """Does a place's last character open a word of ``suffix_opening_words`` jieba reads across the span's end (乡镇, 区位)?"""
    token = doc.tokens[bisect_right(starts, end - 1) - 1]
    return token.start == end - 1 and token.end > end and token.text in word_list("suffix_opening_words")


def _left_between_places(doc: Doc, found: list[Mention], starts: list[int]) -> list[Mention]:
    """A character left out between two places the labeller reads side by side, jieba's word running
    over it from inside the first place (闽宁镇|原|隆村, jieba's 镇原): it opens the second place's name;
    from the first place's start (嘉陵|江|合川段, jieba's 嘉陵江): it ends the first place's."""
    out = list(found)
    for i, (a, b) in enumerate(zip(found, found[1:])):
        if a.kind is b.kind is Kind.PLACE and b.start - a.end == 1 and "\u4e00" <= doc.text[a.end] <= "\u9fff":
            token = doc.tokens[bisect_right(starts, a.end) - 1]
            if token.start <= a.start and token.end == b.start:
                out[i] = replace(out[i], end=b.start, text=doc.text[out[i].start:b.start])
            elif token.start < a.end and token.end == b.start:
                out[i + 1] = replace(b, start=a.end, text=doc.text[a.end:b.end])
    return out


def _ordinary_piece(piece: str) -> bool:
    """Is a piece of a place chain ordinary words with no place suffix (实体|门店), a description?
    (With a suffix it may be a name of ordinary words: 某某社区|青禾里公园, but not a generic one: 某产区|核心区.)"""
    return piece in word_list("generic_names") or suffix_of(piece, Kind.PLACE) is None \
        and gazetteer.city_country(piece) is None and all(common_word(word) for word, _ in cut(piece))


def _within(piece: str, after_division: bool = False) -> int:
    """How long the word for "within" that opens a place piece is (镇内|某村 of 联合镇内某村, and 内|某村
    of 某镇|内某村 after a division's piece; not 内蒙古): 0 when there is none."""
    if after_division and piece.startswith("内"):
        return 1
    return 2 if within_division(piece[:2]) else 0


def _organization_end(text: str, start: int, end: int) -> int:
    """Where an organization's name the labeller read ends: without a word for its members (某某学院|研究生,
    某某集团有限公司|全资子公司), a partnership after a registered name (某某有限公司|合作建设…), a share's
    verb (某某实业|控股51%, 某某有限公司|控股), a host's verb (某某农业|协办的) or 组织 after a body's suffix
    (某部某某司|组织评审的; not 世界卫生组织)."""
    end = start + without_member_word(text[start:end])
    registered = text.find("有限公司", start, end)
    if registered >= 0 and text.startswith((*_partner_cues(), "合作", *word_list("opening_verbs")), registered + 4, end):
        end = registered + 4  # 某某科技有限公司|合作建设储能电站, 某某有限公司|运营社区养老服务中心: the company, then
        # what it does with another or runs
    if text.endswith(("控股", "持股"), start, end) and (text[end:end + 1].isdigit() or text.endswith(("公司", "集团"), start, end - 2)):
        end -= 2  # (由某某集团有限公司|控股: the verb after a full name)
    if text.endswith("组织", start, end) and end - start >= 5 and (suffix_of(text[start:end - 2], Kind.ORG) or text[end - 3] == "司"):
        end -= 2
    hosting = next((v for v in word_list("hosting_verbs") if text.endswith(v, start, end)), "")
    return end - len(hosting) if hosting and end - start - len(hosting) >= 2 else end


def _after_described_kind(text: str, start: int, end: int) -> int:
    """Where an organization's name starts after a description of its kind read into it (北京储能企业|
    北京恒储源能科技有限公司, 本地茶企|重庆某某茶业有限公司, 产业园运营方|宿迁某某有限公司): after 企业, a word in 企
    (茶企, 车企) or in 方 (运营方, 投资方), when a place opens the name of six characters or more after it."""
    inner = max(text.rfind("企", start + 1, end - 6), text.rfind("方", start + 2, end - 6))
    if inner < 0:
        return start
    after = inner + 2 if text.startswith("业", inner + 1) else inner + 1
    name = text[after:end]
    return after if suffix_of(name, Kind.ORG) and any(at == 0 for at, _, _ in gazetteer.find(name)) else start


def _person_bounds(doc: Doc, start: int, end: int, unsure: bool, joins: bool, starts: list[int]) -> tuple[int, int]:
    """Where a person's name the labeller read starts and ends: after a joining word (主席|同某某某;
    joins: the span follows another person), before a word across its end when unsure (黄某|超标准),
    before a verb (某某|作|的报告), with a surname left out after a role (居民|饶|桂芬) and without a
    post read into it (石匠|某某某); a dotted name whole (阿卜杜热依木·买买提), a Tibetan or Mongolian
    name with all its parts (索南|才让)."""
    text = doc.text
    start = _after_joining_word(text, start, end, joins)
    if unsure:
        end = _before_word_across(doc, start, end, starts)
    if end - start >= 3 and text[end - 1] in word_list("verbs_after_names") and text[end : end + 1] in ("了", "的"):
        end -= 1
    if end - start == 2 and _surname_after_title(text, start):
        start -= 1
    title = title_at(text, start) or ""
    inner = _title_inside(text, start, end) if not title and end - start >= 6 else None
    if inner is not None:
        start = inner  # 余村竹农|潘建国: a place, a role, then the name
    elif title and end - start - len(title) in (2, 3, 4):  # (关长|扎西平措)
        start += len(title)
    elif title and end - start - len(title) == 1 and (after := bisect_left(starts, end)) < len(starts) \
            and starts[after] == end and len(doc.tokens[after].text) <= 2 and _HAN_NAME_PART.fullmatch(doc.tokens[after].text) \
            and not doc.tokens[after].pos.startswith(("v", "p", "u", "c", "x", "f", "m", "q")):
        start, end = start + len(title), doc.tokens[after].end  # 副|关长程|立新: the post, then a surname and its name
    elif end - start in (3, 4) and (is_title(text[start - 1:start + 1]) or start >= 2 and is_title(text[start - 2:start + 1])):
        start += 1  # 村|医央金, 董事|长江志明: the last character of a title read into the name
    start, end = _dotted_name_start(text, start, end), _dotted_name_end(text, end)
    return _joined_name_parts(text, start, end)


def _title_ending(text: str, start: int, end: int) -> str:
    """The role of two or three characters that ends a person's span after two others or more (消泾村|蟹农),
    "" for none."""
    return next((text[end - n:end] for n in (3, 2) if end - start - n >= 2 and is_title(text[end - n:end])), "")


def _title_inside(text: str, start: int, end: int) -> int | None:
    """Where the name starts in a person's span that holds a role of two characters or more before its
    last two or three characters, after at least two others (余村|竹农|潘建国, 某某村|村民|张三): the
    name after the role; None when there is none."""
    for at in range(start + 2, end - 3):
        title = title_at(text, at)
        if title and len(title) >= 2 and end - at - len(title) in (2, 3):
            return at + len(title)
    return None


_HAN_NAME_PART = re.compile(r"[\u4e00-\u9fff]{1,2}")
_UNIT_CHARS = frozenset("科处股所站室")  # units whose head is called by their character and 长 (科长, 处长)
_WATERSIDE = ("之畔", "畔", "岸边", "沿岸", "海域", "水域")  # never the end of a place's own name (but 海峡两岸 is one)


def _dotted_name_start(text: str, start: int, end: int) -> int:
    """Where a name written with a middle dot starts (热合曼·阿不都拉, 买买提·吐尔地) when the labeller
    read it from the dot or inside its first part: after the post or role before it (局长|热合曼·…,
    艺人|买买提·…), or where the run of characters before the dot starts when that is short."""
    dot = next((i for i in range(max(0, start - 1), end) if text[i] in MIDDLE_DOTS), -1)
    if dot == -1 or dot >= start + 2:
        return start  # no dot, or the labeller read a first part of two characters or more
    run = dot
    while run > max(0, dot - 10) and "\u4e00" <= text[run - 1] <= "\u9fff":
        run -= 1
    lead = text[run:dot]
    for p in range(len(lead) - 2, -1, -1):  # the post or role nearest the dot, two to six characters before it
        if len(lead) - p <= 6 and lead[:p].endswith(person_titles()):
            return run + p
    return run if 2 <= dot - run <= 4 else start


_WORD_AFTER_NAME = frozenset("正在也还就都又和与及说是的等将")


def _dotted_name_end(text: str, end: int) -> int:
    """Where a name the labeller read up to its middle dot, or short of the part after it, ends
    (阿卜杜热依木·|买买提, 依明江·托乎|提): after that part, two to five characters, before a verb, an
    adverb, a time word or a function word."""
    dot = next((i for i in range(end - 1, max(-1, end - 4), -1) if text[i] in MIDDLE_DOTS), None)
    if dot is None:
        return end  # no dot, or three characters or more after it: read whole
    def stops(k: int) -> bool:  # what follows a name: no Han character, a word after a name, a verb …, 女士
        return not "\u4e00" <= text[k] <= "\u9fff" or text[k] in _WORD_AFTER_NAME or text.startswith(longest_first("honorifics"), k) \
            or word_tags().get(text[k:k + 2], "").startswith(_AFTER_NAME_TAGS) or text.startswith("所在", k)  # 某某·某某|所在的

    k = end
    while k < len(text) and not (k >= dot + 3 and stops(k)):
        if k >= dot + 6 or not "\u4e00" <= text[k] <= "\u9fff":
            return end  # no clear end within five characters: as read
        k += 1
    return k


_AFTER_NAME_TAGS = ("v", "p", "d", "c", "u", "t", "m", "f", "r", "q")


def _parts_tile(name: str) -> bool:
    """Is name a run of the parts Tibetan and Mongolian names are made of (索南|才让)?"""
    if not name:
        return True
    parts = word_list("name_parts")
    return any(name[:size] in parts and _parts_tile(name[size:]) for size in _part_sizes())


@cache
def _part_sizes() -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in word_list("name_parts")}, reverse=True))


def _part_at(text: str, at: int, before: bool = False) -> str:
    """The longest name part that starts at ``at`` (or ends there, before=True), or ''."""
    parts = word_list("name_parts")
    return next((piece for size in _part_sizes() if (not before or at >= size)
                 and (piece := text[at - size:at] if before else text[at:at + size]) in parts), "")


def _joined_name_parts(text: str, start: int, end: int) -> tuple[int, int]:
    """A Tibetan or Mongolian name the labeller read as one of its parts (索南 of 索南才让, 额尔敦 of
    额尔敦毕力格): with the parts written right before and after it, three parts at most."""
    if not _parts_tile(text[start:end]):
        if end - start >= 3 and _parts_tile(text[start:end + 1]):
            end += 1  # 巴图孟|和说: the labeller cut the name's last part (孟和)
        elif end - start < 3 or text[end - 1] not in _WORD_AFTER_NAME or not _parts_tile(text[start:end - 1]):
            return start, end
        else:
            end -= 1  # 卓玛|正(和工人们): the adverb after the name read into it
    for _ in range(2):
        after = _part_at(text, end)
        before = "" if after else _part_at(text, start, before=True)
        if not after and not before:
            break
        start, end = start - len(before), end + len(after)
    return start, end


def _rejoined_at_place(text: str, labels: Sequence[tuple[int, int, Kind, float]]) -> list[tuple[int, int, Kind, float]]:
    """某农商行|和林格尔支行 read as 某农商行 and 林格尔支行: a unit named after a place whose name opens
    with a list word or a preposition (和林格尔, 自良) is cut there by the labeller; the two spans are
    one name again where the gazetteer has a place across the cut or one character is left before
    the unit's head (良|支行)."""
    out: list[tuple[int, int, Kind, float]] = []
    for span in labels:
        s2, e2, kind, score = span
        cut_here = out and kind is Kind.ORG is out[-1][2] and s2 == out[-1][1] + 1 and text[s2 - 1] in _CUT_BEFORE_UNIT
        head = next((h for h in longest_first("unit_heads") if text.endswith(h, s2, e2)), "") if cut_here else ""
        if head and (e2 - s2 - len(head) <= 1 or any(start == 0 and end > 1 for start, end, _ in gazetteer.find(text[s2 - 1:e2]))):
            s1, _, _, before = out.pop()
            span = (s1, e2, kind, min(before, score))
        out.append(span)
    return out


_CUT_BEFORE_UNIT = frozenset("和与及自从在")


def _joined_over_bracketed_place(text: str, labels: Sequence[tuple[int, int, Kind, float]]) -> list[tuple[int, int, Kind, float]]:
    """某某|（马来西亚）|贸易有限公司 read as a name and a company of generic words, 某某|（尼日利亚）有限公司
    read as a name alone: one company, a place in brackets inside its name (a subsidiary named after its
    parent and its country)."""
    if "（" not in text and "(" not in text:
        return list(labels)
    out: list[tuple[int, int, Kind, float]] = []
    for span in labels:
        s2, e2, kind, score = span
        # (the labeller may read the place in the brackets too: the name is then the span before it)
        inner = bool(out) and out[-1][2] is Kind.PLACE and s2 == out[-1][1] + 1 and BRACKETED_PLACE.fullmatch(text, out[-1][0] - 1, s2)
        at = len(out) - 2 if inner else len(out) - 1
        if at >= 0 and kind is Kind.ORG and (bracket := BRACKETED_PLACE.match(text, out[at][1])) \
                and s2 in (bracket.start(1), bracket.end()) and e2 > bracket.end() and gazetteer.is_place(bracket.group(1)) \
                and (suffix := suffix_of(text[bracket.end():e2], Kind.ORG)) and ordinary_head(text[bracket.end():e2], suffix):
            # (the company's span may open inside the brackets: 马来西亚）贸易有限公司)
            span = (out[at][0], e2, kind, min(out[at][3], score))
            del out[at:]
        out.append(span)
    return [_with_legal_form_after_bracket(text, span) for span in out]


def _with_legal_form_after_bracket(text: str, span: tuple[int, int, Kind, float]) -> tuple[int, int, Kind, float]:
    """某某发制品|（尼日利亚）有限公司: a company's span that ends before its country in brackets and a bare
    legal form, with them."""
    start, end, kind, score = span
    bracket = BRACKETED_PLACE.match(text, end) if kind is Kind.ORG else None
    if bracket is None or not gazetteer.is_place(bracket.group(1)):
        return span
    form = next((f for f in longest_first("legal_suffixes") if f.endswith("公司") and text.startswith(f, bracket.end())), None)
    return (start, bracket.end() + len(form), kind, score) if form else span


def _cut_at_former_names(text: str, labels: Sequence[tuple[int, int, Kind, float]]) -> list[tuple[int, int, Kind, float]]:
    """某某航运原名某某船务有限公司 read as one name: two names, the words that say one is the other's
    former name (原名, 更名为 …) between them."""
    if not RENAMING.search(text):
        return list(labels)  # (most articles state no former name)
    out: list[tuple[int, int, Kind, float]] = []
    for start, end, kind, score in labels:
        cue = RENAMING.search(text, start + 2, end - 2) if kind is not Kind.PERSON and end - start >= 6 else None
        out += [(start, cue.start(), kind, score), (cue.end(), end, kind, score)] if cue else [(start, end, kind, score)]
    return out


def _departments_of_ministries(doc: Doc, labels: list[tuple[int, int, Kind, float]], starts: list[int]
                               ) -> list[tuple[int, int, Kind, float]]:
    """商务部|对外贸易司 read as the ministry alone: a department (某某司) written right after a ministry's
    name (an organization ending in 部) is in the name. starts: the tokens' start offsets."""
    out = []
    for start, end, kind, score in labels:
        if kind is Kind.ORG and doc.text[end - 1] == "部" and (department := _DEPARTMENT.match(doc.text, end)) \
                and doc.text[department.end() - 2:department.end()] not in _NOT_DEPARTMENTS:
            word = bisect_right(starts, department.end() - 1) - 1
            if doc.tokens[word].end == department.end():  # (not 某部|司法…: 司 opens a word there)
                end = department.end()
        out.append((start, end, kind, score))
    return out


_DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{2,8}?司(?![机令法长])")
_NOT_DEPARTMENTS = frozenset({"公司", "上司", "官司", "总司"})


def _name_end(doc: Doc, start: int, end: int, kind: Kind, starts: list[int]) -> tuple[int, Kind]:
    """Where a place's or an organization's name the labeller read ends, and its kind: with the
    settlement word or 景区 after it (某某涧|社区, 某某山|景区), before a floor (某某服务中心|一楼), a part of a body's
    premises (某某小学|食堂: the school), where along a place (某某河|畔), the verb of its opening
    (某某公园|开园), a verb after its suffix (某某街道|组织) or a building number (某某小区|1号楼); a
    place the labeller read that ends in a body's suffix of two characters or more, longer than a place's, is a body."""
    text = doc.text[start:end]
    after = bisect_left(starts, end)
    if kind is Kind.PLACE and after < len(starts) and starts[after] == end and (
            doc.tokens[after].text in _SCENIC_ENDS
            or doc.tokens[after].text in _SETTLEMENT_ENDS and not suffix_of(text, Kind.PLACE)
            or doc.tokens[after].text == "社区" and text.endswith(_STREETS)):
        end = doc.tokens[after].end  # 某某涧|社区, 某某山|景区, 作孚路|社区 (a community named after its street)
        text = doc.text[start:end]
    floor = _FLOOR_AFTER.search(text)
    if floor and floor.start() >= 3:
        end, text = start + floor.start(), text[: floor.start()]
        kind = Kind.ORG if suffix_of(text, Kind.ORG) and not suffix_of(text, Kind.PLACE) else kind
    if kind is Kind.PLACE and len(suffix_of(text, Kind.ORG) or "") >= max(2, len(suffix_of(text, Kind.PLACE) or "") + 1):
        kind = Kind.ORG  # 某新区某医院, 某医院某院区: a body's suffix longer than a place's (not 某办公室|新闻发布大厅)
    part = (longest_ending(text, "body_parts") or "") if kind is not Kind.PERSON else ""
    if part and suffix_of(text[: -len(part)], Kind.ORG):
        kind, end, text = Kind.ORG, end - len(part), text[: -len(part)]
    tail = (longest_ending(text, "locative_tails") or "") if kind is Kind.PLACE else ""
    waterside = tail in _WATERSIDE and len(text) - len(tail) >= 2  # 马金溪|畔: a river's bank, whatever its name ends in
    tail = tail or longest_ending(text, "opening_verbs") or ""
    if tail and (waterside or suffix_of(text[: -len(tail)], kind) or kind is Kind.PLACE and gazetteer.is_place(text[: -len(tail)])):
        end, text = end - len(tail), text[: -len(tail)]
    last = doc.tokens[bisect_right(starts, end - 1) - 1]  # 某某街道|组织|辖区…: a verb of two characters after a suffix
    if kind is not Kind.PERSON and last.pos == "v" and len(last.text) >= 2 and last.end == end and last.start - start >= 3 \
            and not suffix_of(last.text, Kind.ORG) and not suffix_of(last.text, Kind.PLACE) \
            and (fits := next((k for k in (kind, Kind.PLACE, Kind.ORG) if suffix_of(doc.text[start:last.start], k)), None)):
        end, text, kind = last.start, doc.text[start:last.start], fits
    if kind is Kind.ORG and text.endswith(_HOLDS) and doc.text.startswith("的", end) and suffix_of(text[:-2], Kind.ORG):
        end, text = end - 2, text[:-2]  # 某集团有限公司|控股的某公司: the owner's share (控股, though a suffix of 某某控股)
    if kind is Kind.PLACE and text.endswith("村村") and doc.text[end : end + 1] in ("级", "民", "委", "干", "医"):
        end, text = end - 1, text[:-1]  # 某某村|村级河长, 某某村|村民, 某某村|村医: the village, then a word of its own
    elif kind is Kind.PLACE and text.endswith("村") and doc.text[end : end + 1] == "医" and village_body_head(text[:-1]):
        end, text = end - 1, text[:-1]  # 某村卫生室|村医
    if kind is Kind.ORG and (text.endswith("会") and doc.text.startswith("同", end) or text.endswith("所") and doc.text.startswith("属", end)) \
            and suffix_of(text[:-1], Kind.ORG):
        end, text = end - 1, text[:-1]  # 某某党委|会同|某某委员会, 某某海关|所属|某海关: 会同 (together with), 所属 (under) are words
    unit = doc.text[end : end + 1]
    if kind is Kind.ORG and unit in _UNIT_CHARS and doc.text.startswith(unit + "长", end + 1):
        end, text = end + 1, text + unit  # 某某管理|科科长: the section's 科 is the name's, 科长 the post
    elif kind is Kind.ORG and len(text) >= 4 and text[-1] in _UNIT_CHARS and text[-2] == text[-1] and unit == "长":
        end, text = end - 1, text[:-1]  # 某某保护股股|长: the second 股 opens the post 股长
    digit = _DIGIT.search(text)
    if kind is Kind.PLACE and digit and digit.start() >= 3 and suffix_of(text[: digit.start()], Kind.PLACE):
        end = start + digit.start()
    return end, kind


def _cities_opening_names(found: list[Mention]) -> list[Mention]:
    """A city read apart from the airport or the river bridge named after it right behind it
    (大连|周水子国际机场, 某县|长江大桥) is the first part of that name."""
    out: list[Mention] = []
    for m in found:
        before = out[-1] if out else None
        if (before is not None and m.kind is before.kind is Kind.PLACE and before.end == m.start
                and (m.text.endswith("机场") or m.text in word_list("place_named_sites")) and gazetteer.lookup(before.text)):
            out[-1] = replace(m, start=before.start, text=before.text + m.text, score=min(m.score, before.score))
            continue
        out.append(m)
    return out


#: below this the labeller's person may run into the next word (局长黄某|超标准: 黄某超); 0.6-0.8 leave
#: the held-out sets unchanged but for 0.0005 on MSRA at 0.8
_SURE_PERSON = 0.7


#: characters that join two people (某某主席|同|某某总理): no person's name starts with one after a post
_PEOPLE_JOINERS = frozenset("同与和及跟")


def _surname_then_post(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a surname and two characters or more of a post that runs on past end (陈|副区 of
    陈副区长; not 赵作 of 赵作家中, a name)?"""
    return end - start >= 3 and text[start] in single_surnames() and any(
        offset == 0 and text.startswith(post, start + 1) for post, offset in _posts_holding(person_titles()).get(text[start + 1:end], ()))


def _before_post_across(text: str, start: int, end: int) -> int:
    """Where a name read as text[start:end] ends when a post runs across its end (党员楼|组长 → 党员, for
    楼组长): the post's start; end when none does, or when the post's part inside the name is an
    organization's kind or a division's level (财政局|长, 忠县|长江大桥: 局 and 县 end the name)."""
    for inside in range(1, min(3, end - start - 1) + 1):
        at = end - inside
        if any(offset == 0 and text.startswith(post, at) for post, offset in _posts_holding(longest_first("posts")).get(text[at:end], ())) \
                and text[at:end] != suffix_of(text[at:end], Kind.ORG) and text[at:end] not in ADMIN_ENDS:
            return at
    return end


def _inside_post(text: str, start: int, end: int, posts: tuple[str, ...] | None = None) -> bool:
    """Is text[start:end] part of a post written around it (总河 of 总河长; posts: default the posts and
    roles before names)?"""
    return any(text.startswith(post, start - offset) for post, offset in _posts_holding(posts or person_titles()).get(text[start:end], ()))


@cache
def _posts_holding(posts: tuple[str, ...]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each piece of a post shorter than it → the posts holding it and where (总河 → (总河长, 0))."""
    index: dict[str, list[tuple[str, int]]] = {}
    for post in posts:
        for size in range(1, len(post)):
            for offset in range(len(post) - size + 1):
                index.setdefault(post[offset:offset + size], []).append((post, offset))
    return {piece: tuple(held) for piece, held in index.items()}


def _surname_after_title(text: str, start: int) -> bool:
    """Is the character before a two-character person a one-character surname that follows a role
    word (居民|饶|桂芬, 老兵|符|国栋, 村民|农|秀英)?"""
    return start >= 3 and (text[start - 1] in single_surnames() or text[start - 1] in word_list("more_surnames")) \
        and text.endswith(person_titles(), 0, start - 1)  # (a post too: 民间河长|向|明贵)


def _after_joining_word(text: str, start: int, end: int, joins_people: bool) -> int:
    """Where a person's name starts when the labeller's span opens with a joining character right
    after a post (主席|同某某某 read 同某某某), or where joins_people (the span follows another
    person, or the rest is a person the labeller reads elsewhere: 愿|同某某某|总统): after it, if two
    characters at least are left."""
    if end - start >= 3 and text[start] in _PEOPLE_JOINERS and (
            joins_people or post_before(text, start)):
        return start + 1
    return start


def _in_surname_noun(text: str, start: int, end: int) -> bool:
    """Does a person's name text[start:end] open inside a common noun that holds its surname (脆|李红,
    ``surname_nouns``), or is it such a noun opening with the surname, alone or before a locative
    (李子, 李树|间; not 李子明)?"""
    for noun in word_list("surname_nouns"):
        at = noun.find(text[start])
        if at < 0 or start < at or not text.startswith(noun, start - at):
            continue
        if at > 0 or text[start + len(noun) : end] in ("", *_LOCATIVES):
            return True
    return False


_LOCATIVES = tuple("间上下里中边旁")


def _places_only(text: str) -> bool:
    """Is text two or more places the gazetteer knows, one after the other, a country first (阿联酋|迪拜)?"""
    found = gazetteer.find(text)
    return len(found) >= 2 and gazetteer.is_country(found[0][2]) and found[0][0] == 0 and found[-1][1] == len(text) \
        and all(a[1] == b[0] for a, b in zip(found, found[1:]))


def _produce_of_place(text: str) -> bool:
    """Is text a place the gazetteer knows (by a name or a short one: 荣昌 of 荣昌区) and a produce's name
    after it (哈密|瓜, 库尔勒|香梨, 黄山|毛峰, 荣昌|陶: ``produce_names``)?"""
    produce = longest_ending(text, "produce_names", rest=2)
    return produce is not None and (gazetteer.is_place(place := text[: -len(produce)]) or bool(gazetteer.lookup(place)))


def _before_word_across(doc: Doc, start: int, end: int, starts: list[int]) -> int:
    """Where a person's name ends when a jieba word of two or more characters runs across its end
    (黄某|超标准 read 黄某超): before that word, if two characters at least are left."""
    i = bisect_right(starts, end - 1) - 1
    token = doc.tokens[i]
    if token.start > start + 1 and token.end > end and len(token.text) >= 2 and token.text in word_tags():
        return token.start
    return end


def _own_noun_before_unit(text: str) -> int:
    """How long the noun for the organization just named (学院, 公司 …) is when it opens a unit's
    name the labeller reads with it (学院|智能制造学院: the college's own school), else 0."""
    noun = next((n for n in org_anaphor_nouns() if text.startswith(n)), "")
    rest = text[len(noun):]
    if not (noun and len(rest) >= 4 and (suffix_of(rest, Kind.ORG) or rest.endswith(longest_first("unit_heads")))
            and is_name(rest, Kind.ORG)):  # (学院|船舶工程系: a unit's head, 系, is no body's suffix)
        return 0
    return len(noun) if next(iter(cut(text)))[0] == noun else 0  # (not 行|政审批局: jieba reads 行政)


def _after_leading_verb(doc: Doc, start: int, end: int, starts: list[int]) -> int:
    """Where a name starts when the labeller's span opens with a word no name starts with
    (``leading_verbs``: 落户|某区, 位于|某镇; not 经 of 经科委; ``leading_verb_chars``: 逛|宏村) or with the last
    character of one (借|道万州),
    or with 内 after a place (某园区|内): after that word, if two characters at least are left."""
    first = bisect_left(starts, start)
    if first == len(starts) or starts[first] != start:
        return start
    if first and doc.tokens[first].text == "内" and suffix_of(doc.tokens[first - 1].text, Kind.PLACE) and end - start >= 4 \
            and not any(s == 0 for s, _, _ in gazetteer.find(doc.text[start:end])):  # (not 内蒙古大学)
        return doc.tokens[first].end  # 某产业园|内|某某海工: "within" the place before, not the name's
    words = word_list("leading_verbs")
    if start and doc.text[start - 1:start + 1] in words and end - start >= 3:
        return start + 1  # 借|道万州: a verb jieba cuts, its last character read into the name
    if doc.text[start:start + 2] in words and end - start >= 5 and len(doc.tokens[first].text) == 1 \
            and doc.word_across(start + 2):
        return start + 2  # 共|建安|陶设计研究院: a verb jieba cuts, its second character read into the next word
    for token in doc.tokens[first:first + 4]:  # (止|于|某街道, 区属|国企|某集团, 镇|属|平台|公司: words jieba cuts)
        if token.end > end - 2:
            break
        if (token.end - start >= 2 or token.text in word_list("former_marks")) and doc.text[start:token.end] in words:
            return token.end  # (one character only when it marks a former body: 原|某科学系; not 沿|山镇, 经|科委)
        if token.start == start and token.text in word_list("leading_verb_chars") and token.pos.startswith(("v", "d")):
            return token.end  # 逛|宏村: a one-character verb jieba cuts apart
    return start


def _after_subject_and_verb(doc: Doc, start: int, end: int, starts: list[int], kind: Kind) -> int:
    """Where a name starts when the labeller's span holds its subject (a place), an adverb and a verb of
    two characters before it (新区|正|推动|瀚海研究院): after the verb, if what is left ends in the kind's suffix."""
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    tokens = doc.tokens[first:last]
    for before, verb in reversed(list(zip(tokens, tokens[1:]))):
        if before.pos != "d" or verb.pos != "v" or len(verb.text) < 2 or end - verb.end < 4:
            continue
        subject = doc.text[start:before.start]
        if suffix_of(doc.text[verb.end:end], kind) and (gazetteer.is_place(subject) or suffix_of(subject, Kind.PLACE)):
            return verb.end
    return start


def _before_founding_verb(doc: Doc, start: int, end: int, starts: list[int]) -> int:
    """Where a name ends when the labeller's span runs on across a verb by which bodies found
    another (relation_cues ``founds``: 某某食品|共建|联合实验室, 某学院|组建|专家服务团): before the verb,
    if two characters at least are left, and before a verb right before it (某学院|签约|共建|某中心)."""
    founds = founding_verbs()
    first = bisect_left(starts, start + 2)
    for i in range(first, bisect_left(starts, end)):
        token = doc.tokens[i]
        if token.text in founds and token.pos.startswith("v") and token.end < end:
            before = doc.tokens[i - 1]
            return before.start if i > first and before.pos == "v" and len(before.text) == 2 else token.start
    return end


def coordinated(doc: Doc, start: int, name: str, starts: list[int] | None = None) -> list[str]:
    """An organization span cut into the bodies it writes side by side (甲委员会|乙院): two or more
    words jieba's dictionary knows as organizations, of three characters or more, none after the first
    ending like a unit of the one before (某科学院|某所, 某大学|某学院, 某大学|某系). starts: the
    tokens' start offsets, when the caller has them."""
    starts = starts if starts is not None else [t.start for t in doc.tokens]
    first = bisect_left(starts, start)
    words = [t for t in doc.tokens[first : bisect_left(starts, start + len(name), first)] if t.end <= start + len(name)]
    if len(words) < 2 or words[0].start != start or words[-1].end != start + len(name):
        return [name]
    units = longest_first("unit_heads") + tuple(word_list("unit_ends"))
    if any(t.pos != "nt" or len(t.text) < 3 for t in words) or any(t.text.endswith(units) for t in words[1:]):
        return [name]
    return [t.text for t in words]


_JOINER = re.compile("|".join(JOINERS))


def split_joined(text: str, kind: Kind, start: int = 0) -> list[tuple[int, str]]:
    """(offset, name) of the names of a span that joins two with a list word (某某站和某某站: JOINERS), or
    two organizations with a word of partnership (某某委|联合|某某社: ``relation_cues``) or a preposition
    (某某委|以|区人民医院: ``body_separators``): cut where what comes before is a name ending in its
    suffix (not 住房和城乡建设局, 某某片区联合党委), and after a partnership word or a preposition,
    what comes after ends in one too; 诉 cuts a plaintiff from a defendant whatever the plaintiff's
    name ends in. A place and 内 before an organization (某开发区|内|某公司) are left out of it, and a
    leading verb after the cut (联合|建设|某某中心)."""
    inside = _INSIDE.search(text) if kind is Kind.ORG else None
    if inside and suffix_of(text[: inside.start()], Kind.PLACE) and suffix_of(text[inside.end():], Kind.ORG):
        return split_joined(text[inside.end():], kind, start + inside.end())  # 某开发区|内|某公司: the place is no part
    opening = _opening_run().search(text, 2) if kind is not Kind.PERSON else None
    if opening and _division_name(text[: opening.start()]) and len(text) - opening.end() >= 4 \
            and any(suffix_of(text[opening.end():], k) for k in (Kind.ORG, Kind.PLACE)):
        right = text[opening.end():]  # 某街道|开业运营|某某中心: where it opens, the verbs, the name
        return [(start, text[: opening.start()])] + split_joined(right, kind, start + opening.end())
    for verb in (_building_verbs().finditer(text, 3) if kind is Kind.PLACE else ()):  # (not 某新区建设投资集团)
        left, right = text[: verb.start()], text[verb.end():]
        if any(suffix_of(left, k) and is_name(left, k) for k in (Kind.PLACE, Kind.ORG)) and len(right) >= 4 \
                and any((suffix := suffix_of(right, k)) and is_name(right, k) and not ordinary_head(right, suffix)
                        for k in (Kind.PLACE, Kind.ORG)):
            return [(start, left)] + split_joined(right, kind, start + verb.end())  # 某产业园|建成|某检修基地
    for match in (_joiner_or_partnership() if kind is Kind.ORG else _JOINER).finditer(text):
        left, right = text[: match.start()], text[match.end():]
        if match.group() in JOINERS and _one_character_before_suffix(split_place_chain(right)[0] if right else ""):
            continue  # 某某街道|和|顺社区: 和 opens the community's name (和顺社区), no list
        if match.group() == "和" and any(left.endswith(before) and right.startswith(after) for before, after in joined_bureaus()):
            continue  # 某区科技|和|经济委员会: one department's name (``joined_bureaus``)
        place_first = kind is Kind.ORG and _division_name(left) and (match.group() not in JOINERS or left.endswith(tuple(_SETTLEMENT_ENDS))
                                                                     and len(right) >= 4 and bool(suffix_of(right, kind)) and is_name(right, kind))
        # 某某镇|联合|某某委员会, 某某街道|与|某某学院
        plaintiff = kind is Kind.ORG and match.group() == _SUES and len(left) >= 2  # 某某智能|诉|某某有限公司
        suffix = suffix_of(right, kind) or ""
        short_first = kind is Kind.ORG and match.group() in _partner_cues() - set(JOINERS) and len(left) >= 4 \
            and not gazetteer.lookup(left) and len(suffix) >= 2 and not ordinary_head(right, suffix)
        # (湘资生态|联合|湘中理工大学; not 某某|联合|贸易有限公司, a name with 联合 in it)
        if len(right) >= 2 and (suffix_of(left, kind) and is_name(left, kind) or place_first or short_first or plaintiff) and (
                match.group() in JOINERS or suffix_of(right, kind) and is_name(right, kind)
                or place_first and len(right) >= 4 and right[0] not in _DIVISION_FIRSTS):  # 某街道|联合|云雾山茶业
            verb = next((right[:k] for k in (4, 3, 2) if right[:k] in word_list("leading_verbs")), "")
            if verb and is_name(right[len(verb):], kind):  # 某学院|联合|建设|某某繁育中心: what they build
                return [(start, left)] + split_joined(right[len(verb):], kind, start + match.end() + len(verb))
            return [(start, left)] + split_joined(right, kind, start + match.end())
    return [(start, text)]


@cache
def _building_verbs() -> re.Pattern[str]:
    """A verb by which a body builds a site in a place (``building_verbs``: 建成)."""
    return re.compile("|".join(map(re.escape, longest_first("building_verbs"))))


@cache
def _opening_run() -> re.Pattern[str]:
    """A run of the verbs by which a site or a body opens (``opening_verbs``: 开业运营)."""
    return re.compile("(?:" + "|".join(map(re.escape, longest_first("opening_verbs"))) + ")+")


def _place_word_start(doc: Doc, start: int, end: int, starts: list[int]) -> int:
    """Where a place of three characters or more the labeller reads from the second character of a
    jieba word of three or more that is a place's name (避|暑山庄 of 避暑山庄/ns) starts: at the word's
    start when the word ends inside the span (not 镇|巴音乌素 of 镇巴/ns, 入|海口 of 入海口/ns)."""
    token = doc.tokens[bisect_right(starts, start) - 1] if start and starts and end - start >= 3 else None
    return token.start if token is not None and token.start == start - 1 and token.end <= end and len(token.text) >= 3 \
        and token.pos == "ns" else start


def _inside_short_quote(text: str, at: int) -> bool:
    """Is text[at] inside a quoted name of eight characters at most (“抵港直装”: 港 is no Hong Kong)?"""
    opening, closing = text.rfind("“", max(0, at - 8), at), text.find("”", at, at + 9)
    return opening >= 0 and closing >= 0 and not any(mark in text[opening + 1:closing] for mark in "“”，。、")


def _one_character_before_suffix(name: str) -> bool:
    """Is name one character and a place's suffix (顺社区, 平村): too short for a name of its own?"""
    suffix = suffix_of(name, Kind.PLACE)
    return bool(suffix) and len(name) - len(suffix) == 1


_DIVISION_FIRSTS = frozenset("村社街镇乡区县")  # 某镇|联合村…: 联合 opens a village's name there


def _division_name(text: str) -> bool:
    """Whether text is a division's name the gazetteer knows, ending in its level (某某镇, 某某街道)."""
    return text.endswith(ADMIN_ENDS) and bool(gazetteer.lookup(text))


@cache
def _partner_cues() -> frozenset[str]:
    """The words of partnership between two organizations (联合, 携手 …: ``relation_cues``)."""
    return frozenset(cue for relation, where, cue in table("relation_cues") if (relation, where) == ("partnerOf", "between"))


@cache
def _joiner_or_partnership() -> re.Pattern[str]:
    words = {*JOINERS, *word_list("body_separators"), *_partner_cues()}
    return re.compile("|".join([*map(re.escape, sorted(words, key=len, reverse=True)), _SUES + "(?![讼求状])"]))


_SUES = "诉"  # between a plaintiff and a defendant (某某智能|诉|某某有限公司): two parties, the first with no suffix needed
# (not the 诉 of 诉讼, 诉求, 诉状: 某法院|诉讼服务中心 is one body)
_INSIDE = re.compile("(?<=[区园镇村])[内里]")  # 某开发区|内|某公司
_LANGUAGE_END = "语"  # how the names of languages end
_MODEL_NUMBER = re.compile(r"[-－—–]\d")
_SERIAL = re.compile("[一二三四五六七八九十]号(?![院楼线桥站门路街巷坑井码])")  # not 三号院, 一号码头
_PLENARY = re.compile(r"[一二三四五六七八九十]+中(?:、[一二三四五六七八九十]+中)*全会")
_FLOOR_AFTER = re.compile(r"[一二三四五六七八九十0-9]+楼$")
_FLOOR = re.compile(r"[0-9一二三四五六七八九十]+[楼层]")
_QUOTES = frozenset("“”‘’「」『』《》〈〉\"'【】〔〕")  # quotation marks and title brackets
_BREAKS = frozenset("：:；;。！？")  # marks no name runs across (a headline's 某省：…)


def _unquoted(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without quotation marks at its ends, a middle dot at its start or a bracket that
    opens or closes outside it (“两湖一岛 → 两湖一岛, ·某某口 → 某某口, 某某) → 某某, 某某)某公司 →
    某公司; 某某· at a text's cut end is left as read)."""
    while start < end and (text[start] in _QUOTES or text[start] in MIDDLE_DOTS):
        start += 1
    while end > start and text[end - 1] in _QUOTES:
        end -= 1
    if end > start and text[end - 1] in "）)" and not any(ch in "（(" for ch in text[start:end]):
        end -= 1  # 某某) of (以下简称某某): a bracket that closes outside the name
    if end > start and text[start] in "（(" and not any(ch in "）)" for ch in text[start:end]):
        start += 1
    inside = text[start:end]
    closing = max(inside.rfind("）"), inside.rfind(")"))
    if closing >= 0 and not any(ch in "（(" for ch in inside[:closing]):
        start += closing + 1  # 某某)|全资子公司…: what follows a bracket that opened before the span
    return start, end


def _surname_then_address(text: str, at: int) -> bool:
    """Is the one character at ``at`` a surname before how people call someone (韩|总, 宋|书记): a
    person's short form, not a country's (韩国)?"""
    return text[at] in single_surnames() and text.startswith(longest_first("address_terms"), at + 1)


def _suffix_of_name(doc: Doc, token: Token, starts: list[int]) -> bool:
    """Is a one-character place form, a word of its own, the suffix of the noun before it (果园|港: the
    port 果园港, not Hong Kong)?"""
    i = bisect_right(starts, token.start) - 1
    return (len(token.text) == 1 and token.text in word_list("place_suffixes") and i > 0
            and doc.tokens[i - 1].end == token.start and doc.tokens[i - 1].pos in ("n", "ns", "nz"))


def _function_word_alone(text: str, token: Token, abbreviations: dict[str, str]) -> bool:
    """Is a one-character place form jieba reads as a function word (以 of
    以两国…为契机) without another place form beside it (美以两国)? It is then no node (at most a
    reference, as 巴以 gives one)."""
    if len(token.text) > 1 or not token.pos.startswith(FUNCTION_TAGS):
        return False
    return not any(0 <= k < len(text) and text[k] in abbreviations for k in (token.start - 1, token.end))


def abbreviation_in_word(word: str, at: int, abbreviations: dict[str, str]) -> bool:
    """Does the one-character place at index ``at`` of a jieba word stand for a place there?
    Yes when the word is made of such places (京津冀), opens with two or more of them (中美关系), or
    is a visit or stance word around it (访华, 驻华使节, 对华关系, 离京), a side (美方, 美军) or the
    country's head or government (俄总统, 法外长); not in
    中餐, 中外, 中英文 (英 then is a language)."""
    lead = next((i for i, ch in enumerate(word) if ch not in abbreviations), len(word))
    if lead == len(word) or (at < lead and lead >= 2 and word[lead:] in word_list("abbreviation_heads")):
        return True
    if at == 1 and word[0] in word_list("abbreviation_before"):
        return True
    return at == 0 and word[1:] in word_list("abbreviation_after")
