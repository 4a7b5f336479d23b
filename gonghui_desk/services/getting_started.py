"""首次使用 on the home page: which of the first steps the book has taken.

An empty book suggests, in order: fill in the branch profile, bring in the members, then
start on the areas. Each step counts as done when the book holds what it makes, so the
ticks follow the records (an import ticks step 2 as surely as typing a member in).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select

from gonghui_desk.db.models import (
    CollectiveContract,
    HardshipFile,
    Member,
    RecuperationApplication,
    RecuperationTrip,
)
from gonghui_desk.db.session import SessionFactory, session_scope
from gonghui_desk.services.profile import load_profile


@dataclass(frozen=True)
class FirstSteps:
    profile: bool  # the union's name is filled in (every form's header needs it)
    members: bool  # a member is on file (the 回收站 does not count)
    hardship: bool
    recuperation: bool
    contracts: bool

    @property
    def all_done(self) -> bool:
        return self.profile and self.members and self.areas

    @property
    def areas(self) -> bool:
        """Step 3: one of the areas has been started (each is used only where needed)."""
        return self.hardship or self.recuperation or self.contracts


def first_steps(sessions: SessionFactory) -> FirstSteps:
    with session_scope(sessions) as session:
        def has(query: Select[int]) -> bool:
            return bool(session.scalar(select(query.exists())))

        members = has(select(Member.id).where(Member.deleted_at.is_(None)))
        hardship = has(select(HardshipFile.id))
        recuperation = (has(select(RecuperationTrip.id))
                        or has(select(RecuperationApplication.id)))
        contracts = has(select(CollectiveContract.id))
    return FirstSteps(bool(load_profile(sessions).union_name), members, hardship,
                      recuperation, contracts)
