"""The studio in figures, as of any date (derived in memory, nothing written)."""

from collections import Counter
from datetime import date, timedelta

from lifecrm_gui.domain.vocab import CLASSES, STAGES, TIERS
from lifecrm_gui.store import queries

from .recompute import evaluate


def stats(as_of: date) -> dict:
    derived, _ = evaluate(as_of)
    next_day = (as_of + timedelta(days=1)).isoformat()
    revenue, orders = queries.revenue(None, next_day)
    revenue_year, _ = queries.revenue(date(as_of.year, 1, 1).isoformat(), next_day)
    stages = Counter(d.stage for d in derived.values())
    tiers = Counter(d.tier for d in derived.values())
    classes = Counter(d.client_class for d in derived.values())
    return {
        "as_of": as_of.isoformat(),
        "clients": len(derived),
        "by_stage": {key: stages.get(key, 0) for key in STAGES},
        "by_tier": {str(i): tiers.get(i, 0) for i in range(len(TIERS))},
        "by_class": {key: classes.get(key, 0) for key in CLASSES},
        "orders": orders,
        "revenue": revenue,
        "revenue_this_year": revenue_year,
        "lifetime_value": sum(d.ltv_total for d in derived.values()),
    }
