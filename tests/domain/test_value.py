from datetime import date, timedelta

import pytest

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.value import LifetimeValue, lifetime_value, seed_lifetime_value

AS_OF = date(2024, 1, 1)


def test_seed_worked_example():
    assert seed_lifetime_value(400, 1, 10, [4000] * 4) == 20000


def test_seed_without_referrals():
    assert seed_lifetime_value(400, 1, 10) == 4000


def test_seed_fractional_rates():
    assert seed_lifetime_value(400, 0.5, 10) == 2000
    assert seed_lifetime_value(300, 1.5, 2.5, [100]) == 1225


def test_no_orders_projects_nothing():
    value = lifetime_value(0, 0, None, AS_OF, referral_spend=80_000)
    assert value == LifetimeValue(0, 0, 80_000, 0, 0.0)
    assert value.total == 80_000


def test_orders_without_a_first_date_project_nothing():
    value = lifetime_value(50_000, 2, None, AS_OF, referral_spend=0)
    assert value.projected == 0
    assert value.historical == 50_000


@pytest.mark.parametrize("days", [0, 1, 100, 365])
def test_tenure_under_a_year_counts_as_one_year(days):
    value = lifetime_value(60_000, 2, AS_OF - timedelta(days=days), AS_OF, referral_spend=0)
    assert value.average_order == 30_000
    assert value.orders_per_year == 2.0
    assert value.projected == 30_000 * 2 * 10


def test_average_times_per_year_times_expected_years():
    value = lifetime_value(200_000, 4, date(2020, 1, 1), AS_OF, referral_spend=0)
    assert value.average_order == 50_000
    assert value.orders_per_year == pytest.approx(1.0)
    assert value.projected == 500_000


def test_longer_tenure_lowers_the_yearly_rate():
    short = lifetime_value(200_000, 4, date(2022, 1, 1), AS_OF, referral_spend=0)
    long = lifetime_value(200_000, 4, date(2016, 1, 1), AS_OF, referral_spend=0)
    assert short.orders_per_year == pytest.approx(4 / (730 / 365.25))
    assert long.orders_per_year == pytest.approx(0.5, rel=1e-3)
    assert long.projected < short.projected


def test_expected_years_setting():
    first = date(2020, 1, 1)
    assert lifetime_value(200_000, 4, first, AS_OF, 0, Policy(expected_years=5)).projected == 250_000
    assert lifetime_value(200_000, 4, first, AS_OF, 0, Policy(expected_years=0)).projected == 0


def test_total_is_the_sum_of_the_visible_parts():
    value = lifetime_value(200_000, 4, date(2020, 1, 1), AS_OF, referral_spend=80_000)
    assert (value.historical, value.projected, value.referral) == (200_000, 500_000, 80_000)
    assert value.total == 780_000


def test_average_order_is_rounded_to_minor_units():
    value = lifetime_value(100_000, 3, AS_OF, AS_OF, referral_spend=0)
    assert value.average_order == 33_333
    assert value.projected == 1_000_000
