"""Chinese resident ID numbers (公民身份号码, GB 11643).

python-stdnum supplies the region table; the check character and birth date are computed
here, because an import checks 100,000 numbers and stdnum's general helpers cost three
times as much. stdnum's own verdict is wrong for real data (DOMAIN.md §1): it rejects a
region code that did not exist in the holder's birth year, and raises ``KeyError`` for an
unknown county. The verdict here accepts a region code that appears in the table for any
year, plus the residence-permit prefixes of Hong Kong, Macao and Taiwan residents.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from stdnum import numdb

from gonghui_desk.errors import UserError

# Residence permits for Hong Kong, Macao and Taiwan residents (港澳台居民居住证).
RESIDENCE_PERMIT_REGIONS = {"810000": "香港", "820000": "澳门", "830000": "台湾"}


class InvalidIdNumber(UserError):
    """The text is not a valid resident ID number; the message says why."""


@dataclass(frozen=True)
class IdNumber:
    """A validated 18-character ID number and what it tells about its holder."""

    number: str
    birth_date: dt.date
    gender: str  # "男" or "女"
    region_code: str
    converted_from_15: bool = False


_PLAIN = re.compile(r"[0-9]{17}[0-9X]|[0-9]{15}")  # not \\d: it matches full-width digits
_DROPPED = re.compile(r"[\s\-–—]+")


def normalise(raw: str) -> str:
    """Full-width digits and letters to ASCII, drop spaces and dashes, upper-case x."""
    if _PLAIN.fullmatch(raw):  # the common case, checked in C
        return raw
    return _DROPPED.sub("", unicodedata.normalize("NFKC", raw)).upper()


# ISO 7064 MOD 11-2: weight 2^(17-i) mod 11 of each of the 17 digits
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK = "10X98765432"


_ZERO_OFFSET = ord("0") * sum(_WEIGHTS)


def check_character(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of the first 17 digits."""
    # the weighted sum of the ASCII codes, less that of '0' in every place: all in C
    total = sum(map(operator.mul, _WEIGHTS, first17.encode("ascii"))) - _ZERO_OFFSET
    return _CHECK[total % 11]


def convert_15_to_18(number15: str) -> str:
    """Legacy 15-digit numbers (YYMMDD, no check) gain "19" and a check character."""
    body = number15[:6] + "19" + number15[6:]
    return body + check_character(body)


@cache
def region_codes() -> frozenset[str]:
    """Every 6-digit code that names a county in stdnum's table, in any year."""
    codes: set[str] = set()
    for _, low, high, _, children in numdb.get("cn/loc").prefixes:
        for province in range(int(low), int(high) + 1):
            for length, c_low, c_high, props, _ in children:
                if "county" not in props:
                    continue
                codes.update(
                    f"{province:02d}{n:0{length}d}" for n in range(int(c_low), int(c_high) + 1)
                )
    return frozenset(codes)


def region_is_known(code: str) -> bool:
    return code in RESIDENCE_PERMIT_REGIONS or code in region_codes()


def parse_id_number(raw: str, *, today: dt.date) -> IdNumber:
    """Validate ``raw`` and return the normalised number; raise ``InvalidIdNumber``."""
    number = normalise(raw)
    converted = False
    if len(number) == 15:
        if not number.isdigit():
            raise InvalidIdNumber("15 位身份证号码只能由数字组成，请核对。")
        number = convert_15_to_18(number)
        converted = True
    if len(number) != 18:
        raise InvalidIdNumber(
            f"身份证号码应为 18 位（旧号码 15 位），现为 {len(number)} 位，请核对。"
        )
    if not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        raise InvalidIdNumber("身份证号码前 17 位应为数字，最后一位为数字或 X，请核对。")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as exc:
        raise InvalidIdNumber(
            f"身份证号码中的出生日期 {number[6:14]} 不是有效日期，请核对。"
        ) from exc
    if birth > today:
        raise InvalidIdNumber(f"身份证号码中的出生日期 {birth:%Y-%m-%d} 晚于今天，请核对。")
    if birth.year < 1900:
        raise InvalidIdNumber(f"身份证号码中的出生年份 {birth.year} 不合理，请核对。")
    region = number[:6]
    if not region_is_known(region):
        raise InvalidIdNumber(f"身份证号码前 6 位地区码 {region} 不存在，请核对。")
    expected = check_character(number[:17])
    if number[17] != expected:
        raise InvalidIdNumber("身份证号码校验位不符（可能有一位抄错），请逐位核对。")
    gender = "男" if int(number[16]) % 2 == 1 else "女"
    return IdNumber(number, birth, gender, region, converted)
