"""A member's record (会员信息) and the rules its fields obey.

The fields are those of the provincial 会员信息采集表 plus what a branch keeps for itself
(DOMAIN.md §1). ``FIELD_LABELS`` and ``CODE_LISTS`` are the one place that names them:
the member dialog, the roster export and the import all read these.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from dataclasses import dataclass, fields

from gonghui_desk.domain.code_match import match_code
from gonghui_desk.domain.codes import (
    EDUCATION,
    EMPLOYMENT_STATUS,
    ETHNICITY,
    GENDER,
    HUKOU_TYPE,
    ID_TYPE,
    MODEL_WORKER_LEVEL,
    NEW_EMPLOYMENT_FORM,
    POLITICAL_STATUS,
    RESIDENT_ID,
    TECH_LEVEL,
    CodeList,
)
from gonghui_desk.domain.contact import normalise_mobile
from gonghui_desk.domain.idnumber import InvalidIdNumber, parse_id_number
from gonghui_desk.errors import FieldProblem

# Youngest age at which a person may work (劳动法 §15), hence join a union.
MIN_WORKING_AGE = 16


@dataclass(frozen=True, slots=True)
class MemberData:
    """Every field of a member's record, as typed (a draft) or after ``clean_member``.

    Slotted: an import holds one per row, and 100,000 instance dictionaries cost 100 MB.
    """

    name: str = ""
    gender: str = ""
    birth_date: dt.date | None = None
    ethnicity: str = ""
    id_type: str = RESIDENT_ID
    id_number: str = ""
    phone: str = ""
    department: str = ""
    post: str = ""
    employment_status: str = ""
    education: str = ""
    tech_level: str = ""
    political_status: str = ""
    hukou_type: str = ""
    hukou_place: str = ""
    work_unit: str = ""
    native_place: str = ""
    migrant_worker: bool = False
    new_employment_form: str = ""
    dispatched: bool = False
    card_number: str = ""
    model_worker_level: str = ""
    join_date: dt.date | None = None
    note: str = ""


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(MemberData))
_all_fields = operator.attrgetter(*FIELD_NAMES)

FIELD_LABELS: dict[str, str] = {
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "id_type": "有效证件类别",
    "id_number": "证件号码",
    "phone": "移动电话",
    "department": "部门/车间",
    "post": "岗位",
    "employment_status": "就业状况",
    "education": "学历",
    "tech_level": "技术等级",
    "political_status": "政治面貌",
    "hukou_type": "户籍类型",
    "hukou_place": "户籍所在地",
    "work_unit": "工作单位",
    "native_place": "籍贯",
    "migrant_worker": "是否农民工会员",
    "new_employment_form": "新就业形态类别",
    "dispatched": "是否劳务派遣",
    "card_number": "会员证号",
    "model_worker_level": "劳模等级",
    "join_date": "入会日期",
    "note": "备注",
}

CODE_LISTS: dict[str, CodeList] = {
    "gender": GENDER,
    "ethnicity": ETHNICITY,
    "id_type": ID_TYPE,
    "employment_status": EMPLOYMENT_STATUS,
    "education": EDUCATION,
    "tech_level": TECH_LEVEL,
    "political_status": POLITICAL_STATUS,
    "hukou_type": HUKOU_TYPE,
    "new_employment_form": NEW_EMPLOYMENT_FORM,
    "model_worker_level": MODEL_WORKER_LEVEL,
}

MAX_LENGTH: dict[str, int] = {
    "name": 30, "department": 50, "post": 50, "hukou_place": 100, "work_unit": 100,
    "native_place": 50, "card_number": 30, "note": 500,
}
TEXT_FIELDS = tuple(MAX_LENGTH)

_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_CARD_NUMBER = re.compile(r"[0-9A-Za-z\-]+")
_OTHER_DOCUMENT = re.compile(r"[0-9A-Z]{5,30}")


@dataclass(frozen=True)
class MemberCheck:
    """The cleaned record, what must be corrected, and what the user should know."""

    data: MemberData
    problems: tuple[FieldProblem, ...]
    notices: tuple[str, ...]


def age_on(birth: dt.date, day: dt.date) -> int:
    """Completed years of age on ``day``."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year - years, day=28)


def birth_dates_for_ages(
    min_age: int | None, max_age: int | None, today: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """(earliest, latest) birth date of people aged ``min_age``..``max_age`` on ``today``."""
    latest = _years_before(today, min_age) if min_age is not None else None
    earliest = None
    if max_age is not None:
        earliest = _years_before(today, max_age + 1) + dt.timedelta(days=1)
    return earliest, latest


def _clean_text(value: str) -> str:
    if not value:
        return ""
    if not unicodedata.is_normalized("NFKC", value):
        value = unicodedata.normalize("NFKC", value)
    parts = value.split()
    if len(parts) == 1 and len(parts[0]) == len(value):
        return value  # the same object: an import keeps one copy of each text, not two
    return " ".join(parts)


class _Checker:
    def __init__(self, draft: MemberData, today: dt.date) -> None:
        self.today = today
        self.values: dict[str, object] = dict(zip(FIELD_NAMES, _all_fields(draft), strict=True))
        self.problems: list[FieldProblem] = []
        self.notices: list[str] = []

    def bad(self, key: str, message: str) -> None:
        self.problems.append(FieldProblem(FIELD_LABELS[key], message, key))

    def text(self, key: str) -> str:
        return str(self.values[key] or "")

    def run(self) -> MemberCheck:
        values = self.values
        for key, limit in MAX_LENGTH.items():
            text = values[key] = _clean_text(str(values[key] or ""))
            if len(text) > limit:
                self.bad(key, f"最多 {limit} 个字，现有 {len(text)} 个。")
        if not values["name"]:
            self.bad("name", "必须填写。")
        self._document()
        self._gender_and_birth()
        for key, code_list in CODE_LISTS.items():
            value = str(values[key] or "")
            if not value or value in code_list:
                values[key] = value
                continue
            # NFKC would turn the lists' full-width brackets half-width: match leniently
            matched = match_code(code_list, value)
            if matched is None:
                values[key] = " ".join(value.split())
                self.bad(key, f"“{value.strip()}”不在{code_list.name}列表中，请从下拉列表中选择。")
            else:  # 待(下)岗 is 待（下）岗: the list's own wording is stored
                values[key] = matched
        self._phone()
        self._card_number()
        self._join_date()
        data = MemberData(**values)  # type: ignore[arg-type]
        return MemberCheck(data, tuple(self.problems), tuple(self.notices))

    def _document(self) -> None:
        id_type = self.text("id_type") or RESIDENT_ID
        self.values["id_type"] = id_type
        raw = self.text("id_number")
        if not raw:
            self.bad("id_number", "必须填写（会员实名制）。")
            return
        if id_type != RESIDENT_ID:
            number = "".join(unicodedata.normalize("NFKC", raw).split()).upper()
            self.values["id_number"] = number
            if not _OTHER_DOCUMENT.fullmatch(number):
                self.bad("id_number", f"{id_type}号码应为 5–30 位字母或数字，请核对。")
            return
        try:
            parsed = parse_id_number(raw, today=self.today)
        except InvalidIdNumber as exc:
            self.bad("id_number", exc.message)
            return
        self.values["id_number"] = parsed.number
        if parsed.converted_from_15:
            self.notices.append(
                f"15 位身份证号码已按国家标准转换为 18 位：{parsed.number}。"
            )
        typed_birth = self.values["birth_date"]
        if typed_birth is None:
            self.values["birth_date"] = parsed.birth_date
        elif typed_birth != parsed.birth_date:
            self.bad(
                "birth_date",
                f"与身份证号码不符（号码中为 {parsed.birth_date:%Y-%m-%d}），"
                "请核对出生日期或证件号码。",
            )
        typed_gender = self.text("gender")
        if not typed_gender:
            self.values["gender"] = parsed.gender
        elif typed_gender != parsed.gender:
            self.bad(
                "gender",
                f"与身份证号码不符（号码第 17 位表示“{parsed.gender}”），请核对性别或证件号码。",
            )

    def _gender_and_birth(self) -> None:
        id_wrong = any(p.key == "id_number" for p in self.problems)
        if not self.text("gender") and not (id_wrong and self.text("id_type") == RESIDENT_ID):
            # with a wrong ID number the sex is not missing: it will come from the number
            self.bad("gender", "必须选择（填写有效身份证号码时自动取得）。")
        birth = self.values["birth_date"]
        if isinstance(birth, dt.date):
            if birth > self.today:
                self.bad("birth_date", "晚于今天，请核对。")
            elif birth.year < 1900:
                self.bad("birth_date", "年份不合理，请核对。")
        elif self.text("id_type") != RESIDENT_ID:
            self.bad("birth_date", "必须填写（非居民身份证无法从号码中取得）。")

    def _phone(self) -> None:
        raw = self.text("phone")
        if not raw:
            self.notices.append("未填写移动电话：上报会员实名信息时为必填项。")
            return
        mobile = raw if _MOBILE.fullmatch(raw) else normalise_mobile(raw)
        if mobile is None:
            self.bad("phone", "应为 11 位手机号码，例如 138 1234 5678。")
        else:
            self.values["phone"] = mobile

    def _card_number(self) -> None:
        card = self.text("card_number").upper()
        self.values["card_number"] = card
        if card and not _CARD_NUMBER.fullmatch(card):
            self.bad("card_number", "只能包含字母、数字和连字符。")

    def _join_date(self) -> None:
        joined = self.values["join_date"]
        if not isinstance(joined, dt.date):
            self.bad("join_date", "必须填写。")
            return
        if joined > self.today:
            self.bad("join_date", "晚于今天，请核对。")
        birth = self.values["birth_date"]
        if isinstance(birth, dt.date) and joined >= birth and (
            age_on(birth, joined) < MIN_WORKING_AGE
        ):
            self.bad(
                "join_date",
                f"入会时未满 {MIN_WORKING_AGE} 周岁（出生于 {birth:%Y-%m-%d}），请核对。",
            )
        elif isinstance(birth, dt.date) and joined < birth:
            self.bad("join_date", "早于出生日期，请核对。")


def clean_member(draft: MemberData, today: dt.date) -> MemberCheck:
    """Normalise every field, derive birth date and sex from a resident ID, list problems."""
    return _Checker(draft, today).run()

