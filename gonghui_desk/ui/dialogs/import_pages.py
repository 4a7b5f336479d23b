"""The first two pages of the import wizard: the file and sheet, then header and columns.

Reading a sheet and checking every row run off the GUI thread (ui/tasks.py) when the user
presses 下一步, so a page that cannot go on keeps the user where the problem is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from gonghui_desk.domain.masking import mask_by_shape
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.cell_values import shown
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.exchange.import_session import (
    guess_header,
    headers_at,
    read_roster,
    saved_or_auto_mapping,
)
from gonghui_desk.exchange.member_import import (
    ADD,
    MODE_LABELS,
    ImportPlan,
    PlanRequest,
    plan_import,
)
from gonghui_desk.exchange.member_template import write_member_template
from gonghui_desk.exchange.workbook import FILE_FILTER, SheetData, sheet_names
from gonghui_desk.services import Progress
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.style import ERROR_STYLE
from gonghui_desk.ui.tasks import run_with_progress

if TYPE_CHECKING:
    from gonghui_desk.ui.dialogs.import_wizard import ImportWizard

SAMPLE_ROWS = 3


def column_letter(index: int) -> str:
    """A, B, … Z, AA: how the spreadsheet names the column at ``index`` (from 0)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class ImportFilePage(QWizardPage):
    """Which file, which sheet."""

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__()
        self.importer = importer
        self.setTitle(self.tr("Choose the roster file"))
        self.setSubTitle(self.tr(
            "Excel, WPS, .ods or .csv. Title rows above the header are fine: the header row "
            "is found on the next page."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("The file to import"))
        self.path.editingFinished.connect(self._path_typed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.sheets = QComboBox()
        self.sheets.setMinimumWidth(240)
        self.sheets.currentIndexChanged.connect(lambda _: self.completeChanged.emit())
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheets)
        sheet_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), sheet_row)
        template_note = QLabel(self.tr(
            "No roster yet? Save the blank import template, fill it in and import it here. "
            "Its drop-down lists hold the values the provincial form accepts."))
        template_note.setWordWrap(True)
        template = QPushButton(self.tr("Save the blank template…"))
        template.clicked.connect(self.save_template)
        template_row = QHBoxLayout()
        template_row.addWidget(template)
        template_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(template_note)
        layout.addLayout(template_row)
        self._loaded: Path | None = None

    def browse(self) -> None:
        start = self.path.text().strip() or str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the roster file"), start,
            f"{FILE_FILTER};;{self.tr('All files (*)')}",
        )
        if chosen:
            self.path.setText(chosen)
            self.load_sheets()

    def save_template(self) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the blank template"), str(Path.home() / "会员导入模板.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        try:
            write_member_template(path)
        except UserError as error:
            show_user_error(self, error)
            return None
        QMessageBox.information(self, self.tr("Save the blank template"),
                                self.tr("Template saved: %1").replace("%1", str(path)))
        return path

    def _path_typed(self) -> None:
        if self.path.text().strip() and self.current_path() != self._loaded:
            self.load_sheets()

    def current_path(self) -> Path:
        return Path(self.path.text().strip())

    def load_sheets(self) -> None:
        """List the file's sheets; a file that cannot be read says why."""
        self.sheets.clear()
        self._loaded = None
        path = self.current_path()
        try:
            names = sheet_names(path)
        except UserError as error:
            show_user_error(self, error)
        else:
            self._loaded = path
            self.sheets.addItems(names)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._loaded is not None and self._loaded == self.current_path() and (
            self.sheets.currentIndex() >= 0
        )

    def validatePage(self) -> bool:
        path, name = self.current_path(), self.sheets.currentText()
        found: list[SheetData] = []
        message = self.tr("Reading the sheet")

        def work() -> Iterator[Progress]:
            yield Progress(0, 0, message)
            found.append(read_roster(path, name, start_only=True))
            yield Progress(1, 1, "")  # a cancel pressed during the read is honoured here

        try:
            if not run_with_progress(self, self.tr("Reading %1").replace("%1", path.name), work):
                return False
        except UserError as error:
            show_user_error(self, error)
            return False
        sheet = found[0]
        state = self.importer.state
        try:
            state.guess, state.header_problem = guess_header(sheet), ""
        except UserError as error:
            if not sheet.rows:  # nothing to point at: choose another sheet
                show_user_error(self, error)
                return False
            # no header recognised: the next page says so and the user points at it
            state.guess, state.header_problem = None, error.message
        state.path, state.sheet, state.plan = path, sheet, None
        return True


class ImportMappingPage(QWizardPage):
    """Where the header is, which column is which field, add only or also update."""

    def __init__(self, importer: ImportWizard) -> None:
        super().__init__()
        self.importer = importer
        self.setTitle(self.tr("Header row and columns"))
        self.setSubTitle(self.tr(
            "Check which item each column holds. Columns set to “(not imported)” are left "
            "out; 姓名 and 证件号码 are required."))
        self.header_row = QSpinBox()
        self.header_row.setMinimumWidth(80)
        self.header_row.valueChanged.connect(self.header_row_changed)
        self.note = QLabel()
        self.note.setWordWrap(True)
        header_line = QHBoxLayout()
        header_line.addWidget(QLabel(self.tr("Header row")))
        header_line.addWidget(self.header_row)
        header_line.addWidget(self.note, 1)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            self.tr("Column"), self.tr("Header in the file"), self.tr("First values"),
            self.tr("Import as"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((50, 220, 0, 190)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.modes = QButtonGroup(self)
        mode_box = QGroupBox(self.tr("Members already on file"))
        mode_layout = QHBoxLayout(mode_box)
        for key, label in MODE_LABELS.items():
            button = QRadioButton(label)
            button.setProperty("mode", key)
            button.setChecked(key == ADD)
            self.modes.addButton(button)
            mode_layout.addWidget(button)
        mode_layout.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(header_line)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(mode_box)
        self.combos: list[QComboBox] = []

    # -- filling ------------------------------------------------------------------------

    def initializePage(self) -> None:
        state = self.importer.state
        assert state.sheet is not None
        numbers = [number for number, _ in state.sheet.rows]
        self.header_row.blockSignals(True)
        self.header_row.setRange(numbers[0], numbers[-1])
        self.header_row.setValue(state.guess.row_number if state.guess else numbers[0])
        self.header_row.blockSignals(False)
        self.header_row_changed(self.header_row.value())
        if state.header_problem:
            self.note.setText(state.header_problem + self.tr(
                " Set the header row above and choose each column's item below."))
            self.note.setStyleSheet(ERROR_STYLE)

    def header_row_changed(self, number: int) -> None:
        """Read the headers at ``number`` and map them: the mapping saved for them, or a guess."""
        state = self.importer.state
        assert state.sheet is not None
        self.note.setStyleSheet("")
        try:
            headers = headers_at(state.sheet, number)
        except UserError as error:  # a blank row; shown here, not in a box per keystroke
            state.headers, state.mapping = (), {}
            self.note.setText(error.message)
            self.note.setStyleSheet(ERROR_STYLE)
            self._fill_table(number)
            return
        mapping, saved = saved_or_auto_mapping(self.importer.context.db.sessions, headers)
        state.headers, state.mapping = headers, mapping
        self.note.setText(
            self.tr("The columns were matched as you confirmed them last time for this header.")
            if saved else
            self.tr("The columns were matched by their names: please check them.")
        )
        self._fill_table(number)

    def _samples(self, number: int) -> list[list[str]]:
        state = self.importer.state
        assert state.sheet is not None
        rows = (cells for n, cells in state.sheet.rows if n > number)
        # ID numbers, mobiles and bank accounts masked, as in every list (by their shape:
        # the column's meaning is what the chair is choosing here)
        return [[mask_by_shape(shown(c)) for c in cells]
                for _, cells in zip(range(SAMPLE_ROWS), rows, strict=False)]

    def _fill_table(self, number: int) -> None:
        state = self.importer.state
        samples = self._samples(number)
        # Columns formatted to the sheet's edge hold nothing: stop after the last used one.
        used = [i + 1 for row in [list(state.headers), *samples] for i, v in enumerate(row) if v]
        width = max([*used, *(i + 1 for i in state.mapping), 0])
        self.table.setRowCount(width)
        self.combos = []
        for index in range(width):
            header = state.headers[index] if index < len(state.headers) else ""
            values = [row[index] for row in samples if index < len(row) and row[index]]
            cells = (column_letter(index), " ".join(header.split()), " | ".join(values))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(header if column == 1 else text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(index, column, item)
            self.combos.append(self._combo(index, state.mapping.get(index)))
        self._check()

    def _combo(self, index: int, key: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("(not imported)"), "")
        for field, label in TARGET_LABELS.items():
            combo.addItem(label, field)
        combo.setCurrentIndex(max(combo.findData(key or ""), 0))
        combo.currentIndexChanged.connect(lambda _: self.column_chosen(index))
        self.table.setCellWidget(index, 3, combo)
        return combo

    # -- choosing -----------------------------------------------------------------------

    def column_chosen(self, index: int) -> None:
        """One item, one column: choosing an item taken elsewhere moves it here."""
        state = self.importer.state
        key = str(self.combos[index].currentData() or "")
        if key:
            for other, combo in enumerate(self.combos):
                if other != index and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        state.mapping = {i: str(c.currentData()) for i, c in enumerate(self.combos)
                         if c.currentData()}
        self._check()

    def _check(self) -> None:
        named = set(self.importer.state.mapping.values())
        missing = [f"“{TARGET_LABELS[k]}”" for k in ("name", "id_number") if k not in named]
        self.problem.setText(
            self.tr("Choose the column that holds %1.").replace("%1", "、".join(missing))
            if missing and self.importer.state.headers else ""
        )
        self.completeChanged.emit()

    def mode(self) -> str:
        checked = self.modes.checkedButton()
        return str(checked.property("mode")) if checked is not None else ADD

    def isComplete(self) -> bool:
        named = set(self.importer.state.mapping.values())
        return bool(self.importer.state.headers) and {"name", "id_number"} <= named

    def validatePage(self) -> bool:
        """Check every row now; the preview shows the result."""
        state = self.importer.state
        assert state.sheet is not None and state.path is not None
        number = self.header_row.value()
        if not any(n > number for n, _ in state.sheet.rows):
            show_user_error(self, UserError(self.tr(
                "There is nothing below the header row (row %1): no members to import.")
                .replace("%1", str(number))))
            return False
        state.mode = self.mode()
        request = PlanRequest(state.sheet, state.path, number, state.headers,
                              dict(state.mapping), state.mode,
                              self.importer.context.clock.today())
        found: list[ImportPlan] = []
        sessions = self.importer.context.db.sessions
        try:
            done = run_with_progress(self, self.tr("Checking the rows"),
                                     lambda: plan_import(sessions, request, found))
        except UserError as error:
            show_user_error(self, error)
            return False
        if not done:
            return False
        state.header_row, state.plan = number, found[0]
        return True
