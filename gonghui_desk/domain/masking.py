"""Masking of sensitive personal information in lists and rosters.

ID numbers, phones and bank accounts are sensitive (个人信息保护法 §28); a list shows
only enough to tell two people apart.
"""

from __future__ import annotations

import re


def _masked(value: str, head: int, tail: int) -> str:
    hidden = len(value) - head - tail
    return value if hidden <= 0 else value[:head] + "*" * hidden + value[-tail:]


def mask_id_number(number: str | None, tail: int = 4) -> str:
    """``110105194912310021`` → ``110105********0021``: region and last four stay.

    ``tail`` longer than four shows as many last characters: the digits a search typed and
    matched at the end (``tail=6`` → ``110105******310021``), which the chair knows already.
    """
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return _masked(number, 6, max(4, tail))


def mask_phone(phone: str | None, tail: int = 4) -> str:
    """``13812345678`` → ``138****5678`` (``tail=5`` → ``138***45678``, a matched tail)."""
    if not phone:
        return ""
    if len(phone) < 7:
        return "*" * len(phone)
    return _masked(phone, 3, max(4, tail))


def tail_match(value: str | None, digits: str) -> bool:
    """Whether ``value`` (an ID number, a mobile) ends with the searched ``digits``."""
    return bool(value and digits and value.upper().endswith(digits.upper()))


def mask_bank_account(account: str | None) -> str:
    """``6222021234567890123`` → ``6222 **** **** 0123``: bank and last four stay."""
    digits = (account or "").replace(" ", "")
    if not digits:
        return ""
    if len(digits) <= 8:
        return "*" * len(digits)
    return f"{digits[:4]} **** **** {digits[-4:]}"


_ID_SHAPE = re.compile(r"\d{17}[\dXx]|\d{15}")
_MOBILE_SHAPE = re.compile(r"1\d{10}")
_ACCOUNT_SHAPE = re.compile(r"\d{16,19}")


def mask_by_shape(text: str) -> str:
    """A value of unknown meaning (a cell of a sheet being imported) masked when it has the
    shape of an ID number, a mobile or a bank account; any other text as it is."""
    value = text.strip()
    if _ID_SHAPE.fullmatch(value):
        return mask_id_number(value)
    if _MOBILE_SHAPE.fullmatch(value):
        return mask_phone(value)
    if _ACCOUNT_SHAPE.fullmatch(value.replace(" ", "")):
        return mask_bank_account(value)
    return text
