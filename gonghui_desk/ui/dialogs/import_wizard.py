"""导入会员: a roster file to members, in three steps, with nothing written until 导入.

1. the file and the sheet; 2. the header row, which column is which item, and whether
members already on file are updated; 3. every row checked and shown, then 导入 — one
batch, backed up before and undoable afterwards (导入记录). The work is done by the
exchange layer (exchange.member_import); these pages only ask and show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from gonghui_desk.exchange.header_map import HeaderGuess
from gonghui_desk.exchange.member_import import ADD, ImportPlan
from gonghui_desk.exchange.workbook import SheetData
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.import_pages import ImportFilePage, ImportMappingPage
from gonghui_desk.ui.dialogs.import_preview_page import ImportPreviewPage
from gonghui_desk.ui.screen_fit import fit_to_screen


@dataclass
class ImportState:
    """What the pages have found so far; each page fills in its part."""

    path: Path | None = None
    sheet: SheetData | None = None
    guess: HeaderGuess | None = None
    header_problem: str = ""  # why no header row was found, when none was
    header_row: int = 0
    headers: tuple[str, ...] = ()
    mapping: dict[int, str] = field(default_factory=dict)  # column index → field key
    mode: str = ADD
    plan: ImportPlan | None = None


class ImportWizard(QWizard):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = ImportState()
        self.batch_id: int | None = None  # set once the import is written
        self.setWindowTitle(self.tr("Import members"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Import"))
        self.file_page = ImportFilePage(self)
        self.mapping_page = ImportMappingPage(self)
        self.preview_page = ImportPreviewPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        fit_to_screen(self, QSize(980, 680))
