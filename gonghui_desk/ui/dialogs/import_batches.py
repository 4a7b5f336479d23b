"""导入记录: the imports made so far, each of which can be undone as a whole.

Undoing removes the members the import added and restores those it updated. It is one
operation, run by the context's runner: refused (saying whom) when any of them was changed
afterwards, before any backup; then the database is backed up; then the undo.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.numbers import format_count
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.member_import import MODE_LABELS
from gonghui_desk.services.import_batches import BatchInfo, list_batches
from gonghui_desk.services.import_undo import undo_operation, undo_refusal
from gonghui_desk.services.operations import Cancelled
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.screen_fit import fit_to_screen
from gonghui_desk.ui.write_access import enable_writes

NUMBER_COLUMNS = (5, 6)
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ImportBatchesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.changed = False  # whether an import was undone
        self.setWindowTitle(self.tr("Import history"))
        intro = QLabel(self.tr(
            "Each import is kept as one batch. Undoing it removes the members it added and "
            "restores the members it updated, as long as none of them was changed since."))
        intro.setWordWrap(True)
        self.empty = QLabel(self.tr("Nothing has been imported yet."))
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("By"), self.tr("File"), self.tr("Sheet"),
            self.tr("Mode"), self.tr("Added"), self.tr("Updated"), self.tr("State"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # a few dozen batches: every column as wide as its longest entry in any font, so
        # that a state ("已撤销 …") or a file name is read whole, never cut off
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.undo_button = QPushButton(self.tr("Undo this import…"))
        self.undo_button.clicked.connect(self.undo_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.undo_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.batches: list[BatchInfo] = []
        self.reload()
        fit_to_screen(self, QSize(max(1040, self.table.horizontalHeader().length() + 40), 440))

    def _state(self, batch: BatchInfo) -> str:
        if batch.undone_at is None:
            return self.tr("In effect")
        return (self.tr("Undone %1 by %2").replace("%1", f"{batch.undone_at:%Y-%m-%d %H:%M}")
                .replace("%2", batch.undone_by or "—"))

    def reload(self) -> None:
        self.batches = list_batches(self.context.db.sessions)
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            values = (
                f"{batch.at:%Y-%m-%d %H:%M}", batch.actor, batch.file_name, batch.sheet,
                MODE_LABELS.get(batch.mode, batch.mode), format_count(batch.added),
                format_count(batch.updated),
                self._state(batch),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column in NUMBER_COLUMNS:
                    item.setTextAlignment(RIGHT)
                if batch.undone_at is not None:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.batches)
        self._update_button()

    def selected(self) -> BatchInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _update_button(self) -> None:
        batch = self.selected()
        enable_writes(self.context, self.undo_button,
                      when=batch is not None and batch.undone_at is None)

    def undo_selected(self) -> bool:
        """Ask, then undo (the runner checks, backs up, writes); True when it was undone."""
        batch = self.selected()
        if batch is None or batch.undone_at is not None:
            return False
        refusal = undo_refusal(self.context.db.sessions, batch.id)
        if refusal is not None:  # said before the question; the runner checks again
            show_user_error(self, UserError(refusal))
            return False
        answer = QMessageBox.warning(
            self, self.tr("Undo this import"),
            self.tr("Undo the import of “%1” made %2?\n\nThe %3 member(s) it added will be "
                    "removed (not moved to the recycle bin), and the %4 member(s) it updated "
                    "will get back what they had before. The database is backed up first.")
            .replace("%1", batch.file_name).replace("%2", f"{batch.at:%Y-%m-%d %H:%M}")
            .replace("%3", format_count(batch.added))
            .replace("%4", format_count(batch.updated)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.context.runner.run(undo_operation(batch))
        except Cancelled:
            self.reload()
            return False
        except UserError as error:
            show_user_error(self, error)
            self.reload()
            return False
        self.reload()
        self.changed = True
        return True
