"""Lifetime value (domain.md §6, after seed 004)."""

from dataclasses import dataclass
from datetime import date

from .policy import Policy


def seed_lifetime_value(average_sale: int, purchases_per_year: float, years: float,
                        referred_values=()) -> int:
    """The photographer's formula: average sale x purchases a year x years retained,
    plus the lifetime value of each client referred."""
    return round(average_sale * purchases_per_year * years) + sum(referred_values)


@dataclass(slots=True)
class LifetimeValue:
    historical: int
    projected: int
    referral: int
    average_order: int
    orders_per_year: float

    @property
    def total(self) -> int:
        return self.historical + self.projected + self.referral


def lifetime_value(spend: int, order_count: int, first_order_on: date | None, as_of: date,
                   referral_spend: int, policy: Policy = Policy()) -> LifetimeValue:
    """Historical spend, projected own value (average order x orders a year over a
    tenure of at least one year x expected remaining years) and referral value."""
    if order_count <= 0 or first_order_on is None:
        return LifetimeValue(spend, 0, referral_spend, 0, 0.0)
    tenure_years = max(1.0, (as_of - first_order_on).days / 365.25)
    average = spend / order_count
    per_year = order_count / tenure_years
    projected = round(average * per_year * policy.expected_years)
    return LifetimeValue(spend, projected, referral_spend, round(average), per_year)
