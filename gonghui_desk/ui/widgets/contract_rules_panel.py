"""设置 → 集体合同期限: the statutory periods the contract deadlines and reminders use.

The defaults are those of 集体合同规定 (2004) and of the wage-agreement rules (7 days to
file); a province or city may set others, so each is a setting, kept for the branch's
region (行政区划代码 in 工会信息) or for everywhere. The labels are the rules' own Chinese
terms; each period says its default beside it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.contract_timeline import RULE_LABELS, DeadlineRules
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.contracts import SAVE_RULES, deadline_rules, save_rules
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow, save_row
from gonghui_desk.ui.write_access import enable_writes

DEFAULTS = DeadlineRules()


class ContractRulesPanel(QWidget):
    """Emits ``saved`` after the periods were saved."""

    saved = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        self.region = ""
        intro = QLabel(self.tr(
            "The periods follow the 集体合同规定 (Ministry of Labour and Social Security Order "
            "No. 22, 2004) and, for wage contracts, the rules on wage agreements. A province "
            "or city may set other periods: check with the local labour bureau or the union "
            "above. The contract list, its deadlines and the reminders on the home page use "
            "these. A period of 0 is not allowed."))
        intro.setWordWrap(True)
        self.scope = QLabel()
        self.scope.setObjectName("rules_scope")
        self.scope.setWordWrap(True)
        self.spins: dict[str, QSpinBox] = {}
        self.rows: dict[str, FieldRow] = {}
        box = QGroupBox(self.tr("Periods"))
        form = QFormLayout(box)
        for key, label in RULE_LABELS.items():
            spin = QSpinBox()
            spin.setObjectName(f"rule_{key}")
            spin.setRange(0, 999)
            spin.setMinimumWidth(90)
            default = QLabel(self.tr("default %1").replace("%1", str(getattr(DEFAULTS, key))))
            default.setStyleSheet(MUTED_STYLE)
            line = QWidget()
            line_layout = QHBoxLayout(line)
            line_layout.setContentsMargins(0, 0, 0, 0)
            line_layout.addWidget(spin)
            line_layout.addWidget(default)
            line_layout.addStretch(1)
            self.spins[key] = spin
            self.rows[key] = FieldRow(line)
            form.addRow(label, self.rows[key])
        self.defaults_button = QPushButton(self.tr("Put back the defaults"))
        self.defaults_button.clicked.connect(lambda: self.show_rules(
            replace(DEFAULTS, region=self.region)))
        self.save_button = QPushButton(self.tr("Save the periods"))
        self.save_button.clicked.connect(self.save)
        save_line, self.state = save_row(self.save_button)
        save_line.insertWidget(1, self.defaults_button)
        enable_writes(context, self.defaults_button, self.save_button)
        form.addRow(save_line)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.scope)
        layout.addWidget(box)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        """Show the periods in force (the region's, or the general ones)."""
        rules = deadline_rules(self.sessions)
        self.show_rules(rules)
        self.loaded = rules
        self.state.clear()

    def reload(self) -> None:
        """Show the periods in force again (the branch's region may have changed), unless
        some are typed and not saved."""
        if self.rules() == self.loaded:
            self.load()

    def show_rules(self, rules: DeadlineRules) -> None:
        self.region = rules.region
        for key, spin in self.spins.items():
            spin.setValue(getattr(rules, key))
        for row in self.rows.values():
            row.show_message("")
        self.scope.setText(
            self.tr("These periods apply in region %1.").replace("%1", rules.region)
            if rules.region else self.tr("These periods apply everywhere (no regional "
                                         "periods are on file for the branch's region)."))

    def rules(self) -> DeadlineRules:
        return DeadlineRules(region=self.region,
                             **{key: spin.value() for key, spin in self.spins.items()})

    def save(self) -> bool:
        for row in self.rows.values():
            row.show_message("")
        try:
            rules = self.rules()
            self.context.runner.run(Op(SAVE_RULES, lambda tx: save_rules(tx, rules)))
        except ValidationError as error:
            for problem in error.problems:
                marked = self.rows.get(problem.key)
                if marked is not None:
                    marked.show_message(problem.message)
            self.state.setText(self.tr("Not saved: please correct the periods marked in red."))
            return False
        except UserError as error:  # the book is read-only, the disk full …
            show_user_error(self, error)
            return False
        self.load()
        self.state.setText(self.tr("Saved."))
        self.saved.emit()
        return True
