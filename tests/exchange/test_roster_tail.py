"""A roster that ends as chairs end them: totals, sign-offs, stamps, dates, notes and footers
are passed over and listed, never refused; lines that only look like them are members."""

import json

from gonghui_desk.cli import main
from gonghui_desk.errors import ExitCode
from gonghui_desk.exchange.member_import import NEW, REJECTED, import_operation
from gonghui_desk.services.members import count_all
from gonghui_desk.services.operations import Runner
from tests.exchange.rosters import hr_rows, id_number, person, plan_file, write_xlsx

MEMBERS = 6


def tail_roster(path):
    """Six members on two printed pages, a 小计 and a footer between them, then the tail:
    every line is (cells, the reason the preview gives, or None for a line not listed)."""
    rows = hr_rows(MEMBERS)
    lines = [
        (["本页小计", "", "", "", "", "3人"], "合计行"),
        (["", "", "第 1 页 共 2 页"], "页脚"),  # in the 身份证号码 column
    ]
    tail = [
        (["合 计", "", "", "", "", "6人"], "合计行"),
        ([], None),
        (["制表人：", "", "", "", "李会计"], "签字行"),  # the name under 所在部门
        (["制表人：", "李会计", "审核：", "", "王主席"], "签字行"),  # the name under 名字
        (["单位负责人（签字）：", "", "", "工会主席（签字）："], "签字行"),
        (["填报单位（盖章）：红星机械厂工会", "", "", "", "（公章）"], "盖章行"),
        (["经办人：赵敏", "", "", "", "（盖章）"], "签字盖章行"),
        (["审核人签名：", "", "", "工会主席（负责人）签名：", "", "（盖工会章）"], "签字盖章行"),
        (["本单位工会审核意见：同意。"], "审核意见行"),
        (["填报日期：2026年11月20日"], "日期行"),
        (["", "", "", "", "    年   月   日"], "日期行"),
        (["联系人：赵敏", "", "联系电话：0571-86001234"], "联系方式行"),
        (["备注：本月新入会 2 人，调出 1 人。"], "备注行"),
        (["填表说明：\n1、此表所列项目均为必填项；"], "说明行"),
        (["2、“工作单位”需填写完整的单位全称。"], "说明行"),
        (["注：本表一式两份，一份报上级工会。"], "说明行"),
        (["以上人员信息经本人核对无误。"], "说明行"),
        ([7], None),  # a template line with only its 序号
        (["（以下空白）"], "空白标记"),
        (["此页无正文"], "空白标记"),
        (["______", "______", "______", "______"], "分隔线"),
        (["附件"], "附件标记"),
        (["", "", "第 2 页 共 2 页"], "页脚"),
    ]
    content = [["红星机械厂工会会员花名册"], rows[0], *rows[1:4]]
    expected = []
    for cells, why in [*lines, *[(r, "member") for r in rows[4:]], *tail]:
        content.append(cells)
        if why not in (None, "member"):
            expected.append((len(content), why))
    merges = [f"A{n}:F{n}" for n, row in enumerate(content, 1)
              if len(row) == 1 and isinstance(row[0], str) and row[0].startswith("填表说明")]
    return write_xlsx(path, content, merges=merges), expected


def test_every_tail_line_is_passed_over_and_listed_and_the_members_imported(db, tmp_path):
    path, expected = tail_roster(tmp_path / "花名册.xlsx")
    plan = plan_file(db, path)
    assert plan.header_row == 2
    assert [(r.name, r.verdict) for r in plan.rows] == [
        (person(i)["name"], NEW) for i in range(MEMBERS)]
    assert plan.problems == [] and not plan.blocked
    assert [(row, why) for row, why, _ in plan.passed_over] == expected
    assert len({why for _, why in expected}) >= 12
    words = {row: text for row, _, text in plan.passed_over}
    assert words[expected[2][0]] == "合 计"
    Runner(db).run(import_operation(plan, valid_only=False))  # all or nothing
    assert count_all(db.sessions) == MEMBERS


def test_the_cli_imports_the_roster_whole_and_lists_the_tail(capsys, db_path, tmp_path):
    path, expected = tail_roster(tmp_path / "花名册.xlsx")
    report = tmp_path / "report.json"
    code = main(["--db", str(db_path), "import", "members", str(path), "--report", str(report)])
    out, err = capsys.readouterr()
    assert code == ExitCode.OK, out + err
    assert f"新增 {MEMBERS} 人" in out
    assert f"另有 {len(expected)} 行不是会员（合计行 2，页脚 2，签字行 3，" in out
    signer = next(row for row, why in expected if why == "签字行")
    assert f"第 {signer} 行（签字行）：制表人：" in out
    content = json.loads(report.read_text(encoding="utf-8"))
    assert content["written"] is True and content["errors"] == []
    assert [(p["row"], p["why"]) for p in content["passed_over"]] == expected


def test_lines_that_only_look_like_tail_lines_are_members(db, tmp_path):
    header = ["序号", "部门", "姓名", "身份证号码", "联系电话", "入会时间"]
    people = [person(i) for i in range(6)]
    right = id_number(9)
    wrong_check = right[:-1] + ("1" if right[-1] != "1" else "2")
    cells = [
        ["审核部", "李注", people[0]["id"]],
        ["会计", "高审核", people[1]["id"]],
        # a name that reads as a tail word, yet with an ID number: never dropped
        ["办公室", "合计", people[2]["id"]],
        ["办公室", "", people[3]["id"]],  # no name: reported
        ["会计", "严以诚", ""],  # no ID, beside a post that is also a signer's title
        ["财务", "注明", wrong_check],
    ]
    rows = [header] + [
        [n, *row, people[n - 1]["phone"], f"{people[n - 1]['joined']:%Y/%m/%d}"]
        for n, row in enumerate(cells, start=1)
    ]
    path = write_xlsx(tmp_path / "名册.xlsx", rows)
    plan = plan_file(db, path)
    assert plan.passed_over == []
    assert [(r.row, r.verdict) for r in plan.rows] == [
        (2, NEW), (3, NEW), (4, NEW), (5, REJECTED), (6, REJECTED), (7, REJECTED)]
    assert [r.name for r in plan.rows[:3]] == ["李注", "高审核", "合计"]
    assert {p.row for p in plan.problems} == {5, 6, 7}
    assert plan.blocked
