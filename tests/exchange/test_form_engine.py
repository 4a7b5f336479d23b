"""The renderers, given any form definition: what the printed page and the workbook show."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.exchange.forms.model import (
    DATE,
    Cell,
    Column,
    Document,
    Grid,
    GridRow,
    Private,
    Table,
    label,
    place,
)
from gonghui_desk.exchange.render.pdf import render_pdf
from gonghui_desk.exchange.render.xlsx import render_xlsx
from tests.exchange.forms_helpers import libreoffice_csv, pdf_fonts, pdf_pages

ID = "11010519491231002X"


def people(count):
    return [
        {"name": f"职工{i:04d}", "id": ID, "joined": dt.date(2020, 1, 1) + dt.timedelta(days=i),
         "dept": "装配车间" if i % 3 else "质检科"}
        for i in range(count)
    ]


def roster(count, **doc_options):
    rows = sorted(people(count), key=lambda r: r["dept"])
    columns = (
        Column("姓名", 10, lambda r: r["name"]),
        Column("部门", 10, lambda r: r["dept"]),
        Column("证件号码", 20, lambda r: r["id"], private=Private(mask_id_number)),
        Column("入会日期", 11, lambda r: r["joined"], DATE, choices=()),
    )

    def batches():
        for start in range(0, len(rows), 100):
            yield rows[start:start + 100]

    table = Table(columns, batches, len(rows), group=lambda r: r["dept"],
                  subtotal=lambda key, n: f"小计：{key} {n} 人", summary=(f"合计 {count} 人",))
    return Document(form_id="test", title="测试花名册", body=table,
                    header=(("填表单位（盖章）", "红星工会"), ("截至", "2026-09-30")),
                    signatures=("工会主席（签字）",), stamp=True, exported_by="王主席",
                    exported_at=dt.datetime(2026, 10, 8, 9, 30), **doc_options)


def test_a_long_roster_repeats_its_header_and_numbers_every_page(tmp_path):
    path = tmp_path / "r.pdf"
    list(render_pdf(roster(300), path))
    pages = pdf_pages(path)
    assert len(pages) > 5
    for number, text in enumerate(pages, 1):
        if "职工" in text:
            assert "序号" in text and "证件号码" in text, f"page {number} lacks the header"
        assert f"第{number}页共{len(pages)}页" in text
        assert "导出人：王主席导出时间：2026-10-0809:30" in text
    assert "测试花名册" in pages[0] and "测试花名册" not in pages[1]
    everything = "\n".join(pages)
    # Every row printed once, whole; never split over two pages.
    assert all(everything.count(f"职工{i:04d}") == 1 for i in range(300))
    assert "小计：质检科100人" in everything and "小计：装配车间200人" in everything
    assert everything.index("合计300人") < everything.index("工会主席（签字）")


def test_the_pdf_embeds_its_chinese_font(tmp_path):
    path = tmp_path / "r.pdf"
    list(render_pdf(roster(3), path))
    fonts = pdf_fonts(path).splitlines()[2:]
    assert fonts and all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in fonts)


def test_sensitive_columns_are_masked_unless_revealed(tmp_path):
    list(render_pdf(roster(2), tmp_path / "masked.pdf"))
    list(render_pdf(roster(2, reveal=True), tmp_path / "full.pdf"))
    masked, full = pdf_pages(tmp_path / "masked.pdf")[0], pdf_pages(tmp_path / "full.pdf")[0]
    assert ID not in masked and "110105********002X" in masked
    assert ID in full
    assert not roster(2).shows_private_values() and roster(2, reveal=True).shows_private_values()


def test_the_workbook_has_title_frozen_header_print_setup_text_ids_and_real_dates(tmp_path):
    path = tmp_path / "r.xlsx"
    list(render_xlsx(roster(5, reveal=True), path))
    sheet = load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][0] == "测试花名册"
    assert rows[1][0] == "填表单位（盖章）：红星工会　　截至：2026-09-30"
    assert rows[2] == ["序号", "姓名", "部门", "证件号码", "入会日期"]
    header = sheet["B3"]
    assert header.font.b and header.border.bottom.style == "thin"
    assert sheet.freeze_panes == "C4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.paperSize == 9 and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert not sheet.protection.sheet
    first = rows[3]
    assert first[3] == ID and sheet["D4"].data_type == "s" and sheet["D4"].number_format == "@"
    assert isinstance(first[4], dt.datetime) and sheet["E4"].number_format == "yyyy-mm-dd"
    assert sheet["B4"].border.left.style == "thin"
    lines = [r[0] for r in rows if r[0] and str(r[0]).startswith(("小计", "合计"))]
    assert lines == ["小计：装配车间 3 人", "小计：质检科 2 人", "合计 5 人"]
    assert rows[-1][0] == "导出人：王主席　导出时间：2026-10-08 09:30"
    # The columns share A4's printable width (98 Excel character units between the PDF's
    # margins) in the definition's proportions, as on the PDF.
    widths = [sheet.column_dimensions[c].width for c in "ABCDE"]
    assert sum(widths) == pytest.approx(98.3, abs=0.5)
    assert widths[3] == pytest.approx(2 * widths[1], abs=0.2)


def test_libreoffice_reads_the_workbook(tmp_path):
    path = tmp_path / "花名册.xlsx"
    list(render_xlsx(roster(4), path))
    table = libreoffice_csv(path, tmp_path)
    assert table[0][0] == "测试花名册"
    assert table[2][:4] == ["序号", "姓名", "部门", "证件号码"]
    # 装配车间 sorts before 质检科, so 职工0001 comes first.
    assert table[3][1] == "职工0001" and table[3][3] == "110105********002X"
    assert table[3][4] == "2020-01-02"


def grid_form():
    grid = Grid((10, 20, 10, 20), (
        GridRow((label("姓名"), Cell("张伟"), label("照片"), Cell("", rows=2))),
        GridRow((label("证件号码"), Cell(ID, span=2, private=Private(mask_id_number,
                                                                    required=True)))),
        GridRow((label("意见"), Cell("同意。", span=3, signoff="（盖章）\n年　月　日")), lines=3),
    ))
    return Document(form_id="card", title="测试登记表", body=grid, exported_by="王主席")


def test_cells_are_placed_around_row_spans():
    placed = [(p.cell.value, p.row, p.column, p.rows, p.columns) for p in place(grid_form().body)]
    assert ("", 0, 3, 2, 1) in placed
    assert (ID, 1, 1, 1, 2) in placed  # the photo box still holds column 3 of row 2
    with pytest.raises(ValueError, match="leaves columns empty"):
        place(Grid((1, 1), (GridRow((Cell("a"),)),)))
    with pytest.raises(ValueError, match="wider"):
        place(Grid((1,), (GridRow((Cell("a", span=2),)),)))


def test_a_single_record_form_prints_its_boxes_and_required_full_values(tmp_path):
    doc = grid_form()
    list(render_pdf(doc, tmp_path / "c.pdf"))
    [page] = pdf_pages(tmp_path / "c.pdf")
    assert "测试登记表" in page and "张伟" in page and ID in page
    assert "（盖章）" in page and "第1页共1页" in page
    assert doc.shows_private_values()  # legally required whole: the export is recorded
    list(render_xlsx(doc, tmp_path / "c.xlsx"))
    sheet = load_workbook(tmp_path / "c.xlsx").active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"D2:D3", "B3:C3", "B4:D4"} <= merged
    assert sheet["B3"].value == ID
    assert sheet["B4"].value.startswith("同意。") and sheet["B4"].value.endswith("年　月　日")
    assert sheet["C3"].border.top.style == "thin"  # covered cells keep the box
