"""Opening files: ours, blank, foreign, newer, and upgrades with a backup first."""

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from gonghui_desk.db import engine as eng
from gonghui_desk.db import migrate
from gonghui_desk.db.base import Base
from gonghui_desk.db.database import open_database
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import DatabaseNewer, DatabaseNotOurs, ExitCode
from gonghui_desk.services.profile import load_profile, save_profile
from tests.factories import write


def test_upgrade_head_on_an_empty_database_matches_the_models(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_name": migrate.include_name})
        assert compare_metadata(context, Base.metadata) == []


def test_every_migration_downgrades_and_upgrades_again(db):
    migrate.downgrade(db.engine, "base")
    assert migrate.current_revision(db.engine) is None
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()


def test_connection_settings_and_application_id(db, db_path):
    settings = eng.pragma_settings(db.engine)
    assert settings["foreign_keys"] == 1
    assert settings["journal_mode"] == "wal"
    assert settings["synchronous"] == 2  # FULL
    assert settings["busy_timeout"] == eng.BUSY_TIMEOUT_MS
    assert settings["application_id"] == eng.APPLICATION_ID
    assert eng.inspect_file(db_path) is eng.FileState.OURS


def test_foreign_keys_are_enforced(db):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(
            text(
                "INSERT INTO membership_event (member_id, kind, effective_date, reason, "
                "counterpart_union, handled_by) VALUES (999, '入会', '2020-01-01', '', '', '')"
            )
        )


def test_reopening_our_file_keeps_the_data(db_path):
    first = open_database(db_path)
    write(first, save_profile, BranchProfile(union_name="某某工会"))
    first.close()
    second = open_database(db_path)
    assert load_profile(second.sessions).union_name == "某某工会"
    assert second.upgrade_backup is None  # already at head: nothing to back up
    second.close()


def test_an_empty_file_is_taken_as_a_new_database(db_path):
    db_path.write_bytes(b"")
    database = open_database(db_path)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    database.close()


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(db_path):
    content = "姓名,身份证号\n张三,110105199003070017\n".encode()
    db_path.write_bytes(content)
    with pytest.raises(DatabaseNotOurs, match="不是数据库文件") as caught:
        open_database(db_path)
    assert caught.value.exit_code == ExitCode.DATABASE_REFUSED
    assert db_path.read_bytes() == content


def test_another_programs_sqlite_database_is_refused_and_left_untouched(db_path):
    connection = sqlite3.connect(db_path)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseNotOurs, match="其他程序"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused_without_changes(db, db_path):
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseNewer, match="更新版本") as caught:
        open_database(db_path)
    assert caught.value.exit_code == ExitCode.DATABASE_REFUSED
    assert db_path.read_bytes() == before


def test_an_older_database_is_backed_up_before_it_is_upgraded(db_path):
    old = eng.create_engine_for(eng.database_url(db_path))
    migrate.upgrade(old, "0001")
    eng.mark_as_ours(old)
    with old.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO branch_profile (id, union_name, unit_name, stats_code, region_code,"
                " organisation_type, unit_nature, industry, chair, contact_person,"
                " contact_phone, address) VALUES (1, '老工会', '', '', '', '', '', '', '', '',"
                " '', '')"
            )
        )
    old.dispose()

    database = open_database(db_path)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert load_profile(database.sessions).union_name == "老工会"
    backup = database.upgrade_backup
    assert backup is not None and backup.is_file()
    assert backup.name.endswith("-upgrade.sqlite3") and backup.parent.name == "backups"
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert copy.execute("SELECT union_name FROM branch_profile").fetchone() == ("老工会",)
    copy.close()
    database.close()


def test_a_full_sqlalchemy_url_is_accepted(tmp_path):
    url = f"sqlite:///{tmp_path / 'by-url.sqlite3'}"
    database = open_database(url)
    assert database.path == tmp_path / "by-url.sqlite3"
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    database.close()


def test_a_crash_before_checkpoint_still_reads_as_ours(db_path):
    """The application id may still sit in the WAL when the program dies."""
    database = open_database(db_path)
    # keep the connection pool (and so the WAL) open: nothing checkpointed yet
    with database.engine.connect():
        assert eng.inspect_file(db_path) is eng.FileState.OURS
    database.close()


def test_an_upgrade_whose_backup_cannot_be_written_changes_nothing(db_path, monkeypatch):
    from gonghui_desk.errors import UserError

    old = eng.create_engine_for(eng.database_url(db_path))
    migrate.upgrade(old, "0001")
    eng.mark_as_ours(old)
    old.dispose()

    def disk_full(source, destination):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(eng, "backup_file", disk_full)
    with pytest.raises(UserError, match="数据库没有改动"):
        open_database(db_path)
    check = eng.create_engine_for(eng.database_url(db_path))
    assert migrate.current_revision(check) == "0001"
    check.dispose()


def test_head_revision_constant_matches_the_newest_migration():
    from gonghui_desk.db.revision import HEAD_REVISION

    assert migrate.head_revision() == HEAD_REVISION, "bump db/revision.HEAD_REVISION"


def test_writes_are_noticed_for_the_backup_on_exit(db):
    from gonghui_desk.services.demo import fill_demo

    load_profile(db.sessions)
    assert not db.changed  # reading is not a change
    write(db, save_profile, BranchProfile(union_name="某某工会"))
    assert db.changed
    db.changed = False
    write(db, fill_demo, 3)  # bulk INSERT statements count too
    assert db.changed
