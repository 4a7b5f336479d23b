"""Official forms: one module per form, each a ``FormSpec`` that builds a ``Document``.

``FORMS`` is the list the 报表 page and the ``forms`` command show, in this order.
"""

from __future__ import annotations

from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import annual_stats, member_card, member_changes, member_roster
from gonghui_desk.exchange.forms.spec import FormSpec

FORMS: tuple[FormSpec, ...] = (
    member_roster.SPEC,
    member_changes.SPEC,
    member_card.SPEC,
    annual_stats.SPEC,
)


def form_by_id(form_id: str) -> FormSpec:
    for spec in FORMS:
        if spec.id == form_id:
            return spec
    known = "、".join(spec.id for spec in FORMS)
    raise UserError(
        f"没有名为“{form_id}”的表格。可用的表格：{known}（gonghui-desk forms 可列出）。"
    )
