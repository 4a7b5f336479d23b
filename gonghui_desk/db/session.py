"""Sessions: one short transaction per unit of work, each knowing the book's clock and
officer.

The clock and the officer ride on the session factory (``Session.info``), so that what a
transaction stamps on its rows (the history's time and name, a batch's or an attachment's
time) comes from the same clock and the same person as the rest of the program; the rules'
"today" is still passed as an argument.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from gonghui_desk.clock import Clock
from gonghui_desk.db import disk
from gonghui_desk.db.officer import Officer
from gonghui_desk.errors import UserError

SessionFactory = sessionmaker[Session]
CLOCK_KEY = "gonghui_clock"
OFFICER_KEY = "gonghui_officer"


def make_sessions(engine: Engine, clock: Clock, officer: Officer | None = None) -> SessionFactory:
    info = {CLOCK_KEY: clock, OFFICER_KEY: officer or Officer()}
    return sessionmaker(engine, expire_on_commit=False, info=info)


def _info(target: Session | SessionFactory) -> dict[str, object]:
    info = target.info if isinstance(target, Session) else target.kw.get("info") or {}
    return dict(info)


def clock_of(target: Session | SessionFactory) -> Clock:
    """The clock of the book a session (or a session factory) belongs to."""
    clock = _info(target).get(CLOCK_KEY)
    if not isinstance(clock, Clock):
        raise RuntimeError("this session factory was not made by make_sessions()")
    return clock


def officer_of(target: Session | SessionFactory) -> Officer:
    """The officer working on the book a session (or a session factory) belongs to."""
    officer = _info(target).get(OFFICER_KEY)
    if not isinstance(officer, Officer):
        raise RuntimeError("this session factory was not made by make_sessions()")
    return officer


@contextmanager
def session_scope(sessions: SessionFactory) -> Iterator[Session]:
    """Commit when the block ends normally, roll back (and re-raise) on any error.

    A write that meets a full disk is rolled back like any other and then reported as a
    ``UserError`` saying so (its cause kept): the chair can free space and try again.
    """
    try:
        with sessions() as session, session.begin():
            yield session
    except (SQLAlchemyError, sqlite3.Error) as exc:
        if lost_server(sessions, exc):
            raise ServerLost(SERVER_LOST) from exc
        path = _book_path(sessions)
        if not disk.means_disk_full(exc, path):
            raise
        raise UserError(disk.disk_full_message(path)) from exc


SERVER_LOST = ("与数据库服务器的连接断开了，这次操作没有完成，也没有写入任何内容"
               "（服务器会撤销未完成的操作）。请检查网络，等服务器恢复后再做一次。")


class ServerLost(UserError):
    """The connection to a server book broke during a transaction; the server rolled it
    back, so the book is as it was before."""


def lost_server(sessions: SessionFactory, exc: BaseException) -> bool:
    """Whether ``exc`` is a server book's connection that broke (not a refused statement)."""
    bind = sessions.kw.get("bind")
    if not isinstance(bind, Engine) or bind.dialect.name == "sqlite":
        return False
    if not isinstance(exc, DBAPIError):
        return False
    # A broken connection, or none to be had: psycopg's plain OperationalError (a statement
    # the server refused is one of its subclasses, e.g. a deadlock, and stays an error).
    return exc.connection_invalidated or type(exc.orig).__name__ in _NO_CONNECTION


_NO_CONNECTION = frozenset({"OperationalError", "AdminShutdown", "CrashShutdown",
                            "CannotConnectNow"})


def _book_path(sessions: SessionFactory) -> Path | None:
    bind = sessions.kw.get("bind")
    if not isinstance(bind, Engine) or bind.dialect.name != "sqlite":
        return None
    database = bind.url.database
    if not database or database == ":memory:":
        return None
    if database.startswith("file:"):  # a read-only book's URI
        return Path(url2pathname(urlsplit(database).path))
    return Path(database)
