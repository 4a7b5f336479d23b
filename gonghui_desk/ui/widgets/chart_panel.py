"""What every chart panel shares: reading its figures when shown, following the runner's
changes, and saying which list a click asks for.

Like a page, a panel reads its figures when first shown and again after an operation that
changed a table it watches; a hidden panel (a collapsed drawer, a tab behind another, a page
not shown) only notes that it is stale and reads when next shown. Being shown also compares
the history's newest entry, so a change written by another computer is seen too.

The panels of 概览 on 首页 read theirs only after the window has shown its figures
(``read_after_shown``): the member charts group every member, which would hold the window
back at start. Until they have read, their titles say they are counting, so a chart drawn
before is never taken for today's.

A click on a bar emits ``picked`` with the page to open and what it should show: one of the
small values below, which that page's ``show_filtered`` understands.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from gonghui_desk.services.history import newest_entry
from gonghui_desk.services.operations import Changes
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.widgets.charts import BarChart


@dataclass(frozen=True)
class MemberPick:
    """Members of one department or age band; ``former`` the people who left."""

    department: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    former: bool = False


@dataclass(frozen=True)
class LedgerPick:
    """The aid ledger over a period."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class ApplicationPick:
    """A year's 疗休养 applications, of one department or all."""

    year: int
    department: str | None = None


@dataclass(frozen=True)
class ContractPick:
    status: str


class ChartPanel(QWidget):
    WATCHES: frozenset[str] = frozenset()

    picked = Signal(str, object)  # page key, a pick above
    read_after_shown = False  # 首页 sets it: the window's figures are shown first

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stale = True
        self._seen = -1
        self.pending = False  # a read is asked for the next turns of the event loop
        unsubscribe = context.runner.subscribe(self._heard)
        self.destroyed.connect(lambda *_: unsubscribe())

    def reload(self) -> None:
        """Read the figures and draw them."""
        raise NotImplementedError

    def _heard(self, changes: Changes) -> None:
        if changes.touches(*self.WATCHES):
            self.read_again()

    def read_again(self) -> None:
        """Read now when shown, else when next shown (the year a panel follows changed)."""
        if self.isVisible():
            self._read()
        else:
            self.stale = True

    def _read(self) -> None:
        self.stale = False
        self._seen = newest_entry(self.context.db.sessions)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale or newest_entry(self.context.db.sessions) != self._seen:
            if self.read_after_shown:
                self._read_soon()
            else:
                self._read()

    def _read_soon(self) -> None:
        """Say the charts are being counted, and count them once the window has painted
        what it shows (two turns of the event loop: the first paints)."""
        if self.pending:
            return
        self.pending = True
        for chart in self.findChildren(BarChart):
            chart.set_title(self.tr("Counting…"))
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._read_pending))

    def _read_pending(self) -> None:
        self.pending = False
        if self.isVisible():
            self._read()
        else:  # hidden meanwhile: read when next shown
            self.stale = True
