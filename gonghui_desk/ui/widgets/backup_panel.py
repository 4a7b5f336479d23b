"""备份与恢复 under 设置: the backups on file, back up now, restore, and the policy.

Each backup is listed by what it came before (导入前（会员.xlsx，第 3 批）…); a book opened
read-only on a full disk can still be backed up to another folder from here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.errors import UserError
from gonghui_desk.services import backup as bk
from gonghui_desk.services.operations import Op
from gonghui_desk.ui.context import AppContext
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.write_access import enable_writes, imposed_reason


class BackupPanel(QWidget):
    restored = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.backups: list[bk.BackupInfo] = []
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Change folder…"))
        self.folder_button.clicked.connect(self.choose_folder)
        self.keep_daily = QSpinBox()
        self.keep_daily.setRange(1, 365)
        self.keep_monthly = QSpinBox()
        self.keep_monthly.setRange(0, 120)
        self.keep_safety_days = QSpinBox()
        self.keep_safety_days.setRange(1, 3650)
        self.save_policy_button = QPushButton(self.tr("Save"))
        self.save_policy_button.clicked.connect(self.save_policy)
        policy = QFormLayout()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        policy.addRow(self.tr("Backup folder"), folder_row)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("Keep the newest backup of the last")))
        keep_row.addWidget(self.keep_daily)
        keep_row.addWidget(QLabel(self.tr("days and")))
        keep_row.addWidget(self.keep_monthly)
        keep_row.addWidget(QLabel(self.tr("months")))
        keep_row.addStretch(1)
        policy.addRow(self.tr("Rotation"), keep_row)
        safety_row = QHBoxLayout()
        safety_row.addWidget(QLabel(self.tr(
            "Keep the backups taken before an import, an undo, a restore or an upgrade for at least"
        )))
        safety_row.addWidget(self.keep_safety_days)
        safety_row.addWidget(QLabel(self.tr("days")))
        safety_row.addStretch(1)
        safety_row.addWidget(self.save_policy_button)
        policy.addRow(self.tr("Safety copies"), safety_row)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Kind"), self.tr("Size"), self.tr("Contents")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 150)
        header.resizeSection(2, 80)
        # A label can be long (导入前（会员名单 2026 年 11 月.xlsx，第 12 批）): it takes
        # the room there is; the contents column is as wide as its text (few rows).
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore the selected backup…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_file_button.clicked.connect(self.choose_restore_file)
        self.backup_elsewhere_button = QPushButton(self.tr("Back up to another folder…"))
        self.backup_elsewhere_button.clicked.connect(self.choose_backup_elsewhere)
        self.status = QLabel(imposed_reason(context))
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.backup_elsewhere_button, self.restore_button,
                       self.restore_file_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(policy)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        enable_writes(context, self.restore_button, self.restore_file_button,
                      self.save_policy_button, self.folder_button)

    # -- reading ------------------------------------------------------------------------

    def reload(self) -> None:
        policy = bk.load_policy(self.context.db)
        self.folder_label.setText(str(policy.folder))
        self.keep_daily.setValue(policy.keep_daily)
        self.keep_monthly.setValue(policy.keep_monthly)
        self.keep_safety_days.setValue(policy.keep_safety_days)
        stem = self.context.db.path.stem if self.context.db.path else None
        self.backups = bk.list_backups(policy.folder, stem)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (
                info.taken.strftime("%Y-%m-%d %H:%M:%S"), info.label,
                f"{info.size / 1024 / 1024:.1f} MB", bk.counts_text(info.counts),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(self._about(info, policy))
                self.table.setItem(row, column, item)

    def _about(self, info: bk.BackupInfo, policy: bk.BackupPolicy) -> str:
        """The tooltip: the full label, who took it, how long a safety copy is kept."""
        lines = [info.label]
        if info.officer:
            lines.append(self.tr("Taken by %1").replace("%1", info.officer))
        until = bk.safe_until(info, policy)
        if until is not None:
            lines.append(self.tr("Kept at least until %1").replace("%1", f"{until:%Y-%m-%d}"))
        lines.append(str(info.path))
        return "\n".join(lines)

    # -- actions ------------------------------------------------------------------------

    def back_up_now(self) -> None:
        try:
            info = bk.back_up_and_rotate(self.context.db, "manual")
        except UserError as error:
            show_user_error(self, error)
            return
        self.status.setText(self.tr("Backed up and verified: %1").replace("%1", str(info.path)))
        self.reload()

    def choose_backup_elsewhere(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Back up to another folder"))
        if folder:
            self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> bool:
        """A manual backup into ``folder`` (a USB stick, another disk), the policy unchanged:
        this works on a book opened read-only, which cannot save a new backup folder."""
        try:
            info = bk.back_up_and_rotate(self.context.db, "manual", folder)
        except UserError as error:
            show_user_error(self, error)
            return False
        self.status.setText(self.tr("Backed up and verified: %1").replace("%1", str(info.path)))
        return True

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.folder_label.text())
        if folder:
            self.folder_label.setText(folder)
            self.save_policy()

    def save_policy(self) -> None:
        policy = bk.BackupPolicy(
            Path(self.folder_label.text()), self.keep_daily.value(), self.keep_monthly.value(),
            self.keep_safety_days.value(),
        )
        try:
            self.context.runner.run(Op(bk.SAVE_POLICY, lambda tx: bk.save_policy(tx, policy)))
        except UserError as error:
            show_user_error(self, error)
            return
        self.status.setText(self.tr("Backup settings saved."))
        self.reload()

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.status.setText(self.tr("Choose a backup in the list first."))
            return
        self.restore_from(self.backups[row].path)

    def choose_restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), self.folder_label.text(),
            self.tr("Gonghui Desk databases (*.sqlite3 *.db);;All files (*)"),
        )
        if name:
            self.restore_from(Path(name))

    def restore_from(self, file: Path) -> bool:
        try:
            incoming = bk.check_restorable(file)
        except UserError as error:
            show_user_error(self, error)
            return False
        question = self.tr(
            "Replace the current database by this backup?\n\n"
            "Now: %1\nBackup %2: %3\n\n"
            "The current database is backed up first, so this can be undone."
        )
        question = (
            question.replace("%1", bk.counts_text(bk.current_counts(self.context.db)))
            .replace("%2", file.name)
            .replace("%3", bk.counts_text(incoming.counts))
        )
        answer = QMessageBox.question(self, self.tr("Restore"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            bk.restore(self.context.db, file)
        except UserError as error:
            show_user_error(self, error)
            return False
        self.restored.emit()
        return True
