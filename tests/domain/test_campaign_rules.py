"""Recipient statuses, attribution, the frequency cap, campaign return and segments."""

from datetime import date, timedelta

import pytest

from lifecrm_gui.domain.campaign_rules import (
    CampaignFigures,
    FrequencyCap,
    Segment,
    SegmentCount,
    SegmentError,
    attributable,
    attribute,
    check_move,
    describe,
    percent,
    segment_problems,
)
from lifecrm_gui.domain.playbooks import PLAYBOOKS, enabled_playbooks
from lifecrm_gui.domain.stages import TransitionRefused

AS_OF = date(2026, 6, 30)


@pytest.mark.parametrize("old,new", [("pending", "sent"), ("pending", "opted_out"), ("sent", "replied"),
                                     ("sent", "opted_out"), ("replied", "opted_out"), ("booked", "opted_out")])
def test_moves_staff_may_make(old, new):
    check_move(old, new)


@pytest.mark.parametrize("old,new,code", [
    ("pending", "replied", "not_allowed"),  # a reply to a message never recorded as sent
    ("replied", "sent", "not_allowed"),
    ("opted_out", "sent", "not_allowed"),  # opting out is final
    ("sent", "booked", "booked_follows_order"),
    ("sent", "sent", "same_status"),
    ("sent", "lost", "unknown_status"),
])
def test_moves_refused_with_the_reason(old, new, code):
    with pytest.raises(TransitionRefused) as refused:
        check_move(old, new)
    assert refused.value.code == code
    assert refused.value.text("zh") and refused.value.text("en")


def test_attribution_window_from_the_day_of_the_touch_to_the_windows_last_day():
    sent = date(2026, 6, 1)
    assert attributable(sent, sent, 30)
    assert attributable(sent, sent + timedelta(days=30), 30)
    assert not attributable(sent, sent + timedelta(days=31), 30)
    assert not attributable(sent, sent - timedelta(days=1), 30)


def test_the_latest_touch_before_an_order_wins():
    touches = [("birthday", date(2026, 6, 1)), ("dormant", date(2026, 6, 10)), ("late", date(2026, 6, 20))]
    assert attribute(touches, date(2026, 6, 15), 30) == "dormant"
    assert attribute(touches, date(2026, 7, 5), 30) == "late"
    assert attribute(touches, date(2026, 5, 31), 30) is None
    assert attribute(touches[:1], date(2026, 7, 2), 30) is None  # day 31


def test_frequency_cap_counts_touches_within_its_days():
    cap = FrequencyCap(touches=2, days=30)
    assert cap.window_start(AS_OF) == date(2026, 6, 1)
    assert cap.allows([date(2026, 6, 1)], AS_OF)
    assert not cap.allows([date(2026, 6, 1), date(2026, 6, 29)], AS_OF)
    assert cap.allows([date(2026, 5, 31), date(2026, 6, 29)], AS_OF)  # the first fell out of the window
    assert FrequencyCap(0, 30).problems() == [("touches", "at least one touch")]
    assert FrequencyCap.from_dict({"touches": 4}) == FrequencyCap(4, 30)


def test_campaign_return_reply_rate_and_bookings():
    figures = CampaignFigures(recipients=120, reach=100, replied=25, booked=5, opted_out=2, bookings=6,
                              revenue=1_500_000, cost=50_000)
    assert figures.reply_rate == 0.25
    assert figures.booking_rate == 0.05
    assert figures.net == 1_450_000
    assert figures.roi == 29.0
    assert percent(figures.reply_rate) == "25%"
    nothing = CampaignFigures(cost=0)
    assert nothing.reply_rate is None and nothing.roi is None and percent(nothing.roi) == "—"


def test_a_segment_survives_storage_and_leaves_out_what_is_not_set():
    segment = Segment(stages=("dormant", "churned"), tiers=(2, 3), birthday_within=7, spend_min=500_000)
    data = segment.to_dict()
    assert data == {"stages": ["dormant", "churned"], "tiers": [2, 3], "birthday_within": 7, "spend_min": 500_000}
    assert Segment.from_dict(data) == segment
    assert Segment.from_dict({}).is_empty()


def test_a_bad_segment_names_each_filter_and_value():
    found = segment_problems({"stages": ["dormant", "sleepy"], "tiers": [9], "birthday_within": 400,
                              "idle_min": -1, "colour": "red", "spend_min": 500, "spend_max": 100})
    fields = [f for f, _m, _v in found]
    assert fields == ["stages", "tiers", "birthday_within", "idle_min", "colour", "spend_max"]
    assert found[0][2] == ["sleepy"]
    with pytest.raises(SegmentError):
        Segment.from_dict({"stages": "dormant"})


def test_a_segment_in_words():
    segment = Segment(stages=("dormant",), needs=("family",), child_age_min=1, child_age_max=3, birthday_within=7)
    assert describe(segment, "zh") == ["阶段:沉睡客户", "需求:全家福", "生日在 7 天内", "孩子年龄 1–3 岁"]
    assert describe(segment, "en") == ["stage: Dormant", "needs: Family", "birthday within 7 days",
                                       "a child aged 1–3 years"]


def test_a_segments_count_leaves_out_those_without_consent_at_the_cap_or_reached():
    count = SegmentCount(matched=100, no_consent=30, capped=5, touched=3)
    assert count.eligible == 62
    assert count.to_dict()["eligible"] == 62


def test_playbooks_are_all_on_unless_switched_off_and_leave_out_whom_they_reached():
    assert len(enabled_playbooks({})) == len(PLAYBOOKS)
    assert "dormant" not in [p.key for p in enabled_playbooks({"dormant": False})]
    audience = PLAYBOOKS["birthday"].audience()
    assert (audience.not_touched_by, audience.not_touched_days) == ("birthday", 300)
    assert {p.mode for p in PLAYBOOKS.values()} == {"occasion", "holiday", "list", "bulk"}
    win_back = {k: PLAYBOOKS[k].segment.lost_reasons for k in PLAYBOOKS if k.startswith("win_back")}
    assert win_back == {"win_back_price": ("price",), "win_back_service": ("service",),
                        "win_back_new_work": ("competitor", "needs_changed")}
