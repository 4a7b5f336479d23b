"""Plain factory functions for test data."""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from gonghui_desk.db.database import Database
from gonghui_desk.db.engine import backup_file
from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.pinyin import pinyin_keys

T = TypeVar("T")


def make_member(session: Session, **overrides: Any) -> Member:
    """A current member who joined on 2020-03-05, unless told otherwise."""
    joined = overrides.pop("join_date", dt.date(2020, 3, 5))
    events = overrides.pop("events", [(ms.JOIN, joined)])
    values: dict[str, Any] = {
        "name": "张三",
        "gender": "男",
        "birth_date": dt.date(1990, 3, 7),
        "id_number": "110105199003070017",
        "phone": "13812345678",
        "department": "装配车间",
        "join_date": joined,
    }
    values.update(overrides)
    keys = pinyin_keys(values["name"])
    values.setdefault("pinyin_initials", keys.initials)
    values.setdefault("pinyin_full", keys.full)
    member = Member(**values)
    member.events = [MembershipEvent(kind=k, effective_date=d) for k, d in events]
    member.status = ms.status_after([(d, k) for k, d in events])
    session.add(member)
    session.flush()
    return member


def write(db: Database, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run the write ``fn(tx, *args, **kwargs)`` as one operation on ``db``; its value."""
    from gonghui_desk.services.operations import run_once

    return run_once(db, fn.__name__, lambda tx: fn(tx, *args, **kwargs))


# Demo books already filled in this run: (engine, members, seed, day, officer) → a copy of
# the file, or the URL of a server database that holds a copy.
_demo_books: dict[tuple[str, int, int, dt.date, str], str] = {}


def demo_book(db: Database, members: int, seed: int = 1) -> None:
    """Fill the empty ``db`` as ``fill_demo(members, seed)`` would, for a test that needs a
    full book rather than one about the demo itself.

    The first fill of these figures on this day in a test run is a real one (some seconds);
    a copy of it is kept, and every later test that asks for the same is given the copy:
    on SQLite through its backup API, on a server table by table with COPY (milliseconds,
    where filling a server book anew takes seconds). The same members, files and history."""
    from gonghui_desk.services.demo import fill_demo
    from tests.dates import the_day

    engine = db.engine.dialect.name
    key = (engine, members, seed, the_day(), db.officer.name or "")
    kept = _demo_books.get(key)
    if kept is None:
        write(db, fill_demo, members, seed=seed)
        if engine == "sqlite":
            file = _kept_folder() / f"demo-{len(_demo_books)}.sqlite3"
            backup_file(db.path, file, engine=db.engine)  # as a backup is made: verified
            _demo_books[key] = str(file)
        else:
            _demo_books[key] = _keep_on_server(db)
        return
    if engine == "sqlite":
        _copy_into(db, Path(kept))
    else:
        copy_server_book(kept, db.engine)
    db.changed = True


def _keep_on_server(db: Database) -> str:
    """A new database on the same server (from the migrated template) holding ``db``'s rows."""
    from sqlalchemy import create_engine

    from tests.pg_cluster import TEMPLATE

    url = db.engine.url
    name = f"kept_{len(_demo_books)}_{url.database}"
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    target = create_engine(url.set(database=name))
    try:
        copy_server_book(url.render_as_string(hide_password=False), target)
    finally:
        target.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def copy_server_book(source_url: str, target: Any) -> None:
    """Every row of the server book at ``source_url`` into the empty book ``target`` (an
    engine on the same server): table by table in binary COPY, constraints checked at the
    end of the transaction, id sequences moved past the rows."""
    from sqlalchemy import create_engine

    from gonghui_desk.db.base import Base

    source = create_engine(source_url)
    try:
        with source.connect() as reading, target.begin() as writing:
            out = reading.connection.dbapi_connection
            into = writing.connection.dbapi_connection
            writing.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")
            for table in Base.metadata.sorted_tables:
                if table.name == "book_mark":  # every book has its own, made with it
                    continue
                name = table.name
                with out.cursor() as read, into.cursor() as put, \
                        read.copy(f'COPY "{name}" TO STDOUT (FORMAT binary)') as src, \
                        put.copy(f'COPY "{name}" FROM STDIN (FORMAT binary)') as dst:
                    for chunk in src:
                        dst.write(chunk)
                if "id" in table.c:
                    writing.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"coalesce((SELECT max(id) FROM \"{table.name}\"), 0) + 1, false)")
    finally:
        source.dispose()


def _kept_folder() -> Path:
    global _kept
    if _kept is None:
        _kept = Path(tempfile.mkdtemp(prefix="gonghui-demo-books-"))
        atexit.register(shutil.rmtree, _kept, True)
    return _kept


_kept: Path | None = None


def _copy_into(db: Database, file: Path) -> None:
    """The book ``file`` copied over the open ``db``, through its own connection."""
    raw = db.engine.raw_connection()
    try:
        live = raw.driver_connection
        assert isinstance(live, sqlite3.Connection), "demo_book copies SQLite books only"
        with closing(sqlite3.connect(file)) as kept:
            kept.backup(live)
    finally:
        raw.close()
