"""Sessions: one short transaction per unit of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session, sessionmaker

SessionFactory = sessionmaker[Session]


@contextmanager
def session_scope(sessions: SessionFactory) -> Iterator[Session]:
    """Commit when the block ends normally, roll back (and re-raise) on any error."""
    with sessions() as session, session.begin():
        yield session
