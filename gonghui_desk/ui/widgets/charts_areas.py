"""The areas in charts: aid paid this year by month and type against the year's total,
疗休养 places arranged against the quota, and the collective contracts by status.

A month's bar opens the 帮扶台账 over that month, a type's bar over the year; a department's
places open that year's applications of the department; a status opens 集体合同 filtered
by it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QWidget

from gonghui_desk.domain.money import to_yuan, yuan_text
from gonghui_desk.services.figures import AidFigures, Count, aid_figures, contract_figures
from gonghui_desk.services.recuperation import QuotaStatus, quota_status
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.widgets.chart_panel import (
    ApplicationPick,
    ChartPanel,
    ContractPick,
    LedgerPick,
)
from gonghui_desk.ui.widgets.charts import BarChart, grouped


def _yuan(fen: int) -> float:
    return float(to_yuan(fen))


def _short(kind: str) -> str:
    """A type's name without its bracketed gloss (助学（金秋助学） → 助学), to fit beside its
    bar; the tooltip keeps the whole name."""
    return kind.split("（", 1)[0]


class AidCharts(ChartPanel):
    """This year's aid: by month, one colour per type, and each type's share of the year."""

    WATCHES = frozenset({"aid_payment"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.months = BarChart(self.tr("Aid paid by month"), stacked=True)
        self.months.setObjectName("chart_aid_months")
        self.kinds = BarChart(self.tr("Aid by type"), horizontal=True)
        self.kinds.setObjectName("chart_aid_kinds")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.months, 3)
        layout.addWidget(self.kinds, 2)
        self.months.picked.connect(lambda i, _: self._pick_month(i + 1))
        self.kinds.picked.connect(lambda *_: self._pick_year())
        self.figures: AidFigures | None = None

    def reload(self) -> None:
        year = self.context.clock.year
        figures = aid_figures(self.context.db.sessions, year)
        self.figures = figures
        total = figures.total_fen
        # The types paid this year; all of them (as zeros) when nothing was paid yet.
        kinds = [k for k in figures.kinds if figures.kind_total_fen(k)] or list(figures.kinds)
        columns = [figures.kinds.index(k) for k in kinds]
        self.months.set_title(self.tr("Aid paid in %1 by month: %2 in all")
                              .replace("%1", str(year)).replace("%2", yuan_text(to_yuan(total))))
        self.months.show_bars(
            [str(m.month.month) for m in figures.months],
            [(k, [_yuan(m.by_kind[c]) for m in figures.months])
             for k, c in zip(kinds, columns, strict=True)], axis_title=self.tr("Month"),
            tips=[[f"{m.month:%Y-%m} {k}：{yuan_text(to_yuan(m.by_kind[c]))}"
                   for m in figures.months] for k, c in zip(kinds, columns, strict=True)])
        by_kind = [(k, figures.kind_total_fen(k)) for k in kinds][::-1]
        self.kinds.set_title(self.tr("Share of the year's total by type"))
        self.kinds.show_bars(
            [f"{_short(k)} {fen * 100 // total if total else 0}%" for k, fen in by_kind],
            [(self.tr("Yuan"), [_yuan(fen) for _, fen in by_kind])],
            tips=[[f"{k}：{yuan_text(to_yuan(fen))}" for k, fen in by_kind]])

    def _pick_month(self, month: int) -> None:
        year = self.context.clock.year
        last = calendar.monthrange(year, month)[1]
        self.picked.emit("hardship", LedgerPick(dt.date(year, month, 1),
                                                dt.date(year, month, last)))

    def _pick_year(self) -> None:
        year = self.context.clock.year
        self.picked.emit("hardship", LedgerPick(dt.date(year, 1, 1), dt.date(year, 12, 31)))


class QuotaChart(ChartPanel):
    """A year's places: arranged and left, for the whole branch and each department's
    share. The year is the clock's, or the one ``year_of`` names (the 疗休养 page's)."""

    WATCHES = frozenset({"recuperation_quota", "recuperation_department_quota",
                         "recuperation_application", "recuperation_trip", "member"})

    def __init__(self, context: AppContext, year_of: Callable[[], int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.year_of = year_of or (lambda: context.clock.year)
        self.year = self.year_of()
        self.chart = BarChart(self.tr("Recuperation places"), horizontal=True, stacked=True)
        self.chart.setObjectName("chart_quota")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        self.chart.picked.connect(lambda i, _: self._pick(i))
        self.rows: list[str | None] = []
        self.status: QuotaStatus | None = None

    def reload(self) -> None:
        year = self.year = self.year_of()
        status = quota_status(self.context.db.sessions, year)
        self.status = status
        rows: list[tuple[str | None, str, int, int]] = [
            (None, self.tr("Whole branch"), status.taken, max(status.places_left or 0, 0))]
        rows += [(d.department, d.department, d.taken, max(d.left, 0))
                 for d in status.departments]
        rows = rows[::-1]  # the branch at the top
        self.rows = [r[0] for r in rows]
        if status.quota is None:
            title = self.tr("Recuperation %1: %2 arranged, no quota set yet")
        else:
            title = self.tr("Recuperation %1: %2 of %3 places arranged")
        self.chart.set_title(title.replace("%1", str(year)).replace("%2", grouped(status.taken))
                             .replace("%3", grouped(status.quota.places if status.quota else 0)))
        self.chart.show_bars(
            [r[1] for r in rows],
            [(self.tr("Arranged"), [r[2] for r in rows]), (self.tr("Left"), [r[3] for r in rows])],
            tips=[[self.tr("%1: %2 arranged").replace("%1", r[1]).replace("%2", grouped(r[2]))
                   for r in rows],
                  [self.tr("%1: %2 left").replace("%1", r[1]).replace("%2", grouped(r[3]))
                   for r in rows]])

    def _pick(self, index: int) -> None:
        self.picked.emit("recuperation", ApplicationPick(self.year, self.rows[index]))


class ContractChart(ChartPanel):
    """How many contracts stand at each status (the statuses no contract is at left out)."""

    WATCHES = frozenset({"collective_contract", "contract_rules", "branch_profile"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.chart = BarChart(self.tr("Collective contracts by status"), horizontal=True)
        self.chart.setObjectName("chart_contracts")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.chart)
        self.chart.picked.connect(
            lambda i, _: self.picked.emit("contracts", ContractPick(self.shown[i].label)))
        self.shown: list[Count] = []

    def reload(self) -> None:
        counts = contract_figures(self.context.db.sessions, self.context.clock.today())
        self.shown = [c for c in counts if c.count][::-1]
        self.chart.set_title(self.tr("Collective contracts by status (%1 in all)")
                             .replace("%1", grouped(sum(c.count for c in counts))))
        self.chart.show_bars([c.label for c in self.shown],
                             [(self.tr("Contracts"), [c.count for c in self.shown])])
