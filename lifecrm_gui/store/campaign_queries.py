"""The SQL of campaigns and the Today view: segments as one query each with every
filter in SQL, the consent, frequency-cap and playbook exclusions counted in the
same query, set-based attribution of orders, and the Today lists.

Most filters find their clients by index (birthdays and anniversaries by month and
day, stages and classes through the covering audience index, orders by category):
see store/campaign_schema.py."""

from datetime import date, timedelta
from functools import lru_cache

from lifecrm_gui.domain import lunar, milestones
from lifecrm_gui.domain.campaign_rules import FrequencyCap, Segment, SegmentCount

from .models import database, new_uuid

LUNAR_KEY = "lunar_birth_key"
_SEP = "char(31)"


@lru_cache(maxsize=65536)
def _lunar_key(text):
    if not text:
        return None
    try:
        return lunar.birth_key(date.fromisoformat(str(text)[:10]))
    except ValueError:
        return None


def register_functions(conn) -> None:
    """The SQL function that gives a stored date of birth's lunar birthday key."""
    conn.create_function(LUNAR_KEY, 1, _lunar_key, deterministic=True)


def _conn():
    conn = database.connection()
    register_functions(conn)
    return conn


def _marks(values) -> str:
    return ",".join("?" * len(values))


def _day(value: date) -> str:
    return value.isoformat()


# --------------------------------------------------------------------------- date fragments

def _birthday_terms(column: str, lunar_column: str, as_of: date, days: int, on_lunar: bool) -> list[tuple]:
    """(condition, params) terms, all to hold: a birthday within `days` of as_of of
    someone who celebrates by the Gregorian (on_lunar False) or the lunar calendar.
    Kept as separate terms so the partial indexes on birthdays apply."""
    if on_lunar:
        keys = sorted(lunar.birth_keys_within(as_of, days))
        match = (f"{LUNAR_KEY}({column}) IN ({_marks(keys)})", keys)
    else:
        month_days = sorted(milestones.month_days_within(as_of, days))
        match = (f"substr({column}, 6, 5) IN ({_marks(month_days)})", month_days)
    return [(f"{lunar_column} = {int(on_lunar)}", []), (f"{column} < ?", [_day(as_of)]), match]


def _joined(terms) -> tuple[str, list]:
    return " AND ".join(t for t, _ in terms), [p for _, params in terms for p in params]


def _anniversary_terms(column: str, as_of: date, days: int) -> list[tuple]:
    month_days = sorted(milestones.month_days_within(as_of, days))
    return [(f"{column} < ?", [_day(as_of)]), (f"substr({column}, 6, 5) IN ({_marks(month_days)})", month_days)]


def _child_condition(as_of: date, days: int):
    """A child (family member `f`) with 满月, 百天 or a birthday within `days` of as_of."""
    ranges, params = [], []
    for offset in (milestones.FULL_MONTH_DAYS, milestones.HUNDRED_DAYS):
        ranges.append("f.birthday BETWEEN ? AND ?")
        params += [_day(as_of - timedelta(days=offset)), _day(as_of + timedelta(days=days - offset))]
    solar, solar_params = _joined(_birthday_terms("f.birthday", "f.birthday_lunar", as_of, days, False))
    moon, moon_params = _joined(_birthday_terms("f.birthday", "f.birthday_lunar", as_of, days, True))
    return (f"f.relation = 'child' AND f.birthday IS NOT NULL AND ({' OR '.join(ranges)} OR ({solar}) OR ({moon}))",
            params + solar_params + moon_params)


# --------------------------------------------------------------------------- segments

def matched_clause(segment: Segment, as_of: date) -> tuple[str, list]:
    """A condition on client `c` that holds when the segment's filters all hold."""
    parts, params = ["c.deleted_at IS NULL"], []

    def add(sql, values=()):
        parts.append(sql)
        params.extend(values)

    # A list of most stages reads most clients: a scan beats the stage index then.
    stage_column = "c.stage" if len(segment.stages) <= 2 else "+c.stage"
    for column, values in ((stage_column, segment.stages), ("c.tier", segment.tiers),
                           ("c.client_class", segment.classes), ("c.quadrant", segment.quadrants),
                           ("c.source", segment.sources), ("c.kind", segment.kinds),
                           ("c.lost_reason", segment.lost_reasons)):
        if values:
            add(f"{column} IN ({_marks(values)})", values)
    if segment.needs:
        add("(" + " OR ".join("instr(',' || c.needs || ',', ?) > 0" for _ in segment.needs) + ")",
            [f",{n}," for n in segment.needs])
    if segment.tags:
        add(f"c.id IN (SELECT ct.client_id FROM client_tag ct JOIN tag t ON t.id = ct.tag_id "
            f"WHERE t.name IN ({_marks(segment.tags)}))", segment.tags)
    if segment.spend_min is not None:
        add("c.spend >= ?", [segment.spend_min])
    if segment.spend_max is not None:
        add("c.spend <= ?", [segment.spend_max])
    last_seen = "max(COALESCE(c.last_activity_on, ''), COALESCE(c.last_order_on, ''))"
    if segment.idle_min is not None:
        add(f"{last_seen} <= ?", [_day(as_of - timedelta(days=segment.idle_min))])
    if segment.idle_max is not None:
        add(f"{last_seen} >= ?", [_day(as_of - timedelta(days=segment.idle_max))])
    for days, on_lunar in ((segment.birthday_within, False), (segment.lunar_birthday_within, True)):
        if days is not None:
            for term in _birthday_terms("c.birthday", "c.birthday_lunar", as_of, days, on_lunar):
                add(*term)
    if segment.anniversary_within is not None:
        for term in _anniversary_terms("c.wedding_date", as_of, segment.anniversary_within):
            add(*term)
    if segment.child_milestone_within is not None:
        sql, values = _child_condition(as_of, segment.child_milestone_within)
        add(f"c.id IN (SELECT f.client_id FROM family_member f WHERE {sql})", values)
    if segment.child_age_min is not None or segment.child_age_max is not None:
        earliest_excluded, latest = milestones.birth_range_for_ages(as_of, segment.child_age_min,
                                                                    segment.child_age_max)
        sql, values = ["relation = 'child'", "birthday IS NOT NULL"], []
        if latest is not None:
            sql.append("birthday <= ?")
            values.append(_day(latest))
        if earliest_excluded is not None:
            sql.append("birthday > ?")
            values.append(_day(earliest_excluded))
        add(f"c.id IN (SELECT client_id FROM family_member WHERE {' AND '.join(sql)})", values)
    if segment.ordered:
        newest = as_of - timedelta(days=segment.ordered_days_min or 0)
        sql = (f"SELECT client_id FROM orders WHERE status != 'cancelled' AND category IN "
               f"({_marks(segment.ordered)}) AND ordered_on <= ?")
        values = [*segment.ordered, _day(newest)]
        if segment.ordered_days_max is not None:
            sql += " AND ordered_on >= ?"
            values.append(_day(as_of - timedelta(days=segment.ordered_days_max)))
        add(f"c.id IN ({sql})", values)
    if segment.never_ordered:
        add(f"c.id NOT IN (SELECT client_id FROM orders WHERE status != 'cancelled' AND category IN "
            f"({_marks(segment.never_ordered)}))", segment.never_ordered)
    if segment.delivered_days_min is not None or segment.delivered_days_max is not None:
        sql, values = "SELECT client_id FROM event WHERE kind = 'delivery' AND occurred_at < ?", [
            _day(as_of - timedelta(days=(segment.delivered_days_min or 0) - 1))]
        if segment.delivered_days_max is not None:
            sql += " AND occurred_at >= ?"
            values.append(_day(as_of - timedelta(days=segment.delivered_days_max)))
        add(f"c.id IN ({sql})", values)
    if segment.referral_within is not None:
        since = _day(as_of - timedelta(days=segment.referral_within))
        add("c.id IN (SELECT r.referred_by_id FROM orders o JOIN client r ON r.id = o.client_id "
            "WHERE o.ordered_on >= ? AND o.ordered_on <= ? AND o.status != 'cancelled' "
            "AND r.referred_by_id IS NOT NULL AND r.deleted_at IS NULL AND r.first_order_on >= ?)",
            [since, _day(as_of), since])
    return " AND ".join(parts), params


def _touched_cte(segment: Segment, as_of: date) -> tuple[str, list]:
    """Clients the segment's playbook reached (or lined up) within its repeat days."""
    if not segment.not_touched_by:
        return "touched(client_id) AS (SELECT NULL WHERE 0)", []
    since = _day(as_of - timedelta(days=segment.not_touched_days or 0))
    return ("touched(client_id) AS (SELECT DISTINCT r.client_id FROM campaign_recipient r "
            "JOIN campaign k ON k.id = r.campaign_id WHERE k.playbook = ? "
            "AND (r.sent_at >= ? OR (r.sent_at IS NULL AND k.created_at >= ?)))",
            [segment.not_touched_by, since, since])


def _capped_cte(as_of: date, cap: FrequencyCap) -> tuple[str, list]:
    """Clients who already had `cap.touches` campaign touches in the cap's window up to as_of."""
    return ("capped(client_id) AS (SELECT client_id FROM event WHERE kind = 'campaign' AND occurred_at >= ? "
            "AND occurred_at < ? GROUP BY client_id HAVING COUNT(*) >= ?)",
            [_day(cap.window_start(as_of)), _day(as_of + timedelta(days=1)), cap.touches])


def _exclusions(segment: Segment, as_of: date, cap: FrequencyCap) -> tuple[str, list]:
    capped, capped_params = _capped_cte(as_of, cap)
    touched, touched_params = _touched_cte(segment, as_of)
    return f"WITH {capped}, {touched} ", [*capped_params, *touched_params]


_CAPPED = "c.id IN (SELECT client_id FROM capped)"
_TOUCHED = "c.id IN (SELECT client_id FROM touched)"


def segment_sql(segment: Segment, as_of: date, cap: FrequencyCap) -> tuple[str, list]:
    """The one query behind a segment's count and what it leaves out: the clients found
    (and of them those without consent) by the filters' indexes, then those at the cap
    and those the playbook reached, each counted from its own small set (CROSS JOIN keeps
    SQLite reading that set first)."""
    head, params = _exclusions(segment, as_of, cap)
    matched, matched_params = matched_clause(segment, as_of)
    sql = (f"{head}SELECT COUNT(*), TOTAL(c.consent = 0) FROM client c WHERE {matched} "
           f"UNION ALL SELECT COUNT(*), 0 FROM capped CROSS JOIN client c ON c.id = capped.client_id "
           f"WHERE {matched} AND c.consent = 1 "
           f"UNION ALL SELECT COUNT(*), 0 FROM touched CROSS JOIN client c ON c.id = touched.client_id "
           f"WHERE {matched} AND c.consent = 1 AND NOT {_CAPPED}")
    return sql, [*params, *matched_params * 3]


def count_segment(segment: Segment, as_of: date, cap: FrequencyCap) -> SegmentCount:
    sql, params = segment_sql(segment, as_of, cap)
    (matched, no_consent), (capped, _), (touched, _) = _conn().execute(sql, params).fetchall()
    return SegmentCount(matched, int(no_consent), capped, touched)


def eligible_ids(segment: Segment, as_of: date, cap: FrequencyCap, limit: int | None = None) -> list[int]:
    """The clients a campaign on this segment may reach, in name order."""
    head, params = _exclusions(segment, as_of, cap)
    matched, matched_params = matched_clause(segment, as_of)
    sql = (f"{head.rstrip()}, chosen(id) AS MATERIALIZED (SELECT c.id FROM client c WHERE {matched} AND c.consent = 1 "
           f"AND NOT {_CAPPED} AND NOT {_TOUCHED}) SELECT chosen.id FROM chosen "
           "LEFT JOIN client_search s ON s.client_id = chosen.id ORDER BY s.sort_key, chosen.id")
    params = [*params, *matched_params]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [r[0] for r in _conn().execute(sql, params)]


def matched_ids(segment: Segment, as_of: date) -> list[int]:
    """Every client the filters find, consent or not (for tests and explanations)."""
    matched, params = matched_clause(segment, as_of)
    return [r[0] for r in _conn().execute(f"SELECT c.id FROM client c WHERE {matched} ORDER BY c.id", params)]


def touches_in(client_ids, start: date, end: date) -> dict[int, int]:
    """Campaign touches per client on the days start..end."""
    ids = list(client_ids)
    out = {}
    for chunk in _chunks(ids):
        for cid, count in _conn().execute(
                f"SELECT client_id, COUNT(*) FROM event WHERE kind = 'campaign' AND occurred_at >= ? "
                f"AND occurred_at < ? AND client_id IN ({_marks(chunk)}) GROUP BY client_id",
                [_day(start), _day(end + timedelta(days=1)), *chunk]):
            out[cid] = count
    return out


def _chunks(ids, size: int = 900):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


# --------------------------------------------------------------------------- merge facts

def merge_rows(client_ids, as_of: date) -> dict[int, dict]:
    """Per client: name, salutation, tier, the last shoot ([category, package, date]) up
    to as_of and the youngest child ([name, birthday]); None where there is none."""
    ids = list(client_ids)
    out = {}
    day = _day(as_of)
    for chunk in _chunks(ids):
        for cid, name, salutation, tier, shoot, child in _conn().execute(
                "SELECT c.id, c.name, c.salutation, c.tier, "
                f"(SELECT COALESCE(o.category, '') || {_SEP} || o.package || {_SEP} || "
                "COALESCE(o.shoot_on, o.ordered_on) FROM orders o WHERE o.client_id = c.id AND o.status IN "
                "('shot', 'delivered') AND COALESCE(o.shoot_on, o.ordered_on) <= ? "
                "ORDER BY COALESCE(o.shoot_on, o.ordered_on) DESC, o.id DESC LIMIT 1), "
                f"(SELECT f.name || {_SEP} || COALESCE(f.birthday, '') FROM family_member f WHERE "
                "f.client_id = c.id AND f.relation = 'child' ORDER BY f.birthday IS NULL, f.birthday DESC LIMIT 1) "
                f"FROM client c WHERE c.id IN ({_marks(chunk)})", [day, *chunk]):
            out[cid] = {"name": name, "salutation": salutation, "tier": tier,
                        "last_shoot": shoot.split("\x1f") if shoot is not None else None,
                        "child": child.split("\x1f") if child is not None else None}
    return out


# --------------------------------------------------------------------------- occasions

def occasion_rows(as_of: date, birthday_days: int, anniversary_days: int, child_days: int) -> list[tuple]:
    """Candidates for the occasions coming up (each kind within its own number of days):
    (client id, kind, origin date, family member name, lunar flag, client name, phone,
    consent) for birthdays, anniversaries and children's dates; the exact dates are the
    domain's to work out. Each part finds its rows by index, but the children's
    (family members are few)."""
    parts, params = [], []
    client = "c.name, c.phone, c.consent"
    for on_lunar in (False, True):
        where, values = _joined(_birthday_terms("c.birthday", "c.birthday_lunar", as_of, birthday_days, on_lunar))
        parts.append(f"SELECT c.id, 'birthday', c.birthday, NULL, {int(on_lunar)}, {client} FROM client c "
                     f"WHERE c.deleted_at IS NULL AND {where}")
        params += values
    where, values = _joined(_anniversary_terms("c.wedding_date", as_of, anniversary_days))
    parts.append(f"SELECT c.id, 'anniversary', c.wedding_date, NULL, 0, {client} FROM client c "
                 f"WHERE c.deleted_at IS NULL AND {where}")
    params += values
    where, values = _child_condition(as_of, child_days)
    parts.append(f"SELECT f.client_id, 'child', f.birthday, f.name, f.birthday_lunar, {client} FROM family_member f "
                 f"JOIN client c ON c.id = f.client_id WHERE c.deleted_at IS NULL AND {where}")
    params += values
    return list(_conn().execute(" UNION ALL ".join(parts), params))


CLIENT_BRIEF_COLUMNS = ("id", "name", "phone", "consent", "stage", "tier", "client_class")


def client_briefs(client_ids) -> dict[int, tuple]:
    ids = list(client_ids)
    out = {}
    for chunk in _chunks(ids):
        for row in _conn().execute(
                f"SELECT {', '.join(CLIENT_BRIEF_COLUMNS)} FROM client WHERE id IN ({_marks(chunk)})", chunk):
            out[row[0]] = row
    return out


# --------------------------------------------------------------------------- Today

def due_tasks(as_of: date, limit: int) -> list[tuple]:
    """Open follow-ups due on or before as_of: (task id, client id, name, phone, title, note, due, staff)."""
    return list(_conn().execute(
        "SELECT t.id, t.client_id, c.name, c.phone, t.title, t.note, t.due_on, t.staff FROM task t "
        "JOIN client c ON c.id = t.client_id WHERE t.done_at IS NULL AND t.due_on <= ? AND c.deleted_at IS NULL "
        "ORDER BY t.due_on, t.id LIMIT ?", (_day(as_of), limit)))


def count_due_tasks(as_of: date) -> int:
    return _conn().execute(
        "SELECT COUNT(*) FROM task t JOIN client c ON c.id = t.client_id WHERE t.done_at IS NULL AND "
        "t.due_on <= ? AND c.deleted_at IS NULL", (_day(as_of),)).fetchone()[0]


def shoots_on(days) -> list[tuple]:
    """Booked shoots on the given days: (order id, client id, name, phone, shoot day, category, package, status)."""
    days = [_day(d) for d in days]
    return list(_conn().execute(
        "SELECT o.id, o.client_id, c.name, c.phone, o.shoot_on, o.category, o.package, o.status FROM orders o "
        f"JOIN client c ON c.id = o.client_id WHERE o.shoot_on IN ({_marks(days)}) AND o.status IN "
        "('booked', 'shot') AND c.deleted_at IS NULL ORDER BY o.shoot_on, c.name", days))


def newly_dormant(as_of: date, dormant_after_days: int, within_days: int, limit: int) -> tuple[list[tuple], int, int]:
    """Dormant clients who crossed the dormant line within `within_days`, most valuable
    first: (rows (id, name, phone, consent, ltv, spend, last seen), how many in all,
    how many of them without marketing consent), in one query."""
    last_seen = "max(COALESCE(c.last_activity_on, ''), COALESCE(c.last_order_on, ''))"
    latest = _day(as_of - timedelta(days=dormant_after_days + 1))
    earliest = _day(as_of - timedelta(days=dormant_after_days + within_days))
    rows = list(_conn().execute(
        f"SELECT c.id, c.name, c.phone, c.consent, c.ltv_total, c.spend, {last_seen}, COUNT(*) OVER (), "
        f"TOTAL(c.consent = 0) OVER () FROM client c WHERE c.deleted_at IS NULL AND c.stage = 'dormant' "
        f"AND {last_seen} BETWEEN ? AND ? ORDER BY c.ltv_total DESC, c.id LIMIT ?", (earliest, latest, limit)))
    if not rows:
        return [], 0, 0
    return [r[:7] for r in rows], rows[0][7], int(rows[0][8])


# --------------------------------------------------------------------------- campaigns

def playbook_campaign(playbook: str, starts_on: date) -> int | None:
    row = _conn().execute("SELECT id FROM campaign WHERE playbook = ? AND starts_on = ? AND status != 'closed' "
                          "ORDER BY id DESC LIMIT 1", (playbook, _day(starts_on))).fetchone()
    return row[0] if row else None


def insert_recipients(campaign_id: int, rows) -> int:
    """rows: (client id, message); clients already in the campaign are kept as they are."""
    rows = [(new_uuid(), campaign_id, cid, message) for cid, message in rows]
    _conn().executemany("INSERT OR IGNORE INTO campaign_recipient (uuid, campaign_id, client_id, status, message) "
                        "VALUES (?, ?, ?, 'pending', ?)", rows)
    return len(rows)


RECIPIENT_COLUMNS = ("id", "client_id", "name", "phone", "wechat", "email", "address", "status", "sent_at",
                     "replied_at", "order_id", "revenue", "message", "consent", "salutation", "phone_alt")


def recipient_rows(campaign_id: int, status: str | None = None, ids=None) -> list[tuple]:
    sql = ("SELECT r.id, r.client_id, c.name, c.phone, c.wechat, c.email, c.address, r.status, r.sent_at, "
           "r.replied_at, r.order_id, r.revenue, r.message, c.consent, c.salutation, c.phone_alt "
           "FROM campaign_recipient r "
           "JOIN client c ON c.id = r.client_id LEFT JOIN client_search s ON s.client_id = c.id "
           "WHERE r.campaign_id = ?")
    params: list = [campaign_id]
    if status:
        sql += " AND r.status = ?"
        params.append(status)
    if ids is not None:
        ids = list(ids)
        sql += f" AND r.id IN ({_marks(ids)})"
        params += ids
    return list(_conn().execute(sql + " ORDER BY s.sort_key, r.id", params))


def pending_recipients(campaign_id: int, recipient_ids=None) -> list[tuple[int, int, str]]:
    """(recipient id, client id, message) of the recipients still pending."""
    sql = "SELECT id, client_id, message FROM campaign_recipient WHERE campaign_id = ? AND status = 'pending'"
    params: list = [campaign_id]
    if recipient_ids is not None:
        ids = list(recipient_ids)
        sql += f" AND id IN ({_marks(ids)})"
        params += ids
    return list(_conn().execute(sql, params))


def record_touches(campaign_id: int, touches, stamp: str, staff: str | None) -> None:
    """Recipients sent: touches are (recipient id, client id, timeline text). Each gets the
    timeline row services.timeline.log_event writes for a campaign message (studio-only,
    not client activity), all in two statements."""
    touches = list(touches)
    conn = _conn()
    conn.executemany(
        "INSERT INTO event (uuid, client_id, occurred_at, kind, text, staff, is_activity, campaign_id, win_back, "
        "created_at) VALUES (?, ?, ?, 'campaign', ?, ?, 0, ?, 0, ?)",
        [(new_uuid(), cid, stamp, text, staff, campaign_id, stamp) for _rid, cid, text in touches])
    conn.executemany("UPDATE campaign_recipient SET status = CASE status WHEN 'pending' THEN 'sent' ELSE status END, "
                     "sent_at = ? WHERE id = ?", [(stamp, rid) for rid, _cid, _text in touches])


def attribute_orders(window_days: int, as_of: date) -> int:
    """Attribute every unattributed order placed within the window after a touch to the
    campaign of the latest such touch, then bring each recipient's order, revenue and
    status in line with the orders attributed to it. Returns the orders attributed."""
    conn = _conn()
    conn.execute(
        "WITH touch AS (SELECT campaign_id, client_id, substr(sent_at, 1, 10) AS sent_on FROM campaign_recipient "
        "               WHERE sent_at IS NOT NULL), "
        "ranked AS (SELECT o.id AS order_id, t.campaign_id, ROW_NUMBER() OVER ("
        "               PARTITION BY o.id ORDER BY t.sent_on DESC, t.campaign_id DESC) AS n "
        "           FROM orders o JOIN touch t ON t.client_id = o.client_id "
        "           WHERE o.campaign_id IS NULL AND o.status != 'cancelled' AND o.ordered_on <= ? "
        "             AND o.ordered_on >= t.sent_on AND o.ordered_on <= date(t.sent_on, ?)) "
        "UPDATE orders SET campaign_id = ranked.campaign_id FROM ranked "
        "WHERE ranked.order_id = orders.id AND ranked.n = 1", (_day(as_of), f"+{int(window_days)} days"))
    attributed = conn.execute("SELECT changes()").fetchone()[0]  # a cursor's rowcount misses WITH ... UPDATE
    status = ("CASE WHEN r.status = 'opted_out' THEN 'opted_out' WHEN a.first_order IS NOT NULL THEN 'booked' "
              "WHEN r.replied_at IS NOT NULL THEN 'replied' WHEN r.sent_at IS NOT NULL THEN 'sent' ELSE 'pending' END")
    conn.execute(
        f"UPDATE campaign_recipient AS r SET order_id = a.first_order, revenue = a.revenue, status = {status} "
        "FROM (SELECT x.id AS rid, MIN(o.id) AS first_order, CAST(TOTAL(o.amount) AS INTEGER) AS revenue "
        "      FROM campaign_recipient x LEFT JOIN orders o ON o.campaign_id = x.campaign_id "
        "           AND o.client_id = x.client_id AND o.status != 'cancelled' GROUP BY x.id) a "
        f"WHERE a.rid = r.id AND (r.order_id IS NOT a.first_order OR r.revenue != a.revenue OR r.status != {status})")
    return attributed


FIGURE_COLUMNS = ("recipients", "reach", "replied", "booked", "opted_out", "bookings", "revenue")


def campaign_figures(campaign_ids=None) -> dict[int, tuple]:
    """Per campaign, in FIGURE_COLUMNS order, from two aggregates."""
    where, params = "", []
    if campaign_ids is not None:
        ids = list(campaign_ids)
        where, params = f" WHERE k.id IN ({_marks(ids)})", ids
    conn = _conn()
    out = {}
    for row in conn.execute(
            "SELECT k.id, COUNT(r.id), TOTAL(r.sent_at IS NOT NULL), "
            "TOTAL(r.replied_at IS NOT NULL OR r.status IN ('replied', 'booked')), TOTAL(r.order_id IS NOT NULL), "
            f"TOTAL(r.status = 'opted_out') FROM campaign k LEFT JOIN campaign_recipient r ON r.campaign_id = k.id"
            f"{where} GROUP BY k.id", params):
        out[row[0]] = [row[1], *(int(v) for v in row[2:]), 0, 0]
    where = where.replace("k.id", "o.campaign_id")
    for campaign_id, bookings, revenue in conn.execute(
            "SELECT o.campaign_id, COUNT(*), TOTAL(o.amount) FROM orders o "
            f"{where or ' WHERE 1'} AND o.campaign_id IS NOT NULL AND o.status != 'cancelled' "
            "GROUP BY o.campaign_id", params):
        if campaign_id in out:
            out[campaign_id][5:7] = [bookings, int(revenue)]
    return {k: tuple(v) for k, v in out.items()}


def touched_by_playbook(playbook: str, since: date, client_ids) -> dict[int, bool]:
    """Which of these clients the playbook reached since a day (True) or has lined up
    in a campaign not sent yet (False)."""
    ids = list(client_ids)
    out = {}
    for chunk in _chunks(ids):
        for cid, sent in _conn().execute(
                "SELECT r.client_id, MAX(r.sent_at >= ?) FROM campaign_recipient r "
                "JOIN campaign k ON k.id = r.campaign_id "
                "WHERE k.playbook = ? AND (r.sent_at >= ? OR (r.sent_at IS NULL AND k.created_at >= ?)) "
                f"AND r.client_id IN ({_marks(chunk)}) GROUP BY r.client_id",
                [_day(since), playbook, _day(since), _day(since), *chunk]):
            out[cid] = bool(sent)
    return out
