"""Who may apply for 疗休养: a member 在册 on the day, told otherwise in words a chair can
read out, at the boundaries of the day they join and the day they leave."""

import datetime as dt

import pytest

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.recuperation_rules import not_current_member

JOINED = dt.date(2020, 3, 5)
LEFT = dt.date(2026, 3, 1)


def history(*later: tuple[dt.date, str]) -> list[tuple[dt.date, str]]:
    return [(JOINED, ms.JOIN), *later]


def test_a_member_may_apply_from_the_day_they_join():
    assert not_current_member("张三", history(), JOINED) is None
    said = not_current_member("张三", history(), JOINED - dt.timedelta(days=1))
    assert said == ("张三2020-03-05 才入会，申请日期 2020-03-04 时还不是在册会员，不能申请"
                    "疗休养。请核对申请日期或会员的入会日期。")


def test_the_day_of_a_transfer_out_is_already_too_late():
    events = history((LEFT, ms.TRANSFER_OUT))
    assert not_current_member("张三", events, LEFT - dt.timedelta(days=1)) is None
    assert not_current_member("张三", events, LEFT) == (
        "张三已于2026-03-01转出，不是在册会员，不能申请疗休养。"
        "如会籍记录有误，请先在会员资料的“会籍变化”中更正。")


def test_a_reserved_member_may_apply_again_once_restored():
    events = history((dt.date(2024, 1, 1), ms.RESERVE), (dt.date(2025, 2, 28), ms.RESTORE))
    assert not_current_member("李四", events, dt.date(2025, 2, 27)).startswith(
        "李四自2024-01-01保留会籍，不是在册会员")
    assert not_current_member("李四", events, dt.date(2025, 2, 28)) is None


def test_someone_who_left_and_came_back_is_a_member_again():
    events = history((LEFT, ms.WITHDRAW), (dt.date(2026, 6, 1), ms.JOIN))
    assert not_current_member("王五", events, dt.date(2026, 5, 31)).startswith(
        "王五已于2026-03-01退会")
    assert not_current_member("王五", events, dt.date(2026, 6, 1)) is None


def test_no_join_at_all_and_an_impossible_history_are_said_plainly():
    assert "没有入会记录" in not_current_member("赵六", [], dt.date(2026, 1, 1))
    broken = not_current_member("钱七", [(JOINED, ms.JOIN), (LEFT, ms.RESTORE)], LEFT)
    assert broken.startswith("钱七的会籍记录有误") and "会籍变化" in broken


@pytest.mark.parametrize("kind", [ms.EXPEL, ms.WITHDRAW, ms.TRANSFER_OUT, ms.RESERVE])
def test_every_way_off_the_roll_refuses(kind):
    assert not_current_member("孙八", history((LEFT, kind)), LEFT) is not None
