"""All mapped models; importing this package registers every table on ``Base.metadata``."""

from gonghui_desk.db.models.members import Member, MembershipEvent
from gonghui_desk.db.models.profile import BranchProfileRow

__all__ = ["BranchProfileRow", "Member", "MembershipEvent"]
