"""Demo hardship files: households in every state of the process, with incomes and aid.

Applicants are demo members old enough to have a child at university; each household has
one story, and its cause of hardship, its people and its aid follow from it: a sick spouse
or a sick worker gets medical aid, a child admitted to university study aid, a single
parent no spouse. Relatives have names of their own (the children their father's surname),
ID numbers of the applicant's region and ages that fit their school, and a child's school
is the same on the household list and on the study-aid form.

Everything goes through the same services as the window, so the demo files pass the same
checks (one open file per household, the steps in order, the income test). It is an
operation body: the caller's one transaction writes it all, or nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from sqlalchemy import select

from gonghui_desk.db.models import Member
from gonghui_desk.domain import hardship_process as hp
from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.dates import add_months
from gonghui_desk.domain.hardship_file import FileDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.member import age_on
from gonghui_desk.services import aid, hardship
from gonghui_desk.services.demo_households import STORY_CAUSES, Household, household_for
from gonghui_desk.services.operations import Tx

DIBAO = Decimal(1160)  # 元/人·月, a typical city standard
REGION = "330106"
# (the last step reached, days ago the file was applied for, the household's story); the
# four households on file get aid: medical for a sick spouse and for a sick worker, study
# aid for a child of a couple and of a single parent.
PLAN = (
    (hp.APPLY, 10, "失业"), (hp.VISIT, 20, "残疾"), (hp.BRANCH_REVIEW, 30, "子女就学"),
    (hp.UPPER_REVIEW, 40, "意外"), (hp.NOTICE, 50, "配偶患病"),
    (hp.FILE, 340, "配偶患病"), (hp.FILE, 200, "子女就学"), (hp.ANNUAL_REVIEW, 420, "单亲"),
    (hp.FILE, 120, "本人患病"), (hp.OUT_OF_HARDSHIP, 500, "失业"), (hp.RELIEVED, 460, "残疾"),
    (hp.WITHDRAWN, 400, "单亲"), (hp.DECLINED, 90, "子女就学"),
)
CLOSING_NOTES = {
    hp.OUT_OF_HARDSHIP: "家庭人均收入连续 6 个月高于低保标准",
    hp.RELIEVED: "重度残疾无法脱困，纳入社会保障兜底并持续帮扶",
    hp.WITHDRAWN: "调离本单位，档案转出",
    hp.DECLINED: "入户核查发现家庭有两套住房，不符合建档条件",
}
YOUNGEST, OLDEST = 40, 56  # applicants: parents of a child of 18 or more


def _steps(last: str, applied: dt.date, today: dt.date) -> list[Step]:
    order = (hp.APPLY, hp.VISIT, hp.BRANCH_REVIEW, hp.UPPER_REVIEW, hp.NOTICE, hp.FILE)
    days = (0, 4, 8, 15, 16, 24)
    steps: list[Step] = []
    for kind, offset in zip(order, days, strict=True):
        day = applied + dt.timedelta(days=offset)
        if day > today:
            break
        until = day + dt.timedelta(days=6) if kind == hp.NOTICE else None
        steps.append(Step(kind, day, "工会主席", "", until))
        if kind == last or (last == hp.DECLINED and kind == hp.VISIT):
            break
    if last in (hp.ANNUAL_REVIEW, *CLOSING_NOTES) and steps[-1].kind in (hp.FILE, hp.VISIT):
        day = min(add_months(steps[-1].day, 12) if last == hp.ANNUAL_REVIEW
                  else steps[-1].day + dt.timedelta(days=60), today)
        steps.append(Step(last, day, "工会主席", CLOSING_NOTES.get(last, "")))
    return steps


def _applicants(tx: Tx) -> list[Member]:
    """Members on the register of an age to head the demo's households, spread over the list."""
    today = tx.today
    rows = tx.session.scalars(
        select(Member).where(Member.status == "在册", Member.id_number.is_not(None),
                             Member.birth_date.is_not(None)).order_by(Member.id)).all()
    fit = [m for m in rows if m.birth_date and YOUNGEST <= age_on(m.birth_date, today) <= OLDEST]
    step = max(len(fit) // len(PLAN), 1)
    return fit[step // 2::step][:len(PLAN)]


def _study_day(filed: dt.date, admitted: dt.date, today: dt.date) -> dt.date:
    """金秋助学 is paid in late August, after the 录取; for a household filed later, a month
    after filing (never after today)."""
    august = dt.date(admitted.year, 8, 25)
    if filed <= august <= today:
        return august
    return min(max(filed, admitted) + dt.timedelta(days=30), today)


def _aid(tx: Tx, file_id: int, home: Household, applicant: Member, filed: dt.date) -> None:
    today = tx.today
    for kind, amount, offset in (("生活救助", 1500, 20), ("送温暖（节日慰问）", 500, 60)):
        day = min(filed + dt.timedelta(days=offset), today)
        aid.record_payment(tx, file_id, PaymentDraft(
            kind, day, Decimal(amount), "本级工会经费", "工会主席", applicant.name))
    day = min(filed + dt.timedelta(days=45), today)
    if home.patient is not None:
        # The relation is left to the file (a household member's is on record).
        aid.record_payment(tx, file_id, PaymentDraft(
            "医疗救助", day, Decimal(5000), "上级帮扶资金", "工会主席", applicant.name,
            patient=home.patient, disease=home.illness, out_of_pocket=home.out_of_pocket,
            hospital_stays=2, branch_amount=Decimal(1000), treatment=home.treatment(day)))
    if home.student is not None:
        paid = _study_day(filed, home.student.admitted, today)
        aid.record_payment(tx, file_id, home.student.payment(paid, applicant.name))


def fill_hardship_demo(tx: Tx, seed: int = 1) -> int:
    """Add demo hardship files for some of the demo members; return how many."""
    rng = random.Random(seed)
    today = tx.today
    chosen = _applicants(tx)
    # Files applied for up to 500 days ago are tested in the year they were applied in.
    for year in range(today.year - 2, today.year + 1):
        hardship.set_dibao(tx, REGION, year, DIBAO)
    made = 0
    for applicant, (last, ago, story) in zip(chosen, PLAN, strict=False):
        tx.progress(made, len(chosen), "生成演示困难职工档案")
        home = household_for(story, applicant, today, rng)
        draft = FileDraft(
            name=applicant.name, id_number=applicant.id_number or "", member_id=applicant.id,
            region=REGION, phone=applicant.phone, ethnicity=applicant.ethnicity,
            political_status=applicant.political_status, hukou_type=applicant.hukou_type,
            work_unit=applicant.work_unit, work_status="在岗", health=home.health,
            disease=home.disease, marital_status=home.marital_status,
            single_parent=home.story == "单亲", cause_primary=STORY_CAUSES[home.story],
            cause_secondary="因子女就学" if home.story == "单亲" else "",
            cause_text=home.cause_text, live_address=home.address,
            housing=rng.choice(("租房", "廉租房", "承租公房")),
            housing_area=float(rng.randrange(38, 70)),
            monthly_income=Decimal(rng.randrange(2600, 4200, 100)), filing_standard="收入标准",
            medical_insurance="职工基本医疗保险",
            service_card_no=f"6217{rng.randrange(10**12):012d}",
            contract_start=home.contract_start, contract_end=home.contract_end,
            fixed_term=home.contract_end is not None, relatives=home.relatives)
        steps = _steps(last, today - dt.timedelta(days=ago), today)
        file_id = hardship.open_file(tx, draft, steps[0].day, "工会主席")
        for step in steps[1:]:
            hardship.take_step(tx, file_id, step)
        others = sum((r.monthly_income for r in home.relatives), Decimal(0)) * 12
        hardship.assess_year(tx, file_id, steps[0].day.year,
                             [("工资性收入", draft.monthly_income * 12),
                              ("家庭其他收入", others)],
                             [(item, amount) for item, amount in home.expenses])
        filed = [s for s in steps if s.kind == hp.FILE]
        if filed and last in (hp.FILE, hp.ANNUAL_REVIEW):
            _aid(tx, file_id, home, applicant, filed[0].day)
        made += 1
    tx.progress(made, len(chosen), "生成演示困难职工档案")
    return made

