"""Phone numbers as people type them: spaces, dashes and a +86 prefix are tolerated."""

from __future__ import annotations

import re
import unicodedata

_MOBILE = re.compile(r"1[3-9]\d{9}")
# 区号 (3–4 digits starting 0) + 7–8 digit number, optional extension
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}(?:转\d{1,6})?")


def _squeeze(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip()
    text = re.sub(r"[\s\-()（）]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    return text


def normalise_mobile(raw: str) -> str | None:
    """The 11-digit mainland mobile number, or ``None`` when ``raw`` is not one."""
    text = _squeeze(raw)
    return text if _MOBILE.fullmatch(text) else None


def normalise_phone(raw: str) -> str | None:
    """A mobile or a landline with area code (``0571-8888 8888`` → ``057188888888``)."""
    text = _squeeze(raw)
    if _MOBILE.fullmatch(text) or _LANDLINE.fullmatch(text):
        return text
    return None
