"""Lunar birthdays and holidays: leap months, short months, year ends."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lunardate import LunarDate

from lifecrm_gui.domain import holidays
from lifecrm_gui.domain.lunar import (
    LunarDay,
    birth_key,
    birth_keys_within,
    celebrated_on,
    lunar_date_in_year,
    next_lunar_birthday,
    solar_birth_date,
    to_lunar,
    upcoming_lunar_birthday,
)

BORN_IN_LEAP_FOURTH = date(2020, 5, 23)  # 农历 2020 闰四月初一


@given(st.dates(date(1900, 2, 1), date(2098, 12, 31)))
def test_conversion_agrees_with_lunardate(day):
    theirs = LunarDate.from_solar_date(day.year, day.month, day.day)
    assert to_lunar(day) == LunarDay(theirs.year, theirs.month, theirs.day, theirs.is_leap_month)


def test_a_date_of_birth_reads_as_its_lunar_date():
    assert to_lunar(BORN_IN_LEAP_FOURTH) == LunarDay(2020, 4, 1, True)
    assert to_lunar(BORN_IN_LEAP_FOURTH).text() == "农历闰四月初一"
    assert to_lunar(date(2026, 2, 17)).text("en") == "lunar month 1, day 1"
    assert birth_key(BORN_IN_LEAP_FOURTH) == "04-01L"
    assert to_lunar(date(1899, 6, 1)) is None


def test_born_in_a_leap_month_the_birthday_falls_in_the_ordinary_month_in_years_without_it():
    born = to_lunar(BORN_IN_LEAP_FOURTH)
    assert LunarDate.leap_month_for_year(2026) is None
    assert celebrated_on(born, 2026) == LunarDate(2026, 4, 1).to_solar_date()
    assert LunarDate.leap_month_for_year(2023) == 2  # a leap month, but another one
    assert celebrated_on(born, 2023) == LunarDate(2023, 4, 1).to_solar_date()


def test_born_in_a_leap_month_the_birthday_falls_in_the_leap_month_when_the_year_has_it():
    born = to_lunar(BORN_IN_LEAP_FOURTH)
    assert LunarDate.leap_month_for_year(2058) == 4
    assert celebrated_on(born, 2058) == LunarDate(2058, 4, 1, True).to_solar_date()
    ordinary = LunarDay(1990, 4, 1, False)  # born in the ordinary fourth month
    assert celebrated_on(ordinary, 2058) == LunarDate(2058, 4, 1).to_solar_date()


def test_born_on_the_thirtieth_the_birthday_falls_on_the_29th_of_a_short_month_across_the_year_end():
    born = solar_birth_date(2020, 12, 30)  # 2020's twelfth month has 30 days
    assert born == date(2021, 2, 11)
    occasion = next_lunar_birthday(born, date(2021, 12, 31))
    assert occasion.on == LunarDate(2021, 12, 29).to_solar_date() == date(2022, 1, 31)
    assert occasion.years == 1


def test_a_lunar_birthday_of_the_eleventh_month_is_found_in_january_of_the_next_gregorian_year():
    born = solar_birth_date(1990, 11, 20)
    as_of = date(2026, 1, 5)  # lunar 2025, month 11, day 17
    occasion = upcoming_lunar_birthday(born, as_of, 7)
    assert occasion.on == LunarDate(2025, 11, 20).to_solar_date() == date(2026, 1, 8)
    assert occasion.years == 35
    assert upcoming_lunar_birthday(born, as_of, 2) is None


def test_the_lunar_birthday_on_as_of_counts_and_the_birth_itself_does_not():
    born = date(1988, 9, 25)
    today = celebrated_on(to_lunar(born), 2026)
    assert next_lunar_birthday(born, today).on == today
    assert next_lunar_birthday(BORN_IN_LEAP_FOURTH, BORN_IN_LEAP_FOURTH).on > BORN_IN_LEAP_FOURTH


@given(st.dates(date(1920, 1, 1), date(2080, 12, 31)), st.integers(400, 30000), st.integers(0, 45))
def test_birth_keys_agree_with_the_lunar_birthday_rule(as_of, age_days, days):
    """What a query matches by key is exactly what the rule finds, leap and short months included."""
    birth = date.fromordinal(as_of.toordinal() - age_days)
    if birth < date(1900, 2, 1):
        return
    expected = upcoming_lunar_birthday(birth, as_of, days) is not None
    assert (birth_key(birth) in birth_keys_within(as_of, days)) == expected


def test_a_lunar_date_that_does_not_exist_is_refused_with_the_reason():
    with pytest.raises(ValueError, match="no leap month 5"):
        solar_birth_date(2026, 5, 1, leap=True)
    with pytest.raises(ValueError, match="has 29 days"):
        solar_birth_date(2021, 12, 30)


def test_lunar_holidays_fall_on_their_lunar_dates():
    assert lunar_date_in_year(1, 1, 2026) == date(2026, 2, 17)  # 春节
    assert lunar_date_in_year(1, 15, 2026) == date(2026, 3, 3)  # 元宵
    assert lunar_date_in_year(7, 7, 2026) == date(2026, 8, 19)  # 七夕
    assert lunar_date_in_year(8, 15, 2026) == date(2026, 9, 25)  # 中秋
    assert lunar_date_in_year(8, 15, 2025) == date(2025, 10, 6)


def test_upcoming_holidays_across_the_year_end_lunar_and_fixed():
    found = holidays.upcoming(holidays.DEFAULT_HOLIDAYS, date(2026, 12, 22), 10)
    assert [(h.key, on) for h, on in found] == [("christmas", date(2026, 12, 25)), ("new_year", date(2027, 1, 1))]
    found = holidays.upcoming(holidays.DEFAULT_HOLIDAYS, date(2027, 2, 1), 7)
    assert [(h.key, on) for h, on in found] == [("spring_festival", date(2027, 2, 6))]


def test_holidays_are_configurable_moved_switched_off_and_added():
    data = [h.to_dict() for h in holidays.DEFAULT_HOLIDAYS]
    data[4]["day"] = 21  # 520 moved to the 21st
    data[6]["enabled"] = False  # no New Year greeting
    data.append({"key": "teachers", "zh": "教师节", "en": "Teachers' Day", "calendar": "solar", "month": 9,
                 "day": 10})
    configured = holidays.from_settings(data)
    assert [(h.key, on) for h, on in holidays.upcoming(configured, date(2026, 5, 20), 1)] == [
        ("day_520", date(2026, 5, 21))]
    assert holidays.upcoming(configured, date(2026, 12, 31), 2) == []
    assert [h.key for h, _ in holidays.upcoming(configured, date(2026, 9, 8), 3)] == ["teachers"]


def test_a_bad_holiday_list_is_reported_field_by_field_and_not_used():
    bad = [{"key": "x", "zh": "X", "calendar": "solar", "month": 2, "day": 30},
           {"key": "x", "zh": "Y", "calendar": "moon", "month": 13, "day": 1}]
    fields = [f for f, _ in holidays.problems(bad)]
    assert fields == ["holidays[0].day", "holidays[1].key", "holidays[1].calendar", "holidays[1].month"]
    assert holidays.from_settings(bad) == holidays.DEFAULT_HOLIDAYS
