"""The members list to .xlsx: the provincial 工会会员信息采集表 or a plain 会员花名册.

``export_roster`` is long work (STYLE.md): a generator of ``Progress`` that the GUI runs on
a worker and closes to cancel. The workbook goes to ``<name>.partial`` beside the target and
is moved onto it only when complete, so a cancelled or failed export leaves no half file and
an older file of that name stays intact until the new one is whole.

Full ID numbers and mobiles (always in the provincial form, which needs them; in the roster
only on request) are sensitive (个人信息保护法 §28): such an export writes a change-history
entry in the transaction that moves the file into place.

openpyxl streams the rows (write-only mode, fast enough for 100,000 members), so widths,
row heights and frozen panes are set before the rows they concern; merges and dropdowns
follow the data. A data cell holds text or a date, never a number: an 18-digit ID number
stored as a number loses its last digits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter

from gonghui_desk.db.session import SessionFactory, clock_of, officer_of
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, YES_NO
from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member import CODE_LISTS, FIELD_LABELS
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.render.xlsx_sheet import FormSheet, add_dropdowns, print_layout
from gonghui_desk.exchange.saving import discard_temporary, file_error, move_into_place
from gonghui_desk.services import Progress
from gonghui_desk.services.member_export import ExportRow, fetch_export_rows
from gonghui_desk.services.members import MemberFilter, search_ids
from gonghui_desk.services.profile import load_profile

PROVINCIAL, PLAIN = "provincial", "plain"
LAYOUT_NAMES = {PROVINCIAL: "工会会员信息采集表", PLAIN: "会员花名册"}
BATCH = 1000

CellValue = str | int | dt.date | None
Sheet = Any  # openpyxl's WriteOnlyWorksheet (openpyxl ships no type hints)

# The province's system knows no 恢复 (restored after 保留); its dropdown keeps its own list.
PROVINCE_EVENT_KINDS = tuple(k for k in ms.EVENT_KINDS.values if k != ms.RESTORE)

PROVINCIAL_NOTE = (
    "填表说明：\n"
    "1. 表中所列项目均为必填项。\n"
    "2. “工作单位”请填写单位全称，不用简称。\n"
    "3. 出生日期、会籍变化日期按 yyyy/MM/dd 格式填写，例如 1990/03/07。\n"
    "4. 证件号码填写 18 位居民身份证号码，末位为字母的填写大写 X。"
)

# Named styles: one lookup per cell, cheaper than setting font, border and format each time.
TITLE, HEADING, HEADER, HEADER_BOLD, TEXT, DATE, NOTE = (
    "导出-标题", "导出-表头说明", "导出-列标题", "导出-列标题加粗", "导出-文本", "导出-日期",
    "导出-说明",
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
        NamedStyle(HEADER, font=body, border=box, alignment=wrapped, number_format="@"),
        NamedStyle(HEADER_BOLD, font=Font(name="宋体", size=10, bold=True), border=box,
                   alignment=wrapped, number_format="@"),
        NamedStyle(TEXT, font=body, border=box, alignment=centre, number_format="@"),
        NamedStyle(DATE, font=body, border=box, alignment=centre, number_format="yyyy-mm-dd"),
        NamedStyle(NOTE, font=body, alignment=Alignment(vertical="top", wrap_text=True)),
    ):
        wb.add_named_style(style)


@dataclass(frozen=True)
class Column:
    """One column after 序号: header text, width, what it shows, its dropdown values."""

    header: str
    width: float
    value: Callable[[ExportRow], CellValue]
    choices: tuple[str, ...] = ()
    style: str = TEXT


def _slashed(day: dt.date | None) -> str | None:
    return f"{day:%Y/%m/%d}" if day else None


def _yes_no(flag: bool) -> str:
    return YES_NO.values[0] if flag else YES_NO.values[1]


def _event_kind(r: ExportRow) -> str | None:
    return r.latest_event.kind if r.latest_event else None


def _event_date(r: ExportRow) -> str | None:
    return _slashed(r.latest_event.effective_date) if r.latest_event else None


def _event_reason(r: ExportRow) -> str | None:
    return r.latest_event.reason if r.latest_event else None


def _choices(field: str) -> tuple[str, ...]:
    return CODE_LISTS[field].values


def provincial_columns(unit_name: str) -> tuple[Column, ...]:
    """The template's columns 2–20, its header texts verbatim."""
    return (
        Column("姓名", 10, lambda r: r.name),
        Column("性别", 6, lambda r: r.gender, _choices("gender")),
        Column("出生日期（格式：yyyy/MM/dd）", 12, lambda r: _slashed(r.birth_date)),
        Column("民族", 9, lambda r: r.ethnicity, _choices("ethnicity")),
        Column("就业状况", 12, lambda r: r.employment_status, _choices("employment_status")),
        Column("有效证件类别", 12, lambda r: r.id_type, _choices("id_type")),
        Column("证件号码\n(填写18位身份证)", 21, lambda r: r.id_number),
        Column("学历", 10, lambda r: r.education, _choices("education")),
        Column("技术等级", 23, lambda r: r.tech_level, _choices("tech_level")),
        Column("移动电话", 13, lambda r: r.phone),
        Column("户籍类型", 11, lambda r: r.hukou_type, _choices("hukou_type")),
        Column("户籍所在地", 24, lambda r: r.hukou_place),
        Column("会籍变化类型", 9, _event_kind, PROVINCE_EVENT_KINDS),
        Column("会籍变化日期（格式：yyyy/MM/dd）", 13, _event_date),
        Column("会籍变化原因", 25, _event_reason, MEMBERSHIP_CHANGE_REASON.values),
        Column("政治面貌", 13, lambda r: r.political_status, _choices("political_status")),
        Column("工作单位", 30, lambda r: r.work_unit or unit_name),
        Column("籍贯", 12, lambda r: r.native_place),
        Column("是否农民工会员\n填写“是”或“否”", 13, lambda r: _yes_no(r.migrant_worker),
               YES_NO.values),
    )


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
        Column(label["migrant_worker"], 10, lambda r: _yes_no(r.migrant_worker)),
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


def _provincial_top(sheet: _Sheet, profile: BranchProfile) -> None:
    for index in range(1, len(sheet.columns) + 2):
        # As in the template: what the user types in later is text too (ID numbers!).
        sheet.ws.column_dimensions[get_column_letter(index)].number_format = "@"
    sheet.append([sheet.cell("附件四", NOTE)])
    sheet.line("工会会员信息采集表", TITLE, height=32)
    signer = sheet.cell("单位负责人(签字)：", HEADING)
    sheet.append([sheet.cell(f"填表单位（盖章）：{profile.union_name}", HEADING),
                  *[None] * 10, signer], height=28)
    sheet.merge(1, 11)
    sheet.merge(12, sheet.width)
    sheet.header(HEADER, height=42)


def _provincial_bottom(sheet: _Sheet, first: int, last: int) -> None:
    choices = [(i, c.choices) for i, c in enumerate(sheet.columns, 2)]
    add_dropdowns(sheet.ws, choices, first, last)
    sheet.line(PROVINCIAL_NOTE, NOTE, height=80)


def _plain_top(sheet: _Sheet, profile: BranchProfile, total: int, today: dt.date) -> None:
    sheet.line(f"{profile.union_name}会员花名册", TITLE, height=32)
    sheet.line(f"截至 {today:%Y-%m-%d}，共 {total} 人", HEADING, height=20)
    sheet.header(HEADER_BOLD, height=30)


def _plain_bottom(sheet: _Sheet, first: int, last: int, now: dt.datetime,
                  officer: str) -> None:
    sheet.ws.auto_filter.ref = f"A{first - 1}:{sheet.last}{last}"
    sheet.line(f"导出人：{officer}　导出时间：{now:%Y-%m-%d %H:%M}", NOTE)


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
    full_numbers = layout == PROVINCIAL or include_full_ids
    ids = search_ids(sessions, flt)
    if not ids:
        raise UserError("当前列表中没有会员，没有导出文件。请检查筛选条件。")
    profile = load_profile(sessions)
    total = len(ids)
    wb = Workbook(write_only=True)
    _add_styles(wb)
    partial = path.with_name(path.name + ".partial")
    completed = False
    try:
        if layout == PROVINCIAL:
            sheet = _Sheet(wb, "会员信息", provincial_columns(profile.unit_name), 4)
            _provincial_top(sheet, profile)
        else:
            sheet = _Sheet(wb, "会员花名册", plain_columns(full_numbers), 3)
            _plain_top(sheet, profile, total, today)
        first = sheet.row + 1
        written = 0
        yield Progress(0, total, "正在写入会员信息")
        for start in range(0, total, BATCH):
            batch = ids[start:start + BATCH]
            for row in fetch_export_rows(sessions, batch, with_latest_event=layout == PROVINCIAL):
                written += 1
                sheet.data(written, row)
            yield Progress(start + len(batch), total, "正在写入会员信息")
        if not written:  # all deleted while we were writing
            raise UserError("当前列表中没有会员，没有导出文件。请检查筛选条件。")
        if layout == PROVINCIAL:
            _provincial_bottom(sheet, first, sheet.row)
        else:
            _plain_bottom(sheet, first, sheet.row, clock_of(sessions).now(),
                          officer_of(sessions).display)
        yield Progress(total, total, "正在保存文件")
        try:
            wb.save(partial)
        except OSError as exc:
            raise file_error(exc, path) from exc
        record: dict[str, object] | None = None
        if full_numbers:
            record = {"导出": LAYOUT_NAMES[layout], "人数": written, "文件": path.name,
                      "位置": str(path.parent), "证件号码": "完整（未隐去）"}
        move_into_place(sessions, partial, path, record)
        completed = True
    finally:
        if not completed:
            for ws in wb.worksheets:
                discard_temporary(ws)
        partial.unlink(missing_ok=True)
