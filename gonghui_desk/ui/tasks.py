"""Long work off the GUI thread: a generator of ``Progress`` runs on a worker thread while
a progress dialog shows how far it is and offers to cancel.

Cancelling stops pulling from the generator and closes it, so its ``finally`` blocks run
on the worker (an export removes its half-written file there). An exception inside the
work is raised again on the GUI thread, where the usual handlers show it. Tests set
``RUN_INLINE`` so the same generator runs in the calling thread, with no dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gonghui_desk.services import Progress

RUN_INLINE = False


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)  # None when done or cancelled, else the exception

    def __init__(self, work: Callable[[], Iterator[Progress]]) -> None:
        super().__init__()
        self.work = work
        self.cancelled = threading.Event()
        self.completed = False

    def run(self) -> None:
        error: BaseException | None = None
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
                steps.close()  # type: ignore[attr-defined]
        except BaseException as exc:  # handed to the GUI thread, raised there
            error = exc
        self.finished.emit(error)


def run_with_progress(
    parent: QWidget | None, title: str, work: Callable[[], Iterator[Progress]]
) -> bool:
    """Run ``work``; True when it ran to the end, False when the user cancelled."""
    if RUN_INLINE:
        for _ in work():
            pass
        return True
    cancel = QCoreApplication.translate("Tasks", "Cancel")
    dialog = QProgressDialog(title, cancel, 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()
    outcome: list[BaseException | None] = []

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if message:
            dialog.setLabelText(message)

    def finished(error: BaseException | None) -> None:
        outcome.append(error)
        thread.quit()
        loop.quit()

    worker.progressed.connect(progressed)
    worker.finished.connect(finished)
    dialog.canceled.connect(worker.cancelled.set)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.wait()
    dialog.close()
    error = outcome[0] if outcome else None
    if error is not None:
        raise error
    return worker.completed
