"""Word-of-mouth influence and the influence/frequency quadrant (domain.md §5)."""

import math
from dataclasses import dataclass

from .policy import Policy
from .reasons import Reason


@dataclass(frozen=True)
class InfluenceFacts:
    kind: str = "individual"
    followers: int = 0
    engagement: int = 0  # likes + comments on a typical post
    relevant: bool = False  # their audience is the studio's (weddings, families, lifestyle)
    reputation_rank: int | None = None  # enterprises, 1-5


def influence_score(facts: InfluenceFacts) -> int:
    """0-100: followers on a log scale (100,000 is full marks), engagement (1,000 per
    post is full marks), relevance; an enterprise's reputation rank counts when higher."""
    reach = min(1.0, math.log10(1 + max(0, facts.followers)) / 5) * 60
    engagement = min(1.0, math.log10(1 + max(0, facts.engagement)) / 3) * 30
    score = round(reach + engagement + (10 if facts.relevant else 0))
    if facts.kind == "enterprise" and facts.reputation_rank:
        score = max(score, min(5, max(1, facts.reputation_rank)) * 20)
    return min(100, score)


def quadrant(score: int, frequency: int, policy: Policy = Policy()) -> str:
    high_influence = score >= policy.influence_high
    high_frequency = frequency >= policy.frequency_high
    if high_influence:
        return "champion" if high_frequency else "untapped"
    return "engaged" if high_frequency else "quiet"


def quadrant_reason(score: int, frequency: int, policy: Policy = Policy()) -> Reason:
    return Reason("quadrant", {"score": score, "high": policy.influence_high,
                               "freq": frequency, "fhigh": policy.frequency_high})
