"""The import preview: every row of a checked roster, filtered by what will happen to it.

A roster may hold 100,000 rows, so the model keeps only the positions of the rows the
filter lets through (a ``range`` when nothing is filtered) and builds a row's text when
the view paints it. Filtering is one pass over the plan; there is no proxy model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from gonghui_desk.exchange.member_import import (
    BLOCKING,
    DUPLICATE,
    EXISTING,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    RowResult,
)
from gonghui_desk.ui.style import ERROR_RED, FADED, INFO_BLUE, OK_GREEN
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "ImportPreview"
ModelIndex = QModelIndex | QPersistentModelIndex

HEADERS = (
    QT_TRANSLATE_NOOP("ImportPreview", "Row"),
    QT_TRANSLATE_NOOP("ImportPreview", "Name"),
    QT_TRANSLATE_NOOP("ImportPreview", "Result"),
    QT_TRANSLATE_NOOP("ImportPreview", "Changes, problems and notes"),
)
ROW, NAME, VERDICT, DETAILS = range(4)
WIDTHS = (60, 90, 90)

_COLOURS = {
    NEW: QColor(OK_GREEN),
    UPDATE: QColor(INFO_BLUE),
    UNCHANGED: QColor(FADED),
    EXISTING: QColor(FADED),
    DUPLICATE: QColor(ERROR_RED),
    REJECTED: QColor(ERROR_RED),
}


@dataclass(frozen=True)
class RowFilter:
    key: str
    label: str  # shown as it is: a verdict is Chinese data, the others are translated
    keep: Callable[[RowResult], bool]


def _verdict(verdict: str) -> RowFilter:
    return RowFilter(verdict, verdict, lambda r: r.verdict == verdict)


ALL_ROWS = QT_TRANSLATE_NOOP("ImportPreview", "All rows")
WITH_PROBLEMS = QT_TRANSLATE_NOOP("ImportPreview", "With problems")
WITH_NOTES = QT_TRANSLATE_NOOP("ImportPreview", "With notes")


def row_filters() -> list[RowFilter]:
    """全部, 有问题, one per verdict, 有提示 — in the order the filter combo offers them."""
    def tr(text: str) -> str:
        return QCoreApplication.translate(CONTEXT, text)

    return [
        RowFilter("all", tr(ALL_ROWS), lambda r: True),
        RowFilter("problems", tr(WITH_PROBLEMS),
                  lambda r: bool(r.problems) or r.verdict in BLOCKING),
        *(_verdict(v) for v in (NEW, UPDATE, UNCHANGED, EXISTING, DUPLICATE, REJECTED)),
        RowFilter("notices", tr(WITH_NOTES), lambda r: bool(r.notices)),
    ]


def details(row: RowResult) -> list[str]:
    """What the preview says about a row: problems first, then changes, then notes.

    A column is named by its header on one line: "证件号码\n(填写18位身份证)" would end
    the table cell at its line break.
    """
    lines = [f"【{' '.join(p.column.split())}】{p.message}" for p in row.problems]
    lines += row.changes
    lines += row.notices
    return lines


def one_line(lines: list[str]) -> str:
    """Sentences run on; a change ("岗位：焊工 → 操作工") is closed with "；"."""
    return "".join(t if t.endswith(("。", "；")) else t + "；" for t in lines).rstrip("；")


class ImportPreviewModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: Sequence[RowResult] = ()
        self._shown: Sequence[int] = range(0)

    def set_rows(self, rows: Sequence[RowResult]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._shown = range(len(rows))
        self.endResetModel()

    def set_filter(self, keep: Callable[[RowResult], bool] | None) -> None:
        """Show the rows ``keep`` accepts (all rows for ``None``)."""
        self.beginResetModel()
        if keep is None:
            self._shown = range(len(self._rows))
        else:
            self._shown = [i for i, row in enumerate(self._rows) if keep(row)]
        self.endResetModel()

    def result(self, row: int) -> RowResult:
        return self._rows[self._shown[row]]

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.result(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ROW:
                return str(row.row)
            if column == NAME:
                return row.name
            if column == VERDICT:
                return row.verdict
            return one_line(details(row))
        if role == Qt.ItemDataRole.ToolTipRole and column == DETAILS:
            return "\n".join(details(row)) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == VERDICT:
                return QBrush(_COLOURS[row.verdict]) if row.verdict in _COLOURS else None
            if column == DETAILS and row.problems:
                return QBrush(_COLOURS[REJECTED])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ROW, VERDICT):
            return Qt.AlignmentFlag.AlignCenter
        return None
