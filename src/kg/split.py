"""split(source) -> list[Article]: cut a newspaper page into articles and take its furniture apart.

A page holds headings (``#`` lines or short title lines), a column title (巴渝视窗), bylines
(□ 青山日报记者 周明远), photo credits (江津日报记者 罗一帆 摄), a source line (据江津日报), captions, and
lines broken mid-sentence by the layout. Bylines, credits and source lines stay in the article text
(their names are entities); the article also records them as fields.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath

from .records import Article, Source
from .resources import lexicon_list, longest_first

#: characters that end a paragraph; a line ending otherwise continues on the next line
_CLOSERS = "。！？!?…；;：:”’」』）)》】"
_HEADING = re.compile(r"^(#{1,6})\s*(.+?)\s*#*$")
_SOURCE_LINE = re.compile(r"^[（(]?(?:据|来源[:：]\s*|稿件来源[:：]\s*)([^\s，,。]{2,20}?)[)）]?$")
_NEWS_SOURCE = re.compile(r"^([^\s（(，,。：:]{2,12}?)(?:消息|讯)\s*[（(]([^)）]{2,12})[)）]")
#: a person's name in a byline: two to five characters, or a name with a middle dot (乌云其其格, 阿依努尔·买买提)
BYLINE_NAME = r"(?:[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}|[\u4e00-\u9fff]{2,5})"
#: a byline in brackets that opens the first paragraph: （记者 甲）…, 本报讯（记者 甲 通讯员 乙）…
#: the date that ends a news agency's dateline (某某社北京|11月26日电, 某某报某地|12月8日讯)
DATELINE_DATE = r"\d{1,2}月\d{1,2}日[电讯]"
_LEAD_BYLINE = re.compile(r"^(?:[^\s（(，,。：:]{2,14}?(?:消息|讯|电))?\s*[（(]([^)）]{3,30})[)）]")
_CAPTION = re.compile(r"(图为|资料图[)）]?$|供图[)）]?$|摄[)）]?$)")
_DATE_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


@cache
def _byline_pattern() -> re.Pattern[str]:
    roles = "|".join(map(re.escape, lexicon_list("byline_roles")))
    name = BYLINE_NAME
    return re.compile(
        rf"^[□■◇◆▲△●○]?\s*(?:本报|图片?由|(?!{roles})(?P<outlet>[\u4e00-\u9fffA-Za-z]{{2,12}}?))?(?P<role>{roles})\s*"  # (首席记者: a role;
        rf"(?P<names>{name}(?:[\s、,，]+(?:[\u4e00-\u9fffA-Za-z]{{0,12}}?(?:{roles})\s*)?{name})*?)\s*(?P<photo>摄影?|报道|文/?图|提供)?$"  # 图由…提供)
    )


@dataclass(slots=True)
class _Block:
    kind: str  # heading, byline, credit, source, caption, text
    text: str
    level: int = 0


def byline(line: str) -> re.Match[str] | None:
    """Match a byline or photo credit line (□ 青山日报记者 周明远 / 新华社记者 罗一帆 摄)."""
    return _byline_pattern().match(line.strip())


def lead_byline(line: str) -> tuple[int, re.Match[str]] | None:
    """The byline in brackets that opens a paragraph (本报讯（记者 甲 通讯员 乙）…, （记者 甲）…): where
    its text starts in line, and its byline match."""
    inner = _LEAD_BYLINE.match(line)
    match = byline(inner.group(1)) if inner else None
    return (inner.start(1) + len(inner.group(1)) - len(inner.group(1).lstrip()), match) if match else None


#: a photo credit closing a caption line after its last sentence: 图为…。通讯员 甲 摄, …。（记者 甲 摄）
_TRAILING_CREDIT = re.compile(r"[。！？!?]\s*[（(]?(?P<credit>[^。！？!?（()）\s][^。！？!?（()）]{2,40}?摄影?)\s*[)）]?\s*$")


def trailing_credit(line: str) -> tuple[int, re.Match[str]] | None:
    """The photo credit that closes a caption line (图为…。通讯员 甲 摄): where it starts in line,
    and its byline match."""
    credit = _TRAILING_CREDIT.search(line)
    match = byline(credit.group("credit")) if credit else None
    return (credit.start("credit"), match) if match else None


def byline_names(match: re.Match[str]) -> list[str]:
    """The people of a byline match, without the roles between them (记者 甲 通讯员 乙, 记者甲 通讯员乙)."""
    return [name for _, name in byline_name_spans(match)]


def byline_name_spans(match: re.Match[str]) -> list[tuple[int, str]]:
    """(offset in the names group, name) of the people of a byline match: each piece between spaces
    and commas, a role opening it left out (通讯员|乙), none that ends in a role (某某日报通讯员)."""
    roles = longest_first("byline_roles")
    out = []
    for piece in re.finditer(r"[^\s、,，]+", match.group("names")):
        name, at = piece.group(), piece.start()
        role = next((r for r in roles if name.startswith(r) and len(name) > len(r)), "")
        name, at = name[len(role):], at + len(role)
        if not name.endswith(roles) and re.fullmatch(BYLINE_NAME, name):
            out.append((at, name))
    return out


def _classify(line: str) -> _Block:
    heading = _HEADING.match(line)
    if heading:
        return _Block("heading", heading.group(2).strip(), len(heading.group(1)))
    match = byline(line)
    if match:
        return _Block("credit" if match.group("photo") else "byline", line.strip().lstrip("□■◇◆▲△●○").strip())
    if _SOURCE_LINE.match(line):
        return _Block("source", line.strip())
    if len(line) < 120 and _CAPTION.search(line):
        return _Block("caption", line)
    return _Block("text", line)


def _blocks(text: str) -> list[_Block]:
    """Lines as blocks, with paragraphs broken by the layout rejoined (a caption may sit in the gap)."""
    out: list[_Block] = []
    held: list[_Block] = []  # captions met while a paragraph is unfinished
    for raw in text.split("\n"):
        line = raw.strip().replace("\u3000", "")
        if not line:
            continue
        block = _classify(line)
        last = out[-1] if out else None
        unfinished = last is not None and last.kind == "text" and not last.text.endswith(tuple(_CLOSERS))
        if block.kind == "caption" and unfinished:
            held.append(block)
            continue
        if block.kind == "text" and unfinished and not lead_byline(block.text):
            last.text += block.text  # (but a byline in brackets, 某某日报讯（记者…）, opens a paragraph of its own)
            continue
        out.extend(held)
        held.clear()
        out.append(block)
    out.extend(held)
    return out


def article_id(text: str) -> str:
    """A stable id from the text (whitespace ignored): the same article always gets the same IRI."""
    return hashlib.sha1(re.sub(r"\s+", "", text).encode("utf-8")).hexdigest()[:16]


def _date_from(source: Source) -> str | None:
    meta = dict(source.meta)
    for candidate in (meta.get("date"), meta.get("pub_time"), PurePath(source.path.split("#")[0]).name):
        if candidate:
            found = _DATE_IN_NAME.search(candidate.replace("/", "-"))
            if found:
                return "-".join(found.groups())
    return None


def _outlet(blocks: list[_Block]) -> str | None:
    for block in blocks:
        if block.kind == "source":
            match = _SOURCE_LINE.match(block.text)
            if match:
                return match.group(1)
    for block in blocks[:3]:
        if block.kind == "text":
            match = _NEWS_SOURCE.match(block.text)
            if match:
                return match.group(1)
    return None


def _make_article(source: Source, blocks: list[_Block], index: int, total: int) -> Article:
    headings = [b.text for b in blocks if b.kind == "heading"]
    title_parts: list[str] = []
    for block in blocks:  # the leading run of headings is the title (a column name first is dropped)
        if block.kind != "heading":
            break
        title_parts.append(block.text)
    if len(title_parts) > 1 and len(title_parts[0]) <= 6 and not title_parts[0].endswith(("—", "——")):
        title_parts = title_parts[1:]
    meta = dict(source.meta)
    title = "".join(
        part if part.endswith(("—", "——", "：", ":")) or i == len(title_parts) - 1 else part + " "
        for i, part in enumerate(title_parts)
    ) or meta.get("title") or (headings[0] if headings else None)
    text = "\n".join(b.text for b in blocks)
    if meta.get("title") and not title_parts:
        text = meta["title"] + "\n" + text
    authors: list[str] = []
    byline_text = None
    for block in blocks:
        if block.kind in ("byline", "credit"):
            match = byline(block.text)
            if match:
                authors.extend(byline_names(match))
                byline_text = byline_text or block.text
    for block in [b for b in blocks if b.kind == "text"][:3]:  # the title may be a text line
        lead = lead_byline(block.text)
        if lead:
            authors.extend(byline_names(lead[1]))
            break
    if source.id and total == 1:
        identifier = article_id(source.id + "\n" + text)
    else:
        identifier = article_id(text)
    return Article(
        id=identifier,
        text=text,
        path=source.path if total == 1 else f"{source.path}#{index + 1}",
        title=title,
        authors=tuple(dict.fromkeys(authors)),
        source=meta.get("source") or _outlet(blocks),
        date=_date_from(source),
        byline=byline_text,
    )


def split(source: Source) -> list[Article]:
    """Cut a source into articles: a heading after body text starts a new article, unless it is a
    section heading (deeper than the article's title and not followed by a byline)."""
    blocks = _blocks(source.text)
    groups: list[list[_Block]] = []
    current: list[_Block] = []
    title_level = 0
    has_body = False
    for i, block in enumerate(blocks):
        if block.kind == "heading" and has_body:
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            followed_by_byline = nxt is not None and nxt.kind == "byline"
            if followed_by_byline or block.level <= title_level:
                groups.append(current)
                current, has_body, title_level = [], False, 0
        if block.kind == "heading" and not has_body:
            title_level = block.level if not title_level else min(title_level, block.level)
        elif block.kind == "text":
            has_body = True
        current.append(block)
    if current:
        groups.append(current)
    groups = [g for g in groups if any(b.kind in ("text", "caption") for b in g)] or groups
    return [_make_article(source, group, i, len(groups)) for i, group in enumerate(groups)]
