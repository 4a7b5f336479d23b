"""Members list: ordered id lists, pages of masked rows and counts, fast at 100,000.

The list pattern (STYLE.md): a filter becomes SQL that returns ids in order; the table
asks for rows a page at a time; rows are frozen DTOs with sensitive values already masked.
Records in the 回收站 (``deleted_at`` set) are never part of the list or its counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, Subquery, bindparam, case, func, or_, select

from gonghui_desk.db.engine import first_column
from gonghui_desk.db.models import Member, MembershipEvent
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.masking import mask_id_number, mask_phone, tail_match
from gonghui_desk.domain.member import birth_dates_for_ages
from gonghui_desk.services import member_search

ANY = "*"  # a filter value meaning "any non-empty value" (e.g. any 劳模等级)


@dataclass(frozen=True)
class MemberFilter:
    """What the members page asks for; ``None`` means "don't filter on this"."""

    text: str = ""
    statuses: frozenset[str] = frozenset()  # empty: any status
    member_on: dt.date | None = None  # only people who were members on this day
    department: str | None = None
    gender: str | None = None
    min_age: int | None = None
    max_age: int | None = None
    ages_on: dt.date | None = None  # the day ages are counted on (today); needed with ages
    migrant_worker: bool | None = None
    new_employment_form: str | None = None  # a category, or ANY
    model_worker_level: str | None = None  # a level, or ANY
    sort_key: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class MemberRow:
    """One line of the members list; ID number and phone are masked."""

    id: int
    name: str
    gender: str
    birth_date: dt.date | None
    ethnicity: str
    department: str
    post: str
    id_number_masked: str
    phone_masked: str
    card_number: str
    employment_status: str
    education: str
    political_status: str
    migrant_worker: bool
    new_employment_form: str
    dispatched: bool
    model_worker_level: str
    join_date: dt.date | None
    status: str
    # When the search digits end this member's ID number or mobile: which ("id_number",
    # "phone") and the digits, shown unmasked in that column; "" otherwise.
    matched: str = ""
    matched_tail: str = ""


# Names sort by pinyin (张 between 赵 and 周, as a Chinese reader expects), then by id.
SORT_COLUMNS: dict[str, tuple[ColumnElement[object], ...]] = {
    "name": (Member.pinyin_full,),  # type: ignore[dict-item]
    "gender": (Member.gender, Member.pinyin_full),  # type: ignore[dict-item]
    "birth_date": (Member.birth_date,),  # type: ignore[dict-item]
    "department": (Member.department, Member.pinyin_full),  # type: ignore[dict-item]
    "card_number": (Member.card_number,),  # type: ignore[dict-item]
    "join_date": (Member.join_date,),  # type: ignore[dict-item]
    "status": (Member.status, Member.pinyin_full),  # type: ignore[dict-item]
}

def searched_digits(raw: str) -> str:
    """The digits a search box holds (an ID number's ``X`` upper-cased), or ``""``."""
    return member_search.searched_digits(raw)


def tail_first(raw: str) -> ColumnElement[int] | None:
    """For a digit search, 0 for the members whose ID number or mobile ends with the
    digits (the usual "last four" the chair reads off a form), 1 for the rest: ordered by
    it first, the people the chair meant come before those matching inside a number."""
    digits = searched_digits(raw)
    if not digits:
        return None
    tail = f"%{member_search.escape_like(digits)}"
    return case((or_(Member.id_number.like(tail, escape="\\"),
                     Member.phone.like(tail, escape="\\")), 0), else_=1)


def search_condition(raw: str) -> ColumnElement[bool] | None:
    """The WHERE term for the search box, chosen by what was typed: what it matches,
    whichever index finds it (services.member_search)."""
    return member_search.scan_condition(raw)


def latest_events(*conditions: ColumnElement[bool]) -> Subquery:
    """Each member's latest event among those matching ``conditions`` (``position`` = 1).

    Latest means the last effective date; on the same day, the one entered last, as
    ``domain.membership.status_after`` replays them. Columns: member_id, kind,
    effective_date, reason, position.
    """
    return (
        select(
            MembershipEvent.member_id,
            MembershipEvent.kind,
            MembershipEvent.effective_date,
            MembershipEvent.reason,
            func.row_number()
            .over(
                partition_by=MembershipEvent.member_id,
                order_by=(MembershipEvent.effective_date.desc(), MembershipEvent.id.desc()),
            )
            .label("position"),
        )
        .where(*conditions)
        .subquery()
    )


def members_on_query(day: dt.date) -> Select[tuple[int]]:
    """Ids of people who were members (在册 or 保留) at the end of ``day``: the last event
    on or before the day decides."""
    ranked = latest_events(MembershipEvent.effective_date <= day)
    return select(ranked.c.member_id).where(
        ranked.c.position == 1, ranked.c.kind.in_(sorted(ms.MEMBER_KINDS))
    )


def _choice(query: Select[tuple[int]], column: object, value: str | None) -> Select[tuple[int]]:
    if value is None:
        return query
    if value == ANY:
        return query.where(column != "")  # type: ignore[arg-type]
    return query.where(column == value)  # type: ignore[arg-type]


def _filtered(query: Select[tuple[int]], flt: MemberFilter,
              text_found: bool = False) -> Select[tuple[int]]:
    """``query`` narrowed by ``flt``; ``text_found``: the search text's members are already
    exactly those an index found, so its condition is not checked again."""
    query = query.where(Member.deleted_at.is_(None))
    if flt.statuses:
        query = query.where(Member.status.in_(sorted(flt.statuses)))
    if flt.member_on is not None:
        query = query.where(Member.id.in_(members_on_query(flt.member_on)))
    query = _choice(query, Member.department, flt.department)
    query = _choice(query, Member.gender, flt.gender)
    query = _choice(query, Member.new_employment_form, flt.new_employment_form)
    query = _choice(query, Member.model_worker_level, flt.model_worker_level)
    if flt.migrant_worker is not None:
        query = query.where(Member.migrant_worker.is_(flt.migrant_worker))
    if flt.min_age is not None or flt.max_age is not None:
        if flt.ages_on is None:
            raise ValueError("an age filter needs ages_on, the day ages are counted on")
        earliest, latest = birth_dates_for_ages(flt.min_age, flt.max_age, flt.ages_on)
        if earliest is not None:
            query = query.where(Member.birth_date >= earliest)
        if latest is not None:
            query = query.where(Member.birth_date <= latest)
    condition = None if text_found else search_condition(flt.text)
    if condition is not None:
        query = query.where(condition)
    return query


def ids_query(flt: MemberFilter, dialect: str = "sqlite", *,
              indexed: bool = True) -> Select[tuple[int]]:
    """The SQL of ``search_ids`` for a database ``dialect``; ``indexed=False`` gives the
    plain scan the index is measured against (bench/members.py runs both through sqlite3)."""
    columns = SORT_COLUMNS.get(flt.sort_key, SORT_COLUMNS["name"])
    order = [c.desc() if flt.descending else c.asc() for c in columns]
    first = tail_first(flt.text)  # the tail matches first, whatever the column order
    tails = [] if first is None else [first]
    found = member_search.indexed_ids(flt.text, dialect) if indexed else None
    exact = found is not None and member_search.index_is_exact(flt.text, dialect)
    query = _filtered(select(Member.id), flt, text_found=exact)
    if found is not None:  # start from the few the index found
        query = query.select_from(member_search.found_first(found))
    return query.order_by(*tails, *order, Member.id)


def search_ids(sessions: SessionFactory, flt: MemberFilter) -> list[int]:
    """Ids of matching members, sorted in SQL (ties broken by id, so order is stable)."""
    with session_scope(sessions) as session:
        return first_column(session, ids_query(flt, session.get_bind().dialect.name))


ROW_COLUMNS = (
    Member.id, Member.name, Member.gender, Member.birth_date, Member.ethnicity,
    Member.department, Member.post, Member.id_number, Member.phone, Member.card_number,
    Member.employment_status, Member.education, Member.political_status,
    Member.migrant_worker, Member.new_employment_form, Member.dispatched,
    Member.model_worker_level, Member.join_date, Member.status,
)
# Built once: the ids arrive as one expanding parameter, where ``in_(ids)`` made and
# coerced a bound value for each of a page's ids on every page read.
_ROWS_BY_ID = select(*ROW_COLUMNS).where(Member.id.in_(bindparam("ids", expanding=True)))


def fetch_rows(sessions: SessionFactory, ids: Sequence[int], search: str = ""
               ) -> dict[int, MemberRow]:
    """Rows for the given ids, keyed by id (missing ids were deleted meanwhile).

    ``search``: the search box's text; digits that end a row's ID number or mobile stay
    unmasked there, and the row says which number matched.
    """
    digits = searched_digits(search)
    if not ids:
        return {}
    with session_scope(sessions) as session:
        # Core rather than ORM rows, read by position: a third less per page of 200.
        result = session.connection().execute(_ROWS_BY_ID, {"ids": list(ids)}).all()
    rows = {}
    for (member_id, name, gender, birth_date, ethnicity, department, post, id_number, phone,
         card_number, employment_status, education, political_status, migrant_worker,
         new_employment_form, dispatched, model_worker_level, join_date, status) in result:
        matched = ""
        if tail_match(id_number, digits):
            matched = "id_number"
        elif tail_match(phone, digits):
            matched = "phone"
        shown = {matched: len(digits)}
        rows[member_id] = MemberRow(
            member_id, name, gender, birth_date, ethnicity, department, post,
            mask_id_number(id_number, shown.get("id_number", 4)),
            mask_phone(phone, shown.get("phone", 4)), card_number, employment_status,
            education, political_status, migrant_worker, new_employment_form, dispatched,
            model_worker_level, join_date, status, matched, digits if matched else "")
    return rows


def count_by_status(sessions: SessionFactory) -> dict[str, int]:
    """How many people have each membership status (every status present, 0 when none)."""
    query = (
        select(Member.status, func.count())
        .where(Member.deleted_at.is_(None))
        .group_by(Member.status)
    )
    with session_scope(sessions) as session:
        counts = {status: int(n) for status, n in session.execute(query).all()}
    return {status: counts.get(status, 0) for status in ms.STATUSES.values}


def count_members_on(sessions: SessionFactory, day: dt.date) -> int:
    """How many people were members on ``day`` (statistics "as of" a cut-off date)."""
    query = select(func.count()).select_from(
        _filtered(select(Member.id), MemberFilter(member_on=day)).subquery()
    )
    with session_scope(sessions) as session:
        return int(session.scalar(query) or 0)


def departments(sessions: SessionFactory) -> list[str]:
    """Departments on file, for the filter dropdown and the member dialog.

    Read from the department index alone (a few ms at 100,000 members), so it includes a
    department whose only people are in the 回收站; filtering on it then shows no one.
    """
    query = (
        select(Member.department)
        .where(Member.department != "")
        .distinct()
        .order_by(Member.department)
    )
    with session_scope(sessions) as session:
        return first_column(session, query)


def count_all(sessions: SessionFactory) -> int:
    """Everyone on file (any status), not counting the 回收站."""
    query = select(func.count()).select_from(Member).where(Member.deleted_at.is_(None))
    with session_scope(sessions) as session:
        return int(session.scalar(query) or 0)


def has_members(sessions: SessionFactory) -> bool:
    """Whether anyone is on file outside the 回收站: the first one found answers, where
    counting 100,000 took each search that matched nobody 2 ms."""
    query = select(select(Member.id).where(Member.deleted_at.is_(None)).exists())
    with session_scope(sessions) as session:
        return bool(session.scalar(query))


def deciding_fields(flt: MemberFilter) -> frozenset[str]:
    """The member columns that decide whether a member is in ``flt``'s list, and where:
    a change to any other column leaves the list as it is (only that row repaints)."""
    # The recycle bin; names sort by their pinyin, which follows the name (and is left out
    # of the history, so a rename shows as "name" alone).
    fields = {"deleted_at", "name", "pinyin_full"}
    fields.update(str(key) for c in SORT_COLUMNS.get(flt.sort_key, SORT_COLUMNS["name"])
                  if (key := getattr(c, "key", None)))
    if flt.statuses:
        fields.add("status")
    if flt.member_on is not None:
        fields.update(("status", "join_date"))
    for name in ("department", "gender", "new_employment_form", "model_worker_level",
                 "migrant_worker"):
        if getattr(flt, name) is not None:
            fields.add(name)
    if flt.min_age is not None or flt.max_age is not None:
        fields.add("birth_date")
    if flt.text.strip():
        fields.update(("name", "id_number", "phone", "card_number", "pinyin_initials"))
    return frozenset(fields)
