"""Place names of administrative region codes (行政区划代码), from python-stdnum's table.

Officers type and see codes such as 330106 in the profile, the 低保 standards and the
hardship files; a code alone says nothing to the reader, so it is shown with its name:
``杭州市西湖区（330106）``. The table keeps the names a code has had over the years
(``[1997-1997]万县区,[1998-]万州区``); the newest one is the name today.
"""

from __future__ import annotations

from functools import lru_cache

from stdnum import numdb

# Placeholders the table uses for a municipality's or province's own level: not a place name.
NOT_A_PLACE = frozenset({"市辖区", "县", "省直辖县级行政单位", "自治区直辖县级行政单位"})


def _newest(names: str) -> str:
    """The newest of a table entry's names: the last one, without its years."""
    return names.split(",")[-1].split("]")[-1].strip()


@lru_cache(maxsize=4096)
def _level(code: str) -> tuple[str, str]:
    """(province, the code's own name) of a six-digit code, "" when not in the table."""
    props: dict[str, str] = {}
    for _, part in numdb.get("cn/loc").info(code):
        props.update(part)
    own = props.get("county", "")
    return _newest(props.get("province", "")), _newest(own) if own else ""


def region_parts(code: str) -> tuple[str, str, str]:
    """(province, city, county) of a 6-, 9- or 12-digit code; a part is "" when the code
    is not that fine or the table does not know it."""
    county_code = code.strip()[:6]
    if len(county_code) != 6 or not county_code.isdigit():
        return "", "", ""
    province, own = _level(county_code)
    if not province or not own:
        return province, "", ""
    if county_code.endswith("0000"):
        return province, "", ""
    city = ""
    if not county_code.endswith("00"):
        city = _level(county_code[:4] + "00")[1]
    else:
        city, own = own, ""
    city = "" if city in NOT_A_PLACE or city == province else city
    own = "" if own in NOT_A_PLACE else own
    return province, city, own


def region_name(code: str) -> str:
    """The full name of a region code: ``浙江省杭州市西湖区``; "" for a code not in the table."""
    province, city, county = region_parts(code)
    return province + city + county


def region_label(code: str) -> str:
    """A code as people read it: ``杭州市西湖区（330106）``, the province only when the code
    names nothing finer, the code alone when the table does not know it."""
    code = code.strip()
    province, city, county = region_parts(code)
    name = city + county or province
    return f"{name}（{code}）" if name else code
