"""Money: fen ⇄ yuan and the one way an amount is written out.

The database keeps whole fen (``int``); the domain, services and screens work in yuan as
``Decimal`` (never ``float``, so 0.1 + 0.2 yuan is 0.30 yuan). An amount with more than two
decimals is rounded to the fen half up (0.005 yuan → 1 fen), the way a cashier rounds.
Refusing negative or missing amounts is the business of each rule, not of the conversion.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

FEN = Decimal(100)
CENT = Decimal("0.01")
YUAN = "元"


def to_fen(amount: Decimal) -> int:
    """``Decimal("1234.5")`` → ``123450``; a third decimal is rounded half up."""
    return int((amount * FEN).quantize(Decimal(1), ROUND_HALF_UP))


def to_yuan(fen: int) -> Decimal:
    """``123450`` → ``Decimal("1234.5")`` (exact: no rounding happens this way)."""
    return Decimal(fen) / FEN


def cents(amount: Decimal) -> Decimal:
    """``amount`` rounded to the fen, half up: ``Decimal("0.005")`` → ``Decimal("0.01")``."""
    return amount.quantize(CENT, ROUND_HALF_UP)


def yuan_text(amount: Decimal | None, *, unit: str = YUAN, grouping: bool = True,
              decimals: Literal[2, 0] | None = 2) -> str:
    """An amount in yuan as forms and screens show it: ``"1,234.50 元"``; ``""`` for ``None``.

    ``unit`` follows after a space (``"元/月"`` for a monthly figure, ``""`` where the column
    header or the sentence already says 元); ``grouping=False`` drops the thousands separators
    (the form an amount is typed in). ``decimals=0`` rounds to the yuan (half up) for a narrow
    column on paper; ``decimals=None`` writes a whole amount without ``.00`` (``"300 元"``)
    and any other with its fen, for caps and limits quoted in a sentence.
    """
    if amount is None:
        return ""
    if decimals == 0:
        rounded = amount.quantize(Decimal(1), ROUND_HALF_UP)
    else:
        rounded = cents(amount)
        if decimals is None and rounded == rounded.to_integral_value():
            rounded = rounded.quantize(Decimal(1))
    number = f"{rounded:,f}" if grouping else f"{rounded:f}"
    return f"{number} {unit}" if unit else number
