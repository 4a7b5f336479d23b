"""The branch's yearly figures (domain.annual): read one year, save one year, validated."""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy import select

from gonghui_desk.db.engine import first_column
from gonghui_desk.db.models import YearFiguresRow
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain.annual import YearFigures, check_year_figures, field_names
from gonghui_desk.errors import ValidationError
from gonghui_desk.services.operations import Tx

SAVE_YEAR = "保存年度基本情况"


def load_year(sessions: SessionFactory, year: int) -> YearFigures | None:
    """The figures entered for ``year``, or ``None`` if that year has none yet."""
    with session_scope(sessions) as session:
        row = session.get(YearFiguresRow, year)
        if row is None:
            return None
        return YearFigures(**{name: getattr(row, name) for name in field_names()})


def save_year(tx: Tx, figures: YearFigures) -> None:
    """Validate and save one year's figures; raise ``ValidationError``, saving nothing."""
    problems = check_year_figures(figures)
    if problems:
        raise ValidationError(problems)
    row = tx.session.get(YearFiguresRow, figures.year)
    if row is None:
        row = YearFiguresRow(year=figures.year)
        tx.session.add(row)
    for name, value in asdict(figures).items():
        setattr(row, name, value)


def years_on_file(sessions: SessionFactory) -> list[int]:
    """Years with figures, newest first."""
    with session_scope(sessions) as session:
        return first_column(
            session, select(YearFiguresRow.year).order_by(YearFiguresRow.year.desc())
        )
