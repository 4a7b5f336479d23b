"""Printing an exported form: each PDF page drawn as an image on the printer's pages.

The form's own PDF pages are what is printed, so paper and file always agree. Pages are
rendered at the printer's resolution (capped at ``MAX_DPI``: finer than a stamp-and-sign
form needs, and a landscape A4 page at 600 dpi would be a 140 MB image) and scaled to fit
the printable area, never enlarged. The drawing is long work and runs through
``ui/tasks`` like an export, so a 30-page roster can be cancelled.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from gonghui_desk.domain.numbers import format_count
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress
from gonghui_desk.ui.tasks import run_with_progress

MAX_DPI = 300


class Pages(Protocol):
    """What is printed: a ``QPdfDocument``, or a preview's pages drawn one at a time."""

    def pageCount(self) -> int: ...  # (named as QPdfDocument names them)

    def pagePointSize(self, page: int) -> QSizeF: ...

    def render(self, page: int, size: QSize) -> QImage: ...


def make_printer(document: Pages, title: str) -> QPrinter:
    """An A4 printer set up the way the form's first page is laid out."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    first = document.pagePointSize(0) if document.pageCount() else QSizeF(595, 842)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape
        if first.width() > first.height()
        else QPageLayout.Orientation.Portrait
    )
    # The form has its own margins; ask for none, and the printer keeps its minimum.
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    return printer


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """Page indexes (from 0) the print dialog asked for: all, or the ranges typed."""
    ranges = printer.pageRanges()
    if ranges.isEmpty():
        return list(range(count))
    return [page for page in range(count) if ranges.contains(page + 1)]


def fit(page_points: QSizeF, area: QRect, resolution: int) -> QRect:
    """Where a page of ``page_points`` goes in ``area``: true size, or smaller to fit, centred."""
    width = page_points.width() * resolution / 72
    height = page_points.height() * resolution / 72
    scale = min(area.width() / width, area.height() / height, 1.0)
    size = QSize(round(width * scale), round(height * scale))
    left = area.left() + (area.width() - size.width()) // 2
    top = area.top() + (area.height() - size.height()) // 2
    return QRect(left, top, size.width(), size.height())


def on_white(image: QImage) -> QImage:
    """The page without its transparency: printer drivers handle an opaque image faster."""
    opaque = QImage(image.size(), QImage.Format.Format_RGB32)
    opaque.fill(Qt.GlobalColor.white)
    painter = QPainter(opaque)
    painter.drawImage(0, 0, image)
    painter.end()
    return opaque


def print_pages(
    document: Pages, printer: QPrinter, pages: list[int]
) -> Iterator[Progress]:
    """Draw ``pages`` of ``document`` on ``printer``, one step per page."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(QCoreApplication.translate(
            "Printing", "The printer could not be started. Check that it is switched on and "
            "connected, or choose another printer."
        ))
    finished = False
    try:
        resolution = printer.resolution()
        dpi = min(resolution, MAX_DPI)
        for number, page in enumerate(pages):
            message = QCoreApplication.translate("Printing", "Printing page %1 of %2")
            yield Progress(number, len(pages), message.replace("%1", format_count(number + 1))
                           .replace("%2", format_count(len(pages))))
            if number:
                printer.newPage()
            target = fit(document.pagePointSize(page), painter.viewport(), resolution)
            pixels = QSize(round(target.width() * dpi / resolution),
                           round(target.height() * dpi / resolution))
            painter.drawImage(target, on_white(document.render(page, pixels)))
        finished = True
        message = QCoreApplication.translate("Printing", "Sending to the printer")
        yield Progress(len(pages), len(pages), message)
    finally:
        if not finished:  # cancelled or failed: nothing half-printed reaches the printer
            printer.abort()
        painter.end()


def print_pdf(parent: QWidget | None, document: Pages, title: str) -> bool:
    """Ask for a printer and print ``document``; True when it was sent."""
    count = document.pageCount()
    if count == 0:
        raise UserError(QCoreApplication.translate("Printing", "The form has no pages to print."))
    printer = make_printer(document, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print %1").replace("%1", title))
    dialog.setMinMax(1, count)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    pages = pages_to_print(printer, count)
    if not pages:
        raise UserError(QCoreApplication.translate(
            "Printing", "The pages chosen are not in the form (its pages: 1 to %1)."
        ).replace("%1", format_count(count)))
    heading = QCoreApplication.translate("Printing", "Printing")
    return run_with_progress(parent, heading, lambda: print_pages(document, printer, pages))
