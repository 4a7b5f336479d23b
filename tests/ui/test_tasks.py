"""The background runner: work runs off the GUI thread, cancel stops it and cleans up."""

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.ui.tasks import run_with_progress


def test_work_runs_on_another_thread_to_the_end(gui_app):
    seen = []

    def work():
        for step in range(3):
            seen.append(threading.current_thread() is threading.main_thread())
            yield Progress(step + 1, 3, "working")

    assert run_with_progress(None, "test", work) is True
    assert seen == [False, False, False]


def test_cancel_stops_the_work_and_runs_its_cleanup(gui_app):
    cleaned = threading.Event()
    release = threading.Event()

    def work():
        try:
            for step in range(1000):
                yield Progress(step, 1000, "")
                release.wait(0.01)
        finally:
            cleaned.set()

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.windowTitle() == "cancel me"]
        assert dialogs, "the progress dialog should exist while the work runs"
        dialogs[0].findChild(QPushButton).click()

    QTimer.singleShot(100, press_cancel)
    assert run_with_progress(None, "cancel me", work) is False
    assert cleaned.is_set()


def test_an_error_in_the_work_is_raised_on_the_gui_thread(gui_app):
    def work():
        yield Progress(0, 1, "")
        raise UserError("磁盘已满")

    with pytest.raises(UserError, match="磁盘已满"):
        run_with_progress(None, "test", work)
