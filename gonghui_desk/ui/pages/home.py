"""首页: the branch at a glance, and the hardship files that need attention."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.services.hardship_list import hardship_reminders
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.summary import members_summary
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.widgets.common import FigureCard

MAX_REMINDER_ROWS = 6


class HomePage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Home"), parent)
        self.branch_label = QLabel()
        font = self.branch_label.font()
        font.setPointSize(font.pointSize() + 2)
        self.branch_label.setFont(font)
        self.branch_label.setWordWrap(True)
        self.profile_button = QPushButton(self.tr("Fill in the branch profile…"))
        self.profile_button.clicked.connect(lambda: self.navigate.emit("settings"))
        self.layout_.addWidget(self.branch_label)
        self.layout_.addWidget(self.profile_button)

        members_box = QGroupBox(self.tr("Members"))
        grid = QGridLayout(members_box)
        self.cards = {
            "members": FigureCard(self.tr("Members (active and reserved)")),
            "active": FigureCard(self.tr("Active members")),
            "reserved": FigureCard(self.tr("Membership reserved (retired etc.)")),
            "joined": FigureCard(self.tr("Joined this year")),
            "left_year": FigureCard(self.tr("Left this year")),
            "left": FigureCard(self.tr("Former members on file")),
        }
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 3, index % 3)
        open_members = QPushButton(self.tr("Open the member list"))
        open_members.clicked.connect(lambda: self.navigate.emit("members"))
        box_layout = QVBoxLayout()
        box_layout.addWidget(members_box)
        box_layout.addWidget(open_members)
        self.layout_.addLayout(box_layout)
        self.layout_.addWidget(self._reminders_box())
        self.layout_.addStretch(1)

    def _reminders_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Hardship aid reminders"))
        layout = QVBoxLayout(box)
        self.reminders = QListWidget()
        self.reminders.setObjectName("hardship_reminders")
        self.reminders.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        self.reminders.setToolTip(self.tr("Click a reminder to open the hardship files"))
        self.reminders.itemClicked.connect(self.open_reminder)
        self.no_reminders = QLabel(self.tr("No reminders."))
        self.no_reminders.setStyleSheet("color: #5f6368;")
        open_files = QPushButton(self.tr("Open the hardship files"))
        open_files.clicked.connect(lambda: self.navigate.emit("hardship"))
        layout.addWidget(self.reminders)
        layout.addWidget(self.no_reminders)
        layout.addWidget(open_files)
        return box

    def show_reminders(self) -> None:
        self.reminders.clear()
        for reminder in hardship_reminders(self.context.db.sessions):
            item = QListWidgetItem(reminder.text)
            item.setData(Qt.ItemDataRole.UserRole, reminder.file_id)
            self.reminders.addItem(item)
        shown = min(self.reminders.count(), MAX_REMINDER_ROWS)
        if shown:  # as tall as the reminders (up to a few), then it scrolls
            self.reminders.setFixedHeight(
                shown * self.reminders.sizeHintForRow(0) + 2 * self.reminders.frameWidth() + 2)
        self.reminders.setVisible(self.reminders.count() > 0)
        self.no_reminders.setVisible(self.reminders.count() == 0)

    def open_reminder(self, item: QListWidgetItem) -> None:
        """Show the hardship page with the reminder's file selected."""
        file_id = item.data(Qt.ItemDataRole.UserRole)
        if file_id is None:
            self.navigate.emit("hardship")
        else:
            self.open_record.emit("hardship", int(file_id))

    def refresh(self) -> None:
        sessions = self.context.db.sessions
        profile = load_profile(sessions)
        if profile.union_name:
            self.branch_label.setText(profile.union_name)
            self.profile_button.hide()
        else:
            self.branch_label.setText(
                self.tr("The branch profile is empty: forms need the union's name and codes.")
            )
            self.profile_button.show()
        summary = members_summary(sessions)
        self.cards["members"].set_value(summary.members)
        self.cards["active"].set_value(summary.active)
        self.cards["reserved"].set_value(summary.reserved)
        self.cards["joined"].set_value(summary.joined_this_year)
        self.cards["left_year"].set_value(summary.left_this_year)
        self.cards["left"].set_value(summary.left)
        self.show_reminders()
