"""The branch's own profile (基层工会信息), used in every form header."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from gonghui_desk.domain.codes import INDUSTRY, ORGANISATION_TYPE, UNIT_NATURE
from gonghui_desk.domain.contact import normalise_phone
from gonghui_desk.errors import FieldProblem


@dataclass(frozen=True)
class BranchProfile:
    union_name: str = ""        # 工会名称
    unit_name: str = ""         # 单位名称
    stats_code: str = ""        # 统计编码
    region_code: str = ""       # 行政区划代码
    organisation_type: str = ""  # 组织类型
    unit_nature: str = ""       # 单位性质
    industry: str = ""          # 所属行业
    chair: str = ""             # 工会主席
    contact_person: str = ""    # 联系人
    contact_phone: str = ""     # 联系电话
    address: str = ""           # 地址


LABELS = {
    "union_name": "工会名称",
    "unit_name": "单位名称",
    "stats_code": "统计编码",
    "region_code": "行政区划代码",
    "organisation_type": "组织类型",
    "unit_nature": "单位性质",
    "industry": "所属行业",
    "chair": "工会主席",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "address": "地址",
}

def officers(profile: BranchProfile) -> list[str]:
    """The branch's officers named in its profile (主席, 联系人), for "who is working"."""
    names = (profile.chair.strip(), profile.contact_person.strip())
    return [name for i, name in enumerate(names) if name and name not in names[:i]]


MAX_LENGTH = {"address": 200, "union_name": 100, "unit_name": 100}
DEFAULT_MAX_LENGTH = 50


def clean_profile(profile: BranchProfile) -> tuple[BranchProfile, list[FieldProblem]]:
    """Trim and normalise every field; return the cleaned profile and what is wrong."""
    values = {f.name: str(getattr(profile, f.name) or "").strip() for f in fields(profile)}
    problems: list[FieldProblem] = []

    def bad(name: str, message: str) -> None:
        problems.append(FieldProblem(LABELS[name], message))

    if not values["union_name"]:
        bad("union_name", "必须填写，例如“某某有限公司工会委员会”。")
    for name, value in values.items():
        limit = MAX_LENGTH.get(name, DEFAULT_MAX_LENGTH)
        if len(value) > limit:
            bad(name, f"最多 {limit} 个字，现有 {len(value)} 个。")
    code = values["region_code"]
    if code and not re.fullmatch(r"\d{6}(\d{3}(\d{3})?)?", code):
        bad("region_code", "应为 6 位（区县）、9 位（乡镇街道）或 12 位数字。")
    stats = values["stats_code"]
    if stats and not re.fullmatch(r"[0-9A-Za-z]+", stats):
        bad("stats_code", "只能包含数字和字母，请按上级工会下发的编码填写。")
    for name, code_list in (
        ("organisation_type", ORGANISATION_TYPE),
        ("unit_nature", UNIT_NATURE),
        ("industry", INDUSTRY),
    ):
        if values[name] and values[name] not in code_list:
            bad(name, f"“{values[name]}”不在{code_list.name}列表中，请从下拉列表选择。")
    phone = values["contact_phone"]
    if phone:
        normalised = normalise_phone(phone)
        if normalised is None:
            bad("contact_phone", "应为 11 位手机号或带区号的固定电话，例如 0571-88888888。")
        else:
            values["contact_phone"] = normalised
    return BranchProfile(**values), problems
