"""The one date field every dialog and page uses: typed as text, read as written.

A ``QDateEdit`` edits a date section by section, so ``19900101`` typed into it lands as
some other day (1979-01-01) and a lone year typed into a blank optional date falls back
to blank. Here the text is read as a whole by ``domain.dates.parse_typed_date``: what it
reads becomes the value, what it cannot read stays on screen with a message under it, and
``unreadable_dates`` lets a dialog refuse to save while any such message stands. A button
beside the text opens a calendar for those who would rather pick the day.

While the text cannot be read the field keeps its last readable value (as a spin box
keeps its last number), so live figures never see a half-typed day; saving is refused
until the text is put right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from gonghui_desk.domain.dates import UnreadableDate, parse_typed_date
from gonghui_desk.ui.screen_fit import client_area, keep_on_screen
from gonghui_desk.ui.style import ERROR_STYLE

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2100, 12, 31)
TEXT_WIDTH = 130  # 1990年12月31日 fits, and every date lines up


def as_date(day: QDate | dt.date) -> dt.date:
    if isinstance(day, QDate):
        return dt.date(day.year(), day.month(), day.day())
    return day


class DateField(QWidget):
    """A day typed as 19900101, 1990-01-01, 1990/1/1, 1990.1.1 or 1990年1月1日.

    ``optional``: empty text means "no date" (``value()`` is ``None``); otherwise empty
    is refused like unreadable text. ``dateChanged`` fires when the value changes (by
    typing, the calendar or ``set_value``); ``edited`` only when the user changed it.
    """

    dateChanged = Signal(QDate)
    edited = Signal()

    def __init__(self, day: dt.date | None = None, *, optional: bool = True,
                 opens_at: Callable[[], dt.date] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.optional = optional
        self.opens_at = opens_at  # the month the calendar shows while there is no date
        self.earliest, self.latest = EARLIEST, LATEST
        self._value: dt.date | None = None
        self._problem = ""

        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("e.g. 1990-01-01") if optional
                                     else self.tr("required, e.g. 1990-01-01"))
        self.line.setFixedWidth(TEXT_WIDTH)
        self.line.setToolTip(
            self.tr("Type e.g. 19900101, 1990-01-01, 1990/1/1, 1990.1.1 or 1990年1月1日, "
                    "or leave it empty.") if optional
            else self.tr("Type e.g. 19900101, 1990-01-01, 1990/1/1, 1990.1.1 or 1990年1月1日."))
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Pick the day on a calendar"))
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_menu = QMenu(self.calendar_button)
        action = QWidgetAction(self.calendar_menu)
        action.setDefaultWidget(self.calendar)
        self.calendar_menu.addAction(action)
        self.calendar_button.clicked.connect(self._open_calendar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line)
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.setFocusProxy(self.line)

        self.line.textChanged.connect(self._read)
        self.line.textEdited.connect(lambda _: self.edited.emit())
        self.line.editingFinished.connect(self._finished)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.set_value(day)

    # -- value ------------------------------------------------------------------------

    def value(self) -> dt.date | None:
        """The last day the text could be read as (``None``: no date)."""
        return self._value

    def set_value(self, day: dt.date | None) -> None:
        self.line.setText("" if day is None else f"{day:%Y-%m-%d}")
        self._read()
        if day is not None and self._problem:  # set from outside the field's range
            self._commit(day)

    def problem(self) -> str:
        """What is wrong with the text as it stands ("" when it can be saved)."""
        return self._problem

    def check(self) -> bool:
        """Show the problem (if any) under the field; True when the text can be saved."""
        self._show_problem()
        return not self._problem

    # -- the QDateEdit names the pages and tests use ------------------------------------

    def date(self) -> QDate:
        day = self._value
        return QDate() if day is None else QDate(day.year, day.month, day.day)

    def setDate(self, day: QDate | dt.date | None) -> None:
        self.set_value(None if day is None or (isinstance(day, QDate) and not day.isValid())
                       else as_date(day))

    def minimumDate(self) -> QDate:
        return QDate(self.earliest.year, self.earliest.month, self.earliest.day)

    def maximumDate(self) -> QDate:
        return QDate(self.latest.year, self.latest.month, self.latest.day)

    def setMinimumDate(self, day: QDate | dt.date) -> None:
        self.earliest = as_date(day)
        self.calendar.setMinimumDate(self.minimumDate())
        self._read()

    def setMaximumDate(self, day: QDate | dt.date) -> None:
        self.latest = as_date(day)
        self.calendar.setMaximumDate(self.maximumDate())
        self._read()

    # -- reading ------------------------------------------------------------------------

    def _read(self) -> None:
        try:
            day = parse_typed_date(self.line.text(), earliest=self.earliest,
                                   latest=self.latest)
        except UnreadableDate as exc:
            self._problem = exc.message
        else:
            if day is None and not self.optional:
                self._problem = self.tr("A date is required here, e.g. 1990-01-01.")
            else:
                self._problem = ""
                self._commit(day)
        if not self._problem:
            self.message.hide()
        elif self.message.isVisibleTo(self):  # already said: keep it up to date
            self._show_problem()

    def _commit(self, day: dt.date | None) -> None:
        if day != self._value:
            self._value = day
            self.dateChanged.emit(self.date())

    def _finished(self) -> None:
        self._show_problem()
        if not self._problem and self._value is not None:
            self.line.setText(f"{self._value:%Y-%m-%d}")  # shows how the text was read

    def _show_problem(self) -> None:
        self.message.setText(self._problem)
        self.message.setVisible(bool(self._problem))
        if self._problem:
            self._make_room()

    def _make_room(self) -> None:
        """A small dialog grows to show the wrapped message whole (a window's size is
        worked out without the extra lines a wrapped label needs)."""
        window = self.window()
        layout = window.layout()
        if window is self or layout is None or not layout.hasHeightForWidth():
            return
        # never past the screen's foot: a taller body scrolls, its buttons stay in view
        needed = min(layout.totalHeightForWidth(window.width()), client_area(window).height())
        if needed > window.height():
            window.resize(window.width(), needed)
            if window.isVisible():
                keep_on_screen(window)

    def _open_calendar(self) -> None:
        day = self._value or (self.opens_at() if self.opens_at else None)
        if day is not None:
            day = min(max(day, self.earliest), self.latest)
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
            self.calendar.setCurrentPage(day.year, day.month)
        button = self.calendar_button
        self.calendar_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))

    def _picked(self, day: QDate) -> None:
        self.line.setText(f"{as_date(day):%Y-%m-%d}")
        self.edited.emit()
        self.calendar_menu.hide()


def unreadable_dates(root: QWidget) -> bool:
    """Show the message of every enabled date field under ``root`` that cannot be saved
    as typed, and put the cursor in the first; True when there is one (refuse to save)."""
    wrong = [field for field in root.findChildren(DateField)
             if field.isEnabled() and not field.check()]
    if wrong:
        first = wrong[0]
        parent = first.parentWidget()
        while parent is not None and parent is not root.parentWidget():
            if isinstance(parent, QTabWidget):  # bring its tab forward
                for index in range(parent.count()):
                    page = parent.widget(index)
                    if page is not None and page.isAncestorOf(first):
                        parent.setCurrentIndex(index)
            parent = parent.parentWidget()
        first.line.setFocus()
    return bool(wrong)


def typed_but_unread(root: QWidget) -> bool:
    """Whether a date field under ``root`` holds text it could not read: nothing a value
    compares shows it, yet closing would lose what was typed."""
    return any(field.isEnabled() and field.problem() and field.line.text().strip()
               for field in root.findChildren(DateField))
