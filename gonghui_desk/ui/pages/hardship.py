"""困难帮扶: hardship aid files (records arrive with the hardship issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.pages.base import AreaIntroPage


class HardshipPage(AreaIntroPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            self.tr("Hardship aid"),
            self.tr(
                "Hardship aid files (one per household): household members, income and rigid "
                "expenses, the per-capita income test against the local minimum living "
                "allowance, the filing procedure from application to public notice, yearly "
                "reviews, aid paid and the official application forms.\n\n"
                "This area does not keep records in this version yet; no hardship files "
                "have been created."
            ),
            parent,
        )
