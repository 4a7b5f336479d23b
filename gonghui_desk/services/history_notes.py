"""Taking back a step: the reason it needs and the entry it leaves in the change history.

A step recorded by mistake (a file filed a day too early, a place confirmed for the wrong
person) is taken back rather than edited away: the step's row goes, which the history
records with all its values, and a "撤回上一步" entry beside it says which step, of which
record, why and who took it back. The history is then the whole trail; nothing else
needs to hold it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy.orm import Session

from gonghui_desk.db import audit
from gonghui_desk.errors import FieldProblem, ValidationError

TAKE_BACK = "take_back"  # the history's action (history_labels.ACTION_LABELS)
REASON = "reason"  # the entry's field for the reason, labelled in each step table
MIN_REASON = 4  # characters: "错了" is not a reason a later reader can follow


def checked_reason(reason: str, what: str = "撤回") -> str:
    """The reason, stripped; ``ValidationError`` (key ``reason``) when it says too little."""
    text = reason.strip()
    if len(text) < MIN_REASON:
        raise ValidationError([FieldProblem(
            f"{what}原因", f"请写明{what}的原因（至少 {MIN_REASON} 个字），日后查看记录时要看。",
            REASON)])
    return text


def note_take_back(session: Session, table: str, record_id: object,
                   details: Mapping[str, object], reason: str,
                   day: dt.date) -> None:
    """The history entry of a step taken back: the step's facts, the reason and the day."""
    audit.record(session, table, record_id, TAKE_BACK,
                 {**details, REASON: reason, "taken_back_on": day})
