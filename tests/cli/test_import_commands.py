"""``import members``, ``undo-import`` and ``export template members`` as a script uses them."""

import json

from gonghui_desk.cli import main
from gonghui_desk.db.database import open_database
from gonghui_desk.errors import ExitCode
from gonghui_desk.services.members import count_all
from tests.exchange.rosters import hr_rows, write_xlsx


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def members(db_path):
    database = open_database(db_path)
    try:
        return count_all(database.sessions)
    finally:
        database.close()


def test_import_writes_and_reports(capsys, db_path, tmp_path):
    source = write_xlsx(tmp_path / "名册.xlsx", hr_rows(5))
    report = tmp_path / "report.json"
    code, out, err = run(capsys, "--db", db_path, "import", "members", source,
                         "--report", report)
    assert code == ExitCode.OK, err
    assert "新增 5 人" in out and "undo-import 1" in out
    content = json.loads(report.read_text(encoding="utf-8"))
    assert {k: content[k] for k in ("rows_read", "added", "updated", "unchanged", "rejected",
                                    "duplicates", "written", "batch_id")} == {
        "rows_read": 5, "added": 5, "updated": 0, "unchanged": 0, "rejected": 0,
        "duplicates": 0, "written": True, "batch_id": 1,
    }
    assert content["errors"] == []
    assert members(db_path) == 5


def test_a_rejected_file_exits_3_writes_nothing_and_names_every_problem(capsys, db_path,
                                                                          tmp_path):
    rows = hr_rows(3)
    rows[2][3] = "12345"
    source = write_xlsx(tmp_path / "名册.xlsx", rows)
    report = tmp_path / "report.json"
    code, out, _ = run(capsys, "--db", db_path, "import", "members", source,
                       "--report", report, "--problems", tmp_path / "问题.xlsx")
    assert code == ExitCode.INPUT_REJECTED
    assert "第 3 行 [联系电话] 12345：应为 11 位手机号码" in out
    content = json.loads(report.read_text(encoding="utf-8"))
    assert (content["written"], content["rejected"], content["batch_id"]) == (False, 1, None)
    assert content["errors"] == [{
        "sheet": "会员", "row": 3, "rows": 1, "column": "联系电话", "value": "12345",
        "message": "应为 11 位手机号码，例如 138 1234 5678。",
    }]
    assert (tmp_path / "问题.xlsx").is_file()
    assert members(db_path) == 0
    code, out, _ = run(capsys, "--db", db_path, "import", "members", source, "--valid-only")
    assert code == ExitCode.OK and "新增 2 人" in out


def test_dry_run_and_upsert(capsys, db_path, tmp_path):
    source = write_xlsx(tmp_path / "名册.xlsx", hr_rows(2))
    code, out, _ = run(capsys, "--db", db_path, "import", "members", source, "--dry-run")
    assert code == ExitCode.OK and "试运行" in out
    assert members(db_path) == 0
    assert run(capsys, "--db", db_path, "import", "members", source)[0] == ExitCode.OK
    rows = hr_rows(3)
    rows[1][4] = "质检科"
    changed = write_xlsx(tmp_path / "更新.xlsx", rows)
    report = tmp_path / "r.json"
    code, out, _ = run(capsys, "--db", db_path, "import", "members", changed,
                       "--mode", "upsert", "--report", report)
    assert code == ExitCode.OK
    content = json.loads(report.read_text(encoding="utf-8"))
    assert (content["added"], content["updated"], content["unchanged"]) == (1, 1, 1)


def test_undo_import(capsys, db_path, tmp_path):
    source = write_xlsx(tmp_path / "名册.xlsx", hr_rows(4))
    run(capsys, "--db", db_path, "import", "members", source)
    code, out, _ = run(capsys, "--db", db_path, "undo-import", "1")
    assert code == ExitCode.OK and "删除新增的 4 人" in out
    assert members(db_path) == 0
    code, _, err = run(capsys, "--db", db_path, "undo-import", "1")
    assert code == ExitCode.INPUT_REJECTED and "撤销过" in err
    code, _, err = run(capsys, "--db", db_path, "undo-import", "9")
    assert code == ExitCode.INPUT_REJECTED and "没有编号为 9 的导入批次" in err


def test_unreadable_files_are_refused_in_chinese(capsys, db_path, tmp_path):
    fake = tmp_path / "照片.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    code, _, err = run(capsys, "--db", db_path, "import", "members", fake)
    assert code == ExitCode.INPUT_REJECTED
    assert "无法读取“照片.xlsx”" in err and "Traceback" not in err
    code, _, err = run(capsys, "--db", db_path, "import", "members", tmp_path / "无此文件.xlsx")
    assert code == ExitCode.INPUT_REJECTED and "文件不存在" in err


def test_export_the_blank_template(capsys, db_path, tmp_path):
    out_file = tmp_path / "模板.xlsx"
    code = run(capsys, "--db", db_path, "export", "template", "members", "--out", out_file)[0]
    assert code == ExitCode.OK and out_file.is_file()
    code = run(capsys, "--db", db_path, "export", "template", "--out", out_file)[0]
    assert code == ExitCode.USAGE
