"""Alembic environment: always runs on a connection handed over by ``db.migrate``."""

from alembic import context

import gonghui_desk.db.models  # noqa: F401  (registers every table)
from gonghui_desk.db.base import Base
from gonghui_desk.db.migrate import include_name

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through gonghui_desk.db.migrate (it passes a connection)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
