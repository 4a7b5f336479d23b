"""资格审核: every rule of the year's policy for one application, each with its reason, and
the cost split.

A rule that is not met shows ✗ in red with a 特批… button: the chair may let it pass with
a written reason, which is kept with the application and shown here (and on the 审批表)
until it is withdrawn with 撤销特批. Rules about the person decide whether they may go at
all; rules about places only decide whether there is room now (else the waiting list).
``LiveVerdict`` shows the same rules on the 申请 tab while the application is typed in,
before it is saved.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.money import yuan_text
from gonghui_desk.domain.recuperation_rules import NOT_OVERRIDABLE, RuleResult, Verdict
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation_apps import (
    REMOVE_OVERRIDE,
    SET_OVERRIDE,
    ApplicationDetail,
    OverrideRow,
    remove_override,
    set_override,
)
from gonghui_desk.services.recuperation_facts import DraftCheck
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.screen_fit import scroll_body
from gonghui_desk.ui.style import (
    ERROR_RED,
    ERROR_STYLE,
    MUTED_STYLE,
    OK_GREEN,
    WARNING,
    text_style,
)
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.widgets.inputs import DayEdit, to_qdate


class OverrideDialog(QDialog):
    """特批: asks the reason, who decided and when; emits ``saved`` once it is kept."""

    saved = Signal()

    def __init__(self, context: AppContext, app_id: int, result: RuleResult,
                 handler: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.app_id, self.rule = context, app_id, result.key
        self.setWindowTitle(self.tr("Override: %1").replace("%1", result.name))
        what = QLabel(result.line)
        what.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("override_reason")
        self.reason.setPlaceholderText(self.tr("Why this person may go all the same"))
        self.by = QLineEdit(handler)
        self.by.setObjectName("override_by")
        today = context.clock.today()
        self.day = DayEdit(today)
        self.day.setMaximumDate(to_qdate(today))
        self.day.setMaximumWidth(160)
        self.rows = {"reason": FieldRow(self.reason), "by": FieldRow(self.by)}
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.rows["reason"])
        form.addRow(self.tr("Decided by"), self.rows["by"])
        form.addRow(self.tr("Date"), self.day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(buttons)
        scroll_body(self, 520, 220)

    def accept(self) -> None:
        if unreadable_dates(self):
            return
        for row in self.rows.values():
            row.show_message("")
        app_id, rule = self.app_id, self.rule
        reason, by, day = self.reason.text(), self.by.text(), self.day.value()
        try:
            self.context.runner.run(Op(SET_OVERRIDE, lambda tx: set_override(
                tx, app_id, rule, reason, by, day)))
        except ValidationError as error:
            for problem in error.problems:
                self.rows.get(problem.key, self.rows["reason"]).show_message(problem.message)
            return
        except UserError as error:
            show_user_error(self, error)
            return
        super().accept()
        self.saved.emit()


def verdict_colour(verdict: Verdict) -> str:
    return OK_GREEN if verdict.passed else WARNING if verdict.eligible else ERROR_RED


class LiveVerdict(QGroupBox):
    """The verdict on the application as typed in: a line in its colour, the rules not met
    with their reasons, and the names of those met."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Eligibility as typed in"), parent)
        self.setObjectName("live_verdict")
        self.summary = QLabel()
        self.summary.setObjectName("live_verdict_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.failed = QLabel()
        self.failed.setObjectName("live_verdict_failed")
        self.failed.setWordWrap(True)
        self.failed.setTextFormat(Qt.TextFormat.PlainText)
        self.failed.setStyleSheet(ERROR_STYLE)
        self.short = QLabel()  # no room now: the waiting list, not a refusal
        self.short.setObjectName("live_verdict_short")
        self.short.setWordWrap(True)
        self.short.setTextFormat(Qt.TextFormat.PlainText)
        self.short.setStyleSheet(text_style(WARNING))
        self.met = QLabel()
        self.met.setObjectName("live_verdict_met")
        self.met.setWordWrap(True)
        self.met.setTextFormat(Qt.TextFormat.PlainText)
        self.met.setStyleSheet(MUTED_STYLE)
        # The reasons scroll inside the box when many rules fail, so the dialog keeps its
        # size (and its buttons) on a laptop screen.
        reasons = QWidget()
        reasons_layout = QVBoxLayout(reasons)
        reasons_layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.failed, self.short, self.met):
            reasons_layout.addWidget(label)
        reasons_layout.addStretch(1)
        self.reasons = QScrollArea()
        self.reasons.setWidgetResizable(True)
        self.reasons.setFrameShape(QFrame.Shape.NoFrame)
        self.reasons.setWidget(reasons)
        self.reasons.viewport().setAutoFillBackground(False)  # the box's own background
        reasons.setAutoFillBackground(False)
        self.reasons.setMinimumHeight(80)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.reasons, 1)
        self.check: DraftCheck | None = None
        self.show_check(None)

    def show_check(self, check: DraftCheck | None) -> None:
        self.check = check
        for label in (self.failed, self.short, self.met):
            label.clear()
        if check is None:
            self.summary.setStyleSheet(MUTED_STYLE)
            self.summary.setText(self.tr(
                "Choose the applicant and the trip: the rules are checked as you type."))
        elif check.refusal or check.verdict is None:
            self.summary.setStyleSheet(text_style(ERROR_RED, bold=True))
            self.summary.setText(check.refusal)
        else:
            verdict = check.verdict
            self.summary.setStyleSheet(text_style(verdict_colour(verdict), bold=True))
            self.summary.setText(self.tr("Verdict: %1").replace("%1", verdict.summary))
            self.failed.setText("\n".join(f"✗ {r.line}" for r in verdict.failures
                                           if not r.place))
            self.short.setText("\n".join(f"！{r.line}" for r in verdict.failures if r.place))
            overridden = [r.line for r in verdict.results if not r.ok and r.override]
            met = [r.name for r in verdict.results if r.ok]
            lines = [f"✓ {line}" for line in overridden]
            if met:
                lines.append(self.tr("Met: %1").replace("%1", "、".join(met)))
            self.met.setText("\n".join(lines))
        for label in (self.failed, self.short, self.met):
            label.setVisible(bool(label.text()))
        self.reasons.setVisible(any(label.text() for label in (self.failed, self.short,
                                                                self.met)))

    def blocking(self) -> list[RuleResult]:
        """Failed rules about the person that no override can let pass."""
        verdict = self.check.verdict if self.check is not None else None
        if verdict is None:
            return []
        return [r for r in verdict.failures if r.key in NOT_OVERRIDABLE]


class VerdictTab(QWidget):
    """Emits ``changed`` after an override was given or withdrawn."""

    changed = Signal()

    def __init__(self, context: AppContext, handler: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.handler = handler
        self.detail: ApplicationDetail | None = None
        self.read_only = False
        self.summary = QLabel()
        self.summary.setObjectName("verdict_summary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.rules: dict[str, tuple[QLabel, QLabel, QPushButton | None]] = {}
        self.content = QWidget()
        self.rules_area = QScrollArea()
        self.rules_area.setWidgetResizable(True)
        self.rules_area.setWidget(self.content)
        self.costs = QLabel()
        self.costs.setObjectName("verdict_costs")
        self.costs.setWordWrap(True)
        self.costs.setTextFormat(Qt.TextFormat.PlainText)
        costs_box = QGroupBox(self.tr("Cost split"))
        QVBoxLayout(costs_box).addWidget(self.costs)
        self.dialog: OverrideDialog | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.rules_area, 1)
        layout.addWidget(costs_box)

    def show_detail(self, detail: ApplicationDetail | None, read_only: bool) -> None:
        self.detail, self.read_only = detail, read_only
        self.rules.clear()
        self.content = QWidget()  # the scroll area deletes the one it had
        box = QVBoxLayout(self.content)
        if detail is None:
            self.summary.setText(self.tr("Save the application to check it."))
            self.costs.clear()
        else:
            verdict = detail.verdict
            self.summary.setStyleSheet(text_style(verdict_colour(verdict)))
            self.summary.setText(self.tr("Verdict: %1").replace("%1", verdict.summary))
            overrides = {o.rule: o for o in detail.overrides}
            person = [r for r in verdict.results if not r.place]
            places = [r for r in verdict.results if r.place]
            box.addWidget(self._group(self.tr("The person"), person, overrides))
            box.addWidget(self._group(self.tr("Places and budget"), places, overrides))
            self.costs.setText(self.cost_text(detail))
        box.addStretch(1)
        self.rules_area.setWidget(self.content)

    def _group(self, title: str, results: list[RuleResult],
               overrides: dict[str, OverrideRow]) -> QGroupBox:
        group = QGroupBox(title)
        grid = QGridLayout(group)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(0, 56)  # the same columns in both groups
        grid.setColumnMinimumWidth(1, 64)
        grid.setVerticalSpacing(6)
        for row, result in enumerate(results):
            if result.ok:
                mark, colour = "✓", OK_GREEN
            elif result.override:
                mark, colour = self.tr("✓ overridden"), WARNING
            else:
                mark, colour = "✗", ERROR_RED
            mark_label = QLabel(mark)
            mark_label.setStyleSheet(text_style(colour, bold=True))
            name = QLabel(result.name)
            name.setStyleSheet(text_style(colour) if not result.ok else "")
            text = result.text
            given = overrides.get(result.key)
            if given is not None:
                text += "\n" + self.tr("Override: %1 (%2, %3)").replace("%1", given.reason)\
                    .replace("%2", given.by).replace("%3", f"{given.day:%Y-%m-%d}")
            elif result.override:
                text += "\n" + self.tr("Override: %1").replace("%1", result.override)
            text_label = QLabel(text)
            text_label.setWordWrap(True)
            text_label.setTextFormat(Qt.TextFormat.PlainText)
            if not result.ok and not result.override:
                text_label.setStyleSheet(ERROR_STYLE)
            button: QPushButton | None = None
            if not result.ok and not self.read_only and result.key not in NOT_OVERRIDABLE:
                if result.override:
                    button = QPushButton(self.tr("Withdraw override"))
                    button.clicked.connect(lambda _=False, k=result.key: self.withdraw(k))
                else:
                    button = QPushButton(self.tr("Override…"))
                    button.clicked.connect(lambda _=False, k=result.key: self.override(k))
                button.setObjectName(f"rule_{result.key}")
            grid.addWidget(mark_label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(name, row, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text_label, row, 2)
            if button is not None:
                grid.addWidget(button, row, 3, Qt.AlignmentFlag.AlignTop)
            self.rules[result.key] = (mark_label, text_label, button)
        return group

    def cost_text(self, detail: ApplicationDetail) -> str:
        split = detail.verdict.split
        lines = [
            self.tr("Cost %1 (%2 days × %3)").replace("%1", yuan_text(detail.cost))
            .replace("%2", str(detail.trip.days))
            .replace("%3", yuan_text(detail.trip.cost_per_day)),
            self.tr("Union funds %1 · welfare funds %2").replace("%1", yuan_text(detail.union))
            .replace("%2", yuan_text(detail.admin)),
            self.tr("Own share %1").replace("%1", yuan_text(detail.personal))
            + (f"（{split.reason}）" if split.personal == detail.personal else ""),
        ]
        if detail.draft.companions:
            lines.append(self.tr("Family along: %1 person(s), paying their own %2")
                         .replace("%1", str(detail.draft.companions))
                         .replace("%2", yuan_text(detail.companion_cost)))
        return "\n".join(lines)

    def result(self, key: str) -> RuleResult:
        assert self.detail is not None
        return next(r for r in self.detail.verdict.results if r.key == key)

    def override(self, key: str) -> OverrideDialog | None:
        if self.detail is None:
            return None
        dialog = OverrideDialog(self.context, self.detail.id, self.result(key), self.handler,
                                self)
        dialog.saved.connect(self.changed)
        dialog.open()
        self.dialog = dialog
        return dialog

    def withdraw(self, key: str) -> bool:
        if self.detail is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Withdraw override"),
            self.tr("Withdraw the override of “%1”? The rule then counts as not met again.")
            .replace("%1", self.result(key).name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        app_id = self.detail.id
        try:
            self.context.runner.run(Op(REMOVE_OVERRIDE, lambda tx: remove_override(
                tx, app_id, key)))
        except UserError as error:
            show_user_error(self, error)
            return False
        self.changed.emit()
        return True
