"""Engine set-up and everything SQLite-specific, in one module.

No other module writes SQLite-only SQL: PRAGMAs, the file header check, the online backup
and the integrity checks live here, so that another database can be supported later by
changing this file alone.
"""

from __future__ import annotations

import enum
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Engine, Select, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

# "GHDK" — written into the SQLite header, so a file is recognisably ours (PRAGMA application_id).
APPLICATION_ID = 0x4748444B
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 32 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
log = logging.getLogger(__name__)


class FileState(enum.Enum):
    MISSING = "missing"          # no file yet: will be created
    BLANK = "blank"              # empty file or SQLite file without tables: ours to take
    OURS = "ours"                # our application_id
    FOREIGN = "foreign"          # a SQLite database of some other program
    NOT_SQLITE = "not_sqlite"    # any other file


def database_url(location: str | Path) -> URL:
    """A file path or a full SQLAlchemy URL (``sqlite:///…``, ``postgresql://…``)."""
    text_location = str(location)
    if "://" in text_location:
        url = make_url(text_location)
        if url.drivername == "postgresql":  # the server book's driver is psycopg 3
            url = url.set(drivername="postgresql+psycopg")
        return url
    return URL.create("sqlite+pysqlite", database=str(Path(text_location).expanduser().resolve()))


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL; ``None`` for in-memory or other databases."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        # 32 MB rather than 2: a search at 100,000 members reads a few thousand member
        # rows by id, which then come from memory, not from the file (王: 18 → 14 ms).
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    finally:
        cursor.close()


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _on_connect_alone(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # Before the first read: an exclusive WAL connection keeps its index in memory and
        # never needs the -shm file, which a full disk cannot grow.
        cursor.execute("PRAGMA locking_mode = EXCLUSIVE")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def create_engine_for(url: URL, *, read_only: bool = False, alone: bool = False) -> Engine:
    """The engine for a book. ``read_only`` opens the file read-only; ``alone`` (for a book
    on a full disk, where even a read-only connection fails for want of room for its -shm
    file) reads it through one shared connection that holds the file to itself and refuses
    every write statement."""
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    path = sqlite_path(url)
    if alone and path is not None:
        # One connection for every thread (SQLite serialises its use): a second one could
        # not read past the first one's exclusive lock.
        engine = create_engine(
            URL.create("sqlite+pysqlite", database=str(path)), poolclass=StaticPool,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _on_connect_alone)
        return engine
    if read_only and path is not None:
        # SQLite opens the file itself read-only: nothing, not even a stray PRAGMA, writes.
        ro_url = URL.create(
            "sqlite+pysqlite", database=f"{path.resolve().as_uri()}?mode=ro",
            query={"uri": "true"},
        )
        engine = create_engine(ro_url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_connect_read_only)
        return engine
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _on_connect)
    return engine


def inspect_file(path: Path) -> FileState:
    """What is at ``path``, read without creating or changing anything."""
    if not path.exists():
        return FileState.MISSING
    if path.is_dir():
        return FileState.NOT_SQLITE
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header:
        return FileState.BLANK
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return FileState.NOT_SQLITE
    # Ask SQLite rather than reading the header bytes: a change still in the WAL (after a
    # crash, before a checkpoint) is only visible through a connection.
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (application_id,) = connection.execute("PRAGMA application_id").fetchone()
        (tables,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        # A damaged schema page: the header still says whose file it is, and the damage
        # is then reported as damage, not as "not ours".
        if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
            return FileState.OURS
        return FileState.NOT_SQLITE
    finally:
        connection.close()
    if application_id == APPLICATION_ID:
        return FileState.OURS
    if application_id != 0 or tables:
        return FileState.FOREIGN
    return FileState.BLANK


def inspect_server(engine: Engine) -> FileState:
    """What a server database holds, read without changing it: nothing yet (ours to take),
    a book of ours (``book_mark`` names us), or another program's tables."""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if not tables:
            return FileState.BLANK
        if "book_mark" not in tables:
            # A book made before migration 0015 wrote the mark: our tables at a revision.
            ours = {"alembic_version", "member", "change_log", "branch_profile"} <= tables
            return FileState.OURS if ours else FileState.FOREIGN
        marked = connection.execute(text("SELECT application_id FROM book_mark")).scalars()
        return FileState.OURS if APPLICATION_ID in set(marked) else FileState.FOREIGN


def mark_as_ours(engine: Engine) -> None:
    if is_sqlite(engine):
        with engine.begin() as connection:
            connection.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))


def pragma_settings(engine: Engine) -> dict[str, object]:
    """The connection settings in force, for checks and tests."""
    if not is_sqlite(engine):
        return {}
    names = ("foreign_keys", "journal_mode", "synchronous", "busy_timeout", "application_id")
    with engine.connect() as connection:
        return {name: connection.execute(text(f"PRAGMA {name}")).scalar() for name in names}


def integrity_problems(engine: Engine) -> list[str]:
    """``PRAGMA integrity_check``: an empty list when the file is sound."""
    if not is_sqlite(engine):
        return []
    with engine.connect() as connection:
        rows = [str(r[0]) for r in connection.execute(text("PRAGMA integrity_check"))]
    return [] if rows == ["ok"] else rows


def foreign_key_problems(engine: Engine) -> list[str]:
    """``PRAGMA foreign_key_check``: rows that point at a parent that does not exist."""
    if not is_sqlite(engine):
        return []
    with engine.connect() as connection:
        rows = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
    return [f"{table} 第 {rowid} 行引用的 {parent} 记录不存在" for table, rowid, parent, _ in rows]


def backup_file(source: Path, destination: Path, *, engine: Engine | None = None) -> None:
    """Copy a live SQLite database with the online backup API, then verify the copy.

    Readers and the WAL are handled by SQLite. ``engine`` (the open book's) is read through
    when given: a book opened on a full disk holds its file alone, and a second connection
    could not read it. Whatever fails, the half-written copy and its journal are removed,
    so a failed backup never leaves a file that looks like a good one, nor litter.
    """
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with ExitStack() as stack:
            src: Any
            if engine is not None:
                src = stack.enter_context(engine.connect()).connection.driver_connection
            else:
                src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
                stack.callback(src.close)
            dst = sqlite3.connect(partial)
            stack.callback(dst.close)
            src.backup(dst)
            # A copy is one self-contained file: no WAL beside it to lose on a USB stick.
            dst.execute("PRAGMA journal_mode = DELETE")
            (verdict,) = dst.execute("PRAGMA integrity_check").fetchone()
        if verdict != "ok":
            raise sqlite3.DatabaseError(f"backup copy failed integrity_check: {verdict}")
        partial.replace(destination)
    finally:
        for leftover in (partial, *(Path(f"{partial}{s}") for s in ("-journal", "-wal", "-shm"))):
            _remove_quietly(leftover)


def _remove_quietly(path: Path) -> None:
    """Remove a leftover, keeping the error that made it one as the error to report."""
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:  # a file still held open on Windows: say so in the log
        log.warning("could not remove %s: %s", path, exc)


class FileFacts(NamedTuple):
    """What a database file holds, read without changing it (for backups and restore)."""

    state: FileState
    integrity: list[str]
    revision: str | None
    counts: dict[str, int]


def describe_file(path: Path, *, verify: bool = True) -> FileFacts:
    """Recognise, count and (with ``verify``) integrity-check a SQLite file, read-only.

    Never raises for a bad file. Listing many backups passes ``verify=False``: the check
    reads every page, and each backup was verified when it was written.
    """
    state = inspect_file(path)
    if state not in (FileState.OURS, FileState.BLANK):
        return FileFacts(state, [], None, {})
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return FileFacts(FileState.NOT_SQLITE, [str(exc)], None, {})
    try:
        integrity: list[str] = []
        if verify:
            rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
            integrity = [] if rows == ["ok"] else rows
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        revision = None
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
        counts = {
            name: int(connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in tables
            if name != "alembic_version"
        }
    except sqlite3.DatabaseError as exc:
        return FileFacts(state, [str(exc)], None, {})
    finally:
        connection.close()
    return FileFacts(state, integrity, revision, counts)


def replace_file(source: Path, target: Path) -> None:
    """Put a verified copy in place of the database in one atomic rename.

    The target's WAL and shared-memory files belong to the old content and must go with
    it; every connection to the target has to be closed before this is called.
    """
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    source.replace(target)


def first_column(session: Session, statement: Select[Any]) -> list[Any]:
    """The first column of every row, read straight from the DBAPI cursor.

    For the members list's 100,000 ordered ids this costs a third less than an ORM or
    Core result, which processes each row. The statement still goes through SQLAlchemy's
    compiled cache: compiling a search's statement anew took 2–5 ms of each keystroke.
    Only for plain values (ids, text, numbers).
    """
    result = session.connection().execute(statement)
    try:
        return [row[0] for row in result.cursor.fetchall()]
    finally:
        result.close()


@contextmanager
def larger_page_cache(session: Session, kib: int = 16 * 1024) -> Iterator[None]:
    """A larger SQLite page cache on this session's connection while it writes rows in bulk.

    With the default 2 MB, inserting 100,000 members walks their nine indexes in and out of
    the cache again and again; 16 MB holds them and saves about a second. Set back after,
    so the pages return to the allocator.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{int(kib)}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
