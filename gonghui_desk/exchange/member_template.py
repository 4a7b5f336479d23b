"""A blank import template (会员导入模板): every field the import reads, with dropdowns.

The headers are the fields' own labels, so the template maps itself; required ones carry a
star, which the import ignores. The code lists live on a second sheet (代码表) that the
dropdowns refer to, because Excel refuses an in-cell list longer than 255 characters (民族
has 56 values). ID number, mobile and card-number columns are text: typed digits stay as
they are instead of turning into 4.10101199001011E+17.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON, YES_NO, CodeList
from gonghui_desk.domain.member import CODE_LISTS
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.exchange.saving import save_workbook

COLUMNS: tuple[str, ...] = (
    "name", "gender", "birth_date", "ethnicity", "id_type", "id_number", "phone",
    "department", "post", "employment_status", "education", "tech_level",
    "political_status", "hukou_type", "hukou_place", "work_unit", "native_place",
    "migrant_worker", "new_employment_form", "dispatched", "card_number",
    "model_worker_level", "join_date", "change_kind", "change_date", "change_reason",
    "counterpart_union", "note",
)
REQUIRED = frozenset({"name", "id_number", "join_date"})
TEXT_COLUMNS = frozenset({"id_number", "phone", "card_number"})
DATE_COLUMNS = frozenset({"birth_date", "join_date", "change_date"})
LISTS: dict[str, CodeList] = {
    **CODE_LISTS,
    "migrant_worker": YES_NO,
    "dispatched": YES_NO,
    "change_kind": ms.EVENT_KINDS,
    "change_reason": MEMBERSHIP_CHANGE_REASON,
}
WIDTHS = {"name": 10, "gender": 6, "id_number": 21, "phone": 14, "hukou_place": 20,
          "work_unit": 24, "tech_level": 22, "change_reason": 24, "note": 24}
TEMPLATE_ROWS = 2000
HEADER_ROW = 3
NOTE = (
    "填写说明：带 * 的列必须填写；证件号码、移动电话请直接输入数字（本列已设为文本格式）；"
    "日期按 2019/03/05 填写；有下拉箭头的列请从列表中选择。出生日期、性别可不填，"
    "由身份证号码自动取得。会籍变化类型不填时按“入会”登记。"
)


def header_text(key: str) -> str:
    label = TARGET_LABELS[key]
    return f"*{label}" if key in REQUIRED else label


def write_member_template(path: Path, rows: int = TEMPLATE_ROWS) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "会员信息"
    codes = workbook.create_sheet("代码表")
    last = get_column_letter(len(COLUMNS))
    sheet["A1"] = "会员导入模板"
    sheet["A1"].font = Font(bold=True, size=16)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last}1")
    sheet["A2"] = NOTE
    sheet["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(f"A2:{last}2")
    sheet.row_dimensions[2].height = 48
    thin = Side(style="thin", color="808080")
    first_data, last_data = HEADER_ROW + 1, HEADER_ROW + rows
    list_column = 0
    for index, key in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cell = sheet.cell(HEADER_ROW, index, header_text(key))
        cell.font = Font(bold=True, color="C00000" if key in REQUIRED else "000000")
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet.column_dimensions[letter].width = WIDTHS.get(key, 12)
        if key in TEXT_COLUMNS:
            sheet.column_dimensions[letter].number_format = "@"
        elif key in DATE_COLUMNS:
            sheet.column_dimensions[letter].number_format = "yyyy/mm/dd"
        code_list = LISTS.get(key)
        if code_list is None:
            continue
        list_column += 1
        code_letter = get_column_letter(list_column)
        codes.cell(1, list_column, code_list.name).font = Font(bold=True)
        for offset, value in enumerate(code_list.values, start=2):
            codes.cell(offset, list_column, value)
        codes.column_dimensions[code_letter].width = 24
        reference = (f"{quote_sheetname(codes.title)}!${code_letter}$2:"
                     f"${code_letter}${len(code_list.values) + 1}")
        dropdown = DataValidation(
            type="list", formula1=reference, allow_blank=True, showErrorMessage=True,
            errorTitle="输入有误", error=f"请从{code_list.name}的下拉列表中选择。",
        )
        dropdown.add(f"{letter}{first_data}:{letter}{last_data}")
        sheet.add_data_validation(dropdown)
    sheet.freeze_panes = f"B{first_data}"
    sheet.row_dimensions[HEADER_ROW].height = 30
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = "9"
    codes.sheet_state = "hidden"
    save_workbook(workbook, path)
