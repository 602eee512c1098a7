"""The Today view: what the front desk does this morning. Follow-ups due or overdue,
shoots today and tomorrow, birthdays, anniversaries and children's milestones coming
up, playbook touches due, and clients who have just gone dormant, worth a call."""

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta

from lifecrm_gui.domain.playbooks import BULK, HOLIDAY, LIST, PLAYBOOKS
from lifecrm_gui.domain.vocab import NEEDS, label
from lifecrm_gui.store import campaign_queries as q

from . import campaigns, segments
from .money import format_money
from .recompute import event_stamp
from .settings import language, load_policy
from .timeline import add_task, complete_task, log_event

TASK_LIMIT = 200
LIST_LIMIT = 100
DORMANT_WINDOW_DAYS = 30  # "newly": crossed the dormant line within this many days
DORMANT_LIMIT = 20

# An item's state: what may be done with it.
DUE, OVERDUE, SENT, LINED_UP, NO_CONSENT, CAPPED, OFF = (
    "due", "overdue", "sent", "lined_up", "no_consent", "capped", "off")


@dataclass
class TodayItem:
    kind: str  # task, shoot, occasion, touch, dormant
    client_id: int
    name: str
    phone: str | None
    on: date | None  # due, shoot, occasion or last-seen day
    title: str  # what, in words
    detail: str = ""
    when: str = ""  # when, in words: "today", "3 days late", "in 5 days", "400 days ago"
    ref: int | None = None  # the task or order
    playbook: str | None = None
    state: str = DUE
    occasion: segments.UpcomingOccasion | None = field(default=None, repr=False)

    @property
    def can_mark_done(self) -> bool:
        return self.kind == "task" or (self.playbook is not None and self.state in (DUE, OVERDUE))

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("occasion")
        data["on"] = self.on.isoformat() if self.on else None
        data["can_mark_done"] = self.can_mark_done
        return data


@dataclass
class PlaybookDue:
    """A playbook with a standing audience ready for a campaign."""
    playbook: str
    name: str
    hint: str
    eligible: int
    no_consent: int
    capped: int
    holiday: str | None = None
    holiday_on: date | None = None

    def to_dict(self) -> dict:
        data = asdict(self)
        data["holiday_on"] = self.holiday_on.isoformat() if self.holiday_on else None
        return data


@dataclass
class Today:
    as_of: date
    tasks: list = field(default_factory=list)
    tasks_total: int = 0
    shoots: list = field(default_factory=list)
    occasions: list = field(default_factory=list)
    touches: list = field(default_factory=list)
    playbooks: list = field(default_factory=list)
    dormant: list = field(default_factory=list)
    dormant_total: int = 0
    dormant_no_consent: int = 0

    def to_dict(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "tasks_total": self.tasks_total,
                "dormant_total": self.dormant_total, "dormant_no_consent": self.dormant_no_consent,
                **{name: [i.to_dict() for i in getattr(self, name)]
                   for name in ("tasks", "shoots", "occasions", "touches", "playbooks", "dormant")}}


def _state(client_id: int, consent: dict, capped: set, touched: dict, enabled: bool) -> str:
    """touched: client id -> True when the playbook's message went out, False when it is
    lined up in a campaign not sent yet."""
    if not enabled:
        return OFF
    if not consent.get(client_id):
        return NO_CONSENT
    if client_id in touched:
        return SENT if touched[client_id] else LINED_UP
    if client_id in capped:
        return CAPPED
    return DUE


def today(as_of: date, lang: str | None = None) -> Today:
    lang = lang or language()
    zh = lang != "en"
    out = Today(as_of)
    switches = campaigns.playbook_switches()
    cap = segments.frequency_cap()

    for task_id, cid, name, phone, title, note, due, _staff in q.due_tasks(as_of, TASK_LIMIT):
        due_on = date.fromisoformat(str(due)[:10])
        late = (as_of - due_on).days
        if late == 0:
            when = "今天" if zh else "today"
        else:
            when = f"逾期 {late} 天" if zh else f"{late} d late"
        out.tasks.append(TodayItem("task", cid, name, phone, due_on, title, note or "", when, ref=task_id,
                                   state=OVERDUE if late > 0 else DUE))
    out.tasks_total = q.count_due_tasks(as_of) if len(out.tasks) >= TASK_LIMIT else len(out.tasks)

    tomorrow = as_of + timedelta(days=1)
    for order_id, cid, name, phone, shoot_on, category, package, _status in q.shoots_on([as_of, tomorrow]):
        on = date.fromisoformat(str(shoot_on)[:10])
        what = " · ".join(p for p in (label(NEEDS, category, lang) if category else "", package) if p)
        when = ("今天" if on == as_of else "明天") if zh else ("today" if on == as_of else "tomorrow")
        out.shoots.append(TodayItem("shoot", cid, name, phone, on, what, "", when, ref=order_id))

    # Birthdays, anniversaries, milestones: each playbook's own lead days ahead.
    lead = {key: PLAYBOOKS[key].lead_days for key in ("birthday", "lunar_birthday", "anniversary", "child_milestones")}
    upcoming = [u for u in segments.upcoming_occasions(as_of, max(lead["birthday"], lead["lunar_birthday"]),
                                                       lead["anniversary"], lead["child_milestones"])
                if u.occasion.days_from(as_of) <= lead[u.playbook]]
    list_ids = {}
    for key, playbook in PLAYBOOKS.items():
        if playbook.mode == LIST and switches[key]:
            list_ids[key] = segments.members(playbook.segment, as_of, LIST_LIMIT)
    briefs = q.client_briefs({cid for ids in list_ids.values() for cid in ids})
    consent = {u.client_id: u.consent for u in upcoming} | {cid: row[3] for cid, row in briefs.items()}
    client_ids = set(consent)
    recent = q.touches_in(client_ids, cap.window_start(as_of), as_of)
    capped = {cid for cid, n in recent.items() if n >= cap.touches}
    touched = {}
    for key in set(lead) | set(list_ids):
        since = as_of - timedelta(days=PLAYBOOKS[key].repeat_days)
        touched[key] = q.touched_by_playbook(key, since, client_ids) if client_ids else {}
    for u in upcoming:
        days = u.occasion.days_from(as_of)
        if zh:
            when = {0: "今天", 1: "明天"}.get(days, f"{days} 天后")
        else:
            when = {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")
        out.occasions.append(TodayItem(
            "occasion", u.client_id, u.name, u.phone, u.occasion.on, u.text(lang), "", when, playbook=u.playbook,
            state=_state(u.client_id, consent, capped, touched[u.playbook], switches[u.playbook]), occasion=u))
    for key, ids in list_ids.items():
        playbook = PLAYBOOKS[key]
        for cid in ids:
            row = briefs[cid]
            out.touches.append(TodayItem("touch", cid, row[1], row[2], as_of, playbook.name(lang), playbook.hint(lang),
                                         "今天" if zh else "today", playbook=key,
                                         state=_state(cid, consent, capped, touched[key], True)))

    # Standing audiences: every enabled bulk playbook, and the holiday greeting when a
    # holiday is near.
    wanted = {key: p.audience() for key, p in PLAYBOOKS.items() if p.mode == BULK and switches[key]}
    due_holidays = campaigns.due_holidays(as_of) if switches["holidays"] else []
    if due_holidays:
        wanted["holidays"] = PLAYBOOKS["holidays"].audience()
    counts = segments.count_many(wanted, as_of)
    for key, count in counts.items():
        if count.eligible == 0:
            continue
        playbook = PLAYBOOKS[key]
        holiday, holiday_on = (due_holidays[0][0].name(lang), due_holidays[0][1]) \
            if playbook.mode == HOLIDAY else (None, None)
        out.playbooks.append(PlaybookDue(key, playbook.name(lang), playbook.hint(lang), count.eligible,
                                         count.no_consent, count.capped, holiday, holiday_on))

    policy = load_policy()
    rows, out.dormant_total, out.dormant_no_consent = q.newly_dormant(
        as_of, policy.dormant_after_days, DORMANT_WINDOW_DAYS, DORMANT_LIMIT)
    dormant_touched = q.touched_by_playbook("dormant", as_of - timedelta(days=PLAYBOOKS["dormant"].repeat_days),
                                            [r[0] for r in rows]) if rows else {}
    for cid, name, phone, has_consent, ltv, _spend, last_seen in rows:
        seen = date.fromisoformat(last_seen[:10]) if last_seen else None
        idle = (as_of - seen).days if seen else None
        value = format_money(ltv, policy.currency)
        title = f"终身价值 {value}" if zh else f"lifetime value {value}"
        detail = f"{idle} 天没有互动" if zh else f"no activity for {idle} days"
        state = _state(cid, {cid: has_consent}, set(), dormant_touched, switches["dormant"])
        out.dormant.append(TodayItem("dormant", cid, name, phone, seen, title, detail,
                                     f"{idle} 天" if zh else f"{idle} days", playbook="dormant", state=state))
    return out


# --------------------------------------------------------------------------- actions

def mark_done(item: TodayItem, *, as_of: date, staff: str | None = None) -> str | None:
    """Done with an item: a follow-up is completed; a playbook touch is recorded as sent
    (on the playbook's campaign and the client's timeline). Returns the message sent."""
    if item.kind == "task":
        complete_task(item.ref)
        return None
    if not item.can_mark_done:
        raise ValueError(f"nothing to mark done for this {item.kind} ({item.state})")
    return campaigns.send_playbook_touch(item.playbook, item.client_id, as_of=as_of, occasion=item.occasion,
                                         staff=staff)["message"]


def log_call(client_id: int, text: str, *, as_of: date, staff: str | None = None) -> int:
    """A phone call with the client, on their timeline (client activity)."""
    return log_event(client_id, "call", text, occurred_at=event_stamp(as_of), staff=staff, as_of=as_of)


def add_follow_up(client_id: int, title: str, due_on, note: str = "", staff: str | None = None) -> int:
    """A follow-up task for a client (from any client page or the timeline)."""
    return add_task(client_id, title, due_on, note, staff)


def message_for(item: TodayItem, *, as_of: date) -> str:
    """The message a playbook item would send, to copy before marking it done."""
    return campaigns.playbook_message(item.playbook, item.client_id, as_of=as_of, occasion=item.occasion)
