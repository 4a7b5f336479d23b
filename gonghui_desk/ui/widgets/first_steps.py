"""首次使用 on the home page: the first steps in order, each with a button that goes there,
ticked when the book holds what the step makes. Hidden once every step is done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from gonghui_desk.services.getting_started import FirstSteps
from gonghui_desk.ui.style import MUTED_STYLE, OK_STYLE

DONE_MARK = "✓"


class FirstStepsBox(QGroupBox):
    """Three numbered steps. ``go`` asks for a page; ``ask`` for a page and what it should
    open there (the import wizard, a new member)."""

    go = Signal(str)
    ask = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_steps")
        self.setTitle(self.tr("Getting started"))
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        self.marks: list[QLabel] = []
        self.texts: list[QLabel] = []
        self.buttons: list[list[QPushButton]] = []
        steps = (
            (self.tr("Fill in the branch profile: the union's name and codes head every "
                     "form."),
             [(self.tr("Fill in the branch profile…"), lambda: self.go.emit("settings"))]),
            (self.tr("Bring in the members: import the roster you have, or add them one "
                     "by one."),
             [(self.tr("Import members…"), lambda: self.ask.emit("members", "import_members")),
              (self.tr("Add member…"), lambda: self.ask.emit("members", "new_record"))]),
            (self.tr("Start on the work you keep: hardship aid, recuperation, collective "
                     "contracts."),
             [(self.tr("Hardship aid"), lambda: self.go.emit("hardship")),
              (self.tr("Recuperation"), lambda: self.go.emit("recuperation")),
              (self.tr("Collective contracts"), lambda: self.go.emit("contracts"))]),
        )
        for row, (text, buttons) in enumerate(steps):
            mark = QLabel()
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            mark.setMinimumWidth(self.fontMetrics().horizontalAdvance("00"))
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            made = []
            for column, (caption, slot) in enumerate(buttons, start=2):
                button = QPushButton(caption)
                button.clicked.connect(slot)
                grid.addWidget(button, row, column)
                made.append(button)
            self.marks.append(mark)
            self.texts.append(label)
            self.buttons.append(made)

    def show_steps(self, steps: FirstSteps) -> None:
        """Tick what is done; the first step not done is the one to take next."""
        done = (steps.profile, steps.members, steps.areas)
        for number, (mark, label, finished) in enumerate(
                zip(self.marks, self.texts, done, strict=True), start=1):
            mark.setText(DONE_MARK if finished else str(number))
            mark.setStyleSheet(OK_STYLE if finished else "font-weight: bold;")
            label.setStyleSheet(MUTED_STYLE if finished else "")
            mark.setToolTip(self.tr("Done") if finished else "")
        self.setVisible(not steps.all_done)

    def is_done(self, step: int) -> bool:
        """Step 1, 2 or 3 ticked."""
        return self.marks[step - 1].text() == DONE_MARK
