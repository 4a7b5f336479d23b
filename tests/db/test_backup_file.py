import sqlite3

import pytest

from gonghui_desk.db import engine as eng
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.profile import save_profile
from tests.factories import write


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
