"""Settings that belong to the data rather than to one PC user (e.g. the backup policy)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column

from gonghui_desk.db.base import Base


class AppSetting(Base):
    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(String(1000))


class BookMark(Base):
    """One row saying this database is a 工会桌面 book: a server database has no file header
    to carry the application id a SQLite file carries (migration 0015)."""

    __tablename__ = "book_mark"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(Integer)
    made_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
