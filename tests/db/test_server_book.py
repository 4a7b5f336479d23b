"""A book on a PostgreSQL server: made, recognised, refused when foreign, upgraded, and
reported in words when the server cannot be reached."""

import threading
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from gonghui_desk.db import migrate
from gonghui_desk.db.database import open_database
from gonghui_desk.db.models import BookMark, Member, MembershipEvent
from gonghui_desk.db.session import ServerLost
from gonghui_desk.errors import DatabaseNotOurs, UserError
from gonghui_desk.services.edit_conflicts import EditConflict
from gonghui_desk.services.member_records import get_member, update_member
from gonghui_desk.services.member_rows import insert_members
from tests.factories import make_member, write
from tests.services.test_member_inserts import new_members


@pytest.fixture
def blank(pg_cluster):
    """An empty database on the test server, as an administrator hands one out."""
    name = pg_cluster.new_database(template="template0")
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


def test_a_blank_server_database_becomes_a_book_marked_as_ours(blank):
    db = open_database(blank)
    try:
        assert db.path is None and db.engine.dialect.name == "postgresql"
        with db.session() as session:
            mark = session.scalars(select(BookMark)).one()
            assert mark.application_id == 0x4748444B
            make_member(session, name="张伟")
        assert make_url(db.location) == make_url(blank)
        name = make_url(blank).database
        assert db.display_name.startswith("服务器 postgres@/tmp/") and name in db.display_name
    finally:
        db.close()
    again = open_database(blank)  # recognised, not migrated twice
    with again.session() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 1
    again.close()


def test_another_programs_database_is_refused_and_left_alone(blank):
    engine = create_engine(blank)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer primary key)"))
    with pytest.raises(DatabaseNotOurs, match="其他程序的数据表"):
        open_database(blank)
    with engine.connect() as connection:
        tables = connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).scalars().all()
    engine.dispose()
    assert tables == ["invoices"]  # nothing of ours was created beside it


def test_a_server_book_at_0014_is_upgraded_with_its_members(blank):
    engine = create_engine(blank)
    migrate.upgrade(engine, "0014")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO member (name, gender, status, join_date, pinyin_initials, pinyin_full,"
            " ethnicity, id_type, phone, department, post, employment_status, education,"
            " tech_level, political_status, hukou_type, hukou_place, work_unit, native_place,"
            " migrant_worker, new_employment_form, dispatched, card_number, model_worker_level,"
            " note) VALUES ('李梅', '女', '在册', '2015-01-01', 'lm', 'limei', '', '居民身份证',"
            " '', '', '', '', '', '', '', '', '', '', '', false, '', false, '', '', '')"))
    engine.dispose()
    db = open_database(blank)
    try:
        with db.session() as session:
            member = session.scalars(select(Member)).one()
            assert (member.name, member.version) == ("李梅", 1)
            assert session.scalars(select(BookMark.application_id)).one() == 0x4748444B
    finally:
        db.close()


def test_an_unreachable_server_is_said_in_words(tmp_path):
    with pytest.raises(UserError, match="连不上数据库服务器") as refused:
        open_database(f"postgresql://officer:secret@/book?host={tmp_path}")
    assert "secret" not in str(refused.value)


def test_two_imports_at_once_do_not_interleave(pg_cluster):
    name = pg_cluster.new_database()
    first, second = open_database(pg_cluster.url(name)), open_database(pg_cluster.url(name))
    rows = new_members(400)
    done: dict[str, range] = {}
    errors: list[BaseException] = []

    def run(db, key, part):
        try:
            done[key] = write(db, lambda tx: insert_members(tx.session, part))
        except BaseException as error:  # reported below, in the test's own thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(first, "a", rows[:200])),
               threading.Thread(target=run, args=(second, "b", rows[200:]))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    try:
        assert not errors
        ids = sorted([*done["a"], *done["b"]])
        assert ids == list(range(1, 401))  # each import one unbroken run of ids
        assert {done["a"].start, done["b"].start} == {1, 201}
        with first.session() as session:
            events = sum(len(r.events) for r in rows)
            assert session.scalar(select(func.count()).select_from(MembershipEvent)) == events
            # The next ordinary save continues after them.
            assert make_member(session, name="王芳").id == 401
    finally:
        first.close()
        second.close()
        pg_cluster.drop_database(name)


def test_a_dropped_connection_mid_write_leaves_the_book_as_before(pg_cluster):
    name = pg_cluster.new_database()
    db = open_database(pg_cluster.url(name))

    def cut_off_half_way(tx):
        make_member(tx.session, name="赵六")
        pid = tx.session.execute(text("SELECT pg_backend_pid()")).scalar()
        pg_cluster.psql(f"SELECT pg_terminate_backend({pid})")
        make_member(tx.session, name="钱七")

    try:
        with pytest.raises(ServerLost, match=r"连接断开了.*没有写入任何内容"):
            write(db, cut_off_half_way)
        with db.session() as session:  # the pool reconnects: the book is as it was
            assert session.scalar(select(func.count()).select_from(Member)) == 0
    finally:
        db.close()
        pg_cluster.drop_database(name)


def test_the_second_officer_on_another_pc_is_told_who_saved_first(pg_cluster):
    name = pg_cluster.new_database()
    chair, deputy = open_database(pg_cluster.url(name)), open_database(pg_cluster.url(name))
    chair.officer.name, deputy.officer.name = "李主席", "王副主席"
    try:
        with chair.session() as session:
            member_id = make_member(session, name="张伟", department="质检科").id
        seen_by_chair = get_member(chair.sessions, member_id)
        seen_by_deputy = get_member(deputy.sessions, member_id)
        write(deputy, update_member, member_id,
              replace(seen_by_deputy.data, department="办公室"), seen_by_deputy.version)
        with pytest.raises(EditConflict) as refused:
            write(chair, update_member, member_id,
                  replace(seen_by_chair.data, phone="13900000001"), seen_by_chair.version)
        message = str(refused.value)
        assert "王副主席" in message and "部门/车间：质检科 → 办公室" in message
        assert "没有写入" in message
        kept = get_member(chair.sessions, member_id)
        assert (kept.data.department, kept.data.phone) == ("办公室", seen_by_chair.data.phone)
    finally:
        chair.close()
        deputy.close()
        pg_cluster.drop_database(name)
