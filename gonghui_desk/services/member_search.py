"""The members search box: what a typed text matches, and the index that finds it fast.

Two halves behind one seam. ``scan_condition`` says what matches, as a plain WHERE term
that any database can evaluate over every member (the definition, and the fallback).
``indexed_ids`` names, for one database dialect, a superset of the matching members read
from an index; the list applies ``scan_condition`` to those few only, so the index may
over-find, unless ``index_is_exact`` says it finds exactly those members (then the check
would only cost time: 1 ms of 王's 8 at 100,000 members). A dialect without an index here
scans.

SQLite (migration 0013): ``member_search_fts``, an FTS5 table with the trigram tokenizer,
kept right by triggers on every write, over two columns:

* ``name``, each character followed by two spaces. The trigram tokenizer finds nothing
  shorter than three characters, and most names searched are one or two; spaced, "王" is
  the trigram "王␣␣" and "晓梅" the phrase "晓␣␣梅␣␣", so every length reads the index.
* ``numbers``: ID number, mobile and card number, so a tail ("9686") or digits inside a
  number are found alike. One or two digits match most members anyway; they scan.

Latin letters read pinyin initials and full pinyin as ranges on their indexes, names
through the table, and card numbers through ``ix_member_card_lettered`` (only a card with a
non-digit can match a text with a letter).

The statement alone at 100,000 members (default view, SQLite 3.40, 32 MB page cache), the
plain scan → the index: 王 35 → 11 ms, 晓梅 24 → 0.2, zxm 51 → 0.1, wl 35 → 2.6,
1234 42 → 0.3, 1391 48 → 0.9. Two digits ("13", 36,000 members) scan in 78 ms either way,
so they are left to the scan.

PostgreSQL (the server book) returns ``None`` here: ``scan_condition`` is served by the
GIN indexes with ``gin_trgm_ops`` on name, id_number, phone and card_number and by the
``text_pattern_ops`` indexes on the pinyin keys (migration 0015).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Select,
    column,
    literal_column,
    or_,
    select,
    table,
    union,
)
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.selectable import Join

from gonghui_desk.db.models import Member
from gonghui_desk.db.sql import starts_with

_DIGITS = re.compile(r"[0-9]+[Xx]?")
_LATIN = re.compile(r"[a-z0-9\-]+")
FTS_SHORTEST = 3  # the trigram tokenizer finds nothing shorter
Ids = Select[Any] | CompoundSelect[Any]  # a statement of member ids
# The FTS5 table of spaced names and of numbers (created by migration 0013).
SEARCH_INDEX = table("member_search_fts", column("rowid"))


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_text(raw: str) -> str:
    """The search box's text as it is compared: width-folded (NFKC), without spaces."""
    return "".join(unicodedata.normalize("NFKC", raw).split())


def searched_digits(raw: str) -> str:
    """The digits a search box holds (an ID number's ``X`` upper-cased), or ``""``."""
    text = search_text(raw)
    return text.upper() if _DIGITS.fullmatch(text) else ""


def scan_condition(raw: str) -> ColumnElement[bool] | None:
    """The WHERE term for the search box, chosen by what was typed.

    Digits search ID numbers, phones and card numbers (any part, so the last four digits
    work); Latin letters search pinyin initials and full pinyin from the start, and card
    numbers; anything else is a name substring.
    """
    text = search_text(raw)
    if not text:
        return None
    if digits := searched_digits(raw):
        like = f"%{escape_like(digits)}%"
        return or_(
            Member.id_number.like(like, escape="\\"),
            Member.phone.like(like, escape="\\"),
            Member.card_number.like(like, escape="\\"),
        )
    lowered = text.lower()
    if _LATIN.fullmatch(lowered):
        return or_(
            starts_with(Member.pinyin_initials, lowered),
            starts_with(Member.pinyin_full, lowered),
            # Card numbers and names with Latin letters match in either case, as on paper.
            Member.card_number.ilike(f"%{escape_like(text)}%", escape="\\"),
            Member.name.ilike(f"%{escape_like(text)}%", escape="\\"),
        )
    return Member.name.like(f"%{escape_like(text)}%", escape="\\")


def _phrase(text: str) -> str:
    """An FTS5 phrase: the text in double quotes, a quote inside doubled."""
    return '"' + text.replace('"', '""') + '"'


def _in_index(column_name: str, phrase: str) -> Ids:
    match = literal_column(SEARCH_INDEX.name).op("MATCH")(f"{column_name} : {phrase}")
    return select(SEARCH_INDEX.c.rowid).where(match)


def _names_holding(text: str) -> Ids:
    """Members whose name holds ``text``, as the index spells names (two spaces after each
    character); the tokenizer folds case as LIKE does, and more, which the check undoes."""
    return _in_index("name", _phrase("".join(f"{c}  " for c in text)))


def _starting(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """``column GLOB 'prefix*'`` as the index range it is (``>= 'zxm' AND < 'zxn'``)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < upper)


def _sqlite_ids(raw: str) -> Ids | None:
    text = search_text(raw)
    if not text:
        return None
    if digits := searched_digits(raw):
        if len(digits) < FTS_SHORTEST:
            return None  # one or two digits match most members: the scan is as quick
        return _in_index("numbers", _phrase(digits))
    lowered = text.lower()
    if _LATIN.fullmatch(lowered):
        return union(  # a member found twice is listed once
            select(Member.id).where(_starting(Member.pinyin_initials, lowered)),
            select(Member.id).where(_starting(Member.pinyin_full, lowered)),
            _names_holding(text),
            # The partial index's own term, written out (a bound value would hide it), so
            # SQLite reads that index alone and not every member.
            select(Member.id).where(sql_text("member.card_number GLOB '*[^0-9]*'"),
                                    Member.card_number.like(f"%{escape_like(text)}%",
                                                            escape="\\")),
        )
    return _names_holding(text)


class FoundFirst(Join):
    """The members an index found, joined to ``member``, read in that order: SQLite's
    CROSS JOIN keeps its left side outermost. As ``id IN (…)`` the planner looks each one
    up through the 回收站 index first (王 at 100,000 members: 21 ms against 13 ms)."""

    inherit_cache = True


@compiles(FoundFirst, "sqlite")
def _cross_join(join: FoundFirst, compiler: SQLCompiler, **kw: Any) -> str:
    kw.pop("asfrom", None)
    assert join.onclause is not None  # found_first always joins on the id
    return (join.left._compiler_dispatch(compiler, asfrom=True, **kw)
            + " CROSS JOIN " + join.right._compiler_dispatch(compiler, asfrom=True, **kw)
            + " ON " + join.onclause._compiler_dispatch(compiler, **kw))


def found_first(found: Ids) -> FoundFirst:
    """The FROM clause of a list that starts from the ids ``found``."""
    ids = found.subquery("found")
    return FoundFirst(ids, Member.__table__, Member.id == ids.c[0])


def _caseless(text: str) -> bool:
    """No character of ``text`` has a case: the trigram tokenizer folds the case of every
    script (Ä to ä, the Kelvin sign to k) where LIKE folds ASCII alone, so only then can a
    folded name never match where LIKE would not."""
    return all(not c.isalpha() or unicodedata.category(c) == "Lo" for c in text)


def index_is_exact(raw: str, dialect: str) -> bool:
    """Whether ``indexed_ids(raw, dialect)`` finds exactly the members ``scan_condition``
    matches, so the list need not check them again.

    SQLite: digits (three or more) read the numbers column, where LIKE and the tokenizer
    fold alike (only an ID number's X has a case); a name of Chinese characters reads the
    spaced names, the text's characters each followed by two spaces as in the index.
    Latin letters read four indexes and a folded name: they keep the check.
    """
    text = search_text(raw)
    if dialect != "sqlite" or not text:
        return False
    if digits := searched_digits(raw):
        return len(digits) >= FTS_SHORTEST  # fewer are scanned, not read from the index
    return not _LATIN.fullmatch(text.lower()) and _caseless(text)


def indexed_ids(raw: str, dialect: str) -> Ids | None:
    """Ids of a superset of the members ``scan_condition(raw)`` matches, read from an
    index; ``None`` when the dialect has none for this text, and the list scans."""
    if dialect == "sqlite":
        return _sqlite_ids(raw)
    return None
