"""申请: the year's applications with their eligibility verdicts, and filters to narrow them.

Filters: the trip, the state, the department, the verdict (符合 / 不符合) and a name or the
last digits of an ID number. Each row shows the verdict in a few words (red when the
person may not go), the cost and their own share, and their place on the waiting list.
Double-clicking a row opens the application.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.services.members import departments
from gonghui_desk.services.recuperation import TripRow
from gonghui_desk.services.recuperation_list import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    ApplicationFilter,
    application_rows,
)
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.recuperation_application import ApplicationDialog
from gonghui_desk.ui.models.recuperation_tables import ApplicationModel
from gonghui_desk.ui.widgets.tables import (
    TopOnNewQuery,
    hint_label,
    keep_sorted,
    record_table,
    search_timer,
)
from gonghui_desk.ui.write_access import enable_writes


class ApplicationsPanel(QWidget):
    """Emits ``changed`` after an application was saved or a step taken."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = 0
        self.new_button = QPushButton(self.tr("New application…"))
        self.new_button.clicked.connect(self.new_application)
        enable_writes(context, self.new_button)
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)

        self.search = QLineEdit()
        self.search.setObjectName("recuperation_search")
        self.search.setPlaceholderText(self.tr("Name or last digits of the ID number"))
        self.search.setClearButtonEnabled(True)
        self.trip = QComboBox()
        self.trip.setObjectName("filter_trip")
        self.trip.setMinimumContentsLength(10)
        self.trip.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.state = QComboBox()
        self.state.setObjectName("filter_state")
        self.state.addItem(self.tr("All states"), None)
        for state in rp.STATES.values:
            self.state.addItem(state, state)
        self.department = QComboBox()
        self.department.setObjectName("filter_department")
        self.department.setMinimumContentsLength(6)
        self.verdict = QComboBox()
        self.verdict.setObjectName("filter_verdict")
        for text, value in ((self.tr("Any eligibility"), None),
                            (self.tr("Eligible"), ELIGIBLE),
                            (self.tr("Not eligible"), NOT_ELIGIBLE)):
            self.verdict.addItem(text, value)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        for widget in (self.trip, self.state, self.department, self.verdict, self.count_label):
            filters.addWidget(widget)

        self.model = ApplicationModel()
        self.table = record_table(self.model, self.open_selected, self._update_buttons,
                                  (self.context.settings, "recuperation_applications"))
        self._top = TopOnNewQuery(self.table)
        self.table.setObjectName("recuperation_applications")
        self.table.setWordWrap(False)
        self.empty_label = hint_label()
        self._debounce = search_timer(self, self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.trip, self.state, self.department, self.verdict):
            combo.currentIndexChanged.connect(lambda _: self.apply_filter())
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.dialog: ApplicationDialog | None = None
        self._update_buttons()

    # -- filters ------------------------------------------------------------------------

    def _combos(self) -> tuple[QComboBox, ...]:
        return (self.trip, self.state, self.department, self.verdict)

    def set_year(self, year: int, trip_rows: list[TripRow]) -> None:
        """Show ``year``: its trips in the trip filter, the departments on file."""
        self.year = year
        chosen_trip = self.trip.currentData()
        chosen_department = self.department.currentData()
        for combo in self._combos():
            combo.blockSignals(True)
        self.trip.clear()
        self.trip.addItem(self.tr("All trips"), None)
        for row in trip_rows:
            self.trip.addItem(f"{row.trip.destination}（{row.trip.start:%m-%d}）", row.id)
        self.trip.setCurrentIndex(max(0, self.trip.findData(chosen_trip)))
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        for name in departments(self.context.db.sessions):
            self.department.addItem(name, name)
        self.department.setCurrentIndex(max(0, self.department.findData(chosen_department)))
        for combo in self._combos():
            combo.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> ApplicationFilter:
        return ApplicationFilter(
            year=self.year, trip_id=self.trip.currentData(), state=self.state.currentData(),
            department=self.department.currentData(), verdict=self.verdict.currentData(),
            text=self.search.text().strip())

    def clear_filters(self) -> None:
        for widget in (self.search, *self._combos()):
            widget.blockSignals(True)
        self.search.clear()
        for combo in self._combos():
            combo.setCurrentIndex(0)
        for widget in (self.search, *self._combos()):
            widget.blockSignals(False)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._debounce.stop()
        chosen = self.selected_id()
        flt = self.current_filter()
        self.model.set_rows(application_rows(self.context.db.sessions, flt))
        keep_sorted(self.table, self.model)
        count = self.model.rowCount()
        self.count_label.setText(grouped_count(self.tr("%n application(s)", "", count), count))
        if self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No application matches the filters.")
                if flt != ApplicationFilter(self.year)
                else self.tr("No application in %1 yet. “New application…” records one for "
                             "a trip of the year.").replace("%1", str(self.year)))
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if chosen is not None:
            self.select_application(chosen)
        self._top.shown(flt)

    # -- the list -----------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).id if rows else None

    def select_application(self, app_id: int) -> bool:
        row = self.model.row_of(app_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    # -- dialogs ------------------------------------------------------------------------

    def new_application(self) -> ApplicationDialog:
        return self.open_application(None)

    def open_selected(self) -> ApplicationDialog | None:
        app_id = self.selected_id()
        return self.open_application(app_id) if app_id is not None else None

    def open_application(self, app_id: int | None) -> ApplicationDialog:
        dialog = ApplicationDialog(self.context, app_id, self.year,
                                   self.trip.currentData(), self)
        dialog.changed.connect(lambda: self._after_change(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _after_change(self, dialog: ApplicationDialog) -> None:
        self.changed.emit()
        if dialog.app_id is not None:
            self.select_application(dialog.app_id)
