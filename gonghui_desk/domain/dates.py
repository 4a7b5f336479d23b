"""Calendar arithmetic the rules share.

Two meanings of "a year later" differ only on 29 February, and each rule names the one it
means: a date one period on (``add_months``: the same day, or the month's last day where
that day is missing — a review due a year after 29 February falls on 28 February), and
the day a span of whole years is complete (``add_years``: a member who joined on
29 February has a full year on 1 March).
"""

from __future__ import annotations

import calendar
import datetime as dt


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
