"""收入测算: one year's household income and rigid expenses, and the category they suggest.

The figures are worked out as they are typed, with the same rule the service applies
(domain.hardship.IncomeTest against the 低保 standard of the file's region and year), and
the arithmetic is shown as the higher body will read it. Choosing a category other than
the suggested one needs a reason. Saving keeps the test (services.hardship.assess_year);
a year tested before opens with its items.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain.hardship import IncomeTest, Suggestion, suggest_category
from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.region import region_label
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.hardship import (
    ASSESS_YEAR,
    YearTest,
    assess_year,
    dibao_for,
    load_years,
)
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.style import ERROR_STYLE, MUTED_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow, save_row
from gonghui_desk.ui.widgets.inputs import money_text, parse_money

# The lines of a household's income check as the civil-affairs forms name them (data).
INCOME_ITEMS = ("工资性收入", "经营净收入", "财产净收入", "养老金、离退休金", "低保金及其他救助",
                "工会帮扶", "赡养、抚养费", "其他收入")
EXPENSE_ITEMS = ("自付医疗费用", "子女教育费用", "残疾康复费用", "其他刚性支出")


class MoneyItemsTable(QWidget):
    """Items and their yearly amounts, with the total; emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, title: str, suggestions: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestions = suggestions
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Yuan a year")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(1, 120)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _: self.changed.emit())
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.total = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        inner.addWidget(self.table, 1)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

    def add_item(self, item: str = "", amount: Decimal = Decimal(0)) -> int:
        """A row; a new empty row is named after the first suggestion not yet used."""
        if not item:
            used = {self._text(r, 0) for r in range(self.table.rowCount())}
            item = next((s for s in self.suggestions if s not in used), "")
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(item))
        figure = QTableWidgetItem(money_text(amount))
        figure.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 1, figure)
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def set_amount(self, row: int, text: str) -> None:
        item = self.table.item(row, 1)
        assert item is not None
        item.setText(text)

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def set_items(self, items: list[tuple[str, Decimal]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for item, amount in items:
            self.add_item(item, amount)
        self.changed.emit()

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def items(self) -> tuple[list[tuple[str, Decimal]], list[int]]:
        """The items with an amount, and the rows whose amount cannot be read."""
        found, bad = [], []
        for row in range(self.table.rowCount()):
            amount = parse_money(self._text(row, 1))
            if amount is None:
                bad.append(row + 1)
            elif amount or self._text(row, 0):
                found.append((self._text(row, 0) or self.tr("(no name)"), amount))
        self.total.setText(self.tr("Total %1 yuan")
                           .replace("%1", yuan_text(sum((a for _, a in found), Decimal(0)),
                                                    unit="")))
        return found, bad

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)


class IncomeTab(QWidget):
    """Emits ``assessed`` after a test was saved (the file's category may have changed)."""

    assessed = Signal()

    def __init__(self, context: AppContext, household_size: Callable[[], int],
                 region: Callable[[], str], before_save: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        self.file_id: int | None = None
        self.household_size, self.region, self.before_save = household_size, region, before_save
        self.suggestion: Suggestion | None = None
        self.saved: dict[int, YearTest] = {}
        self._standards: dict[tuple[str, int], Decimal | None] = {}  # read once per opening
        self.year = QSpinBox()
        self.year.setObjectName("income_year")
        this_year = context.clock.year
        self.year.setRange(2000, this_year + 1)
        self.year.setValue(this_year)
        self.year.setKeyboardTracking(False)
        self.year.valueChanged.connect(lambda _: self.show_year())
        self.years_label = QLabel()
        self.years_label.setStyleSheet(MUTED_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.years_label, 1)

        self.income = MoneyItemsTable(self.tr("Household income in the year"), INCOME_ITEMS)
        self.expenses = MoneyItemsTable(self.tr("Rigid expenses in the year"), EXPENSE_ITEMS)
        tables = QHBoxLayout()
        tables.addWidget(self.income)
        tables.addWidget(self.expenses)

        self.basis = QLabel()
        self.basis.setWordWrap(True)
        self.suggestion_label = QLabel()
        font = self.suggestion_label.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.suggestion_label.setFont(font)
        self.arithmetic = QLabel()
        self.arithmetic.setWordWrap(True)
        self.arithmetic.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result = QGroupBox(self.tr("Result"))
        result_layout = QVBoxLayout(result)
        for widget in (self.basis, self.suggestion_label, self.arithmetic):
            result_layout.addWidget(widget)

        self.category = QComboBox()
        self.category.setObjectName("income_category")
        self.category.addItem(self.tr("As suggested"), "")
        for value in hs.CATEGORY.values:
            self.category.addItem(value, value)
        self.category.setMaximumWidth(240)
        self.category.currentIndexChanged.connect(lambda _: self._update_choice())
        self.reason = QLineEdit()
        self.reason.setObjectName("override_reason")
        self.reason_row = FieldRow(self.reason)
        self.choice_hint = QLabel()
        self.choice_hint.setWordWrap(True)
        self.choice_hint.setStyleSheet(MUTED_STYLE)
        choice = QGroupBox(self.tr("Category on file"))
        form = QFormLayout(choice)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Reason for a different category"), self.reason_row)
        form.addRow(self.choice_hint)

        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        save_line, self.state = save_row(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tables, 1)
        layout.addWidget(result)
        layout.addWidget(choice)
        layout.addLayout(save_line)
        self.income.changed.connect(self.recompute)
        self.expenses.changed.connect(self.recompute)

    # -- loading ------------------------------------------------------------------------

    def load(self, file_id: int | None) -> None:
        self.file_id = file_id
        self._standards.clear()
        self.saved = {t.year: t for t in load_years(self.sessions, file_id)} if file_id else {}
        self.years_label.setText(
            self.tr("Tested: %1").replace("%1", "、".join(
                f"{t.year}（{t.category or t.suggested or '—'}）" for t in self.saved.values()))
            if self.saved else self.tr("No year tested yet."))
        if self.saved and self.year.value() not in self.saved:
            self.year.setValue(max(self.saved))  # shows that year
        else:
            self.show_year()

    def show_year(self) -> None:
        """The chosen year's saved items, or empty tables for a year not tested yet."""
        year = self.year.value()
        test = self.saved.get(year)
        self.income.set_items(test.income if test else [])
        self.expenses.set_items(test.expenses if test else [])
        chosen = test.category if test and test.category != test.suggested else ""
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.reason.setText(test.override_reason if test else "")
        self.reason_row.show_message("")
        self.save_button.setText(self.tr("Save the test for %1").replace("%1", str(year)))
        self.state.setText(
            self.tr("Showing the test saved for %1.").replace("%1", str(year)) if test
            else self.tr("%1 has not been tested yet.").replace("%1", str(year)))
        self.state.setStyleSheet("")
        self.recompute()

    # -- working it out -----------------------------------------------------------------

    def recompute(self) -> None:
        income, bad_income = self.income.items()
        expenses, bad_expenses = self.expenses.items()
        region, year = self.region(), self.year.value()
        if (region, year) not in self._standards:
            self._standards[region, year] = (dibao_for(self.sessions, region, year)
                                             if region else None)
        dibao = self._standards[region, year]
        self.suggestion = None
        self.suggestion_label.clear()
        self.arithmetic.clear()
        size = self.household_size()
        if dibao is None:
            self.basis.setStyleSheet(ERROR_STYLE)
            self.basis.setText(self.tr(
                "No minimum living allowance standard for region %1 in %2: enter it under "
                "Settings → Minimum living allowance before testing.")
                .replace("%1", region_label(region) or self.tr("(not filled in)"))
                .replace("%2", str(year)))
        else:
            self.basis.setStyleSheet("")
            self.basis.setText(
                self.tr("Region %1, %2: minimum living allowance %3 yuan per person a month; "
                        "%n person(s) living together.", "", size)
                .replace("%1", region_label(region)).replace("%2", str(year))
                .replace("%3", yuan_text(dibao, unit="")))
        if bad_income or bad_expenses:
            self.suggestion_label.setText(self.tr("Some amounts are not numbers in yuan."))
        elif dibao is not None:
            test = IncomeTest(sum((a for _, a in income), Decimal(0)),
                              sum((a for _, a in expenses), Decimal(0)), size, dibao)
            problems = test.problems()
            if problems:
                self.arithmetic.setText("\n".join(str(p) for p in problems))
            else:
                self.suggestion = suggest_category(test)
                self.suggestion_label.setText(
                    self.tr("Suggested: %1").replace("%1", self.suggestion.category)
                    if self.suggestion.category
                    else self.tr("Not below the income line of the standard"))
                self.arithmetic.setText(self.suggestion.arithmetic)
        self._update_choice()

    def _update_choice(self) -> None:
        chosen = str(self.category.currentData() or "")
        suggested = self.suggestion.category if self.suggestion else None
        differs = bool(chosen) and chosen != suggested
        self.choice_hint.setText(
            self.tr("The category chosen differs from the suggestion: write the reason, it "
                    "is kept with the test.") if differs
            else self.tr("The suggested category is put on file."))

    # -- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        if self.file_id is None or not self.before_save():
            return False
        income, bad_income = self.income.items()
        expenses, bad_expenses = self.expenses.items()
        if bad_income or bad_expenses:
            self._not_saved(self.tr("Some amounts are not numbers in yuan."))
            return False
        self.reason_row.show_message("")
        file_id, year = self.file_id, self.year.value()
        category, reason = str(self.category.currentData() or ""), self.reason.text()
        try:
            self.context.runner.run(Op(ASSESS_YEAR, lambda tx: assess_year(
                tx, file_id, year, income, expenses, category, reason)))
        except ValidationError as error:
            others = []
            for problem in error.problems:
                if problem.key == "override_reason":
                    self.reason_row.show_message(problem.message)
                else:
                    others.append(str(problem))
            self._not_saved("\n".join(others) if others else "")
            return False
        except UserError as error:
            self._not_saved("")
            show_user_error(self, error)
            return False
        self.load(self.file_id)
        self.year.setValue(year)
        self.state.setText(self.tr("Saved the test for %1.").replace("%1", str(year)))
        self.assessed.emit()
        return True

    def _not_saved(self, detail: str) -> None:
        text = self.tr("Not saved.")
        self.state.setText(f"{text}\n{detail}" if detail else text)
        self.state.setStyleSheet(ERROR_STYLE)

    def set_read_only(self, read_only: bool) -> None:
        for table in (self.income, self.expenses):
            table.set_read_only(read_only)
        for widget in (self.category, self.save_button):
            widget.setEnabled(not read_only)
        self.reason.setReadOnly(read_only)
