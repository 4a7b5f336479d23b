"""集体合同: the branch's collective contracts with their status and the next deadline.

The status is never typed in: the service works it out from the dates recorded, with the
periods under 设置 → 集体合同期限, and lists the most pressing deadline first. A renewal
starts as a copy of the selected contract (续签, 原合同 set) and opens as a new contract.
Only a contract never signed can be deleted; the service says what to do with a signed one.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain.contract import ContractDraft
from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.errors import UserError
from gonghui_desk.services.contracts import (
    DELETE_CONTRACT,
    ContractRow,
    deadline_rules,
    delete_contract,
    list_contracts,
    renewal_draft,
)
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.contract_dialog import ContractDialog
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.contract_table import ContractModel
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.chart_panel import ContractPick
from gonghui_desk.ui.widgets.charts_areas import ContractChart
from gonghui_desk.ui.widgets.charts_overview import ChartDrawer
from gonghui_desk.ui.widgets.tables import (
    TopOnNewQuery,
    hint_label,
    keep_sorted,
    record_table,
    search_timer,
)
from gonghui_desk.ui.write_access import enable_writes


class ContractsPage(Page):
    AREA_FORM = "contract-ledger"
    # A contract's status and deadlines follow from its dates and the periods in force
    # (the branch's region chooses them): the few rows are read again.
    WATCHES = frozenset({"collective_contract", "contract_rules", "branch_profile"})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Collective contracts"), parent)
        self.periods = QLabel()
        self.periods.setObjectName("contract_periods")
        self.periods.setWordWrap(True)
        self.periods.setStyleSheet(MUTED_STYLE)
        self.new_button = QPushButton(self.tr("New contract…"))
        self.new_button.clicked.connect(self.new_contract)
        enable_writes(context, self.new_button)
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.clicked.connect(self.open_selected)
        self.renew_button = QPushButton(self.tr("Renew…"))
        self.renew_button.setToolTip(self.tr(
            "Start negotiating the renewal of the selected signed contract: its parties and "
            "terms are copied into a new contract marked 续签."))
        self.renew_button.clicked.connect(self.renew_selected)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr(
            "Only a contract never signed can be deleted; a signed one is ended by recording "
            "its termination."))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.renew_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.search = QLineEdit()
        self.search.setObjectName("contract_search")
        self.search.setPlaceholderText(self.tr("Search the contract name or the enterprise"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("contract_status")
        self.status.addItem(self.tr("All statuses"), "")
        for value in ct.STATUS.values:
            self.status.addItem(value, value)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        filters.addWidget(self.count_label)

        self.model = ContractModel(context.clock.today())
        self.table = record_table(self.model, self.open_selected, self._update_buttons,
                                  (context.settings, "contracts"))
        self._top = TopOnNewQuery(self.table)
        self.table.setObjectName("contracts")
        self.empty_label = hint_label()
        self._debounce = search_timer(self, self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(lambda _: self.apply_filter())

        self.layout_.addWidget(self.periods)
        self.layout_.addLayout(buttons)
        self.layout_.addLayout(filters)
        self.charts = ChartDrawer(ContractChart(context))
        self.charts.panel.picked.connect(lambda _, pick: self.show_filtered(pick))
        self.layout_.addWidget(self.charts)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.empty_label)
        self.dialog: ContractDialog | None = None
        self._update_buttons()

    # -- the list -----------------------------------------------------------------------

    def refresh(self) -> None:
        rules = deadline_rules(self.context.db.sessions)
        self.periods.setText(self.tr(
            "Statutory periods: a written reply within %1 days of a request to negotiate; "
            "filing with the labour bureau within %2 days of signing (wage contracts %3 "
            "days); in force when the bureau raises no objection within %4 days; renewal may "
            "be asked for in the last %5 months of the term. Change them under Settings → "
            "Contract periods.")
            .replace("%1", str(rules.reply_days)).replace("%2", str(rules.filing_days))
            .replace("%3", str(rules.wage_filing_days)).replace("%4", str(rules.review_days))
            .replace("%5", str(rules.renewal_months)))
        self.apply_filter()

    def apply_filter(self) -> None:
        self._debounce.stop()
        chosen = self.selected_id()
        self.model.today = self.context.clock.today()
        self.model.set_rows(list_contracts(self.context.db.sessions,
                                           str(self.status.currentData()) or None,
                                           self.search.text(), today=self.model.today))
        keep_sorted(self.table, self.model)
        count = self.model.rowCount()
        self.count_label.setText(grouped_count(self.tr("%n contract(s)", "", count), count))
        if self.model.rowCount() == 0:
            filtered = bool(self.search.text().strip() or self.status.currentData())
            self.empty_label.setText(
                self.tr("No contract matches the filters.") if filtered else self.tr(
                    "No collective contract yet. “New contract…” records one from the request "
                    "to negotiate on: the teams, the workers' congress vote, signing, filing "
                    "and the bureau's review."))
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if chosen is not None:
            self.select_contract(chosen)
        self._top.shown((self.status.currentData(), self.search.text()))

    def show_filtered(self, pick: object) -> None:
        """The contracts at the status of a chart's bar, the search cleared."""
        if isinstance(pick, ContractPick):
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.status.setCurrentIndex(max(self.status.findData(pick.status), 0))
            self.apply_filter()

    def selected_row(self) -> ContractRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def selected_id(self) -> int | None:
        row = self.selected_row()
        return row.id if row is not None else None

    def select_contract(self, contract_id: int) -> bool:
        row = self.model.row_of(contract_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_record(self, record_id: int) -> None:
        """Select a contract (from a 首页 reminder), widening the filters when needed, and
        open it."""
        if not self.select_contract(record_id):
            for widget in (self.search, self.status):
                widget.blockSignals(True)
            self.search.clear()
            self.status.setCurrentIndex(0)
            for widget in (self.search, self.status):
                widget.blockSignals(False)
            self.apply_filter()
            if not self.select_contract(record_id):
                return
        self.open_contract(record_id)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        self.open_button.setEnabled(row is not None)
        enable_writes(self.context, self.renew_button,
                      when=row is not None and row.signed_date is not None)
        enable_writes(self.context, self.delete_button, when=row is not None)

    # -- actions ------------------------------------------------------------------------

    def _after_change(self, dialog: ContractDialog) -> None:
        """The list has read the saved contract already (the runner told it): select it."""
        if dialog.contract_id is not None:
            self.select_contract(dialog.contract_id)

    def new_contract(self) -> ContractDialog:
        return self.open_contract(None)

    def open_selected(self) -> ContractDialog | None:
        contract_id = self.selected_id()
        return self.open_contract(contract_id) if contract_id is not None else None

    def open_contract(self, contract_id: int | None,
                      draft: ContractDraft | None = None) -> ContractDialog:
        dialog = ContractDialog(self.context, contract_id, draft, self)
        dialog.changed.connect(lambda: self._after_change(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def renew_selected(self) -> ContractDialog | None:
        """A new contract to negotiate as the renewal of the selected one."""
        contract_id = self.selected_id()
        if contract_id is None:
            return None
        try:
            draft = renewal_draft(self.context.db.sessions, contract_id)
        except UserError as error:
            show_user_error(self, error)
            return None
        return self.open_contract(None, draft)

    def delete_selected(self) -> bool:
        row = self.selected_row()
        if row is None:
            return False
        if row.signed_date is None:  # a signed one: the service says why not, unasked
            answer = QMessageBox.question(
                self, self.tr("Delete"),
                self.tr("Delete “%1” with its teams and attachments? This cannot be undone.")
                .replace("%1", row.title))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            contract_id = row.id
            self.context.runner.run(Op(DELETE_CONTRACT,
                                       lambda tx: delete_contract(tx, contract_id)))
        except UserError as error:
            show_user_error(self, error)
            return False
        return True  # the list follows the change
