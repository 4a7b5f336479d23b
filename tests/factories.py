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


# Demo books already filled in this run: (members, seed, day, officer) → a copy of the file.
_demo_books: dict[tuple[int, int, dt.date, str], Path] = {}


def demo_book(db: Database, members: int, seed: int = 1) -> None:
    """Fill the empty ``db`` as ``fill_demo(members, seed)`` would, for a test that needs a
    full book rather than one about the demo itself.

    The first fill of these figures on this day in a test run is a real one (some seconds);
    its file is kept, and every later test that asks for the same is given a copy of it
    through SQLite's backup API (milliseconds): the same members, files and history."""
    from gonghui_desk.services.demo import fill_demo
    from tests.dates import the_day

    key = (members, seed, the_day(), db.officer.name or "")
    kept = _demo_books.get(key)
    if kept is None:
        write(db, fill_demo, members, seed=seed)
        kept = _kept_folder() / f"demo-{len(_demo_books)}.sqlite3"
        backup_file(db.path, kept, engine=db.engine)  # as a backup is made: verified
        _demo_books[key] = kept
        return
    _copy_into(db, kept)
    db.changed = True


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
