"""Birthdays, anniversaries and children's milestones coming round (pure dates)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lifecrm_gui.domain.milestones import (
    age_on,
    anniversary_in,
    birth_range_for_ages,
    child_age_text,
    child_milestones,
    month_days_within,
    next_anniversary,
    upcoming_anniversary,
    upcoming_birthday,
)

AS_OF = date(2026, 6, 30)


def test_a_29_february_date_comes_round_on_28_february_in_common_years():
    assert anniversary_in(date(1992, 2, 29), 2026) == date(2026, 2, 28)
    assert anniversary_in(date(1992, 2, 29), 2028) == date(2028, 2, 29)


def test_a_29_february_birthday_is_found_in_a_common_year_and_in_a_leap_year():
    leapling = date(1992, 2, 29)
    assert upcoming_birthday(leapling, date(2027, 2, 21), 7).on == date(2027, 2, 28)
    assert upcoming_birthday(leapling, date(2027, 2, 21), 6) is None  # 28 February is day 7
    assert upcoming_birthday(leapling, date(2028, 2, 22), 7).on == date(2028, 2, 29)
    assert upcoming_birthday(leapling, date(2028, 2, 22), 7).years == 36


def test_the_window_holds_as_of_and_its_last_day_but_not_the_day_after():
    birth = date(1990, 7, 7)
    assert upcoming_birthday(birth, AS_OF, 7).on == date(2026, 7, 7)
    assert upcoming_birthday(birth, AS_OF, 6) is None
    assert upcoming_birthday(date(1990, 6, 30), AS_OF, 0).on == AS_OF
    assert upcoming_birthday(date(1990, 6, 29), AS_OF, 7) is None  # yesterday's comes round next year


def test_birthdays_and_anniversaries_are_found_across_the_year_end():
    as_of = date(2026, 12, 28)
    birthday = upcoming_birthday(date(1985, 1, 3), as_of, 7)
    assert (birthday.on, birthday.years) == (date(2027, 1, 3), 42)
    anniversary = upcoming_anniversary(date(2020, 1, 2), as_of, 7)
    assert (anniversary.on, anniversary.years) == (date(2027, 1, 2), 7)
    assert next_anniversary(date(2020, 12, 27), as_of) == date(2027, 12, 27)


def test_a_wedding_this_year_has_no_anniversary_until_next_year():
    assert next_anniversary(date(2026, 6, 1), AS_OF) == date(2027, 6, 1)
    assert upcoming_anniversary(date(2026, 7, 1), AS_OF, 7) is None  # the wedding itself, not an anniversary


def test_child_milestones_full_month_hundred_days_first_birthday_then_yearly():
    kinds = lambda birth: [(o.kind, o.on, o.years) for o in child_milestones(birth, AS_OF, 7)]  # noqa: E731
    assert kinds(date(2026, 6, 1)) == [("full_month", date(2026, 7, 1), None)]
    assert kinds(date(2026, 3, 22)) == [("hundred_days", AS_OF, None)]
    assert kinds(date(2025, 7, 5)) == [("first_birthday", date(2026, 7, 5), 1)]
    assert kinds(date(2023, 7, 7)) == [("child_birthday", date(2026, 7, 7), 3)]
    assert kinds(date(2026, 5, 23)) == []  # 满月 was yesterday, 百天 is far off


def test_a_milestone_on_the_windows_last_day_counts_and_the_day_after_does_not():
    birth = date(2026, 6, 7)  # 满月 on 7 July
    assert [o.kind for o in child_milestones(birth, AS_OF, 7)] == ["full_month"]
    assert child_milestones(birth, AS_OF, 6) == []


def test_child_milestones_across_the_year_end():
    found = child_milestones(date(2025, 12, 5), date(2025, 12, 30), 7)
    assert [(o.kind, o.on) for o in found] == [("full_month", date(2026, 1, 4))]
    found = child_milestones(date(2025, 9, 25), date(2025, 12, 30), 7)
    assert [(o.kind, o.on) for o in found] == [("hundred_days", date(2026, 1, 3))]


def test_month_days_cross_the_year_end_and_carry_29_february_on_the_28th():
    assert month_days_within(date(2026, 12, 29), 5) == {"12-29", "12-30", "12-31", "01-01", "01-02", "01-03"}
    assert "02-29" in month_days_within(date(2027, 2, 27), 1)
    assert "02-29" not in month_days_within(date(2028, 2, 27), 1)  # leap year: the 29th has its own day
    assert "02-29" in month_days_within(date(2028, 2, 27), 2)


def test_windows_beyond_a_year_are_refused():
    with pytest.raises(ValueError):
        month_days_within(AS_OF, 367)
    with pytest.raises(ValueError):
        upcoming_birthday(date(1990, 1, 1), AS_OF, -1)


@given(st.dates(date(1930, 1, 1), date(2030, 12, 31)), st.dates(date(1990, 1, 1), date(2060, 12, 31)),
       st.integers(0, 60))
def test_month_days_agree_with_the_next_birthday(birth, as_of, days):
    """What a query matches by month and day is exactly what the rule finds."""
    if birth >= as_of:
        return
    in_window = upcoming_birthday(birth, as_of, days) is not None
    assert (birth.strftime("%m-%d") in month_days_within(as_of, days)) == in_window


@given(st.dates(date(1990, 1, 1), date(2030, 12, 31)), st.dates(date(2000, 1, 1), date(2040, 12, 31)),
       st.integers(0, 20), st.integers(0, 20))
def test_birth_ranges_agree_with_ages(birth, on, low, span):
    high = low + span
    earliest_excluded, latest = birth_range_for_ages(on, low, high)
    in_range = earliest_excluded < birth <= latest
    assert in_range == (birth <= on and low <= age_on(birth, on) <= high)


def test_age_turns_on_the_day_the_birthday_is_greeted():
    leapling = date(2024, 2, 29)
    assert age_on(leapling, date(2025, 2, 27)) == 0
    assert age_on(leapling, date(2025, 2, 28)) == 1
    assert age_on(date(2020, 7, 1), AS_OF) == 5


def test_a_childs_age_reads_as_parents_say_it():
    birth = date(2026, 3, 22)
    assert child_age_text(birth, birth + timedelta(days=12)) == "12天"
    assert child_age_text(birth, birth + timedelta(days=30)) == "满月"
    assert child_age_text(birth, birth + timedelta(days=100)) == "百天"
    assert child_age_text(birth, date(2026, 7, 21)) == "3个月"
    assert child_age_text(birth, date(2027, 3, 22)) == "1岁"
    assert child_age_text(birth, date(2027, 3, 22), "en") == "1 year old"
    assert child_age_text(birth, date(2026, 5, 23), "en") == "2 months old"
    assert child_age_text(birth, date(2026, 3, 1)) == ""  # not born yet
