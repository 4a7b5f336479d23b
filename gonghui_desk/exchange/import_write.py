"""Writing an import plan: an operation, refused before anything is done while rows are
rejected, then a safety copy, then one recorded batch (services.import_batches) in the one
transaction the runner owns — with the column mapping remembered in it, so the next file
with this header is mapped at once.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from gonghui_desk.errors import UserError
from gonghui_desk.exchange.header_map import header_signature
from gonghui_desk.exchange.import_plan import BLOCKING, ImportPlan
from gonghui_desk.services import import_batches as batches
from gonghui_desk.services.operations import Op, SafetyCopy, Tx

IMPORT_MEMBERS = "导入会员"
Mapping = tuple[tuple[str, ...], dict[int, str]]  # the header and its column → field key


def refuse_blocked(plan: ImportPlan, valid_only: bool) -> None:
    if plan.stopped is not None:  # not every row was checked: none can be taken
        raise UserError("\n".join([
            "文件中大部分行有问题，检查已提前停止，整个文件都没有导入。",
            *plan.stopped.lines()]))
    if plan.blocked and not valid_only:
        bad = plan.count(*BLOCKING)
        raise UserError(
            f"有 {bad} 行未通过检查，整个文件都没有导入。请按问题清单修改原表后重新导入，"
            "或明确选择“只导入通过检查的行”。"
        )


def remember_mapping(tx: Tx, headers: tuple[str, ...], mapping: dict[int, str]) -> None:
    """Keep the mapping the user confirmed, under the header's signature."""
    batches.save_mapping(tx, header_signature(headers),
                         {str(index): key for index, key in mapping.items()})


def write_plan(tx: Tx, plan: ImportPlan, *, valid_only: bool,
               mapping: Mapping | None = None) -> int:
    """Write the plan's new and updated rows as one batch; refuse a blocked plan. With
    ``mapping`` (the header and its column mapping), remember it for the next file."""
    refuse_blocked(plan, valid_only)
    adds, updates = plan.to_write()
    batch_id = batches.write_batch(
        tx,
        file_name=plan.file.name,
        sheet=plan.sheet,
        mode=plan.mode,
        adds=adds,  # each row as the dialog's rules passed it
        updates=[batches.MemberUpdate(r.member_id, r.data, r.events)  # type: ignore[arg-type]
                 for r in updates],
    )
    if mapping is not None:
        remember_mapping(tx, *mapping)
    return batch_id


def import_operation(plan: ImportPlan, *, valid_only: bool,
                     mapping: Mapping | None = None) -> Op[int]:
    """What a real import is: refused before anything while rows are rejected (unless only
    the valid ones are asked for), then a safety copy, then the batch; its value is the
    batch's number."""

    def check(_session: Session) -> None:
        refuse_blocked(plan, valid_only)

    return Op(
        IMPORT_MEMBERS,
        lambda tx: write_plan(tx, plan, valid_only=valid_only, mapping=mapping),
        check=check,
        safety_copy=SafetyCopy("import", plan.file.name),
    )
