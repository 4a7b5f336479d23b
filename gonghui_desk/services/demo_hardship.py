"""Demo hardship files: households in every state of the process, with incomes and aid.

Applicants are demo members; spouses and children get ID numbers of the applicant's
region. Everything goes through the same services as the window, so the demo files pass
the same checks (one open file per household, the steps in order, the income test). It is
an operation body: the caller's one transaction writes it all, or nothing.
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
from gonghui_desk.domain.hardship_file import FileDraft, RelativeDraft
from gonghui_desk.domain.hardship_process import Step
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.services import aid, hardship
from gonghui_desk.services.operations import Tx

DIBAO = Decimal(1160)  # 元/人·月, a typical city standard
# (the last step reached, days ago the file was applied for)
PLAN = (
    (hp.APPLY, 10), (hp.VISIT, 20), (hp.BRANCH_REVIEW, 30), (hp.UPPER_REVIEW, 40),
    (hp.NOTICE, 50), (hp.FILE, 340), (hp.FILE, 200), (hp.ANNUAL_REVIEW, 420),
    (hp.FILE, 120), (hp.OUT_OF_HARDSHIP, 500), (hp.RELIEVED, 460), (hp.WITHDRAWN, 400),
    (hp.DECLINED, 90),
)
CAUSES = ("因病", "因残", "因子女就学", "因单亲", "因意外事故", "因失业")
CLOSING_NOTES = {
    hp.OUT_OF_HARDSHIP: "家庭人均收入连续 6 个月高于低保标准",
    hp.RELIEVED: "重度残疾无法脱困，纳入社会保障兜底并持续帮扶",
    hp.WITHDRAWN: "调离本单位，档案转出",
    hp.DECLINED: "入户核查发现家庭有两套住房，不符合建档条件",
}


def _relative_number(region: str, birth: dt.date, female: bool, rng: random.Random) -> str:
    order = rng.randrange(0, 500) * 2 + (0 if female else 1)
    body = f"{region}{birth:%Y%m%d}{order:03d}"
    return body + check_character(body)


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


def fill_hardship_demo(tx: Tx, seed: int = 1) -> int:
    """Add demo hardship files for some of the demo members; return how many."""
    rng = random.Random(seed)
    today = tx.today
    members = tx.session.execute(
        select(Member.id, Member.name, Member.id_number, Member.phone, Member.work_unit,
               Member.gender).where(Member.status == "在册", Member.id_number.is_not(None))
        .order_by(Member.id)).all()
    chosen = members[7::37][:len(PLAN)]
    # Files applied for up to 500 days ago are tested in the year they were applied in.
    for year in range(today.year - 2, today.year + 1):
        hardship.set_dibao(tx, "330106", year, DIBAO)
    made = 0
    for applicant, (last, ago) in zip(chosen, PLAN, strict=False):
        tx.progress(made, len(chosen), "生成演示困难职工档案")
        member_id, name, number, phone, unit, gender = applicant
        applied = today - dt.timedelta(days=ago)
        spouse_birth = dt.date(rng.randrange(1968, 1990), rng.randrange(1, 13), 15)
        # Old enough for 金秋助学 (the demo's study aid goes to a first-year student).
        child_birth = dt.date(rng.randrange(2004, 2008), rng.randrange(1, 13), 10)
        son = rng.random() < 0.5
        region = (number or "")[:6]
        relatives = (
            RelativeDraft("配偶" + name[:1], "配偶", "女" if gender == "男" else "男",
                          id_number=_relative_number(region, spouse_birth, gender == "男", rng),
                          age=today.year - spouse_birth.year, health=rng.choice(("良好", "患病")),
                          monthly_income=Decimal(rng.choice((0, 0, 1500, 2200))),
                          identity=rng.choice(("失（无）业", "在岗", "病休"))),
            RelativeDraft(name[:1] + "小" + rng.choice("明军涛" if son else "丽芳娟"), "子女",
                          "男" if son else "女",
                          id_number=_relative_number(region, child_birth, not son, rng),
                          age=today.year - child_birth.year, identity="学生",
                          unit_or_school=rng.choice(("第二中学", "职业技术学院", "浙江工业大学"))),
        )
        draft = FileDraft(
            name=name, id_number=number or "", member_id=member_id, region="330106", phone=phone,
            work_unit=unit, health=rng.choice(("良好", "患病")), work_status="在岗",
            housing=rng.choice(("租房", "自购房", "廉租房")), marital_status="已婚",
            monthly_income=Decimal(rng.randrange(2600, 4200, 100)), filing_standard="收入标准",
            cause_primary=rng.choice(CAUSES), cause_text="家庭收入低，支出大。",
            medical_insurance="职工基本医疗保险", relatives=relatives,
        )
        steps = _steps(last, applied, today)
        file_id = hardship.open_file(tx, draft, steps[0].day, "工会主席")
        for step in steps[1:]:
            hardship.take_step(tx, file_id, step)
        income = draft.monthly_income * 12 + sum((r.monthly_income for r in relatives),
                                                 Decimal(0)) * 12
        expenses = Decimal(rng.randrange(6000, 30000, 500))
        hardship.assess_year(tx, file_id, steps[0].day.year,
                             [("本人工资", draft.monthly_income * 12),
                              ("家庭其他收入", income - draft.monthly_income * 12)],
                             [("医疗、教育等刚性支出", expenses)])
        filed = [s for s in steps if s.kind == hp.FILE]
        if filed and last in (hp.FILE, hp.ANNUAL_REVIEW) and made % 2 == 0:
            for kind, amount, offset in (("生活救助", 1500, 20), ("送温暖（节日慰问）", 500, 60)):
                day = min(filed[0].day + dt.timedelta(days=offset), today)
                aid.record_payment(tx, file_id, PaymentDraft(
                    kind, day, Decimal(amount), "本级工会经费", "工会主席", name))
            spouse, child = relatives
            extra = (PaymentDraft("医疗救助", day, Decimal(5000), "上级帮扶资金", "工会主席", name,
                                  patient=spouse.name, patient_relation="配偶", disease="慢性肾病",
                                  out_of_pocket=Decimal(28000), hospital_stays=2,
                                  branch_amount=Decimal(1000), treatment="住院 2 次，门诊透析")
                     if made % 4 == 0 else
                     PaymentDraft("助学（金秋助学）", day, Decimal(3000), "本级工会经费",
                                  "工会主席", name, student=child.name, school="浙江工业大学",
                                  major="机械工程", study_years=4, admission_batch="本科一批",
                                  fees=Decimal(6000)))
            aid.record_payment(tx, file_id, extra)
        made += 1
    tx.progress(made, len(chosen), "生成演示困难职工档案")
    return made
