"""会员: the member list with search and a status filter, fast at 100,000 members."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from gonghui_desk.domain import membership as ms
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.history import RecordHistoryDialog
from gonghui_desk.ui.models.member_table import COLUMNS, MemberTableModel
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

SEARCH_DELAY_MS = 250

# (English label, statuses) — the first entry is the default view.
STATUS_FILTERS: tuple[tuple[str, frozenset[str]], ...] = (
    (QT_TRANSLATE_NOOP("MembersPage", "Members (active and reserved)"), ms.MEMBER_STATUSES),
    (QT_TRANSLATE_NOOP("MembersPage", "Active"), frozenset({ms.ACTIVE})),
    (QT_TRANSLATE_NOOP("MembersPage", "Reserved"), frozenset({ms.RESERVED})),
    (
        QT_TRANSLATE_NOOP("MembersPage", "Former members"),
        frozenset({ms.TRANSFERRED_OUT, ms.WITHDRAWN, ms.EXPELLED}),
    ),
    (QT_TRANSLATE_NOOP("MembersPage", "Everyone on file"), frozenset()),
)


class MembersPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Members"), parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search name, department, ID number or phone"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        for label, _ in STATUS_FILTERS:
            self.status_filter.addItem(QCoreApplication.translate("MembersPage", label))
        self.count_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.count_label)
        self.layout_.addLayout(bar)

        self.model = MemberTableModel(context.db.sessions)
        self.model.modelReset.connect(self._update_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width)
        header.setStretchLastSection(True)
        self.layout_.addWidget(self.table, 1)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        history_action = QAction(self.tr("Change history…"), self.table)
        history_action.triggered.connect(self.show_history)
        self.table.addAction(history_action)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        # Sorting is wired by hand rather than with setSortingEnabled, which would query
        # once here and again when the page is shown.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)

    def show_history(self) -> RecordHistoryDialog | None:
        """The change history of the selected member."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        member_id = self.model.member_id(index.row())
        name = str(self.model.data(self.model.index(index.row(), 0)))
        dialog = RecordHistoryDialog(self.context.db.sessions, "member", member_id, name, self)
        dialog.open()
        return dialog

    def apply_filter(self) -> None:
        statuses = STATUS_FILTERS[self.status_filter.currentIndex()][1]
        flt = replace(self.model.current_filter, text=self.search.text(), statuses=statuses)
        self.model.set_filter(flt)

    def refresh(self) -> None:
        self.apply_filter()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("%n person(s)", "", self.model.rowCount()))
