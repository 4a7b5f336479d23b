"""Many rows at once: what the indexes and triggers of the table keep is the same as if the
rows had gone in one by one, whether the table was empty or held a few rows, and nothing of
the bulk path's own housekeeping is left behind after a commit or a rollback."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from gonghui_desk.db.bulk_insert import DuplicateKey, bulk_insert

SCHEMA = (
    "CREATE TABLE item (id INTEGER PRIMARY KEY, code TEXT, kind TEXT)",
    "CREATE UNIQUE INDEX ix_item_code ON item (code)",
    "CREATE TABLE copied (item_id INTEGER, code TEXT)",
    "CREATE TABLE counted (item_id INTEGER, code TEXT)",
    "CREATE TABLE tally (n INTEGER)",
    "INSERT INTO tally VALUES (0)",
    # Copies one row elsewhere in one statement, with a condition: run once for the lot.
    "CREATE TRIGGER item_copied AFTER INSERT ON item FOR EACH ROW WHEN NEW.kind <> 'draft' "
    "BEGIN INSERT INTO copied (item_id, code) VALUES (NEW.id, upper(NEW.code)); END",
    # Two statements: fires row by row, as before.
    "CREATE TRIGGER item_counted AFTER INSERT ON item BEGIN "
    "INSERT INTO counted (item_id, code) VALUES (NEW.id, NEW.code); "
    "UPDATE tally SET n = n + 1; END",
)


def sqlite_master(session):
    return session.execute(text(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name")).all()


@pytest.fixture
def session(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.sqlite3'}")
    with Session(engine) as s:
        for statement in SCHEMA:
            s.execute(text(statement))
        s.commit()
        yield s
    engine.dispose()


def rows(start, stop):
    return [(i, f"c{i}", "draft" if i % 7 == 0 else "final") for i in range(start, stop)]


@pytest.mark.parametrize("held", [0, 3])
def test_triggers_see_every_new_row_once(session, held):
    for row in rows(1, held + 1):
        session.execute(text("INSERT INTO item VALUES (:i, :c, :k)"),
                        dict(zip("ick", row, strict=True)))
    session.commit()
    schema = sqlite_master(session)
    with bulk_insert(session, {"item": 200}) as writer:
        for start in (held + 1, held + 101):
            writer.insert("item", ("id", "code", "kind"), rows(start, start + 100))
    session.commit()
    expected = [(i, c.upper()) for i, c, k in rows(1, held + 201) if k != "draft"]
    assert session.execute(text("SELECT * FROM copied ORDER BY item_id")).all() == expected
    assert session.execute(text("SELECT count(*) FROM counted")).scalar() == held + 200
    assert session.execute(text("SELECT n FROM tally")).scalar() == held + 200
    assert sqlite_master(session) == schema  # triggers and indexes back, no helper tables
    assert session.execute(text("SELECT count(*) FROM temp.sqlite_master")).scalar() == 0


def test_a_refused_batch_leaves_the_triggers_and_nothing_else(session):
    schema = sqlite_master(session)
    with pytest.raises(DuplicateKey) as refused, bulk_insert(session, {"item": 100}) as writer:
        writer.insert("item", ("id", "code", "kind"),
                      [*rows(1, 100), (100, "c5", "final")])
    session.rollback()
    assert refused.value.values == [("c5",)]
    assert sqlite_master(session) == schema
    assert session.execute(text("SELECT count(*) FROM copied")).scalar() == 0
    session.execute(text("INSERT INTO item VALUES (1, 'one', 'final')"))  # fires again
    assert session.execute(text("SELECT * FROM copied")).all() == [(1, "ONE")]

