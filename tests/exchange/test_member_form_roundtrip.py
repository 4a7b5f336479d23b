"""The 会员信息采集表 read back by our own import: our export, and the province's blank
template filled in by hand, each come in as the members they hold.

An export imported into an empty book gives the same records in every field the form
carries; the template, typed in as a chair types (text ID numbers, dates as yyyy/MM/dd
text, values from its dropdowns), imports as it is, with no notice the rows do not earn.
"""

import datetime as dt
import shutil
import warnings
from pathlib import Path

import pytest
from openpyxl import load_workbook

from gonghui_desk.db.database import open_database
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.codes import MEMBERSHIP_CHANGE_REASON
from gonghui_desk.domain.idnumber import check_character, convert_15_to_18
from gonghui_desk.domain.member import CODE_LISTS
from gonghui_desk.domain.profile import BranchProfile
from gonghui_desk.exchange.forms.member_roster import EVENT_KINDS
from gonghui_desk.exchange.import_session import prepare_request, read_roster
from gonghui_desk.exchange.member_import import NEW, ImportPlan, import_operation, plan_import
from gonghui_desk.exchange.roster import PROVINCIAL, export_roster
from gonghui_desk.services.member_export import fetch_export_rows
from gonghui_desk.services.members import MemberFilter, search_ids
from gonghui_desk.services.operations import Runner
from gonghui_desk.services.profile import save_profile
from tests.dates import the_day
from tests.factories import make_member, write
from tests.shared_data import MEMBER_TEMPLATE

TEMPLATE = MEMBER_TEMPLATE
UNIT = "红星机械有限公司"
MEMBERS = 70
EVERYONE = MemberFilter()  # every status: the page's list with its status filter cleared
# What the form carries of a member (DOMAIN.md §1), in its column order.
CARRIED = ("name", "gender", "birth_date", "ethnicity", "employment_status", "id_type",
           "id_number", "education", "tech_level", "phone", "hukou_type", "hukou_place",
           "political_status", "work_unit", "native_place", "migrant_worker")
LEAVING = (ms.TRANSFER_OUT, ms.EXPEL, ms.WITHDRAW)


def resident_id(n: int, birth: dt.date, male: bool, *, x: bool = False) -> str:
    """A valid Beijing ID number; with ``x`` the first order number whose check is X."""
    for order in range(n * 2 % 1000, 1000):
        if order % 2 == (1 if male else 0):
            body = f"110105{birth:%Y%m%d}{order:03d}"
            if not x or check_character(body) == "X":
                return body + check_character(body)
    raise AssertionError("no order number found")


def code(field: str, n: int) -> str:
    code_list = CODE_LISTS[field].values
    return code_list[n % len(code_list)]


def fill_book(db) -> None:
    """Seventy members: every value of every list the form offers, every 会籍变化 the
    province knows with every reason, two old 15-digit numbers and two X check digits, a
    passport holder, members with no mobile, 民族, 学历, 户籍所在地 or 工作单位."""
    write(db, save_profile, BranchProfile(union_name=f"{UNIT}工会委员会", unit_name=UNIT))
    reasons = iter(MEMBERSHIP_CHANGE_REASON.values * 10)
    filled = 0  # members with their optional fields filled in: they go through the lists
    with db.session() as s:
        for n in range(MEMBERS):
            male = n % 2 == 0
            birth = dt.date(1958 + n % 40, 1 + n % 12, 1 + n % 28)
            number = resident_id(n, birth, male, x=n in (7, 30))
            if n in (11, 40):  # issued before 1999 with 15 digits, kept as its 18
                birth = dt.date(1960 + n % 10, 5, 17)
                number = convert_15_to_18(f"110105{birth:%y%m%d}{n * 2 + (1 if male else 0):03d}")
            joined = dt.date(2005, 1, 1) + dt.timedelta(days=97 * n)
            kind = EVENT_KINDS[n % len(EVENT_KINDS)]
            status = code("employment_status", n)
            if status == "退休" and kind in (ms.JOIN, ms.TRANSFER_IN):
                kind = ms.RESERVE  # a retiree keeps the membership reserved
            changed = joined + dt.timedelta(days=400)
            events = {
                ms.JOIN: [(ms.JOIN, joined)],
                ms.TRANSFER_IN: [(ms.TRANSFER_IN, joined)],
            }.get(kind, [(ms.JOIN, joined), (kind, changed)])
            document = {"id_type": "护照", "id_number": "E12345678"} if n == 5 else {
                "id_number": number}
            empty = n % 9 == 4  # the optional fields left blank
            filled += not empty
            member = make_member(
                s, name=f"会员{n:02d}", gender="男" if male else "女", birth_date=birth,
                phone="" if empty else f"139{n:08d}",
                ethnicity="" if empty else code("ethnicity", filled),
                employment_status=status,
                education="" if empty else code("education", filled),
                tech_level=code("tech_level", n), political_status=code("political_status", n),
                hukou_type=code("hukou_type", n), hukou_place="" if empty else "浙江省杭州市",
                work_unit="" if n % 3 else f"{UNIT}第{n}分厂", native_place="浙江省",
                migrant_worker=n % 4 == 1, join_date=joined, events=events, **document)
            last = member.events[-1]
            if kind in LEAVING or (kind == ms.RESERVE and n % 2):
                last.reason = next(reasons)
            if kind == ms.TRANSFER_IN:
                last.counterpart_union = "蓝天公司工会"


def carried(db) -> dict[str, tuple]:
    """Each member's carried fields and latest 会籍变化, by ID number."""
    ids = search_ids(db.sessions, EVERYONE)
    rows = fetch_export_rows(db.sessions, ids)
    return {r.id_number: (*(UNIT if k == "work_unit" and not r.work_unit else getattr(r, k)
                            for k in CARRIED),
                          r.latest_event.kind, r.latest_event.effective_date,
                          r.latest_event.reason, r.status) for r in rows}


def plan_of(db, path: Path) -> ImportPlan:
    data = read_roster(path)
    request = prepare_request(db.sessions, data, path, "add", today=the_day())
    out: list[ImportPlan] = []
    for _ in plan_import(db.sessions, request, out):
        pass
    return out[0]


def data_rows(path: Path) -> list[list]:
    rows = [list(r) for r in load_workbook(path)["会员信息"].iter_rows(min_row=5,
                                                                      values_only=True)]
    return [r[1:] for r in rows if r[1]]  # without 序号 and the note and footer lines


def test_an_export_imported_into_an_empty_book_gives_the_same_members(db, tmp_path):
    fill_book(db)
    path = tmp_path / "采集表.xlsx"
    list(export_roster(db.sessions, EVERYONE, path, PROVINCIAL, today=the_day()))
    empty = open_database(tmp_path / "新账本.sqlite3")
    try:
        plan = plan_of(empty, path)
        assert plan.header_row == 4
        assert [r.verdict for r in plan.rows] == [NEW] * MEMBERS
        # The 填表说明 row and the footer (导出时间) are not members.
        assert [why for _, why, _ in plan.passed_over] == ["说明行", "日期行"]
        Runner(empty).run(import_operation(plan, valid_only=False))
        before, after = carried(db), carried(empty)
        assert after == before
        # Everything the form offers came through: every value of its lists.
        seen = list(zip(*before.values(), strict=True))
        for index, key in enumerate(CARRIED):
            if key in CODE_LISTS and key != "id_type":
                assert set(CODE_LISTS[key].values) <= set(seen[index]), key
        assert set(seen[len(CARRIED)]) == set(EVENT_KINDS)
        assert set(MEMBERSHIP_CHANGE_REASON.values) <= set(seen[len(CARRIED) + 2])
        assert sum(n.endswith("X") for n in before) >= 2 and "E12345678" in before
        # Our export of the new book is the same form, cell for cell.
        again = tmp_path / "再导出.xlsx"
        list(export_roster(empty.sessions, EVERYONE, again, PROVINCIAL, today=the_day()))
        assert data_rows(again) == data_rows(path)
    finally:
        empty.close()


def test_what_the_form_cannot_carry_is_said_once_per_member(db, tmp_path):
    """Its notices are the data's own: the 入会日期 and 原所在工会 the form has no column
    for, and a missing mobile; nothing about a hint in a header or a date's format."""
    fill_book(db)
    path = tmp_path / "采集表.xlsx"
    list(export_roster(db.sessions, EVERYONE, path, PROVINCIAL, today=the_day()))
    empty = open_database(tmp_path / "新账本.sqlite3")
    try:
        plan = plan_of(empty, path)
    finally:
        empty.close()
    expected = {
        ms.JOIN: set(),
        ms.TRANSFER_IN: {"未填写入会日期，按转入日期记录。",
                         "未填写原所在工会，转入记录中记为“原工会未登记”。"},
    }
    for row in plan.rows:
        kind = row.events[-1].kind
        notices = set(row.notices) - {"未填写移动电话：上报会员实名信息时为必填项。"}
        if kind in expected:
            assert notices == expected[kind], row.name
        else:
            [notice] = notices
            assert notice.startswith("表中没有入会日期一列，入会日期暂按会籍变化日期"), row.name
        assert ("未填写移动电话：上报会员实名信息时为必填项。" in row.notices) == (
            not row.data.phone), row.name


WANG_FANG = "11010519951231002" + check_character("11010519951231002")
ZENG = resident_id(1, dt.date(1988, 1, 1), male=False, x=True)  # typed with a small x


def chair_fills(path: Path) -> None:
    """Four members typed into the province's blank template, as Excel keeps what is typed
    into its text cells: text, IDs and dates included; values picked from its dropdowns."""
    with warnings.catch_warnings():  # openpyxl drops the 民族 list's Excel 2010 extension
        warnings.simplefilter("ignore", UserWarning)
        workbook = load_workbook(path)
    sheet = workbook["会员信息"]
    sheet["A3"] = "填表单位（盖章）：红星机械有限公司工会委员会"
    rows = [
        ["1", "张伟", "男", "1990/03/07", "汉族", "在岗", "居民身份证", "110105199003070017",
         "本科", "职业资格四级（中级）", "13812345678", "非农业户口", "浙江省杭州市西湖区", "入会",
         "2015/06/01", "", "中共党员", "红星机械有限公司", "浙江省杭州市", "否"],
        ["2", "曾晓梅", "女", "1988/01/01", "僳僳族", "待（下）岗", "居民身份证",
         ZENG.lower(), "大专", "无", "13912345678", "农业户口", "云南省怒江州", "转入",
         "2019/09/10", "劳动（工作）关系发生变化", "群众", "红星机械有限公司", "云南省", "是"],
        ["3", "李建国", "男", "1962/05/17", "回族", "退休", "居民身份证", "110105620517003",
         "高中", "职业资格二级（技师）", "13712345678", "非农业户口", "北京市朝阳区", "保留",
         "2022/05/31", "", "群众", "红星机械有限公司", "河北省", "否"],
        ["4", "王芳", "女", "1995/12/31", "汉族", "在岗", "居民身份证", WANG_FANG,
         "硕士", "无", "13612345678", "非农业户口", "浙江省杭州市", "入会", "2020/03/05", "",
         "共青团员", "红星机械有限公司", "浙江省", "否"],
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, 1):
            sheet.cell(5 + offset, column, value or None)
    workbook.save(path)


def test_the_provincial_template_filled_by_hand_imports_as_it_is(db, tmp_path):
    path = tmp_path / "会员信息采集表.xlsx"
    shutil.copy(TEMPLATE, path)
    chair_fills(path)
    plan = plan_of(db, path)
    assert plan.header_row == 4
    assert [(r.row, r.name, r.verdict) for r in plan.rows] == [
        (5, "张伟", NEW), (6, "曾晓梅", NEW), (7, "李建国", NEW), (8, "王芳", NEW)]
    assert [(row, why) for row, why, _ in plan.passed_over] == [(14, "说明行")]
    notices = {r.name: r.notices for r in plan.rows}
    assert notices["张伟"] == notices["王芳"] == ()
    assert set(notices["曾晓梅"]) == {"未填写入会日期，按转入日期记录。",
                                   "未填写原所在工会，转入记录中记为“原工会未登记”。"}
    converted = convert_15_to_18("110105620517003")
    assert set(notices["李建国"]) == {
        f"15 位身份证号码已按国家标准转换为 18 位：{converted}。",
        "表中没有入会日期一列，入会日期暂按会籍变化日期（2022-05-31，保留）记录，"
        "请在会员信息中改为实际的入会日期。"}
    Runner(db).run(import_operation(plan, valid_only=False))
    rows = {r.name: r for r in fetch_export_rows(db.sessions, search_ids(db.sessions,
                                                                          EVERYONE))}
    zeng, li, zhang = rows["曾晓梅"], rows["李建国"], rows["张伟"]
    assert zeng.ethnicity == "傈僳族" and zeng.id_number == ZENG and ZENG.endswith("X")
    assert zeng.employment_status == "待（下）岗" and zeng.migrant_worker
    assert zeng.latest_event.kind == "转入"
    assert zeng.latest_event.reason == "劳动（工作）关系发生变化"
    assert li.id_number == converted and li.status == ms.RESERVED
    assert (li.latest_event.kind, li.latest_event.effective_date) == ("保留", dt.date(2022, 5, 31))
    assert zhang.birth_date == dt.date(1990, 3, 7) and zhang.join_date == dt.date(2015, 6, 1)
    assert zhang.tech_level == "职业资格四级（中级）" and zhang.political_status == "中共党员"


@pytest.mark.parametrize("typed", ["110105199003070017", "１１０１０５１９９００３０７００１７"])
def test_a_header_hint_never_hides_the_id_number_column(db, tmp_path, typed):
    """The hint "(填写18位身份证)" under 证件号码 and the ones after the dates name no field
    of their own: the columns map to 证件号码, 出生日期 and 会籍变化日期."""
    path = tmp_path / "会员信息采集表.xlsx"
    shutil.copy(TEMPLATE, path)
    chair_fills(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        workbook = load_workbook(path)
    workbook["会员信息"]["H5"] = typed  # full-width digits, as a Chinese input method gives
    workbook.save(path)
    plan = plan_of(db, path)
    request = prepare_request(db.sessions, read_roster(path), path, "add", today=the_day())
    assert {request.headers[i]: key for i, key in request.mapping.items()} == {
        "姓名": "name", "性别": "gender", "出生日期（格式：yyyy/MM/dd）": "birth_date",
        "民族": "ethnicity", "就业状况": "employment_status", "有效证件类别": "id_type",
        "证件号码\n(填写18位身份证)": "id_number", "学历": "education", "技术等级": "tech_level",
        "移动电话": "phone", "户籍类型": "hukou_type", "户籍所在地": "hukou_place",
        "会籍变化类型": "change_kind", "会籍变化日期（格式：yyyy/MM/dd）": "change_date",
        "会籍变化原因": "change_reason", "政治面貌": "political_status", "工作单位": "work_unit",
        "籍贯": "native_place", "是否农民工会员\n填写“是”或“否”": "migrant_worker"}
    assert plan.rows[0].verdict == NEW and plan.rows[0].data.id_number == "110105199003070017"
