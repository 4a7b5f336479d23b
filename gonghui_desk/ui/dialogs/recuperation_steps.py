"""办理环节: the steps taken on an application, and a button for each step that may follow.

Only the steps the process allows after the state are offered (domain.recuperation_process.
next_steps); 递补 is never a button, the program does it when a place is given back. Each
step is recorded with the day, who handled it and a note, which 取消 and 放弃 must give as
their reason. 取消 is labelled 撤销申请… on its button, so that it is never mistaken for
the dialog's own 关闭 or a Cancel. Every step is written only after the chair answered Yes
to a question naming the step, the person, the day and what follows. When a place given
back goes to the first on the waiting list, the tab says who got it. A step recorded by
mistake is taken back with a reason the change history keeps.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.operations import Op
from gonghui_desk.services.recuperation_apps import (
    TAKE_BACK_STEP,
    TAKE_STEP,
    ApplicationDetail,
    take_back_step,
    take_step,
)
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.step_confirm import (
    ask_take_back_reason,
    confirm_step,
    take_back_button,
)
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.recuperation_tables import state_text
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.widgets.inputs import DayEdit, to_qdate
from gonghui_desk.ui.write_access import enable_writes


class StepsTab(QWidget):
    """Emits ``step_taken`` with the new state after a step was recorded."""

    step_taken = Signal(str)

    def __init__(self, context: AppContext, handler: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.app_id: int | None = None
        self.state = rp.NONE
        self.detail: ApplicationDetail | None = None
        self.state_label = QLabel()
        self.state_label.setObjectName("steps_state")
        font = self.state_label.font()
        font.setBold(True)
        self.state_label.setFont(font)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("app_steps")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Step"), self.tr("Handled by"), self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((100, 90, 100)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.day = DayEdit(context.clock.today())
        self.day.setObjectName("step_day")
        self.day.setMaximumWidth(160)
        self.by = QLineEdit(handler)
        self.by.setObjectName("step_by")
        self.note = QLineEdit()
        self.note.setObjectName("step_note")
        self.note.setPlaceholderText(self.tr(
            "Required to withdraw the application or give up: the reason"))
        self.rows = {"day": FieldRow(self.day), "by": FieldRow(self.by),
                     "note": FieldRow(self.note)}
        self.form_box = QGroupBox(self.tr("Next step"))
        form = QFormLayout(self.form_box)
        form.addRow(self.tr("Date"), self.rows["day"])
        form.addRow(self.tr("Handled by"), self.rows["by"])
        form.addRow(self.tr("Note or reason"), self.rows["note"])
        self.button_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        form.addRow(self.button_row)
        self.result = QLabel()
        self.result.setObjectName("step_result")
        self.result.setWordWrap(True)
        form.addRow(self.result)
        self.take_back_button = take_back_button(self.take_back)
        top = QHBoxLayout()
        top.addWidget(self.state_label, 1)
        top.addWidget(self.take_back_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)

    def show_detail(self, detail: ApplicationDetail | None, read_only: bool) -> None:
        self.app_id = detail.id if detail else None
        self.detail = detail
        self.state = detail.state if detail else rp.NONE
        steps = detail.steps if detail else ()
        self.table.setRowCount(len(steps))
        for row, step in enumerate(steps):
            for column, value in enumerate((f"{step.day:%Y-%m-%d}", step.kind, step.by,
                                            step.note)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if detail is None:
            self.state_label.setText(self.tr("State: not yet saved"))
        else:
            self.state_label.setText(self.tr("State: %1").replace(
                "%1", state_text(detail.state, detail.confirmed)))
        for button in self.buttons.values():
            self.button_row.removeWidget(button)
            button.deleteLater()
        self.buttons.clear()
        offered = [k for k in rp.next_steps(self.state, detail.confirmed if detail else False)
                   if k != rp.OFFER] if detail else []
        while self.button_row.count():  # the spacing and stretch of the last time
            self.button_row.takeAt(0)
        for kind in offered:
            if (kind in rp.REASON_REQUIRED and self.buttons
                    and not set(self.buttons) & rp.REASON_REQUIRED):
                self.button_row.addSpacing(24)  # the steps that end it, set apart
            button = QPushButton(self.button_text(kind))
            button.setObjectName(f"step_{kind}")
            button.clicked.connect(lambda _=False, k=kind: self.take(k))
            self.button_row.addWidget(button)
            self.buttons[kind] = button
        self.button_row.addStretch(1)
        self.note.clear()
        today = self.context.clock.today()
        self.day.setMaximumDate(to_qdate(today))
        self.day.set_value(today)
        for field_row in self.rows.values():
            field_row.show_message("")
        self.form_box.setVisible(bool(offered) and not read_only)
        # A closed application's last step too: one closed by mistake is opened again so.
        count = len(steps)
        self.take_back_button.setVisible(count > 1)
        enable_writes(self.context, self.take_back_button, when=count > 1)

    def offered(self) -> list[str]:
        return list(self.buttons)

    def button_text(self, kind: str) -> str:
        """取消 is 撤销申请… on its button: beside 关闭 a bare 取消 reads as "close"."""
        return self.tr("Withdraw the application…") if kind == rp.CANCEL else kind

    def question(self, kind: str, day: dt.date) -> str:
        """What the chair is asked before ``kind`` is written."""
        name = self.detail.name if self.detail else ""
        what = self.button_text(kind).rstrip("…")
        text = self.tr("Record “%1” for %2 on %3?").replace("%1", what).replace(
            "%2", name).replace("%3", f"{day:%Y-%m-%d}")
        if kind in rp.REASON_REQUIRED:
            follows = self.tr("“%1” ends the application: it is kept, but can then only be "
                              "looked at. A place it holds goes to the first on the waiting "
                              "list. Record it?").replace("%1", what)
        elif kind == rp.COMPLETE:
            follows = self.tr("The application is then complete and counts as a trip taken.")
        else:
            after = rp.state_after([*(self.detail.steps if self.detail else ()),
                                    rp.Step(kind, day)])
            follows = self.tr("The application is then “%1”; next: %2.").replace(
                "%1", after).replace("%2", "、".join(
                    self.button_text(k).rstrip("…") for k in rp.next_steps(after)
                    if k != rp.OFFER))
        return f"{text}\n\n{follows}"

    def take_back(self, reason: str | None = None) -> bool:
        """撤回上一步: remove the latest step, asking for the reason unless given."""
        detail = self.detail
        if detail is None or len(detail.steps) < 2:
            return False
        last = detail.steps[-1]
        if reason is None:
            reason = ask_take_back_reason(
                self, f"{last.kind}（{last.day:%Y-%m-%d}）", detail.name)
            if reason is None:
                return False
        app_id, why = detail.id, reason
        try:
            state = self.context.runner.run(
                Op(TAKE_BACK_STEP, lambda tx: take_back_step(tx, app_id, why))).value
        except UserError as error:  # no reason, a place already handed over …
            show_user_error(self, error)
            return False
        self.result.setText(self.tr("Taken back: %1.").replace("%1", last.kind))
        self.step_taken.emit(state)
        return True

    def take(self, kind: str) -> bool:
        """Record ``kind`` with the form's day, handler and note."""
        if self.app_id is None or kind not in self.buttons or unreadable_dates(self):
            return False
        for row in self.rows.values():
            row.show_message("")
        note = self.note.text().strip()
        day = self.day.value()
        # Asked only of a step that would get past its own fields; else they say why.
        if ((note or kind not in rp.REASON_REQUIRED) and self.by.text().strip()
                and not confirm_step(self, self.button_text(kind).rstrip("…"),
                                     self.question(kind, day))):
            return False
        app_id, by = self.app_id, self.by.text()
        try:
            outcome = self.context.runner.run(Op(TAKE_STEP, lambda tx: take_step(
                tx, app_id, kind, day, by, note))).value
        except ValidationError as error:
            for problem in error.problems:
                self.rows.get(problem.key, self.rows["note"]).show_message(problem.message)
            self.result.setText(self.tr("Not recorded."))
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        text = self.tr("Recorded: %1.").replace("%1", kind)
        if outcome.handed_to:
            handed = self.tr("The place went to %1, the first on the waiting list.").replace(
                "%1", outcome.handed_to)
            text += " " + handed
            QMessageBox.information(self, kind, handed)
        self.step_taken.emit(outcome.state)
        self.result.setText(text)
        return True
