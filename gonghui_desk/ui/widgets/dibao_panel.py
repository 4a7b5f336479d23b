"""设置 → 低保标准: the monthly minimum living allowance per person, by region and year.

The hardship income test compares a household's per-capita income with the standard of
the file's region and year, and refuses to run without one. The region defaults to the
branch profile's 行政区划代码. The list shows the standards on file for the region typed,
for recent years; clicking one puts it in the form to be corrected.
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
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
from gonghui_desk.domain.region import region_label
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.hardship import SET_DIBAO, dibao_for, dibao_standards, set_dibao
from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import load_profile
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.widgets.fields import FieldRow, save_row
from gonghui_desk.ui.widgets.inputs import MoneyEdit
from gonghui_desk.ui.write_access import enable_writes

FIRST_YEAR = 2000
REGION_PATTERN = r"\d{6}(\d{3}(\d{3})?)?"


class DibaoPanel(QWidget):
    """Emits ``saved`` after a standard was saved."""

    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        intro = QLabel(self.tr(
            "The minimum living allowance of the region, in yuan per person a month, as the "
            "civil affairs bureau publishes it each year. The hardship income test compares a "
            "household's monthly income per person with it: below the standard suggests "
            "深度困难, below twice the standard 相对困难."))
        intro.setWordWrap(True)
        self.region = QLineEdit()
        self.region.setObjectName("dibao_region")
        self.region.setMaxLength(12)
        self.region.setPlaceholderText(self.tr("6-digit region code, e.g. 330106"))
        self.region.setMaximumWidth(240)
        self.region.editingFinished.connect(self.show_standards)
        self.year = QSpinBox()
        self.year.setObjectName("dibao_year")
        this_year = context.clock.year
        self.year.setRange(FIRST_YEAR, this_year + 1)
        self.year.setValue(this_year)
        self.year.setMaximumWidth(120)
        self.year.setKeyboardTracking(False)
        self.year.valueChanged.connect(lambda _: self.show_amount())
        self.amount = MoneyEdit()
        self.amount.setObjectName("dibao_amount")
        self.rows = {"region": FieldRow(self.region), "dibao": FieldRow(self.amount)}
        unit = QHBoxLayout()
        unit.addWidget(self.rows["dibao"])
        unit.addWidget(QLabel(self.tr("yuan per person a month")))
        unit.addStretch(1)
        self.save_button = QPushButton(self.tr("Save the standard"))
        self.save_button.clicked.connect(self.save)
        enable_writes(context, self.save_button)
        save_line, self.state = save_row(self.save_button)
        box = QGroupBox(self.tr("Standard"))
        form = QFormLayout(box)
        form.addRow(self.tr("Region code"), self.rows["region"])
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Monthly amount"), unit)
        form.addRow(save_line)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("dibao_standards")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Region code"), self.tr("Year"), self.tr("Yuan per person a month")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((160, 100)):
            self.table.horizontalHeader().resizeSection(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(180)
        self.table.itemClicked.connect(self._edit_row)
        self.list_label = QLabel()
        listed = QGroupBox(self.tr("Standards on file"))
        listed_layout = QVBoxLayout(listed)
        listed_layout.addWidget(self.list_label)
        listed_layout.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(listed, 1)
        self.region.setText(load_profile(self.sessions).region_code)
        self.show_standards()

    def standards(self, region: str) -> list[tuple[int, Decimal]]:
        """The region's standards on file, the latest first."""
        return dibao_standards(self.sessions, region)

    def show_amount(self) -> None:
        """The standard on file for the region and year chosen, ready to be corrected."""
        region = self.region.text().strip()
        amount = dibao_for(self.sessions, region, self.year.value()) if region else None
        self.amount.set_value(amount)

    def show_standards(self) -> None:
        self.show_amount()
        region = self.region.text().strip()
        standards = self.standards(region) if region else []
        self.table.setRowCount(len(standards))
        for row, (year, amount) in enumerate(standards):
            for column, text in enumerate((region_label(region), str(year),
                                           yuan_text(amount, unit=""))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (year, str(amount)))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.list_label.setText(
            self.tr("Enter a region code to see its standards.") if not region
            else self.tr("No standard for region %1 yet.").replace("%1", region_label(region))
            if not standards
            else self.tr("Region %1:").replace("%1", region_label(region)))

    def _edit_row(self, item: QTableWidgetItem) -> None:
        year, amount = item.data(Qt.ItemDataRole.UserRole)
        self.year.setValue(int(year))
        self.amount.set_value(Decimal(amount))

    def save(self) -> bool:
        for row in self.rows.values():
            row.show_message("")
        region = self.region.text().strip()
        if not re.fullmatch(REGION_PATTERN, region):
            self.rows["region"].show_message(self.tr(
                "6, 9 or 12 digits: the region code the hardship files use."))
            self.state.setText(self.tr("Not saved."))
            return False
        year, amount = self.year.value(), self.amount.value()
        try:
            self.context.runner.run(Op(SET_DIBAO, lambda tx: set_dibao(tx, region, year, amount)))
        except ValidationError as error:
            for problem in error.problems:
                self.rows.get(problem.key, self.rows["dibao"]).show_message(problem.message)
            self.state.setText(self.tr("Not saved."))
            return False
        except UserError as error:
            self.state.setText(self.tr("Not saved."))
            show_user_error(self, error)
            return False
        self.show_standards()
        self.state.setText(self.tr("Saved the standard of %1 for %2.")
                           .replace("%1", region_label(region))
                           .replace("%2", str(self.year.value())))
        self.saved.emit()
        return True
