"""``forms`` and ``export FORM --out`` as a chair's script uses them."""

import datetime as dt

import pytest
from openpyxl import load_workbook

from gonghui_desk.cli import main
from gonghui_desk.errors import ExitCode
from tests.exchange.forms_helpers import pdf_pages

FORM_IDS = ("member-roster", "member-changes", "member-card", "annual-stats")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(capsys, db_path):
    assert run(capsys, "--db", db_path, "demo", "--members", "120")[0] == ExitCode.OK
    return db_path


def test_forms_lists_every_form_with_its_title(capsys, db_path):
    code, out, _ = run(capsys, "--db", db_path, "forms")
    assert code == ExitCode.OK
    for form_id, title in zip(FORM_IDS, ("工会会员信息采集表", "会员变动情况登记表",
                                         "工会会员登记表", "基层工会基本情况统计表"),
                              strict=True):
        assert any(line.startswith(form_id) and title in line for line in out.splitlines())


@pytest.mark.parametrize("form_id", FORM_IDS)
@pytest.mark.parametrize("suffix", [".pdf", ".xlsx"])
def test_every_form_exports_in_both_formats(capsys, demo_db, tmp_path, form_id, suffix):
    out_file = tmp_path / f"{form_id}{suffix}"
    extra = ["--id", "1"] if form_id == "member-card" else []
    code, out, err = run(capsys, "--db", demo_db, "export", form_id, "--out", out_file, *extra)
    assert code == ExitCode.OK, err
    assert f"{out_file}" in out
    if suffix == ".pdf":
        assert pdf_pages(out_file)[0]
    else:
        sheet = load_workbook(out_file).active
        # The title heads the sheet; the 采集表, in its template's shape, has 附件四 above it.
        heading = sheet["A2"] if form_id == "member-roster" else sheet["A1"]
        assert heading.value in out


def test_export_takes_dates_and_a_period(capsys, demo_db, tmp_path):
    out_file = tmp_path / "变动.pdf"
    code, _, err = run(capsys, "--db", demo_db, "export", "member-changes", "--from",
                       "2024-01-01", "--to", "2024-12-31", "--out", out_file)
    assert code == ExitCode.OK, err
    assert "（2024年1月1日至2024年12月31日）" in pdf_pages(out_file)[0]
    code, _, err = run(capsys, "--db", demo_db, "export", "member-roster", "--as-of",
                       "2024-06-30", "--out", tmp_path / "r.pdf")
    assert code == ExitCode.OK and "截至2024年6月30日" in pdf_pages(tmp_path / "r.pdf")[0]


def test_mistakes_are_told_in_chinese_and_write_nothing(capsys, demo_db, tmp_path):
    out_file = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--db", demo_db, "export", "no-such", "--out", out_file)
    assert code == ExitCode.INPUT_REJECTED and "member-roster" in err
    code, _, err = run(capsys, "--db", demo_db, "export", "member-roster", "--out",
                       tmp_path / "x.doc")
    assert code == ExitCode.INPUT_REJECTED and ".pdf 或 .xlsx" in err
    code, _, err = run(capsys, "--db", demo_db, "export", "member-card", "--out", out_file)
    assert code == ExitCode.USAGE and "--id" in err
    code, _, err = run(capsys, "--db", demo_db, "export", "member-roster", "--as-of",
                       "2026/09/30", "--out", out_file)
    assert code == ExitCode.USAGE and "YYYY-MM-DD" in err
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    code, _, err = run(capsys, "--db", demo_db, "export", "annual-stats", "--as-of",
                       tomorrow.isoformat(), "--out", out_file)
    assert code == ExitCode.INPUT_REJECTED and "在今天之后" in err
    assert not out_file.exists()


def test_full_ids_only_on_request(capsys, demo_db, tmp_path):
    masked, full = tmp_path / "m.xlsx", tmp_path / "f.xlsx"
    assert run(capsys, "--db", demo_db, "export", "member-roster", "--out", masked)[0] == 0
    assert run(capsys, "--db", demo_db, "export", "member-roster", "--full-ids",
               "--out", full)[0] == 0
    def ids(path):
        sheet = load_workbook(path).active
        return [row[7] for row in sheet.iter_rows(min_row=5, values_only=True) if row[7]]
    assert all("********" in v for v in ids(masked))
    assert all(len(v) == 18 and "*" not in v for v in ids(full))
