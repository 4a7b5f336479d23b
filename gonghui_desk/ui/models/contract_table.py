"""The collective contracts list and a contract's attachments as table models.

A branch has a handful of contracts, so the model holds the whole list the service gives
(sorted by the next deadline) and sorts in Python on a header click. The status speaks in
colour: red when the next deadline has passed, orange for what needs doing soon
(待备案, 即将到期), grey for what is over (已到期, 已终止).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication

from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.services.contract_files import AttachmentRow
from gonghui_desk.services.contracts import ContractRow
from gonghui_desk.ui.models.row_list import CENTRE, RIGHT, WHOLE, Column, RowListModel
from gonghui_desk.ui.style import ERROR_RED, FADED, WARNING
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP

CONTEXT = "ContractColumns"
RED = QColor(ERROR_RED)
ORANGE = QColor(WARNING)
GREY = QColor(FADED)
SOON = (ct.TO_FILE, ct.EXPIRING)
OVER = (ct.EXPIRED, ct.TERMINATED)


def term_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return ""
    return f"{start or '?'} – {end or '?'}"


def size_text(size: int) -> str:
    """1 234 bytes → "1.2 KB"; sizes as people read them."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


CONTRACT_COLUMNS: tuple[Column[ContractRow], ...] = (
    Column("title", QT_TRANSLATE_NOOP("ContractColumns", "Contract"), lambda r: r.title,
           lambda r: r.title, 220),
    Column("type", QT_TRANSLATE_NOOP("ContractColumns", "Type"), lambda r: r.contract_type,
           lambda r: r.contract_type, 160),
    Column("kind", QT_TRANSLATE_NOOP("ContractColumns", "Signing"), lambda r: r.kind,
           lambda r: r.kind, 50, CENTRE),
    Column("enterprise", QT_TRANSLATE_NOOP("ContractColumns", "Enterprise"),
           lambda r: r.enterprise_name, lambda r: r.enterprise_name, WHOLE),
    Column("term", QT_TRANSLATE_NOOP("ContractColumns", "Term"),
           lambda r: term_text(r.term_start, r.term_end),
           lambda r: (r.term_start or dt.date.min, r.id), WHOLE, CENTRE),
    Column("status", QT_TRANSLATE_NOOP("ContractColumns", "Status"), lambda r: r.status,
           lambda r: ct.STATUS.values.index(r.status) if r.status in ct.STATUS else 99, 70,
           CENTRE),
    Column("next", QT_TRANSLATE_NOOP("ContractColumns", "Next deadline"),
           lambda r: r.next_text, lambda r: (r.next_due is None, r.next_due or dt.date.max), 240),
)

ATTACHMENT_COLUMNS: tuple[Column[AttachmentRow], ...] = (
    Column("kind", QT_TRANSLATE_NOOP("ContractColumns", "Kind"), lambda r: r.kind,
           lambda r: r.kind, 120),
    Column("filename", QT_TRANSLATE_NOOP("ContractColumns", "File"), lambda r: r.filename,
           lambda r: r.filename, 260),
    Column("size", QT_TRANSLATE_NOOP("ContractColumns", "Size"), lambda r: size_text(r.size),
           lambda r: r.size, 80, RIGHT),
    Column("added_at", QT_TRANSLATE_NOOP("ContractColumns", "Added"),
           lambda r: f"{r.added_at:%Y-%m-%d %H:%M}", lambda r: (r.added_at, r.id), 130, CENTRE),
    Column("note", QT_TRANSLATE_NOOP("ContractColumns", "Note"), lambda r: r.note,
           lambda r: r.note, 120),
)


class ContractListModel(RowListModel[Any]):
    """Rows under declared columns, headers translated in context "ContractColumns"."""

    context = CONTEXT

    def record_id(self, row: int) -> int:
        return int(self.rows[row].id)

    def row_of(self, record_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == record_id), None)


class ContractModel(ContractListModel):
    """The contracts; ``today`` decides which next deadline has passed."""

    def __init__(self, today: dt.date) -> None:
        super().__init__(CONTRACT_COLUMNS)
        self.today = today

    def overdue(self, row: ContractRow) -> bool:
        return row.next_due is not None and row.next_due < self.today

    def colour(self, row: ContractRow) -> QColor | None:
        if self.overdue(row):
            return RED
        if row.status in SOON:
            return ORANGE
        if row.status in OVER:
            return GREY
        return None

    def extra_data(self, row: ContractRow, column: Column[ContractRow], role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column.key in ("status", "next"):
            colour = self.colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole and column.key == "status" and self.overdue(row):
            font = QGuiApplication.font()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("title", "type", "next",
                                                                   "enterprise"):
            return column.value(row)
        return None


class AttachmentModel(ContractListModel):
    def __init__(self) -> None:
        super().__init__(ATTACHMENT_COLUMNS)

    def extra_data(self, row: AttachmentRow, column: Column[AttachmentRow], role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column.key in ("filename", "note"):
            return column.value(row)
        return None
