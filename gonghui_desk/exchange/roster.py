"""The members page's export: its list to the provincial 工会会员信息采集表 or a plain 会员花名册.

``export_roster`` is long work (STYLE.md): a generator of ``Progress`` that the GUI runs on
a worker and closes to cancel. The workbook goes to ``<name>.partial`` beside the target and
is moved onto it only when complete, so a cancelled or failed export leaves no half file and
an older file of that name stays intact until the new one is whole.

The provincial form has one definition (exchange.forms.member_roster), which the 报表 page
draws too; this module hands it the page's list. The plain roster, the branch's own list
(部门, 岗位, 会员证号, 入会日期, 会籍状态…), is drawn here.

Full ID numbers and mobiles (always in the provincial form, which needs them; in the roster
only on request) are sensitive (个人信息保护法 §28): such an export writes a change-history
entry in the transaction that moves the file into place.

openpyxl streams the rows (write-only mode, fast enough for 100,000 members), so widths,
row heights and frozen panes are set before the rows they concern. A data cell holds text
or a date, never a number: an 18-digit ID number stored as a number loses its last digits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

from gonghui_desk.db.session import SessionFactory, clock_of
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import FIELD_LABELS
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import member_roster
from gonghui_desk.exchange.forms.common import exporter, yes_no
from gonghui_desk.exchange.forms.export import write_document
from gonghui_desk.exchange.render.xlsx import render_xlsx
from gonghui_desk.exchange.render.xlsx_sheet import FormSheet, print_layout
from gonghui_desk.exchange.saving import discard_temporary, file_error, move_into_place
from gonghui_desk.services import Progress
from gonghui_desk.services.member_export import ExportRow, fetch_export_rows
from gonghui_desk.services.members import MemberFilter, search_ids
from gonghui_desk.services.profile import load_profile

PROVINCIAL, PLAIN = "provincial", "plain"
LAYOUT_NAMES = {PROVINCIAL: member_roster.TITLE, PLAIN: "会员花名册"}
BATCH = 1000

CellValue = str | int | dt.date | None
Sheet = Any  # openpyxl's WriteOnlyWorksheet (openpyxl ships no type hints)

# Named styles: one lookup per cell, cheaper than setting font, border and format each time.
TITLE, HEADING, HEADER_BOLD, TEXT, DATE, NOTE = (
    "导出-标题", "导出-表头说明", "导出-列标题加粗", "导出-文本", "导出-日期", "导出-说明",
)


def _add_styles(wb: Any) -> None:
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center")
    wrapped = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body = Font(name="宋体", size=10)
    for style in (
        NamedStyle(TITLE, font=Font(name="宋体", size=18, bold=True), alignment=centre),
        NamedStyle(HEADING, font=Font(name="宋体", size=10, bold=True),
                   alignment=Alignment(horizontal="left", vertical="center")),
        NamedStyle(HEADER_BOLD, font=Font(name="宋体", size=10, bold=True), border=box,
                   alignment=wrapped, number_format="@"),
        NamedStyle(TEXT, font=body, border=box, alignment=centre, number_format="@"),
        NamedStyle(DATE, font=body, border=box, alignment=centre, number_format="yyyy-mm-dd"),
        NamedStyle(NOTE, font=body, alignment=Alignment(vertical="top", wrap_text=True)),
    ):
        wb.add_named_style(style)


@dataclass(frozen=True)
class Column:
    """One column after 序号: header text, width, what it shows, how."""

    header: str
    width: float
    value: Callable[[ExportRow], CellValue]
    style: str = TEXT


def plain_columns(full_numbers: bool) -> tuple[Column, ...]:
    """The roster's columns 2–17; ID numbers and mobiles masked unless ``full_numbers``."""
    id_number = (lambda r: r.id_number) if full_numbers else (
        lambda r: mask_id_number(r.id_number))
    phone = (lambda r: r.phone) if full_numbers else (lambda r: mask_phone(r.phone))
    label = FIELD_LABELS
    return (
        Column(label["name"], 10, lambda r: r.name),
        Column(label["gender"], 6, lambda r: r.gender),
        Column(label["birth_date"], 12, lambda r: r.birth_date, style=DATE),
        Column(label["department"], 14, lambda r: r.department),
        Column(label["post"], 12, lambda r: r.post),
        Column(label["id_number"], 21, id_number),
        Column(label["phone"], 13, phone),
        Column(label["card_number"], 14, lambda r: r.card_number),
        Column(label["join_date"], 12, lambda r: r.join_date, style=DATE),
        Column(ms.STATUSES.name, 10, lambda r: r.status),
        Column(label["ethnicity"], 9, lambda r: r.ethnicity),
        Column(label["education"], 10, lambda r: r.education),
        Column(label["political_status"], 13, lambda r: r.political_status),
        Column(label["migrant_worker"], 10, lambda r: yes_no(r.migrant_worker)),
        Column(label["new_employment_form"], 12, lambda r: r.new_employment_form),
        Column(label["model_worker_level"], 9, lambda r: r.model_worker_level),
    )


class _Sheet(FormSheet):
    """The roster's sheet: 序号 and the columns, header rows repeated and frozen."""

    def __init__(self, workbook: Any, name: str, columns: tuple[Column, ...],
                 header_row: int) -> None:
        super().__init__(workbook, name, (6, *(c.width for c in columns)))
        self.columns = columns
        self.ws.freeze_panes = f"C{header_row + 1}"  # header, 序号 and 姓名 stay in view
        self.ws.print_title_rows = f"{header_row}:{header_row}"
        print_layout(self.ws, landscape=True)

    def header(self, style: str, height: float) -> None:
        headers = ("序号", *(c.header for c in self.columns))
        self.append([self.cell(h, style) for h in headers], height)

    def data(self, number: int, row: ExportRow) -> None:
        cells = [self.cell(number, TEXT)]
        cells.extend(self.cell(c.value(row), c.style) for c in self.columns)
        self.append(cells)


def _plain_top(sheet: _Sheet, profile: BranchProfile, total: int, today: dt.date) -> None:
    sheet.line(f"{profile.union_name}会员花名册", TITLE, height=32)
    sheet.line(f"截至 {today:%Y-%m-%d}，共 {total} 人", HEADING, height=20)
    sheet.header(HEADER_BOLD, height=30)


def _plain_bottom(sheet: _Sheet, first: int, last: int, now: dt.datetime,
                  officer: str) -> None:
    sheet.ws.auto_filter.ref = f"A{first - 1}:{sheet.last}{last}"
    who = f"导出人：{officer}　" if officer else ""  # never the computer's login
    sheet.line(f"{who}导出时间：{now:%Y-%m-%d %H:%M}", NOTE)


def export_roster(
    sessions: SessionFactory,
    flt: MemberFilter,
    path: Path,
    layout: str,
    *,
    include_full_ids: bool = False,
    today: dt.date,
) -> Iterator[Progress]:
    """Write the members of the list ``flt`` describes, in its order, to ``path``.

    ``layout`` is ``PROVINCIAL`` (always full ID numbers and mobiles) or ``PLAIN`` (masked
    unless ``include_full_ids``); ``today`` is the roster's 截至 date. Raises ``UserError``
    when nobody matches or the file cannot be written.
    """
    if layout not in LAYOUT_NAMES:
        raise ValueError(f"unknown roster layout {layout!r}")
    ids = search_ids(sessions, flt)
    if not ids:
        raise UserError("当前列表中没有会员，没有导出文件。请检查筛选条件。")
    if layout == PROVINCIAL:
        doc = replace(member_roster.list_document(sessions, ids),
                      exported_at=clock_of(sessions).now())
        yield from write_document(sessions, doc, path, render_xlsx)
    else:
        yield from _plain(sessions, ids, path, include_full_ids, today)


def _plain(sessions: SessionFactory, ids: list[int], path: Path, full_numbers: bool,
           today: dt.date) -> Iterator[Progress]:
    profile = load_profile(sessions)
    total = len(ids)
    wb = Workbook(write_only=True)
    _add_styles(wb)
    partial = path.with_name(path.name + ".partial")
    completed = False
    try:
        sheet = _Sheet(wb, "会员花名册", plain_columns(full_numbers), 3)
        _plain_top(sheet, profile, total, today)
        first = sheet.row + 1
        written = 0
        yield Progress(0, total, "正在写入会员信息")
        for start in range(0, total, BATCH):
            batch = ids[start:start + BATCH]
            for row in fetch_export_rows(sessions, batch, with_latest_event=False):
                written += 1
                sheet.data(written, row)
            yield Progress(start + len(batch), total, "正在写入会员信息")
        if not written:  # all deleted while we were writing
            raise UserError("当前列表中没有会员，没有导出文件。请检查筛选条件。")
        _plain_bottom(sheet, first, sheet.row, clock_of(sessions).now(), exporter(sessions))
        yield Progress(total, total, "正在保存文件")
        try:
            wb.save(partial)
        except OSError as exc:
            raise file_error(exc, path) from exc
        record: dict[str, object] | None = None
        if full_numbers:
            record = {"导出": LAYOUT_NAMES[PLAIN], "人数": written, "文件": path.name,
                      "位置": str(path.parent), "证件号码": "完整（未隐去）"}
        move_into_place(sessions, partial, path, record)
        completed = True
    finally:
        if not completed:
            for ws in wb.worksheets:
                discard_temporary(ws)
        partial.unlink(missing_ok=True)
