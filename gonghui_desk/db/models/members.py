"""Members (会员) and their membership history (会籍变化).

``status`` is derived from the events by the members service whenever events change
(domain.membership.status_after); it is stored so that a 100,000-row list can filter and
count by status with an index instead of replaying every history. ``pinyin_initials`` and
``pinyin_full`` are computed from the name when it is saved (domain.pinyin), so a search
keystroke compares stored text. ``deleted_at`` set means the record is in the 回收站.

One person, one record: an ID number is unique among all records (including the 回收站);
a former member who comes back gets a new event on their old record, not a second record.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gonghui_desk.db.base import Base, Timestamps, Versioned


class Member(Versioned, Timestamps, Base):
    __tablename__ = "member"
    __table_args__ = (
        CheckConstraint("gender IN ('男', '女')", name="gender"),
        Index("ix_member_status_name", "status", "name"),
        Index("ix_member_id_number", "id_number", unique=True),
        Index(
            "ix_member_card_number", "card_number", unique=True,
            sqlite_where=text("card_number != ''"),
            postgresql_where=text("card_number != ''"),
        ),
        Index("ix_member_pinyin_full", "pinyin_full"),
        Index("ix_member_pinyin_initials", "pinyin_initials"),
        # A search with a Latin letter can only match a card number that holds a non-digit;
        # this index lists those few, so that search never scans every card (0013).
        Index("ix_member_card_lettered", "card_number",
              sqlite_where=text("card_number GLOB '*[^0-9]*'"),
              postgresql_where=text("card_number ~ '[^0-9]'")),
        # 首页 counts the members by status from this index alone (services/summary.py).
        Index("ix_member_deleted_status", "deleted_at", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    gender: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    id_type: Mapped[str] = mapped_column(String(30), default="居民身份证")
    id_number: Mapped[str | None] = mapped_column(String(30))
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    department: Mapped[str] = mapped_column(String(50), default="", index=True)
    post: Mapped[str] = mapped_column(String(50), default="")
    employment_status: Mapped[str] = mapped_column(String(20), default="")
    education: Mapped[str] = mapped_column(String(20), default="")
    tech_level: Mapped[str] = mapped_column(String(30), default="")
    political_status: Mapped[str] = mapped_column(String(20), default="")
    hukou_type: Mapped[str] = mapped_column(String(10), default="")
    hukou_place: Mapped[str] = mapped_column(String(100), default="")
    work_unit: Mapped[str] = mapped_column(String(100), default="")
    native_place: Mapped[str] = mapped_column(String(50), default="")
    migrant_worker: Mapped[bool] = mapped_column(Boolean, default=False)
    new_employment_form: Mapped[str] = mapped_column(String(20), default="")
    dispatched: Mapped[bool] = mapped_column(Boolean, default=False)
    card_number: Mapped[str] = mapped_column(String(30), default="")
    model_worker_level: Mapped[str] = mapped_column(String(10), default="")
    join_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="未入会")
    note: Mapped[str] = mapped_column(String(500), default="")
    pinyin_initials: Mapped[str] = mapped_column(String(60), default="")
    pinyin_full: Mapped[str] = mapped_column(String(200), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)

    events: Mapped[list[MembershipEvent]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="MembershipEvent.id"
    )


class MembershipEvent(Timestamps, Base):
    __tablename__ = "membership_event"
    __table_args__ = (
        Index("ix_membership_event_member_date", "member_id", "effective_date"),
        # 首页 counts this year's joins and leaves from this index alone.
        Index("ix_membership_event_date_kind", "effective_date", "kind", "member_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(10))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(50), default="")
    counterpart_union: Mapped[str] = mapped_column(String(100), default="")
    handled_by: Mapped[str] = mapped_column(String(50), default="")

    member: Mapped[Member] = relationship(back_populates="events")

