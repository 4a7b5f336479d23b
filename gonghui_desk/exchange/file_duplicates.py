"""Numbers repeated inside one roster: rows sharing an ID number, a card number or a mobile,
and a card another member holds. Each group is one problem, shared by its rows and naming a
few of them ("第 2、3、4 行等共 5,000 行"), so the check stays linear however many rows share
one value (a placeholder number on every row)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence

from gonghui_desk.domain.masking import mask_id_number, mask_phone
from gonghui_desk.domain.member_rules import card_number_taken
from gonghui_desk.domain.numbers import format_count
from gonghui_desk.errors import FieldProblem
from gonghui_desk.exchange.header_map import TARGET_LABELS
from gonghui_desk.exchange.import_plan import DUPLICATE, RowResult
from gonghui_desk.exchange.import_rows import RowProblem, RowReader
from gonghui_desk.exchange.row_checks import id_key
from gonghui_desk.services import import_batches as batches

_NAMED_ROWS = 3


def mark_duplicates(results: list[RowResult], sheet: str, reader: RowReader,
                    mapped: Collection[str], cards: dict[str, batches.Existing]) -> None:
    """Rows of ``results`` that share an ID number are 文件内重复; rows that share a card
    number or a mobile, or hold a card another member on file holds (``cards``), carry the
    problem. ``mapped``: the fields the sheet has columns for."""
    seen: dict[str, list[RowResult]] = defaultdict(list)
    for result in results:
        if result.data is not None and result.data.id_number:
            seen[id_key(result.data.id_number)].append(result)
    id_column = reader.column("id_number", "证件号码")
    for same in seen.values():
        if len(same) > 1:
            first = same[0].data
            shared = RowProblem(
                sheet, same[0].row, id_column,
                mask_id_number(first.id_number) if first is not None else "",
                f"{_rows_named(same)}的证件号码相同：同一人只能有一条记录，请删去重复的行。",
                len(same),
            )
            for result in same:
                result.verdict = DUPLICATE
                result.problems = (*result.problems, shared)
    if "card_number" in mapped:  # cards on file are unique already
        _shared_numbers(results, sheet, reader, "card_number", lambda card: card,
                        "的会员证号相同，会员证号不能重复。", cards, card_number_taken)
    if "phone" in mapped:  # one on file is the dialog's warning: a notice there
        _shared_numbers(results, sheet, reader, "phone", mask_phone,
                        "的移动电话相同：每位会员应填写本人的手机号码，请逐行核对。")


def _shared_numbers(
    results: list[RowResult], sheet: str, reader: RowReader, key: str,
    show: Callable[[str], str], same_words: str,
    on_file: dict[str, batches.Existing] | None = None,
    taken: Callable[[batches.Existing], FieldProblem] | None = None,
) -> None:
    """A number (card, mobile) on several rows, or (``on_file``) held by another member on
    file."""
    seen: dict[str, list[RowResult]] = defaultdict(list)
    for result in results:
        value = getattr(result.data, key) if result.data is not None else ""
        if value and result.verdict != DUPLICATE:
            seen[value].append(result)
    column = reader.column(key, TARGET_LABELS[key])
    for value, same in seen.items():
        if len(same) > 1:
            shared = RowProblem(sheet, same[0].row, column, show(value),
                                f"{_rows_named(same)}{same_words}", len(same))
            for result in same:
                result.problems = (*result.problems, shared)
            continue
        owner = on_file.get(value) if on_file is not None else None
        result = same[0]
        if owner is not None and taken is not None and owner.member_id != result.member_id:
            result.problems = (*result.problems, RowProblem(
                sheet, result.row, column, show(value),
                taken(owner).message,  # as the dialog says it
            ))


def _rows_named(same: Sequence[RowResult]) -> str:
    """"第 2、5 行" for a few rows, "第 2、3、4 行等共 5,000 行" for many."""
    if len(same) <= _NAMED_ROWS + 1:
        return f"第 {'、'.join(str(r.row) for r in same)} 行"
    named = "、".join(str(r.row) for r in same[:_NAMED_ROWS])
    return f"第 {named} 行等共 {format_count(len(same))} 行"
