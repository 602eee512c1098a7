"""The owner's policy: every threshold the rules use, with the documented defaults."""

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class Policy:
    prospect_window_days: int = 180
    dormant_after_days: int = 365
    churned_after_days: int = 730
    loyal_min_orders: int = 3
    # Lower bounds (inclusive, minor units) of 准星, 三星, 四星, 五星, 六星, 七星.
    tier_bounds: tuple[int, ...] = (300_000, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000)
    key_tier: int = 4  # 五星 and above are key clients
    key_top_percent: int = 20
    cooperative_orders_per_year: int = 2
    influence_high: int = 60
    frequency_high: int = 4
    expected_years: int = 10
    attribution_window_days: int = 30
    currency: str = "CNY"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["tier_bounds"] = list(self.tier_bounds)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Policy":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        if "tier_bounds" in values:
            values["tier_bounds"] = tuple(int(b) for b in values["tier_bounds"])
        return cls(**values)

    def problems(self) -> list[tuple[str, str]]:
        """(field, message) for every setting that makes the rules meaningless."""
        out = []
        if not 0 < self.prospect_window_days:
            out.append(("prospect_window_days", "must be at least one day"))
        if not 0 < self.dormant_after_days < self.churned_after_days:
            out.append(("churned_after_days", "the churn window must be longer than the dormant window"))
        if self.loyal_min_orders < 2:
            out.append(("loyal_min_orders", "loyal needs at least two orders"))
        bounds = list(self.tier_bounds)
        if len(bounds) != 6 or bounds != sorted(bounds) or len(set(bounds)) != 6 or bounds[0] <= 0:
            out.append(("tier_bounds", "six rising amounts above zero are needed"))
        if not 1 <= self.key_top_percent <= 100:
            out.append(("key_top_percent", "must be between 1 and 100"))
        if not 0 <= self.influence_high <= 100:
            out.append(("influence_high", "must be between 0 and 100"))
        if self.expected_years < 0:
            out.append(("expected_years", "cannot be negative"))
        return out
