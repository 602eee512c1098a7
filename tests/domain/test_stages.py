from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, strategies as st

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.stages import (
    Stage,
    StageFacts,
    StageVerdict,
    TransitionRefused,
    check_manual_stage,
    check_mark_lost,
    check_reopen,
    derive_stage,
    is_win_back,
)

AS_OF = date(2024, 6, 30)


def ago(days: int) -> date:
    return AS_OF - timedelta(days=days)


def stage_of(policy: Policy = Policy(), **facts) -> Stage:
    return derive_stage(StageFacts(**facts), AS_OF, policy).stage


def ordered(count: int, idle: int, **more) -> dict:
    return {"order_count": count, "last_order_on": ago(idle), **more}


class TestWithoutOrders:
    def test_never_contacted_is_a_lead(self):
        verdict = derive_stage(StageFacts(), AS_OF)
        assert verdict.stage == Stage.LEAD
        assert verdict.reason.code == "no_orders_never"

    @pytest.mark.parametrize("days, expected", [
        (0, Stage.PROSPECT),
        (1, Stage.PROSPECT),
        (179, Stage.PROSPECT),
        (180, Stage.PROSPECT),
        (181, Stage.LEAD),
        (1000, Stage.LEAD),
    ])
    def test_prospect_window_boundary(self, days, expected):
        assert stage_of(last_activity_on=ago(days)) == expected

    def test_recent_reason_carries_days_and_window(self):
        reason = derive_stage(StageFacts(last_activity_on=ago(180)), AS_OF).reason
        assert reason.code == "no_orders_recent"
        assert reason.params == {"days": 180, "window": 180}

    def test_cold_reason_carries_days_and_window(self):
        reason = derive_stage(StageFacts(last_activity_on=ago(181)), AS_OF).reason
        assert reason.code == "no_orders_cold"
        assert reason.params == {"days": 181, "window": 180}

    def test_activity_after_as_of_counts_as_today(self):
        verdict = derive_stage(StageFacts(last_activity_on=AS_OF + timedelta(days=5)), AS_OF)
        assert verdict.stage == Stage.PROSPECT
        assert verdict.reason.params["days"] == 0


class TestOrderCounts:
    @pytest.mark.parametrize("count, expected", [
        (1, Stage.NEW),
        (2, Stage.ACTIVE),
        (3, Stage.LOYAL),
        (4, Stage.LOYAL),
        (25, Stage.LOYAL),
    ])
    def test_stage_follows_order_count(self, count, expected):
        assert stage_of(**ordered(count, idle=10)) == expected

    def test_reasons_name_the_rule(self):
        assert derive_stage(StageFacts(**ordered(1, 10)), AS_OF).reason.code == "one_order"
        active = derive_stage(StageFacts(**ordered(2, 10)), AS_OF).reason
        assert (active.code, active.params) == ("returning", {"orders": 2})
        loyal = derive_stage(StageFacts(**ordered(3, 10)), AS_OF).reason
        assert (loyal.code, loyal.params) == ("many_orders", {"orders": 3, "min": 3})

    def test_two_orders_and_a_referred_buyer_is_loyal(self):
        verdict = derive_stage(StageFacts(**ordered(2, 10, referred_with_orders=1)), AS_OF)
        assert verdict.stage == Stage.LOYAL
        assert verdict.reason.code == "referrals_bought"
        assert verdict.reason.params == {"count": 1}

    def test_one_order_stays_new_even_with_referred_buyers(self):
        assert stage_of(**ordered(1, 10, referred_with_orders=3)) == Stage.NEW

    def test_three_orders_report_orders_not_referrals(self):
        verdict = derive_stage(StageFacts(**ordered(3, 10, referred_with_orders=2)), AS_OF)
        assert verdict.stage == Stage.LOYAL
        assert verdict.reason.code == "many_orders"


class TestIdleWindows:
    @pytest.mark.parametrize("idle, expected", [
        (0, Stage.NEW),
        (365, Stage.NEW),
        (366, Stage.DORMANT),
        (730, Stage.DORMANT),
        (731, Stage.CHURNED),
        (5000, Stage.CHURNED),
    ])
    def test_boundaries_from_last_order(self, idle, expected):
        assert stage_of(**ordered(1, idle)) == expected

    @pytest.mark.parametrize("idle, expected", [
        (365, Stage.LOYAL),
        (366, Stage.DORMANT),
        (730, Stage.DORMANT),
        (731, Stage.CHURNED),
    ])
    def test_windows_outrank_loyalty(self, idle, expected):
        assert stage_of(**ordered(8, idle, referred_with_orders=4)) == expected

    def test_idle_is_measured_from_recent_activity(self):
        assert stage_of(**ordered(1, 900, last_activity_on=ago(365))) == Stage.NEW
        assert stage_of(**ordered(1, 900, last_activity_on=ago(366))) == Stage.DORMANT

    def test_idle_is_measured_from_recent_order(self):
        assert stage_of(**ordered(2, 365, last_activity_on=ago(900))) == Stage.ACTIVE
        assert stage_of(**ordered(2, 731, last_activity_on=ago(900))) == Stage.CHURNED

    def test_order_without_recorded_activity(self):
        assert stage_of(order_count=1, last_order_on=ago(366)) == Stage.DORMANT

    def test_dormant_reason_carries_days_and_window(self):
        reason = derive_stage(StageFacts(**ordered(2, 400)), AS_OF).reason
        assert reason.code == "idle_dormant"
        assert reason.params == {"days": 400, "window": 365}

    def test_churned_reason_carries_days_and_window(self):
        reason = derive_stage(StageFacts(**ordered(2, 800, last_activity_on=ago(731))), AS_OF).reason
        assert reason.code == "idle_churned"
        assert reason.params == {"days": 731, "window": 730}


class TestMarkedLost:
    def test_lost_without_orders_is_churned(self):
        verdict = derive_stage(StageFacts(lost_on=ago(3), lost_reason="price"), AS_OF)
        assert verdict.stage == Stage.CHURNED
        assert verdict.reason.code == "lost"
        assert verdict.reason.params == {"reason": "price", "on": ago(3).isoformat()}

    def test_lost_wins_over_loyal_and_recent_activity(self):
        facts = StageFacts(**ordered(6, 30, last_activity_on=ago(1), referred_with_orders=2,
                                     lost_on=ago(20), lost_reason="competitor"))
        assert derive_stage(facts, AS_OF).stage == Stage.CHURNED

    def test_activity_after_the_mark_does_not_undo_it(self):
        assert stage_of(**ordered(2, 100, last_activity_on=ago(1), lost_on=ago(50),
                                  lost_reason="service")) == Stage.CHURNED

    def test_order_on_the_day_of_the_mark_does_not_undo_it(self):
        assert stage_of(**ordered(2, 50, lost_on=ago(50), lost_reason="price")) == Stage.CHURNED

    def test_order_after_the_mark_undoes_it(self):
        assert stage_of(**ordered(2, 49, lost_on=ago(50), lost_reason="price")) == Stage.ACTIVE
        assert stage_of(**ordered(1, 49, lost_on=ago(50), lost_reason="price")) == Stage.NEW

    def test_order_after_the_mark_then_follows_the_idle_windows(self):
        assert stage_of(**ordered(2, 400, lost_on=ago(401), lost_reason="moved")) == Stage.DORMANT

    def test_missing_reason_reads_as_other(self):
        verdict = derive_stage(StageFacts(lost_on=ago(3)), AS_OF)
        assert verdict.stage == Stage.CHURNED
        assert verdict.reason.params["reason"] == "other"


class TestManualMoves:
    def test_manual_prospect_newer_than_activity(self):
        verdict = derive_stage(StageFacts(last_activity_on=ago(400), manual_stage="prospect",
                                          manual_stage_on=ago(10)), AS_OF)
        assert verdict.stage == Stage.PROSPECT
        assert verdict.reason.code == "manual_prospect"
        assert verdict.reason.params == {"on": ago(10).isoformat(), "window": 180}

    def test_manual_prospect_without_any_activity(self):
        assert stage_of(manual_stage="prospect", manual_stage_on=ago(10)) == Stage.PROSPECT

    @pytest.mark.parametrize("days, expected, code", [
        (180, Stage.PROSPECT, "manual_prospect"),
        (181, Stage.LEAD, "no_orders_cold"),
    ])
    def test_manual_prospect_expires_after_the_window(self, days, expected, code):
        verdict = derive_stage(StageFacts(last_activity_on=ago(500), manual_stage="prospect",
                                          manual_stage_on=ago(days)), AS_OF)
        assert (verdict.stage, verdict.reason.code) == (expected, code)

    def test_expired_manual_prospect_says_how_long_it_has_been(self):
        reason = derive_stage(StageFacts(manual_stage="prospect", manual_stage_on=ago(200)), AS_OF).reason
        assert reason.code == "no_orders_cold"
        assert reason.params == {"days": 200, "window": 180}

    def test_manual_lead_overrides_recent_activity(self):
        verdict = derive_stage(StageFacts(last_activity_on=ago(5), manual_stage="lead",
                                          manual_stage_on=ago(2)), AS_OF)
        assert verdict.stage == Stage.LEAD
        assert verdict.reason.code == "manual_lead"
        assert verdict.reason.params == {"on": ago(2).isoformat()}

    def test_manual_lead_set_the_same_day_as_activity_holds(self):
        assert stage_of(last_activity_on=ago(2), manual_stage="lead", manual_stage_on=ago(2)) == Stage.LEAD

    def test_manual_lead_does_not_expire(self):
        assert stage_of(manual_stage="lead", manual_stage_on=ago(3000)) == Stage.LEAD

    def test_newer_activity_overrides_manual_lead(self):
        verdict = derive_stage(StageFacts(last_activity_on=ago(1), manual_stage="lead",
                                          manual_stage_on=ago(2)), AS_OF)
        assert verdict.stage == Stage.PROSPECT
        assert verdict.reason.code == "no_orders_recent"

    def test_newer_activity_restarts_an_expired_manual_prospect(self):
        assert stage_of(last_activity_on=ago(10), manual_stage="prospect",
                        manual_stage_on=ago(300)) == Stage.PROSPECT

    def test_old_activity_after_manual_prospect_follows_the_activity(self):
        assert stage_of(last_activity_on=ago(190), manual_stage="prospect",
                        manual_stage_on=ago(200)) == Stage.LEAD

    def test_manual_stage_is_ignored_once_there_are_orders(self):
        assert stage_of(**ordered(1, 10, manual_stage="lead", manual_stage_on=ago(1))) == Stage.NEW

    def test_manual_stage_without_a_date_is_ignored(self):
        assert stage_of(last_activity_on=ago(5), manual_stage="lead") == Stage.PROSPECT

    def test_lost_mark_outranks_manual_prospect(self):
        assert stage_of(manual_stage="prospect", manual_stage_on=ago(1), lost_on=ago(30),
                        lost_reason="price") == Stage.CHURNED


class TestBackwardMoves:
    def test_cancelled_only_order_moves_new_back_to_prospect(self):
        before = StageFacts(**ordered(1, 20, last_activity_on=ago(5)))
        after = replace(before, order_count=0, last_order_on=None)
        assert derive_stage(before, AS_OF).stage == Stage.NEW
        assert derive_stage(after, AS_OF).stage == Stage.PROSPECT

    def test_cancelled_only_order_of_a_cold_client_moves_back_to_lead(self):
        before = StageFacts(**ordered(1, 300, last_activity_on=ago(300)))
        after = replace(before, order_count=0, last_order_on=None)
        assert derive_stage(before, AS_OF).stage == Stage.NEW
        assert derive_stage(after, AS_OF).stage == Stage.LEAD

    def test_cancelled_order_moves_loyal_back_to_active(self):
        before = StageFacts(**ordered(3, 20))
        assert derive_stage(before, AS_OF).stage == Stage.LOYAL
        assert derive_stage(replace(before, order_count=2), AS_OF).stage == Stage.ACTIVE

    def test_time_alone_moves_a_client_forward_into_lapsed_stages(self):
        facts = StageFacts(**ordered(3, 0))
        stages = [derive_stage(facts, AS_OF + timedelta(days=d)).stage for d in (0, 365, 366, 730, 731)]
        assert stages == [Stage.LOYAL, Stage.LOYAL, Stage.DORMANT, Stage.DORMANT, Stage.CHURNED]


class TestCustomPolicy:
    def test_prospect_window(self):
        policy = Policy(prospect_window_days=30)
        assert stage_of(policy, last_activity_on=ago(30)) == Stage.PROSPECT
        assert stage_of(policy, last_activity_on=ago(31)) == Stage.LEAD
        assert stage_of(policy, manual_stage="prospect", manual_stage_on=ago(31)) == Stage.LEAD

    @pytest.mark.parametrize("idle, expected", [
        (90, Stage.ACTIVE),
        (91, Stage.DORMANT),
        (200, Stage.DORMANT),
        (201, Stage.CHURNED),
    ])
    def test_idle_windows(self, idle, expected):
        policy = Policy(dormant_after_days=90, churned_after_days=200)
        assert stage_of(policy, **ordered(2, idle)) == expected

    def test_idle_reasons_quote_the_owner_windows(self):
        policy = Policy(dormant_after_days=90, churned_after_days=200)
        reason = derive_stage(StageFacts(**ordered(2, 150)), AS_OF, policy).reason
        assert reason.params == {"days": 150, "window": 90}

    def test_lower_loyal_threshold(self):
        policy = Policy(loyal_min_orders=2)
        verdict = derive_stage(StageFacts(**ordered(2, 10)), AS_OF, policy)
        assert verdict.stage == Stage.LOYAL
        assert verdict.reason.params == {"orders": 2, "min": 2}

    def test_higher_loyal_threshold(self):
        policy = Policy(loyal_min_orders=5)
        assert stage_of(policy, **ordered(4, 10)) == Stage.ACTIVE
        assert stage_of(policy, **ordered(5, 10)) == Stage.LOYAL


class TestWinBack:
    @pytest.mark.parametrize("old", ["dormant", "churned"])
    @pytest.mark.parametrize("new", ["new", "active", "loyal"])
    def test_lapsed_to_ordering_is_a_win_back(self, old, new):
        assert is_win_back(old, new)

    def test_accepts_enum_members(self):
        assert is_win_back(Stage.CHURNED, Stage.LOYAL)

    @pytest.mark.parametrize("old, new", [
        ("dormant", "churned"),
        ("churned", "dormant"),
        ("dormant", "lead"),
        ("churned", "prospect"),
        ("new", "active"),
        ("active", "loyal"),
        ("prospect", "new"),
        ("lead", "new"),
        (None, "new"),
        (None, "loyal"),
    ])
    def test_other_moves_are_not(self, old, new):
        assert not is_win_back(old, new)


class TestCheckManualStage:
    @pytest.mark.parametrize("target", ["new", "active", "loyal", Stage.LOYAL])
    def test_order_stages_refused(self, target):
        with pytest.raises(TransitionRefused) as refused:
            check_manual_stage(target, 0)
        assert refused.value.code == "follows_orders"
        assert "订单" in refused.value.text("zh")
        assert "order" in refused.value.text("en")

    def test_dormant_refused(self):
        with pytest.raises(TransitionRefused) as refused:
            check_manual_stage("dormant", 0)
        assert refused.value.code == "follows_time"
        assert "沉睡" in refused.value.zh
        assert "Dormant" in refused.value.en

    def test_churned_points_to_mark_lost(self):
        with pytest.raises(TransitionRefused) as refused:
            check_manual_stage("churned", 0)
        assert refused.value.code == "use_mark_lost"
        assert "标记流失" in refused.value.zh
        assert "Mark lost" in refused.value.en

    @pytest.mark.parametrize("target", ["lead", "prospect"])
    def test_clients_with_orders_refused(self, target):
        with pytest.raises(TransitionRefused) as refused:
            check_manual_stage(target, 1)
        assert refused.value.code == "has_orders"
        assert "有订单" in refused.value.zh
        assert "orders" in refused.value.en

    @pytest.mark.parametrize("target", ["lead", "prospect", Stage.PROSPECT])
    def test_lead_and_prospect_allowed_without_orders(self, target):
        assert check_manual_stage(target, 0) is None

    def test_refusal_is_a_value_error_speaking_english(self):
        with pytest.raises(ValueError) as refused:
            check_manual_stage("active", 0)
        assert str(refused.value) == refused.value.en
        assert refused.value.text() == refused.value.zh
        assert refused.value.zh != refused.value.en


class TestCheckMarkLost:
    @pytest.mark.parametrize("reason", ["service", "price", "competitor", "needs_changed", "moved"])
    def test_listed_reasons_accepted_without_note(self, reason):
        assert check_mark_lost(reason, None, already_lost=False) is None

    def test_other_with_a_note_accepted(self):
        assert check_mark_lost("other", "opened their own studio", already_lost=False) is None

    @pytest.mark.parametrize("reason", [None, "", "bored", "价格"])
    def test_reason_required(self, reason):
        with pytest.raises(TransitionRefused) as refused:
            check_mark_lost(reason, "note", already_lost=False)
        assert refused.value.code == "reason_required"
        assert "原因" in refused.value.zh
        assert "reason" in refused.value.en

    @pytest.mark.parametrize("note", [None, "", "   \n"])
    def test_other_needs_a_note(self, note):
        with pytest.raises(TransitionRefused) as refused:
            check_mark_lost("other", note, already_lost=False)
        assert refused.value.code == "note_required"
        assert "其他" in refused.value.zh
        assert "other" in refused.value.en

    def test_already_lost_refused(self):
        with pytest.raises(TransitionRefused) as refused:
            check_mark_lost("price", None, already_lost=True)
        assert refused.value.code == "already_lost"
        assert "已标记为流失" in refused.value.zh
        assert "already marked lost" in refused.value.en


class TestCheckReopen:
    def test_lost_client_may_be_reopened(self):
        assert check_reopen(True) is None

    def test_client_not_lost_refused(self):
        with pytest.raises(TransitionRefused) as refused:
            check_reopen(False)
        assert refused.value.code == "not_lost"
        assert "没有标记为流失" in refused.value.zh
        assert "not marked lost" in refused.value.en


_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def stage_facts(draw):
    order_count = draw(st.integers(min_value=0, max_value=50))
    last_order_on = draw(_dates) if order_count else draw(st.none() | _dates)
    return StageFacts(
        order_count=order_count,
        last_order_on=last_order_on,
        last_activity_on=draw(st.none() | _dates),
        referred_with_orders=draw(st.integers(min_value=0, max_value=20)),
        lost_on=draw(st.none() | _dates),
        lost_reason=draw(st.none() | st.sampled_from(["service", "price", "competitor", "needs_changed",
                                                       "moved", "other"])),
        manual_stage=draw(st.none() | st.sampled_from(["lead", "prospect"])),
        manual_stage_on=draw(st.none() | _dates),
    )


class TestDeriveStageProperties:
    @given(stage_facts(), _dates)
    def test_always_a_stage_with_a_readable_reason(self, facts, as_of):
        verdict = derive_stage(facts, as_of)
        assert isinstance(verdict, StageVerdict)
        assert isinstance(verdict.stage, Stage)
        assert verdict.reason.text("zh")
        assert verdict.reason.text("en")

    @given(stage_facts(), _dates)
    def test_stage_agrees_with_the_facts(self, facts, as_of):
        stage = derive_stage(facts, as_of).stage
        lost = (facts.lost_on is not None and facts.lost_on <= as_of
                and (facts.last_order_on is None or facts.last_order_on <= facts.lost_on))
        if lost:
            assert stage == Stage.CHURNED
        elif facts.order_count == 0:
            assert stage in (Stage.LEAD, Stage.PROSPECT)
        else:
            assert stage not in (Stage.LEAD, Stage.PROSPECT)
            if facts.order_count == 1:
                assert stage in (Stage.NEW, Stage.DORMANT, Stage.CHURNED)

    @given(stage_facts(), _dates, st.integers(min_value=1, max_value=400))
    def test_waiting_never_makes_a_client_with_orders_fresher(self, facts, as_of, wait):
        assume(facts.order_count > 0 and facts.lost_on is None)
        order = [Stage.NEW, Stage.ACTIVE, Stage.LOYAL, Stage.DORMANT, Stage.CHURNED]
        now = derive_stage(facts, as_of).stage
        later = derive_stage(facts, as_of + timedelta(days=wait)).stage
        if now in (Stage.DORMANT, Stage.CHURNED):
            assert order.index(later) >= order.index(now)
        else:
            assert later in (now, Stage.DORMANT, Stage.CHURNED)


def test_a_lost_mark_dated_after_as_of_is_not_known_yet():
    facts = StageFacts(order_count=1, last_order_on=date(2026, 1, 1), lost_on=date(2026, 3, 1),
                       lost_reason="price")
    assert derive_stage(facts, date(2026, 2, 28)).stage == Stage.NEW
    assert derive_stage(facts, date(2026, 3, 1)).stage == Stage.CHURNED
