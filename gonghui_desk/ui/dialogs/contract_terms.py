"""主要条款: the key terms the list, the filing form and the statistics read.

The pay figures (工资增长幅度, 最低工资标准, 上年度职工平均工资) matter most for a wage
contract, whose filing must state them; a figure left empty is "not agreed", not 0. The
main contents and the course of the negotiation are free text for the 送审表.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.contract import WAGE, ContractTerms
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.contract_inputs import (
    OptionalCount,
    PercentEdit,
    optional_money,
    set_money,
    text_box,
)
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.widgets.inputs import MoneyEdit


def _with_unit(widget: QWidget, unit: str) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    layout.addWidget(QLabel(unit))
    layout.addStretch(1)
    return holder


class TermsTab(QWidget):
    """``rows`` holds each field's message slot by the key the service names it with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wage_increase = PercentEdit()
        self.wage_increase.setObjectName("contract_wage_increase_pct")
        self.minimum_wage = MoneyEdit()
        self.minimum_wage.setObjectName("contract_minimum_wage")
        self.average_wage = MoneyEdit()
        self.average_wage.setObjectName("contract_last_year_average_wage")
        self.overtime = QLineEdit()
        self.overtime.setObjectName("contract_overtime_rules")
        self.overtime.setPlaceholderText(self.tr(
            "e.g. 延长工作时间按 150%、休息日按 200%、法定节假日按 300% 支付"))
        self.covered_workers = OptionalCount()
        self.covered_workers.setObjectName("contract_covered_workers")
        self.covered_women = OptionalCount()
        self.covered_women.setObjectName("contract_covered_women")
        self.main_topics = text_box(90)
        self.main_topics.setObjectName("contract_main_topics")
        self.main_topics.setPlaceholderText(self.tr(
            "e.g. 劳动报酬、工作时间、休息休假、劳动安全卫生、保险福利、女职工特殊保护"))
        self.history = text_box(90)
        self.history.setObjectName("contract_negotiation_history")
        self.history.setPlaceholderText(self.tr(
            "The meetings held, what each side proposed and what was agreed"))
        self.rows = {
            "wage_increase_pct": FieldRow(_with_unit(self.wage_increase, "%")),
            "minimum_wage": FieldRow(_with_unit(self.minimum_wage,
                                                self.tr("yuan a month"))),
            "last_year_average_wage": FieldRow(_with_unit(self.average_wage,
                                                          self.tr("yuan a year"))),
            "covered_workers": FieldRow(self.covered_workers),
            "covered_women": FieldRow(self.covered_women),
        }
        pay_box = QGroupBox(self.tr("Pay"))
        pay = QFormLayout(pay_box)
        pay.addRow(self.tr("Wage increase"), self.rows["wage_increase_pct"])
        pay.addRow(self.tr("Minimum wage"), self.rows["minimum_wage"])
        pay.addRow(self.tr("Last year's average wage"), self.rows["last_year_average_wage"])
        pay.addRow(self.tr("Overtime pay"), self.overtime)
        self.wage_hint = QLabel(self.tr(
            "A wage contract's filing states last year's average wage, this year's increase "
            "and the workers covered."))
        self.wage_hint.setWordWrap(True)
        self.wage_hint.setStyleSheet(MUTED_STYLE)
        pay.addRow(self.wage_hint)
        covered_box = QGroupBox(self.tr("Workers covered"))
        covered = QFormLayout(covered_box)
        covered.addRow(self.tr("Workers covered"), self.rows["covered_workers"])
        covered.addRow(self.tr("Of them women"), self.rows["covered_women"])
        text_box_group = QGroupBox(self.tr("Contents"))
        texts = QFormLayout(text_box_group)
        texts.addRow(self.tr("Main contents"), self.main_topics)
        texts.addRow(self.tr("Course of negotiation"), self.history)

        top = QHBoxLayout()
        top.addWidget(pay_box, 3)
        top.addWidget(covered_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(text_box_group, 1)

    def show_type(self, contract_type: str) -> None:
        """The wage contract's filing needs the pay figures: say so for that type only."""
        self.wage_hint.setVisible(contract_type == WAGE)

    def unreadable(self) -> str:
        """What cannot be read as a percentage ("" when all is well)."""
        text = self.wage_increase.text().strip()
        if text and self.wage_increase.number() is None:
            return self.tr("“%1” is not a percentage, e.g. 5.5.").replace("%1", text)
        return ""

    def fill(self, terms: ContractTerms) -> None:
        self.wage_increase.set_number(terms.wage_increase_pct)
        set_money(self.minimum_wage, terms.minimum_wage)
        set_money(self.average_wage, terms.last_year_average_wage)
        self.overtime.setText(terms.overtime_rules)
        self.covered_workers.set_number(terms.covered_workers)
        self.covered_women.set_number(terms.covered_women)
        self.main_topics.setPlainText(terms.main_topics)
        self.history.setPlainText(terms.negotiation_history)

    def terms(self) -> ContractTerms:
        pct: Decimal | None = self.wage_increase.number()
        return ContractTerms(
            wage_increase_pct=pct, minimum_wage=optional_money(self.minimum_wage),
            last_year_average_wage=optional_money(self.average_wage),
            overtime_rules=self.overtime.text().strip(),
            covered_workers=self.covered_workers.number(),
            covered_women=self.covered_women.number(),
            main_topics=self.main_topics.toPlainText().strip(),
            negotiation_history=self.history.toPlainText().strip())

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.wage_increase, self.minimum_wage, self.average_wage, self.overtime):
            line.setReadOnly(read_only)
        for spin in (self.covered_workers, self.covered_women):
            spin.setEnabled(not read_only)
        for box in (self.main_topics, self.history):
            box.setReadOnly(read_only)
