import sqlite3

import pytest

from gonghui_desk.db import engine as eng
from gonghui_desk.db.disk import is_disk_full
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.profile import save_profile
from tests.factories import write
from tests.full_disk import fill, small_disk  # noqa: F401  (a fixture)


def test_backup_copies_committed_data_including_the_wal(db, db_path, tmp_path):
    write(db, save_profile, BranchProfile(union_name="备份测试工会"))
    target = tmp_path / "copies" / "copy.sqlite3"
    eng.backup_file(db_path, target)
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT union_name FROM branch_profile").fetchone() == ("备份测试工会",)
    copy.close()
    assert not list(target.parent.glob("*.partial"))


def test_a_failed_backup_leaves_no_file_that_looks_good(db, db_path, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OSError):
        eng.backup_file(db_path, blocker / "copy.sqlite3")
    assert blocker.read_text() == "x"


def leftovers(folder):
    return sorted(p.name for p in folder.rglob("*") if ".partial" in p.name)


def big_file(path, megabytes):
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,)] * (megabytes * 1000))
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("already_full", [True, False], ids=["full", "fills-up-midway"])
def test_a_copy_onto_a_full_disk_leaves_nothing_behind(
    tmp_path, small_disk, already_full  # noqa: F811
):
    source = big_file(tmp_path / "big.sqlite3", 3)  # more than the 2 MB disk holds
    if already_full:
        fill(small_disk)
    target = small_disk / "backups" / "copy.sqlite3"
    with pytest.raises((OSError, sqlite3.Error)) as caught:
        eng.backup_file(source, target)
    assert is_disk_full(caught.value)
    assert leftovers(small_disk) == [] and not target.exists()
