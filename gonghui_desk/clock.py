"""The app's one clock: what "today", "now" and "this year" mean.

The composition root (``app.py`` for the window, ``cli.py`` for the commands) makes one
``Clock`` and hands it down: pages and dialogs find it in the app context, services and forms
take it or a ``today`` argument, the domain takes plain dates. This is the only module that
asks the system for the date or the time (a test keeps it so), which is what makes "today"
something a test, or a support person, can set.

``GONGHUI_TODAY=YYYY-MM-DD`` (or ``--today``) runs the program as of that day: the date is
that day, the time of day is the real one, so entries written one after another keep
their order.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from gonghui_desk.errors import UserError

TODAY_ENV = "GONGHUI_TODAY"


@dataclass(frozen=True)
class Clock:
    """The system clock, or, with ``fixed_day``, the system's time of day on that day."""

    fixed_day: dt.date | None = None

    def today(self) -> dt.date:
        return self.fixed_day if self.fixed_day is not None else dt.date.today()

    def now(self) -> dt.datetime:
        """To the second, as the history and the backups record it."""
        moment = dt.datetime.now().replace(microsecond=0)
        if self.fixed_day is None:
            return moment
        return dt.datetime.combine(self.fixed_day, moment.time())

    @property
    def year(self) -> int:
        return self.today().year

    def describe(self) -> str:
        """For the log and 关于: whether the program runs as of another day."""
        if self.fixed_day is None:
            return "系统时钟"
        return f"按 {self.fixed_day:%Y-%m-%d} 运行（{TODAY_ENV} 或 --today）"


def parse_day(text: str, source: str) -> dt.date:
    """A YYYY-MM-DD date typed by a person; ``source`` says where, for the message."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(
            f"{source} 的日期“{text}”无法识别：应写成 YYYY-MM-DD，例如 2026-12-31。"
        ) from None


def clock_for(option: str | None = None) -> Clock:
    """The clock the composition root hands down: ``--today`` if given, else
    ``GONGHUI_TODAY`` if set, else the system clock."""
    if option:
        return Clock(parse_day(option, "--today"))
    value = os.environ.get(TODAY_ENV, "").strip()
    if value:
        return Clock(parse_day(value, f"环境变量 {TODAY_ENV}"))
    return Clock()


# The system clock, for code that runs outside the program (benchmarks, maintenance
# scripts) and as the default where no composition root is involved.
SYSTEM_CLOCK = Clock()
