"""The PDF page and its furniture: the embedded font, wrapped text, "第 N 页 共 M 页".

Text is drawn with the bundled WenQuanYi Micro Hei, registered as a TrueType font so that
reportlab embeds the subset of glyphs used: the file prints the same on a PC without
Chinese fonts, and ``pdftotext`` (or a search in the viewer) returns the Chinese.

The page count is known only at the end, so every page is kept until ``save`` and the
footers are drawn then, on each page in turn.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from gonghui_desk.assets import font_path

FONT = "GonghuiSans"
MARGIN = 14 * mm
FOOTER_Y = 8 * mm
BOTTOM = 16 * mm  # nothing but the footer below this line
FILL_STROKE = 2  # text render mode: fill, then stroke the outline (the font has no bold)
COUNTED = -1  # a canvas's page total: the pages it was given


@cache
def register_font() -> str:
    """Register the bundled CJK font once per process; return its name."""
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    return FONT


def text_width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, FONT, size))


# Chinese line breaking: a closing mark never starts a line, an opening one never ends it.
NO_LINE_START = frozenset("）)》」』】，。、；：！？%…")
NO_LINE_END = frozenset("（(《「『【")


def _carry(line: str, char: str) -> tuple[str, str]:
    """Split ``line`` before ``char`` goes on a new line: what stays, and what moves on."""
    cut = len(line)
    if char in NO_LINE_START:
        cut -= 1
    while cut > 1 and line[cut - 1] in NO_LINE_END:
        cut -= 1
    if cut < 1 or cut < len(line) // 2:  # rather a bad break than a half-empty line
        return line, ""
    return line[:cut], line[cut:]


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of ``text`` that fit ``width`` points: at its line breaks, then character by
    character (Chinese has no spaces to break at; a long number breaks where it must),
    keeping closing marks off the start of a line and opening ones off its end."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if text_width(paragraph, size) <= width:
            lines.append(paragraph)
            continue
        line = ""
        used = 0.0
        for char in paragraph:
            w = text_width(char, size)
            if line and used + w > width:
                kept, moved = _carry(line, char)
                lines.append(kept)
                line, used = moved, text_width(moved, size)
            line += char
            used += w
        lines.append(line)
    return lines


def leading(size: float) -> float:
    return size * 1.3


class FormCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """A canvas that holds its pages back until ``save`` and then numbers them."""

    def __init__(self, path: str | IO[bytes], footer_left: str, *, first: int = 1,
                 total: int | None = COUNTED, **kwargs: Any) -> None:
        """``first`` and ``total``: for some pages of a form drawn alone (a preview), the
        number of the first and how many the whole form has (``None``: not known yet;
        ``COUNTED``: the pages drawn here, the whole form)."""
        super().__init__(path, **kwargs)
        self._footer_left = footer_left
        self._first = first
        self._total = total
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages) if self._total == COUNTED else self._total
        for number, page in enumerate(self._pages, self._first):
            self.__dict__.update(page)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int | None) -> None:
        width, _ = self._pagesize
        self.setFont(FONT, 8)
        self.setFillGray(0.25)
        self.drawString(MARGIN, FOOTER_Y, self._footer_left)
        of = "" if total is None else f" 共 {total} 页"
        self.drawRightString(width - MARGIN, FOOTER_Y, f"第 {number} 页{of}")
        self.setFillGray(0)


def canvas_options(size: tuple[float, float]) -> dict[str, Any]:
    """How every form's canvas starts: its page size, compressed, in the bundled font."""
    return {"pagesize": size, "pageCompression": 1, "initialFontName": FONT,
            "initialFontSize": 10}


class PageFrame:
    """Where drawing may go on the current page, and a cursor moving down it."""

    def __init__(self, path: Path | None, *, wide: bool, footer: str, title: str,
                 canvas: Any = None) -> None:
        """``canvas``: what to draw on instead of a new file at ``path`` (a preview's
        recorder of each page's drawing)."""
        register_font()
        self.size = landscape(A4) if wide else A4
        self.canvas = canvas or FormCanvas(str(path), footer, **canvas_options(self.size))
        self.canvas.setTitle(title)
        self.canvas.setAuthor("工会桌面")
        self.canvas.setCreator("工会桌面")
        self.left = MARGIN
        self.right = self.size[0] - MARGIN
        self.top = self.size[1] - MARGIN
        self.y = self.top

    @property
    def width(self) -> float:
        return float(self.right - self.left)

    def room(self) -> float:
        return float(self.y - BOTTOM)

    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = self.top

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` still fits on this one."""
        if height > self.room() and self.y < self.top:
            self.new_page()

    def text_line(self, text: str, size: float, *, align: str = "left", bold: bool = False,
                  x: float | None = None) -> None:
        """One line at the cursor, moving it down by a line."""
        c = self.canvas
        baseline = self.y - size * 1.05
        c.setFont(FONT, size)
        mode = FILL_STROKE if bold else None
        c.setLineWidth(size / 40)
        if align == "center":
            c.drawCentredString((self.left + self.right) / 2, baseline, text, mode=mode)
        elif align == "right":
            c.drawRightString(self.right if x is None else x, baseline, text, mode=mode)
        else:
            c.drawString(self.left if x is None else x, baseline, text, mode=mode)
        self.y -= leading(size)

    def paragraph(self, text: str, size: float, *, align: str = "left", bold: bool = False,
                  indent: float = 0) -> None:
        for line in wrap(text, self.width - indent, size):
            self.text_line(line, size, align=align, bold=bold, x=self.left + indent)

    def space(self, points: float) -> None:
        self.y -= points

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def cell_baselines(top: float, height: float, count: int, size: float, *,
                   middle: bool, pad: float) -> Iterator[float]:
    """Baselines of ``count`` lines in a box, centred in it or from its top."""
    step = leading(size)
    block = count * step
    first_top = top - (height - block) / 2 if middle else top - pad
    for index in range(count):
        yield first_top - index * step - (step - size) / 2 - size * 0.86
