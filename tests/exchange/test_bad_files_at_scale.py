"""Bad files of any size: checked in linear time, each shared problem said once, and a
file that is mostly wrong refused early with the kinds of problems it has."""

import json

import pytest
from sqlalchemy import func, select

from gonghui_desk.cli import ExitCode, main
from gonghui_desk.db.models import ImportBatch, Member
from gonghui_desk.errors import UserError
from gonghui_desk.exchange import import_report
from gonghui_desk.exchange.member_import import DUPLICATE, NEW, REJECTED, import_operation
from gonghui_desk.services.operations import Runner
from tests.exchange.rosters import hr_rows, id_number, plan_file, write_xlsx

PLACEHOLDER = id_number(777)


def _nothing_written(db) -> None:
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def _placeholder_rows(count: int) -> list[list]:
    rows = hr_rows(count)
    for row in rows[1:]:
        row[2] = PLACEHOLDER
    return rows


def test_rows_sharing_an_id_number_are_one_problem_naming_a_few_of_them(db, tmp_path):
    rows = hr_rows(1000)
    for row in rows[-10:]:
        row[2] = PLACEHOLDER
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    assert plan.stopped is None
    assert plan.count(NEW) == 990 and plan.count(DUPLICATE) == 10
    assert len(plan.problems) == 1
    problem = plan.problems[0]
    assert problem.message.startswith("第 992、993、994 行等共 10 行的证件号码相同")
    assert problem.row == 992 and problem.count == 10 and problem.rows_shown == "992 等 10 行"
    assert all(r.problems == (problem,) for r in plan.rows if r.verdict == DUPLICATE)


def test_a_placeholder_id_on_every_row_is_refused_early_with_one_problem(db, tmp_path):
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", _placeholder_rows(9000)))
    assert plan.stopped is not None
    assert plan.stopped.checked == len(plan.rows) < 9000
    assert len(plan.problems) == 1  # not one per row, not one per pair of rows
    assert "行等共" in plan.problems[0].message and len(plan.problems[0].message) < 120
    column, rows, example = plan.stopped.kinds[0]
    assert column == "身份证号码" and rows == plan.stopped.checked and "证件号码相同" in example
    lines = "\n".join(import_report.summary_lines(plan))
    assert "没有再检查" in lines and "【身份证号码】" in lines


def test_garbage_in_every_cell_is_refused_early_and_even_valid_only_writes_nothing(
        db, tmp_path):
    rows = hr_rows(0) + [[n, "※", "@@", "电话?", 3.5, "昨天"] for n in range(9000)]
    plan = plan_file(db, write_xlsx(tmp_path / "乱码.xlsx", rows))
    assert plan.stopped is not None and len(plan.rows) < 9000
    assert plan.blocked and plan.count(REJECTED, DUPLICATE) == len(plan.rows)
    columns = {column for column, _, _ in plan.stopped.kinds}
    assert {"身份证号码", "联系电话", "入会时间"} <= columns
    for valid_only in (False, True):
        with pytest.raises(UserError, match="检查已提前停止"):
            Runner(db).run(import_operation(plan, valid_only=valid_only))
    _nothing_written(db)


def test_a_file_with_some_wrong_rows_is_checked_to_its_end(db, tmp_path):
    rows = hr_rows(4000)  # all joined by the roster's day
    for row in rows[1::3]:  # a third of the rows
        row[3] = "12345"
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    assert plan.stopped is None and len(plan.rows) == 4000
    assert plan.count(REJECTED) == 1334


def test_the_command_line_refuses_a_mostly_wrong_file_and_reports_why(
        db_path, tmp_path, capsys):
    source = write_xlsx(tmp_path / "名册.xlsx", _placeholder_rows(6000))
    report = tmp_path / "report.json"
    code = main(["--db", str(db_path), "--today", "2026-11-21", "import", "members",
                 str(source), "--report", str(report), "--valid-only"])
    out, err = capsys.readouterr()
    assert code == ExitCode.INPUT_REJECTED
    assert "检查已提前停止" in out + err
    content = json.loads(report.read_text(encoding="utf-8"))
    assert content["written"] is False and content["stopped_early"]["rows"] == 6000
    assert len(content["errors"]) == 1 and content["errors"][0]["rows"] > 1000


def test_a_mobile_on_several_rows_is_one_problem_and_refuses_them(db, tmp_path):
    rows = hr_rows(6)
    rows[2][3] = rows[5][3] = "13800000000"
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    assert [r.verdict for r in plan.rows] == [NEW, REJECTED, NEW, NEW, REJECTED, NEW]
    assert len(plan.problems) == 1
    assert plan.problems[0].message.startswith("第 3、6 行的移动电话相同")
    assert plan.problems[0].value == "138****0000"  # masked, as in every list


def test_a_placeholder_mobile_on_every_row_is_refused_early(db, tmp_path):
    rows = hr_rows(6000)
    for row in rows[1:]:
        row[3] = "13800000000"
    plan = plan_file(db, write_xlsx(tmp_path / "名册.xlsx", rows))
    assert plan.stopped is not None and len(plan.problems) == 1
    assert plan.problems[0].count == len(plan.rows)
