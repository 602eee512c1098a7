"""Clients: create, edit, validate, find duplicates, the manual stage moves, trash and erase."""

import json
from dataclasses import dataclass
from datetime import date, datetime

from lifecrm_gui.domain import referrals as referral_rules
from lifecrm_gui.domain import stages as stage_rules
from lifecrm_gui.domain.vocab import (ACTIVITY_KINDS, CLASSES, CLIENT_KINDS, CONSENT_CHANNELS, INDUSTRIES, NEEDS, RELATIONS,
                                      SOURCES, STAGES, STYLES, label, lookup)
from lifecrm_gui.search_keys import search_text, sort_key
from lifecrm_gui.store.models import (Client, ClientSearch, ClientTag, Event, FamilyMember, Tag, database,
                                      new_uuid, now)

from . import contacts
from .errors import FieldError, NotFound, ValidationError
from .recompute import event_stamp, recompute_clients
from .settings import language

TEXT_FIELDS = ("name", "contact_person", "salutation", "gender", "address", "notes", "source_detail")
DATE_FIELDS = ("birthday", "wedding_date", "first_seen_on", "consent_on")
BOOL_FIELDS = ("birthday_lunar", "influence_relevant", "annual_contract", "consent")
COUNT_FIELDS = ("followers", "engagement")
MAX_TEXT = 2000


@dataclass(frozen=True)
class Duplicate:
    client_id: int
    name: str
    field: str
    value: str


def parse_date(value, field: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip().replace("/", "-").replace(".", "-")
    for sep in ("年", "月"):
        text = text.replace(sep, "-")
    text = text.rstrip("日")
    try:
        parts = [int(p) for p in text.split("-")]
        return date(*parts) if len(parts) == 3 else date.fromisoformat(text)
    except (ValueError, TypeError):
        raise ValueError(f"not a date (use YYYY-MM-DD): {value}") from None


def _vocab_list(value, table, field, errors):
    items = value if isinstance(value, (list, tuple)) else [v for v in str(value or "").replace("，", ",")
                                                          .replace("、", ",").split(",")]
    out = []
    for item in items:
        item = str(item).strip()
        if not item:
            continue
        key = lookup(table, item)
        if key is None:
            errors.append(FieldError(field, f"unknown value; use one of {', '.join(table)}", item))
        elif key not in out:
            out.append(key)
    return ",".join(out)


def clean_client(data: dict, *, partial: bool = False) -> tuple[dict, list[FieldError]]:
    """Typed column values from what a person typed or a file held, and every problem found.
    `partial` checks only the fields present (an edit of some fields)."""
    values, errors = {}, []

    def present(name):
        return name in data or not partial

    if present("name"):
        name = str(data.get("name") or "").strip()
        if not name:
            errors.append(FieldError("name", "a name is required", data.get("name")))
        values["name"] = name
    for name in TEXT_FIELDS[1:]:
        if name in data:
            text = str(data[name] or "").strip()
            if len(text) > MAX_TEXT:
                errors.append(FieldError(name, f"longer than {MAX_TEXT} characters", text[:40] + "…"))
            values[name] = text if name in ("notes",) else (text or None)
    for name, check in (("phone", contacts.normalise_phone), ("phone_alt", contacts.normalise_phone),
                        ("email", contacts.normalise_email), ("wechat", contacts.normalise_wechat)):
        if name in data:
            try:
                values[name] = check(data[name])
            except ValueError as error:
                errors.append(FieldError(name, str(error).split(":")[0], data[name]))
    for name in DATE_FIELDS:
        if name in data:
            try:
                values[name] = parse_date(data[name], name)
            except ValueError:
                errors.append(FieldError(name, "not a date (use YYYY-MM-DD)", data[name]))
    for name in BOOL_FIELDS:
        if name in data:
            values[name] = _boolean(data[name])
    for name in COUNT_FIELDS:
        if name in data:
            try:
                number = int(str(data[name] or 0).replace(",", "").strip() or 0)
                if number < 0:
                    raise ValueError
                values[name] = number
            except ValueError:
                errors.append(FieldError(name, "must be a whole number, zero or more", data[name]))
    if "reputation_rank" in data:
        raw = data["reputation_rank"]
        if raw in (None, ""):
            values["reputation_rank"] = None
        else:
            try:
                rank = int(raw)
                if not 1 <= rank <= 5:
                    raise ValueError
                values["reputation_rank"] = rank
            except (TypeError, ValueError):
                errors.append(FieldError("reputation_rank", "must be 1 to 5", raw))
    for name, table in (("kind", CLIENT_KINDS), ("industry", INDUSTRIES), ("source", SOURCES),
                        ("consent_channel", CONSENT_CHANNELS)):
        if name in data:
            raw = data[name]
            if raw in (None, ""):
                values[name] = "individual" if name == "kind" else None
            else:
                key = lookup(table, str(raw))
                if key is None:
                    errors.append(FieldError(name, f"unknown value; use one of {', '.join(table)}", raw))
                values[name] = key
    if "kind" not in data and not partial:
        values["kind"] = "individual"
    for name, table in (("needs", NEEDS), ("styles", STYLES)):
        if name in data:
            values[name] = _vocab_list(data[name], table, name, errors)
    if values.get("consent") and "consent_on" in values and values["consent_on"] is None and not partial:
        values["consent_on"] = date.today()
    return values, errors


def _boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower() in ("1", "y", "yes", "true", "是", "同意", "有", "x", "✓")


def find_duplicates(phone=None, phone_alt=None, wechat=None, email=None, exclude_id=None) -> list[Duplicate]:
    """Other live clients that already have one of these (normalised) contact values."""
    found = []
    checks = [("phone", phone), ("phone", phone_alt), ("wechat", wechat), ("email", email)]
    for field, value in checks:
        if not value:
            continue
        columns = (Client.phone, Client.phone_alt) if field == "phone" else (getattr(Client, field),)
        condition = columns[0] == value
        for column in columns[1:]:
            condition |= column == value
        query = Client.select(Client.id, Client.name).where(condition & Client.deleted_at.is_null())
        if exclude_id is not None:
            query = query.where(Client.id != exclude_id)
        for client in query:
            found.append(Duplicate(client.id, client.name, field, value))
    return found


def _referrer_of(client_id):
    row = Client.select(Client.referred_by).where(Client.id == client_id).tuples().first()
    return row[0] if row else None


def check_referrer(client_id, referrer_id) -> None:
    """Raise ValidationError naming the chain if the link would form a cycle."""
    if referrer_id is None:
        return
    if not Client.select().where(Client.id == referrer_id).exists():
        raise ValidationError([FieldError("referred_by", "no such client", referrer_id)])
    try:
        referral_rules.check_referrer(client_id, referrer_id, _referrer_of)
    except referral_rules.ReferralCycle as cycle:
        names = dict(Client.select(Client.id, Client.name).where(Client.id.in_(cycle.chain)).tuples())
        chain = " → ".join(names.get(i, "?") for i in cycle.chain)
        raise ValidationError([FieldError("referred_by", f"this would make a referral cycle: {chain}",
                                          names.get(referrer_id, referrer_id))]) from None


def refresh_search(client_ids) -> None:
    """Rebuild the search keys of these clients."""
    ids = list(client_ids)
    if not ids:
        return
    tags = {}
    for cid, name in (ClientTag.select(ClientTag.client, Tag.name).join(Tag)
                      .where(ClientTag.client.in_(ids)).tuples()):
        tags.setdefault(cid, []).append(name)
    rows = []
    for c in Client.select(Client.id, Client.name, Client.contact_person, Client.phone, Client.phone_alt,
                           Client.wechat, Client.email).where(Client.id.in_(ids)):
        rows.append({"client": c.id, "text": search_text(c.name, c.contact_person, (c.phone, c.phone_alt),
                                                         c.wechat, c.email, tags.get(c.id, ())),
                     "sort_key": sort_key(c.name)})
    ClientSearch.replace_many(rows).execute()


def create_client(data: dict, *, as_of: date | None = None, allow_duplicates: bool = False,
                  staff: str | None = None, first_event: tuple | None = None) -> int:
    """Add a client (name and phone suffice). Raises ValidationError; with
    `allow_duplicates` False a contact value another client has is an error too.
    `first_event` (kind, text, occurred_at), e.g. the inquiry of the call that brought
    them, is written in the same transaction."""
    values, errors = clean_client(data)
    referrer = data.get("referred_by")
    if errors:
        raise ValidationError(errors)
    if not allow_duplicates:
        dupes = find_duplicates(values.get("phone"), values.get("phone_alt"), values.get("wechat"),
                                values.get("email"))
        if dupes:
            raise ValidationError([FieldError(d.field, f"already belongs to {d.name} (#{d.client_id})", d.value)
                                   for d in dupes])
    as_of = as_of or date.today()
    with database.atomic():
        values.setdefault("first_seen_on", as_of)
        if values["first_seen_on"] is None:
            values["first_seen_on"] = as_of
        client = Client.create(**values, ref=(str(data["ref"]).strip() or None) if data.get("ref") else None)
        if referrer not in (None, ""):
            check_referrer(client.id, int(referrer))
            client.referred_by = int(referrer)
            client.save(only=[Client.referred_by])
        if data.get("tags"):
            _write_tags(client.id, data["tags"])
        if data.get("family"):
            set_family(client.id, data["family"], recompute=False)
        if first_event:
            kind, text, occurred_at = first_event
            Event.create(client=client.id, occurred_at=occurred_at or now(), kind=kind, text=text or "",
                         staff=staff, is_activity=kind in ACTIVITY_KINDS)
        refresh_search([client.id])
        recompute_clients([client.id], as_of, staff=staff)
    return client.id


def update_client(client_id: int, data: dict, *, as_of: date | None = None, allow_duplicates: bool = True,
                  staff: str | None = None) -> None:
    """Change some fields of a client; only the fields given are touched."""
    client = get_model(client_id)
    values, errors = clean_client(data, partial=True)
    if "referred_by" in data:
        referrer = data["referred_by"]
        referrer = int(referrer) if referrer not in (None, "") else None
        try:
            check_referrer(client_id, referrer)
        except ValidationError as error:
            errors.extend(error.errors)
        values["referred_by"] = referrer
    if errors:
        raise ValidationError(errors)
    if not allow_duplicates:
        dupes = find_duplicates(values.get("phone"), values.get("phone_alt"), values.get("wechat"),
                                values.get("email"), exclude_id=client_id)
        if dupes:
            raise ValidationError([FieldError(d.field, f"already belongs to {d.name} (#{d.client_id})", d.value)
                                   for d in dupes])
    if values.get("consent") and not client.consent and not values.get("consent_on"):
        values["consent_on"] = as_of or date.today()
    with database.atomic():
        if values:
            values["updated_at"] = now()
            Client.update(**values).where(Client.id == client_id).execute()
        if "tags" in data:
            _write_tags(client_id, data["tags"])
        if "family" in data:
            set_family(client_id, data["family"], recompute=False)
        refresh_search([client_id])
        affected = {client_id, client.referred_by_id, values.get("referred_by")}
        recompute_clients(affected, as_of or date.today(), staff=staff)


def get_model(client_id: int) -> Client:
    client = Client.get_or_none(Client.id == client_id)
    if client is None:
        raise NotFound(f"no client #{client_id}")
    return client


def find_client(key: str) -> Client:
    """A client by id, ref, phone (any format) or exact name; NotFound or, for a name
    several clients share, ValueError listing them."""
    key = str(key).strip()
    if key.isdigit() and len(key) < 10:
        client = Client.get_or_none(Client.id == int(key))
        if client:
            return client
    client = Client.get_or_none(Client.ref == key)
    if client:
        return client
    try:
        phone = contacts.normalise_phone(key)
    except ValueError:
        phone = None
    if phone:
        client = Client.get_or_none((Client.phone == phone) | (Client.phone_alt == phone))
        if client:
            return client
    named = list(Client.select().where(Client.name == key).limit(10))
    if len(named) == 1:
        return named[0]
    if named:
        raise ValueError(f"{len(named)} clients are called {key}: use an id "
                         f"({', '.join('#' + str(c.id) for c in named)})")
    raise NotFound(f"no client matches {key!r} (id, ref, phone or exact name)")


def _write_tags(client_id: int, names) -> None:
    if isinstance(names, str):
        names = names.replace("，", ",").replace("、", ",").replace(";", ",").split(",")
    wanted = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    ClientTag.delete().where(ClientTag.client == client_id).execute()
    for name in wanted:
        tag, _ = Tag.get_or_create(name=name)
        ClientTag.insert(client=client_id, tag=tag.id).on_conflict_ignore().execute()


def tags_of(client_id: int) -> list[str]:
    return [t for (t,) in Tag.select(Tag.name).join(ClientTag).where(ClientTag.client == client_id)
            .order_by(Tag.name).tuples()]


def all_tags() -> list[str]:
    return [t for (t,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]


def clean_family_member(member: dict, index: int) -> tuple[dict, list[FieldError]]:
    errors = []
    relation = lookup(RELATIONS, str(member.get("relation") or "other")) or None
    if relation is None:
        errors.append(FieldError(f"family[{index}].relation", "unknown relation", member.get("relation")))
    try:
        birthday = parse_date(member.get("birthday"), "birthday")
    except ValueError:
        errors.append(FieldError(f"family[{index}].birthday", "not a date (use YYYY-MM-DD)",
                                 member.get("birthday")))
        birthday = None
    name = str(member.get("name") or "").strip()
    if not name and birthday is None:
        errors.append(FieldError(f"family[{index}].name", "a family member needs a name or a birthday", ""))
    return {"relation": relation, "name": name, "birthday": birthday,
            "birthday_lunar": _boolean(member.get("birthday_lunar")), "gender": member.get("gender") or None,
            "note": str(member.get("note") or "")}, errors


def set_family(client_id: int, members: list[dict], *, recompute: bool = True) -> None:
    """Replace the client's family members (rows with a uuid keep it)."""
    cleaned, errors = [], []
    for i, member in enumerate(members):
        values, problems = clean_family_member(member, i)
        errors.extend(problems)
        cleaned.append((member.get("uuid"), values))
    if errors:
        raise ValidationError(errors)
    with database.atomic():
        keep = [u for u, _ in cleaned if u]
        FamilyMember.delete().where((FamilyMember.client == client_id) & FamilyMember.uuid.not_in(keep)).execute()
        for member_uuid, values in cleaned:
            if member_uuid and FamilyMember.select().where(FamilyMember.uuid == member_uuid).exists():
                FamilyMember.update(**values).where(FamilyMember.uuid == member_uuid).execute()
            else:
                FamilyMember.create(client=client_id, uuid=member_uuid or new_uuid(), **values)


def family_of(client_id: int) -> list[dict]:
    return list(FamilyMember.select().where(FamilyMember.client == client_id)
                .order_by(FamilyMember.relation, FamilyMember.birthday).dicts())


def _log_manual(client_id, old, new, text, staff, data, as_of):
    Event.create(client=client_id, occurred_at=event_stamp(as_of), kind="stage_change", text=text, staff=staff,
                 is_activity=False, stage_from=old, stage_to=new,
                 data=json.dumps({**data, "auto": False}, ensure_ascii=False))


def mark_lost(client_id: int, reason: str, note: str = "", *, as_of: date | None = None,
              staff: str | None = None) -> None:
    """Mark a client lost with a reason (domain.md §3): churned until a newer order."""
    client = get_model(client_id)
    stage_rules.check_mark_lost(reason, note, client.lost_on is not None and client.stage == "churned")
    as_of = as_of or date.today()
    lang = language()
    from lifecrm_gui.domain.vocab import LOST_REASONS
    with database.atomic():
        Client.update(lost_on=as_of, lost_reason=reason, lost_note=note or "", updated_at=now()) \
            .where(Client.id == client_id).execute()
        text = (f"{label(STAGES, client.stage, lang)} → {label(STAGES, 'churned', lang)}: "
                f"{label(LOST_REASONS, reason, lang)}" + (f" — {note}" if note else ""))
        _log_manual(client_id, client.stage, "churned", text, staff,
                    {"reason": {"code": "lost", "params": {"reason": reason, "on": as_of.isoformat()}},
                     "note": note, "as_of": as_of.isoformat()}, as_of)
        Client.update(stage="churned").where(Client.id == client_id).execute()
        recompute_clients([client_id], as_of, staff=staff)


def reopen(client_id: int, *, as_of: date | None = None, staff: str | None = None) -> None:
    """Take back a lost mark; the stage follows from the facts again."""
    client = get_model(client_id)
    stage_rules.check_reopen(client.lost_on is not None)
    as_of = as_of or date.today()
    with database.atomic():
        Client.update(lost_on=None, lost_reason=None, lost_note=None, updated_at=now()) \
            .where(Client.id == client_id).execute()
        recompute_clients([client_id], as_of, staff=staff)


def set_manual_stage(client_id: int, target: str, *, as_of: date | None = None, staff: str | None = None) -> None:
    """Move a client without orders between lead and prospect; anything else is refused
    with the reason (TransitionRefused)."""
    client = get_model(client_id)
    stage_rules.check_manual_stage(target, client.order_count)
    as_of = as_of or date.today()
    with database.atomic():
        Client.update(manual_stage=target, manual_stage_on=as_of, updated_at=now()) \
            .where(Client.id == client_id).execute()
        recompute_clients([client_id], as_of, staff=staff)


def pin_class(client_id: int, client_class: str | None, *, as_of: date | None = None) -> None:
    if client_class is not None and client_class not in CLASSES:
        raise ValidationError([FieldError("class_pin", "unknown class", client_class)])
    get_model(client_id)
    with database.atomic():
        Client.update(class_pin=client_class, updated_at=now()).where(Client.id == client_id).execute()
        recompute_clients([client_id], as_of or date.today())


def trash_client(client_id: int, *, as_of: date | None = None) -> None:
    """Soft delete: the client leaves lists and figures and can be restored."""
    client = get_model(client_id)
    with database.atomic():
        Client.update(deleted_at=now()).where(Client.id == client_id).execute()
        if client.referred_by_id:
            recompute_clients([client.referred_by_id], as_of or date.today())


def restore_client(client_id: int, *, as_of: date | None = None) -> None:
    get_model(client_id)
    with database.atomic():
        Client.update(deleted_at=None).where(Client.id == client_id).execute()
        recompute_clients([client_id], as_of or date.today())


def trashed_clients() -> list[dict]:
    return list(Client.select(Client.id, Client.name, Client.phone, Client.deleted_at)
                .where(Client.deleted_at.is_null(False)).order_by(Client.deleted_at.desc()).dicts())


def erase_client(client_id: int) -> None:
    """Erase for good (a privacy request): the client, their family, orders, timeline,
    tasks and campaign rows; with secure_delete on and the WAL checkpointed, nothing
    of them remains readable in the database file. Backups still hold them."""
    client = get_model(client_id)
    referrer = client.referred_by_id
    with database.atomic():
        Client.delete().where(Client.id == client_id).execute()
        if referrer:
            recompute_clients([referrer], date.today())
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def export_client_data(client_id: int) -> dict:
    """Everything held about one client (an access request), as plain JSON-ready data."""
    from .timeline import list_events, list_orders
    client = get_model(client_id)
    profile = {k: (v.isoformat() if isinstance(v, (date, datetime)) else v)
               for k, v in client.__data__.items()}

    def plain(rows):
        return [{k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in r.items()} for r in rows]

    return {"client": profile, "tags": tags_of(client_id), "family": plain(family_of(client_id)),
            "orders": plain(list_orders(client_id)), "timeline": plain(list_events(client_id))}
