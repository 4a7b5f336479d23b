"""Official forms: one module per form, each a ``FormSpec`` that builds a ``Document``.

``FORMS`` is the list the 报表 page and the ``forms`` command show, in this order.
"""

from __future__ import annotations

from gonghui_desk.errors import UserError
from gonghui_desk.exchange.forms import (
    aid_ledgers,
    annual_stats,
    contract_filing,
    contract_resolution,
    hardship_aid_forms,
    hardship_file,
    member_card,
    member_changes,
    member_roster,
    recuperation_approval,
    recuperation_returns,
    recuperation_roster,
)
from gonghui_desk.exchange.forms.spec import FormSpec

FORMS: tuple[FormSpec, ...] = (
    member_roster.SPEC,
    member_changes.SPEC,
    member_card.SPEC,
    annual_stats.SPEC,
    hardship_file.SPEC,
    hardship_aid_forms.MEDICAL_SPEC,
    hardship_aid_forms.STUDY_SPEC,
    aid_ledgers.PAYMENTS_SPEC,
    aid_ledgers.LEDGER_SPEC,
    recuperation_approval.SPEC,
    recuperation_roster.SPEC,
    recuperation_returns.STATS_SPEC,
    recuperation_returns.COSTS_SPEC,
    contract_filing.SPEC,
    contract_resolution.RESOLUTION_SPEC,
    contract_resolution.LEDGER_SPEC,
)


def form_by_id(form_id: str) -> FormSpec:
    for spec in FORMS:
        if spec.id == form_id:
            return spec
    known = "、".join(spec.id for spec in FORMS)
    raise UserError(
        f"没有名为“{form_id}”的表格。可用的表格：{known}（gonghui-desk forms 可列出）。"
    )
