"""Demo collective contracts: one in every status, some with a deadline missed.

The last comprehensive contract has run out and its renewal was signed 12 days ago but is
not yet filed (two days late); a wage contract's review period has ended unconfirmed; a
women's-rights contract runs out within 80 days; a safety contract's 要约 has gone
unanswered past the 20 days; others wait for the 职代会, for signing, are under review,
have an objection to answer, ran out without a renewal, or were terminated. All of them
go through the same service as the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from gonghui_desk.db.models import YearFiguresRow
from gonghui_desk.domain import contract as dc
from gonghui_desk.domain.contract import ContractDraft, ContractTerms, Vote
from gonghui_desk.domain.contract_team import CHIEF, DELEGATE, EMPLOYER, EXPERT, WORKERS, Negotiator
from gonghui_desk.domain.dates import add_years
from gonghui_desk.services.contracts import save_contract
from gonghui_desk.services.operations import Tx
from gonghui_desk.services.profile import profile_in

DAY = dt.timedelta(days=1)
OVERTIME = "延长工作时间按 150%、休息日按 200%、法定节假日按 300% 支付"


def _vote(delegates: int, present: float, in_favour: float) -> Vote:
    """The 职代会's vote with the shares given, among the year's ``delegates``."""
    came = round(delegates * present)
    yes = min(came, round(delegates * in_favour))
    against = (came - yes) // 2
    return Vote(eligible=delegates, present=came, in_favour=yes, against=against,
                abstaining=came - yes - against)


def _figures(tx: Tx, year: int) -> tuple[int, int, int]:
    """职工人数, 女职工 and 职代会代表 of ``year`` from their one source, the year's figures;
    for a year the demo has none of, this year's (a branch does not shrink tenfold), and a
    made-up branch of 337 in a book with no figures at all."""
    row = tx.session.get(YearFiguresRow, year) or tx.session.get(YearFiguresRow, tx.today.year)
    staff = row.staff if row is not None and row.staff else 337
    women = row.staff_female if row is not None and row.staff_female else staff * 2 // 5
    delegates = row.delegates if row is not None and row.delegates else 30 + staff // 100
    return staff, women, delegates


def _teams(chair: str) -> tuple[Negotiator, ...]:
    return (
        Negotiator(WORKERS, chair, CHIEF, "工会主席", union_chair=True),
        Negotiator(WORKERS, "周建国", DELEGATE, "一车间主任"),
        Negotiator(WORKERS, "孙丽", DELEGATE, "女职工委员会主任"),
        Negotiator(WORKERS, "黄律师", EXPERT, "劳动法律师"),
        Negotiator(EMPLOYER, "钱志远", CHIEF, "总经理"),
        Negotiator(EMPLOYER, "吴敏", DELEGATE, "人力资源部经理"),
        Negotiator(EMPLOYER, "郑海", DELEGATE, "财务部经理"),
        Negotiator(EMPLOYER, "冯涛", DELEGATE, "生产副总"),
    )


def _years(start: dt.date, years: int) -> dt.date:
    """The last day of a term of ``years`` years from ``start``."""
    return add_years(start, years) - DAY


def fill_contract_demo(tx: Tx) -> int:
    """Add the demo contracts, dated around ``tx.today``; return how many."""
    today = tx.today
    profile = profile_in(tx.session)
    chair = profile.chair.split("（")[0] or "曾晓梅"
    staff, women, delegates = _figures(tx, today.year)
    base = ContractDraft(
        title="", enterprise_name=profile.unit_name or "杭州红星机械制造有限公司",
        legal_representative="钱志远", enterprise_type="私营", workers_total=staff,
        address=profile.address, contact_person=chair, contact_phone=profile.contact_phone,
        union_name=profile.union_name, union_chair=chair, meeting_session="第三届第二次",
        terms=ContractTerms(covered_workers=staff, covered_women=women,
                            main_topics="劳动报酬、工作时间、休息休假、劳动安全卫生、保险福利、"
                                        "女职工特殊保护、职业技能培训"))
    team = _teams(chair)

    def signed(title: str, kind: str, offer: dt.date, signed_on: dt.date, start: dt.date,
               years: int, **more: object) -> ContractDraft:
        workers, covered_women, entitled = _figures(tx, signed_on.year)
        values: dict[str, object] = dict(
            title=title, contract_type=kind, offer_date=offer, offer_side=WORKERS,
            reply_date=offer + 12 * DAY, draft_date=signed_on - 20 * DAY,
            meeting_date=signed_on, vote=_vote(entitled, 0.8, 0.75), signed_date=signed_on,
            term_start=start, term_end=_years(start, years), workers_total=workers,
            terms=replace(base.terms, covered_workers=workers, covered_women=covered_women))
        values.update(more)
        return ContractDraft(**{**base.__dict__, **values})

    made: list[int] = []

    def save(draft: ContractDraft, negotiators: tuple[Negotiator, ...] = team) -> int:
        made.append(save_contract(tx, draft, negotiators))
        return made[-1]

    old_start = today - 3 * 365 * DAY - 60 * DAY
    last = save(signed("综合集体合同（上一期）", dc.COMPREHENSIVE, old_start - 70 * DAY,
                       old_start - 15 * DAY, old_start, 3, filed_date=old_start - 10 * DAY,
                       filed_with="区人力资源和社会保障局", acceptance_no="西人社集备〔2023〕017号",
                       confirmed_date=old_start + 10 * DAY, published_date=old_start + 12 * DAY,
                       published_how="厂务公开栏、企业微信群"))
    save(replace_kind(signed("综合集体合同", dc.COMPREHENSIVE, today - 50 * DAY, today - 12 * DAY,
                             today - 11 * DAY, 3), previous_id=last))
    save(signed("2026 年度工资专项集体合同", dc.WAGE, today - 70 * DAY, today - 30 * DAY,
                today - 29 * DAY, 1, filed_date=today - 25 * DAY,
                filed_with="区人力资源和社会保障局",
                acceptance_no="西人社工资备〔2026〕042号",
                terms=ContractTerms(wage_increase_pct=Decimal("5.5"), minimum_wage=Decimal(2490),
                                    last_year_average_wage=Decimal(86400),
                                    overtime_rules=OVERTIME,
                                    covered_workers=staff, covered_women=women,
                                    main_topics="年度工资增长幅度、最低工资、加班工资、津贴补贴")))
    women_start = _years(today + 80 * DAY, -3) + DAY
    save(signed("女职工权益保护专项集体合同", "女职工权益保护专项集体合同", women_start - 60 * DAY,
                women_start - 10 * DAY, women_start, 3, filed_date=women_start - 5 * DAY,
                acceptance_no="西人社集备〔2023〕088号", confirmed_date=women_start + 12 * DAY,
                published_date=women_start + 12 * DAY))
    save(ContractDraft(**{**base.__dict__, "title": "劳动安全卫生专项集体合同",
                          "contract_type": "劳动安全卫生专项集体合同",
                          "offer_date": today - 25 * DAY, "offer_side": WORKERS}), team[:5])
    save(ContractDraft(**{**base.__dict__, "title": "机械制造行业集体合同（本企业参加）",
                          "contract_type": "行业性集体合同", "offer_date": today - 60 * DAY,
                          "offer_side": WORKERS, "reply_date": today - 45 * DAY,
                          "draft_date": today - 5 * DAY}))
    save(ContractDraft(**{**base.__dict__, "title": "职工带薪休假专项集体合同",
                          "contract_type": "其他专项集体合同", "offer_date": today - 50 * DAY,
                          "offer_side": EMPLOYER, "reply_date": today - 40 * DAY,
                          "draft_date": today - 12 * DAY, "meeting_date": today - 3 * DAY,
                          "vote": _vote(delegates, 0.7, 0.52),
                          "term_start": today + 28 * DAY, "term_end": _years(today + 28 * DAY, 2)}))
    save(signed("职业技能培训专项集体合同", "其他专项集体合同", today - 60 * DAY, today - 9 * DAY,
                today - 8 * DAY, 2, filed_date=today - 5 * DAY,
                acceptance_no="西人社集备〔2026〕131号"))
    ended = today - 20 * DAY
    began = _years(ended, -1)
    save(signed("高温津贴专项集体合同", "其他专项集体合同", began - 40 * DAY, began,
                began + DAY, 1, filed_date=began + 3 * DAY, confirmed_date=began + 20 * DAY))
    save(signed("综合集体合同（原分公司）", dc.COMPREHENSIVE, today - 800 * DAY, today - 760 * DAY,
                today - 759 * DAY, 3, filed_date=today - 755 * DAY,
                confirmed_date=today - 735 * DAY,
                terminated_date=today - 100 * DAY, terminated_reason="分公司注销，职工并入总公司"))
    save(signed("劳务派遣用工专项集体合同", "其他专项集体合同", today - 90 * DAY, today - 40 * DAY,
                today - 39 * DAY, 2, filed_date=today - 36 * DAY, objection_date=today - 26 * DAY,
                objection_text="第八条“试用期不计入派遣期限”与劳动合同法第十九条不一致，须删除后重新报送"))
    return len(made)


def replace_kind(draft: ContractDraft, **changes: object) -> ContractDraft:
    return ContractDraft(**{**draft.__dict__, "kind": dc.RENEWAL, **changes})
