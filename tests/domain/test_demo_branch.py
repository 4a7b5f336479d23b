import datetime as dt
from collections import Counter

from stdnum.cn import ric

from gonghui_desk.domain import membership as ms
from gonghui_desk.domain.demo import DemoBranch
from gonghui_desk.domain.idnumber import parse_id_number

AS_OF = dt.date(2026, 11, 21)


def people(count, seed=7):
    return list(DemoBranch(seed, AS_OF).members(count))


def test_same_seed_same_branch_other_seed_other_branch():
    assert people(50) == people(50)
    assert people(50) != people(50, seed=8)


def test_every_demo_id_validates_with_stdnum_and_matches_birth_date_and_sex():
    for person in people(3000):
        assert ric.is_valid(person.id_number), person.id_number
        parsed = parse_id_number(person.id_number, today=AS_OF)
        assert parsed.birth_date == person.birth_date
        assert parsed.gender == person.gender


def test_ids_and_phones_are_unique():
    crowd = people(3000)
    assert len({p.id_number for p in crowd}) == 3000
    assert len({p.phone for p in crowd}) == 3000


def test_surname_mix_is_realistic_and_includes_the_pinyin_traps():
    crowd = people(20000)
    surnames = Counter(p.name[:2] if p.name[:2] in ("欧阳", "司马", "诸葛", "上官") else p.name[0]
                       for p in crowd)
    top = [s for s, _ in surnames.most_common(3)]
    assert set(top) == {"王", "李", "张"}
    for rare in ("曾", "单", "解", "欧阳"):
        assert surnames[rare] > 0, rare


def test_histories_are_possible_and_include_transfers_and_withdrawals():
    crowd = people(3000)
    statuses = Counter(
        ms.status_after([(e.effective_date, e.kind) for e in p.events]) for p in crowd
    )
    assert statuses[ms.ACTIVE] > 2000
    assert statuses[ms.TRANSFERRED_OUT] > 0
    assert statuses[ms.WITHDRAWN] > 0
    assert statuses[ms.RESERVED] > 0
    for person in crowd:
        assert all(e.effective_date <= AS_OF for e in person.events)
        assert person.join_date >= dt.date(person.birth_date.year + 18, 1, 1)
