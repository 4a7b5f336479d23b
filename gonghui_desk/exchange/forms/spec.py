"""A form as the app lists it: its id, title, the parameters it asks for, how it is built.

The 报表 page and the ``forms``/``export`` commands read the registry of these; a form module
adds one ``FormSpec`` and nothing else changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.reconcile import Discrepancy
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.model import Document

# The parameters a form may ask for.
YEAR, AS_OF, PERIOD, RECORD = "year", "as_of", "period", "record"
FILLED = "filled_on"  # 填表日期: a record form's own date unless the user sets another
PARAMETER_NAMES = {YEAR: "年度", AS_OF: "截至日期", PERIOD: "起止日期", RECORD: "记录",
                   FILLED: "填表日期"}


@dataclass(frozen=True)
class FormParams:
    """What the user chose, and the day it is chosen on (``today``, from the program's
    clock); a form reads only the parameters it lists."""

    year: int | None = None
    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    record_id: int | None = None
    full_ids: bool = False
    filled_on: dt.date | None = None
    today: dt.date = field(kw_only=True)

    def the_year(self) -> int:
        return self.year or self.today.year

    def the_as_of(self, default: dt.date | None = None) -> dt.date:
        """The chosen cut-off; by default ``default`` (the form's), else today."""
        day = self.as_of or default or self.today
        if day > self.today:
            raise UserError(f"截至日期 {day:%Y-%m-%d} 在今天之后，请选择今天或以前的日期。")
        return day

    def the_period(self) -> tuple[dt.date, dt.date]:
        """The chosen period; by default 1 January of this year to today."""
        start = self.start or dt.date(self.today.year, 1, 1)
        end = self.end or self.today
        if start > end:
            raise UserError(
                f"起始日期 {start:%Y-%m-%d} 晚于截止日期 {end:%Y-%m-%d}，请调换后再导出。"
            )
        return start, end

    def the_filling_date(self, record_day: dt.date | None, *,
                         before: tuple[str, dt.date | None] | None = None) -> dt.date:
        """The 填表日期 a record form prints: the one chosen, else the record's own date
        (the application's, the payment's), else today.

        ``before`` names a date the filling precedes (("报送日期", day)): a chosen filling
        date after it is refused; the record's own date is brought back to it.
        """
        if self.filled_on is not None and self.filled_on > self.today:
            raise UserError(
                f"填表日期 {self.filled_on:%Y-%m-%d} 在今天之后，请选择今天或以前的日期。")
        day = self.filled_on or record_day or self.today
        if before is not None and before[1] is not None and day > before[1]:
            what, limit = before[0], before[1]
            if self.filled_on is not None:
                raise UserError(
                    f"填表日期 {day:%Y-%m-%d} 晚于{what} {limit:%Y-%m-%d}：表格是在{what}"
                    f"之前填写的，请选择 {limit:%Y-%m-%d} 或以前的日期。"
                )
            day = limit
        return day

    def the_record(self, what: str) -> int:
        if self.record_id is None:
            raise UserError(f"请先选择要填表的{what}。")
        return self.record_id


class Choice(NamedTuple):
    """One record a single-record form can be filled for: its number, a line that tells it
    from the others (sensitive numbers masked), and a short name for the file name."""

    id: int
    text: str
    name: str


# Finds the records matching a search text: the first choices and how many match in all.
Picker = Callable[[SessionFactory, str], tuple[list[Choice], int]]


@dataclass(frozen=True)
class FormSpec:
    """One official form: ``build`` reads the records and returns the filled document.

    ``record_kind`` names what a single-record form is filled for (会员); ``pick`` finds
    those records for the 报表 page (``None``: members, with the members search).
    """

    id: str
    title: str
    description: str
    params: tuple[str, ...]
    build: Callable[[SessionFactory, FormParams], Document]
    record_kind: str = ""
    formats: tuple[str, ...] = ("pdf", "xlsx")
    private_values: bool = True  # has ID or phone numbers that full-number exports show
    pick: Picker | None = None
    # The cut-off offered when the form is chosen, from today (AS_OF forms).
    default_as_of: Callable[[dt.date], dt.date] = lambda today: today
    # A statistics form's pre-flight: what its figures would contradict (domain.reconcile).
    # The 报表 page and the CLI list these before writing; the chair may still export.
    preflight: Callable[[SessionFactory, FormParams], list[Discrepancy]] | None = None
