"""Merging another LifeCRM database (a field laptop's) into the open one.

Clients are matched by UUID (the same record, or one matched in an earlier merge),
then by normalised phone (either phone column), WeChat id or email. A matched
client's empty fields are filled from the incoming record; where both hold a
different value the field goes to a review list (merge_conflict) that a person
resolves: keep ours or take theirs. Timelines, orders, family members, tags and
tasks come over with their UUIDs; a row whose UUID is already here is not copied
twice. Each merge is logged with the source's identity (its "database_uuid"
setting) and a digest of its rows, so merging the same file again changes
nothing. A verified backup is taken first, and the merge is one transaction.
"""

import hashlib
import json
import logging
import re
import sqlite3
import tempfile
import time as clock
import uuid as uuid_module
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from peewee import chunked

from lifecrm_gui.domain.vocab import (CLASSES, CLIENT_KINDS, CONSENT_CHANNELS, INDUSTRIES, LOST_REASONS, SOURCES,
                                      STAGES, label)
from lifecrm_gui.store.campaign_schema import CampaignDetail
from lifecrm_gui.store.db import (NewerDatabaseError, make_database, migrate, open_plain, schema_version, table_digests,
                                  verified_copy)
from lifecrm_gui.store.merge_models import MergeAlias, MergeConflict, MergeLog
from lifecrm_gui.store.migrations import DATABASE_UUID, LATEST_VERSION
from lifecrm_gui.store.models import (Campaign, CampaignRecipient, Client, ClientTag, Event, FamilyMember, Order,
                                      Setting, Tag, Task, database, now)
from lifecrm_gui.store.queries import DERIVED_COLUMNS

from . import contacts
from .backup import verify_backup
from .errors import FieldError, NotFound, ValidationError
from .recompute import Cancelled, recompute, recompute_clients

log = logging.getLogger(__name__)

PHONES = ("phone", "phone_alt")
# Fields that move together: the first one decides whether the group is empty.
GROUPS = (("consent", "consent_on", "consent_channel"), ("lost_on", "lost_reason", "lost_note"),
          ("manual_stage", "manual_stage_on"))
UNION_LISTS = ("styles", "needs")
APPENDED = ("notes",)
EARLIEST = ("first_seen_on",)
NOT_MERGED = frozenset({"id", "uuid", "ref", "referred_by", "created_at", "updated_at", "deleted_at",
                        *DERIVED_COLUMNS})
# Above this many clients a merge re-derives the whole studio in one pass.
RECOMPUTE_ALL_ABOVE = 5000


class MergeRefused(ValueError):
    """The file cannot be merged; the message says why. Nothing was changed."""


@dataclass
class MergeSummary:
    source: str
    source_uuid: str = ""
    digest: str = ""
    merge_id: int | None = None
    already_merged: bool = False
    new_clients: int = 0
    matched: int = 0
    conflicts: int = 0
    rows_added: dict = field(default_factory=dict)
    backup: str | None = None
    warnings: list = field(default_factory=list)
    client_ids: list = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "client_ids"} | {"clients": len(self.client_ids)}


# ---- the rules for one client's fields (pure) ----

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def phone_key(value) -> str | None:
    """A phone as it is compared: E.164 when valid ("138 0013 8000" and
    "+86 138-0013-8000" are both +8613800138000), else its digits."""
    if value is None:
        return None
    text = str(value).strip()
    if _E164.match(text):
        return text  # stored phones are normalised already: no need to parse them again
    return _parsed_phone_key(text) if text else None


@lru_cache(maxsize=65536)
def _parsed_phone_key(text: str) -> str | None:
    try:
        return contacts.normalise_phone(text)
    except ValueError:
        digits = "".join(c for c in text if c.isdigit())
        return digits or None


def _text_key(value) -> str | None:
    text = str(value).strip().casefold() if value is not None else ""
    return text or None


def _empty(value) -> bool:
    return value is None or value is False or value == "" or (isinstance(value, int) and value == 0)


CASELESS = ("email", "wechat")


def _same(name: str, a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        if name in CASELESS:
            return a.strip().casefold() == b.strip().casefold()
        return a.strip() == b.strip()
    return a == b


def combine_client(ours: dict, theirs: dict) -> tuple[dict, list[tuple[str, object, object]]]:
    """How an incoming record combines with ours: (changes to make to ours, conflicts
    as (field, our value, their value)). Empty fields of ours are filled; phones go
    to a free phone column; needs and styles are united; notes appended; the
    earliest first-seen date kept; consent, a lost mark and a manual stage move as
    groups; any other field both hold differently is a conflict."""
    changes, conflicts = {}, []
    grouped = {f for group in GROUPS for f in group}
    for group in GROUPS:
        head = group[0]
        if _empty(ours.get(head)) and not _empty(theirs.get(head)):
            changes.update({f: theirs.get(f) for f in group})
        elif not _empty(ours.get(head)):
            changes.update({f: theirs[f] for f in group[1:] if _empty(ours.get(f)) and not _empty(theirs.get(f))})
    ours_phones = {phone_key(ours.get(p)) for p in PHONES} - {None}
    free = [p for p in PHONES if _empty(ours.get(p))]
    for column in PHONES:
        value = theirs.get(column)
        key = phone_key(value)
        if key is None or key in ours_phones:
            continue
        ours_phones.add(key)
        stored = key if key.startswith("+") else str(value).strip()
        if free:
            changes[free.pop(0)] = stored
        else:
            conflicts.append(("phone_alt", ours.get("phone_alt"), stored))
    for name in UNION_LISTS:
        mine = [v for v in (ours.get(name) or "").split(",") if v]
        added = [v for v in (theirs.get(name) or "").split(",") if v and v not in mine]
        if added:
            changes[name] = ",".join(mine + added)
    for name in APPENDED:
        mine, incoming = (ours.get(name) or "").strip(), (theirs.get(name) or "").strip()
        if incoming and incoming not in mine:
            changes[name] = f"{mine}\n{incoming}" if mine else incoming
    for name in EARLIEST:
        mine, incoming = ours.get(name), theirs.get(name)
        if incoming is not None and (mine is None or incoming < mine):
            changes[name] = incoming
    handled = grouped | set(PHONES) | set(UNION_LISTS) | set(APPENDED) | set(EARLIEST) | NOT_MERGED
    for name, incoming in theirs.items():
        if name in handled or _empty(incoming):
            continue
        mine = ours.get(name)
        if _empty(mine):
            changes[name] = incoming
        elif not _same(name, mine, incoming):
            conflicts.append((name, mine, incoming))
    return changes, conflicts


# ---- reading the incoming database ----

def _rows(model, db, *where) -> list[dict]:
    query = model.select()
    if where:
        query = query.where(*where)
    return list(query.order_by(*model._meta.get_primary_keys()).dicts().execute(db))


def _source_identity(path: Path) -> str:
    """The source's database_uuid setting, created on first use; when the file cannot
    be written (a read-only stick), an identity derived from its path."""
    db = open_plain(path)
    try:
        db.connect()
        row = Setting.select(Setting.value).where(Setting.key == DATABASE_UUID).tuples().execute(db)
        found = [json.loads(v) for (v,) in row]
        if found and found[0]:
            return str(found[0])
        value = str(uuid_module.uuid4())
        try:
            with db.atomic():
                Setting.insert(key=DATABASE_UUID, value=json.dumps(value)).on_conflict_ignore().execute(db)
            return value
        except sqlite3.OperationalError as error:
            log.warning("could not record an identity in %s (%s); using its path", path, error)
            return "path:" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]
    finally:
        db.close()


def content_digest(conn: sqlite3.Connection) -> str:
    digest = hashlib.sha256()
    for table, value in sorted(table_digests(conn).items()):
        digest.update(f"{table}={value}\n".encode())
    return digest.hexdigest()


class _Source:
    """The incoming database, opened read-only, or a migrated copy of it when its
    schema is older."""

    def __init__(self, path: Path):
        self.path = path
        self._folder = None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = schema_version(conn)
        finally:
            conn.close()
        if version > LATEST_VERSION:
            raise MergeRefused(str(NewerDatabaseError(path, version)))
        if version < LATEST_VERSION:
            self._folder = tempfile.TemporaryDirectory(prefix="lifecrm-merge-")
            copy = Path(self._folder.name) / "incoming.sqlite3"
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            try:
                verified_copy(source, copy)
            finally:
                source.close()
            self.db = make_database(copy)
            self.db.connect()
            migrate(self.db)
        else:
            self.db = open_plain(path, query_only=True)
            self.db.connect()

    def close(self) -> None:
        if not self.db.is_closed():
            self.db.close()
        if self._folder is not None:
            self._folder.cleanup()


# ---- the merge ----

def merge_database(source_path: Path | str, *, as_of: date | None = None, progress=None,
                   should_cancel=None) -> MergeSummary:
    """Merge the LifeCRM database at `source_path` into the open one; see the module's
    docstring. Raises MergeRefused (nothing changed) for a file that cannot be merged."""
    from .backups import backup_before

    started = clock.perf_counter()
    path = Path(source_path)
    as_of = as_of or date.today()
    summary = MergeSummary(source=str(path))
    if not path.is_file():
        raise MergeRefused(f"{path}: no such file")
    own = Path(database.obj.database)
    if own.exists() and path.resolve() == own.resolve():
        raise MergeRefused(f"{path} is the open database itself")
    verdict = verify_backup(path)
    if verdict != "ok":
        raise MergeRefused(f"{path} cannot be merged: {verdict}. Nothing was changed.")
    _report(progress, 0, 0)
    summary.source_uuid = _source_identity(path)
    source = _Source(path)
    try:
        summary.digest = content_digest(source.db.connection())
        previous = MergeLog.get_or_none((MergeLog.source_uuid == summary.source_uuid) &
                                        (MergeLog.source_digest == summary.digest))
        if previous is not None:
            summary.already_merged = True
            summary.merge_id = previous.id
            summary.seconds = clock.perf_counter() - started
            return summary
        summary.backup = str(backup_before("merge").path)
        with database.atomic():
            _Merge(source.db, summary, as_of, progress, should_cancel).run()
    finally:
        source.close()
    summary.seconds = clock.perf_counter() - started
    log.info("merged %s: %d new, %d matched, %d conflicts, rows %s", path, summary.new_clients,
             summary.matched, summary.conflicts, summary.rows_added)
    return summary


def _report(progress, done, total) -> None:
    if progress is not None:
        progress(done, total)


class _Merge:
    STEPS = 8

    def __init__(self, src, summary: MergeSummary, as_of: date, progress, should_cancel):
        self.src = src
        self.summary = summary
        self.as_of = as_of
        self.progress = progress
        self.should_cancel = should_cancel
        self.step = 0
        self.log = MergeLog.create(source_uuid=summary.source_uuid, source_digest=summary.digest,
                                   source_path=summary.source)
        self.client_map: dict[int, int] = {}  # source client id -> our client id
        self.new_ids: set[int] = set()
        self.changed_ids: set[int] = set()
        self.added = {name: 0 for name in ("clients", "events", "orders", "family", "tags", "tasks", "campaigns",
                                           "campaign_recipients")}

    def _next(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled()
        self.step += 1
        _report(self.progress, self.step, self.STEPS)

    def run(self) -> None:
        self._next()
        self._clients()
        self._next()
        campaigns = self._campaigns()
        self._next()
        orders = self._orders(campaigns)
        self._next()
        self._events(orders, campaigns)
        self._next()
        self._family()
        self._tags()
        self._tasks()
        self._next()
        self._recipients(orders, campaigns)
        self._next()
        affected = sorted(self.new_ids | self.changed_ids)
        self._refresh_search(affected)
        if len(affected) > RECOMPUTE_ALL_ABOVE:
            recompute(self.as_of)
        elif affected:
            recompute_clients(affected, self.as_of)
        self._next()
        s = self.summary
        s.new_clients = len(self.new_ids)
        s.rows_added = dict(self.added)
        s.client_ids = affected
        s.merge_id = self.log.id
        MergeLog.update(summary=json.dumps(s.to_dict(), ensure_ascii=False, default=str), backup_path=s.backup) \
            .where(MergeLog.id == self.log.id).execute()

    # -- clients --

    def _clients(self) -> None:
        incoming = _rows(Client, self.src)
        by_uuid, by_phone, by_wechat, by_email = {}, {}, {}, {}
        for cid, uuid, phone, phone_alt, wechat, email, deleted in Client.select(
                Client.id, Client.uuid, Client.phone, Client.phone_alt, Client.wechat, Client.email,
                Client.deleted_at).tuples():
            by_uuid[uuid] = cid
            if deleted is None:
                for value in (phone, phone_alt):
                    by_phone.setdefault(phone_key(value), cid)
                by_wechat.setdefault(_text_key(wechat), cid)
                by_email.setdefault(_text_key(email), cid)
        for key in (by_phone, by_wechat, by_email):
            key.pop(None, None)
        aliases = dict(MergeAlias.select(MergeAlias.uuid, MergeAlias.client).tuples())

        # Decide each incoming client's target: one of ours, or a new client (by its UUID).
        targets, pending = {}, {}
        for row in incoming:
            target = by_uuid.get(row["uuid"]) or aliases.get(row["uuid"])
            if target is None:
                keys = [(by_phone, phone_key(row.get(p))) for p in PHONES]
                keys += [(by_wechat, _text_key(row.get("wechat"))), (by_email, _text_key(row.get("email")))]
                target = next((index[k] for index, k in keys if k is not None and k in index), None)
            if target is None:
                target = ("new", row["uuid"])
                pending[row["uuid"]] = row
                by_uuid[row["uuid"]] = target
                for p in PHONES:
                    key = phone_key(row.get(p))
                    if key:
                        by_phone.setdefault(key, target)
                for index, value in ((by_wechat, row.get("wechat")), (by_email, row.get("email"))):
                    if _text_key(value):
                        index.setdefault(_text_key(value), target)
            targets[row["id"]] = target

        ours = self._load_ours({t for t in targets.values() if not isinstance(t, tuple)})
        working = {("new", u): dict(r) for u, r in pending.items()}
        working.update(ours)
        conflicts, changes, aliases_new = [], {}, []
        for row in incoming:
            target = targets[row["id"]]
            if isinstance(target, tuple) and target[1] == row["uuid"]:
                continue  # the new client itself
            current = working[target]
            if current["uuid"] == row["uuid"]:
                if not isinstance(target, tuple):
                    self.summary.matched += 1
                    made, found = combine_client(current, row)
                else:
                    made, found = {}, []
            else:
                self.summary.matched += not isinstance(target, tuple)
                made, found = combine_client(current, row)
                if row["uuid"] not in aliases:
                    aliases_new.append((row["uuid"], target))
            current.update(made)
            changes.setdefault(target, {}).update(made)
            conflicts.extend((target, name, mine, theirs) for name, mine, theirs in found)

        new_ids = self._insert_new(working, pending)
        resolve = {**{t: t for t in ours}, **{("new", u): i for u, i in new_ids.items()}}
        self.new_ids = set(new_ids.values())
        for source_id, target in targets.items():
            self.client_map[source_id] = resolve[target]
        stamp = now()
        for target, made in changes.items():
            if made and not isinstance(target, tuple):
                Client.update(**made, updated_at=stamp).where(Client.id == target).execute()
                self.changed_ids.add(target)
        for uuid, target in aliases_new:
            MergeAlias.insert(uuid=uuid, client=resolve[target], merge=self.log.id).on_conflict_ignore().execute()
        self._referrers(incoming, working, resolve, targets, conflicts)
        self._record_conflicts([(resolve[t], name, mine, theirs) for t, name, mine, theirs in conflicts])

    def _load_ours(self, ids) -> dict:
        rows = {}
        for chunk in chunked(sorted(ids), 500):
            for row in Client.select().where(Client.id.in_(chunk)).dicts():
                rows[row["id"]] = row
        return rows

    def _insert_new(self, working, pending) -> dict[str, int]:
        """Insert the new clients (referrers are linked afterwards); their UUIDs -> ids."""
        if not pending:
            return {}
        refs = [working[("new", u)].get("ref") for u in pending]
        taken = set()
        for chunk in chunked([r for r in refs if r], 500):
            taken.update(r for (r,) in Client.select(Client.ref).where(Client.ref.in_(chunk)).tuples())
        columns = [f.name for f in Client._meta.sorted_fields if f.name not in ("id", "referred_by")]
        rows = []
        for uuid in pending:
            row = {c: working[("new", uuid)].get(c) for c in columns}
            if row["ref"] in taken:
                self.summary.warnings.append(
                    f"{row['name']}: the reference {row['ref']!r} already belongs to another client here, so it "
                    "was left empty")
                row["ref"] = None
            rows.append(row)
        for chunk in chunked(rows, max(1, 20000 // len(columns))):
            Client.insert_many(chunk).execute()
        self.added["clients"] = len(rows)
        ids = {}
        for chunk in chunked(list(pending), 500):
            ids.update(Client.select(Client.uuid, Client.id).where(Client.uuid.in_(chunk)).tuples())
        return ids

    def _referrers(self, incoming, working, resolve, targets, conflicts) -> None:
        """Link referrers once every incoming client has an id here, never making a cycle."""
        from .clients import check_referrer

        for row in incoming:
            if row["referred_by"] is None or row["referred_by"] not in self.client_map:
                continue
            client_id = self.client_map[row["id"]]
            referrer = self.client_map[row["referred_by"]]
            if referrer == client_id:
                continue
            current = Client.select(Client.referred_by).where(Client.id == client_id).scalar()
            if current == referrer:
                continue
            if current is not None:
                conflicts.append((client_id, "referred_by", current, referrer))
                resolve.setdefault(client_id, client_id)
                continue
            try:
                check_referrer(client_id, referrer)
            except ValidationError as error:
                self.summary.warnings.append(f"{working[targets[row['id']]]['name']}: {error}")
                continue
            Client.update(referred_by=referrer).where(Client.id == client_id).execute()
            if client_id not in self.new_ids:
                self.changed_ids.add(client_id)
            self.changed_ids.add(referrer)

    def _record_conflicts(self, found) -> None:
        if not found:
            return
        known = set()
        ids = sorted({c for c, *_ in found})
        for chunk in chunked(ids, 500):
            known.update(MergeConflict.select(MergeConflict.client, MergeConflict.field, MergeConflict.theirs)
                         .where(MergeConflict.client.in_(chunk)).tuples())
        for client_id, name, mine, theirs in found:
            key = (client_id, name, _json(theirs))
            if key in known:
                continue
            known.add(key)
            MergeConflict.create(merge=self.log.id, client=client_id, field=name, ours=_json(mine),
                                 theirs=_json(theirs))
            self.summary.conflicts += 1
            self.changed_ids.add(client_id)

    # -- the rows that hang off clients --

    def _copy(self, model, rows, name, remap) -> dict[str, int]:
        """Insert the rows whose UUID is not here yet (after `remap` fixes their
        references, or drops them by returning None); every row's UUID -> our id."""
        uuids = [r["uuid"] for r in rows]
        here = {}
        for chunk in chunked(uuids, 500):
            here.update(model.select(model.uuid, model.id).where(model.uuid.in_(chunk)).tuples())
        fresh = []
        for row in rows:
            if row["uuid"] in here:
                continue
            mapped = remap(dict(row))
            if mapped is not None:
                mapped.pop("id", None)
                fresh.append(mapped)
        if fresh:
            width = len(fresh[0])
            for chunk in chunked(fresh, max(1, 20000 // width)):
                model.insert_many(chunk).execute()
            for chunk in chunked([r["uuid"] for r in fresh], 500):
                here.update(model.select(model.uuid, model.id).where(model.uuid.in_(chunk)).tuples())
            for row in fresh:
                if "client" in row:
                    self.changed_ids.add(row["client"])
        self.added[name] += len(fresh)
        return here

    def _campaigns(self) -> dict[int, int]:
        rows = _rows(Campaign, self.src)
        known = set()
        for chunk in chunked([r["uuid"] for r in rows], 500):
            known.update(u for (u,) in Campaign.select(Campaign.uuid).where(Campaign.uuid.in_(chunk)).tuples())
        ids = self._copy(Campaign, rows, "campaigns", lambda r: r)
        mapping = {r["id"]: ids[r["uuid"]] for r in rows}
        fresh = {r["id"] for r in rows if r["uuid"] not in known}
        details = [dict(d, campaign=mapping[d["campaign"]]) for d in _rows(CampaignDetail, self.src)
                   if d["campaign"] in fresh]
        if details:
            CampaignDetail.insert_many(details).execute()
        return mapping

    def _orders(self, campaigns) -> dict[int, int]:
        rows = _rows(Order, self.src)

        def remap(row):
            row["client"] = self.client_map[row["client"]]
            row["campaign"] = campaigns.get(row["campaign"])
            return row

        ids = self._copy(Order, rows, "orders", remap)
        return {r["id"]: ids[r["uuid"]] for r in rows if r["uuid"] in ids}

    def _events(self, orders, campaigns) -> None:
        rows = _rows(Event, self.src)

        def remap(row):
            client = self.client_map[row["client"]]
            # Stage changes are the derivations of the other database: ours re-derives
            # a client it already had (recompute); a new client brings its history.
            if row["kind"] == "stage_change" and client not in self.new_ids:
                return None
            row["client"] = client
            row["order"] = orders.get(row["order"])
            row["campaign"] = campaigns.get(row["campaign"])
            return row

        self._copy(Event, rows, "events", remap)

    def _family(self) -> None:
        rows = _rows(FamilyMember, self.src)
        targets = {self.client_map[r["client"]] for r in rows}
        known = set()
        for chunk in chunked(sorted(targets), 500):
            known.update(FamilyMember.select(FamilyMember.client, FamilyMember.relation, FamilyMember.name,
                                             FamilyMember.birthday).where(FamilyMember.client.in_(chunk)).tuples())

        def remap(row):
            row["client"] = self.client_map[row["client"]]
            key = (row["client"], row["relation"], row["name"], row["birthday"])
            if key in known:
                return None  # the same person, entered on both PCs
            known.add(key)
            return row

        self._copy(FamilyMember, rows, "family", remap)

    def _tasks(self) -> None:
        rows = _rows(Task, self.src)

        def remap(row):
            row["client"] = self.client_map[row["client"]]
            return row

        self._copy(Task, rows, "tasks", remap)

    def _tags(self) -> None:
        names = dict(Tag.select(Tag.id, Tag.name).tuples().execute(self.src))
        pairs = list(ClientTag.select(ClientTag.client, ClientTag.tag).tuples().execute(self.src))
        if not pairs:
            return
        ours = dict(Tag.select(Tag.name, Tag.id).tuples())
        for name in sorted({names[t] for _, t in pairs} - set(ours)):
            ours[name] = Tag.insert(name=name).execute()
        wanted = {(self.client_map[c], ours[names[t]]) for c, t in pairs}
        have = set()
        for chunk in chunked(sorted({c for c, _ in wanted}), 500):
            have.update(ClientTag.select(ClientTag.client, ClientTag.tag).where(ClientTag.client.in_(chunk)).tuples())
        fresh = sorted(wanted - have)
        for chunk in chunked(fresh, 5000):
            ClientTag.insert_many([{"client": c, "tag": t} for c, t in chunk]).execute()
        self.added["tags"] += len(fresh)
        self.changed_ids.update(c for c, _ in fresh)

    def _recipients(self, orders, campaigns) -> None:
        rows = _rows(CampaignRecipient, self.src)
        if not rows:
            return
        have = set(CampaignRecipient.select(CampaignRecipient.campaign, CampaignRecipient.client).tuples())

        def remap(row):
            row["client"] = self.client_map[row["client"]]
            row["campaign"] = campaigns[row["campaign"]]
            row["order"] = orders.get(row["order"])
            if (row["campaign"], row["client"]) in have:
                return None  # the client already had this campaign's message here
            have.add((row["campaign"], row["client"]))
            return row

        self._copy(CampaignRecipient, rows, "campaign_recipients", remap)

    def _refresh_search(self, ids) -> None:
        from .clients import refresh_search

        for chunk in chunked(ids, 2000):
            refresh_search(chunk)


def _json(value) -> str:
    if isinstance(value, (date, datetime)):
        value = value.isoformat()
    return json.dumps(value, ensure_ascii=False)


# ---- the review list ----

def open_conflicts(limit: int | None = None, lang: str = "zh") -> list[dict]:
    """The fields waiting for a person's choice, with the client's name and both values
    as a person reads them (`ours_text`, `theirs_text`), oldest first."""
    query = (MergeConflict.select(MergeConflict.id, MergeConflict.client, Client.name, MergeConflict.field,
                                  MergeConflict.ours, MergeConflict.theirs, MergeLog.source_path,
                                  MergeLog.merged_at)
             .join(Client, on=(MergeConflict.client == Client.id))
             .switch(MergeConflict).join(MergeLog)
             .where(MergeConflict.status == "open").order_by(MergeConflict.id))
    if limit:
        query = query.limit(limit)
    out = []
    for cid, client, name, field_name, ours, theirs, source, merged_at in query.tuples():
        out.append({"id": cid, "client_id": client, "client_name": name, "field": field_name,
                    "ours": json.loads(ours) if ours is not None else None, "theirs": json.loads(theirs),
                    "source": source, "merged_at": merged_at})
    referrers = {v for c in out if c["field"] == "referred_by" for v in (c["ours"], c["theirs"]) if v}
    names = dict(Client.select(Client.id, Client.name).where(Client.id.in_(sorted(referrers))).tuples()) \
        if referrers else {}
    for c in out:
        if c["field"] == "referred_by":
            c["ours_text"] = names.get(c["ours"], "") if c["ours"] else ""
            c["theirs_text"] = names.get(c["theirs"], "")
        else:
            c["ours_text"] = _shown(c["field"], c["ours"], lang)
            c["theirs_text"] = _shown(c["field"], c["theirs"], lang)
    return out


_VOCAB_FIELDS = {"kind": CLIENT_KINDS, "industry": INDUSTRIES, "source": SOURCES,
                 "consent_channel": CONSENT_CHANNELS, "class_pin": CLASSES, "manual_stage": STAGES,
                 "lost_reason": LOST_REASONS}


def _shown(field_name: str, value, lang: str = "zh") -> str:
    """A stored value as a person reads it."""
    if value is None or value == "":
        return ""
    if field_name in _VOCAB_FIELDS:
        return label(_VOCAB_FIELDS[field_name], value, lang)
    if field_name in PHONES:
        return contacts.display_phone(value) if str(value).startswith("+") else str(value)
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)


def conflict_count() -> int:
    return MergeConflict.select().where(MergeConflict.status == "open").count()


def resolve_conflicts(choices: dict[int, str], *, as_of: date | None = None) -> list[int]:
    """Apply a person's choices, {conflict id: "ours" | "theirs"}, in one transaction;
    returns the ids of the clients that changed. Taking theirs writes their value;
    keeping ours leaves the client as it is. A resolved conflict does not come back
    when the same file is merged again."""
    from .clients import check_referrer, refresh_search

    bad = [FieldError("choice", "use ours or theirs", value, row=cid) for cid, value in choices.items()
           if value not in ("ours", "theirs")]
    if bad:
        raise ValidationError(bad)
    changed = set()
    stamp = now()
    with database.atomic():
        for conflict_id, choice in choices.items():
            conflict = MergeConflict.get_or_none(MergeConflict.id == conflict_id)
            if conflict is None:
                raise NotFound(f"no conflict #{conflict_id}")
            if conflict.status != "open":
                continue
            if choice == "theirs":
                value = json.loads(conflict.theirs)
                if conflict.field == "referred_by":
                    check_referrer(conflict.client_id, value)
                elif conflict.field == "ref" and Client.select().where(
                        (Client.ref == value) & (Client.id != conflict.client_id)).exists():
                    raise ValidationError([FieldError("ref", "already belongs to another client", value)])
                column = "referred_by" if conflict.field == "referred_by" else conflict.field
                Client.update({getattr(Client, column): value, Client.updated_at: stamp}) \
                    .where(Client.id == conflict.client_id).execute()
                changed.add(conflict.client_id)
            MergeConflict.update(status="taken" if choice == "theirs" else "kept", resolved_at=stamp) \
                .where(MergeConflict.id == conflict_id).execute()
        if changed:
            refresh_search(sorted(changed))
            recompute_clients(sorted(changed), as_of or date.today())
    return sorted(changed)


def merge_history(limit: int = 50) -> list[dict]:
    rows = []
    for entry in MergeLog.select().order_by(MergeLog.merged_at.desc(), MergeLog.id.desc()).limit(limit):
        rows.append({"id": entry.id, "source": entry.source_path, "merged_at": entry.merged_at,
                     "backup": entry.backup_path, "summary": json.loads(entry.summary or "{}")})
    return rows
