"""The demo's hardship households: who lives together, why they are in hardship, what aid
they get — one story each, so that a chair reading the demo files finds them believable.

A sick spouse is the patient of the medical aid and the 因病 on the file; a child admitted
to university has that school on the household list and on the study-aid form, is 18 when
admitted and has a 高考分数 of that school's range; a single parent has no spouse and is
marked 单亲. Names are surname and given name, the children's their father's surname.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from gonghui_desk.domain.aid import PaymentDraft
from gonghui_desk.domain.dates import add_months
from gonghui_desk.domain.demo import FEMALE_CHARS, MALE_CHARS, SHARED_CHARS, SURNAMES
from gonghui_desk.domain.hardship_file import RelativeDraft
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.member import age_on


class Applicant(Protocol):
    """What a household is made around: the demo member heading it."""

    name: str
    gender: str
    birth_date: dt.date | None
    id_number: str | None
    ethnicity: str


@dataclass(frozen=True)
class School:
    name: str
    level: str  # 本科 or 大专
    major: str
    years: int
    batch: str
    scores: tuple[int, int]  # the 高考分数 of its admitted students (浙江, out of 750)
    fees: int


UNIVERSITIES = (
    School("浙江工业大学", "本科", "机械工程", 4, "普通类一段", (600, 640), 6000),
    School("杭州电子科技大学", "本科", "电子信息工程", 4, "普通类一段", (610, 650), 6000),
    School("浙江理工大学", "本科", "服装设计与工程", 4, "普通类一段", (590, 625), 5500),
    School("浙江机电职业技术学院", "大专", "数控技术", 3, "普通类二段", (430, 500), 6000),
    School("浙江经济职业技术学院", "大专", "会计", 3, "普通类二段", (420, 490), 6000),
)
# Schools by the age of their pupils (a child is 6 in its first year at primary school).
SCHOOLS = ((12, ("西湖区文新小学", "西湖区古荡小学")), (15, ("西湖区三墩中学", "杭州市第十三中学")),
           (17, ("杭州市西湖高级中学", "杭州市第二中学")))
# (illness, treatment after the hospital stays, the sex it strikes here: "" for either)
ILLNESSES = (("尿毒症", "每周门诊血液透析 3 次", ""), ("乳腺癌", "术后化疗 6 个疗程", "女"),
             ("肺癌", "术后化疗 4 个疗程", "男"), ("脑梗死", "出院后康复治疗", ""),
             ("慢性肾病", "门诊透析、长期服药", ""))
SPOUSE_UNITS = ("城西农贸市场", "西湖区环卫所", "文新社区服务中心", "华联超市古墩路店")
STREETS = ("文一西路", "古墩路", "益乐路", "学院路", "莫干山路", "三墩镇振华路")
STORY_CAUSES = {"配偶患病": "因病", "本人患病": "因病", "失业": "因失业", "残疾": "因残",
                "意外": "因意外事故", "子女就学": "因子女就学", "单亲": "因单亲"}
STUDY = ("子女就学", "单亲")  # stories whose child was admitted to university


def surname_of(name: str) -> str:
    """The surname a name starts with (欧阳 rather than 欧)."""
    return max((s for s, _ in SURNAMES if name.startswith(s)), key=len, default=name[:1])


def random_surname(rng: random.Random) -> str:
    return rng.choices([s for s, _ in SURNAMES], [w for _, w in SURNAMES])[0]


def person_name(rng: random.Random, surname: str, gender: str, taken: set[str]) -> str:
    """Surname and a given name of one or two characters, none twice in a household."""
    pool = (MALE_CHARS if gender == "男" else FEMALE_CHARS) + SHARED_CHARS
    while True:
        name = surname + "".join(rng.choice(pool) for _ in range(2 if rng.random() < 0.8 else 1))
        if name not in taken:
            taken.add(name)
            return name


def id_number(region: str, birth: dt.date, gender: str, rng: random.Random) -> str:
    order = rng.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
    body = f"{region}{birth:%Y%m%d}{order:03d}"
    return body + check_character(body)


@dataclass(frozen=True)
class Student:
    """The child admitted to university, with what the study-aid form asks of them."""

    name: str
    school: School
    admitted: dt.date  # the 录取 (late July)
    score: int
    political_status: str
    ethnicity: str
    phone: str
    loan: Decimal

    def payment(self, day: dt.date, signed_by: str) -> PaymentDraft:
        """The 金秋助学 paid on ``day``; 本届 within the year after the 录取."""
        graduating = dt.date(self.admitted.year + self.school.years, 6, 30)
        return PaymentDraft(
            "助学（金秋助学）", day, Decimal(3000), "本级工会经费", "工会主席", signed_by,
            student=self.name, school=self.school.name, major=self.school.major,
            study_years=self.school.years, admission_batch=self.school.batch,
            fees=Decimal(self.school.fees), student_loan=self.loan,
            student_ethnicity=self.ethnicity, student_political_status=self.political_status,
            student_phone=self.phone, exam_score=self.score, study_level=self.school.level,
            current_cohort=day < add_months(self.admitted, 12), admitted_on=self.admitted,
            graduating_on=graduating)


@dataclass(frozen=True)
class Household:
    """One story: the people, the cause and its words, and what the aid is for."""

    story: str
    relatives: tuple[RelativeDraft, ...]
    cause_text: str
    marital_status: str
    health: str = "良好"  # the applicant's
    disease: str = ""  # the applicant's
    patient: str | None = None  # of the medical aid
    illness: str = ""
    follow_up: str = ""
    student: Student | None = None
    expenses: tuple[tuple[str, Decimal], ...] = ()
    address: str = ""
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None  # None: 无固定期限

    out_of_pocket = Decimal(28000)

    def treatment(self, day: dt.date) -> str:
        first, second = day - dt.timedelta(days=130), day - dt.timedelta(days=40)
        return (f"{first.year} 年 {first.month} 月、{second.year} 年 {second.month} 月两次住院，"
                f"{self.follow_up}。")


def _admitted(today: dt.date) -> dt.date:
    """The latest 录取 day (20 July) on or before ``today``."""
    day = dt.date(today.year, 7, 20)
    return day if day <= today else dt.date(today.year - 1, 7, 20)


def _phone(rng: random.Random) -> str:
    return rng.choice(("13", "15", "17", "18", "19")) + f"{rng.randrange(10**9):09d}"


class _Builder:
    """Makes one household's people; the random choices in a fixed order (one seed, one demo)."""

    def __init__(self, applicant: Applicant, today: dt.date, rng: random.Random) -> None:
        assert applicant.birth_date is not None  # the demo chooses applicants by age
        self.applicant, self.today, self.rng = applicant, today, rng
        self.age = age_on(applicant.birth_date, today)
        self.region = (applicant.id_number or "330106")[:6]
        self.taken = {applicant.name}

    def born(self, age: int, on: dt.date | None = None) -> dt.date:
        """A birthday giving ``age`` today (or ``on`` that day)."""
        return (on or self.today) - dt.timedelta(days=365 * age + self.rng.randrange(30, 330))

    def spouse(self, identity: str, health: str, income: int, unit: str = "") -> RelativeDraft:
        gender = "女" if self.applicant.gender == "男" else "男"
        gap = self.rng.randrange(0, 5)
        age = self.age - gap if gender == "女" else self.age + gap
        birth = self.born(age)
        return RelativeDraft(
            person_name(self.rng, random_surname(self.rng), gender, self.taken), "配偶", gender,
            political_status="群众", education=self.rng.choice(("初中", "高中")),
            id_number=id_number(self.region, birth, gender, self.rng),
            age=age_on(birth, self.today),
            medical_insurance="职工基本医疗保险" if unit else "城乡居民基本医疗保险",
            health=health, monthly_income=Decimal(income), identity=identity, unit_or_school=unit)

    def child(self, father: str, birth: dt.date, school: str, political: str = ""
              ) -> RelativeDraft:
        gender = self.rng.choice(("男", "女"))
        age = age_on(birth, self.today)
        return RelativeDraft(
            person_name(self.rng, father, gender, self.taken), "子女", gender,
            political_status=political or ("共青团员" if age >= 14 else "群众"),
            education="高中" if age >= 18 else "在读", age=age,
            id_number=id_number(self.region, birth, gender, self.rng),
            medical_insurance="城乡居民基本医疗保险", health="良好", identity="学生",
            unit_or_school=school)

    def pupil(self, father: str) -> RelativeDraft:
        age = self.rng.randrange(7, min(17, self.age - 24) + 1)
        names = next(names for top, names in SCHOOLS if age <= top)
        return self.child(father, self.born(age), self.rng.choice(names))

    def student(self, father: str) -> tuple[RelativeDraft, Student]:
        school = self.rng.choice(UNIVERSITIES)
        admitted = _admitted(self.today)
        political = "共青团员" if self.rng.random() < 0.8 else "群众"
        relative = self.child(father, self.born(18, on=admitted), school.name, political)
        loan = Decimal(8000) if school.level == "大专" and self.rng.random() < 0.5 else Decimal(0)
        return relative, Student(relative.name, school, admitted,
                                 self.rng.randrange(*school.scores), political,
                                 self.applicant.ethnicity or "汉族", _phone(self.rng), loan)


def household_for(story: str, applicant: Applicant, today: dt.date,
                  rng: random.Random) -> Household:
    """The household of ``applicant`` for one of the stories of ``STORY_CAUSES``."""
    b = _Builder(applicant, today, rng)
    male = applicant.gender == "男"
    partner = "妻子" if male else "丈夫"
    patient_sex = applicant.gender if story == "本人患病" else "女" if male else "男"
    illness, follow_up, _ = rng.choice([i for i in ILLNESSES if i[2] in ("", patient_sex)])
    work = rng.choice(SPOUSE_UNITS)
    sick = story in ("配偶患病", "本人患病")
    spouse = None if story == "单亲" else {
        "配偶患病": lambda: b.spouse("病休", "患病", 800, work),
        "失业": lambda: b.spouse("失（无）业", "良好", 0),
        "残疾": lambda: b.spouse("其他", "残疾", 0),
        "意外": lambda: b.spouse("病休", "患病", 0, work),
    }.get(story, lambda: b.spouse("在岗", "良好", rng.randrange(1800, 2600, 100), work))()
    if spouse is None:  # the child of a single mother has the father's surname
        father = surname_of(applicant.name) if male else random_surname(rng)
    else:
        father = surname_of(applicant.name if male else spouse.name)
    student = b.student(father) if story in STUDY else None
    children = [student[0] if student else b.pupil(father)]
    if story == "子女就学" and b.age >= 44:
        children.append(b.pupil(father))  # a younger brother or sister still at school
    widowed = story == "单亲" and rng.random() < 0.3
    child = "儿子" if children[0].gender == "男" else "女儿"
    school = student[1].school.name if student else ""
    text = {
        "配偶患病": f"{partner}患{illness}，{follow_up}，医疗费用支出大，家庭入不敷出。",
        "本人患病": f"本人患{illness}，{follow_up}，收入减少而医疗费用支出大。",
        "失业": f"{partner}原单位停产后失业，家庭仅靠本人工资维持。",
        "残疾": f"{partner}肢体残疾（二级），无劳动能力，需人照料。",
        "意外": f"{partner}遭遇交通事故受重伤，至今不能工作，康复费用支出大。",
        "子女就学": f"{child}考入{school}，学费和生活费支出大，{partner}收入低。",
        "单亲": f"{'配偶病故' if widowed else '离异'}后独自抚养{child}，{child}考入{school}，"
                "学费和生活费无力负担。",
    }[story]
    expenses = [("子女教育费用", Decimal(student[1].school.fees + 9000) if student
                 else Decimal(rng.randrange(2000, 6000, 500)))]
    if sick:
        expenses.insert(0, ("自付医疗费用", Household.out_of_pocket))
    # Long-serving workers (45 and over here) signed an open-ended contract years ago; the
    # others are in a three-year term.
    if b.age >= 45:
        start, contract_end = add_months(today, -rng.randrange(36, 120)), None
    else:
        start = add_months(today, -rng.randrange(6, 30))
        contract_end = add_months(start, 36) - dt.timedelta(days=1)
    patient = None
    if sick:
        patient = applicant.name if story == "本人患病" else spouse.name if spouse else None
    return Household(
        story=story, relatives=((spouse,) if spouse else ()) + tuple(children),
        cause_text=text,
        marital_status="已婚" if spouse else "丧偶" if widowed else "离异",
        health="患病" if story == "本人患病" else "良好",
        disease=illness if story == "本人患病" else "",
        patient=patient, illness=illness if sick else "", follow_up=follow_up,
        student=student[1] if student else None, expenses=tuple(expenses),
        contract_start=start, contract_end=contract_end,
        address=(f"杭州市西湖区{rng.choice(STREETS)}{rng.randrange(1, 300)}号"
                 f"{rng.randrange(1, 20)}幢{rng.randrange(1, 4)}单元{rng.randrange(1, 18)}0"
                 f"{rng.randrange(1, 4)}室"))
