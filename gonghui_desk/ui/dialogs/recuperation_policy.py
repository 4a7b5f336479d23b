"""政策设置: one year's 疗休养 rules, every limit a setting (DOMAIN.md §3).

The dialog opens on the policy that applies in the year (the saved one, or the defaults a
branch is most often given). The labels are the domain's own Chinese terms, the ones the
service's messages use. The funding shares must add up to 100%: the running total is shown
beside them, and what the service refuses is shown in red under the field; nothing is
saved then.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.recuperation import CYCLES, POLICY_LABELS, Policy
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation import SAVE_POLICY, policy_for, save_policy
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.screen_fit import scroll_body
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow, message_label, save_buttons
from gonghui_desk.ui.widgets.inputs import MoneyEdit

DAYS = ("max_days_in_province", "max_days_out_of_province", "max_absence_days")
YEARS = ("out_of_province_gap_years", "min_service_years", "min_member_years")
PERCENTS = ("union_percent", "admin_percent", "personal_percent", "personal_cap_percent")


class PolicyDialog(QDialog):
    """Emits ``saved`` after the policy was saved (then closes)."""

    saved = Signal()

    def __init__(self, context: AppContext, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.policy, was_saved = policy_for(context.db.sessions, year)
        self.setWindowTitle(self.tr("Recuperation policy %1").replace("%1", str(year)))
        intro = QLabel(
            self.tr("The rules of %1 as saved. Applications of the year are checked against "
                    "them.").replace("%1", str(year)) if was_saved else
            self.tr("%1 has no saved policy yet: these are the defaults most provinces give. "
                    "Adjust them to your own rules and save.").replace("%1", str(year)))
        intro.setWordWrap(True)
        self.inputs: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}

        costs = self._group(self.tr("Cost"), ("day_cost_cap", "annual_cap"))
        length = self._group(self.tr("Length and how often"), (
            "max_days_in_province", "max_days_out_of_province", "max_periods", "cycle_years",
            "out_of_province_gap_years"))
        who = self._group(self.tr("Who may go"), (
            "min_service_years", "min_member_years", "max_absence_days"))
        funds = self._group(self.tr("Who pays"), PERCENTS)
        self.total = QLabel()
        funds_form = funds.layout()
        assert isinstance(funds_form, QFormLayout)
        funds_form.insertRow(3, "", self.total)
        self.family = QCheckBox(self.tr("Family may go along (at their own cost)"))
        self.family.setObjectName("policy_family_allowed")
        funds_form.addRow("", self.family)
        for key in PERCENTS[:3]:
            spin = self.inputs[key]
            assert isinstance(spin, QSpinBox)
            spin.valueChanged.connect(lambda _: self._show_total())

        self.general = message_label()
        self.buttons, _ = save_buttons(self, self.save)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(costs)
        left.addWidget(length)
        left.addStretch(1)
        right.addWidget(who)
        right.addWidget(funds)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.fill(self.policy)
        scroll_body(self)

    def _input(self, key: str) -> QWidget:
        widget: QWidget
        if key in ("day_cost_cap", "annual_cap"):
            widget = MoneyEdit()
        elif key == "cycle_years":
            combo = QComboBox()
            for years in CYCLES:
                combo.addItem(self.tr("once every %1 year(s)").replace("%1", str(years)), years)
            widget = combo
        else:
            spin = QSpinBox()
            spin.setRange(0, 366 if key in DAYS else 100)
            if key in PERCENTS:
                spin.setSuffix(" %")
            elif key in DAYS:
                spin.setSuffix(self.tr(" days"))
            elif key in YEARS:
                spin.setSuffix(self.tr(" years"))
            spin.setMaximumWidth(120)
            widget = spin
        widget.setObjectName(f"policy_{key}")
        return widget

    def _group(self, title: str, keys: tuple[str, ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key in keys:
            widget = self._input(key)
            self.inputs[key] = widget
            shown = widget
            if key in ("day_cost_cap", "annual_cap"):
                shown = QWidget()
                line = QHBoxLayout(shown)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(widget)
                line.addWidget(QLabel(self.tr("yuan")))
                line.addStretch(1)
            self.rows[key] = FieldRow(shown)
            form.addRow(POLICY_LABELS[key], self.rows[key])
        return box

    def fill(self, policy: Policy) -> None:
        for key, widget in self.inputs.items():
            value = getattr(policy, key)
            if isinstance(widget, MoneyEdit):
                widget.set_value(value)
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value))
        self.family.setChecked(policy.family_allowed)
        self._show_total()

    def value(self) -> Policy:
        values: dict[str, object] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, MoneyEdit):
                values[key] = widget.value()
            elif isinstance(widget, QComboBox):
                values[key] = int(widget.currentData())
            elif isinstance(widget, QSpinBox):
                values[key] = widget.value()
        return replace(self.policy, family_allowed=self.family.isChecked(),
                       **values)  # type: ignore[arg-type]

    def _show_total(self) -> None:
        total = sum(self.inputs[k].value() for k in PERCENTS[:3])  # type: ignore[attr-defined]
        self.total.setText(self.tr("Together %1% (must be 100%)").replace("%1", str(total)))
        self.total.setStyleSheet("" if total == 100 else ERROR_STYLE)

    def save(self) -> bool:
        for row in self.rows.values():
            row.show_message("")
        policy = self.value()
        try:
            self.context.runner.run(Op(SAVE_POLICY, lambda tx: save_policy(tx, policy)))
        except ValidationError as error:
            unplaced: list[str] = []
            for problem in error.problems:
                field_row = self.rows.get(problem.key)
                if field_row is None:
                    unplaced.append(str(problem))
                else:
                    field_row.show_message(problem.message)
            self.general.setText("\n".join([self.tr("Not saved."), *unplaced]))
            self.general.show()
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        self.saved.emit()
        self.accept()
        return True
