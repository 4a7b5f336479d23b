"""Collective contracts (集体合同): the contract and its timeline, the negotiating teams,
the attached files, and the statutory periods per region.

Money is whole fen; the wage increase is in hundredths of a percent (5.50% → 550). The
status is never stored: it follows from the dates (domain.contract_timeline) and from
today. An attachment's bytes live in ``contract_file``, kept out of the change history
(the attachment row records its name, size and checksum), so the file travels with the
database and its backups.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from gonghui_desk.db.base import Base, Timestamps, Versioned


class ContractRules(Timestamps, Base):
    """The statutory periods for a region (行政区划代码; "" for everywhere)."""

    __tablename__ = "contract_rules"
    __table_args__ = (CheckConstraint(
        "reply_days >= 1 AND filing_days >= 1 AND wage_filing_days >= 1 AND review_days >= 1 "
        "AND renewal_months >= 1 AND filing_warning_days >= 1 AND expiry_warning_days >= 1",
        name="positive"),)

    region: Mapped[str] = mapped_column(String(12), primary_key=True, default="")
    reply_days: Mapped[int] = mapped_column(Integer)
    filing_days: Mapped[int] = mapped_column(Integer)
    wage_filing_days: Mapped[int] = mapped_column(Integer)
    review_days: Mapped[int] = mapped_column(Integer)
    renewal_months: Mapped[int] = mapped_column(Integer)
    filing_warning_days: Mapped[int] = mapped_column(Integer)
    expiry_warning_days: Mapped[int] = mapped_column(Integer)


class CollectiveContract(Versioned, Timestamps, Base):
    __tablename__ = "collective_contract"
    __table_args__ = (
        CheckConstraint("term_end IS NULL OR term_start IS NULL OR term_end >= term_start",
                        name="term"),
        CheckConstraint("vote_present IS NULL OR vote_present <= vote_eligible", name="present"),
        CheckConstraint("covered_women IS NULL OR covered_women <= covered_workers",
                        name="women"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    contract_type: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(4))
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("collective_contract.id", ondelete="SET NULL"), index=True)
    # The parties
    enterprise_name: Mapped[str] = mapped_column(String(100), default="")
    legal_representative: Mapped[str] = mapped_column(String(50), default="")
    enterprise_type: Mapped[str] = mapped_column(String(20), default="")
    workers_total: Mapped[int | None] = mapped_column(Integer)
    address: Mapped[str] = mapped_column(String(200), default="")
    contact_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(20), default="")
    union_name: Mapped[str] = mapped_column(String(100), default="")
    union_chair: Mapped[str] = mapped_column(String(50), default="")
    # The term and the key terms
    term_start: Mapped[dt.date | None] = mapped_column(Date)
    term_end: Mapped[dt.date | None] = mapped_column(Date)
    wage_increase_bp: Mapped[int | None] = mapped_column(Integer)
    minimum_wage_fen: Mapped[int | None] = mapped_column(Integer)
    last_year_average_wage_fen: Mapped[int | None] = mapped_column(Integer)
    overtime_rules: Mapped[str] = mapped_column(String(500), default="")
    covered_workers: Mapped[int | None] = mapped_column(Integer)
    covered_women: Mapped[int | None] = mapped_column(Integer)
    main_topics: Mapped[str] = mapped_column(Text, default="")
    negotiation_history: Mapped[str] = mapped_column(Text, default="")
    # The timeline
    offer_date: Mapped[dt.date | None] = mapped_column(Date)
    offer_side: Mapped[str] = mapped_column(String(4), default="")
    reply_date: Mapped[dt.date | None] = mapped_column(Date)
    draft_date: Mapped[dt.date | None] = mapped_column(Date)
    meeting_type: Mapped[str] = mapped_column(String(10), default="")
    meeting_session: Mapped[str] = mapped_column(String(50), default="")  # 第三届第二次
    meeting_date: Mapped[dt.date | None] = mapped_column(Date)
    vote_eligible: Mapped[int | None] = mapped_column(Integer)
    vote_present: Mapped[int | None] = mapped_column(Integer)
    vote_in_favour: Mapped[int | None] = mapped_column(Integer)
    vote_against: Mapped[int] = mapped_column(Integer, default=0)
    vote_abstaining: Mapped[int] = mapped_column(Integer, default=0)
    signed_date: Mapped[dt.date | None] = mapped_column(Date)
    filed_date: Mapped[dt.date | None] = mapped_column(Date)
    filed_with: Mapped[str] = mapped_column(String(100), default="")  # 人社局
    acceptance_no: Mapped[str] = mapped_column(String(50), default="")  # 受理（登记）编号
    objection_date: Mapped[dt.date | None] = mapped_column(Date)
    objection_text: Mapped[str] = mapped_column(String(1000), default="")
    refiled_date: Mapped[dt.date | None] = mapped_column(Date)
    confirmed_date: Mapped[dt.date | None] = mapped_column(Date)
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    published_how: Mapped[str] = mapped_column(String(100), default="")
    terminated_date: Mapped[dt.date | None] = mapped_column(Date)
    terminated_reason: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(String(500), default="")

    negotiators: Mapped[list[ContractNegotiator]] = relationship(
        cascade="all, delete-orphan", order_by="ContractNegotiator.id")
    attachments: Mapped[list[ContractAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="ContractAttachment.id")


class ContractNegotiator(Timestamps, Base):
    __tablename__ = "contract_negotiator"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("collective_contract.id", ondelete="CASCADE"), index=True)
    side: Mapped[str] = mapped_column(String(4))
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(10))
    post: Mapped[str] = mapped_column(String(50), default="")
    union_chair: Mapped[bool] = mapped_column(Boolean, default=False)
    delegation: Mapped[str] = mapped_column(String(200), default="")


class ContractAttachment(Timestamps, Base):
    __tablename__ = "contract_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(
        ForeignKey("collective_contract.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    filename: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(String(200), default="")


class ContractFile(Base):
    """The bytes of an attachment."""

    __tablename__ = "contract_file"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("contract_attachment.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
