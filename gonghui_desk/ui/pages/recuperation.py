"""疗休养: rest and recuperation (records arrive with the recuperation issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.pages.base import AreaIntroPage


class RecuperationPage(AreaIntroPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            self.tr("Recuperation"),
            self.tr(
                "Rest and recuperation: the yearly policy and quota, trips, applications with "
                "an eligibility check that gives a reason for every rule, fair allocation with "
                "a waiting list, costs and the returns the higher-level union asks for.\n\n"
                "This area does not keep records in this version yet; no trips or "
                "applications have been created."
            ),
            parent,
        )
