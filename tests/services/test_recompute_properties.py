"""Recompute against the pure rules, on random small studios."""

import itertools
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifecrm_gui.domain.classes import ClassFacts, classify, key_threshold
from lifecrm_gui.domain.influence import InfluenceFacts, influence_score
from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.stages import StageFacts, derive_stage
from lifecrm_gui.domain.tiers import tier_for
from lifecrm_gui.domain.vocab import ACTIVITY_KINDS
from lifecrm_gui.services.recompute import recompute
from lifecrm_gui.store.db import close_database, open_database
from lifecrm_gui.store.models import Client, Event, Order

START = date(2020, 1, 1)
KINDS = ["inquiry", "call", "note", "campaign", "campaign_reply", "feedback"]
STATUSES = ["quoted", "booked", "delivered", "cancelled"]

day = st.integers(min_value=0, max_value=2400)
client_strategy = st.fixed_dictionaries({
    "orders": st.lists(st.tuples(day, st.integers(0, 3_000_000), st.sampled_from(STATUSES)), max_size=4),
    "events": st.lists(st.tuples(day, st.sampled_from(KINDS)), max_size=4),
    "lost": st.one_of(st.none(), day),
    "followers": st.sampled_from([0, 500, 200_000]),
    "referrer": st.integers(min_value=-1, max_value=6),
})
_counter = itertools.count()


def _build(studio):
    ids = []
    for n, spec in enumerate(studio):
        referrer = ids[spec["referrer"]] if 0 <= spec["referrer"] < len(ids) else None
        lost_on = START + timedelta(days=spec["lost"]) if spec["lost"] is not None else None
        client = Client.create(name=f"客户{n}", referred_by=referrer, followers=spec["followers"],
                               lost_on=lost_on, lost_reason="price" if lost_on else None)
        ids.append(client.id)
        for offset, amount, status in spec["orders"]:
            Order.create(client=client.id, ordered_on=START + timedelta(days=offset), amount=amount, paid=amount,
                         status=status)
        for offset, kind in spec["events"]:
            Event.create(client=client.id, occurred_at=f"{START + timedelta(days=offset)} 10:00:00", kind=kind,
                         is_activity=kind in ACTIVITY_KINDS)
    return ids


def _expected(studio, ids, as_of, policy):
    """The stage and class of each client, with the facts worked out here in Python."""
    live_orders = {cid: [(START + timedelta(days=o), a) for o, a, s in spec["orders"]
                         if s != "cancelled" and START + timedelta(days=o) <= as_of]
                   for cid, spec in zip(ids, studio)}
    spend = {cid: sum(a for _, a in orders) for cid, orders in live_orders.items()}
    threshold = key_threshold(sorted((s for s in spend.values() if s > 0), reverse=True), policy)
    referred = {cid: [c for c, spec in zip(ids, studio)
                      if 0 <= spec["referrer"] < ids.index(c) and ids[spec["referrer"]] == cid] for cid in ids}
    out = {}
    for cid, spec in zip(ids, studio):
        orders = live_orders[cid]
        activity = [START + timedelta(days=o) for o, k in spec["events"]
                    if k in ACTIVITY_KINDS and START + timedelta(days=o) <= as_of]
        lost_on = START + timedelta(days=spec["lost"]) if spec["lost"] is not None else None
        facts = StageFacts(order_count=len(orders), last_order_on=max((d for d, _ in orders), default=None),
                           last_activity_on=max(activity, default=None),
                           referred_with_orders=sum(1 for r in referred[cid] if live_orders[r]),
                           lost_on=lost_on, lost_reason="price" if lost_on else None)
        stage = derive_stage(facts, as_of, policy).stage
        tier = tier_for(spend[cid], policy)
        year_ago = as_of - timedelta(days=365)
        cls, _ = classify(ClassFacts(
            spend=spend[cid], tier=tier, orders_last_year=sum(1 for d, _ in orders if d > year_ago),
            influence=influence_score(InfluenceFacts(followers=spec["followers"])),
            referrals=len(referred[cid]),
            projected_value=_projected(orders, as_of, policy)), threshold, policy)
        out[cid] = (stage.value, tier, cls, spend[cid])
    return out


def _projected(orders, as_of, policy):
    from lifecrm_gui.domain.value import lifetime_value
    first = min((d for d, _ in orders), default=None)
    return lifetime_value(sum(a for _, a in orders), len(orders), first, as_of, 0, policy).projected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(studio=st.lists(client_strategy, min_size=1, max_size=7), as_of_offset=st.integers(0, 2600))
def test_recompute_agrees_with_the_pure_rules_and_is_idempotent(studio, as_of_offset):
    as_of = START + timedelta(days=as_of_offset)
    path = Path(tempfile.mkdtemp()) / f"p{next(_counter)}.sqlite3"
    open_database(path)
    try:
        ids = _build(studio)
        policy = Policy()
        recompute(as_of, policy=policy)
        stored = {c.id: (c.stage, c.tier, c.client_class, c.spend) for c in Client.select()}
        assert stored == _expected(studio, ids, as_of, policy)
        events = Event.select().count()
        again = recompute(as_of, policy=policy)
        assert (again.changed, again.moved) == (0, 0)
        assert Event.select().count() == events
    finally:
        close_database()
