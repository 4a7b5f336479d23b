"""What every page shares: the app context, a way to ask for another page, and following
what the operations change.

A page listens to the runner: when an operation changed something the page shows, a visible
page applies the changes at once and a hidden one reads itself again when next shown.
Being shown costs one look at the history's newest entry: a change nobody announced (another
computer writing the book this one reads) makes the page read itself again. Nothing else
does — not a dialog closing, not being shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gonghui_desk.services.history import newest_entry
from gonghui_desk.services.operations import Changes
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.widgets.common import PageTitle


class Page(QWidget):
    """A navigation page; ``refresh`` reads what it shows, when first shown and after
    changes to the tables in ``WATCHES`` (empty: any change may matter, as on the home page)."""

    WATCHES: frozenset[str] = frozenset()

    navigate = Signal(str)
    open_record = Signal(str, int)  # another page, showing one of its records
    open_filtered = Signal(str, object)  # another page, filtered as a chart's bar asks
    database_replaced = Signal()  # the file was swapped (restore): open it again

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(24, 18, 24, 18)
        self.layout_.setSpacing(12)
        self.title = PageTitle(title)
        self.layout_.addWidget(self.title)
        self.stale = True  # read when first shown
        self._seen = -1  # the history's newest entry when the page last caught up
        unsubscribe = context.runner.subscribe(self._heard)
        self.destroyed.connect(lambda *_: unsubscribe())

    def refresh(self) -> None:
        """Re-read what the page shows; pages with live figures override this."""

    def concerns(self, changes: Changes) -> bool:
        return not self.WATCHES or changes.touches(*self.WATCHES)

    def apply_changes(self, changes: Changes) -> None:
        """What a visible page does after an operation that concerns it: by default read
        itself again; pages with big lists override this to touch only what changed."""
        self.refresh()

    def _heard(self, changes: Changes) -> None:
        if self.concerns(changes):
            if not self.isVisible():
                self.stale = True
                return
            self.apply_changes(changes)
        if not self.stale:  # up to date with this change too
            self._seen = newest_entry(self.context.db.sessions)

    def show_record(self, record_id: int) -> None:
        """Bring one record into view (asked for by another page); pages with records
        override this."""

    def show_filtered(self, pick: object) -> None:
        """Show the list behind a chart's bar (ui/widgets/chart_panel.py's picks); pages
        with charts override this."""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        newest = newest_entry(self.context.db.sessions)
        if self.stale or newest != self._seen:
            self.stale = False
            self._seen = newest
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
