"""The demo studio derived as a year of month-end recomputes would have left it: stage
moves on record (the dashboard's stage flow and win-backs), today's derivation the same."""

from collections import Counter
from datetime import date

import pytest

from lifecrm_gui.services.demo import derive_demo, generate_demo, month_ends_before
from lifecrm_gui.services.recompute import LAST_RECOMPUTE, evaluate, recompute
from lifecrm_gui.services.settings import get_setting

AS_OF = date(2026, 6, 30)


@pytest.mark.parametrize("as_of, months, expected", [
    (date(2026, 6, 30), 3, [date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31)]),
    (date(2026, 7, 1), 1, [date(2026, 6, 30)]),  # the first of a month: the month before ends the day before
    (date(2026, 1, 15), 2, [date(2025, 11, 30), date(2025, 12, 31)]),  # across a new year
    (date(2024, 3, 31), 1, [date(2024, 2, 29)]),  # a leap February
    (date(2026, 6, 30), 0, []),
])
def test_month_ends_before(as_of, months, expected):
    assert month_ends_before(as_of, months) == expected


@pytest.fixture
def studio(db):
    generate_demo(db, 400, seed=3, as_of=AS_OF)
    calls = []
    result = derive_demo(AS_OF, months=12, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 13) and calls[-1] == (13, 13)
    return db.connection(), result


def test_a_year_of_stage_moves_is_on_record_at_the_month_ends(studio):
    conn, _result = studio
    moves = conn.execute(
        "SELECT substr(occurred_at, 1, 10), time(occurred_at), win_back FROM event WHERE kind = 'stage_change' "
        "AND stage_from IS NOT NULL AND stage_from != stage_to AND occurred_at < ?", (AS_OF.isoformat(),)).fetchall()
    month_ends = {d.isoformat() for d in month_ends_before(AS_OF, 12)}
    assert {day for day, _time, _win_back in moves} <= month_ends
    assert {time for _day, time, _win_back in moves} == {"23:59:59"}
    by_month = Counter(day for day, _time, _win_back in moves)
    assert len(by_month) >= 10  # moves in nearly every month, not one burst
    assert sum(win_back for _day, _time, win_back in moves) > 0


def test_no_client_has_a_stage_before_they_were_first_seen(studio):
    conn, _result = studio
    assert conn.execute(
        "SELECT COUNT(*) FROM event e JOIN client c ON c.id = e.client_id WHERE e.kind = 'stage_change' "
        "AND substr(e.occurred_at, 1, 10) < c.first_seen_on").fetchone()[0] == 0
    # clients first seen after a month-end were first given a stage at a later one
    late = conn.execute("SELECT id FROM client WHERE first_seen_on > ? ORDER BY id LIMIT 1",
                        (month_ends_before(AS_OF, 12)[0].isoformat(),)).fetchone()
    assert late is not None


def test_today_is_derived_as_without_the_history(studio):
    conn, result = studio
    derived, stored = evaluate(AS_OF)
    assert all(derived[cid].row() == stored[cid] for cid in derived)
    assert get_setting(LAST_RECOMPUTE) == AS_OF.isoformat()
    # each client's last recorded stage is the one they hold
    last = dict(conn.execute(
        "SELECT client_id, stage_to FROM event e WHERE kind = 'stage_change' AND id = "
        "(SELECT MAX(id) FROM event WHERE client_id = e.client_id AND kind = 'stage_change')").fetchall())
    assert last == dict(conn.execute("SELECT id, stage FROM client").fetchall())
    assert recompute(AS_OF).moved == 0


def test_a_day_looked_back_on_leaves_later_clients_and_the_last_recompute_alone(db):
    generate_demo(db, 200, seed=5, as_of=AS_OF)
    conn = db.connection()
    day = date(2025, 12, 31)
    result = recompute(day, seen_only=True)
    seen = conn.execute("SELECT COUNT(*) FROM client WHERE first_seen_on <= ?", (day.isoformat(),)).fetchone()[0]
    assert 0 < seen < 200 and result.clients == seen
    assert conn.execute("SELECT COUNT(*) FROM client WHERE stage IS NOT NULL").fetchone()[0] == seen
    # only the stages are written: the rest waits for a recompute of a day of its own
    assert conn.execute("SELECT COUNT(*) FROM client WHERE spend != 0 OR tier != 0").fetchone()[0] == 0
    assert get_setting(LAST_RECOMPUTE) is None
