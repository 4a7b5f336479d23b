"""首页's member figures: the box of six cards, and the 首页 the window shows while the book
is still being opened.

Neither imports the services: the window shows the opening 首页 before the database layer
is loaded, with the figures ``db.home_counts`` read from the file, and says so until the
real 首页 takes its place.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from gonghui_desk.ui.style import MUTED_STYLE, PAGE_MARGINS, PAGE_SPACING
from gonghui_desk.ui.widgets.common import FigureCard, PageTitle


class MemberFigureSource(Protocol):
    """What the box shows: ``services.summary.MembersSummary`` or ``db.home_counts.HomeCounts``."""

    @property
    def members(self) -> int: ...
    @property
    def active(self) -> int: ...
    @property
    def reserved(self) -> int: ...
    @property
    def left(self) -> int: ...
    @property
    def joined_this_year(self) -> int: ...
    @property
    def left_this_year(self) -> int: ...


class MemberFiguresBox(QGroupBox):
    """成员 on 首页: members, active, reserved, joined and left this year, former members."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Members"), parent)
        grid = QGridLayout(self)
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

    def show_figures(self, figures: MemberFigureSource, year: int) -> None:
        self.cards["members"].set_value(figures.members)
        self.cards["active"].set_value(figures.active)
        self.cards["reserved"].set_value(figures.reserved)
        # The year by name: on 1 January "this year" has just begun and reads 0.
        self.cards["joined"].caption.setText(self.tr("Joined in %1").replace("%1", str(year)))
        self.cards["left_year"].caption.setText(self.tr("Left in %1").replace("%1", str(year)))
        self.cards["joined"].set_value(figures.joined_this_year)
        self.cards["left_year"].set_value(figures.left_this_year)
        self.cards["left"].set_value(figures.left)


class OpeningHome(QWidget):
    """首页's member figures, counted from the file, while the program opens the book; the
    note under them says the rest of 首页 is on its way."""

    def __init__(self, figures: MemberFigureSource, year: int, union_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        # Laid out as 首页 is (pages.base.Page, pages.home), so nothing moves when it comes.
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(PageTitle(self.tr("Home")))
        self.branch_label = QLabel(union_name)
        font = self.branch_label.font()
        font.setPointSize(font.pointSize() + 2)
        self.branch_label.setFont(font)
        self.branch_label.setWordWrap(True)
        layout.addWidget(self.branch_label)
        self.figures = MemberFiguresBox()
        self.figures.show_figures(figures, year)
        layout.addWidget(self.figures)
        self.note = QLabel(self.tr(
            "Opening the database… These figures are counted from the file; reminders and "
            "charts follow."))
        self.note.setStyleSheet(MUTED_STYLE)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
