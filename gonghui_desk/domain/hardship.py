"""Hardship files (困难职工帮扶档案): code lists and the income test (DOMAIN.md §2).

The income test: monthly per-capita income = (annual household income − rigid expenses)
÷ 12 ÷ people living together, compared with the 低保 standard of the file's region and
year. Below 1 × 低保 suggests 深度困难, below 2 × 低保 相对困难 (the multiples are parameters
with these defaults). The comparison is exact — it is made on yuan and fen, before the
per-capita figure is rounded for display — so a household exactly at the line is never
pushed across it by rounding. The chair may override the suggestion with a written reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gonghui_desk.domain.codes import CodeList
from gonghui_desk.domain.money import cents, yuan_text
from gonghui_desk.errors import FieldProblem

DEEP, RELATIVE, ACCIDENT = "深度困难", "相对困难", "意外致困"
CATEGORY = CodeList("困难类别", (DEEP, RELATIVE, ACCIDENT))
# Files from before 2021 keep their old category; they are importable and shown as they are.
LEGACY_CATEGORY = CodeList("困难类别（旧）", ("低保户", "低保边缘户", "意外致困户"))
FILING_STANDARD = CodeList("建档标准", ("收入标准", "意外致困标准"))
HEALTH = CodeList("健康状况", ("良好", "患病", "残疾"))
DISABILITY_TYPE = CodeList(
    "残疾类别",
    ("视力残疾", "听力残疾", "言语残疾", "肢体残疾", "智力残疾", "精神残疾", "多重残疾"),
)
DISABILITY_GRADE = CodeList("残疾等级", ("一级", "二级", "三级", "四级"))
WORK_STATUS = CodeList(
    "工作状态", ("在岗", "下（待）岗", "失（无）业", "退休", "病休", "内退", "农民工")
)
IDENTITY = CodeList(
    "身份",
    ("在岗", "下（待）岗", "失（无）业", "退休", "病休", "内退", "农民工", "学生", "学龄前",
     "其他"),
)
HOUSING = CodeList("住房类型", ("承租公房", "廉租房", "自购房", "自建房", "租房", "无房", "其他"))
MARITAL_STATUS = CodeList("婚姻状况", ("未婚", "已婚", "离异", "丧偶"))
MEDICAL_INSURANCE = CodeList(
    "医保状况", ("职工基本医疗保险", "城乡居民基本医疗保险", "无医保")
)
MODEL_WORKER_TYPE = CodeList("劳模类型", ("全国", "省部级", "地市级", "其他"))
CAUSE = CodeList(
    "致困原因",
    ("因病", "因残", "因灾", "因意外事故", "因子女就学", "因失业", "因单亲", "因工伤",
     "家庭收入低", "其他"),
)
RELATION = CodeList(
    "与本人关系",
    ("配偶", "子女", "父母", "配偶父母", "兄弟姐妹", "祖父母、外祖父母", "孙子女、外孙子女",
     "其他"),
)
AID_TYPE = CodeList(
    "帮扶类型",
    ("生活救助", "医疗救助", "助学（金秋助学）", "临时救助", "送温暖（节日慰问）", "其他"),
)
MEDICAL_AID, STUDY_AID, TEMPORARY_AID = "医疗救助", "助学（金秋助学）", "临时救助"
# 临时救助 is the one kind of aid a household whose file is still being examined may receive.
FUND_SOURCE = CodeList("资金来源", ("本级工会经费", "上级帮扶资金", "行政", "社会捐助"))

DEFAULT_DEEP_MULTIPLE = Decimal(1)
DEFAULT_RELATIVE_MULTIPLE = Decimal(2)


@dataclass(frozen=True)
class IncomeTest:
    """One year's figures for a household and the 低保 standard they are measured by.

    ``dibao`` is the monthly 低保 standard per person of the file's region and year.
    """

    annual_income: Decimal
    rigid_expenses: Decimal
    household_size: int
    dibao: Decimal
    deep_multiple: Decimal = DEFAULT_DEEP_MULTIPLE
    relative_multiple: Decimal = DEFAULT_RELATIVE_MULTIPLE

    def problems(self) -> list[FieldProblem]:
        found = []
        if self.household_size < 1:
            found.append(FieldProblem("家庭人口", "至少 1 人（含本人）。", "household_size"))
        for key, name, value in (("annual_income", "家庭年度总收入", self.annual_income),
                                 ("rigid_expenses", "刚性支出", self.rigid_expenses)):
            if value < 0:
                found.append(FieldProblem(name, "不能为负数。", key))
        if self.dibao <= 0:
            found.append(FieldProblem(
                "低保标准", "尚未设置该地区、该年度的低保标准：请在“设置 → 低保标准”中填写。",
                "dibao"))
        return found

    def net(self) -> Decimal:
        return self.annual_income - self.rigid_expenses

    def per_capita(self) -> Decimal:
        """Monthly per-capita income, rounded to the fen for display."""
        return cents(self.net() / 12 / self.household_size)

    def below(self, multiple: Decimal) -> bool:
        """Whether per-capita income is strictly below ``multiple`` × 低保, compared exactly."""
        return self.net() < self.dibao * multiple * 12 * self.household_size


@dataclass(frozen=True)
class Suggestion:
    """The category the figures suggest (``None``: above the income line) and why."""

    category: str | None
    per_capita: Decimal
    arithmetic: str


def _times(multiple: Decimal) -> str:
    """Nothing for 1 × (plain "低于低保标准"); "的 2 倍" for 2 ×."""
    return "" if multiple == 1 else f"的 {multiple.normalize():f} 倍"


def suggest_category(test: IncomeTest) -> Suggestion:
    """The income test with its arithmetic, as the chair and the higher body read it."""
    per_capita = test.per_capita()
    formula = (f"（家庭年度总收入 {yuan_text(test.annual_income)} − 刚性支出 "
               f"{yuan_text(test.rigid_expenses)}）÷ 12 个月 ÷ {test.household_size} 人 = "
               f"{yuan_text(per_capita, unit='元/人·月')}")
    deep_line = test.dibao * test.deep_multiple
    relative_line = test.dibao * test.relative_multiple
    if test.below(test.deep_multiple):
        category: str | None = DEEP
        verdict = (f"低于低保标准{_times(test.deep_multiple)}（{yuan_text(deep_line)}），"
                   f"建议：{DEEP}")
    elif test.below(test.relative_multiple):
        category = RELATIVE
        verdict = (f"不低于 {yuan_text(deep_line)}、低于低保标准{_times(test.relative_multiple)}"
                   f"（{yuan_text(relative_line)}），建议：{RELATIVE}")
    else:
        category = None
        verdict = (f"不低于低保标准{_times(test.relative_multiple)}（{yuan_text(relative_line)}），"
                   "不符合收入标准")
    return Suggestion(category, per_capita,
                      f"{formula}；低保标准 {yuan_text(test.dibao, unit='元/人·月')}，{verdict}。")


def check_override(suggested: str | None, chosen: str, reason: str) -> list[FieldProblem]:
    """A category other than the suggested one needs a written reason, which is kept."""
    if chosen and chosen != suggested and not reason.strip():
        return [FieldProblem("调整理由", f"所选类别“{chosen}”与测算建议不同，请写明理由。",
                             "override_reason")]
    return []
