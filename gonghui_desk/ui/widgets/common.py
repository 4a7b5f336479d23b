"""Page title and figure card, so every page looks like it belongs to the same app."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class PageTitle(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        font = self.font()
        font.setPointSize(font.pointSize() + 5)
        font.setBold(True)
        self.setFont(font)


class FigureCard(QFrame):
    """A labelled number, e.g. 在册会员 1,234."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(150)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.figure = QLabel("—")
        font = self.figure.font()
        font.setPointSize(font.pointSize() + 10)
        font.setBold(True)
        self.figure.setFont(font)
        self.figure.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.figure)

    def set_value(self, value: int) -> None:
        self.figure.setText(f"{value:,}")
