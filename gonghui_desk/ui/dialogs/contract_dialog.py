"""A collective contract in one window: 基本信息, 协商代表, 协商与审批进程, 主要条款, 附件.

"Save" keeps the first four tabs together in one call; what the service refuses is shown
in red under the field concerned (on whichever tab it is, the first such tab brought
forward) and listed above the buttons, and nothing is saved. A new contract takes the
branch's details from 工会信息, or starts as the renewal of another (续签, 原合同 set).
Attachments are kept at once and need a saved contract. Everything is read-only when
someone else has the database open.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QWidget,
)

from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain.contract import ENTERPRISE_TYPE, ContractDraft
from gonghui_desk.domain.contract_team import Negotiator
from gonghui_desk.errors import FieldProblem, UserError, ValidationError
from gonghui_desk.services.contracts import (
    SAVE_CONTRACT,
    TAKE_BACK_STEP,
    ContractDetail,
    contract_detail,
    contract_version,
    deadline_rules,
    list_contracts,
    save_contract,
    step_name,
    take_back_step,
    timeline_of,
)
from gonghui_desk.services.operations import Op
from gonghui_desk.services.profile import load_profile
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.contract_attachments import AttachmentsTab
from gonghui_desk.ui.dialogs.contract_basics import BasicsTab
from gonghui_desk.ui.dialogs.contract_steps import ContractSteps, status_style, status_text
from gonghui_desk.ui.dialogs.contract_teams import TeamsTab
from gonghui_desk.ui.dialogs.contract_terms import TermsTab
from gonghui_desk.ui.dialogs.record_dialog import RecordDialog
from gonghui_desk.ui.dialogs.step_confirm import (
    ask_take_back_reason,
    confirm_step,
    irreversible_note,
)
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.tr import QT_TRANSLATE_NOOP
from gonghui_desk.ui.widgets.date_field import unreadable_dates
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.write_access import view_only_banner, writable

BASICS, TEAMS, STEPS, TERMS, FILES = range(5)
# The steps that start a statutory period, and what follows them (DOMAIN.md §5).
WEIGHTY_STEPS = {
    "signed_date": QT_TRANSLATE_NOOP(
        "ContractWeightySteps", "After signing, the contract must be filed with the labour "
        "bureau within %1 days; the deadline is counted from this day."),
    "filed_date": QT_TRANSLATE_NOOP(
        "ContractWeightySteps", "After filing, the bureau has %2 days to review the contract; "
        "without an objection it comes into force when they are over."),
    "refiled_date": QT_TRANSLATE_NOOP(
        "ContractWeightySteps", "The bureau's review period of %2 days starts again from "
        "this day."),
}
Snapshot = tuple[ContractDraft, tuple[Negotiator, ...]]


class ContractDialog(RecordDialog):
    """Emits ``changed`` whenever something was saved, so the list can be re-read."""

    def __init__(self, context: AppContext, contract_id: int | None,
                 draft: ContractDraft | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.contract_id = contract_id
        self.seen_version: int | None = None  # of the contract as loaded; a new one has none
        self.read_only = not writable(context)
        self.detail: ContractDetail | None = None
        sessions = context.db.sessions
        self.basics = BasicsTab(context.clock)
        self.teams = TeamsTab(lambda: (self.basics.lines["union_chair"].text().strip(),
                                       self.basics.lines["legal_representative"].text().strip()))
        self.steps = ContractSteps(context.clock)
        self.terms = TermsTab()
        self.files = AttachmentsTab(context)
        self.basics.contract_type.currentTextChanged.connect(self.terms.show_type)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.basics, self.tr("Basics"))
        self.tabs.addTab(self.teams, self.tr("Negotiators"))
        self.tabs.addTab(self.steps, self.tr("Negotiation and approval"))
        self.tabs.addTab(self.terms, self.tr("Main terms"))
        self.tabs.addTab(self.files, self.tr("Attachments"))
        self.summary = QLabel()
        self.summary.setObjectName("contract_summary")
        self.summary.setWordWrap(True)
        self.frame(self.tabs, 1060, 720, above_tabs=(self.summary,))
        self.take_back_button = self.buttons.addButton(
            self.tr("Take back the last step…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.take_back_button.clicked.connect(self.take_back_last_step)
        self.take_back_button.hide()
        self.banner.setText(view_only_banner(context))
        self.banner.setVisible(self.read_only)
        self.basics.set_previous_choices(
            list_contracts(sessions, today=context.clock.today()), contract_id)
        if contract_id is None:
            self._start(draft)
        else:
            self.load()

    # -- reading ------------------------------------------------------------------------

    def _start(self, draft: ContractDraft | None) -> None:
        """A new contract: the renewal ``draft``, or the branch's own details."""
        if draft is None:
            profile = load_profile(self.context.db.sessions)
            draft = ContractDraft(
                title="", enterprise_name=profile.unit_name, address=profile.address,
                enterprise_type=profile.unit_nature if profile.unit_nature in ENTERPRISE_TYPE
                else "", contact_person=profile.contact_person,
                contact_phone=profile.contact_phone, union_name=profile.union_name,
                union_chair=profile.chair)
            self.setWindowTitle(self.tr("New collective contract"))
            self.summary.hide()
        else:
            self.setWindowTitle(self.tr("New contract: renewal of “%1”").replace(
                "%1", draft.title))
            self.summary.setText(self.tr(
                "The parties and terms are copied from the contract it renews: check them, "
                "change the name and the term, and record the negotiation as it goes."))
        self._fill(draft, ())
        self.steps.show_detail(None)
        self.files.load(None, self.read_only)
        self.tabs.setTabEnabled(FILES, False)
        self.tabs.setTabToolTip(FILES, self.tr("Save the new contract first."))
        self._saved = self._current()
        self._apply_read_only()

    def load(self) -> None:
        """Show the contract as saved (on opening and after every save)."""
        assert self.contract_id is not None
        sessions = self.context.db.sessions
        today = self.context.clock.today()
        self.seen_version = contract_version(sessions, self.contract_id)
        self.detail = detail = contract_detail(sessions, self.contract_id, today)
        self.setWindowTitle(self.tr("Collective contract: %1 (%2)")
                            .replace("%1", detail.draft.title).replace("%2", detail.status))
        self.basics.set_previous_choices(list_contracts(sessions, today=today),
                                        self.contract_id)
        self._fill(detail.draft, detail.negotiators)
        self.steps.show_detail(detail)
        summary = status_text(detail)
        self.summary.setStyleSheet(status_style(detail, today))
        if detail.renewals:
            summary += "\n" + self.tr("Renewed or amended by: %1").replace(
                "%1", "、".join(title for _, title in detail.renewals))
        self.summary.setText(summary)
        self.summary.show()
        self.tabs.setTabEnabled(FILES, True)
        self.tabs.setTabToolTip(FILES, "")
        self.files.load(self.contract_id, self.read_only)
        self._saved = self._current()
        self._apply_read_only()

    def _fill(self, draft: ContractDraft, team: tuple[Negotiator, ...]) -> None:
        self.basics.fill(draft)
        self.teams.fill(team)
        self.steps.fill(draft)
        self.terms.fill(draft.terms)
        self.terms.show_type(draft.contract_type)

    def _apply_read_only(self) -> None:
        for tab in (self.basics, self.teams, self.steps, self.terms):
            tab.set_read_only(self.read_only)
        self.save_button.setVisible(not self.read_only)
        self._show_take_back()

    def _show_take_back(self) -> None:
        """撤回上一步 for a saved contract with a step on record, naming that step."""
        latest = None if self.detail is None else ct.latest_step(timeline_of(self.detail.draft))
        self.take_back_button.setVisible(not self.read_only and latest is not None)
        self.take_back_button.setToolTip("" if latest is None else self.tr(
            "Take back “%1”, with a reason the change history keeps.").replace(
                "%1", step_name(latest)))

    def _current(self) -> Snapshot:
        values: dict[str, Any] = {**self.basics.values(), **self.steps.values()}
        draft = replace(ContractDraft(title=""), **values, terms=self.terms.terms())
        return draft, self.teams.team()

    def is_dirty(self) -> bool:
        return not self.read_only and self._current() != self._saved

    # -- writing ------------------------------------------------------------------------

    def save(self) -> bool:
        if unreadable_dates(self):
            return False
        self.clear_messages()
        unreadable = self.terms.unreadable()
        if unreadable:
            self.show_problems([FieldProblem(self.tr("Wage increase"), unreadable,
                                             "wage_increase_pct")])
            return False
        draft, team = self._current()
        if not self._weighty_steps_agreed(draft):
            return False
        contract_id, seen = self.contract_id, self.seen_version
        try:
            self.contract_id = self.context.runner.run(Op(
                SAVE_CONTRACT,
                lambda tx: save_contract(tx, draft, team, contract_id, seen))).value
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

    def _weighty_steps_agreed(self, draft: ContractDraft) -> bool:
        """签订, 报送备案 and 重新报送 start statutory periods: newly entered, each is asked
        about first, naming the contract, the day and what follows."""
        before = self._saved[0]
        rules = deadline_rules(self.context.db.sessions)
        for key, follows in WEIGHTY_STEPS.items():
            day = getattr(draft, key)
            if day is None or getattr(before, key) == day:
                continue
            text = (self.tr("Record “%1” of “%2” on %3?").replace("%1", step_name(key))
                    .replace("%2", draft.title or self.tr("the new contract"))
                    .replace("%3", f"{day:%Y-%m-%d}")
                    + "\n\n" + QCoreApplication.translate("ContractWeightySteps", follows)
                    .replace("%1", str(rules.filing_days)).replace("%2", str(rules.review_days))
                    + "\n\n" + irreversible_note())
            if not confirm_step(self, self.tr("Record a step"), text):
                return False
        return True

    def take_back_last_step(self) -> bool:
        """撤回上一步: clear the latest step (its day and what was recorded with it), with a
        reason; unsaved changes are saved or dropped first."""
        if self.contract_id is None or self.detail is None:
            return False
        if self.is_dirty():
            show_user_error(self, UserError(self.tr(
                "Save or undo the changes first, then take back the last step.")))
            return False
        latest = ct.latest_step(timeline_of(self.detail.draft))
        if latest is None:
            return False
        reason = ask_take_back_reason(self, step_name(latest), f"“{self.detail.draft.title}”")
        if reason is None:
            return False
        contract_id = self.contract_id
        try:
            self.context.runner.run(Op(
                TAKE_BACK_STEP, lambda tx: take_back_step(tx, contract_id, reason)))
        except UserError as error:
            show_user_error(self, error)
            return False
        self.load()
        self.changed.emit()
        return True

    def _field_rows(self) -> list[tuple[int, dict[str, FieldRow]]]:
        return [(BASICS, self.basics.rows), (TEAMS, self.teams.rows),
                (STEPS, self.steps.rows), (TERMS, self.terms.rows)]

    def clear_messages(self) -> None:
        for _, rows in self._field_rows():
            for row in rows.values():
                row.show_message("")
        self.basics.check_term()  # the live check speaks again
        self.general.hide()

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem under its field (several under one field one below the other), the
        first such tab brought forward, and all of them listed above the buttons."""
        found: dict[int, tuple[FieldRow, list[str]]] = {}
        first_tab: int | None = None
        for problem in problems:
            for tab, rows in self._field_rows():
                row = rows.get(problem.key)
                if row is None:
                    continue
                messages = found.setdefault(id(row), (row, []))[1]
                if problem.message not in messages:
                    messages.append(problem.message)
                first_tab = tab if first_tab is None else first_tab
                break
        for row, messages in found.values():
            row.show_message("\n".join(messages))
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)
        self.show_not_saved([str(p) for p in problems])

    def close_question(self) -> str:
        return self.tr("Close without saving the changes to the contract?")
