"""困难帮扶: the hardship files (one per household) and the aid ledger.

The list shows each file with its ID number masked and no bank or health details; the
full record opens in its dialog. Filters: name or the ID number's last digits, category,
where the file stands (办理中, 在档, 已结档) and whether its yearly review is due. The
帮扶台账 tab lists the aid paid in a period with its totals per type and fund source.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain import hardship as hs
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship import TEMPORARY_AID
from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.services.hardship_list import (
    CLOSED,
    IN_PROGRESS,
    ON_FILE,
    FileFilter,
    list_files,
)
from gonghui_desk.services.profile import load_profile
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.aid_payment import AidPaymentDialog
from gonghui_desk.ui.dialogs.hardship_file import HardshipFileDialog
from gonghui_desk.ui.models.hardship_table import HardshipFileModel
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.widgets.chart_panel import LedgerPick
from gonghui_desk.ui.widgets.charts_areas import AidCharts
from gonghui_desk.ui.widgets.hardship_ledger import AidLedgerPanel
from gonghui_desk.ui.widgets.tables import (
    TopOnNewQuery,
    hint_label,
    keep_sorted,
    record_table,
    search_timer,
)
from gonghui_desk.ui.write_access import enable_writes


class HardshipPage(Page):
    AREA_FORM = "hardship-ledger"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Hardship aid"), parent)
        self.new_button = QPushButton(self.tr("New file…"))
        self.new_button.clicked.connect(self.new_file)
        enable_writes(context, self.new_button)
        self.open_button = QPushButton(self.tr("Open…"))
        self.open_button.clicked.connect(self.open_selected)
        self.pay_button = QPushButton(self.tr("Record aid…"))
        self.pay_button.clicked.connect(self.record_aid)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._files_tab(), self.tr("Files"))
        self.ledger = AidLedgerPanel(context)
        self.ledger.changed.connect(self.apply_filter)  # the files' aid this year
        self.ledger.open_file.connect(self.open_file)
        ledger_tab = QWidget()
        QVBoxLayout(ledger_tab).addWidget(self.ledger)
        self.tabs.addTab(ledger_tab, self.tr("Aid ledger"))
        self.charts = AidCharts(context)
        self.charts.picked.connect(lambda _, pick: self.show_filtered(pick))
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.tabs.currentChanged.connect(lambda _: self.refresh())
        self.layout_.addWidget(self.tabs, 1)
        self.dialog: HardshipFileDialog | None = None
        self.payment_dialog: AidPaymentDialog | None = None
        self._update_buttons()

    def _files_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setObjectName("hardship_search")
        self.search.setPlaceholderText(self.tr("Search a name or the last digits of an ID number"))
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        for value in (*hs.CATEGORY.values, *hs.LEGACY_CATEGORY.values):
            self.category.addItem(value, value)
        self.group = QComboBox()
        for text, value in ((self.tr("All files"), ""), (self.tr("In progress"), IN_PROGRESS),
                            (self.tr("On file"), ON_FILE), (self.tr("Closed"), CLOSED)):
            self.group.addItem(text, value)
        self.review_due = QCheckBox(self.tr("Review due"))
        self.review_due.setToolTip(self.tr("Yearly review due within 30 days, or overdue"))
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.pay_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.group)
        filters.addWidget(self.review_due)
        filters.addWidget(self.count_label)

        self.model = HardshipFileModel(self.context.clock.today())
        self.table = record_table(self.model, self.open_selected, self._update_buttons,
                                  (self.context.settings, "hardship_files"))
        self._top = TopOnNewQuery(self.table)
        self.empty_label = hint_label()
        self._debounce = search_timer(self, self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.category.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.group.currentIndexChanged.connect(lambda _: self.apply_filter())
        self.review_due.toggled.connect(lambda _: self.apply_filter())
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(buttons)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        return tab

    # -- the list -----------------------------------------------------------------------

    def current_filter(self) -> FileFilter:
        return FileFilter(self.search.text(), str(self.category.currentData()) or None,
                          str(self.group.currentData()) or None, self.review_due.isChecked())

    def apply_filter(self) -> None:
        self._debounce.stop()
        chosen = self.selected_id()
        self.model.today = self.context.clock.today()
        self.model.set_rows(list_files(self.context.db.sessions, self.current_filter(),
                                       self.model.today))
        keep_sorted(self.table, self.model)
        count = self.model.rowCount()
        self.count_label.setText(grouped_count(self.tr("%n file(s)", "", count), count))
        if self.model.rowCount() == 0:
            filtered = self.current_filter() != FileFilter()
            self.empty_label.setText(
                self.tr("No file matches the filters.") if filtered else self.tr(
                    "No hardship file yet. “New file…” opens one for a household that applies; "
                    "the minimum living allowance standard for the income test is set under "
                    "Settings → Minimum living allowance."))
        self.empty_label.setVisible(self.model.rowCount() == 0)
        if chosen is not None:
            self.select_file(chosen)
        self._top.shown(self.current_filter())

    def refresh(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.apply_filter()
        else:
            self.ledger.reload()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.file_id(rows[0].row()) if rows else None

    def select_file(self, file_id: int) -> bool:
        row = self.model.row_of(file_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def show_record(self, record_id: int) -> None:
        """Bring a file into view (from a reminder), widening the filters when needed."""
        file_id = record_id
        self.tabs.setCurrentIndex(0)
        if not self.select_file(file_id):
            for widget in (self.search, self.category, self.group, self.review_due):
                widget.blockSignals(True)
            self.search.clear()
            self.category.setCurrentIndex(0)
            self.group.setCurrentIndex(0)
            self.review_due.setChecked(False)
            for widget in (self.search, self.category, self.group, self.review_due):
                widget.blockSignals(False)
            self.apply_filter()
            self.select_file(file_id)

    def show_filtered(self, pick: object) -> None:
        """The aid ledger over the period of a chart's bar."""
        if isinstance(pick, LedgerPick):
            for day, edit in ((pick.start, self.ledger.start), (pick.end, self.ledger.end)):
                edit.blockSignals(True)
                edit.set_value(day)
                edit.blockSignals(False)
            self.tabs.setCurrentIndex(1)
            self.ledger.reload()

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        state = self.model.row(rows[0].row()).state if rows else None
        self.open_button.setEnabled(state is not None)
        enable_writes(self.context, self.pay_button,
                      when=state is not None and state not in hp.CLOSED)

    # -- actions ------------------------------------------------------------------------

    def _after_change(self, dialog: HardshipFileDialog) -> None:
        self.apply_filter()
        if dialog.file_id is not None:
            self.select_file(dialog.file_id)
        if self.tabs.currentIndex() == 1:
            self.ledger.reload()

    def new_file(self) -> HardshipFileDialog:
        return self.open_file(None)

    def open_selected(self) -> HardshipFileDialog | None:
        file_id = self.selected_id()
        return self.open_file(file_id) if file_id is not None else None

    def open_file(self, file_id: int | None) -> HardshipFileDialog:
        dialog = HardshipFileDialog(self.context, file_id, self)
        dialog.changed.connect(lambda: self._after_change(dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def record_aid(self) -> AidPaymentDialog | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.row(rows[0].row())
        dialog = AidPaymentDialog(self.context, row.id, row.name,
                                  load_profile(self.context.db.sessions).chair, self)
        if row.state != hp.FILED:  # before filing only temporary aid may be paid
            dialog.set_kind(TEMPORARY_AID)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        self.payment_dialog = dialog
        return dialog
