"""The SQL aggregates behind the dashboard's charts: one set-based query per figure.

Every query takes the dashboard's client filters (kind, source, needs category)
and, where it reads a period, its first and last day; the filters become WHERE
clauses here, so no figure ever loops over clients with a query each. Dates are
stored as ISO text, so a period is `>= first day AND < the day after the last`.

A client matches a needs category when the category is among their stated needs
or they have a (not cancelled) order of it; money in a needs category counts
only the orders of that category.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from .models import database

LIVE_ORDER = "status != 'cancelled'"
SHORT_PERIOD_DAYS = 92


@dataclass(frozen=True)
class ClientScope:
    """Which clients a figure counts: None means any."""
    kind: str | None = None
    source: str | None = None
    needs: str | None = None


def _next_day(day: date) -> str:
    return (day + timedelta(days=1)).isoformat()


def scope_sql(scope: ClientScope, client: str = "c", order: str | None = None) -> tuple[str, list]:
    """' AND ...' conditions on the client alias (and, for money, on the order alias)."""
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


def client_ids(scope: ClientScope, as_of: date) -> list[int]:
    """Live clients in scope already known to the studio on `as_of`."""
    where, params = scope_sql(scope)
    return [cid for (cid,) in _rows(
        f"SELECT c.id FROM client c WHERE (c.first_seen_on IS NULL OR c.first_seen_on < ?){where}",
        [_next_day(as_of), *params])]


def client_attributes() -> list[tuple]:
    """(id, source, kind, industry, lost_on, lost_reason, referred_by_id) of every live client."""
    return _rows("SELECT id, source, kind, industry, lost_on, lost_reason, referred_by_id FROM client "
                 "WHERE deleted_at IS NULL", ())


def stage_moves(scope: ClientScope, first: date, last: date) -> list[tuple]:
    """(month 'YYYY-MM', stage_from, stage_to, moves, win_backs) of the recorded stage
    changes in the period; a client's first classification (from nothing) is not a move."""
    where, params = scope_sql(scope)
    return _rows(
        "SELECT substr(e.occurred_at, 1, 7) AS month, e.stage_from, e.stage_to, COUNT(*), TOTAL(e.win_back) "
        "FROM event e JOIN client c ON c.id = e.client_id "
        "WHERE e.kind = 'stage_change' AND e.occurred_at >= ? AND e.occurred_at < ? "
        f"AND e.stage_from IS NOT NULL AND e.stage_from != e.stage_to{where} "
        "GROUP BY month, e.stage_from, e.stage_to ORDER BY month",
        [first.isoformat(), _next_day(last), *params])


def _order_day(first: date, last: date) -> str:
    """The order-date column as a condition should read it: through its index for a
    short period, straight through the table (a unary +) for a long one, which is
    faster once a period holds more than a few percent of the orders."""
    return "o.ordered_on" if (last - first).days <= SHORT_PERIOD_DAYS else "+o.ordered_on"


def period_revenue(scope: ClientScope, first: date, last: date) -> list[tuple]:
    """(month 'YYYY-MM', category, kind, industry, source, revenue, orders): money paid
    on the period's orders, fine enough to sum up by month, category, segment or source."""
    where, params = scope_sql(scope, order="o")
    day = _order_day(first, last)
    return _rows(
        "SELECT substr(o.ordered_on, 1, 7) AS month, o.category, c.kind, c.industry, "
        "COALESCE(c.source, 'other') AS src, TOTAL(o.paid), COUNT(*) "
        "FROM orders o JOIN client c ON c.id = o.client_id "
        f"WHERE o.{LIVE_ORDER} AND {day} >= ? AND {day} < ?{where} "
        "GROUP BY month, o.category, c.kind, c.industry, src ORDER BY month",
        [first.isoformat(), _next_day(last), *params])


def source_leads(scope: ClientScope, first: date, last: date, as_of: date) -> list[tuple]:
    """(source, clients first seen in the period, of them with an order by as_of) per source."""
    where, params = scope_sql(scope)
    return _rows(
        "SELECT COALESCE(c.source, 'other') AS src, COUNT(*), SUM(EXISTS ("
        f"  SELECT 1 FROM orders o WHERE o.client_id = c.id AND o.{LIVE_ORDER} AND o.ordered_on < ?)) "
        f"FROM client c WHERE c.first_seen_on >= ? AND c.first_seen_on < ?{where} GROUP BY src",
        [_next_day(as_of), first.isoformat(), _next_day(last), *params])


def cohort_activity(scope: ClientScope, since: date, as_of: date) -> list[tuple]:
    """(cohort quarter 'YYYY-Qn', years after the first order k, clients buying in that
    year, of them with two or more orders that year) for clients whose first order is
    between `since` and `as_of`. Year k covers days [365k, 365(k+1)) after the first order."""
    where, params = scope_sql(scope)
    as_of_next = _next_day(as_of)
    return _rows(
        "WITH first AS MATERIALIZED ("
        "  SELECT o.client_id, MIN(o.ordered_on) AS day FROM orders o JOIN client c ON c.id = o.client_id "
        f"  WHERE o.{LIVE_ORDER} AND o.ordered_on < ?{where} GROUP BY o.client_id HAVING day >= ?), "
        "per_year AS ("
        "  SELECT f.day, CAST((julianday(o.ordered_on) - julianday(f.day)) / 365 AS INTEGER) AS k, COUNT(*) AS n "
        f"  FROM first f JOIN orders o ON o.client_id = f.client_id WHERE o.{LIVE_ORDER} AND o.ordered_on < ? "
        "  GROUP BY o.client_id, k) "
        "SELECT substr(day, 1, 4) || '-Q' || ((CAST(substr(day, 6, 2) AS INTEGER) + 2) / 3) AS cohort, "
        "k, COUNT(*), SUM(n >= 2) FROM per_year GROUP BY cohort, k ORDER BY cohort, k",
        [as_of_next, *params, since.isoformat(), as_of_next])


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


def referral_revenue(scope: ClientScope, first: date, last: date) -> list[tuple]:
    """(referrer id, referred clients in scope, their revenue in the period) per referrer."""
    where, params = scope_sql(scope)
    category = " AND o.category = ?" if scope.needs else ""
    return _rows(
        "SELECT c.referred_by_id, COUNT(DISTINCT c.id), TOTAL(o.paid) FROM client c "
        f"LEFT JOIN orders o ON o.client_id = c.id AND o.{LIVE_ORDER} AND o.ordered_on >= ? AND o.ordered_on < ?"
        f"{category} WHERE c.referred_by_id IS NOT NULL{where} GROUP BY c.referred_by_id",
        [first.isoformat(), _next_day(last), *([scope.needs] if scope.needs else []), *params])
