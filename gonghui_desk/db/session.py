"""Sessions: one short transaction per unit of work, each knowing the book's clock.

The clock rides on the session factory (``Session.info``), so that what a transaction
stamps on its rows (the history's time, a batch's or an attachment's time) comes from the
same clock as the rest of the program; the rules' "today" is still passed as an argument.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from gonghui_desk.clock import Clock

SessionFactory = sessionmaker[Session]
CLOCK_KEY = "gonghui_clock"


def make_sessions(engine: Engine, clock: Clock) -> SessionFactory:
    return sessionmaker(engine, expire_on_commit=False, info={CLOCK_KEY: clock})


def clock_of(target: Session | SessionFactory) -> Clock:
    """The clock of the book a session (or a session factory) belongs to."""
    info = target.info if isinstance(target, Session) else target.kw.get("info") or {}
    clock = info.get(CLOCK_KEY)
    if not isinstance(clock, Clock):
        raise RuntimeError("this session factory was not made by make_sessions()")
    return clock


@contextmanager
def session_scope(sessions: SessionFactory) -> Iterator[Session]:
    """Commit when the block ends normally, roll back (and re-raise) on any error."""
    with sessions() as session, session.begin():
        yield session
