"""Who is working: the officer (工会干部) whose name goes on every history entry and export.

The app asks for the name at start, among the branch's officers, and remembers it per PC.
Until a name is chosen (a script, a test, the first start) the operating system's login is
used, so an entry is never anonymous — but it is only a fallback: a chair reads "王主席",
not "Administrator".
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass

UNKNOWN = "未知用户"


def os_login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (a service account)
        return UNKNOWN


@dataclass
class Officer:
    """The one officer of an open book; ``name`` may change when someone else signs in."""

    name: str = ""

    @property
    def display(self) -> str:
        """The name to record: the chosen one, else the OS login."""
        return self.name.strip() or os_login()

    @property
    def chosen(self) -> bool:
        return bool(self.name.strip())
