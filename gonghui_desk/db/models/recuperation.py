"""Rest and recuperation (职工疗休养): the year's policy and quota, trips and applications.

Money is whole fen (分). An application's ``state`` follows from its steps
(domain.recuperation_process) and is stored so that lists filter and places are counted
by an index; its cost split is worked out again whenever the application changes and is
stored, so that the budget left is one sum. One open application per person and trip.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gonghui_desk.db.base import Base, Timestamps, Versioned


class RecuperationPolicy(Timestamps, Base):
    """One year's rules, for all (``region`` "") or for one 行政区划代码."""

    __tablename__ = "recuperation_policy"
    __table_args__ = (
        CheckConstraint("union_percent + admin_percent + personal_percent = 100",
                        name="shares_100"),
        CheckConstraint("personal_percent <= personal_cap_percent", name="personal_cap"),
        CheckConstraint("cycle_years IN (1, 2, 3)", name="cycle"),
    )

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    region: Mapped[str] = mapped_column(String(12), primary_key=True, default="")
    day_cost_cap_fen: Mapped[int] = mapped_column(Integer)
    annual_cap_fen: Mapped[int] = mapped_column(Integer)
    max_days_in_province: Mapped[int] = mapped_column(Integer)
    max_days_out_of_province: Mapped[int] = mapped_column(Integer)
    cycle_years: Mapped[int] = mapped_column(Integer)
    out_of_province_gap_years: Mapped[int] = mapped_column(Integer)
    min_service_years: Mapped[int] = mapped_column(Integer)
    min_member_years: Mapped[int] = mapped_column(Integer)
    max_absence_days: Mapped[int] = mapped_column(Integer)
    max_periods: Mapped[int] = mapped_column(Integer)
    family_allowed: Mapped[bool] = mapped_column(Boolean)
    union_percent: Mapped[int] = mapped_column(Integer)
    admin_percent: Mapped[int] = mapped_column(Integer)
    personal_percent: Mapped[int] = mapped_column(Integer)
    personal_cap_percent: Mapped[int] = mapped_column(Integer)


class RecuperationQuota(Timestamps, Base):
    """The places and budget the higher-level union gave for a year."""

    __tablename__ = "recuperation_quota"
    __table_args__ = (CheckConstraint("places >= 0 AND budget_fen >= 0", name="not_negative"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    places: Mapped[int] = mapped_column(Integer)
    budget_fen: Mapped[int] = mapped_column(Integer)
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(500), default="")


class DepartmentQuota(Timestamps, Base):
    """A department's share of the year's places."""

    __tablename__ = "recuperation_department_quota"
    __table_args__ = (CheckConstraint("places >= 0", name="not_negative"),)

    year: Mapped[int] = mapped_column(
        ForeignKey("recuperation_quota.year", ondelete="CASCADE"), primary_key=True)
    department: Mapped[str] = mapped_column(String(50), primary_key=True)
    places: Mapped[int] = mapped_column(Integer)


class RecuperationTrip(Timestamps, Base):
    """A 疗休养批次."""

    __tablename__ = "recuperation_trip"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("capacity >= 1", name="capacity"),
        Index("ix_recuperation_trip_year", "year", "start_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    destination: Mapped[str] = mapped_column(String(100))
    base: Mapped[str] = mapped_column(String(100), default="")
    in_province: Mapped[bool] = mapped_column(Boolean, default=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    cost_per_day_fen: Mapped[int] = mapped_column(Integer)
    capacity: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(500), default="")


class RecuperationApplication(Versioned, Timestamps, Base):
    __tablename__ = "recuperation_application"
    __table_args__ = (
        Index("ix_recuperation_application_open", "member_id", "trip_id", unique=True,
              sqlite_where=text("state NOT IN ('已取消', '已放弃')"),
              postgresql_where=text("state NOT IN ('已取消', '已放弃')")),
        Index("ix_recuperation_application_trip_state", "trip_id", "state"),
        CheckConstraint("absence_days >= 0 AND companions >= 0", name="not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="RESTRICT"),
                                           index=True)
    trip_id: Mapped[int] = mapped_column(
        ForeignKey("recuperation_trip.id", ondelete="RESTRICT"))
    state: Mapped[str] = mapped_column(String(10), default="已申请")
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    applied_on: Mapped[dt.date] = mapped_column(Date)
    priority: Mapped[str] = mapped_column(String(100), default="")  # 、-separated
    hire_date: Mapped[dt.date | None] = mapped_column(Date)
    absence_days: Mapped[int] = mapped_column(Integer, default=0)
    # The last trip before these records were kept, as the person or their file says.
    prior_trip_start: Mapped[dt.date | None] = mapped_column(Date)
    prior_trip_in_province: Mapped[bool] = mapped_column(Boolean, default=True)
    companions: Mapped[int] = mapped_column(Integer, default=0)
    companion_names: Mapped[str] = mapped_column(String(200), default="")
    cost_fen: Mapped[int] = mapped_column(Integer, default=0)
    union_fen: Mapped[int] = mapped_column(Integer, default=0)
    admin_fen: Mapped[int] = mapped_column(Integer, default=0)
    personal_fen: Mapped[int] = mapped_column(Integer, default=0)
    companion_fen: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(500), default="")

    steps: Mapped[list[RecuperationStep]] = relationship(
        cascade="all, delete-orphan", order_by="RecuperationStep.id")
    overrides: Mapped[list[RecuperationOverride]] = relationship(
        cascade="all, delete-orphan", order_by="RecuperationOverride.rule")


class RecuperationStep(Timestamps, Base):
    __tablename__ = "recuperation_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("recuperation_application.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    day: Mapped[dt.date] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(500), default="")


class RecuperationOverride(Timestamps, Base):
    """The chair's written reason for letting a failed rule pass."""

    __tablename__ = "recuperation_override"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("recuperation_application.id", ondelete="CASCADE"), primary_key=True)
    rule: Mapped[str] = mapped_column(String(20), primary_key=True)
    reason: Mapped[str] = mapped_column(String(500))
    by: Mapped[str] = mapped_column(String(50), default="")
    day: Mapped[dt.date] = mapped_column(Date)
