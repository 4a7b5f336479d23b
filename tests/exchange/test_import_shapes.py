"""Rosters in the shapes chairs bring them: each is read, mapped and checked correctly."""

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from gonghui_desk.exchange.member_import import EXISTING, NEW, REJECTED
from gonghui_desk.exchange.workbook import read_sheet, sheet_names
from tests.exchange.rosters import hr_rows, person, plan_file, write_xlsx

FILES = Path(__file__).with_name("files")
PROVINCIAL_HEADER = [
    "序号", "姓名", "性别", "出生日期（格式：yyyy/MM/dd）", "民族", "就业状况", "有效证件类别",
    "证件号码\n(填写18位身份证)", "学历", "技术等级", "移动电话", "户籍类型", "户籍所在地",
    "会籍变化类型", "会籍变化日期（格式：yyyy/MM/dd）", "会籍变化原因", "政治面貌", "工作单位",
    "籍贯", "是否农民工会员\n填写“是”或“否”",
]


def provincial_row(n, **changes):
    p = person(n)
    row = {
        "序号": n + 1, "姓名": p["name"], "性别": p["gender"],
        "出生日期": f"{p['birth']:%Y/%m/%d}", "民族": "汉族", "就业状况": "在岗",
        "有效证件类别": "居民身份证", "证件号码": p["id"], "学历": "大专",
        "技术等级": "职业资格四级（中级）", "移动电话": p["phone"], "户籍类型": "农业户口",
        "户籍所在地": "浙江省杭州市", "会籍变化类型": "入会",
        "会籍变化日期": f"{p['joined']:%Y/%m/%d}", "会籍变化原因": "", "政治面貌": "群众",
        "工作单位": "红星机械厂", "籍贯": "浙江省", "是否农民工会员": "否",
    }
    row.update(changes)
    return list(row.values())


def provincial_file(path, rows):
    """The template's shape: 附件四, title, 填表单位 line, header on row 4, note below."""
    content = [["附件四"], ["工会会员信息采集表"],
               ["填表单位（盖章）：红星机械厂工会"] + [""] * 10 + ["单位负责人(签字)："],
               PROVINCIAL_HEADER, *rows]
    note_row = len(content) + 1
    content.append(["填表说明：\n1. 表中所列项目均为必填项。"])
    return write_xlsx(path, content, merges=["A2:T2", "A3:K3", "L3:T3",
                                            f"A{note_row}:T{note_row + 1}"])


def test_the_provincial_template_shape_is_found_and_imported(db, tmp_path):
    path = provincial_file(tmp_path / "采集表.xlsx", [provincial_row(i) for i in range(3)])
    plan = plan_file(db, path)
    assert plan.header_row == 4
    assert [r.verdict for r in plan.rows] == [NEW, NEW, NEW]
    assert [r.row for r in plan.rows] == [5, 6, 7]
    first = plan.rows[0].data
    assert first.tech_level == "职业资格四级（中级）" and first.join_date == person(0)["joined"]
    assert plan.passed_over == [(8, "说明行", "填表说明：\n1. 表中所列项目均为必填项。")]


def test_hr_export_with_its_own_words_blank_rows_totals_and_signature(db, tmp_path):
    rows = hr_rows(4)
    rows.insert(3, [])  # a blank line inside the data
    rows += [["合计", "", "", "", "", ""], [], ["制表人：李会计", "", "", "审核：王主席"]]
    path = write_xlsx(tmp_path / "人事导出.xlsx", [["2026年在职职工花名册"], *rows])
    plan = plan_file(db, path)
    assert plan.header_row == 2
    assert [r.verdict for r in plan.rows] == [NEW] * 4
    assert [r.row for r in plan.rows] == [3, 4, 6, 7]  # the numbers the sheet shows
    assert plan.rows[3].data.department == person(3)["department"]
    assert [why for _, why, _ in plan.passed_over] == ["合计行", "签字行"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_in_every_encoding_excel_and_wps_save(db, tmp_path, encoding):
    delimiter = "\t" if encoding == "utf-16" else ","  # Excel's "Unicode 文本" uses tabs
    text = "\r\n".join(delimiter.join(str(c) for c in row) for row in hr_rows(3))
    path = tmp_path / "名册.csv"
    path.write_bytes(text.encode(encoding))
    plan = plan_file(db, path)
    assert [r.name for r in plan.rows] == [person(i)["name"] for i in range(3)]
    assert all(r.verdict == NEW for r in plan.rows)


@pytest.mark.parametrize("name", ["legacy_wps.xls", "libreoffice.ods"])
def test_legacy_excel_and_libreoffice_files(db, name):
    plan = plan_file(db, FILES / name)
    assert plan.header_row == 3
    assert [r.verdict for r in plan.rows] == [NEW, NEW, REJECTED]
    problem = plan.rows[2].problems[0]
    assert (problem.row, problem.column) == (6, "身份证号")
    assert "后几位已经丢失" in problem.message


def test_a_file_is_read_by_its_content_not_its_name(db, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", hr_rows(2))
    renamed = tmp_path / "WPS另存.xls"
    shutil.copy(path, renamed)
    assert sheet_names(renamed) == ["会员"]
    assert len(plan_file(db, renamed).rows) == 2


def test_choosing_the_sheet(db, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["本表为会员名单"])
    members = workbook.create_sheet("在职会员")
    for row in hr_rows(2):
        members.append(row)
    path = tmp_path / "两张表.xlsx"
    workbook.save(path)
    assert sheet_names(path) == ["说明", "在职会员"]
    assert len(plan_file(db, path, sheet="在职会员").rows) == 2


def test_a_department_merged_down_the_column_belongs_to_every_row(db, tmp_path):
    rows = hr_rows(3)
    rows[2][4] = rows[3][4] = None
    path = write_xlsx(tmp_path / "合并.xlsx", rows, merges=["E2:E4"])
    plan = plan_file(db, path)
    assert {r.data.department for r in plan.rows} == {person(0)["department"]}


def _stretch_to_last_row(path: Path) -> Path:
    """A format applied to whole columns: the used range runs to row 1,048,576."""
    stretched = path.with_name("整列格式.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(stretched, "w",
                                                          zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                xml = data.decode()
                last = xml.rindex("</row>") + len("</row>")
                empty = "".join(f'<row r="{r}" s="1" customFormat="1"/>'
                                for r in range(20, 1048577))
                xml = xml[:last] + empty + '<row r="1048576"><c r="F1048576" s="1"/></row>' + \
                    xml[last:]
                xml = xml.replace('<dimension ref="A1:F4"/>', '<dimension ref="A1:F1048576"/>')
                data = xml.encode()
            target.writestr(item, data)
    return stretched


def test_a_used_range_to_the_last_row_costs_only_its_data(db, tmp_path):
    path = _stretch_to_last_row(write_xlsx(tmp_path / "短表.xlsx", hr_rows(3)))
    sheet = read_sheet(path)
    assert [number for number, _ in sheet.rows] == [1, 2, 3, 4]
    assert [r.verdict for r in plan_file(db, path).rows] == [NEW, NEW, NEW]


def test_values_as_people_type_them(db, tmp_path):
    header = ["姓名", "证件号码", "入会日期", "就业状况", "政治面貌", "是否农民工", "学历"]
    p = [person(i) for i in range(8)]
    full_width = p[0]["id"].translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    rows = [
        header,
        [p[0]["name"], full_width[:6] + " " + full_width[6:], dt.date(2019, 3, 5),
         "待(下)岗", "团员", "是", "本科"],
        [p[1]["name"], p[1]["id"], 43529, "在岗", "群众", "Y", "大学本科"],  # a serial
        [p[2]["name"], p[2]["id"], "2019.3", "在岗", "群众", "√", ""],
        [p[3]["name"], p[3]["id"], "2019年3月5日", "在岗", "党员", "", ""],
        [p[4]["name"], p[4]["id"], "20190305", "在岗", "群众", "N", ""],
        [p[5]["name"], p[5]["id"], "2019/03/05", "在岗", "群众", "否", ""],
        [p[6]["name"], p[6]["id"], "2019-02-30", "在岗", "群众", "否", ""],
        [p[7]["name"], p[7]["id"], "2019/03/05", "打零工", "群众", "也许", "大学"],
    ]
    plan = plan_file(db, write_xlsx(tmp_path / "手填.xlsx", rows))
    data = [r.data for r in plan.rows]
    assert data[0].id_number == p[0]["id"]
    assert (data[0].employment_status, data[0].political_status) == ("待（下）岗", "共青团员")
    assert data[0].migrant_worker and data[1].migrant_worker and data[2].migrant_worker
    assert not data[3].migrant_worker and not data[4].migrant_worker
    assert data[1].education == "本科" and data[3].political_status == "中共党员"
    assert {d.join_date for d in data[:6] if d} == {dt.date(2019, 3, 5), dt.date(2019, 3, 1)}
    assert data[2].join_date == dt.date(2019, 3, 1)
    assert any("只写到月" in n for n in plan.rows[2].notices)
    assert [r.verdict for r in plan.rows] == [NEW] * 6 + [REJECTED, REJECTED]
    bad_date = plan.rows[6].problems
    assert [(x.column, x.value) for x in bad_date] == [("入会日期", "2019-02-30")]
    assert "不是有效日期" in bad_date[0].message
    unknown = {(x.column, x.value) for x in plan.rows[7].problems}
    assert unknown == {("就业状况", "打零工"), ("是否农民工", "也许"), ("学历", "大学")}


def test_an_id_number_stored_as_a_number_is_never_imported_as_a_wrong_number(db, tmp_path):
    p = person(1)
    rows = [["姓名", "身份证号", "入会日期"],
            [p["name"], float(p["id"][:-1] + "0"), "2019/03/05"],
            [p["name"] + "乙", "4.10101199001011E+17", "2019/03/05"]]
    plan = plan_file(db, write_xlsx(tmp_path / "数字.xlsx", rows))
    assert [r.verdict for r in plan.rows] == [REJECTED, REJECTED]
    for result in plan.rows:
        assert len(result.problems) == 1
        assert result.problems[0].column == "身份证号"
        assert "后几位已经丢失" in result.problems[0].message
    assert plan.rows[1].problems[0].value == "4.10101199001011E+17"


def test_a_retiree_is_not_imported_as_a_new_member(db, tmp_path):
    path = provincial_file(tmp_path / "退休.xlsx", [
        provincial_row(0, 就业状况="退休"),
        provincial_row(1, 就业状况="退休", 会籍变化类型="保留"),
    ])
    plan = plan_file(db, path)
    assert plan.rows[0].verdict == REJECTED
    assert plan.rows[0].problems[0].column == "就业状况"
    # A 保留 member comes in, though the provincial form has no 入会日期: joined on the
    # day of the change, said plainly, with what to do (our own export must read back).
    reserved = plan.rows[1]
    assert reserved.verdict == NEW and reserved.status == "保留会籍"
    assert reserved.data.join_date == person(1)["joined"]
    assert [e.kind for e in reserved.events] == ["入会", "保留"]
    assert any("入会日期暂按会籍变化日期" in n and "请在会员信息中改为实际的入会日期" in n
               for n in reserved.notices)


def test_a_blank_join_date_in_a_join_date_column_is_still_refused(db, tmp_path):
    header = [*PROVINCIAL_HEADER, "入会日期"]
    path = write_xlsx(tmp_path / "有入会日期列.xlsx", [
        header, [*provincial_row(1, 会籍变化类型="保留"), ""]])
    [row] = plan_file(db, path).rows
    assert row.verdict == REJECTED
    assert [(p.column, p.message) for p in row.problems] == [("入会日期", "必须填写。")]


def test_existing_members_are_skipped_when_only_adding(db, tmp_path):
    from gonghui_desk.exchange.member_import import write_plan
    from tests.factories import write

    path = write_xlsx(tmp_path / "一.xlsx", hr_rows(2))
    write(db, write_plan, plan_file(db, path), valid_only=False)
    again = plan_file(db, write_xlsx(tmp_path / "二.xlsx", hr_rows(3)))
    assert [r.verdict for r in again.rows] == [EXISTING, EXISTING, NEW]
    assert "本次跳过" in again.rows[0].notices[0]
    assert not again.blocked
