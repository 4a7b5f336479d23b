"""The 困难帮扶 list's filters and the reminders gathered for 首页."""

import datetime as dt
from decimal import Decimal as D

import pytest

from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.services import aid
from gonghui_desk.services import hardship as hs
from gonghui_desk.services.hardship_list import (
    CLOSED,
    IN_PROGRESS,
    ON_FILE,
    FileFilter,
    hardship_reminders,
    list_files,
)
from tests.factories import write
from tests.services.test_aid_payments import filed, pay
from tests.services.test_hardship_files import TODAY, WANG, draft, id_number

pytestmark = pytest.mark.today(TODAY.isoformat())


def test_filters_by_group_category_text_and_review(db):
    wang = filed(db)  # filed 2026-03-23: review due 2027-03-23
    zhao_number = id_number("19750505", "071")
    zhao = write(db, hs.open_file, draft(name="赵四", id_number=zhao_number, relatives=(),
                                         category="相对困难"), dt.date(2026, 5, 1))
    write(db, aid.record_payment, wang, pay(amount="600"))
    rows = list_files(db.sessions, FileFilter(), today=TODAY)
    assert [r.name for r in rows] == ["王大力", "赵四"]
    wang_row = rows[0]
    assert wang_row.id_number_masked == WANG[:6] + "********" + WANG[-4:]
    assert wang_row.review_due == dt.date(2027, 3, 23) and wang_row.aid_this_year == D(600)
    assert wang_row.household_size == 1 and wang_row.applied_on == dt.date(2026, 3, 1)

    def names(**values):
        return [r.name for r in list_files(db.sessions, FileFilter(**values), today=TODAY)]

    assert names(group=ON_FILE) == ["王大力"] and names(group=IN_PROGRESS) == ["赵四"]
    assert names(category="相对困难") == ["赵四"]
    assert names(text="赵") == ["赵四"] and names(text=zhao_number[-4:]) == ["赵四"]
    assert names(review_due=True) == []
    late = dt.date(2027, 2, 21)  # 30 days before the review
    assert [r.name for r in list_files(db.sessions, FileFilter(review_due=True), today=late)] \
        == ["王大力"]
    write(db, hs.take_step, zhao, Step(hp.DECLINED, dt.date(2026, 5, 2), note="不符合"))
    assert names(group=CLOSED) == ["赵四"]
    assert names()[-1] == "赵四"  # closed files last


def test_reminders_gathered_from_the_records(db):
    wang = filed(db)
    texts = [r.text for r in hardship_reminders(db.sessions, today=TODAY)]
    assert texts == ["王大力：2026 年尚未发放帮扶资金"]
    write(db, aid.record_payment, wang, pay())
    assert hardship_reminders(db.sessions, today=TODAY) == []
    due = [r.text for r in hardship_reminders(db.sessions, today=dt.date(2027, 3, 24))]
    assert "王大力：年度复核 2027-03-23 到期（已逾期 1 天）" in due
