"""annual-stats: 基层工会基本情况统计表 — the branch's figures as of a cut-off date.

Member figures come from the records as they stood at the end of the cut-off day; the
year's changes run from 1 January to that day, from the year's first member count to its
last, with the sum printed so the reviewer can follow it. What the records cannot know (the
employer's staff, union cadres, delegates, which committees exist) comes from the year's
figures entered in 设置 (domain.annual); without them the form is refused, not guessed.

入会率 is working members over staff (DOMAIN.md §5): members who keep their membership
after retiring (保留会籍) are not staff, so they have a line of their own and stay out of
the rate and out of the kinds (女, 农民工, …) that are compared with the staff's. The
pre-flight (services.reconcile) lists any figure the form would contradict.
"""

from __future__ import annotations

import datetime as dt

from gonghui_desk.db.session import SessionFactory
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.annual import YearFigures, default_cut_off, membership_rate, year_start
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.domain.reconcile import Discrepancy, YearChanges
from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms.common import date_text, exporter, filled_by
from gonghui_desk.exchange.forms.model import Cell, CellValue, Document, Grid, GridRow, label
from gonghui_desk.exchange.forms.spec import AS_OF, FormParams, FormSpec
from gonghui_desk.services.annual import load_year
from gonghui_desk.services.profile import load_profile
from gonghui_desk.services.reconcile import annual_discrepancies, year_changes
from gonghui_desk.services.statistics import MemberCounts, event_counts, member_counts_on

TITLE = "基层工会基本情况统计表"
WIDTHS = (24, 14, 24, 14)


def _pair(a: str, x: CellValue, b: str, y: CellValue) -> GridRow:
    return GridRow((label(a), Cell(x), label(b), Cell(y)))


def _heading(text: str) -> GridRow:
    return GridRow((Cell(text, span=4, align="left"),))


def _has(flag: bool) -> str:
    return "有" if flag else "无"


def _dash(value: int | None) -> CellValue:
    return "—" if value is None else value


RATE_NOTE = ("说明：入会率 = 在职会员人数 ÷ 职工人数。保留会籍的会员（退休、失业等）不是职工，"
             "单列一行，不计入入会率，也不计入女会员、农民工会员等分项；会员合计含保留会籍的会员。"
             "会员人数按截至日期当天的会籍计算。职工人数、工会干部、职代会代表和组织情况取自"
             "“设置 → 年度基本情况”。")


def grid(profile: BranchProfile, counts: MemberCounts, changes: dict[str, int],
         figures: YearFigures, year: YearChanges) -> Grid:
    f = figures
    rate = membership_rate(counts.working, f.staff)
    if f.staff:
        rate += f"（在职会员 {counts.working:,} ÷ 职工 {f.staff:,}）"
    return Grid(WIDTHS, (
        GridRow((label("工会名称"), Cell(profile.union_name, span=3))),
        _pair("统计编码", profile.stats_code, "行政区划代码", profile.region_code),
        _pair("组织类型", profile.organisation_type, "单位性质", profile.unit_nature),
        _pair("单位名称", profile.unit_name, "所属行业", profile.industry),
        _heading("一、职工和会员（人）"),
        _pair("职工人数", _dash(f.staff), "会员人数（在职）", counts.working),
        _pair("其中：女职工", _dash(f.staff_female), "其中：女会员", counts.female),
        _pair("其中：农民工", _dash(f.staff_migrant), "其中：农民工会员", counts.migrant),
        _pair("其中：劳务派遣工", _dash(f.staff_dispatched), "其中：劳务派遣会员",
              counts.dispatched),
        _pair("其中：新就业形态劳动者", _dash(f.staff_new_form), "其中：新就业形态会员",
              counts.new_form),
        _pair("保留会籍的会员（不计入入会率）", counts.reserved, "会员合计", counts.members),
        GridRow((label("入会率"), Cell(rate, span=3))),
        _heading(f"二、本年会员变动（{year.start:%Y-%m-%d} 至 {year.end:%Y-%m-%d}，人）"),
        _pair("年初会员人数", year.members_before, "截至日会员人数", year.members_after),
        _pair("本年新入会", changes[ms.JOIN], "转入", changes[ms.TRANSFER_IN]),
        _pair("转出", changes[ms.TRANSFER_OUT], "退会", changes[ms.WITHDRAW]),
        _pair("除名", changes[ms.EXPEL], "转为保留会籍", changes[ms.RESERVE]),
        GridRow((label("核对"), Cell(f"{year.arithmetic()}（保留会籍仍是会员，不增不减）",
                                     span=3, align="left"))),
        _heading("三、工会组织和民主管理"),
        _pair("专职工会干部（人）", _dash(f.union_full_time), "兼职工会干部（人）",
              _dash(f.union_part_time)),
        _pair("职代会代表（人）", _dash(f.delegates), "其中：女代表（人）",
              _dash(f.delegates_female)),
        _pair("女职工委员会", _has(f.women_committee), "经费审查委员会",
              _has(f.funds_committee)),
        _pair("职代会制度", "已建立" if f.congress_system else "未建立", "厂务公开",
              "已实行" if f.open_affairs else "未实行"),
        _pair("劳动保护监督检查委员会", _has(f.safety_committee), "劳动争议调解委员会",
              _has(f.mediation_committee)),
    ), font_size=10.5, row_height=21)  # one A4 page with its notes and sign-off


def _figures(sessions: SessionFactory, day: dt.date) -> YearFigures:
    figures = load_year(sessions, day.year)
    if figures is None or figures.staff is None:
        raise UserError(
            f"还没有填写 {day.year} 年的职工人数：统计表的入会率要用到它。"
            f"请在“设置 → 年度基本情况”中填写 {day.year} 年的数字后再导出。"
        )
    return figures


def preflight(sessions: SessionFactory, params: FormParams) -> list[Discrepancy]:
    day = params.the_as_of(default_cut_off(params.today))
    return annual_discrepancies(sessions, day, _figures(sessions, day))


def build(sessions: SessionFactory, params: FormParams) -> Document:
    day = params.the_as_of(default_cut_off(params.today))
    figures = _figures(sessions, day)
    profile = load_profile(sessions)
    start = year_start(day)
    changes = event_counts(sessions, start, day)
    return Document(
        form_id=SPEC.id,
        title=TITLE,
        subtitle=f"（截至 {date_text(day)}）",
        header=(filled_by(profile), ("填报日期", date_text(params.today))),
        body=grid(profile, member_counts_on(sessions, day), changes, figures,
                  year_changes(sessions, start, day)),
        notes=(RATE_NOTE,),
        signatures=("单位负责人（签字）", "填表人"),
        stamp=True,
        sheet_name="基本情况",
        exported_by=exporter(sessions),
    )


SPEC = FormSpec(
    id="annual-stats",
    title=TITLE,
    description="截至统计截止日的职工和会员人数、入会率、本年会员变动和工会组织情况。",
    params=(AS_OF,),
    build=build,
    private_values=False,
    default_as_of=default_cut_off,
    preflight=preflight,
)
