"""What a bulk write raises when new rows break a unique index, whatever the engine."""

from __future__ import annotations

from typing import Any


class DuplicateKey(Exception):
    """New rows share a key a unique index allows once; nothing is to be committed."""

    def __init__(self, table: str, columns: tuple[str, ...], values: list[tuple[Any, ...]]):
        super().__init__(f"duplicate {columns} in {table}: {values}")
        self.table = table
        self.columns = columns
        self.values = values  # the first few keys held more than once
