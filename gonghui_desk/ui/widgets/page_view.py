"""A scrolling column of pages, each drawn only when it comes into view.

The view knows how many pages there are (the count may grow while a form is still being
laid out) and how big a page is; ``draw(index, size)`` makes a page's image when it is
first shown. Only the last few images are kept, so a 4,600-page form costs no more memory
than a short one, and closing the view frees them all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

FIT_WIDTH, FIT_PAGE, FACTOR = "width", "page", "factor"
SPACING = 12  # pixels around and between pages
KEPT = 6  # page images kept: what a screen shows and the pages just before and after it

DrawPage = Callable[[int, QSize], QImage]


class PageView(QAbstractScrollArea):
    currentPageChanged = Signal(int)

    def __init__(self, draw: DrawPage, page_points: QSizeF,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draw: DrawPage | None = draw
        self._points = page_points
        self._count = 0
        self._mode = FIT_WIDTH
        self._factor = 1.0
        self._images: OrderedDict[int, QImage] = OrderedDict()
        self._current = 0
        self.viewport().setAutoFillBackground(False)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(self.viewport().update)

    # -- what is shown --------------------------------------------------------------------

    def page_count(self) -> int:
        return self._count

    def set_page_count(self, count: int) -> None:
        self._count = count
        self._update_range()
        self.viewport().update()

    def redraw(self) -> None:
        """Forget the images (their pages changed, say their footers) and draw them again."""
        self._images.clear()
        self.viewport().update()

    def release(self) -> None:
        """Drop every image and stop drawing (the view is closing)."""
        self._images.clear()
        self._draw = None

    def drawn_pages(self) -> list[int]:
        """The pages whose images are held now."""
        return list(self._images)

    def set_zoom(self, mode: str, factor: float = 1.0) -> None:
        """Draw the pages at another size, staying on the page being read."""
        page = self._current
        self._mode, self._factor = mode, factor
        self._update_range()
        self.redraw()
        self.scroll_to(page)

    def current_page(self) -> int:
        return self._current

    def scroll_to(self, page: int) -> None:
        self.verticalScrollBar().setValue(page * self._step())

    # -- geometry ---------------------------------------------------------------------------

    def page_size(self) -> QSize:
        """A page's size in pixels at the zoom chosen."""
        room = self.viewport().size() - QSize(2 * SPACING, 2 * SPACING)
        width, height = self._points.width(), self._points.height()
        if self._mode == FIT_WIDTH:
            scale = room.width() / width
        elif self._mode == FIT_PAGE:
            scale = min(room.width() / width, room.height() / height)
        else:
            scale = self._factor * self.logicalDpiX() / 72
        return QSize(max(1, round(width * scale)), max(1, round(height * scale)))

    def _step(self) -> int:
        return self.page_size().height() + SPACING

    def _update_range(self) -> None:
        size = self.page_size()
        viewport = self.viewport().size()
        total = self._count * self._step() + SPACING
        vertical = self.verticalScrollBar()
        vertical.setRange(0, max(0, total - viewport.height()))
        vertical.setPageStep(viewport.height())
        vertical.setSingleStep(max(1, self._step() // 20))
        horizontal = self.horizontalScrollBar()
        horizontal.setRange(0, max(0, size.width() + 2 * SPACING - viewport.width()))
        horizontal.setPageStep(viewport.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        page = self._current
        self._images.clear()  # drawn for the old width
        self._update_range()
        self.scroll_to(page)

    # -- drawing ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(self.viewport().rect(), self.palette().dark())
        if not self._count:
            painter.end()
            return
        size, step = self.page_size(), self._step()
        top = self.verticalScrollBar().value()
        height = self.viewport().height()
        spare = self.viewport().width() - size.width()
        left = spare // 2 if spare >= 2 * SPACING else SPACING - self.horizontalScrollBar().value()
        first = max(0, (top - SPACING) // step)
        last = min(self._count - 1, (top + height) // step)
        for index in range(first, last + 1):
            y = SPACING + index * step - top
            painter.fillRect(left, y, size.width(), size.height(), Qt.GlobalColor.white)
            image = self._image(index, size)
            if image is not None:
                painter.drawImage(left, y, image)
        painter.end()

    def _image(self, index: int, size: QSize) -> QImage | None:
        image = self._images.get(index)
        if image is not None:
            self._images.move_to_end(index)
            return image
        if self._draw is None:
            return None
        image = self._draw(index, size)
        self._images[index] = image
        while len(self._images) > KEPT:
            self._images.popitem(last=False)
        return image

    def _scrolled(self, value: int) -> None:
        # The page at the top third of the screen is the one being read.
        page = min(max(self._count - 1, 0), (value + self.viewport().height() // 3)
                   // self._step())
        self.viewport().update()
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)
