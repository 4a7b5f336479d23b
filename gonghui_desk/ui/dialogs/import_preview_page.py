"""The last page of the import wizard: what every row will become, then 导入.

Nothing is written while any row fails its checks, unless the user ticks that only the
rows that passed are to be imported. 导入 is one operation, run by the context's runner on
its writer thread (with its progress and cancel): it backs the database up, writes one
batch (which can be undone under 导入记录) and remembers the column mapping for this header.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from gonghui_desk.domain.numbers import format_count, grouped_count
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.import_report import summary_lines, write_problem_workbook
from gonghui_desk.exchange.member_import import BLOCKING, ImportPlan, import_operation
from gonghui_desk.services import Progress
from gonghui_desk.services.operations import Cancelled
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.import_preview import (
    WIDTHS,
    ImportPreviewModel,
    details,
    row_filters,
)
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.tasks import run_with_progress

if TYPE_CHECKING:
    from gonghui_desk.ui.dialogs.import_wizard import ImportWizard

PASSED_OVER_SHOWN = 5


class ImportPreviewPage(QWizardPage):
    def __init__(self, importer: ImportWizard) -> None:
        super().__init__()
        self.importer = importer
        self.setTitle(self.tr("Check the rows"))
        self.setSubTitle(self.tr(
            "Every row of the sheet and what the import will do with it. Nothing is "
            "written until you press “Import”."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.currentIndexChanged.connect(self.filter_changed)
        self.export_button = QPushButton(self.tr("Export problem list…"))
        self.export_button.clicked.connect(self.export_problems)
        self.exported = QLabel()
        tools = QHBoxLayout()
        tools.addWidget(QLabel(self.tr("Show")))
        tools.addWidget(self.filter)
        tools.addWidget(self.export_button)
        tools.addWidget(self.exported, 1)
        self.model = ImportPreviewModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Select a row to read all that is said about it."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([300, 70])
        self.valid_only = QCheckBox(self.tr(
            "Import only the rows that passed the checks (skip the rows with problems)"))
        self.valid_only.toggled.connect(self._update_status)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.valid_only)
        layout.addWidget(self.status)
        self.filters = row_filters()

    @property
    def plan(self) -> ImportPlan:
        plan = self.importer.state.plan
        assert plan is not None
        return plan

    def initializePage(self) -> None:
        plan = self.plan
        lines = [line.strip() for line in summary_lines(plan)]
        self.summary.setText("\n".join(lines + self._passed_over(plan)))
        self.filter.blockSignals(True)
        self.filter.clear()
        for choice in self.filters:
            count = sum(1 for r in plan.rows if choice.keep(r)) if choice.key != "all" else (
                len(plan.rows))
            self.filter.addItem(f"{choice.label}（{count}）", choice.key)
        self.filter.setCurrentIndex(0)
        self.filter.blockSignals(False)
        self.model.set_rows(plan.rows)
        self._show_detail()
        self.export_button.setEnabled(bool(plan.problems))
        self.exported.clear()
        self.valid_only.setChecked(False)
        self.valid_only.setVisible(plan.blocked and plan.stopped is None)
        self._update_status()

    def _passed_over(self, plan: ImportPlan) -> list[str]:
        """The lines that are not members (合计, 制表人), under the summary's count of them."""
        lines = [
            "    " + self.tr("Row %1 (%2): %3").replace("%1", str(row)).replace("%2", why)
            .replace("%3", words)
            for row, why, words in plan.passed_over[:PASSED_OVER_SHOWN]
        ]
        more = len(plan.passed_over) - PASSED_OVER_SHOWN
        if more > 0:
            lines.append("    " + grouped_count(self.tr("… and %n more", "", more), more))
        return lines

    def filter_changed(self, index: int) -> None:
        choice = self.filters[index] if 0 <= index < len(self.filters) else None
        self.model.set_filter(None if choice is None or choice.key == "all" else choice.keep)
        self._show_detail()

    def _show_detail(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.result(current.row())
        title = (self.tr("Row %1, %2: %3").replace("%1", str(row.row))
                 .replace("%2", row.name or "—").replace("%3", row.verdict))
        self.detail.setPlainText("\n".join([title, *("• " + line for line in details(row))]))

    # -- what happens on 导入 -------------------------------------------------------------

    def _update_status(self) -> None:
        plan = self.plan
        adds, updates = plan.to_write()
        bad = plan.count(*BLOCKING)
        if plan.stopped is not None:
            text = self.tr(
                "Most rows checked have problems, so the check stopped early and nothing will "
                "be imported. See the problems above, check the sheet, header and column "
                "mapping, correct the file and import it again.")
            self.status.setStyleSheet(ERROR_STYLE)
        elif plan.blocked and not self.valid_only.isChecked():
            text = self.tr(
                "%n row(s) did not pass the checks, so nothing will be imported. Export the "
                "problem list, correct the file and import it again; or tick the box above to "
                "import only the rows that passed.", "", bad)
            text = grouped_count(text, bad)
            self.status.setStyleSheet(ERROR_STYLE)
        elif not adds and not updates:
            text = self.tr("There is nothing new to import.")
            self.status.setStyleSheet(ERROR_STYLE)
        else:
            text = self.tr(
                "“Import” adds %1 and updates %2 member(s). The database is backed up first; "
                "the import can be undone under “Import history”.")
            text = (text.replace("%1", format_count(len(adds)))
                    .replace("%2", format_count(len(updates))))
            if plan.blocked:
                text += " " + grouped_count(
                    self.tr("%n row(s) with problems are skipped.", "", bad), bad)
            self.status.setStyleSheet("")
        self.status.setText(text)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.importer.state.plan
        if plan is None or plan.stopped is not None or (
                plan.blocked and not self.valid_only.isChecked()):
            return False
        adds, updates = plan.to_write()
        return bool(adds or updates)

    def validatePage(self) -> bool:
        state = self.importer.state
        plan, valid_only = self.plan, self.valid_only.isChecked()
        # check, back up, write the batch and remember the mapping: one operation
        operation = import_operation(plan, valid_only=valid_only,
                                     mapping=(state.headers, state.mapping))
        try:
            batch_id = self.importer.context.runner.run(operation).value
        except Cancelled:
            self.status.setText(self.tr("Cancelled: nothing was imported."))
            self.status.setStyleSheet(ERROR_STYLE)
            return False
        except UserError as error:
            show_user_error(self, error)
            return False
        adds, updates = plan.to_write()
        self.importer.batch_id = batch_id
        QMessageBox.information(
            self, self.tr("Import members"),
            self.tr("Imported: %1 added, %2 updated (batch %3). It can be undone under "
                    "“Import history”.")
            .replace("%1", format_count(len(adds))).replace("%2", format_count(len(updates)))
            .replace("%3", str(batch_id)),
        )
        return True

    # -- the problem list ---------------------------------------------------------------

    def export_problems(self) -> Path | None:
        plan = self.plan
        suggested = plan.file.with_name(f"{plan.file.stem}-问题清单.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the problem list"), str(suggested),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        path = path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
        counted: list[int] = []
        message = self.tr("Writing the problem list")

        def work() -> Iterator[Progress]:
            yield Progress(0, 0, message)
            counted.append(write_problem_workbook(plan, path))

        try:
            if not run_with_progress(self, self.tr("Save the problem list"), work):
                return None
        except UserError as error:
            show_user_error(self, error)
            return None
        self.exported.setText(
            grouped_count(self.tr("%n problem(s) saved to %1", "", counted[0]), counted[0])
            .replace("%1", str(path)))
        return path
