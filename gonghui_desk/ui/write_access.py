"""Whether the open book can be written, and why not, in the chair's words.

The one place in ui/ that reads the book's read-only state (``Database.read_only`` and
``read_only_reason``); tests/ui/test_write_access.py fails on any other. A book is
read-only when another computer is writing it (the chair chose to open it to look) or when
its disk is full (the reason then says which disk and what to free).

The runner refuses every write on such a book whatever the screen shows
(``services.operations.Runner.refuse_if_read_only``); what is decided here is only what the
chair sees: write controls greyed out with the reason as their tooltip, and the band above a
record dialog that can only be looked at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gonghui_desk.ui.context import AppContext

CONTEXT = "WriteAccess"
# The control's own tooltip, kept the first time the reason is put in front of it, so that
# calling ``enable_writes`` again (as a selection changes) never repeats the reason.
OWN_TIP = "write_access_own_tooltip"

Control = QWidget | QAction


def writable(context: AppContext) -> bool:
    """Whether the open book can be written."""
    return not context.db.read_only


def why_read_only(context: AppContext) -> str:
    """Why the book cannot be written, in whole sentences; "" when it can."""
    if not context.db.read_only:
        return ""
    if context.db.read_only_reason:  # a full disk: which disk, how much is left, what to free
        return context.db.read_only_reason
    return QCoreApplication.translate(
        CONTEXT, "Read-only: another computer is changing this database. Here it can be "
        "looked at, but not changed.")


def imposed_reason(context: AppContext) -> str:
    """Why the book is read-only when the chair did not ask for it (a full disk: what to
    free); "" when it is writable or was opened read-only by choice."""
    return context.db.read_only_reason if context.db.read_only else ""


def disk_full(context: AppContext) -> bool:
    """Whether the book is read-only because its disk is full (not by the chair's choice)."""
    return bool(imposed_reason(context))


def view_only_banner(context: AppContext, closed: str = "") -> str:
    """What a record dialog says above a record that can only be looked at: the record's
    own reason (``closed``: a hardship file 已结档, an application finished) before the
    book's; "" when the record can be changed."""
    return closed or why_read_only(context)


def enable_writes(context: AppContext, *controls: Control, when: bool = True) -> bool:
    """Enable the write controls when ``when`` holds and the book can be written; on a
    read-only book grey them out with the reason as their tooltip, before their own.

    Returns whether the book can be written."""
    can_write = writable(context)
    reason = why_read_only(context)
    for control in controls:
        control.setEnabled(when and can_write)
        if can_write:
            continue  # the book stays writable while it is open: its own tooltip stands
        own = control.property(OWN_TIP)
        if own is None:
            own = _own_tooltip(control)
            control.setProperty(OWN_TIP, own)
        control.setToolTip(_tooltip(reason, str(own)))
    return can_write


def _own_tooltip(control: Control) -> str:
    text = control.toolTip()
    # An action without a tooltip of its own answers with its menu text, shortened the way
    # Qt does it (no "&", no "…"): what a fresh action of the same text answers.
    if isinstance(control, QAction) and text == QAction(control.text()).toolTip():
        return ""
    return text


def _tooltip(reason: str, own: str) -> str:
    # Plain text, a line per sentence: Qt wraps a rich-text tooltip of Chinese text into a
    # column a few characters wide, and leaves a plain one on one line as wide as the screen.
    lines = reason.replace("。", "。\n").strip()
    return f"{lines}\n\n{own}" if own else lines
