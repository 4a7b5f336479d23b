"""How a long roster falls into pages, in the PDF and in the workbook's printed pages.

The 序号 column holds the numbers of the largest branch on one line, and the last page
never carries a single row, nor the sign-off without any row.
"""

import re

import pytest
from openpyxl import load_workbook

from gonghui_desk.exchange.forms.model import Column, Document, Table
from gonghui_desk.exchange.render.layout import KEEP, printable, table_widths
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.exchange.render.pdf_page import register_font, wrap
from gonghui_desk.exchange.render.xlsx import render_xlsx
from tests.exchange.forms_helpers import pdf_pages

# As wide as the provincial roster (19 columns and 序号, 7 pt text, landscape), on which
# the old 序号 column broke 1000 over two lines.
COLUMNS = tuple(Column(f"项目{i}", 10, lambda r, i=i: f"值{r}-{i}") for i in range(19))
SIGNATURE = "工会主席（签字）"


def roster(count):
    rows = list(range(1, count + 1))

    def batches():
        for start in range(0, count, 200):
            yield rows[start:start + 200]

    return Document(form_id="test", title="测试名册",
                    body=Table(COLUMNS, batches, count, font_size=7),
                    notes=("说明：测试。",), signatures=(SIGNATURE,), stamp=True,
                    landscape=True, exported_by="王主席")


def numbers_on(page):
    """The row numbers printed on a page: a line starting with a number, then its row."""
    return [int(n) for n in re.findall(r"^(\d+)值", page, re.M)]


def pages_of(count, path):
    list(render_pdf(roster(count), path))
    return pdf_pages(path)


def test_the_number_column_holds_a_hundred_thousand_members_on_one_line():
    register_font()
    width, _ = printable(True)
    widths = table_widths(roster(100_000).body, width)
    assert wrap("100000", widths[0] - 5, 7) == ["100000"]
    assert sum(widths) == pytest.approx(width)
    assert table_widths(roster(30).body, width)[0] < widths[0]  # widened only as needed


def test_four_digit_numbers_stay_on_one_line_in_the_pdf(tmp_path):
    pages = pages_of(1_010, tmp_path / "r.pdf")
    assert [n for page in pages for n in numbers_on(page)] == list(range(1, 1_011))


def test_the_last_page_never_carries_a_lonely_row_or_a_lonely_sign_off(tmp_path):
    long = pages_of(200, tmp_path / "long.pdf")
    first, full = len(numbers_on(long[0])), len(numbers_on(long[1]))
    # As many rows as two pages hold leaves the sign-off over; one more, a row too.
    for count in (first + full, first + full + 1):
        pages = pages_of(count, tmp_path / f"{count}.pdf")
        assert [n for page in pages for n in numbers_on(page)] == list(range(1, count + 1))
        assert len(numbers_on(pages[-1])) >= KEEP and SIGNATURE in pages[-1], count
        # The workbook ends its printed pages by the same rule.
        list(render_xlsx(roster(count), tmp_path / f"{count}.xlsx"))
        sheet = load_workbook(tmp_path / f"{count}.xlsx").active
        last_page = range(sheet.row_breaks.brk[-1].id + 1, sheet.max_row + 1)
        assert sum(isinstance(sheet.cell(r, 1).value, int) for r in last_page) >= KEEP
        assert any(SIGNATURE in str(sheet.cell(r, 1).value) for r in last_page)
    # A roster that ends well is left as it is.
    pages = pages_of(first + full // 2, tmp_path / "half.pdf")
    assert len(pages) == 2 and len(numbers_on(pages[0])) == first


def test_a_long_roster_breaks_into_the_same_pages_in_the_pdf_and_the_workbook(tmp_path):
    # Rounded to whole pixels row by row, a workbook used to drift a page behind the PDF
    # every fifty pages; both now count the same heights and keep the same slack.
    pages = pages_of(3_000, tmp_path / "r.pdf")
    list(render_xlsx(roster(3_000), tmp_path / "r.xlsx"))
    sheet = load_workbook(tmp_path / "r.xlsx").active
    breaks = [b.id for b in sheet.row_breaks.brk]
    assert len(breaks) + 1 == len(pages)
    above = 2  # the title and the column header
    first_on_page = [numbers_on(page)[0] for page in pages[1:]]
    assert [row - above + 1 for row in breaks] == first_on_page  # a break follows its row
