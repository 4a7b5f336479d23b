"""Choosing the record a single-record form is filled for: a search box over a short list.

By default the records are members, found with the members page's search (name, pinyin,
ID number digits, mobile, card number) in SQL; only the first ``LIMIT`` matches are
fetched and shown, with the ID number masked, so a picker never loads the whole list.
A form about other records (a hardship file, a contract) hands in its own finder and
placeholder, and the counts then speak of records, not of people. A form that only current
members may be chosen for (a 疗休养 application) asks for the people 在册 on its day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain.numbers import format_count, grouped_count
from gonghui_desk.exchange.forms.spec import Choice
from gonghui_desk.services.current_members import search_active
from gonghui_desk.services.members import MemberFilter, MemberRow, fetch_rows, search_ids
from gonghui_desk.ui.style import MUTED_STYLE

LIMIT = 50
SEARCH_DELAY_MS = 200
Finder = Callable[[str], tuple[list[Choice], int]]


def row_text(row: MemberRow) -> str:
    """One line of the list: name, department, masked ID number, status."""
    parts = [row.name, row.department or "—", row.id_number_masked or "—", row.status]
    return "　".join(parts)


class MemberPicker(QWidget):
    """Emits ``chosen`` with a member id, or ``None`` when nothing is selected."""

    chosen = Signal(object)

    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.search = QLineEdit()
        self.search.setObjectName("member_search")
        self.search.setPlaceholderText(self.tr("Name, pinyin, last digits of the ID number…"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("member_results")
        self.results.setMinimumHeight(120)
        self.results.setMaximumHeight(200)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(MUTED_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.note)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(self._debounce.start)
        self.results.currentItemChanged.connect(self._current_changed)
        self._searched = False
        self._finder: Finder | None = None
        self._active_on: tuple[dt.date, ...] = ()
        self._member_placeholder = self.search.placeholderText()

    def set_active_on(self, *days: dt.date) -> None:
        """Offer only the people 在册 on each of ``days`` (none: everyone on file); the
        list is searched again, keeping the person chosen if they still qualify."""
        wanted = tuple(sorted(set(days)))
        if wanted == self._active_on:
            return
        self._active_on = wanted
        self.reload()

    def set_finder(self, finder: Finder | None, placeholder: str = "") -> None:
        """Search other records with ``finder`` (``None``: members again)."""
        if finder is self._finder:
            return
        self._finder = finder
        self._searched = False
        self.results.clear()
        self.note.clear()
        self.search.setPlaceholderText(placeholder if finder else self._member_placeholder)

    def _members(self, text: str) -> tuple[list[Choice], int]:
        if self._active_on:
            ids, total = search_active(self.sessions, text, self._active_on, LIMIT)
        else:
            ids = search_ids(self.sessions, MemberFilter(text=text))
            total = len(ids)
        rows = fetch_rows(self.sessions, ids[:LIMIT], text)  # a matched tail shows whole
        shown = [Choice(i, row_text(rows[i]), rows[i].name) for i in ids[:LIMIT] if i in rows]
        return shown, total

    @property
    def record_id(self) -> int | None:
        item = self.results.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        return int(value) if value is not None else None

    def current_name(self) -> str:
        item = self.results.currentItem()
        if item is None or self.record_id is None:
            return ""
        return str(item.data(Qt.ItemDataRole.UserRole + 1))

    def ensure_loaded(self) -> None:
        """Fill the list the first time it is shown (the first members by name)."""
        if not self._searched:
            self.run_search()

    def reload(self) -> None:
        """Search again (members may have changed elsewhere), keeping the member chosen."""
        if not self._searched:
            return
        chosen = self.record_id
        self.run_search()
        if chosen is not None:
            self.select_member(chosen)

    def run_search(self) -> None:
        self._debounce.stop()
        self._searched = True
        text = self.search.text().strip()
        choices, total = (self._finder or self._members)(text)
        self.results.blockSignals(True)
        self.results.clear()
        for choice in choices:
            item = QListWidgetItem(choice.text)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, choice.name)
            self.results.addItem(item)
        self.results.blockSignals(False)
        self.note.setText(self.count_text(len(choices), total))
        if len(choices) == 1:  # one match: that is the record meant
            self.results.setCurrentRow(0)
        self.chosen.emit(self.record_id)

    def count_text(self, shown: int, total: int) -> str:
        """How many matched, counted in people for members and in records otherwise."""
        people = self._finder is None
        if not total:
            if not people:
                return self.tr("No record matches.")
            if len(self._active_on) == 1:
                return self.tr("No current member matches. Only members on the roll on %1 "
                               "may be chosen.").replace("%1", f"{self._active_on[0]:%Y-%m-%d}")
            if self._active_on:
                return self.tr("No current member matches. Only members on the roll both on "
                               "%1 and on %2 may be chosen.").replace(
                                   "%1", f"{self._active_on[0]:%Y-%m-%d}").replace(
                                   "%2", f"{self._active_on[-1]:%Y-%m-%d}")
            return self.tr("No member matches.")
        current = people and bool(self._active_on)  # say so: the others are left out
        if total > shown:
            if current:
                text = self.tr("The first %1 of %2 current members who match; type more to "
                               "narrow the list.")
            elif people:
                text = self.tr("The first %1 of %2 people who match; type more to narrow "
                               "the list.")
            else:
                text = self.tr("The first %1 of %2 records that match; type more to narrow "
                               "the list.")
            return text.replace("%1", format_count(shown)).replace("%2", format_count(total))
        if current:
            return grouped_count(self.tr("%n current member(s) match.", "", total), total)
        if people:
            return grouped_count(self.tr("%n person(s) match.", "", total), total)
        return grouped_count(self.tr("%n record(s) match.", "", total), total)

    def select_member(self, member_id: int) -> bool:
        """Select ``member_id`` if it is in the list; True when it is now chosen."""
        for index in range(self.results.count()):
            item = self.results.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == member_id:
                self.results.setCurrentItem(item)
                return True
        return False

    def _current_changed(self, current: QListWidgetItem | None, _: object) -> None:
        self.chosen.emit(self.record_id)
