"""The whole studio's facts and stored derivation as integers, for the recompute
as arrays (services.recompute_studio): dates as day numbers (NO_DAY for none),
vocabulary keys as their positions (-1 for none or unknown), made by SQLite
(store.sql_numbers)."""

import json

import numpy as np

from lifecrm_gui.domain.bulk import MANUAL_LEAD, MANUAL_OTHER, MANUAL_PROSPECT, NO_MANUAL
from lifecrm_gui.domain.vocab import CLASSES, CLIENT_INITIATED_KINDS, CLIENT_KINDS, QUADRANTS, STAGES

from .models import database
from .sql_numbers import code_sql, day_sql

NO_RANK = -1  # reputation_rank when none is set (ranks are 1 to 5)


_MANUAL = (f"CASE WHEN manual_stage IS NULL OR manual_stage = '' THEN {NO_MANUAL} "
           f"WHEN manual_stage = 'lead' THEN {MANUAL_LEAD} WHEN manual_stage = 'prospect' THEN {MANUAL_PROSPECT} "
           f"ELSE {MANUAL_OTHER} END")

# Facts, then the stored derivation in services.recompute.Derived's order (satisfaction in
# hundredths, -1 for none).
CLIENT_COLUMNS = (
    "id", "coalesce(referred_by_id, -1)", code_sql("kind", CLIENT_KINDS), "annual_contract", "followers",
    "engagement", "influence_relevant", f"coalesce(reputation_rank, {NO_RANK})", day_sql("lost_on"), _MANUAL,
    day_sql("manual_stage_on"), code_sql("class_pin", CLASSES),
    code_sql("stage", STAGES), "tier", code_sql("client_class", CLASSES), code_sql("quadrant", QUADRANTS), "influence",
    "frequency", "coalesce(CAST(round(satisfaction * 100) AS INTEGER), -1)", "order_count", "spend",
    day_sql("first_order_on"), day_sql("last_order_on"), day_sql("last_activity_on"), "ltv_historical", "ltv_projected",
    "ltv_referral", "ltv_total", "orders_last_year", "initiated_last_year")
FACT_COLUMNS = 12  # the first twelve are facts, the rest the stored derivation

_INITIATED = ",".join(f"'{k}'" for k in sorted(CLIENT_INITIATED_KINDS))


def _conn():
    return database.connection()


# The three reads, in SQL of their own so that bench/run.py can time them with bare sqlite3.
# In table order (NOT INDEXED: through the live-clients index they would come in spend
# order, a page lookup each).
CLIENTS_COLUMNS_SQL = (f"SELECT COUNT(*), {', '.join(f'group_concat({c})' for c in CLIENT_COLUMNS)} "
                       "FROM client NOT INDEXED WHERE deleted_at IS NULL")
# (client id, count, spend, first order day, last order day, orders since year_ago) of the
# orders that count: not cancelled, before next_day. Parameters: year_ago, next_day.
ORDERS_SQL = (f"SELECT client_id, COUNT(*), SUM(paid), {day_sql('MIN(ordered_on)')}, {day_sql('MAX(ordered_on)')}, "
              "SUM(ordered_on > ?) FROM orders WHERE status != 'cancelled' AND ordered_on < ? GROUP BY client_id")
# (client id, last activity day, client-initiated touches since year_ago, mean satisfaction
# or -1). Parameters: year_ago, next_day.
ACTIVITY_SQL = (f"SELECT client_id, {day_sql('MAX(occurred_at)')}, SUM(kind IN ({_INITIATED}) AND occurred_at >= ?), "
                "coalesce(AVG(satisfaction), -1.0) FROM event WHERE is_activity = 1 AND occurred_at < ? "
                "GROUP BY client_id")


def client_columns(seen_by: str | None = None) -> np.ndarray:
    """Every live client's CLIENT_COLUMNS as an array of shape (columns, clients), in
    table order; with `seen_by` (a day), only the clients first seen by then. Each column
    comes as one string of numbers (group_concat) for numpy to parse: a Python value for
    each of 2.8 million cells would take longer than the read."""
    if seen_by is None:
        row = _conn().execute(CLIENTS_COLUMNS_SQL).fetchone()
    else:
        row = _conn().execute(CLIENTS_COLUMNS_SQL + " AND coalesce(first_seen_on, '') <= ?", (seen_by,)).fetchone()
    columns = [np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, np.int64)
               for text in row[1:]]
    if any(len(column) != row[0] for column in columns):  # group_concat skips NULLs: none may be
        raise ValueError("a client column read NULL where the schema has none")
    return np.array(columns).reshape(len(CLIENT_COLUMNS), row[0])


def client_texts() -> dict[int, tuple]:
    """{client id: (lost reason, manual stage)} of the live clients that have either: the
    words of a stage change's reason need them."""
    return {cid: (reason, manual) for cid, reason, manual in _conn().execute(
        "SELECT id, lost_reason, manual_stage FROM client NOT INDEXED WHERE deleted_at IS NULL "
        "AND (lost_reason IS NOT NULL OR manual_stage IS NOT NULL)")}


_OF_CLIENTS = " AND client_id IN (SELECT value FROM json_each(?)) GROUP BY client_id"


def order_rows(next_day: str, year_ago: str, ids: list[int] | None = None) -> list[tuple]:
    """ORDERS_SQL's rows, of every client or of the given ones."""
    if ids is None:
        return _conn().execute(ORDERS_SQL, (year_ago, next_day)).fetchall()
    return _conn().execute(ORDERS_SQL.replace(" GROUP BY client_id", _OF_CLIENTS),
                           (year_ago, next_day, json.dumps(ids))).fetchall()


def activity_rows(next_day: str, year_ago: str, ids: list[int] | None = None) -> list[tuple]:
    """ACTIVITY_SQL's rows, of every client or of the given ones."""
    if ids is None:
        return _conn().execute(ACTIVITY_SQL, (year_ago, next_day)).fetchall()
    return _conn().execute(ACTIVITY_SQL.replace(" GROUP BY client_id", _OF_CLIENTS),
                           (year_ago, next_day, json.dumps(ids))).fetchall()


def marks() -> dict[str, int]:
    """The newest client, order, event and fact-change ids: what a recompute has seen."""
    return dict(zip(("clients", "orders", "events", "changes"), _conn().execute(
        "SELECT (SELECT IFNULL(MAX(id), 0) FROM client), (SELECT IFNULL(MAX(id), 0) FROM orders), "
        "(SELECT IFNULL(MAX(id), 0) FROM event), (SELECT IFNULL(MAX(seq), 0) FROM fact_change)").fetchone()))


def trim_fact_log(upto: int) -> None:
    _conn().execute("DELETE FROM fact_change WHERE seq <= ?", (upto,))


def moved_clients(seen: dict[str, int], before: tuple[str, str, str, str]) -> list[int] | None:
    """The clients whose facts may differ from those kept at the marks `seen` (marks()),
    or None when an order or event was deleted since. `before`: the (next day, year ago)
    of the kept facts' day, then of the day asked about; orders and activities between
    them enter or leave the windows."""
    conn = _conn()
    if conn.execute("SELECT 1 FROM fact_change WHERE seq > ? AND client_id IS NULL LIMIT 1",
                    (seen["changes"],)).fetchone():
        return None
    kept_next, kept_year_ago, next_day, year_ago = before
    return [cid for (cid,) in conn.execute(
        "SELECT id FROM client WHERE id > :clients "
        "UNION SELECT client_id FROM fact_change WHERE seq > :changes "
        "UNION SELECT client_id FROM orders WHERE id > :orders "
        "UNION SELECT client_id FROM event WHERE id > :events AND is_activity = 1 "
        "UNION SELECT client_id FROM orders WHERE ordered_on >= :kept_next AND ordered_on < :next_day "
        "UNION SELECT client_id FROM orders WHERE ordered_on > :kept_year_ago AND ordered_on <= :year_ago "
        "UNION SELECT client_id FROM event WHERE is_activity = 1 "
        "      AND occurred_at >= :kept_next AND occurred_at < :next_day "
        "UNION SELECT client_id FROM event WHERE is_activity = 1 "
        "      AND occurred_at >= :kept_year_ago AND occurred_at < :year_ago",
        {**seen, "kept_next": kept_next, "kept_year_ago": kept_year_ago, "next_day": next_day,
         "year_ago": year_ago}) if cid is not None]

