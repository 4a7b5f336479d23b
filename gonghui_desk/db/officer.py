"""Who is working: the officer (工会干部) whose name goes on every history entry and export.

The app asks for the name at start, among the branch's officers, and remembers it per PC;
the command line takes ``--officer`` (or GONGHUI_OFFICER). Until a name is chosen an entry
reads 未署名 — never the computer's login: a chair reads "王主席" or sees plainly that
nobody signed, not "Administrator" (and the login is nobody's business in an audit).
"""

from __future__ import annotations

from dataclasses import dataclass

UNSIGNED = "未署名"


@dataclass
class Officer:
    """The one officer of an open book; ``name`` may change when someone else signs in."""

    name: str = ""

    @property
    def display(self) -> str:
        """The name to record: the chosen one, else 未署名."""
        return self.name.strip() or UNSIGNED

    @property
    def chosen(self) -> bool:
        return bool(self.name.strip())
