"""集体合同: collective contracts (records arrive with the contracts issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.pages.base import AreaIntroPage


class ContractsPage(AreaIntroPage):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            self.tr("Collective contracts"),
            self.tr(
                "Collective contracts: negotiation teams, the workers' congress vote, signing, "
                "filing with the labour bureau and its review, publication, expiry and renewal, "
                "each with its statutory deadline.\n\n"
                "This area does not keep records in this version yet; no contracts have been "
                "created."
            ),
            parent,
        )
