"""首页 as a chair meets it at start: the member figures shown at once and equal to the
book's counts after a write (the 回收站 counting nowhere), and the 概览 charts saying they
are still being counted until they have read, never showing figures silently."""

from __future__ import annotations

import datetime as dt

import pytest

from gonghui_desk.db.models import Member
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.members import count_by_status
from gonghui_desk.services.operations import Op
from tests.factories import make_member

DAY = "2026-11-21"


def _figures(home) -> dict[str, str]:
    return {key: card.figure.text() for key, card in home.cards.items()}


@pytest.mark.today(DAY)
def test_the_figures_follow_a_write_and_leave_the_bin_out(window, db, qtbot):
    home = window.show_page("home")
    runner = window.context.runner
    runner.run(Op("新增会员", lambda tx: make_member(tx.session, id_number="110105199003071234")))
    binned = runner.run(Op("新增会员", lambda tx: make_member(
        tx.session, id_number="110105199003075678",
        events=[(ms.JOIN, dt.date(2026, 2, 1))]).id)).value
    qtbot.waitUntil(lambda: _figures(home)["members"] == "2")
    assert _figures(home)["joined"] == "1"
    runner.run(Op("新增会员", lambda tx: make_member(
        tx.session, id_number="110105199003079012", events=[(ms.JOIN, dt.date(2026, 3, 1))])))
    runner.run(Op("移入回收站", lambda tx: setattr(
        tx.session.get(Member, binned), "deleted_at", dt.datetime(2026, 11, 20, 9))))
    counts = count_by_status(db.sessions)
    qtbot.waitUntil(lambda: _figures(home)["members"] == "2")
    assert counts[ms.ACTIVE] == 2
    assert _figures(home) == {"members": "2", "active": "2", "reserved": "0",
                              "joined": "1",  # the one binned joined in 2026 too
                              "left_year": "0", "left": "0"}


@pytest.mark.today(DAY)
def test_the_charts_say_they_are_counting_until_they_have_read(window, db, qtbot):
    with db.sessions.begin() as session:
        make_member(session, department="一车间")
    window.show_page("members")
    window.pages.pop("home").deleteLater()  # 首页 built afresh, as at start
    home = window.show_page("home")
    charts = home.overview.members
    # Shown with the window's own figures, but the charts not read yet: they say so.
    assert _figures(home)["members"] == "1"
    assert charts.figures is None
    assert charts.departments.chart().title() == "正在统计…"
    qtbot.waitUntil(lambda: charts.figures is not None)
    assert charts.departments.chart().title() == "各部门会员（共 1 人）"
