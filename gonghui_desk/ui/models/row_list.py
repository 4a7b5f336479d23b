"""A table model over a list of frozen service rows under declared columns, for every area.

A register keeps tens or a few hundred records, so a model holds its whole list and sorts it
in Python by the column's own sort key (a date, an amount), not by the text shown. Headers
are English source text, translated in the Qt context a subclass names in ``context``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

ModelIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
CENTRE = Qt.AlignmentFlag.AlignCenter
RIGHT = Qt.AlignmentFlag.AlignRight
# The width of a column read whole (a date range, a name): as wide as its longest entry in
# any font, which a short list can afford (never the 100,000-member one).
WHOLE = 0


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str
    header: str  # English source text, translated in the model's ``context``
    value: Callable[[Row], str]
    sort_value: Callable[[Row], Any]
    width: int  # pixels, or WHOLE
    alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft


class RowListModel(QAbstractTableModel, Generic[Row]):
    """Rows of one service DTO type under declared columns; sortable by any column."""

    context = ""  # the translation context of the headers ("HardshipColumns", …)

    def __init__(self, columns: Sequence[Column[Row]]) -> None:
        super().__init__()
        self.columns = tuple(columns)
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self.rows[index]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.context, self.columns[section].header)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment | Qt.AlignmentFlag.AlignVCenter)
        return self.extra_data(row, column, role)

    def extra_data(self, row: Row, column: Column[Row], role: int) -> Any:
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=self.columns[column].sort_value,
                       reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()
