"""Broken and hostile files: each gets a clear Chinese message, no traceback, nothing written."""

import datetime as dt
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from sqlalchemy import func, select

from gonghui_desk.db.models import ImportBatch, Member
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.import_session import guess_header, prepare_request
from gonghui_desk.exchange.member_import import ImportPlan, PlanRequest, plan_import
from gonghui_desk.exchange.workbook import SheetData, read_sheet, sheet_names
from tests.exchange.rosters import TODAY, hr_rows, write_xlsx

FILES = Path(__file__).with_name("files")


def _truncated(tmp: Path) -> Path:
    whole = write_xlsx(tmp / "whole.xlsx", hr_rows(50)).read_bytes()
    path = tmp / "半截.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _png(tmp: Path) -> Path:
    path = tmp / "照片.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return path


def _empty_workbook(tmp: Path) -> Path:
    path = tmp / "空.xlsx"
    Workbook().save(path)
    return path


def _header_only(tmp: Path) -> Path:
    return write_xlsx(tmp / "只有表头.xlsx", hr_rows(0))


def _wide(tmp: Path) -> Path:
    header = ["姓名", "身份证号", *[f"第{i}列" for i in range(4998)]]
    return write_xlsx(tmp / "五千列.xlsx", [header, ["张三", "x", *range(4998)]])


def _garbage(suffix: str):
    def make(tmp: Path) -> Path:
        path = tmp / f"乱码{suffix}"
        path.write_bytes(random.Random(7).randbytes(20000))
        return path
    return make


def _zip_without_workbook(tmp: Path) -> Path:
    path = tmp / "不是表格.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return path


def _zero_bytes(tmp: Path) -> Path:
    path = tmp / "零字节.xlsx"
    path.write_bytes(b"")
    return path


CORPUS = {
    "truncated zip": (_truncated, "损坏"),
    "PNG renamed .xlsx": (_png, "不是电子表格"),
    "empty workbook": (_empty_workbook, "是空的"),
    "header only": (_header_only, "只有表头"),
    "5,000 columns": (_wide, "校验位|应为 18 位|不符"),
    "binary garbage .xlsx": (_garbage(".xlsx"), "不是电子表格"),
    "binary garbage .xls": (_garbage(".xls"), "不是电子表格"),
    "binary garbage .csv": (_garbage(".csv"), "不是文字表格|编码"),
    "zip without a workbook": (_zip_without_workbook, "损坏"),
    "zero bytes": (_zero_bytes, "0 字节"),
    "password-protected": (lambda tmp: FILES / "password.xlsx", "打开密码"),
}


def _import(db, path: Path) -> ImportPlan:
    names = sheet_names(path)
    sheet = read_sheet(path, names[0])
    request = prepare_request(db.sessions, sheet, path, "add", today=TODAY)
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    return out[0]


def _nothing_written(db) -> None:
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0
        assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


@pytest.mark.parametrize("case", list(CORPUS))
def test_each_broken_file_is_explained(db, tmp_path, case):
    make, expected = CORPUS[case]
    path = make(tmp_path)
    try:
        plan = _import(db, path)
    except UserError as exc:
        import re

        assert re.search(expected, exc.message), exc.message
        assert path.name in exc.message or "工作表" in exc.message
    else:  # read, but every row is reported, not written
        assert plan.blocked
        import re

        assert any(re.search(expected, p.message) for p in plan.problems)
    _nothing_written(db)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=4000),
       suffix=st.sampled_from([".xlsx", ".xls", ".ods", ".csv", ".xlsm"]))
def test_random_bytes_never_crash_the_reader(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        read_sheet(path)
    except UserError as exc:
        assert exc.message.startswith("无法读取")


cells = st.one_of(
    st.none(), st.text(max_size=30), st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-10**20, max_value=10**20), st.booleans(),
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 1, 1)),
    st.datetimes(min_value=dt.datetime(1800, 1, 1), max_value=dt.datetime(2200, 1, 1)),
    st.sampled_from(["110105199003070017", "是", "否", "2019.3", "合计", "团员", "待(下)岗",
                     "４１０１０１１９９０", "4.10101199001011E+17", "1990-02-30", "男"]),
)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=9), min_size=1, max_size=12))
def test_any_cell_values_give_verdicts_never_a_crash(db, rows):
    header = ["姓名", "身份证号", "性别", "出生日期", "入会日期", "学历", "是否农民工",
              "会籍变化类型", "会籍变化日期"]
    sheet = SheetData("会员", [(1, list(header))] + [(i + 2, r) for i, r in enumerate(rows)])
    guess = guess_header(sheet)
    request = PlanRequest(sheet, Path("x.xlsx"), guess.row_number, guess.headers,
                          guess.mapping, "add", TODAY)
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    for result in out[0].rows:
        assert result.verdict
        for problem in result.problems:
            assert problem.message and problem.column
