"""A realistic, deterministic demo branch: people, IDs and membership histories.

Same seed and same ``as_of`` day give the same branch. Every ID number is one that
python-stdnum itself accepts (real county code that existed in the birth year, sex digit
matching the gender, correct check character), so forms and imports meet real data.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from stdnum import numdb

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.domain.codes import (
    EDUCATION,
    ETHNICITY,
    MODEL_WORKER_LEVEL,
    POLITICAL_STATUS,
    TECH_LEVEL,
)
from gonghui_desk.domain.dates import add_years
from gonghui_desk.domain.idnumber import check_character
from gonghui_desk.domain.member import MemberData
from gonghui_desk.domain.profile import BranchProfile

# Surname frequencies (per mille, rounded) after the national surname surveys; the rare
# ones are here on purpose: their pinyin readings are the classic search traps.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72), ("李", 71), ("张", 69), ("刘", 54), ("陈", 45), ("杨", 32), ("黄", 23),
    ("赵", 22), ("吴", 20), ("周", 19), ("徐", 16), ("孙", 15), ("马", 15), ("朱", 13),
    ("胡", 13), ("郭", 12), ("何", 12), ("林", 11), ("高", 11), ("罗", 11), ("郑", 10),
    ("梁", 10), ("谢", 8), ("宋", 8), ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7), ("邓", 7),
    ("曹", 6), ("彭", 6), ("曾", 6), ("肖", 6), ("田", 5), ("董", 5), ("袁", 5), ("潘", 5),
    ("于", 5), ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 4), ("叶", 4), ("程", 4), ("苏", 4),
    ("魏", 4), ("吕", 4), ("丁", 4), ("任", 4), ("沈", 4), ("姚", 3), ("卢", 3), ("姜", 3),
    ("崔", 3), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3), ("范", 3), ("金", 3), ("石", 3),
    ("廖", 3), ("贾", 3), ("夏", 3), ("韦", 3), ("付", 3), ("方", 3), ("白", 2), ("邹", 2),
    ("孟", 2), ("熊", 2), ("秦", 2), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("段", 2),
    ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2),
    ("毛", 2), ("郝", 2), ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("覃", 1),
    ("武", 2), ("戴", 2), ("莫", 1), ("孔", 1), ("向", 1), ("汤", 1), ("单", 1), ("解", 1),
    ("仇", 1), ("区", 1), ("朴", 1), ("查", 1), ("盖", 1), ("欧阳", 1), ("司马", 1),
    ("诸葛", 1), ("上官", 1), ("尉迟", 1),
)

MALE_CHARS = "伟强军磊洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林成建国志峰亮"
FEMALE_CHARS = "芳娜敏静丽艳娟霞燕玲桂丹萍红英梅琳雪倩婷颖慧莉兰月凤洁琴云晶秀玉"
SHARED_CHARS = "文晓海春小金新子佳嘉欣雨思天立永一鸿德正瑞安心晨"

DEPARTMENTS: tuple[tuple[str, int], ...] = (
    ("生产一车间", 18), ("生产二车间", 16), ("装配车间", 14), ("质检部", 7),
    ("设备维修部", 6), ("仓储物流部", 8), ("销售部", 7), ("研发中心", 8),
    ("安全环保部", 3), ("财务部", 3), ("人力资源部", 3), ("行政办公室", 4),
    ("后勤服务中心", 3),
)

# Posts (岗位) by department; a post listed as a 新就业形态 group makes its holder one.
POSTS: dict[str, tuple[str, ...]] = {
    "生产一车间": ("数控车工", "铣工", "焊工", "操作工", "班组长"),
    "生产二车间": ("冲压工", "热处理工", "操作工", "班组长", "统计员"),
    "装配车间": ("装配工", "钳工", "操作工", "班组长"),
    "质检部": ("质检员", "计量员", "质量工程师"),
    "设备维修部": ("维修电工", "机修钳工", "设备工程师"),
    "仓储物流部": ("仓管员", "叉车司机", "货车司机", "快递员"),
    "销售部": ("销售代表", "客服专员", "销售经理"),
    "研发中心": ("机械工程师", "电气工程师", "工艺工程师", "技术员"),
    "安全环保部": ("安全员", "环保专员"),
    "财务部": ("会计", "出纳"),
    "人力资源部": ("人事专员", "培训专员"),
    "行政办公室": ("文员", "行政专员", "司机"),
    "后勤服务中心": ("保安员", "厨师", "保洁员", "护工护理员"),
}
NEW_FORM_POSTS = frozenset({"货车司机", "快递员", "保安员", "护工护理员"})
WORKER_POSTS = frozenset(
    p for posts in POSTS.values() for p in posts if p.endswith(("工", "长", "员", "司机"))
)

# County codes with one unbroken meaning; the home province (浙江) dominates, as in a real
# factory, with migrant workers from the usual sending provinces.
_REGION_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("330102", 8), ("330105", 6), ("330106", 8), ("330108", 4), ("330109", 6),
    ("330182", 4), ("330203", 4), ("330281", 3), ("330302", 3), ("330381", 3),
    ("330402", 2), ("330502", 2), ("330602", 3), ("330681", 2), ("330702", 3),
    ("330782", 4), ("331002", 2), ("331081", 2), ("341202", 3), ("341221", 3),
    ("342221", 2), ("360121", 2), ("360424", 2), ("362321", 2), ("410381", 2),
    ("411323", 2), ("412702", 2), ("421023", 2), ("422801", 2), ("430621", 2),
    ("431021", 2), ("510122", 2), ("511025", 2), ("513030", 1), ("522101", 1),
    ("532101", 1), ("320382", 2), ("370829", 1), ("130481", 1), ("350583", 2),
    ("440106", 1), ("110105", 1), ("310110", 1), ("500101", 1), ("610104", 1),
)

GIVEN_NAME_TWO_CHARS = 0.72


@dataclass(frozen=True)
class DemoEvent:
    kind: str
    effective_date: dt.date
    reason: str = ""
    counterpart_union: str = ""
    handled_by: str = ""


@dataclass(frozen=True)
class DemoMember(MemberData):
    """A member's record (every field of ``MemberData``) and their membership history."""

    events: tuple[DemoEvent, ...] = ()


@cache
def _region_years() -> tuple[tuple[str, int, int, int], ...]:
    """(code, weight, first year, last year) of each candidate, from stdnum's table."""
    database = numdb.get("cn/loc")
    result = []
    for code, weight in _REGION_CANDIDATES:
        props = {k: v for _, p in database.info(code) for k, v in p.items()}
        for entry in props.get("county", "").split(","):
            if not entry:
                continue
            first, last = 1900, 9999
            if entry.startswith("["):
                start, end = entry[1:].split("]")[0].split("-")
                first, last = int(start or 1900), int(end or 9999)
            result.append((code, weight, first, last))
    return tuple(result)


def demo_profile() -> BranchProfile:
    return BranchProfile(
        union_name="杭州红星机械制造有限公司工会委员会",
        unit_name="杭州红星机械制造有限公司",
        stats_code="33010600A0127",
        region_code="330106",
        organisation_type="单一基层工会",
        unit_nature="私营",
        industry="制造业",
        chair="曾晓梅",
        contact_person="单立新",
        contact_phone="057188862047",
        address="浙江省杭州市西湖区三墩镇振华路 268 号",
    )


OTHER_UNIONS = (
    "杭州精工汽车零部件有限公司工会委员会",
    "浙江华宇电气股份有限公司工会委员会",
    "杭州顺达物流有限公司工会委员会",
    "宁波海天纺织有限公司工会委员会",
    "绍兴江南建材有限公司工会",
)
HANDLERS = ("曾晓梅", "单立新", "欧阳倩")


def demo_year_figures(year: int, working: int, female: int, migrant: int, dispatched: int,
                      new_form: int) -> YearFigures:
    """Plausible yearly figures for a demo branch whose working members are counted here:
    about nine in ten of the staff have joined, as is usual for a branch that recruits well,
    and every kind of staff holds at least its members (a return must be possible)."""
    outside = working // 8  # staff who have not joined
    staff = working + outside
    delegates = min(staff, 30 + staff // 100)
    return YearFigures(
        year=year, staff=staff, staff_female=female + outside * 2 // 5,
        staff_migrant=migrant + outside // 3, staff_dispatched=dispatched + outside // 20,
        staff_new_form=new_form + outside // 50,
        union_full_time=1 if staff >= 200 else 0, union_part_time=3 + staff // 300,
        delegates=delegates, delegates_female=delegates // 3,
        women_committee=True, funds_committee=True, congress_system=True, open_affairs=True,
        safety_committee=staff >= 100, mediation_committee=staff >= 100,
    )


def _place(region: str) -> tuple[str, str]:
    """(province, county) names of a region code, from stdnum's table."""
    props = {k: v for _, p in numdb.get("cn/loc").info(region) for k, v in p.items()}
    county = props.get("county", "").split(",")[-1]
    return props.get("province", ""), county.split("]")[-1]


class DemoBranch:
    """Generates members one at a time; call ``members(n)``."""

    def __init__(self, seed: int, as_of: dt.date) -> None:
        self.rng = random.Random(seed)
        self.as_of = as_of
        self._ids: set[str] = set()
        self._phones: set[str] = set()
        self._regions_by_year: dict[int, tuple[list[str], list[int]]] = {}
        self._surnames = [s for s, _ in SURNAMES]
        self._surname_weights = [w for _, w in SURNAMES]
        self._departments = [d for d, _ in DEPARTMENTS]
        self._department_weights = [w for _, w in DEPARTMENTS]
        self._cards = 0

    def members(self, count: int) -> Iterator[DemoMember]:
        for _ in range(count):
            yield self._member()

    # -- pieces -------------------------------------------------------------------------

    def _name(self, gender: str) -> str:
        rng = self.rng
        surname = rng.choices(self._surnames, self._surname_weights)[0]
        pool = (MALE_CHARS if gender == "男" else FEMALE_CHARS) + SHARED_CHARS
        length = 2 if rng.random() < GIVEN_NAME_TWO_CHARS else 1
        return surname + "".join(rng.choice(pool) for _ in range(length))

    def _id_number(self, birth: dt.date, gender: str) -> str:
        rng = self.rng
        while True:
            codes, weights = self._regions_for(birth.year)
            region = rng.choices(codes, weights)[0]
            order = rng.randrange(0, 500) * 2 + (1 if gender == "男" else 0)
            body = f"{region}{birth:%Y%m%d}{order:03d}"
            number = body + check_character(body)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def _regions_for(self, year: int) -> tuple[list[str], list[int]]:
        """Codes that existed in the birth year, so that even stdnum's strict check passes."""
        if year not in self._regions_by_year:
            valid = [(c, w) for c, w, first, last in _region_years() if first <= year <= last]
            self._regions_by_year[year] = ([c for c, _ in valid], [w for _, w in valid])
        return self._regions_by_year[year]

    def _phone(self) -> str:
        rng = self.rng
        while True:
            prefix = rng.choice(("13", "15", "17", "18", "19"))
            phone = prefix + "".join(str(rng.randrange(10)) for _ in range(9))
            if phone not in self._phones:
                self._phones.add(phone)
                return phone

    def _date_between(self, start: dt.date, end: dt.date) -> dt.date:
        span = max((end - start).days, 0)
        return start + dt.timedelta(days=self.rng.randint(0, span))

    def _member(self) -> DemoMember:
        rng = self.rng
        today = self.as_of
        gender = "男" if rng.random() < 0.62 else "女"
        age = int(rng.triangular(19, 62, 36))
        # Any day of the year in which the person turned ``age``, so birthdays spread
        # over the calendar whatever the book's today is.
        latest = add_years(today, -age)
        birth = self._date_between(add_years(today, -age - 1) + dt.timedelta(days=1), latest)
        ethnicity = "汉族" if rng.random() < 0.93 else rng.choice(ETHNICITY.values[1:18])
        education = rng.choices(EDUCATION.values, (1, 4, 22, 28, 17, 16, 10, 2))[0]
        political = rng.choices(POLITICAL_STATUS.values, (14, 1, 9) + (0.2,) * 8 + (0.3, 70))[0]
        working_from = max(dt.date(birth.year + 18, 7, 1), today - dt.timedelta(days=365 * 30))
        join = self._date_between(working_from, today - dt.timedelta(days=7))
        events = [self._first_event(join)]
        retirement_age = 60 if gender == "男" else 55
        employment = "在岗"
        if age >= retirement_age:
            retire_day = dt.date(birth.year + retirement_age, birth.month, 1)
            retire_day = max(retire_day, join + dt.timedelta(days=30))
            if retire_day <= today:
                # Retiring ends the labour relation; the membership is kept (保留).
                events.append(DemoEvent(ms.RESERVE, retire_day, "劳动（工作）关系发生变化", "",
                                        rng.choice(HANDLERS)))
                employment = "退休"
        elif rng.random() < 0.09 and join + dt.timedelta(days=60) < today:
            events.append(self._leaving_event(join))
        id_number = self._id_number(birth, gender)
        department = rng.choices(self._departments, self._department_weights)[0]
        post = rng.choice(POSTS[department])
        province, county = _place(id_number[:6])
        from_elsewhere = not id_number.startswith("33")
        rural = rng.random() < (0.8 if from_elsewhere else 0.3)
        self._cards += 1
        return DemoMember(
            name=self._name(gender),
            gender=gender,
            birth_date=birth,
            ethnicity=ethnicity,
            id_number=id_number,
            phone=self._phone(),
            department=department,
            employment_status=employment,
            education=education,
            political_status=political,
            join_date=join,
            events=tuple(events),
            post=post,
            tech_level=self._tech_level(post),
            hukou_type="农业户口" if rural else "非农业户口",
            hukou_place=province + county,
            native_place=province,
            migrant_worker=rural and post in WORKER_POSTS,
            new_employment_form=post if post in NEW_FORM_POSTS else "",
            dispatched=post in WORKER_POSTS and rng.random() < 0.08,
            card_number=f"{join.year}{self._cards:07d}",
            model_worker_level=(
                rng.choices(MODEL_WORKER_LEVEL.values, (1, 4, 20, 30))[0]
                if rng.random() < 0.004 else ""
            ),
        )

    def _tech_level(self, post: str) -> str:
        if post not in WORKER_POSTS:
            return TECH_LEVEL.values[0]
        return self.rng.choices(TECH_LEVEL.values, (30, 1, 4, 12, 28, 25))[0]

    def _first_event(self, join: dt.date) -> DemoEvent:
        if self.rng.random() < 0.12:
            return DemoEvent(
                ms.TRANSFER_IN, join, "劳动（工作）关系发生变化",
                self.rng.choice(OTHER_UNIONS), self.rng.choice(HANDLERS),
            )
        return DemoEvent(ms.JOIN, join, "", "", self.rng.choice(HANDLERS))

    def _leaving_event(self, join: dt.date) -> DemoEvent:
        rng = self.rng
        day = self._date_between(join + dt.timedelta(days=60), self.as_of)
        if rng.random() < 0.75:
            return DemoEvent(
                ms.TRANSFER_OUT, day, "劳动（工作）关系发生变化",
                rng.choice(OTHER_UNIONS), rng.choice(HANDLERS),
            )
        return DemoEvent(ms.WITHDRAW, day, "个人要求退会", "", rng.choice(HANDLERS))
