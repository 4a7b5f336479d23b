"""A large .xlsx sheet is read to its first rows before the rest: the same cells as the whole
read gives, and a hopeless file refused on them alone, with the plan the whole read gives."""

import datetime as dt
from pathlib import Path

import pytest

from gonghui_desk.exchange import member_import, workbook
from gonghui_desk.exchange.import_session import prepare_request, read_roster
from gonghui_desk.exchange.member_import import ROWS_READ_FIRST, ImportPlan, plan_import
from gonghui_desk.exchange.workbook import read_sheet
from tests.exchange.rosters import TODAY, hr_rows, id_number, person, write_xlsx
from tests.exchange.xlsx_by_hand import Rich, write_by_hand


@pytest.fixture
def any_size(monkeypatch):
    """Every sheet counts as large, so that a test's small files take the two-step read."""
    monkeypatch.setattr(workbook, "FIRST_ROWS_FROM", 0)


def roster(count: int) -> list[list[object]]:
    rows: list[list[object]] = [["工会会员名册"], [], ["序号", "姓名", "身份证号码", "部门",
                                                     "入会日期", "备注"]]
    for i in range(count):
        p = person(i)
        note = Rich("调入 车间") if i % 7 == 0 else ("  前后有空格 " if i % 11 == 0 else None)
        rows.append([i + 1, p["name"], p["id"], p["department"], p["joined"], note])
    return rows


@pytest.mark.parametrize("prefix", ["", "x"])
def test_the_first_rows_are_the_cells_the_whole_read_gives(tmp_path, any_size, prefix):
    rows = roster(300)
    for row in rows[4:9]:
        row[3] = None  # one department for rows 4 to 9, merged down
    path = write_by_hand(tmp_path / "名册.xlsx", rows, merges=["D4:D9", "A1:F1"],
                         prefix=prefix)
    whole = read_sheet(path, "会员")
    start = read_sheet(path, "会员", first=120, to_the_end=True)
    assert not whole.partial and start.partial and start.merges_filled
    assert start.rows == whole.rows[:len(start.rows)]
    assert len(start.rows) == 119  # 120 rows of the sheet, one of them blank
    assert start.rows_after == 303 - 120
    cells = dict(start.rows)
    assert cells[4][4] == dt.date(2015, 1, 1) and isinstance(cells[5][4], dt.date)
    assert cells[4][5] == "调入 车间" and cells[15][5] == "  前后有空格 "
    assert cells[9][3] == cells[4][3] == "装配车间"  # merged down: every row it covers
    quick = read_sheet(path, "会员", first=120)  # the merged cells come after the rows
    assert quick.partial and not quick.merges_filled and quick.rows_after == 0
    assert dict(quick.rows)[9][3] == "" and len(quick.rows) == len(start.rows)


def test_the_first_sheet_is_the_one_read_when_none_is_named(tmp_path, any_size):
    path = write_by_hand(tmp_path / "名册.xlsx", roster(300), before=None)
    start = read_sheet(path, first=50, to_the_end=True)
    assert start.name == "会员" and start.partial
    assert start.rows == read_sheet(path).rows[:len(start.rows)]


def test_a_sheet_no_longer_than_asked_is_read_whole(tmp_path, any_size):
    path = write_by_hand(tmp_path / "名册.xlsx", roster(40))
    start = read_sheet(path, "会员", first=500)
    assert not start.partial and start.rows == read_sheet(path, "会员").rows


def test_a_small_sheet_is_read_whole_at_once(tmp_path):
    path = write_by_hand(tmp_path / "名册.xlsx", roster(300))
    assert not read_sheet(path, "会员", first=50).partial


def test_a_file_of_another_make_is_read_whole(tmp_path, any_size):
    """openpyxl writes its text inline; LibreOffice's .ods is a zip of other parts; a file
    cut short is refused as the whole read refuses it."""
    path = write_xlsx(tmp_path / "名册.xlsx", hr_rows(200))
    start = read_sheet(path, first=50)
    assert start.partial and start.rows == read_sheet(path).rows[:50]
    ods = Path(__file__).parent / "files" / "libreoffice.ods"  # a zip too, not an .xlsx
    assert read_sheet(ods, first=2).rows == read_sheet(ods).rows
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(path.read_bytes()[:3000])  # cut short: the whole read says why
    with pytest.raises(workbook.UnreadableFile, match="损坏"):
        read_sheet(broken, first=50)


def _plan(db, path, *, start_only: bool) -> ImportPlan:
    sheet = read_roster(path, start_only=start_only)
    request = prepare_request(db.sessions, sheet, path, "add", today=TODAY)
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    return out[0]


def _same(a: ImportPlan, b: ImportPlan) -> None:
    assert [(r.row, r.verdict, r.problems) for r in a.rows] == [
        (r.row, r.verdict, r.problems) for r in b.rows]
    assert a.passed_over == b.passed_over and a.problems == b.problems


def test_a_hopeless_file_is_refused_on_its_first_rows_alone(db, tmp_path, any_size,
                                                            monkeypatch):
    rows = hr_rows(ROWS_READ_FIRST + 3000)
    for row in rows[1:]:
        row[2] = id_number(777)  # one placeholder ID on every row
    path = write_by_hand(tmp_path / "名册.xlsx", rows, before=None)
    whole = _plan(db, path, start_only=False)
    reads = []

    def read_to_the_end_only(*args, **kwargs):  # for the merged cells; never the whole
        reads.append(kwargs)
        assert kwargs.get("first") == ROWS_READ_FIRST and kwargs.get("to_the_end")
        return read_sheet(*args, **kwargs)

    monkeypatch.setattr(member_import, "read_sheet", read_to_the_end_only)
    start = _plan(db, path, start_only=True)
    assert len(reads) == 1
    assert start.stopped is not None and whole.stopped is not None
    _same(start, whole)
    assert (start.stopped.last_row, start.stopped.checked, start.stopped.kinds) == (
        whole.stopped.last_row, whole.stopped.checked, whole.stopped.kinds)
    assert start.stopped.rough and not whole.stopped.rough
    assert start.stopped.total == whole.stopped.total  # no blank rows: the count is exact
    assert "表中其余约 3,500 行没有再检查" in start.stopped.lines()[0]


def test_a_good_file_is_read_whole_after_its_first_rows(db, tmp_path, any_size, monkeypatch):
    path = write_by_hand(tmp_path / "名册.xlsx", hr_rows(ROWS_READ_FIRST + 1000), before=None)
    reads = []

    def whole_only(*args, **kwargs):  # no second look at the first rows: the whole at once
        reads.append(kwargs)
        assert not kwargs
        return read_sheet(*args, **kwargs)

    monkeypatch.setattr(member_import, "read_sheet", whole_only)
    start = _plan(db, path, start_only=True)
    assert len(reads) == 1
    assert start.stopped is None
    assert len(start.rows) == ROWS_READ_FIRST + 1000
    _same(start, _plan(db, path, start_only=False))


def test_a_file_wrong_only_further_down_is_read_whole_and_refused_there(db, tmp_path,
                                                                        any_size):
    rows = hr_rows(ROWS_READ_FIRST + 9000)
    for row in rows[ROWS_READ_FIRST:]:
        row[1] = ""  # no names from here on
    path = write_by_hand(tmp_path / "名册.xlsx", rows, before=None)
    start = _plan(db, path, start_only=True)
    assert start.stopped is not None and not start.stopped.rough
    assert start.stopped.last_row > ROWS_READ_FIRST
    _same(start, _plan(db, path, start_only=False))


def test_cells_merged_down_are_read_before_a_file_is_called_hopeless(db, tmp_path, any_size,
                                                                     monkeypatch):
    """入会时间 written once for each ten people, merged down over them: without the merged
    cells, nine rows in ten would lack it."""
    rows = hr_rows(ROWS_READ_FIRST + 1000)
    merges = []
    for top in range(2, len(rows) + 1, 10):
        for row in rows[top:top + 9]:
            row[5] = None
        merges.append(f"F{top}:F{min(top + 9, len(rows))}")
    path = write_by_hand(tmp_path / "名册.xlsx", rows, before=None, merges=merges)
    quick = read_sheet(path, first=ROWS_READ_FIRST)
    assert sum(1 for _, cells in quick.rows if len(cells) < 6 or not cells[5]) > 4000
    reads = []

    def read(*args, **kwargs):
        reads.append(kwargs)
        return read_sheet(*args, **kwargs)

    monkeypatch.setattr(member_import, "read_sheet", read)
    start = _plan(db, path, start_only=True)
    # the first rows looked hopeless, then read with the merged cells did not: read whole
    assert reads == [{"first": ROWS_READ_FIRST, "to_the_end": True}, {}]
    assert start.stopped is None and len(start.rows) == ROWS_READ_FIRST + 1000
    _same(start, _plan(db, path, start_only=False))
