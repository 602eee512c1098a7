"""Audiences: a segment's count (with how many were left out and why), its members,
and the birthdays, anniversaries and children's milestones coming up."""

from dataclasses import dataclass
from datetime import date

from lifecrm_gui.domain import lunar, milestones
from lifecrm_gui.domain.campaign_rules import FrequencyCap, Segment, SegmentCount, SegmentError, describe
from lifecrm_gui.store import campaign_queries as q

from .errors import FieldError, ValidationError
from .money import format_money
from .settings import get_setting, load_policy, set_setting

CAP_KEY = "campaign.frequency_cap"


def frequency_cap() -> FrequencyCap:
    try:
        return FrequencyCap.from_dict(get_setting(CAP_KEY, {}))
    except (TypeError, ValueError):
        return FrequencyCap()


def set_frequency_cap(touches, days) -> FrequencyCap:
    try:
        cap = FrequencyCap(int(touches), int(days))
    except (TypeError, ValueError):
        raise ValidationError([FieldError("frequency_cap", "touches and days must be whole numbers",
                                          f"{touches}/{days}")]) from None
    problems = cap.problems()
    if problems:
        raise ValidationError([FieldError(f"frequency_cap.{f}", m, getattr(cap, f)) for f, m in problems])
    set_setting(CAP_KEY, cap.to_dict())
    return cap


def parse_segment(data) -> Segment:
    """A segment from stored or typed data; ValidationError naming each bad filter."""
    if isinstance(data, Segment):
        return data
    try:
        return Segment.from_dict(data or {})
    except SegmentError as error:
        raise ValidationError([FieldError(f"segment.{f}", m, v) for f, m, v in error.problems]) from None


def count(segment, as_of: date) -> SegmentCount:
    """Clients the filters find, and of them how many are left out (no consent, at the
    frequency cap, reached by the playbook lately): one query."""
    return q.count_segment(parse_segment(segment), as_of, frequency_cap())


def count_many(segments: dict, as_of: date) -> dict[str, SegmentCount]:
    """Several segments, each counted by its own query (each can use its own index,
    where one pass over all clients could use none)."""
    cap = frequency_cap()
    return {key: q.count_segment(parse_segment(s), as_of, cap) for key, s in segments.items()}


def members(segment, as_of: date, limit: int | None = None) -> list[int]:
    """The clients a campaign on the segment may reach, in name order."""
    return q.eligible_ids(parse_segment(segment), as_of, frequency_cap(), limit)


def explain(segment, lang: str = "zh") -> list[str]:
    currency = load_policy().currency
    return describe(parse_segment(segment), lang, lambda minor: format_money(minor, currency))


# --------------------------------------------------------------------------- occasions

CHILD_KINDS = ("full_month", "hundred_days", "first_birthday", "child_birthday")
PLAYBOOK_OF_OCCASION = {"birthday": "birthday", "lunar_birthday": "lunar_birthday", "anniversary": "anniversary",
                        **{k: "child_milestones" for k in CHILD_KINDS}}


@dataclass(frozen=True)
class UpcomingOccasion:
    client_id: int
    occasion: milestones.Occasion
    person: str | None = None  # the child whose milestone it is
    person_birthday: date | None = None
    lunar: bool = False  # greeted on the lunar calendar
    name: str = ""  # the client's
    phone: str | None = None
    consent: bool = False

    @property
    def playbook(self) -> str:
        return PLAYBOOK_OF_OCCASION[self.occasion.kind]

    def text(self, lang: str = "zh") -> str:
        text = self.occasion.text(lang, self.person or "")
        if self.lunar and self.person:
            text += "(农历)" if lang != "en" else " (lunar)"
        return text


def upcoming_occasions(as_of: date, days: int, anniversary_days: int | None = None,
                       child_days: int | None = None) -> list[UpcomingOccasion]:
    """Birthdays (on the calendar each person celebrates by), wedding anniversaries and
    children's 满月, 百天 and birthdays within `days` of as_of (anniversaries and
    children's dates within their own days when given), soonest first."""
    anniversary_days = days if anniversary_days is None else anniversary_days
    child_days = days if child_days is None else child_days
    found = []
    for client_id, kind, origin, person, is_lunar, name, phone, consent in q.occasion_rows(
            as_of, days, anniversary_days, child_days):
        born = date.fromisoformat(origin[:10])
        client = {"name": name, "phone": phone, "consent": bool(consent)}
        if kind == "anniversary":
            occasion = milestones.upcoming_anniversary(born, as_of, anniversary_days)
            if occasion:
                found.append(UpcomingOccasion(client_id, occasion, **client))
        elif kind == "birthday":
            occasion = (lunar.upcoming_lunar_birthday(born, as_of, days) if is_lunar
                        else milestones.upcoming_birthday(born, as_of, days))
            if occasion:
                found.append(UpcomingOccasion(client_id, occasion, lunar=bool(is_lunar), **client))
        else:
            occasions = milestones.child_milestones(born, as_of, child_days)
            if is_lunar:  # the yearly birthday by the lunar calendar instead
                occasions = [o for o in occasions if o.kind in ("full_month", "hundred_days")]
                yearly = lunar.upcoming_lunar_birthday(born, as_of, child_days)
                if yearly:
                    occasions.append(milestones.Occasion(
                        "first_birthday" if yearly.years == 1 else "child_birthday", yearly.on, yearly.years))
            found.extend(UpcomingOccasion(client_id, o, person or "", born, bool(is_lunar), **client)
                         for o in occasions)
    return sorted(found, key=lambda u: (u.occasion.on, u.client_id, u.occasion.kind))
