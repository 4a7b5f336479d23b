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
    sharing an ID number with an earlier row (counted as they come, in linear time)."""

    def __init__(self) -> None:
        self.checked = 0
        self.bad = 0
        self._numbers: dict[str, bool] = {}  # number → its first row was clean

    def add(self, results: list[RowResult], slots: Sequence[RowResult | None]) -> None:
        for result in slots:
            assert result is not None, "a row of the chunk was not checked"
            results.append(result)
            self.checked += 1
            if result.problems:
                self.bad += 1
            number = result.data.id_number if result.data is not None else ""
            if not number:
                continue
            key = id_key(number)
            first_clean = self._numbers.get(key)
            if first_clean is None:
                self._numbers[key] = not result.problems
                continue
            if first_clean:  # the first of the group is refused now too
                self.bad += 1
                self._numbers[key] = False
            if not result.problems:
                self.bad += 1

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
