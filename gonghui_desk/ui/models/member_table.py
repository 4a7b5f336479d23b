"""The members list: ids from SQL in order, rows fetched a page at a time as frozen DTOs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.services.members import MemberFilter, MemberRow, fetch_rows, search_ids
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "MemberColumns"
ModelIndex = QModelIndex | QPersistentModelIndex


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # English source text, translated in context "MemberColumns"
    value: Callable[[MemberRow], str]
    width: int
    sort_key: str | None = None
    centred: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("name", QT_TRANSLATE_NOOP("MemberColumns", "Name"), lambda r: r.name, 110, "name"),
    Column(
        "gender", QT_TRANSLATE_NOOP("MemberColumns", "Sex"), lambda r: r.gender, 50, "gender", True
    ),
    Column(
        "birth_date", QT_TRANSLATE_NOOP("MemberColumns", "Date of birth"),
        lambda r: _date(r.birth_date), 110, "birth_date", True,
    ),
    Column(
        "department", QT_TRANSLATE_NOOP("MemberColumns", "Department"),
        lambda r: r.department, 130, "department",
    ),
    Column(
        "id_number", QT_TRANSLATE_NOOP("MemberColumns", "ID number"),
        lambda r: r.id_number_masked, 165,
    ),
    Column("phone", QT_TRANSLATE_NOOP("MemberColumns", "Mobile"), lambda r: r.phone_masked, 110),
    Column(
        "join_date", QT_TRANSLATE_NOOP("MemberColumns", "Joined"),
        lambda r: _date(r.join_date), 110, "join_date", True,
    ),
    Column(
        "status", QT_TRANSLATE_NOOP("MemberColumns", "Status"), lambda r: r.status, 90, "status",
        True,
    ),
)


class MemberTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_CACHED = 4000

    def __init__(self, sessions: SessionFactory) -> None:
        super().__init__()
        self._sessions = sessions
        self._filter = MemberFilter()
        self._ids: list[int] = []
        self._rows: dict[int, MemberRow] = {}

    @property
    def current_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, flt: MemberFilter) -> None:
        """Ask SQL for the matching ids in order and start over with an empty cache."""
        ids = search_ids(self._sessions, flt)
        self.beginResetModel()
        self._filter = flt
        self._ids = ids
        self._rows.clear()
        self.endResetModel()

    def reload(self) -> None:
        self.set_filter(self._filter)

    def member_id(self, row: int) -> int:
        return self._ids[row]

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].header)
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centred:
            return Qt.AlignmentFlag.AlignCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        return column.value(row) if row is not None else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_filter(replace(self._filter, sort_key=key, descending=descending))

    # -- lazy rows ----------------------------------------------------------------------

    def _row(self, position: int) -> MemberRow | None:
        member_id = self._ids[position]
        row = self._rows.get(member_id)
        if row is None:
            self._load_page_around(position)
            row = self._rows.get(member_id)
        return row

    def _load_page_around(self, position: int) -> None:
        if len(self._rows) >= self.MAX_CACHED:
            self._rows.clear()
        start = position - position % self.PAGE_SIZE
        page = self._ids[start : start + self.PAGE_SIZE]
        self._rows.update(fetch_rows(self._sessions, page))
