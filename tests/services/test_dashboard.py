"""The figures behind each dashboard chart, against a small studio computed by hand."""

from datetime import date

import pytest

from lifecrm_gui.services import clients, dashboard, timeline
from lifecrm_gui.services.dashboard import DashboardFilter
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.services.recompute import recompute
from lifecrm_gui.store.models import Campaign, CampaignRecipient
from tests.conftest import AS_OF

PERIOD = DashboardFilter(first=date(2026, 1, 1), last=date(2026, 6, 30), as_of=AS_OF)


def order(cid, day, yuan, category="family", campaign_id=None):
    return timeline.add_order(cid, {"ordered_on": day, "amount": yuan, "paid": yuan, "status": "delivered",
                                    "category": category, "campaign_id": campaign_id}, as_of=day)


@pytest.fixture
def studio(db):
    """Six clients whose every figure is worked out in the tests below."""
    dashboard.forget()
    ids = {}
    ids["A"] = clients.create_client({"name": "安然", "source": "social"}, as_of=date(2025, 1, 10))
    order(ids["A"], date(2025, 2, 1), 5000)
    ids["B"] = clients.create_client({"name": "白雪", "source": "referral", "referred_by": ids["A"]},
                                     as_of=date(2026, 2, 1))
    ids["C"] = clients.create_client({"name": "晨光服饰", "kind": "enterprise", "industry": "fashion",
                                      "source": "expo"}, as_of=date(2021, 1, 5))
    order(ids["C"], date(2021, 1, 20), 1000, category="product")
    ids["D"] = clients.create_client({"name": "邓琳", "source": "website"}, as_of=date(2023, 6, 1))
    order(ids["D"], date(2023, 6, 10), 2000)
    clients.mark_lost(ids["D"], "price", as_of=date(2026, 3, 15))
    ids["E"] = clients.create_client({"name": "鄂楠", "source": "social"}, as_of=date(2026, 5, 1))
    timeline.log_event(ids["E"], "inquiry", "问全家福", occurred_at=date(2026, 5, 2), as_of=date(2026, 5, 2))
    ids["F"] = clients.create_client({"name": "方舟", "needs": "wedding_portrait"}, as_of=date(2024, 1, 1))
    campaign = Campaign.create(name="春节全家福", playbook="holiday", cost=50_000, starts_on=date(2026, 1, 20))
    CampaignRecipient.create(campaign=campaign, client=ids["A"], status="replied", replied_at=date(2026, 1, 21))
    CampaignRecipient.create(campaign=campaign, client=ids["B"], status="booked")
    order(ids["B"], date(2026, 2, 10), 20000, category="wedding_portrait", campaign_id=campaign.id)
    order(ids["A"], date(2026, 3, 1), 3000)
    recompute(AS_OF)
    yield ids
    dashboard.forget()


def test_empty_database_gives_zeros_and_no_rates(db):
    dashboard.forget()
    dash = dashboard.build(PERIOD)
    h = dash.headline
    assert (h.clients, h.revenue, h.orders, h.new_clients, h.win_backs, h.churned) == (0, 0, 0, 0, 0, 0)
    assert h.churn_rate is None and h.top_share is None
    assert dash.funnel.reached == dict.fromkeys(dashboard.FUNNEL_STAGES, 0)
    assert [rate for _a, _b, rate in dash.funnel.conversions] == [None] * 4
    assert dash.pyramid.curve == [] and dash.pyramid.paying == 0
    assert dash.revenue.total == 0 and dash.flow.total == 0
    assert dash.churn.reasons == {} and dash.cohorts.cohorts == [] and dash.campaigns.rows == []
    assert all(r.leads == r.revenue == 0 for r in dash.sources)
    assert sum(dash.word_of_mouth.quadrants.values()) == 0


def test_a_single_client_with_one_order(db):
    dashboard.forget()
    cid = clients.create_client({"name": "单一", "source": "walk_in"}, as_of=date(2026, 2, 1))
    order(cid, date(2026, 2, 3), 1200)
    dash = dashboard.build(PERIOD)
    assert dash.funnel.stages["new"] == 1
    assert dash.funnel.reached == {"lead": 1, "prospect": 1, "new": 1, "active": 0, "loyal": 0}
    assert [rate for _a, _b, rate in dash.funnel.conversions] == [1.0, 1.0, 0.0, None]
    assert dash.headline.revenue == 120_000 and dash.headline.new_clients == 1
    assert dash.headline.top_share == 1.0
    walk_in = next(r for r in dash.sources if r.source == "walk_in")
    assert (walk_in.leads, walk_in.converted, walk_in.conversion, walk_in.revenue) == (1, 1, 1.0, 120_000)
    assert dash.revenue.by_category == {"family": [0, 120_000, 0, 0, 0, 0]}


def test_funnel_counts_stages_now_and_steps_reached(studio):
    funnel = dashboard.build(PERIOD).funnel
    assert funnel.stages == {"lead": 1, "prospect": 1, "new": 1, "active": 0, "loyal": 1, "dormant": 0,
                             "churned": 2}
    assert funnel.reached == {"lead": 6, "prospect": 5, "new": 4, "active": 1, "loyal": 1}
    assert [rate for _a, _b, rate in funnel.conversions] == [5 / 6, 4 / 5, 1 / 4, 1.0]


def test_headline_figures(studio):
    h = dashboard.build(PERIOD).headline
    assert h.clients == 6
    assert h.revenue == 2_300_000 and h.orders == 2  # B's 20,000 and A's 3,000 in the period
    assert h.new_clients == 1  # B's first order
    # bought before 2026: A, C, D; C churned in 2023; D was marked lost in March 2026
    assert (h.churned, h.churn_base, h.churn_rate) == (1, 2, 0.5)
    assert h.top_share == pytest.approx(20000 / 31000)


def test_value_pyramid_tiers_and_the_80_20_curve(studio):
    pyramid = dashboard.build(PERIOD).pyramid
    assert pyramid.clients == [2, 0, 1, 0, 0, 1, 0]  # C, D no star; A three stars; B six stars
    assert pyramid.spend == [300_000, 0, 800_000, 0, 0, 2_000_000, 0]
    assert pyramid.paying == 4
    assert pyramid.curve[0] == (0.0, 0.0) and pyramid.curve[-1] == (1.0, 1.0)
    assert pyramid.curve[1] == pytest.approx((0.25, 20000 / 31000))


def test_revenue_by_month_category_and_segment(studio):
    mix = dashboard.build(PERIOD).revenue
    assert mix.months == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]
    assert mix.by_category == {"wedding_portrait": [0, 2_000_000, 0, 0, 0, 0], "family": [0, 0, 300_000, 0, 0, 0]}
    assert mix.segments == [("individual", None, 2_300_000)]
    whole = dashboard.build(DashboardFilter(date(2021, 1, 1), AS_OF, AS_OF)).revenue
    assert ("enterprise", "fashion", 100_000) in whole.segments


def test_sources_leads_conversion_revenue_and_lifetime_value(studio):
    rows = {r.source: r for r in dashboard.build(PERIOD).sources}
    assert (rows["referral"].leads, rows["referral"].converted, rows["referral"].revenue) == (1, 1, 2_000_000)
    assert (rows["social"].leads, rows["social"].converted, rows["social"].conversion) == (1, 0, 0.0)
    assert rows["social"].revenue == 300_000 and rows["social"].paying == 1
    assert rows["expo"].leads == 0 and rows["expo"].conversion is None
    assert rows["referral"].average_ltv > 2_000_000  # spend plus projected value


def test_churn_per_month_and_reasons(studio):
    churn = dashboard.build(PERIOD).churn
    assert churn.reasons == {"idle": 1, "price": 1}
    assert churn.per_month == [0, 0, 1, 0, 0, 0]
    wide = dashboard.build(DashboardFilter(date(2023, 1, 1), date(2023, 1, 31), AS_OF)).churn
    assert wide.per_month == [1]  # C: last order 2021-01-20, churned 731 days later


def test_cohort_retention_by_quarter_of_first_order(studio):
    cohorts = dashboard.build(PERIOD).cohorts
    assert cohorts.cohorts == ["2023-Q2", "2025-Q1", "2026-Q1"]  # C's 2021 cohort is past five years
    assert cohorts.sizes == [1, 1, 1]
    assert cohorts.shares[0] == [0.0, 0.0, 0.0, 0.0, None, None]
    assert cohorts.shares[1] == [0.0, 1.0, None, None, None, None]  # A bought again 393 days later
    assert cohorts.shares[2] == [0.0, None, None, None, None, None]


def test_campaign_return_and_playbooks(studio):
    campaigns = dashboard.build(PERIOD).campaigns
    (row,) = campaigns.rows
    assert (row.name, row.recipients, row.replied, row.orders, row.revenue, row.cost) == \
        ("春节全家福", 2, 1, 1, 2_000_000, 50_000)
    assert row.roi == pytest.approx(39.0)
    assert [(p.playbook, p.revenue) for p in campaigns.playbooks] == [("holiday", 2_000_000)]
    before = dashboard.build(DashboardFilter(date(2025, 1, 1), date(2025, 12, 31), AS_OF)).campaigns
    assert before.rows == []


def test_word_of_mouth_quadrants_and_referral_revenue(studio):
    wom = dashboard.build(PERIOD).word_of_mouth
    assert wom.quadrants == {"champion": 0, "untapped": 0, "engaged": 0, "quiet": 6}
    assert wom.referral["quiet"] == (1, 1, 2_000_000)
    assert wom.referral_revenue == 2_000_000
    assert sum(map(sum, wom.grid)) == 6


def test_filters_kind_source_and_needs_are_applied(studio):
    enterprise = dashboard.build(DashboardFilter(PERIOD.first, PERIOD.last, AS_OF, kind="enterprise"))
    assert enterprise.headline.clients == 1 and enterprise.headline.revenue == 0
    assert enterprise.funnel.stages["churned"] == 1
    social = dashboard.build(DashboardFilter(PERIOD.first, PERIOD.last, AS_OF, source="social"))
    assert social.headline.clients == 2 and social.headline.revenue == 300_000
    assert [r.source for r in social.sources] == ["social"]
    other = dashboard.build(DashboardFilter(PERIOD.first, PERIOD.last, AS_OF, source="other"))
    assert other.headline.clients == 1  # F has no recorded source
    wedding = dashboard.build(DashboardFilter(PERIOD.first, PERIOD.last, AS_OF, needs="wedding_portrait"))
    assert wedding.headline.clients == 2  # B bought it, F asked for it
    assert wedding.headline.revenue == 2_000_000


def test_as_of_date_leaves_out_clients_not_yet_known(studio):
    earlier = dashboard.build(DashboardFilter(date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31)))
    assert earlier.headline.clients == 4  # B and E were first seen in 2026
    assert earlier.funnel.stages["active"] == 0 and earlier.funnel.stages["new"] == 1  # A had one order


def test_stage_flow_counts_moves_and_win_backs(db):
    dashboard.forget()
    cid = clients.create_client({"name": "回头客"}, as_of=date(2023, 1, 1))
    order(cid, date(2023, 1, 10), 800)
    recompute(date(2024, 6, 30))  # a year and a half without a word: dormant
    order(cid, date(2026, 2, 1), 900)  # back: a win-back
    flow = dashboard.build(PERIOD).flow
    assert flow.moves_in["active"] == [0, 1, 0, 0, 0, 0]
    assert flow.win_backs == [0, 1, 0, 0, 0, 0]
    assert dashboard.build(PERIOD).headline.win_backs == 1
    earlier = dashboard.build(DashboardFilter(date(2023, 1, 1), date(2024, 12, 31), AS_OF)).flow
    assert earlier.moves_in["new"][0] == 1  # lead -> new in January 2023
    assert earlier.moves_in["dormant"][17] == 1  # June 2024
    assert sum(earlier.win_backs) == 0


def test_a_period_that_ends_before_it_starts_is_refused(db):
    with pytest.raises(ValidationError) as error:
        dashboard.build(DashboardFilter(date(2026, 6, 1), date(2026, 5, 1), AS_OF))
    assert error.value.for_field("from")


def test_the_derivation_is_kept_until_forgotten(studio):
    first = dashboard.snapshot(AS_OF)
    assert dashboard.snapshot(AS_OF) is first
    dashboard.forget()
    assert dashboard.snapshot(AS_OF) is not first
