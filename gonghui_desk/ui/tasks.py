"""Long work off the GUI thread: a generator of ``Progress`` runs on a worker thread while
a progress dialog shows how far it is and offers to cancel.

Cancelling stops pulling from the generator and closes it, so its ``finally`` blocks run
on the worker (an export removes its half-written file there). An exception inside the
work is raised again on the GUI thread, where the usual handlers show it. Tests may set
``RUN_INLINE`` so the same generator runs in the calling thread, with no dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from gonghui_desk.services import Progress

RUN_INLINE = False


class _WorkThread(QThread):
    """Runs the generator; its signals are delivered queued to the GUI thread."""

    progressed = Signal(int, int, str)

    def __init__(self, work: Callable[[], Iterator[Progress]]) -> None:
        super().__init__()
        self.work = work
        self.cancelled = threading.Event()
        self.completed = False
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            steps = self.work()
            try:
                for step in steps:
                    self.progressed.emit(step.done, step.total, step.message)
                    if self.cancelled.is_set():
                        break
                else:
                    self.completed = True
            finally:
                close = getattr(steps, "close", None)
                if close is not None:
                    close()
        except BaseException as exc:  # handed to the GUI thread and raised there
            self.error = exc


class ProgressView(QObject):
    """Lives in the GUI thread and turns the worker's signals into dialog updates."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__()
        self.dialog = dialog

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, message: str) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if message:
            self.dialog.setLabelText(message)


def progress_dialog(parent: QWidget | None, title: str, shown_after_ms: int) -> QProgressDialog:
    """The window-modal progress dialog with a cancel button that long work shows."""
    cancel = QCoreApplication.translate("Tasks", "Cancel")
    dialog = QProgressDialog(title, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(shown_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def run_with_progress(
    parent: QWidget | None, title: str, work: Callable[[], Iterator[Progress]]
) -> bool:
    """Run ``work``; True when it ran to the end, False when the user cancelled."""
    if RUN_INLINE:
        for _ in work():
            pass
        return True
    dialog = progress_dialog(parent, title, shown_after_ms=300)
    view = ProgressView(dialog)
    thread = _WorkThread(work)
    thread.progressed.connect(view.show_progress)
    dialog.canceled.connect(thread.cancelled.set)
    loop = QEventLoop()
    thread.finished.connect(loop.quit)
    thread.start()
    if not thread.isFinished():
        loop.exec()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if thread.error is not None:
        raise thread.error
    return thread.completed
