"""Hardship files (困难职工帮扶档案): the household's file, its people, years, steps and aid.

Money is stored as whole fen (分) in integers: exact, and summed by SQLite without the
rounding of floating point. ``state`` follows from the steps (domain.hardship_process) and
is stored so that the list can filter and count by it; the partial unique index keeps one
open file per applicant's ID number even if a service forgot to check (the service also
checks every household member's number). Files are never deleted: a closed file is kept.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gonghui_desk.db.base import Base, Timestamps, Versioned

OPEN_STATES_SQL = "state NOT IN ('已脱困', '已解困', '已退出', '不予建档')"


class DibaoStandard(Timestamps, Base):
    """The monthly 低保 standard per person of a region (行政区划代码) in a year."""

    __tablename__ = "dibao_standard"

    region: Mapped[str] = mapped_column(String(12), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    monthly_fen: Mapped[int] = mapped_column(Integer)


class HardshipFile(Versioned, Timestamps, Base):
    __tablename__ = "hardship_file"
    __table_args__ = (
        Index("ix_hardship_file_open_id_number", "id_number", unique=True,
              sqlite_where=text(f"id_number != '' AND {OPEN_STATES_SQL}"),
              postgresql_where=text(f"id_number != '' AND {OPEN_STATES_SQL}")),
        Index("ix_hardship_file_state", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("member.id", ondelete="SET NULL"), index=True)
    state: Mapped[str] = mapped_column(String(10), default="已申请")
    category: Mapped[str] = mapped_column(String(10), default="")
    filing_standard: Mapped[str] = mapped_column(String(20), default="")
    region: Mapped[str] = mapped_column(String(12), default="")  # for the 低保 standard
    # The applicant (a member's details are copied in, so the file stands on its own).
    name: Mapped[str] = mapped_column(String(50))
    gender: Mapped[str] = mapped_column(String(2), default="")
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    political_status: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str] = mapped_column(String(30), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(20), default="")
    other_contact: Mapped[str] = mapped_column(String(50), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    health: Mapped[str] = mapped_column(String(10), default="")
    disease: Mapped[str] = mapped_column(String(50), default="")
    disability_type: Mapped[str] = mapped_column(String(10), default="")
    disability_grade: Mapped[str] = mapped_column(String(10), default="")
    work_status: Mapped[str] = mapped_column(String(10), default="")
    model_worker_type: Mapped[str] = mapped_column(String(10), default="")
    housing: Mapped[str] = mapped_column(String(10), default="")
    housing_area: Mapped[float | None] = mapped_column(Float)
    marital_status: Mapped[str] = mapped_column(String(10), default="")
    hukou_type: Mapped[str] = mapped_column(String(10), default="")
    hukou_region: Mapped[str] = mapped_column(String(100), default="")
    live_address: Mapped[str] = mapped_column(String(200), default="")
    work_start: Mapped[dt.date | None] = mapped_column(Date)
    work_unit: Mapped[str] = mapped_column(String(100), default="")
    industry: Mapped[str] = mapped_column(String(50), default="")
    unit_nature: Mapped[str] = mapped_column(String(20), default="")
    enterprise_situation: Mapped[str] = mapped_column(String(20), default="")
    single_parent: Mapped[bool] = mapped_column(Boolean, default=False)
    zero_employment: Mapped[bool] = mapped_column(Boolean, default=False)
    self_help: Mapped[bool] = mapped_column(Boolean, default=True)
    monthly_income_fen: Mapped[int] = mapped_column(Integer, default=0)
    medical_insurance: Mapped[str] = mapped_column(String(20), default="")
    contract_start: Mapped[dt.date | None] = mapped_column(Date)
    contract_end: Mapped[dt.date | None] = mapped_column(Date)
    fixed_term: Mapped[bool] = mapped_column(Boolean, default=True)
    service_card_no: Mapped[str] = mapped_column(String(30), default="")
    bank_account: Mapped[str] = mapped_column(String(40), default="")
    cause_primary: Mapped[str] = mapped_column(String(20), default="")
    cause_secondary: Mapped[str] = mapped_column(String(20), default="")
    cause_text: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(String(500), default="")

    relatives: Mapped[list[HardshipRelative]] = relationship(
        cascade="all, delete-orphan", order_by="HardshipRelative.id")
    steps: Mapped[list[HardshipStep]] = relationship(
        cascade="all, delete-orphan", order_by="HardshipStep.id")
    years: Mapped[list[HardshipYear]] = relationship(
        cascade="all, delete-orphan", order_by="HardshipYear.year")
    payments: Mapped[list[AidPayment]] = relationship(
        cascade="all, delete-orphan", order_by="AidPayment.day")


class HardshipRelative(Timestamps, Base):
    """A member of the applicant's household (不含本人)."""

    __tablename__ = "hardship_relative"
    __table_args__ = (Index("ix_hardship_relative_id_number", "id_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("hardship_file.id", ondelete="CASCADE"),
                                         index=True)
    name: Mapped[str] = mapped_column(String(50))
    relation: Mapped[str] = mapped_column(String(20), default="")
    gender: Mapped[str] = mapped_column(String(2), default="")
    political_status: Mapped[str] = mapped_column(String(20), default="")
    education: Mapped[str] = mapped_column(String(20), default="")
    id_number: Mapped[str] = mapped_column(String(30), default="")
    age: Mapped[int | None] = mapped_column(Integer)
    medical_insurance: Mapped[str] = mapped_column(String(20), default="")
    health: Mapped[str] = mapped_column(String(20), default="")
    monthly_income_fen: Mapped[int] = mapped_column(Integer, default=0)
    identity: Mapped[str] = mapped_column(String(10), default="")
    unit_or_school: Mapped[str] = mapped_column(String(100), default="")


class HardshipYear(Timestamps, Base):
    """One year's income test: the totals, the standard used, the suggestion and the choice."""

    __tablename__ = "hardship_year"

    file_id: Mapped[int] = mapped_column(
        ForeignKey("hardship_file.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    household_size: Mapped[int] = mapped_column(Integer)
    income_fen: Mapped[int] = mapped_column(Integer)
    expenses_fen: Mapped[int] = mapped_column(Integer)
    dibao_fen: Mapped[int] = mapped_column(Integer)
    per_capita_fen: Mapped[int] = mapped_column(Integer)
    suggested: Mapped[str] = mapped_column(String(10), default="")
    category: Mapped[str] = mapped_column(String(10), default="")
    override_reason: Mapped[str] = mapped_column(String(500), default="")
    arithmetic: Mapped[str] = mapped_column(String(500), default="")
    items: Mapped[list[HardshipMoneyItem]] = relationship(
        cascade="all, delete-orphan", order_by="HardshipMoneyItem.id")


class HardshipMoneyItem(Base):
    """One income item or rigid expense of a year (``side``: 收入 or 支出)."""

    __tablename__ = "hardship_money_item"
    __table_args__ = (
        ForeignKeyConstraint(["file_id", "year"], ["hardship_year.file_id", "hardship_year.year"],
                             ondelete="CASCADE"),
        Index("ix_hardship_money_item_year", "file_id", "year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    side: Mapped[str] = mapped_column(String(4))
    item: Mapped[str] = mapped_column(String(50))
    amount_fen: Mapped[int] = mapped_column(Integer)


class HardshipStep(Timestamps, Base):
    __tablename__ = "hardship_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("hardship_file.id", ondelete="CASCADE"),
                                         index=True)
    kind: Mapped[str] = mapped_column(String(10))
    day: Mapped[dt.date] = mapped_column(Date)
    until: Mapped[dt.date | None] = mapped_column(Date)
    by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(500), default="")


class AidPayment(Timestamps, Base):
    """Aid paid to a file's household; medical and study aid carry their own details."""

    __tablename__ = "aid_payment"
    __table_args__ = (Index("ix_aid_payment_day", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("hardship_file.id", ondelete="CASCADE"),
                                         index=True)
    kind: Mapped[str] = mapped_column(String(20))
    day: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Integer)
    fund_source: Mapped[str] = mapped_column(String(20))
    handled_by: Mapped[str] = mapped_column(String(50), default="")
    signed_by: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    patient: Mapped[str] = mapped_column(String(50), default="")
    patient_relation: Mapped[str] = mapped_column(String(20), default="")
    disease: Mapped[str] = mapped_column(String(50), default="")
    out_of_pocket_fen: Mapped[int] = mapped_column(Integer, default=0)
    hospital_stays: Mapped[int] = mapped_column(Integer, default=0)
    branch_amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    social_amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    treatment: Mapped[str] = mapped_column(String(200), default="")
    student: Mapped[str] = mapped_column(String(50), default="")
    school: Mapped[str] = mapped_column(String(100), default="")
    major: Mapped[str] = mapped_column(String(50), default="")
    study_years: Mapped[int] = mapped_column(Integer, default=0)
    admission_batch: Mapped[str] = mapped_column(String(20), default="")
    fees_fen: Mapped[int] = mapped_column(Integer, default=0)
    student_loan_fen: Mapped[int] = mapped_column(Integer, default=0)
    # What the aid applications ask and the file does not hold: a patient who is not a
    # recorded household member, and the student (nothing given: "" or NULL, never a guess).
    patient_gender: Mapped[str] = mapped_column(String(2), default="")
    patient_work_unit: Mapped[str] = mapped_column(String(100), default="")
    student_ethnicity: Mapped[str] = mapped_column(String(20), default="")
    student_political_status: Mapped[str] = mapped_column(String(20), default="")
    student_phone: Mapped[str] = mapped_column(String(20), default="")
    exam_score: Mapped[int | None] = mapped_column(Integer)
    study_level: Mapped[str] = mapped_column(String(10), default="")
    current_cohort: Mapped[bool | None] = mapped_column(Boolean)
    admitted_on: Mapped[dt.date | None] = mapped_column(Date)
    graduating_on: Mapped[dt.date | None] = mapped_column(Date)
    # A payment recorded by mistake is voided with its reason, never deleted: money once on
    # record stays on record, and the ledger, the totals and the forms leave it out.
    voided_on: Mapped[dt.date | None] = mapped_column(Date)
    void_reason: Mapped[str] = mapped_column(String(200), default="")
    voided_by: Mapped[str] = mapped_column(String(50), default="")
