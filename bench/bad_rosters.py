"""Rosters whose every row is wrong, in several shapes, built once into bench/.cache.

    build_roster(shape, rows, columns=20) -> Path of an .xlsx

The rows are the demo branch's people (the same generator and fixed day as
bench/import_members.py, so the good roster of a size is the same people), changed by shape:

- ``placeholder-id``: one ID number on every row, 110101199003077774 — a valid check digit,
  and every row's 出生日期, 性别 and 入会日期 agree with it, so the repeat is the row's only
  fault;
- ``placeholder-phone``: one mobile on every row, 13800000000; ID numbers distinct and valid;
- ``no-id``: the 证件号码 column is there but empty on every row;
- ``garbage``: every cell (序号, dates and code-list columns included) is a random run of
  letters and punctuation, the same run for the same seed;
- ``good``: the rows as they are, every one valid — the peer of a bad roster.

Columns: 20 (the HR export of bench/import_members.py) or 5 (姓名, 性别, 证件号码, 移动电话,
入会日期: the narrow sheet the quadratic duplicate check was first measured with).
"""

from __future__ import annotations

import datetime as dt
import random
import string
import sys
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
HEADER = ["序号", "姓名", "性别", "出生日期", "民族", "就业状况", "有效证件类别", "证件号码",
          "学历", "技术等级", "移动电话", "户籍类型", "户籍所在地", "政治面貌", "工作单位",
          "籍贯", "是否农民工会员", "部门", "岗位", "入会日期"]
NARROW = ["姓名", "性别", "证件号码", "移动电话", "入会日期"]
GOOD = "good"
SHAPES = {  # name: what the bench prints
    "placeholder-id": "one placeholder ID",
    "placeholder-phone": "one placeholder phone",
    "no-id": "no IDs at all",
    "garbage": "every cell garbage",
}
PLACEHOLDER_ID = "110101199003077774"  # 东城区, born 1990-03-07, male (17th digit odd)
PLACEHOLDER_BIRTH = "1990/03/07"
PLACEHOLDER_JOINED = dt.date(2008, 1, 2)
PLACEHOLDER_PHONE = "13800000000"
AS_OF = dt.date(2026, 11, 21)  # the demo's fixed day: the same file every time
# No "=": openpyxl would write a cell starting with it as a formula.
_GARBAGE = string.ascii_letters + string.punctuation.replace("=", "") + "，。？！、；：…—《》"


def build_roster(shape: str, rows: int, columns: int = 20) -> Path:
    """The roster of that shape and size, built on first use and kept in bench/.cache."""
    if shape != GOOD and shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}; known: {GOOD}, {', '.join(SHAPES)}")
    if columns not in (5, 20):
        raise ValueError("columns must be 5 or 20")
    path = CACHE / f"rows-{shape}-{rows}x{columns}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    print(f"building {path.name} ({rows:,} rows)…", file=sys.stderr)
    CACHE.mkdir(exist_ok=True)
    header = HEADER if columns == 20 else NARROW
    keep = [HEADER.index(name) for name in header]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("花名册")
    sheet.append(header)
    for row in _rows(shape, rows):
        sheet.append([row[i] for i in keep])
    partial = path.with_name(path.name + ".partial")
    workbook.save(partial)
    partial.replace(path)
    return path


def _rows(shape: str, rows: int) -> Iterator[list[object]]:
    if shape == "garbage":
        rng = random.Random(rows)  # a fixed seed: the same file every time
        for _ in range(rows):
            yield ["".join(rng.choices(_GARBAGE, k=rng.randint(1, 12))) for _ in HEADER]
        return
    from gonghui_desk.domain.demo import DemoBranch

    people = DemoBranch(1, AS_OF).members(rows)
    id_at, phone_at = HEADER.index("证件号码"), HEADER.index("移动电话")
    for number in range(1, rows + 1):
        p = next(people)
        row: list[object] = [
            number, p.name, p.gender, f"{p.birth_date:%Y/%m/%d}", p.ethnicity,
            p.employment_status if p.employment_status != "退休" else "在岗", p.id_type,
            p.id_number, p.education, p.tech_level, p.phone, p.hukou_type, p.hukou_place,
            p.political_status, p.work_unit, p.native_place, "是" if p.migrant_worker else "否",
            p.department, p.post, f"{p.join_date:%Y/%m/%d}",
        ]
        if shape == "placeholder-id":
            row[id_at] = PLACEHOLDER_ID
            row[HEADER.index("出生日期")] = PLACEHOLDER_BIRTH
            row[HEADER.index("性别")] = "男"
            row[HEADER.index("有效证件类别")] = "居民身份证"
            # joined at 16 or later, by that birth date (2006-03-07)
            row[HEADER.index("入会日期")] = f"{max(p.join_date, PLACEHOLDER_JOINED):%Y/%m/%d}"
        elif shape == "placeholder-phone":
            row[phone_at] = PLACEHOLDER_PHONE
        elif shape == "no-id":
            row[id_at] = None
        yield row
