"""A hardship file in one window: 基本情况, 家庭成员, 收入测算, 办理过程, 帮扶记录.

"Save" keeps the applicant's details and household members (a new file is opened with its
申请 step); the other tabs act on a saved file and keep what they do at once. What the
service refuses is shown under the field concerned and listed above the buttons; nothing
is saved then. A closed file (脱困, 解困, 退出, 不予建档) opens read-only, as does every file
when someone else has the database open.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.hardship import (
    OPEN_FILE,
    UPDATE_FILE,
    file_version,
    load_file,
    open_file,
    update_file,
)
from gonghui_desk.services.member_export import fetch_export_rows
from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import load_profile
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.hardship_applicant import ApplicantTab
from gonghui_desk.ui.dialogs.hardship_income import IncomeTab
from gonghui_desk.ui.dialogs.hardship_payments import PaymentsTab
from gonghui_desk.ui.dialogs.hardship_relatives import RelativesTab
from gonghui_desk.ui.dialogs.hardship_steps import StepsTab
from gonghui_desk.ui.dialogs.member_choice import MemberChoiceDialog
from gonghui_desk.ui.dialogs.record_dialog import RecordDialog
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.write_access import view_only_banner, writable

APPLICANT, RELATIVES, INCOME, STEPS, PAYMENTS = range(5)


class HardshipFileDialog(RecordDialog):
    """Emits ``changed`` whenever something was saved, so the list can be re-read."""

    def __init__(self, context: AppContext, file_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.file_id = file_id
        self.state = hp.NONE
        self.read_only = not writable(context)
        sessions = context.db.sessions
        profile = load_profile(sessions)
        self.applicant = ApplicantTab(file_id is None, context.clock)
        self.applicant.choose_member.connect(self.choose_member)
        self.relatives = RelativesTab()
        self.income = IncomeTab(context, lambda: 1 + self.relatives.count(),
                                lambda: self.applicant.line("region").text().strip(),
                                self.save_if_changed)
        self.income.assessed.connect(self._after_change)
        self.steps = StepsTab(context, profile.chair)
        self.steps.step_taken.connect(lambda _: self._after_change())
        self.payments = PaymentsTab(context, profile.chair)
        self.payments.paid.connect(self._after_change)
        self.relatives.changed.connect(self.income.recompute)
        self.applicant.line("region").editingFinished.connect(self.income.recompute)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.applicant, self.tr("Applicant"))
        self.tabs.addTab(self.relatives, self.tr("Household members"))
        self.tabs.addTab(self.income, self.tr("Income test"))
        self.tabs.addTab(self.steps, self.tr("Procedure"))
        self.tabs.addTab(self.payments, self.tr("Aid paid"))
        self.frame(self.tabs, 1040, 740)
        if file_id is None:
            self.setWindowTitle(self.tr("New hardship file"))
            self.applicant.fill(FileDraft("", "", region=profile.region_code, ethnicity="汉族"))
            self.applicant.applied_by.setText(profile.chair)
            self._saved = self._current()
            self.steps.show_steps(None, hp.NONE, [], self.read_only)
            self.income.load(None)
            self.payments.load(None, "", False)
            for tab in (INCOME, STEPS, PAYMENTS):
                self.tabs.setTabEnabled(tab, False)
                self.tabs.setTabToolTip(tab, self.tr("Save the new file first."))
            self._apply_read_only()
        else:
            self.load()

    # -- reading ------------------------------------------------------------------------

    def load(self, keep_edits: bool = False) -> None:
        """Show the file as saved (after opening it and after every change); with
        ``keep_edits``, unsaved changes to the applicant and household stay on screen."""
        assert self.file_id is not None
        self.seen_version = file_version(self.context.db.sessions, self.file_id)
        draft, self.state, steps = load_file(self.context.db.sessions, self.file_id)
        self.read_only = not writable(self.context) or self.state in hp.CLOSED
        self.setWindowTitle(self.tr("Hardship file: %1 (%2)")
                            .replace("%1", draft.name).replace("%2", self.state))
        if not keep_edits or self.read_only:
            self.applicant.fill(draft)
            self.relatives.fill(draft.relatives)
            self._saved = self._current()
        self.applicant.application_box.hide()
        for tab in (INCOME, STEPS, PAYMENTS):
            self.tabs.setTabEnabled(tab, True)
            self.tabs.setTabToolTip(tab, "")
        self.steps.show_steps(self.file_id, self.state, steps, self.read_only)
        self.income.load(self.file_id)
        self.payments.load(self.file_id, draft.name, not self.read_only,
                           temporary_only=self.state != hp.FILED)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        for tab in (self.applicant, self.relatives, self.income):
            tab.set_read_only(self.read_only)
        self.save_button.setVisible(not self.read_only)
        closed = self.tr(
            "This file is closed (%1). It is kept and can be looked at, but not changed; "
            "for new aid, open a new application.").replace("%1", self.state)
        self.banner.setText(view_only_banner(self.context,
                                             closed if self.state in hp.CLOSED else ""))
        self.banner.setVisible(self.read_only)

    def _current(self) -> tuple[dict[str, object], object]:
        relatives, _ = self.relatives.relatives()
        return self.applicant.values(), relatives

    def is_dirty(self) -> bool:
        return not self.read_only and self._current() != self._saved

    # -- writing ------------------------------------------------------------------------

    def choose_member(self) -> MemberChoiceDialog:
        dialog = MemberChoiceDialog(
            self.context.db.sessions, self.tr("Choose from members"),
            self.tr("The member's details are copied into the file; check and complete them."),
            self)

        def chosen() -> None:
            if dialog.member_id is None:
                return
            rows = fetch_export_rows(self.context.db.sessions, [dialog.member_id],
                                     with_latest_event=False)
            if rows:
                self.applicant.fill_from_member(rows[0])

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def save(self) -> bool:
        """Save the applicant and the household; a new file is opened with its 申请 step."""
        if unreadable_dates(self):
            return False
        self.applicant.clear_messages()
        self.relatives.show_messages([])
        relatives, unreadable = self.relatives.relatives()
        if unreadable:
            self.relatives.show_messages(unreadable)
            self.show_not_saved([self.tr("Household members: %1").replace("%1", m)
                                for m in unreadable])
            self.tabs.setCurrentIndex(RELATIVES)
            return False
        draft = replace(FileDraft(**self.applicant.values()), relatives=relatives)
        runner = self.context.runner
        try:
            if self.file_id is None:
                applied_on = self.applicant.applied_on.value()
                by = self.applicant.applied_by.text().strip()
                self.file_id = runner.run(Op(OPEN_FILE, lambda tx: open_file(
                    tx, draft, applied_on, by))).value
            else:
                file_id, seen = self.file_id, self.seen_version
                runner.run(Op(UPDATE_FILE, lambda tx: update_file(tx, file_id, draft, seen)))
        except ValidationError as error:
            self.show_problems(error.problems)
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        self.load()
        self.show_saved()
        self.changed.emit()
        return True

    def save_if_changed(self) -> bool:
        """Before an income test: the household and region it uses must be the saved ones."""
        return self.file_id is not None and (not self.is_dirty() or self.save())

    def show_problems(self, problems: list[FieldProblem]) -> None:
        relatives_messages, first_tab = [], None
        for problem in problems:
            if self.applicant.show_problem(problem.key, problem.message):
                first_tab = APPLICANT if first_tab is None else first_tab
            elif problem.key == "relatives":
                relatives_messages.append(str(problem))
                first_tab = RELATIVES if first_tab is None else first_tab
        self.relatives.show_messages(relatives_messages)
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)
        self.show_not_saved([str(p) for p in problems])

    def _after_change(self) -> None:
        self.load(keep_edits=self.is_dirty())
        self.changed.emit()

    def close_question(self) -> str:
        return self.tr("Close without saving the changes to the applicant and household?")
