"""The branch profile: exactly one row (id = 1)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from gonghui_desk.db.base import Base, Timestamps


class BranchProfileRow(Timestamps, Base):
    __tablename__ = "branch_profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    union_name: Mapped[str] = mapped_column(String(100), default="")
    unit_name: Mapped[str] = mapped_column(String(100), default="")
    stats_code: Mapped[str] = mapped_column(String(50), default="")
    region_code: Mapped[str] = mapped_column(String(12), default="")
    organisation_type: Mapped[str] = mapped_column(String(50), default="")
    unit_nature: Mapped[str] = mapped_column(String(50), default="")
    industry: Mapped[str] = mapped_column(String(50), default="")
    chair: Mapped[str] = mapped_column(String(50), default="")
    contact_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
