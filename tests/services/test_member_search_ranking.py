"""A digit search puts the people whose ID number or mobile ends with the digits first."""

from gonghui_desk.services.members import MemberFilter, fetch_rows, search_ids
from tests.factories import make_member


def add_people(db):
    with db.session() as s:
        inside = make_member(s, name="阿美", phone="13900000001",
                             id_number="110105196860010013").id  # 9686 inside, sorts first
        phone_tail = make_member(s, name="张伟", phone="13800009686",
                                 id_number="110105199003070025").id
        id_tail = make_member(s, name="周敏", phone="13900000003",
                              id_number="110105199001019686").id
    return inside, phone_tail, id_tail


def test_tail_matches_come_first_then_the_rest_by_the_chosen_order(db):
    inside, phone_tail, id_tail = add_people(db)
    assert search_ids(db.sessions, MemberFilter(text="9686")) == [phone_tail, id_tail, inside]
    # The order the chair chose still holds inside each group.
    assert search_ids(db.sessions, MemberFilter(text="9686", descending=True)) == [
        id_tail, phone_tail, inside]


def test_a_matched_tail_shows_unmasked_and_says_which_number(db):
    inside, phone_tail, id_tail = add_people(db)
    rows = fetch_rows(db.sessions, [inside, phone_tail, id_tail], search="019686")
    assert rows[id_tail].id_number_masked == "110105******019686"
    assert (rows[id_tail].matched, rows[id_tail].matched_tail) == ("id_number", "019686")
    assert rows[inside].matched == ""
    assert rows[inside].id_number_masked == "110105********0013"  # no reveal inside
    rows = fetch_rows(db.sessions, [phone_tail], search="09686")
    assert rows[phone_tail].phone_masked == "138***09686"
    assert rows[phone_tail].matched == "phone"
    assert rows[phone_tail].id_number_masked == "110105********0025"
    # Without a search, the usual last four only.
    assert fetch_rows(db.sessions, [id_tail])[id_tail].id_number_masked == "110105********9686"
