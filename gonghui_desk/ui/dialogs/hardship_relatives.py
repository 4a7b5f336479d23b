"""家庭成员: the people living with the applicant (不含本人), one table row each.

Coded columns edit through a dropdown of their code list; the ID number, age and income
are typed. The household size of the income test is the applicant plus these rows. A saved
member's row keeps the member's number (on its name cell), so saving changes that member
rather than removing and adding everyone.
"""

from __future__ import annotations

from dataclasses import fields
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.hardship_file import RelativeDraft
from gonghui_desk.domain.member import CODE_LISTS as MEMBER_CODES
from gonghui_desk.ui.models.hardship_fields import relative_title
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.inputs import CodeColumnDelegate, money_text, parse_money

KEYS = tuple(f.name for f in fields(RelativeDraft) if f.name != "id")
SAVED_ID = Qt.ItemDataRole.UserRole
CODES: dict[str, CodeList] = {
    "relation": hs.RELATION, "gender": MEMBER_CODES["gender"],
    "political_status": MEMBER_CODES["political_status"],
    "education": MEMBER_CODES["education"], "medical_insurance": hs.MEDICAL_INSURANCE,
    "health": hs.HEALTH, "identity": hs.IDENTITY,
}
TRIGGER = QAbstractItemView.EditTrigger
EDITING = TRIGGER.DoubleClicked | TRIGGER.EditKeyPressed | TRIGGER.AnyKeyPressed
NO_EDITING = TRIGGER.NoEditTriggers
WIDTHS = {"name": 70, "relation": 75, "gender": 45, "political_status": 75, "education": 70,
          "id_number": 155, "age": 42, "medical_insurance": 125, "health": 65,
          "monthly_income": 85, "identity": 80, "unit_or_school": 80}


class RelativesTab(QWidget):
    """Emits ``changed`` whenever a row is added, removed or edited."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(self.tr(
            "Everyone living with the applicant, not the applicant. They count in the "
            "household size of the income test; their ID numbers are checked so that a "
            "household has only one open file."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(KEYS))
        self.table.setObjectName("relatives")
        self.table.setHorizontalHeaderLabels([relative_title(k) for k in KEYS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(EDITING)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        for column, key in enumerate(KEYS):
            self.table.horizontalHeader().resizeSection(column, WIDTHS[key])
            if key in CODES:
                self.table.setItemDelegateForColumn(column, CodeColumnDelegate(CODES[key], self))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemChanged.connect(lambda _: self.changed.emit())
        self.add_button = QPushButton(self.tr("Add a household member"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove the selected row"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, key in enumerate(KEYS):
            item = QTableWidgetItem("")
            if key in ("age", "monthly_income"):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def set_value(self, row: int, key: str, value: str) -> None:
        item = self.table.item(row, KEYS.index(key))
        assert item is not None
        item.setText(value)

    def value(self, row: int, key: str) -> str:
        item = self.table.item(row, KEYS.index(key))
        return item.text().strip() if item is not None else ""

    def fill(self, relatives: tuple[RelativeDraft, ...]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for relative in relatives:
            row = self.add_row()
            self.table.blockSignals(True)
            name_item = self.table.item(row, KEYS.index("name"))
            assert name_item is not None
            name_item.setData(SAVED_ID, relative.id)
            for key in KEYS:
                value = getattr(relative, key)
                if key == "monthly_income":
                    text = money_text(value)
                elif key == "age":
                    text = "" if value is None else str(value)
                else:
                    text = value or ""
                self.set_value(row, key, text)
            self.table.blockSignals(False)
        self.table.clearSelection()

    def count(self) -> int:
        return self.table.rowCount()

    def relatives(self) -> tuple[tuple[RelativeDraft, ...], list[str]]:
        """The rows as drafts, and what cannot be read (an age or income that is no number)."""
        drafts, problems = [], []
        for row in range(self.table.rowCount()):
            values: dict[str, object] = {k: self.value(row, k) for k in KEYS}
            age_text = self.value(row, "age")
            values["age"] = None
            if age_text:
                if age_text.isdigit() and int(age_text) < 150:
                    values["age"] = int(age_text)
                else:
                    problems.append(self.tr("Row %1: the age “%2” is not a number of years.")
                                    .replace("%1", str(row + 1)).replace("%2", age_text))
            income = parse_money(self.value(row, "monthly_income"))
            if income is None:
                problems.append(self.tr("Row %1: the monthly income is not an amount in yuan.")
                                .replace("%1", str(row + 1)))
            values["monthly_income"] = income if income is not None else Decimal(0)
            name_item = self.table.item(row, KEYS.index("name"))
            saved_id = name_item.data(SAVED_ID) if name_item is not None else None
            values["id"] = int(saved_id) if saved_id is not None else None
            drafts.append(RelativeDraft(**values))  # type: ignore[arg-type]
        return tuple(drafts), problems

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(NO_EDITING if read_only else EDITING)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)

    def show_messages(self, messages: list[str]) -> None:
        self.message.setText("\n".join(messages))
        self.message.setVisible(bool(messages))
