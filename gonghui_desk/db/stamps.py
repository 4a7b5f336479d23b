"""``created_at`` and ``updated_at`` from the program's clock, not the database server's.

The columns keep ``CURRENT_TIMESTAMP`` as their default for rows written by plain SQL, but
every ORM flush stamps them with the session's clock (local time, like every other time we
show), so that a file's "last changed" agrees with "today" — also when the program runs as
of another day (``GONGHUI_TODAY``) and in tests at fixed dates.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import event
from sqlalchemy.orm import Session, UOWTransaction

from gonghui_desk.db.base import Timestamps
from gonghui_desk.db.session import SessionFactory, clock_of


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Iterable[object] | None
                  ) -> None:
    now = None
    for obj in session.new:
        if isinstance(obj, Timestamps):
            now = now or clock_of(session).now()
            obj.created_at = obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, Timestamps) and session.is_modified(obj, include_collections=False):
            now = now or clock_of(session).now()
            obj.updated_at = now


def install(sessions: SessionFactory) -> None:
    event.listen(sessions, "before_flush", _before_flush)
