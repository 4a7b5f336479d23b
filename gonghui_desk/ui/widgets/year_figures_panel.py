"""设置 → 年度基本情况: the year's figures no member record can tell (domain.annual).

The chair picks a year and enters the employer's staff counts, the union cadres, the
职代会 delegates and which organisations exist; the annual statistics form reads them.
A count left at "not filled in" is saved as unknown, not as 0. A year with nothing on
file shows every count as not filled in. The labels are the report's own Chinese terms.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.annual import (
    COUNT_FIELDS,
    COUNT_LABELS,
    FIRST_YEAR,
    FLAG_FIELDS,
    FLAG_LABELS,
    LAST_YEAR,
    MAX_COUNT,
    YearFigures,
    default_cut_off,
)
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services.annual import SAVE_YEAR, load_year, save_year, years_on_file
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.widgets.fields import FieldRow, save_row
from gonghui_desk.ui.widgets.inputs import count_box
from gonghui_desk.ui.write_access import enable_writes

UNSET = -1  # the spin box's minimum, shown as "not filled in"


class YearFiguresPanel(QWidget):
    """Emits ``saved`` with the year after a successful save."""

    saved = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        intro = QLabel(self.tr(
            "Figures the annual statistics need that the member records cannot tell: the "
            "employer's staff, the union's cadres, the workers' congress and which committees "
            "exist. Enter them once a year; the statistics use the year of their cut-off date."
        ))
        intro.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setObjectName("figures_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        # In the reporting season the year being reported is the one just ended.
        self.year.setValue(default_cut_off(context.clock.today()).year)
        self.year.setKeyboardTracking(False)  # load 2025 once typed, not 2, 20, 202 on the way
        self.year.valueChanged.connect(self.load)
        self.on_file = QLabel()
        self.on_file.setWordWrap(True)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Year")))
        year_row.addWidget(self.year)
        year_row.addWidget(self.on_file, 1)

        counts_box = QGroupBox(self.tr("Numbers of people"))
        counts_form = QFormLayout(counts_box)
        self.counts: dict[str, QSpinBox] = {}
        self.rows: dict[str, FieldRow] = {}
        for name in COUNT_FIELDS:
            spin = count_box(MAX_COUNT, UNSET)
            spin.setObjectName(f"count_{name}")
            spin.setSpecialValueText(self.tr("not filled in"))
            spin.setMinimumWidth(140)
            spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            self.counts[name] = spin
            self.rows[name] = FieldRow(spin)
            counts_form.addRow(COUNT_LABELS[name], self.rows[name])
        flags_box = QGroupBox(self.tr("The unit has (tick what exists)"))
        flags_grid = QGridLayout(flags_box)
        self.flags: dict[str, QCheckBox] = {}
        for index, name in enumerate(FLAG_FIELDS):
            box = QCheckBox(FLAG_LABELS[name])
            box.setObjectName(f"flag_{name}")
            self.flags[name] = box
            flags_grid.addWidget(box, index // 2, index % 2)
        flags_grid.setColumnStretch(2, 1)

        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        enable_writes(context, self.save_button)
        save_line, self.state = save_row(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(year_row)
        layout.addWidget(counts_box)
        layout.addWidget(flags_box)
        layout.addLayout(save_line)
        layout.addStretch(1)
        self.load()

    # -- reading and writing the widgets ------------------------------------------------

    def figures(self) -> YearFigures:
        """What the widgets show, as the figures to save."""
        values: dict[str, int | bool | None] = {}
        for name, spin in self.counts.items():
            values[name] = None if spin.value() == UNSET else spin.value()
        for name, box in self.flags.items():
            values[name] = box.isChecked()
        return replace(YearFigures(self.year.value()), **values)  # type: ignore[arg-type]

    def show_figures(self, figures: YearFigures) -> None:
        for name, spin in self.counts.items():
            value = getattr(figures, name)
            spin.setValue(UNSET if value is None else value)
        for name, box in self.flags.items():
            box.setChecked(bool(getattr(figures, name)))

    def load(self) -> None:
        """Show the chosen year's figures as saved (all empty for a year not on file)."""
        year = self.year.value()
        figures = load_year(self.sessions, year)
        self.show_figures(figures or YearFigures(year))
        self._clear_messages()
        self.state.setText(
            self.tr("Nothing entered for %1 yet.").replace("%1", str(year))
            if figures is None
            else self.tr("Showing the figures saved for %1.").replace("%1", str(year))
        )
        self.save_button.setText(self.tr("Save the figures for %1").replace("%1", str(year)))
        self.show_years_on_file()

    def show_years_on_file(self) -> None:
        years = years_on_file(self.sessions)
        self.on_file.setText(
            self.tr("Years entered: %1").replace("%1", "、".join(str(y) for y in years))
            if years
            else self.tr("No year entered yet.")
        )

    def save(self) -> bool:
        self._clear_messages()
        figures = self.figures()
        try:
            self.context.runner.run(Op(SAVE_YEAR, lambda tx: save_year(tx, figures)))
        except ValidationError as error:
            for problem in error.problems:
                row = self.rows.get(problem.key)
                if row is not None:
                    row.show_message(problem.message)
            self.state.setText(self.tr("Not saved: please correct the fields marked in red."))
            show_user_error(self, error)
            return False
        except UserError as error:  # the book is read-only, the disk full …
            show_user_error(self, error)
            return False
        self.load()
        self.state.setText(self.tr("Saved the figures for %1.").replace("%1", str(figures.year)))
        self.saved.emit(figures.year)
        return True

    def _clear_messages(self) -> None:
        for row in self.rows.values():
            row.show_message("")
