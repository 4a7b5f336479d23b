"""Opening hardship files, one per household, their steps and the yearly income test."""

import datetime as dt
from decimal import Decimal as D

import pytest
from sqlalchemy import select

from gonghui_desk.db.models import HardshipYear
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.masking import mask_id_number
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import hardship as hs
from tests.factories import write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())  # the steps are dated in 2026


def id_number(birth: str, order: str) -> str:
    first17 = f"330106{birth}{order}"
    return first17 + check_character(first17)


WANG = id_number("19800101", "011")  # odd order: a man
WIFE = id_number("19820202", "022")
SON = id_number("20100303", "031")


def draft(**values):
    base = {"name": "王大力", "id_number": WANG, "region": "330106",
            "relatives": (RelativeDraft("李梅", "配偶", id_number=WIFE, monthly_income=D(1200)),
                          RelativeDraft("王小明", "子女", id_number=SON, identity="学生"))}
    base.update(values)
    return FileDraft(**base)


def open_one(db, **values):
    return write(db, hs.open_file, draft(**values), dt.date(2026, 3, 1), "张主席")


def test_a_file_opens_with_its_application_and_the_applicant_read_from_the_id(db):
    file_id = open_one(db, id_number=f" {WANG} ")
    loaded, state, steps = hs.load_file(db.sessions, file_id)
    assert state == hp.APPLIED and [s.kind for s in steps] == [hp.APPLY]
    assert loaded.gender == "男" and loaded.birth_date == dt.date(1980, 1, 1)
    assert [r.name for r in loaded.relatives] == ["李梅", "王小明"]
    assert loaded.relatives[0].monthly_income == D(1200)


def test_one_open_file_per_household_whoever_applies(db):
    first = open_one(db)
    # The wife applies for the same household: her number is in the open file.
    with pytest.raises(ValidationError, match="一户只能有一份在档档案") as refused:
        open_one(db, name="李梅", id_number=WIFE, relatives=())
    assert mask_id_number(WIFE) in refused.value.message and WIFE not in refused.value.message
    # The son listed in a new file by someone else: refused too.
    with pytest.raises(ValidationError, match=f"编号 {first}"):
        open_one(db, name="赵某", id_number=id_number("19700101", "051"),
                 relatives=(RelativeDraft("王小明", "其他", id_number=SON),))
    # Once the first file is turned down, the household may apply again.
    write(db, hs.take_step, first, Step(hp.DECLINED, dt.date(2026, 3, 2),
                                        note="人均收入超过标准"))
    assert open_one(db, name="李梅", id_number=WIFE, relatives=()) > first


def test_a_household_listing_a_number_twice_is_refused(db):
    with pytest.raises(ValidationError, match="填了不止一次"):
        open_one(db, relatives=(RelativeDraft("李梅", "配偶", id_number=WANG),))


def test_steps_move_the_file_along_and_a_closed_file_is_read_only(db):
    file_id = open_one(db)
    for step in (Step(hp.VISIT, dt.date(2026, 3, 5)), Step(hp.BRANCH_REVIEW, dt.date(2026, 3, 8)),
                 Step(hp.UPPER_REVIEW, dt.date(2026, 3, 15)),
                 Step(hp.NOTICE, dt.date(2026, 3, 16), until=dt.date(2026, 3, 22)),
                 Step(hp.FILE, dt.date(2026, 3, 23), by="张主席")):
        state = write(db, hs.take_step, file_id, step)
    assert state == hp.FILED
    with pytest.raises(ValidationError, match="只能办理：年度复核、脱困、解困、退出"):
        write(db, hs.take_step, file_id, Step(hp.VISIT, dt.date(2026, 4, 1)))
    write(db, hs.take_step, file_id, Step(hp.OUT_OF_HARDSHIP, dt.date(2026, 10, 1),
                                            note="人均收入连续 6 个月高于低保"))
    with pytest.raises(UserError, match="已结档（已脱困），只能查看"):
        write(db, hs.update_file, file_id, draft(phone="13900000000"))
    assert hs.load_file(db.sessions, file_id)[1] == hp.CLOSED_OUT  # kept, readable


def test_the_income_test_needs_the_regions_standard(db):
    file_id = open_one(db)
    with pytest.raises(ValidationError, match="设置 → 低保标准"):
        write(db, hs.assess_year, file_id, 2026, [("工资", D(30000))], [])
    write(db, hs.set_dibao, "330106", 2026, D(1000))
    assert hs.dibao_for(db.sessions, "330106", 2026) == D(1000)


@pytest.mark.parametrize("income, category", [
    (D(36000) - D("0.01"), "深度困难"),  # 3 people: 999.99… a month
    (D(36000), "相对困难"),  # exactly 1 × 低保
    (D(72000) - D("0.01"), "相对困难"),
    (D(72000), None),  # exactly 2 × 低保
])
def test_the_income_test_at_its_lines(db, income, category):
    file_id = open_one(db)
    write(db, hs.set_dibao, "330106", 2026, D(1000))
    suggestion = write(db, hs.assess_year, file_id, 2026,
                                [("工资", income - D(6000)), ("配偶收入", D(6000))],
                                [("医疗", D(0))])
    assert suggestion.category == category
    with db.session() as session:
        kept = session.scalars(select(HardshipYear)).one()
        assert kept.suggested == (category or "") and kept.household_size == 3
        assert len(kept.items) == 3 and kept.arithmetic == suggestion.arithmetic


def test_choosing_another_category_needs_a_reason_which_is_kept(db):
    file_id = open_one(db)
    write(db, hs.set_dibao, "330106", 2026, D(1000))
    items = [("工资", D(48000))]
    with pytest.raises(ValidationError, match="请写明理由"):
        write(db, hs.assess_year, file_id, 2026, items, [], category="深度困难")
    write(db, hs.assess_year, file_id, 2026, items, [], category="深度困难",
                   override_reason="妻子患尿毒症，每月透析自付 3,000 元")
    with db.session() as session:
        kept = session.get(HardshipYear, (file_id, 2026))
        assert (kept.suggested, kept.category) == ("相对困难", "深度困难")
        assert kept.override_reason.startswith("妻子患尿毒症")
    assert hs.load_file(db.sessions, file_id)[0].category == "深度困难"


def test_kept_income_tests_read_back_latest_first(db):
    file_id = open_one(db)
    for year in (2025, 2026):
        write(db, hs.set_dibao, "330106", year, D(1000))
        write(db, hs.assess_year, file_id, year, [("工资", D(30000)), ("补贴", D("600.5"))],
                       [("医疗", D(3000))])
    years = hs.load_years(db.sessions, file_id)
    assert [y.year for y in years] == [2026, 2025]
    latest = years[0]
    assert latest.income == [("工资", D(30000)), ("补贴", D("600.5"))]
    assert latest.expenses == [("医疗", D(3000))] and latest.household_size == 3
    assert latest.per_capita == D("766.68") and latest.suggested == latest.category == "深度困难"


def test_standards_are_listed_per_region_latest_first(db):
    write(db, hs.set_dibao, "330106", 2025, D(1100))
    write(db, hs.set_dibao, "330106", 2026, D("1160.5"))
    write(db, hs.set_dibao, "330102", 2026, D(1200))
    assert hs.dibao_standards(db.sessions, "330106") == [(2026, D("1160.5")), (2025, D(1100))]
