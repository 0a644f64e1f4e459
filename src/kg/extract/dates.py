"""Dates and periods as news writes them, resolved against the article's date.

2024年4月, 今年4月, 8月15日, 去年12月, 上半年, 今年一季度, 前三季度 … Each :class:`When` keeps the
text as written; ``value`` is an ISO 8601 year, year-month or date, and ``period`` the first and
last day of a stretch of time (a half-year, a quarter, a month).  Relative forms (今年, 8月15日
without a year, 上半年) need the article's date: without one ``value`` and ``period`` stay None and
only the text is kept.

>>> [(w.text, w.value, w.period) for w in find_dates("今年上半年产值增长，8月15日投产。", "2024-09-01")]
[('今年上半年', '2024', ('2024-01-01', '2024-06-30')), ('8月15日', '2024-08-15', None)]
>>> [(w.text, w.value) for w in find_dates("去年12月签约", None)]
[('去年12月', None)]
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

__all__ = ["When", "find_dates"]

_RELATIVE_YEAR = {"今": 0, "去": -1, "明": 1, "前": -2}
_NUMERALS = {ch: i for i, ch in enumerate("〇一二三四五六七八九十", start=0)}
#: period as written → (first month, last month)
_PERIODS = {
    "上半年": (1, 6), "下半年": (7, 12), "全年": (1, 12),
    "一季度": (1, 3), "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12),
    "前两季度": (1, 6), "前三季度": (1, 9), "前两个季度": (1, 6), "前三个季度": (1, 9),
}
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DATE = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2}|[今去明前])年)?"
    r"(?:第?(?P<period>上半年|下半年|全年|[一二三四]季度|前[两三]个?季度)"
    rf"|(?P<month>{_MONTH})(?:[—\-–至到](?P<until>{_MONTH})月|月份?(?:(?P<day>[12]\d|3[01]|0?[1-9])[日号])?))?"
)


@dataclass(frozen=True, slots=True)
class When:
    """A date or period of the text: as written, where it is, and what it resolves to."""

    text: str
    start: int
    end: int
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD; None when it cannot be resolved
    period: tuple[str, str] | None = None  # first and last day of a half-year, quarter or month span


def _month(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_NUMERALS[text[1]] if len(text) > 1 else 0)
    return _NUMERALS[text]


def _last_day(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _resolve(match: re.Match[str], article_date: str | None) -> tuple[str | None, tuple[str, str] | None]:
    year_text = match.group("year")
    if year_text is None or year_text in _RELATIVE_YEAR:
        if not article_date or not article_date[:4].isdigit():
            return None, None
        year = int(article_date[:4]) + _RELATIVE_YEAR.get(year_text or "今", 0)
    else:
        year = int(year_text)
    if match.group("period"):
        first, last = _PERIODS[match.group("period").lstrip("第")]
        return str(year), (f"{year:04d}-{first:02d}-01", _last_day(year, last))
    if not match.group("month"):
        return str(year), None
    month = _month(match.group("month"))
    if match.group("until"):  # 1—6月
        last = _month(match.group("until"))
        if last >= month:
            return str(year), (f"{year:04d}-{month:02d}-01", _last_day(year, last))
    if match.group("day"):
        day = int(match.group("day"))
        if day > calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}", None
        return f"{year:04d}-{month:02d}-{day:02d}", None
    return f"{year:04d}-{month:02d}", None


def find_dates(text: str, article_date: str | None, start: int = 0, end: int | None = None) -> list[When]:
    """The dates and periods in ``text[start:end]``, in order."""
    found = []
    for match in _DATE.finditer(text, start, len(text) if end is None else end):
        if not (match.group("year") or match.group("period") or match.group("month")):
            continue
        value, period = _resolve(match, article_date)
        found.append(When(match.group(), match.start(), match.end(), value, period))
    return found
