"""首页: the branch at a glance, and what needs attention: hardship files, 疗休养 and
collective contracts.

Hardship and 疗休养 reminders sit side by side, the contract reminders (long sentences with
their dates) across the width under them; clicking one opens its page at the record it is
about (a hardship file, a trip, a contract), or the page itself for a reminder about the year.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.services.contracts import contract_reminders
from gonghui_desk.services.getting_started import first_steps
from gonghui_desk.services.hardship_list import hardship_reminders
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.recuperation_list import recuperation_reminders
from gonghui_desk.services.summary import members_summary
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.style import MUTED_STYLE
from gonghui_desk.ui.widgets.charts_overview import OverviewCharts
from gonghui_desk.ui.widgets.first_steps import FirstStepsBox
from gonghui_desk.ui.widgets.member_figures import MemberFiguresBox

MAX_REMINDER_ROWS = 6
RECUPERATION_PREFIX = "疗休养："  # the box's title says so already


class ReminderList(QListWidget):
    """A few reminders, one line each (cut short with "…" when the box is narrow, the whole
    text in the tooltip); as tall as they are, up to ``MAX_REMINDER_ROWS``, then it scrolls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setStyleSheet("QListWidget::item { padding: 3px 4px; }")

    def fit(self) -> None:
        shown = min(self.count(), MAX_REMINDER_ROWS)
        if shown:
            height = sum(self.sizeHintForRow(i) for i in range(shown))
            self.setFixedHeight(height + 2 * self.frameWidth() + 2)


class HomePage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Home"), parent)
        self.branch_label = QLabel()
        font = self.branch_label.font()
        font.setPointSize(font.pointSize() + 2)
        self.branch_label.setFont(font)
        self.branch_label.setWordWrap(True)
        self.first_steps = FirstStepsBox()
        self.first_steps.go.connect(self.navigate)
        self.first_steps.ask.connect(self.asked)
        # Below the title everything scrolls, so a small screen (or a window made small)
        # still reaches the reminders at the bottom.
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)
        self.content_layout.setSpacing(self.layout_.spacing())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        self.layout_.addWidget(scroll, 1)
        self.content_layout.addWidget(self.branch_label)
        self.content_layout.addWidget(self.first_steps)

        members_box = MemberFiguresBox()
        self.cards = members_box.cards
        self.members_box = members_box
        open_members = QPushButton(self.tr("Open the member list"))
        open_members.clicked.connect(lambda: self.navigate.emit("members"))
        box_layout = QVBoxLayout()
        box_layout.addWidget(members_box)
        box_layout.addWidget(open_members)
        self.content_layout.addLayout(box_layout)
        self.reminders, self.no_reminders, hardship_box = self._reminders_box(
            self.tr("Hardship aid reminders"), "hardship_reminders",
            self.tr("Click a reminder to open the hardship files"),
            self.tr("Open the hardship files"), "hardship")
        self.reminders.itemClicked.connect(self.open_reminder)
        (self.recuperation_reminders, self.no_recuperation_reminders,
         recuperation_box) = self._reminders_box(
            self.tr("Recuperation reminders"), "recuperation_reminders",
            self.tr("Click a reminder to open the trip it is about"),
            self.tr("Open recuperation"), "recuperation")
        self.recuperation_reminders.itemClicked.connect(self.open_recuperation_reminder)
        (self.contract_reminders, self.no_contract_reminders,
         contract_box) = self._reminders_box(
            self.tr("Collective contract reminders"), "contract_reminders",
            self.tr("Click a reminder to open the contract it is about"),
            self.tr("Open collective contracts"), "contracts")
        self.contract_reminders.itemClicked.connect(self.open_contract_reminder)
        reminders = QGridLayout()
        reminders.addWidget(hardship_box, 0, 0)
        reminders.addWidget(recuperation_box, 0, 1)
        reminders.addWidget(contract_box, 1, 0, 1, 2)
        reminders.setColumnStretch(0, 1)
        reminders.setColumnStretch(1, 1)
        self.content_layout.addLayout(reminders)
        self.overview = OverviewCharts(context)  # reads its figures itself when shown
        self.overview.picked.connect(self.open_filtered)
        self.content_layout.addWidget(self.overview)
        self.content_layout.addStretch(1)

    def _reminders_box(self, title: str, name: str, tip: str, button_text: str,
                       page: str) -> tuple[ReminderList, QLabel, QGroupBox]:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        reminders = ReminderList()
        reminders.setObjectName(name)
        reminders.setToolTip(tip)
        reminders.hide()  # until there is something to show
        empty = QLabel(self.tr("No reminders."))
        empty.setStyleSheet(MUTED_STYLE)
        open_page = QPushButton(button_text)
        open_page.clicked.connect(lambda: self.navigate.emit(page))
        layout.addWidget(reminders)
        layout.addWidget(empty)
        layout.addStretch(1)  # the two boxes' buttons on one line
        layout.addWidget(open_page)
        return reminders, empty, box

    def show_reminders(self) -> None:
        sessions = self.context.db.sessions
        today = self.context.clock.today()
        fill_reminders(self.reminders, self.no_reminders,
                       [(r.text, r.file_id) for r in hardship_reminders(sessions, today)])
        fill_reminders(self.recuperation_reminders, self.no_recuperation_reminders,
                       [(r.text.removeprefix(RECUPERATION_PREFIX), r.trip_id)
                        for r in recuperation_reminders(sessions, today)])
        fill_reminders(self.contract_reminders, self.no_contract_reminders,
                       [(r.text, r.contract_id) for r in contract_reminders(sessions, today)])

    def open_reminder(self, item: QListWidgetItem) -> None:
        """Show the hardship page with the reminder's file selected."""
        file_id = item.data(Qt.ItemDataRole.UserRole)
        if file_id is None:
            self.navigate.emit("hardship")
        else:
            self.open_record.emit("hardship", int(file_id))

    def open_recuperation_reminder(self, item: QListWidgetItem) -> None:
        """Show the 疗休养 page at the reminder's trip (or at this year's places)."""
        trip_id = item.data(Qt.ItemDataRole.UserRole)
        if trip_id is None:
            self.navigate.emit("recuperation")
        else:
            self.open_record.emit("recuperation", int(trip_id))

    def open_contract_reminder(self, item: QListWidgetItem) -> None:
        """Show the 集体合同 page with the reminder's contract open."""
        contract_id = item.data(Qt.ItemDataRole.UserRole)
        if contract_id is None:
            self.navigate.emit("contracts")
        else:
            self.open_record.emit("contracts", int(contract_id))

    def refresh(self) -> None:
        sessions = self.context.db.sessions
        profile = load_profile(sessions)
        if profile.union_name:
            self.branch_label.setText(profile.union_name)
        else:
            self.branch_label.setText(
                self.tr("The branch profile is empty: forms need the union's name and codes.")
            )
        self.first_steps.show_steps(first_steps(sessions))
        summary = members_summary(sessions, self.context.clock.today())
        self.members_box.show_figures(summary, self.context.clock.year)
        self.show_reminders()


def fill_reminders(reminders: ReminderList, empty: QLabel,
                   found: list[tuple[str, int | None]]) -> None:
    """Show ``found`` (text, record id) in ``reminders``, or ``empty`` when there is none."""
    reminders.clear()
    for text, record_id in found:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        reminders.addItem(item)
    reminders.fit()
    reminders.setVisible(reminders.count() > 0)
    empty.setVisible(reminders.count() == 0)
