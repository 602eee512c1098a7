"""The studio-wide rules (domain.bulk) give what the per-client rules give, for
thousands of clients whose dates sit on, just before and just after every window's
boundary, under several policies and key thresholds."""

import random
from datetime import date, timedelta

import numpy as np
import pytest

from lifecrm_gui.domain import bulk
from lifecrm_gui.domain.classes import ClassFacts, classify, key_threshold
from lifecrm_gui.domain.influence import quadrant
from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.stages import StageFacts, derive_stage
from lifecrm_gui.domain.tiers import tier_for
from lifecrm_gui.domain.value import lifetime_value
from lifecrm_gui.domain.vocab import CLASSES, QUADRANTS, STAGES

AS_OF = date(2026, 6, 30)
EPOCH = date(1970, 1, 1)
POLICIES = [
    Policy(),
    Policy(prospect_window_days=30, dormant_after_days=100, churned_after_days=200, loyal_min_orders=2,
           key_top_percent=50, cooperative_orders_per_year=1, influence_high=30, frequency_high=2, expected_years=3),
    Policy(key_top_percent=1, tier_bounds=(1000, 2000, 3000, 4000, 5000, 6000), key_tier=2, expected_years=0),
]
DAYS_BACK = sorted({w + e for w in (0, 30, 100, 180, 200, 365, 366, 730, 1000) for e in (-1, 0, 1)} | {-30})
DATES = [None] + [AS_OF - timedelta(days=d) for d in DAYS_BACK]
SPENDS = sorted({0, 1, 100, 999, 1000, 1001, 2500, 6000, 7777, 50_000} | {b + e for b in Policy().tier_bounds for e in (-1, 0)})


def cases(n: int, seed: int) -> list[dict]:
    pick = random.Random(seed).choice
    return [{
        "order_count": pick([0, 1, 2, 3, 4]), "spend": pick(SPENDS), "first_order": pick(DATES),
        "last_order": pick(DATES), "last_activity": pick(DATES), "lost_on": pick(DATES),
        "manual": pick([None, None, "lead", "prospect", "new"]), "manual_on": pick(DATES),
        "referred_with_orders": pick([0, 0, 1]), "referrals": pick([0, 0, 1, 2]), "referral_spend": pick([0, 5000]),
        "kind": pick(["individual", "enterprise"]), "contract": pick([False, True]),
        "influence": pick([0, 29, 30, 31, 59, 60, 61, 100]), "orders_last_year": pick([0, 1, 2, 3]),
        "initiated": pick([0, 1, 2, 3, 4]), "pin": pick([None, None, None, "key", "general"]),
    } for _ in range(n)]


def per_client(c: dict, threshold, policy: Policy) -> tuple:
    stage = derive_stage(StageFacts(
        order_count=c["order_count"], last_order_on=c["last_order"], last_activity_on=c["last_activity"],
        referred_with_orders=c["referred_with_orders"], lost_on=c["lost_on"], lost_reason="price",
        manual_stage=c["manual"], manual_stage_on=c["manual_on"]), AS_OF, policy).stage.value
    tier = tier_for(c["spend"], policy)
    value = lifetime_value(c["spend"], c["order_count"], c["first_order"], AS_OF, c["referral_spend"], policy)
    client_class, _ = classify(ClassFacts(
        spend=c["spend"], tier=tier, kind=c["kind"], annual_contract=c["contract"],
        orders_last_year=c["orders_last_year"], influence=c["influence"], referrals=c["referrals"],
        projected_value=value.projected, pinned=c["pin"]), threshold, policy)
    frequency = c["initiated"] + c["orders_last_year"]
    return (stage, tier, client_class, quadrant(c["influence"], frequency, policy), frequency, value.projected,
            value.total)


def as_arrays(found: list[dict]) -> bulk.StudioFacts:
    def days(key):
        return np.array([bulk.NO_DAY if c[key] is None else (c[key] - EPOCH).days for c in found], np.int64)

    def ints(key):
        return np.array([c[key] for c in found], np.int64)

    manual = {None: bulk.NO_MANUAL, "lead": bulk.MANUAL_LEAD, "prospect": bulk.MANUAL_PROSPECT}
    return bulk.StudioFacts(
        order_count=ints("order_count"), spend=ints("spend"), first_order=days("first_order"),
        last_order=days("last_order"), last_activity=days("last_activity"), lost_on=days("lost_on"),
        manual_stage=np.array([manual.get(c["manual"], bulk.MANUAL_OTHER) for c in found], np.int64),
        manual_on=days("manual_on"), referred_with_orders=ints("referred_with_orders"), referrals=ints("referrals"),
        referral_spend=ints("referral_spend"), enterprise=np.array([c["kind"] == "enterprise" for c in found]),
        annual_contract=np.array([c["contract"] for c in found]), influence=ints("influence"),
        orders_last_year=ints("orders_last_year"), initiated_last_year=ints("initiated"),
        pin=np.array([bulk.CLASS_CODES.get(c["pin"], -1) for c in found], np.int64))


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("threshold", [None, 1000, 500_000])
def test_the_studio_rules_give_what_the_per_client_rules_give(policy, threshold):
    found = cases(4000, seed=hash((policy.key_tier, threshold)) & 0xFFFF)
    derived = bulk.derive_studio(as_arrays(found), (AS_OF - EPOCH).days, threshold, policy)
    stages, classes, quadrants = list(STAGES), list(CLASSES), list(QUADRANTS)
    got = [(stages[s], int(t), classes[k], quadrants[q], int(f), int(p), int(v)) for s, t, k, q, f, p, v in zip(
        derived.stage, derived.tier, derived.client_class, derived.quadrant, derived.frequency,
        derived.ltv_projected, derived.ltv_total)]
    wrong = [(c, want, have) for c, want, have in zip(found, (per_client(c, threshold, policy) for c in found), got)
             if want != have]
    assert wrong[:3] == []


@pytest.mark.parametrize("spends", [[], [0, 0], [5], [9, 1, 5, 5, 0, 3], list(range(1, 101)), [7] * 13])
@pytest.mark.parametrize("percent", [1, 20, 50, 100])
def test_the_key_threshold_is_the_same(spends, percent):
    policy = Policy(key_top_percent=percent)
    paying = sorted((s for s in spends if s > 0), reverse=True)
    assert bulk.key_threshold(np.array(spends, np.int64), policy) == key_threshold(paying, policy)
