"""The set-based reads and writes behind recompute, search and stats: one SQL
aggregate per figure for all clients (or a given few)."""

from lifecrm_gui.domain.vocab import CLASSES, CLIENT_INITIATED_KINDS, STAGES

from .models import database

DERIVED_COLUMNS = ("stage", "tier", "client_class", "quadrant", "influence", "frequency", "satisfaction",
                   "order_count", "spend", "first_order_on", "last_order_on", "last_activity_on",
                   "ltv_historical", "ltv_projected", "ltv_referral", "ltv_total",
                   "orders_last_year", "initiated_last_year")
PROFILE_COLUMNS = ("id", "referred_by_id", "kind", "annual_contract", "followers", "engagement",
                   "influence_relevant", "reputation_rank", "lost_on", "lost_reason", "manual_stage",
                   "manual_stage_on", "class_pin")
_INITIATED = ",".join(f"'{k}'" for k in sorted(CLIENT_INITIATED_KINDS))


def _conn():
    return database.connection()


def _ids_clause(ids, column):
    if ids is None:
        return "", ()
    return f" AND {column} IN ({','.join('?' * len(ids))})", tuple(ids)


def client_rows(ids=None):
    """(profile columns..., derived columns...) of live clients. All of them are read in
    table order (NOT INDEXED): through the live-clients index they would come in spend
    order, one page lookup each."""
    where, params = _ids_clause(ids, "id")
    source = "client" if ids is not None else "client NOT INDEXED"
    return _conn().execute(f"SELECT {', '.join(PROFILE_COLUMNS)}, {', '.join(DERIVED_COLUMNS)} FROM {source} "
                           f"WHERE deleted_at IS NULL{where}", params)


_ORDER_AGGREGATES = (
    "SELECT client_id, COUNT(*), TOTAL(paid), MIN(ordered_on), MAX(ordered_on), SUM(ordered_on > ?) "
    "FROM orders WHERE status != 'cancelled' AND ordered_on < ?{ids} GROUP BY client_id")
_ACTIVITY_AGGREGATES = (
    f"SELECT client_id, MAX(occurred_at), SUM(kind IN ({_INITIATED}) AND occurred_at >= ?), "
    "AVG(satisfaction) FROM event WHERE is_activity = 1 AND occurred_at < ?{ids} GROUP BY client_id")


def order_aggregates(next_day: str, year_ago: str, ids=None):
    """Per client, orders that count (not cancelled, before next_day): count, spend,
    first and last order date, orders since year_ago."""
    where, params = _ids_clause(ids, "client_id")
    return _conn().execute(_ORDER_AGGREGATES.format(ids=where), (year_ago, next_day, *params))


def activity_aggregates(next_day: str, year_ago: str, ids=None):
    """Per client: last client activity, client-initiated touches since year_ago, mean satisfaction."""
    where, params = _ids_clause(ids, "client_id")
    return _conn().execute(_ACTIVITY_AGGREGATES.format(ids=where), (year_ago, next_day, *params))


def referral_aggregates(next_day: str, ids=None):
    """Per referrer: clients referred, how many of them have ordered, and their spend."""
    where, params = _ids_clause(ids, "r.referred_by_id")
    return _conn().execute(
        "SELECT r.referred_by_id, COUNT(*), COUNT(o.client_id), TOTAL(o.spend) FROM client r "
        "LEFT JOIN (SELECT client_id, TOTAL(paid) AS spend FROM orders "
        "           WHERE status != 'cancelled' AND ordered_on < ? GROUP BY client_id) o "
        "ON o.client_id = r.id WHERE r.referred_by_id IS NOT NULL AND r.deleted_at IS NULL"
        f"{where} GROUP BY r.referred_by_id", (next_day, *params))


def _excluding(ids):
    return (f" AND id NOT IN ({','.join('?' * len(ids))})", tuple(ids)) if ids else ("", ())


def paying_count(excluding=()) -> int:
    """Live clients with spend, as last derived, other than `excluding`."""
    skip, params = _excluding(excluding)
    return _conn().execute(f"SELECT COUNT(*) FROM client WHERE deleted_at IS NULL AND spend > 0{skip}",
                           params).fetchone()[0]


def top_spends(limit: int, excluding=()) -> list[int]:
    """The `limit` largest spends of live clients other than `excluding`, largest first."""
    skip, params = _excluding(excluding)
    return [s for (s,) in _conn().execute(
        f"SELECT spend FROM client WHERE deleted_at IS NULL AND spend > 0{skip} ORDER BY spend DESC LIMIT ?",
        (*params, limit))]


def referrers_of(ids):
    marks = ",".join("?" * len(ids))
    return {r for (r,) in _conn().execute(
        f"SELECT referred_by_id FROM client WHERE id IN ({marks}) AND referred_by_id IS NOT NULL", tuple(ids))}


def write_derived(changes: dict[tuple[int, ...], list[tuple]]) -> None:
    """changes: {positions in DERIVED_COLUMNS that changed: [(their new values..., client id)]}.
    Only changed columns are set, so indexes on columns that did not change are left alone."""
    for positions, rows in changes.items():
        columns = ", ".join(f"{DERIVED_COLUMNS[i]} = ?" for i in positions)
        _conn().executemany(f"UPDATE client SET {columns} WHERE id = ?", rows)


def insert_stage_changes(rows) -> None:
    """rows: (uuid, client id, occurred_at, text, staff, from, to, win_back, data, created_at)."""
    _conn().executemany(
        "INSERT INTO event (uuid, client_id, occurred_at, kind, text, staff, is_activity, stage_from, "
        "stage_to, win_back, data, created_at) VALUES (?, ?, ?, 'stage_change', ?, ?, 0, ?, ?, ?, ?, ?)", rows)


# The client list

LIST_COLUMNS = ("id", "name", "phone", "stage", "tier", "client_class", "last_activity_on", "spend",
                "ltv_total", "source", "tags")
_TAGS = ("(SELECT group_concat(t.name, ', ') FROM client_tag ct JOIN tag t ON t.id = ct.tag_id "
         "WHERE ct.client_id = c.id)")


def _ordinal(column, table) -> str:
    cases = " ".join(f"WHEN '{key}' THEN {i}" for i, key in enumerate(table))
    return f"CASE {column} {cases} ELSE 99 END"


SORTS = {
    "name": "s.sort_key",
    "phone": "c.phone",
    "stage": _ordinal("c.stage", STAGES),
    "tier": "c.tier",
    "client_class": _ordinal("c.client_class", CLASSES),
    "last_activity_on": "c.last_activity_on",
    "spend": "c.spend",
    "ltv_total": "c.ltv_total",
    "source": "c.source",
    "tags": _TAGS,
}


# The trashed clients: a few, read from an index that holds deleted_at (client_audience
# today) rather than from the wide client rows.
_TRASHED = "SELECT id FROM client WHERE deleted_at IS NOT NULL"
# Sort keys whose index holds live clients only (client_spend: WHERE deleted_at IS NULL).
# The other indexed sort columns index everyone: a whole-list sort on them skips the
# trash (NOT IN a small set) so that their index alone gives the ids in order.
_LIVE_INDEXED_SORTS = frozenset({"spend"})


def client_ids(text: str, *, trash: bool, equals: dict, needs=(), tags=(), sort="name", descending=False,
               limit=None) -> list[int]:
    """Clients whose search keys contain `text` (literally: no wildcards), matching every
    `equals` column filter ({column: values}), any of `needs`, any of `tags`.

    Shaped for 100,000 clients: a text search scans the narrow search keys in table
    order (never one client row per key in name order) and reads a client's row only
    for a match; a whole-list sort walks one index and reads no client rows."""
    filters: list[str] = []
    params: list = []
    for column, values in equals.items():
        if values:
            filters.append(f"c.{column} IN ({','.join('?' * len(values))})")
            params.extend(values)
    if needs:
        filters.append("(" + " OR ".join("instr(',' || c.needs || ',', ?) > 0" for _ in needs) + ")")
        params.extend(f",{n}," for n in needs)
    if tags:
        filters.append(f"c.id IN (SELECT ct.client_id FROM client_tag ct JOIN tag t ON t.id = ct.tag_id "
                       f"WHERE t.name IN ({','.join('?' * len(tags))}))")
        params.extend(tags)
    sort = sort if sort in SORTS else "name"
    by_name = sort == "name"
    key = SORTS[sort]
    # A part of the list (filtered, or the trash) is found first and then sorted: the unary
    # plus keeps the planner from walking a sort index and reading one client row per entry.
    part = bool(filters) or trash
    if part:
        key = f"+{key}"
    if trash:
        live = f"c.id IN ({_TRASHED})"
    elif filters:
        live = "+c.deleted_at IS NULL"
    elif text or sort in _LIVE_INDEXED_SORTS:
        live = "c.deleted_at IS NULL"
    else:
        live = f"c.id NOT IN ({_TRASHED})"
    match = ["instr(s.text, ?) > 0"] if text else []
    if by_name and not part:
        # The search keys alone: in order from the sort_key index, or scanned when searching.
        source = "client_search s NOT INDEXED" if text else "client_search s"
        where = [*match, f"s.client_id NOT IN ({_TRASHED})"]
        column = "s.client_id"
    else:
        if text:  # the keys scanned in table order, never in sort_key order
            source = f"client_search s NOT INDEXED {'JOIN' if part else 'CROSS JOIN'} client c ON c.id = s.client_id"
        elif by_name:
            source = "client c CROSS JOIN client_search s ON s.client_id = c.id"
        else:
            source = "client c"
        where = [*match, live, *filters]
        column = "c.id"
    direction = "DESC" if descending else "ASC"
    order = f"{key} {direction}, {'s.client_id' if by_name else 'c.id'} {direction}"
    sql = f"SELECT {column} FROM {source} WHERE {' AND '.join(where)} ORDER BY {order}"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in _conn().execute(sql, [text, *params] if text else params)]


# The search index held in memory (services.search_index)

def search_keys(ids=None):
    """(client id, search text, sort key) of every client, trashed or not (or of the given
    ones), in name order."""
    where, params = _ids_clause(ids, "client_id")
    return _conn().execute(f"SELECT client_id, text, sort_key FROM client_search WHERE 1{where} "
                           "ORDER BY sort_key, client_id", params)


def search_log_span() -> tuple[int, int]:
    """The oldest and newest entries of the log of search key changes (0, 0 when empty)."""
    low, high = _conn().execute("SELECT MIN(seq), MAX(seq) FROM search_change").fetchone()
    return low or 0, high or 0


def search_changes_since(seq: int) -> tuple[int, set[int]]:
    """The newest log entry and the clients whose search keys changed after `seq`."""
    rows = _conn().execute("SELECT seq, client_id FROM search_change WHERE seq > ?", (seq,)).fetchall()
    return (rows[-1][0] if rows else seq), {cid for _seq, cid in rows}


def trim_search_log(keep: int) -> None:
    """Forget all but the newest `keep` changes (an index further behind rebuilds)."""
    _conn().execute("DELETE FROM search_change WHERE seq <= (SELECT MAX(seq) FROM search_change) - ?", (keep,))


def trashed_ids(ids=None) -> set[int]:
    """The trashed clients (among the given ones)."""
    where, params = _ids_clause(ids, "id")
    return {cid for (cid,) in _conn().execute(_TRASHED + where, params)}


def list_rows(ids) -> dict[int, tuple]:
    ids = list(ids)
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for row in _conn().execute(
                f"SELECT c.id, c.name, c.phone, c.stage, c.tier, c.client_class, c.last_activity_on, c.spend, "
                f"c.ltv_total, c.source, {_TAGS} FROM client c WHERE c.id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[row[0]] = row
    return out


def count_clients(trash: bool = False) -> int:
    return _conn().execute(
        f"SELECT COUNT(*) FROM client WHERE deleted_at IS {'NOT ' if trash else ''}NULL").fetchone()[0]


def revenue(start: str | None, next_day: str) -> tuple[int, int]:
    """Paid on orders that count, of live clients, from start (inclusive) to next_day: (amount, orders)."""
    total, count = _conn().execute(
        "SELECT TOTAL(o.paid), COUNT(*) FROM orders o JOIN client c ON c.id = o.client_id "
        "WHERE o.status != 'cancelled' AND o.ordered_on >= ? AND o.ordered_on < ? AND c.deleted_at IS NULL",
        (start or "", next_day)).fetchone()
    return int(total), count
