"""The colours every screen uses, so an error reads in the same red everywhere.

Colours are hex strings: a label takes them through ``text_style`` (a Qt style sheet), a
table model through ``QColor(…)``. Each is dark enough to read on a white background.
"""

from __future__ import annotations

ERROR_RED = "#b3261e"  # a refusal, a problem to fix, an overdue date
WARNING = "#a15c00"  # due soon, allowed by an override: look before going on
OK_GREEN = "#1e7b34"  # a check that passed, a new row an import will add
INFO_BLUE = "#1a4f9c"  # a row an import will update
MUTED = "#5f6368"  # hints and "nothing here yet" under a field or a list
FADED = "#80868b"  # rows that are over: a closed contract, a voided payment, an unchanged row
BANNER_BACKGROUND = "#fdf3e1"  # the band above a record that is read-only or closed


def text_style(colour: str, *, bold: bool = False) -> str:
    """The style sheet of a label written in ``colour``: ``"color: #b3261e;"``."""
    return f"color: {colour};" + (" font-weight: bold;" if bold else "")


ERROR_STYLE = text_style(ERROR_RED)
OK_STYLE = text_style(OK_GREEN)
MUTED_STYLE = text_style(MUTED)
PAGE_MARGINS = (24, 18, 24, 18)  # left, top, right, bottom of every page
PAGE_SPACING = 12
WARNING_STYLE = text_style(WARNING)
