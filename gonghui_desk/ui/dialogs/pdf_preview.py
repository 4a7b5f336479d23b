"""打印预览: a form's PDF pages, shown inside the app as soon as the first is laid out.

The pages are the very pages of the printed file (``exchange.render.pdf_paged`` lays the
form out through the file's own drawing code), but no file is written and no page is drawn
until it is looked at: a 4,600-page roster opens on its first page within a second, lays
out the rest in short steps between the user's clicks, and keeps only the images on the
screen. Printing first finishes laying out (with a progress dialog), then draws each page
for the printer. On closing, every page and image is let go and the memory handed back.
另存为 exports the form again to the chosen file, so an export with full numbers is
recorded where it went.
"""

from __future__ import annotations

import ctypes
import gc
import sys
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSize,
    QSizeF,
    QTimer,
)
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.domain.numbers import format_count
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.render.pdf_paged import PagedPdf
from gonghui_desk.services import Progress
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.printing import print_pdf
from gonghui_desk.ui.screen_fit import fit_to_screen
from gonghui_desk.ui.tasks import run_with_progress
from gonghui_desk.ui.widgets.page_view import FACTOR, FIT_PAGE, FIT_WIDTH, PageView

ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0)
STEP_SECONDS = 0.03  # layout work per turn of the event loop: clicks still answer at once


def release_memory() -> None:
    """Hand freed memory back to the system: collect, then have glibc return its free heap
    (it otherwise keeps it for the process, and a closed preview would still weigh on a
    4 GB PC). Elsewhere, or without glibc, the collection alone."""
    gc.collect()
    if sys.platform.startswith("linux"):
        trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # glibc's; musl has none
        if trim is not None:
            trim(0)


class FormPages:
    """A form's laid-out pages as images, the way printing asks a PDF document for them."""

    def __init__(self, pages: PagedPdf) -> None:
        self.pages = pages

    def pageCount(self) -> int:
        return self.pages.laid_out

    def pagePointSize(self, page: int) -> QSizeF:
        width, height = self.pages.size
        return QSizeF(width, height)

    def render(self, page: int, size: QSize) -> QImage:
        """Page ``page`` (from 0) drawn at ``size`` pixels, from a PDF of that page alone."""
        data = QByteArray(self.pages.pdf(page))
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        try:
            return document.render(0, size)
        finally:
            document.close()
            buffer.close()


def print_form_pages(parent: QWidget | None, pages: PagedPdf, title: str) -> bool:
    """Lay ``pages`` out to the last (with a progress dialog) and print them; True when
    sent. The pages are let go of afterwards, and the memory handed back."""
    try:
        heading = QCoreApplication.translate("PdfPreviewDialog", "Laying out %1")
        if not run_with_progress(parent, heading.replace("%1", title), pages.lay_out):
            return False
        return print_pdf(parent, FormPages(pages), title)
    finally:
        del pages
        release_memory()


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        pages: PagedPdf,
        title: str,
        save_as: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pages: PagedPdf | None = pages
        self.form_title = title
        self.save_as = save_as
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.source: FormPages | None = FormPages(pages)
        self._steps: Iterator[Progress] | None = pages.lay_out()
        self.layout_timer = QTimer(self)
        self.layout_timer.setInterval(0)
        self.layout_timer.timeout.connect(self._lay_out_more)
        width, height = pages.size
        self.view = PageView(self.source.render, QSizeF(width, height), self)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as…"))
        self.save_button.clicked.connect(self.save_as)
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Fit to width"), FIT_WIDTH)
        self.zoom.addItem(self.tr("Whole page"), FIT_PAGE)
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.page_label = QLabel()
        close_button = QPushButton(self.tr("Close"))
        close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom)
        bar.addSpacing(16)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.view.currentPageChanged.connect(self._show_page_number)
        self.finished.connect(self._discard)
        fit_to_screen(self, self._initial_size(parent))
        self._lay_out_first_page()

    def page_count(self) -> int:
        """The pages laid out so far (all of them once ``laid_out()``)."""
        return self.view.page_count()

    def laid_out(self) -> bool:
        return self.pages is not None and self.pages.done

    def _initial_size(self, parent: QWidget | None) -> QSize:
        if parent is not None and parent.window().isVisible():
            size = parent.window().size()
            return QSize(max(800, size.width() - 80), max(600, size.height() - 60))
        return QSize(1000, 720)

    # -- laying out, a little at a time -------------------------------------------------

    def _lay_out_first_page(self) -> None:
        """Lay out until the first page is whole (one batch of rows), then go on in steps."""
        assert self.pages is not None and self._steps is not None
        for _ in self._steps:
            if self.pages.laid_out:
                break
        self._pages_grew()
        if not self.pages.done:
            self.layout_timer.start()

    def _lay_out_more(self) -> None:
        assert self.pages is not None and self._steps is not None
        deadline = time.monotonic() + STEP_SECONDS
        try:
            while time.monotonic() < deadline and not self.pages.done:
                next(self._steps)
        except BaseException:
            self.layout_timer.stop()  # raised once, to the crash dialog, not at every turn
            raise
        self._pages_grew()

    def _pages_grew(self) -> None:
        assert self.pages is not None
        self.view.set_page_count(self.pages.laid_out)
        if self.pages.done:
            self.layout_timer.stop()
            self.view.redraw()  # the footers now say 共 N 页
        self._show_page_number(self.view.current_page())

    def _rest_of_layout(self) -> Iterator[Progress]:
        # A loop, not ``yield from``: a cancel closes this generator but not the layout,
        # which then goes on in the background as before.
        assert self._steps is not None
        for step in self._steps:  # noqa: UP028  (see above)
            yield step

    def finish_layout(self) -> bool:
        """Lay out every page now, with a progress dialog; False when cancelled."""
        if self.pages is None or self.pages.done:
            return self.pages is not None
        self.layout_timer.stop()
        heading = self.tr("Laying out %1").replace("%1", self.form_title)
        try:
            finished = run_with_progress(self, heading, self._rest_of_layout)
        finally:
            self._pages_grew()
            if not self.pages.done:
                self.layout_timer.start()
        return finished

    # -- the bar --------------------------------------------------------------------------

    def _show_page_number(self, page: int) -> None:
        if self.laid_out():
            text = self.tr("Page %1 of %2")
        else:
            text = self.tr("Page %1 (%2 pages laid out so far, more to come…)")
        self.page_label.setText(text.replace("%1", format_count(page + 1))
                                .replace("%2", format_count(self.page_count())))

    def _zoom_changed(self) -> None:
        choice = self.zoom.currentData()
        if choice in (FIT_WIDTH, FIT_PAGE):
            self.view.set_zoom(choice)
        else:
            self.view.set_zoom(FACTOR, float(choice))

    def print_document(self) -> bool:
        try:
            if not self.finish_layout() or self.source is None:
                return False
            return print_pdf(self, self.source, self.form_title)
        except UserError as error:
            show_user_error(self, error)
            return False

    def _discard(self) -> None:
        """Let go of the pages and their images, and give the memory back."""
        self.layout_timer.stop()
        if self._steps is not None:
            close = getattr(self._steps, "close", None)
            if close is not None:
                close()
        self._steps = None
        self.view.release()
        self.source = None
        self.pages = None
        release_memory()
