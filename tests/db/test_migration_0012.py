"""Upgrading a book at 0011 with aid payments on record to 0012 (the aid applications' details):
the payments keep every value, gain blanks (nothing guessed), and print."""

import datetime as dt
import sqlite3
from decimal import Decimal

import pytest
from sqlalchemy import text

from gonghui_desk.db import engine as eng
from gonghui_desk.db import migrate
from gonghui_desk.db.database import open_database
from gonghui_desk.db.revision import HEAD_REVISION
from gonghui_desk.services.aid import load_payment
from tests.exchange.forms_helpers import export, pdf_pages

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())
NEW_COLUMNS = {"patient_gender": "", "patient_work_unit": "", "student_ethnicity": "",
               "student_political_status": "", "student_phone": "", "exam_score": None,
               "study_level": "", "current_cohort": None, "admitted_on": None,
               "graduating_on": None}


def _book_at_0011(path):
    old = eng.create_engine_for(eng.database_url(path))
    migrate.upgrade(old, "0011")
    eng.mark_as_ours(old)
    stamp = "'2026-06-01 10:00:00', '2026-06-01 10:00:00'"
    with old.begin() as connection:
        connection.execute(text(
            "INSERT INTO hardship_file (id, state, category, filing_standard, region, name, "
            "gender, ethnicity, political_status, id_number, phone, other_contact, postcode, "
            "health, disease, disability_type, disability_grade, work_status, "
            "model_worker_type, housing, marital_status, hukou_type, hukou_region, "
            "live_address, work_unit, industry, unit_nature, enterprise_situation, "
            "single_parent, zero_employment, self_help, monthly_income_fen, "
            "medical_insurance, fixed_term, service_card_no, bank_account, cause_primary, "
            "cause_secondary, cause_text, note, created_at, updated_at) VALUES (1, '已建档', "
            "'深度困难', '', '330106', '王大力', '男', '', '', '330106198001010118', '', '', '', "
            "'', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 0, 0, 1, 320000, '', 1, "
            f"'', '', '因病', '', '', '', {stamp})"))
        connection.execute(text(
            "INSERT INTO hardship_relative (id, file_id, name, relation, gender, "
            "political_status, education, id_number, age, medical_insurance, health, "
            "monthly_income_fen, identity, unit_or_school, created_at, updated_at) VALUES "
            f"(1, 1, '李梅', '配偶', '女', '', '', '', 44, '', '患病', 0, '', '', {stamp})"))
        for pid, kind, details in (
                (1, "医疗救助", "'李梅', '', '尿毒症', 3600000, 4, '', '', ''"),
                (2, "助学（金秋助学）", "'', '', '', 0, 0, '王小明', '浙江工业大学', '机械工程'")):
            connection.execute(text(
                "INSERT INTO aid_payment (id, file_id, kind, day, amount_fen, fund_source, "
                "handled_by, signed_by, note, patient, patient_relation, disease, "
                "out_of_pocket_fen, hospital_stays, student, school, major, branch_amount_fen, "
                "social_amount_fen, treatment, study_years, admission_batch, fees_fen, "
                "student_loan_fen, void_reason, voided_by, created_at, updated_at) VALUES "
                f"({pid}, 1, '{kind}', '2026-06-0{pid}', 500000, '上级帮扶资金', '张主席', '', "
                f"'', {details}, 0, 0, '', 4, '', 0, 0, '', '', {stamp})"))
    old.dispose()


def test_payments_on_record_keep_their_values_and_gain_blanks(db_path, tmp_path):
    _book_at_0011(db_path)
    database = open_database(db_path)  # upgrades, with a backup first
    assert migrate.current_revision(database.engine) == HEAD_REVISION
    assert database.upgrade_backup is not None
    file_id, medical = load_payment(database.sessions, 1)
    assert (file_id, medical.patient, medical.disease, medical.out_of_pocket) == (
        1, "李梅", "尿毒症", Decimal(36000))
    _, study = load_payment(database.sessions, 2)
    assert (study.student, study.school, study.study_years) == ("王小明", "浙江工业大学", 4)
    for payment in (medical, study):
        assert {k: getattr(payment, k) for k in NEW_COLUMNS} == NEW_COLUMNS
    # The blank relation of a payment from before 0012 is the file's, never 本人.
    [page] = pdf_pages(export(database, "hardship-medical", tmp_path / "m.pdf", record_id=1,
                              today=TODAY))
    assert "配偶" in page and "本人承诺" in page
    [page] = pdf_pages(export(database, "hardship-study", tmp_path / "s.pdf", record_id=2,
                              today=TODAY))
    assert "王小明" in page and "申报时间：2026年6月2日" in page
    database.close()
    backup = sqlite3.connect(database.upgrade_backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0011",)
    backup.close()


def test_0012_downgrades_to_0011_with_the_payments(db_path):
    _book_at_0011(db_path)
    database = open_database(db_path)
    migrate.downgrade(database.engine, "0011")
    with database.engine.connect() as connection:
        columns = {row[1] for row in connection.execute(text("PRAGMA table_info(aid_payment)"))}
        kept = connection.execute(text("SELECT patient, student FROM aid_payment ORDER BY id"))
        assert kept.all() == [("李梅", ""), ("", "王小明")]
    assert columns.isdisjoint(NEW_COLUMNS) and "voided_on" in columns
    database.close()
