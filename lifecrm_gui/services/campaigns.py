"""Campaigns: create one (blank or from a playbook), draw its recipients from the
segment, write each recipient's message, record what went out and what came back,
attribute orders within the attribution window, and work out the return."""

import json
from dataclasses import dataclass
from datetime import date

from lifecrm_gui.domain import holidays as holiday_rules
from lifecrm_gui.domain import templates
from lifecrm_gui.domain.campaign_rules import (
    CAMPAIGN_STATUSES,
    CHANNELS,
    RECIPIENT_STATUSES,
    CampaignFigures,
    check_move,
)
from lifecrm_gui.domain.playbooks import HOLIDAY, PLAYBOOKS, Playbook, enabled_playbooks
from lifecrm_gui.domain.stages import TransitionRefused
from lifecrm_gui.domain.vocab import label
from lifecrm_gui.store import campaign_queries as q
from lifecrm_gui.store.campaign_schema import CampaignDetail
from lifecrm_gui.store.models import Campaign, CampaignRecipient, database

from . import segments
from .clients import get_model, update_client
from .errors import FieldError, NotFound, ValidationError
from .money import parse_money
from .recompute import event_stamp
from .settings import get_setting, language, load_policy, set_setting, studio_name
from .timeline import add_order, log_event

PLAYBOOKS_KEY = "campaign.playbooks"
OFFERS_KEY = "campaign.offers"
HOLIDAYS_KEY = "campaign.holidays"
MAX_NAME = 200
MAX_TEMPLATE = 2000
TIMELINE_TEXT = 300
# The consent channel an opt-out arrives by, per campaign channel.
_CONSENT_CHANNEL = {"phone": "phone", "sms": "phone", "wechat": "wechat", "email": "email", "card": "in_person"}


# --------------------------------------------------------------------------- settings

def playbook_switches() -> dict[str, bool]:
    stored = get_setting(PLAYBOOKS_KEY, {}) or {}
    return {key: bool(stored.get(key, True)) for key in PLAYBOOKS}


def set_playbook_enabled(key: str, enabled: bool) -> None:
    if key not in PLAYBOOKS:
        raise ValidationError([FieldError("playbook", "unknown playbook", key)])
    switches = playbook_switches()
    switches[key] = bool(enabled)
    set_setting(PLAYBOOKS_KEY, switches)


def active_playbooks() -> list[Playbook]:
    return enabled_playbooks(playbook_switches())


def playbook_offer(key: str, lang: str) -> str:
    stored = (get_setting(OFFERS_KEY, {}) or {}).get(key) or {}
    return stored.get(lang) or PLAYBOOKS[key].offer(lang)


def set_playbook_offer(key: str, lang: str, text: str) -> None:
    if key not in PLAYBOOKS:
        raise ValidationError([FieldError("playbook", "unknown playbook", key)])
    offers = get_setting(OFFERS_KEY, {}) or {}
    offers.setdefault(key, {})[lang] = (text or "").strip()
    set_setting(OFFERS_KEY, offers)


def holidays() -> tuple[holiday_rules.Holiday, ...]:
    return holiday_rules.from_settings(get_setting(HOLIDAYS_KEY))


def set_holidays(items) -> None:
    found = holiday_rules.problems(items)
    if found:
        raise ValidationError([FieldError(f, m) for f, m in found])
    set_setting(HOLIDAYS_KEY, [h.to_dict() for h in holiday_rules.from_settings(items)])


# --------------------------------------------------------------------------- campaigns

def _clean(data: dict, *, partial: bool) -> tuple[dict, dict, list[FieldError]]:
    """Column values for campaign and campaign_detail, and every problem found."""
    values, detail, errors = {}, {}, []

    def given(name):
        return name in data or not partial

    if given("name"):
        name = str(data.get("name") or "").strip()
        if not name:
            errors.append(FieldError("name", "a campaign needs a name", data.get("name")))
        elif len(name) > MAX_NAME:
            errors.append(FieldError("name", f"longer than {MAX_NAME} characters", name[:40] + "…"))
        values["name"] = name
    if given("channel"):
        channel = data.get("channel") or "wechat"
        if channel not in CHANNELS:
            errors.append(FieldError("channel", f"unknown channel; use one of {', '.join(CHANNELS)}", channel))
        values["channel"] = channel
    if given("template"):
        text = str(data.get("template") or "")
        if not text.strip():
            errors.append(FieldError("template", "a message is needed", ""))
        elif len(text) > MAX_TEMPLATE:
            errors.append(FieldError("template", f"longer than {MAX_TEMPLATE} characters", text[:40] + "…"))
        errors.extend(FieldError("template", message, f"{{{name}}}") for name, message in templates.problems(text))
        values["template"] = text
    if "offer" in data:
        values["offer"] = str(data.get("offer") or "").strip()
    if "cost" in data:
        raw = data.get("cost")
        try:
            values["cost"] = 0 if raw in (None, "") else parse_money(raw)
        except ValueError as error:
            errors.append(FieldError("cost", str(error).split(":")[0], raw))
    if "segment" in data:
        try:
            values["segment"] = segments.parse_segment(data["segment"]).to_dict()
        except ValidationError as error:
            errors.extend(error.errors)
    if "playbook" in data:
        key = data.get("playbook") or None
        if key is not None and key not in PLAYBOOKS:
            errors.append(FieldError("playbook", "unknown playbook", key))
        values["playbook"] = key
    if given("lang"):
        lang = data.get("lang") or "zh"
        if lang not in ("zh", "en"):
            errors.append(FieldError("lang", "must be zh or en", lang))
        detail["lang"] = lang
    if "holiday" in data:
        detail["holiday"] = str(data.get("holiday") or "").strip() or None
    return values, detail, errors


def create_campaign(data: dict, *, as_of: date) -> int:
    """A draft campaign: name, segment, template, channel, offer, cost (yuan), lang,
    optional playbook. ValidationError lists every bad field."""
    values, detail, errors = _clean(data, partial=False)
    if errors:
        raise ValidationError(errors)
    values["segment"] = json.dumps(values.get("segment", {}), ensure_ascii=False)
    with database.atomic():
        campaign = Campaign.create(**values, status="draft", starts_on=data.get("starts_on") or as_of,
                                   ends_on=data.get("ends_on"), created_at=event_stamp(as_of))
        CampaignDetail.create(campaign=campaign.id, **detail)
    return campaign.id


def campaign_from_playbook(key: str, *, as_of: date, lang: str | None = None, holiday: str | None = None) -> int:
    """A draft campaign carrying a playbook's segment, message, channel and offer."""
    if key not in PLAYBOOKS:
        raise ValidationError([FieldError("playbook", "unknown playbook", key)])
    playbook = PLAYBOOKS[key]
    lang = lang or language()
    name = f"{playbook.name(lang)} · {holiday + ' · ' if holiday else ''}{as_of.isoformat()}"
    return create_campaign({"name": name, "playbook": key, "segment": playbook.audience().to_dict(),
                            "template": playbook.template(lang), "channel": playbook.channel,
                            "offer": playbook_offer(key, lang), "lang": lang, "holiday": holiday}, as_of=as_of)


def _model(campaign_id: int) -> Campaign:
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    if campaign is None:
        raise NotFound(f"no campaign #{campaign_id}")
    return campaign


def _detail(campaign_id: int) -> CampaignDetail:
    detail = CampaignDetail.get_or_none(CampaignDetail.campaign == campaign_id)
    return detail or CampaignDetail(campaign=campaign_id, lang=language())


def get_campaign(campaign_id: int) -> dict:
    campaign = _model(campaign_id)
    detail = _detail(campaign_id)
    data = dict(campaign.__data__)
    data["segment"] = json.loads(campaign.segment or "{}")
    data.update(lang=detail.lang, audience_on=detail.audience_on, holiday=detail.holiday)
    return data


def update_campaign(campaign_id: int, data: dict, *, as_of: date) -> None:
    """Change some fields; pending recipients get their messages written again when
    the words they depend on change."""
    _model(campaign_id)
    values, detail, errors = _clean(data, partial=True)
    if errors:
        raise ValidationError(errors)
    if "segment" in values:
        values["segment"] = json.dumps(values["segment"], ensure_ascii=False)
    with database.atomic():
        if values:
            Campaign.update(**values).where(Campaign.id == campaign_id).execute()
        if detail:
            CampaignDetail.insert(campaign=campaign_id, **detail).on_conflict(
                conflict_target=[CampaignDetail.campaign], update=detail).execute()
        if {"template", "offer"} & set(values) or {"lang", "holiday"} & set(detail):
            _rewrite_pending(campaign_id, as_of)


def set_campaign_status(campaign_id: int, status: str) -> None:
    if status not in CAMPAIGN_STATUSES:
        raise ValidationError([FieldError("status", f"use one of {', '.join(CAMPAIGN_STATUSES)}", status)])
    _model(campaign_id)
    Campaign.update(status=status).where(Campaign.id == campaign_id).execute()


def delete_campaign(campaign_id: int) -> None:
    """Remove a campaign and its recipients; its timeline entries and orders stay."""
    _model(campaign_id)
    with database.atomic():
        Campaign.delete().where(Campaign.id == campaign_id).execute()


def list_campaigns() -> list[dict]:
    """Every campaign, newest first, with its figures."""
    details = {d.campaign_id: d for d in CampaignDetail.select()}
    figures = q.campaign_figures()
    out = []
    for campaign in Campaign.select().order_by(Campaign.created_at.desc(), Campaign.id.desc()):
        detail = details.get(campaign.id)
        out.append({"id": campaign.id, "name": campaign.name, "playbook": campaign.playbook,
                    "channel": campaign.channel, "status": campaign.status, "cost": campaign.cost,
                    "offer": campaign.offer, "starts_on": campaign.starts_on, "created_at": campaign.created_at,
                    "lang": detail.lang if detail else language(),
                    "figures": _figures(figures.get(campaign.id), campaign.cost)})
    return out


def _figures(row, cost: int) -> CampaignFigures:
    if row is None:
        return CampaignFigures(cost=cost)
    return CampaignFigures(*row, cost=cost)


def figures(campaign_id: int) -> CampaignFigures:
    campaign = _model(campaign_id)
    return _figures(q.campaign_figures([campaign_id]).get(campaign_id), campaign.cost)


def playbook_figures() -> dict[str, CampaignFigures]:
    """The return of each playbook over all its campaigns."""
    totals: dict[str, list[int]] = {}
    costs = dict(Campaign.select(Campaign.id, Campaign.cost).tuples())
    playbook_of = dict(Campaign.select(Campaign.id, Campaign.playbook).where(Campaign.playbook.is_null(False))
                       .tuples())
    for campaign_id, row in q.campaign_figures(list(playbook_of)).items():
        sums = totals.setdefault(playbook_of[campaign_id], [0] * 8)
        for i, value in enumerate((*row, costs[campaign_id])):
            sums[i] += value
    return {key: CampaignFigures(*sums[:7], cost=sums[7]) for key, sums in totals.items()}


# --------------------------------------------------------------------------- messages

def _occasions_for(segment, as_of: date) -> dict[int, segments.UpcomingOccasion]:
    """For a segment on children's milestones, each client's milestone (whose child, when)."""
    days = segment.child_milestone_within
    if days is None:
        return {}
    out = {}
    for upcoming in segments.upcoming_occasions(as_of, days):
        if upcoming.person is not None and upcoming.client_id not in out:
            out[upcoming.client_id] = upcoming
    return out


def render_messages(template: str, lang: str, client_ids, *, as_of: date, offer: str = "",
                    holiday: str | None = None, occasions: dict | None = None) -> dict[int, str]:
    """Each client's message: the template with their own values (or the fallbacks)."""
    occasions = occasions or {}
    studio = studio_name()
    out = {}
    for cid, row in q.merge_rows(client_ids, as_of).items():
        shoot, child = row["last_shoot"], row["child"]
        upcoming = occasions.get(cid)
        if upcoming is not None and upcoming.person is not None:
            child = [upcoming.person, upcoming.person_birthday.isoformat() if upcoming.person_birthday else ""]
        facts = templates.MergeFacts(
            name=row["name"], salutation=row["salutation"], tier=row["tier"], offer=offer, studio=studio,
            holiday=holiday, last_shoot_category=(shoot[0] or None) if shoot else None,
            last_shoot_package=shoot[1] if shoot else None,
            last_shoot_on=date.fromisoformat(shoot[2][:10]) if shoot and shoot[2] else None,
            child_name=child[0] if child else None,
            child_birthday=date.fromisoformat(child[1]) if child and child[1] else None)
        on = upcoming.occasion.on if upcoming is not None else as_of
        out[cid] = templates.render(template, templates.merge_values(facts, lang, on), lang)
    return out


def preview(campaign_id: int, client_ids, *, as_of: date, template: str | None = None,
            lang: str | None = None, offer: str | None = None) -> dict[int, str]:
    """Messages as they would read for some clients, with unsaved edits applied."""
    data = get_campaign(campaign_id)
    segment = segments.parse_segment(data["segment"])
    return render_messages(template if template is not None else data["template"], lang or data["lang"],
                           client_ids, as_of=as_of, offer=offer if offer is not None else data["offer"],
                           holiday=data["holiday"], occasions=_occasions_for(segment, as_of))


def _rewrite_pending(campaign_id: int, as_of: date) -> None:
    pending = q.pending_recipients(campaign_id)
    if not pending:
        return
    texts = preview(campaign_id, [cid for _rid, cid, _m in pending], as_of=as_of)
    CampaignRecipient.bulk_update(
        [CampaignRecipient(id=rid, message=texts.get(cid, message)) for rid, cid, message in pending],
        fields=[CampaignRecipient.message], batch_size=500)


def build_recipients(campaign_id: int, *, as_of: date) -> int:
    """Add every client the segment may reach now (consent given, under the frequency
    cap) as a pending recipient with their message; returns how many were added."""
    data = get_campaign(campaign_id)
    segment = segments.parse_segment(data["segment"])
    ids = segments.members(segment, as_of)
    texts = render_messages(data["template"], data["lang"], ids, as_of=as_of, offer=data["offer"],
                            holiday=data["holiday"], occasions=_occasions_for(segment, as_of))
    with database.atomic():
        before = CampaignRecipient.select().where(CampaignRecipient.campaign == campaign_id).count()
        q.insert_recipients(campaign_id, ((cid, texts.get(cid, "")) for cid in ids))
        CampaignDetail.insert(campaign=campaign_id, lang=data["lang"], audience_on=as_of).on_conflict(
            conflict_target=[CampaignDetail.campaign], update={CampaignDetail.audience_on: as_of}).execute()
        after = CampaignRecipient.select().where(CampaignRecipient.campaign == campaign_id).count()
    return after - before


def recipients(campaign_id: int, status: str | None = None) -> list[dict]:
    _model(campaign_id)
    if status is not None and status not in RECIPIENT_STATUSES:
        raise ValidationError([FieldError("status", f"use one of {', '.join(RECIPIENT_STATUSES)}", status)])
    return [dict(zip(q.RECIPIENT_COLUMNS, row)) for row in q.recipient_rows(campaign_id, status)]


def recipient(recipient_id: int) -> dict:
    row = CampaignRecipient.get_or_none(CampaignRecipient.id == recipient_id)
    if row is None:
        raise NotFound(f"no campaign recipient #{recipient_id}")
    return dict(zip(q.RECIPIENT_COLUMNS, q.recipient_rows(row.campaign_id, ids=[recipient_id])[0]))


# --------------------------------------------------------------------------- tracking

@dataclass(frozen=True)
class SendResult:
    sent: int = 0
    no_consent: int = 0  # consent withdrawn since the list was drawn
    capped: int = 0  # the frequency cap reached since the list was drawn


def _timeline_text(campaign: Campaign, message: str, lang: str) -> str:
    text = f"{campaign.name} · {label(CHANNELS, campaign.channel, lang)}: {message}"
    return text if len(text) <= TIMELINE_TEXT else text[:TIMELINE_TEXT - 1] + "…"


def mark_sent(campaign_id: int, recipient_ids=None, *, as_of: date, staff: str | None = None) -> SendResult:
    """Record that the messages of pending recipients (all, or the given ones) went out:
    each touch goes onto the client's timeline. Recipients who withdrew consent or
    reached the frequency cap since the list was drawn are left pending."""
    campaign = _model(campaign_id)
    pending = q.pending_recipients(campaign_id, recipient_ids)
    if not pending:
        return SendResult()
    cap = segments.frequency_cap()
    client_ids = [cid for _rid, cid, _m in pending]
    consent = {cid: row[3] for cid, row in q.client_briefs(client_ids).items()}
    recent = q.touches_in(client_ids, cap.window_start(as_of), as_of)
    lang = language()
    touches, no_consent, capped = [], 0, 0
    for rid, cid, message in pending:
        if not consent.get(cid):
            no_consent += 1
        elif recent.get(cid, 0) >= cap.touches:
            capped += 1
        else:
            touches.append((rid, cid, _timeline_text(campaign, message, lang)))
    with database.atomic():
        q.record_touches(campaign_id, touches, event_stamp(as_of), staff)
        if touches and campaign.status == "draft":
            Campaign.update(status="active").where(Campaign.id == campaign_id).execute()
    return SendResult(len(touches), no_consent, capped)


def _recipient_model(recipient_id: int) -> CampaignRecipient:
    row = CampaignRecipient.get_or_none(CampaignRecipient.id == recipient_id)
    if row is None:
        raise NotFound(f"no campaign recipient #{recipient_id}")
    return row


def mark_replied(recipient_id: int, note: str = "", *, as_of: date, staff: str | None = None) -> None:
    """The client answered: the reply goes onto the timeline as client activity."""
    row = _recipient_model(recipient_id)
    check_move(row.status, "replied")
    stamp = event_stamp(as_of)
    campaign = _model(row.campaign_id)
    lang = language()
    text = (f"{campaign.name}: " + (note.strip() or ("回复了营销消息" if lang != "en" else "replied to the message")))
    with database.atomic():
        CampaignRecipient.update(status="replied", replied_at=stamp).where(CampaignRecipient.id == recipient_id) \
            .execute()
        log_event(row.client_id, "campaign_reply", text, occurred_at=stamp, staff=staff, as_of=as_of,
                  campaign_id=row.campaign_id)


def mark_opted_out(recipient_id: int, *, as_of: date, staff: str | None = None) -> None:
    """The client asked for no more marketing: consent is withdrawn (on the profile too)."""
    row = _recipient_model(recipient_id)
    check_move(row.status, "opted_out")
    campaign = _model(row.campaign_id)
    stamp = event_stamp(as_of)
    lang = language()
    text = f"{campaign.name}: " + ("退订营销消息,已撤回营销同意" if lang != "en"
                                   else "opted out; marketing consent withdrawn")
    with database.atomic():
        CampaignRecipient.update(status="opted_out").where(CampaignRecipient.id == recipient_id).execute()
        update_client(row.client_id, {"consent": False, "consent_on": as_of,
                                      "consent_channel": _CONSENT_CHANNEL[campaign.channel]}, as_of=as_of, staff=staff)
        log_event(row.client_id, "campaign_reply", text, occurred_at=stamp, staff=staff, as_of=as_of,
                  campaign_id=row.campaign_id)


def record_booking(recipient_id: int, order: dict, *, as_of: date, staff: str | None = None) -> int:
    """A recipient booked: the order is recorded as the campaign's and the recipient
    counts as booked."""
    row = _recipient_model(recipient_id)
    if row.status == "pending":
        raise TransitionRefused("not_sent", "请先记录消息已发送,再登记预约。",
                                "Record the message as sent before recording a booking.")
    with database.atomic():
        order_id = add_order(row.client_id, {"ordered_on": as_of, **order, "campaign_id": row.campaign_id},
                             staff=staff, as_of=as_of)
        attribute(as_of)
    return order_id


def attribute(as_of: date) -> int:
    """Attribute orders placed within the attribution window after a touch (setting,
    default 30 days) to the campaign of the latest touch; returns how many."""
    with database.atomic():
        return q.attribute_orders(load_policy().attribution_window_days, as_of)


# --------------------------------------------------------------------------- playbook touches

def playbook_campaign(key: str, *, as_of: date) -> int:
    """The year's standing campaign of a playbook, where one-by-one touches (a birthday
    greeting, a follow-up call) are recorded; made the first time it is needed."""
    playbook = PLAYBOOKS[key]
    year_start = date(as_of.year, 1, 1)
    found = q.playbook_campaign(key, year_start)
    if found is not None:
        return found
    lang = language()
    campaign_id = create_campaign({
        "name": f"{playbook.name(lang)} · {as_of.year}", "playbook": key, "segment": playbook.audience().to_dict(),
        "template": playbook.template(lang), "channel": playbook.channel, "offer": playbook_offer(key, lang),
        "lang": lang, "starts_on": year_start, "ends_on": date(as_of.year, 12, 31)}, as_of=as_of)
    set_campaign_status(campaign_id, "active")
    return campaign_id


def playbook_message(key: str, client_id: int, *, as_of: date, occasion=None) -> str:
    """A playbook's message for one client, in the words of the year's playbook campaign
    (the studio may have edited them there) or else the playbook's own."""
    found = q.playbook_campaign(key, date(as_of.year, 1, 1))
    if found is not None:
        data = get_campaign(found)
        template, lang, offer, holiday = data["template"], data["lang"], data["offer"], data["holiday"]
    else:
        lang = language()
        template, offer, holiday = PLAYBOOKS[key].template(lang), playbook_offer(key, lang), None
    occasions = {client_id: occasion} if occasion is not None else {}
    return render_messages(template, lang, [client_id], as_of=as_of, offer=offer, holiday=holiday,
                           occasions=occasions)[client_id]


def send_playbook_touch(key: str, client_id: int, *, as_of: date, occasion=None,
                        staff: str | None = None) -> dict:
    """One client reached by a playbook (the front desk sent the greeting or made the
    call): recorded on the year's playbook campaign and the client's timeline. Refused
    without consent or at the frequency cap. Returns the message sent."""
    if key not in PLAYBOOKS:
        raise ValidationError([FieldError("playbook", "unknown playbook", key)])
    client = get_model(client_id)
    if not client.consent:
        raise ValidationError([FieldError("consent", "this client has not agreed to marketing messages",
                                          client.name)])
    cap = segments.frequency_cap()
    if q.touches_in([client_id], cap.window_start(as_of), as_of).get(client_id, 0) >= cap.touches:
        raise ValidationError([FieldError("frequency_cap", f"already {cap.touches} campaign messages in "
                                                           f"{cap.days} days", client.name)])
    campaign_id = playbook_campaign(key, as_of=as_of)
    text = playbook_message(key, client_id, as_of=as_of, occasion=occasion)
    with database.atomic():
        q.insert_recipients(campaign_id, [(client_id, text)])
        recipient_id = CampaignRecipient.get(CampaignRecipient.campaign == campaign_id,
                                             CampaignRecipient.client == client_id).id
        CampaignRecipient.update(message=text).where(CampaignRecipient.id == recipient_id).execute()
        campaign = _model(campaign_id)
        q.record_touches(campaign_id, [(recipient_id, client_id, _timeline_text(campaign, text, language()))],
                         event_stamp(as_of), staff)
    return {"campaign_id": campaign_id, "recipient_id": recipient_id, "message": text}


def due_holidays(as_of: date) -> list[tuple[holiday_rules.Holiday, date]]:
    """The holidays whose greetings are due (within the holiday playbook's lead days)."""
    return holiday_rules.upcoming(holidays(), as_of, PLAYBOOKS["holidays"].lead_days)


def start_holiday_campaign(as_of: date, lang: str | None = None) -> int:
    """A draft holiday-greeting campaign for the next holiday due, with its recipients."""
    due = due_holidays(as_of)
    if not due:
        raise ValidationError([FieldError("holiday", "no holiday is due within "
                                                     f"{PLAYBOOKS['holidays'].lead_days} days", as_of.isoformat())])
    lang = lang or language()
    holiday = due[0][0].name(lang)
    campaign_id = campaign_from_playbook("holidays", as_of=as_of, lang=lang, holiday=holiday)
    build_recipients(campaign_id, as_of=as_of)
    return campaign_id


def start_playbook_campaign(key: str, *, as_of: date, lang: str | None = None) -> int:
    """A draft campaign from a playbook with its recipients drawn (a holiday playbook
    greets the next holiday due)."""
    if key in PLAYBOOKS and PLAYBOOKS[key].mode == HOLIDAY:
        return start_holiday_campaign(as_of, lang)
    campaign_id = campaign_from_playbook(key, as_of=as_of, lang=lang)
    build_recipients(campaign_id, as_of=as_of)
    return campaign_id
