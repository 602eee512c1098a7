"""The schema, as an ordered chain of steps registered in code.

store.db.migrate runs every step a database lacks, each followed by its
`PRAGMA user_version`, in one transaction: a crash leaves the old schema or the
latest, never one in between. Steps are frozen once released: a change to the
schema is a new step.
"""

import json
import uuid

from . import campaign_schema, merge_schema

V1_TABLES = """
CREATE TABLE client (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    ref TEXT UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'individual',
    industry TEXT, contact_person TEXT, salutation TEXT, gender TEXT,
    phone TEXT, phone_alt TEXT, wechat TEXT, email TEXT, address TEXT,
    birthday DATE, birthday_lunar INTEGER NOT NULL DEFAULT 0, wedding_date DATE,
    styles TEXT NOT NULL DEFAULT '', needs TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
    source TEXT, source_detail TEXT,
    referred_by_id INTEGER REFERENCES client (id) ON DELETE SET NULL,
    first_seen_on DATE,
    followers INTEGER NOT NULL DEFAULT 0, engagement INTEGER NOT NULL DEFAULT 0,
    influence_relevant INTEGER NOT NULL DEFAULT 0, reputation_rank INTEGER,
    annual_contract INTEGER NOT NULL DEFAULT 0,
    consent INTEGER NOT NULL DEFAULT 0, consent_on DATE, consent_channel TEXT,
    lost_on DATE, lost_reason TEXT, lost_note TEXT,
    manual_stage TEXT, manual_stage_on DATE, class_pin TEXT,
    deleted_at DATETIME, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
    stage TEXT, tier INTEGER NOT NULL DEFAULT 0, client_class TEXT, quadrant TEXT,
    influence INTEGER NOT NULL DEFAULT 0, frequency INTEGER NOT NULL DEFAULT 0, satisfaction REAL,
    order_count INTEGER NOT NULL DEFAULT 0, spend INTEGER NOT NULL DEFAULT 0,
    first_order_on DATE, last_order_on DATE, last_activity_on DATE,
    ltv_historical INTEGER NOT NULL DEFAULT 0, ltv_projected INTEGER NOT NULL DEFAULT 0,
    ltv_referral INTEGER NOT NULL DEFAULT 0, ltv_total INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX client_phone ON client (phone);
CREATE INDEX client_phone_alt ON client (phone_alt);
CREATE INDEX client_wechat ON client (wechat);
CREATE INDEX client_email ON client (email);
CREATE INDEX client_referred_by_id ON client (referred_by_id);
CREATE INDEX client_stage ON client (stage);

CREATE TABLE family_member (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    relation TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',
    birthday DATE, birthday_lunar INTEGER NOT NULL DEFAULT 0, gender TEXT, note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX family_member_client_id ON family_member (client_id);

CREATE TABLE campaign (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL, playbook TEXT, segment TEXT NOT NULL DEFAULT '{}',
    template TEXT NOT NULL DEFAULT '', channel TEXT NOT NULL DEFAULT 'wechat',
    offer TEXT NOT NULL DEFAULT '', cost INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'draft', starts_on DATE, ends_on DATE, created_at DATETIME NOT NULL
);

CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    ordered_on DATE NOT NULL, category TEXT, package TEXT NOT NULL DEFAULT '',
    amount INTEGER NOT NULL, paid INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL DEFAULT 'booked',
    shoot_on DATE, note TEXT NOT NULL DEFAULT '',
    campaign_id INTEGER REFERENCES campaign (id) ON DELETE SET NULL,
    created_at DATETIME NOT NULL
);
CREATE INDEX orders_shoot_on ON orders (shoot_on);
CREATE INDEX orders_campaign_id ON orders (campaign_id);

CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    occurred_at DATETIME NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL DEFAULT '',
    staff TEXT, satisfaction INTEGER, is_activity INTEGER NOT NULL,
    order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    campaign_id INTEGER REFERENCES campaign (id) ON DELETE SET NULL,
    stage_from TEXT, stage_to TEXT, win_back INTEGER NOT NULL DEFAULT 0, data TEXT,
    created_at DATETIME NOT NULL
);
CREATE INDEX event_client_time ON event (client_id, occurred_at);
CREATE INDEX event_order_id ON event (order_id);
CREATE INDEX event_campaign_id ON event (campaign_id);

CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE client_tag (
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (client_id, tag_id)
);
CREATE INDEX client_tag_tag_id ON client_tag (tag_id);

CREATE TABLE task (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    due_on DATE NOT NULL, title TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', staff TEXT,
    done_at DATETIME, created_at DATETIME NOT NULL
);
CREATE INDEX task_client_id ON task (client_id);
CREATE INDEX task_due_on ON task (due_on);

CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE campaign_recipient (
    id INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'pending', message TEXT NOT NULL DEFAULT '',
    sent_at DATETIME, replied_at DATETIME,
    order_id INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    revenue INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX campaign_recipient_campaign_id_client_id ON campaign_recipient (campaign_id, client_id);
CREATE INDEX campaign_recipient_client_id ON campaign_recipient (client_id);
"""

# Version 2: the indexes that make recompute and search set-based, and the
# search keys table (filled for clients that already exist).
V2_INDEXES = """
CREATE INDEX orders_client_cover ON orders (client_id, ordered_on, paid, status);
CREATE INDEX orders_ordered_on ON orders (ordered_on);
CREATE INDEX client_spend ON client (spend) WHERE deleted_at IS NULL;
CREATE INDEX client_ltv_total ON client (ltv_total);
CREATE INDEX client_last_activity_on ON client (last_activity_on);
CREATE INDEX client_trashed ON client (deleted_at) WHERE deleted_at IS NOT NULL;
CREATE INDEX event_activity_cover ON event (is_activity, client_id, occurred_at, kind, satisfaction);
CREATE INDEX event_kind_time ON event (kind, occurred_at);
CREATE TABLE client_search (
    client_id INTEGER PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    sort_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX client_search_sort_key ON client_search (sort_key)
"""


def _run_script(conn, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def _run_all(statements: tuple[str, ...]):
    """A step that runs these statements in order."""
    def step(conn) -> None:
        for statement in statements:
            conn.execute(statement)
    return step


def _v1(conn) -> None:
    _run_script(conn, V1_TABLES)


def _v2(conn) -> None:
    from lifecrm_gui.search_keys import search_text, sort_key

    _run_script(conn, V2_INDEXES)
    rows = conn.execute("SELECT id, name, contact_person, phone, phone_alt, wechat, email FROM client").fetchall()
    tags = {}
    for client_id, name in conn.execute(
            "SELECT ct.client_id, t.name FROM client_tag ct JOIN tag t ON t.id = ct.tag_id"):
        tags.setdefault(client_id, []).append(name)
    conn.executemany(
        "INSERT INTO client_search (client_id, text, sort_key) VALUES (?, ?, ?)",
        ((r[0], search_text(r[1], r[2], (r[3], r[4]), r[5], r[6], tags.get(r[0], ())), sort_key(r[1]))
         for r in rows))


# Every change to a client's search keys, and every move to or from the trash, is logged,
# so that a search index held in memory (services.search_index) can catch up with writes
# from any connection or process.
V5_SEARCH_LOG = (
    "CREATE TABLE search_change (seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id INTEGER NOT NULL)",
    *(f"CREATE TRIGGER search_change_{action.lower()} AFTER {action} ON client_search "
      f"BEGIN INSERT INTO search_change (client_id) VALUES ({row}.client_id); END"
      for action, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD"))),
    "CREATE TRIGGER search_change_trash AFTER UPDATE OF deleted_at ON client "
    "WHEN NEW.deleted_at IS NOT OLD.deleted_at "
    "BEGIN INSERT INTO search_change (client_id) VALUES (NEW.id); END",
)


# A whole-studio recompute keeps each client's facts as of its day (the last year's
# orders and client-initiated touches join the facts already stored), and the next one
# aggregates again only the clients whose facts may have moved since
# (services.recompute_studio): new clients, orders and activities are found by their
# ids; what ids cannot show (an order or activity changed, a client back from the trash)
# is logged here. A deleted order or event logs NULL, "every client": a deleted row's id
# may be given again.
V6_FACT_LOG = (
    "ALTER TABLE client ADD COLUMN orders_last_year INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE client ADD COLUMN initiated_last_year INTEGER NOT NULL DEFAULT 0",
    "CREATE TABLE fact_change (seq INTEGER PRIMARY KEY AUTOINCREMENT, client_id INTEGER)",
    *(f"CREATE TRIGGER fact_change_{table}_update AFTER UPDATE ON {table}{when} BEGIN "
      "INSERT INTO fact_change (client_id) VALUES (OLD.client_id); "
      "INSERT INTO fact_change (client_id) SELECT NEW.client_id WHERE NEW.client_id IS NOT OLD.client_id; END"
      for table, when in (("orders", ""), ("event", " WHEN OLD.is_activity OR NEW.is_activity"))),
    *(f"CREATE TRIGGER fact_change_{table}_delete AFTER DELETE ON {table} "
      "BEGIN INSERT INTO fact_change (client_id) VALUES (NULL); END" for table in ("orders", "event")),
    "CREATE TRIGGER fact_change_restore AFTER UPDATE OF deleted_at ON client "
    "WHEN NEW.deleted_at IS NULL AND OLD.deleted_at IS NOT NULL "
    "BEGIN INSERT INTO fact_change (client_id) VALUES (NEW.id); END",
    # the activities that enter or leave a recompute's windows as the days pass
    "CREATE INDEX event_activity_time ON event (occurred_at) WHERE is_activity = 1",
)


# Indexes that cost a bulk import less. Columns often empty (an order's campaign and
# shoot day, an event's order and campaign, a client's second phone, WeChat id, email
# and referrer) are indexed only where set: every lookup of one names a value. The
# activities' index leaves out the stage changes, which no read of it asks for (every
# one says is_activity = 1; the column stays in it for SQLite to see the index as
# covering). Orders by category run in client order within a category, the order an
# import writes them in, so the index builds from nearly sorted rows.
_SET_ONLY = (("orders", "shoot_on"), ("orders", "campaign_id"), ("event", "order_id"), ("event", "campaign_id"),
             ("client", "phone_alt"), ("client", "wechat"), ("client", "email"), ("client", "referred_by_id"))
V7_LEANER_INDEXES = (
    *(f"DROP INDEX {table}_{column}" for table, column in _SET_ONLY),
    "DROP INDEX event_activity_cover",
    "DROP INDEX orders_category_cover",
    *(f"CREATE INDEX {table}_{column} ON {table} ({column}) WHERE {column} IS NOT NULL"
      for table, column in _SET_ONLY),
    "CREATE INDEX event_activity_cover ON event (client_id, occurred_at, kind, satisfaction, is_activity) "
    "WHERE is_activity = 1",
    "CREATE INDEX orders_category_cover ON orders (category, client_id, ordered_on, status)",
)


# Which database this is (setting "database_uuid"), for its backups to say
# (services.backup) and for a merge to log its source by: two studio files of the same
# name share the backup folder, and neither may rotate away or offer the other's
# backups. A copy keeps it: a backup, and a database restored from one.
DATABASE_UUID = "database_uuid"


def _v8(conn) -> None:
    conn.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)",
                 (DATABASE_UUID, json.dumps(str(uuid.uuid4()))))


MIGRATIONS = ((1, _v1), (2, _v2), (3, campaign_schema.migrate), (4, merge_schema.migrate),
              (5, _run_all(V5_SEARCH_LOG)), (6, _run_all(V6_FACT_LOG)), (7, _run_all(V7_LEANER_INDEXES)), (8, _v8))
LATEST_VERSION = MIGRATIONS[-1][0]
