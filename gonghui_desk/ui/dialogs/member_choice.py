"""Choosing one member in a small dialog (the member picker with OK and Cancel)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.ui.widgets.member_picker import MemberPicker


class MemberChoiceDialog(QDialog):
    def __init__(self, sessions: SessionFactory, title: str, intro: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.picker = MemberPicker(sessions)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        note = QLabel(intro)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self.buttons)
        self.picker.chosen.connect(self._chosen)
        self.picker.results.itemDoubleClicked.connect(lambda _: self.accept())
        self.picker.ensure_loaded()
        self._chosen(self.picker.record_id)
        self.resize(460, 420)

    @property
    def member_id(self) -> int | None:
        return self.picker.record_id

    def _chosen(self, member_id: int | None) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(member_id is not None)
