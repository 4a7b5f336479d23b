"""基本信息: the contract's name, type and kind, the contract it renews or amends, its
term, and the two parties as the filing form (送审表) asks for them.

The term is checked as it is typed (1 to 3 years, 集体合同规定 §38): the length in words
when it is right, the rule's own sentence in red when it is not. A new contract takes the
enterprise and union details from the branch profile.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.clock import Clock
from gonghui_desk.domain import contract as dc
from gonghui_desk.domain.contract import ContractDraft, term_problem
from gonghui_desk.domain.dates import add_months
from gonghui_desk.services.contracts import ContractRow
from gonghui_desk.ui.style import MUTED_STYLE, OK_STYLE
from gonghui_desk.ui.widgets.contract_inputs import OptionalCount, StepDateEdit
from gonghui_desk.ui.widgets.fields import CodeCombo, FieldRow

TEXT_KEYS = ("title", "enterprise_name", "legal_representative", "address", "contact_person",
             "contact_phone", "union_name", "union_chair", "note")


def term_length(start: dt.date, end: dt.date) -> tuple[int, int, int]:
    """Whole years, months and the days left over, counting the end day in the term."""
    months = 0
    while add_months(start, months + 1) - dt.timedelta(days=1) <= end:
        months += 1
    last = add_months(start, months) - dt.timedelta(days=1)
    return months // 12, months % 12, (end - last).days


class BasicsTab(QWidget):
    """``rows`` holds each field's message slot by the key the service names it with."""

    kind_changed = Signal(str)

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = {key: QLineEdit() for key in TEXT_KEYS}
        for key, line in self.lines.items():
            line.setObjectName(f"contract_{key}")
        self.lines["title"].setPlaceholderText(self.tr("e.g. 2026—2028 年度综合集体合同"))
        self.contract_type = CodeCombo(dc.CONTRACT_TYPE, blank=False)
        self.contract_type.setObjectName("contract_type")
        self.kind = CodeCombo(dc.KIND, blank=False)
        self.kind.setObjectName("contract_kind")
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.previous = QComboBox()
        self.previous.setObjectName("contract_previous")
        self.previous.addItem(self.tr("(none)"), None)
        self.enterprise_type = CodeCombo(dc.ENTERPRISE_TYPE)
        self.enterprise_type.setObjectName("contract_enterprise_type")
        self.workers_total = OptionalCount()
        self.workers_total.setObjectName("contract_workers_total")
        self.term_start = StepDateEdit(clock)
        self.term_start.setObjectName("contract_term_start")
        self.term_end = StepDateEdit(clock)
        self.term_end.setObjectName("contract_term_end")
        for edit in (self.term_start, self.term_end):
            edit.dateChanged.connect(lambda _: self.check_term())
        term = QWidget()
        term_line = QHBoxLayout(term)
        term_line.setContentsMargins(0, 0, 0, 0)
        term_line.addWidget(self.term_start)
        term_line.addWidget(QLabel(self.tr("to")))
        term_line.addWidget(self.term_end)
        term_line.addStretch(1)
        self.term_ok = QLabel()
        self.term_ok.setObjectName("contract_term_ok")
        self.term_ok.setStyleSheet(OK_STYLE)
        self.term_ok.hide()
        term_box = QWidget()
        term_layout = QVBoxLayout(term_box)
        term_layout.setContentsMargins(0, 0, 0, 0)
        term_layout.setSpacing(2)
        term_layout.addWidget(term)
        term_layout.addWidget(self.term_ok)

        term_row = FieldRow(term_box)
        self.rows: dict[str, FieldRow] = {
            key: FieldRow(widget) for key, widget in (
                ("title", self.lines["title"]), ("contract_type", self.contract_type),
                ("kind", self.kind), ("previous_id", self.previous),
                ("enterprise_name", self.lines["enterprise_name"]),
                ("enterprise_type", self.enterprise_type),
                ("workers_total", self.workers_total))}
        self.rows["term_start"] = self.rows["term_end"] = term_row

        contract_box = QGroupBox(self.tr("The contract"))
        form = QFormLayout(contract_box)
        form.addRow(self.tr("Name"), self.rows["title"])
        form.addRow(self.tr("Type"), self.rows["contract_type"])
        form.addRow(self.tr("Signing"), self.rows["kind"])
        form.addRow(self.tr("Renews or amends"), self.rows["previous_id"])
        form.addRow(self.tr("Term"), term_row)
        form.addRow(self.tr("Note"), self.lines["note"])
        hint = QLabel(self.tr(
            "A collective contract runs 1 to 3 years. A renewal (续签) or an amendment (变更) "
            "names the contract it follows."))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        form.addRow(hint)

        parties_box = QGroupBox(self.tr("The parties"))
        parties = QFormLayout(parties_box)
        parties.addRow(self.tr("Enterprise"), self.rows["enterprise_name"])
        parties.addRow(self.tr("Legal representative"), self.lines["legal_representative"])
        parties.addRow(self.tr("Enterprise type"), self.rows["enterprise_type"])
        parties.addRow(self.tr("Workers in total"), self.rows["workers_total"])
        parties.addRow(self.tr("Address"), self.lines["address"])
        parties.addRow(self.tr("Contact person"), self.lines["contact_person"])
        parties.addRow(self.tr("Contact phone"), self.lines["contact_phone"])
        parties.addRow(self.tr("Union"), self.lines["union_name"])
        parties.addRow(self.tr("Union chair"), self.lines["union_chair"])

        left = QVBoxLayout()
        left.addWidget(contract_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(parties_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self._kind_changed(self.kind.value())

    # -- choices ------------------------------------------------------------------------

    def set_previous_choices(self, contracts: list[ContractRow], own_id: int | None) -> None:
        """The other contracts on file, for 原合同 (a renewal or amendment follows one)."""
        chosen = self.previous.currentData()
        self.previous.clear()
        self.previous.addItem(self.tr("(none)"), None)
        for row in sorted(contracts, key=lambda r: (r.term_start or dt.date.min, r.id),
                          reverse=True):
            if row.id == own_id:
                continue
            term = f"{row.term_start:%Y-%m-%d} – {row.term_end:%Y-%m-%d}" if (
                row.term_start and row.term_end) else row.status
            self.previous.addItem(f"{row.title}（{term}）", row.id)
        self.select_previous(chosen)

    def select_previous(self, contract_id: int | None) -> None:
        self.previous.setCurrentIndex(max(self.previous.findData(contract_id), 0))

    def _kind_changed(self, kind: str) -> None:
        self.previous.setEnabled(kind != dc.FIRST and self.kind.isEnabled())
        if kind == dc.FIRST:
            self.select_previous(None)
        self.kind_changed.emit(kind)

    # -- the term -----------------------------------------------------------------------

    def check_term(self) -> str:
        """Show the term's length, or what is wrong with it; return the problem."""
        start, end = self.term_start.value(), self.term_end.value()
        problem = term_problem(start, end) if start and end else ""
        self.rows["term_end"].show_message(problem)
        if start and end and not problem:
            years, months, days = term_length(start, end)
            parts = [self.tr("%n year(s)", "", years) if years else "",
                     self.tr("%n month(s)", "", months) if months else "",
                     self.tr("%n day(s)", "", days) if days else ""]
            self.term_ok.setText(self.tr("Term: %1").replace(
                "%1", " ".join(p for p in parts if p)))
        self.term_ok.setVisible(bool(start and end and not problem))
        return problem

    # -- values -------------------------------------------------------------------------

    def fill(self, draft: ContractDraft) -> None:
        for key, line in self.lines.items():
            line.setText(getattr(draft, key))
        self.contract_type.set_value(draft.contract_type)
        self.kind.set_value(draft.kind)
        self.select_previous(draft.previous_id)
        self.enterprise_type.set_value(draft.enterprise_type)
        self.workers_total.set_number(draft.workers_total)
        self.term_start.set_value(draft.term_start)
        self.term_end.set_value(draft.term_end)
        self.check_term()

    def values(self) -> dict[str, object]:
        """This tab's fields of a ``ContractDraft``."""
        data = self.previous.currentData()
        values: dict[str, object] = {key: line.text().strip() for key, line in self.lines.items()}
        values.update(
            contract_type=self.contract_type.value(), kind=self.kind.value(),
            previous_id=int(data) if data is not None and self.kind.value() != dc.FIRST
            else None,
            enterprise_type=self.enterprise_type.value(),
            workers_total=self.workers_total.number(), term_start=self.term_start.value(),
            term_end=self.term_end.value())
        return values

    def set_read_only(self, read_only: bool) -> None:
        for line in self.lines.values():
            line.setReadOnly(read_only)
        for widget in (self.contract_type, self.kind, self.enterprise_type,
                       self.workers_total, self.term_start, self.term_end):
            widget.setEnabled(not read_only)
        self.previous.setEnabled(not read_only and self.kind.value() != dc.FIRST)
