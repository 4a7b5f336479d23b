"""报表: official forms for the higher-level union (forms arrive with the forms issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.pages.base import AreaIntroPage


class ReportsPage(AreaIntroPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            self.tr("Reports"),
            self.tr(
                "Reports: the PDF and Excel forms the higher-level union requires, filled from "
                "the branch profile and the records, with print preview.\n\n"
                "No forms can be exported in this version yet."
            ),
            parent,
        )
