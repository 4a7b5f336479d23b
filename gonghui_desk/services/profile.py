"""The branch profile (基层工会信息): read and save, validated."""

from __future__ import annotations

from dataclasses import asdict, fields

from sqlalchemy.orm import Session

from gonghui_desk.db.models import BranchProfileRow
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain.profile import BranchProfile, clean_profile
from gonghui_desk.errors import ValidationError
from gonghui_desk.services.operations import Tx

PROFILE_ID = 1
SAVE_PROFILE = "保存工会信息"


def profile_in(session: Session) -> BranchProfile:
    """The saved profile as ``session`` sees it (inside an operation too)."""
    row = session.get(BranchProfileRow, PROFILE_ID)
    if row is None:
        return BranchProfile()
    return BranchProfile(**{f.name: getattr(row, f.name) for f in fields(BranchProfile)})


def load_profile(sessions: SessionFactory) -> BranchProfile:
    """The saved profile, or an empty one before the chair has filled it in."""
    with session_scope(sessions) as session:
        return profile_in(session)


def save_profile(tx: Tx, profile: BranchProfile) -> BranchProfile:
    """Validate and save; raise ``ValidationError`` listing every wrong field, saving nothing."""
    cleaned, problems = clean_profile(profile)
    if problems:
        raise ValidationError(problems)
    row = tx.session.get(BranchProfileRow, PROFILE_ID)
    if row is None:
        row = BranchProfileRow(id=PROFILE_ID)
        tx.session.add(row)
    for name, value in asdict(cleaned).items():
        setattr(row, name, value)
    return cleaned
