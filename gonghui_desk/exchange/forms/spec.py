"""A form as the app lists it: its id, title, the parameters it asks for, how it is built.

The 报表 page and the ``forms``/``export`` commands read the registry of these; a form module
adds one ``FormSpec`` and nothing else changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.model import Document

# The parameters a form may ask for.
YEAR, AS_OF, PERIOD, RECORD = "year", "as_of", "period", "record"
PARAMETER_NAMES = {YEAR: "年度", AS_OF: "截至日期", PERIOD: "起止日期", RECORD: "记录"}


@dataclass(frozen=True)
class FormParams:
    """What the user chose; a form reads only the parameters it lists."""

    year: int | None = None
    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    record_id: int | None = None
    full_ids: bool = False
    today: dt.date = field(default_factory=dt.date.today)

    def the_year(self) -> int:
        return self.year or self.today.year

    def the_as_of(self) -> dt.date:
        day = self.as_of or self.today
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

    def the_record(self, what: str) -> int:
        if self.record_id is None:
            raise UserError(f"请先选择要填表的{what}。")
        return self.record_id


@dataclass(frozen=True)
class FormSpec:
    """One official form: ``build`` reads the records and returns the filled document.

    ``record_kind`` names what a single-record form is filled for (会员).
    """

    id: str
    title: str
    description: str
    params: tuple[str, ...]
    build: Callable[[SessionFactory, FormParams], Document]
    record_kind: str = ""
    formats: tuple[str, ...] = ("pdf", "xlsx")
    private_values: bool = True  # has ID or phone numbers that full-number exports show
