import csv

from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.services.history import (
    HistoryFilter,
    count_history,
    export_history,
    search_history,
    summarise,
)
from gonghui_desk.services.profile import save_profile
from tests.factories import make_member
from tests.services.test_history_readable import run


def test_history_reads_in_chinese_with_sensitive_values_masked(db):
    with db.session() as session:
        member = make_member(session, name="曾晓梅", phone="13800000001")
        member_id = str(member.id)
    with db.session() as session:
        from gonghui_desk.db.models import Member

        session.get(Member, int(member_id)).phone = "13900000002"
    rows = search_history(db.sessions, HistoryFilter(table="member", record_id=member_id))
    assert [r.action for r in rows] == ["修改", "新增"]  # newest first
    assert rows[0].summary == "移动电话：138****0001 → 139****0002"
    assert "13800000001" not in rows[1].summary and "姓名：曾晓梅" in rows[1].summary
    assert rows[0].table == "会员"


def test_search_by_text_and_count(db):
    run(db, save_profile, BranchProfile(union_name="红星工会"))
    with db.session() as session:
        make_member(session, name="欧阳倩")
    assert count_history(db.sessions, HistoryFilter(text="红星")) == 1
    found = search_history(db.sessions, HistoryFilter(text="欧阳"))
    assert [r.record for r in found] == ["会籍变化 欧阳倩（入会）", "会员 欧阳倩"]


def test_export_writes_a_csv_excel_can_read(db, tmp_path):
    with db.session() as session:
        for n in range(12):
            make_member(session, name=f"成员{n}", phone=f"1380000{n:04d}", id_number=None)
    target = tmp_path / "修改记录.csv"
    steps = list(export_history(db.sessions, HistoryFilter(table="member"), target, batch=5))
    assert steps[-1].done == steps[-1].total == 12
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens the Chinese correctly
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0] == ["时间", "操作人", "类别", "记录", "编号", "操作", "内容"]
    assert len(rows) == 15 and all(r[5] == "新增" for r in rows[1:13])
    assert rows[1][3] == "会员 成员11" and "移动电话：138****0011" in rows[1][6]
    assert rows[14][0].startswith("导出人：") and rows[14][1].startswith("导出时间：")
    assert not list(tmp_path.glob("*.partial"))


def test_an_import_entry_says_what_it_added_and_updated():
    entry = ('{"added": [null, 3], "file_name": [null, "名单.xlsx"], "sheet": [null, "会员"], '
             '"updated": [null, 0]}')
    assert summarise("import", entry, "import_batch", "1") == (
        "文件：名单.xlsx；工作表：会员；新增人数：3；更新人数：0")
