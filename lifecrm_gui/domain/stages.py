"""Lifecycle stages (domain.md §3): derived from facts as of a date, and the
manual transitions staff may make."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from .policy import Policy
from .reasons import Reason
from .vocab import LOST_REASONS


class Stage(StrEnum):
    LEAD = "lead"
    PROSPECT = "prospect"
    NEW = "new"
    ACTIVE = "active"
    LOYAL = "loyal"
    DORMANT = "dormant"
    CHURNED = "churned"


ORDER_STAGES = frozenset({Stage.NEW, Stage.ACTIVE, Stage.LOYAL})
LAPSED_STAGES = frozenset({Stage.DORMANT, Stage.CHURNED})


@dataclass(slots=True)
class StageFacts:
    """What is known of one client as of the date asked about."""
    order_count: int = 0
    last_order_on: date | None = None
    last_activity_on: date | None = None
    referred_with_orders: int = 0
    lost_on: date | None = None
    lost_reason: str | None = None
    manual_stage: str | None = None  # 'lead' or 'prospect', set by staff
    manual_stage_on: date | None = None


@dataclass(slots=True)
class StageVerdict:
    stage: Stage
    reason: Reason


def _days(as_of: date, since: date) -> int:
    return max(0, (as_of - since).days)


def derive_stage(facts: StageFacts, as_of: date, policy: Policy = Policy()) -> StageVerdict:
    lost = facts.lost_on is not None and facts.lost_on <= as_of
    if lost and (facts.last_order_on is None or facts.last_order_on <= facts.lost_on):
        return StageVerdict(Stage.CHURNED, Reason("lost", {"reason": facts.lost_reason or "other",
                                                           "on": facts.lost_on.isoformat()}))
    if facts.order_count == 0:
        return _without_orders(facts, as_of, policy)
    known = [d for d in (facts.last_activity_on, facts.last_order_on) if d is not None]
    idle = _days(as_of, max(known)) if known else 0
    if idle > policy.churned_after_days:
        return StageVerdict(Stage.CHURNED, Reason("idle_churned", {"days": idle, "window": policy.churned_after_days}))
    if idle > policy.dormant_after_days:
        return StageVerdict(Stage.DORMANT, Reason("idle_dormant", {"days": idle, "window": policy.dormant_after_days}))
    if facts.order_count == 1:
        return StageVerdict(Stage.NEW, Reason("one_order"))
    if facts.order_count >= policy.loyal_min_orders:
        return StageVerdict(Stage.LOYAL, Reason("many_orders", {"orders": facts.order_count,
                                                               "min": policy.loyal_min_orders}))
    if facts.referred_with_orders > 0:
        return StageVerdict(Stage.LOYAL, Reason("referrals_bought", {"count": facts.referred_with_orders}))
    return StageVerdict(Stage.ACTIVE, Reason("returning", {"orders": facts.order_count}))


def _without_orders(facts: StageFacts, as_of: date, policy: Policy) -> StageVerdict:
    window = policy.prospect_window_days
    manual_on = facts.manual_stage_on
    activity = facts.last_activity_on
    if facts.manual_stage and manual_on and (activity is None or manual_on >= activity):
        on = manual_on.isoformat()
        if facts.manual_stage == Stage.PROSPECT and _days(as_of, manual_on) <= window:
            return StageVerdict(Stage.PROSPECT, Reason("manual_prospect", {"on": on, "window": window}))
        if facts.manual_stage == Stage.LEAD:
            return StageVerdict(Stage.LEAD, Reason("manual_lead", {"on": on}))
        activity = manual_on
    if activity is None:
        return StageVerdict(Stage.LEAD, Reason("no_orders_never"))
    days = _days(as_of, activity)
    if days <= window:
        return StageVerdict(Stage.PROSPECT, Reason("no_orders_recent", {"days": days, "window": window}))
    return StageVerdict(Stage.LEAD, Reason("no_orders_cold", {"days": days, "window": window}))


def is_win_back(old: str | None, new: str) -> bool:
    return old in LAPSED_STAGES and new in ORDER_STAGES


class TransitionRefused(ValueError):
    """A manual move the rules do not allow; the message says why (Chinese, English)."""

    def __init__(self, code: str, zh: str, en: str):
        super().__init__(en)
        self.code, self.zh, self.en = code, zh, en

    def text(self, lang="zh") -> str:
        return self.en if lang == "en" else self.zh


def check_manual_stage(target: str, order_count: int) -> None:
    """Staff may move a client without orders between lead and prospect, nothing else."""
    if target in ORDER_STAGES:
        raise TransitionRefused(
            "follows_orders",
            "新客户、活跃客户和忠诚客户由订单决定,不能手动设置:请添加或取消订单。",
            "New, active and loyal follow from the client's orders and cannot be set by hand: add or cancel an order.")
    if target == Stage.DORMANT:
        raise TransitionRefused(
            "follows_time",
            "沉睡由长时间没有互动决定,不能手动设置。",
            "Dormant follows from a long time without activity and cannot be set by hand.")
    if target == Stage.CHURNED:
        raise TransitionRefused(
            "use_mark_lost", "请使用“标记流失”并填写原因。", "Use “Mark lost” and give a reason.")
    if order_count > 0:
        raise TransitionRefused(
            "has_orders",
            "有订单的客户不能在潜在客户和意向客户之间切换。",
            "A client with orders cannot be moved between lead and prospect.")


def check_mark_lost(reason: str | None, note: str | None, already_lost: bool) -> None:
    if already_lost:
        raise TransitionRefused("already_lost", "该客户已标记为流失。", "This client is already marked lost.")
    if reason not in LOST_REASONS:
        raise TransitionRefused("reason_required", "请选择流失原因。", "Choose the reason the client was lost.")
    if reason == "other" and not (note or "").strip():
        raise TransitionRefused("note_required", "原因为“其他”时请写明原因。",
                                "Say in words why, when the reason is “other”.")


def check_reopen(lost: bool) -> None:
    if not lost:
        raise TransitionRefused("not_lost", "该客户没有标记为流失。", "This client is not marked lost.")
