import pytest
from hypothesis import given, strategies as st

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.tiers import tier_for, tier_reason


@pytest.mark.parametrize("spend, tier", [
    (0, 0),
    (299_999, 0),
    (300_000, 1),
    (499_999, 1),
    (500_000, 2),
    (999_999, 2),
    (1_000_000, 3),
    (1_499_999, 3),
    (1_500_000, 4),
    (1_999_999, 4),
    (2_000_000, 5),
    (2_499_999, 5),
    (2_500_000, 6),
    (1_000_000_000, 6),
])
def test_default_bounds_are_inclusive_lower_bounds(spend, tier):
    assert tier_for(spend) == tier


def test_negative_spend_has_no_star():
    assert tier_for(-50_000) == 0


@pytest.mark.parametrize("spend, tier", [(99, 0), (100, 1), (199, 1), (200, 2), (599, 5), (600, 6)])
def test_custom_bounds(spend, tier):
    policy = Policy(tier_bounds=(100, 200, 300, 400, 500, 600))
    assert tier_for(spend, policy) == tier


def test_custom_bounds_move_a_client_between_tiers():
    generous = Policy(tier_bounds=(100_000, 200_000, 300_000, 400_000, 500_000, 600_000))
    assert tier_for(450_000) == 1
    assert tier_for(450_000, generous) == 4


def test_reason_below_near_star():
    reason = tier_reason(250_000)
    assert reason.code == "tier_bottom"
    assert reason.params == {"spend": 250_000, "next": 300_000}
    assert reason.text("en") == "spend to date 2,500, below near-star at 3,000"


def test_reason_names_the_tier_and_its_lower_bound():
    reason = tier_reason(1_600_000)
    assert reason.code == "tier"
    assert reason.params == {"spend": 1_600_000, "label": 4, "low": 1_500_000}
    assert reason.text("zh") == "累计消费 16,000,五星区间为 15,000 起"
    assert reason.text("en") == "spend to date 16,000; 5 stars starts at 15,000"


def test_reason_at_the_top_tier_uses_the_last_bound():
    reason = tier_reason(9_000_000)
    assert reason.params["label"] == 6
    assert reason.params["low"] == 2_500_000
    assert "七星" in reason.text("zh")


def test_reason_follows_custom_bounds():
    policy = Policy(tier_bounds=(100, 200, 300, 400, 500, 600))
    assert tier_reason(50, policy).params["next"] == 100
    assert tier_reason(250, policy).params == {"spend": 250, "label": 2, "low": 200}


spends = st.integers(min_value=-10**7, max_value=10**10)


@given(spends, spends)
def test_tier_is_monotonic_in_spend(a, b):
    low, high = sorted((a, b))
    assert tier_for(low) <= tier_for(high)


@given(spends)
def test_tier_is_within_range(spend):
    assert 0 <= tier_for(spend) <= 6


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=6, max_size=6, unique=True),
       spends, spends)
def test_tier_is_monotonic_under_any_rising_bounds(bounds, a, b):
    policy = Policy(tier_bounds=tuple(sorted(bounds)))
    low, high = sorted((a, b))
    assert tier_for(low, policy) <= tier_for(high, policy)
    assert tier_for(policy.tier_bounds[0] - 1, policy) == 0
    assert tier_for(policy.tier_bounds[-1], policy) == 6
