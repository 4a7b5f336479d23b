"""A bulk write's commit returns once its pages are in the write-ahead log; copying them
into the book happens after, in the background, and the usual setting comes back."""

import pytest
from sqlalchemy import text

from gonghui_desk.db import checkpoint
from gonghui_desk.db.bulk_insert import DuplicateKey, bulk_insert

ROWS = [(i, f"{i:06d}" + "会员资料" * 40) for i in range(1, 20_001)]  # some 1,500 pages


@pytest.fixture
def probe(db):
    with db.session() as session:
        session.execute(text("CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT)"))
        session.execute(text("CREATE UNIQUE INDEX ix_probe_v ON probe (v)"))
        session.commit()
    return db


def autocheckpoint(db):
    with db.engine.connect() as connection:
        return connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()


def test_the_copy_into_the_book_waits_for_the_background(probe, db_path, monkeypatch):
    started = []
    monkeypatch.setattr(checkpoint, "_start", started.append)
    before = db_path.stat().st_size
    with probe.session() as session:
        with bulk_insert(session, {"probe": len(ROWS)}) as writer:
            writer.insert("probe", ("id", "v"), ROWS)
        session.commit()
    assert started == [probe.engine]
    assert db_path.stat().st_size == before  # committed into the log, not yet the book
    assert autocheckpoint(probe) == 1000
    checkpoint._copy_log(probe.engine)  # what the background thread does
    assert db_path.stat().st_size > before + 1000 * 4096
    with probe.session() as session:
        assert session.scalar(text("SELECT count(*) FROM probe")) == len(ROWS)


def test_the_background_copy_is_finished_when_the_book_closes(probe, db_path):
    with probe.session() as session:
        with bulk_insert(session, {"probe": len(ROWS)}) as writer:
            writer.insert("probe", ("id", "v"), ROWS)
        session.commit()
    probe.close()  # waits for the copy; SQLite then folds the log in and removes it
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert db_path.stat().st_size > len(ROWS) * 100


def test_a_refused_bulk_write_starts_nothing_and_puts_the_setting_back(probe, monkeypatch):
    started = []
    monkeypatch.setattr(checkpoint, "_start", started.append)
    with probe.session() as session:
        with pytest.raises(DuplicateKey), bulk_insert(session, {"probe": 100}) as writer:
            writer.insert("probe", ("id", "v"), [(1, "a"), (2, "a")])
        session.rollback()
    assert started == []
    assert autocheckpoint(probe) == 1000
