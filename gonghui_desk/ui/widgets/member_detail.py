"""The detail panel beside the members list: one member in full, with their history.

This is the only place where the ID number and mobile are shown unmasked; the panel is
cleared when nothing is selected.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.member import FIELD_NAMES
from gonghui_desk.services.member_records import MemberDetail
from gonghui_desk.ui.models.member_fields import title
from gonghui_desk.ui.widgets.common import PageTitle

EVENT_COLUMNS = ("effective_date", "kind", "reason", "counterpart_union", "handled_by")
SKIPPED = frozenset({"name"})  # already the panel's title


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return ""
    return str(value)


class MemberDetailPanel(QWidget):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id: int | None = None
        self.heading = PageTitle("")
        self.status = QLabel()
        self.placeholder = QLabel(self.tr("Select a member to see the full record."))
        self.placeholder.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        fields = QWidget()
        form = QFormLayout(fields)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key in FIELD_NAMES:
            if key in SKIPPED:
                continue
            label = QLabel()
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setObjectName(key)
            self.values[key] = label
            form.addRow(title(key), label)
        self.events = QTableWidget(0, len(EVENT_COLUMNS))
        self.events.setHorizontalHeaderLabels([title(k) for k in EVENT_COLUMNS])
        self.events.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events.verticalHeader().setVisible(False)
        self.events.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.events.horizontalHeader().setStretchLastSection(True)
        self.events.setMinimumHeight(140)
        buttons = QGridLayout()
        for index, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, index // 2, index % 2)

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.status)
        body_layout.addLayout(buttons)
        body_layout.addWidget(fields)
        body_layout.addWidget(QLabel(self.tr("Membership history")))
        body_layout.addWidget(self.events)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.scroll_area, 1)
        self.show_member(None)

    def show_member(self, detail: MemberDetail | None) -> None:
        previous, self.member_id = self.member_id, detail.id if detail else None
        if self.member_id != previous:
            # Another person: start at their name, not where the last one was scrolled to.
            # The same person shown again (after an edit) stays where the chair was reading.
            self.scroll_area.verticalScrollBar().setValue(0)
        self.placeholder.setVisible(detail is None)
        self.scroll_area.setVisible(detail is not None)
        if detail is None:
            for label in self.values.values():
                label.clear()
            self.heading.clear()
            self.events.setRowCount(0)
            return
        self.heading.setText(detail.data.name)
        self.status.setText(self.tr("Membership status: %1").replace("%1", detail.status))
        for key, label in self.values.items():
            label.setText(_text(getattr(detail.data, key)))
        self.events.setRowCount(len(detail.events))
        for row, event in enumerate(detail.events):
            for column, key in enumerate(EVENT_COLUMNS):
                self.events.setItem(row, column, QTableWidgetItem(_text(getattr(event, key))))
        self.events.resizeColumnsToContents()
