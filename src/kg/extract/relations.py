"""Relations between the mentions of one article, each with the sentence that states it.

memberOf (a post between an organization and a person's name, or after 该公司; bylines and datelines,
某某是某院的医生),
locatedIn (place chains and the lists a place qualifies, 位于/落户 cues, venues of 在某地设置/举行,
the gazetteer's hierarchy), organizer (the subject of the clause that launches a quoted initiative and
its partners (甲与乙共建, 联合乙), carried over subjectless sentences, 该区/镇里/当地 resolved; 由甲、乙
主办,丙承办的…, also in a later sentence that names the initiative's head (本届大赛由…主办,
培训班由…); a name written before the quotes),
subOrganizationOf (母公司, 旗下, 其全资子公司, a unit named after its organization or its short form:
某区委组织部, 某某医疗南岸分公司) and partnerOf (联合, 与…合作). The cue words are in the lexicons
relation_cues.tsv, organizer_verbs.txt, organizer_relation_verbs.txt, unit_heads.txt, event_nouns.tsv,
level_anaphora.tsv, sentence_openers.txt and subject_anaphora.txt."""
from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .. import gazetteer
from ..records import Kind, Mention, Relation, Span
from ..resources import lexicon, longest_first, table
from ..split import DATELINE_DATE
from .doc import Doc, Token
from .latin_names import BY as LATIN_NAME
from .mentions import BRAND_STORE, PLACE_IN_BODY, inside_others
from .rules import DECLARED, LEVER, PARTY_BODY
from .lexicon import (ADMIN_ENDS, FORMER_NAME_WORDS, JOINERS, NATIONAL, RENAMED_WORDS, is_name, longest_ending, org_anaphor_nouns, person_titles,
                      suffix_of)

_ENTITY = (Kind.ORG, Kind.PLACE)
_SEPARATORS = "、和及兼"
_COPULAS = ("是", "为", "系", "属于")  # 甲是乙旗下企业
_OBJECT_MARKERS = ("在", "于", "到", "走进", "从", "与", "和", "以", "对", "向", "把", "给", "为", "经", "据", "位于", "落户", "同", "跟",
                   "由", "原")  # (由原某集团与某公司合并组建: the agents and the former bodies of a passive)


@cache
def _cues() -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for relation, pattern, cue in table("relation_cues"):
        out[(relation, pattern)].append(cue)
    return {key: tuple(sorted(v, key=len, reverse=True)) for key, v in out.items()}


@cache
def _role_pattern(department: bool = False) -> re.Pattern[str]:
    """A post (or several) before a person's name; with department, in a department named first
    (公司|安全环保部部长某某 after an anaphor)."""
    reporters = [role for role in lexicon("byline_roles") if role.endswith("记者")]  # 全媒体记者 (not 通讯员)
    posts = sorted({*longest_first("posts"), *reporters}, key=len, reverse=True)
    post = "(?:" + "|".join(map(re.escape, posts)) + ")"
    bodies = "|".join(map(re.escape, longest_first("bare_suffixes")))  # 党工委副书记、办事处主任某某
    unit = rf"(?:原|前|时任|现任|常务)?(?:[镇乡村县区市]级)?(?:党委|党组|党工委|党支部|党总支|纪委|{bodies})?(?:{post}|常委|委员)"
    titles = "|".join(map(re.escape, person_titles()))  # 主任、市级非遗代表性传承人某某: the post is the body's,
    other = rf"(?:、[\u4e00-\u9fff]{{0,10}}?(?:{titles}))?"  # 理事长、某村党支部书记某某: the title after it another's
    lead = r"[\u4e00-\u9fff]{2,6}?(?:部|中心|处|科|室)" if department else ""
    return re.compile(rf"\s*({lead}{unit}(?:[、和及]{unit})*){other}\s*兼?")


def _relation(doc: Doc, predicate: str, head: Mention, tail: Mention, by: str, confidence: float,
              role: str | None = None, where: int | None = None) -> Relation:
    sentence = doc.sentence_of(where if where is not None else min(head.start, tail.start))
    return Relation(predicate, head, tail, sentence, role=role, by=by, confidence=confidence)


def memberships(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """ORG + post + PERSON: 重庆云岭工业园区党工委副书记周明远, 青山日报记者 周明远, 某宣讲团成员、…副组长张某
    (the names read inside others, 某镇|某村|党支部, are passed over)."""
    text = doc.text
    pattern = _role_pattern()
    inner = inside_others(mentions)
    mentions = tuple(m for m in mentions if m not in inner)
    for i, person in enumerate(mentions):
        if person.kind is not Kind.PERSON:
            continue
        cursor, j = person.start, i - 1
        # names listed after one byline role: 记者 张三 李四
        while j >= 0 and mentions[j].kind is Kind.PERSON and re.fullmatch(r"[\s、]*", text[mentions[j].end:cursor]):
            cursor, j = mentions[j].start, j - 1
        while j >= 0:
            org = mentions[j]
            gap = _gap_after_declaration(text, org, cursor)
            if org.kind is not Kind.ORG or "\n" in gap.strip(" ") and not gap.isspace():
                break
            match = pattern.fullmatch(gap)
            if not match:
                break
            role = re.sub(r"\s+", "", match.group(1))
            yield _relation(doc, "memberOf", person, org, "rules.post", 0.9, role=role, where=person.start)
            if (body := _body_of_party_committee(org, mentions)) is not None:  # 某集团党委|书记、董事长某某: the
                party = org.text[len(body.text):]  # group's member too (its party committee is one of its bodies)
                yield _relation(doc, "memberOf", person, body, "rules.post", 0.85, role=party + role, where=person.start)
            cursor, j = org.start, j - 1
            if cursor > 0 and text[cursor - 1] in _SEPARATORS:
                cursor -= 1
                continue
            break


def _body_of_party_committee(org: Mention, mentions: tuple[Mention, ...]) -> Mention | None:
    """The organization whose party committee org is (某集团|党委, 瞿塘橙业|党委 after the declared short
    form), when the article names it as an organization: not a place's (某镇党委)."""
    party = PARTY_BODY.search(org.text)
    if party is None:
        return None
    rest = org.text[: party.start()]
    return next((m for m in reversed(mentions) if m.kind is Kind.ORG and m.text == rest and m.start < org.start), None)


def _gap_after_declaration(text: str, org: Mention, cursor: int) -> str:
    """The text between a body and what follows it at cursor, a bracket declaring the body's short form
    passed over (某中心(以下简称|县某中心|)高级农艺师某某: the post after the bracket)."""
    opening = max(text.rfind("（", max(0, org.start - 8), org.start), text.rfind("(", max(0, org.start - 8), org.start))
    declared = DECLARED.match(text, opening) if opening >= 0 else None
    if declared and declared.start(1) <= org.start and org.end <= declared.end(1) and declared.end() <= cursor:
        return text[declared.end():cursor]
    return text[org.end:cursor]


def datelines(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """A news agency's dateline names its reporters: 某某社北京11月26日电（记者 甲、乙）, 某某网消息
    （记者 甲 乙） and 某某日报讯（记者 甲 通讯员 丙） make 甲 and 乙 members of the agency, role 记者 (丙
    the correspondent is not)."""
    text = doc.text
    for i, agency in enumerate(mentions):
        if agency.kind is not Kind.ORG or agency.start and text[agency.start - 1] != "\n":
            continue
        match = _DATELINE.match(text, agency.end)
        if match is None:
            continue
        for person in mentions[i + 1:]:
            if person.start >= match.end("names"):
                break
            if person.kind is Kind.PERSON and person.start >= match.start("names"):
                yield _relation(doc, "memberOf", person, agency, "rules.dateline", 0.85, role="记者", where=person.start)


_DATELINE_AFTER = re.compile(rf"[^\n，,。（(]{{0,8}}?{DATELINE_DATE}")  # 新华社|哈尔滨11月26日电
_DATELINE = re.compile(rf"[^\n（(，,。]{{0,12}}?(?:{DATELINE_DATE}|消息|讯)\s*[（(]\s*记者\s*(?P<names>[^）)\n]{{2,40}}?)"
                       r"(?:\s*通讯员[^）)\n]*)?[）)]")  # correspondents (通讯员) are not the paper's staff


def anaphoric_memberships(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """(该)公司 + post + PERSON: the post is in the organization named last before, in the same sentence
    or the one before, quoted speech passed over (某某有限公司的新生产线投产。该公司负责人某某介绍;
    “……。”公司总经理某某说). Its name ends in the anaphor's noun when that is a suffix (公司, 集团, 厂:
    ``anaphora.tsv``); any organization will do for 该企业."""
    anaphors = _org_anaphor_pattern()
    if anaphors is None:
        return
    text, pattern = doc.text, _role_pattern()
    orgs = [m for m in mentions if m.kind is Kind.ORG]
    for person in mentions:
        if person.kind is not Kind.PERSON:
            continue
        sentence = doc.sentence_of(person.start)
        for match in anaphors.finditer(text, sentence.start, person.start):
            role = pattern.fullmatch(text, match.end(), person.start) or _role_pattern(True).fullmatch(text, match.end(), person.start)
            if role is None:
                continue
            org = _antecedent_org(doc, orgs, match.start(), match.group().removeprefix("该"))
            if org is not None:
                yield _relation(doc, "memberOf", person, org, "rules.post_anaphor", 0.7,
                                role=re.sub(r"\s+", "", role.group(1)), where=person.start)


def _antecedent_org(doc: Doc, orgs: list[Mention], at: int, noun: str | None = None) -> Mention | None:
    """The organization an anaphor at ``at`` (该公司, 公司, 该院) stands for: the last one named before
    it in its sentence or the one before (quoted speech passed over), whose name ends in the noun
    when the noun is a suffix (公司, 院) or as ``anaphor_antecedents`` says (校), any for 企业."""
    earliest = _sentence_before(doc, doc.sentence_of(at)).start
    endings = _anaphor_antecedents().get(noun or "") or ((noun,) if noun in lexicon("org_suffixes") else None)

    def last_named(start: int, end: int, ends: tuple[str, ...] | None) -> Mention | None:
        named = [o for o in reversed(orgs) if start <= o.start and o.end <= end and (
            ends is None or _ends_with(o.text, ends) or o.alias and _ends_with(o.alias, ends))]  # (a short form: its name's)
        # (甲是乙的全资子公司。公司总经理某某: 乙, named as whose it is, is not what the story goes on about)
        return next((o for o in named if not doc.text.startswith("的", o.end)), named[0] if named else None)

    found = last_named(earliest, at, endings)
    if found is None and noun and earliest > 0:  # 甲公司…。公司总经理某某说…。公司还…: the company the paragraph is about
        farthest = _sentence_before(doc, _sentence_before(doc, doc.sentence_of(earliest - 1))).start
        found = last_named(farthest, earliest, endings or (noun,))
    if found is not None and noun is None and (unit_of := _anaphor_before(doc, found)) is not None:
        return _antecedent_org(doc, orgs, unit_of.start(), unit_of.group().removeprefix("该")) or found  # 公司安全环保部…其子公司: the company's
    if found is not None and noun is None and (company := _body_of_party_committee(found, tuple(orgs))) is not None:
        return company  # 某某党委书记、董事长某某…。其控股子公司: the company's, not its party committee's
    return found


def _anaphor_before(doc: Doc, unit: Mention) -> re.Match[str] | None:
    """The anaphor right before a part's name (该院|第五检察部, 。公司|安全环保部), if there is one."""
    anaphors = _org_anaphor_pattern()
    if anaphors is None:
        return None
    match = anaphors.search(doc.text, max(0, unit.start - 4), unit.start)
    return match if match is not None and match.end() == unit.start else None


def _ends_with(name: str, endings: tuple[str, ...]) -> bool:
    """Does the name end in one of the endings, before its legal form (某某农村商业银行|股份有限公司)?"""
    from ..resolve import legal_form

    form = legal_form(name, rest=1)
    return name.endswith(endings) or name.removesuffix(form).endswith(endings) or form.startswith(endings)  # (集团|有限公司)


@cache
def _anaphor_antecedents() -> dict[str, tuple[str, ...]]:
    """校 → 大学, 学院 …: how the names an anaphor's noun stands for end (``anaphor_antecedents.tsv``)."""
    return {noun: tuple(endings.split()) for noun, endings in table("anaphor_antecedents")}


def anaphoric_units(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """该院 + a unit's name (该院第五检察部, 该校材料与化工学院): a unit of the organization the
    anaphor stands for (``_antecedent_org``)."""
    orgs = [m for m in mentions if m.kind is Kind.ORG]
    for unit in orgs:
        match = _anaphor_before(doc, unit)
        if match is None or not match.group().startswith("该") or not unit.text.endswith(longest_first("unit_heads")):
            continue  # (公司|安全环保部: a department the gold leaves to its head's post, not a unit of its own)
        org = _antecedent_org(doc, orgs, match.start(), match.group().removeprefix("该"))
        if org is not None:
            yield _relation(doc, "subOrganizationOf", unit, org, "rules.unit_anaphor", 0.65, where=unit.start)


def anaphoric_subsidiaries(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """公司是乙的全资子公司, 该公司系乙旗下企业: the organization the anaphor stands for is a unit of 乙
    (as 甲是乙的全资子公司 in cue_relations)."""
    anaphors = _org_anaphor_pattern()
    if anaphors is None:
        return
    text = doc.text
    orgs = [m for m in mentions if m.kind is Kind.ORG]
    for parent in orgs:
        copula = next((c for c in _COPULAS if text.endswith(c, 0, parent.start)), None)
        if copula is None or _parent_tail().match(text, parent.end) is None:
            continue
        at = parent.start - len(copula)
        anaphor = next((a for a in anaphors.finditer(text, max(0, at - 4), at) if a.end() == at), None)
        unit = _antecedent_org(doc, orgs, anaphor.start(), anaphor.group().removeprefix("该")) if anaphor else None
        if unit is not None and unit.text != parent.text:
            yield _relation(doc, "subOrganizationOf", unit, parent, "rules.unit_anaphor", 0.7, where=anaphor.start())


def anaphoric_partners(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """该院与乙合作, 该公司联合乙: the anaphor stands for the organization named last before it, a partner
    of the organization after the cue (与 and 和 need a cooperation word in the clause, as in
    cue_relations)."""
    anaphors = _org_anaphor_pattern()
    if anaphors is None:
        return
    text = doc.text
    orgs = [m for m in mentions if m.kind is Kind.ORG]
    for match in anaphors.finditer(text):
        if not match.group().startswith("该"):
            continue
        after = next((o for o in orgs if o.start > match.end()), None)
        cue = _partner_gap().fullmatch(text, match.end(), after.start) if after is not None else None
        if cue is None:
            continue
        if not _partnership_stated(cue.group("cue"), text[after.end:doc.sentence_of(after.start).end]):
            continue
        org = _antecedent_org(doc, orgs, match.start(), match.group().removeprefix("该"))
        if org is not None and org.text != after.text:
            yield _relation(doc, "partnerOf", org, after, "rules.cue_anaphor", 0.65, where=after.start)


def former_names(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """甲原名乙, 甲（原名乙）, 甲原为乙, 甲（原乙，2020年更名）, 甲的前身是建于1987年的乙, 乙更名为甲: 乙 is
    甲 under an earlier name (formerName, head 甲). 甲 is the name written right before the cue, else the
    organization an anaphor there stands for (该公司原名乙, 这家企业的前身是乙), else the sentence's
    subject (某公司位于某镇，原名乙). Both are of one kind; resolution makes them one entity."""
    text = doc.text
    if not _FORMER_NAME.search(text) and not _RENAMED.search(text):
        return
    inner = inside_others(mentions)
    outer = [m for m in mentions if m.kind in _ENTITY and m not in inner]
    starts = {m.start: m for m in outer}
    orgs = [m for m in mentions if m.kind is Kind.ORG]
    for cue in _FORMER_NAME.finditer(text):
        described = _DESCRIBED.match(text, cue.end())  # 前身是|建于上世纪80年代的|乙
        former, at = starts.get(cue.end()) or (starts.get(described.end()) if described else None), cue.start()
        if former is None:
            continue
        current = next((m for m in _named_before(doc, at, outer, orgs, cue.group()[0] in "，,")
                        if m.kind is former.kind and m.text != former.text), None)
        if current is not None:
            yield _relation(doc, "formerName", current, former, "rules.former_name", 0.8, where=former.start)
    ends = {m.end: m for m in outer}
    for cue in _RENAMED.finditer(text):  # 甲更名为乙, 原甲同时更名为乙
        former, current = ends.get(cue.start()), starts.get(cue.end())
        if former is not None and current is not None and former.kind is current.kind and former.text != current.text:
            yield _relation(doc, "formerName", current, former, "rules.former_name", 0.75, where=current.start)


#: a clause that describes a former name before it (建于上世纪80年代的, 1987年成立的)
_DESCRIBED = re.compile(r"[^，,。；;：:“”]{2,16}?的")


def _named_before(doc: Doc, at: int, outer: list[Mention], orgs: list[Mention], after_comma: bool) -> Iterator[Mention]:
    """Who a statement at ``at`` is about: the name ending there (after a comma only a name a
    clause qualifies: 位于某地的甲，原名乙), the organization an anaphor ending there stands for
    (该公司, 这家企业), and after a comma the sentence's subject."""
    text = doc.text
    yield from (m for m in outer if m.end == at and (not after_comma or text[m.start - 1:m.start] == "的"))
    anaphor = _ANAPHOR_BEFORE.search(text, max(0, at - 5), at)
    noun = anaphor.group("noun") if anaphor else ""
    known = noun in org_anaphor_nouns()  # (公司, 院: the antecedent ends in it)
    if anaphor and (anaphor.group("this") or known or noun in lexicon("org_suffixes")):
        if (org := _antecedent_org(doc, orgs, anaphor.start(), noun if known else None)) is not None:
            yield org  # 该中心, 这家企业; a bare noun opening its clause only if it stands for a body (公司, 合作社)
    if after_comma:  # (not 某公司位于某镇|，原为…: the place is the object of 位于)
        if (subject := _subject_before(doc, at, tuple(outer))) is not None:
            yield subject


_FORMER_NAME = re.compile(
    rf"(?:[，,]?(?:{FORMER_NAME_WORDS}|原为)|[（(]原名?)"
    r"(?:[^，,。；;（）()“”]{0,12}?(?:成立|创办|创建|始建|组建|建立|设立|创立)(?:于[^，,。的]{1,10})?的)?")
_RENAMED = re.compile(RENAMED_WORDS)
_ANAPHOR_BEFORE = re.compile(r"(?:(?P<this>该|这家|这个|此)|(?<![^，,。；;\s]))(?P<noun>[\u4e00-\u9fff]{1,3})$")


@cache
def _partner_gap() -> re.Pattern[str]:
    """What stands between two partners: a partnerOf cue of relation_cues, an adverb before it allowed
    (甲|还与|乙, 甲|将与|乙)."""
    cues = "|".join(map(re.escape, _cues()[("partnerOf", "between")]))
    return re.compile(rf"(?:还|也|已|将|正|又|共同)?(?P<cue>{cues})")


def _partnership_stated(cue: str, clause: str) -> bool:
    """Does a partnerOf cue state a partnership: a verb (联合, 携手) does; a conjunction (与, 和) only
    with a cooperation word (``confirm`` cues: 合作, 签约 …) early in the clause after the partner."""
    return cue not in JOINERS or any(word in clause[:20] for word in _cues()[("partnerOf", "confirm")])


def _sentence_before(doc: Doc, sentence: Span) -> Span:
    """The sentence before this one, passing over quoted speech (“…。”) between them."""
    before = doc.sentence_of(max(sentence.start - 1, 0))
    while before.start > 0 and doc.text[before.start] in "“\"「":
        before = doc.sentence_of(before.start - 1)
    return before


@cache
def _org_anaphor_pattern() -> re.Pattern[str] | None:
    """该公司 … (anaphora.tsv), and the bare noun (公司) where it opens a clause."""
    nouns = org_anaphor_nouns()
    if not nouns:
        return None
    return re.compile(r"(?:该|(?<![^，,。；;：:“\s])|(?<=[。！？!?…][”\"]))(?:" + "|".join(map(re.escape, nouns)) + ")")  # (not “某某”公司)


def posts_after_names(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """PERSON 是/任/担任 ORG(的)post: 周明远是青山区人民医院的医生, 周明远任青禾集团董事长."""
    text = doc.text
    post = _role_pattern()
    for person, org in zip(mentions, mentions[1:]):
        if person.kind is not Kind.PERSON or org.kind is not Kind.ORG:
            continue
        if not re.fullmatch(r"(?:是|系|任|现任|担任|出任|曾任)", text[person.end:org.start]):
            continue
        match = post.match(text, org.end + (text[org.end:org.end + 1] == "的"))
        if match and _post_ends(text, match.end()):
            role = re.sub(r"\s+", "", match.group(1))
            yield _relation(doc, "memberOf", person, org, "rules.post_after_name", 0.8, role=role, where=person.start)


def _post_ends(text: str, end: int) -> bool:
    """Whether a post word ends the phrase (医生。 or 医生一职), not a longer noun (医生团队)."""
    return end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff" or text.startswith(("一职", "职务"), end)


def named_units(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """An organization named as a unit of another one the article names: 青山区委 + 组织部,
    某部 + 研究室, 某院 + 调查组 (``unit_heads``), a brand's store; the unit is a sub-organization of it, and so are the
    units of its kind listed right after it (某公司商水分公司、西华分公司). A tail that is an
    organization of its own level (市政府 after 市委) is not a unit."""
    heads = longest_first("unit_heads")
    listed = [m for m in mentions if m.kind is Kind.ORG]
    orgs = {m.text: m for m in listed}
    for unit in mentions:
        if unit.kind is not Kind.ORG:
            continue
        if not unit.text.endswith(heads) and unit.by != BRAND_STORE:  # (a brand's store: 某某烤鱼北京望京店)
            ministry = next((name for name in orgs if _ministry_department(unit.text, name)), None)
            if ministry is not None:  # 商务部|电子商务司
                yield _relation(doc, "subOrganizationOf", unit, orgs[ministry], "rules.unit_name", 0.7, where=unit.start)
            continue
        parent = max((name for name in orgs if unit.text.startswith(name) and len(unit.text) - len(name) >= 2),
                     key=len, default=None)
        if parent is None:  # 康语医疗|南岸分公司 of 重庆康语医疗管理有限公司, named in full before
            owner = _owner_by_short_form(unit.text, orgs) or _parent_by_short_form(unit.text, orgs)
            before = _named_before_bracket(doc.text, mentions, unit)
            if owner is not None:
                yield _relation(doc, "subOrganizationOf", unit, orgs[owner], "rules.unit_short_name", 0.65, where=unit.start)
            elif before is not None:  # 某区人民法院(以下简称某某法院)|某某巡回法庭
                yield _relation(doc, "subOrganizationOf", unit, before, "rules.unit_name", 0.65, where=unit.start)
            continue
        tail = unit.text[len(parent):]
        if len(tail) <= 10 and not tail.startswith(_LEVEL_WORDS):
            for member in [unit, *_listed_after(doc.text, listed, unit)]:  # 某公司甲分公司、乙分公司
                yield _relation(doc, "subOrganizationOf", member, orgs[parent], "rules.unit_name", 0.7, where=member.start)


def _ministry_department(unit: str, ministry: str) -> bool:
    """Is unit a department (司) of a ministry or commission whose name opens it (水利部|规划计划司;
    not a company, 某部|某公司)?"""
    tail = unit[len(ministry):]
    return (unit.startswith(ministry) and ministry.endswith(("部", "委", "总局", "总署")) and 3 <= len(tail) <= 8
            and tail.endswith("司") and not tail.endswith("公司"))


def _named_before_bracket(text: str, mentions: tuple[Mention, ...], unit: Mention) -> Mention | None:
    """The organization written right before the short form in brackets that ends where ``unit``
    starts (甲(以下简称乙)|丙庭)."""
    bracket = _BRACKET_BEFORE.search(text, max(0, unit.start - 16), unit.start)
    if bracket is None:
        return None
    return next((m for m in mentions if m.kind is Kind.ORG and m.end == bracket.start()), None)


def _owner_by_short_form(unit: str, orgs: dict[str, Mention]) -> str | None:
    """The company whose short form opens a unit's name (楚游国旅|恩施分公司 → 湖北楚游国际旅行社有限公司):
    the longest opening of two to eight characters that the resolver takes for a short form of it."""
    from ..resolve import short_forms_of

    forms = {name: short_forms_of(name, Kind.ORG) for name in orgs
             if name.endswith(("公司", "集团")) and not name.endswith(longest_first("unit_heads"))}
    for size in range(min(8, len(unit) - 2), 1, -1):
        owners = [name for name, short in forms.items() if unit[:size] in short]
        if len(owners) == 1:
            return owners[0]
    return None


def _parent_by_short_form(unit: str, orgs: dict[str, Mention]) -> str | None:
    """The organization the article calls by a short form while a unit's name opens with its full
    name (河北省交通运输厅|运输服务处 beside 省交通运输厅): the one short form of the longest such opening
    that ends in an organization's suffix and leaves a unit of two to ten characters."""
    from ..resolve import abbreviates

    heads = longest_first("unit_heads")
    for cut in range(len(unit) - 2, 1, -1):
        opening, tail = unit[:cut], unit[cut:]
        if len(tail) > 10 or not tail.endswith(heads) or suffix_of(opening, Kind.ORG) is None:
            continue
        owners = [name for name in orgs if name != unit and abbreviates(name, opening, Kind.ORG)]
        if len(owners) == 1:
            return owners[0]
    return None


_LEVEL_WORDS = ("国家", "中央", "省", "市", "县", "区", "镇", "乡")  # 市政府 of 市委市政府 is no unit of 市委


_ITS_UNIT = re.compile(r"(?:其|(?P<noun>公司|集团))(?:全资|控股)?(?:子公司|下属的?|旗下的?|所属的?|控股的)$")  # (公司全资子公司乙)


#: what stands before a company's subsidiary when the owner is the one named last before it:
#: 甲…,旗下乙; 甲成立全资子公司乙; 甲出资控股成立乙; 甲旗下设有丙和全资子公司乙 (the owner is 甲, named before 旗下)
_OWNED_UNIT = re.compile(r"(?:(?:旗下|下属)(?:设有|拥有|有|的)?(?:全资|控股)?(?:子公司)?|所属(?:设有|有)?(?:全资|控股)?(?:子公司)?|(?:出资)?控股(?:成立|设立|组建)了?"
                         r"|(?:成立|设立|组建|注册|拥有|设有)[了的]?(?:一家)?(?:全资|控股)子公司|(?P<listed>[和、及与])(?:全资|控股)子公司)"
                         r"(?:——|—|:|：)?$")  # (甲在当地设立的全资子公司——乙)
_OWNED_LIST_START = ("旗下", "下属", "设有", "拥有")
_SIBLING_UNIT = re.compile(r"[，,；;](?:全资|控股)子公司$")  # a clause that names another subsidiary
_GROUPS = ("集团", "集团公司", "集团有限公司", "集团股份有限公司", "总公司")  # 甲集团所属的乙
_SCHOOLS = ("大学", "学院", "学校")  # a school's name ends so
#: 乙…,由甲控股: 甲 owns the organization named last before 由
_CONTROLLED_BY = re.compile(r"(?:出资|全资)?控股")


def subsidiaries(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """Sub-organizations stated in the text: 其全资子公司乙, 甲…旗下乙, 甲成立全资子公司乙 (owned units),
    学校某某学院 (a school's unit), 乙…由甲控股 (a controlled company) and 甲设有乙支行、丙支行 (units set up)."""
    orgs = [m for m in mentions if m.kind is Kind.ORG]
    yield from _owned_units(doc, orgs)
    yield from _school_units(doc, orgs)
    yield from _controlled(doc, orgs)
    yield from _units_set_up(doc, orgs, mentions)
    yield from _joint_ventures(doc, orgs)
    yield from _listed_subsidiaries(doc, orgs, mentions)


#: what a list of companies ends with when they are the subject's: 甲拥有乙、丙等9家全资及控股子公司
_SUBSIDIARIES_AFTER = re.compile(r"等(?:[0-9一二三四五六七八九十百]+家)?(?:全资|控股|及|和)*(?:子公司|下属企业|成员企业)")


def _listed_subsidiaries(doc: Doc, orgs: list[Mention], mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """甲…拥有乙、丙等9家全资及控股子公司: each company listed before 等…子公司 is a sub-organization of
    the organization the sentence is about (``_subject``)."""
    text = doc.text
    ends = {o.end: i for i, o in enumerate(orgs)}
    for match in _SUBSIDIARIES_AFTER.finditer(text):
        last = ends.get(match.start())
        if last is None:
            continue
        listed = [orgs[last]]
        while last > 0 and text[orgs[last - 1].end:listed[-1].start] in ("、", "和", "及"):
            last -= 1
            listed.append(orgs[last])
        subject = _subject_before(doc, listed[-1].start, mentions)
        if subject is None or subject.kind is not Kind.ORG:
            continue
        for company in listed:
            yield _relation(doc, "subOrganizationOf", company, subject, "rules.listed_subsidiaries", 0.65, where=company.start)


_JOINT_VENTURE = re.compile(r"合资(?:成立|设立|组建|建设|兴办|运营)?了?的?")


def _joint_ventures(doc: Doc, orgs: list[Mention]) -> Iterator[Relation]:
    """甲与乙合资成立丙, 丙由甲与乙合资设立: the joint venture 丙 is a sub-organization of each partner
    (the organizations of the clause before 合资; the one 公司 stands for when it opens the clause)."""
    text = doc.text
    for match in _JOINT_VENTURE.finditer(text):
        clause = _clause_start(text, match.start())
        venture = next((o for o in orgs if match.end() <= o.start <= match.end() + 1), None)
        by = text.rfind("由", clause, match.start())
        if by > 0:  # 丙由甲与乙合资设立
            venture = next((o for o in orgs if o.end in (by, by - 1) and o.start >= clause), None)
            clause = by
        if venture is None:
            continue
        partners = [o for o in orgs if clause <= o.start and o.end <= match.start() and not _nested(o, orgs)]
        if not partners or not re.search("[与和同]", text[clause:match.start()]):
            continue
        anaphor = _org_anaphor_pattern().match(text, clause) if len(partners) == 1 else None
        if anaphor is not None:  # 公司与乙合资成立丙: the company 公司 stands for is the other partner
            company = _antecedent_org(doc, orgs, anaphor.start(), anaphor.group().removeprefix("该"))
            if company is not None and company not in partners:
                partners.insert(0, company)
        for partner in partners:
            if partner.text != venture.text:
                yield _relation(doc, "subOrganizationOf", venture, partner, "rules.joint_venture", 0.65, where=venture.start)


#: what an organization does to the units listed after it: 该行在全县设有甲支行、乙支行等
_SETS_UP = re.compile(r"(?:(?P<structure>设有|下设|下辖)|设立了?|开设了?|成立了?)$")
#: what a body sets up (设立, 开设) that is a unit of it, not a facility it runs (开设|某某服务中心)
_BRANCH_HEADS = ("分公司", "子公司", "支公司", "分行", "支行", "分院", "分局", "营业部", "办事处", "分厂", "分店")


def _units_set_up(doc: Doc, orgs: list[Mention], mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """甲(or 该行)…设有/下设/下辖 乙支行、丙支行等, 甲先后设立乙分公司和丙分公司: each unit listed (named
    with a unit head; a branch's after 设立, 开设, 成立) is a sub-organization of the organization the
    sentence is about (``_subject``)."""
    text, heads = doc.text, longest_first("unit_heads")
    for first in orgs:
        cue = _SETS_UP.search(text, max(0, first.start - 3), first.start) if first.text.endswith(heads) else None
        if cue is None or not (cue.group("structure") or first.text.endswith(_BRANCH_HEADS)):
            continue
        subject = _subject_before(doc, first.start, mentions)
        if subject is None or subject.kind is not Kind.ORG:
            continue
        for unit in [first, *_listed_after(text, orgs, first)]:
            yield _relation(doc, "subOrganizationOf", unit, subject, "rules.units_set_up", 0.65, where=unit.start)


def _subject_before(doc: Doc, at: int, mentions: tuple[Mention, ...]) -> Mention | None:
    """Who the sentence holding ``at`` is about, from what it names before ``at`` (``_subject``)."""
    sentence = doc.sentence_of(at)
    subject = _subject(doc, sentence, [m for m in mentions if sentence.start <= m.start and m.end <= at], mentions)
    return subject.entity if subject is not None else None


def _owned_units(doc: Doc, orgs: list[Mention]) -> Iterator[Relation]:
    """其全资子公司乙, 其下属的乙, 其旗下的乙 (乙 is a sub-organization of the organization named last
    before 其, in its sentence or the one before: 甲投资建设,其全资子公司乙负责运营; 公司全资子公司乙: the one
    the anaphor stands for), and without 其:
    甲…旗下乙, 甲成立全资子公司乙, 甲出资控股成立乙, 甲旗下设有丙和全资子公司乙, 甲集团所属的乙."""
    text = doc.text
    ends = {o.end: o for o in orgs}
    owners: dict[int, Mention] = {}  # the owner found last in each sentence, by the sentence's start
    for unit in orgs:
        before = text[max(0, unit.start - 10):unit.start]
        sentence_start = doc.sentence_of(unit.start).start
        while sentence_start > 0 and text[sentence_start - 1] in ";；":  # (甲…;乙…: one sentence)
            sentence_start = doc.sentence_of(sentence_start - 1).start
        if _SIBLING_UNIT.search(before) and sentence_start in owners and not _ITS_UNIT.search(before):
            yield _relation(doc, "subOrganizationOf", unit, owners[sentence_start], "rules.its_unit", 0.65, where=unit.start)
            continue  # 旗下有全资子公司甲,负责…;控股子公司乙则…: 乙 is the same owner's
        if before.endswith("所属的") and not before.endswith("其所属的"):  # 甲集团所属的乙: 甲 is written right before it
            # (in 某民宿所属的乙 乙 owns; 其所属的乙 is its unit: _ITS_UNIT)
            if (owner := ends.get(unit.start - 3)) is not None and owner.text.endswith(_GROUPS):
                yield _relation(doc, "subOrganizationOf", unit, owner, "rules.its_unit", 0.7, where=unit.start)
            continue
        its, owned = _ITS_UNIT.search(before), _OWNED_UNIT.search(before)
        if its is None and owned is None:
            continue
        anchor = unit.start - len(before) + (its or owned).start()
        if its is None and owned.group("listed"):  # 甲旗下设有丙和全资子公司乙: the owner is named before 旗下
            anchor = max(text.rfind(w, doc.sentence_of(unit.start).start, anchor) for w in _OWNED_LIST_START)
            if anchor < 0:
                continue
        noun = len(its.group("noun") or "") if its else 0
        if noun and (owner := ends.get(anchor + noun)) is not None:
            parent = owner  # 甲有限公司|全资子公司乙: the company named right before
        else:
            parent = None if noun else _antecedent_org(doc, orgs, anchor)
        sentence, anaphors = doc.sentence_of(anchor), _org_anaphor_pattern()
        if (parent is None or parent.start < sentence.start) and anaphors is not None:
            anaphor = next(reversed(list(anaphors.finditer(text, sentence.start, anchor + noun))), None)
            if anaphor is not None:  # 今年5月，公司还…设立了全资子公司乙: the company the anaphor stands for
                parent = _antecedent_org(doc, orgs, anaphor.start(), anaphor.group().removeprefix("该")) or parent
        if parent is None or _nested(parent, orgs):
            continue
        owners[sentence_start] = parent
        for member in [unit, *_listed_after(text, orgs, unit)]:  # 旗下有甲分公司、乙分公司和丙分公司
            if member.text != parent.text:
                yield _relation(doc, "subOrganizationOf", member, parent, "rules.its_unit", 0.7, where=member.start)


def _listed_after(text: str, orgs: list[Mention], first: Mention) -> list[Mention]:
    """The organizations of first's kind (its suffix: 分公司) listed right after it with 、, 和 or 及
    (甲分公司、乙分公司和丙分公司; not 与, nor a body of another kind: 旗下甲公司和乙大学共建…)."""
    kind = suffix_of(first.text, Kind.ORG)
    listed, last = [], first
    for org in orgs:
        if org.start >= last.end and text[last.end:org.start] in ("、", "和", "及") and suffix_of(org.text, Kind.ORG) == kind:
            listed.append(org)
            last = org
        elif org.start >= last.end:
            break
    return listed


def _school_units(doc: Doc, orgs: list[Mention]) -> Iterator[Relation]:
    """学校机械工程学院, 该校某某研究所: a unit of the school named last before."""
    schools = [o for o in orgs if o.text.endswith(_SCHOOLS)]
    for unit in orgs:
        if doc.text.endswith(("学校", "该校"), 0, unit.start) and unit.text.endswith(longest_first("unit_heads")):
            school = _antecedent_org(doc, [o for o in schools if o.text != unit.text], unit.start)
            if school is not None:
                yield _relation(doc, "subOrganizationOf", unit, school, "rules.school_unit", 0.7, where=unit.start)


def _controlled(doc: Doc, orgs: list[Mention]) -> Iterator[Relation]:
    """乙…,由甲控股: 甲 owns the organization named last before 由, the subject of its own sentence."""
    for owner in orgs:
        if doc.text.endswith("由", 0, owner.start) and _CONTROLLED_BY.match(doc.text, owner.end):
            unit = _antecedent_org(doc, orgs, owner.start - 1)
            if unit is not None and unit.start >= doc.sentence_of(owner.start).start and unit.text != owner.text \
                    and not _nested(unit, orgs):
                yield _relation(doc, "subOrganizationOf", unit, owner, "rules.controlled_by", 0.7, where=owner.start)


def place_chains(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """Adjacent places, outer first: 临江镇东华社区老街的文昌阁 → each in the one before; a list that a
    place qualifies takes the place for each name (某镇城区内的甲、乙及丙 → all three in 某镇)."""
    text = doc.text
    for i, (outer, inner) in enumerate(zip(mentions, mentions[1:]), start=1):
        if outer.kind is not Kind.PLACE or inner.kind not in (Kind.PLACE, Kind.ORG):
            continue
        gap = text[outer.end:inner.start]
        if gap == "" and (inner.kind is Kind.PLACE or inner.text.startswith(NATIONAL)
                          or inner.by == LATIN_NAME and _country(outer)):  # 德国|KERAMIK-WERK HAUSER GmbH
            yield _relation(doc, "locatedIn", inner, outer, "rules.place_chain", 0.8)  # 北京|中国某某银行总行
            for item in _same_divisions_listed(text, mentions, i):  # 某镇甲村、乙村、丙村4个村
                yield _relation(doc, "locatedIn", item, outer, "rules.place_chain", 0.8, where=item.start)
        elif _QUALIFIER.fullmatch(gap) and not text[:outer.start].endswith(_cues()[("locatedIn", "not-before")]):
            for item in _listed(text, mentions, i):
                if item.kind is Kind.ORG or not _wider(item, outer):
                    yield _relation(doc, "locatedIn", item, outer, "rules.place_chain", 0.8, where=item.start)


def places_in_bodies(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """A foreign body is in the country its name opens with (德国|博朗格汽车技术股份公司 → 德国), a company in
    the place written in brackets in its name (某某（越南）鞋业有限公司), a body in the last of the
    divisions its name opens with, each of them in the one before (某区|某镇|某村|党支部), unless its
    name says it stands elsewhere after it (某国驻华大使馆, 某国某局上海代表处, 某国某集团中国区总部)."""
    bodies = [m for m in mentions if m.kind is Kind.ORG]
    inside = {m.start: m for m in mentions if m.by == PLACE_IN_BODY}
    for m in mentions:
        if m.by != PLACE_IN_BODY:
            continue
        body = max((b for b in bodies if b.start <= m.start and m.end < b.end), key=lambda b: b.end, default=None)
        if body is None:
            continue
        if (following := inside.get(m.end)) is not None and following.end < body.end:
            yield _relation(doc, "locatedIn", following, m, "rules.place_in_body", 0.8)  # 某区|某镇
            continue
        rest = body.text[m.end - body.start:]
        if "驻" not in rest and not gazetteer.find(rest):
            yield _relation(doc, "locatedIn", body, m, "rules.place_in_body", 0.8)


def _same_divisions_listed(text: str, mentions: tuple[Mention, ...], first: int) -> list[Mention]:
    """The places listed after ``mentions[first]`` that are divisions of its kind (甲村、乙村和丙村),
    none of them opening a chain of its own (甲村、某县乙村)."""
    head = mentions[first]
    end = next((e for e in ADMIN_ENDS if head.text.endswith(e) and len(head.text) > len(e) + 1), None)
    if head.kind is not Kind.PLACE or end is None:
        return []
    listed = _listed(text, mentions, first)[1:]
    out: list[Mention] = []
    for item, nxt in zip(listed, [*listed[1:], None]):
        if item.kind is not Kind.PLACE or not item.text.endswith(end) or nxt is not None and nxt.start == item.end:
            break
        out.append(item)
    return out


def prefixed_places(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """A place whose name opens with a division the article names on its own (某县电子商务产业园 …
    某县) is in it, when the rest is a name (not 香港|特区, the same place; not 某国|驻某国使馆)."""
    places = {m.text: m for m in mentions if m.kind is Kind.PLACE}
    for m in mentions:
        if m.kind is not Kind.PLACE or _known_division(m.text):
            continue  # 沙特阿拉伯, 环江毛南族自治县: the same place as its short form
        opening = max((p for p in places if m.text.startswith(p) and len(p) < len(m.text) - 1 and _known_division(p)),
                      key=len, default=None)
        rest = m.text[len(opening or ""):]
        if opening is not None and is_name(rest, Kind.PLACE) and "驻" not in rest:
            yield _relation(doc, "locatedIn", m, places[opening], "rules.prefixed_place", 0.7)


def _known_division(name: str) -> bool:
    """A country or division the gazetteer knows, by its name or short form and an ending (秀山|县)."""
    return any(start == 0 and (end == len(name) or name[end:] in ADMIN_ENDS) for start, end, _ in gazetteer.find(name))


_QUALIFIER = re.compile(r"(?:城区|市区|境内|辖区|区域)?(?:内|里)?的")  # 某镇的, 某镇城区内的


def _listed(text: str, mentions: tuple[Mention, ...], first: int) -> list[Mention]:
    """The names listed from ``mentions[first]`` on, of its kind or the other of place and organization,
    joined by 、和及以及 (甲、乙和丙), past an item that is no name (甲、某遗址群及丙)."""
    out = [mentions[first]]
    for nxt in mentions[first + 1:]:
        if nxt.kind not in (Kind.PLACE, Kind.ORG) or not _LIST_GAP.fullmatch(text[out[-1].end:nxt.start]):
            break
        out.append(nxt)
    return out


_LIST_GAP = re.compile(r"(?:[、和及]|以及)(?:[^，,。；;：:、和及“”\s]{2,8}(?:[、和及]|以及))?")


def _wider(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` cannot lie in ``outer``: a country, or a division the gazetteer ranks above
    ``outer`` (a province after a county's 的)."""
    from .. import gazetteer

    if _country(inner):
        return True
    inner_levels = [d.level for d in gazetteer.lookup(inner.text)]
    outer_levels = [d.level for d in gazetteer.lookup(outer.text)]
    return bool(inner_levels and outer_levels) and max(inner_levels) < min(outer_levels)


_EDITION_QUOTE = re.compile(r"(?:\d{4}年度?|第[一二三四五六七八九十\d]+[届期])?“")


def named_after_place(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """A name written right before an initiative's quoted name, before its year or edition
    (某区2024年“某某消费季”) or before the verb that launches it (某委员会推进“某某”建设): an
    organization (某台“某某工程”) or a division (青山区“三联机制”, 临江镇“老街书房”) runs it, any
    other place (某古镇“石板巷”) holds it."""
    text = doc.text
    verbs = set(_organizer_verbs())
    for owner, thing in zip(mentions, mentions[1:]):
        if owner.kind not in _ENTITY or thing.kind is not Kind.INITIATIVE:
            continue
        gap = text[owner.end:thing.start]
        acted = gap.endswith("“") and gap[:-1] in verbs  # 某委员会推进“某某”建设: the name right before its verb
        if not (acted or _EDITION_QUOTE.fullmatch(gap)):
            continue
        if owner.kind is Kind.PLACE and (_country(owner) or text[:owner.start].endswith(_cues()[("locatedIn", "after")])):
            continue  # 某国“某某”号 is the country's ship; 走进某省“…” is a visit
        if acted and owner.kind is Kind.PLACE and "在" in text[_clause_start(text, owner.start):owner.start]:
            continue  # 在某镇、某街道实施“某某”: where it is carried out, not who runs it
        if owner.kind is Kind.ORG or _is_division(owner):
            yield _relation(doc, "organizer", thing, owner, "rules.name_before", 0.6)
        elif not acted:
            yield _relation(doc, "locatedIn", thing, owner, "rules.name_before", 0.6)


def _clause_start(text: str, at: int, floor: int = 0) -> int:
    """Where the clause holding ``at`` starts: after the last comma, colon, semicolon, full stop or line
    break before it outside brackets (甲(Taixin Shipping Co., Ltd.)与乙: one clause), and not before ``floor``."""
    start = max(floor, *(text.rfind(mark, floor, at) + 1 for mark in "，,。；;：:\n"))
    closed = max(text.rfind(")", start, at), text.rfind("）", start, at))
    if closed >= 0 and max(text.rfind("(", start, closed), text.rfind("（", start, closed)) < 0:
        opened = max(text.rfind("(", floor, start), text.rfind("（", floor, start))
        if opened >= floor:
            return _clause_start(text, opened, floor)  # the mark was inside brackets closed after it
    return start


def held_at(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """“某某”活动在甲(、乙)举行: an initiative named before 在 PLACE and a verb of holding
    (relation_cues ``held``) in its clause takes place there."""
    text = doc.text
    held = _cues()[("locatedIn", "held")]
    for sentence in doc.sentences:
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        for at in re.finditer("在", text[sentence.start:sentence.end]):
            start = sentence.start + at.start()
            places = _places_then(text, inside, start + 1, held)
            if not places:
                continue
            clause = max((c.end() for c in _CLAUSE_START.finditer(text, sentence.start, start)), default=sentence.start)
            for thing in inside:
                if thing.kind is Kind.INITIATIVE and clause <= thing.start and thing.end <= start:
                    for place in places:
                        yield _relation(doc, "locatedIn", thing, place, "rules.held_at", 0.65, where=thing.start)


def settled_in(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """An organization that settles, or was set up, in a place (relation_cues ``settle``):
    某公司坚定在某区安营扎寨, 某公司是某区引进的首家…企业."""
    text = doc.text
    settle = _cues()[("locatedIn", "settle")]
    for org, place in zip(mentions, mentions[1:]):
        if org.kind is not Kind.ORG or place.kind is not Kind.PLACE:
            continue
        gap = text[org.end:place.start]
        rest = text[place.end:_clause_end(text, place.end, len(text))]
        if re.fullmatch(r"[^，,。；;、“”]{0,4}在", gap) and rest.startswith(settle):
            yield _relation(doc, "locatedIn", org, place, "rules.settle", 0.7, where=org.start)
        elif gap == "是" and re.match(r"[^，,。；;]{0,8}?(?:" + "|".join(map(re.escape, settle)) + ")的", rest):
            yield _relation(doc, "locatedIn", org, place, "rules.settle", 0.65, where=org.start)


def entered_in(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """Organizations listed before a verb of moving in (relation_cues ``enter``: 甲、乙等12家企业现场签约
    入驻某园): each is in the place."""
    text = doc.text
    for i, place in enumerate(mentions):
        cue = _enter_before().search(text, max(0, place.start - 24), place.start) if place.kind is Kind.PLACE else None
        if cue is None:
            continue
        sentence = doc.sentence_of(place.start)
        inside = [m for m in mentions[:i] if m.start >= sentence.start]
        for org in _names_ending_at(text, [m for m in inside if not _nested(m, inside)], cue.start()):
            if org.kind is Kind.ORG:
                yield _relation(doc, "locatedIn", org, place, "rules.enter", 0.65, where=org.start)


@cache
def _enter_before() -> re.Pattern[str]:
    """What stands between a list of organizations and the place they move into: 等12家企业现场签约入驻."""
    verbs = "|".join(map(re.escape, _cues()[("locatedIn", "enter")]))
    return re.compile(rf"(?:等[\d一二三四五六七八九十百余多]*[家个]?(?:企业|公司|单位|项目)?)?[^，,。；;、“”]{{0,6}}?(?:{verbs})$")


@cache
def _parent_tail() -> re.Pattern[str]:
    """What follows the parent in 甲是乙…: its short form in brackets, where it set 甲 up, then a
    ``parent-tail`` cue (的全资子公司) or 旗下/下属/控股 and what kind of company 甲 is (旗下的物流企业,
    控股的稀土板块子公司)."""
    tails = "|".join(map(re.escape, _cues()[("subOrganizationOf", "parent-tail")]))
    return re.compile(r"(?:[（(][^（）()]{1,20}[）)])?(?:在[\u4e00-\u9fff]{1,4}设立的)?"
                      rf"(?:{tails}|(?:旗下|下属|控股)的?[^，,。；;、“”]{{0,10}}?(?:企业|公司|平台))")


@cache
def _gathers() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, _cues()[("locatedIn", "gathers")])) + ")了?$")


def gathered_in(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """The organizations a place gathers (relation_cues ``gathers``): 某小镇已集聚甲、乙等企业,
    某园区引进了甲公司 — each is in the place the sentence is about (``_subject``)."""
    text, cue = doc.text, _gathers()
    for i, first in enumerate(mentions):
        if first.kind is not Kind.ORG or not cue.search(text, max(0, first.start - 4), first.start):
            continue
        subject = _subject_before(doc, first.start, mentions)
        if subject is None or subject.kind is not Kind.PLACE:
            continue
        for org in _listed(text, mentions, i):
            if org.kind is Kind.ORG:
                yield _relation(doc, "locatedIn", org, subject, "rules.gathered_in", 0.65, where=org.start)


def _places_then(text: str, inside: list[Mention], start: int, verbs: tuple[str, ...]) -> list[Mention]:
    """The places listed from ``start`` on (甲、乙两地) when one of ``verbs`` follows within four
    characters; the inner place of a chain (某市某体育馆) stands for it."""
    places: list[Mention] = []
    cursor = start
    for m in inside:
        if m.start < cursor:
            continue
        gap = text[cursor:m.start]
        if m.kind is not Kind.PLACE or not (gap == "" or places and gap in JOINERS):
            break
        if gap == "" and places:
            places[-1] = m
        else:
            places.append(m)
        cursor = m.end
    rest = text[cursor:cursor + 8]
    if places and any(rest.find(verb, 0, 4 + len(verb)) != -1 for verb in verbs):
        return places
    return []


def _country(place: Mention) -> bool:
    from .. import gazetteer

    return gazetteer.is_country(place.text)


def _is_division(place: Mention) -> bool:
    """A place with a government: one the gazetteer knows, or a village or community."""
    from .. import gazetteer

    return bool(gazetteer.lookup(place.text)) or place.text.endswith(("村", "社区"))


def administrative(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """Places of the same article that the gazetteer knows as parent and child (临江镇 → 永川区)."""
    try:
        from .. import gazetteer
    except ImportError:
        return
    places = {m.text: m for m in mentions if m.kind is Kind.PLACE}
    names = list(places)
    for name, mention in places.items():
        division = gazetteer.resolve(name, names)
        if division is None:
            continue
        for ancestor in gazetteer.ancestors(division):
            for other, other_mention in places.items():
                if other != name and other in {ancestor.name, *gazetteer.short_names(ancestor)}:
                    yield _relation(doc, "locatedIn", mention, other_mention, "rules.gazetteer", 0.9,
                                    where=mention.start)
                    break
            else:
                continue
            break  # the nearest ancestor named in the article is enough


@cache
def _initiative_head() -> re.Pattern[str]:
    """The closing quote and the words up to a head word after an initiative's name (”政策宣讲活动)."""
    heads = "|".join(map(re.escape, longest_first("initiative_heads")))
    return re.compile(rf"^”?(?:[^，,。；;、“”\s]{{0,8}}(?:{heads}))?")


def cue_relations(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """locatedIn, subOrganizationOf and partnerOf stated by a cue word between two mentions."""
    text = doc.text
    cues = _cues()
    for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if doc.sentence_of(a.start) != doc.sentence_of(b.start):
            continue
        gap = text[a.end:b.start]
        before = text[max(0, a.start - 4):a.start]
        after = cues[("locatedIn", "after")]
        if a.kind is Kind.INITIATIVE:  # “某某”宣讲活动走进某园区: the head and its modifiers go
            gap = _initiative_head().sub("", gap, count=1)
        if b.kind is Kind.PLACE and (gap in after or gap.rstrip("了在于到") in after):  # 坐落于, 落户在
            last = _chain_end(b, list(mentions[i + 2:i + 6]))  # 位于成都市|温江区: in 温江区
            yield _relation(doc, "locatedIn", a, last if last.kind is Kind.PLACE else b, "rules.cue", 0.75)
        if a.kind is Kind.PLACE and (gap in ("", "的") and before.endswith(cues[("locatedIn", "before")])
                                     or gap in cues[("locatedIn", "within")]):  # 落户某区的甲公司, 某保税区内的甲公司、乙公司
            for item in _listed(text, mentions, i + 1) if gap else [b]:
                if item.kind is Kind.ORG or not _wider(item, a):
                    yield _relation(doc, "locatedIn", item, a, "rules.cue", 0.75, where=item.start)
        if a.kind is Kind.ORG and b.kind is Kind.ORG:
            if gap in cues[("subOrganizationOf", "parent-after")] or (
                    gap.lstrip("”\"）)") in _COPULAS and _parent_tail().match(text, b.end)):
                yield _relation(doc, "subOrganizationOf", a, b, "rules.cue", 0.75)  # 甲隶属于乙, 甲是乙旗下企业
            elif gap in cues[("subOrganizationOf", "child-after")] or (
                    a.start > 0 and text[a.start - 1] in "“\"" and _CLOSING.sub("", gap, count=1) in cues[("subOrganizationOf", "child-after")]):
                yield _relation(doc, "subOrganizationOf", b, a, "rules.cue", 0.75)  # (甲（以下简称“某某”）全资子公司乙)
            elif (cue := _partner_gap().fullmatch(gap)) is not None:  # 甲(还)与乙
                partners = [m for m in _listed(text, mentions, i + 1) if m.kind is Kind.ORG]  # 甲与乙、丙联合攻关
                if _partnership_stated(cue.group("cue"), text[partners[-1].end:doc.sentence_of(a.start).end]):
                    for partner in partners:
                        yield _relation(doc, "partnerOf", a, partner, "rules.cue", 0.7, where=a.start)
    # "其注册地址在上海": the pronoun points to the last organization named before it
    for i, m in enumerate(mentions):
        if m.kind is not Kind.PLACE:
            continue
        lead = text[max(0, m.start - 8):m.start]
        hit = re.search(r"其(?:注册地址|总部|注册地|厂址|所在地)(?:在|位于|设在)$", lead)
        if hit:
            org = next((o for o in reversed(mentions[:i]) if o.kind is Kind.ORG), None)
            if org is not None:
                yield _relation(doc, "locatedIn", org, m, "rules.cue", 0.7, where=m.start)


def venues(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """在 PLACE(、PLACE…) VERB … X: what is set up, built or held there is located there
    (在某站、某站设置“城市书柜”; 在位于某街的文昌阁建起“某博物馆”). A list of places gives each one;
    a phrase ending in one place gives that place."""
    text = doc.text
    verbs = longest_first("organizer_verbs")
    for sentence in doc.sentences:
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        for at in re.finditer("在", text[sentence.start:sentence.end]):
            start = sentence.start + at.end()
            clause_end = _clause_end(text, start, sentence.end)
            verb = _first_verb(text, start, clause_end, verbs)
            if verb is None:
                continue
            places = [m for m in inside if start <= m.start and m.end <= verb and m.kind is Kind.PLACE]
            between = text[places[-1].end:verb] if places else ""
            if not places or not (len(between) <= 4 and "的" not in between or _COUNTED_VENUES.fullmatch(between)):
                continue  # 在某省考察时强调…创新: no venue; 在位于某街的某堂建起…: the venue is 某堂, not the street
            listed, left = [places[-1]], places[-1].start
            for earlier in reversed(places[:-1]):
                gap = text[earlier.end:left]
                if gap == "":  # a chain (临江镇东华社区, 10号线滨江机场T3航站楼): the inner place is meant
                    left = earlier.start
                    continue
                if not re.fullmatch(r"[、和及与]", gap):
                    break
                listed.insert(0, earlier)
                left = earlier.start
            objects = [m for m in inside if verb <= m.start < _clause_end(text, verb, sentence.end)
                       and m.kind in (Kind.INITIATIVE, Kind.ORG, Kind.PLACE) and not _nested(m, inside)]
            for thing in objects:
                for place in listed:
                    yield _relation(doc, "locatedIn", thing, place, "rules.venue", 0.65, where=thing.start)
        lead = re.match(r"(?:[^，,。]{0,8}[，,])?在", text[sentence.start:sentence.end])
        if lead:  # 近日,在某园区,某公司举办的“某活动”… : events of the sentence took place there
            start = sentence.start + lead.end()
            first = _outermost_at(inside, start, (Kind.PLACE,))
            if first is not None and text[first.end:first.end + 1] in "，,":
                for m in inside:
                    if m.kind is Kind.INITIATIVE and m.start > first.end:
                        yield _relation(doc, "locatedIn", m, first, "rules.venue", 0.6, where=m.start)


_COUNTED_VENUES = re.compile(r"的(?:\d+|[一二三四五六七八九十两几多]+)[个处座家所][^，,。；;的]{0,8}")  # 某镇、某镇的8个车站


def _clause_end(text: str, start: int, limit: int) -> int:
    match = re.compile(r"[，,；;。！？]").search(text, start, limit)
    return match.start() if match else limit


def _first_verb(text: str, start: int, end: int, verbs: tuple[str, ...]) -> int | None:
    best = None
    for verb in verbs:
        i = text.find(verb, start, end)
        if i != -1 and (best is None or i < best):
            best = i
    return best


def organizers(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """The subject of a sentence that launches, builds or runs a quoted initiative:
    青山区探索打造“绿芯工坊” → 绿芯工坊 organizer 青山区; 由某医院牵头 → organizer 某医院.
    An initiative with no subject before it in its sentence takes the subject of the sentence before
    it in the same paragraph (某区已建成“甲”; 实现了“乙”…)."""
    text = doc.text
    verbs = _organizer_verbs()
    by_sentence: dict[Span, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[doc.sentence_of(m.start)].append(m)
    wanted = _organized_ahead(doc, by_sentence)
    previous: _Subject | None = None
    previous_end = -1
    for sentence, ahead in zip(doc.sentences, wanted):
        inside = by_sentence.get(sentence, [])
        if "\n" in text[previous_end:sentence.start]:
            previous = None  # a new paragraph says who acts again
        if not ahead:
            previous, previous_end = None, sentence.end  # nothing its paragraph organizes from here on
            continue
        subject = _subject(doc, sentence, inside, mentions)
        reported = _reported(doc, sentence, subject, inside, mentions)
        if subject is not None and subject.entity.kind is Kind.PERSON:
            previous, subject = subject, None  # a person acts here: nobody organizes by this sentence
        for m in inside:
            if not _organizable(text, m):
                continue
            body = _quoted_body(text, m)
            said = reported[1] if reported is not None and m.start >= reported[0] else None
            acting, lead, confidence = _acting(doc, sentence, m, said or subject, previous, inside, mentions)
            if body:  # 某区成立“某某专班”, 甲与乙共建“某某中心”: a body they set up and run
                founds = tuple(_cues()[("organizer", "founds")])
                if any(verb in lead for verb in founds):
                    for organizer in acting:
                        yield _relation(doc, "organizer", m, organizer, "rules.founded", 0.6, where=m.start)
                for partner in _partners_before(text, sentence, m, inside, founds):  # 联合甲、乙等单位,发起“某某联盟”
                    yield _relation(doc, "organizer", m, partner, "rules.partner_verb", 0.6, where=m.start)
                for o in _by_phrases(text, sentence, m, inside):  # 由甲牵头发起的某某联盟
                    yield _relation(doc, "organizer", m, o, "rules.by", 0.7, where=m.start)
                continue
            if acting and (any(v in lead for v in verbs) or lead.endswith("以“") and LEVER.match(text, m.end)):
                for organizer in acting:
                    yield _relation(doc, "organizer", m, organizer, "rules.subject_verb", confidence, where=m.start)
            for partner in _partners_before(text, sentence, m, inside, verbs):  # (法庭)联合甲、乙推行“某某”
                yield _relation(doc, "organizer", m, partner, "rules.partner_verb", 0.6, where=m.start)
            is_of = re.match(r"[”\"」』]?(?:是|为)", text[m.end:m.end + 2])
            if is_of:  # “某某比武”是某区探索…的举措: the initiative is the subject's
                nxt = next((o for o in inside if o.start >= m.end and o.kind in _ENTITY), None)
                if nxt is not None and nxt.start - m.end <= 3 and any(v in text[nxt.end:sentence.end] for v in verbs):
                    yield _relation(doc, "organizer", m, nxt, "rules.is_of", 0.65, where=m.start)
            for o in _by_phrases(text, sentence, m, inside):
                yield _relation(doc, "organizer", m, o, "rules.by", 0.75, where=m.start)
        if subject is not None:
            previous = subject
        elif not _opens_with_predicate(doc, sentence):
            previous = None  # someone not named (我国, 社区) acts from here on
        previous_end = sentence.end


def _organizable(text: str, m: Mention) -> bool:
    """Can someone organize m: an initiative or a body in quotes or of a founded kind (:func:`_quoted_body`),
    but not a programme (落实某某八项规定: who carries out a programme does not organize it)?"""
    return (m.kind is Kind.INITIATIVE or _quoted_body(text, m)) and m.by != "rules.programme"


def _organized_ahead(doc: Doc, by_sentence: dict[Span, list[Mention]]) -> list[bool]:
    """For each sentence: does it, or a later sentence of its paragraph, hold what someone may
    organize (:func:`_organizable`)? Who acts matters only there."""
    text, sentences = doc.text, doc.sentences
    wanted = [False] * len(sentences)
    ahead = False
    for k in range(len(sentences) - 1, -1, -1):
        if k + 1 < len(sentences) and "\n" in text[sentences[k].end:sentences[k + 1].start]:
            ahead = False  # the next sentence opens a new paragraph
        ahead = ahead or any(_organizable(text, m) for m in by_sentence.get(sentences[k], ()))
        wanted[k] = ahead
    return wanted


_PARTNER_CUE = re.compile("联合|携手|会同|与|同|和")


def _partners_before(text: str, sentence: Span, m: Mention, inside: list[Mention], verbs: tuple[str, ...]) -> list[Mention]:
    """The organizations written after 联合 (与 or 和 with a cooperation word) in m's clause, before the verb
    that launches m: whoever the subject is (法庭, 街道, a person reporting), they run it too
    (…联合甲、乙推行“某某”机制; 与甲合作推出“某某”)."""
    start = _clause_start(text, m.start, sentence.start)
    if _LIST_CLOSED.search(text, max(sentence.start, start - 12), start):
        start = _clause_start(text, start - 1, sentence.start)  # 联合甲、乙等单位,|发起“某某”: the list's clause too
    for cue in _PARTNER_CUE.finditer(text, start, m.start):  # the first cue whose list runs up to the verb
        first = _outermost_at(inside, cue.end(), (Kind.ORG,))
        if first is None:
            continue
        listed = [first, *_co_subjects(text, _Subject(first, first.end), inside, m.start)]
        listed = [o for o in listed if o.kind is Kind.ORG]
        rest = _between(text, listed[-1].end, m.start, inside)
        if not any(v in rest for v in verbs) or len(rest.strip()) > 12:
            continue
        if cue.group() in JOINERS + ("与", "同") and not _partnership_stated(cue.group(), rest):
            continue
        return listed
    return []


#: a list of bodies closed by 等 (and a word for them) right before a comma: 甲、乙等单位,
_LIST_CLOSED = re.compile(r"等(?:\d+|[一二三四五六七八九十]+)?(?:家|个)?(?:单位|部门|机构|企业|主体)?[，,]$")



def _both_parties(doc: Doc, sentence: Span, mentions: tuple[Mention, ...], before: int) -> tuple[int, list[Mention]] | None:
    """双方 (三方, 各方) opening a clause before ``before``: where it ends, and the organizations
    joined last before it in its sentence or the one before, by a partnership cue (与, 和 …, an
    adverb before it allowed) or in a list (甲、乙与丙签署协议,三方将…)."""
    text = doc.text
    found = _PARTIES.search(text[sentence.start:before])
    if found is None:
        return None
    at = sentence.start + found.start(1)
    earlier = _sentence_before(doc, sentence).start
    orgs = [m for m in mentions if m.kind is Kind.ORG and earlier <= m.start and m.end <= at]

    def joined(a: Mention, b: Mention) -> bool:  # (a short form in brackets before the cue: 甲(以下简称某某)与乙)
        gap_start = a.end + 1 if text.startswith((")", "）"), a.end) else a.end
        return text[gap_start:b.start] in JOINERS or bool(_partner_gap().fullmatch(text, gap_start, b.start))

    last = next((i for i in range(len(orgs) - 1, 0, -1) if joined(orgs[i - 1], orgs[i])), None)
    if last is None:
        return None
    first = last - 1
    while first > 0 and joined(orgs[first - 1], orgs[first]):
        first -= 1
    return sentence.start + found.end(1), orgs[first:last + 1]


_PARTIES = re.compile(r"(?:^|[，,：:；;])\s*(双方|三方|各方)")


def _reported(doc: Doc, sentence: Span, subject: _Subject | None, inside: list[Mention],
              mentions: tuple[Mention, ...]) -> tuple[int, _Subject | None] | None:
    """Where reported speech opens after its speaker (某中心主任某某表示,|…; ``report_verbs``), and
    the subject of what is said (某区将实施…), None when it has none of its own."""
    if subject is None:
        return None
    match = _report_pattern().search(doc.text, subject.end, sentence.end)
    if match is None:
        return None
    said = Span(match.end(), sentence.end)
    return said.start, _subject(doc, said, [m for m in inside if m.start >= said.start], mentions)


@cache
def _report_pattern() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, longest_first("report_verbs")))
    return re.compile(rf"(?:{verbs})[，,：:]")


def organizers_after(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """A sentence that opens with a word for the initiative just named and says who runs it (“某某”读书节
    开幕。活动由甲、乙主办): the bodies of 由…主办 organize the last initiative of the sentence before."""
    opener = _initiative_anaphor_pattern()
    for sentence in doc.sentences:
        match = opener.match(doc.text, sentence.start, sentence.end)
        if match is not None:  # 本届大赛由…: the contest named before, else the last initiative of the sentence before
            before = _sentence_before(doc, sentence)
            noun = re.sub(rf"^\s*(?:{_THIS})", "", match.group())
            initiative = _named_with_head(doc.text, mentions, noun, sentence.start) if len(noun) >= 2 else None
            initiative = initiative or next((m for m in reversed(mentions) if m.kind is Kind.INITIATIVE
                                             and before.start <= m.start and m.end <= before.end), None)
        else:  # 培训班由甲主办: the last initiative named before whose head is that noun
            match = _HEAD_NOUN_BY.match(doc.text, sentence.start, sentence.end)
            initiative = _named_with_head(doc.text, mentions, match.group("noun"), sentence.start) if match else None
        inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
        span = _by_clause(doc.text, match.end(), sentence.end, inside) if initiative is not None else None
        if span is None:
            continue
        bodies = [m for m in inside if m.kind in _ENTITY and span[0] <= m.start and m.end <= span[1] and not _nested(m, inside)]
        for body in bodies + _clauses_by(doc.text, span[1], sentence.end, inside):
            yield _relation(doc, "organizer", initiative, body, "rules.by_anaphor", 0.6, where=body.start)


_THIS = "该|本届|本次|此次|这次|这个|首届"  # words before a noun that stands for an initiative named before
_HEAD_NOUN_BY = re.compile(rf"\s*(?:{_THIS})?(?P<noun>[\u4e00-\u9fff]{{2,6}}?)"
                           r"(?:还|也|将|已|均|今年|同样)?(?=由(?!于))")  # 培训班由…, 本届阅读节由…


def _named_with_head(text: str, mentions: tuple[Mention, ...], noun: str, before: int) -> Mention | None:
    """The last initiative named before ``before`` whose name ends in ``noun``, or whose quotes are
    followed by it (培训班 → “某某”直播电商人才培训班, 驿站 → 某某驿站), or that ends as the events
    ``noun`` stands for do (节会 → 某某文化旅游节)."""
    endings = _event_nouns().get(noun, ())
    for m in reversed(mentions):
        if m.kind is not Kind.INITIATIVE or m.end > before:
            continue
        after = re.match(r"[”\"」』]?([\u4e00-\u9fff]{0,12})", text[m.end:m.end + 13])
        if noun in m.text[-len(noun):] + after.group(1) or m.text.endswith(endings):  # “某某”全民阅读节在…: 阅读节
            return m
    return None


@cache
def _event_nouns() -> dict[str, tuple[str, ...]]:
    """节会, 赛事 … → how the names of the events they stand for end (``event_nouns.tsv``)."""
    return {noun: tuple(endings.split()) for noun, endings in table("event_nouns")}


def _clauses_by(text: str, start: int, end: int, inside: list[Mention]) -> list[Mention]:
    """The bodies of the clauses after a 由…主办 clause that name bodies, then a cue of their own
    (由甲主办,|乙、丙承办,|丁负责运营)."""
    found: list[Mention] = []
    for comma in _CLAUSE_END.finditer(text, start, end):
        cue = next((c for c in _by_cues().finditer(text, comma.end(), end)
                    if not any(o.start < c.end() and c.start() < o.end for o in inside)), None)  # not 运营 of 某某运营有限公司
        names = _names_ending_at(text, inside, cue.start()) if cue else []
        if not names or names[0].start != comma.end():
            break
        found.extend(names)
    return found


@cache
def _initiative_anaphor_pattern() -> re.Pattern[str]:
    """活动, 该计划, 本届博览会 … opening a sentence (anaphora.tsv's initiatives and event_heads.txt)."""
    nouns = {phrase.removeprefix("该") for phrase, kind in table("anaphora") if kind == Kind.INITIATIVE.value}
    nouns |= set(lexicon("event_heads"))
    return re.compile(rf"\s*(?:{_THIS})?(?:" + "|".join(map(re.escape, sorted(nouns, key=len, reverse=True))) + ")")


def decided_by(doc: Doc, mentions: tuple[Mention, ...]) -> Iterator[Relation]:
    """The bodies written right before 关于 organize the policy it introduces (甲、乙关于某某的决策部署)."""
    text = doc.text
    for i, m in enumerate(mentions):
        if m.by != "rules.decision" or text[m.start - 2 : m.start] != "关于":
            continue
        end = m.start - 2
        for body in reversed(mentions[:i]):
            if body.end != end or body.kind is not Kind.ORG:
                break
            yield _relation(doc, "organizer", m, body, "rules.decided_by", 0.7)
            end = body.start - (1 if text[body.start - 1 : body.start] in ("、", "和") else 0)


def _acting(doc: Doc, sentence: Span, m: Mention, subject: _Subject | None, previous: _Subject | None,
            inside: list[Mention], mentions: tuple[Mention, ...]) -> tuple[list[Mention], str, float]:
    """Who acts on m and the words between them and m, with a confidence: both parties after 双方,
    the clause's subject and those it acts with (甲联合乙), or the subject of the sentence before when
    this one opens with its verb; nobody when a person is the subject."""
    text = doc.text
    if subject is not None and subject.entity.kind is Kind.PERSON:
        subject = None
    parties = _both_parties(doc, sentence, mentions, m.start)
    if parties is not None and (subject is None or subject.end < parties[0]):  # 甲与乙签约,双方将共建“丙”
        return parties[1], _between(text, parties[0], m.start, inside), 0.6
    if subject is not None and subject.end <= m.start:
        return [subject.entity, *_co_subjects(text, subject, inside, m.start)], _between(text, subject.end, m.start, inside), 0.7
    if previous is not None and previous.entity.kind in _ENTITY and _opens_with_predicate(doc, sentence):
        return [previous.entity], _between(text, sentence.start, m.start, inside), 0.55
    return [], "", 0.0


def _between(text: str, start: int, end: int, inside: list[Mention]) -> str:
    """The words from start to end with the names in them blanked out (the 建设 of 某某城乡建设有限公司
    is no verb)."""
    chars = list(text[start:end])
    for m in inside:
        for i in range(max(m.start, start), min(m.end, end)):
            chars[i - start] = " "
    return "".join(chars)


def _quoted_body(text: str, m: Mention) -> bool:
    """Is m an organization written in quotes, or one of a kind others set up together
    (``founded_body_heads``: 某某产业联盟, 某某专家服务团), which those who set it up (relation_cues
    ``founds``: 成立, 组建, 共建 …) organize like an initiative?"""
    quoted = text[m.start - 1:m.start] == "“" and text[m.end:m.end + 1] == "”" \
        and not text.endswith("简称", 0, m.start - 1)  # (not a declared short form: 以下简称“某某”)
    head = longest_ending(m.text, "founded_body_heads") or ""
    return m.kind is Kind.ORG and (quoted or bool(head) and len(m.text) - len(head) >= 2)


_NOT_SUBJECTS = ("c", "d", "t", "x", "ul", "uj")  # 同时, 还将, 目前, punctuation, 了: no subject yet


def _start(token: Token) -> int:
    return token.start


def _opens_with_predicate(doc: Doc, sentence: Span) -> bool:
    """Whether a sentence has no subject of its own: after conjunctions, adverbs, time words and a
    lead clause made of them (同时, | 此外, | 据悉, | 目前已), its first word is a verb (建成, 上线了)
    that does not start a relative clause (开工的) and is not one of ``sentence_openers`` (要, 作为)."""
    first = bisect.bisect_left(doc.tokens, sentence.start, key=_start)
    last = bisect.bisect_left(doc.tokens, sentence.end, first, key=_start)
    tokens = [t for t in doc.tokens[first:last] if not t.text.isspace()]
    openers = lexicon("sentence_openers")
    skip = lambda token: token.pos in _NOT_SUBJECTS or token.text in openers  # noqa: E731
    comma = next((i for i, t in enumerate(tokens) if t.text in "，,"), None)
    if comma is not None and all(skip(t) for t in tokens[:comma]):
        tokens = tokens[comma + 1:]
    for i, token in enumerate(tokens):
        if token.pos in _NOT_SUBJECTS:
            continue
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        verb = token.pos.startswith("v") or _is_verb_word(token.text)  # jieba: 上线|n
        return verb and token.text not in openers and following != "的"
    return False


def _by_phrases(text: str, sentence: Span, m: Mention, inside: list[Mention]) -> Iterator[Mention]:
    """Who runs an initiative by 由…牵头 after it (“某书房”由某医院牵头建设, and 乙承办 in the clauses
    after), or by the names right before the verb of a clause that qualifies it ((由)甲、乙(等单位)
    联合举办的“某某”报告会)."""
    after = _by_clause(text, m.end, sentence.end, inside)
    if after:
        yield from (o for o in inside if o.kind in _ENTITY and after[0] <= o.start and o.end <= after[1] and not _nested(o, inside))
        yield from _clauses_by(text, after[1], sentence.end, inside)
    before = re.search(r"(?:等[^，,。；;的“”]{0,5}?)?(?:联合|共同|牵头|负责|投资|合作)?(?:" + _by_verbs()
                       + r")的(?:[^，,。；;“]{0,12}|“[^”]{1,12}”[^，,。；;“]{0,10}暨[^，,。；;“]{0,6})“?$",  # (…的“甲”发布暨|乙)
                       text[sentence.start:m.start])
    if before:
        at = sentence.start + before.start()
        yield from _by_clauses_before(text, sentence, at, inside) or _names_ending_at(text, inside, at)


def _by_clauses_before(text: str, sentence: Span, at: int, inside: list[Mention]) -> list[Mention]:
    """The bodies of 由甲、乙主办,丙承办|的… before ``at``: every name from 由 on, when only lists,
    brackets and the cues of who runs it stand between them."""
    by = next((b for b in reversed(list(_BY.finditer(text, sentence.start, at)))), None)
    if by is None:
        return []
    names = [o for o in inside if o.kind in _ENTITY and by.end() <= o.start and o.end <= at and not _nested(o, inside)]
    rest = _by_cues().sub("", _between(text, by.end(), at, inside))
    rest = re.sub(r"[（(][^（()）]{0,14}[）)]|联合|共同|分别", "", rest)
    return names if names and not rest.strip(" 、，,和及与") else []


def _names_ending_at(text: str, inside: list[Mention], end: int) -> list[Mention]:
    """The organizations or places listed right before ``end`` (甲、乙和丙|联合举办), a short form in
    brackets after any of them allowed (甲（简称乙）、丙（以下简称丁）承办)."""
    names: list[Mention] = []
    for m in reversed(inside):
        if m.kind not in _ENTITY or m.end > end or _BRACKET_BEFORE.search(text, max(0, m.start - 14), _bracket_end(text, m.end)):
            continue  # a short form inside brackets (甲（简称乙）): the name before them is listed
        gap = text[m.end:end]
        joiner = next((j for j in JOINERS if gap.endswith(j)), "") if names else ""
        bracket = _BRACKET_BEFORE.search(gap[: len(gap) - len(joiner)])
        if (bracket.start() if bracket else len(gap) - len(joiner)) != 0 or (names and not joiner):
            break
        names.insert(0, m)
        end = m.start
    return names


@cache
def _organizer_verbs() -> tuple[str, ...]:
    """The verbs by which a body runs an initiative: organizer_verbs and organizer_relation_verbs."""
    return tuple(sorted(lexicon("organizer_verbs") | lexicon("organizer_relation_verbs"), key=lambda v: (-len(v), v)))


_BRACKET_BEFORE = re.compile(r"[（(][^（()）]{1,14}[）)]$")


_UP_TO_CLOSE = re.compile(r"[^（()）]{0,14}[）)]")


def _bracket_end(text: str, at: int) -> int:
    """Just after the closing bracket that follows ``at`` within 14 characters, else ``at``."""
    close = _UP_TO_CLOSE.match(text, at)
    return close.end() if close else at


@cache
def _by_verbs() -> str:
    verbs = set(_cues()[("organizer", "by")]) | set(_organizer_verbs())
    return "|".join(sorted(map(re.escape, verbs), key=len, reverse=True))


@cache
def _by_cues() -> re.Pattern[str]:
    return re.compile("|".join(_cues()[("organizer", "by")]))


def _by_clause(text: str, start: int, end: int, inside: list[Mention]) -> tuple[int, int] | None:
    """Where the names of 由…牵头 stand between start and end: after a 由 (not 由于), up to the first
    cue that is no part of a name (组织 of 某某组织部 is not one), with no comma between."""
    for by in _BY.finditer(text, start, end):
        stop = _CLAUSE_END.search(text, by.end(), end)
        for cue in _by_cues().finditer(text, by.end() + 2, min(stop.start() if stop else end, by.end() + _BY_REACH)):
            if not any(o.start < cue.end() and cue.start() < o.end for o in inside):
                return by.end(), cue.start()
    return None


_BY = re.compile("由(?!于)|引入|引进|委托")  # 由甲主办; 引入乙运营
_BY_REACH = 80  # how far after 由 its cue may be: three long names, each with its short form in brackets
_CLAUSE_END = re.compile(r"[，,。]")


@dataclass(frozen=True, slots=True)
class _Subject:
    """Who a sentence says acts: the entity, and where its name (or 该区 pointing to it) ends."""

    entity: Mention
    end: int


_DIVISION_ENDINGS = ("省", "市", "区", "县", "镇", "乡", "街道")  # 该区 means a division the gazetteer knows
_CLAUSE_START = re.compile(r"[，,：:；;（(]")


def _subject(doc: Doc, sentence: Span, inside: list[Mention], mentions: tuple[Mention, ...]) -> _Subject | None:
    """The first organization, place or person of a sentence that opens its clause: not the object of a
    preposition or of a verb before it in the clause (发挥优势,建设某产业园 has no subject), nor
    part of a longer noun phrase; 该区/该县 opening a clause stands for the place it points back to,
    (该)公司/集团 for the organization (集团还与某县政府共建“某某基地”)."""
    text = doc.text
    anaphor = _place_anaphor(text, sentence) or _org_anaphor(doc, sentence, mentions)
    for m in inside:
        if anaphor is not None and anaphor[0] < m.start:
            break
        if m.kind is Kind.INITIATIVE or _nested(m, inside):
            continue
        lead = text[sentence.start:m.start]
        if lead.rstrip("，, ").endswith(_OBJECT_MARKERS) or "“" in lead[-1:]:
            continue
        if re.search(r"[的之]$", lead) or text[m.end:m.end + 1] in ("的", "”") or _modifies(text, _listed_from(text, m, inside)):
            continue
        if text.startswith(("消息", "讯", "电"), m.end) or _DATELINE_AFTER.match(text, m.end):
            continue  # 某网消息：…, 本报讯, 新华社(某地11月2日)电: the source of the story, not who acts
        if _verb_before(doc, sentence.start, m.start):
            continue
        end = _chain_end(m, inside)
        return _Subject(end, end.end)
    if anaphor is not None:
        antecedent = anaphor[2] if isinstance(anaphor[2], Mention) else _antecedent(anaphor[2], [m for m in mentions if m.end <= anaphor[0]])
        if antecedent is not None:
            return _Subject(antecedent, anaphor[1])
    return None


def _org_anaphor(doc: Doc, sentence: Span, mentions: tuple[Mention, ...]) -> tuple[int, int, Mention] | None:
    """(该)公司, 集团, 该院 … opening a clause, a word of its own (not 校|长), and the organization it
    stands for (``_antecedent_org``): (start, end, that organization)."""
    pattern, text = _org_anaphor_pattern(), doc.text
    start = sentence.start + len(text[sentence.start:sentence.end]) - len(text[sentence.start:sentence.end].lstrip())
    match = pattern.match(text, start) if pattern is not None else None
    if match is None:
        return None
    noun = match.group().removeprefix("该")
    word = bisect.bisect_right(doc.tokens, match.end() - 1, key=_start) - 1  # the word the noun ends (该行 may be one)
    if word < 0 or doc.tokens[word].end != match.end():
        return None  # 校长: a longer word
    org = _antecedent_org(doc, [m for m in mentions if m.kind is Kind.ORG], match.start(), noun)
    return (match.start(), match.end(), org) if org is not None else None


def _outermost_at(inside: list[Mention], start: int, kinds: tuple[Kind, ...]) -> Mention | None:
    """The longest name of one of kinds that starts at start (某银行某支行, not the bank named inside it)."""
    return max((m for m in inside if m.start == start and m.kind in kinds), key=lambda m: m.end, default=None)


def _nested(m: Mention, inside: list[Mention]) -> bool:
    """Whether m is a name written inside a longer one (the company of 某某有限公司彭水分公司)."""
    return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start for o in inside)


def _verb_before(doc: Doc, sentence_start: int, at: int) -> bool:
    """Whether ``at`` is not where its clause's subject can stand: a verb comes before it in the
    clause (jieba's v, or a verb of the lexicons it tags otherwise: 落实|a), or the clause opens with a
    preposition (为落实…, 按照…)."""
    text = doc.text
    clause_start = max((match.end() for match in _CLAUSE_START.finditer(text, sentence_start, at)), default=sentence_start)
    if (this_is := _THIS_IS.match(text, clause_start)) is not None:
        clause_start = this_is.end()  # 这是|某县今年推行“某某”…的缩影: the clause says who acts after it
    first = bisect.bisect_left(doc.tokens, clause_start, key=_start)
    last = bisect.bisect_right(doc.tokens, at, key=lambda token: token.end)
    tokens = [t for t in doc.tokens[first:last] if not t.text.isspace() and t.pos != "x"]
    if tokens and tokens[0].pos == "p" and tokens[0].end <= at:
        return True
    return any(token.pos.startswith("v") or _is_verb_word(token.text) for token in tokens)


_THIS_IS = re.compile(r"\s*这(?:正|也|就)?是")


def _is_verb_word(word: str) -> bool:
    """A verb of the lexicons (organizer_verbs, programme_verbs), whatever jieba tags it."""
    return word in lexicon("organizer_verbs") or word in lexicon("programme_verbs")


@cache
def _place_anaphora() -> dict[str, tuple[str, bool]]:
    """该区, 该县 … (the phrases of anaphora.tsv that point back to a place), 当地 (``subject_anaphora``)
    and 镇里, 全县, 街道 … (``level_anaphora``): each with the ending its antecedent has (区 for 该区,
    新区 for 新区, none for 当地) and whether an adverb or verb must follow it."""
    phrases = {phrase: (phrase[1:] if phrase.startswith("该") else phrase, False)
               for phrase, kind in table("anaphora") if kind == Kind.PLACE.value}
    phrases.update({phrase: ("", False) for phrase in lexicon("subject_anaphora")})
    phrases.update({row[0]: (row[1], row[2:] == ("adverb",)) for row in table("level_anaphora")})
    return phrases


_ADVERB_AFTER = "(?=[将还已正也又今去先要联与和同共积在])"  # 街道将联合…, not 街道党工委


@cache
def _place_anaphor_pattern() -> re.Pattern[str] | None:
    phrases = sorted(_place_anaphora().items(), key=lambda item: len(item[0]), reverse=True)
    alternatives = "|".join(re.escape(p) + (_ADVERB_AFTER if adverb else "") for p, (_, adverb) in phrases)
    return re.compile(rf"(?:^|[，,：:；;])\s*({alternatives})(?!时间)") if phrases else None


def _place_anaphor(text: str, sentence: Span) -> tuple[int, int, str] | None:
    """The first 该区/该县/镇里/当地 … of a sentence that opens a clause: (start, end, the ending its
    antecedent has: 区 for 该区, 镇 for 镇里, none for 当地). 当地时间 is a time, not a place."""
    pattern = _place_anaphor_pattern()
    match = pattern.search(text[sentence.start:sentence.end]) if pattern is not None else None
    if match is None:
        return None
    return sentence.start + match.start(1), sentence.start + match.end(1), _place_anaphora()[match.group(1)][0]


def _antecedent(ending: str, earlier: list[Mention]) -> Mention | None:
    """The last place named before whose name, or whose division in the gazetteer, ends in ``ending``
    (该区 → 青山区 or 青山; not 某小区, which no division is); any place when ``ending`` is empty."""
    from .. import gazetteer

    for m in reversed(earlier):
        if m.kind is not Kind.PLACE:
            continue
        divisions = gazetteer.lookup(m.text)
        if not ending or divisions and any(d.name.endswith(ending) for d in divisions):
            return m
        if not divisions and m.text.endswith(ending) and ending not in _DIVISION_ENDINGS:
            return m
    return None


#: the close of a declared short form's quotes and brackets (某某”）)
_CLOSING = re.compile(r"^[”\"]?[）)]")


def _chain_end(first: Mention, inside: list[Mention]) -> Mention:
    """The last of the names written one after another from ``first``: the subject of 江津区白沙镇启动… is
    白沙镇 (江津区 only says where it is)."""
    current = first
    while True:
        following = _outermost_at(inside, current.end, _ENTITY)
        if following is None or current.kind is not Kind.PLACE:
            return current
        current = following


_JOINED_BY = re.compile("(?:还|也|将|已|正|又)?(?:联合|携手|会同)")  # 甲|将联合|乙


def _co_subjects(text: str, subject: _Subject, inside: list[Mention], before: int) -> list[Mention]:
    """Who shares the subject's initiative (written before ``before``): a list of its kind (甲、乙和丙启动…),
    ORG联合ORG (青山区图书馆联合某集团, an adverb before it allowed: 甲将联合乙) and the partners of
    甲与乙(、丙)合作/共建… (a cooperation word after them); a place qualifying a partner is passed over
    (与甲、某市某区的乙共建)."""
    out: list[Mention] = []
    cursor = subject.end
    partners = skipped = False
    for m in inside:
        if text[cursor:cursor + 1] in ("（", "(") and (close := _bracket_end(text, cursor + 1)) > cursor + 1:
            cursor = close  # 甲（以下简称“某某”）与乙: the short form is no partner
        if m.start < cursor or m.start >= before or _nested(m, inside):
            continue  # (德国|某某公司: the country inside a partner's name is no partner)
        gap = text[cursor:m.start]
        if m.kind is Kind.PLACE and out and _qualifies_next(text, m, inside):
            skipped = True  # 与甲、|萍乡市湘东区的|乙: the place only says where 乙 is
            continue
        if skipped and _QUALIFIER_GAP.fullmatch(gap):
            gap, skipped = "、", False
        joined = _JOINED_BY.fullmatch(gap) is not None and m.kind is Kind.ORG
        cue = _partner_gap().fullmatch(gap) if not out and m.kind is Kind.ORG else None
        partner = cue is not None
        listed = gap in JOINERS and (m.kind is subject.entity.kind or partners and m.kind is Kind.ORG)
        if not (joined or partner or listed):
            break
        if partner:
            if not _partnership_stated(cue.group("cue"), text[_listed_from(text, m, inside).end:before]):
                break
            partners = True
        out.append(m)
        cursor = m.end
    return out


_QUALIFIER_GAP = re.compile(r"[、和及][^，,。；;“”]{2,16}?的?")  # 、某市某区的: the places were passed over


def _qualifies_next(text: str, place: Mention, inside: list[Mention]) -> bool:
    """Whether a place only qualifies the organization after it (某市某区的乙, 某市某区乙)."""
    following = next((o for o in inside if o.start >= place.end), None)
    return following is not None and (following.kind is Kind.ORG and text[place.end:following.start] in ("", "的")
                                      or following.kind is Kind.PLACE and text[place.end:following.start] == "")


def _listed_from(text: str, first: Mention, inside: list[Mention]) -> Mention:
    """The last name of the list that starts at ``first`` (甲、乙和丙 → 丙)."""
    last = first
    for m in inside:
        if m.start > last.end and text[last.end:m.start] in JOINERS and m.kind is first.kind:
            last = m
    return last


def _modifies(text: str, last: Mention) -> bool:
    """Whether a name (or the list it ends) only qualifies what follows: 某地的游客, 甲、乙等地的…,
    甲、乙等国大使馆."""
    return bool(re.match(r"(?:等[\u4e00-\u9fff]{0,4}?)?的|等(?:地|国|省|市|县)", text[last.end:last.end + 6]))


COMPONENTS = (memberships, datelines, anaphoric_memberships, anaphoric_units, anaphoric_subsidiaries, anaphoric_partners, posts_after_names, named_units, subsidiaries,
              former_names, place_chains, places_in_bodies, prefixed_places, named_after_place, held_at, settled_in, entered_in, gathered_in, administrative, cue_relations, venues, organizers, organizers_after, decided_by)


def find_relations(doc: Doc, mentions: tuple[Mention, ...]) -> tuple[Relation, ...]:
    """All relations the rules find, one per (predicate, head text, tail text), best confidence kept."""
    best: dict[tuple[str, str, str], Relation] = {}
    for component in COMPONENTS:
        for relation in component(doc, mentions):
            if relation.head.text == relation.tail.text:
                continue
            key = (relation.predicate, relation.head.text, relation.tail.text)
            if key not in best or relation.confidence > best[key].confidence:
                best[key] = relation
    return tuple(best.values())
