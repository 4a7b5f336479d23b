"""A streamed openpyxl worksheet for forms: named styles, row counting, merged lines.

openpyxl's write-only mode writes rows as they come (a 10,000-row roster in a second or
two, in little memory) but forgets which row it is on, and looks a cell's style up in the
workbook's style table once per cell. ``RowCells`` keeps one styled cell per column with
its style number resolved once and hands those same cells over for every row: the
writer serialises a row completely before the next is filled in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins

Sheet = Any  # openpyxl's WriteOnlyWorksheet (openpyxl ships no type hints)

FONT_NAME = "宋体"
TITLE, SUBTITLE, HEADING, HEADER, TEXT, TEXT_LEFT, NUMBER, MONEY, DATE, LABEL, BOX, NOTE, PLAIN = (
    "表-标题", "表-副标题", "表-表头说明", "表-列标题", "表-文本", "表-文本居左", "表-数字",
    "表-金额", "表-日期", "表-项目", "表-填写框", "表-说明", "表-普通",
)
LINE_HEIGHT = 14.0  # points per line of 10.5 pt text
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
        NamedStyle(SUBTITLE, font=Font(name=FONT_NAME, size=11), alignment=centre),
        NamedStyle(HEADING, font=Font(name=FONT_NAME, size=10.5), alignment=left),
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
        NamedStyle(NOTE, font=Font(name=FONT_NAME, size=9),
                   alignment=Alignment(horizontal="left", vertical="top", wrap_text=True)),
        NamedStyle(PLAIN, font=Font(name=FONT_NAME, size=10.5),
                   alignment=Alignment(horizontal="left", vertical="center")),
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


_HEIGHT_ATTRIBUTES: dict[float, dict[str, str]] = {}


class FormSheet:
    """A write-only worksheet that knows its row and its width in columns."""

    def __init__(self, workbook: Any, name: str, widths: Sequence[float]) -> None:
        self.workbook = workbook
        self.ws = workbook.create_sheet(name[:31] or "表")
        self.width = len(widths)
        self.last = get_column_letter(self.width)
        self.row = 0
        for index, width in enumerate(widths, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def cell(self, value: object, style: str) -> Any:
        cell = XlCell(self.ws, row=1, column=1, value=None if value == "" else value)
        cell.style = style
        return cell

    def append(self, cells: Sequence[Any], height: float | None = None) -> None:
        self.row += 1
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(list(cells))

    def append_tall(self, cells: Sequence[Any], height: float | None) -> None:
        """``append`` for the rows of a long table, ``height`` (points) for those that wrap.

        openpyxl makes a row dimension object for each height set and keeps them all,
        which costs seconds and some 30 MB over a 100,000-row write; its writer only reads
        the row's attributes from it as it writes that row. So the row gets the two
        attributes, shared by all rows of its height, and they are dropped once it is out.
        """
        self.row += 1
        if not height:
            self.ws.append(cells)
            return
        dims = self.ws.row_dimensions
        dims[self.row] = _HEIGHT_ATTRIBUTES.setdefault(
            height, {"ht": f"{height:g}", "customHeight": "1"})
        try:
            self.ws.append(cells)
        finally:
            del dims[self.row]

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


def estimated_lines(text: str, width: float) -> int:
    """Lines a wrapped text takes in a column ``width`` characters wide (CJK counts 2)."""
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in paragraph)
        lines += max(1, -(-units // max(int(width) - 1, 1)))
    return lines


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


DIGIT_PX = 7  # a width unit: the widest digit of the workbook's default font (11 pt)


def half_widths(width: float, size: float) -> int:
    """How many half-width characters (a digit, a Latin letter; a CJK character is two) of
    ``size`` points fit on a line of a column ``width`` units wide, less the cell's margins."""
    pixels = width * DIGIT_PX + 5 - 8  # Excel adds 5 pixels of padding; keep a little spare
    return max(int(pixels / (size * 96 / 72 / 2)), 1)


def wrapped_lines(text: str, room: int) -> int:
    """Lines ``text`` wraps to where ``room`` half-width characters fit on a line."""
    lines = 0
    for paragraph in text.split("\n"):
        units = sum(2 if ord(ch) > 0x2E80 else 1 for ch in paragraph)
        lines += max(1, -(-units // room))
    return lines


class LineCounter:
    """How many lines a row's texts wrap to in their columns at ``size`` points.

    A roster repeats its code values, units and places in every row, so each column keeps
    the counts of the values it has seen (up to ``KEEP``); a text that fits however it is
    measured is not measured at all. ``skip``: columns never wrapped (序号).
    """

    KEEP = 4096

    def __init__(self, widths: Sequence[float], size: float, skip: Sequence[int] = ()) -> None:
        self.columns: list[tuple[int, int, dict[str, int]]] = [
            (i, half_widths(w, size), {}) for i, w in enumerate(widths) if i not in skip]

    def lines(self, values: Sequence[object]) -> int:
        most = 1
        for index, room, seen in self.columns:
            text = values[index]
            if not text or not isinstance(text, str):
                continue
            count = seen.get(text)
            if count is None:
                if "\n" in text:
                    count = wrapped_lines(text, room)
                elif 2 * len(text) <= room:
                    continue  # fits even if every character were a wide one
                elif text.isascii():  # ID numbers, mobiles, dates: measured in C
                    count = -(-len(text) // room)
                else:
                    count = wrapped_lines(text, room)
                    if len(seen) < self.KEEP:
                        seen[text] = count
            if count > most:
                most = count
        return most


def wrapped_height(lines: int, size: float) -> float | None:
    """A row's height in points for ``lines`` lines of ``size`` points; None for one line,
    which Excel's own height holds (and leaving it out keeps a 100,000-row sheet small)."""
    return lines * size * 1.35 + 4 if lines > 1 else None


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
