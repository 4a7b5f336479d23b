"""Reading a roster file: .xlsx, .xlsm, .xls, .ods (python-calamine) and .csv.

The file's content decides how it is read, not its name: WPS saves .xlsx files named .xls,
and a broken or foreign file must give a Chinese message, never a traceback. Only rows
with something in them are kept, with the row number the spreadsheet shows, so a sheet
whose used range runs to row 1,048,576 (a format applied to whole columns) costs what its
data costs. A cell merged down a column (one department for several people) is given to
every row it covers.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError

from gonghui_desk.errors import UserError
from gonghui_desk.exchange import xlsx_first_rows as xfr
from gonghui_desk.exchange.cell_values import Cell

log = logging.getLogger(__name__)

# A sheet this large (its XML; some 25,000 rows of 20 columns) is read in two steps when the
# import asks for its first rows: a hopeless one is then refused before the rest is read.
FIRST_ROWS_FROM = 16 * 1024 * 1024
READABLE_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt")
FILE_FILTER = "电子表格 (*.xlsx *.xlsm *.xls *.ods *.csv)"
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an encrypted .xlsx
_MAX_CSV_BYTES = 200 * 1024 * 1024


class UnreadableFile(UserError):
    """The file cannot be read as a spreadsheet; the message says why and what to do."""


@dataclass(frozen=True)
class SheetData:
    """The non-blank rows of one sheet: (row number as shown, cells from column A)."""

    name: str
    rows: list[tuple[int, list[Cell]]]
    # Of a large sheet read to its first rows (``read_sheet(…, first=N)``): ``partial``; the
    # rows after them, about (blank ones counted too), and whether the cells merged down
    # into the rows read are filled: both only when it was read ``to_the_end``.
    partial: bool = False
    rows_after: int = 0
    merges_filled: bool = True

    @property
    def width(self) -> int:
        return max((len(cells) for _, cells in self.rows), default=0)


def _refuse(path: Path, why: str) -> UnreadableFile:
    return UnreadableFile(f"无法读取“{path.name}”：{why}")


def _kind(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise _refuse(path, "文件不存在，可能已被移动或删除。") from None
    except OSError as exc:
        raise _refuse(path, f"文件打不开（{exc.strerror or exc}）。如在 Excel/WPS 中打开着，"
                            "请先关闭再试。") from exc
    if not head:
        raise _refuse(path, "文件是空的（0 字节）。")
    if head.startswith(_ZIP):
        return "zip"
    if head.startswith(_OLE):
        return "ole"
    if path.suffix.lower() in (".csv", ".txt"):
        return "csv"
    if path.suffix.lower() in READABLE_SUFFIXES:
        raise _refuse(path, "文件内容不是电子表格（可能已损坏，或是改了扩展名的其他文件）。")
    raise _refuse(path, "只能导入 .xlsx、.xlsm、.xls、.ods 或 .csv 文件。")


def _open_workbook(path: Path, kind: str) -> CalamineWorkbook:
    try:
        with path.open("rb") as handle:
            return CalamineWorkbook.from_filelike(handle)
    except PasswordError:
        raise _refuse(path, "文件设有打开密码。请在 Excel/WPS 中取消密码后另存，再导入。") from None
    except CalamineError as exc:
        if kind == "ole" and path.suffix.lower() in (".xlsx", ".xlsm"):
            raise _refuse(
                path, "文件设有打开密码（已加密）。请在 Excel/WPS 中取消密码后另存，再导入。"
            ) from exc
        raise _refuse(
            path, f"文件已损坏或不完整（{exc}）。请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。"
        ) from exc
    except OSError as exc:
        raise _refuse(path, f"文件读取失败（{exc.strerror or exc}）。") from exc


def sheet_names(path: Path) -> list[str]:
    """The sheets to choose from (a CSV file has one, named after the file)."""
    kind = _kind(path)
    if kind == "csv":
        return [path.stem]
    names = list(_open_workbook(path, kind).sheet_names)
    if not names:
        raise _refuse(path, "工作簿中没有工作表。")
    return names


def read_sheet(path: Path, sheet: str | None = None, *, first: int | None = None,
               to_the_end: bool = False) -> SheetData:
    """The non-blank rows of ``sheet`` (the first when ``None``).

    With ``first``, an .xlsx sheet whose XML is larger than ``FIRST_ROWS_FROM`` bytes is
    read only to its ``first``-th row (exchange.xlsx_first_rows); with ``to_the_end`` as
    well, the rest is read for the cells merged into those rows, and its rows counted. Any
    other sheet is read whole."""
    kind = _kind(path)
    if kind == "csv":
        return SheetData(path.stem, _csv_rows(path))
    if first is not None and kind == "zip":
        # before the workbook is opened: opening it reads all its shared strings
        start = _first_rows(path, sheet, first, to_the_end)
        if start is not None:
            return start
    workbook = _open_workbook(path, kind)
    name = sheet if sheet is not None else workbook.sheet_names[0]
    if name not in workbook.sheet_names:
        raise _refuse(path, f"没有名为“{name}”的工作表（有：{'、'.join(workbook.sheet_names)}）。")
    return _whole_sheet(path, workbook, name)


def _first_rows(path: Path, sheet: str | None, first: int, to_the_end: bool) -> SheetData | None:
    cut = xfr.first_rows(path, sheet, first, FIRST_ROWS_FROM, to_the_end=to_the_end)
    if cut is None:
        return None
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(cut.workbook))
        start = _whole_sheet(path, workbook, cut.sheet)
    except (UnreadableFile, CalamineError) as exc:  # the whole read says what is wrong
        log.info("reading %s whole: its first rows alone gave %s", path, exc)
        return None
    return SheetData(start.name, start.rows, partial=True, rows_after=cut.rows_after,
                     merges_filled=cut.to_the_end)


def _whole_sheet(path: Path, workbook: CalamineWorkbook, name: str) -> SheetData:
    try:
        data = workbook.get_sheet_by_name(name)
        first_row, first_col = data.start or (0, 0)
        merged = data.merged_cell_ranges or []
        rows = _kept_rows(data.iter_rows(), first_row, first_col)
    except CalamineError as exc:
        raise _refuse(path, f"工作表“{name}”已损坏（{exc}）。请另存为 .xlsx 后再导入。") from exc
    _fill_merged_down(rows, merged)
    return SheetData(name, rows)


def _blank(cell: Cell) -> bool:
    return cell is None or cell == "" or (isinstance(cell, str) and not cell.strip())


def _kept_rows(
    source: Iterable[Sequence[Cell]], first_row: int, first_col: int
) -> list[tuple[int, list[Cell]]]:
    pad: list[Cell] = [""] * first_col
    kept = []
    # One object per distinct value: a roster repeats 汉族, 在岗 and its unit name in every
    # row, and 100,000 rows of copies would cost 80 MB.
    same: dict[Cell, Cell] = {}
    share = same.setdefault
    for offset, cells in enumerate(source):
        # counting empties runs in C: a million blank rows cost a fraction of a second
        if cells.count("") + cells.count(None) < len(cells):
            kept.append((first_row + offset + 1, [*pad, *map(share, cells, cells)]))
    return kept


def _fill_merged_down(
    rows: list[tuple[int, list[Cell]]], merged: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    vertical = [m for m in merged if m[0][1] == m[1][1] and m[1][0] > m[0][0]]
    if not vertical or not rows:
        return
    by_number = {number: cells for number, cells in rows}
    for (top, column), (bottom, _) in vertical:
        source = by_number.get(top + 1)
        if source is None or column >= len(source):
            continue
        for number in range(top + 2, bottom + 2):
            cells = by_number.get(number)
            if cells is not None and column < len(cells) and _blank(cells[column]):
                cells[column] = source[column]


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="strict")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")  # Excel's "Unicode 文本"
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse(
        path, "文字编码无法识别（不是 UTF-8 或 GBK）。请在 Excel/WPS 中另存为 .xlsx 后再导入。"
    )


def _csv_rows(path: Path) -> list[tuple[int, list[Cell]]]:
    if path.stat().st_size > _MAX_CSV_BYTES:
        raise _refuse(path, "CSV 文件超过 200 MB，不像是会员名册。")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096] and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _refuse(path, "文件内容不是文字表格（可能是改了扩展名的其他文件）。")
    try:
        text = _decode(path, raw)
    except UnicodeDecodeError as exc:
        raise _refuse(path, "文字编码有误，文件可能已损坏。") from exc
    sample = text[:8192]
    delimiter = max(",\t;", key=sample.count) if sample else ","
    kept: list[tuple[int, list[Cell]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for number, cells in enumerate(reader, start=1):  # records, as Excel numbers rows
            if any(c.strip() for c in cells):
                kept.append((number, list(cells)))
    except csv.Error as exc:
        raise _refuse(path, f"CSV 格式有误（约第 {reader.line_num} 行：{exc}）。") from exc
    return kept
