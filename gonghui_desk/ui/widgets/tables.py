"""How every list in the app looks and behaves: whole-row selection, fixed row height,
sorting on a header click, a grey hint line, and a search box that waits for a pause.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView

from gonghui_desk.ui.models.row_list import WHOLE, RowListModel
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
        if width == WHOLE:
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        else:
            header.resizeSection(index, width)
    header.setStretchLastSection(True)


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
                 selection_changed: Callable[[], object]) -> QTableView:
    """A sortable list over ``model``: double-click opens, selection changes are told."""
    table = QTableView()
    table.setModel(model)
    configure_table(table, [c.width for c in model.columns])
    make_sortable(table, model)
    table.doubleClicked.connect(lambda _: open_row())
    table.selectionModel().selectionChanged.connect(lambda *_: selection_changed())
    model.modelReset.connect(selection_changed)
    return table


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
