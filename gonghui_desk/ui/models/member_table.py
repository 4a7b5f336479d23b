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
from PySide6.QtGui import QFont

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.services.members import (
    MemberFilter,
    MemberRow,
    deciding_fields,
    fetch_rows,
    search_ids,
)
from gonghui_desk.services.operations import Changes
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "MemberColumns"
ModelIndex = QModelIndex | QPersistentModelIndex


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _yes(value: bool) -> str:
    return "是" if value else ""


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # English source text, translated in context "MemberColumns"
    value: Callable[[MemberRow], str]
    width: int
    sort_key: str | None = None
    centred: bool = False
    shown: bool = True  # shown until the user chooses otherwise


def _column(key: str, header: str, value: Callable[[MemberRow], str], width: int,
            sort: bool = False, centred: bool = False, shown: bool = True) -> Column:
    return Column(key, header, value, width, key if sort else None, centred, shown)


COLUMNS: tuple[Column, ...] = (
    _column("name", QT_TRANSLATE_NOOP("MemberColumns", "Name"), lambda r: r.name, 100, True),
    _column("gender", QT_TRANSLATE_NOOP("MemberColumns", "Sex"), lambda r: r.gender, 50, True,
            True),
    _column("birth_date", QT_TRANSLATE_NOOP("MemberColumns", "Date of birth"),
            lambda r: _date(r.birth_date), 100, True, True),
    _column("department", QT_TRANSLATE_NOOP("MemberColumns", "Department"),
            lambda r: r.department, 120, True),
    _column("post", QT_TRANSLATE_NOOP("MemberColumns", "Post"), lambda r: r.post, 100),
    _column("id_number", QT_TRANSLATE_NOOP("MemberColumns", "ID number"),
            lambda r: r.id_number_masked, 160),
    _column("phone", QT_TRANSLATE_NOOP("MemberColumns", "Mobile"), lambda r: r.phone_masked, 105),
    _column("card_number", QT_TRANSLATE_NOOP("MemberColumns", "Card number"),
            lambda r: r.card_number, 110, True, shown=False),
    _column("join_date", QT_TRANSLATE_NOOP("MemberColumns", "Joined"),
            lambda r: _date(r.join_date), 100, True, True),
    _column("status", QT_TRANSLATE_NOOP("MemberColumns", "Status"), lambda r: r.status, 80, True,
            True),
    _column("ethnicity", QT_TRANSLATE_NOOP("MemberColumns", "Ethnic group"),
            lambda r: r.ethnicity, 80, shown=False),
    _column("education", QT_TRANSLATE_NOOP("MemberColumns", "Education"),
            lambda r: r.education, 80, shown=False),
    _column("political_status", QT_TRANSLATE_NOOP("MemberColumns", "Political affiliation"),
            lambda r: r.political_status, 100, shown=False),
    _column("employment_status", QT_TRANSLATE_NOOP("MemberColumns", "Employment"),
            lambda r: r.employment_status, 90, shown=False),
    _column("migrant_worker", QT_TRANSLATE_NOOP("MemberColumns", "Migrant worker"),
            lambda r: _yes(r.migrant_worker), 80, centred=True, shown=False),
    _column("new_employment_form", QT_TRANSLATE_NOOP("MemberColumns", "New form of employment"),
            lambda r: r.new_employment_form, 110, shown=False),
    _column("dispatched", QT_TRANSLATE_NOOP("MemberColumns", "Agency worker"),
            lambda r: _yes(r.dispatched), 80, centred=True, shown=False),
    _column("model_worker_level", QT_TRANSLATE_NOOP("MemberColumns", "Model worker"),
            lambda r: r.model_worker_level, 80, shown=False),
)


# Why a row came up for a digit search: the number whose end the digits are.
MATCH_TIPS = {
    "id_number": QT_TRANSLATE_NOOP("MemberColumns", "The ID number ends in %1"),
    "phone": QT_TRANSLATE_NOOP("MemberColumns", "The mobile number ends in %1"),
}


def match_tip(row: MemberRow) -> str:
    """The tooltip of a row found by the end of its ID number or mobile, else ``""``."""
    tip = MATCH_TIPS.get(row.matched)
    return QCoreApplication.translate(CONTEXT, tip).replace("%1", row.matched_tail) if tip else ""


# The roles ``data`` answers, as plain ints: an enum member compared on every call of a
# paint costs as much as the rest of the call.
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
FONT = int(Qt.ItemDataRole.FontRole.value)
_ANSWERED = frozenset({DISPLAY, ALIGNMENT, TOOLTIP, FONT})
CENTRED = Qt.AlignmentFlag.AlignCenter
HORIZONTAL = Qt.Orientation.Horizontal


class MemberTableModel(QAbstractTableModel):
    # Rows read at a time: a screen and more at 1280×800 (about 23 show), read in 0.4 ms
    # where 100 took 0.7 and delayed every keystroke's first screen by the difference.
    PAGE_SIZE = 50
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

    def row_of(self, member_id: int) -> int | None:
        """Where a member is in the current list, or ``None`` when filtered out."""
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def apply_changes(self, changes: Changes) -> bool:
        """Follow what an operation changed; True when the list itself was asked again.

        A member edited in a column the list does not depend on repaints its row from one
        small query; a member added, removed, or changed where the filter or the order
        looks, asks SQL for the ids again (the selection is the page's to keep)."""
        member_changes = [c for c in changes.entries if c.table == "member"]
        events = changes.touches("membership_event") and self._filter.member_on is not None
        if not member_changes and not events:
            return False
        deciding = deciding_fields(self._filter)
        if events or any(c.kind != "update" or c.fields & deciding for c in member_changes):
            self.reload()
            return True
        self.invalidate(sorted(changes.ids("member")))
        return False

    def invalidate(self, member_ids: list[int]) -> None:
        """Rows changed elsewhere: drop them from the cache and repaint them."""
        for member_id in member_ids:
            self._rows.pop(member_id, None)
            row = self.row_of(member_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = DISPLAY
    ) -> object:
        if role == DISPLAY and orientation == HORIZONTAL:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].header)
        return None

    def data(self, index: ModelIndex, role: int = DISPLAY) -> object:
        # Painting a screen asks each cell for seven roles (about 1,500 calls), most of
        # which the list leaves to the style: those return before anything is looked up.
        if role not in _ANSWERED or not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == ALIGNMENT:
            return CENTRED if column.centred else None
        row = self._row(index.row())
        if role == DISPLAY:
            return column.value(row) if row is not None else ""
        if row is None or not row.matched:
            return None
        if role == TOOLTIP:
            return match_tip(row)  # on the whole row: the chair points anywhere
        if column.key == row.matched:  # the number that matched stands out
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.choose_order(column, order):
            self.set_filter(self._filter)

    def choose_order(self, column: int, order: Qt.SortOrder) -> bool:
        """Sort by ``column`` from the next query on (a remembered order, before the
        first); False for a column the list cannot be sorted by."""
        if not 0 <= column < len(COLUMNS) or (key := COLUMNS[column].sort_key) is None:
            return False
        descending = order == Qt.SortOrder.DescendingOrder
        self._filter = replace(self._filter, sort_key=key, descending=descending)
        return True

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
        self._rows.update(fetch_rows(self._sessions, page, self._filter.text))
