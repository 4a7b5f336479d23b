"""The branch profile (基层工会信息): read and save, validated."""

from __future__ import annotations

from dataclasses import asdict, fields

from gonghui_desk.db.models import BranchProfileRow
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.domain.profile import BranchProfile, clean_profile
from gonghui_desk.errors import ValidationError

PROFILE_ID = 1


def load_profile(sessions: SessionFactory) -> BranchProfile:
    """The saved profile, or an empty one before the chair has filled it in."""
    with session_scope(sessions) as session:
        row = session.get(BranchProfileRow, PROFILE_ID)
        if row is None:
            return BranchProfile()
        return BranchProfile(**{f.name: getattr(row, f.name) for f in fields(BranchProfile)})


def save_profile(sessions: SessionFactory, profile: BranchProfile) -> BranchProfile:
    """Validate and save; raise ``ValidationError`` listing every wrong field, saving nothing."""
    cleaned, problems = clean_profile(profile)
    if problems:
        raise ValidationError(problems)
    with session_scope(sessions) as session:
        row = session.get(BranchProfileRow, PROFILE_ID)
        if row is None:
            row = BranchProfileRow(id=PROFILE_ID)
            session.add(row)
        for name, value in asdict(cleaned).items():
            setattr(row, name, value)
    return cleaned
