"""The member forms, read back and checked against the records at their cut-off dates."""

import datetime as dt
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from gonghui_desk.db import audit
from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError
from gonghui_desk.services.annual import save_year
from gonghui_desk.services.profile import save_profile
from tests.exchange.forms_helpers import export, first_page_png, libreoffice_csv, pdf_pages
from tests.factories import make_member, write

D = dt.date
CUT_OFF = D(2026, 9, 30)
TODAY = D(2026, 11, 21)


@pytest.fixture
def branch(db):
    """Seven people whose membership changed around the 2026-09-30 cut-off."""
    write(db, save_profile, BranchProfile(union_name="红星机械有限公司工会委员会",
                                            unit_name="红星机械有限公司", stats_code="3301A7"))
    with db.session() as s:
        def person(name, number, events, **values):
            return make_member(s, name=name, id_number=f"1101051990030700{number:02d}",
                               phone=f"1381234{number:04d}", events=events, **values)

        person("甲", 11, [(ms.JOIN, D(2019, 5, 1))], gender="女", migrant_worker=True)
        yi = person("乙", 12, [(ms.JOIN, D(2020, 3, 5)), (ms.TRANSFER_OUT, D(2026, 6, 30))])
        yi.events[1].reason = "劳动（工作）关系发生变化"
        yi.events[1].counterpart_union = "蓝天公司工会"
        person("丙", 13, [(ms.JOIN, D(2026, 10, 15))], gender="女")
        person("丁", 14, [(ms.JOIN, D(2015, 1, 1)), (ms.RESERVE, D(2026, 3, 1))], dispatched=True)
        person("戊", 15, [(ms.TRANSFER_IN, D(2026, 2, 1))], gender="女",
               new_employment_form="快递员")
        person("己", 16, [(ms.JOIN, D(2018, 4, 1)), (ms.WITHDRAW, D(2026, 5, 1))])
        binned = person("庚", 17, [(ms.JOIN, D(2019, 1, 1)), (ms.WITHDRAW, D(2026, 1, 5))])
        binned.deleted_at = dt.datetime(2026, 8, 1)
    return db


def exports(db):
    with db.session() as session:
        query = select(ChangeRecord).where(ChangeRecord.action == audit.EXPORT)
        return [{k: v[1] for k, v in json.loads(r.changes).items()}
                for r in session.scalars(query)]


def by_name(rows):
    """The roster's people (header on row 4) by name; the closing lines are left out."""
    headers = rows[3]
    return {r[1]: dict(zip(headers, r, strict=True)) for r in rows[4:]
            if r[1] and r[1] in "甲乙丙丁戊己庚"}


def sheet_rows(path):
    sheet = load_workbook(path).active
    return sheet, [list(r) for r in sheet.iter_rows(values_only=True)]


def test_roster_lists_who_was_a_member_on_the_day(branch, tmp_path):
    _sheet, rows = sheet_rows(export(branch, "member-roster", tmp_path / "r.xlsx",
                                    as_of=CUT_OFF, today=TODAY))
    # The province's template: 附件四, the title, 填表单位; its header texts verbatim.
    assert [rows[0][0], rows[1][0]] == ["附件四", "工会会员信息采集表"]
    assert rows[2][0] == "填表单位（盖章）：红星机械有限公司工会委员会"
    headers = rows[3]
    assert headers[:4] == ["序号", "姓名", "性别", "出生日期（格式：yyyy/MM/dd）"]
    assert headers[7] == "证件号码\n(填写18位身份证)"
    assert headers[-1] == "是否农民工会员\n填写“是”或“否”"
    data = by_name(rows)
    assert set(data) == {"甲", "丁", "戊"}
    assert data["丁"]["会籍变化类型"] == "保留"
    assert data["丁"]["会籍变化日期（格式：yyyy/MM/dd）"] == "2026/03/01"
    assert data["甲"]["证件号码\n(填写18位身份证)"] == "110105********0011"  # masked unless asked
    assert data["甲"]["移动电话"] == "138****0011"
    assert data["甲"]["是否农民工会员\n填写“是”或“否”"] == "是"
    assert rows[7][0].startswith("填表说明：")  # the template's note, right below the rows
    closing = [r[0] for r in rows[8:]]
    assert closing[0] == ("说明：1. 截至 2026 年 9 月 30 日在册和保留会籍的会员，共 3 人；"
                          "会籍变化为该日或以前最近的一次。")
    assert closing[1].startswith("2. 证件号码和移动电话已隐去中间位数")
    assert closing[2].startswith("导出时间：")  # no officer chosen: no computer login
    assert exports(branch) == []
    pages = pdf_pages(export(branch, "member-roster", tmp_path / "r.pdf", as_of=CUT_OFF,
                             today=TODAY))
    text = "".join(pages)
    assert "（截至2026年9月30日，共3人）" in text
    assert "甲" in text and "戊" in text and "乙" not in text and "丙" not in text
    assert "2026/03/01" in text and "110105********0014" in text  # 丁, one line each
    assert "单位负责人（签字）" in text and "（盖章）" in text


def test_an_earlier_roster_shows_the_events_as_they_stood(branch, tmp_path):
    _, rows = sheet_rows(export(branch, "member-roster", tmp_path / "r.xlsx",
                                as_of=D(2025, 12, 31), today=TODAY))
    data = by_name(rows)
    assert set(data) == {"甲", "乙", "丁", "己"}
    assert data["乙"]["会籍变化类型"] == "入会"  # the 转出 of 2026 had not happened yet
    assert data["丁"]["会籍变化类型"] == "入会"


def test_full_numbers_are_printed_only_when_asked_and_then_recorded(branch, tmp_path):
    path = export(branch, "member-roster", tmp_path / "full.xlsx", as_of=CUT_OFF, today=TODAY,
                  full_ids=True)
    _, rows = sheet_rows(path)
    assert any("110105199003070011" in r for r in rows)
    [entry] = exports(branch)
    assert entry["导出"] == "工会会员信息采集表" and entry["人数"] == 3
    assert entry["截至"] == "2026-09-30" and entry["文件"] == "full.xlsx"


def test_changes_of_a_period_are_grouped_with_totals(branch, tmp_path):
    _, rows = sheet_rows(export(branch, "member-changes", tmp_path / "c.xlsx",
                                start=D(2026, 1, 1), end=CUT_OFF, today=TODAY))
    assert rows[1][0] == "（2026 年 1 月 1 日 至 2026 年 9 月 30 日）"
    body = [r for r in rows[3:] if isinstance(r[0], int)]
    assert [(r[1], r[5]) for r in body] == [("戊", "转入"), ("丁", "保留"), ("乙", "转出"),
                                            ("己", "退会")]
    yi = body[2]
    assert yi[6] == dt.datetime(2026, 6, 30) and yi[7] == "劳动（工作）关系发生变化"
    assert yi[8] == "蓝天公司工会" and yi[3] == "110105********0012"
    lines = [r[0] for r in rows if isinstance(r[0], str) and r[0].startswith(("小计", "合计"))]
    assert lines[:4] == ["小计：转入 1 人", "小计：保留 1 人", "小计：转出 1 人", "小计：退会 1 人"]
    assert lines[4] == ("合计：入会 0 人，转入 1 人，保留 1 人，恢复 0 人，转出 1 人，除名 0 人，"
                        "退会 1 人；共 4 人次。")  # 庚 is in the 回收站
    text = "".join(pdf_pages(export(branch, "member-changes", tmp_path / "c.pdf",
                                    start=D(2026, 1, 1), end=CUT_OFF, today=TODAY)))
    assert "小计：转出1人" in text and "共4人次" in text and "庚" not in text


def test_a_period_ending_before_it_starts_is_refused(branch, tmp_path):
    with pytest.raises(UserError, match="晚于截止日期"):
        export(branch, "member-changes", tmp_path / "c.pdf", start=D(2026, 5, 1),
               end=D(2026, 4, 1), today=TODAY)
    assert not (tmp_path / "c.pdf").exists()


def test_the_registration_form_fits_one_page_with_the_full_id(branch, tmp_path):
    path = export(branch, "member-card", tmp_path / "card.pdf", record_id=2, today=TODAY)
    [page] = pdf_pages(path)
    assert "工会会员登记表" in page and "乙" in page
    assert "110105199003070012" in page  # the registration record needs it whole
    assert "13812340012" not in page and "138****0012" in page
    assert "2026-06-30转出（劳动（工作）关系发生变化，蓝天公司工会）" in page
    assert "基层工会意见" in page and "（盖章）" in page
    [entry] = exports(branch)
    assert entry["导出"] == "工会会员登记表" and entry["会员"] == "乙"
    assert first_page_png(path).stat().st_size > 10_000
    _sheet, rows = sheet_rows(export(branch, "member-card", tmp_path / "card.xlsx",
                                    record_id=2, today=TODAY))
    assert rows[0][0] == "工会会员登记表" and rows[2][:2] == ["姓名", "乙"]


def test_the_registration_form_needs_a_member_that_exists(branch, tmp_path):
    with pytest.raises(UserError, match="请先选择要填表的会员"):
        export(branch, "member-card", tmp_path / "card.pdf", today=TODAY)
    with pytest.raises(UserError, match="找不到编号为 7 的会员"):  # 庚, in the 回收站
        export(branch, "member-card", tmp_path / "card.pdf", record_id=7, today=TODAY)


def value_beside(sheet, label):
    for row in sheet.iter_rows():
        for index, cell in enumerate(row):
            if cell.value == label:
                return row[index + 1].value
    raise AssertionError(f"no {label}")


def test_annual_statistics_count_as_of_the_cut_off(branch, tmp_path):
    with pytest.raises(UserError, match="设置 → 年度基本情况"):
        export(branch, "annual-stats", tmp_path / "a.pdf", as_of=CUT_OFF, today=TODAY)
    assert not (tmp_path / "a.pdf").exists()
    write(branch, save_year, YearFigures(year=2026, staff=10, staff_female=5, delegates=6,
                                           delegates_female=2, women_committee=True))
    sheet, rows = sheet_rows(export(branch, "annual-stats", tmp_path / "a.xlsx", as_of=CUT_OFF,
                                    today=TODAY))
    assert rows[0][0] == "基层工会基本情况统计表"
    expected = {"职工人数": 10, "其中：女职工": 5, "会员人数（在职）": 2, "其中：女会员": 2,
                "其中：农民工会员": 1, "其中：劳务派遣会员": 0,  # 丁, dispatched, is reserved
                "其中：新就业形态会员": 1,
                "保留会籍的会员（不计入入会率）": 1, "会员合计": 3,
                "入会率": "20.0%（在职会员 2 ÷ 职工 10）", "本年新入会": 0, "转入": 1, "转出": 1,
                "退会": 1, "除名": 0, "转为保留会籍": 1, "其中：农民工": "—",
                "职代会代表（人）": 6, "女职工委员会": "有", "经费审查委员会": "无",
                "统计编码": "3301A7"}
    assert {k: value_beside(sheet, k) for k in expected} == expected, {
        k: value_beside(sheet, k) for k in expected}
    text = "".join(pdf_pages(export(branch, "annual-stats", tmp_path / "a.pdf", as_of=CUT_OFF,
                                    today=TODAY)))
    assert "截至2026年9月30日" in text and "20.0%（在职会员2÷职工10）" in text


def test_annual_statistics_later_in_the_year_count_the_new_member(branch, tmp_path):
    write(branch, save_year, YearFigures(year=2026, staff=10))
    sheet, _ = sheet_rows(export(branch, "annual-stats", tmp_path / "a.xlsx", as_of=TODAY,
                                 today=TODAY))
    assert value_beside(sheet, "会员合计") == 4 and value_beside(sheet, "本年新入会") == 1


def test_a_cut_off_in_the_future_is_refused(branch, tmp_path):
    with pytest.raises(UserError, match="在今天之后"):
        export(branch, "member-roster", tmp_path / "r.pdf", as_of=D(2026, 12, 31), today=TODAY)


def test_an_unknown_format_or_form_is_refused_before_anything_is_read(branch, tmp_path):
    with pytest.raises(UserError, match=r"\.pdf 或 \.xlsx"):
        export(branch, "member-roster", tmp_path / "r.docx")
    with pytest.raises(UserError, match="member-roster"):
        export(branch, "no-such-form", tmp_path / "r.pdf")


def test_libreoffice_reads_the_statistics_and_the_roster(branch, tmp_path):
    write(branch, save_year, YearFigures(year=2026, staff=10))
    stats = libreoffice_csv(export(branch, "annual-stats", tmp_path / "统计.xlsx",
                                   as_of=CUT_OFF, today=TODAY), tmp_path)
    assert stats[0][0] == "基层工会基本情况统计表"
    assert ["职工人数", "10", "会员人数（在职）", "2"] in stats
    roster = libreoffice_csv(export(branch, "member-roster", tmp_path / "名册.xlsx",
                                    as_of=CUT_OFF, today=TODAY), tmp_path)
    assert [row[1] for row in roster[4:7]] == ["丁", "甲", "戊"]  # by pinyin: ding, jia, wu
    assert roster[4][7] == "110105********0014"


def test_a_preview_is_recorded_as_such_not_as_a_temporary_file(branch, tmp_path):
    from gonghui_desk.exchange.forms.export import export_form
    from gonghui_desk.exchange.forms.spec import FormParams

    list(export_form(branch.sessions, "member-card", FormParams(record_id=1, today=TODAY),
                     tmp_path / "preview.pdf", preview=True))
    [entry] = exports(branch)
    assert entry["用途"] == "在程序中预览或打印" and "文件" not in entry and "位置" not in entry
