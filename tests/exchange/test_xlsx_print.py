"""Every form's workbook prints like its PDF.

Every form of the registry is exported from one demo book in both formats, and all the
workbooks are printed to PDF by LibreOffice in one run, as the higher body's reviewer
would print them. For each form: as many pages as the app's own PDF (give or take one),
none of them a sliver, every ID number on one line. The workbook itself: its columns fill
the printable width, it prints a print area, repeats a table's column header on every
page, and every wrapped cell has at least the height its text needs.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from gonghui_desk.assets import font_path
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import FORMS
from gonghui_desk.exchange.forms.model import Table
from gonghui_desk.exchange.forms.spec import RECORD, FormParams, FormSpec
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.services.members import MemberFilter, search_ids
from tests.dates import the_day
from tests.exchange.forms_helpers import export
from tests.factories import demo_book

# How LibreOffice prints a workbook is the same on every day.
pytestmark = pytest.mark.any_day

# Enough for the demo to pay a medical and a study aid, and for a roster of 20 pages.
MEMBERS = 400
ID_NUMBER = re.compile(r"\d{6}[\d*]{8}\d{3}[\dX*]")
POINTS_PER_UNIT = 7 * 0.75  # an Excel column unit: 7 pixels of Calibri 11 at 96 dpi
PRINTABLE = {"portrait": 595.28 - 2 * 39.69, "landscape": 841.89 - 2 * 39.69}
SLIVER = 0.08  # of the page height: a page holding less is one row or the sign-off alone


def test_every_form_prints_from_libreoffice_like_its_pdf(db, tmp_path):
    demo_book(db, MEMBERS)
    out = tmp_path / "forms"
    out.mkdir()
    for spec in FORMS:
        params = _params(db, spec)
        for kind in ("pdf", "xlsx"):
            if kind in spec.formats:
                export(db, spec.id, out / f"{spec.id}.{kind}", **params)
        if "pdf" not in spec.formats:  # the PDF renderer draws it all the same
            doc = replace(spec.build(db.sessions, FormParams(today=the_day(), **params)),
                          exported_at=db.clock.now())
            list(render_pdf(doc, out / f"{spec.id}.pdf"))
    printed = tmp_path / "printed"
    _libreoffice_pdfs([_form_sheet(w, tmp_path / "to-print") for w in sorted(out.glob("*.xlsx"))],
                      printed, tmp_path)

    problems: list[str] = []
    shown_ids: dict[str, list[str]] = {}
    for spec in FORMS:
        workbook = out / f"{spec.id}.xlsx"
        body = spec.build(db.sessions, FormParams(today=the_day(), **_params(db, spec))).body
        found = _workbook_problems(workbook, body)
        shown_ids[spec.id] = ids = _ids_in(workbook)
        ours, theirs = out / f"{spec.id}.pdf", printed / f"{spec.id}.pdf"
        found += _print_problems(ours, theirs, ids)
        breaks = len(load_workbook(workbook).active.row_breaks.brk)
        if _page_count(theirs) != breaks + 1:
            found.append(f"LibreOffice broke the pages elsewhere: {_page_count(theirs)} "
                         f"pages for {breaks} page breaks")
        problems += [f"{spec.id}: {p}" for p in found[:6]]
        if len(found) > 6:
            problems.append(f"{spec.id}: … and {len(found) - 6} more")
    assert not problems, "\n".join(problems)
    # The forms the reviewer looked at show ID numbers, whole or masked.
    assert len(shown_ids["hardship-file"]) >= 3 and len(shown_ids["member-roster"]) > 300


def _params(db, spec: FormSpec) -> dict[str, object]:
    """A record for a single-record form: the first the 报表 page offers that can be filled."""
    if RECORD not in spec.params:
        return {}
    if spec.pick is None:  # members, found with the members search
        return {"record_id": search_ids(db.sessions, MemberFilter(member_on=the_day()))[0]}
    choices, _ = spec.pick(db.sessions, "")
    for choice in choices:
        try:
            spec.build(db.sessions, FormParams(today=the_day(), record_id=choice.id))
        except UserError:  # e.g. a contract whose vote is not recorded yet: take the next
            continue
        return {"record_id": choice.id}
    raise AssertionError(f"the demo book has no record {spec.id} can be filled for")


def _form_sheet(workbook: Path, folder: Path) -> Path:
    """The workbook as the reviewer prints it: its form sheet. A template's list sheet (the
    会员信息采集表's 下拉菜单表 of 56 民族) is there for the dropdowns, not for the paper."""
    book = load_workbook(workbook)
    if len(book.worksheets) == 1:
        return workbook
    for sheet in book.worksheets[1:]:
        book.remove(sheet)
    folder.mkdir(exist_ok=True)
    book.save(folder / workbook.name)
    return folder / workbook.name


def _libreoffice_pdfs(workbooks: list[Path], out: Path, tmp_path: Path) -> None:
    """Print all the workbooks to PDF in one LibreOffice run (one start-up for all), with
    the program's own Chinese font visible to it as a Chinese PC has its fonts."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, ("LibreOffice (soffice) is needed to print the workbooks as the higher "
                     "body does: install libreoffice-calc (packaging/dev.sh test does).")
    fonts = tmp_path / "fonts.conf"
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{font_path().parent}</dir><cachedir>{tmp_path / 'font-cache'}</cachedir>"
        "</fontconfig>", encoding="utf-8")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), *map(str, workbooks)],
        check=True, capture_output=True, timeout=240,
        env={**os.environ, "FONTCONFIG_FILE": str(fonts)},
    )
    missing = [w.name for w in workbooks if not (out / f"{w.stem}.pdf").exists()]
    assert not missing, f"LibreOffice printed no PDF for {missing}"


def _page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages")))


def _print_problems(ours: Path, theirs: Path, ids: list[str]) -> list[str]:
    problems = []
    pages, printed = _page_count(ours), _page_count(theirs)
    if abs(pages - printed) > 1:
        problems.append(f"LibreOffice prints {printed} pages, the app's PDF has {pages}")
    for number, share in enumerate(_page_fill(theirs), 1):
        if share < SLIVER:
            problems.append(f"page {number} of {printed} printed by LibreOffice is a sliver "
                            f"({share:.0%} of the page)")
    for pdf, who in ((theirs, "LibreOffice"), (ours, "the app")):
        lines = [line.replace(" ", "") for line in _text(pdf).splitlines()]
        broken = [i for i in ids if not any(i in line for line in lines)]
        if broken:
            problems.append(f"{who} breaks ID numbers over lines: {broken[:3]}")
    return problems


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def _page_fill(pdf: Path) -> list[float]:
    """How much of each page's height its content spans (the page footer left out)."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout
    shares = []
    for page in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', xhtml,
                           re.S):
        height = float(page[0])
        boxes = [(float(a), float(b)) for a, b in
                 re.findall(r'yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', page[1])]
        body = [(a, b) for a, b in boxes if b < height - 50]  # the footer sits lower
        shares.append((max(b for _, b in body) - min(a for a, _ in body)) / height
                      if body else 0.0)
    return shares


def _ids_in(workbook: Path) -> list[str]:
    sheet = load_workbook(workbook).active
    return [c.value for row in sheet.iter_rows() for c in row
            if isinstance(c.value, str) and ID_NUMBER.fullmatch(c.value)]


def _workbook_problems(path: Path, body: object) -> list[str]:
    sheet = load_workbook(path).active
    problems = []
    columns = [sheet.column_dimensions[get_column_letter(i)].width
               for i in range(1, sheet.max_column + 1)]
    page = PRINTABLE[sheet.page_setup.orientation]
    if abs(sum(columns) * POINTS_PER_UNIT - page) > page * 0.02:
        problems.append(f"the columns are {sum(columns) * POINTS_PER_UNIT:.0f} pt wide, "
                        f"the printable width is {page:.0f} pt")
    last = sheet.max_row
    if not str(sheet.cell(last, 1).value).startswith(("导出人：", "导出时间：")):
        problems.append("the sheet does not end with who exported it")
    area = f"'{sheet.title}'!$A$1:${get_column_letter(sheet.max_column)}${last - 1}"
    if sheet.print_area != area:
        problems.append(f"print area {sheet.print_area}, not {area} (all but the exporter, "
                        "who is in the page footer)")
    if isinstance(body, Table):
        header = next((r for r in range(1, last + 1) if [sheet.cell(r, c).value for c in
                       range(1, len(body.headers()) + 1)] == body.headers()), None)
        if header is None or sheet.print_title_rows != f"${header}:${header}":
            problems.append(f"column header in row {header}, print titles "
                            f"{sheet.print_title_rows}")
    problems += _height_problems(sheet, columns)
    return problems


def _height_problems(sheet, columns: list[float]) -> list[str]:
    """Rows lower than their wrapped text needs, and ID numbers in too narrow a cell.

    The need is a lower bound, whatever the font: no fewer lines than the text's width
    (Chinese characters 1 em, anything else at least half an em) over the cell's, each at
    least 1.15 times the font size high.
    """
    spans = {(m.min_row, m.min_col): (m.max_row, m.max_col) for m in sheet.merged_cells.ranges}
    problems = []
    for row in sheet.iter_rows():
        for cell in row:
            text = cell.value
            bottom, right = spans.get((cell.row, cell.column), (cell.row, cell.column))
            width = sum(columns[cell.column - 1:right]) * POINTS_PER_UNIT - 5
            number = _as_printed(text)
            if number and _ems(number) * cell.font.sz > width:  # it would print as ###
                problems.append(f"{cell.coordinate}: {number} is wider than its column")
            if not isinstance(text, str) or not text or not cell.alignment.wrap_text:
                continue
            size = cell.font.sz
            lines = sum(max(1, math.ceil(_ems(p) * size / width)) for p in text.split("\n"))
            heights = [sheet.row_dimensions[r].height for r in range(cell.row, bottom + 1)]
            if None in heights and lines > 1:
                problems.append(f"{cell.coordinate} “{text[:12]}” needs {lines} lines, its "
                                "row has no height")
            elif None not in heights and sum(heights) < lines * size * 1.15 - 0.5:
                problems.append(f"{cell.coordinate} “{text[:12]}” needs {lines} lines, its "
                                f"row is {sum(heights)} pt high")
            if ID_NUMBER.fullmatch(text) and width < 18 * 0.56 * size:
                problems.append(f"{cell.coordinate}: the ID number {text} does not fit on "
                                f"one line ({width:.0f} pt)")
    return problems


def _as_printed(value: object) -> str:
    """A date or number as the sheet shows it; a spreadsheet does not wrap these."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return str(value)
    return ""


def _ems(text: str) -> float:
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text)
