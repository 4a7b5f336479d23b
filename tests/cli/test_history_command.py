"""``gonghui-desk history``: the change history in the chair's words, on screen or as CSV."""

import csv
import datetime as dt

import pytest

from gonghui_desk.cli import main
from gonghui_desk.db.models import Member
from gonghui_desk.errors import ExitCode
from gonghui_desk.services import access
from tests.factories import make_member
from tests.services.test_history_readable import RAW, run


def history(capsys, db_path, *argv):
    code = main(["--db", str(db_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book(db):
    """A member added and then edited, another member, and the idle lock set."""
    with db.session() as session:
        first = make_member(session, name="欧阳倩", phone="13800000001").id
        make_member(session, name="单立新", id_number="110105199003070033", phone="")
    with db.session() as session:
        session.get(Member, first).migrant_worker = True
    run(db, access.set_idle_minutes, 10)
    return {"member": first}


def test_history_prints_the_entries_oldest_first_in_words(capsys, db_path, book):
    code, out, err = history(capsys, db_path, "history")
    assert code == ExitCode.OK, err
    lines = out.splitlines()
    headings = [line for line in lines if not line.startswith("    ")][:-1]
    assert [h.split("  ")[-1] for h in headings] == [
        "会员 欧阳倩", "会籍变化 欧阳倩（入会）", "会员 单立新", "会籍变化 单立新（入会）",
        "会员 欧阳倩", "设置 无操作自动锁定"]
    assert "  修改  会员 欧阳倩" in headings[4]
    assert lines[lines.index(headings[4]) + 1] == "    是否农民工会员：否 → 是"
    assert lines[-2] == "    无操作自动锁定：10 分钟"
    assert lines[-1] == "共 6 条修改记录。"
    assert not RAW.search(out)


def test_one_record_by_its_table_or_its_chinese_name(capsys, db_path, book):
    for record in (f"member:{book['member']}", f"会员:{book['member']}",
                   f"会员：{book['member']}"):
        code, out, _ = history(capsys, db_path, "history", "--record", record)
        assert code == ExitCode.OK
        assert out.count("会员 欧阳倩") == 2 and "单立新" not in out
        assert out.splitlines()[-1] == "共 2 条修改记录。"


def test_since_a_day(capsys, db_path, book, today):
    code, out, _ = history(capsys, db_path, "history", "--since", f"{today:%Y-%m-%d}")
    assert code == ExitCode.OK and out.splitlines()[-1] == "共 6 条修改记录。"
    tomorrow = today + dt.timedelta(days=1)
    code, out, _ = history(capsys, db_path, "history", "--since", f"{tomorrow:%Y-%m-%d}")
    assert code == ExitCode.OK and out == "没有符合条件的修改记录。\n"


@pytest.mark.parametrize(("argv", "message"), [
    (["--since", "2026-13-01"], "日期应写成 YYYY-MM-DD"),
    (["--since", "昨天"], "日期应写成 YYYY-MM-DD"),
    (["--record", "member"], "应写成 类别:编号"),
    (["--record", "members:12"], "应写成 类别:编号"),
    (["--record", "会员:"], "应写成 类别:编号"),
    (["--out", "记录.xlsx"], "只能导出为 .csv 文件"),
])
def test_a_bad_date_record_or_file_is_a_usage_error(capsys, db_path, book, argv, message):
    code, out, err = history(capsys, db_path, "history", *argv)
    assert code == ExitCode.USAGE
    assert message in err and out == ""


def test_out_writes_the_csv_an_auditor_opens_in_excel(capsys, db_path, book, tmp_path):
    target = tmp_path / "修改记录.csv"
    code, out, err = history(capsys, db_path, "--officer", "王主席", "history",
                             "--record", f"member:{book['member']}", "--out", str(target))
    assert code == ExitCode.OK, err
    assert out == f"已导出 2 条修改记录：{target}\n"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    header, changed, added, _blank, footer = csv.reader(target.open(encoding="utf-8-sig"))
    assert header == ["时间", "操作人", "类别", "记录", "编号", "操作", "内容"]
    assert changed[2:] == ["会员", "会员 欧阳倩", str(book["member"]), "修改",
                           "是否农民工会员：否 → 是"]
    assert added[5] == "新增" and "移动电话：138****0001" in added[6]
    assert footer[0] == "导出人：王主席"


def test_a_missing_database_is_not_created(capsys, tmp_path):
    missing = tmp_path / "none.sqlite3"
    code, _, err = history(capsys, missing, "history")
    assert code == ExitCode.INPUT_REJECTED and "找不到数据库" in err
    assert not missing.exists()
