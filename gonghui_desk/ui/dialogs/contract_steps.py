"""协商与审批进程: the contract's steps in order, each with the day it happened.

要约 (and which side made it), the written reply, the draft, the workers' congress with its
vote, signing, filing with the labour bureau, an objection and the filing again, the
confirmation that it is in force, publication to the staff, and termination. A step not
taken has no date ("—"). Beside them, the status and every statutory deadline as the
service works them out from the saved dates ("报送备案 签订后 10 日内，至 …（已逾期 2 天）").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.clock import Clock
from gonghui_desk.domain import contract as dc
from gonghui_desk.domain.contract import ContractDraft
from gonghui_desk.domain.contract_team import SIDE
from gonghui_desk.services.contracts import ContractDetail
from gonghui_desk.ui.models.contract_table import GREY, ORANGE, OVER, RED, SOON
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.contract_inputs import StepDateEdit, text_box
from gonghui_desk.ui.widgets.contract_vote import VoteBox
from gonghui_desk.ui.widgets.fields import CodeCombo, FieldRow

DATE_KEYS = tuple(dc.DATE_LABELS)
LINE_KEYS = ("meeting_session", "filed_with", "acceptance_no", "published_how",
             "terminated_reason")
VOTE_KEYS = ("vote", "eligible", "present", "in_favour")


def status_style(detail: ContractDetail, today: dt.date) -> str:
    """The colours of the list: red when the next deadline has passed by ``today``, orange
    for what is due soon, grey for what is over."""
    overdue = detail.next is not None and detail.next.due < today
    colour = (RED if overdue else ORANGE if detail.status in SOON
              else GREY if detail.status in OVER else None)
    return f"color: {colour.name()};" if colour is not None else ""


def status_text(detail: ContractDetail) -> str:
    """``Status: 待备案; next: 报送备案 2026-11-19（已逾期 2 天）``."""
    text = QCoreApplication.translate("ContractSteps", "Status: %1").replace(
        "%1", detail.status)
    if detail.next is not None:
        text += QCoreApplication.translate("ContractSteps", "; next: %1").replace(
            "%1", detail.next.text)
    return text


def _line(*widgets: QWidget) -> QWidget:
    """Widgets side by side, left-aligned."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return holder


class ContractSteps(QScrollArea):
    """Emits ``changed`` when a date, the vote or a text changes."""

    changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.dates = {key: StepDateEdit(clock) for key in DATE_KEYS}
        self.lines = {key: QLineEdit() for key in LINE_KEYS}
        for key, widget in (*self.dates.items(), *self.lines.items()):
            widget.setObjectName(f"contract_{key}")
        self.lines["meeting_session"].setPlaceholderText(self.tr("e.g. 第三届第二次"))
        self.lines["filed_with"].setPlaceholderText(self.tr("e.g. 市人力资源和社会保障局"))
        self.offer_side = CodeCombo(SIDE)
        self.offer_side.setObjectName("contract_offer_side")
        self.meeting_type = CodeCombo(dc.MEETING, blank=False)
        self.meeting_type.setObjectName("contract_meeting_type")
        self.vote = VoteBox()
        self.objection_text = text_box(60)
        self.objection_text.setMaximumHeight(70)
        self.objection_text.setObjectName("contract_objection_text")
        self.objection_text.setPlaceholderText(self.tr(
            "What the bureau's 审查意见书 asks to change"))
        self.rows: dict[str, FieldRow] = {key: FieldRow(edit) for key, edit in self.dates.items()}
        self.rows["offer_date"] = FieldRow(_line(self.dates["offer_date"], QLabel(
            self.tr("by")), self.offer_side))
        self.rows["filed_date"] = FieldRow(_line(self.dates["filed_date"], QLabel(
            self.tr("with")), self.lines["filed_with"]))
        self.rows["published_date"] = FieldRow(_line(self.dates["published_date"], QLabel(
            self.tr("how")), self.lines["published_how"]))
        self.rows["meeting_type"] = FieldRow(_line(self.meeting_type, QLabel(
            self.tr("session")), self.lines["meeting_session"]))
        self.rows["objection_text"] = FieldRow(self.objection_text)
        self.rows["terminated_reason"] = FieldRow(self.lines["terminated_reason"])
        vote_row = FieldRow(self.vote)
        for key in VOTE_KEYS:
            self.rows[key] = vote_row
        self.lines["acceptance_no"].setMaximumWidth(200)
        self.lines["filed_with"].setMinimumWidth(180)

        negotiation = self._group(self.tr("1  Negotiation"), (
            (self.tr("Request to negotiate (要约)"), "offer_date"),
            (self.tr("Written reply"), "reply_date"),
            (self.tr("Draft agreed"), "draft_date")))
        approval = self._group(self.tr("2  Workers' congress"), (
            (self.tr("Meeting"), "meeting_type"), (self.tr("Held on"), "meeting_date"),
            (self.tr("Vote"), "vote")))
        signing = self._group(self.tr("3  Signing"), ((self.tr("Signed on"), "signed_date"),))
        signing_hint = QLabel(self.tr(
            "Both chief negotiators sign after the congress passed the draft; the teams must "
            "then meet the rules."))
        signing_hint.setWordWrap(True)
        signing_hint.setStyleSheet(MUTED_STYLE)
        signing.layout().addRow(signing_hint)  # type: ignore[union-attr]
        filing = self._group(self.tr("4  Filing and review"), (
            (self.tr("Filed on"), "filed_date"),
            (self.tr("Acceptance number"), self.lines["acceptance_no"]),
            (self.tr("Objection (审查意见书) on"), "objection_date"),
            (self.tr("Objection"), "objection_text"),
            (self.tr("Filed again on"), "refiled_date")))
        in_force = self._group(self.tr("5  In force and published"), (
            (self.tr("Confirmed in force on"), "confirmed_date"),
            (self.tr("Published on"), "published_date")))
        ended = self._group(self.tr("6  Termination"), (
            (self.tr("Terminated on"), "terminated_date"),
            (self.tr("Reason"), "terminated_reason")))

        self.status = QLabel()
        self.status.setObjectName("contract_status_line")
        self.status.setWordWrap(True)
        font = self.status.font()
        font.setBold(True)
        self.status.setFont(font)
        self.deadlines = QLabel()
        self.deadlines.setObjectName("contract_deadlines")
        self.deadlines.setWordWrap(True)
        self.deadlines.setTextFormat(Qt.TextFormat.PlainText)
        deadline_box = QGroupBox(self.tr("Status and deadlines"))
        deadline_layout = QVBoxLayout(deadline_box)
        deadline_layout.addWidget(self.status)
        deadline_layout.addWidget(self.deadlines)

        left, right = QVBoxLayout(), QVBoxLayout()
        for box in (negotiation, approval, signing):
            left.addWidget(box)
        left.addStretch(1)
        for box in (deadline_box, filing, in_force, ended):
            right.addWidget(box)
        right.addStretch(1)
        inner = QWidget()
        columns = QHBoxLayout(inner)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

        for edit in self.dates.values():
            edit.dateChanged.connect(lambda _: self.changed.emit())
        for line in self.lines.values():
            line.textChanged.connect(lambda _: self.changed.emit())
        self.vote.changed.connect(self.changed.emit)
        self.show_detail(None)

    def _group(self, title: str, rows: tuple[tuple[str, str | QWidget], ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for label, what in rows:
            form.addRow(label, self.rows[what] if isinstance(what, str) else what)
        return box

    # -- the saved status ---------------------------------------------------------------

    def show_detail(self, detail: ContractDetail | None) -> None:
        """The status and the deadlines of the contract as saved (none before saving)."""
        if detail is None:
            self.status.setText(self.tr("Not saved yet"))
            self.status.setStyleSheet("")
            self.deadlines.setText(self.tr(
                "The status and the deadlines are worked out from the dates once the "
                "contract is saved."))
            return
        self.status.setStyleSheet(status_style(detail, self.clock.today()))
        self.status.setText(status_text(detail))
        lines = [f"{d.name}：{d.text}" for d in detail.deadlines if d.text]
        self.deadlines.setText("\n".join(lines) if lines else self.tr(
            "No statutory deadline runs yet: the first starts with the request to negotiate."))

    # -- values -------------------------------------------------------------------------

    def fill(self, draft: ContractDraft) -> None:
        for key, edit in self.dates.items():
            edit.set_value(getattr(draft, key))
        for key, line in self.lines.items():
            line.setText(getattr(draft, key))
        self.offer_side.set_value(draft.offer_side)
        self.meeting_type.set_value(draft.meeting_type)
        self.vote.set_vote(draft.vote)
        self.objection_text.setPlainText(draft.objection_text)

    def values(self) -> dict[str, object]:
        """This tab's fields of a ``ContractDraft``."""
        values: dict[str, object] = {key: edit.value() for key, edit in self.dates.items()}
        values.update({key: line.text().strip() for key, line in self.lines.items()})
        values.update(offer_side=self.offer_side.value(), meeting_type=self.meeting_type.value(),
                      vote=self.vote.vote(),
                      objection_text=self.objection_text.toPlainText().strip())
        return values

    def set_read_only(self, read_only: bool) -> None:
        for edit in (*self.dates.values(), self.offer_side, self.meeting_type):
            edit.setEnabled(not read_only)
        for line in self.lines.values():
            line.setReadOnly(read_only)
        self.objection_text.setReadOnly(read_only)
        self.vote.set_read_only(read_only)

