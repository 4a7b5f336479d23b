"""How wrong a file is, as its rows are checked: the count that stops a hopeless check
early, and the summary of the kinds of problems it saw.

A file is judged mostly wrong once ``EARLY_LOOK`` member rows are checked and more than
half of them are refused: the rest is not checked (a 200,000-row file of garbage would
otherwise hold millions of problems, and a chair would read none of them), and the plan
says what kinds of problems it saw, column by column, with an example of each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from gonghui_desk.exchange.import_plan import RowResult
from gonghui_desk.exchange.row_checks import id_key

EARLY_LOOK = 1000


class Tally:
    """How many of the rows checked so far are refused: by their own problems, or for
    sharing an ID number or a mobile with another row (counted as they come, in linear
    time; the verdicts themselves are given once every row is in, by the planner)."""

    def __init__(self) -> None:
        self.checked = 0
        self._bad: set[int] = set()  # rows
        self._first: dict[tuple[str, str], int] = {}  # (kind, number) → its first row

    @property
    def bad(self) -> int:
        return len(self._bad)

    def add(self, results: list[RowResult], slots: Sequence[RowResult | None]) -> None:
        for result in slots:
            assert result is not None, "a row of the chunk was not checked"
            results.append(result)
            self.checked += 1
            if result.problems:
                self._bad.add(result.row)
            data = result.data
            if data is None:
                continue
            for key in (("id", id_key(data.id_number)), ("phone", data.phone)):
                if not key[1]:
                    continue
                first = self._first.setdefault(key, result.row)
                if first != result.row:  # both are refused, whichever came first
                    self._bad.update((first, result.row))

    def mostly_wrong(self) -> bool:
        return self.checked >= EARLY_LOOK and self.bad * 2 > self.checked


def problem_kinds(results: Sequence[RowResult]) -> tuple[tuple[str, int, str], ...]:
    """(column, rows with a problem there, the first such message), most rows first."""
    rows: Counter[str] = Counter()
    first: dict[str, str] = {}
    for result in results:
        for column in {p.column for p in result.problems}:
            rows[column] += 1
        for problem in result.problems:
            first.setdefault(problem.column, f"第 {problem.row} 行：{problem.message}")
    return tuple((column, count, first[column]) for column, count in rows.most_common())
