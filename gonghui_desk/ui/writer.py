"""The GUI's one writer thread: every operation of the runner runs there, one at a time.

The GUI thread waits for each operation in a local event loop, so the window keeps painting.
For the first moments it ignores the user's clicks and keys (a quick save returns before
anyone could click twice); if the work takes longer, a window-modal progress dialog appears
with a cancel button, and cancelling makes the operation's next progress report raise
``Cancelled``, which rolls its transaction back. An exception raised by the operation is
raised again on the GUI thread, where the usual handlers show it. ``RUN_INLINE`` (tests)
runs the operation in the calling thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from gonghui_desk.services import Progress
from gonghui_desk.services.operations import Cancelled, Work
from gonghui_desk.ui.tasks import ProgressView, progress_dialog

RUN_INLINE = False
DIALOG_AFTER_MS = 300
RECHECK_MS = 100


class _Job(QObject):
    """One operation on its way through the writer thread."""

    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self.cancelled = threading.Event()
        self.value: Any = None
        self.error: BaseException | None = None
        self.released = threading.Event()  # the writer thread holds it no more

    def report(self, step: Progress) -> None:
        if self.cancelled.is_set():
            raise Cancelled
        self.progressed.emit(step.done, step.total, step.message)

    def run(self) -> None:
        try:
            self.value = self.work(self.report)
        except BaseException as exc:  # handed to the GUI thread and raised there
            self.error = exc
        finally:
            self.finished.emit()


class Writer:
    """Owns the writer thread; ``execute`` is the runner's executor in the GUI."""

    def __init__(self, parent: Callable[[], QWidget | None] = lambda: None) -> None:
        self.parent = parent
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def _ensure_thread(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._serve, name="gonghui-writer",
                                            daemon=True)
            self._thread.start()

    def _serve(self) -> None:
        while (job := self._jobs.get()) is not None:
            job.run()
            released = job.released
            # The last reference must go on the GUI thread that made the job: a QObject
            # deleted here while the GUI thread still handles its signals crashes the program.
            del job
            released.set()

    def stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()

    def execute(self, title: str, work: Work) -> Any:
        if RUN_INLINE:
            return work(lambda _step: None)
        job = _Job(work)
        loop = QEventLoop()
        job.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        done = threading.Event()
        job.finished.connect(done.set, Qt.ConnectionType.DirectConnection)
        self._ensure_thread()
        self._jobs.put(job)
        # First a short wait in which clicks and keys are held back …
        QTimer.singleShot(DIALOG_AFTER_MS, loop.quit)
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if not done.is_set():  # … then a progress dialog the user can cancel from
            self._wait_with_dialog(title, job, loop, done)
        job.released.wait()
        if job.error is not None:
            raise job.error
        return job.value

    def _wait_with_dialog(self, title: str, job: _Job, loop: QEventLoop,
                          done: threading.Event) -> None:
        dialog = progress_dialog(self.parent(), title, shown_after_ms=0)

        view = ProgressView(dialog)
        job.progressed.connect(view.show_progress)
        dialog.canceled.connect(job.cancelled.set)
        dialog.show()
        while not done.is_set():
            # The job's own quit wakes the loop; the timer also does, every tenth of a
            # second, so a wake-up that goes missing can never leave the window waiting.
            QTimer.singleShot(RECHECK_MS, loop.quit)
            loop.exec()
        dialog.close()
        dialog.deleteLater()
