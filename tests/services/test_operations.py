"""The operation runner: one transaction, read-only refusal, check → back up → write,
the officer on the history, and the changes it announces."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from gonghui_desk.db.models import BranchProfileRow, ChangeRecord, Member
from gonghui_desk.db.session import session_scope
from gonghui_desk.errors import UserError
from gonghui_desk.services.operations import (
    Cancelled,
    Op,
    ReadOnlyBook,
    Runner,
    SafetyCopy,
    Tx,
)
from tests.factories import make_member


def _add_two(tx: Tx) -> list[int]:
    first = make_member(tx.session, name="甲")
    second = make_member(tx.session, name="乙", id_number="11010519880101002X")
    tx.session.flush()
    return [first.id, second.id]


def _count(db, model) -> int:
    with session_scope(db.sessions) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_an_operation_is_one_transaction_and_says_what_it_changed(db):
    runner = Runner(db)
    heard = []
    runner.subscribe(heard.append)
    outcome = runner.run(Op("新增会员", _add_two))
    assert _count(db, Member) == 2
    assert outcome.changes.ids("member") == frozenset(outcome.value)
    assert outcome.changes.kinds("member") == {"create"}
    assert outcome.changes.touches("membership_event")
    assert heard == [outcome.changes]


def test_an_error_half_way_writes_nothing_and_announces_nothing(db):
    runner = Runner(db)
    heard = []
    runner.subscribe(heard.append)

    def half(tx: Tx) -> None:
        _add_two(tx)
        raise UserError("第二步不成立")

    with pytest.raises(UserError, match="第二步"):
        runner.run(Op("新增会员", half))
    assert _count(db, Member) == 0 and _count(db, ChangeRecord) == 0
    assert heard == []


def test_a_cancel_from_the_progress_sink_rolls_back(db):
    def stop(_step) -> None:
        raise Cancelled

    def executor(_title, work):
        return work(stop)

    def long(tx: Tx) -> None:
        _add_two(tx)
        tx.progress(1, 2, "写入")

    with pytest.raises(Cancelled):
        Runner(db, executor).run(Op("导入", long))
    assert _count(db, Member) == 0


def test_a_read_only_book_refuses_every_operation_before_it_starts(db):
    db.read_only = True
    called = []
    with pytest.raises(ReadOnlyBook, match=r"只读.*不能保存工会信息"):
        Runner(db).run(Op("保存工会信息", called.append, check=called.append))
    assert called == []


@pytest.mark.sqlite_only("a file book's own backups")
def test_check_comes_before_the_backup_and_the_backup_before_the_write(db, monkeypatch):
    order = []
    from gonghui_desk.services import backup

    monkeypatch.setattr(backup, "back_up_and_rotate",
                        lambda _db, reason, folder=None, *, detail="": order.append(reason))

    def refuse(_session) -> None:
        order.append("check")
        raise UserError("这一批已经撤销过了")

    with pytest.raises(UserError):
        Runner(db).run(Op("撤销导入", lambda tx: order.append("write"), check=refuse,
                          safety_copy=SafetyCopy("undo", "第 1 批")))
    assert order == ["check"]  # refused: no backup taken
    Runner(db).run(Op("撤销导入", lambda tx: order.append("write"),
                      check=lambda _s: order.append("check"),
                      safety_copy=SafetyCopy("undo", "第 1 批")))
    assert order == ["check", "check", "undo", "write"]


def test_the_history_names_the_officer_chosen_not_the_login(db):
    db.officer.name = "王主席"

    def save(tx: Tx) -> None:
        tx.session.add(BranchProfileRow(id=1, union_name="红星工会"))

    Runner(db).run(Op("保存工会信息", save))
    with session_scope(db.sessions) as s:
        actors = set(s.scalars(select(ChangeRecord.actor)))
    assert actors == {"王主席"}


def test_a_cancel_reads_plainly_where_a_screen_did_not_expect_one():
    stopped = Cancelled()
    assert isinstance(stopped, UserError)  # a message box, not the crash dialog
    assert stopped.message == "已取消，没有写入任何内容。"
