"""The whole-studio recompute (the rules as arrays, domain.bulk) against the per-client
rules (services.recompute.evaluate), column by column, on random studios that reach
every rule's boundaries: manual moves, lost marks, pins, contracts, referrals,
satisfaction, trashed clients, orders in the future."""

import itertools
import json
import logging
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.services.recompute import evaluate, recompute
from lifecrm_gui.store.db import close_database, open_database
from lifecrm_gui.store.models import Client, Event, Order

START = date(2022, 1, 1)
KINDS = ["inquiry", "call", "note", "feedback", "complaint", "campaign_reply", "visit"]
STATUSES = ["quoted", "booked", "delivered", "cancelled"]
POLICIES = [Policy(), Policy(prospect_window_days=30, dormant_after_days=100, churned_after_days=200,
                             loyal_min_orders=2, key_top_percent=50, cooperative_orders_per_year=1,
                             influence_high=30, frequency_high=2, expected_years=3),
            Policy(key_top_percent=1, tier_bounds=(1000, 2000, 3000, 4000, 5000, 6000), key_tier=2)]

# Facts often fall on the same few days, so that "on the same day" and "exactly a window
# later" happen as often as any other day.
day = st.one_of(st.sampled_from([0, 10, 400]), st.integers(min_value=0, max_value=1500))
client_strategy = st.fixed_dictionaries({
    "orders": st.lists(st.tuples(day, st.integers(0, 3_000_000), st.sampled_from(STATUSES)), max_size=5),
    "events": st.lists(st.tuples(day, st.sampled_from(KINDS), st.one_of(st.none(), st.integers(1, 5))),
                       max_size=4),
    "lost": st.one_of(st.none(), day),
    "manual": st.one_of(st.none(), st.tuples(st.sampled_from(["lead", "prospect", "new"]), day)),
    "pin": st.sampled_from([None, None, "key", "general", "bogus"]),
    "kind": st.sampled_from(["individual", "individual", "enterprise"]),
    "contract": st.booleans(),
    "followers": st.sampled_from([0, 500, 200_000, 5_000_000]),
    "rank": st.sampled_from([None, 1, 50]),
    "referrer": st.integers(min_value=-1, max_value=6),
    "trashed": st.sampled_from([False, False, False, True]),
    "stored_stage": st.sampled_from([None, "lead", "active", "churned"]),
})
_counter = itertools.count()


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _build(studio):
    ids = []
    for n, spec in enumerate(studio):
        referrer = ids[spec["referrer"]] if 0 <= spec["referrer"] < len(ids) else None
        lost_on = START + timedelta(days=spec["lost"]) if spec["lost"] is not None else None
        manual, manual_on = spec["manual"] or (None, None)
        client = Client.create(
            name=f"客户{n}", referred_by=referrer, kind=spec["kind"], annual_contract=spec["contract"],
            followers=spec["followers"], reputation_rank=spec["rank"], lost_on=lost_on,
            lost_reason="price" if lost_on else None, manual_stage=manual,
            manual_stage_on=START + timedelta(days=manual_on) if manual else None, class_pin=spec["pin"],
            stage=spec["stored_stage"], deleted_at=datetime(2026, 1, 1) if spec["trashed"] else None)
        ids.append(client.id)
        for offset, amount, status in spec["orders"]:
            Order.create(client=client.id, ordered_on=START + timedelta(days=offset), amount=amount, paid=amount,
                         status=status)
        for offset, kind, satisfaction in spec["events"]:
            Event.create(client=client.id, occurred_at=f"{START + timedelta(days=offset)} 18:30:00", kind=kind,
                         satisfaction=satisfaction, is_activity=kind != "note")
    return ids


# The day asked about: a day facts fall on, plus a window's length (or a day either side),
# so that the boundaries of every window are reached often.
as_of_strategy = st.tuples(day, st.sampled_from(sorted({d + e for d in (0, 30, 100, 180, 200, 365, 730)
                                                         for e in (-1, 0, 1)})))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(studio=st.lists(client_strategy, min_size=1, max_size=8), as_of_days=as_of_strategy,
       policy=st.sampled_from(POLICIES))
def test_the_studio_rules_agree_with_the_per_client_rules(studio, as_of_days, policy):
    as_of = START + timedelta(days=max(0, sum(as_of_days)))
    path = Path(tempfile.mkdtemp()) / f"s{next(_counter)}.sqlite3"
    open_database(path)
    disagreements = _Errors()
    logging.getLogger("lifecrm_gui.services.recompute_studio").addHandler(disagreements)
    try:
        _build(studio)
        expected, before = evaluate(as_of, policy=policy)
        moves = {cid: (before[cid][0], d.stage, d.stage_reason.to_dict()) for cid, d in expected.items()
                 if d.stage != before[cid][0]}
        result = recompute(as_of, policy=policy)
        derived, stored = evaluate(as_of, policy=policy)
        assert {cid: d.row() for cid, d in derived.items()} == {cid: d.row() for cid, d in expected.items()}
        assert {cid: stored[cid] for cid in derived} == {cid: d.row() for cid, d in expected.items()}
        written = {e.client_id: (e.stage_from, e.stage_to, json.loads(e.data)["reason"])
                   for e in Event.select().where(Event.kind == "stage_change")}
        assert written == moves
        assert (result.clients, result.moved) == (len(expected), len(moves))
        assert recompute(as_of, policy=policy).changed == 0
        assert disagreements.messages == []  # the per-client rules never had to correct a stage
    finally:
        logging.getLogger("lifecrm_gui.services.recompute_studio").removeHandler(disagreements)
        close_database()


def test_an_empty_studio(db):
    assert recompute(date(2026, 6, 30)).clients == 0


def test_a_recompute_inside_a_transaction_sees_what_that_transaction_wrote(db):
    """An import re-derives inside its own transaction, before anything is committed."""
    client = Client.create(name="王芳")
    with db.atomic():
        Order.create(client=client.id, ordered_on=date(2026, 6, 1), amount=500_00, paid=500_00, status="delivered")
        recompute(date(2026, 6, 30))
        assert Client.get_by_id(client.id).order_count == 1
    Order.create(client=client.id, ordered_on=date(2026, 6, 2), amount=300_00, paid=300_00, status="delivered")
    recompute(date(2026, 6, 30))
    after = Client.get_by_id(client.id)
    assert (after.order_count, after.spend, after.stage) == (2, 800_00, "active")
