"""One table of bad records, each taken down every path that writes a member: the service
the member dialog calls, and an import of a one-row workbook, adding and updating. Every
path gives the same verdict — refused, naming the field in the same words (the import also
names the sheet, the row and the column) — and writes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import func, select

from gonghui_desk.db.models import ChangeRecord, ImportBatch, Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import FIELD_NAMES, MemberData
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.exchange.import_session import prepare_request
from gonghui_desk.exchange.member_import import (
    ADD,
    REJECTED,
    UPSERT,
    ImportPlan,
    import_operation,
    plan_import,
)
from gonghui_desk.exchange.workbook import read_sheet
from gonghui_desk.services import member_records as records
from gonghui_desk.services.membership import add_event
from gonghui_desk.services.operations import Runner
from tests.dates import the_day
from tests.exchange.rosters import id_number, write_xlsx
from tests.factories import write

BIRTH = dt.date(1990, 3, 7)
ZHANG_ID = id_number(0, BIRTH)  # 110105199003070017
BINNED_ID = id_number(1, BIRTH)  # the same birth and sex, another person's number
ZHANG = {"name": "张三", "gender": "男", "birth_date": BIRTH, "id_number": ZHANG_ID,
         "phone": "13812345678", "ethnicity": "汉族", "department": "装配车间",
         "join_date": dt.date(2015, 6, 1)}
# The workbook's columns and the field each one is.
COLUMNS = {"姓名": "name", "性别": "gender", "出生日期": "birth_date", "证件号码": "id_number",
           "移动电话": "phone", "民族": "ethnicity", "部门": "department",
           "会员证号": "card_number", "入会日期": "join_date",
           "会籍变化类型": "change_kind", "会籍变化日期": "change_date",
           "原所在工会": "counterpart_union"}
# The dialog names an event's fields as the membership-change dialog does.
EVENT_KEYS = {"change_kind": "kind", "change_date": "effective_date"}
JOINED = (ms.JOIN, dt.date(2015, 6, 1))


@dataclass(frozen=True)
class Bad:
    """A bad record: how it differs from 张三's good one, what it is refused for."""

    why: str
    changes: dict[str, Any]
    field: str  # the field every path must name
    modes: tuple[str, ...] = (ADD, UPSERT)
    on_file: tuple[tuple[str, dt.date], ...] = (JOINED,)  # 张三's history, when updating
    on_file_join: dt.date = dt.date(2015, 6, 1)
    same_words: bool = True  # the cell reader words a code outside its list its own way
    extra: dict[str, Any] = field(default_factory=dict)


TRANSFER = {"change_kind": ms.TRANSFER_IN, "change_date": dt.date(2015, 6, 1),
            "counterpart_union": "甲公司工会"}
CASES = [
    Bad("ID number with a wrong check digit", {"id_number": "110105199003070018"},
        "id_number"),
    Bad("passport number too short", {"id_number": "E1"}, "id_number",
        extra={"id_type": "护照"}),
    Bad("birth date after today", {"birth_date": dt.date(2099, 1, 1)}, "birth_date"),
    Bad("sex against the ID number", {"gender": "女"}, "gender"),
    Bad("入会日期 after today", {"join_date": dt.date(2099, 1, 1)}, "join_date"),
    Bad("入会日期 before birth", {"join_date": dt.date(1980, 1, 1)}, "join_date"),
    Bad("joined before 16", {"join_date": dt.date(2000, 1, 1)}, "join_date"),
    Bad("入会日期 after the first 转入", {"join_date": dt.date(2016, 1, 1), **TRANSFER},
        "join_date", modes=(UPSERT,),
        on_file=((ms.TRANSFER_IN, dt.date(2015, 6, 1)),), on_file_join=dt.date(2015, 1, 1)),
    Bad("转入 before the 入会日期", {"join_date": dt.date(2016, 1, 1), **TRANSFER},
        "effective_date", modes=(ADD,)),
    Bad("入会日期 moved after a later change", {"join_date": dt.date(2017, 1, 1)},
        "join_date", modes=(UPSERT,),
        on_file=(JOINED, (ms.RESERVE, dt.date(2016, 1, 1)))),
    Bad("a new member coming in by 恢复", {"change_kind": ms.RESTORE,
                                       "change_date": dt.date(2016, 1, 1)},
        "kind", modes=(ADD,)),
    Bad("转入 dated after today", {**TRANSFER, "change_date": dt.date(2099, 1, 1)},
        "effective_date", modes=(ADD,)),
    Bad("the ID number of a record in the 回收站", {"id_number": BINNED_ID}, "id_number"),
    Bad("another member's card number", {"card_number": "a001"}, "card_number"),
    Bad("card number with other signs", {"card_number": "A#1"}, "card_number"),
    Bad("mobile one digit short", {"phone": "1381234567"}, "phone"),
    Bad("name too long", {"name": "张" * 31}, "name"),
    Bad("ethnicity not on the list", {"ethnicity": "火星族"}, "ethnicity",
        same_words=False),
]
PATHS = [pytest.param(case, mode, id=f"{mode}: {case.why}")
         for case in CASES for mode in case.modes]


def _others(db) -> None:
    """On file besides: a record in the 回收站, and a member holding card A001."""
    binned = write(db, records.create_member, MemberData(
        name="张叁", id_number=BINNED_ID, department="装配车间", join_date=dt.date(2012, 1, 1)),
        ms.EventDraft(ms.JOIN, None))
    write(db, records.move_to_recycle_bin, [binned])
    write(db, records.create_member, MemberData(
        name="李四", id_number=id_number(7, dt.date(1988, 1, 1)), card_number="A001",
        phone="13900000007", join_date=dt.date(2016, 1, 1)), ms.EventDraft(ms.JOIN, None))


def _zhang_on_file(db, case: Bad) -> int:
    (kind, day), *later = case.on_file
    data = MemberData(**{**ZHANG, "join_date": case.on_file_join})
    first = ms.EventDraft(kind, day, counterpart_union="甲公司工会")
    member_id = write(db, records.create_member, data, first)
    for kind, day in later:
        write(db, add_event, member_id, ms.EventDraft(kind, day))
    return member_id


def _values(case: Bad) -> dict[str, Any]:
    return {**ZHANG, **case.extra, **case.changes}


def _dialog_verdict(db, case: Bad, mode: str, zhang: int | None) -> set[tuple[str, str]]:
    values = _values(case)
    draft = MemberData(**{k: v for k, v in values.items() if k in FIELD_NAMES})
    with pytest.raises(ValidationError) as refused:
        if mode == ADD:
            first = ms.EventDraft(values.get("change_kind") or ms.JOIN,
                                  values.get("change_date"),
                                  counterpart_union=values.get("counterpart_union", ""))
            write(db, records.create_member, draft, first)
        else:
            write(db, records.update_member, zhang, draft)
    return {(p.key, p.message) for p in refused.value.problems}


def _one_row_workbook(tmp_path, case: Bad, mode: str):
    values = _values(case)
    headers = list(COLUMNS)
    if "id_type" in values:
        headers.append("有效证件类别")
    row = [values.get(COLUMNS.get(h, "id_type"), "") for h in headers]
    return write_xlsx(tmp_path / f"{mode}.xlsx", [headers, row])


def _plan(db, path, mode: str) -> ImportPlan:
    request = prepare_request(db.sessions, read_sheet(path), path, mode, today=the_day())
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    return out[0]


def _contents(db) -> tuple[int, ...]:
    with db.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0
                     for model in (Member, MembershipEvent, ImportBatch, ChangeRecord))


@pytest.mark.parametrize(("case", "mode"), PATHS)
def test_a_bad_record_is_refused_alike_on_every_path(db, tmp_path, case, mode):
    _others(db)
    zhang = _zhang_on_file(db, case) if mode == UPSERT else None
    before = _contents(db)

    said = _dialog_verdict(db, case, mode, zhang)
    assert case.field in {key for key, _ in said}
    assert _contents(db) == before

    plan = _plan(db, _one_row_workbook(tmp_path, case, mode), mode)
    [row] = plan.rows
    assert row.verdict == REJECTED
    assert {(p.sheet, p.row) for p in row.problems} == {("会员", 2)}
    named = {(EVENT_KEYS.get(COLUMNS[p.column], COLUMNS[p.column]), p.message)
             for p in row.problems}
    if case.same_words:
        assert named == said
    else:
        assert {key for key, _ in named} == {key for key, _ in said}
    with pytest.raises(UserError, match="整个文件都没有导入"):
        Runner(db).run(import_operation(plan, valid_only=False))
    assert _contents(db) == before
