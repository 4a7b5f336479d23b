"""修改记录 of one record."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.services.history import HistoryFilter
from gonghui_desk.ui.widgets.history_view import HistoryView


class RecordHistoryDialog(QDialog):
    def __init__(
        self, sessions: SessionFactory, table: str, record_id: object, title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history: %1").replace("%1", title))
        self.resize(860, 540)
        self.view = HistoryView(sessions, HistoryFilter(table=table, record_id=str(record_id)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.reload()
