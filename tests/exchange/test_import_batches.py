"""All or nothing, valid rows only, updates with their changes, and an undo that restores."""

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from gonghui_desk.db.models import ChangeRecord, ImportBatch, Member, MembershipEvent
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.import_report import write_problem_workbook
from gonghui_desk.exchange.import_session import prepare_request, remember_mapping
from gonghui_desk.exchange.member_import import (
    DUPLICATE,
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    UPSERT,
    import_operation,
)
from gonghui_desk.exchange.member_template import header_text, write_member_template
from gonghui_desk.exchange.workbook import read_sheet
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.backup import list_backups, load_policy
from gonghui_desk.services.import_undo import undo_batch
from gonghui_desk.services.member_records import get_member, move_to_recycle_bin, update_member
from gonghui_desk.services.operations import Runner
from tests.exchange.rosters import TODAY, hr_rows, person, plan_file, write_xlsx
from tests.factories import write


def import_file(db, plan, valid_only=False):
    """The import as the wizard and the command run it: check, back up, write."""
    return Runner(db).run(import_operation(plan, valid_only=valid_only)).value


def snapshot(db):
    """Every member and event as values, without the bookkeeping timestamps."""
    with db.session() as session:
        members = session.execute(
            select(Member.__table__).order_by(Member.id)).mappings().all()
        events = session.execute(
            select(MembershipEvent.__table__).order_by(MembershipEvent.id)).mappings().all()
    drop = {"created_at", "updated_at", "version"}  # bookkeeping: each save counts
    return ([{k: v for k, v in m.items() if k not in drop} for m in members],
            [{k: v for k, v in e.items() if k not in drop} for e in events])


def count(db, model=Member):
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.mark.sqlite_only("a file book's own backups")
def test_one_bad_row_and_nothing_is_written(db, tmp_path):
    rows = hr_rows(3)
    rows[2][2] = rows[2][2][:-1] + ("0" if rows[2][2][-1] != "0" else "1")  # check char
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    assert plan.blocked and [r.verdict for r in plan.rows] == [NEW, REJECTED, NEW]
    with pytest.raises(UserError, match="有 1 行未通过检查，整个文件都没有导入"):
        import_file(db, plan)
    assert count(db) == 0 and count(db, ImportBatch) == 0
    assert list_backups(load_policy(db).folder) == []  # refused before the backup


@pytest.mark.sqlite_only("a file book's own backups")
def test_only_the_valid_rows_when_the_user_says_so(db, tmp_path):
    rows = hr_rows(3)
    rows[2][1] = ""  # a member without a name
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    problem = plan.rows[1].problems[0]
    assert (problem.row, problem.column, problem.message) == (3, "名字", "必须填写。")
    batch_id = import_file(db, plan, valid_only=True)
    assert count(db) == 2
    info = batches.get_batch(db.sessions, batch_id)
    assert (info.added, info.updated, info.file_name) == (2, 0, "名册.xlsx")
    assert [b.reason for b in list_backups(load_policy(db).folder)] == ["import"]
    with db.session() as session:
        entry = session.scalars(select(ChangeRecord).where(
            ChangeRecord.table_name == "import_batch")).one()
    assert entry.action == "import" and "名册.xlsx" in entry.changes


def test_imported_members_are_whole_records(db, tmp_path):
    import_file(db, plan_file(db, write_xlsx(tmp_path / "名册.xlsx", hr_rows(1))))
    detail = get_member(db.sessions, 1)
    p = person(0)
    assert (detail.data.name, detail.data.id_number, detail.data.birth_date) == (
        p["name"], p["id"], p["birth"])
    assert detail.data.gender == p["gender"] and detail.status == "在册"
    assert [(e.kind, e.effective_date) for e in detail.events] == [("入会", p["joined"])]
    with db.session() as session:
        member = session.get(Member, 1)
        assert member.pinyin_initials and member.created_at is not None


def test_the_same_person_twice_in_a_file_is_refused_on_both_rows(db, tmp_path):
    rows = hr_rows(3)
    rows[3][2] = rows[1][2]
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    assert [r.verdict for r in plan.rows] == [DUPLICATE, NEW, DUPLICATE]
    assert "第 2、4 行的证件号码相同" in plan.rows[0].problems[0].message
    assert "*" in plan.rows[0].problems[0].value  # masked in the problem list


def test_a_number_in_the_recycle_bin_is_pointed_there(db, tmp_path):
    import_file(db, plan_file(db, write_xlsx(tmp_path / "一.xlsx", hr_rows(1))))
    write(db, move_to_recycle_bin, [1])
    plan = plan_file(db, write_xlsx(tmp_path / "二.xlsx", hr_rows(1)), mode=UPSERT)
    assert plan.rows[0].verdict == REJECTED
    assert "回收站" in plan.rows[0].problems[0].message


def _upsert_file(tmp_path):
    rows = hr_rows(3)
    rows[1][4] = "质检科"  # moved department
    rows[2][3] = ""  # no phone in this export: keeps the one on file
    rows.append(hr_rows(1, start=7)[1])  # a new member
    return write_xlsx(tmp_path / "更新.xlsx", rows)


def test_add_and_update_shows_what_changes(db, tmp_path):
    import_file(db, plan_file(db, write_xlsx(tmp_path / "一.xlsx", hr_rows(3))))
    plan = plan_file(db, _upsert_file(tmp_path), mode=UPSERT)
    assert [r.verdict for r in plan.rows] == [UPDATE, UNCHANGED, UNCHANGED, NEW]
    assert plan.rows[0].changes == (f"部门/车间：{person(0)['department']} → 质检科",)
    import_file(db, plan)
    assert get_member(db.sessions, 1).data.department == "质检科"
    assert get_member(db.sessions, 2).data.phone == person(1)["phone"]
    rows = hr_rows(1)
    rows[1][3] = "13700001234"
    phone_change = plan_file(db, write_xlsx(tmp_path / "新电话.xlsx", rows), mode=UPSERT)
    assert "移动电话：139****0000 → 137****1234" in phone_change.rows[0].changes
    assert count(db) == 4


def test_an_update_can_record_a_membership_change(db, tmp_path):
    import_file(db, plan_file(db, write_xlsx(tmp_path / "一.xlsx", hr_rows(1))))
    rows = [["姓名", "身份证号", "会籍变化类型", "会籍变化日期", "会籍变化原因"],
            [person(0)["name"], person(0)["id"], "转出", "2026/10/08", "劳动(工作)关系发生变化"]]
    plan = plan_file(db, write_xlsx(tmp_path / "转出.xlsx", rows), mode=UPSERT)
    assert plan.rows[0].changes == ("会籍变化：新增 2026-10-08 转出",)
    import_file(db, plan)
    assert get_member(db.sessions, 1).status == "已转出"


def test_undo_restores_the_database_exactly(db, tmp_path):
    import_file(db, plan_file(db, write_xlsx(tmp_path / "一.xlsx", hr_rows(3))))
    before = snapshot(db)
    header = ["姓名", "身份证号", "部门", "入会日期",
              "会籍变化类型", "会籍变化日期", "会籍变化原因"]
    rows = [header,
            [person(0)["name"], person(0)["id"], "质检科", "2014/12/01", "", "", ""],
            [person(1)["name"], person(1)["id"], "", "", "退会", "2026/11/01", "个人要求退会"],
            *[[*r[1:3], r[4], r[5], "", "", ""] for r in hr_rows(2, start=10)[1:]]]
    batch_id = import_file(db, plan_file(db, write_xlsx(tmp_path / "二.xlsx", rows), mode=UPSERT))
    assert count(db) == 5 and get_member(db.sessions, 2).status == "已退会"
    assert get_member(db.sessions, 1).events[0].effective_date == dt.date(2014, 12, 1)
    write(db, undo_batch, batch_id)
    assert snapshot(db) == before
    info = batches.get_batch(db.sessions, batch_id)
    assert info.undone_at is not None
    with pytest.raises(UserError, match="撤销过"):
        write(db, undo_batch, batch_id)


def test_undo_refuses_when_an_imported_member_was_changed_since(db, tmp_path):
    batch_id = import_file(db, plan_file(db, write_xlsx(tmp_path / "一.xlsx", hr_rows(2))))
    detail = get_member(db.sessions, 2)
    from dataclasses import replace

    write(db, update_member, 2, replace(detail.data, post="钳工"))
    with pytest.raises(UserError, match=f"导入后又修改过其中的会员（{person(1)['name']}）"):
        write(db, undo_batch, batch_id)
    assert count(db) == 2


def test_a_confirmed_mapping_is_reused_for_the_same_header(db, tmp_path):
    path = write_xlsx(tmp_path / "一.xlsx", hr_rows(2))
    sheet = read_sheet(path)
    request = prepare_request(db.sessions, sheet, path, "add", today=TODAY)
    mapping = dict(request.mapping)
    mapping[4] = "post"  # this branch's 所在部门 column really holds the post
    write(db, remember_mapping, request.headers, mapping)
    other = write_xlsx(tmp_path / "二.xlsx", hr_rows(2, start=5))
    again = prepare_request(db.sessions, read_sheet(other), other, "add", today=TODAY)
    assert again.mapping == mapping


def test_the_problem_list_exports_for_fixing_the_source(db, tmp_path):
    rows = hr_rows(2)
    rows[2][3] = "1381234567"
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    out = tmp_path / "问题清单.xlsx"
    assert write_problem_workbook(plan, out) == 1
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[2]] == ["工作表", "行号", "列", "单元格内容", "问题及修改方法"]
    assert [c.value for c in sheet[3]] == [
        "会员", 3, "联系电话", "1381234567", "应为 11 位手机号码，例如 138 1234 5678。"]


def test_the_blank_template_maps_itself_and_imports(db, tmp_path):
    path = tmp_path / "模板.xlsx"
    write_member_template(path)
    workbook = load_workbook(path)
    sheet = workbook["会员信息"]
    headers = [c.value for c in sheet[3]]
    assert headers[:2] == [header_text("name"), "性别"] and headers[0] == "*姓名"
    assert len(sheet.data_validations.dataValidation) >= 10
    assert workbook["代码表"].sheet_state == "hidden"
    p = person(3)
    sheet.append([p["name"], None, None, "汉族", None, p["id"], p["phone"], "装配车间"]
                 + [None] * 14 + [p["joined"]])
    workbook.save(path)
    plan = plan_file(db, path)
    assert plan.header_row == 3
    assert [r.verdict for r in plan.rows] == [NEW]
    assert plan.rows[0].data.join_date == p["joined"]
