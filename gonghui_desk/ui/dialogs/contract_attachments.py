"""附件: the signed text, the minutes, the congress resolution, kept inside the database.

A file is added with its kind and a note (at most 20 MB); 打开 writes it to a temporary
folder and hands it to the program the computer opens such files with; 另存为… writes it
where the user chooses. Each acts at once; attachments need a saved contract.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.contract import ATTACHMENT_KIND
from gonghui_desk.errors import UserError
from gonghui_desk.services.contract_files import (
    ATTACH,
    REMOVE_ATTACHMENT,
    AttachmentRow,
    attach,
    attachments,
    remove,
    write_out,
)
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.models.contract_table import AttachmentModel
from gonghui_desk.ui.temporary import temporary_folder
from gonghui_desk.ui.widgets.fields import CodeCombo
from gonghui_desk.ui.widgets.tables import configure_table


class AttachmentsTab(QWidget):
    """Emits ``changed`` after a file was added or removed."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sessions = context.db.sessions
        self.contract_id: int | None = None
        self.read_only = False
        intro = QLabel(self.tr(
            "Scans and documents kept with the contract inside the database, so they are in "
            "every backup: the signed text, the minutes, the congress resolution, the chiefs' "
            "credentials, the bureau's review. At most 20 MB a file."))
        intro.setWordWrap(True)
        self.kind = CodeCombo(ATTACHMENT_KIND, blank=False)
        self.kind.setObjectName("attachment_kind")
        self.note = QLineEdit()
        self.note.setObjectName("attachment_note")
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add a file…"))
        self.add_button.clicked.connect(lambda: self.add_file())
        adding = QHBoxLayout()
        adding.addWidget(QLabel(self.tr("Kind")))
        adding.addWidget(self.kind)
        adding.addWidget(self.note, 1)
        adding.addWidget(self.add_button)
        self.model = AttachmentModel()
        self.table = QTableView()
        self.table.setObjectName("attachments")
        self.table.setModel(self.model)
        configure_table(self.table, [c.width for c in self.model.columns])
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_selected)
        self.save_as_button = QPushButton(self.tr("Save as…"))
        self.save_as_button.clicked.connect(self.save_selected_as)
        self.remove_button = QPushButton(self.tr("Delete"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.save_as_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(adding)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.state)
        self._update_buttons()

    def load(self, contract_id: int | None, read_only: bool) -> None:
        self.contract_id, self.read_only = contract_id, read_only
        self.model.set_rows(attachments(self.sessions, contract_id) if contract_id else [])
        for widget in (self.kind, self.note):
            widget.setEnabled(not read_only and contract_id is not None)
        self._update_buttons()

    def selected(self) -> AttachmentRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        writable = not self.read_only and self.contract_id is not None
        self.add_button.setEnabled(writable)
        self.open_button.setEnabled(chosen)
        self.save_as_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and writable)

    # -- actions ------------------------------------------------------------------------

    def add_file(self, path: Path | None = None) -> bool:
        """Store ``path`` (or a file the user picks) with the contract."""
        contract_id = self.contract_id
        if contract_id is None:
            return False
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self, self.tr("Add a file to the contract"), str(Path.home()),
                self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc "
                        "*.docx *.xls *.xlsx *.ofd);;All files (*)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            chosen_path, kind, note = path, self.kind.value(), self.note.text()
            self.context.runner.run(Op(ATTACH, lambda tx: attach(
                tx, contract_id, chosen_path, kind, note)))
        except UserError as error:
            show_user_error(self, error)
            return False
        self.note.clear()
        self.load(self.contract_id, self.read_only)
        self.table.selectRow(self.model.rowCount() - 1)
        self.state.setText(self.tr("Added %1.").replace("%1", path.name))
        self.changed.emit()
        return True

    def open_selected(self) -> Path | None:
        """Write the file to a temporary folder and open it with its usual program."""
        row = self.selected()
        if row is None:
            return None
        # Like a preview, the folder is removed at the next start (it holds personal data).
        folder = temporary_folder()
        try:
            target = write_out(self.sessions, row.id, folder)
        except UserError as error:
            show_user_error(self, error)
            return None
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
            self.state.setText(self.tr("No program opens this kind of file; it was written "
                                       "to %1.").replace("%1", str(target)))
        else:
            self.state.setText(self.tr("Opened %1.").replace("%1", row.filename))
        return target

    def save_selected_as(self) -> Path | None:
        row = self.selected()
        if row is None:
            return None
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the attachment as"), str(Path.home() / row.filename))
        if not chosen:
            return None
        folder = temporary_folder()
        try:
            shutil.copyfile(write_out(self.sessions, row.id, folder), chosen)
        except UserError as error:
            show_user_error(self, error)
            return None
        except OSError as error:
            show_user_error(self, UserError(self.tr("Cannot write %1: %2")
                                            .replace("%1", chosen)
                                            .replace("%2", error.strerror or str(error))))
            return None
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        self.state.setText(self.tr("Saved as %1.").replace("%1", chosen))
        return Path(chosen)

    def remove_selected(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Delete"),
            self.tr("Delete the attachment %1 from the contract?").replace("%1", row.filename))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            attachment_id = row.id
            self.context.runner.run(Op(REMOVE_ATTACHMENT, lambda tx: remove(tx, attachment_id)))
        except UserError as error:
            show_user_error(self, error)
            return False
        self.load(self.contract_id, self.read_only)
        self.state.setText(self.tr("Deleted %1.").replace("%1", row.filename))
        self.changed.emit()
        return True
