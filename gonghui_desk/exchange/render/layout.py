"""The page both renderers lay a form out on: its printable area, the column widths in
points, how many lines a text takes, how tall grid rows are, and where pages break.

The PDF draws on this area. The .xlsx gives its columns the same widths (in Excel's
character units) and its rows the same heights, and breaks its pages at the rows the same
rules choose, so a workbook prints page for page like the PDF.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from reportlab.lib.pagesizes import A4, landscape

from gonghui_desk.exchange.forms.model import DATE, Grid, Placed, Table
from gonghui_desk.exchange.render.pdf_page import BOTTOM, MARGIN, leading, text_width, wrap

PAD = 2.5  # points between a cell's border and its text
# The last page carries at least this many rows with the totals and the sign-off, so
# neither a single row nor the sign-off stands alone on it.
KEEP = 3
WIDEST_GLYPH = 1.2  # ems: no character of the font is wider (a few symbols pass 1 em)
DATE_TEXT = "2026-12-31"  # as dates print; every date is as wide


def printable(wide: bool) -> tuple[float, float]:
    """Width and height in points of what a page holds between its margins and footer."""
    width, height = landscape(A4) if wide else A4
    return float(width - 2 * MARGIN), float(height - MARGIN - BOTTOM)


def spread(widths: Sequence[float], width: float) -> list[float]:
    """``widths`` scaled in proportion so that together they are ``width`` wide."""
    scale = width / sum(widths)
    return [w * scale for w in widths]


def table_widths(table: Table, width: float) -> list[float]:
    """The table's columns filling ``width`` points, in the proportions of the definition.

    What may not wrap keeps its line: the 序号 column is widened (taking from the others)
    until its largest number and its header fit, so a 100,000-member roster still numbers
    every row on one line, and a date column until a date fits (a spreadsheet shows a date
    too wide for its column as ###).
    """
    widths = table.widths()
    size = table.font_size
    least: dict[int, float] = {}
    if table.numbered:
        least[0] = max(text_width(str(max(table.count, 1)), size), text_width("序号", size))
    for index, column in enumerate(table.columns, int(table.numbered)):
        if column.kind == DATE:
            least[index] = text_width(DATE_TEXT, size)
    # The glyph widths are rounded in the file: keep clear of an exact fit.
    need = {i: w + 2 * PAD + 0.5 for i, w in least.items()}
    fixed: dict[int, float] = {}
    while True:
        rest = [i for i in range(len(widths)) if i not in fixed]
        room = width - sum(fixed.values())
        if not rest or room <= 0:
            return spread(widths, width)  # too narrow a page to help: as defined
        points = dict(zip(rest, spread([widths[i] for i in rest], room), strict=True))
        short = {i: need[i] for i in rest if i in need and points[i] < need[i]}
        if not short:
            return [fixed.get(i) or points[i] for i in range(len(widths))]
        fixed.update(short)


def line_count(text: str, width: float, size: float) -> int:
    """How many lines ``text`` takes in a sheet's cell ``width`` points wide: as ``wrap``
    breaks it in the PDF's font, or as 宋体 (the sheet's font on a Chinese PC: every CJK
    character 1 em, every other half an em, spaces too) would, whichever is more."""
    if "\n" not in text and len(text) * size * WIDEST_GLYPH <= width:
        return 1  # the quick answer for most cells: it cannot be too long
    return max(len(wrap(text, width, size)), _simsun_lines(text, width, size))


def _simsun_lines(text: str, width: float, size: float) -> int:
    lines = 0
    for paragraph in text.split("\n"):
        ems = sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in paragraph)
        lines += max(1, math.ceil(ems * size / max(width, 1.0) - 1e-9))
    return lines


def grid_heights(grid: Grid, placed: Sequence[Placed], edges: Sequence[float],
                 lines_of: Callable[[Placed, float], int]) -> list[float]:
    """Each grid row's height in points: its ``lines``, at least ``row_height``, and tall
    enough for every cell in it; a cell spanning rows grows the last of them.
    ``lines_of(placed, width)`` is how many lines a cell's text takes in its width."""
    size = grid.font_size
    extra = max(grid.row_height - leading(size) - 2 * PAD, 0)
    heights = [row.lines * leading(size) + 2 * PAD + extra for row in grid.rows]
    for p in placed:
        width = edges[p.column + p.columns] - edges[p.column] - 2 * PAD
        need = lines_of(p, width) * leading(size) + 2 * PAD
        have = sum(heights[p.row:p.row + p.rows])
        if need > have:
            heights[p.row + p.rows - 1] += need - have
    return heights


def edges_of(left: float, widths: Sequence[float]) -> list[float]:
    edges = [left]
    for w in widths:
        edges.append(edges[-1] + w)
    return edges


def grid_pages(placed: Sequence[Placed], heights: Sequence[float], used: float,
               room: float, closing: float) -> list[int]:
    """The rows that start a new page: a row that does not fit starts the next one.

    ``used`` is the height the title block takes on the first page, ``room`` a whole page,
    ``closing`` the height of the notes that follow the grid. When the notes would go over
    the page alone, the last rows go over with them, so no page holds just a note; a row
    that a cell above still spans stays with that cell.
    """
    starts: list[int] = []
    first = 0
    for r, height in enumerate(heights):
        if used + height > room and r > first:
            starts.append(r)
            used, first = 0.0, r
        used += height
    if used + closing > room and len(heights) - first > 1:
        split = max(len(heights) - KEEP, first + 1)
        spanned = {r for p in placed for r in range(p.row + 1, p.row + p.rows)}
        while split in spanned and split > first + 1:
            split -= 1
        if split not in spanned:
            starts.append(split)
    return starts


def in_tail(table: Table, item: object) -> bool:
    """Whether a row from ``Table.walk`` is one of the last ``KEEP`` rows (from there on the
    renderers hold the rows back until they know whether the closing block fits)."""
    return isinstance(item, tuple) and item[0] > table.count - KEEP


# Points per screen pixel: Excel keeps row heights and column widths in whole pixels.
PX = 0.75
# Points kept free at the foot of each page: what a client may round differently.
SLACK = 3.0


def whole_pixels(height: float) -> float:
    """A row height rounded up to what Excel stores, so a page holds what was counted."""
    return math.ceil(height / PX - 1e-6) * PX
