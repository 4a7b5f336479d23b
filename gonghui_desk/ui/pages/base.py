"""What every page shares: the app context, a way to ask for another page, a refresh."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.widgets.common import PageTitle


class Page(QWidget):
    """A navigation page; ``refresh`` runs each time it is shown, so figures are current."""

    navigate = Signal(str)
    open_record = Signal(str, int)  # another page, showing one of its records
    database_replaced = Signal()  # the file was swapped (restore): open it again

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        self.layout_.setSpacing(12)
        self.title = PageTitle(title)
        self.layout_.addWidget(self.title)

    def refresh(self) -> None:
        """Re-read what the page shows; pages with live figures override this."""

    def show_record(self, record_id: int) -> None:
        """Bring one record into view (asked for by another page); pages with records
        override this."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()


class AreaIntroPage(Page):
    """An area whose records are not kept yet: says what it will hold, claims no figures."""

    def __init__(
        self, context: AppContext, title: str, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, title, parent)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.intro)
        self.layout_.addStretch(1)
