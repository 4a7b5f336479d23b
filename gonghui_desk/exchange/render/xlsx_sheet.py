"""A streamed openpyxl worksheet for forms: named styles, row counting, merged lines.

openpyxl's write-only mode writes rows as they come (a 10,000-row roster in a second or
two, in little memory) but forgets which row it is on, and looks a cell's style up in the
workbook's style table once per cell. ``RowCells`` keeps one styled cell per column with
its style number resolved once and hands those same cells over for every row: the
writer serialises a row completely before the next is filled in.

A form sheet given a page height also counts, row by row, how much of the printed page its
rows fill and ends the page (a manual page break) before a row that does not fit, the way
the PDF does. Every such row has an explicit height in whole pixels, so Excel and
LibreOffice print exactly the rows that were counted on each page; fitting the columns to
the page width can only make them shorter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break

from gonghui_desk.exchange.render.layout import PX, whole_pixels

Sheet = Any  # openpyxl's WriteOnlyWorksheet (openpyxl ships no type hints)

FONT_NAME = "宋体"
TITLE, SUBTITLE, HEADING, HEADER, TEXT, TEXT_LEFT, NUMBER, MONEY, DATE, LABEL, BOX, NOTE, PLAIN = (
    "表-标题", "表-副标题", "表-表头说明", "表-列标题", "表-文本", "表-文本居左", "表-数字",
    "表-金额", "表-日期", "表-项目", "表-填写框", "表-说明", "表-普通",
)
SUBTITLE_SIZE, HEADING_SIZE, NOTE_SIZE, SIGN_SIZE = 11, 10.5, 9, 10.5  # points
# Excel's column width unit: the width of a digit of the workbook's default font (Calibri
# 11, which openpyxl writes), 7 pixels on a 96 dpi screen.
CHAR_PX = 7
MAX_LIST_CHARS = 255  # Excel refuses the whole file when an in-cell list is longer


def add_styles(workbook: Any, size: float) -> None:
    """The named styles every form sheet uses; ``size`` is the body text size."""
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name=FONT_NAME, size=size)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    for style in (
        NamedStyle(TITLE, font=Font(name=FONT_NAME, size=18, bold=True),
                   alignment=Alignment(horizontal="center", vertical="center")),
        NamedStyle(SUBTITLE, font=Font(name=FONT_NAME, size=SUBTITLE_SIZE), alignment=centre),
        NamedStyle(HEADING, font=Font(name=FONT_NAME, size=HEADING_SIZE), alignment=left),
        NamedStyle(HEADER, font=Font(name=FONT_NAME, size=size, bold=True), border=box,
                   alignment=centre, number_format="@"),
        NamedStyle(TEXT, font=body, border=box, alignment=centre, number_format="@"),
        NamedStyle(TEXT_LEFT, font=body, border=box, alignment=left, number_format="@"),
        NamedStyle(NUMBER, font=body, border=box,
                   alignment=Alignment(horizontal="right", vertical="center")),
        NamedStyle(MONEY, font=body, border=box, number_format="#,##0.00",
                   alignment=Alignment(horizontal="right", vertical="center")),
        NamedStyle(DATE, font=body, border=box, alignment=centre, number_format="yyyy-mm-dd"),
        NamedStyle(LABEL, font=body, border=box, alignment=centre),
        NamedStyle(BOX, font=body, border=box,
                   alignment=Alignment(horizontal="left", vertical="top", wrap_text=True)),
        NamedStyle(NOTE, font=Font(name=FONT_NAME, size=NOTE_SIZE),
                   alignment=Alignment(horizontal="left", vertical="top", wrap_text=True)),
        NamedStyle(PLAIN, font=Font(name=FONT_NAME, size=SIGN_SIZE), alignment=left),
    ):
        workbook.add_named_style(style)


class _FixedStyleCell(XlCell):  # type: ignore[misc]
    """A cell whose style number was looked up once (see the module docstring)."""

    __slots__ = ("_style_number",)

    @property
    def style_id(self) -> int:
        return int(self._style_number)

    def __repr__(self) -> str:
        # openpyxl formats a cell it is handed into an error message it then discards;
        # the default repr (with the coordinate) costs a tenth of the whole write.
        return "<form cell>"


def _data_type(value: object) -> str:
    if isinstance(value, str):
        return "s"
    if isinstance(value, (dt.date, dt.datetime)):
        return "d"
    return "n"


def excel_widths(points: Sequence[float]) -> list[float]:
    """Columns ``points`` wide in Excel's width unit, each to a whole pixel, rounded at
    their edges so that together they keep the whole width: sixty narrow grid columns
    rounded one by one would lose a tenth of the page."""
    edges, total = [0], 0.0
    for width in points:
        total += width
        edges.append(max(round(total / PX), edges[-1] + 1))
    return [(right - left) / CHAR_PX for left, right in pairwise(edges)]


def column_points(width: float) -> float:
    """How wide in points a column of Excel ``width`` prints at 100 %."""
    return round(width * CHAR_PX) * PX


class FormSheet:
    """A write-only worksheet that knows its row and its width in columns.

    With ``page`` (the printable height in points) it also breaks the pages: see the
    module docstring; ``finish`` writes the breaks and the print area.
    """

    def __init__(self, workbook: Any, name: str, widths: Sequence[float],
                 page: float | None = None) -> None:
        self.workbook = workbook
        self.ws = workbook.create_sheet(name[:31] or "表")
        self.width = len(widths)
        self.last = get_column_letter(self.width)
        self.row = 0
        for index, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.page = page
        self.used = 0.0  # of the current printed page, in points
        self.repeat = 0.0  # the rows printed again at the top of every page
        self.rows_on_page = 0  # rows on the current page, under the repeated ones
        self.breaks: list[int] = []  # rows that end a page
        self.height = 0.0  # of the last row written
        self._heights: dict[float, dict[str, str]] = {}

    def cell(self, value: object, style: str) -> Any:
        cell = XlCell(self.ws, row=1, column=1, value=None if value == "" else value)
        cell.style = style
        return cell

    def append(self, cells: Sequence[Any], height: float | None = None) -> None:
        self.row += 1
        self.height = 0.0
        if height and self.page is not None:
            self.height = height = whole_pixels(height)
            if self.rows_on_page and self.used + height > self.page:
                self._end_page(self.row - 1)
            self.used += height
            self.rows_on_page += 1
            # The writer only reads a row's attributes: one shared dict per height is a
            # tenth of the cost of a RowDimension for each of 10,000 rows.
            attributes = self._heights.get(height)
            if attributes is None:
                attributes = self._heights[height] = {"ht": f"{height:g}", "customHeight": "1"}
            self.ws.row_dimensions[self.row] = attributes
        elif height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(list(cells))

    def room(self) -> float:
        """What is left of the current printed page, in points."""
        return (self.page or 0.0) - self.used

    def new_page(self) -> None:
        """Start a new printed page with the next row (unless this one is still empty)."""
        if self.rows_on_page:
            self._end_page(self.row)

    def _end_page(self, row: int) -> None:
        self.breaks.append(row)
        self.used = self.repeat
        self.rows_on_page = 0

    def repeat_row(self) -> None:
        """Print the row just written again at the top of every page (a column header)."""
        self.ws.print_title_rows = f"{self.row}:{self.row}"
        self.repeat = self.height
        self.rows_on_page = 0

    def finish(self) -> None:
        """The page breaks counted and the print area: every row written."""
        for row in self.breaks:
            self.ws.row_breaks.append(Break(id=row))
        if self.row:
            self.ws.print_area = f"A1:{self.last}{self.row}"

    def merge(self, first: int, last: int, rows: int = 1) -> None:
        """Merge columns ``first``..``last`` (from 1) of the current row and ``rows - 1``
        rows below it."""
        if first == last and rows == 1:
            return
        self.ws.merged_cells.add(
            f"{get_column_letter(first)}{self.row}:{get_column_letter(last)}{self.row + rows - 1}"
        )

    def line(self, text: str, style: str, height: float | None = None) -> None:
        """Text across the whole sheet width; border styles repeat on the covered cells."""
        cells = [self.cell(text, style)] + [self.cell(None, style) for _ in range(self.width - 1)]
        self.append(cells, height)
        self.merge(1, self.width)


class RowCells:
    """One reusable styled cell per column: set the values, then ``FormSheet.append``."""

    def __init__(self, sheet: FormSheet, styles: Sequence[str]) -> None:
        self.cells = []
        for style in styles:
            cell = _FixedStyleCell(sheet.ws, row=1, column=1)
            cell.style = style
            cell._style_number = sheet.workbook._cell_styles.add(cell._style)
            self.cells.append(cell)

    def fill(self, values: Sequence[object]) -> list[Any]:
        for cell, value in zip(self.cells, values, strict=True):
            # Set directly: the value setter's checks cost a third of the write.
            cell._value = None if value == "" else value
            cell.data_type = _data_type(value)
        return self.cells


def print_layout(ws: Sheet, *, landscape: bool) -> None:
    """A4, fit to the page width, page numbers in the footer, nothing protected."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7)
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.protection.sheet = False


def add_dropdowns(ws: Sheet, choices: Sequence[tuple[int, Sequence[str]]], first: int,
                  last: int) -> None:
    """In-cell lists on rows ``first``..``last`` of each (column number, values) given."""
    for index, values in choices:
        formula = '"' + ",".join(values) + '"'
        if not values or len(formula) > MAX_LIST_CHARS:
            continue
        letter = get_column_letter(index)
        dropdown = DataValidation(type="list", formula1=formula, allow_blank=True,
                                  showErrorMessage=True, errorTitle="输入有误",
                                  error="请从下拉列表中选择。")
        dropdown.add(f"{letter}{first}:{letter}{last}")
        ws.data_validations.append(dropdown)


# -- an Excel original's own look (forms whose original is an Excel template) -----------

ORIGINAL_TITLE, ORIGINAL_HEADING, ORIGINAL_PLAIN, ORIGINAL_NOTE, ORIGINAL_HEADER = (
    "原表-标题", "原表-表头说明", "原表-文字", "原表-说明", "原表-列标题",
)
LIST_HEADING, LIST_VALUE = "原表-代码表标题", "原表-代码"
LIST_WIDTH = 20.0


def add_original_styles(workbook: Any, size: float) -> None:
    """The styles of a template's own rows: its title, its bold 填表单位 line, plain text,
    a bordered wrapped note, a plain (not bold) bordered header, and its list sheet."""
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for style in (
        NamedStyle(ORIGINAL_TITLE, font=Font(name=FONT_NAME, size=20, bold=True),
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                   number_format="@"),
        NamedStyle(ORIGINAL_HEADING, font=Font(name=FONT_NAME, size=size, bold=True),
                   alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                   number_format="@"),
        NamedStyle(ORIGINAL_PLAIN, font=Font(name=FONT_NAME, size=11), number_format="@"),
        NamedStyle(ORIGINAL_NOTE, font=Font(name=FONT_NAME, size=11), border=box,
                   alignment=Alignment(horizontal="left", vertical="center", wrap_text=True),
                   number_format="@"),
        NamedStyle(ORIGINAL_HEADER, font=Font(name=FONT_NAME, size=size), border=box,
                   alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
                   number_format="@"),
        NamedStyle(LIST_HEADING, font=Font(name=FONT_NAME, size=11, bold=True)),
        NamedStyle(LIST_VALUE, font=Font(name=FONT_NAME, size=11), border=box),
    ):
        workbook.add_named_style(style)


def text_columns(sheet: FormSheet) -> None:
    """Whole columns formatted as text, as a template has them: what the higher body types
    in later stays text too (an ID number typed as a number loses its last digits).
    A write-only sheet takes this before its first row."""
    for index in range(1, sheet.width + 1):
        sheet.ws.column_dimensions[get_column_letter(index)].number_format = "@"


def _list_dropdown(formula: str) -> DataValidation:
    return DataValidation(type="list", formula1=formula, allow_blank=True,
                          showErrorMessage=True, errorTitle="输入有误",
                          error="请从下拉列表中选择。")


def add_list_sheet(workbook: Any, ws: Sheet, name: str,
                   lists: Sequence[tuple[int, str, Sequence[str]]], first: int,
                   last: int) -> Sheet:
    """A sheet ``name`` holding each (column number on ``ws``, heading, values) list in a
    column of its own under its heading, and on rows ``first``..``last`` of ``ws`` the
    dropdowns that refer to it: Excel takes no in-cell list over 255 characters, and a
    template keeps its long ones (民族) on such a sheet. Returns the new sheet."""
    sheet = workbook.create_sheet(name[:31])
    for position in range(1, len(lists) + 1):
        sheet.column_dimensions[get_column_letter(position)].width = LIST_WIDTH
    heading = [_styled(sheet, text, LIST_HEADING) for _, text, _ in lists]
    sheet.append(heading)
    for depth in range(max((len(values) for _, _, values in lists), default=0)):
        sheet.append([_styled(sheet, values[depth], LIST_VALUE) if depth < len(values)
                      else None for _, _, values in lists])
    for position, (index, _, values) in enumerate(lists, 1):
        if not values:
            continue
        code = get_column_letter(position)
        dropdown = _list_dropdown(
            f"{quote_sheetname(sheet.title)}!${code}$2:${code}${len(values) + 1}")
        letter = get_column_letter(index)
        dropdown.add(f"{letter}{first}:{letter}{last}")
        ws.data_validations.append(dropdown)
    return sheet


def _styled(ws: Sheet, value: object, style: str) -> Any:
    cell = XlCell(ws, row=1, column=1, value=value)
    cell.style = style
    return cell
