"""The rules of stages, tiers, classes, quadrants and lifetime value applied to a whole
studio at once, as arrays: the same rules as stages.py, tiers.py, classes.py,
influence.py and value.py (a property test holds the two to each other), for the
nightly recompute of 100,000 clients. The per-client functions remain the rules'
own statement and give the reasons in words; these give only the outcomes.

Dates are day numbers (days since 1970-01-01), NO_DAY where there is none. Stages,
classes and quadrants are indexes into vocab.STAGES, vocab.CLASSES and
vocab.QUADRANTS."""

import math
from dataclasses import dataclass

import numpy as np

from .policy import Policy
from .vocab import CLASSES, QUADRANTS, STAGES

NO_DAY = -1_000_000
STAGE_CODES = {key: n for n, key in enumerate(STAGES)}
CLASS_CODES = {key: n for n, key in enumerate(CLASSES)}
QUADRANT_CODES = {key: n for n, key in enumerate(QUADRANTS)}
NO_MANUAL, MANUAL_LEAD, MANUAL_PROSPECT, MANUAL_OTHER = 0, 1, 2, 3


@dataclass
class StudioFacts:
    """One array per fact, one element per client (all of the same length)."""
    order_count: np.ndarray
    spend: np.ndarray
    first_order: np.ndarray
    last_order: np.ndarray
    last_activity: np.ndarray
    lost_on: np.ndarray
    manual_stage: np.ndarray  # NO_MANUAL, MANUAL_LEAD, MANUAL_PROSPECT, MANUAL_OTHER
    manual_on: np.ndarray
    referred_with_orders: np.ndarray
    referrals: np.ndarray
    referral_spend: np.ndarray
    enterprise: np.ndarray  # bool
    annual_contract: np.ndarray  # bool
    influence: np.ndarray  # the score, 0-100
    orders_last_year: np.ndarray
    initiated_last_year: np.ndarray
    pin: np.ndarray  # a class code, or -1


@dataclass
class StudioDerived:
    stage: np.ndarray
    tier: np.ndarray
    client_class: np.ndarray
    quadrant: np.ndarray
    frequency: np.ndarray
    ltv_projected: np.ndarray
    ltv_total: np.ndarray


def key_threshold(spend: np.ndarray, policy: Policy) -> int | None:
    """classes.key_threshold over every paying client's spend."""
    paying = np.sort(spend[spend > 0])
    if paying.size == 0:
        return None
    rank = math.ceil(paying.size * policy.key_top_percent / 100)
    return int(paying[paying.size - rank])


def _idle_days(as_of: int, since: np.ndarray) -> np.ndarray:
    return np.maximum(0, as_of - since)  # stages._days


def stages(f: StudioFacts, as_of: int, policy: Policy) -> np.ndarray:
    """stages.derive_stage for every client."""
    code = STAGE_CODES
    lost = (f.lost_on != NO_DAY) & (f.lost_on <= as_of)
    lost_stands = lost & ((f.last_order == NO_DAY) | (f.last_order <= f.lost_on))

    # No orders (stages._without_orders): a manual move counts unless activity came after it.
    window = policy.prospect_window_days
    manual = (f.manual_stage != NO_MANUAL) & (f.manual_on != NO_DAY) & (
        (f.last_activity == NO_DAY) | (f.manual_on >= f.last_activity))
    manual_prospect = manual & (f.manual_stage == MANUAL_PROSPECT) & (_idle_days(as_of, f.manual_on) <= window)
    manual_lead = manual & (f.manual_stage == MANUAL_LEAD)
    activity = np.where(manual, f.manual_on, f.last_activity)
    recent = (activity != NO_DAY) & (_idle_days(as_of, activity) <= window)
    without_orders = np.select([manual_prospect, manual_lead, recent],
                               [code["prospect"], code["lead"], code["prospect"]], code["lead"])

    # Orders: idle days since the later of the last activity and the last order.
    latest = np.maximum(f.last_activity, f.last_order)
    idle = np.where(latest != NO_DAY, _idle_days(as_of, latest), 0)
    with_orders = np.select(
        [idle > policy.churned_after_days, idle > policy.dormant_after_days, f.order_count == 1,
         f.order_count >= policy.loyal_min_orders, f.referred_with_orders > 0],
        [code["churned"], code["dormant"], code["new"], code["loyal"], code["loyal"]], code["active"])

    return np.select([lost_stands, f.order_count == 0], [code["churned"], without_orders], with_orders)


def tiers(spend: np.ndarray, policy: Policy) -> np.ndarray:
    """tiers.tier_for (bisect_right over the bounds)."""
    return np.searchsorted(np.asarray(policy.tier_bounds), spend, side="right")


def projected_values(f: StudioFacts, as_of: int, policy: Policy) -> np.ndarray:
    """value.lifetime_value's projected part, with the same floating-point steps."""
    counted = (f.order_count > 0) & (f.first_order != NO_DAY)
    count = np.where(counted, f.order_count, 1)
    tenure_years = np.maximum(1.0, (as_of - f.first_order) / 365.25)
    average = f.spend / count
    per_year = count / tenure_years
    return np.where(counted, np.rint(average * per_year * policy.expected_years), 0).astype(np.int64)


def classes(f: StudioFacts, tier: np.ndarray, projected: np.ndarray, threshold: int | None,
            policy: Policy) -> np.ndarray:
    """classes.classify: the first class whose test holds; a pin first of all."""
    code = CLASS_CODES
    no_threshold = threshold is None
    top = np.zeros(f.spend.shape, bool) if no_threshold else (f.spend > 0) & (f.spend >= threshold)
    projected_high = np.zeros(f.spend.shape, bool) if no_threshold else projected >= threshold
    return np.select(
        [f.pin >= 0, top, tier >= policy.key_tier, f.enterprise & f.annual_contract,
         f.orders_last_year >= policy.cooperative_orders_per_year, f.influence >= policy.influence_high,
         f.referrals > 0, projected_high],
        [f.pin, code["key"], code["key"], code["cooperative"], code["cooperative"], code["potential"],
         code["potential"], code["potential"]], code["general"])


def quadrants(influence: np.ndarray, frequency: np.ndarray, policy: Policy) -> np.ndarray:
    """influence.quadrant."""
    code = QUADRANT_CODES
    high_influence = influence >= policy.influence_high
    high_frequency = frequency >= policy.frequency_high
    return np.select([high_influence & high_frequency, high_influence, high_frequency],
                     [code["champion"], code["untapped"], code["engaged"]], code["quiet"])


def derive_studio(f: StudioFacts, as_of: int, threshold: int | None, policy: Policy) -> StudioDerived:
    tier = tiers(f.spend, policy)
    projected = projected_values(f, as_of, policy)
    frequency = f.initiated_last_year + f.orders_last_year
    return StudioDerived(
        stage=stages(f, as_of, policy), tier=tier, client_class=classes(f, tier, projected, threshold, policy),
        quadrant=quadrants(f.influence, frequency, policy), frequency=frequency, ltv_projected=projected,
        ltv_total=f.spend + projected + f.referral_spend)
