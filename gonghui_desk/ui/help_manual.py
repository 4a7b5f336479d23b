"""The user manual: its pages in order, and the whole of it as one PDF.

The pages are Markdown files in ``resources/help`` with screenshots beside them
(``images/``, taken by ``packaging/help_screenshots.py``). The help window shows one page at
a time; the PDF puts every page in one document, each topic starting on a new sheet, in the
bundled font so the Chinese prints on a PC that has no Chinese font of its own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFrameFormat,
    QTextImageFormat,
)

from gonghui_desk.assets import FONT_FAMILY, font_path, help_path
from gonghui_desk.errors import UserError
from gonghui_desk.services import Progress


@dataclass(frozen=True)
class Topic:
    key: str  # the page's file name without .md
    title: str  # as the manual's contents list shows it


TOPICS: tuple[Topic, ...] = (
    Topic("start", "首次使用"),
    Topic("members", "会员"),
    Topic("hardship", "困难职工帮扶"),
    Topic("recuperation", "疗休养"),
    Topic("contracts", "集体合同"),
    Topic("reports", "报表"),
    Topic("backup", "备份与恢复"),
    Topic("shortcuts", "快捷键"),
)

# The manual page about what a navigation page shows (F1 opens it there).
TOPIC_OF_PAGE = {"home": "start", "members": "members", "hardship": "hardship",
                 "recuperation": "recuperation", "contracts": "contracts",
                 "reports": "reports", "settings": "backup"}

PDF_TITLE = "工会桌面使用手册"
BODY_POINTS = 10.5
MARGIN_MM = 18
# A4 less the margins, in the 96-per-inch units a QTextDocument lays out in; the PDF writer
# scales them to its own resolution.
TEXT_AREA = QSizeF((210 - 2 * MARGIN_MM) / 25.4 * 96, (297 - 2 * MARGIN_MM) / 25.4 * 96)


def topic_file(key: str) -> Path:
    path = help_path(f"{key}.md")
    if not path.is_file():
        raise UserError(f"安装不完整：缺少使用手册的页面 {path}，请重新安装工会桌面。")
    return path


def topic_document(key: str, font: QFont) -> QTextDocument:
    """One page of the manual, its images found beside it."""
    path = topic_file(key)
    document = QTextDocument()
    document.setDefaultFont(font)
    # Relative image paths (images/x.png) resolve against the page's own folder.
    document.setBaseUrl(QUrl.fromLocalFile(str(path)))
    document.setMarkdown(path.read_text(encoding="utf-8"))
    return document


def manual_font() -> QFont:
    """The bundled font (registered here too, for the command line that has no window)."""
    if (FONT_FAMILY not in QFontDatabase.families()
            and QFontDatabase.addApplicationFont(str(font_path())) < 0):
        raise UserError(f"无法加载程序自带的中文字体 {font_path()}，请重新安装工会桌面。")
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(BODY_POINTS)  # 10.5 pt: QFont(family, size) takes whole points
    return font


def whole_manual() -> QTextDocument:
    """Every page in one document, each topic from the top of a new sheet."""
    font = manual_font()
    manual = QTextDocument()
    manual.setDefaultFont(font)
    manual.setBaseUrl(QUrl.fromLocalFile(str(help_path("index"))))
    manual.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, PDF_TITLE)
    cursor = QTextCursor(manual)
    for index, topic in enumerate(TOPICS):
        if index:
            # A fresh format, so a page that ends in a list does not lend the next
            # page's title its bullet.
            breaking = QTextBlockFormat()
            breaking.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.insertBlock(breaking)
        page = topic_document(topic.key, font)
        cursor.insertFragment(QTextDocumentFragment(page))
    fit_images(manual, TEXT_AREA.width())
    # Paginated here rather than by print_, which would add 2 cm margins of its own.
    manual.rootFrame().setFrameFormat(_no_margin(manual))
    manual.setPageSize(TEXT_AREA)
    return manual


def _no_margin(document: QTextDocument) -> QTextFrameFormat:
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)
    return frame


def fit_images(document: QTextDocument, width: float, base: QUrl | None = None) -> None:
    """Load each screenshot into ``document`` and scale it down to ``width``: a fragment
    copied from a page names its images but does not bring them along. Names resolve
    against ``base`` (the document's own base URL by default)."""
    base = base or document.baseUrl()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            image_format = fragment.charFormat().toImageFormat()
            if not image_format.isValid():
                continue
            name = image_format.name()
            image = QImage(base.resolved(QUrl(name)).toLocalFile())
            if image.isNull():
                raise UserError(f"安装不完整：缺少使用手册的截图 {name}，请重新安装工会桌面。")
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
            shown = min(float(image.width()), width)
            sized = QTextImageFormat(image_format)
            sized.setWidth(shown)
            sized.setHeight(shown * image.height() / image.width())
            cursor = QTextCursor(document)
            cursor.setPosition(fragment.position())
            cursor.setPosition(fragment.position() + fragment.length(),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(sized)
        block = block.next()


def write_pdf(path: Path) -> Iterator[Progress]:
    """Write the manual to ``path`` (A4), yielding progress as long work does."""
    yield Progress(0, 2, "排版使用手册")
    manual = whole_manual()
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(PDF_TITLE)
    writer.setCreator("工会桌面")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(*(MARGIN_MM,) * 4), QPageLayout.Unit.Millimeter))
    yield Progress(1, 2, "写入 PDF")
    manual.print_(writer)
    del writer  # finishes and closes the file
    if not partial.is_file() or partial.stat().st_size == 0:
        raise UserError(f"无法写入 {path}：请换一个有写入权限、空间足够的文件夹再保存。")
    partial.replace(path)
    yield Progress(2, 2, "使用手册已保存")


def ensure_gui_application() -> None:
    """The command line has no window: fonts and PDF writing still need a QGuiApplication,
    which runs without a screen on the offscreen platform."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication(sys.argv[:1])
        app.setProperty("gonghui_headless", True)  # kept alive by Qt until exit
