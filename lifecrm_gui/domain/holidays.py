"""Holidays the studio greets its clients on: the lunar ones (春节, 元宵, 七夕, 中秋)
fall on a lunar month and day, the others (520, Christmas, New Year) on a fixed
Gregorian date. The list is a setting: the studio may move, switch off or add
holidays; these are the defaults."""

from calendar import monthrange
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

from .lunar import lunar_date_in_year
from .milestones import MAX_WINDOW_DAYS

SOLAR, LUNAR = "solar", "lunar"


@dataclass(frozen=True)
class Holiday:
    key: str
    zh: str
    en: str
    calendar: str  # SOLAR or LUNAR
    month: int
    day: int
    enabled: bool = True

    def name(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def on(self, year: int) -> date | None:
        """Its date in a Gregorian year (None when the lunar tables do not reach it)."""
        if self.calendar == LUNAR:
            return lunar_date_in_year(self.month, self.day, year)
        day = min(self.day, monthrange(year, self.month)[1])  # 29 February in common years: the 28th
        return date(year, self.month, day)

    def to_dict(self) -> dict:
        return asdict(self)


DEFAULT_HOLIDAYS = (
    Holiday("spring_festival", "春节", "Spring Festival", LUNAR, 1, 1),
    Holiday("lantern", "元宵节", "Lantern Festival", LUNAR, 1, 15),
    Holiday("qixi", "七夕", "Qixi (Chinese Valentine's Day)", LUNAR, 7, 7),
    Holiday("mid_autumn", "中秋节", "Mid-Autumn Festival", LUNAR, 8, 15),
    Holiday("day_520", "520", "520 (I love you day)", SOLAR, 5, 20),
    Holiday("christmas", "圣诞节", "Christmas", SOLAR, 12, 25),
    Holiday("new_year", "元旦", "New Year's Day", SOLAR, 1, 1),
)


def problems(data) -> list[tuple[str, str]]:
    """(field, message) for every entry of a holiday list that cannot be used."""
    out = []
    if not isinstance(data, (list, tuple)):
        return [("holidays", "a list of holidays is needed")]
    seen = set()
    for n, item in enumerate(data):
        where = f"holidays[{n}]"
        if not isinstance(item, dict):
            out.append((where, "each holiday is a record of key, names, calendar, month and day"))
            continue
        key = str(item.get("key") or "").strip()
        if not key:
            out.append((f"{where}.key", "a key is needed"))
        elif key in seen:
            out.append((f"{where}.key", f"{key} appears twice"))
        seen.add(key)
        if not str(item.get("zh") or item.get("en") or "").strip():
            out.append((f"{where}.zh", "a name is needed"))
        calendar = item.get("calendar")
        if calendar not in (SOLAR, LUNAR):
            out.append((f"{where}.calendar", "must be solar or lunar"))
        try:
            month, day = int(item.get("month")), int(item.get("day"))
        except (TypeError, ValueError):
            out.append((f"{where}.month", "month and day must be numbers"))
            continue
        if not 1 <= month <= 12:
            out.append((f"{where}.month", "must be 1 to 12"))
        elif calendar == SOLAR and not 1 <= day <= monthrange(2000, month)[1]:
            out.append((f"{where}.day", f"month {month} has no day {day}"))
        elif calendar == LUNAR and not 1 <= day <= 30:
            out.append((f"{where}.day", "a lunar day is 1 to 30"))
    return out


def from_settings(data) -> tuple[Holiday, ...]:
    """The holidays a setting holds (the defaults when it holds nothing usable)."""
    if not data or problems(data):
        return DEFAULT_HOLIDAYS
    return tuple(Holiday(key=str(i["key"]).strip(), zh=str(i.get("zh") or i.get("en")).strip(),
                         en=str(i.get("en") or i.get("zh")).strip(), calendar=i["calendar"], month=int(i["month"]),
                         day=int(i["day"]), enabled=bool(i.get("enabled", True))) for i in data)


def with_enabled(holidays, key: str, enabled: bool) -> tuple[Holiday, ...]:
    return tuple(replace(h, enabled=enabled) if h.key == key else h for h in holidays)


def upcoming(holidays, as_of: date, days: int) -> list[tuple[Holiday, date]]:
    """The enabled holidays falling within `days` of as_of, soonest first, across year ends."""
    if not 0 <= days <= MAX_WINDOW_DAYS:
        raise ValueError(f"a window of 0 to {MAX_WINDOW_DAYS} days is needed, not {days}")
    end = as_of + timedelta(days=days)
    found = []
    for holiday in holidays:
        if not holiday.enabled:
            continue
        for year in range(as_of.year, end.year + 1):
            on = holiday.on(year)
            if on is not None and as_of <= on <= end:
                found.append((holiday, on))
    return sorted(found, key=lambda pair: (pair[1], pair[0].key))
