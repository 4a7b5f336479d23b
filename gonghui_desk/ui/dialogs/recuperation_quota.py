"""名额与预算: the places and budget the higher-level union issued for a year, and their
shares by department.

Sharing places out by department is optional: with no row in the table, anyone may have
any place. Each department's row shows how many of its people are already arranged, so a
share is not set below that (the service refuses it, and says so under the table). The
sum of the shares is shown against the year's places as they are typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.members import departments
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation import SAVE_QUOTA, Quota, quota_status, save_quota
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.screen_fit import scroll_body
from gonghui_desk.ui.style import ERROR_STYLE, MUTED_STYLE
from gonghui_desk.ui.widgets.fields import (
    FieldRow,
    OptionalDateEdit,
    message_label,
    save_buttons,
)
from gonghui_desk.ui.widgets.inputs import MoneyEdit, count_box

MAX_PLACES = 100_000


class QuotaDialog(QDialog):
    """Emits ``saved`` after the quota was saved (then closes)."""

    saved = Signal()

    def __init__(self, context: AppContext, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        self.year = year
        status = quota_status(self.sessions, year)
        self.taken = {d.department: d.taken for d in status.departments}
        self.department_names = departments(self.sessions)
        self.setWindowTitle(self.tr("Places and budget %1").replace("%1", str(year)))
        self.places = count_box(MAX_PLACES)
        self.places.setObjectName("quota_places")
        self.places.setMaximumWidth(120)
        self.places.valueChanged.connect(lambda _: self._show_sum())
        self.budget = MoneyEdit()
        self.budget.setObjectName("quota_budget")
        budget_line = QWidget()
        line = QHBoxLayout(budget_line)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.budget)
        line.addWidget(QLabel(self.tr("yuan")))
        line.addStretch(1)
        self.issued_by = QLineEdit()
        self.issued_by.setObjectName("quota_issued_by")
        self.issued_by.setPlaceholderText(self.tr("e.g. 市总工会"))
        self.received_on = OptionalDateEdit()
        self.received_on.setObjectName("quota_received_on")
        self.received_on.setMaximumWidth(160)
        self.note = QLineEdit()
        self.note.setObjectName("quota_note")
        self.rows = {"places": FieldRow(self.places), "budget": FieldRow(budget_line)}
        arranged = QLabel(self.tr("Already arranged this year: %1 people, %2 yuan of public "
                                  "money.").replace("%1", str(status.taken))
                          .replace("%2", yuan_text(status.used, unit="")))
        arranged.setStyleSheet(MUTED_STYLE)
        year_box = QGroupBox(self.tr("The year"))
        form = QFormLayout(year_box)
        form.addRow(self.tr("Places"), self.rows["places"])
        form.addRow(self.tr("Budget"), self.rows["budget"])
        form.addRow("", arranged)
        form.addRow(self.tr("Issued by"), self.issued_by)
        form.addRow(self.tr("Received on"), self.received_on)
        form.addRow(self.tr("Note"), self.note)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("quota_departments")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Department"), self.tr("Places"), self.tr("Arranged")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 90)
        header.resizeSection(2, 70)
        self.add_button = QPushButton(self.tr("Add a department"))
        self.add_button.clicked.connect(lambda: self.add_share("", 0))
        self.add_all_button = QPushButton(self.tr("Add every department"))
        self.add_all_button.clicked.connect(self.add_every_department)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.sum_label = QLabel()
        self.shares_row = FieldRow(self.sum_label)
        share_buttons = QHBoxLayout()
        for button in (self.add_button, self.add_all_button, self.remove_button):
            share_buttons.addWidget(button)
        share_buttons.addStretch(1)
        shares_box = QGroupBox(self.tr("Shares by department (optional)"))
        shares = QVBoxLayout(shares_box)
        hint = QLabel(self.tr("With no department listed, places are not shared out: anyone "
                              "may have any place."))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        shares.addWidget(hint)
        shares.addWidget(self.table, 1)
        shares.addLayout(share_buttons)
        shares.addWidget(self.shares_row)
        self.rows["departments"] = self.shares_row

        self.general = message_label()
        self.buttons, _ = save_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(year_box)
        layout.addWidget(shares_box, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        scroll_body(self, 560, 640)
        quota = status.quota
        if quota is not None:
            self.places.setValue(quota.places)
            self.budget.set_value(quota.budget)
            self.issued_by.setText(quota.issued_by)
            self.received_on.set_value(quota.received_on)
            self.note.setText(quota.note)
            for department, places in sorted(quota.departments.items()):
                self.add_share(department, places)
        self._show_sum()

    # -- the shares ---------------------------------------------------------------------

    def add_share(self, department: str, places: int) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.setEditable(True)
        combo.addItems(self.department_names)
        combo.setCurrentText(department)
        combo.currentTextChanged.connect(lambda _: self._refresh_taken())
        spin = count_box(MAX_PLACES)
        spin.setValue(places)
        spin.valueChanged.connect(lambda _: self._show_sum())
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, spin)
        item = QTableWidgetItem()
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.setItem(row, 2, item)
        self._refresh_taken()
        self._show_sum()

    def add_every_department(self) -> None:
        listed = set(self.shares())
        for department in self.department_names:
            if department not in listed:
                self.add_share(department, 0)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows or ([self.table.rowCount() - 1] if self.table.rowCount() else []):
            self.table.removeRow(row)
        self._show_sum()

    def _department(self, row: int) -> str:
        combo = self.table.cellWidget(row, 0)
        return combo.currentText().strip() if isinstance(combo, QComboBox) else ""

    def _places(self, row: int) -> int:
        spin = self.table.cellWidget(row, 1)
        return spin.value() if isinstance(spin, QSpinBox) else 0

    def shares(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in range(self.table.rowCount()):
            department = self._department(row)
            found[department] = found.get(department, 0) + self._places(row)
        return found

    def _refresh_taken(self) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 2)
            if item is not None:
                item.setText(str(self.taken.get(self._department(row), 0)))

    def _show_sum(self) -> None:
        shared = sum(self._places(r) for r in range(self.table.rowCount()))
        places = self.places.value()
        self.sum_label.setText(self.tr("Shared out: %1 of the year's %2 places")
                               .replace("%1", str(shared)).replace("%2", str(places)))
        self.sum_label.setStyleSheet(ERROR_STYLE if shared > places else "")

    # -- saving -------------------------------------------------------------------------

    def value(self) -> Quota:
        return Quota(year=self.year, places=self.places.value(), budget=self.budget.value(),
                     issued_by=self.issued_by.text().strip(),
                     received_on=self.received_on.value(), note=self.note.text().strip(),
                     departments=self.shares())

    def save(self) -> bool:
        for row in self.rows.values():
            row.show_message("")
        quota = self.value()
        try:
            self.context.runner.run(Op(SAVE_QUOTA, lambda tx: save_quota(tx, quota)))
        except ValidationError as error:
            messages: dict[str, list[str]] = {}
            for problem in error.problems:
                key = problem.key if problem.key in self.rows else "departments"
                messages.setdefault(key, []).append(problem.message)
            for key, lines in messages.items():
                self.rows[key].show_message("\n".join(lines))
            self.general.setText(self.tr("Not saved."))
            self.general.show()
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        self.saved.emit()
        self.accept()
        return True
