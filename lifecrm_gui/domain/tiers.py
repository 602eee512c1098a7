"""Value tiers by cumulative spend (domain.md §4): lower bounds inclusive."""

from bisect import bisect_right

from .policy import Policy
from .reasons import Reason


def tier_for(spend: int, policy: Policy = Policy()) -> int:
    """0 无星, 1 准星, 2 三星 … 6 七星."""
    return bisect_right(policy.tier_bounds, spend)


def tier_reason(spend: int, policy: Policy = Policy()) -> Reason:
    tier = tier_for(spend, policy)
    if tier == 0:
        return Reason("tier_bottom", {"spend": spend, "next": policy.tier_bounds[0]})
    return Reason("tier", {"spend": spend, "label": tier, "low": policy.tier_bounds[tier - 1]})
