"""Errors a user can cause and understand, kept apart from bugs.

Every layer raises these with a Chinese message that says where the problem is and what
to do. The CLI maps them to exit codes; the GUI shows them in a plain message box.
Anything that is not a ``UserError`` is a bug and reaches the crash dialog and the log.
"""

from __future__ import annotations

from typing import NamedTuple


class ExitCode:
    """Process exit codes of the command line, documented in the README."""

    OK = 0
    CHECK_FAILED = 1
    USAGE = 2
    INPUT_REJECTED = 3
    DATABASE_REFUSED = 4


class UserError(Exception):
    """A problem the user can fix; ``message`` is shown as it is."""

    exit_code = ExitCode.INPUT_REJECTED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FieldProblem(NamedTuple):
    """One wrong value: which field (its Chinese label) and what to do about it.

    ``key`` names the field in code (``"id_number"``) so that a dialog can put the
    message next to the right widget; it is empty where there is no such field.
    """

    field: str
    message: str
    key: str = ""

    def __str__(self) -> str:
        return f"{self.field}：{self.message}"


class ValidationError(UserError):
    """One or more fields are wrong; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = list(problems)
        lines = "\n".join(f"· {p}" for p in self.problems)
        super().__init__(f"以下内容需要更正，未作任何保存：\n{lines}")


class DatabaseRefused(UserError):
    """The database file cannot be opened safely by this version of the app."""

    exit_code = ExitCode.DATABASE_REFUSED


class DatabaseNotOurs(DatabaseRefused):
    """The file exists but is not a 工会桌面 database."""


class DatabaseNewer(DatabaseRefused):
    """The database was written by a newer version of the app."""
