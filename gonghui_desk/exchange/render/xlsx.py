"""Any form ``Document`` to an .xlsx workbook that Excel, WPS and LibreOffice open as is.

The sheet carries the same title block as the PDF, a bold bordered header, frozen panes and
a print set-up (A4, the PDF's margins, fit to width, header rows repeated, page numbers in
the footer, the print area). It is laid out on the PDF's page (``layout``): the columns
share the printable width as the PDF's do, in Excel's character units; the text has the
PDF's sizes; every row is as tall as its wrapped text needs in those widths; and the pages
break where the PDF's rules break them. So the workbook prints like the PDF, an 18-digit ID
number on one line, and a wrapped value shown whole. ID and phone numbers are written as
text and dates as real dates; the sheet is not protected, so the higher body can sort and
fill it in.

A form whose original is an Excel template (``Document.sheet_top``, ``Table.text_cells``)
gets that template's shape instead: its own rows above the header and below the data,
every cell text, and its long dropdown lists on a list sheet of their own; it is laid out
and paged like any other.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins

from gonghui_desk.exchange.forms.model import (
    CENTER,
    DATE,
    LEFT,
    MONEY,
    NUMBER,
    SHEET_HEADING,
    SHEET_NOTE,
    SHEET_PLAIN,
    SHEET_TITLE,
    TEXT,
    Document,
    Grid,
    SheetRow,
    Table,
    format_value,
    place,
)
from gonghui_desk.exchange.render import xlsx_sheet as xs
from gonghui_desk.exchange.render.layout import (
    PAD,
    SLACK,
    edges_of,
    grid_heights,
    grid_pages,
    in_tail,
    line_count,
    printable,
    spread,
    table_widths,
    whole_pixels,
)
from gonghui_desk.exchange.render.pdf_page import (
    BOTTOM,
    FOOTER_Y,
    MARGIN,
    leading,
    register_font,
)
from gonghui_desk.exchange.render.xlsx_sheet import (
    FormSheet,
    RowCells,
    column_points,
    excel_widths,
)
from gonghui_desk.exchange.saving import discard_temporary
from gonghui_desk.services import Progress

INCH = 72.0
WRITING = "正在写入表格"
# Digits are all as wide as 0 (the font's figures are tabular): ID and phone numbers of one
# length are measured once.
AS_WIDE = str.maketrans("123456789", "000000000")


def render_xlsx(doc: Document, path: Path) -> Iterator[Progress]:
    """Write ``doc`` to ``path``; each step says how far the writing is."""
    register_font()  # the text is measured with the PDF's font
    workbook = Workbook(write_only=True)
    body = doc.body
    xs.add_styles(workbook, body.font_size)
    width, height = printable(doc.landscape)
    points = table_widths(body, width) if isinstance(body, Table) else spread(body.widths, width)
    units = excel_widths(points)
    sheet = FormSheet(workbook, doc.sheet_name or doc.title, units, page=height - SLACK)
    points = [column_points(u) for u in units]  # what the columns are, to the pixel
    done = False
    try:
        _print_setup(sheet, doc)
        if isinstance(body, Table) and body.text_cells:
            xs.text_columns(sheet)
        if doc.sheet_top or doc.sheet_bottom:
            xs.add_original_styles(workbook, body.font_size)
        if doc.sheet_top:
            _sheet_rows(sheet, doc.sheet_top)
        else:
            _title_block(sheet, doc, sum(points))
        closing = _closing_rows(doc, sum(points))
        # What follows the body and must share its last page: a template's rows, then ours.
        after = [("", "", sum(_sheet_row_height(r) for r in doc.sheet_bottom)), *closing]
        if isinstance(body, Table):
            yield from _table(sheet, doc, body, points, after)
        else:
            _grid(sheet, doc, body, points, after)
        _sheet_rows(sheet, doc.sheet_bottom)
        for text, style, row_height in closing:
            sheet.line(text, style, height=row_height)
        sheet.finish()
        # On screen the sheet says who exported it; on paper the page footer says so.
        sheet.line(doc.footer(), xs.NOTE, height=18)
        total = body.count if isinstance(body, Table) else 1
        yield Progress(total, total, "正在保存 Excel 文件")
        workbook.save(path)
        done = True
    finally:
        if not done:
            for ws in workbook.worksheets:  # the form's sheet and a list sheet
                discard_temporary(ws)


def _print_setup(sheet: FormSheet, doc: Document) -> None:
    ws = sheet.ws
    xs.print_layout(ws, landscape=doc.landscape)
    # The PDF's margins, so the printable area is the one the layout filled.
    side = MARGIN / INCH
    ws.page_margins = PageMargins(left=side, right=side, top=side, bottom=BOTTOM / INCH,
                                  header=0.3, footer=FOOTER_Y / INCH)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = None
    for part, text in ((ws.oddFooter.left, doc.footer().replace("&", "&&")),
                       (ws.oddFooter.right, "第 &P 页 共 &N 页")):
        part.text, part.size, part.font, part.color = text, 8, xs.FONT_NAME, "404040"
    if isinstance(doc.body, Table):
        # A write-only sheet takes its view settings before its first row.
        header_row = _header_row(doc)
        frozen = get_column_letter(min(doc.body.frozen_columns, sheet.width) + 1)
        ws.freeze_panes = f"{frozen}{header_row + 1}"


def _header_row(doc: Document) -> int:
    if doc.sheet_top:
        return len(doc.sheet_top) + 1
    return 1 + bool(doc.subtitle) + bool(doc.header) + 1


def _lines_height(lines: int, size: float) -> float:
    return lines * leading(size) + 2 * PAD


def _title_block(sheet: FormSheet, doc: Document, width: float) -> None:
    """Title, subtitle and header lines, about as tall as the PDF's (no borders to clear)."""
    sheet.line(doc.title, xs.TITLE, height=24)
    if doc.subtitle:  # a long contract title may wrap
        lines = line_count(doc.subtitle, width - 2 * PAD, xs.SUBTITLE_SIZE)
        sheet.line(doc.subtitle, xs.SUBTITLE, height=lines * leading(xs.SUBTITLE_SIZE) + 2)
    if doc.header:
        text = doc.header_line()
        lines = line_count(text, width - 2 * PAD, xs.HEADING_SIZE)
        sheet.line(text, xs.HEADING, height=lines * leading(xs.HEADING_SIZE) + 4)


def _closing_rows(doc: Document, width: float) -> list[tuple[str, str, float]]:
    """The lines after the body, notes and the sign-off, with their heights (in whole
    pixels, as the sheet will store them)."""
    rows = [(note, xs.NOTE, _lines_height(line_count(note, width - 2 * PAD, xs.NOTE_SIZE),
                                          xs.NOTE_SIZE)) for note in doc.notes]
    if (doc.signatures or doc.stamp) and not doc.sheet_top:  # a template signs at its top
        parts = [doc.signature_line()] if doc.signatures else []
        if doc.stamp:
            parts.append("（盖章）　　　　年　　月　　日")
        text = "　　　　".join(parts)
        lines = line_count(text, width - 2 * PAD, xs.SIGN_SIZE)
        rows.append((text, xs.PLAIN, lines * leading(xs.SIGN_SIZE) + 8))
    return [(text, style, whole_pixels(height)) for text, style, height in rows]


class _RowHeights:
    """A table row's height from its values: the most lines any of its text cells wraps
    to in its column. Numbers and dates stay on one line (the 序号 column and the
    definitions' widths fit them). A text is measured once per column: most columns
    repeat a few values (性别, 民族, 学历) and numbers of one length are as wide as each
    other, so a 10,000-row roster stays fast."""

    def __init__(self, table: Table, points: Sequence[float]) -> None:
        offset = 1 if table.numbered else 0
        self.size = table.font_size
        self.columns = [(offset + i, points[offset + i] - 2 * PAD, dict[str, int]())
                        for i, c in enumerate(table.columns)
                        if c.kind == TEXT or table.text_cells]

    def __call__(self, values: Sequence[object]) -> float:
        lines = 1
        for index, width, known in self.columns:
            text = values[index]
            if not isinstance(text, str) or not text:
                continue
            count = known.get(text)
            if count is None:
                count = self._measure(text, width, known)
            lines = max(lines, count)
        return _lines_height(lines, self.size)

    def _measure(self, text: str, width: float, known: dict[str, int]) -> int:
        if len(known) > 4000:  # unique values (names, ID numbers) would pile up
            known.clear()
        shape = text.translate(AS_WIDE)
        count = known.get(shape)
        if count is None:
            count = known[shape] = line_count(shape, width, self.size)
        known[text] = count
        return count


def _table(sheet: FormSheet, doc: Document, table: Table, points: Sequence[float],
           closing: Sequence[tuple[str, str, float]]) -> Iterator[Progress]:
    size = table.font_size
    headers = table.headers()
    lines = max(line_count(h, w - 2 * PAD, size) for h, w in zip(headers, points, strict=True))
    header = xs.ORIGINAL_HEADER if doc.sheet_top else xs.HEADER
    sheet.append([sheet.cell(h, header) for h in headers], _lines_height(lines, size))
    sheet.repeat_row()
    header_row = sheet.row
    offset = 1 if table.numbered else 0
    text = table.text_cells  # a template's table: every cell text, 序号 and dates too
    styles = ([xs.TEXT] if table.numbered else []) + [
        (xs.TEXT_LEFT if c.align == LEFT else xs.TEXT) if text else _column_style(c.kind, c.align)
        for c in table.columns]
    value_of = _text_value if text else _cell_value
    row_cells = RowCells(sheet, styles)
    height_of = _RowHeights(table, points)
    full = sum(points) - 2 * PAD
    number = 0
    tail: list[tuple[list[object] | str, float]] = []
    yield Progress(0, table.count, WRITING)
    for item in table.walk():
        if item is None:
            yield Progress(number, table.count, WRITING)
            continue
        if isinstance(item, str):
            entry: tuple[list[object] | str, float] = (
                item, _lines_height(line_count(item, full, size), size))
        else:
            number, row = item
            values: list[object] = ([str(number) if text else number]
                                    if table.numbered else [])
            values += [value_of(doc, c, row) for c in table.columns]
            entry = (values, height_of(values))
        if tail or in_tail(table, item):
            tail.append(entry)  # held back: see _keep_with_closing
        else:
            _write(sheet, row_cells, entry)
    _keep_with_closing(sheet, [h for _, h in tail], closing)
    for entry in tail:
        _write(sheet, row_cells, entry)
    if number and text:
        _text_dropdowns(sheet, table, offset, header_row + 1, sheet.row)
    elif number:
        choices = [(i, c.choices) for i, c in enumerate(table.columns, 1 + offset)]
        xs.add_dropdowns(sheet.ws, choices, header_row + 1, sheet.row)


def _write(sheet: FormSheet, row_cells: RowCells,
           entry: tuple[list[object] | str, float]) -> None:
    content, height = entry
    if isinstance(content, str):
        sheet.line(content, xs.TEXT_LEFT, height=height)
    else:
        sheet.append(row_cells.fill(content), height)


def _keep_with_closing(sheet: FormSheet, tail: Sequence[float],
                       closing: Sequence[tuple[str, str, float]]) -> None:
    """Start the last page before the table's last rows when they and the closing block
    do not all fit on this page, as the PDF does: no lonely row, no lonely sign-off."""
    if not tail:
        return
    need = sum(whole_pixels(h) for h in tail) + sum(h for _, _, h in closing)
    if sheet.room() < need <= (sheet.page or 0.0) - sheet.repeat:
        sheet.new_page()


def _column_style(kind: str, align: str) -> str:
    if kind == DATE:
        return xs.DATE
    if kind == MONEY:
        return xs.MONEY
    if kind == NUMBER:
        return xs.NUMBER
    return xs.TEXT_LEFT if align == LEFT else xs.TEXT


def _cell_value(doc: Document, column: Any, row: Any) -> object:
    value = doc.shown(column.private, column.value(row))
    if column.kind == MONEY and value is not None:
        return float(value)  # type: ignore[arg-type]
    if column.kind == DATE or column.kind == NUMBER or value is None:
        return value
    return value if isinstance(value, str) else format_value(value)


def _grid(sheet: FormSheet, doc: Document, grid: Grid, points: Sequence[float],
          closing: Sequence[tuple[str, str, float]]) -> None:
    """Each grid row becomes a sheet row; spans become merged cells with full borders."""
    placed = place(grid)
    first_row = sheet.row + 1
    rows: list[list[Any]] = [[sheet.cell(None, xs.LABEL) for _ in grid.widths]
                             for _ in grid.rows]
    texts: dict[int, str] = {}
    for p in placed:
        text = format_value(doc.shown(p.cell.private, p.cell.value))
        if p.cell.signoff:
            text = f"{text}\n\n{p.cell.signoff}" if text else f"\n\n{p.cell.signoff}"
        texts[id(p)] = text
        boxed = grid.rows[p.row].lines > 1 or p.rows > 1 or p.cell.signoff
        centred = p.cell.label or p.cell.align == CENTER
        style = xs.LABEL if centred else (xs.BOX if boxed else xs.TEXT)
        if p.cell.align == LEFT and style == xs.TEXT:
            style = xs.TEXT_LEFT
        for r in range(p.row, p.row + p.rows):
            for c in range(p.column, p.column + p.columns):
                rows[r][c] = sheet.cell(None, style)
        shown = doc.shown(p.cell.private, p.cell.value)
        # Counts stay numbers, so the higher body can add them up.
        value = shown if isinstance(shown, (int, float)) and not p.cell.signoff else text
        rows[p.row][p.column] = sheet.cell(value if value != "" else None, style)
    size = grid.font_size
    heights = [whole_pixels(h) for h in grid_heights(
        grid, placed, edges_of(0.0, points),
        lambda p, width: line_count(texts[id(p)], width, size))]
    starts = set(grid_pages(placed, heights, sheet.used, sheet.page or 0.0,
                            sum(h for _, _, h in closing)))
    for r, (cells, height) in enumerate(zip(rows, heights, strict=True)):
        if r in starts:
            sheet.new_page()
        sheet.append(cells, height)
    for p in placed:
        if p.rows > 1 or p.columns > 1:
            sheet.ws.merged_cells.add(
                f"{get_column_letter(p.column + 1)}{first_row + p.row}:"
                f"{get_column_letter(p.column + p.columns)}{first_row + p.row + p.rows - 1}"
            )


_ORIGINAL_STYLES = {SHEET_TITLE: xs.ORIGINAL_TITLE, SHEET_HEADING: xs.ORIGINAL_HEADING,
                    SHEET_NOTE: xs.ORIGINAL_NOTE}


# A template row without a height of its own holds one line of its 11-point text; it is
# counted on the page like every other row, so the page breaks fall where they were counted.
SHEET_ROW_HEIGHT = 18.0


def _sheet_row_height(row: SheetRow) -> float:
    return whole_pixels(row.height or SHEET_ROW_HEIGHT)


def _sheet_rows(sheet: FormSheet, rows: tuple[SheetRow, ...]) -> None:
    """A template's own rows, each text merged over its columns as the template has it."""
    for row in rows:
        style = _ORIGINAL_STYLES.get(row.kind, xs.ORIGINAL_PLAIN)
        cells: list[Any] = []
        pieces: list[tuple[int, int]] = []
        for index, text in enumerate(row.texts):
            last = index == len(row.texts) - 1
            span = sheet.width - len(cells) if last else row.spans[index]
            pieces.append((len(cells) + 1, len(cells) + span))
            cells.append(sheet.cell(text, style))
            cells.extend(sheet.cell(None, style) for _ in range(span - 1))
        sheet.append(cells, _sheet_row_height(row))
        if row.kind == SHEET_PLAIN:
            continue  # plain text (附件四) stands in its own cell, unmerged
        for first, last_column in pieces:
            sheet.merge(first, last_column)


def _text_value(doc: Document, column: Any, row: Any) -> str | None:
    value = doc.shown(column.private, column.value(row))
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else format_value(value)


def _text_dropdowns(sheet: FormSheet, table: Table, offset: int, first: int,
                    last: int) -> None:
    inline: list[tuple[int, tuple[str, ...]]] = []
    listed: list[tuple[int, str, tuple[str, ...]]] = []
    for index, column in enumerate(table.columns, 1 + offset):
        if not column.choices:
            continue
        too_long = len('"' + ",".join(column.choices) + '"') > xs.MAX_LIST_CHARS
        if table.list_sheet and (column.listed or too_long):
            listed.append((index, column.header, column.choices))
        else:
            inline.append((index, column.choices))
    xs.add_dropdowns(sheet.ws, inline, first, last)
    if listed:
        xs.add_list_sheet(sheet.workbook, sheet.ws, table.list_sheet, listed, first, last)
