"""首页's figures read straight from the file: the very numbers the full path counts, and
nothing at all for a book the quick read cannot vouch for."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from gonghui_desk.clock import Clock
from gonghui_desk.db import engine as eng
from gonghui_desk.db import lock, migrate
from gonghui_desk.db.database import open_database
from gonghui_desk.db.home_counts import APPLICATION_ID, lock_path, read_home_counts
from gonghui_desk.db.models import Member
from gonghui_desk.domain import membership as ms
from gonghui_desk.services.demo import fill_demo
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.summary import members_summary
from tests.factories import make_member, write

DAY = dt.date(2026, 11, 21)


def _demo_book(path: Path, members: int = 300) -> None:
    """A demo book with, on top, the edges of "this year": an event on the day counted, one
    the day after and one on 31 December last year not, a binned joiner nowhere."""
    db = open_database(path, clock=Clock(DAY))
    try:
        write(db, fill_demo, members, seed=4)

        def edges(tx) -> None:
            make_member(tx.session, id_number="110105199003071234",
                        events=[(ms.JOIN, DAY)])
            make_member(tx.session, id_number="110105199003075678",
                        events=[(ms.JOIN, dt.date(2020, 1, 1)),
                                (ms.TRANSFER_OUT, DAY + dt.timedelta(days=1))])
            make_member(tx.session, id_number="110105199003079012",
                        events=[(ms.JOIN, dt.date(2020, 1, 1)),
                                (ms.WITHDRAW, dt.date(2025, 12, 31))])
            binned = make_member(tx.session, id_number="110105199003073456",
                                 events=[(ms.JOIN, dt.date(2026, 2, 1))])
            tx.session.get(Member, binned.id).deleted_at = dt.datetime(2026, 11, 20, 9)

        write(db, edges)
    finally:
        db.close()


@pytest.mark.today("2026-11-21")
def test_the_quick_figures_are_the_full_paths_figures_on_a_demo_book(tmp_path):
    book = tmp_path / "demo.sqlite3"
    _demo_book(book)
    quick = read_home_counts(book, DAY)
    db = open_database(book, read_only=True, clock=Clock(DAY))
    try:
        full = members_summary(db.sessions, DAY)
        union_name = load_profile(db.sessions).union_name
    finally:
        db.close()
    assert quick is not None
    assert {f.name: getattr(quick, f.name) for f in dataclasses.fields(full)} == \
        dataclasses.asdict(full)
    assert quick.members == full.members
    assert quick.members > 0 and quick.joined_this_year > 0 and quick.left > 0
    assert quick.union_name == union_name != ""  # shown above the figures, as on 首页


@pytest.mark.today("2026-11-21")
def test_a_book_that_needs_an_upgrade_gets_no_quick_figures(tmp_path):
    book = tmp_path / "old.sqlite3"
    _demo_book(book, members=20)
    old = create_engine(f"sqlite:///{book}")
    migrate.downgrade(old, "0013")  # as a book last written by the previous version
    old.dispose()
    assert read_home_counts(book, DAY) is None


@pytest.mark.today("2026-11-21")
def test_a_book_someone_holds_open_gets_no_quick_figures(tmp_path):
    book = tmp_path / "held.sqlite3"
    _demo_book(book, members=20)
    db = open_database(book, clock=Clock(DAY))
    try:
        assert read_home_counts(book, DAY) is None
    finally:
        db.close()
    assert read_home_counts(book, DAY) is not None


def test_a_missing_a_foreign_or_a_broken_file_gets_no_quick_figures(tmp_path):
    assert read_home_counts(tmp_path / "none.sqlite3", DAY) is None
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
        connection.execute("INSERT INTO alembic_version VALUES ('0014')")
    connection.close()
    assert read_home_counts(foreign, DAY) is None
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 500)
    assert read_home_counts(broken, DAY) is None


def test_the_marks_it_looks_for_are_the_ones_the_database_layer_writes(tmp_path):
    assert APPLICATION_ID == eng.APPLICATION_ID
    assert lock_path(tmp_path / "b.sqlite3") == lock.lock_path(tmp_path / "b.sqlite3")
