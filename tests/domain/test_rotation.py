"""Which backups the rotation keeps: every rule at its boundary, and a year of use."""

from datetime import date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from lifecrm_gui.domain.rotation import DEFAULT_POLICY, RotationPolicy, backups_to_keep, backups_to_remove, windows

NOW = datetime(2026, 6, 30, 18, 0)


def test_nothing_to_keep_from_nothing():
    assert backups_to_keep([], NOW) == set()


def test_everything_from_the_last_two_days_is_kept_to_the_second():
    inside = [NOW - timedelta(days=2), NOW - timedelta(hours=47), NOW - timedelta(minutes=30), NOW]
    kept = backups_to_keep(inside, NOW, RotationPolicy(daily=0, weekly=0, monthly=0))
    assert kept == set(inside)
    just_out = NOW - timedelta(days=2, seconds=1)
    kept = backups_to_keep([*inside, just_out], NOW, RotationPolicy(daily=0, weekly=0, monthly=0))
    assert just_out not in kept


def test_the_newest_backup_is_kept_however_old():
    old = datetime(2020, 1, 1)
    assert backups_to_keep([old], NOW, RotationPolicy(daily=0, weekly=0, monthly=0)) == {old}


def test_backups_dated_after_now_are_kept():
    future = NOW + timedelta(days=3)
    assert future in backups_to_keep([future, NOW - timedelta(days=40)], NOW)


def test_daily_keeps_the_newest_of_each_of_the_twelve_days_before_the_two_day_window():
    stamps = [datetime(2026, 6, day, hour) for day in range(1, 31) for hour in (9, 13, 17)]
    now = datetime(2026, 6, 30, 18)
    kept = backups_to_keep(stamps, now, RotationPolicy(weekly=0, monthly=0))
    within = {s for s in stamps if now - s <= timedelta(days=2)}
    assert within == {s for s in stamps if s >= datetime(2026, 6, 28, 18)}
    older = sorted(kept - within, reverse=True)
    # 28 June is the day the window starts in: its newest (17:00) is kept, then 12 more days.
    assert [s.day for s in older] == list(range(28, 15, -1))
    assert all(s.hour == 17 for s in older)
    assert datetime(2026, 6, 15, 17) not in kept


def test_weekly_and_monthly_reach_beyond_the_rules_before_them():
    stamps = [datetime(2025, 1, 1, 12) + timedelta(days=d) for d in range(546)]
    now = stamps[-1]  # Monday 30 June 2026, 12:00
    starts = windows(now)
    assert starts["daily"] == date(2026, 6, 16)
    assert starts["weekly"] == date(2026, 4, 7)
    assert starts["monthly"] == date(2025, 7, 1)
    kept = sorted(backups_to_keep(stamps, now), reverse=True)
    ages = [(now - s).days for s in kept]
    assert ages[:15] == list(range(15))  # two days, and the day before with twelve more
    weekly = [s for s in kept if starts["weekly"] <= s.date() < starts["daily"]]
    assert [s.weekday() for s in weekly].count(6) == 10  # the newest of a week is its Sunday
    monthly = [s for s in kept if s.date() < starts["weekly"]]
    assert [(s.year, s.month, s.day) for s in monthly] == [
        (2026, 3, 31), (2026, 2, 28), (2026, 1, 31), (2025, 12, 31), (2025, 11, 30), (2025, 10, 31),
        (2025, 9, 30), (2025, 8, 31), (2025, 7, 31)]
    assert set(kept) - set(stamps) == set()
    assert len(kept) == 15 + 10 + 9 + 1  # 30 April (a Thursday) is kept as the newest of April


def test_four_hundred_days_of_use_keep_about_a_year_and_prune_as_they_go():
    """Three backups a working day for 400 days, pruned after each one as the app does:
    the survivors are what the policy says of the whole history, and reach back most
    of a year."""
    start = datetime(2025, 3, 1)
    history, kept = [], []
    for day in range(400):
        for hour in (9, 13, 18):
            now = start + timedelta(days=day, hours=hour)
            history.append(now)
            kept.append(now)
            kept = sorted(backups_to_keep(kept, now))
    assert set(kept) == backups_to_keep(history, now)
    within = [s for s in kept if now - s <= timedelta(days=2)]
    assert len(within) == 7  # today's three, yesterday's three, and 18:00 two days ago
    older = [s for s in kept if s not in within]
    assert all(s.hour == 18 for s in older)  # the newest of its day
    ages = sorted((now - s).days for s in older)
    assert ages[:12] == list(range(3, 15))
    starts = windows(now)
    weekly = [s for s in older if starts["weekly"] <= s.date() < starts["daily"]]
    assert len([s for s in weekly if s.weekday() == 6]) == DEFAULT_POLICY.weekly
    monthly = [s for s in older if s.date() < starts["weekly"]]
    assert all((s + timedelta(days=1)).day == 1 for s in monthly)  # the newest of its month
    assert len(monthly) == DEFAULT_POLICY.monthly
    assert 330 <= max(ages) <= 370  # about a year
    assert len(kept) <= 7 + 12 + 10 + 9 + 3
    assert backups_to_remove(history, now) == set(history) - set(kept)


_stamps = st.lists(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2026, 7, 31)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(_stamps)
def test_rotation_keeps_a_subset_with_the_newest_and_is_stable(stamps):
    kept = backups_to_keep(stamps, NOW)
    assert kept <= set(stamps)
    if stamps:
        assert max(stamps) in kept
    assert backups_to_keep(kept, NOW) == kept
    assert len({s for s in kept if s < NOW - DEFAULT_POLICY.within}) <= 1 + 13 + 11 + 9 + 4
