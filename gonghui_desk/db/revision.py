"""The schema revision a database is at, read without importing Alembic.

Opening a database that is already at head is the common case and must stay cheap (Alembic
costs a tenth of a second to import); ``db.migrate`` is imported only when there is work.
A test keeps ``HEAD_REVISION`` equal to the newest migration. SQLAlchemy is imported
inside the function: ``db.home_counts`` reads ``HEAD_REVISION`` before SQLAlchemy is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

HEAD_REVISION = "0015"
VERSION_TABLE = "alembic_version"


def current_revision(engine: Engine) -> str | None:
    from sqlalchemy import inspect, text

    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
