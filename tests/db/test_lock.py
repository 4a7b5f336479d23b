"""One writer at a time, across processes, with stale locks recognised."""

import os
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy.exc import OperationalError

from gonghui_desk.db.database import open_database
from gonghui_desk.db.lock import DatabaseLocked, lock_path, read_owner
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import ExitCode
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.profile import load_profile, save_profile

HOLD = textwrap.dedent(
    """
    import sys, time
    from gonghui_desk.db.database import open_database
    db = open_database(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    db.close()
    """
)


@pytest.fixture
def other_process(db_path):
    """A second program that has the database open until told to close it."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout.readline().strip() == "open"
    yield process
    if process.poll() is None:
        process.stdin.write("\n")
        process.stdin.flush()
        process.wait()  # no timeout here: it polls with time.sleep, which faketime breaks


def test_lock_file_names_host_user_pid_and_time(db, db_path):
    owner = read_owner(lock_path(db_path))
    assert owner is not None and owner.pid == os.getpid()
    assert owner.host and owner.user and owner.since
    db.close()
    assert not lock_path(db_path).exists()


def test_a_second_writer_is_told_who_has_it_and_can_read(other_process, db_path):
    with pytest.raises(DatabaseLocked) as caught:
        open_database(db_path)
    assert caught.value.exit_code == ExitCode.DATABASE_REFUSED
    assert caught.value.owner.pid == other_process.pid
    assert f"进程 {other_process.pid}" in caught.value.message and "只读" in caught.value.message
    assert not caught.value.stale

    viewer = open_database(db_path, read_only=True)
    assert viewer.read_only and load_profile(viewer.sessions) == BranchProfile()
    # The file itself refuses, even a write that got past the runner's refusal.
    with pytest.raises(OperationalError), viewer.session() as session:
        save_profile(Tx(session, viewer.clock, viewer.officer),
                     BranchProfile(union_name="只读时不能写"))
    viewer.close()
    assert read_owner(lock_path(db_path)).pid == other_process.pid  # viewer left it alone


def test_the_lock_is_free_again_when_the_other_program_closes(other_process, db_path):
    other_process.stdin.write("\n")
    other_process.stdin.flush()
    other_process.wait()  # no timeout here: it polls with time.sleep, which faketime breaks
    database = open_database(db_path)
    database.close()


def test_a_lock_left_by_a_killed_process_is_recognised_and_recovered(db_path):
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True,
    )
    assert process.stdout.readline().strip() == "open"
    process.kill()
    process.wait()  # no timeout here: it polls with time.sleep, which faketime breaks
    with pytest.raises(DatabaseLocked) as caught:
        open_database(db_path)
    assert caught.value.stale and "已不在运行" in caught.value.message
    database = open_database(db_path, recover_stale_lock=True)
    assert read_owner(lock_path(db_path)).pid == os.getpid()
    database.close()


def test_a_lock_from_another_host_is_never_taken_as_stale(db_path, tmp_path):
    db_path.touch()
    lock_path(db_path).write_text(
        '{"host": "财务室-PC", "user": "wang", "pid": 1, "since": "2026-11-20T09:00:00"}',
        encoding="utf-8",
    )
    db_path.unlink()
    with pytest.raises(DatabaseLocked) as caught:
        open_database(db_path, recover_stale_lock=True)
    assert not caught.value.stale and "财务室-PC" in caught.value.message


def test_cli_exits_4_on_a_locked_database(other_process, db_path, capsys):
    from gonghui_desk.cli import main

    assert main(["--db", str(db_path), "check"]) == ExitCode.DATABASE_REFUSED
    assert "正在被" in capsys.readouterr().err
