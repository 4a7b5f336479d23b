"""The dates the tests run at.

Every test runs with the clock frozen (``time-machine``) at 10:00 on a named day: by default
``ORDINARY_DAY``, a plain Wednesday in the middle of a month. A test about one particular
day says so with ``@pytest.mark.today("2028-02-29")``.

The tests whose meaning depends on the date (reminders, deadlines, year pages, reviews, age
rules, "this year" figures, the year a new record defaults to) carry the ``calendar`` mark
(every test under tests/ui, cli, exchange and services; ``conftest.SWEPT_FOLDERS``) and run
again at each day of ``SWEEP``: ``pytest -m calendar --today 2026-12-15`` and so on,
which the test command does after the full run (``python -m tests.sweep``). These are the
days that have broken date arithmetic before.
"""

from __future__ import annotations

import datetime as dt

ORDINARY_DAY = dt.date(2026, 11, 18)
TIME_OF_DAY = dt.time(10, 0)

# When "in ten days" and "in thirty days" fall in different years; the last day of a year;
# the first; a 30-day month's end; the end of February in a leap year and the day after.
FIXED_SWEEP = (
    dt.date(2026, 12, 15),
    dt.date(2026, 12, 31),
    dt.date(2027, 1, 1),
    dt.date(2027, 4, 30),
    dt.date(2028, 2, 28),
    dt.date(2028, 2, 29),
    dt.date(2028, 3, 1),
)


_the_day = ORDINARY_DAY


def set_the_day(day: dt.date) -> None:
    """Called by the fixtures: the run's day at start, then each test's own."""
    global _the_day
    _the_day = day


def the_day() -> dt.date:
    """The fixed day the running test is at (the run's, or the one it is pinned to): what
    test helpers use for "today" instead of asking the system."""
    return _the_day


def real_today() -> dt.date:
    """The machine's own date (under ``faketime``, the faked one), read before any travel."""
    return dt.date.today()


def sweep() -> tuple[dt.date, ...]:
    """The sweep's days: the fixed ones and the real today (once, if it is one of them)."""
    today = real_today()
    return FIXED_SWEEP if today in FIXED_SWEEP else (*FIXED_SWEEP, today)


def moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, TIME_OF_DAY)
