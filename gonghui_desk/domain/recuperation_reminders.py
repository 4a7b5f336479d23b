"""What the 首页 reminds the chair of about 疗休养, and from which day.

- places of the year still unused when the year has 90 days or fewer left (unused places
  are usually lost at the year's end);
- a trip starting within 14 days that still has people who have not confirmed they go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

YEAR_END_DAYS = 90
CONFIRM_DAYS = 14


@dataclass(frozen=True)
class TripSummary:
    trip_id: int
    destination: str
    start: dt.date
    unconfirmed: int


@dataclass(frozen=True)
class Reminder:
    text: str
    due: dt.date
    trip_id: int | None = None


def _in(days: int) -> str:
    return "今天" if days == 0 else f"还有 {days} 天"


def reminders_for(today: dt.date, year: int, places: int | None, places_taken: int,
                  trips: list[TripSummary], *, year_end_days: int = YEAR_END_DAYS,
                  confirm_days: int = CONFIRM_DAYS) -> list[Reminder]:
    found: list[Reminder] = []
    year_end = dt.date(year, 12, 31)
    left = (year_end - today).days
    if places is not None and places > places_taken and 0 <= left <= year_end_days:
        found.append(Reminder(
            f"疗休养：{year} 年名额还剩 {places - places_taken} 个未安排，"
            f"离年底{_in(left)}。", year_end))
    for trip in trips:
        days = (trip.start - today).days
        if trip.unconfirmed and 0 <= days <= confirm_days:
            found.append(Reminder(
                f"疗休养：“{trip.destination}”{trip.start:%m-%d} 出发（{_in(days)}），"
                f"{trip.unconfirmed} 人尚未确认参加。", trip.start, trip.trip_id))
    return sorted(found, key=lambda r: r.due)
