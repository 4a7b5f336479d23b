"""What every page shares: the app context, a way to ask for another page, and following
what the operations change.

A page listens to the runner: when an operation changed something the page shows, a visible
page applies the changes at once and a hidden one reads itself again when next shown.
Being shown costs one look at the history's newest entry: a change nobody announced (another
computer writing the book this one reads) makes the page read itself again. Nothing else
does — not a dialog closing, not being shown.

The window's shortcuts (Ctrl+F, Ctrl+N, Ctrl+P, 导出…, F5) ask the page shown: a page offers
them through ``search_box``, ``new_record_button``, ``AREA_FORM`` and ``refresh``, and
overrides ``focus_search``/``new_record``/``print_current``/``export_current`` where it
does more.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.services.history import newest_entry
from gonghui_desk.services.operations import Changes
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.style import PAGE_MARGINS, PAGE_SPACING
from gonghui_desk.ui.widgets.common import PageTitle


class Page(QWidget):
    """A navigation page; ``refresh`` reads what it shows, when first shown and after
    changes to the tables in ``WATCHES`` (empty: any change may matter, as on the home page)."""

    WATCHES: frozenset[str] = frozenset()
    # The 报表 form that lists this page's records: Ctrl+P prints it, 导出… opens it.
    AREA_FORM = ""

    navigate = Signal(str)
    form_asked = Signal(str, str)  # a form of the 报表 page, and "print" or "export"
    asked = Signal(str, str)  # another page, and the name of what it should do there
    open_record = Signal(str, int)  # another page, showing one of its records
    open_filtered = Signal(str, object)  # another page, filtered as a chart's bar asks
    database_replaced = Signal()  # the file was swapped (restore): open it again

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(*PAGE_MARGINS)
        self.layout_.setSpacing(PAGE_SPACING)
        self.title = PageTitle(title)
        self.layout_.addWidget(self.title)
        self.stale = True  # read when first shown
        self._seen = -1  # the history's newest entry when the page last caught up
        unsubscribe = context.runner.subscribe(self._heard)
        self.destroyed.connect(lambda *_: unsubscribe())

    def refresh(self) -> None:
        """Re-read what the page shows; pages with live figures override this."""

    # -- what the window's shortcuts ask of the page ------------------------------------

    def search_box(self) -> QLineEdit | None:
        search = getattr(self, "search", None)
        return search if isinstance(search, QLineEdit) else None

    def focus_search(self) -> bool:
        """Ctrl+F: the search box, its tab brought forward, its text selected to type over."""
        search = self.search_box()
        if search is None:
            return False
        bring_forward(search)
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()
        return True

    def new_record_button(self) -> QAbstractButton | None:
        """The page's 新增/新建 button; greyed (read-only book) means Ctrl+N does nothing."""
        for name in ("add_button", "new_button"):
            button = getattr(self, name, None)
            if isinstance(button, QAbstractButton):
                return button
        return None

    def new_record(self) -> bool:
        """Ctrl+N: what the page's new-record button does."""
        button = self.new_record_button()
        if button is None or not button.isEnabled():
            return False
        bring_forward(button)
        button.click()
        return True

    def print_current(self) -> bool:
        """Ctrl+P: print the area's list (the form on the 报表 page)."""
        if not self.AREA_FORM:
            return False
        self.form_asked.emit(self.AREA_FORM, "print")
        return True

    def export_current(self) -> bool:
        """导出…: the area's list on the 报表 page, to be saved as PDF or Excel."""
        if not self.AREA_FORM:
            return False
        self.form_asked.emit(self.AREA_FORM, "export")
        return True

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


def bring_forward(widget: QWidget) -> None:
    """Show the tabs that hold ``widget``, outermost first, so it can take the focus."""
    chain: list[tuple[QTabWidget, QWidget]] = []
    child = widget
    parent = widget.parentWidget()
    while parent is not None:
        outer = parent.parentWidget()
        if isinstance(parent, QStackedWidget) and isinstance(outer, QTabWidget):
            chain.append((outer, child))
        child, parent = parent, outer
    for tabs, page in reversed(chain):
        tabs.setCurrentWidget(page)


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
