"""Age bands for the members' figures: 35 and under (青年职工), then by ten years.

A band is a closed range of completed years of age on a given day, so a member is in
"36–45岁" from their 36th birthday on. Each band turns into the birth dates it covers
(``birth_range``), which lets the database count the bands with one GROUP BY.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gonghui_desk.domain.member import age_on, birth_dates_for_ages


@dataclass(frozen=True)
class AgeBand:
    label: str
    min_age: int | None  # None: no lower bound
    max_age: int | None  # None: no upper bound

    def birth_range(self, day: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """(earliest, latest) birth date of the people in the band on ``day``."""
        return birth_dates_for_ages(self.min_age, self.max_age, day)


AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("35岁及以下", None, 35),
    AgeBand("36–45岁", 36, 45),
    AgeBand("46–55岁", 46, 55),
    AgeBand("56岁及以上", 56, None),
)
NO_BIRTH_DATE = "未填出生日期"


def band_of(birth: dt.date | None, day: dt.date) -> str:
    """The band's label of someone born on ``birth``, on ``day``."""
    if birth is None:
        return NO_BIRTH_DATE
    age = age_on(birth, day)
    for band in AGE_BANDS:
        if (band.min_age is None or age >= band.min_age) and (
                band.max_age is None or age <= band.max_age):
            return band.label
    raise AssertionError(f"the bands leave out age {age}")  # they cover every age


def months_back(day: dt.date, count: int) -> tuple[dt.date, ...]:
    """The first days of the ``count`` months ending with ``day``'s, oldest first."""
    index = day.year * 12 + day.month - 1
    return tuple(dt.date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1))
