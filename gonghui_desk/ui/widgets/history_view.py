"""The change history as a searchable list with export; used under 设置 and per record.

Each row reads as the service words it (services.history): the record by name, the fields
by their labels, the values as typed. The newest entries are shown a page at a time.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.numbers import format_count, grouped_count
from gonghui_desk.errors import UserError
from gonghui_desk.services.history import (
    HistoryFilter,
    HistoryRow,
    count_history,
    export_history,
    search_history,
)
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP
from gonghui_desk.ui.widgets.tables import EmptyListHint, TopOnNewQuery

SHOWN = 500
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryColumns", "Time"),
    QT_TRANSLATE_NOOP("HistoryColumns", "By"),
    QT_TRANSLATE_NOOP("HistoryColumns", "Record"),
    QT_TRANSLATE_NOOP("HistoryColumns", "Action"),
    QT_TRANSLATE_NOOP("HistoryColumns", "Changes"),
)
WIDTHS = (150, 90, 260, 70)
RECORD_COLUMN = 2
ModelIndex = QModelIndex | QPersistentModelIndex


class HistoryModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[HistoryRow] = []

    def set_rows(self, rows: list[HistoryRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QApplication.translate("HistoryColumns", HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        ):
            return None
        row = self.rows[index.row()]
        # The record in words ("会员 张伟"); its stored number is in the tooltip, for the
        # auditor who needs to tell two 张伟 apart or look the record up.
        record = row.record_with_id if role == Qt.ItemDataRole.ToolTipRole else row.record
        values = (
            row.at.strftime("%Y-%m-%d %H:%M:%S"), row.actor, record, row.action, row.summary,
        )
        return values[index.column()]


class HistoryView(QWidget):
    def __init__(
        self, sessions: SessionFactory, flt: HistoryFilter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.base_filter = flt or HistoryFilter()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names, values or who made the change"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.choose_export_file)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        self.model = HistoryModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.empty_hint = EmptyListHint(self.table)
        self._top = TopOnNewQuery(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in enumerate(WIDTHS):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        # One record's own history: the record column would say the same on every row.
        self.table.setColumnHidden(RECORD_COLUMN, bool(self.base_filter.record_id))
        # The selected entry in full, one field a line: a long entry is cut off in its row.
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.modelReset.connect(self.detail.clear)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)

    def _show_detail(self, current: ModelIndex, _previous: ModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.rows[current.row()]
        heading = "  ".join((row.at.strftime("%Y-%m-%d %H:%M:%S"), row.actor, row.action,
                             row.record_with_id))
        self.detail.setPlainText("\n".join((heading, *row.lines)))

    @property
    def current_filter(self) -> HistoryFilter:
        return replace(self.base_filter, text=self.search.text())

    def reload(self) -> None:
        flt = self.current_filter
        total = count_history(self.sessions, flt)
        self.model.set_rows(search_history(self.sessions, flt, SHOWN))
        self._top.shown(flt)
        if total == 0:
            self.empty_hint.setText(self.tr("No change matches. Try a shorter keyword.")
                                    if flt.text.strip() else self.tr("No change recorded yet."))
        if total > SHOWN:
            text = self.tr("Newest %1 of %2 shown; search or export for the rest")
            self.count_label.setText(text.replace("%1", format_count(SHOWN))
                                     .replace("%2", format_count(total)))
        else:
            self.count_label.setText(grouped_count(self.tr("%n change(s)", "", total), total))

    def choose_export_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export change history"), "修改记录.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        try:
            for step in export_history(self.sessions, self.current_filter, path):
                progress.setMaximum(max(step.total, 1))
                progress.setValue(step.done)
                QApplication.processEvents()
                if progress.wasCanceled():
                    break
        except UserError as error:
            show_user_error(self, error)
        finally:
            progress.close()
