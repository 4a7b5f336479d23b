"""办理过程: the steps taken on a file, a form for the next one, and 撤回上一步.

Only the steps that may follow the file's state are offered (domain.hardship_process.
next_steps); a 公示 asks for its last day, a closing step (脱困, 解困, 退出, 不予建档) for its
reason. Every step is written only after the chair answered Yes to a question naming the
step, the household, the day and what follows; 建档 and the closing steps say that they
cannot be undone. A step recorded by mistake is taken back with a reason the change
history keeps (services.hardship.take_back_step) — also the closing step of a file closed
by mistake.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.hardship import (
    TAKE_BACK_STEP,
    TAKE_STEP,
    load_file,
    take_back_step,
    take_step,
)
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.step_confirm import (
    ask_take_back_reason,
    confirm_step,
    irreversible_note,
    take_back_button,
)
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.hardship_fields import step_title
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.widgets.inputs import DayEdit, to_qdate
from gonghui_desk.ui.write_access import enable_writes

STEP_KEYS = ("day", "kind", "by", "note", "until")
# Steps that start what a record taken back does not stop: the household on file, or a file
# closed (it is kept, and can then only be looked at).
IRREVERSIBLE = frozenset({hp.FILE, *hp.REASON_REQUIRED})
NOTICE_DAYS = 7  # a 公示 usually runs five working days: a week from its first day


class StepsTab(QWidget):
    """Emits ``step_taken`` with the file's new state after a step was recorded."""

    step_taken = Signal(str)

    def __init__(self, context: AppContext, handler: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.file_id: int | None = None
        self.state = hp.NONE
        self.steps: list[hp.Step] = []
        self.read_only = False
        self.state_label = QLabel()
        font = self.state_label.font()
        font.setBold(True)
        self.state_label.setFont(font)
        self.state_label.setWordWrap(True)
        self.table = QTableWidget(0, len(STEP_KEYS))
        self.table.setObjectName("steps")
        self.table.setHorizontalHeaderLabels([step_title(k) for k in STEP_KEYS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((100, 90, 90, 300, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.kind = QComboBox()
        self.kind.setObjectName("step_kind")
        self.kind.currentIndexChanged.connect(lambda _: self._kind_changed())
        today = context.clock.today()
        self.day = DayEdit(today)
        self.day.setObjectName("step_day")
        self.day.setMaximumDate(to_qdate(today))
        self.day.dateChanged.connect(lambda _: self._default_until())
        self.by = QLineEdit(handler)
        self.by.setObjectName("step_by")
        self.note = QLineEdit()
        self.note.setObjectName("step_note")
        self.until = DayEdit(today)
        self.until.setObjectName("step_until")
        for widget in (self.kind, self.day, self.until):
            widget.setMaximumWidth(240)
        self.rows = {key: FieldRow(widget) for key, widget in (
            ("kind", self.kind), ("day", self.day), ("by", self.by), ("note", self.note),
            ("until", self.until))}
        self.form_box = QGroupBox(self.tr("Next step"))
        self.form = QFormLayout(self.form_box)
        for key in ("kind", "day", "until", "by", "note"):
            self.form.addRow(step_title(key), self.rows[key])
        self.take_button = QPushButton(self.tr("Record the step"))
        self.take_button.clicked.connect(self.take)
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.result, 1)
        self.form.addRow(buttons)

        self.take_back_button = take_back_button(self.take_back)
        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.take_back_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)

    def show_steps(self, file_id: int | None, state: str, steps: list[hp.Step],
                   read_only: bool) -> None:
        self.file_id, self.state, self.steps = file_id, state, list(steps)
        self.read_only = read_only
        self.table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            values = (f"{step.day:%Y-%m-%d}", step.kind, step.by, step.note,
                      f"{step.until:%Y-%m-%d}" if step.until else "")
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        due = hp.review_due(steps) if steps else None
        text = self.tr("State: %1").replace("%1", state if steps else self.tr("not yet saved"))
        if due is not None:
            text += self.tr(" · yearly review due %1").replace("%1", f"{due:%Y-%m-%d}")
        if state in hp.CLOSED:
            text += self.tr(" · the file is closed and can only be looked at")
        self.state_label.setText(text)
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems(list(hp.next_steps(state)) if steps else [])
        self.kind.blockSignals(False)
        self.note.clear()
        self.day.set_value(self.context.clock.today())
        self._kind_changed()
        self.form_box.setVisible(bool(steps) and state not in hp.CLOSED and not read_only)
        # A closed file's last step too: a file closed by mistake is opened again this way.
        self.take_back_button.setVisible(len(steps) > 1)
        enable_writes(self.context, self.take_back_button, when=len(steps) > 1)

    def offered(self) -> list[str]:
        return [self.kind.itemText(i) for i in range(self.kind.count())]

    def _kind_changed(self) -> None:
        kind = self.kind.currentText()
        self.form.setRowVisible(self.rows["until"], kind == hp.NOTICE)
        label = self.form.labelForField(self.rows["note"])
        if isinstance(label, QLabel):
            label.setText(self.tr("Reason (required)") if kind in hp.REASON_REQUIRED
                          else step_title("note"))
        self._default_until()
        for row in self.rows.values():
            row.show_message("")

    def _default_until(self) -> None:
        self.until.set_value(self.day.value() + dt.timedelta(days=NOTICE_DAYS))

    def draft(self) -> hp.Step:
        kind = self.kind.currentText()
        return hp.Step(kind, self.day.value(), self.by.text().strip(), self.note.text().strip(),
                       self.until.value() if kind == hp.NOTICE else None)

    def take(self) -> bool:
        if self.file_id is None or not self.kind.currentText() or unreadable_dates(self):
            return False
        step = self.draft()
        for row in self.rows.values():
            row.show_message("")
        # Asked only of a step that would be written: one refused shows why under its field.
        refused = hp.check_step(step, self.steps, self.context.clock.today())
        if not refused and not confirm_step(
                self, self.tr("Record “%1”").replace("%1", step.kind), self.question(step)):
            return False
        file_id = self.file_id
        try:
            state = self.context.runner.run(
                Op(TAKE_STEP, lambda tx: take_step(tx, file_id, step))).value
        except ValidationError as error:
            for problem in error.problems:
                field_row = self.rows.get(problem.key)
                if field_row is not None:
                    field_row.show_message(problem.message)
            self.result.setText(self.tr("Not recorded."))
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        self.result.setText(self.tr("Recorded: %1.").replace("%1", step.kind))
        self.step_taken.emit(state)
        return True

    def household(self) -> str:
        return load_file(self.context.db.sessions, self.file_id)[0].name if self.file_id else ""

    def question(self, step: hp.Step) -> str:
        """What the chair is asked before ``step`` is written: what, for whom, which day,
        and what follows."""
        text = self.tr("Record “%1” for %2 on %3?").replace("%1", step.kind).replace(
            "%2", self.household()).replace("%3", f"{step.day:%Y-%m-%d}")
        after = hp.state_after([*self.steps, step])
        if after in hp.CLOSED:
            follows = self.tr("“%1” closes the file: it is kept, but can then only be looked "
                              "at. Record it?").replace("%1", step.kind)
        elif step.kind == hp.FILE:
            follows = self.tr("The household is then on file: aid may be paid, and the yearly "
                              "review falls due on %1.").replace(
                "%1", f"{hp.review_due([*self.steps, step]):%Y-%m-%d}")
        else:
            follows = self.tr("The file is then “%1”; next: %2.").replace("%1", after).replace(
                "%2", "、".join(hp.next_steps(after)))
        lines = [text, follows]
        if step.kind in IRREVERSIBLE:
            lines.append(irreversible_note())
        return "\n\n".join(lines)

    def take_back(self, reason: str | None = None) -> bool:
        """撤回上一步: remove the latest step, asking for the reason unless given."""
        if self.file_id is None or len(self.steps) < 2:
            return False
        last = self.steps[-1]
        if reason is None:
            reason = ask_take_back_reason(
                self, f"{last.kind}（{last.day:%Y-%m-%d}）", self.household())
            if reason is None:
                return False
        file_id, why = self.file_id, reason
        try:
            state = self.context.runner.run(
                Op(TAKE_BACK_STEP, lambda tx: take_back_step(tx, file_id, why))).value
        except UserError as error:  # no reason given, the book read-only …
            show_user_error(self, error)
            return False
        self.result.setText(self.tr("Taken back: %1.").replace("%1", last.kind))
        self.step_taken.emit(state)
        return True
