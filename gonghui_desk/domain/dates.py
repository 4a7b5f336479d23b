"""Calendar arithmetic the rules share.

Two meanings of "a year later" differ only on 29 February, and each rule names the one it
means: a date one period on (``add_months``: the same day, or the month's last day where
that day is missing — a review due a year after 29 February falls on 28 February), and
the day a span of whole years is complete (``add_years``: a member who joined on
29 February has a full year on 1 March).

``parse_typed_date`` reads a day as a person types it into a date field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), or the month's last day where it lacks one."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """The day ``years`` whole years after ``day`` are complete (29 February counts from
    1 March)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


class UnreadableDate(ValueError):
    """Typed text that is not one certain day; the message says why and how to write it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


EXAMPLE = "1990-01-01"
# 19900101 · 1990-1-1 · 1990/1/1 · 1990.1.1 (one separator throughout) · 1990年1月1日
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_SEPARATED = re.compile(r"(\d+)\s*([-/.])\s*(\d+)\s*\2\s*(\d+)", re.ASCII)
_CHINESE = re.compile(r"(\d+)\s*年\s*(\d+)\s*月\s*(\d+)\s*[日号]?", re.ASCII)


def _refuse(text: str, why: str) -> UnreadableDate:
    return UnreadableDate(f"无法识别的日期：{text}（{why}）。请按 {EXAMPLE} 填写。")


def parse_typed_date(
    text: str, *, earliest: dt.date | None = None, latest: dt.date | None = None
) -> dt.date | None:
    """The day a person typed, or ``None`` for nothing typed.

    Read as written and never guessed: a two-digit year, a 13th month or a 30 February is
    refused with ``UnreadableDate`` rather than turned into some other day. Full-width
    digits and punctuation (from a Chinese input method) count as their plain forms.
    ``earliest``/``latest`` bound the days a field accepts.
    """
    shown = text.strip()
    cleaned = unicodedata.normalize("NFKC", shown).strip()
    if not cleaned:
        return None
    match = (_COMPACT.fullmatch(cleaned) or _SEPARATED.fullmatch(cleaned)
             or _CHINESE.fullmatch(cleaned))
    if match is None:
        raise _refuse(shown, "应为年、月、日三部分")
    parts = [g for g in match.groups() if g.isdigit()]
    year_text, month_text, day_text = parts
    if len(year_text) != 4:
        raise _refuse(shown, "年份请写满四位")
    if len(month_text) > 2 or len(day_text) > 2:
        raise _refuse(shown, "月、日最多两位")
    year, month, day = int(year_text), int(month_text), int(day_text)
    if year < 1:
        raise _refuse(shown, "没有这一年")
    if not 1 <= month <= 12:
        raise _refuse(shown, "月份应为 1–12")
    days = calendar.monthrange(year, month)[1]
    if day < 1:
        raise _refuse(shown, f"日应为 1–{days}")
    if day > days:
        raise _refuse(shown, f"{year} 年 {month} 月只有 {days} 天")
    found = dt.date(year, month, day)
    if earliest is not None and found < earliest:
        raise UnreadableDate(f"{found:%Y-%m-%d} 早于可填的最早日期 {earliest:%Y-%m-%d}，请核对。")
    if latest is not None and found > latest:
        raise UnreadableDate(f"{found:%Y-%m-%d} 晚于可填的最晚日期 {latest:%Y-%m-%d}，请核对。")
    return found
