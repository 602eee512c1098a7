"""Expo mode's use cases: a lead captured at a wedding fair's booth, the phones seen
there today, and the count of today's leads.

A lead is a new client with source "expo" and the fair's name as its source detail,
first seen on the fair's day, whose timeline starts with an inquiry carrying what
was said at the booth (interest, wedding date, budget, notes). A visitor whose
phone the studio already knows is not added twice: what they said goes onto the
known client's timeline instead.
"""

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from lifecrm_gui.domain.vocab import NEEDS, label
from peewee import SQL, fn

from lifecrm_gui.store.models import Client, Event, database, now

from . import contacts
from .clients import clean_client, create_client, find_duplicates, get_model
from .errors import FieldError, ValidationError
from .money import format_money, parse_money
from .recompute import recompute_clients
from .settings import get_setting, language, load_policy, set_setting

EXPO_SOURCE = "expo"
FAIR_SETTING = "expo_fair"
MAX_FAIR_NAME = 80
MAX_NOTES = 2000


@dataclass(frozen=True)
class Lead:
    """What was typed at the booth, checked: phone in E.164, budget in minor units."""
    name: str
    phone: str | None = None
    needs: tuple[str, ...] = ()
    wedding_date: date | None = None
    budget: int | None = None
    notes: str = ""
    consent: bool = False


@dataclass(frozen=True)
class KnownPhone:
    """A live client who already has the phone typed at the booth."""
    client_id: int
    name: str
    phone: str
    stage: str | None
    seen_today: bool  # captured, or spoken to at the booth, on the fair's day
    first_seen_on: date | None
    at: datetime | None  # the first touch of the day, when seen today


def fair_name() -> str:
    """The fair the booth is at, as last entered."""
    return get_setting(FAIR_SETTING, "") or ""


def set_fair_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError([FieldError("fair", "the fair's name is required")])
    if len(name) > MAX_FAIR_NAME:
        raise ValidationError([FieldError("fair", f"longer than {MAX_FAIR_NAME} characters", name[:40] + "…")])
    set_setting(FAIR_SETTING, name)
    return name


def clean_lead(data: dict) -> Lead:
    """A Lead from the form's texts; ValidationError naming each field that is wrong."""
    values, errors = clean_client({"name": data.get("name"), "phone": data.get("phone"),
                                   "wedding_date": data.get("wedding_date"), "needs": list(data.get("needs") or ())},
                                  partial=True)
    budget = None
    raw_budget = str(data.get("budget") or "").strip()
    if raw_budget:
        try:
            budget = parse_money(raw_budget)
        except ValueError as error:
            errors.append(FieldError("budget", str(error).split(":")[0], raw_budget))
    notes = " ".join(str(data.get("notes") or "").split())
    if len(notes) > MAX_NOTES:
        errors.append(FieldError("notes", f"longer than {MAX_NOTES} characters", notes[:40] + "…"))
    if errors:
        raise ValidationError(errors)
    needs = tuple(n for n in (values.get("needs") or "").split(",") if n)
    return Lead(name=values["name"], phone=values.get("phone"), needs=needs, wedding_date=values.get("wedding_date"),
                budget=budget, notes=notes, consent=bool(data.get("consent")))


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min)
    return start, start + timedelta(days=1)


def known_phone(phone: str | None, day: date) -> list[KnownPhone]:
    """The live clients who have this (normalised) phone, those seen on `day` first."""
    if not phone:
        return []
    found = {d.client_id for d in find_duplicates(phone=phone)}
    if not found:
        return []
    start, end = _day_bounds(day)
    touched = dict(Event.select(Event.client, Event.occurred_at).where(
        Event.client.in_(found), Event.occurred_at >= start, Event.occurred_at < end,
        Event.kind.in_(("inquiry", "note"))).order_by(Event.occurred_at.desc()).tuples())
    out = []
    for c in Client.select(Client.id, Client.name, Client.phone, Client.phone_alt, Client.stage, Client.source,
                           Client.first_seen_on).where(Client.id.in_(found)):
        today = c.id in touched or (c.first_seen_on == day and c.source == EXPO_SOURCE)
        at = touched.get(c.id)
        out.append(KnownPhone(c.id, c.name, phone, c.stage, today, c.first_seen_on, at))
    out.sort(key=lambda k: (not k.seen_today, k.client_id))
    return out


def booth_text(lead: Lead, fair: str, lang: str | None = None) -> str:
    """What was said at the booth, for the timeline, in the studio's language."""
    lang = lang or language()
    currency = load_policy().currency
    zh = lang == "zh"
    parts = []
    if lead.needs:
        parts.append(("意向：" if zh else "interest: ") + ("、" if zh else ", ").join(label(NEEDS, n, lang)
                                                                                   for n in lead.needs))
    if lead.wedding_date:
        parts.append(("婚期 " if zh else "wedding ") + lead.wedding_date.isoformat())
    if lead.budget is not None:
        parts.append(("预算 " if zh else "budget ") + format_money(lead.budget, currency))
    if lead.notes:
        parts.append(("备注：" if zh else "note: ") + lead.notes)
    head = f"展会「{fair}」" if zh else f"At {fair}"
    return head + ("：" if zh else ": ") + ("；" if zh else "; ").join(parts) if parts else head


def _stamp(day: date, at: datetime | None) -> datetime:
    clock = (at or now()).time().replace(microsecond=0)
    return datetime.combine(day, clock)


def _booth_data(lead: Lead, fair: str) -> str:
    return json.dumps({"expo": fair, "needs": list(lead.needs), "budget": lead.budget,
                       "wedding_date": lead.wedding_date.isoformat() if lead.wedding_date else None},
                      ensure_ascii=False)


def capture(lead: Lead, *, fair: str, day: date, at: datetime | None = None, staff: str | None = None) -> int:
    """Add the visitor as a new prospect: source expo, the fair as source detail, an
    inquiry on the timeline; one transaction. Returns the client's id. A phone that
    another client has raises ValidationError (see `known_phone`)."""
    fair = " ".join(str(fair or "").split())
    if not fair:
        raise ValidationError([FieldError("fair", "the fair's name is required")])
    data = {"name": lead.name, "phone": lead.phone, "needs": list(lead.needs), "wedding_date": lead.wedding_date,
            "notes": lead.notes, "source": EXPO_SOURCE, "source_detail": fair, "first_seen_on": day}
    if lead.consent:
        data.update(consent=True, consent_on=day, consent_channel="in_person")
    stamp = _stamp(day, at)
    with database.atomic():
        client_id = create_client(data, as_of=day, staff=staff,
                                  first_event=("inquiry", booth_text(lead, fair), stamp))
        Event.update(data=_booth_data(lead, fair)).where(Event.client == client_id, Event.kind == "inquiry").execute()
    return client_id


def add_to_known(client_id: int, lead: Lead, *, fair: str, day: date, at: datetime | None = None,
                 staff: str | None = None) -> int:
    """A visitor the studio already knows: a note when they were seen today already,
    else an inquiry (which counts as their activity); consent given at the booth is
    recorded. Returns the event's id."""
    client = get_model(client_id)
    stamp = _stamp(day, at)
    seen = any(k.client_id == client_id and k.seen_today for k in known_phone(lead.phone or client.phone, day))
    kind = "note" if seen else "inquiry"
    text = booth_text(lead, fair)
    if lead.name and lead.name != client.name:
        text += f"（{lead.name}）" if language() == "zh" else f" ({lead.name})"
    with database.atomic():
        event = Event.create(client=client_id, occurred_at=stamp, kind=kind, text=text, staff=staff,
                             is_activity=kind == "inquiry", data=_booth_data(lead, fair))
        changes = {}
        if lead.consent and not client.consent:
            changes.update(consent=True, consent_on=day, consent_channel="in_person")
        if lead.wedding_date and not client.wedding_date:
            changes["wedding_date"] = lead.wedding_date
        if lead.needs:
            merged = [n for n in (client.needs or "").split(",") if n]
            merged += [n for n in lead.needs if n not in merged]
            if ",".join(merged) != (client.needs or ""):
                changes["needs"] = ",".join(merged)
        if changes:
            Client.update(**changes, updated_at=now()).where(Client.id == client_id).execute()
        recompute_clients([client_id], day, staff=staff)
    return event.id


def _todays_leads(day: date):
    """New expo leads first seen on `day`, each with the time of its first inquiry that
    day. Driven by the day's inquiries (index event_kind_time), not a scan of every client."""
    start, end = _day_bounds(day)
    at = fn.MIN(Event.occurred_at)
    return (Client.select(Client.id, Client.name, Client.phone, Client.source_detail, at.alias("at"))
            .join(Event, on=(Event.client == Client.id))
            .where(Event.kind == "inquiry", Event.occurred_at >= start, Event.occurred_at < end,
                   Client.source == EXPO_SOURCE, Client.first_seen_on == day, Client.deleted_at.is_null())
            .group_by(Client.id))


def leads_today(day: date) -> int:
    """How many new expo leads were first seen on `day`."""
    return _todays_leads(day).count()


def recent_leads(day: date, limit: int = 8) -> list[dict]:
    """The newest expo leads of `day`: id, name, phone (as shown), fair, time of capture."""
    rows = _todays_leads(day).order_by(SQL("at").desc(), Client.id.desc()).limit(limit).tuples()
    return [{"id": cid, "name": name, "phone": contacts.display_phone(phone), "fair": fair or "",
             "at": _as_datetime(at)} for cid, name, phone, fair, at in rows]


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
