"""The frame every record dialog shares: a banner when the database is read-only, the
record's tabs, a message line, and 保存 / 关闭 with a question before losing edits.

A subclass builds its tabs, calls ``frame`` and provides ``save``, ``is_dirty`` and
``close_question``; it emits ``changed`` after anything was saved so lists re-read.
``may_close`` is the same question for a dialog of another frame (a new member).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from gonghui_desk.ui.screen_fit import fit_to_screen, scroll_tabs
from gonghui_desk.ui.style import BANNER_BACKGROUND, ERROR_STYLE
from gonghui_desk.ui.widgets.date_field import typed_but_unread
from gonghui_desk.ui.widgets.fields import message_label, save_buttons

BANNER_STYLE = f"background: {BANNER_BACKGROUND}; padding: 6px;"


class RecordDialog(QDialog):
    changed = Signal()

    def frame(self, tabs: QTabWidget, width: int, height: int,
              above_tabs: Sequence[QWidget] = ()) -> None:
        """Lay out the banner, anything above the tabs, the tabs, the message line and the
        buttons; the dialog opens at ``width`` × ``height``, or smaller on a small screen,
        where each tab scrolls and the buttons stay in view."""
        self.tabs = tabs
        scroll_tabs(tabs)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.general = message_label(style="")
        self.buttons, self.save_button = save_buttons(self, self.save, close=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        for widget in above_tabs:
            layout.addWidget(widget)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(width, height))

    def save(self) -> bool:
        raise NotImplementedError

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def close_question(self) -> str:
        raise NotImplementedError

    def show_saved(self, text: str = "") -> None:
        self.general.setStyleSheet("")
        self.general.setText(text or QCoreApplication.translate("RecordDialog", "Saved."))
        self.general.show()

    def show_not_saved(self, lines: Sequence[str]) -> None:
        """The refusal's lines above the buttons; none hides the line."""
        if lines:
            self.general.setStyleSheet(ERROR_STYLE)
            heading = QCoreApplication.translate("RecordDialog", "Not saved:")
            self.general.setText("\n".join([heading, *lines]))
        self.general.setVisible(bool(lines))

    def reject(self) -> None:
        if may_close(self, self.is_dirty(), self.close_question()):
            super().reject()


def may_close(dialog: QWidget, edited: bool, question: str = "") -> bool:
    """Whether ``dialog`` may close: nothing typed would be lost (no edit, no date text it
    could not read), or the chair, asked, agrees to lose it."""
    if not edited and not typed_but_unread(dialog):
        return True
    title = QCoreApplication.translate("RecordDialog", "Close")
    text = question or QCoreApplication.translate(
        "RecordDialog", "What you typed is not saved. Close anyway?")
    return QMessageBox.question(dialog, title, text) == QMessageBox.StandardButton.Yes
