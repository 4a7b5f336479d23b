"""Only ``gonghui_desk/clock.py`` asks the system for the date or the time.

Everything else takes the clock the composition root made (or a date), so that a test, or
``GONGHUI_TODAY``, decides what "today" is. The check reads the source, so it fails on a
new call anywhere, including in code no test runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import gonghui_desk

PACKAGE = Path(gonghui_desk.__file__).parent
ALLOWED = {PACKAGE / "clock.py"}

# (object, attribute) pairs that read the system clock. ``date``/``datetime`` cover both
# ``import datetime as dt; dt.date.today()`` and ``from datetime import date; date.today()``.
CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("time", "strftime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QTime", "currentTime"),
}
# SQL that takes the date from the database server's clock instead of ours.
SQL_CLOCK_WORDS = ("'now'", "CURRENT_DATE")


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def clock_calls(source: str) -> list[tuple[int, str]]:
    """(line, text) of each call (or reference, e.g. ``default_factory=date.today``) that
    reads the system clock."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and (_name(node.value), node.attr) in CLOCK_CALLS:
            found.append((node.lineno, f"{_name(node.value)}.{node.attr}"))
    for number, line in enumerate(source.splitlines(), start=1):
        if any(word in line for word in SQL_CLOCK_WORDS) and not line.lstrip().startswith("#"):
            found.append((number, line.strip()))
    return found


def test_the_system_clock_is_read_in_one_module_only() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text}"
        for path in sorted(PACKAGE.rglob("*.py")) if path not in ALLOWED
        for line, text in clock_calls(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "Take the program's clock (AppContext.clock, Database.clock, clock_of(session)) or a "
        "date argument instead of asking the system:\n" + "\n".join(offenders)
    )


def test_the_clock_module_is_where_the_system_is_asked() -> None:
    assert clock_calls((PACKAGE / "clock.py").read_text(encoding="utf-8"))


@pytest.mark.parametrize("source", [
    "import datetime as dt\nx = dt.date.today()",
    "from datetime import datetime\nx = datetime.now()",
    "from datetime import date\nf = field(default_factory=date.today)",
    "from PySide6.QtCore import QDate\nd = QDate.currentDate()",
    "import time\nstamp = time.time()",
    "q = text(\"select date('now')\")",
])
def test_the_check_finds_every_way_of_asking(source: str) -> None:
    assert clock_calls(source)


def test_the_check_leaves_dates_alone() -> None:
    assert not clock_calls("import datetime as dt\nd = dt.date(2026, 12, 31)\nt = time.monotonic()")
