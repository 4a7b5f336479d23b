"""A large file's new rows are checked in a second process: the plan is the same, row for
row and message for message, as when one process checks them all."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gonghui_desk.exchange import check_pool, member_import
from gonghui_desk.exchange.import_session import guess_header, prepare_request
from gonghui_desk.exchange.member_import import ImportPlan, PlanRequest, plan_import
from gonghui_desk.exchange.workbook import SheetData, read_sheet
from tests.exchange.rosters import TODAY, hr_rows, id_number, write_xlsx
from tests.exchange.test_import_fuzz import cells

FILES = Path(__file__).with_name("files")


class _Counted(check_pool.CheckPool):
    chunks = 0

    def submit(self, lines):
        type(self).chunks += 1
        return super().submit(lines)


def _plan(db, request: PlanRequest) -> ImportPlan:
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    return out[0]


def _both(db, request: PlanRequest, monkeypatch) -> tuple[ImportPlan, ImportPlan]:
    """(serial plan, parallel plan), in chunks of 3 rows so that many go to the process."""
    monkeypatch.setattr(member_import, "_CHECK_CHUNK", 3)
    monkeypatch.setattr(check_pool, "PARALLEL_ROWS", 10**9)
    serial = _plan(db, request)
    monkeypatch.setattr(check_pool, "PARALLEL_ROWS", 1)
    monkeypatch.setattr(member_import, "CheckPool", _Counted)
    _Counted.chunks = 0
    parallel = _plan(db, request)
    return serial, parallel


def _troubled_roster(tmp_path: Path) -> Path:
    rows = hr_rows(40)
    rows[3][2] = rows[9][2]  # the same person twice
    rows[5][3] = "12345"  # a bad mobile
    rows[7][5] = "1990-02-30"  # no such day
    rows[11][2] = "110105199003070000"  # a wrong check digit
    rows[13][1] = ""  # a member without a name
    rows[15][2] = 4.10101199001011e17  # a number that lost its digits
    rows[17][5] = "2019.3"  # a month only: a notice
    rows[20][2] = rows[21][2] = rows[22][2] = rows[23][2] = rows[24][2] = id_number(999)
    rows.append(["合计", "40 人"])
    rows.append(["制表人：王芳", "", "", "审核人：李强"])
    return write_xlsx(tmp_path / "名册.xlsx", rows)


def _request(db, path: Path) -> PlanRequest:
    return prepare_request(db.sessions, read_sheet(path), path, "add", today=TODAY)


@pytest.mark.parametrize("make", [
    _troubled_roster,
    lambda tmp: FILES / "legacy_wps.xls",
    lambda tmp: FILES / "libreoffice.ods",
])
def test_files_give_the_same_plan_with_a_second_process(db, tmp_path, monkeypatch, make):
    request = _request(db, make(tmp_path))
    serial, parallel = _both(db, request, monkeypatch)
    assert _Counted.chunks >= 1  # the process did check chunks
    assert parallel == serial
    assert [p.message for p in parallel.problems] == [p.message for p in serial.problems]


def test_a_mostly_wrong_file_stops_at_the_same_row_either_way(db, tmp_path, monkeypatch):
    rows = hr_rows(0) + [[n, "张三", "乱码", "?", "?", "?"] for n in range(1500)]
    request = _request(db, write_xlsx(tmp_path / "乱.xlsx", rows))
    monkeypatch.setattr("gonghui_desk.exchange.bad_rows.EARLY_LOOK", 20)
    serial, parallel = _both(db, request, monkeypatch)
    assert serial.stopped is not None and serial.stopped.checked < 1500
    assert parallel == serial


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=9), min_size=7, max_size=14))
def test_any_cell_values_give_the_same_plan_with_a_second_process(db, monkeypatch, rows):
    header = ["姓名", "身份证号", "性别", "出生日期", "入会日期", "学历", "是否农民工",
              "会籍变化类型", "会籍变化日期"]
    sheet = SheetData("会员", [(1, list(header))] + [(i + 2, r) for i, r in enumerate(rows)])
    guess = guess_header(sheet)
    request = PlanRequest(sheet, Path("x.xlsx"), guess.row_number, guess.headers,
                          guess.mapping, "add", TODAY)
    serial, parallel = _both(db, request, monkeypatch)
    assert parallel == serial


def test_a_check_that_the_process_cannot_do_is_done_here(db, tmp_path, monkeypatch):
    """A process killed (or one that cannot start) costs time, never a verdict."""
    request = _request(db, _troubled_roster(tmp_path))
    serial, _ = _both(db, request, monkeypatch)

    def broken(self, lines):
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool
        future: Future = Future()
        future.set_exception(BrokenProcessPool("killed"))
        return future

    monkeypatch.setattr(_Counted, "submit", broken)
    assert _plan(db, request) == serial


def test_small_files_are_checked_in_one_process(monkeypatch):
    assert not check_pool.worth_a_second_process(5_000)
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert not check_pool.worth_a_second_process(100_000)
