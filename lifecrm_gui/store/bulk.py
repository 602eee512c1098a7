"""Raw SQL for bulk work: the lookups an import validates against, its inserts (one
executemany per table, inside the caller's transaction), and the reads an export
streams."""

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from .models import database

CLIENT_INSERT_COLUMNS = (
    "id", "ref", "name", "kind", "industry", "contact_person", "salutation", "gender", "phone", "phone_alt",
    "wechat", "email", "address", "birthday", "birthday_lunar", "wedding_date", "styles", "needs", "notes",
    "source", "source_detail", "referred_by_id", "first_seen_on", "followers", "engagement",
    "influence_relevant", "reputation_rank", "annual_contract", "consent", "consent_on", "consent_channel",
    "created_at", "updated_at")
ORDER_INSERT_COLUMNS = ("client_id", "ordered_on", "category", "package", "amount", "paid", "status", "shoot_on",
                        "note", "created_at")
EVENT_INSERT_COLUMNS = ("client_id", "occurred_at", "kind", "text", "staff", "satisfaction", "is_activity",
                        "created_at")


def _conn():
    return database.connection()


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} (uuid, {', '.join(columns)}) VALUES (?, {', '.join('?' * len(columns))})"


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}
_ARRAYS_FROM = 1000  # fewer UUIDs are made without loading numpy


def sorted_uuids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs in ascending order: given to rows in the order
    they are inserted, the unique index on uuid grows at its end instead of at random
    places, which makes a bulk insert markedly cheaper. Made as arrays (numpy is
    loaded here, never at start-up): sorting the raw bytes and spelling them out in
    hex takes about half the time of sorting formatted strings."""
    if count < _ARRAYS_FROM:
        raw = os.urandom(16 * count).hex()
        return sorted(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"
                      for h in (raw[i:i + 32] for i in range(0, 32 * count, 32)))
    import numpy as np

    raw = np.frombuffer(os.urandom(16 * count), dtype=np.uint8).reshape(count, 16).copy()
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40  # version 4
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80  # the RFC 4122 variant
    # Fixed-width bytes sort as unsigned bytes, the order of their hex spelling.
    raw = np.sort(raw.view("S16").ravel()).view(np.uint8).reshape(count, 16)
    digits = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
    hexed = np.empty((count, 32), dtype=np.uint8)
    hexed[:, 0::2] = digits[raw >> 4]
    hexed[:, 1::2] = digits[raw & 15]
    text = np.full((count, 36), ord("-"), dtype=np.uint8)
    for start, end, offset in ((0, 8, 0), (8, 12, 1), (12, 16, 2), (16, 20, 3), (20, 32, 4)):
        text[:, start + offset:end + offset] = hexed[:, start:end]
    spelled = text.tobytes().decode("ascii")
    return [spelled[i:i + 36] for i in range(0, 36 * count, 36)]


def client_keys() -> Iterator[tuple]:
    """(id, ref, name, phone, phone_alt, wechat, email, in_trash, referred_by_id) of every client."""
    return _conn().execute(
        "SELECT id, ref, name, phone, phone_alt, wechat, email, deleted_at IS NOT NULL, referred_by_id "
        "FROM client")


def client_count() -> int:
    return _conn().execute("SELECT COUNT(*) FROM client WHERE deleted_at IS NULL").fetchone()[0]


def next_client_id() -> int:
    """The first free id after every existing client; ids from here on are the import's
    to give while its write transaction holds the lock."""
    return _conn().execute("SELECT COALESCE(MAX(id), 0) + 1 FROM client").fetchone()[0]


def row_count(table: str) -> int:
    return _conn().execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@contextmanager
def indexes_rebuilt(table: str, rebuild: bool = True):
    """Inside the caller's transaction: drop the table's secondary indexes, let the
    body insert, and create them again from their stored definitions. Building an
    index from sorted rows is several times cheaper than inserting the same rows one by
    one into five or ten B-trees at random places, when the table at least doubles. If
    the body fails, the transaction's rollback restores the indexes with everything else."""
    conn = _conn()
    if not rebuild:
        yield
        return
    if not conn.in_transaction:
        raise RuntimeError("indexes are rebuilt only inside a transaction")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                           "AND sql IS NOT NULL", (table,)).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        conn.execute(sql)


def defer_foreign_keys() -> None:
    """Check foreign keys when the caller's transaction commits rather than row by row
    (SQLite turns this off again at the end of the transaction)."""
    conn = _conn()
    if not conn.in_transaction:
        raise RuntimeError("foreign keys are deferred only inside a transaction")
    conn.execute("PRAGMA defer_foreign_keys = ON")


def insert_clients(rows: Iterable[tuple]) -> None:
    """Rows of (uuid, *CLIENT_INSERT_COLUMNS), ids given."""
    _conn().executemany(_insert_sql("client", CLIENT_INSERT_COLUMNS), rows)


def insert_client_search(rows: Iterable[tuple]) -> None:
    """(client_id, text, sort_key) rows."""
    _conn().executemany("INSERT OR REPLACE INTO client_search (client_id, text, sort_key) VALUES (?, ?, ?)", rows)


def tag_ids(names: Iterable[str]) -> dict[str, int]:
    """The id of each tag name, creating the tags that do not exist yet."""
    conn = _conn()
    conn.executemany("INSERT OR IGNORE INTO tag (name) VALUES (?)", ((n,) for n in names))
    return {name: tag_id for tag_id, name in conn.execute("SELECT id, name FROM tag")}


def insert_client_tags(pairs: Iterable[tuple[int, int]]) -> None:
    _conn().executemany("INSERT OR IGNORE INTO client_tag (client_id, tag_id) VALUES (?, ?)", pairs)


def insert_orders(rows: Iterable[tuple]) -> None:
    """Rows of (uuid, *ORDER_INSERT_COLUMNS)."""
    _conn().executemany(_insert_sql("orders", ORDER_INSERT_COLUMNS), rows)


def insert_events(rows: Iterable[tuple]) -> None:
    """Rows of (uuid, *EVENT_INSERT_COLUMNS)."""
    _conn().executemany(_insert_sql("event", EVENT_INSERT_COLUMNS), rows)


EXPORT_CLIENT_COLUMNS = (
    "ref", "name", "kind", "industry", "contact_person", "salutation", "gender", "phone", "phone_alt", "wechat",
    "email", "address", "birthday", "birthday_lunar", "wedding_date", "styles", "needs", "notes", "source",
    "source_detail", "first_seen_on", "followers", "engagement", "influence_relevant", "reputation_rank",
    "annual_contract", "consent", "consent_on", "consent_channel",
    "stage", "tier", "client_class", "order_count", "spend", "ltv_total")


def export_clients() -> Iterator[tuple]:
    """Live clients in id order: EXPORT_CLIENT_COLUMNS, then the referrer's ref, phone,
    WeChat id and email (when the referrer is live), then the tags joined by commas."""
    columns = ", ".join(f"c.{c}" for c in EXPORT_CLIENT_COLUMNS)
    return _conn().execute(
        f"SELECT {columns}, r.ref, r.phone, r.wechat, r.email, t.names "
        "FROM client c "
        "LEFT JOIN client r ON r.id = c.referred_by_id AND r.deleted_at IS NULL "
        "LEFT JOIN (SELECT ct.client_id, group_concat(tag.name, ', ') AS names FROM client_tag ct "
        "           JOIN tag ON tag.id = ct.tag_id GROUP BY ct.client_id) t ON t.client_id = c.id "
        "WHERE c.deleted_at IS NULL ORDER BY c.id")


EXPORT_ORDER_COLUMNS = ("ordered_on", "category", "package", "amount", "paid", "status", "shoot_on", "note")


def export_orders() -> Iterator[tuple]:
    """Orders of live clients in id order: the client's ref, phone and name, then
    EXPORT_ORDER_COLUMNS."""
    columns = ", ".join(f"o.{c}" for c in EXPORT_ORDER_COLUMNS)
    return _conn().execute(
        f"SELECT c.ref, c.phone, c.name, {columns} FROM orders o JOIN client c ON c.id = o.client_id "
        "WHERE c.deleted_at IS NULL ORDER BY o.id")


def export_order_count() -> int:
    return _conn().execute("SELECT COUNT(*) FROM orders o JOIN client c ON c.id = o.client_id "
                           "WHERE c.deleted_at IS NULL").fetchone()[0]
