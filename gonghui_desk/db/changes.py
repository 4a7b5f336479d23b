"""What a transaction changed, noted as the history writes it.

Every history entry (db.audit) is also noted on the session as a ``Change`` when the
session collects them (the operation runner switches this on), so what an operation
changed is known from the same place that records it and cannot drift from the history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

CHANGES_KEY = "gonghui_changes"


@dataclass(frozen=True, slots=True)  # an import of 100,000 members notes 200,000
class Change:
    table: str
    record_id: str
    kind: str  # create, update, delete, purge, undo …
    fields: frozenset[str] = frozenset()  # the columns an update changed


def note(session: Session, table: str, record_id: object, kind: str,
         fields: Iterable[str] = ()) -> None:
    collected = session.info.get(CHANGES_KEY)
    if collected is not None:
        collected.append(Change(table, str(record_id), kind, frozenset(fields)))
