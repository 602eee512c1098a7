"""The Chinese lunar calendar (农历) for birthdays and holidays, on the `lunardate` tables.

A client's `birthday` is always the real date of birth (the Gregorian date on the
ID card); `birthday_lunar` says the client celebrates the lunar birthday: the
lunar month and day of that date of birth, each lunar year. `solar_birth_date`
turns what a client says ("农历 1990 年八月十五") into the date of birth to store.

Rules for a lunar birthday in a lunar year:
- born in a leap month (闰月): in a year that has the same leap month, the
  birthday falls in the leap month; in every other year (most years) it falls
  in the ordinary month of the same number;
- born on day 30 of a long month: in a year whose month has 29 days, the
  birthday falls on day 29, the last day of that month.

The tables cover lunar years 1900 to 2098; dates outside them have no lunar
birthday (the functions say None).
"""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from lunardate import LunarDate

from .milestones import MAX_WINDOW_DAYS, Occasion

FIRST_YEAR, LAST_YEAR = 1900, 2098
MONTH_NAMES = ("正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬", "腊")
DAY_NAMES = ("初一", "初二", "初三", "初四", "初五", "初六", "初七", "初八", "初九", "初十",
             "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
             "廿一", "廿二", "廿三", "廿四", "廿五", "廿六", "廿七", "廿八", "廿九", "三十")


@dataclass(frozen=True)
class LunarDay:
    year: int
    month: int
    day: int
    leap: bool = False

    def key(self) -> str:
        """"08-15", or "04-01L" for a day of a leap month: what a birthday is matched by."""
        return f"{self.month:02d}-{self.day:02d}{'L' if self.leap else ''}"

    def text(self, lang: str = "zh") -> str:
        if lang == "en":
            return f"lunar {'leap ' if self.leap else ''}month {self.month}, day {self.day}"
        return f"农历{'闰' if self.leap else ''}{MONTH_NAMES[self.month - 1]}月{DAY_NAMES[self.day - 1]}"


@dataclass(frozen=True)
class _Month:
    month: int
    leap: bool
    start: int  # ordinal of the Gregorian date of day 1
    length: int


def leap_month(year: int) -> int | None:
    """The month that is doubled in a lunar year, if any."""
    return LunarDate.leap_month_for_year(year)


@lru_cache(maxsize=512)
def _months(year: int) -> tuple[_Month, ...]:
    """The months of a lunar year in order, with their first day and length."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"lunar year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
    doubled = leap_month(year)
    order = []
    for month in range(1, 13):
        order.append((month, False))
        if month == doubled:
            order.append((month, True))
    starts = [LunarDate(year, m, 1, leap).to_solar_date().toordinal() for m, leap in order]
    starts.append(LunarDate(year + 1, 1, 1).to_solar_date().toordinal())
    return tuple(_Month(m, leap, starts[i], starts[i + 1] - starts[i]) for i, (m, leap) in enumerate(order))


def _new_year(year: int) -> int:
    return _months(year)[0].start


def to_lunar(day: date) -> LunarDay | None:
    """The lunar date of a Gregorian date, None outside the tables."""
    ordinal = day.toordinal()
    year = day.year
    try:
        if ordinal < _new_year(year):
            year -= 1
        months = _months(year)
    except ValueError:
        return None
    index = bisect_right([m.start for m in months], ordinal) - 1
    month = months[index]
    return LunarDay(year, month.month, ordinal - month.start + 1, month.leap)


def to_solar(year: int, month: int, day: int, leap: bool = False) -> date:
    """The Gregorian date of a lunar date; ValueError naming what does not exist."""
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1 to 12, not {month}")
    months = _months(year)
    for entry in months:
        if entry.month == month and entry.leap == leap:
            if not 1 <= day <= entry.length:
                raise ValueError(f"lunar {year} {'leap ' if leap else ''}month {month} has {entry.length} days, "
                                 f"not {day}")
            return date.fromordinal(entry.start + day - 1)
    raise ValueError(f"lunar year {year} has no leap month {month}")


def solar_birth_date(year: int, month: int, day: int, leap: bool = False) -> date:
    """The date of birth of someone born on a lunar date (what the profile stores)."""
    return to_solar(year, month, day, leap)


def celebrated_on(born: LunarDay, lunar_year: int) -> date:
    """The Gregorian date of a lunar birthday in a lunar year (see the module's rules)."""
    months = _months(lunar_year)
    doubled = leap_month(lunar_year)
    in_leap = born.leap and doubled == born.month
    for entry in months:
        if entry.month == born.month and entry.leap == in_leap:
            return date.fromordinal(entry.start + min(born.day, entry.length) - 1)
    raise AssertionError("every lunar year has months 1 to 12")


def next_lunar_birthday(birth: date, as_of: date) -> Occasion | None:
    """The first lunar birthday on or after as_of (after the birth itself), with the
    number of lunar years it marks; None when the dates fall outside the tables."""
    born = to_lunar(birth)
    current = to_lunar(as_of)
    if born is None or current is None:
        return None
    for year in range(max(current.year - 1, born.year + 1), current.year + 2):
        try:
            on = celebrated_on(born, year)
        except ValueError:
            return None
        if on >= as_of:
            return Occasion("lunar_birthday", on, year - born.year)
    return None


def upcoming_lunar_birthday(birth: date, as_of: date, days: int) -> Occasion | None:
    occasion = next_lunar_birthday(birth, as_of)
    if occasion is None or occasion.days_from(as_of) > days:
        return None
    return occasion


def birth_key(birth: date) -> str | None:
    """The key a lunar birthday is matched by (see LunarDay.key); None outside the tables."""
    born = to_lunar(birth)
    return born.key() if born else None


def birth_keys_within(as_of: date, days: int) -> frozenset[str]:
    """Every birth key whose lunar birthday falls within `days` of as_of: a query
    matches a stored date of birth's key against these."""
    if not 0 <= days <= MAX_WINDOW_DAYS:
        raise ValueError(f"a window of 0 to {MAX_WINDOW_DAYS} days is needed, not {days}")
    keys = set()
    for offset in range(days + 1):
        lunar = to_lunar(as_of + timedelta(days=offset))
        if lunar is None:
            continue
        length = next(m.length for m in _months(lunar.year) if m.month == lunar.month and m.leap == lunar.leap)
        days_here = [lunar.day] + ([30] if lunar.day == length == 29 else [])
        month = f"{lunar.month:02d}"
        for day in days_here:
            if lunar.leap:
                keys.add(f"{month}-{day:02d}L")
            else:
                keys.add(f"{month}-{day:02d}")
                if leap_month(lunar.year) != lunar.month:
                    keys.add(f"{month}-{day:02d}L")
    return frozenset(keys)


def lunar_date_in_year(month: int, day: int, year: int) -> date | None:
    """The Gregorian date in `year` of a lunar month and day (a holiday): the day of
    the lunar year that falls in that Gregorian year, clamped to the month's length."""
    for lunar_year in (year, year - 1):
        try:
            on = celebrated_on(LunarDay(lunar_year, month, day), lunar_year)
        except ValueError:
            continue
        if on.year == year:
            return on
    return None
