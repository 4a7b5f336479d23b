"""The workers' congress vote on the draft, with its arithmetic said as the numbers are typed.

应到, 实到, 赞成, 反对, 弃权: under them the quorum (at least two thirds present) and the
result (more than half of ALL those entitled in favour), each as the sum the chair can
read out to the meeting — green when the draft passed, red when it did not. Nothing typed
(all five at 0) means no vote yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from gonghui_desk.domain.contract import Vote
from gonghui_desk.ui.style import ERROR_STYLE, MUTED_STYLE, OK_STYLE
from gonghui_desk.ui.widgets.inputs import count_box

MAX_PEOPLE = 100_000
KEYS = ("eligible", "present", "in_favour", "against", "abstaining")


class VoteBox(QWidget):
    """Emits ``changed`` on every number typed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        captions = (self.tr("Entitled"), self.tr("Present"), self.tr("In favour"),
                    self.tr("Against"), self.tr("Abstaining"))
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (key, caption) in enumerate(zip(KEYS, captions, strict=True)):
            spin = count_box(MAX_PEOPLE)
            spin.setObjectName(f"vote_{key}")
            spin.setMinimumWidth(70)
            spin.valueChanged.connect(lambda _: self.show_result())
            label = QLabel(caption)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, column)
            grid.addWidget(spin, 1, column)
            self.spins[key] = spin
        grid.setColumnStretch(len(KEYS), 1)
        self.quorum = QLabel()
        self.quorum.setObjectName("vote_quorum")
        self.result = QLabel()
        self.result.setObjectName("vote_result")
        for label in (self.quorum, self.result):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.quorum)
        layout.addWidget(self.result)
        self.show_result()

    def vote(self) -> Vote | None:
        numbers = [self.spins[key].value() for key in KEYS]
        return Vote(*numbers) if any(numbers) else None

    def set_vote(self, vote: Vote | None) -> None:
        for key, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(0 if vote is None else getattr(vote, key))
            spin.blockSignals(False)
        self.show_result()

    def show_result(self) -> None:
        vote = self.vote()
        if vote is None or vote.eligible < 1:
            self.quorum.setStyleSheet(MUTED_STYLE)
            self.quorum.setText(self.tr(
                "Type the numbers after the meeting: at least two thirds of those entitled "
                "must be present, and more than half of all of them must vote in favour."))
            self.result.hide()
        else:
            self.quorum.setStyleSheet(OK_STYLE if vote.quorum else ERROR_STYLE)
            self.quorum.setText(vote.quorum_text())
            self.result.setStyleSheet(OK_STYLE if vote.passed else ERROR_STYLE)
            self.result.setText(vote.vote_text())
            self.result.show()
        self.changed.emit()

    def set_read_only(self, read_only: bool) -> None:
        for spin in self.spins.values():
            spin.setReadOnly(read_only)
