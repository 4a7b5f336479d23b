"""Roster files as chairs bring them, built for the import tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.exchange.import_session import prepare_request
from gonghui_desk.exchange.member_import import ImportPlan, PlanRequest, plan_import
from gonghui_desk.exchange.workbook import read_sheet

TODAY = dt.date(2026, 11, 21)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


def id_number(n: int, birth: dt.date = dt.date(1990, 3, 7), male: bool = True) -> str:
    """A valid resident ID: Beijing Chaoyang, ``birth``, order ``n`` (sex from ``male``)."""
    order = (n * 2 + (1 if male else 0)) % 1000
    body = f"110105{birth:%Y%m%d}{order:03d}"
    return body + check_character(body)


def person(n: int) -> dict[str, Any]:
    birth = dt.date(1960 + n % 30, 1 + n % 12, 1 + n % 28)
    return {
        "name": SURNAMES[n % len(SURNAMES)] + "晓" + "明红军华丽"[n % 5],
        "id": id_number(n, birth, male=n % 2 == 0),
        "gender": "男" if n % 2 == 0 else "女",
        "birth": birth,
        "phone": f"139{n:08d}",
        "joined": dt.date(2015, 1, 1) + dt.timedelta(days=n),
        "department": ("装配车间", "机修车间", "办公室")[n % 3],
    }


def write_xlsx(path: Path, rows: Iterable[Sequence[Any]], *, merges: Sequence[str] = (),
               title: str = "会员") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    workbook.save(path)
    return path


def hr_rows(count: int, start: int = 0) -> list[list[Any]]:
    """An HR export: its own header words, text cells, dates as text."""
    rows: list[list[Any]] = [["序号", "名字", "身份证号码", "联系电话", "所在部门", "入会时间"]]
    for i in range(start, start + count):
        p = person(i)
        rows.append([i + 1, p["name"], p["id"], p["phone"], p["department"],
                     f"{p['joined']:%Y/%m/%d}"])
    return rows


def plan_file(db: Any, path: Path, mode: str = "add", sheet: str | None = None,
              mapping: dict[int, str] | None = None) -> ImportPlan:
    data = read_sheet(path, sheet)
    request = prepare_request(db.sessions, data, path, mode, today=TODAY)
    if mapping is not None:
        request = PlanRequest(data, path, request.header_row, request.headers, mapping, mode,
                              TODAY)
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    return out[0]
