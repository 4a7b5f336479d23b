"""Masking of sensitive personal information in lists and rosters.

ID numbers, phones and bank accounts are sensitive (个人信息保护法 §28); a list shows
only enough to tell two people apart.
"""

from __future__ import annotations


def mask_id_number(number: str | None) -> str:
    """``110105194912310021`` → ``110105********0021``: region and last four stay."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str | None) -> str:
    """``13812345678`` → ``138****5678``."""
    if not phone:
        return ""
    if len(phone) < 7:
        return "*" * len(phone)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_bank_account(account: str | None) -> str:
    """``6222021234567890123`` → ``6222 **** **** 0123``: bank and last four stay."""
    digits = (account or "").replace(" ", "")
    if not digits:
        return ""
    if len(digits) <= 8:
        return "*" * len(digits)
    return f"{digits[:4]} **** **** {digits[-4:]}"
