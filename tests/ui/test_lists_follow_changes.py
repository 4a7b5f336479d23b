"""Lists follow what operations changed: one edited row repaints from one small query, and
the list is asked for again only when members come, go, or move in the filter or order."""

from __future__ import annotations

from gonghui_desk.db.models import Member
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.services.members import MemberFilter
from gonghui_desk.services.operations import Op, Runner, Tx
from gonghui_desk.ui.models.member_table import COLUMNS, MemberTableModel
from tests.factories import make_member

PHONE = [c.key for c in COLUMNS].index("phone")
NAME = [c.key for c in COLUMNS].index("name")


def _three(db) -> list[int]:
    with db.session() as s:
        people = [make_member(s, name="张伟", id_number="110105199003070017"),
                  make_member(s, name="李娜", id_number="11010519880101002X"),
                  make_member(s, name="王芳", id_number="110105198503070032")]
        s.flush()
        return [p.id for p in people]


def _edit(member_id: int, **values):
    def write(tx: Tx) -> None:
        member = tx.session.get(Member, member_id)
        for key, value in values.items():
            setattr(member, key, value)
    return Op("修改会员", write)


class _Resets:
    def __init__(self, model: MemberTableModel) -> None:
        self.count = 0
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.count += 1


def test_an_edited_phone_repaints_its_row_without_asking_for_the_list(db, qtmodeltester):
    ids = _three(db)
    model = MemberTableModel(db.sessions)
    model.set_filter(MemberFilter())
    runner = Runner(db)
    runner.subscribe(model.apply_changes)
    resets = _Resets(model)
    row = model.row_of(ids[1])
    assert model.data(model.index(row, PHONE)) == "138****5678"
    painted = []
    model.dataChanged.connect(lambda first, last: painted.append((first.row(), last.row())))
    runner.run(_edit(ids[1], phone="13900001111"))
    assert resets.count == 0
    assert painted == [(row, row)]
    assert model.data(model.index(row, PHONE)) == "139****1111"
    qtmodeltester.check(model)


def test_a_new_name_moves_the_member_to_their_place_in_pinyin_order(db):
    ids = _three(db)
    model = MemberTableModel(db.sessions)
    model.set_filter(MemberFilter())
    runner = Runner(db)
    runner.subscribe(model.apply_changes)
    names = [model.data(model.index(r, NAME)) for r in range(3)]
    assert names == ["李娜", "王芳", "张伟"]
    keys = pinyin_keys("艾伟")
    runner.run(_edit(ids[0], name="艾伟", pinyin_full=keys.full, pinyin_initials=keys.initials))
    assert [model.data(model.index(r, NAME)) for r in range(3)] == ["艾伟", "李娜", "王芳"]


def test_a_member_added_or_moved_to_the_recycle_bin_changes_the_list(db, today):
    ids = _three(db)
    model = MemberTableModel(db.sessions)
    model.set_filter(MemberFilter())
    runner = Runner(db)
    runner.subscribe(model.apply_changes)
    runner.run(Op("新增会员", lambda tx: make_member(tx.session, name="赵敏",
                                                   id_number="110105197001010030")))
    assert model.rowCount() == 4
    from gonghui_desk.db.session import clock_of

    runner.run(Op("移入回收站", lambda tx: setattr(tx.session.get(Member, ids[2]),
                                                "deleted_at", clock_of(tx.session).now())))
    assert model.rowCount() == 3 and model.row_of(ids[2]) is None


def test_a_page_reads_itself_again_only_when_something_changed(context, window):
    members = window.show_page("members")
    reads = []
    members.refresh = lambda original=members.refresh: (reads.append(1), original())
    home = window.show_page("home")
    window.show_page("members")
    assert reads == []  # nothing changed: being shown again reads nothing
    window.show_page("home")
    ids = _three(context.db)  # written past the runner, as another computer writes the book
    window.show_page("members")
    assert reads == [1] and members.model.rowCount() == 3  # the history says it changed
    home = window.show_page("home")
    assert home.cards["members"].figure.text() == "3"
    context.runner.run(_edit(ids[0], phone="13900001111"))
    assert members.stale  # hidden: when next shown
    window.show_page("members")
    assert reads == [1, 1] and not members.stale
    context.runner.run(_edit(ids[0], phone="13900002222"))  # visible: follows it at once,
    assert reads == [1, 1]  # the one row, without reading the page again
    assert members.model.data(members.model.index(members.model.row_of(ids[0]), PHONE)) \
        == "139****2222"
    window.show_page("home")
    window.show_page("members")
    assert reads == [1, 1]
