import pytest

from lifecrm_gui.domain.vocab import (
    ACTIVITY_KINDS,
    CLIENT_INITIATED_KINDS,
    EVENT_KINDS,
    LOST_REASONS,
    STAGES,
    label,
    lookup,
    tier_label,
)


@pytest.mark.parametrize("kind", ["campaign", "note", "stage_change"])
def test_what_the_studio_does_alone_is_not_client_activity(kind):
    assert kind not in ACTIVITY_KINDS


@pytest.mark.parametrize("kind", ["inquiry", "call", "wechat", "visit", "email", "consultation", "booking",
                                  "shoot", "delivery", "feedback", "complaint", "referral",
                                  "campaign_reply", "order"])
def test_client_touches_are_activity(kind):
    assert kind in ACTIVITY_KINDS


def test_client_initiated_kinds_are_activity():
    assert CLIENT_INITIATED_KINDS <= ACTIVITY_KINDS
    assert "campaign" not in CLIENT_INITIATED_KINDS
    assert "campaign_reply" in CLIENT_INITIATED_KINDS


def test_seven_stages_with_both_names():
    assert list(STAGES) == ["lead", "prospect", "new", "active", "loyal", "dormant", "churned"]
    assert label(STAGES, "dormant") == "沉睡客户"
    assert label(STAGES, "dormant", "en") == "Dormant"


def test_lost_reasons_match_the_specification():
    assert [label(LOST_REASONS, k) for k in LOST_REASONS] == ["服务质量", "价格", "竞争对手", "需求变化", "搬离", "其他"]


def test_label_of_unknown_id_is_the_id():
    assert label(EVENT_KINDS, "carrier_pigeon") == "carrier_pigeon"
    assert label(EVENT_KINDS, None) == ""


@pytest.mark.parametrize("text", ["loyal", "忠诚客户", "Loyal", "  LOYAL "])
def test_lookup_accepts_id_or_either_name(text):
    assert lookup(STAGES, text) == "loyal"


def test_lookup_unknown():
    assert lookup(STAGES, "vip") is None
    assert lookup(STAGES, None) is None


def test_tier_labels():
    assert [tier_label(t) for t in (0, 1, 4, 6)] == ["无星", "准星", "五星", "七星"]
    assert tier_label(2, "en") == "3 stars"
