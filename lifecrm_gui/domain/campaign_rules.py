"""Lifecycle marketing (domain.md §7): who a campaign may reach, how each recipient
moves, which orders a campaign earned, and what it returned."""

from dataclasses import dataclass, fields
from datetime import date, timedelta
from types import MappingProxyType

from .milestones import MAX_WINDOW_DAYS
from .stages import TransitionRefused
from .vocab import CLASSES, CLIENT_KINDS, LOST_REASONS, NEEDS, QUADRANTS, SOURCES, STAGES, TIERS, label, tier_label


def _table(rows):
    return MappingProxyType({key: {"zh": zh, "en": en} for key, zh, en in rows})


RECIPIENT_STATUSES = _table([
    ("pending", "待发送", "Pending"),
    ("sent", "已发送", "Sent"),
    ("replied", "已回复", "Replied"),
    ("booked", "已预约", "Booked"),
    ("opted_out", "已退订", "Opted out"),
])

CAMPAIGN_STATUSES = _table([
    ("draft", "草稿", "Draft"),
    ("active", "进行中", "Active"),
    ("closed", "已结束", "Closed"),
])

CHANNELS = _table([
    ("phone", "电话回访", "Phone call"),
    ("sms", "短信", "SMS"),
    ("wechat", "微信", "WeChat"),
    ("email", "邮件", "Email"),
    ("card", "纸质贺卡", "Printed card"),
])
# The contact a channel needs, in order of preference.
CHANNEL_CONTACTS = MappingProxyType({
    "phone": ("phone", "phone_alt"), "sms": ("phone", "phone_alt"), "wechat": ("wechat", "phone"),
    "email": ("email",), "card": ("address",),
})

# What staff may do to a recipient by hand; `booked` follows from an attributed order.
_MOVES = MappingProxyType({
    "pending": frozenset({"sent", "opted_out"}),
    "sent": frozenset({"replied", "opted_out"}),
    "replied": frozenset({"opted_out"}),
    "booked": frozenset({"opted_out"}),
    "opted_out": frozenset(),
})


def check_move(old: str, new: str) -> None:
    """Refuse a hand move of a recipient the rules do not allow, saying why."""
    if new not in RECIPIENT_STATUSES:
        raise TransitionRefused("unknown_status", f"未知状态:{new}", f"Unknown status: {new}")
    if new == "booked":
        raise TransitionRefused(
            "booked_follows_order", "“已预约”由订单决定:请为该客户登记订单。",
            "Booked follows from an order: record the client's booking.")
    if old == new:
        raise TransitionRefused("same_status", "状态没有变化。", "The recipient already has this status.")
    if new not in _MOVES.get(old, ()):
        raise TransitionRefused(
            "not_allowed", f"不能从“{label(RECIPIENT_STATUSES, old)}”改为“{label(RECIPIENT_STATUSES, new)}”。",
            f"A recipient cannot go from {label(RECIPIENT_STATUSES, old, 'en')} to "
            f"{label(RECIPIENT_STATUSES, new, 'en')}.")


# --------------------------------------------------------------------------- attribution

def attribution_window(sent_on: date, days: int) -> tuple[date, date]:
    """The days (both included) on which an order counts as earned by a touch."""
    return sent_on, sent_on + timedelta(days=days)


def attributable(sent_on: date, ordered_on: date, days: int) -> bool:
    first, last = attribution_window(sent_on, days)
    return first <= ordered_on <= last


def attribute(touches, ordered_on: date, days: int):
    """The campaign an order is attributed to: of the touches (campaign, sent_on) whose
    window holds the order, the latest (last touch wins); None when none does."""
    best = None
    for campaign, sent_on in touches:
        if attributable(sent_on, ordered_on, days) and (best is None or sent_on >= best[1]):
            best = (campaign, sent_on)
    return best[0] if best else None


# --------------------------------------------------------------------------- frequency cap

@dataclass(frozen=True)
class FrequencyCap:
    """At most `touches` campaign messages to a client within any `days` days."""
    touches: int = 3
    days: int = 30

    def window_start(self, as_of: date) -> date:
        return as_of - timedelta(days=self.days - 1)

    def allows(self, touch_dates, as_of: date) -> bool:
        """Whether one more touch on as_of stays within the cap."""
        start = self.window_start(as_of)
        return sum(1 for d in touch_dates if start <= d <= as_of) < self.touches

    def problems(self) -> list[tuple[str, str]]:
        out = []
        if self.touches < 1:
            out.append(("touches", "at least one touch"))
        if not 1 <= self.days <= 3650:
            out.append(("days", "1 to 3650 days"))
        return out

    @classmethod
    def from_dict(cls, data) -> "FrequencyCap":
        data = data or {}
        return cls(int(data.get("touches", cls.touches)), int(data.get("days", cls.days)))

    def to_dict(self) -> dict:
        return {"touches": self.touches, "days": self.days}


# --------------------------------------------------------------------------- return

@dataclass(frozen=True)
class CampaignFigures:
    recipients: int = 0
    reach: int = 0  # messages that went out
    replied: int = 0
    booked: int = 0  # recipients with an attributed order
    opted_out: int = 0
    bookings: int = 0  # attributed orders
    revenue: int = 0  # their amount, minor units
    cost: int = 0

    @property
    def reply_rate(self) -> float | None:
        return self.replied / self.reach if self.reach else None

    @property
    def booking_rate(self) -> float | None:
        return self.booked / self.reach if self.reach else None

    @property
    def net(self) -> int:
        return self.revenue - self.cost

    @property
    def roi(self) -> float | None:
        """(revenue - cost) / cost; None for a campaign that cost nothing."""
        return self.net / self.cost if self.cost else None

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update(reply_rate=self.reply_rate, booking_rate=self.booking_rate, net=self.net, roi=self.roi)
        return data


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.0f}%"


# --------------------------------------------------------------------------- segments

_CHOICES = {"stages": STAGES, "classes": CLASSES, "quadrants": QUADRANTS, "needs": NEEDS, "sources": SOURCES,
            "kinds": CLIENT_KINDS, "lost_reasons": LOST_REASONS, "ordered": NEEDS, "never_ordered": NEEDS}
_WINDOWS = ("birthday_within", "lunar_birthday_within", "anniversary_within", "child_milestone_within",
            "referral_within")
_RANGES = (("spend_min", "spend_max"), ("idle_min", "idle_max"), ("child_age_min", "child_age_max"),
           ("ordered_days_min", "ordered_days_max"), ("delivered_days_min", "delivered_days_max"))


@dataclass(frozen=True)
class Segment:
    """An audience: every filter given must hold (within a filter, any value may).
    Clients without marketing consent and clients at the frequency cap are left out
    of every audience whatever the filters say."""
    stages: tuple = ()
    tiers: tuple = ()
    classes: tuple = ()
    quadrants: tuple = ()
    needs: tuple = ()
    tags: tuple = ()
    sources: tuple = ()
    kinds: tuple = ()
    lost_reasons: tuple = ()
    spend_min: int | None = None  # minor units
    spend_max: int | None = None
    idle_min: int | None = None  # days since the last activity or order
    idle_max: int | None = None
    birthday_within: int | None = None  # days; for clients greeted on their Gregorian birthday
    lunar_birthday_within: int | None = None
    anniversary_within: int | None = None
    child_milestone_within: int | None = None  # 满月, 百天, 周岁, later birthdays
    child_age_min: int | None = None  # years, a child of this age
    child_age_max: int | None = None
    ordered: tuple = ()  # has an order of these categories ...
    ordered_days_min: int | None = None  # ... placed this many days ago
    ordered_days_max: int | None = None
    never_ordered: tuple = ()
    delivered_days_min: int | None = None  # photos delivered this many days ago
    delivered_days_max: int | None = None
    referral_within: int | None = None  # someone they referred placed a first order within N days
    not_touched_by: str | None = None  # a playbook: leave out who it reached lately ...
    not_touched_days: int | None = None  # ... within this many days

    def to_dict(self) -> dict:
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in ((), None):
                out[f.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_dict(cls, data: dict | None) -> "Segment":
        """A segment from stored or typed data; ValueError listing the problems."""
        data = dict(data or {})
        found = segment_problems(data)
        if found:
            raise SegmentError(found)
        values = {}
        for f in fields(cls):
            if f.name not in data or data[f.name] in (None, "", []):
                continue
            value = data[f.name]
            if f.default == ():
                value = tuple(int(v) if f.name == "tiers" else str(v) for v in value)
            elif f.name != "not_touched_by":
                value = int(value)
            values[f.name] = value
        return cls(**values)

    def is_empty(self) -> bool:
        return not self.to_dict()


class SegmentError(ValueError):
    def __init__(self, problems: list[tuple[str, str, object]]):
        self.problems = problems
        super().__init__("; ".join(f"{f}: {m} ({v!r})" for f, m, v in problems))


def segment_problems(data: dict) -> list[tuple[str, str, object]]:
    """(field, message, value) for everything in a segment's data that cannot be used."""
    known = {f.name: f for f in fields(Segment)}
    out = []
    for name, value in data.items():
        if name not in known:
            out.append((name, "unknown filter", value))
            continue
        if value in (None, "", []):
            continue
        if known[name].default == ():
            if not isinstance(value, (list, tuple)):
                out.append((name, "a list of values is needed", value))
                continue
            if name == "tiers":
                bad = [v for v in value if not (isinstance(v, int) and 0 <= v < len(TIERS))]
                if bad:
                    out.append((name, f"tiers are 0 to {len(TIERS) - 1}", bad))
            elif name in _CHOICES:
                bad = [v for v in value if v not in _CHOICES[name]]
                if bad:
                    out.append((name, "unknown value; use one of " + ", ".join(_CHOICES[name]), bad))
            continue
        if name == "not_touched_by":
            if not isinstance(value, str):
                out.append((name, "a playbook key is needed", value))
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            out.append((name, "a whole number, zero or more", value))
        elif name in _WINDOWS and value > MAX_WINDOW_DAYS:
            out.append((name, f"at most {MAX_WINDOW_DAYS} days", value))
    for low, high in _RANGES:
        a, b = data.get(low), data.get(high)
        if isinstance(a, int) and isinstance(b, int) and a > b:
            out.append((high, f"must not be below {low}", b))
    return out


def describe(segment: Segment, lang: str = "zh", money=None) -> list[str]:
    """The segment's filters in words, one phrase each (for lists, exports and 'why')."""
    zh = lang != "en"
    fmt = money or (lambda minor: f"{minor / 100:,.0f}")
    out = []

    def names(table, values):
        return "、".join(label(table, v, lang) for v in values) if zh else ", ".join(
            label(table, v, lang) for v in values)

    for name, table, zh_word, en_word in (
            ("stages", STAGES, "阶段", "stage"), ("classes", CLASSES, "分类", "class"),
            ("quadrants", QUADRANTS, "口碑", "word of mouth"), ("needs", NEEDS, "需求", "needs"),
            ("sources", SOURCES, "来源", "source"), ("kinds", CLIENT_KINDS, "类型", "kind"),
            ("lost_reasons", LOST_REASONS, "流失原因", "lost because")):
        values = getattr(segment, name)
        if values:
            out.append(f"{zh_word}:{names(table, values)}" if zh else f"{en_word}: {names(table, values)}")
    if segment.tiers:
        tiers = ("、" if zh else ", ").join(tier_label(t, lang) for t in segment.tiers)
        out.append(f"星级:{tiers}" if zh else f"tier: {tiers}")
    if segment.tags:
        out.append(("标签:" if zh else "tags: ") + ("、" if zh else ", ").join(segment.tags))

    def between(low, high, unit_zh, unit_en, fmt_value=str):
        if low is not None and high is not None:
            return f"{fmt_value(low)}–{fmt_value(high)}{unit_zh if zh else unit_en}"
        if low is not None:
            return f"≥{fmt_value(low)}{unit_zh}" if zh else f"at least {fmt_value(low)}{unit_en}"
        return f"≤{fmt_value(high)}{unit_zh}" if zh else f"at most {fmt_value(high)}{unit_en}"

    if segment.spend_min is not None or segment.spend_max is not None:
        text = between(segment.spend_min, segment.spend_max, "", "", fmt)
        out.append(f"累计消费 {text}" if zh else f"spend {text}")
    if segment.idle_min is not None or segment.idle_max is not None:
        text = between(segment.idle_min, segment.idle_max, " 天", " days")
        out.append(f"距上次互动 {text}" if zh else f"last activity {text} ago")
    for name, zh_word, en_word in (("birthday_within", "生日", "birthday"),
                                   ("lunar_birthday_within", "农历生日", "lunar birthday"),
                                   ("anniversary_within", "结婚纪念日", "wedding anniversary"),
                                   ("child_milestone_within", "孩子满月/百天/生日", "child's milestone"),
                                   ("referral_within", "推荐的客户首次下单", "a referred client's first order")):
        days = getattr(segment, name)
        if days is not None:
            out.append(f"{zh_word}在 {days} 天内" if zh else f"{en_word} within {days} days")
    if segment.child_age_min is not None or segment.child_age_max is not None:
        text = between(segment.child_age_min, segment.child_age_max, " 岁", " years")
        out.append(f"孩子年龄 {text}" if zh else f"a child aged {text}")
    if segment.ordered:
        text = names(NEEDS, segment.ordered)
        if segment.ordered_days_min is not None or segment.ordered_days_max is not None:
            when = between(segment.ordered_days_min, segment.ordered_days_max, " 天前", " days ago")
            out.append(f"下过{text}订单({when})" if zh else f"ordered {text} ({when})")
        else:
            out.append(f"下过{text}订单" if zh else f"ordered {text}")
    if segment.never_ordered:
        text = names(NEEDS, segment.never_ordered)
        out.append(f"没有{text}订单" if zh else f"never ordered {text}")
    if segment.delivered_days_min is not None or segment.delivered_days_max is not None:
        text = between(segment.delivered_days_min, segment.delivered_days_max, " 天前", " days ago")
        out.append(f"交付于 {text}" if zh else f"delivered {text}")
    return out


@dataclass(frozen=True)
class SegmentCount:
    """How many clients a segment finds, and how many of them it must leave out."""
    matched: int = 0
    no_consent: int = 0
    capped: int = 0  # with consent, but at the frequency cap
    touched: int = 0  # with consent, under the cap, but reached by the playbook lately

    @property
    def eligible(self) -> int:
        return self.matched - self.no_consent - self.capped - self.touched

    def to_dict(self) -> dict:
        return {"matched": self.matched, "eligible": self.eligible, "no_consent": self.no_consent,
                "capped": self.capped, "touched": self.touched}
