"""回收站: deleted members, restored with one click or purged after a confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.services import member_records as records
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.write_access import enable_writes


class RecycleBinDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.changed = False  # whether anything was restored or purged
        self.setWindowTitle(self.tr("Recycle bin"))
        self.resize(760, 420)
        intro = QLabel(self.tr(
            "Deleted members are kept here and can be restored. Purging deletes them for "
            "good, together with their change history."))
        intro.setWordWrap(True)
        self.empty = QLabel(self.tr("The recycle bin is empty."))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Department"), self.tr("ID number"), self.tr("Status"),
            self.tr("Deleted at"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((100, 120, 170, 90)):
            self.table.setColumnWidth(column, width)
        self.restore_button = QPushButton(self.tr("Restore"))
        self.purge_button = QPushButton(self.tr("Delete permanently…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.restore_button)
        actions.addWidget(self.purge_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self.rows: list[records.DeletedRow] = []
        self.reload()

    def reload(self) -> None:
        self.rows = records.recycle_bin(self.context.db.sessions)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (row.name, row.department, row.id_number_masked, row.status,
                      f"{row.deleted_at:%Y-%m-%d %H:%M}")
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))
        if self.rows:
            self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.rows)
        enable_writes(self.context, self.restore_button, self.purge_button,
                      when=bool(self.rows))

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.rows[r].id for r in rows]

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.context.runner.run(Op(
                records.RESTORE, lambda tx: records.restore_from_recycle_bin(tx, ids)))
            self.changed = True
            self.reload()

    def purge_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        names = "、".join(r.name for r in self.rows if r.id in ids)
        answer = QMessageBox.warning(
            self, self.tr("Delete permanently"),
            self.tr("Delete %1 permanently? The records and their change history cannot be "
                    "recovered afterwards (only a backup taken earlier still holds them).")
            .replace("%1", names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.context.runner.run(Op(records.PURGE, lambda tx: records.purge(tx, ids)))
        self.changed = True
        self.reload()
