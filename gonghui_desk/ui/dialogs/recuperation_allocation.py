"""按排名分配名额: a trip's free places given in rank order, after looking at the ranking.

The list is the one the allocation uses: everyone approved or waiting for the trip, with
their rank, why they stand there and what allocating now would do for them. Allocating
arranges those who get a place, puts the other approved on the waiting list, and says who
went where; the list then shows the new state.
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
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation import TripRow
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
        trip = row.trip
        self.setWindowTitle(self.tr("Allocate places: %1").replace("%1", trip.destination))
        about = QLabel(self.tr(
            "%1, %2: %3 places, %4 arranged, %5 free. Places go in rank order: the number of "
            "priority conditions first, then the longest time since the last trip, then the "
            "earliest application. Whoever gets no place waits in that order.")
            .replace("%1", trip.destination).replace("%2", trip_dates(trip.start, trip.end))
            .replace("%3", str(trip.capacity)).replace("%4", str(row.arranged))
            .replace("%5", str(max(0, row.left))))
        about.setWordWrap(True)
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
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.resize(1000, 560)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(ranking(self.sessions, self.trip_id))
        self.empty.setText(self.tr(
            "Nobody to allocate: applications must pass the department's review and the "
            "union's approval first."))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.allocate_button.setEnabled(self.allocate_button.isEnabled()
                                        and self.model.rowCount() > 0)

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
        self.outcome.show()
        self.reload()
        self.allocated.emit()
        return True
