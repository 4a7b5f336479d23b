"""按排名分配名额: a trip's free places given in rank order, after looking at the ranking.

The list is the one the allocation uses: everyone approved or waiting for the trip, with
their rank, why they stand there and what allocating now would do for them, and those who
hold a place already. Allocating arranges those who get a place, puts the other approved
on the waiting list, and says who went where. The figures at the top and the list follow
every operation the runner announces (this allocation, or a step taken meanwhile), so
they always show the trip as it now stands.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.errors import UserError
from gonghui_desk.services.operations import Changes, Op
from gonghui_desk.services.recuperation import TripRow, trips
from gonghui_desk.services.recuperation_allocation import ALLOCATE_TRIP, allocate_trip, ranking
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.recuperation_tables import RankModel, trip_dates
from gonghui_desk.ui.models.row_list import RowListModel
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.widgets.tables import configure_table
from gonghui_desk.ui.write_access import enable_writes


def rank_table(model: RowListModel[Any]) -> QTableView:
    """A ranking: few rows, so each is as tall as its explanation needs."""
    table = QTableView()
    table.setModel(model)
    configure_table(table, [c.width for c in model.columns])
    table.setWordWrap(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class AllocationDialog(QDialog):
    """Emits ``allocated`` after places were given."""

    allocated = Signal()

    def __init__(self, context: AppContext, row: TripRow, handler: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        self.trip_id = row.id
        self.row = row
        self.setWindowTitle(self.tr("Allocate places: %1").replace("%1", row.trip.destination))
        self.about = QLabel()
        self.about.setObjectName("allocation_about")
        self.about.setWordWrap(True)
        self.model = RankModel()
        self.table = rank_table(self.model)
        self.table.setObjectName("allocation_ranking")
        self.empty = QLabel()
        self.empty.setStyleSheet(MUTED_STYLE)
        self.empty.setWordWrap(True)
        self.by = QLineEdit(handler)
        self.by.setObjectName("allocation_by")
        self.by.setMaximumWidth(240)
        self.by_row = FieldRow(self.by)
        form = QFormLayout()
        form.addRow(self.tr("Handled by"), self.by_row)
        form.addRow(self.tr("Date"), QLabel(f"{context.clock.today():%Y-%m-%d}"))
        self.outcome = QLabel()
        self.outcome.setObjectName("allocation_outcome")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.allocate_button = QPushButton(self.tr("Allocate the places"))
        self.allocate_button.setObjectName("allocate")
        enable_writes(context, self.allocate_button)
        self.buttons.addButton(self.allocate_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.allocate_button.clicked.connect(self.allocate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)
        self._writable = self.allocate_button.isEnabled()
        unsubscribe = context.runner.subscribe(self._heard)
        self.finished.connect(lambda _: unsubscribe())
        self.destroyed.connect(lambda *_: unsubscribe())
        self.reload()

    def _heard(self, changes: Changes) -> None:
        if changes.touches("recuperation_application", "recuperation_step",
                           "recuperation_trip", "recuperation_quota",
                           "recuperation_department_quota", "member"):
            self.reload()

    def reload(self) -> None:
        """Read the trip's figures and its ranking again."""
        row = next((r for r in trips(self.sessions, self.row.trip.year) if r.id == self.trip_id),
                   self.row)
        self.row = row
        trip = row.trip
        self.about.setText(self.tr(
            "%1, %2: %3 places, %4 arranged, %5 free. Places go in rank order: the number of "
            "priority conditions first, then the longest time since the last trip, then the "
            "earliest application. Whoever gets no place waits in that order.")
            .replace("%1", trip.destination).replace("%2", trip_dates(trip.start, trip.end))
            .replace("%3", str(trip.capacity)).replace("%4", str(row.arranged))
            .replace("%5", str(max(0, row.left))))
        self.model.set_rows(ranking(self.sessions, self.trip_id))
        to_allocate = any(not r.holding for r in self.model.rows)
        self.empty.setText(self.tr(
            "Nobody to allocate: applications must pass the department's review and the "
            "union's approval first.") if not self.model.rows else self.tr(
            "Nobody left to allocate: everyone in the list holds a place."))
        self.empty.setVisible(not to_allocate)
        self.allocate_button.setEnabled(self._writable and to_allocate)

    def allocate(self) -> bool:
        self.by_row.show_message("")
        if not self.by.text().strip():
            self.by_row.show_message(self.tr("Who handles the allocation?"))
            return False
        trip_id, by = self.trip_id, self.by.text()
        try:
            outcome = self.context.runner.run(Op(ALLOCATE_TRIP, lambda tx: allocate_trip(
                tx, trip_id, tx.today, by))).value
        except UserError as error:
            show_user_error(self, error)
            return False
        none = self.tr("nobody")
        lines = [
            self.tr("Arranged: %1").replace("%1", "、".join(outcome.arranged) or none),
            self.tr("On the waiting list: %1").replace("%1", "、".join(outcome.waiting) or none),
        ]
        if outcome.not_eligible:
            lines.append(self.tr("May not go: %1").replace("%1", "、".join(outcome.not_eligible)))
        self.outcome.setText("\n".join(lines))
        self.outcome.show()  # the figures and the list were read again when it was announced
        self.allocated.emit()
        return True
