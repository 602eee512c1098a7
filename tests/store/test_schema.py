import sqlite3

import pytest

from lifecrm_gui.store import migrations
from lifecrm_gui.store.db import NewerDatabaseError, close_database, open_database, schema_version
from lifecrm_gui.store.models import ALL_MODELS, Client


def test_models_match_the_migrated_schema(db):
    for model in ALL_MODELS:
        columns = {c.name for c in db.get_columns(model._meta.table_name)}
        fields = {f.column_name for f in model._meta.sorted_fields}
        assert columns == fields, model.__name__


def test_connection_settings(db):
    pragma = lambda name: db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2
    assert pragma("foreign_keys") == 1
    assert pragma("secure_delete") == 1
    assert pragma("busy_timeout") == 5000
    assert pragma("user_version") == migrations.LATEST_VERSION


def test_orders_aggregate_uses_the_covering_index(db):
    plan = " ".join(str(r) for r in db.execute_sql(
        "EXPLAIN QUERY PLAN SELECT client_id, COUNT(*), TOTAL(paid), MAX(ordered_on) FROM orders "
        "WHERE status != 'cancelled' AND ordered_on < '2026-01-01' GROUP BY client_id"))
    assert "COVERING INDEX orders_client_cover" in plan


@pytest.mark.parametrize("query, index", [
    # the activities a recompute aggregates, without the stage changes beside them
    ("SELECT client_id, MAX(occurred_at), AVG(satisfaction) FROM event WHERE is_activity = 1 "
     "AND occurred_at < '2026-01-01' GROUP BY client_id", "COVERING INDEX event_activity_cover"),
    # the shoots of the coming days (Today), from the index of orders with a shoot day
    ("SELECT id FROM orders WHERE shoot_on IN ('2026-01-01', '2026-01-02')", "INDEX orders_shoot_on"),
    # a segment's clients who ordered a category, and the dashboard's "has an order of it"
    ("SELECT client_id FROM orders WHERE status != 'cancelled' AND category IN ('wedding', 'newborn') "
     "AND ordered_on <= '2026-01-01'", "COVERING INDEX orders_category_cover"),
    ("SELECT 1 FROM orders WHERE client_id = 7 AND category = 'wedding' AND status != 'cancelled'",
     "COVERING INDEX orders_category_cover"),
    ("SELECT id FROM event WHERE order_id = 7", "INDEX event_order_id"),
    ("SELECT id FROM orders WHERE campaign_id = 7", "INDEX orders_campaign_id"),
    # a duplicate contact, a referrer's referrals
    ("SELECT id FROM client WHERE wechat = 'zhang_wei'", "INDEX client_wechat"),
    ("SELECT id FROM client WHERE phone_alt IN ('+8613800138000')", "INDEX client_phone_alt"),
    ("SELECT id FROM client WHERE referred_by_id = 7", "INDEX client_referred_by_id"),
])
def test_reads_find_their_partial_and_covering_indexes(db, query, index):
    plan = " ".join(str(r) for r in db.execute_sql(f"EXPLAIN QUERY PLAN {query}"))
    assert index in plan


def _version_1_database(path):
    conn = sqlite3.connect(path)
    migrations._v1(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO client (uuid, name, phone, created_at, updated_at) "
                 "VALUES ('u-1', '张伟', '+8613800138000', '2024-01-01 10:00:00', '2024-01-01 10:00:00')")
    conn.execute("INSERT INTO tag (name) VALUES ('VIP')")
    conn.execute("INSERT INTO client_tag (client_id, tag_id) VALUES (1, 1)")
    conn.commit()
    conn.close()


def test_migrating_from_version_1_keeps_data_and_fills_search_keys(db_path):
    _version_1_database(db_path)
    db = open_database(db_path)
    try:
        assert schema_version(db.connection()) == migrations.LATEST_VERSION
        assert Client.get(Client.uuid == "u-1").name == "张伟"
        text, sort_key = db.execute_sql("SELECT text, sort_key FROM client_search WHERE client_id = 1").fetchone()
        assert "zw" in text and "13800138000" in text and "vip" in text
        assert sort_key.startswith("zhangwei")
    finally:
        close_database()
    copies = list(db_path.parent.glob(f"{db_path.stem}.v1-*.bak"))
    assert len(copies) == 1
    assert sqlite3.connect(copies[0]).execute("PRAGMA user_version").fetchone()[0] == 1


def test_a_failing_step_leaves_the_previous_version(db_path, monkeypatch):
    _version_1_database(db_path)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(migrations, "MIGRATIONS", ((1, migrations._v1), (2, broken)))
    monkeypatch.setattr("lifecrm_gui.store.db.MIGRATIONS", ((1, migrations._v1), (2, broken)))
    monkeypatch.setattr("lifecrm_gui.store.db.LATEST_VERSION", 2)
    with pytest.raises(RuntimeError):
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchall()


def test_a_database_from_a_newer_version_is_refused_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerDatabaseError) as refused:
        open_database(db_path)
    assert "newer LifeCRM" in str(refused.value)
    assert db_path.read_bytes() == before
