"""Before a statistics form is written, the figures a higher body would send it back for.

Each book below is built to hold one contradiction the reviewer found (members of a kind
above the staff of that kind, reserved members in the rate, a year whose changes do not add
up, one figure that reads differently on two forms of a year); the pre-flight names it and
where to fix it, and a book without it passes clean.
"""

import datetime as dt
import subprocess
import sys
from dataclasses import replace

import pytest

from gonghui_desk.db.models import MembershipEvent
from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.annual import YearFigures
from gonghui_desk.domain.contract import ALL_WORKERS, Vote
from gonghui_desk.exchange.forms import form_by_id
from gonghui_desk.exchange.forms.export import preflight
from gonghui_desk.exchange.forms.spec import FormParams
from gonghui_desk.services import contracts as cs
from gonghui_desk.services.annual import save_year
from tests.exchange.forms_helpers import export, pdf_pages
from tests.exchange.test_contract_forms import WAGE_CONTRACT
from tests.factories import make_member, write
from tests.services.test_contracts import TEAM

D = dt.date
TODAY = D(2026, 11, 20)
pytestmark = pytest.mark.today(TODAY.isoformat())


def problems(db, form_id, **params):
    spec = form_by_id(form_id)
    return [p.text() for p in preflight(db.sessions, spec, FormParams(today=TODAY, **params))]


@pytest.fixture
def book(db):
    """Five working members (3 农民工, 2 劳务派遣, 1 快递员) and one retired, reserved one."""
    with db.session() as s:
        for n in range(5):
            make_member(s, name=f"在职{n}", id_number=f"11010519900307{n:03d}1"[:17] + "0",
                        phone=f"1391234{n:04d}", events=[(ms.JOIN, D(2020, 1, 1))],
                        migrant_worker=n < 3, dispatched=n >= 3,
                        new_employment_form="快递员" if n == 0 else "")
        make_member(s, name="退休甲", id_number="110105195503070019", phone="13912349999",
                    events=[(ms.JOIN, D(2000, 1, 1)), (ms.RESERVE, D(2026, 3, 1))],
                    migrant_worker=True)
    return db


def figures(**values):
    base = dict(year=2026, staff=10, staff_female=4, staff_migrant=3, staff_dispatched=2,
                staff_new_form=1, delegates=9)
    return YearFigures(**{**base, **values})


def test_figures_that_agree_pass_clean(book):
    write(book, save_year, figures())
    assert problems(book, "annual-stats", as_of=TODAY) == []


def test_members_of_a_kind_above_the_staff_of_that_kind_are_named(book):
    write(book, save_year, figures(staff_migrant=2, staff_dispatched=1, staff_new_form=0))
    found = problems(book, "annual-stats", as_of=TODAY)
    assert len(found) == 3
    assert found[0].startswith("2026 年：农民工会员 3 人，多于农民工 2 人")
    assert "设置 → 年度基本情况（2026 年的“农民工”）或会员记录的“是否农民工”" in found[0]
    assert "劳务派遣会员 2 人，多于劳务派遣工 1 人" in found[1]
    assert "新就业形态会员 1 人，多于新就业形态劳动者 0 人" in found[2]


def test_a_reserved_retired_member_is_not_counted_among_the_staff(book, tmp_path):
    # Exactly as many 农民工 staff as working 农民工 members: the retired one is not staff.
    write(book, save_year, figures(staff=5, staff_migrant=3))
    assert problems(book, "annual-stats", as_of=TODAY) == []
    write(book, save_year, figures(staff=4, staff_migrant=3))
    assert "会员人数（在职） 5 人，多于职工人数 4 人" in problems(book, "annual-stats",
                                                                  as_of=TODAY)[0]
    write(book, save_year, figures(staff=10))
    [page] = pdf_pages(export(book, "annual-stats", tmp_path / "a.pdf", as_of=TODAY,
                              today=TODAY))
    assert "50.0%（在职会员5÷职工10）" in page
    assert "保留会籍的会员（不计入入会率）1" in page and "会员合计6" in page
    assert "入会率=在职会员人数÷职工人数" in page  # the definition is printed


def test_a_year_whose_changes_do_not_add_up_names_the_member(book):
    write(book, save_year, figures())
    with book.session() as s:
        # A second 入会 while already a member: one more event than people.
        odd = make_member(s, name="重复入会", id_number="110105199003070027",
                          phone="13912340099", events=[(ms.JOIN, D(2019, 1, 1))])
        s.add(MembershipEvent(member_id=odd.id, kind=ms.JOIN, effective_date=D(2026, 4, 1)))
    [found] = problems(book, "annual-stats", as_of=TODAY)
    assert "2026-01-01 至 2026-11-20 的会员变动对不上" in found
    assert "期初 7 + 入会 1 + 转入 0 − 转出 0 − 退会 0 − 除名 0 = 8" in found
    assert "但期末会员是 7 人，相差 -1 人" in found
    assert "重复入会（编号" in found and "会员记录的会籍变动" in found
    assert problems(book, "member-changes", start=D(2026, 1, 1), end=TODAY) == [found]
    assert problems(book, "member-changes", start=D(2026, 5, 1), end=TODAY) == []


def test_one_figure_has_one_source_across_the_forms_of_a_year(book, tmp_path):
    write(book, save_year, figures(staff=3375, delegates=63))
    wage = write(book, cs.save_contract, WAGE_CONTRACT, TEAM)  # 337 staff, 90 entitled
    annual = problems(book, "annual-stats", as_of=TODAY)
    filing = problems(book, "contract-filing", record_id=wage)
    assert filing == problems(book, "congress-resolution", record_id=wage)
    assert len(filing) == 2 and all(p in annual for p in filing)
    assert filing[0].startswith("集体合同“2026 年度工资专项集体合同”的职工总数是 337 人，"
                                "而 2026 年度基本情况的职工人数是 3,375 人")
    assert "职代会的应到代表是 90 人，而 2026 年度基本情况的职代会代表是 63 人" in filing[1]
    assert "集体合同页" in filing[1] and "设置 → 年度基本情况" in filing[1]
    # The filing prints 职工总数 from its one source.
    [page] = pdf_pages(export(book, "contract-filing", tmp_path / "f.pdf", record_id=wage,
                              today=TODAY))
    assert "职工总数3375人" in page
    # An all-worker meeting has no delegates to compare.
    write(book, cs.save_contract, replace(WAGE_CONTRACT, meeting_type=ALL_WORKERS,
                                          vote=Vote(3375, 3000, 2000), workers_total=3375),
          TEAM, wage)
    assert problems(book, "contract-filing", record_id=wage) == []


def test_the_command_line_lists_the_contradictions_and_still_exports(book, tmp_path):
    write(book, save_year, figures(staff_migrant=2))
    out = tmp_path / "a.pdf"
    book.close()  # the command opens the book itself
    done = subprocess.run(
        [sys.executable, "-m", "gonghui_desk", "--db", book.location, "--today",
         TODAY.isoformat(), "export", "annual-stats", "--out", str(out)],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "注意（核对 1/1）：2026 年：农民工会员 3 人，多于农民工 2 人" in done.stderr
    assert out.exists()


# The indicators every chair is asked for (DOMAIN.md §5), as the return labels them.
ANNUAL_INDICATORS = (
    "统计编码", "工会名称", "行政区划代码", "组织类型", "职工人数", "其中：女职工",
    "会员人数（在职）", "其中：女会员", "其中：农民工", "其中：农民工会员", "其中：劳务派遣工",
    "其中：劳务派遣会员", "其中：新就业形态劳动者", "其中：新就业形态会员",
    "保留会籍的会员（不计入入会率）", "入会率", "专职工会干部（人）", "兼职工会干部（人）",
    "职代会代表（人）", "其中：女代表（人）", "女职工委员会", "经费审查委员会", "职代会制度",
    "厂务公开", "劳动保护监督检查委员会", "劳动争议调解委员会",
)


def test_the_annual_return_carries_every_indicator_a_chair_is_asked_for(book, tmp_path):
    write(book, save_year, figures())
    [page] = pdf_pages(export(book, "annual-stats", tmp_path / "a.pdf", as_of=TODAY,
                              today=TODAY))
    missing = [label for label in ANNUAL_INDICATORS if label not in page]
    assert missing == []
