"""Where the dashboard's as-of derivation comes from: the columns the last whole-studio
recompute stored when it was for the date asked about, else the rules applied in memory.
Either way every chart shows the same figures."""

import dataclasses
from collections import Counter
from datetime import date, timedelta

import pytest

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.services import clients, dashboard, timeline
from lifecrm_gui.services.dashboard import EVALUATED, STORED, DashboardFilter
from lifecrm_gui.services.demo import generate_demo
from lifecrm_gui.services.recompute import evaluate, recompute
from lifecrm_gui.services.settings import get_setting, load_policy, set_setting
from lifecrm_gui.store.models import Client
from tests.conftest import AS_OF

CHARTS = ("headline", "funnel", "flow", "pyramid", "revenue", "sources", "churn", "cohorts", "campaigns",
          "word_of_mouth")
FILTERS = (
    dashboard.default_filter(AS_OF),
    DashboardFilter(date(2021, 1, 1), AS_OF, AS_OF),
    DashboardFilter(date(2026, 3, 5), date(2026, 4, 20), AS_OF),
    DashboardFilter(date(2025, 7, 1), AS_OF, AS_OF, kind="enterprise"),
    DashboardFilter(date(2025, 7, 1), AS_OF, AS_OF, source="other"),
    DashboardFilter(date(2025, 7, 1), AS_OF, AS_OF, kind="individual", source="social", needs="wedding_portrait"),
    DashboardFilter(date(2024, 1, 1), date(2024, 12, 31), AS_OF, needs="product"),
)


@pytest.fixture
def demo(db):
    """A demo studio of a few hundred clients (lost, idle, referred, enterprise...),
    recomputed as of AS_OF, with some clients trashed and marked lost since."""
    dashboard.forget()
    generate_demo(db, 400, seed=11, as_of=AS_OF)
    recompute(AS_OF)
    active = [cid for (cid,) in db.execute_sql("SELECT id FROM client WHERE stage = 'active' ORDER BY id")]
    referrer = db.execute_sql("SELECT referred_by_id FROM client WHERE referred_by_id IS NOT NULL").fetchone()[0]
    clients.trash_client(referrer, as_of=AS_OF)
    clients.trash_client(active[0], as_of=AS_OF)
    clients.mark_lost(active[1], "price", as_of=AS_OF)
    timeline.add_order(active[2], {"ordered_on": AS_OF - timedelta(days=3), "amount": 800, "paid": 800,
                                 "status": "delivered", "category": "family"}, as_of=AS_OF)
    yield db
    dashboard.forget()


def figures(dash) -> dict:
    return {name: getattr(dash, name) for name in CHARTS}


def built_from_the_rules(flt: DashboardFilter) -> dashboard.Dashboard:
    """The same filter with last_recompute moved to another day: the rules decide."""
    last = get_setting("last_recompute")
    set_setting("last_recompute", "2000-01-01")
    dashboard.forget()
    try:
        return dashboard.build(flt)
    finally:
        set_setting("last_recompute", last)
        dashboard.forget()


def test_the_stored_derivation_gives_every_chart_the_same_figures_as_the_rules(demo):
    stats = Counter(s for (s,) in demo.execute_sql("SELECT stage FROM client WHERE deleted_at IS NULL"))
    assert stats["churned"] and stats["loyal"] and stats["lead"]  # the studio exercises every rule
    for flt in FILTERS:
        stored = dashboard.build(flt)
        assert stored.basis == STORED
        evaluated = built_from_the_rules(flt)
        assert evaluated.basis == EVALUATED
        for name, value in figures(stored).items():
            assert value == figures(evaluated)[name], (flt, name)
    assert dashboard.build(FILTERS[0]).headline.clients > 300


def test_an_as_of_date_other_than_the_last_recompute_is_derived_by_the_rules(demo):
    earlier = AS_OF - timedelta(days=200)
    dash = dashboard.build(DashboardFilter(date(2025, 1, 1), earlier, earlier))
    assert dash.basis == EVALUATED
    derived, _stored = evaluate(earlier)
    known = {cid for (cid,) in demo.execute_sql(
        "SELECT id FROM client WHERE deleted_at IS NULL AND (first_seen_on IS NULL OR first_seen_on <= ?)",
        (earlier.isoformat(),))}
    expected = Counter(d.stage for cid, d in derived.items() if cid in known)
    assert {k: v for k, v in dash.funnel.stages.items() if v} == dict(expected)
    # what is stored now (as of AS_OF) says otherwise: the stored columns were not read
    now = Counter(s for (s,) in demo.execute_sql(
        f"SELECT stage FROM client WHERE deleted_at IS NULL AND id IN ({','.join(map(str, known))})"))
    assert now != expected


def test_a_stale_last_recompute_falls_back_to_the_rules(demo):
    recompute(AS_OF - timedelta(days=1))  # the stored columns are now those of the day before
    assert get_setting("last_recompute") == (AS_OF - timedelta(days=1)).isoformat()
    dashboard.forget()
    dash = dashboard.build(FILTERS[0])
    assert dash.basis == EVALUATED
    recompute(AS_OF)
    dashboard.forget()
    again = dashboard.build(FILTERS[0])
    assert again.basis == STORED
    # the same clients, as of the same day (the two recomputes added stage moves meanwhile)
    for name in ("funnel", "pyramid", "sources", "churn", "cohorts", "revenue"):
        assert getattr(again, name) == getattr(dash, name), name
    assert again.word_of_mouth.grid == dash.word_of_mouth.grid


def test_rules_other_than_the_saved_ones_are_applied_not_read(demo):
    saved = load_policy()
    other = dataclasses.replace(saved, loyal_min_orders=saved.loyal_min_orders + 2)
    assert other != saved and isinstance(other, Policy)
    dash = dashboard.build(FILTERS[0], policy=other)
    assert dash.basis == EVALUATED
    assert dash.funnel.stages["loyal"] < dashboard.build(FILTERS[0]).funnel.stages["loyal"]


def test_a_client_recompute_never_derived_sends_the_dashboard_to_the_rules(demo):
    first = Client.select(Client.id).where(Client.deleted_at.is_null()).order_by(Client.id).first()
    Client.update(stage=None).where(Client.id == first.id).execute()
    dashboard.forget()
    dash = dashboard.build(FILTERS[0])
    assert dash.basis == EVALUATED
    assert sum(dash.funnel.stages.values()) == dash.headline.clients


def test_the_kept_columns_answer_every_filter_without_reading_clients_again(demo, monkeypatch):
    from lifecrm_gui.store import dashboard_queries

    dashboard.build(FILTERS[0])
    reads = []
    monkeypatch.setattr(dashboard_queries, "client_columns", lambda *a, **k: reads.append(a) or {})
    monkeypatch.setattr(dashboard_queries, "order_columns", lambda *a, **k: reads.append(a) or {})
    for flt in FILTERS:
        dashboard.build(flt)
    assert reads == []


def test_a_client_derived_for_another_day_or_rules_saved_since_fall_back_to_the_rules(demo):
    from lifecrm_gui.services.recompute import recompute_clients
    from lifecrm_gui.services.settings import save_policy

    assert dashboard.build(FILTERS[0]).basis == STORED
    one = demo.execute_sql("SELECT id FROM client WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
    recompute_clients([one], AS_OF + timedelta(days=40))  # e.g. an import judged as of another day
    assert get_setting("last_recompute") is None
    dashboard.forget()
    assert dashboard.build(FILTERS[0]).basis == EVALUATED
    recompute(AS_OF)
    dashboard.forget()
    assert dashboard.build(FILTERS[0]).basis == STORED
    save_policy(dataclasses.replace(load_policy(), dormant_after_days=300))  # saved; the recompute not run yet
    dashboard.forget()
    assert dashboard.build(FILTERS[0]).basis == EVALUATED
