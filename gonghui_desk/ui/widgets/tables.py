"""How every list in the app looks and behaves: whole-row selection, fixed row height,
sorting on a header click, a grey hint line, a search box that waits for a pause, the first
row shown again after a new search, and a hint inside an empty list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from gonghui_desk.ui.models.row_list import WHOLE, RowListModel
from gonghui_desk.ui.settings import AppSettings
from gonghui_desk.ui.style import MUTED_STYLE

SEARCH_DELAY_MS = 150


def configure_table(table: QTableView, widths: list[int]) -> None:
    """Whole-row selection, no editing, fixed row height: the look of every list here;
    a column of width ``WHOLE`` follows its longest entry."""
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setMinimumSectionSize(40)
    for index, width in enumerate(widths):
        if width != WHOLE:
            header.resizeSection(index, width)
    header.setStretchLastSection(True)
    whole = [index for index, width in enumerate(widths) if width == WHOLE]
    if whole:
        WholeColumns(table, whole)


class WholeColumns(QObject):
    """Columns as wide as their longest entry each time the rows change, until the chair
    drags one to a width of their own (a column Qt sizes to its contents cannot be dragged)."""

    def __init__(self, table: QTableView, columns: list[int]) -> None:
        super().__init__(table)
        self.table = table
        self.columns = set(columns)
        self.by_hand: set[int] = set()
        self._fitting = False
        table.horizontalHeader().sectionResized.connect(self._resized)
        model = table.model()
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)
        model.rowsInserted.connect(lambda *_: self.fit())
        table.installEventFilter(self)  # a larger font (125 % on a laptop) needs room too
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show):
            self.fit()
        return False

    def fit(self) -> None:
        self._fitting = True
        try:
            for column in sorted(self.columns - self.by_hand):
                self.table.resizeColumnToContents(column)
        finally:
            self._fitting = False

    def _resized(self, index: int, _old: int, _new: int) -> None:
        if not self._fitting and index in self.columns:
            self.by_hand.add(index)  # dragged, or a remembered width put back


def make_sortable(table: QTableView, model: RowListModel[Any]) -> None:
    """Sort on a header click; until then the rows keep the order the service gave."""
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.sortIndicatorChanged.connect(model.sort)


def keep_sorted(table: QTableView, model: RowListModel[Any]) -> None:
    """After new rows arrived: the order the user chose, if any."""
    header = table.horizontalHeader()
    if 0 <= header.sortIndicatorSection() < model.columnCount():
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())


def record_table(model: RowListModel[Any], open_row: Callable[[], object],
                 selection_changed: Callable[[], object],
                 layout: tuple[AppSettings, str] | None = None) -> QTableView:
    """A sortable list over ``model``: double-click opens, selection changes are told;
    ``layout``: where its column layout and sorting are remembered (settings, list key)."""
    table = QTableView()
    table.setModel(model)
    configure_table(table, [c.width for c in model.columns])
    make_sortable(table, model)
    if layout is not None:
        remember_layout(table, *layout)
    table.doubleClicked.connect(lambda _: open_row())
    table.selectionModel().selectionChanged.connect(lambda *_: selection_changed())
    model.modelReset.connect(selection_changed)
    return table


def remember_layout(table: QTableView, settings: AppSettings, key: str) -> bool:
    """Give ``table`` the header the user left it with last time, and keep it from now on:
    column widths, order, hidden columns and the sort column and direction. True when a
    layout was restored (the caller then sorts by ``sortIndicatorSection``)."""
    header = table.horizontalHeader()
    state = settings.list_layout(key)
    restored = state is not None and header.restoreState(state)

    def save(*_: object) -> None:
        settings.set_list_layout(key, header.saveState())

    # Hiding or showing a column resizes its section, so this hears of that too.
    for signal in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged):
        signal.connect(save)
    return restored


def hint_label() -> QLabel:
    """Grey text under a list: why it is empty, or what to do first."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(MUTED_STYLE)
    return label


def search_timer(parent: QObject, run: Callable[[], object]) -> QTimer:
    """Runs ``run`` once typing pauses; connect a search box's textChanged to its start."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(run)
    return timer


class TopOnNewQuery:
    """Brings a list back to its first row when what it lists changes (a new search text,
    filter or order), but not when the same question is asked again after an edit, so the
    chair stays where they were working."""

    def __init__(self, table: QAbstractItemView) -> None:
        self.table = table
        self._last: object = None
        self._asked = False

    def shown(self, query: object) -> None:
        """Call after the list was filled (and any selection restored) for ``query``."""
        if not self._asked or query != self._last:
            self.table.scrollToTop()
        self._last, self._asked = query, True


class EmptyListHint(QLabel):
    """A grey sentence in the middle of a list while it has no rows: why, and what to try."""

    def __init__(self, table: QAbstractItemView, text: str = "") -> None:
        super().__init__(text, table.viewport())
        self.setObjectName("empty_list_hint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(MUTED_STYLE)
        # Clicks and the wheel still reach the list underneath.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._table = table
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self.follow)
        self.follow()

    def setText(self, text: str) -> None:
        """A new reason (the list's owner chooses it after a query): shown if still empty."""
        super().setText(text)
        self.follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        area = self._table.viewport().rect().adjusted(24, 0, -24, 0)
        self.setGeometry(area.x(), area.y() + 24, area.width(),
                         max(self.heightForWidth(area.width()), 40))

    def follow(self) -> None:
        model: QAbstractItemModel = self._table.model()
        self.setVisible(model.rowCount() == 0 and bool(self.text()))
        self._place()
