"""From a sheet to a plan request: the header found, the mapping saved for it reused.

A mapping the user confirmed is stored under the header's signature (``remember_mapping``,
an operation body, which the import does in its own transaction); the next file whose
header reads the same gets it at once, in the wizard and on the command line alike.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.header_map import (
    HEADER_SCAN_ROWS,
    TARGET_LABELS,
    HeaderGuess,
    auto_mapping,
    find_header,
    header_signature,
)
from gonghui_desk.exchange.member_import import ROWS_READ_FIRST, PlanRequest, remember_mapping
from gonghui_desk.exchange.workbook import SheetData, read_sheet
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.bulk import collector_paused, give_back_freed_memory

__all__ = ["guess_header", "headers_at", "prepare_request", "read_roster", "remember_mapping",
           "saved_or_auto_mapping"]


def read_roster(path: Path, sheet: str | None = None, *, start_only: bool = False) -> SheetData:
    """The sheet as the import reads it: 100,000 rows of cells, with Python's collector
    paused meanwhile (services.bulk: they are long-lived and make no cycles), and the
    reader's own copy of the cells given back once it is freed.

    ``start_only``: of a large .xlsx sheet, only its first rows (``ROWS_READ_FIRST``); the
    check reads the rest when they do not already show the file to be hopeless."""
    with collector_paused():
        data = read_sheet(path, sheet, first=ROWS_READ_FIRST if start_only else None)
    give_back_freed_memory()
    return data


def guess_header(sheet: SheetData) -> HeaderGuess:
    if not sheet.rows:
        raise UserError(f"工作表“{sheet.name}”是空的：没有任何内容。请选择有会员名单的工作表。")
    guess = find_header(sheet.rows)
    if guess is None:
        raise UserError(
            f"在工作表“{sheet.name}”的前 {HEADER_SCAN_ROWS} 行中找不到表头："
            "需要有“姓名”和“证件号码”（或“身份证号”）等列名的一行。"
            "请检查是否选对了工作表，或在表格顶部加上列名。"
        )
    return guess


def headers_at(sheet: SheetData, row_number: int) -> tuple[str, ...]:
    for number, cells in sheet.rows:
        if number == row_number:
            return tuple(str(c).strip() if isinstance(c, str) else "" for c in cells)
    raise UserError(f"第 {row_number} 行是空行，不能作为表头。")


def saved_or_auto_mapping(
    sessions: SessionFactory, headers: tuple[str, ...]
) -> tuple[dict[int, str], bool]:
    """(mapping, True when it is the one saved for this header)."""
    saved = batches.load_mapping(sessions, header_signature(headers))
    if saved is not None:
        mapping = {int(index): key for index, key in saved.items()
                   if key in TARGET_LABELS and int(index) < len(headers)}
        return mapping, True
    return auto_mapping(headers), False


def prepare_request(
    sessions: SessionFactory, sheet: SheetData, path: Path, mode: str,
    today: dt.date,
) -> PlanRequest:
    """The request the command line runs: header found, mapping saved or guessed."""
    guess = guess_header(sheet)
    mapping, _ = saved_or_auto_mapping(sessions, guess.headers)
    if not any(number > guess.row_number for number, _ in sheet.rows):
        raise UserError(f"工作表“{sheet.name}”只有表头（第 {guess.row_number} 行），没有会员数据。")
    return PlanRequest(sheet, path, guess.row_number, guess.headers, mapping, mode,
                       today)
