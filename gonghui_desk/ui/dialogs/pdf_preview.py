"""打印预览: the exported PDF of a form, shown page by page inside the app.

What is shown is the very file that is printed, so the preview cannot disagree with the
paper. The dialog owns its temporary file (it holds personal data) and deletes it, with
its folder, when it closes. 另存为 exports the form again to the chosen file rather than
copying the temporary one, so an export with full numbers is recorded where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gonghui_desk.errors import UserError
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.printing import print_pdf
from gonghui_desk.ui.screen_fit import fit_to_screen
from gonghui_desk.ui.temporary import remove_temporary

FIT_WIDTH, FIT_PAGE = "width", "page"
ZOOMS = (0.5, 0.75, 1.0, 1.5, 2.0)


def load_pdf(path: Path, parent: QObject) -> QPdfDocument:
    """The PDF at ``path``, opened; ``UserError`` if it cannot be read."""
    document = QPdfDocument(parent)
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        message = QCoreApplication.translate(
            "PdfPreviewDialog", "The preview file %1 could not be opened (%2). Please try again."
        )
        raise UserError(message.replace("%1", path.name).replace("%2", error.name))
    return document


class PdfPreviewDialog(QDialog):
    def __init__(
        self,
        path: Path,
        title: str,
        save_as: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.form_title = title
        self.save_as = save_as
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        self.document = load_pdf(path, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

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
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self._show_page_number(self.view.pageNavigator().currentPage())
        self.finished.connect(self._discard)
        fit_to_screen(self, self._initial_size(parent))

    def page_count(self) -> int:
        return self.document.pageCount()

    def _initial_size(self, parent: QWidget | None) -> QSize:
        if parent is not None and parent.window().isVisible():
            size = parent.window().size()
            return QSize(max(800, size.width() - 80), max(600, size.height() - 60))
        return QSize(1000, 720)

    def _show_page_number(self, page: int) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(page + 1))
            .replace("%2", str(self.page_count()))
        )

    def _zoom_changed(self) -> None:
        choice = self.zoom.currentData()
        if choice == FIT_WIDTH:
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif choice == FIT_PAGE:
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(choice))

    def print_document(self) -> bool:
        try:
            return print_pdf(self, self.document, self.form_title)
        except UserError as error:
            show_user_error(self, error)
            return False

    def _discard(self) -> None:
        """Release and delete the temporary file (the document holds it open until closed)."""
        self.document.close()
        remove_temporary(self.path)
