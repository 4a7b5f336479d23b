"""The members export, read back as a user (or the provincial system) would read it.

The provincial form is held against the province's own blank template (shared/data beside
the checkout): the same rows above the header, the same header, the same note, the same
dropdown lists.
"""

import datetime as dt
import json
import os
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from sqlalchemy import select

from gonghui_desk.db import audit
from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import member_roster
from gonghui_desk.exchange.roster import PLAIN, PROVINCIAL, export_roster
from gonghui_desk.services import Progress
from gonghui_desk.services.members import MemberFilter
from gonghui_desk.services.profile import save_profile
from tests.dates import the_day
from tests.factories import make_member, write
from tests.shared_data import MEMBER_TEMPLATE

PROVINCIAL_HEADERS = [
    "序号", "姓名", "性别", "出生日期（格式：yyyy/MM/dd）", "民族", "就业状况", "有效证件类别",
    "证件号码\n(填写18位身份证)", "学历", "技术等级", "移动电话", "户籍类型", "户籍所在地",
    "会籍变化类型", "会籍变化日期（格式：yyyy/MM/dd）", "会籍变化原因", "政治面貌", "工作单位",
    "籍贯", "是否农民工会员\n填写“是”或“否”",
]
TEMPLATE = MEMBER_TEMPLATE
PLAIN_HEADERS = [
    "序号", "姓名", "性别", "出生日期", "部门/车间", "岗位", "证件号码", "移动电话", "会员证号",
    "入会日期", "会籍状态", "民族", "学历", "政治面貌", "是否农民工会员", "新就业形态类别",
    "劳模等级",
]


def run(db, path, layout=PROVINCIAL, flt=None, **options):
    options.setdefault("today", the_day())
    return list(export_roster(db.sessions, flt or MemberFilter(), path, layout, **options))


def rows_of(path):
    sheet = load_workbook(path).active
    return sheet, [list(r) for r in sheet.iter_rows(values_only=True)]


def by_header(rows, header_row):
    """Data rows as dicts keyed by header text (the last row is the note/footer line)."""
    headers = rows[header_row - 1]
    return [dict(zip(headers, r, strict=True)) for r in rows[header_row:-1]]


def export_entries(db):
    with db.session() as session:
        query = select(ChangeRecord).where(ChangeRecord.action == audit.EXPORT)
        return [{k: v[1] for k, v in json.loads(r.changes).items()}
                for r in session.scalars(query)]


@pytest.fixture
def out(tmp_path):
    """Where exports go: a folder of their own (the database lives in tmp_path)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def branch(db):
    write(db, save_profile, BranchProfile(union_name="红星机械有限公司工会委员会",
                                            unit_name="红星机械有限公司"))
    with db.session() as s:
        make_member(s, name="张伟", id_number="110105199003070017", phone="13812345678",
                    birth_date=dt.date(1990, 3, 7), migrant_worker=True, ethnicity="汉族",
                    department="装配车间")
        make_member(s, name="曾晓梅", gender="女", id_number="11010519880101002X",
                    phone="02088886666", birth_date=dt.date(1988, 1, 1), department="质检部",
                    work_unit="红星机械有限公司质检分公司", card_number="A-007")
    return db


def template_book():
    with warnings.catch_warnings():  # openpyxl drops the 民族 list's Excel 2010 extension
        warnings.simplefilter("ignore", UserWarning)
        return load_workbook(TEMPLATE)


def template_sheet():
    return template_book()["会员信息"]


def words(text):
    return "".join(text.split())


def test_provincial_form_has_the_template_title_rows_header_and_note(branch, out):
    path = out / "采集表.xlsx"
    run(branch, path)
    sheet, rows = rows_of(path)
    template = template_sheet()
    assert sheet.title == template.title == "会员信息"
    assert rows[0][0] == template["A1"].value == "附件四"
    # The template names its province in the title; the branch's is not on file.
    assert rows[1][0] == "工会会员信息采集表" and template["A2"].value.endswith(rows[1][0])
    assert sheet["A2"].font.b and sheet["A2"].font.sz >= 18 > sheet["A5"].font.sz
    assert rows[2][0] == template["A3"].value + "红星机械有限公司工会委员会"
    assert rows[2][11] == template["L3"].value  # 单位负责人(签字)： over L:T
    assert rows[3] == PROVINCIAL_HEADERS == [c.value for c in template[4]]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    # the template's, its note after the two members; then the footer line
    assert merged == {"A2:T2", "A3:K3", "L3:T3", "A7:T7", "A8:T8"}
    assert {"A2:T2", "A3:K3", "L3:T3", "A14:T14"} == {
        str(r) for r in template.merged_cells.ranges}
    assert words(rows[6][0]) == words(template["A14"].value)  # 填表说明, word for word
    note = sheet["A7"]
    assert note.alignment.wrap_text and note.border.left.style == "thin"
    assert sheet.row_dimensions[7].height > 60  # its three items all show
    for cell in sheet[4]:
        assert cell.alignment.wrap_text and cell.border.left.style == "thin"
        assert not cell.font.b and cell.number_format == "@"  # as the template's header
    assert rows[7][0].startswith("导出时间：")  # below the form; no officer chosen, no login


def test_provincial_values_are_full_text_with_slashed_dates(branch, out):
    path = out / "采集表.xlsx"
    run(branch, path)
    sheet, rows = rows_of(path)
    data = {r["姓名"]: r for r in by_header(rows, 4)[:2]}
    zhang, zeng = data["张伟"], data["曾晓梅"]
    id_col, phone_col = "证件号码\n(填写18位身份证)", "移动电话"
    assert zhang[id_col] == "110105199003070017"
    assert zeng[id_col] == "11010519880101002X"
    assert zeng[phone_col] == "02088886666"  # the leading zero survives
    assert zhang["出生日期（格式：yyyy/MM/dd）"] == "1990/03/07"
    assert zhang["会籍变化日期（格式：yyyy/MM/dd）"] == "2020/03/05"
    assert zhang["是否农民工会员\n填写“是”或“否”"] == "是"
    assert zeng["是否农民工会员\n填写“是”或“否”"] == "否"
    # 工作单位: the member's own, else the branch's unit.
    assert zhang["工作单位"] == "红星机械有限公司"
    assert zeng["工作单位"] == "红星机械有限公司质检分公司"
    assert [zeng["序号"], zhang["序号"]] == ["1", "2"]  # by pinyin: zeng, zhang
    for row in sheet.iter_rows(min_row=5, max_row=6):
        assert all(c.number_format == "@" for c in row)
        assert all(c.data_type == "s" for c in row if c.value is not None)
        assert all(c.border.left.style == "thin" for c in row)
    # What the higher body types in below or beside the rows is text too.
    assert sheet.column_dimensions["H"].number_format == "@"


def test_provincial_dropdowns_are_the_templates(branch, out):
    path = out / "采集表.xlsx"
    run(branch, path)
    workbook = load_workbook(path)
    sheet = workbook["会员信息"]
    ours = {str(v.sqref)[0]: (str(v.sqref), v.formula1)
            for v in sheet.data_validations.dataValidation}
    theirs = {str(v.sqref).split()[-1][0]: v.formula1
              for v in template_sheet().data_validations.dataValidation if v.type == "list"}
    assert set(ours) == set(theirs) | {"E"}  # 民族, which the template lists on 下拉菜单表
    for column, formula in theirs.items():
        assert ours[column] == (f"{column}5:{column}6", formula)
    assert ours["E"] == ("E5:E6", "'下拉菜单表'!$A$2:$A$57")
    assert workbook.sheetnames == ["会员信息", "下拉菜单表"]
    listed = [c.value for c in workbook["下拉菜单表"]["A"]]
    given = [c.value for c in template_book()["下拉菜单表"]["A"]]
    assert listed[:2] == ["民族", "汉族"] and len(listed) == len(given) == 57
    # The template's list misspells 傈僳族; ours is the national standard's.
    assert [a for a, b in zip(listed, given, strict=True) if a != b] == ["傈僳族"]


def test_provincial_rows_are_as_tall_as_their_wrapped_cells(db, out):
    with db.session() as s:
        make_member(s, name="甲", id_number="110105199003070017", tech_level="无")
        make_member(s, name="乙", id_number="110105199003070033", phone="13812345679",
                    tech_level="职业资格一级（高级技师）",
                    work_unit="杭州红星机械制造有限公司第二装配分厂质量检验科")
    path = out / "采集表.xlsx"
    run(db, path)
    sheet, rows = rows_of(path)
    heights = {rows[r - 1][1]: sheet.row_dimensions[r].height for r in (5, 6)}
    assert heights["乙"] >= heights["甲"] + 2 * 8  # 工作单位 wraps to three lines in its column
    assert sheet["R6"].alignment.wrap_text


def test_provincial_shows_the_latest_membership_event(db, out):
    with db.session() as s:
        # Entered out of date order: the later date wins, not the later entry.
        m = make_member(s, name="甲", events=[(ms.RESERVE, dt.date(2024, 6, 30)),
                                               (ms.JOIN, dt.date(2015, 1, 1))])
        m.events[0].reason = "在本单位下岗后待岗"
        # Same day: the one entered last wins.
        make_member(s, name="乙", id_number="110105199003070033",
                    events=[(ms.JOIN, dt.date(2010, 5, 1)), (ms.RESERVE, dt.date(2020, 1, 2)),
                            (ms.TRANSFER_OUT, dt.date(2020, 1, 2))])
    path = out / "采集表.xlsx"
    run(db, path)
    _, rows = rows_of(path)
    data = {r["姓名"]: r for r in by_header(rows, 4)[:2]}
    event = ("会籍变化类型", "会籍变化日期（格式：yyyy/MM/dd）", "会籍变化原因")
    assert [data["甲"][k] for k in event] == ["保留", "2024/06/30", "在本单位下岗后待岗"]
    assert [data["乙"][k] for k in event] == ["转出", "2020/01/02", None]


def test_plain_roster_masks_numbers_and_writes_no_history(branch, out):
    path = out / "花名册.xlsx"
    branch.officer.name = "王主席"
    run(branch, path, PLAIN, today=dt.date(2026, 1, 31))
    sheet, rows = rows_of(path)
    assert rows[0][0] == "红星机械有限公司工会委员会会员花名册"
    assert rows[1][0] == "截至 2026-01-31，共 2 人"
    assert rows[2] == PLAIN_HEADERS
    data = {r["姓名"]: r for r in by_header(rows, 3)}
    assert data["张伟"]["证件号码"] == "110105********0017"
    assert data["张伟"]["移动电话"] == "138****5678"
    assert data["曾晓梅"]["证件号码"] == "110105********002X"
    assert data["曾晓梅"]["会员证号"] == "A-007"
    assert data["张伟"]["出生日期"] == dt.datetime(1990, 3, 7)  # a real date, shown yyyy-mm-dd
    assert sheet["D4"].number_format == "yyyy-mm-dd"
    assert data["张伟"]["会籍状态"] == "在册" and data["张伟"]["入会日期"].year == 2020
    footer = rows[-1][0]
    assert footer.startswith("导出人：王主席　导出时间：")
    dt.datetime.strptime(footer.split("导出时间：")[1], "%Y-%m-%d %H:%M")
    assert sheet.freeze_panes == "C4"
    assert export_entries(branch) == []


def test_full_numbers_are_written_and_recorded_only_when_asked(branch, out):
    path = out / "花名册-完整.xlsx"
    run(branch, path, PLAIN, include_full_ids=True)
    _, rows = rows_of(path)
    data = {r["姓名"]: r for r in by_header(rows, 3)}
    assert data["张伟"]["证件号码"] == "110105199003070017"
    assert data["曾晓梅"]["移动电话"] == "02088886666"
    [entry] = export_entries(branch)
    assert entry["导出"] == "会员花名册" and entry["人数"] == 2
    assert entry["文件"] == "花名册-完整.xlsx"
    run(branch, out / "采集表.xlsx")
    assert [e["导出"] for e in export_entries(branch)] == ["会员花名册", "工会会员信息采集表"]


def test_without_a_profile_the_titles_still_read_well(db, out):
    with db.session() as s:
        make_member(s)
    run(db, out / "a.xlsx", PLAIN)
    assert rows_of(out / "a.xlsx")[1][0][0] == "会员花名册"
    run(db, out / "b.xlsx")
    assert rows_of(out / "b.xlsx")[1][2][0] == "填表单位（盖章）："  # to be written in


@pytest.mark.parametrize("layout, header_row, numbers", [
    (PROVINCIAL, 4, ["1", "2", "3"]),  # the template's cells are all text
    (PLAIN, 3, [1, 2, 3]),
])
def test_the_list_filter_and_its_order_are_kept(db, out, layout, header_row, numbers):
    with db.session() as s:
        for n, (name, born, dept) in enumerate([
            ("赵一", dt.date(1980, 1, 1), "质检部"), ("钱二", dt.date(1995, 1, 1), "质检部"),
            ("孙三", dt.date(1990, 1, 1), "装配车间"), ("李四", dt.date(1985, 1, 1), "质检部"),
        ]):
            make_member(s, name=name, birth_date=born, department=dept,
                        id_number=f"1101051990030700{n}X", phone=f"1380000000{n}")
    flt = MemberFilter(department="质检部", sort_key="birth_date", descending=True)
    path = out / "质检部.xlsx"
    run(db, path, layout, flt)
    _, rows = rows_of(path)
    data = by_header(rows, header_row)[:3]
    assert [r["姓名"] for r in data] == ["钱二", "李四", "赵一"]
    assert [r["序号"] for r in data] == numbers


def test_progress_comes_per_batch(branch, out, monkeypatch):
    monkeypatch.setattr(member_roster, "BATCH", 1)
    steps = run(branch, out / "a.xlsx")
    assert all(isinstance(s, Progress) and s.total == 2 for s in steps)
    assert [s.done for s in steps] == [0, 1, 2, 2]


def test_nobody_to_export_is_a_user_error_and_writes_nothing(branch, out):
    path = out / "空.xlsx"
    with pytest.raises(UserError, match="没有会员"):
        run(branch, path, flt=MemberFilter(department="没有这个部门"))
    assert list(out.iterdir()) == []


def no_leftovers(folder: Path, target: Path):
    assert not target.with_name(target.name + ".partial").exists()
    assert [p for p in folder.iterdir() if p.name.endswith(".partial")] == []
    # openpyxl's own temporary copy of the sheet holds the same personal data.
    assert [p for p in ALL_TEMP_FILES if os.path.exists(p)] == []


@pytest.mark.parametrize("steps_taken", [1, 3])  # after the first step; at "saving"
def test_cancelling_leaves_no_file_and_keeps_the_old_one(branch, out, steps_taken):
    fresh, old = out / "新.xlsx", out / "旧.xlsx"
    old.write_bytes(b"the good old file")
    for target in (fresh, old):
        steps = export_roster(branch.sessions, MemberFilter(), target, PROVINCIAL,
                              today=the_day())
        for _ in range(steps_taken):
            next(steps)
        steps.close()
        no_leftovers(out, target)
    assert not fresh.exists()
    assert old.read_bytes() == b"the good old file"
    assert export_entries(branch) == []


def test_an_existing_file_is_replaced_only_on_success(branch, out, monkeypatch):
    target = out / "采集表.xlsx"
    target.write_bytes(b"the good old file")

    def locked(self, other):  # what Windows does while Excel has the file open
        raise PermissionError(13, "Permission denied", str(other))

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", locked)
        with pytest.raises(UserError, match="Excel"):
            run(branch, target)
    assert target.read_bytes() == b"the good old file"
    no_leftovers(out, target)
    assert export_entries(branch) == []  # no file, so no history entry either
    run(branch, target)
    assert rows_of(target)[1][3] == PROVINCIAL_HEADERS
    assert len(export_entries(branch)) == 1
    no_leftovers(out, target)


def test_a_missing_folder_is_a_user_error(branch, out):
    target = out / "不存在" / "采集表.xlsx"
    with pytest.raises(UserError, match="不存在"):
        run(branch, target)
    no_leftovers(out, target)
