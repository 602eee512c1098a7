import dataclasses
import json

import pytest

from lifecrm_gui.domain.policy import Policy


def test_defaults_match_the_specification():
    policy = Policy()
    assert policy.prospect_window_days == 180
    assert policy.dormant_after_days == 365
    assert policy.churned_after_days == 730
    assert policy.loyal_min_orders == 3
    assert policy.tier_bounds == (300_000, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000)
    assert policy.key_tier == 4
    assert policy.key_top_percent == 20
    assert policy.cooperative_orders_per_year == 2
    assert policy.influence_high == 60
    assert policy.frequency_high == 4
    assert policy.expected_years == 10
    assert policy.currency == "CNY"


def test_defaults_have_no_problems():
    assert Policy().problems() == []


def test_policy_is_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Policy().dormant_after_days = 10


def test_round_trip_through_json():
    policy = Policy(prospect_window_days=90, churned_after_days=1000,
                    tier_bounds=(1, 2, 3, 4, 5, 6), currency="USD")
    data = json.loads(json.dumps(policy.to_dict()))
    assert data["tier_bounds"] == [1, 2, 3, 4, 5, 6]
    assert Policy.from_dict(data) == policy


def test_from_dict_fills_defaults_and_ignores_unknown_keys():
    policy = Policy.from_dict({"dormant_after_days": 200, "retired_setting": True})
    assert policy == Policy(dormant_after_days=200)


def test_from_dict_reads_bounds_as_integers():
    policy = Policy.from_dict({"tier_bounds": ["100", "200", "300", "400", "500", "600"]})
    assert policy.tier_bounds == (100, 200, 300, 400, 500, 600)


def fields_of(policy: Policy) -> set[str]:
    return {name for name, _ in policy.problems()}


@pytest.mark.parametrize("churned", [365, 364, 0])
def test_churn_window_must_be_longer_than_dormant(churned):
    assert "churned_after_days" in fields_of(Policy(dormant_after_days=365, churned_after_days=churned))


def test_churn_window_one_day_longer_is_fine():
    assert Policy(dormant_after_days=365, churned_after_days=366).problems() == []


@pytest.mark.parametrize("bounds", [
    (300_000, 500_000, 400_000, 1_500_000, 2_000_000, 2_500_000),
    (300_000, 500_000, 500_000, 1_500_000, 2_000_000, 2_500_000),
    (2_500_000, 2_000_000, 1_500_000, 1_000_000, 500_000, 300_000),
    (0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000),
    (300_000, 500_000, 1_000_000),
    (1, 2, 3, 4, 5, 6, 7),
])
def test_tier_bounds_must_be_six_rising_positive_amounts(bounds):
    assert "tier_bounds" in fields_of(Policy(tier_bounds=bounds))


@pytest.mark.parametrize("change, field", [
    ({"prospect_window_days": 0}, "prospect_window_days"),
    ({"dormant_after_days": 0}, "churned_after_days"),
    ({"loyal_min_orders": 1}, "loyal_min_orders"),
    ({"key_top_percent": 0}, "key_top_percent"),
    ({"key_top_percent": 101}, "key_top_percent"),
    ({"influence_high": 101}, "influence_high"),
    ({"influence_high": -1}, "influence_high"),
    ({"expected_years": -1}, "expected_years"),
])
def test_other_problems(change, field):
    assert fields_of(Policy(**change)) == {field}


def test_problems_come_with_a_message():
    for field, message in Policy(churned_after_days=100, loyal_min_orders=0).problems():
        assert field and message
