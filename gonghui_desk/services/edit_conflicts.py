"""Two officers, one record: the second save is refused and told who saved first.

A dialog opens a record at some ``version`` (db.base.Versioned) and saves with it. The save
locks the record's row for its transaction (``SELECT … FOR UPDATE`` on a server book, where
two officers write at once; a SQLite book has one writer anyway) and compares: a record
saved by someone else since the dialog opened it is not overwritten. The refusal names that
officer, the time and what they changed, from the history, and keeps the dialog open with
what was typed, so nothing is lost but nothing is undone either.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from gonghui_desk.db.base import Versioned
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.errors import UserError
from gonghui_desk.services.history import latest_change

V = TypeVar("V", bound=Versioned)


class EditConflict(UserError):
    """The record was saved by someone else after this dialog opened it."""


def version_of(sessions: SessionFactory, model: type[Versioned], record_id: int) -> int:
    """The saves a record has had, read before its dialog reads the record itself (so a
    save in between makes a needless refusal at worst, never a silent overwrite)."""
    with session_scope(sessions) as session:
        column: Any = model.__table__.c  # type: ignore[attr-defined]
        found = session.scalar(select(column.version).where(column.id == record_id))
        return int(found or 0)


def lock_for_save(session: Session, model: type[V], record_id: int) -> V | None:
    """The record, its row locked until the transaction ends (no-op lock on SQLite)."""
    return session.get(model, record_id, with_for_update=True, populate_existing=True)


def refuse_if_saved_since(session: Session, record: Versioned, seen_version: int | None,
                          what: str) -> None:
    """Raise ``EditConflict`` when ``record`` was saved since its dialog read
    ``seen_version`` (``None``: the caller holds no earlier reading, e.g. a script)."""
    if seen_version is None or record.version == seen_version:
        return
    table = record.__tablename__  # type: ignore[attr-defined]
    change = latest_change(session, table, record.id)  # type: ignore[attr-defined]
    if change is None:
        who = "另一位经办人在您打开后修改了这条记录"
    else:
        summary = change.summary if len(change.summary) <= 120 else change.summary[:117] + "…"
        who = (f"{change.actor or '另一位经办人'}在 {change.at:%Y-%m-%d %H:%M} {change.action}了"
               f"这条记录（{summary}）")
    raise EditConflict(
        f"没有保存：您打开{what}之后，{who}。为免覆盖对方的修改，您这次的修改没有写入。"
        "请记下要改的内容，关闭对话框，刷新后重新打开再改。"
    )
