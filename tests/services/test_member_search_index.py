"""The search box finds, through its index, exactly whom reading every member finds, after
every way members are written: the dialog, an import and its undo, the 回收站 and purge,
the demo, and an old book brought up to date (a restored backup goes the same way)."""

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from gonghui_desk.db import engine as eng
from gonghui_desk.db import migrate
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import Member
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.member import MemberData
from gonghui_desk.domain.pinyin import pinyin_keys
from gonghui_desk.exchange.member_import import import_operation
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.import_undo import undo_batch
from gonghui_desk.services.member_records import (
    create_member,
    get_member,
    move_to_recycle_bin,
    purge,
    restore_from_recycle_bin,
    update_member,
)
from gonghui_desk.services.members import MemberFilter, ids_query, search_ids
from gonghui_desk.services.operations import Runner
from tests.exchange.rosters import TODAY, hr_rows, plan_file, write_xlsx
from tests.factories import make_member, write

pytestmark = [pytest.mark.sqlite_only("the FTS5 search table of a SQLite book"),
              pytest.mark.today(TODAY.isoformat())]

# One, two and three characters of a name, a whole name, pinyin initials and full pinyin,
# an ID tail with its X, phone tails, digits inside a number, too few digits for the index.
SEARCHES = ("王", "晓", "晓明", "王晓明", "欧阳娜娜", "阳娜", "wxm", "wangxiao", "ZHANG", "w",
            "1234", "005X", "0017", "5678", "99", "1", "0303", "19900307", "A7", "ab")
PEOPLE = (
    ("王晓明", "11010519900307005X", "13800001234"),
    ("张晓红", "110105198805060017", "13912345678"),
    ("欧阳娜娜", "110105199003070033", "13700009999"),
    ("王", "110105197001010303", "15600005678"),
    ("李AB", "110105197512120012", "18600000101"),
)


def brute_force(db, raw):
    """Whom the search text means, by reading every member in Python (as LIKE and GLOB do)."""
    typed = "".join(raw.split())
    with db.session() as session:
        members = session.execute(select(
            Member.id, Member.name, Member.id_number, Member.phone, Member.card_number,
            Member.pinyin_initials, Member.pinyin_full).where(Member.deleted_at.is_(None))).all()

    def folded(value):  # LIKE ignores the case of ASCII letters only
        return "".join(c.lower() if c.isascii() else c for c in value or "")

    found = set()
    for m in members:
        numbers = (m.id_number, m.phone, m.card_number)
        if typed.rstrip("Xx").isdigit() and typed[:1].isdigit():
            hit = any(folded(typed) in folded(n) for n in numbers)
        elif all(c.isascii() and (c.isalnum() or c == "-") for c in typed):
            low = typed.lower()
            hit = (m.pinyin_initials.startswith(low) or m.pinyin_full.startswith(low)
                   or folded(typed) in folded(m.card_number) or folded(typed) in folded(m.name))
        else:
            hit = folded(typed) in folded(m.name)
        if hit:
            found.add(m.id)
    return found


def reads_every_member(db, raw):
    """Whether the search for ``raw`` reads the whole member table (or a whole index of it)."""
    statement = ids_query(MemberFilter(text=raw)).compile(
        dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as connection:
        plan = [row[3] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}")]
    # The index of lettered card numbers holds only cards with a letter: not everyone; the
    # 回收站 index searched for "not deleted" walks every current member.
    return any((step.split()[:2] == ["SCAN", "member"] and "ix_member_card_lettered" not in step)
               or "(deleted_at=?)" in step for step in plan)


def assert_finds_what_a_scan_finds(db):
    for raw in SEARCHES:
        ids = search_ids(db.sessions, MemberFilter(text=raw))
        assert len(ids) == len(set(ids)), raw
        assert set(ids) == brute_force(db, raw), raw
        if not (raw.isdigit() and len(raw) < 3):  # those match most people: left to scan
            assert not reads_every_member(db, raw), raw


def add_people(db, people=PEOPLE):
    with db.session() as s:
        return [make_member(s, name=n, id_number=i, phone=p).id for n, i, p in people]


def test_the_member_dialog_adding_and_editing(db):
    draft = MemberData(name="王晓明", gender="男", birth_date=dt.date(1990, 3, 7),
                       id_number="11010519900307005X", phone="13800001234",
                       department="装配车间", join_date=dt.date(2020, 3, 5))
    member_id = write(db, create_member, draft, ms.EventDraft(ms.JOIN, dt.date(2020, 3, 5)))
    assert search_ids(db.sessions, MemberFilter(text="005x")) == [member_id]
    assert search_ids(db.sessions, MemberFilter(text="晓明")) == [member_id]
    add_people(db, PEOPLE[1:])
    data = get_member(db.sessions, member_id).data
    write(db, update_member, member_id, replace(data, name="赵晓梅", phone="13855556666",
                                                card_number="AB-2026-01"))
    assert search_ids(db.sessions, MemberFilter(text="晓梅")) == [member_id]
    assert search_ids(db.sessions, MemberFilter(text="5555")) == [member_id]
    assert search_ids(db.sessions, MemberFilter(text="b-20")) == [member_id]
    assert member_id not in search_ids(db.sessions, MemberFilter(text="1234"))
    assert_finds_what_a_scan_finds(db)


def test_the_recycle_bin_restoring_and_purging(db):
    ids = add_people(db)
    write(db, move_to_recycle_bin, ids[:2])
    assert search_ids(db.sessions, MemberFilter(text="王晓明")) == []
    assert_finds_what_a_scan_finds(db)
    write(db, restore_from_recycle_bin, ids[:1])
    assert search_ids(db.sessions, MemberFilter(text="王晓明")) == [ids[0]]
    write(db, move_to_recycle_bin, ids[:1])
    write(db, purge, ids[:1])
    assert_finds_what_a_scan_finds(db)
    with db.engine.connect() as connection:  # nothing of the purged member stays behind
        assert connection.execute(text(
            "SELECT rowid FROM member_search_fts WHERE member_search_fts MATCH :q"),
            {"q": '"11010519900307005X"'}).all() == []


def test_an_import_and_its_undo(db, tmp_path):
    add_people(db)
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", hr_rows(30)))
    batch_id = Runner(db).run(import_operation(plan, valid_only=False)).value
    assert search_ids(db.sessions, MemberFilter(text="王晓明"))
    assert_finds_what_a_scan_finds(db)
    write(db, undo_batch, batch_id)
    assert_finds_what_a_scan_finds(db)
    assert len(search_ids(db.sessions, MemberFilter(text="139"))) == 1  # only 张晓红 left


def test_an_import_into_a_nearly_empty_book(db, tmp_path):
    """The index is filled once after the rows, not row by row: the few members already
    there are not indexed twice, and the new ones are all found."""
    add_people(db, PEOPLE[:1])
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", hr_rows(40)))
    Runner(db).run(import_operation(plan, valid_only=False))
    assert 1 in search_ids(db.sessions, MemberFilter(text="王晓明"))
    assert_finds_what_a_scan_finds(db)
    with db.session() as session:  # one entry per member in the index
        assert session.scalar(text("SELECT count(*) FROM member_search_fts")) == 41


def test_the_demo(db):
    write(db, fill_demo, 300)
    assert_finds_what_a_scan_finds(db)
    # Every surname the demo gives finds its people, one character or two.
    with db.session() as session:
        names = session.scalars(select(Member.name)).all()
    for name in names[:40]:
        for part in (name[:1], name[:2], name[-2:], name):
            assert set(search_ids(db.sessions, MemberFilter(text=part))) == brute_force(
                db, part)


def test_an_old_book_is_indexed_when_it_is_brought_up_to_date(db_path):
    """A book from before the index (a restored backup, say) is back-filled on opening."""
    old = eng.create_engine_for(eng.database_url(db_path))
    migrate.upgrade(old, "0012")
    eng.mark_as_ours(old)
    old.dispose()
    database = open_database(db_path)
    add_people(database)
    migrate.downgrade(database.engine, "0012")  # the index goes; the members stay
    with database.session() as session:  # changed while the book had no index
        session.execute(text("UPDATE member SET card_number = 'AB-7' WHERE name = '王'"))
    database.close()
    database = open_database(db_path)  # upgrades: creates and fills the index
    try:
        assert_finds_what_a_scan_finds(database)
        assert search_ids(database.sessions, MemberFilter(text="ab")) != []
        # And the triggers keep it right from then on, whoever writes.
        with database.session() as session:
            keys = pinyin_keys("周晓")
            session.execute(text(
                "UPDATE member SET name = '周晓', pinyin_initials = :i, pinyin_full = :f, "
                "phone = '13322224444' WHERE name = '王'"), {"i": keys.initials, "f": keys.full})
            session.execute(text("DELETE FROM member WHERE name = '李AB'"))
        assert_finds_what_a_scan_finds(database)
    finally:
        database.close()


def test_a_search_the_index_answers_exactly_is_not_checked_again(db):
    """A name of Chinese characters and a run of digits: the members the index finds are
    those the list shows, with no second look at each one's name or numbers."""
    for raw in ("王", "晓明", "欧阳娜娜", "1234", "005X"):
        statement = str(ids_query(MemberFilter(text=raw)).compile(
            dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
        where = statement.partition("ORDER BY")[0]
        assert "LIKE" not in where and "GLOB" not in where, raw
    add_people(db)
    assert_finds_what_a_scan_finds(db)


def test_letters_the_index_folds_and_like_does_not_are_still_checked(db):
    """The index folds the case of every script (Ä to ä, the Kelvin sign to k), LIKE only
    that of ASCII: a search holding such a letter still finds exactly what LIKE finds."""
    people = (("王Ä", "110105199003070017", "13800000001"),
              ("王\u212a", "110105199003070025", "13800000002"),  # the Kelvin sign
              ("王k", "110105199003070033", "13800000003"))
    ids = add_people(db, people)
    assert search_ids(db.sessions, MemberFilter(text="王ä")) == []
    assert search_ids(db.sessions, MemberFilter(text="王Ä")) == [ids[0]]
    assert search_ids(db.sessions, MemberFilter(text="王K")) == [ids[2]]  # not the sign
    assert set(search_ids(db.sessions, MemberFilter(text="王"))) == set(ids)
