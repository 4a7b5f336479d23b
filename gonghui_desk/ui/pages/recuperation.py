"""疗休养: rest and recuperation — the year's policy and quota, trips, applications and
the waiting list.

At the top, always in view, the year's policy in a line and what is left of its places and
budget. Below, two tabs: the trips with the ranking and waiting list of the one selected,
and the applications with their eligibility verdicts and filters. The year chooser offers
the years on file, this year and the next (to set up next year's policy and quota). The
page opens at this year; when next year already has trips (set up in December, starting in
January), a line under the summary says so and switches to that year with one click.
A 首页 reminder opens the page at a trip (``show_record`` with the trip's id).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QWidget,
)

from gonghui_desk.services.recuperation import policy_for, quota_status, trips, years_on_file
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.recuperation_policy import PolicyDialog
from gonghui_desk.ui.dialogs.recuperation_quota import QuotaDialog
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.widgets.chart_panel import ApplicationPick
from gonghui_desk.ui.widgets.charts_areas import QuotaChart
from gonghui_desk.ui.widgets.recuperation_apps import ApplicationsPanel
from gonghui_desk.ui.widgets.recuperation_summary import RecuperationSummary
from gonghui_desk.ui.widgets.recuperation_trips import TripsPanel
from gonghui_desk.ui.write_access import enable_writes

TRIPS_TAB, APPLICATIONS_TAB = range(2)


class RecuperationPage(Page):
    AREA_FORM = "recuperation-stats"  # the year's figures (a trip's 名单 needs the trip chosen)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Recuperation"), parent)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("recuperation_year")
        self.year_combo.currentIndexChanged.connect(lambda _: self.refresh())
        # The year chooser sits on the title's line, at its right.
        title_line = QHBoxLayout()
        self.layout_.removeWidget(self.title)
        title_line.addWidget(self.title)
        title_line.addStretch(1)
        title_line.addWidget(QLabel(self.tr("Year")))
        title_line.addWidget(self.year_combo)
        self.layout_.insertLayout(0, title_line)
        self.summary = RecuperationSummary()
        enable_writes(context, self.summary.policy_button, self.summary.quota_button)
        self.summary.edit_policy.connect(self.edit_policy)
        self.summary.edit_quota.connect(self.edit_quota)
        self.layout_.addWidget(self.summary)
        self.next_year_hint = QLabel()
        self.next_year_hint.setObjectName("recuperation_next_year")
        self.next_year_hint.setWordWrap(True)
        self.next_year_hint.linkActivated.connect(lambda link: self.set_year(int(link)))
        self.layout_.addWidget(self.next_year_hint)
        self.trips = TripsPanel(context)
        self.trips.changed.connect(self.refresh)
        self.applications = ApplicationsPanel(context)
        self.applications.changed.connect(self.refresh)
        self.trips.open_application.connect(self.applications.open_application)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.trips, self.tr("Trips and waiting list"))
        self.tabs.addTab(self.applications, self.tr("Applications"))
        self.charts = QuotaChart(context, year_of=lambda: self.year)
        self.charts.picked.connect(lambda _, pick: self.show_filtered(pick))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.layout_.addWidget(self.tabs, 1)
        self.policy_dialog: PolicyDialog | None = None
        self.quota_dialog: QuotaDialog | None = None
        self._fill_years()

    def new_record_button(self) -> QAbstractButton:
        return self.applications.new_button  # Ctrl+N: a new application

    # -- the year -----------------------------------------------------------------------

    def _fill_years(self, keep: int | None = None) -> None:
        this_year = self.context.clock.year
        years = set(years_on_file(self.context.db.sessions)) | {this_year, this_year + 1}
        if keep is not None:
            years.add(keep)
        chosen = keep if keep is not None else self.year_combo.currentData() or this_year
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in sorted(years, reverse=True):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(chosen)))
        self.year_combo.blockSignals(False)

    @property
    def year(self) -> int:
        data = self.year_combo.currentData()
        return int(data) if data is not None else self.context.clock.year

    def set_year(self, year: int) -> None:
        if year != self.year or self.year_combo.findData(year) < 0:
            self._fill_years(year)
        self.refresh()

    # -- showing ------------------------------------------------------------------------

    def refresh(self) -> None:
        sessions = self.context.db.sessions
        year = self.year
        policy, saved = policy_for(sessions, year)
        self.summary.show_policy(policy, saved)
        self.summary.show_quota(quota_status(sessions, year))
        self.trips.set_year(year)
        self.applications.set_year(year, self.trips.model.rows)
        if self.charts.year != year:
            self.charts.read_again()
        self._show_next_year(year)

    def _show_next_year(self, year: int) -> None:
        """Next year's trips, from the page of this year (they are planned in December)."""
        later = trips(self.context.db.sessions, year + 1) if year == self.context.clock.year else []
        self.next_year_hint.setVisible(bool(later))
        if later:
            self.next_year_hint.setText(
                self.tr("%1 already has %n trip(s), the first leaving on %2. "
                        "<a href=\"%1\">Show %1</a>", "", len(later))
                .replace("%1", str(year + 1)).replace("%2", f"{later[0].trip.start:%Y-%m-%d}"))

    def show_record(self, record_id: int) -> None:
        """Bring a trip into view (from a 首页 reminder): its year, selected, its ranking."""
        found = next((t for t in trips(self.context.db.sessions, None) if t.id == record_id),
                     None)
        if found is None:
            return
        self.tabs.setCurrentIndex(TRIPS_TAB)
        self.set_year(found.trip.year)
        self.trips.select_trip(record_id)

    def show_filtered(self, pick: object) -> None:
        """The applications behind a chart's bar: its year, of its department or all."""
        if isinstance(pick, ApplicationPick):
            self.tabs.setCurrentIndex(APPLICATIONS_TAB)
            self.set_year(pick.year)
            self.applications.clear_filters()
            department = self.applications.department
            department.setCurrentIndex(max(department.findData(pick.department), 0))

    # -- the year's set-up --------------------------------------------------------------

    def edit_policy(self) -> PolicyDialog:
        dialog = PolicyDialog(self.context, self.year, self)
        dialog.saved.connect(self.refresh)
        dialog.open()
        self.policy_dialog = dialog
        return dialog

    def edit_quota(self) -> QuotaDialog:
        dialog = QuotaDialog(self.context, self.year, self)
        dialog.saved.connect(self.refresh)
        dialog.open()
        self.quota_dialog = dialog
        return dialog
