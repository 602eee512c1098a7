"""Dates that come round: birthdays, wedding anniversaries and a child's milestones
(满月 at 30 days, 百天 at 100 days, 周岁 at one year, then a birthday every year).

A date of 29 February comes round on 28 February in common years (the day
before the 1 March most clocks would pick: the studio greets on time rather
than late). "Within N days of as_of" means from as_of to as_of + N, both
included; every search crosses year ends.
"""

from calendar import isleap
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

FULL_MONTH_DAYS = 30  # 满月
HUNDRED_DAYS = 100  # 百天
MAX_WINDOW_DAYS = 366

OCCASIONS = MappingProxyType({
    "birthday": {"zh": "生日", "en": "Birthday"},
    "lunar_birthday": {"zh": "农历生日", "en": "Lunar birthday"},
    "anniversary": {"zh": "结婚纪念日", "en": "Wedding anniversary"},
    "full_month": {"zh": "满月", "en": "Full month (30 days)"},
    "hundred_days": {"zh": "百天", "en": "100 days"},
    "first_birthday": {"zh": "周岁", "en": "First birthday"},
    "child_birthday": {"zh": "生日", "en": "Birthday"},
})


@dataclass(frozen=True)
class Occasion:
    """One date coming round: what, when, and how many years it marks (if any)."""
    kind: str
    on: date
    years: int | None = None

    def days_from(self, as_of: date) -> int:
        return (self.on - as_of).days

    def text(self, lang: str = "zh", person: str = "") -> str:
        """"豆豆 百天", "结婚 5 周年", "Birthday (34)" ..."""
        zh = lang != "en"
        who = f"{person} " if person else ""
        if self.kind == "anniversary":
            return f"结婚 {self.years} 周年" if zh else f"Wedding anniversary ({self.years} years)"
        if self.kind == "child_birthday":
            return f"{who}{self.years} 岁生日" if zh else f"{who}turns {self.years}"
        name = OCCASIONS[self.kind]["zh" if zh else "en"]
        if self.kind in ("birthday", "lunar_birthday") and self.years:
            return f"{name}({self.years} 岁)" if zh else f"{name} ({self.years})"
        return f"{who}{name}"


def _check_window(days: int) -> None:
    if not 0 <= days <= MAX_WINDOW_DAYS:
        raise ValueError(f"a window of 0 to {MAX_WINDOW_DAYS} days is needed, not {days}")


def anniversary_in(origin: date, year: int) -> date:
    """The day `origin` comes round in `year` (29 February on 28 February in common years)."""
    if origin.month == 2 and origin.day == 29 and not isleap(year):
        return date(year, 2, 28)
    return origin.replace(year=year)


def next_anniversary(origin: date, as_of: date) -> date:
    """The first day on or after as_of on which `origin` comes round, after the origin itself."""
    year = max(as_of.year, origin.year + 1)
    on = anniversary_in(origin, year)
    return on if on >= as_of else anniversary_in(origin, year + 1)


def age_on(birth: date, on: date) -> int:
    """Completed years on a date (a 29 February child turns a year older on 28 February
    in common years, as its birthday is greeted then)."""
    years = on.year - birth.year
    return years - 1 if anniversary_in(birth, on.year) > on else years


def latest_birth_for_age(on: date, years: int) -> date:
    """The latest birth date of someone who has completed `years` on `on`."""
    year = on.year - years
    if on.month == 2 and on.day == 28 and not isleap(on.year) and isleap(year):
        return date(year, 2, 29)
    if on.month == 2 and on.day == 29 and not isleap(year):
        return date(year, 2, 28)
    return on.replace(year=year)


def birth_range_for_ages(on: date, min_years: int | None, max_years: int | None) -> tuple[date | None, date | None]:
    """(earliest exclusive, latest inclusive) birth dates of those aged min..max years on a date."""
    latest = latest_birth_for_age(on, min_years) if min_years is not None else None
    earliest_excluded = latest_birth_for_age(on, max_years + 1) if max_years is not None else None
    return earliest_excluded, latest


def month_days_within(as_of: date, days: int) -> frozenset[str]:
    """Every "MM-DD" whose yearly day falls within `days` of as_of ("02-29" on 28 February
    of a common year): the month-days a query can match a stored date's against."""
    _check_window(days)
    out = set()
    for offset in range(days + 1):
        day = as_of + timedelta(days=offset)
        out.add(f"{day.month:02d}-{day.day:02d}")
        if day.month == 2 and day.day == 28 and not isleap(day.year):
            out.add("02-29")
    return frozenset(out)


def upcoming_birthday(birth: date, as_of: date, days: int) -> Occasion | None:
    """The birthday coming round within `days` of as_of, with the age it marks."""
    _check_window(days)
    on = next_anniversary(birth, as_of)
    if (on - as_of).days > days:
        return None
    return Occasion("birthday", on, on.year - birth.year)


def upcoming_anniversary(wedding: date, as_of: date, days: int) -> Occasion | None:
    _check_window(days)
    on = next_anniversary(wedding, as_of)
    if (on - as_of).days > days:
        return None
    return Occasion("anniversary", on, on.year - wedding.year)


def child_milestones(birth: date, as_of: date, days: int) -> list[Occasion]:
    """满月, 百天, 周岁 and later birthdays of a child falling within `days` of as_of."""
    _check_window(days)
    end = as_of + timedelta(days=days)
    found = []
    for kind, offset in (("full_month", FULL_MONTH_DAYS), ("hundred_days", HUNDRED_DAYS)):
        on = birth + timedelta(days=offset)
        if as_of <= on <= end:
            found.append(Occasion(kind, on))
    on = next_anniversary(birth, as_of)
    if on <= end:
        years = on.year - birth.year
        found.append(Occasion("first_birthday" if years == 1 else "child_birthday", on, years))
    return found


def child_age_text(birth: date, on: date, lang: str = "zh") -> str:
    """A child's age as parents say it: days under a month, 满月 and 百天 on the day,
    months under a year, else years."""
    zh = lang != "en"
    if on < birth:
        return ""
    age_days = (on - birth).days
    if age_days < FULL_MONTH_DAYS:
        return f"{age_days}天" if zh else f"{age_days} day{'s' if age_days != 1 else ''} old"
    years = age_on(birth, on)
    if years >= 1:
        return f"{years}岁" if zh else f"{years} year{'s' if years != 1 else ''} old"
    if age_days == FULL_MONTH_DAYS:
        return "满月" if zh else "one month old"
    if age_days == HUNDRED_DAYS:
        return "百天" if zh else "100 days old"
    months = max(1, (on.year - birth.year) * 12 + on.month - birth.month - (on.day < birth.day))
    return f"{months}个月" if zh else f"{months} month{'s' if months != 1 else ''} old"
