"""Who a form says exported and filled it in: the officer chosen at start, never the login."""

import datetime as dt
import getpass

import pytest
from openpyxl import load_workbook

from gonghui_desk.db.officer import UNSIGNED, Officer
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.services.annual import save_year
from tests.exchange.forms_helpers import export, pdf_pages
from tests.factories import write

TODAY = dt.date(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY.isoformat())


@pytest.fixture
def figures(db):
    write(db, save_year, YearFigures(year=2026, staff=10))
    return db


def test_without_a_chosen_officer_no_form_shows_the_computers_login(figures, tmp_path):
    assert not figures.officer.chosen
    [page] = pdf_pages(export(figures, "annual-stats", tmp_path / "a.pdf", today=TODAY))
    assert getpass.getuser() not in page and UNSIGNED not in page and "导出人" not in page
    assert "导出时间：2026-11-2010:00" in page
    assert "填表人：＿＿＿＿＿＿" in page  # a line to write on, as on paper


def test_the_chosen_officer_exports_and_fills_the_form_in(figures, tmp_path):
    figures.officer.name = "王建国"
    assert figures.officer == Officer("王建国")
    [page] = pdf_pages(export(figures, "annual-stats", tmp_path / "a.pdf", today=TODAY))
    assert "导出人：王建国" in page and "填表人：王建国" in page
    assert "单位负责人（签字）：＿＿＿＿＿＿" in page  # who signs still signs by hand
    [changes] = pdf_pages(export(figures, "member-changes", tmp_path / "c.pdf", today=TODAY))
    assert "经办人：＿＿＿＿＿＿" in changes  # who handled the changes signs for them
    path = export(figures, "annual-stats", tmp_path / "a.xlsx", today=TODAY)
    texts = [c for row in load_workbook(path).active.iter_rows(values_only=True)
             for c in row if isinstance(c, str)]
    assert any("填表人：王建国" in t for t in texts)
    assert any(t.startswith("导出人：王建国") for t in texts)
