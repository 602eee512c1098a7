"""Which backups to keep: about a year of them, dense where it matters.

The default policy keeps every backup of the last 2 days; before that the newest
backup of each of 12 more days; before those, of each week of 10 more weeks; and
before those, of each month of 9 more months: 2 days + 12 days + 10 weeks + 9
months, about a year.

Each rule keeps the newest backup of a period (a day, an ISO week, a month) that
reaches into the rule's window, and each window contains the ones before it, so
a backup kept today is kept until its period has left every window: pruning after
every backup keeps exactly what the rules say of the whole history. Backups dated
after `now` (a clock that was wrong) and the newest backup are always kept.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class RotationPolicy:
    within: timedelta = timedelta(days=2)
    daily: int = 12
    weekly: int = 10
    monthly: int = 9


DEFAULT_POLICY = RotationPolicy()


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def _month(day: date) -> tuple[int, int]:
    return day.year, day.month


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def windows(now: datetime, policy: RotationPolicy = DEFAULT_POLICY) -> dict[str, date]:
    """The first day of each rule's window. The daily window is the 12 days before the
    day that the 2-day window starts in (that day's newest backup is kept too)."""
    last_within_day = (now - policy.within).date()
    daily = last_within_day - timedelta(days=policy.daily)
    weekly = daily - timedelta(weeks=policy.weekly)
    monthly = _months_before(weekly, policy.monthly) if policy.monthly else weekly
    return {"daily": daily, "weekly": weekly, "monthly": monthly}


def backups_to_keep(stamps, now: datetime, policy: RotationPolicy = DEFAULT_POLICY) -> set[datetime]:
    """The backup times (from `stamps`) the policy keeps as of `now`; the others may go."""
    newest_first = sorted(set(stamps), reverse=True)
    keep = {s for s in newest_first if s > now or now - s <= policy.within}
    if newest_first:
        keep.add(newest_first[0])  # the newest backup is never given up, whatever its age
    starts = windows(now, policy)
    last_within_day = (now - policy.within).date()
    rules = []
    if policy.daily:
        rules.append((lambda d: d, lambda d: starts["daily"] <= d <= last_within_day))
    if policy.weekly:
        # A week reaches into the window when its Sunday is on or after the window's first day.
        rules.append((_week, lambda d: d + timedelta(days=6 - d.weekday()) >= starts["weekly"]))
    if policy.monthly:
        rules.append((_month, lambda d: _month(d) >= _month(starts["monthly"])))
    for period, in_window in rules:
        seen = set()
        for stamp in newest_first:
            day = stamp.date()
            key = period(day)
            if key in seen:
                continue
            seen.add(key)  # the first seen is the period's newest
            if stamp <= now and in_window(day):
                keep.add(stamp)
    return keep


def backups_to_remove(stamps, now: datetime, policy: RotationPolicy = DEFAULT_POLICY) -> set[datetime]:
    return set(stamps) - backups_to_keep(stamps, now, policy)
