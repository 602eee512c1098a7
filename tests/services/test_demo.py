import hashlib
import re
import uuid
from collections import Counter
from datetime import date, timedelta
from random import Random

import pytest

from lifecrm_gui.domain.vocab import (ACTIVITY_KINDS, CONSENT_CHANNELS, EVENT_KINDS, INDUSTRIES, LOST_REASONS,
                                      NEEDS, NEEDS_ENTERPRISE, ORDER_STATUSES, RELATIONS, SOURCES, STYLES)
from lifecrm_gui.search_keys import search_text, sort_key
from lifecrm_gui.services.contacts import normalise_email, normalise_phone, normalise_wechat
from lifecrm_gui.services.demo import (BOOKING_HORIZON_DAYS, PACKAGES, DemoSummary, demo_uuid,
                                       generate_demo)
from lifecrm_gui.store.db import make_database, migrate

AS_OF = date(2026, 6, 30)
CLIENTS = 300
TABLES = {  # table -> the order its rows are read in for the digest
    "client": "id", "client_search": "client_id", "family_member": "id", "orders": "id", "event": "id",
    "tag": "id", "client_tag": "client_id, tag_id", "task": "id",
}
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def demo(db):
    summary = generate_demo(db, CLIENTS, seed=7, as_of=AS_OF)
    return db.connection(), summary


def digest(conn) -> str:
    h = hashlib.sha256()
    for table, order in TABLES.items():
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            h.update(repr(row).encode())
    return h.hexdigest()


def generate_elsewhere(path, seed) -> str:
    other = make_database(path)
    other.connect()
    try:
        migrate(other, path)
        generate_demo(other, CLIENTS, seed=seed, as_of=AS_OF)
        return digest(other.connection())
    finally:
        other.close()


def column(conn, sql, *params):
    return [r[0] for r in conn.execute(sql, params)]


def scalar(conn, sql, *params):
    return conn.execute(sql, params).fetchone()[0]


def test_same_seed_same_rows_another_seed_other_rows(demo, tmp_path):
    conn, _ = demo
    assert digest(conn) == generate_elsewhere(tmp_path / "again.sqlite3", 7)
    assert digest(conn) != generate_elsewhere(tmp_path / "other.sqlite3", 8)


def test_summary_counts_what_was_written(demo):
    conn, summary = demo
    count = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert summary == DemoSummary(clients=CLIENTS, family_members=count["family_member"], orders=count["orders"],
                                  events=count["event"], tags=count["tag"], client_tags=count["client_tag"],
                                  tasks=count["task"])
    assert count["client"] == count["client_search"] == CLIENTS
    assert 3.5 <= summary.orders / CLIENTS <= 6.5  # about 5 orders a client: the benchmark scale
    assert 2 <= summary.events / CLIENTS <= 10
    assert summary.tasks > 0 and summary.tags >= 6 and summary.family_members > CLIENTS // 2


def test_foreign_keys_hold_and_referrals_never_cycle(demo):
    conn, _ = demo
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    referred_by = dict(conn.execute("SELECT id, referred_by_id FROM client WHERE referred_by_id IS NOT NULL"))
    assert all(referrer < cid for cid, referrer in referred_by.items())  # always an earlier client
    for start in referred_by:
        seen, cid = set(), start
        while cid in referred_by:
            assert cid not in seen
            seen.add(cid)
            cid = referred_by[cid]
    per_referrer = Counter(referred_by.values())
    assert len(referred_by) > CLIENTS // 10
    assert max(per_referrer.values()) >= 3  # some clients refer several friends
    # The referrer had bought by the time they referred, and it is on their timeline.
    for cid, referrer in referred_by.items():
        seen_on = conn.execute("SELECT first_seen_on FROM client WHERE id = ?", (cid,)).fetchone()[0]
        first_order = conn.execute("SELECT MIN(ordered_on) FROM orders WHERE client_id = ? AND status != 'cancelled'",
                                   (referrer,)).fetchone()[0]
        assert first_order is not None and first_order <= seen_on
    assert conn.execute("SELECT COUNT(*) FROM event WHERE kind = 'referral'").fetchone()[0] == len(referred_by)


def test_search_rows_phones_and_contacts(demo):
    conn, _ = demo
    tags = {}
    for cid, name in conn.execute("SELECT ct.client_id, t.name FROM client_tag ct JOIN tag t ON t.id = ct.tag_id "
                                  "ORDER BY ct.client_id, ct.rowid"):
        tags.setdefault(cid, []).append(name)
    rows = conn.execute("SELECT c.id, c.name, c.contact_person, c.phone, c.phone_alt, c.wechat, c.email, s.text, "
                        "s.sort_key FROM client c LEFT JOIN client_search s ON s.client_id = c.id").fetchall()
    assert len(rows) == CLIENTS
    for cid, name, contact, phone, phone_alt, wechat, email, text, key in rows:
        assert text == search_text(name, contact, (phone, phone_alt), wechat, email, tags.get(cid, ()))
        assert key == sort_key(name)
    phones = column(conn, "SELECT phone FROM client UNION ALL SELECT phone_alt FROM client WHERE phone_alt IS NOT NULL")
    assert None not in phones and len(phones) == len(set(phones)) > CLIENTS
    for phone in phones:
        assert re.fullmatch(r"\+861[3-9]\d{9}", phone)
        assert normalise_phone(phone) == phone  # a valid mainland mobile, stored normalised
    wechats = column(conn, "SELECT wechat FROM client WHERE wechat IS NOT NULL")
    emails = column(conn, "SELECT email FROM client WHERE email IS NOT NULL")
    assert CLIENTS * 0.4 < len(wechats) == len(set(wechats)) and CLIENTS * 0.1 < len(emails) == len(set(emails))
    assert all(normalise_wechat(w) == w for w in wechats)
    assert all(normalise_email(e) == e for e in emails)


def test_the_studio_has_every_kind_of_story(demo):
    conn, _ = demo
    as_of = AS_OF.isoformat()
    # Enterprises, with their own needs.
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE kind = 'enterprise'") >= 3
    for industry, contact, rank, needs in conn.execute(
            "SELECT industry, contact_person, reputation_rank, needs FROM client WHERE kind = 'enterprise'"):
        assert industry in INDUSTRIES and contact and 1 <= rank <= 5
        assert set(needs.split(",")) <= set(NEEDS_ENTERPRISE)
    # Clients who never bought: some with a recent inquiry, some long ago, some without any event.
    no_orders = "NOT EXISTS (SELECT 1 FROM orders o WHERE o.client_id = c.id AND o.status != 'cancelled')"
    assert scalar(conn, f"SELECT COUNT(*) FROM client c WHERE {no_orders}") > CLIENTS // 20
    last_touch = "(SELECT MAX(occurred_at) FROM event e WHERE e.client_id = c.id AND e.is_activity = 1)"
    half_year_ago = (AS_OF - timedelta(days=180)).isoformat()
    assert scalar(conn, f"SELECT COUNT(*) FROM client c WHERE {no_orders} AND {last_touch} >= ?", half_year_ago)
    assert scalar(conn, f"SELECT COUNT(*) FROM client c WHERE {no_orders} AND {last_touch} < ?", half_year_ago)
    assert scalar(conn, "SELECT COUNT(*) FROM client c WHERE NOT EXISTS "
                        "(SELECT 1 FROM event e WHERE e.client_id = c.id)") >= 1
    # Buyers idle for over a year (dormant) and over two (churned).
    buyers = no_orders.replace("NOT EXISTS", "EXISTS")
    idle = conn.execute(
        "SELECT MAX(COALESCE((SELECT MAX(substr(occurred_at, 1, 10)) FROM event e WHERE e.client_id = c.id "
        "AND e.is_activity = 1), ''), (SELECT MAX(ordered_on) FROM orders o WHERE o.client_id = c.id "
        f"AND o.status != 'cancelled')) FROM client c WHERE {buyers}").fetchall()
    days = [(AS_OF - date.fromisoformat(last)).days for (last,) in idle]
    assert sum(365 < d <= 730 for d in days) >= 5
    assert sum(d > 730 for d in days) >= 5
    assert sum(d <= 180 for d in days) >= 20
    # Orders of every status; cancelled ones among them.
    statuses = Counter(column(conn, "SELECT status FROM orders"))
    assert {"booked", "shot", "delivered", "cancelled"} <= set(statuses) <= set(ORDER_STATUSES)
    assert statuses["delivered"] > sum(statuses.values()) // 2
    # Families: spouses, children (some born within the last year), parents, lunar birthdays.
    relations = Counter(column(conn, "SELECT relation FROM family_member"))
    assert set(relations) <= set(RELATIONS) and relations["spouse"] and relations["child"] and relations["parent"]
    assert scalar(conn, "SELECT COUNT(*) FROM family_member WHERE relation = 'child' AND birthday > ?",
                  (AS_OF - timedelta(days=365)).isoformat()) >= 2
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE birthday_lunar = 1") >= 1
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE wedding_date IS NOT NULL") > CLIENTS // 5
    # Lost clients, with a reason and a note, and no order after the mark.
    lost = conn.execute("SELECT id, lost_on, lost_reason, lost_note FROM client WHERE lost_on IS NOT NULL").fetchall()
    assert lost
    for cid, lost_on, reason, note in lost:
        assert reason in LOST_REASONS and note and lost_on <= as_of
        assert scalar(conn, "SELECT COUNT(*) FROM orders WHERE client_id = ? AND ordered_on > ? "
                            "AND status != 'cancelled'", cid, lost_on) == 0
    # Origins, influence, consent.
    sources = Counter(column(conn, "SELECT source FROM client"))
    assert set(sources) <= set(SOURCES) and {"social", "referral", "expo", "walk_in", "website"} <= set(sources)
    assert all(re.fullmatch(r"\d{4}(春季|夏季|秋季|冬季)(婚博会|亲子展|品牌展会)", d)
               for d in column(conn, "SELECT source_detail FROM client WHERE source = 'expo'"))
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE followers > 0") > CLIENTS // 10
    consent = scalar(conn, "SELECT AVG(consent) FROM client")
    assert 0.6 <= consent <= 0.8
    for on, channel in conn.execute("SELECT consent_on, consent_channel FROM client WHERE consent = 1"):
        assert on <= as_of and channel in CONSENT_CHANNELS
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE consent = 0 AND (consent_on IS NOT NULL "
                        "OR consent_channel IS NOT NULL)") == 0
    # No campaign message reaches a client without consent.
    assert scalar(conn, "SELECT COUNT(*) FROM event e JOIN client c ON c.id = e.client_id "
                        "WHERE e.kind = 'campaign' AND c.consent = 0") == 0
    # Tags and open follow-ups around as_of.
    tag_names = set(column(conn, "SELECT t.name FROM client_tag ct JOIN tag t ON t.id = ct.tag_id"))
    assert {"VIP", "老客户", "宝妈", "企业客户"} <= tag_names
    for due, done in conn.execute("SELECT due_on, done_at FROM task"):
        assert done is None and abs((date.fromisoformat(due) - AS_OF).days) <= 60


def test_nothing_happens_after_as_of_but_booked_shoots(demo):
    conn, _ = demo
    as_of, horizon = AS_OF.isoformat(), (AS_OF + timedelta(days=BOOKING_HORIZON_DAYS)).isoformat()
    end = as_of + " 23:59:59"
    assert scalar(conn, "SELECT MAX(ordered_on) FROM orders") <= as_of
    assert scalar(conn, "SELECT MAX(created_at) FROM orders") <= end
    assert scalar(conn, "SELECT MAX(occurred_at) FROM event") <= end
    assert scalar(conn, "SELECT MAX(created_at) FROM event") <= end
    assert scalar(conn, "SELECT MAX(created_at) FROM client") <= end
    assert scalar(conn, "SELECT MAX(updated_at) FROM client") <= end
    assert scalar(conn, "SELECT MAX(first_seen_on) FROM client") <= as_of
    assert scalar(conn, "SELECT MAX(created_at) FROM task") <= end
    assert scalar(conn, "SELECT MAX(birthday) FROM family_member") <= as_of
    assert scalar(conn, "SELECT MIN(first_seen_on) FROM client") >= (AS_OF - timedelta(days=5 * 366)).isoformat()
    later = conn.execute("SELECT status, shoot_on FROM orders WHERE shoot_on > ?", (as_of,)).fetchall()
    assert later and all(status == "booked" and shoot <= horizon for status, shoot in later)


def test_rows_are_well_formed(demo):
    conn, _ = demo
    for row in conn.execute("SELECT needs, styles, created_at, updated_at, first_seen_on, birthday FROM client"):
        needs, styles, created, updated, seen, birthday = row
        assert needs == "" or set(needs.split(",")) <= set(NEEDS)
        assert styles == "" or set(styles.split(",")) <= set(STYLES)
        assert STAMP.match(created) and STAMP.match(updated) and created <= updated
        assert DAY.match(seen) and created.startswith(seen)
        assert birthday is None or DAY.match(birthday)
    for kind, activity, satisfaction, created, occurred in conn.execute(
            "SELECT kind, is_activity, satisfaction, created_at, occurred_at FROM event"):
        assert kind in EVENT_KINDS and kind != "stage_change"
        assert activity == (kind in ACTIVITY_KINDS)
        assert (satisfaction is not None) == (kind == "feedback") and (satisfaction is None or 1 <= satisfaction <= 5)
        assert STAMP.match(occurred) and created == occurred
    orders = conn.execute("SELECT id, category, package, amount, paid, status, shoot_on, ordered_on, created_at "
                          "FROM orders").fetchall()
    order_events = Counter(column(conn, "SELECT order_id FROM event WHERE kind = 'order'"))
    for oid, category, package, amount, paid, status, shoot_on, ordered_on, created in orders:
        assert category in NEEDS and package and amount > 0 and 0 <= paid <= amount
        assert created.startswith(ordered_on) and STAMP.match(created)
        assert shoot_on is None or shoot_on >= ordered_on
        if status in ("cancelled", "quoted"):
            assert paid == 0
        if status == "booked":
            assert 0 < paid and shoot_on is not None
    assert not order_events  # orders are on the timeline from their own table, never twice
    delivered = [(a, p) for _, _, _, a, p, s, *_ in orders if s == "delivered"]
    assert sum(a == p for a, p in delivered) > 0.9 * len(delivered)  # paid in full, mostly
    # Prices in the studio's ranges (CNY).
    for category, (low, high) in {"wedding_portrait": (5000, 30000), "id_photo": (50, 200),
                                  "fashion_show": (30000, 200000)}.items():
        main = [a // 100 for a in column(conn, "SELECT amount FROM orders WHERE category = ? AND note != '选片时加购'",
                                         category)]
        assert all(low - 12 <= a <= high for a in main), category
    assert set(PACKAGES) == set(NEEDS)
    # An inquiry (or a first visit or email) comes before each buyer's first order.
    for cid, first_order in conn.execute("SELECT client_id, MIN(created_at) FROM orders GROUP BY client_id"):
        first_touch = conn.execute("SELECT MIN(occurred_at) FROM event WHERE client_id = ? AND kind IN "
                                   "('inquiry', 'visit', 'email')", (cid,)).fetchone()[0]
        assert first_touch is not None and first_touch < first_order
    uuids = [u for t in ("client", "family_member", "orders", "event", "task")
             for u in column(conn, f"SELECT uuid FROM {t}")]
    assert len(uuids) == len(set(uuids))
    assert all(uuid.UUID(u).version == 4 and str(uuid.UUID(u)) == u for u in uuids[:500])
    # Only facts: the derived columns are left for recompute.
    assert conn.execute("SELECT COUNT(*) FROM client WHERE stage IS NOT NULL OR spend != 0 OR tier != 0 "
                        "OR order_count != 0 OR last_activity_on IS NOT NULL OR ltv_total != 0").fetchone()[0] == 0


def test_a_bigger_studio_has_the_rarer_things(db):
    generate_demo(db, 2000, seed=3, as_of=AS_OF)
    conn = db.connection()
    # Quotes waiting for an answer, made in the last three weeks.
    quoted = conn.execute("SELECT ordered_on, paid, shoot_on FROM orders WHERE status = 'quoted'").fetchall()
    assert quoted and all(o >= (AS_OF - timedelta(days=21)).isoformat() and p == 0 and s is None
                          for o, p, s in quoted)
    # Enterprises on an annual contract.
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE kind = 'enterprise' AND annual_contract = 1") >= 3
    # Influencers, tagged so.
    assert scalar(conn, "SELECT COUNT(*) FROM client WHERE followers >= 50000") >= 3
    assert scalar(conn, "SELECT COUNT(*) FROM client_tag ct JOIN tag t ON t.id = ct.tag_id WHERE t.name = '网红'")
    # Chinese names: surnames by frequency, now and then a polyphonic or a compound one.
    names = column(conn, "SELECT name FROM client WHERE kind = 'individual'")
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,4}", n) for n in names)
    assert Counter(n[0] for n in names).most_common(3)[0][0] in "王李张"
    assert any(n[:2] in ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "尉迟") for n in names)
    assert sum(n[0] in "单曾解区仇朴" for n in names) >= 5
    salutations = column(conn, "SELECT salutation FROM client WHERE kind = 'individual'")
    assert all(s.endswith(("女士", "先生")) for s in salutations)


def test_every_lifecycle_stage_occurs(demo):
    from lifecrm_gui.services.recompute import evaluate

    derived, _ = evaluate(AS_OF)
    stages = Counter(d.stage for d in derived.values())
    assert set(stages) == {"lead", "prospect", "new", "active", "loyal", "dormant", "churned"}


def test_demo_uuid_is_uuid4_of_the_bits():
    rng = Random(5)
    for _ in range(1000):
        bits = rng.getrandbits(128)
        assert demo_uuid(bits) == str(uuid.UUID(int=bits, version=4))


def test_progress_and_refusing_a_database_with_clients(db):
    calls = []
    generate_demo(db, 12, seed=1, as_of=AS_OF, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 12) and calls[-1] == (12, 12)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    with pytest.raises(ValueError, match="empty"):
        generate_demo(db, 5, seed=1, as_of=AS_OF)
    assert db.connection().execute("SELECT COUNT(*) FROM client").fetchone()[0] == 12


def test_zero_clients_writes_only_the_tags(db):
    summary = generate_demo(db, 0, as_of=AS_OF)
    assert summary.clients == summary.orders == summary.events == 0


def test_the_schema_is_as_it_was(db):
    conn = db.connection()
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    before = conn.execute(schema).fetchall()
    generate_demo(db, 50, seed=2, as_of=AS_OF)
    assert conn.execute(schema).fetchall() == before
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
