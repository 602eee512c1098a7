"""The reads behind the dashboard's charts.

Most figures are worked out from a few columns of every live client and of every order
that counts, read once and kept by services.dashboard until the data changes: a
redraw after a filter change then reads nothing. Each column comes back from one
`group_concat` over a single pass of its table and is parsed by numpy, which is
several times faster than building a Python row per client or per order, and costs a
table scan where a join of the period's orders to the (wide) client rows costs one
row lookup per order.

Dates come back as days since 1970-01-01 (NO_DAY when missing); vocabulary columns as
positions in their domain.vocab table (-1 when missing or unknown). The campaign
figures stay SQL aggregates: they read a handful of rows through their indexes.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from lifecrm_gui.domain.vocab import CLIENT_KINDS, INDUSTRIES, LOST_REASONS, NEEDS, QUADRANTS, SOURCES, STAGES

from .models import database
from .sql_numbers import code_sql, day_sql

LIVE_ORDER = "status != 'cancelled'"
TEXT_SEP = "\x1f"  # separates text values, which may hold commas


@dataclass(frozen=True)
class ClientScope:
    """Which clients a figure counts: None means any."""
    kind: str | None = None
    source: str | None = None
    needs: str | None = None


def _next_day(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def _integer(column: str) -> str:
    """SQL for a whole-number column that is sure to print as one (a value written as a
    REAL would print "12.0")."""
    return f"CAST({column} AS INTEGER)"


def _numbers(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def _texts(text: str | None) -> list[str]:
    return text.split(TEXT_SEP) if text else []


# Each column: (name, SQL expression, how its group_concat is parsed).
_NUMBER, _TEXT = _numbers, _texts

_ATTRIBUTES = (
    ("id", "id", _NUMBER),
    ("kind", code_sql("kind", CLIENT_KINDS), _NUMBER),
    # a client without a recorded source counts as "other", as the source filter does
    ("source", code_sql("source", SOURCES, missing=list(SOURCES).index("other")), _NUMBER),
    ("industry", code_sql("industry", INDUSTRIES), _NUMBER),
    ("referrer", "IFNULL(referred_by_id, 0)", _NUMBER),
    ("first_seen", day_sql("first_seen_on"), _NUMBER),
    ("lost_on", day_sql("lost_on"), _NUMBER),
    ("lost_reason", code_sql("lost_reason", LOST_REASONS), _NUMBER),
    ("needs", "IFNULL(needs, '')", _TEXT),
)
_DERIVED = (
    ("stage", code_sql("stage", STAGES), _NUMBER),
    ("tier", _integer("tier"), _NUMBER),
    ("quadrant", code_sql("quadrant", QUADRANTS), _NUMBER),
    ("influence", _integer("influence"), _NUMBER),
    ("frequency", _integer("frequency"), _NUMBER),
    ("order_count", _integer("order_count"), _NUMBER),
    ("spend", _integer("spend"), _NUMBER),
    ("ltv_total", _integer("ltv_total"), _NUMBER),
    ("first_order", day_sql("first_order_on"), _NUMBER),
    ("last_order", day_sql("last_order_on"), _NUMBER),
    ("last_activity", day_sql("last_activity_on"), _NUMBER),
)


def _columns(columns, source_sql: str, params=()) -> dict:
    select = ", ".join(f"group_concat({sql}, '{TEXT_SEP}')" if parse is _TEXT else f"group_concat({sql})"
                       for _name, sql, parse in columns)
    row = database.connection().execute(f"SELECT {select} {source_sql}", params).fetchone()
    return {name: parse(text) for (name, _sql, parse), text in zip(columns, row)}


def client_columns(with_derived: bool) -> dict:
    """Every live client's attributes as columns, in id order, and with `with_derived`
    the derivation recompute last stored for them (store.queries.DERIVED_COLUMNS)."""
    columns = _ATTRIBUTES + (_DERIVED if with_derived else ())
    # a table scan, in id order: the planner would otherwise walk the (partial) spend index
    # and look every row up in spend order
    out = _columns(columns, "FROM client NOT INDEXED WHERE deleted_at IS NULL")
    ids = out["id"]
    if len(ids) > 1 and not (ids[1:] > ids[:-1]).all():  # a plan that did not read in id order
        order = np.argsort(ids, kind="stable")
        out = {k: (np.asarray(v)[order] if not isinstance(v, list) else [v[i] for i in order])
               for k, v in out.items()}
    return out


def order_columns() -> dict:
    """Every order that counts (not cancelled), any client's: client id, day, needs
    category (position in NEEDS; -1 none or unknown) and the amount paid."""
    return _columns((("client_id", "client_id", _NUMBER), ("day", day_sql("ordered_on"), _NUMBER),
                     ("category", code_sql("category", NEEDS), _NUMBER), ("paid", _integer("paid"), _NUMBER)),
                    f"FROM orders NOT INDEXED WHERE {LIVE_ORDER}")


_MONTH = "(CAST(substr({column}, 1, 4) AS INTEGER) - 1970) * 12 + CAST(substr({column}, 6, 2) AS INTEGER) - 1"


def stage_move_columns(first: date, last: date) -> dict:
    """The recorded stage moves in the period (a first classification, from nothing, is
    not a move): client id, month (months since January 1970), stage moved into (position
    in STAGES) and whether it was a win-back."""
    return _columns((("client_id", "client_id", _NUMBER),
                     ("month", _MONTH.format(column="occurred_at"), _NUMBER),
                     ("stage_to", code_sql("stage_to", STAGES), _NUMBER),
                     ("win_back", _integer("win_back"), _NUMBER)),
                    "FROM event WHERE kind = 'stage_change' AND occurred_at >= ? AND occurred_at < ? "
                    "AND stage_from IS NOT NULL AND stage_from != stage_to",
                    (first.isoformat(), _next_day(last)))


def scope_sql(scope: ClientScope, client: str = "c", order: str | None = None) -> tuple[str, list]:
    """' AND ...' conditions on the client alias (and, for money, on the order alias).

    A client matches a needs category when the category is among their stated needs or
    they have a (not cancelled) order of it; money in a needs category counts only the
    orders of that category."""
    sql, params = [f"{client}.deleted_at IS NULL"], []
    if scope.kind:
        sql.append(f"{client}.kind = ?")
        params.append(scope.kind)
    if scope.source == "other":  # a client without a recorded source counts as "other"
        sql.append(f"({client}.source = 'other' OR {client}.source IS NULL)")
    elif scope.source:
        sql.append(f"{client}.source = ?")
        params.append(scope.source)
    if scope.needs and order is not None:
        sql.append(f"{order}.category = ?")
        params.append(scope.needs)
    elif scope.needs:
        sql.append(f"(instr(',' || {client}.needs || ',', ?) > 0 OR EXISTS ("
                   f"SELECT 1 FROM orders n WHERE n.client_id = {client}.id AND n.category = ? AND n.{LIVE_ORDER}))")
        params += [f",{scope.needs},", scope.needs]
    return " AND " + " AND ".join(sql), params


def _rows(sql: str, params) -> list[tuple]:
    return database.connection().execute(sql, params).fetchall()


def campaign_returns(scope: ClientScope, first: date, last: date, as_of: date) -> list[tuple]:
    """(id, name, playbook, cost, recipients, replied, orders, revenue) of the campaigns
    started in the period; recipients and attributed orders count clients in scope."""
    where, params = scope_sql(scope)
    money_where, money_params = scope_sql(scope, order="o")
    return _rows(
        "SELECT k.id, k.name, k.playbook, k.cost, COALESCE(r.recipients, 0), COALESCE(r.replied, 0), "
        "COALESCE(b.orders, 0), COALESCE(b.revenue, 0) FROM campaign k "
        "LEFT JOIN (SELECT cr.campaign_id, COUNT(*) AS recipients, SUM(cr.replied_at IS NOT NULL) AS replied "
        f"           FROM campaign_recipient cr JOIN client c ON c.id = cr.client_id WHERE 1{where} "
        "           GROUP BY cr.campaign_id) r ON r.campaign_id = k.id "
        "LEFT JOIN (SELECT o.campaign_id, COUNT(*) AS orders, TOTAL(o.paid) AS revenue "
        "           FROM orders o JOIN client c ON c.id = o.client_id "
        f"           WHERE o.campaign_id IS NOT NULL AND o.{LIVE_ORDER} AND o.ordered_on < ?{money_where} "
        "           GROUP BY o.campaign_id) b ON b.campaign_id = k.id "
        "WHERE COALESCE(k.starts_on, substr(k.created_at, 1, 10)) >= ? "
        "AND COALESCE(k.starts_on, substr(k.created_at, 1, 10)) < ? "
        "ORDER BY COALESCE(b.revenue, 0) DESC, k.id",
        [*params, _next_day(as_of), *money_params, first.isoformat(), _next_day(last)])
