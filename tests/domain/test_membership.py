import datetime as dt

import pytest

from gonghui_desk.domain import membership as ms

D = dt.date


def test_no_events_means_not_yet_a_member():
    assert ms.status_after([]) == ms.NOT_YET


def test_join_then_reserve_then_restore():
    events = [(D(2010, 1, 1), ms.JOIN), (D(2020, 1, 1), ms.RESERVE), (D(2021, 6, 1), ms.RESTORE)]
    assert ms.status_after(events) == ms.ACTIVE


def test_events_are_replayed_in_date_order_whatever_order_they_are_given():
    events = [(D(2022, 5, 1), ms.TRANSFER_OUT), (D(2015, 3, 1), ms.JOIN)]
    assert ms.status_after(events) == ms.TRANSFERRED_OUT


def test_status_as_of_a_cut_off_date_includes_events_on_that_day():
    events = [(D(2015, 3, 1), ms.JOIN), (D(2022, 5, 1), ms.WITHDRAW)]
    assert ms.status_after(events, as_of=D(2022, 4, 30)) == ms.ACTIVE
    assert ms.status_after(events, as_of=D(2022, 5, 1)) == ms.WITHDRAWN
    assert ms.status_after(events, as_of=D(2015, 2, 28)) == ms.NOT_YET


def test_rejoining_after_transfer_out_is_allowed():
    events = [(D(2010, 1, 1), ms.JOIN), (D(2012, 1, 1), ms.TRANSFER_OUT), (D(2014, 1, 1), ms.JOIN)]
    assert ms.status_after(events) == ms.ACTIVE


@pytest.mark.parametrize(
    "events",
    [
        [(D(2010, 1, 1), ms.RESTORE)],
        [(D(2010, 1, 1), ms.JOIN), (D(2011, 1, 1), ms.JOIN)],
        [(D(2010, 1, 1), ms.TRANSFER_OUT)],
        [(D(2010, 1, 1), ms.JOIN), (D(2011, 1, 1), ms.RESTORE)],
    ],
)
def test_impossible_histories_are_refused_with_the_date(events):
    with pytest.raises(ValueError, match=events[-1][0].isoformat()):
        ms.status_after(events)


def check(kind, day, history=(), **extra):
    draft = ms.EventDraft(kind, day, **extra)
    return {p.key for p in ms.check_event(
        draft, list(history), birth_date=D(1990, 1, 1), today=D(2026, 11, 21)
    )}


def test_event_checks_follow_the_history():
    joined = [(D(2015, 3, 1), ms.JOIN)]
    assert check(ms.RESERVE, D(2026, 11, 21), joined) == set()
    assert check(ms.RESTORE, D(2026, 11, 21), joined) == {"kind"}  # not reserved
    assert check(ms.JOIN, D(2026, 11, 21), joined) == {"kind"}  # already a member
    assert check(ms.WITHDRAW, D(2026, 11, 22), joined, reason="个人要求退会") == {
        "effective_date"
    }
    assert check(ms.WITHDRAW, D(2020, 1, 1), joined) == {"reason"}
    assert check(ms.TRANSFER_IN, D(2020, 1, 1)) == {"counterpart_union"}
    assert check(ms.JOIN, D(1989, 12, 31)) == {"effective_date"}  # before birth


def test_a_back_dated_event_must_fit_between_the_existing_ones():
    history = [(D(2015, 3, 1), ms.JOIN), (D(2020, 1, 1), ms.TRANSFER_OUT)]
    # Reserving in 2021 would come after the transfer out: impossible.
    assert check(ms.RESERVE, D(2021, 1, 1), history) == {"kind"}
    # Reserving in 2019 fits, but then the 2020 transfer out follows 保留 — allowed.
    assert check(ms.RESERVE, D(2019, 1, 1), history) == set()


def test_kinds_offered_after_each_status():
    assert ms.kinds_allowed_after(ms.NOT_YET) == (ms.JOIN, ms.TRANSFER_IN)
    assert ms.RESTORE in ms.kinds_allowed_after(ms.RESERVED)
    assert ms.RESERVE not in ms.kinds_allowed_after(ms.RESERVED)
