"""会员: the member list with search, filters, a detail panel and the record's actions.

The list stays fast at 100,000 members: the model holds ids from SQL and fetches rows a
page at a time (ui/models/member_table.py); sorting and filtering are done in SQL.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.services import member_records as records
from gonghui_desk.services.members import MemberFilter, departments, has_members
from gonghui_desk.services.membership import UNDO_EVENT, undo_last_event
from gonghui_desk.services.operations import Changes, Op
from gonghui_desk.services.profile import load_profile
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.history import RecordHistoryDialog
from gonghui_desk.ui.dialogs.member_edit import MemberDialog
from gonghui_desk.ui.dialogs.membership_change import MembershipChangeDialog
from gonghui_desk.ui.dialogs.recycle_bin import RecycleBinDialog
from gonghui_desk.ui.models.member_table import COLUMNS, CONTEXT, MemberTableModel
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.pages.member_delete import delete_button, delete_question
from gonghui_desk.ui.pages.member_export import MemberExportMenu
from gonghui_desk.ui.widgets.charts_members import MemberCharts, choose_members
from gonghui_desk.ui.widgets.charts_overview import ChartDrawer
from gonghui_desk.ui.widgets.member_detail import MemberDetailPanel
from gonghui_desk.ui.widgets.member_filters import MemberFilterBar
from gonghui_desk.ui.widgets.tables import (
    EmptyListHint,
    TopOnNewQuery,
    remember_layout,
    search_timer,
)
from gonghui_desk.ui.write_access import enable_writes, writable

if TYPE_CHECKING:
    from gonghui_desk.ui.dialogs.import_batches import ImportBatchesDialog
    from gonghui_desk.ui.dialogs.import_wizard import ImportWizard

class MembersPage(Page):
    WATCHES = frozenset({"member", "membership_event"})
    AREA_FORM = "member-roster"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Members"), parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search name, pinyin (zs), ID number or its last digits, mobile, card no.")
        )
        self.search.setClearButtonEnabled(True)
        self._make_actions()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        self.add_button = QPushButton(self.tr("Add member…"))
        self.add_button.clicked.connect(self.add_member)
        # A read-only book (another PC writes it, or its disk is full): look, search and
        # export, but change nothing; the greyed controls say why.
        enable_writes(context, self.add_button)
        top.addWidget(self.add_button)
        top.addWidget(delete_button(self.delete_action))
        self.export_menu = MemberExportMenu(self)
        top.addWidget(self.export_menu.button)
        top.addWidget(self._import_button())
        top.addWidget(self._columns_button())
        bin_button = QPushButton(self.tr("Recycle bin…"))
        bin_button.clicked.connect(self.open_recycle_bin)
        top.addWidget(bin_button)
        self.layout_.addLayout(top)
        self.filters = MemberFilterBar(context.clock)
        self.count_label = self.filters.count_label
        self.layout_.addWidget(self.filters)
        self.charts = ChartDrawer(MemberCharts(context))
        self.charts.panel.picked.connect(lambda _, pick: self.show_filtered(pick))
        self.layout_.addWidget(self.charts)

        self.model = MemberTableModel(context.db.sessions)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.empty_hint = EmptyListHint(self.table)
        self._top = TopOnNewQuery(self.table)
        # After setModel, so the view has cleared its selection before we restore it.
        self.model.modelReset.connect(self._update_count)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        for index, column in enumerate(COLUMNS):
            header.resizeSection(index, column.width)
        self._apply_column_choice()
        header.setStretchLastSection(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.edit_action, self.change_action, self.delete_action,
                       self.history_action):
            self.table.addAction(action)
        self.table.doubleClicked.connect(lambda _: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = MemberDetailPanel(
            [self.edit_action, self.change_action, self.undo_action, self.history_action]
        )
        self.detail.setMinimumWidth(280)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, 320])
        self.layout_.addWidget(splitter, 1)

        self._debounce = search_timer(self, self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.filters.changed.connect(self.apply_filter)
        # Sorting is wired by hand rather than with setSortingEnabled, which would query
        # once here and again when the page is shown.
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        if remember_layout(self.table, context.settings, "members"):
            self.model.choose_order(header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.sortIndicatorChanged.connect(self.model.sort)
        self._update_actions()

    # -- actions --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(text: str, slot: object, shortcut: str = "") -> QAction:
            made = QAction(text, self)
            made.triggered.connect(slot)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(made)
            return made

        self.edit_action = action(self.tr("Edit…"), self.edit_member, "Ctrl+E")
        self.change_action = action(self.tr("Membership change…"), self.change_membership)
        self.undo_action = action(self.tr("Undo last change"), self.undo_last_change)
        self.delete_action = action(self.tr("Delete…"), self.delete_members, "Del")
        self.history_action = action(self.tr("Change history…"), self.show_history)
        self.import_action = action(self.tr("Import…"), self.import_members)
        # An import writes; its history can be looked at in a read-only file too.
        enable_writes(self.context, self.import_action)
        self.import_history_action = action(self.tr("Import history…"), self.open_import_history)

    def _import_button(self) -> QPushButton:
        button = QPushButton(self.tr("Import"))
        menu = QMenu(button)
        menu.addAction(self.import_action)
        menu.addAction(self.import_history_action)
        button.setMenu(menu)
        return button

    def _columns_button(self) -> QPushButton:
        button = QPushButton(self.tr("Columns"))
        menu = QMenu(button)
        self.column_actions: list[QAction] = []
        for index, column in enumerate(COLUMNS):
            choice = menu.addAction(QCoreApplication.translate(CONTEXT, column.header))
            choice.setCheckable(True)
            choice.setEnabled(index != 0)  # the name always stays
            choice.toggled.connect(self._columns_chosen)
            self.column_actions.append(choice)
        button.setMenu(menu)
        return button

    def _apply_column_choice(self) -> None:
        chosen = self.context.settings.member_columns
        for index, column in enumerate(COLUMNS):
            visible = index == 0 or (column.key in chosen if chosen else column.shown)
            self.table.setColumnHidden(index, not visible)
            action = self.column_actions[index]
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)

    def _columns_chosen(self) -> None:
        keys = [c.key for c, a in zip(COLUMNS, self.column_actions, strict=True) if a.isChecked()]
        self.context.settings.member_columns = keys
        self._apply_column_choice()

    # -- the list -------------------------------------------------------------------------

    def current_filter(self) -> MemberFilter:
        return replace(self.model.current_filter, text=self.search.text(),
                       **self.filters.values())

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self) -> None:
        self.filters.set_departments(departments(self.context.db.sessions))
        self.apply_filter()

    def show_filtered(self, pick: object) -> None:
        """The members behind a chart's bar: the search cleared, that bar's filters set."""
        self.filters.set_departments(departments(self.context.db.sessions))
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        choose_members(self.filters, pick)
        self.apply_filter()

    def apply_changes(self, changes: Changes) -> None:
        """Repaint the members an operation changed; ask for the list again only when
        members came, went, or changed where the filter or the order looks."""
        if changes.kinds("member") - {"update"} or "department" in changes.fields("member"):
            self.filters.set_departments(departments(self.context.db.sessions))
        self.model.apply_changes(changes)
        shown = self.detail.member_id
        if shown is not None and (shown in changes.ids("member")
                                  or changes.touches("membership_event")):
            still = self.model.row_of(shown) is not None
            self.detail.show_member(records.get_member(self.context.db.sessions, shown)
                                    if still else None)

    def _update_count(self) -> None:
        """After the list was re-queried: count, keep the shown member selected, and start
        a new search or filter at its first row."""
        count = self.model.rowCount()
        self.count_label.setText(grouped_count(self.tr("%n person(s)", "", count), count))
        shown = self.detail.member_id
        row = self.model.row_of(shown) if shown is not None else None
        if row is not None:
            self.table.selectRow(row)
        elif shown is not None:
            self.detail.show_member(None)
        self._top.shown(self.model.current_filter)
        if count == 0:
            self.empty_hint.setText(self._empty_text())
        self._update_actions()

    def _empty_text(self) -> str:
        if not has_members(self.context.db.sessions):
            return self.tr("No member on file yet: “Add member…” enters one, and Import "
                           "reads a roster from a spreadsheet.")
        return self.tr("No member matches. Try a shorter keyword or clear the filters.")

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.member_id(r) for r in rows]

    def select_member(self, member_id: int) -> None:
        """Show a member, widening the filters when the list does not contain them."""
        row = self.model.row_of(member_id)
        if row is None:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.filters.reset()
            self.apply_filter()
            row = self.model.row_of(member_id)
        if row is None:  # in the 回收站 or gone
            self.detail.show_member(None)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def _selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        ids = self.selected_ids()
        detail = records.get_member(self.context.db.sessions, ids[0]) if len(ids) == 1 else None
        self.detail.show_member(detail)
        self._update_actions()

    def _update_actions(self) -> None:
        count = len(self.selected_ids())
        self.history_action.setEnabled(count == 1)
        enable_writes(self.context, self.edit_action, self.change_action, self.undo_action,
                      when=count == 1)
        enable_writes(self.context, self.delete_action, when=count >= 1)

    def _after_change(self, member_id: int | None) -> None:
        """After a dialog saved: the list has followed the changes; show that member."""
        if member_id is not None:
            self.select_member(member_id)

    # -- record actions ---------------------------------------------------------------------

    def _handler(self) -> str:
        return load_profile(self.context.db.sessions).chair

    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(
            self.context, None, departments(self.context.db.sessions), self._handler(), self
        )
        dialog.open_member.connect(lambda member_id: self._follow_link(dialog, member_id))
        dialog.accepted.connect(lambda: self._after_change(dialog.member_id))
        dialog.open()
        return dialog

    def edit_member(self) -> MemberDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        detail = records.get_member(self.context.db.sessions, ids[0])
        dialog = MemberDialog(
            self.context, detail, departments(self.context.db.sessions), parent=self
        )
        dialog.open_member.connect(lambda member_id: self._follow_link(dialog, member_id))
        dialog.accepted.connect(lambda: self._after_change(detail.id))
        dialog.open()
        return dialog

    def _follow_link(self, dialog: MemberDialog, member_id: int) -> None:
        dialog.reject()
        self.select_member(member_id)

    def change_membership(self) -> MembershipChangeDialog | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        detail = records.get_member(self.context.db.sessions, ids[0])
        dialog = MembershipChangeDialog(self.context, detail, self._handler(), self)
        dialog.accepted.connect(lambda: self._after_change(detail.id))
        dialog.open()
        return dialog

    def undo_last_change(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        detail = records.get_member(self.context.db.sessions, ids[0])
        if not detail.events:
            return
        last = detail.events[-1]
        answer = QMessageBox.question(
            self, self.tr("Undo last change"),
            self.tr("Remove the membership change “%1” of %2 from %3?")
            .replace("%1", last.kind).replace("%2", detail.data.name)
            .replace("%3", f"{last.effective_date:%Y-%m-%d}"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            member_id = detail.id
            self.context.runner.run(Op(UNDO_EVENT, lambda tx: undo_last_event(tx, member_id)))
            self._after_change(member_id)

    def delete_members(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(self, self.tr("Delete member"),
                                      delete_question(self.context.db.sessions, ids))
        if answer == QMessageBox.StandardButton.Yes:
            self.context.runner.run(Op(
                records.MOVE_TO_BIN, lambda tx: records.move_to_recycle_bin(tx, ids)))
            self.detail.show_member(None)

    def open_recycle_bin(self) -> RecycleBinDialog:
        dialog = RecycleBinDialog(self.context, self)  # the list follows what it changes
        dialog.open()
        return dialog

    def import_members(self) -> ImportWizard | None:
        # the import code (spreadsheet readers, openpyxl) loads when first used: 70 ms the
        # members page need not pay every time it opens
        from gonghui_desk.ui.dialogs.import_wizard import ImportWizard

        if not writable(self.context):  # its action is greyed; nothing to import into
            return None
        wizard = ImportWizard(self.context, self)
        wizard.open()
        return wizard

    def open_import_history(self) -> ImportBatchesDialog:
        from gonghui_desk.ui.dialogs.import_batches import ImportBatchesDialog

        dialog = ImportBatchesDialog(self.context, self)  # the list follows an undo
        dialog.open()
        return dialog

    def show_history(self) -> RecordHistoryDialog | None:
        """The change history of the selected member."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        row = self.model.row_of(ids[0])
        name = str(self.model.data(self.model.index(row or 0, 0)))
        dialog = RecordHistoryDialog(self.context.db.sessions, "member", ids[0], name, self)
        dialog.open()
        return dialog
