"""Client classes (domain.md §5): key, cooperative, potential, general; first match wins."""

import math
from dataclasses import dataclass

from .policy import Policy
from .reasons import Reason

CLASS_ORDER = ("key", "cooperative", "potential", "general")


def key_threshold(paying_spends_desc, policy: Policy = Policy()) -> int | None:
    """The spend from which a paying client is in the top share (ties included).

    `paying_spends_desc` holds every paying client's spend, largest first."""
    count = len(paying_spends_desc)
    if count == 0:
        return None
    rank = math.ceil(count * policy.key_top_percent / 100)
    return paying_spends_desc[rank - 1]


@dataclass(slots=True)
class ClassFacts:
    spend: int = 0
    tier: int = 0
    kind: str = "individual"
    annual_contract: bool = False
    orders_last_year: int = 0
    influence: int = 0
    referrals: int = 0
    projected_value: int = 0
    pinned: str | None = None


def classify(facts: ClassFacts, threshold: int | None, policy: Policy = Policy()) -> tuple[str, Reason]:
    if facts.pinned in CLASS_ORDER:
        return facts.pinned, Reason("class_pinned")
    if threshold is not None and facts.spend > 0 and facts.spend >= threshold:
        return "key", Reason("class_top", {"percent": policy.key_top_percent, "threshold": threshold})
    if facts.tier >= policy.key_tier:
        return "key", Reason("class_tier")
    if facts.kind == "enterprise" and facts.annual_contract:
        return "cooperative", Reason("class_contract")
    if facts.orders_last_year >= policy.cooperative_orders_per_year:
        return "cooperative", Reason("class_frequent", {"orders": facts.orders_last_year})
    if facts.influence >= policy.influence_high:
        return "potential", Reason("class_influence", {"score": facts.influence, "high": policy.influence_high})
    if facts.referrals > 0:
        return "potential", Reason("class_referrals", {"count": facts.referrals})
    if threshold is not None and facts.projected_value >= threshold:
        return "potential", Reason("class_projected", {"value": facts.projected_value, "threshold": threshold})
    return "general", Reason("class_general")
