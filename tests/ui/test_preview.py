"""The preview of a long roster: its first page shows before the rest is laid out, only
the pages looked at are drawn, and closing it lets go of every page."""

import gc
import subprocess
import weakref

import pytest
import shiboken6

from gonghui_desk.exchange.render.pdf_paged import PagedPdf
from gonghui_desk.ui import tasks
from gonghui_desk.ui.widgets.page_view import KEPT
from tests.factories import demo_book

# The preview's paging, zoom and memory are the same on every day.
pytestmark = pytest.mark.any_day


@pytest.fixture(autouse=True)
def inline(monkeypatch):
    monkeypatch.setattr(tasks, "RUN_INLINE", True)


@pytest.fixture
def long_roster(db):
    demo_book(db, 3_000, seed=3)  # some 2,700 members on the day: 130-odd pages
    return db


@pytest.fixture
def drawn(monkeypatch):
    """Each page the preview asked the engine to draw, and whether the layout was done."""
    asked = []
    real = PagedPdf.pdf

    def pdf(self, first, last=None):
        asked.append((first, self.done))
        return real(self, first, last)

    monkeypatch.setattr(PagedPdf, "pdf", pdf)
    return asked


def exported_pages(page, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "采集表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    info = subprocess.run(["pdfinfo", str(page.export(".pdf"))], check=True,
                          capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def test_a_long_roster_opens_on_its_first_page_while_the_rest_is_laid_out(
    window, long_roster, drawn, qtbot, tmp_path, monkeypatch
):
    page = window.show_page("reports")
    page.select_form("member-roster")
    dialog = page.preview()
    dialog.layout_timer.stop()  # hold the layout where it stood when the dialog opened
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: 0 in dialog.view.drawn_pages())
    assert not dialog.laid_out()
    ready = dialog.page_count()
    assert 1 <= ready < 40  # the first rows only, not the roster
    assert dialog.page_label.text() == f"第 1 页（已排好 {ready} 页，其余正在排版…）"
    assert drawn[0] == (0, False)  # page 1 drawn before the last page was laid out

    dialog.layout_timer.start()
    qtbot.waitUntil(dialog.laid_out, timeout=60_000)
    qtbot.waitUntil(lambda: (0, True) in drawn)  # drawn again: its footer counts the pages
    pages = exported_pages(page, tmp_path, monkeypatch)
    assert dialog.page_count() == pages > 100
    assert dialog.page_label.text() == f"第 1 页 共 {pages} 页"
    assert max(first for first, _ in drawn) < KEPT  # only the pages on the screen

    dialog.view.scroll_to(pages - 1)
    qtbot.waitUntil(lambda: pages - 1 in dialog.view.drawn_pages())
    assert dialog.page_label.text() == f"第 {pages} 页 共 {pages} 页"
    assert len(dialog.view.drawn_pages()) <= KEPT
    dialog.close()


def test_closing_the_preview_lets_go_of_its_pages(window, long_roster, qtbot):
    page = window.show_page("reports")
    dialog = page.preview()
    qtbot.waitUntil(lambda: 0 in dialog.view.drawn_pages())
    pages = weakref.ref(dialog.pages)
    dialog.close()
    assert page.preview_dialog is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # the dialog itself is deleted
    gc.collect()
    assert pages() is None


def test_another_zoom_stays_on_the_page_being_read(window, long_roster, qtbot):
    page = window.show_page("reports")
    dialog = page.preview()
    qtbot.waitUntil(dialog.laid_out, timeout=60_000)
    dialog.view.scroll_to(5)
    assert dialog.page_label.text().startswith("第 6 页 共 ")
    for choice in range(dialog.zoom.count()):  # whole page, then 50% … 200%
        dialog.zoom.setCurrentIndex(choice)
        assert dialog.view.current_page() == 5
        assert dialog.page_label.text().startswith("第 6 页 共 ")
        qtbot.waitUntil(lambda: 5 in dialog.view.drawn_pages())
    dialog.close()
