"""Counts as people read them: ``91232`` → ``"91,232"``, on screens, forms and in the CLI.

Amounts of money have their own writer (domain/money.py); this is for how many people,
files, rows or pages there are.
"""

from __future__ import annotations

import re


def format_count(n: int) -> str:
    """``91232`` → ``"91,232"``; ``-1500`` → ``"-1,500"``; below a thousand unchanged."""
    return f"{n:,}"


def grouped_count(text: str, n: int) -> str:
    """``text`` with the count ``n`` written in it grouped: ``"共 91232 人"`` → ``"共 91,232 人"``.

    For a plural-aware translation, which writes the count itself (Qt's ``%n``) without
    separators; only the number standing alone is replaced, never digits inside a longer one.
    """
    return re.sub(rf"(?<![\d,]){n}(?![\d,])", format_count(n), text)
