"""A form whose original is an Excel template, drawn by the generic renderers: its own rows
around the table, text cells, wrapped rows made tall, and a list sheet for its dropdowns."""

import datetime as dt

from openpyxl import load_workbook

from gonghui_desk.exchange.forms.model import (
    SHEET_HEADING,
    SHEET_NOTE,
    SHEET_TITLE,
    Column,
    Document,
    SheetRow,
    Table,
)
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.exchange.render.xlsx import render_xlsx
from tests.exchange.forms_helpers import pdf_pages

# A list too long for a cell's own dropdown (Excel refuses the file beyond 255 characters).
PLACES = tuple(f"第{n:02d}号场所" for n in range(40))


def form(rows, list_sheet="代码表"):
    columns = (
        Column("姓名", 8, lambda r: r[0]),
        Column("入会日期\n(yyyy/MM/dd)", 12, lambda r: r[1]),
        Column("性别", 5, lambda r: r[2], choices=("男", "女")),
        Column("场所", 10, lambda r: r[3], choices=PLACES),
        Column("民族", 8, lambda r: r[4], choices=("汉族", "回族"), listed=True),
    )
    table = Table(columns, lambda: iter([rows]), len(rows), font_size=7, text_cells=True,
                  list_sheet=list_sheet)
    return Document(
        form_id="test", title="测试采集表", subtitle="（共 2 人）", body=table,
        header=(("填表单位（盖章）", "红星工会"),), signatures=("负责人（签字）",), stamp=True,
        exported_by="王主席", exported_at=dt.datetime(2026, 10, 8, 9, 30),
        sheet_top=(SheetRow(("附件一",)), SheetRow(("测试采集表",), kind=SHEET_TITLE),
                   SheetRow(("填表单位（盖章）：红星工会", "负责人(签字)："), (4,),
                            kind=SHEET_HEADING)),
        sheet_bottom=(SheetRow(("填表说明：\n1、均为必填项。",), kind=SHEET_NOTE, height=40),),
    )


ROWS = [("张三", "2019/03/05", "男", PLACES[39], "汉族"),
        ("李四", "2020/01/01", "女", "第001号工作场所第一分部第二车间", None)]


def test_the_workbook_has_the_templates_shape(tmp_path):
    path = tmp_path / "t.xlsx"
    list(render_xlsx(form(ROWS), path))
    workbook = load_workbook(path)
    sheet = workbook.active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert [r[0] for r in rows[:3]] == ["附件一", "测试采集表", "填表单位（盖章）：红星工会"]
    assert rows[2][4] == "负责人(签字)："  # the second text after the first one's 4 columns
    assert rows[3] == ["序号", "姓名", "入会日期\n(yyyy/MM/dd)", "性别", "场所", "民族"]
    assert rows[4] == ["1", "张三", "2019/03/05", "男", PLACES[39], "汉族"]
    assert rows[6][0] == "填表说明：\n1、均为必填项。"
    assert rows[7][0].startswith("导出人：王主席")
    assert not any("负责人（签字）" in str(r[0]) for r in rows)  # it signs at its top
    # 附件一 stands in its cell; the rest merge as the template has them.
    assert {str(r) for r in sheet.merged_cells.ranges} == {
        "A2:F2", "A3:D3", "E3:F3", "A7:F7", "A8:F8"}
    assert sheet.freeze_panes == "C5" and sheet.print_title_rows == "$4:$4"
    assert all(c.data_type == "s" and c.number_format == "@" for c in sheet[5])
    assert sheet["F6"].value is None and sheet["F6"].number_format == "@"
    one_line = sheet.row_dimensions[5].height  # every row's height counted, for the pages
    assert sheet.row_dimensions[6].height > one_line + 8  # the long 场所 wraps
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"D5:D6": '"男,女"', "E5:E6": "'代码表'!$A$2:$A$41",
                     "F5:F6": "'代码表'!$B$2:$B$3"}
    codes = workbook["代码表"]
    assert [c.value for c in codes[1]] == ["场所", "民族"]
    assert [c.value for c in codes["A"]][1:] == list(PLACES)
    assert [c.value for c in codes["B"]][1:4] == ["汉族", "回族", None]


def test_without_a_list_sheet_a_long_list_is_left_out_rather_than_break_the_file(tmp_path):
    path = tmp_path / "t.xlsx"
    list(render_xlsx(form(ROWS, list_sheet=""), path))
    workbook = load_workbook(path)
    lists = {str(v.sqref): v.formula1 for v in workbook.active.data_validations.dataValidation}
    assert lists == {"D5:D6": '"男,女"', "F5:F6": '"汉族,回族"'}
    assert workbook.sheetnames == ["测试采集表"]


def test_the_pdf_keeps_its_own_title_block_and_sign_off(tmp_path):
    path = tmp_path / "t.pdf"
    list(render_pdf(form(ROWS), path))
    [page] = pdf_pages(path)
    assert "测试采集表" in page and "（共2人）" in page and "填表单位（盖章）：红星工会" in page
    assert "负责人（签字）" in page and "附件一" not in page and "填表说明" not in page
