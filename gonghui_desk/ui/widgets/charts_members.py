"""The members in charts: by department, by age band (ages on the clock's today) and who
joined and left in each of the last twelve months.

A department's bar opens 会员 filtered by that department, an age band's bar by those ages;
a month's 入会 bar opens the members, its 离会 bar the former members.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.age_bands import AGE_BANDS
from gonghui_desk.services.figures import NO_DEPARTMENT, Count, MemberFigures, member_figures
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.widgets.chart_panel import ChartPanel, MemberPick
from gonghui_desk.ui.widgets.charts import BarChart, grouped
from gonghui_desk.ui.widgets.member_filters import STATUS_FILTERS, MemberFilterBar

SHOWN_DEPARTMENTS = 8  # the largest ones; the rest share one bar
FLOWS_WIDTH = 360
FORMER = frozenset({ms.TRANSFERRED_OUT, ms.WITHDRAWN, ms.EXPELLED})


class MemberCharts(ChartPanel):
    WATCHES = frozenset({"member", "membership_event"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.departments = BarChart(self.tr("Members by department"), horizontal=True)
        self.departments.setObjectName("chart_departments")
        self.ages = BarChart(self.tr("Members by age"), horizontal=True)
        self.ages.setObjectName("chart_ages")
        self.flows = BarChart(self.tr("Joined and left by month"))
        self.flows.setObjectName("chart_flows")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Twelve months of two bars need the room to print "10", "11", "12" whole.
        self.flows.setMinimumWidth(FLOWS_WIDTH)
        for chart, stretch in ((self.departments, 2), (self.ages, 2), (self.flows, 3)):
            layout.addWidget(chart, stretch)
        self.departments.picked.connect(lambda i, _: self._pick_department(i))
        self.ages.picked.connect(lambda i, _: self._pick_age(i))
        self.flows.picked.connect(
            lambda _, s: self.picked.emit("members", MemberPick(former=s == 1)))
        self.figures: MemberFigures | None = None
        self.department_filters: list[str | None] = []
        self.age_order: list[int] = []

    def reload(self) -> None:
        figures = member_figures(self.context.db.sessions, self.context.clock.today())
        self.figures = figures
        shown = list(figures.by_department[:SHOWN_DEPARTMENTS])
        # What each bar filters on: its department; none for the rest or the blank one.
        filters: list[str | None] = [
            None if c.label == NO_DEPARTMENT else c.label for c in shown]
        rest = figures.by_department[SHOWN_DEPARTMENTS:]
        if rest:
            shown.append(Count(self.tr("%n other department(s)", "", len(rest)),
                               sum(c.count for c in rest)))
            filters.append(None)
        # The largest at the top: a horizontal chart draws its first category at the bottom.
        ordered = shown[::-1]
        self.department_filters = filters[::-1]
        self.departments.set_title(self.tr("Members by department (%1 in all)")
                                   .replace("%1", grouped(figures.members)))
        self.departments.show_bars([c.label for c in ordered],
                                   [(self.tr("Members"), [c.count for c in ordered])])
        self.ages.set_title(self.tr("Members by age on %1")
                            .replace("%1", f"{figures.day:%Y-%m-%d}"))
        by_age = figures.by_age[::-1]  # the youngest at the top
        self.age_order = [len(figures.by_age) - 1 - i for i in range(len(by_age))]
        self.ages.show_bars([c.label for c in by_age],
                            [(self.tr("Members"), [c.count for c in by_age])])
        flows = figures.flows
        self.flows.set_title(self.tr("Joined and left, %1 to %2")
                             .replace("%1", f"{flows[0].month:%Y-%m}")
                             .replace("%2", f"{flows[-1].month:%Y-%m}"))
        self.flows.show_bars(
            [str(f.month.month) for f in flows],
            [(self.tr("Joined"), [f.joined for f in flows]),
             (self.tr("Left"), [f.left for f in flows])], axis_title=self.tr("Month"),
            labels=False,  # 24 figures in a third of the window would overlap: on hover
            tips=[[self.tr("%1: %2 joined").replace("%1", f"{f.month:%Y-%m}")
                   .replace("%2", grouped(f.joined)) for f in flows],
                  [self.tr("%1: %2 left").replace("%1", f"{f.month:%Y-%m}")
                   .replace("%2", grouped(f.left)) for f in flows]])

    def _pick_department(self, index: int) -> None:
        self.picked.emit("members", MemberPick(department=self.department_filters[index]))

    def _pick_age(self, index: int) -> None:
        index = self.age_order[index]
        if index < len(AGE_BANDS):
            band = AGE_BANDS[index]
            self.picked.emit("members", MemberPick(min_age=band.min_age, max_age=band.max_age))
        else:  # no birth date: there is no filter for that, the whole list then
            self.picked.emit("members", MemberPick())


def choose_members(bar: MemberFilterBar, pick: object) -> None:
    """Set the members' filter bar (quietly) to the people behind a bar of these charts:
    the other filters cleared, the members (or the former members) of that department or
    age band."""
    if not isinstance(pick, MemberPick):
        return
    bar.reset(everyone=False)
    widgets = (bar.status, bar.department, bar.min_age, bar.max_age)
    for widget in widgets:
        widget.blockSignals(True)
    if pick.former:
        bar.status.setCurrentIndex(next(i for i, (_, choice) in enumerate(STATUS_FILTERS)
                                        if choice == FORMER))
    if pick.department is not None:
        bar.department.setCurrentIndex(max(bar.department.findData(pick.department), 0))
    bar.min_age.setValue(pick.min_age or 0)  # 0 reads "any"
    bar.max_age.setValue(pick.max_age or 0)
    for widget in widgets:
        widget.blockSignals(False)
