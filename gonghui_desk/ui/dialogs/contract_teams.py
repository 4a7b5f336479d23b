"""协商代表: the two negotiating teams, one table row per person, checked as they are typed.

Side and role edit through dropdowns of their code lists; 是工会主席 is a tick; 书面委托
names the union chair's written delegation when the workers' chief is someone else. Under
the table, the rules the teams break (equal numbers, at least 3 a side, one chief each, the
workers' chief, experts at most a third, nobody on both sides) in red, or a green line
when there is nothing to say. The first person added to a side is proposed as its chief:
the union chair for the workers, the legal representative for the enterprise.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.contract_team import (
    CHIEF,
    DELEGATE,
    EMPLOYER,
    ROLE,
    SIDE,
    WORKERS,
    Negotiator,
    team_problems,
)
from gonghui_desk.ui.style import ERROR_STYLE, OK_STYLE
from gonghui_desk.ui.widgets.fields import FieldRow
from gonghui_desk.ui.widgets.inputs import CodeColumnDelegate

SIDE_COL, NAME, ROLE_COL, POST, CHAIR, DELEGATION = range(6)
SAVED_ID = Qt.ItemDataRole.UserRole  # on the name: the saved person's number, to keep it
WIDTHS = (80, 100, 90, 160, 90)
TRIGGER = QAbstractItemView.EditTrigger
EDITING = TRIGGER.DoubleClicked | TRIGGER.EditKeyPressed | TRIGGER.AnyKeyPressed


class TeamsTab(QWidget):
    """Emits ``changed`` whenever a person is added, removed or edited.

    ``chiefs`` gives the union chair and the legal representative from 基本信息, so the
    first person of each side can be proposed as its chief.
    """

    changed = Signal()

    def __init__(self, chiefs: Callable[[], tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chiefs = chiefs
        intro = QLabel(self.tr(
            "Both sides negotiate with the same number of people, at least three each, one of "
            "them the chief negotiator. The workers' chief is the union chair, or holds the "
            "chair's written delegation. Outside experts may be at most a third of a side."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("negotiators")
        self.table.setHorizontalHeaderLabels([
            self.tr("Side"), self.tr("Name"), self.tr("Role"), self.tr("Post"),
            self.tr("Is union chair"), self.tr("Written delegation")])
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for column, width in enumerate(WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        delegation = self.table.horizontalHeaderItem(DELEGATION)
        if delegation is not None:
            delegation.setToolTip(self.tr(
                "When the workers' chief is not the union chair: the date and number of the "
                "chair's written delegation"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(EDITING)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.table.setItemDelegateForColumn(SIDE_COL, CodeColumnDelegate(SIDE, self))
        self.table.setItemDelegateForColumn(ROLE_COL, CodeColumnDelegate(ROLE, self))
        self.table.itemChanged.connect(lambda _: self._edited())
        self.add_workers = QPushButton(self.tr("Add to the workers' side"))
        self.add_workers.clicked.connect(lambda: self.add_person(WORKERS))
        self.add_employer = QPushButton(self.tr("Add to the enterprise side"))
        self.add_employer.clicked.connect(lambda: self.add_person(EMPLOYER))
        self.remove_button = QPushButton(self.tr("Remove the selected person"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_workers, self.add_employer, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.counts = QLabel()
        self.counts.setObjectName("team_counts")
        buttons.addWidget(self.counts)
        self.problems = QLabel()
        self.problems.setObjectName("team_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.row = FieldRow(self.problems)  # the service's verdict at signing, under it
        self.rows = {"negotiators": self.row}
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.row)
        self.check()

    # -- rows ---------------------------------------------------------------------------

    def add_person(self, side: str, person: Negotiator | None = None) -> int:
        """A row for ``person``, or an empty one on ``side`` (its chief, if it has none)."""
        if person is None:
            person = Negotiator(side, "")
            if not any(n.side == side for n in self.team()):
                union_chair, representative = self.chiefs()
                person = (Negotiator(side, union_chair, CHIEF, self.tr("Union chair"), True)
                          if side == WORKERS else Negotiator(side, representative, CHIEF))
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in ((SIDE_COL, person.side), (NAME, person.name),
                             (ROLE_COL, person.role), (POST, person.post),
                             (DELEGATION, person.delegation)):
            self.table.setItem(row, column, QTableWidgetItem(text))
        name = self.table.item(row, NAME)
        assert name is not None
        name.setData(SAVED_ID, person.id)
        chair = QTableWidgetItem()
        chair.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                       | Qt.ItemFlag.ItemIsUserCheckable)
        chair.setCheckState(Qt.CheckState.Checked if person.union_chair
                            else Qt.CheckState.Unchecked)
        self.table.setItem(row, CHAIR, chair)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, NAME)
        self._edited()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._edited()

    def set_text(self, row: int, column: int, text: str) -> None:
        item = self.table.item(row, column)
        assert item is not None
        item.setText(text)

    def set_union_chair(self, row: int, checked: bool) -> None:
        item = self.table.item(row, CHAIR)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def team(self) -> tuple[Negotiator, ...]:
        people = []
        for row in range(self.table.rowCount()):
            chair = self.table.item(row, CHAIR)
            name = self.table.item(row, NAME)
            saved_id = name.data(SAVED_ID) if name is not None else None
            people.append(Negotiator(
                side=self._text(row, SIDE_COL), name=self._text(row, NAME),
                role=self._text(row, ROLE_COL) or DELEGATE, post=self._text(row, POST),
                union_chair=chair is not None and chair.checkState() == Qt.CheckState.Checked,
                delegation=self._text(row, DELEGATION),
                id=saved_id if isinstance(saved_id, int) else None))
        return tuple(people)

    def fill(self, team: tuple[Negotiator, ...]) -> None:
        self.table.setRowCount(0)
        for person in team:
            self.add_person(person.side, person)
        self.table.clearSelection()
        self.check()

    # -- the rules ----------------------------------------------------------------------

    def _edited(self) -> None:
        self.check()
        self.changed.emit()

    def check(self) -> list[str]:
        """Show what the teams break (or that they meet every rule); return it."""
        team = self.team()
        found = team_problems(team)
        workers = sum(1 for n in team if n.side == WORKERS)
        employer = sum(1 for n in team if n.side == EMPLOYER)
        self.counts.setText(self.tr("Workers' side %1, enterprise side %2")
                            .replace("%1", str(workers)).replace("%2", str(employer)))
        if found:
            self.problems.setStyleSheet(ERROR_STYLE)
            self.problems.setText("\n".join(f"· {p}" for p in found))
        else:
            self.problems.setStyleSheet(OK_STYLE)
            self.problems.setText(self.tr("The negotiators meet the rules."))
        return found

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(TRIGGER.NoEditTriggers if read_only else EDITING)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, CHAIR)
            if item is not None:
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if not read_only:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setFlags(flags)
        for button in (self.add_workers, self.add_employer, self.remove_button):
            button.setEnabled(not read_only)
