"""The 疗休养 forms, filled from a year's trips and applications and read back."""

import datetime as dt
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.db.session import session_scope
from gonghui_desk.domain import recuperation_process as rp
from gonghui_desk.domain.recuperation import ApplicationDraft, Policy, Trip
from gonghui_desk.domain.recuperation_rules import RULE_NAMES
from gonghui_desk.exchange.forms import form_by_id
from gonghui_desk.services import recuperation as rec
from gonghui_desk.services import recuperation_apps as apps
from gonghui_desk.services.recuperation_allocation import allocate_trip
from gonghui_desk.services.recuperation_trips import save_trip
from tests.exchange.forms_helpers import export, first_page_png, libreoffice_csv, pdf_pages
from tests.factories import make_member, write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())
BY = "张主席"


@pytest.fixture
def year(db):
    """2026: 5 places in all (装配车间 2, 质检部 2), two trips, six applications."""
    write(db, rec.save_policy, Policy(2026, union_percent=60, admin_percent=30,
                                      personal_percent=10))
    write(db, rec.save_quota, rec.Quota(2026, 5, D(20000), "市总工会",
                                        departments={"装配车间": 2, "质检部": 2}))
    spring = write(db, save_trip, Trip(2026, "淳安千岛湖", dt.date(2026, 5, 10),
                                       dt.date(2026, 5, 14), D(480), 2, base="千岛湖基地"))
    winter = write(db, save_trip, Trip(2026, "云南西双版纳", dt.date(2026, 12, 10),
                                       dt.date(2026, 12, 16), D(500), 2, in_province=False))
    people = {}
    with session_scope(db.sessions) as session:
        for i, (name, department) in enumerate((("王芳", "装配车间"), ("李强", "质检部"),
                                                ("赵敏", "装配车间"), ("孙杰", "质检部"),
                                                ("周新", "质检部"), ("陈刚", "质检部"))):
            people[name] = make_member(session, name=name, department=department,
                                       id_number=f"11010519900307{i:03d}X",
                                       phone=f"1381234567{i}",
                                       join_date=dt.date(2026, 1, 2) if name == "周新"
                                       else dt.date(2015, 1, 1)).id

    def apply(name, trip_id, **more):
        return write(db, apps.apply, ApplicationDraft(
            people[name], trip_id, dt.date(2026, 3, 1), hire_date=dt.date(2014, 1, 1), **more),
            BY)

    def approve(app_id, day):
        write(db, apps.take_step, app_id, rp.DEPT_REVIEW, day, BY)
        write(db, apps.take_step, app_id, rp.UNION_APPROVAL, day, BY)

    done = [apply("王芳", spring, priority=("一线职工",)), apply("李强", spring)]
    for app_id in done:
        approve(app_id, dt.date(2026, 3, 10))
    write(db, allocate_trip, spring, dt.date(2026, 3, 20), BY)
    for app_id in done:
        write(db, apps.take_step, app_id, rp.COMPLETE, dt.date(2026, 5, 14), BY)
    later = [apply("赵敏", winter, priority=("劳模/先进", "一线职工"), companions=1,
                   companion_names="赵敏丈夫"),
             apply("孙杰", winter, absence_days=35), apply("陈刚", winter)]
    write(db, apps.set_override, later[1], "absence", "工伤住院，缺勤不计", BY, TODAY)
    for app_id in later:
        approve(app_id, dt.date(2026, 11, 1))
    write(db, allocate_trip, winter, dt.date(2026, 11, 5), BY)
    write(db, apps.take_step, later[0], rp.CONFIRM, dt.date(2026, 11, 6), BY)
    young = apply("周新", winter)
    return {"spring": spring, "winter": winter, "later": later, "young": young}


def test_the_approval_form_prints_every_rule_and_the_override(db, year, tmp_path):
    pdf = export(db, "recuperation-approval", tmp_path / "a.pdf", record_id=year["later"][1],
                 today=TODAY)
    [page] = pdf_pages(pdf)
    assert "职工疗休养审批表" in page and "孙杰" in page and "110105********003X" in page
    assert "云南西双版纳" in page and "省外" in page and "7天" in page
    for rule in RULE_NAMES.values():
        assert rule in page
    assert "已特批" in page and "特批理由：工伤住院，缺勤不计" in page
    assert "工伤住院，缺勤不计（张主席，2026-11-21）" in page
    assert "工会审核意见" in page and "申请人签字" in page
    assert first_page_png(pdf).stat().st_size > 10_000


def test_the_approval_of_someone_not_eligible_says_what_fails(db, year, tmp_path):
    pdf = export(db, "recuperation-approval", tmp_path / "a.pdf", record_id=year["young"],
                 today=TODAY)
    text = "".join(pdf_pages(pdf))
    assert "结论：不符合：会龄" in text
    assert "2026-01-02入会，须满1年（2027-01-02起）" in text


def test_the_trip_roster_lists_the_places_and_the_waiting_list(db, year, tmp_path):
    pdf = export(db, "recuperation-roster", tmp_path / "r.pdf", record_id=year["winter"],
                 today=TODAY)
    [page] = pdf_pages(pdf)
    assert "疗休养人员名单" in page and "云南西双版纳" in page and "2026年12月10日" in page
    assert "赵敏男装配车间" in page and "一线职工已确认3,500.00500.00" in page
    assert "赵敏丈夫（1" in page
    assert "孙杰男质检部" in page and "138****5673待确认3,500.00500.00" in page
    assert "110105********002X" in page and "138****5672" in page  # masked
    assert "候补名单（按排名）：1.陈刚。" in page
    assert "名额2人，已安排2人（已确认或已完成1人，待确认1人）" in page
    xlsx = export(db, "recuperation-roster", tmp_path / "r.xlsx", record_id=year["winter"],
                  today=TODAY, full_ids=True)
    rows = libreoffice_csv(xlsx, tmp_path)
    assert any("11010519900307002X" in cell for row in rows for cell in row)
    with session_scope(db.sessions) as session:
        assert session.query(ChangeRecord).filter_by(action="export").count() == 1


def test_the_stats_count_by_department_and_priority(db, year, tmp_path):
    xlsx = export(db, "recuperation-stats", tmp_path / "s.xlsx", year=2026, today=TODAY)
    sheet = load_workbook(xlsx).active
    rows = {(r[0], r[1]): r[2:] for r in sheet.iter_rows(values_only=True) if r[0] in
            ("按部门", "按优先条件")}
    # 分配名额, 申请, 符合条件, 已安排, 其中已完成, 候补, 放弃/取消, 人天数, 费用
    assert rows[("按部门", "装配车间")][:8] == (2, 2, 2, 2, 1, 0, 0, 12)
    assert rows[("按部门", "质检部")][:8] == (2, 4, 3, 2, 1, 1, 0, 12)
    assert rows[("按优先条件", "一线职工")][:8] == ("—", 2, 2, 2, 1, 0, 0, 12)
    assert rows[("按优先条件", "无优先条件")][1] == 4
    texts = [r[0] for r in sheet.iter_rows(values_only=True) if r[0]]
    assert any(str(t).startswith("合计：申请 6 人，符合条件 5 人，已安排 4 人") for t in texts)
    pdf = export(db, "recuperation-stats", tmp_path / "s.pdf", year=2026, today=TODAY)
    assert len(pdf_pages(pdf)) == 1
    assert "全年名额5个，已安排4个，剩余1个；省内2人次，省外2人次" in pdf_pages(pdf)[0]


def test_the_costs_split_by_source_with_the_budget(db, year, tmp_path):
    pdf = export(db, "recuperation-costs", tmp_path / "c.pdf", year=2026, today=TODAY)
    [page] = pdf_pages(pdf)
    assert "职工疗休养费用信息统计表" in page
    # Spring: 2 × 5 days × 480 = 4,800; winter: 2 × 7 × 500 = 7,000, of which the
    # personal share is 10% or what passes 3,000 a year: 500 each.
    assert "4,800.00" in page and "7,000.00" in page
    assert "费用11,800.00元；其中工会经费" in page
    assert "全年预算20,000.00元，已用" in page
    assert "随行家属1人，自费3,500.00元" in page
    xlsx = export(db, "recuperation-costs", tmp_path / "c.xlsx", year=2026, today=TODAY)
    sheet = load_workbook(xlsx).active
    values = [r for r in sheet.iter_rows(values_only=True) if r[1] == "云南西双版纳"]
    cost, union, admin, personal, family = values[0][8:13]
    assert cost == 7000 and personal == 1000 and union + admin + personal == cost
    assert family == 3500


def test_the_forms_are_listed_with_their_parameters():
    assert form_by_id("recuperation-approval").record_kind == "疗休养申请"
    assert form_by_id("recuperation-roster").record_kind == "疗休养批次"
    assert form_by_id("recuperation-costs").params == ("year",)
