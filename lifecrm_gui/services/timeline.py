"""The client's timeline: events, orders and follow-up tasks. Every change re-derives
the client at once."""

import json
from datetime import date, datetime

from lifecrm_gui.domain.vocab import ACTIVITY_KINDS, EVENT_KINDS, LOGGABLE_KINDS, NEEDS, ORDER_STATUSES, label, lookup
from lifecrm_gui.store.models import Client, Event, Order, Task, database, now

from .clients import get_model, parse_date
from .errors import FieldError, NotFound, ValidationError
from .money import format_money, parse_money
from .recompute import recompute_clients
from .settings import language

MAX_TEXT = 4000


def _at(value) -> datetime:
    if value is None:
        return now()
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time()).replace(hour=12)
    return datetime.fromisoformat(str(value))


def log_event(client_id: int, kind: str, text: str = "", *, satisfaction: int | None = None,
              occurred_at=None, staff: str | None = None, as_of: date | None = None,
              data: dict | None = None, campaign_id: int | None = None) -> int:
    """Add a touch to the timeline; a client activity re-derives the stage at once."""
    get_model(client_id)
    values, errors = clean_event(kind, text, satisfaction)
    if errors:
        raise ValidationError(errors)
    key, text, satisfaction = values["kind"], values["text"], values["satisfaction"]
    at = _at(occurred_at)
    with database.atomic():
        event = Event.create(client=client_id, occurred_at=at, kind=key, text=text, staff=staff,
                             satisfaction=satisfaction, is_activity=key in ACTIVITY_KINDS, campaign=campaign_id,
                             data=json.dumps(data, ensure_ascii=False) if data else None)
        if key in ACTIVITY_KINDS:
            recompute_clients([client_id], as_of or date.today(), staff=staff)
    return event.id


def clean_event(kind, text="", satisfaction=None) -> tuple[dict, list[FieldError]]:
    """The checks on a touch before it goes on the timeline (log_event, the events
    import): a kind staff may log (English id or Chinese name), satisfaction 1 to 5,
    text of reasonable length. Returns ({kind, text, satisfaction}, errors)."""
    errors = []
    key = lookup(EVENT_KINDS, kind) if kind not in (None, "") else None
    if kind in (None, ""):
        errors.append(FieldError("kind", "an event kind is required", kind))
    elif key == "stage_change":
        errors.append(FieldError("kind", "stage changes are recorded by LifeCRM itself", kind))
    elif key == "order":
        errors.append(FieldError("kind", "orders are added as orders (the order dialog, or an orders file)", kind))
    elif key is None:
        errors.append(FieldError("kind", f"unknown event kind; use one of {', '.join(LOGGABLE_KINDS)} (or their "
                                         "Chinese names)", kind))
    if satisfaction in (None, ""):
        satisfaction = None
    else:
        try:
            satisfaction = int(satisfaction)
            if not 1 <= satisfaction <= 5:
                raise ValueError
        except (TypeError, ValueError):
            errors.append(FieldError("satisfaction", "must be 1 to 5", satisfaction))
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        errors.append(FieldError("text", f"longer than {format(MAX_TEXT, ',')} characters", text[:40] + "…"))
    return {"kind": key, "text": text, "satisfaction": satisfaction}, errors


def clean_order(data: dict) -> tuple[dict, list[FieldError]]:
    values, errors = {}, []
    try:
        values["ordered_on"] = parse_date(data.get("ordered_on"), "ordered_on") or date.today()
    except ValueError:
        errors.append(FieldError("ordered_on", "not a date (use YYYY-MM-DD)", data.get("ordered_on")))
    for field in ("amount", "paid"):
        raw = data.get(field)
        if field == "paid" and raw in (None, ""):
            values["paid"] = 0
            continue
        try:
            values[field] = parse_money(raw)
        except ValueError as error:
            errors.append(FieldError(field, str(error).split(":")[0], raw))
    if "amount" in values and values.get("paid", 0) > values["amount"]:
        errors.append(FieldError("paid", "more than the amount", data.get("paid")))
    status = lookup(ORDER_STATUSES, str(data.get("status") or "booked"))
    if status is None:
        errors.append(FieldError("status", f"unknown status; use one of {', '.join(ORDER_STATUSES)}",
                                 data.get("status")))
    values["status"] = status
    category = data.get("category")
    if category not in (None, ""):
        key = lookup(NEEDS, str(category))
        if key is None:
            errors.append(FieldError("category", f"unknown needs category; use one of {', '.join(NEEDS)}",
                                     category))
        values["category"] = key
    else:
        values["category"] = None
    try:
        values["shoot_on"] = parse_date(data.get("shoot_on"), "shoot_on")
    except ValueError:
        errors.append(FieldError("shoot_on", "not a date (use YYYY-MM-DD)", data.get("shoot_on")))
    values["package"] = str(data.get("package") or "").strip()
    values["note"] = str(data.get("note") or "").strip()
    return values, errors


def _order_text(order: Order, lang: str) -> str:
    parts = [label(NEEDS, order.category, lang) if order.category else "",
             order.package, format_money(order.amount), label(ORDER_STATUSES, order.status, lang)]
    return " · ".join(p for p in parts if p)


def add_order(client_id: int, data: dict, *, staff: str | None = None, as_of: date | None = None) -> int:
    """Record an order (and its timeline entry); the client's stage and tier follow at once."""
    get_model(client_id)
    values, errors = clean_order(data)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        order = Order.create(client=client_id, campaign=data.get("campaign_id"), **values)
        recompute_clients([client_id], as_of or date.today(), staff=staff)
    return order.id


def update_order(order_id: int, data: dict, *, staff: str | None = None, as_of: date | None = None) -> None:
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise NotFound(f"no order #{order_id}")
    merged = {"ordered_on": order.ordered_on, "amount": order.amount / 100, "paid": order.paid / 100,
              "status": order.status, "category": order.category, "shoot_on": order.shoot_on,
              "package": order.package, "note": order.note, **data}
    values, errors = clean_order(merged)
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        Order.update(**values).where(Order.id == order_id).execute()
        recompute_clients([order.client_id], as_of or date.today(), staff=staff)


def cancel_order(order_id: int, *, staff: str | None = None, as_of: date | None = None) -> None:
    """Cancelled orders are kept, and stop counting."""
    update_order(order_id, {"status": "cancelled"}, staff=staff, as_of=as_of)


def list_orders(client_id: int) -> list[dict]:
    return list(Order.select().where(Order.client == client_id)
                .order_by(Order.ordered_on.desc(), Order.id.desc()).dicts())


def list_events(client_id: int, kinds=None, limit: int | None = None, lang: str | None = None) -> list[dict]:
    """The timeline, newest first: the events, and each order as an entry of kind
    'order' (orders are kept once, in their own table)."""
    kinds = set(kinds) if kinds else None
    query = Event.select().where(Event.client == client_id)
    if kinds:
        query = query.where(Event.kind.in_(list(kinds)))
    query = query.order_by(Event.occurred_at.desc(), Event.id.desc())
    if limit:
        query = query.limit(limit)
    entries = list(query.dicts())
    if kinds is None or "order" in kinds:
        lang = lang or language()
        for order in Order.select().where(Order.client == client_id).order_by(Order.ordered_on.desc()).limit(limit):
            entries.append({"id": None, "uuid": order.uuid, "client": client_id, "kind": "order",
                            "occurred_at": datetime.combine(order.ordered_on, order.created_at.time()),
                            "text": _order_text(order, lang), "staff": None, "satisfaction": None,
                            "order": order.id, "status": order.status, "stage_from": None, "stage_to": None,
                            "win_back": False, "data": None, "campaign": order.campaign_id})
        entries.sort(key=lambda e: (str(e["occurred_at"]), e["id"] or 0), reverse=True)
    return entries[:limit] if limit else entries


def add_task(client_id: int, title: str, due_on, note: str = "", staff: str | None = None) -> int:
    get_model(client_id)
    errors = []
    if not (title or "").strip():
        errors.append(FieldError("title", "a follow-up needs a title", title))
    try:
        due = parse_date(due_on, "due_on")
        if due is None:
            raise ValueError
    except ValueError:
        errors.append(FieldError("due_on", "not a date (use YYYY-MM-DD)", due_on))
        due = None
    if errors:
        raise ValidationError(errors)
    return Task.create(client=client_id, title=title.strip(), due_on=due, note=note or "", staff=staff).id


def complete_task(task_id: int) -> None:
    if not Task.update(done_at=now()).where(Task.id == task_id).execute():
        raise NotFound(f"no task #{task_id}")


def open_tasks(client_id: int) -> list[dict]:
    return list(Task.select().where((Task.client == client_id) & Task.done_at.is_null())
                .order_by(Task.due_on).dicts())


def client_name(client_id: int) -> str:
    row = Client.select(Client.name).where(Client.id == client_id).tuples().first()
    return row[0] if row else ""
