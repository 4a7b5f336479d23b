"""导出 on the members page: the current (filtered, sorted) list to .xlsx.

Two layouts: the provincial 会员信息采集表 (full ID numbers and mobiles, as the form
requires, recorded in the change history) and a plain roster (花名册), masked unless the
user asks for full numbers. The export runs off the GUI thread with a progress dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from gonghui_desk.domain.numbers import grouped_count
from gonghui_desk.ui.tasks import run_with_progress
from gonghui_desk.ui.write_access import enable_writes

if TYPE_CHECKING:
    from gonghui_desk.ui.pages.members import MembersPage

PROVINCIAL, PLAIN = "provincial", "plain"


class MemberExportMenu(QObject):
    def __init__(self, page: MembersPage) -> None:
        super().__init__(page)
        self.page = page
        self.button = QPushButton(self.tr("Export"))
        menu = QMenu(self.button)
        provincial = menu.addAction(
            self.tr("Provincial member information form (.xlsx)…"),
            lambda: self.export(PROVINCIAL, True),
        )
        menu.addAction(
            self.tr("Roster, numbers masked (.xlsx)…"), lambda: self.export(PLAIN, False)
        )
        full = menu.addAction(
            self.tr("Roster with full ID numbers and mobiles (.xlsx)…"),
            lambda: self.export(PLAIN, True),
        )
        # Full numbers are recorded in the change history, which a read-only file can't take.
        enable_writes(page.context, provincial, full)
        menu.setToolTipsVisible(True)  # why they are greyed, on a read-only book
        self.button.setMenu(menu)

    def suggested_path(self, layout: str) -> Path:
        name = "会员信息采集表" if layout == PROVINCIAL else "会员花名册"
        return Path.home() / f"{name}-{self.page.context.clock.today():%Y%m%d}.xlsx"

    def choose_path(self, layout: str) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self.page, self.tr("Export members"), str(self.suggested_path(layout)),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def export(self, layout: str, full_numbers: bool) -> Path | None:
        from gonghui_desk.exchange.roster import export_roster

        if full_numbers and layout == PLAIN:
            answer = QMessageBox.question(
                self.page, self.tr("Full numbers"),
                self.tr("The file will contain full ID numbers and mobiles, which are "
                        "sensitive personal information. Keep it safe and delete it when it "
                        "is no longer needed. The export is recorded in the change history. "
                        "Continue?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        path = self.choose_path(layout)
        if path is None:
            return None
        flt = self.page.current_filter()
        sessions = self.page.context.db.sessions
        today = self.page.context.clock.today()
        done = run_with_progress(
            self.page, self.tr("Exporting members"),
            lambda: export_roster(sessions, flt, path, layout, include_full_ids=full_numbers,
                                  today=today),
        )
        if not done:
            return None
        count = self.page.model.rowCount()
        QMessageBox.information(
            self.page, self.tr("Export"),
            grouped_count(self.tr("%n member(s) exported to %1", "", count), count)
            .replace("%1", str(path)),
        )
        return path
