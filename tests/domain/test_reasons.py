import json
from datetime import date, timedelta

import pytest

from lifecrm_gui.domain.influence import quadrant_reason
from lifecrm_gui.domain.reasons import Reason
from lifecrm_gui.domain.stages import StageFacts, derive_stage
from lifecrm_gui.domain.tiers import tier_reason

AS_OF = date(2024, 6, 30)


def ago(days):
    return AS_OF - timedelta(days=days)


def reason_for(**facts) -> Reason:
    return derive_stage(StageFacts(**facts), AS_OF).reason


def test_dormant_in_both_languages():
    reason = reason_for(order_count=2, last_order_on=ago(400))
    assert reason.text("zh") == "已 400 天没有互动或订单(沉睡阈值 365 天)"
    assert reason.text("en") == "no activity or order for 400 days (dormant after 365)"


def test_churned_in_both_languages():
    reason = reason_for(order_count=2, last_order_on=ago(800))
    assert "800" in reason.text("zh") and "730" in reason.text("zh") and "流失" in reason.text("zh")
    assert reason.text("en") == "no activity or order for 800 days (churned after 730)"


def test_prospect_window_in_both_languages():
    reason = reason_for(last_activity_on=ago(12))
    assert reason.text("zh") == "还没有订单,最近一次互动在 12 天前(意向期 180 天内)"
    assert reason.text("en") == "no orders yet; last contact 12 days ago, within the 180-day prospect window"


def test_gone_cold_in_both_languages():
    reason = reason_for(last_activity_on=ago(200))
    assert "200" in reason.text("zh") and "180" in reason.text("zh")
    assert reason.text("en") == "no orders yet; no contact for 200 days, past the 180-day prospect window"


def test_lost_names_the_reason_in_the_reader_language():
    reason = reason_for(lost_on=date(2024, 3, 1), lost_reason="price")
    assert reason.text("zh") == "标记为流失(价格),2024-03-01 之后没有新订单"
    assert reason.text("en") == "marked lost (Price) on 2024-03-01, with no order since"


def test_manual_moves_name_the_date():
    lead = reason_for(manual_stage="lead", manual_stage_on=date(2024, 6, 1))
    prospect = reason_for(manual_stage="prospect", manual_stage_on=date(2024, 6, 1))
    assert "2024-06-01" in lead.text("zh") and "潜在客户" in lead.text("zh")
    assert lead.text("en") == "moved to lead by staff on 2024-06-01, with no contact since"
    assert prospect.text("en") == "moved to prospect by staff on 2024-06-01 (180-day prospect window)"


def test_order_count_reasons():
    assert reason_for(order_count=1, last_order_on=ago(1)).text("en") == "one order: the first experience"
    assert reason_for(order_count=2, last_order_on=ago(1)).text("en") == "2 orders: a returning client"
    assert reason_for(order_count=4, last_order_on=ago(1)).text("zh") == "共 4 笔订单(忠诚阈值 3 笔)"
    referred = reason_for(order_count=2, last_order_on=ago(1), referred_with_orders=3)
    assert referred.text("zh") == "推荐的 3 位客户已下单"


def test_unknown_language_falls_back_to_chinese():
    reason = reason_for(order_count=1, last_order_on=ago(1))
    assert reason.text("fr") == reason.text("zh") == "第一笔订单:首次体验中"


def test_default_money_is_whole_yuan_with_separators():
    assert Reason("class_top", {"percent": 20, "threshold": 1_234_567}).text("en") == \
        "spend in the top 20% (from 12,346)"


def test_custom_money_formatter():
    text = tier_reason(1_600_000).text("en", money=lambda minor: f"¥{minor / 100:.2f}")
    assert text == "spend to date ¥16000.00; 5 stars starts at ¥15000.00"


@pytest.mark.parametrize("reason", [
    Reason("lost", {"reason": "moved", "on": "2024-01-02"}),
    Reason("idle_dormant", {"days": 400, "window": 365}),
    Reason("no_orders_never"),
    Reason("tier", {"spend": 1_600_000, "label": 4, "low": 1_500_000}),
    Reason("class_projected", {"value": 2_000_000, "threshold": 1_000_000}),
])
def test_round_trip_through_json(reason):
    stored = json.dumps(reason.to_dict(), ensure_ascii=False)
    back = Reason.from_dict(json.loads(stored))
    assert back == reason
    assert back.text("zh") == reason.text("zh")
    assert back.text("en") == reason.text("en")


def test_every_derived_reason_survives_storage():
    reasons = [
        reason_for(),
        reason_for(last_activity_on=ago(5)),
        reason_for(order_count=3, last_order_on=ago(800)),
        reason_for(lost_on=ago(3), lost_reason="service"),
        tier_reason(10),
        quadrant_reason(61, 4),
    ]
    for reason in reasons:
        assert Reason.from_dict(json.loads(json.dumps(reason.to_dict()))) == reason


def test_from_dict_without_params():
    assert Reason.from_dict({"code": "no_orders_never"}) == Reason("no_orders_never", {})


def test_from_dict_copies_params():
    data = {"code": "idle_dormant", "params": {"days": 400, "window": 365}}
    reason = Reason.from_dict(data)
    data["params"]["days"] = 1
    assert reason.params["days"] == 400
