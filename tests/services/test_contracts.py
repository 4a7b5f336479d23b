"""Collective contracts through the services: saving with teams, status, files, reminders."""

import datetime as dt
import hashlib
import json
from dataclasses import replace

import pytest
from sqlalchemy import select

from gonghui_desk.db.models import ChangeRecord
from gonghui_desk.domain import contract_timeline as ct
from gonghui_desk.domain.contract import ContractDraft, Vote
from gonghui_desk.domain.contract_team import CHIEF, EMPLOYER, WORKERS, Negotiator
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.errors import UserError, ValidationError
from gonghui_desk.services import contract_files as files
from gonghui_desk.services import contracts as cs
from gonghui_desk.services.operations import Op, Runner
from gonghui_desk.services.profile import save_profile
from tests.factories import write

TODAY = dt.date(2026, 11, 21)
pytestmark = pytest.mark.today(TODAY.isoformat())
TEAM = (
    Negotiator(WORKERS, "曾晓梅", CHIEF, union_chair=True), Negotiator(WORKERS, "周建国"),
    Negotiator(WORKERS, "孙丽"), Negotiator(EMPLOYER, "钱志远", CHIEF),
    Negotiator(EMPLOYER, "吴敏"), Negotiator(EMPLOYER, "郑海"),
)
SIGNED = ContractDraft(
    title="综合集体合同", offer_date=dt.date(2026, 9, 1), reply_date=dt.date(2026, 9, 10),
    draft_date=dt.date(2026, 10, 1), meeting_date=dt.date(2026, 11, 1), vote=Vote(90, 60, 46),
    signed_date=dt.date(2026, 11, 11), term_start=dt.date(2026, 12, 1),
    term_end=dt.date(2029, 11, 30))


def test_a_signed_contract_is_to_be_filed_with_its_deadline(db):
    contract_id = write(db, cs.save_contract, SIGNED, TEAM)
    shown = cs.contract_detail(db.sessions, contract_id, today=TODAY)
    assert shown.status == ct.TO_FILE
    assert shown.next.text == "报送备案 2026-11-21（今天到期）"
    assert shown.deadlines[0].text == "要约后 20 日内，至 2026-09-21，2026-09-10 办理（按期）"
    assert shown.team_problems == ()
    [row] = cs.list_contracts(db.sessions, today=TODAY)
    assert (row.status, row.next_due) == (ct.TO_FILE, dt.date(2026, 11, 21))


def test_signing_with_teams_that_break_the_rules_is_refused_and_nothing_saved(db):
    with pytest.raises(ValidationError) as refused:
        write(db, cs.save_contract, SIGNED, TEAM[:5])
    [problem] = refused.value.problems
    assert problem.key == "negotiators"
    assert problem.message == ("签订前协商代表须符合规定：双方人数应相等：职工方 3 人，"
                               "企业方 2 人；企业方只有 2 人，每方至少 3 人。")
    assert cs.list_contracts(db.sessions, today=TODAY) == []
    # Before signing, an incomplete team is saved and its problems are shown.
    talking = write(db, cs.save_contract, ContractDraft(title="x", offer_date=TODAY), TEAM[:2])
    problems = cs.contract_detail(db.sessions, talking, TODAY).team_problems
    assert "企业方只有 0 人" in "".join(problems)


def test_confirming_in_force_waits_for_the_review_period(db):
    filed = replace(SIGNED, filed_date=dt.date(2026, 11, 5), signed_date=dt.date(2026, 11, 2))
    early = replace(filed, confirmed_date=dt.date(2026, 11, 20))
    with pytest.raises(ValidationError, match="审查期至 2026-11-20"):
        write(db, cs.save_contract, early, TEAM)
    contract_id = write(db, cs.save_contract, filed, TEAM)
    shown = cs.contract_detail(db.sessions, contract_id, today=TODAY)
    assert shown.status == ct.IN_FORCE
    assert shown.deadlines[2].text == ("报送（2026-11-05）后 15 日，至 2026-11-20 已届满"
                                       "（未收到审查意见，合同生效）")
    texts = [r.text for r in cs.contract_reminders(db.sessions, today=TODAY)]
    assert texts == ["综合集体合同：审查期已于 2026-11-20 届满，未收到审查意见，合同已生效——"
                     "请确认并向全体职工公布"]
    write(db, cs.save_contract, replace(filed, confirmed_date=dt.date(2026, 11, 21)), TEAM,
          contract_id)
    assert cs.contract_reminders(db.sessions, today=TODAY) == []


def _saved_again(db, draft, team, contract_id) -> list[tuple[str, str, str]]:
    """Save the contract through the runner; the history entries that save wrote."""
    outcome = Runner(db).run(Op(cs.SAVE_CONTRACT, lambda tx: cs.save_contract(
        tx, draft, team, contract_id)))
    return sorted((c.table, c.kind, c.record_id) for c in outcome.changes.entries)


def _entry(db, record_id: int) -> tuple[str, dict]:
    with db.session() as session:
        [row] = session.scalars(select(ChangeRecord).where(
            ChangeRecord.table_name == "contract_negotiator",
            ChangeRecord.record_id == str(record_id)).order_by(ChangeRecord.id.desc()).limit(1))
        return row.action, json.loads(row.changes)


def test_renaming_one_negotiator_changes_that_one_row_and_nothing_else(db):
    contract_id = write(db, cs.save_contract, SIGNED, TEAM)
    team = cs.contract_detail(db.sessions, contract_id, TODAY).negotiators
    renamed = (team[0], replace(team[1], name="周建华"), *team[2:])
    assert _saved_again(db, SIGNED, renamed, contract_id) == [
        ("contract_negotiator", "update", str(team[1].id))]
    assert _entry(db, team[1].id) == ("update", {"name": ["周建国", "周建华"]})
    shown = cs.contract_detail(db.sessions, contract_id, TODAY).negotiators
    assert [n.name for n in shown] == ["曾晓梅", "周建华", "孙丽", "钱志远", "吴敏", "郑海"]
    assert [n.id for n in shown] == [n.id for n in team]  # the same people, kept
    assert _saved_again(db, SIGNED, shown, contract_id) == []  # saved unchanged: nothing


def test_removing_one_negotiator_deletes_that_row_with_its_entry_and_adds_the_new(db):
    talks = ContractDraft(title="综合集体合同", offer_date=TODAY)
    contract_id = write(db, cs.save_contract, talks, TEAM)
    team = cs.contract_detail(db.sessions, contract_id, TODAY).negotiators
    assert _saved_again(db, talks, team[:-1], contract_id) == [
        ("contract_negotiator", "delete", str(team[-1].id))]
    assert _entry(db, team[-1].id)[1]["name"] == ["郑海", None]
    changes = _saved_again(db, talks, (*team[:-1], Negotiator(EMPLOYER, "冯涛")), contract_id)
    assert [(table, kind) for table, kind, _ in changes] == [("contract_negotiator", "create")]
    shown = cs.contract_detail(db.sessions, contract_id, TODAY).negotiators
    assert [n.name for n in shown] == ["曾晓梅", "周建国", "孙丽", "钱志远", "吴敏", "冯涛"]


def test_periods_are_settings_and_a_region_of_its_own_wins(db):
    write(db, cs.save_rules, ct.DeadlineRules(filing_days=15))
    contract_id = write(db, cs.save_contract, SIGNED, TEAM)
    assert cs.contract_detail(db.sessions, contract_id, today=TODAY).next.due == \
        dt.date(2026, 11, 26)
    write(db, save_profile, BranchProfile(union_name="某工会", region_code="330106"))
    write(db, cs.save_rules, ct.DeadlineRules(region="330106", filing_days=5))
    assert cs.deadline_rules(db.sessions).filing_days == 5
    with pytest.raises(ValidationError, match="应在 1 到 60 之间"):
        write(db, cs.save_rules, ct.DeadlineRules(reply_days=0))


def test_a_renewal_takes_the_parties_and_ends_the_expired_reminder(db):
    old = replace(SIGNED, term_start=dt.date(2023, 11, 1), term_end=dt.date(2026, 10, 31),
                  offer_date=dt.date(2023, 8, 1), reply_date=dt.date(2023, 8, 5),
                  draft_date=dt.date(2023, 9, 1), meeting_date=dt.date(2023, 10, 1),
                  signed_date=dt.date(2023, 10, 1), filed_date=dt.date(2023, 10, 5),
                  enterprise_name="红星机械")
    old_id = write(db, cs.save_contract, old, TEAM)
    [gone] = cs.contract_reminders(db.sessions, today=TODAY)
    assert gone.text == "综合集体合同：已于 2026-10-31 期满，还没有续签合同在协商"
    renewal = cs.renewal_draft(db.sessions, old_id)
    assert (renewal.kind, renewal.previous_id) == ("续签", old_id)
    assert renewal.enterprise_name == "红星机械"
    assert renewal.term_start == dt.date(2026, 11, 1) and renewal.signed_date is None
    with pytest.raises(ValidationError, match="续签须选择原来的合同"):
        write(db, cs.save_contract, replace(renewal, previous_id=None), TEAM)
    new_id = write(db, cs.save_contract, replace(renewal, offer_date=TODAY), TEAM)
    assert cs.contract_reminders(db.sessions, today=TODAY) == []
    assert cs.contract_detail(db.sessions, old_id, TODAY).renewals == ((new_id, "综合集体合同"),)
    with pytest.raises(UserError, match="已于 2023-10-01 签订，不能删除"):
        write(db, cs.delete_contract, old_id)
    write(db, cs.delete_contract, new_id)


def test_attachments_are_kept_in_the_database_and_come_back_unchanged(db, tmp_path):
    contract_id = write(db, cs.save_contract, SIGNED, TEAM)
    scan = tmp_path / "签字文本.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned pages" * 1000)
    attachment = write(db, files.attach, contract_id, scan, "签字文本扫描件", "双方首席代表签字")
    scan.unlink()
    [row] = files.attachments(db.sessions, contract_id)
    assert (row.filename, row.size, row.note) == ("签字文本.pdf", 22000, "双方首席代表签字")
    out = files.write_out(db.sessions, attachment, tmp_path / "open")
    assert hashlib.sha256(out.read_bytes()).hexdigest() == hashlib.sha256(
        b"%PDF-1.4 scanned pages" * 1000).hexdigest()
    with pytest.raises(UserError, match="附件类型“合同”不在列表中"):
        write(db, files.attach, contract_id, out, "合同")
    with pytest.raises(UserError, match="读不到文件"):
        write(db, files.attach, contract_id, tmp_path / "missing.pdf", "其他")
    write(db, files.remove, attachment)
    assert files.attachments(db.sessions, contract_id) == []


def test_the_demo_has_a_contract_in_every_status(db):
    from gonghui_desk.services.demo import fill_demo

    write(db, fill_demo, 100)
    rows = cs.list_contracts(db.sessions, today=TODAY)
    assert {r.status for r in rows} == set(ct.STATUS.values)
    texts = " ".join(r.text for r in cs.contract_reminders(db.sessions, today=TODAY))
    for words in ("书面答复已逾期", "前报送备案（已逾期", "审查期已于", "请及时提出续签协商",
                  "还没有续签合同在协商"):
        assert words in texts
