"""Alembic migrations shipped inside the package, run programmatically on open.

Developers create a new revision against the models with::

    python -m gonghui_desk.db.migrate "what changed"
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Tables the migrations make that no model describes: the members search's FTS5 table and
# the shadow tables SQLite keeps for it (member_search_fts_data, …). Autogenerate and the
# models-against-head test pass over them.
UNMODELLED_PREFIX = "member_search_fts"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's ``include_name`` hook: leave the unmodelled tables out of comparisons."""
    return not (type_ == "table" and (name or "").startswith(UNMODELLED_PREFIX))


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None, "the package ships no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def is_known(revision: str) -> bool:
    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade in one transaction: a failure leaves the file at its old revision."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), revision)


def new_revision(message: str) -> None:
    """Autogenerate a revision by comparing the models with a database at head."""
    from gonghui_desk.db.engine import create_engine_for, database_url

    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine_for(database_url(Path(folder) / "head.sqlite3"))
        upgrade(engine)
        with engine.begin() as connection:
            config = alembic_config(connection)
            command.revision(config, message=message, autogenerate=True)
        engine.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit('usage: python -m gonghui_desk.db.migrate "what changed"')
    new_revision(sys.argv[1])
