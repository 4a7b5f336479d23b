"""Turning exceptions into something a chair can act on.

A ``UserError`` is a plain message box in Chinese. Anything else is a bug: it is logged
with its traceback and shown in the crash dialog; the app keeps running.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gonghui_desk.errors import UserError

if TYPE_CHECKING:  # built only when something goes wrong, not on every start-up
    from gonghui_desk.ui.dialogs.crash import CrashDialog

log = logging.getLogger(__name__)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Please note"), error.message)


class ExceptionHandler:
    """Installed as ``sys.excepthook`` while the GUI runs."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.previous = sys.excepthook
        self.last_dialog: CrashDialog | None = None

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self.previous

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if isinstance(error, KeyboardInterrupt):
            QApplication.quit()
            return
        parent = QApplication.activeWindow()
        if isinstance(error, UserError):
            log.warning("user error: %s", error.message)
            show_user_error(parent, error)
            return
        import traceback

        from gonghui_desk.ui.dialogs.crash import CrashDialog

        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught exception\n%s", details)
        self.last_dialog = CrashDialog(details, self.log_path, parent)
        self.last_dialog.exec()
