"""Every command, its output and its exit code, including the error paths."""

import sqlite3

import pytest
from sqlalchemy import text

from gonghui_desk.cli import main
from gonghui_desk.db.database import open_database
from gonghui_desk.errors import ExitCode
from gonghui_desk.services.members import count_all


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_a_database_at_the_given_path(capsys, db_path):
    code, out, _ = run(capsys, "--db", str(db_path), "init")
    assert code == ExitCode.OK
    assert str(db_path) in out and "结构版本" in out
    assert db_path.is_file()


def test_without_db_option_the_data_folder_is_used(capsys, data_dir):
    code, out, _ = run(capsys, "init")
    assert code == ExitCode.OK
    assert str(data_dir / "gonghui.sqlite3") in out
    assert (data_dir / "gonghui.sqlite3").is_file()
    assert (data_dir / "logs" / "gonghui-desk.log").is_file()


def test_environment_variable_names_the_database(capsys, tmp_path, monkeypatch):
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("GONGHUI_DB", str(target))
    assert run(capsys, "init")[0] == ExitCode.OK
    assert target.is_file()


def test_demo_then_check_passes(capsys, db_path):
    code, out, err = run(capsys, "--db", str(db_path), "demo", "--members", "300", "--seed", "5")
    assert code == ExitCode.OK, err
    assert "300" in out
    code, out, _ = run(capsys, "--db", str(db_path), "check")
    assert code == ExitCode.OK
    assert "文件完整性：通过" in out and "结构版本：通过" in out
    database = open_database(db_path)
    assert count_all(database.sessions) == 300
    database.close()


def test_demo_into_a_database_with_members_is_rejected_with_exit_3(capsys, db_path):
    run(capsys, "--db", str(db_path), "demo", "--members", "20")
    code, _, err = run(capsys, "--db", str(db_path), "demo", "--members", "20")
    assert code == ExitCode.INPUT_REJECTED
    assert "已有 20 名会员" in err
    database = open_database(db_path)
    assert count_all(database.sessions) == 20
    database.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--members", "-1"],
        ["demo", "--members", "many"],
        ["frobnicate"],
        ["screenshots"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(capsys, db_path, argv):
    code, _, err = run(capsys, "--db", str(db_path), *argv)
    assert code == ExitCode.USAGE
    assert "usage" in err
    assert not db_path.exists()


def test_check_fails_with_exit_1_on_a_dangling_reference(capsys, db_path):
    run(capsys, "--db", str(db_path), "demo", "--members", "5")
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM member WHERE id = 2")
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "--db", str(db_path), "check")
    assert code == ExitCode.CHECK_FAILED
    assert "记录引用：发现 1 个问题" in out


@pytest.mark.parametrize("command", ["init", "check", "demo"])
def test_a_file_that_is_not_ours_exits_4_and_is_untouched(capsys, db_path, command):
    db_path.write_text("这不是数据库", encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db_path), command)
    assert code == ExitCode.DATABASE_REFUSED
    assert "不是工会桌面的数据库" in err
    assert db_path.read_text(encoding="utf-8") == "这不是数据库"


def test_a_newer_database_exits_4(capsys, db_path):
    database = open_database(db_path)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    database.close()
    code, _, err = run(capsys, "--db", str(db_path), "check")
    assert code == ExitCode.DATABASE_REFUSED
    assert "更新版本" in err


def test_screenshots_writes_one_png_per_page(capsys, db_path, tmp_path, qapp):
    from PySide6.QtGui import QImage

    from gonghui_desk.ui.pages import PAGES

    run(capsys, "--db", str(db_path), "demo", "--members", "50")
    outdir = tmp_path / "shots"
    code, out, _ = run(capsys, "--db", str(db_path), "screenshots", str(outdir))
    assert code == ExitCode.OK
    names = sorted(p.name for p in outdir.glob("*.png"))
    assert len(names) == len(PAGES) + 1  # every page and the About dialog
    for spec in PAGES:
        assert any(name.endswith(f"-{spec.key}.png") for name in names)
    for path in outdir.glob("*.png"):
        image = QImage(str(path))
        assert image.width() >= 400 and image.height() >= 200, path
    assert out.count(".png") == len(names)


def test_backup_and_restore_commands(capsys, db_path, tmp_path):
    run(capsys, "--db", str(db_path), "demo", "--members", "40")
    code, out, _ = run(capsys, "--db", str(db_path), "backup", "--to", str(tmp_path / "usb"))
    assert code == ExitCode.OK and "会员 40 人" in out
    (copy,) = (tmp_path / "usb").glob("*.sqlite3")
    database = open_database(db_path)
    with database.session() as session:
        for table in ("recuperation_override", "recuperation_step", "recuperation_application",
                      "membership_event", "member"):
            session.execute(text(f"DELETE FROM {table}"))
    database.close()
    code, out, _ = run(capsys, "--db", str(db_path), "restore", str(copy))
    assert code == ExitCode.OK
    assert "被替换的数据库：会员 0 人" in out and "恢复：会员 40 人" in out
    database = open_database(db_path)
    assert count_all(database.sessions) == 40
    database.close()


def test_restore_of_a_foreign_file_exits_4_and_keeps_the_database(capsys, db_path, tmp_path):
    run(capsys, "--db", str(db_path), "demo", "--members", "5")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"junk")
    code, _, err = run(capsys, "--db", str(db_path), "restore", str(junk))
    assert code == ExitCode.DATABASE_REFUSED and "不能用来恢复" in err
    database = open_database(db_path)
    assert count_all(database.sessions) == 5
    database.close()


def test_screenshots_end_with_a_message_when_a_page_fails(capsys, db_path, tmp_path, qapp,
                                                           monkeypatch):
    """Nobody is there to close a crash dialog: the command stops and says which page."""
    from PySide6.QtCore import QTimer

    from gonghui_desk.ui.main_window import MainWindow

    shown = MainWindow.show_page

    def failing(self, key, *args, **kwargs):
        page = shown(self, key, *args, **kwargs)
        if key == "members":
            QTimer.singleShot(0, lambda: 1 / 0)  # an error in a slot, as a page's would be
        return page

    monkeypatch.setattr(MainWindow, "show_page", failing)
    code, out, err = run(capsys, "--db", str(db_path), "screenshots", str(tmp_path / "shots"))
    assert code == ExitCode.INPUT_REJECTED
    assert "截图时“members”页出错（ZeroDivisionError" in out + err
    assert "日志" in out + err
