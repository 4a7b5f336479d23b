"""The branch's yearly figures (domain.annual.YearFigures): one row per year."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Integer
from sqlalchemy.orm import Mapped, mapped_column

from gonghui_desk.db.base import Base, Timestamps


class YearFiguresRow(Timestamps, Base):
    __tablename__ = "year_figures"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1950 AND 2100", name="year"),
        CheckConstraint("staff_female <= staff", name="female_within_staff"),
        CheckConstraint("delegates_female <= delegates", name="female_within_delegates"),
    )

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    staff: Mapped[int | None] = mapped_column(Integer)
    staff_female: Mapped[int | None] = mapped_column(Integer)
    staff_migrant: Mapped[int | None] = mapped_column(Integer)
    staff_dispatched: Mapped[int | None] = mapped_column(Integer)
    staff_new_form: Mapped[int | None] = mapped_column(Integer)
    union_full_time: Mapped[int | None] = mapped_column(Integer)
    union_part_time: Mapped[int | None] = mapped_column(Integer)
    delegates: Mapped[int | None] = mapped_column(Integer)
    delegates_female: Mapped[int | None] = mapped_column(Integer)
    women_committee: Mapped[bool] = mapped_column(Boolean, default=False)
    funds_committee: Mapped[bool] = mapped_column(Boolean, default=False)
    congress_system: Mapped[bool] = mapped_column(Boolean, default=False)
    open_affairs: Mapped[bool] = mapped_column(Boolean, default=False)
    safety_committee: Mapped[bool] = mapped_column(Boolean, default=False)
    mediation_committee: Mapped[bool] = mapped_column(Boolean, default=False)
