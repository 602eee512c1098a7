"""The studio in figures, as of any date (derived in memory, nothing written)."""

from collections import Counter
from datetime import date, timedelta

from lifecrm_gui.domain.vocab import CLASSES, STAGES, TIERS
from lifecrm_gui.store.models import database

from .recompute import evaluate


def stats(as_of: date) -> dict:
    derived, _ = evaluate(as_of)
    conn = database.connection()
    next_day = (as_of + timedelta(days=1)).isoformat()
    revenue, orders = conn.execute(
        "SELECT TOTAL(o.paid), COUNT(*) FROM orders o JOIN client c ON c.id = o.client_id "
        "WHERE o.status != 'cancelled' AND o.ordered_on < ? AND c.deleted_at IS NULL", (next_day,)).fetchone()
    year_start = date(as_of.year, 1, 1).isoformat()
    revenue_year = conn.execute(
        "SELECT TOTAL(o.paid) FROM orders o JOIN client c ON c.id = o.client_id "
        "WHERE o.status != 'cancelled' AND o.ordered_on >= ? AND o.ordered_on < ? AND c.deleted_at IS NULL",
        (year_start, next_day)).fetchone()[0]
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
        "revenue": int(revenue),
        "revenue_this_year": int(revenue_year),
        "lifetime_value": sum(d.ltv_total for d in derived.values()),
    }
