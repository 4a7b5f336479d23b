"""Import batches (导入批次) and saved column mappings (导入方案).

An import writes one ``import_batch`` and one ``import_batch_item`` per member it added
or updated, in the same transaction as the members themselves, so a batch is either
wholly there or not at all. An item of an update keeps the member's fields as they were
before (JSON) and the ids of membership events the import added: undoing the batch
deletes what it added and puts those fields back.

Every member and event row an import adds, changes or deletes (and its undo) has its own
change-history entry like any other change, written in bulk (db.audit.entries_for_rows);
one ``import`` (or ``undo``) entry in ``change_log`` names the batch itself.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from gonghui_desk.db.base import Base

ADDED, UPDATED = "add", "update"


class ImportBatch(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(100))
    file_name: Mapped[str] = mapped_column(String(260))
    sheet: Mapped[str] = mapped_column(String(100), default="")
    mode: Mapped[str] = mapped_column(String(10))
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    undone_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    undone_by: Mapped[str] = mapped_column(String(100), default="")
    # How things stood when the batch was written, to tell later changes from its own:
    # the last change-history entry, the last membership event, and how many events the
    # batch's members had.
    log_mark: Mapped[int] = mapped_column(Integer, default=0)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    event_count: Mapped[int] = mapped_column(Integer, default=0)


class ImportBatchItem(Base):
    __tablename__ = "import_batch_item"
    __table_args__ = (Index("ix_import_batch_item_member", "member_id"),)

    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(10))
    # An update: {"fields": {name: old value}, "events": [ids added]}; an add: NULL.
    before: Mapped[str | None] = mapped_column(Text)


class ImportProfile(Base):
    """A column mapping the user confirmed, found again by the header it was made for."""

    __tablename__ = "import_profile"

    signature: Mapped[str] = mapped_column(String(64), primary_key=True)
    mapping: Mapped[str] = mapped_column(Text)  # JSON: {column header: field key}
    used_at: Mapped[dt.datetime] = mapped_column(DateTime)
