"""Use cases, one module per area: validate with domain rules, write, return frozen DTOs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """One step of long work: ``done`` of ``total`` units, and what is happening."""

    done: int
    total: int
    message: str = ""
