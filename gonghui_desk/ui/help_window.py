"""帮助 → 使用手册 (F1): the manual's contents on the left, one page on the right; and
帮助 → 保存使用手册为 PDF…, the whole manual as one file to print.

The window is not modal, so the manual can stay open beside the main window while the
chair works through the steps it describes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QTextBrowser,
    QWidget,
)

from gonghui_desk.errors import UserError
from gonghui_desk.ui.errors import show_user_error
from gonghui_desk.ui.help_manual import (
    PDF_TITLE,
    TOPIC_OF_PAGE,
    TOPICS,
    fit_images,
    manual_font,
    topic_file,
    write_pdf,
)


def topic_of_page(page_key: str) -> str | None:
    return TOPIC_OF_PAGE.get(page_key)


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, beside the main one
        self.setWindowTitle(self.tr("User manual"))
        self.contents = QListWidget()
        self.contents.setObjectName("help_contents")
        self.contents.setFixedWidth(150)
        for topic in TOPICS:
            self.contents.addItem(topic.title)
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_page")
        self.browser.setOpenExternalLinks(True)
        font = manual_font()
        font.setPointSizeF(font.pointSizeF() + 0.5)
        self.browser.document().setDefaultFont(font)
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addWidget(self.browser, 1)
        self._fitted = False  # the page's pictures are sized to the window
        self.contents.currentRowChanged.connect(self._show_row)
        self.resize(980, 680)

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        try:
            path = topic_file(TOPICS[row].key)
        except UserError as error:
            show_user_error(self, error)
            return
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self._fit_images()

    def _fit_images(self) -> None:
        """The screenshots are 1000 px wide: shrink them to the page so none is cut off."""
        source = self.browser.source()
        if not source.isValid():
            return
        room = max(self.browser.viewport().width(), self.width() - self.contents.width() - 40)
        self._fitted = False
        try:
            fit_images(self.browser.document(), float(room - 24), source)
        except UserError as error:
            show_user_error(self, error)
            return
        self._fitted = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:  # a missing picture was said once, when the page was shown
            self._fit_images()

    def show_topic(self, key: str | None) -> None:
        """Show the window at a topic (the first when ``None``) and bring it forward."""
        row = next((i for i, t in enumerate(TOPICS) if t.key == key), 0)
        if self.contents.currentRow() == row:
            self._show_row(row)
        self.contents.setCurrentRow(row)
        self.show()
        self.raise_()
        self.activateWindow()

    def page_title(self) -> str:
        return TOPICS[max(self.contents.currentRow(), 0)].title


def suggested_pdf_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home()) / f"{PDF_TITLE}.pdf"


def save_manual_as_pdf(parent: QWidget, path: Path | None = None) -> Path | None:
    """Ask where (unless told), write the PDF with a progress dialog, say where it went."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, QCoreApplication.translate("HelpWindow", "Save the user manual as PDF"),
            str(suggested_pdf_path()), QCoreApplication.translate("HelpWindow", "PDF file (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
    # A few hundred milliseconds of work, in the GUI thread: QTextDocument lays out with
    # the GUI's fonts, which a worker thread should not share.
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        for _ in write_pdf(path):
            pass
    except UserError as error:
        show_user_error(parent, error)
        return None
    finally:
        QApplication.restoreOverrideCursor()
    saved = QCoreApplication.translate("HelpWindow", "The user manual was saved to %1")
    QMessageBox.information(parent, QCoreApplication.translate("HelpWindow", "User manual"),
                            saved.replace("%1", str(path)))
    return path
