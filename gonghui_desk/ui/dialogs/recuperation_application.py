"""A 疗休养申请 in one window: 申请, 资格审核, 办理环节.

"Save" records a new application (its first step, 申请) or keeps the changes to an open
one; the other two tabs act on a saved application and keep what they do at once. While
the 申请 tab is typed in, the rules' verdict on it shows under the applicant; a new
application that fails a rule about the person is saved only once the chair agrees to
override that rule on the next tab, and never for someone who is not 在册. What
the service refuses is shown in red under the field concerned and listed above the
buttons; nothing is saved then. A finished, cancelled or given-up application opens
read-only, as does every one when someone else has the database open.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QMessageBox,
    QTabWidget,
    QWidget,
)

from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation import ApplicationDraft
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.recuperation import trips
from gonghui_desk.services.recuperation_apps import (
    APPLY,
    UPDATE,
    ApplicationDetail,
    apply,
    detail,
    update,
)
from gonghui_desk.services.recuperation_facts import draft_check
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.record_dialog import RecordDialog
from gonghui_desk.ui.dialogs.recuperation_app_form import ApplyTab
from gonghui_desk.ui.dialogs.recuperation_steps import StepsTab
from gonghui_desk.ui.dialogs.recuperation_verdict import VerdictTab
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.write_access import view_only_banner, writable

APPLY_TAB, VERDICT_TAB, STEPS_TAB = range(3)
LIVE_CHECK_DELAY_MS = 150  # a spin box held down re-checks once it stops


class ApplicationDialog(RecordDialog):
    """Emits ``changed`` whenever something was saved, so the lists can be re-read."""

    def __init__(self, context: AppContext, app_id: int | None, year: int,
                 trip_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.app_id = app_id
        sessions = context.db.sessions
        self.detail: ApplicationDetail | None = detail(sessions, app_id) if app_id else None
        if self.detail is not None:
            year = self.detail.trip.year
        handler = load_profile(sessions).chair
        self.form = ApplyTab(sessions, trips(sessions, year), handler, new=app_id is None)
        self.verdict = VerdictTab(context, handler)
        self.verdict.changed.connect(self._after_change)
        self.steps = StepsTab(context, handler)
        self.steps.step_taken.connect(lambda _: self._after_change())
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("Application"))
        self.tabs.addTab(self.verdict, self.tr("Eligibility"))
        self.tabs.addTab(self.steps, self.tr("Procedure"))
        self.frame(self.tabs, 980, 700)
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_CHECK_DELAY_MS)
        self._live_timer.timeout.connect(self.check_live)
        self.form.edited.connect(self._live_timer.start)
        if app_id is None:
            self.setWindowTitle(self.tr("New recuperation application"))
            self.form.select_trip(trip_id)
            if self.form.picker is not None:
                self.form.picker.ensure_loaded()
            self.read_only = not writable(context)
            self._saved = self._current()
            self.verdict.show_detail(None, True)
            self.steps.show_detail(None, True)
            for tab in (VERDICT_TAB, STEPS_TAB):
                self.tabs.setTabEnabled(tab, False)
                self.tabs.setTabToolTip(tab, self.tr("Save the new application first."))
            if self.form.trip.count() == 0:
                self.form.show_problem("trip_id", self.tr(
                    "The year has no trip yet: add one on the trips tab first."))
            self._apply_read_only()
        else:
            self.load()
        self.check_live()

    # -- reading ------------------------------------------------------------------------

    def load(self, keep_edits: bool = False) -> None:
        """Show the application as saved (on opening and after every change); with
        ``keep_edits``, unsaved changes on the 申请 tab stay on screen."""
        assert self.app_id is not None
        self.detail = detail(self.context.db.sessions, self.app_id)
        self.read_only = not writable(self.context) or self.detail.state in rp.CLOSED
        self.setWindowTitle(self.tr("Recuperation application: %1, %2 (%3)")
                            .replace("%1", self.detail.name)
                            .replace("%2", self.detail.trip.destination)
                            .replace("%3", self.detail.state))
        self.form.show_applicant(self.detail)
        self.form.applied_fixed = len(self.detail.steps) > 1
        if not keep_edits or self.read_only:
            self.form.fill(self.detail.draft)
            self._saved = self._current()
        for tab in (VERDICT_TAB, STEPS_TAB):
            self.tabs.setTabEnabled(tab, True)
            self.tabs.setTabToolTip(tab, "")
        self.verdict.show_detail(self.detail, self.read_only)
        self.steps.show_detail(self.detail, self.read_only)
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        self.form.set_read_only(self.read_only)
        self.save_button.setVisible(not self.read_only)
        closed = ""
        if self.detail is not None and self.detail.state in rp.CLOSED:
            closed = self.tr(
                "This application is closed (%1). It is kept and can be looked at, but not "
                "changed.").replace("%1", self.detail.state)
        self.banner.setText(view_only_banner(self.context, closed))
        self.banner.setVisible(self.read_only)

    def check_live(self) -> None:
        """Show the verdict on the application as it stands on screen, saved or not."""
        self._live_timer.stop()
        member_id, trip_id = self.form.chosen_member(), self.form.trip_id()
        if member_id is None or trip_id is None:
            self.form.live.show_check(None)
            return
        draft = self.form.draft(member_id, trip_id)
        self.form.live.show_check(draft_check(self.context.db.sessions, draft, self.app_id))

    def _agree_to_failures(self) -> bool:
        """Before a new application is saved: a rule about the person that is not met may
        only be overridden on the next tab, so ask first; one that cannot be is refused."""
        self.check_live()
        check = self.form.live.check
        if check is None or check.refusal or check.verdict is None:
            return True  # the service refuses it, and says why, under the field
        blocking = self.form.live.blocking()
        if blocking:
            self.show_not_saved([r.line for r in blocking])
            return False
        failed = [r for r in check.verdict.failures if not r.place]
        if not failed:
            return True
        answer = QMessageBox.question(
            self, self.tr("Not eligible"),
            self.tr("%1\n\nThe union can approve this application only once each of these "
                    "rules is overridden on the Eligibility tab, with the reason in writing. "
                    "Save it and give the overrides next?")
            .replace("%1", "\n".join(r.line for r in failed)))
        return answer == QMessageBox.StandardButton.Yes

    def _current(self) -> ApplicationDraft:
        return self.form.draft(self.form.chosen_member() or 0, self.form.trip_id() or 0)

    def is_dirty(self) -> bool:
        return not self.read_only and self._current() != self._saved

    # -- writing ------------------------------------------------------------------------

    def save(self) -> bool:
        if unreadable_dates(self):
            return False
        self.form.clear_messages()
        member_id, trip_id = self.form.chosen_member(), self.form.trip_id()
        missing = []
        if member_id is None:
            missing.append(FieldProblem(self.tr("Applicant"),
                                        self.tr("Choose the member who applies."), "member_id"))
        if trip_id is None:
            missing.append(FieldProblem(self.tr("Trip"),
                                        self.tr("Choose the trip applied for."), "trip_id"))
        if missing:
            self.show_problems(missing)
            return False
        assert member_id is not None and trip_id is not None
        draft = self.form.draft(member_id, trip_id)
        runner = self.context.runner
        if self.app_id is None and not self._agree_to_failures():
            return False
        try:
            if self.app_id is None:
                by = self.form.by.text()
                self.app_id = runner.run(Op(APPLY, lambda tx: apply(tx, draft, by))).value
            else:
                app_id = self.app_id
                runner.run(Op(UPDATE, lambda tx: update(tx, app_id, draft)))
        except ValidationError as error:
            self.show_problems(error.problems)
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        self.load()
        self.check_live()
        assert self.detail is not None
        if self.detail.verdict.eligible:
            self.show_saved(self.tr("Saved. The eligibility check is on the next tab."))
        else:  # the overrides agreed to are given there
            self.show_saved(self.tr("Saved. Give the overrides on this tab."))
            self.tabs.setCurrentIndex(VERDICT_TAB)
        self.changed.emit()
        return True

    def show_problems(self, problems: list[FieldProblem]) -> None:
        for problem in problems:
            self.form.show_problem(problem.key, problem.message)
        self.tabs.setCurrentIndex(APPLY_TAB)
        self.show_not_saved([str(p) for p in problems])

    def _after_change(self) -> None:
        self.load(keep_edits=self.is_dirty())
        self.check_live()
        self.changed.emit()

    def close_question(self) -> str:
        return self.tr("Close without saving the changes to the application?")
