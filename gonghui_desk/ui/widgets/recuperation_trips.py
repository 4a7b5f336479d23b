"""批次与候补: the year's trips, and the ranking and waiting list of the trip selected.

The ranking under the list is the one an allocation uses (services.recuperation_allocation.
ranking): everyone approved or waiting for the trip, with their rank, why they stand
there and what allocating now would do for them, so the waiting list explains itself.
Double-clicking a person opens their application.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.errors import UserError
from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.recuperation import TripRow, trips
from gonghui_desk.services.recuperation_allocation import ranking
from gonghui_desk.services.recuperation_trips import DELETE_TRIP, delete_trip
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.recuperation_allocation import AllocationDialog, rank_table
from gonghui_desk.ui.dialogs.recuperation_trip import TripDialog
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.recuperation_tables import RankModel, TripModel, trip_dates
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.tables import (
    configure_table,
    keep_sorted,
    make_sortable,
    remember_layout,
)
from gonghui_desk.ui.write_access import enable_writes


class TripsPanel(QWidget):
    """Emits ``changed`` after a trip was saved or removed, and ``open_application`` with
    an application's id from the ranking. An allocation needs no signal: the page reads
    itself again when the runner announces it."""

    changed = Signal()
    open_application = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year = 0
        self.new_button = QPushButton(self.tr("New trip…"))
        self.new_button.clicked.connect(self.new_trip)
        enable_writes(context, self.new_button)
        self.edit_button = QPushButton(self.tr("Change…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.allocate_button = QPushButton(self.tr("Allocate places by rank…"))
        self.allocate_button.clicked.connect(self.allocate_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button,
                       self.allocate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.model = TripModel()
        self.table = QTableView()
        self.table.setObjectName("recuperation_trips")
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in self.model.columns])
        make_sortable(self.table, self.model)
        remember_layout(self.table, context.settings, "recuperation_trips")
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(MUTED_STYLE)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty)

        self.rank_model = RankModel()
        self.rank_table = rank_table(self.rank_model)
        self.rank_table.setObjectName("recuperation_ranking")
        self.rank_table.doubleClicked.connect(self._open_ranked)
        self.rank_note = QLabel()
        self.rank_note.setWordWrap(True)
        self.rank_note.setStyleSheet(MUTED_STYLE)
        self.rank_box = QGroupBox(self.tr("Ranking and waiting list"))
        rank_layout = QVBoxLayout(self.rank_box)
        rank_layout.addWidget(self.rank_note)
        rank_layout.addWidget(self.rank_table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.rank_box)
        splitter.setSizes([170, 330])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.allocation: AllocationDialog | None = None
        self.dialog: TripDialog | None = None
        self._selection()

    # -- the lists ----------------------------------------------------------------------

    def set_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        chosen = self.selected_id()
        self.model.set_rows(trips(self.context.db.sessions, self.year))
        keep_sorted(self.table, self.model)
        self.empty.setText(self.tr(
            "No trip in %1 yet. “New trip…” adds one: where, when, the standard per day and "
            "the places.").replace("%1", str(self.year)))
        self.empty.setVisible(self.model.rowCount() == 0)
        if (chosen is None or not self.select_trip(chosen)) and self.model.rowCount():
            self.table.selectRow(self._first_to_come())
        self._selection()

    def _first_to_come(self) -> int:
        """The row of the first trip not yet started (else the last one)."""
        today = self.context.clock.today()
        rows = self.model.rows
        return next((i for i, r in enumerate(rows) if r.trip.start >= today), len(rows) - 1)

    def selected_row(self) -> TripRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row else None

    def select_trip(self, trip_id: int) -> bool:
        row = self.model.row_of(trip_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection(self) -> None:
        row = self.selected_row()
        enable_writes(self.context, self.edit_button, self.delete_button, self.allocate_button,
                      when=row is not None)
        self.show_ranking(row)

    def show_ranking(self, row: TripRow | None) -> None:
        if row is None:
            self.rank_model.set_rows([])
            self.rank_box.setTitle(self.tr("Ranking and waiting list"))
            self.rank_note.setText(self.tr("Select a trip to see its ranking."))
            return
        trip = row.trip
        self.rank_box.setTitle(self.tr("Ranking and waiting list: %1 (%2)")
                               .replace("%1", trip.destination)
                               .replace("%2", trip_dates(trip.start, trip.end)))
        self.rank_model.set_rows(ranking(self.context.db.sessions, row.id))
        if self.rank_model.rowCount() == 0:
            self.rank_note.setText(self.tr(
                "Nobody approved or waiting for this trip. Applications join the ranking once "
                "the union has approved them."))
        else:
            self.rank_note.setText(self.tr(
                "Rank by the number of priority conditions, then the longest time since the "
                "last trip, then the earliest application. “Allocation now” is what allocating "
                "places would do."))

    def _open_ranked(self) -> None:
        rows = self.rank_table.selectionModel().selectedRows()
        if rows:
            self.open_application.emit(self.rank_model.row(rows[0].row()).application_id)

    # -- actions ------------------------------------------------------------------------

    def _saved(self, trip_id: int) -> None:
        self.reload()
        self.select_trip(trip_id)
        self.changed.emit()

    def new_trip(self) -> TripDialog:
        dialog = TripDialog(self.context, self.year, None, self)
        dialog.saved.connect(self._saved)
        dialog.open()
        self.dialog = dialog
        return dialog

    def edit_selected(self) -> TripDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = TripDialog(self.context, self.year, row, self)
        dialog.saved.connect(self._saved)
        dialog.open()
        self.dialog = dialog
        return dialog

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete trip"),
            self.tr("Delete the trip to %1 (%2)?").replace("%1", row.trip.destination)
            .replace("%2", trip_dates(row.trip.start, row.trip.end)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        trip_id = row.id
        try:
            self.context.runner.run(Op(DELETE_TRIP, lambda tx: delete_trip(tx, trip_id)))
        except UserError as error:
            show_user_error(self, error)
            return False
        self.reload()
        self.changed.emit()
        return True

    def allocate_selected(self) -> AllocationDialog | None:
        row = self.selected_row()
        if row is None:
            return None
        dialog = AllocationDialog(self.context, row,
                                  load_profile(self.context.db.sessions).chair, self)
        dialog.open()
        self.allocation = dialog
        return dialog
