"""报表: the official forms for the higher-level union, as PDF or Excel, previewed and printed.

The list is the forms registry (exchange.forms.FORMS): a form added there appears here
with the inputs its parameters ask for. Every export, preview and print runs the same
``export_form`` generator off the GUI thread; preview and print lay the form's PDF pages
out without writing a file (ui.dialogs.pdf_preview).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import FORMS
from gonghui_desk.exchange.forms.export import export_form, preflight, preview_form
from gonghui_desk.exchange.forms.spec import FormParams, FormSpec
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.dialogs.discrepancies import confirm_despite
from gonghui_desk.ui.dialogs.pdf_preview import PdfPreviewDialog, print_form_pages
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.pages.base import Page
from gonghui_desk.ui.pages.report_params import FormParamsPanel
from gonghui_desk.ui.tasks import run_with_progress
from gonghui_desk.ui.write_access import enable_writes

PDF, XLSX = ".pdf", ".xlsx"


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def safe_file_name(text: str) -> str:
    """A name Windows accepts: no \\ / : * ? " < > | (a member's name could hold one)."""
    return "".join("_" if ch in '\\/:*?"<>|' else ch for ch in text).strip(" .")


class ReportsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Reports"), parent)
        self.preview_dialog: PdfPreviewDialog | None = None
        self.last_export: Path | None = None
        self._folder: Path | None = None  # where the last file went; offered next time

        self.form_list = QListWidget()
        self.form_list.setObjectName("form_list")
        self.form_list.setFixedWidth(290)
        self.form_list.setWordWrap(True)
        self.form_list.setStyleSheet("QListWidget#form_list::item { padding: 6px 4px; }")
        for spec in FORMS:
            # The official title is what officers know a form by; the internal id is for
            # the command line, so it appears only in the tooltip.
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.id)
            command_name = self.tr("Command-line name: %1").replace("%1", spec.id)
            item.setToolTip(f"{spec.description}\n{command_name}")
            self.form_list.addItem(item)

        self.form_title = QLabel()
        font = self.form_title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.form_title.setFont(font)
        self.form_title.setTextFormat(Qt.TextFormat.PlainText)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.params = FormParamsPanel(context.db.sessions)
        self.params.changed.connect(self._clear_status)
        self.full_ids = QCheckBox(
            self.tr("Full ID numbers (for the higher-level union; recorded in the change history)")
        )
        enable_writes(context, self.full_ids)  # an entry in the change history is written
        options = QGroupBox(self.tr("Options"))
        options_layout = QVBoxLayout(options)
        options_layout.addWidget(self.params)
        options_layout.addWidget(self.full_ids)

        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export(PDF))
        self.xlsx_button = QPushButton(self.tr("Export Excel…"))
        self.xlsx_button.clicked.connect(lambda: self.export(XLSX))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_form)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.xlsx_button, self.preview_button,
                       self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_file_button = QPushButton(self.tr("Open file"))
        self.open_file_button.clicked.connect(lambda: self._open(self.last_export))
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(
            lambda: self._open(self.last_export.parent if self.last_export else None)
        )
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.open_file_button)
        status_row.addWidget(self.open_folder_button)

        detail = QVBoxLayout()
        detail.addWidget(self.form_title)
        detail.addWidget(self.description)
        detail.addWidget(options)
        detail.addLayout(buttons)
        detail.addLayout(status_row)
        detail.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.form_list)
        body.addSpacing(12)
        body.addLayout(detail, 1)
        self.layout_.addLayout(body, 1)

        self.form_list.currentRowChanged.connect(self._show_form)
        self.form_list.setCurrentRow(0)
        self._clear_status()

    # -- the chosen form ----------------------------------------------------------------

    def spec(self) -> FormSpec:
        return FORMS[max(self.form_list.currentRow(), 0)]

    def select_form(self, form_id: str) -> FormSpec:
        row = next(i for i, spec in enumerate(FORMS) if spec.id == form_id)
        self.form_list.setCurrentRow(row)
        return FORMS[row]

    def _show_form(self, row: int) -> None:
        if row < 0:
            return
        spec = FORMS[row]
        self.form_title.setText(spec.title)
        self.description.setText(spec.description)
        self.params.show_for(spec)
        self.pdf_button.setEnabled("pdf" in spec.formats)
        self.preview_button.setEnabled("pdf" in spec.formats)
        self.print_button.setEnabled("pdf" in spec.formats)
        self.xlsx_button.setEnabled("xlsx" in spec.formats)
        # A form without ID or phone numbers has nothing to show whole.
        self.full_ids.setVisible(spec.private_values)
        self._clear_status()

    def refresh(self) -> None:
        self.params.set_today(self.context.clock.today())
        self.params.picker.reload()

    def form_params(self) -> FormParams | None:
        """The choices for the selected form, or ``None`` (told why) when one is missing."""
        spec = self.spec()
        missing = self.params.missing_choice(spec)
        if missing:
            show_user_error(self, UserError(missing))
            return None
        full_ids = spec.private_values and self.full_ids.isChecked()
        return self.params.form_params(spec, full_ids)

    def print_current(self) -> bool:
        return self.print_form()

    def export_current(self) -> bool:
        return self.export(PDF) is not None

    # -- export -------------------------------------------------------------------------

    def suggested_path(self, suffix: str) -> Path:
        spec = self.spec()
        name = "-".join(p for p in (spec.title, self.params.name_part(spec)) if p)
        return (self._folder or documents_folder()) / f"{safe_file_name(name)}{suffix}"

    def choose_path(self, suffix: str, parent: QWidget | None = None) -> Path | None:
        filters = {PDF: self.tr("PDF file (*.pdf)"), XLSX: self.tr("Excel workbook (*.xlsx)")}
        other = XLSX if suffix == PDF else PDF
        chosen, _ = QFileDialog.getSaveFileName(
            parent or self, self.tr("Export %1").replace("%1", self.spec().title),
            str(self.suggested_path(suffix)), f"{filters[suffix]};;{filters[other]}",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() not in (PDF, XLSX):
            path = path.with_name(path.name + suffix)
        return path

    def export(self, suffix: str) -> Path | None:
        """导出 PDF… / 导出 Excel…: ask where, write the file, say where it went."""
        params = self.form_params()
        if params is None:
            return None
        return self.export_to_chosen(self.spec(), params, suffix)

    def figures_agree(self, spec: FormSpec, params: FormParams,
                      parent: QWidget | None = None) -> bool:
        """The pre-flight of a statistics form: False when the chair, shown what its figures
        contradict, goes back to correct them."""
        try:
            problems = preflight(self.context.db.sessions, spec, params)
        except UserError as error:
            show_user_error(parent or self, error)
            return False
        return confirm_despite(parent or self, spec.title, problems)

    def export_to_chosen(
        self, spec: FormSpec, params: FormParams, suffix: str, parent: QWidget | None = None
    ) -> Path | None:
        if parent is None and not self.figures_agree(spec, params):
            return None  # (from the preview the figures were checked before it opened)
        path = self.choose_path(suffix, parent)
        if path is None or not self._write(spec, params, path):
            return None
        self._folder = path.parent
        self.last_export = path
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.open_file_button.show()
        self.open_folder_button.show()
        return path

    def _write(self, spec: FormSpec, params: FormParams, path: Path, *,
               preview: bool = False) -> bool:
        """Run the export in the background; False (the user told why) if it did not finish."""
        sessions = self.context.db.sessions
        try:
            return run_with_progress(
                self, self.tr("Exporting %1").replace("%1", spec.title),
                lambda: export_form(sessions, spec.id, params, path, preview=preview),
            )
        except UserError as error:
            show_user_error(self, error)
        return False

    def _clear_status(self) -> None:
        self.status.clear()
        self.open_file_button.hide()
        self.open_folder_button.hide()

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- preview and print --------------------------------------------------------------

    def preview(self) -> PdfPreviewDialog | None:
        """预览: the form's pages in the app's preview window (print or save from there);
        the first shows at once, the rest are laid out while it is read."""
        params = self.form_params()
        if params is None:
            return None
        spec = self.spec()
        if not self.figures_agree(spec, params):
            return None
        try:
            pages = preview_form(self.context.db.sessions, spec.id, params)
            dialog = PdfPreviewDialog(
                pages, spec.title,
                lambda: self.export_to_chosen(spec, params, PDF, self.preview_dialog), self,
            )
        except UserError as error:
            show_user_error(self, error)
            return None
        self.preview_dialog = dialog
        dialog.finished.connect(lambda: self._preview_closed(dialog))
        dialog.open()
        return dialog

    def _preview_closed(self, dialog: PdfPreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None
        dialog.deleteLater()

    def print_form(self) -> bool:
        """打印…: print the form straight away (the pages the preview shows), laid out
        first with a progress dialog; no file is written."""
        params = self.form_params()
        if params is None:
            return False
        spec = self.spec()
        if not self.figures_agree(spec, params):
            return False
        try:
            # No name kept here: the pages are freed as soon as they are printed.
            return print_form_pages(
                self, preview_form(self.context.db.sessions, spec.id, params), spec.title
            )
        except UserError as error:
            show_user_error(self, error)
            return False
