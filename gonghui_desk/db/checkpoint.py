"""After a bulk write, the write-ahead log is copied into the book in the background.

A SQLite book in WAL mode commits by appending the changed pages to its ``-wal`` file; once
that holds more than 1,000 pages, the commit that crossed the line also copies them all into
the book and syncs it (a checkpoint) before it returns. After an import of 100,000 members
that copy is about 2 of the import's 8 seconds of writing, spent while the chair waits.

``checkpoint_later`` lets a bulk write's commit return once its pages are safely in the log
(synced, as every commit is) and starts the copy in a background thread on another
connection. It is PASSIVE: it never blocks a reader or the next writer, and stops short of
pages a reader still needs; whatever it leaves is copied by the next commit's own
checkpoint, or when the book is closed (``wait_for_checkpoints`` first lets it finish). A
crash during the copy loses nothing: the log still holds every committed page and SQLite
replays it on opening. A rolled-back write only puts the usual setting back.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, SessionTransaction

log = logging.getLogger(__name__)
_lock = threading.Lock()
_pending: set[int] = set()  # the driver connections whose commit copies later
_running: weakref.WeakKeyDictionary[Engine, list[threading.Thread]] = (
    weakref.WeakKeyDictionary())


def _copy_log(engine: Engine) -> None:
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    except Exception:  # the book is sound; the next commit or the close copies the log
        log.warning("the background checkpoint after a bulk write failed", exc_info=True)


def _start(engine: Engine) -> None:
    thread = threading.Thread(target=_copy_log, args=(engine,), name="wal-checkpoint",
                              daemon=True)
    with _lock:
        threads = _running.setdefault(engine, [])
        threads[:] = [t for t in threads if t.is_alive()]
        threads.append(thread)
    thread.start()


def wait_for_checkpoints(engine: Engine) -> None:
    """Let the background copies of ``engine``'s book finish (before it is closed)."""
    with _lock:
        threads = list(_running.pop(engine, []))
    for thread in threads:
        thread.join()


def checkpoint_later(session: Session, raw: Any) -> None:
    """From now until the session's transaction ends, ``raw`` (its driver connection, in
    WAL mode) does not checkpoint when it commits. When the transaction ends the setting
    is put back and, if it was committed, the copy starts in the background."""
    with _lock:
        if id(raw) in _pending:  # a second bulk write in the same transaction
            return
        _pending.add(id(raw))
    (before,) = raw.execute("PRAGMA wal_autocheckpoint").fetchone()
    raw.execute("PRAGMA wal_autocheckpoint = 0").fetchall()
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    committed = False
    ended = False

    def on_commit(_session: Session) -> None:
        nonlocal committed
        committed = True

    def on_end(_session: Session, transaction: SessionTransaction) -> None:
        nonlocal ended
        if ended or transaction.parent is not None:  # a savepoint, or done already
            return
        ended = True
        raw.execute(f"PRAGMA wal_autocheckpoint = {int(before)}").fetchall()
        with _lock:
            _pending.discard(id(raw))
        if committed:
            _start(engine)

    event.listen(session, "after_commit", on_commit)
    # Also when the session is closed without a commit or rollback of its own.
    event.listen(session, "after_transaction_end", on_end)
