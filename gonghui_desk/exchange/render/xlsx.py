"""Any form ``Document`` to an .xlsx workbook that Excel, WPS and LibreOffice open as is.

The sheet carries the same title block as the PDF, a bold bordered header, frozen panes,
the column widths of the definition, and a print set-up (A4, fit to width, header rows
repeated, page numbers in the footer). ID and phone numbers are written as text and dates
as real dates; the sheet is not protected, so the higher body can sort and fill it in.

A form whose original is an Excel template (``Document.sheet_top``, ``Table.text_cells``)
gets that template's shape instead: its own rows above the header and below the data,
every cell text, row heights for the cells that wrap, and its long dropdown lists on a
list sheet of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

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
    Document,
    Grid,
    SheetRow,
    Table,
    format_value,
    place,
)
from gonghui_desk.exchange.render import xlsx_sheet as xs
from gonghui_desk.exchange.render.xlsx_sheet import (
    FormSheet,
    LineCounter,
    RowCells,
    estimated_lines,
)
from gonghui_desk.exchange.saving import discard_temporary
from gonghui_desk.services import Progress


def render_xlsx(doc: Document, path: Path) -> Iterator[Progress]:
    """Write ``doc`` to ``path``; each step says how far the writing is."""
    workbook = Workbook(write_only=True)
    body = doc.body
    text_cells = isinstance(body, Table) and body.text_cells
    size = body.font_size + 1
    if isinstance(body, Table) and body.sheet_font_size:
        size = body.sheet_font_size
    xs.add_styles(workbook, size)
    if doc.sheet_top or doc.sheet_bottom:
        xs.add_original_styles(workbook, size)
    widths = body.widths() if isinstance(body, Table) else list(body.widths)
    sheet = FormSheet(workbook, doc.sheet_name or doc.title, widths)
    done = False
    try:
        _print_setup(sheet, doc)
        if text_cells:
            xs.text_columns(sheet)
        if doc.sheet_top:
            _sheet_rows(sheet, doc.sheet_top)
        else:
            _title_block(sheet, doc)
        if isinstance(body, Table):
            yield from (_text_table if text_cells else _table)(sheet, doc, body)
        else:
            _grid(sheet, doc, body)
        _sheet_rows(sheet, doc.sheet_bottom)
        _closing_block(sheet, doc)
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
    ws.print_options.horizontalCentered = True
    if isinstance(doc.body, Table):
        # A write-only sheet takes its view settings before its first row.
        header_row = _header_row(doc)
        frozen = get_column_letter(min(doc.body.frozen_columns, sheet.width) + 1)
        ws.freeze_panes = f"{frozen}{header_row + 1}"


def _header_row(doc: Document) -> int:
    if doc.sheet_top:
        return len(doc.sheet_top) + 1
    return 1 + bool(doc.subtitle) + bool(doc.header) + 1


def _title_block(sheet: FormSheet, doc: Document) -> None:
    sheet.line(doc.title, xs.TITLE, height=34)
    if doc.subtitle:
        sheet.line(doc.subtitle, xs.SUBTITLE, height=20)
    if doc.header:
        text = doc.header_line()
        lines = estimated_lines(text, sum(_widths(sheet)))
        sheet.line(text, xs.HEADING, height=xs.LINE_HEIGHT * lines + 6)


def _widths(sheet: FormSheet) -> list[float]:
    return [sheet.ws.column_dimensions[get_column_letter(i)].width
            for i in range(1, sheet.width + 1)]


def _table(sheet: FormSheet, doc: Document, table: Table) -> Iterator[Progress]:
    headers = table.headers()
    widths = table.widths()
    height = max(estimated_lines(h, w) for h, w in zip(headers, widths, strict=True))
    sheet.append([sheet.cell(h, xs.HEADER) for h in headers], xs.LINE_HEIGHT * height + 8)
    header_row = sheet.row
    sheet.ws.print_title_rows = f"{header_row}:{header_row}"
    offset = 1 if table.numbered else 0
    styles = ([xs.TEXT] if table.numbered else []) + [_column_style(c.kind, c.align)
                                                      for c in table.columns]
    row_cells = RowCells(sheet, styles)
    number = 0
    yield Progress(0, table.count, "正在写入表格")
    for item in table.walk():
        if item is None:
            yield Progress(number, table.count, "正在写入表格")
        elif isinstance(item, str):
            sheet.line(item, xs.TEXT_LEFT)
        else:
            number, row = item
            values: list[object] = [number] if table.numbered else []
            values += [_cell_value(doc, c, row) for c in table.columns]
            sheet.append(row_cells.fill(values))
    if number:
        choices = [(i, c.choices) for i, c in enumerate(table.columns, 1 + offset)]
        xs.add_dropdowns(sheet.ws, choices, header_row + 1, sheet.row)


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


def _grid(sheet: FormSheet, doc: Document, grid: Grid) -> None:
    """Each grid row becomes a sheet row; spans become merged cells with full borders."""
    placed = place(grid)
    first_row = sheet.row + 1
    rows: list[list[Any]] = [[sheet.cell(None, xs.LABEL) for _ in grid.widths]
                             for _ in grid.rows]
    lines = [row.lines for row in grid.rows]
    merges: list[tuple[int, int, int, int]] = []
    for p in placed:
        text = format_value(doc.shown(p.cell.private, p.cell.value))
        if p.cell.signoff:
            text = f"{text}\n\n{p.cell.signoff}" if text else f"\n\n{p.cell.signoff}"
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
        width = sum(grid.widths[p.column:p.column + p.columns])
        need = estimated_lines(text, width)
        last = p.row + p.rows - 1
        have = sum(lines[p.row:last + 1])
        if need > have:
            lines[last] += need - have
        merges.append((p.row, p.column, p.rows, p.columns))
    for cells, count in zip(rows, lines, strict=True):
        sheet.append(cells, xs.LINE_HEIGHT * count + 8)
    for r, c, height, width in merges:
        if height > 1 or width > 1:
            sheet.ws.merged_cells.add(
                f"{get_column_letter(c + 1)}{first_row + r}:"
                f"{get_column_letter(c + width)}{first_row + r + height - 1}"
            )


def _closing_block(sheet: FormSheet, doc: Document) -> None:
    width = sum(_widths(sheet))
    for note in doc.notes:
        sheet.line(note, xs.NOTE, height=xs.LINE_HEIGHT * estimated_lines(note, width) + 4)
    if (doc.signatures or doc.stamp) and not doc.sheet_top:  # a template signs at its top
        parts = [f"{name}：＿＿＿＿＿＿" for name in doc.signatures]
        if doc.stamp:
            parts.append("（盖章）　　　　年　　月　　日")
        sheet.line("　　　　".join(parts), xs.PLAIN, height=36)
    sheet.line(doc.footer(), xs.NOTE, height=18)


_ORIGINAL_STYLES = {SHEET_TITLE: xs.ORIGINAL_TITLE, SHEET_HEADING: xs.ORIGINAL_HEADING,
                    SHEET_NOTE: xs.ORIGINAL_NOTE}


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
        sheet.append(cells, row.height)
        if row.kind == SHEET_PLAIN:
            continue  # plain text (附件四) stands in its own cell, unmerged
        for first, last_column in pieces:
            sheet.merge(first, last_column)


def _text_table(sheet: FormSheet, doc: Document, table: Table) -> Iterator[Progress]:
    """A template's table: a plain bordered header, every cell text (序号 and dates too),
    a row as tall as its most wrapped cell, dropdowns inline or on the list sheet."""
    headers = table.headers()
    widths = table.widths()
    height = max(estimated_lines(h, w) for h, w in zip(headers, widths, strict=True))
    sheet.append([sheet.cell(h, xs.ORIGINAL_HEADER if doc.sheet_top else xs.HEADER)
                  for h in headers], xs.LINE_HEIGHT * height + 8)
    header_row = sheet.row
    sheet.ws.print_title_rows = f"{header_row}:{header_row}"
    offset = 1 if table.numbered else 0
    styles = ([xs.TEXT] if table.numbered else []) + [
        xs.TEXT_LEFT if c.align == LEFT else xs.TEXT for c in table.columns]
    row_cells = RowCells(sheet, styles)
    size = table.sheet_font_size or table.font_size + 1
    lines = LineCounter(widths, size, skip=(0,) if table.numbered else ())
    number = 0
    yield Progress(0, table.count, "正在写入表格")
    for item in table.walk():
        if item is None:
            yield Progress(number, table.count, "正在写入表格")
        elif isinstance(item, str):
            sheet.line(item, xs.TEXT_LEFT)
        else:
            number, row = item
            values: list[object] = [str(number)] if table.numbered else []
            values += [_text_value(doc, c, row) for c in table.columns]
            sheet.append_tall(row_cells.fill(values),
                              xs.wrapped_height(lines.lines(values), size))
    if number:
        _text_dropdowns(sheet, table, offset, header_row + 1, sheet.row)


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
