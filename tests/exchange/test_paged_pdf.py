"""A form laid out page by page for the preview: each page drawn alone is the file's page,
and the first is ready before the last is laid out."""

import re

from gonghui_desk.exchange.forms.model import Column, Document, Table
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.exchange.render.pdf_paged import PagedPdf
from tests.exchange.forms_helpers import pdf_pages

COLUMNS = tuple(Column(f"项目{i}", 10, lambda r, i=i: f"值{r}-{i}") for i in range(19))
BATCH = 200


def roster(count):
    rows = list(range(1, count + 1))

    def batches():
        for start in range(0, count, BATCH):
            yield rows[start:start + BATCH]

    return Document(form_id="test", title="测试名册",
                    body=Table(COLUMNS, batches, count, font_size=7),
                    notes=("说明：测试。",), signatures=("工会主席（签字）",), stamp=True,
                    landscape=True, exported_by="王主席")


def alone(pages, index, tmp_path):
    path = tmp_path / f"page-{index}.pdf"
    path.write_bytes(pages.pdf(index))
    return pdf_pages(path)


def test_every_page_drawn_alone_is_that_page_of_the_file(tmp_path):
    doc = roster(1_010)
    whole = tmp_path / "whole.pdf"
    list(render_pdf(doc, whole))
    in_file = pdf_pages(whole)
    pages = PagedPdf(doc)
    list(pages.lay_out())
    assert pages.done and pages.total == pages.laid_out == len(in_file) > 20
    for index in (0, 1, len(in_file) // 2, len(in_file) - 1):
        assert alone(pages, index, tmp_path) == [in_file[index]]
    assert f"第{len(in_file)}页共{len(in_file)}页" in in_file[-1]
    two = tmp_path / "two.pdf"
    two.write_bytes(pages.pdf(3, 4))
    assert pdf_pages(two) == in_file[3:5]


def test_the_first_page_is_ready_while_the_rest_is_still_laid_out(tmp_path):
    doc = roster(1_010)
    whole = tmp_path / "whole.pdf"
    list(render_pdf(doc, whole))
    first_in_file = pdf_pages(whole)[0]
    pages = PagedPdf(doc)
    steps = pages.lay_out()
    while not pages.laid_out:
        next(steps)
    assert not pages.done and pages.total is None
    assert pages.laid_out < 10  # one batch of rows read, not the whole roster
    [first] = alone(pages, 0, tmp_path)
    # The same page, but its footer cannot yet count the pages.
    assert first == re.sub(r"第1页共\d+页", "第1页", first_in_file)
    assert "测试名册" in first and "1值1-0" in first
    steps.close()
