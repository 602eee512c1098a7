"""kill -9 during a schema migration, at random moments: the database is always at the
old schema with the old tables or at the latest with all of them, never in between,
and the next start finishes the job with every row still there."""

import random
import shutil
import sqlite3
import time

from lifecrm_gui.store.db import close_database, integrity, open_database
from lifecrm_gui.store.migrations import LATEST_VERSION, MIGRATIONS

from .processes import Child

ROUNDS = 5
CLIENTS = 1200


def schema(path) -> tuple[int, set]:
    conn = sqlite3.connect(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = set(conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()
    return version, objects


def build_version_1(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = wal")
    MIGRATIONS[0][1](conn)
    stamp = "2025-05-01 10:00:00"
    conn.executemany("INSERT INTO client (uuid, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                     ((f"u{i}", f"欧阳{'明华春秋'[i % 4]}{i}", f"+86138{i:08d}", stamp, stamp)
                      for i in range(CLIENTS)))
    conn.executemany("INSERT INTO event (uuid, client_id, occurred_at, kind, text, is_activity, created_at) "
                     "VALUES (?, ?, ?, 'inquiry', '咨询', 1, ?)", ((f"e{i}", i + 1, stamp, stamp)
                                                                for i in range(CLIENTS)))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_a_migration_killed_at_random_moments_leaves_the_old_schema_or_the_new(tmp_path):
    template = tmp_path / "v1.sqlite3"
    build_version_1(template)
    old = schema(template)
    fresh = tmp_path / "fresh.sqlite3"
    open_database(fresh)
    close_database()
    new = schema(fresh)
    assert old[0] == 1 and new[0] == LATEST_VERSION and old[1] < new[1]

    rng = random.Random(11)
    outcomes = {"old": 0, "new": 0, "killed": 0}
    window = None
    for n in range(ROUNDS + 1):
        path = tmp_path / f"round{n}" / "studio.sqlite3"
        path.parent.mkdir()
        shutil.copyfile(template, path)
        child = Child("migrate", str(path), home=tmp_path / "home")
        child.wait_for("begin")
        if window is None:  # the timing run migrates all the way
            started = time.monotonic()
            child.wait_for("done")
            window = time.monotonic() - started
            assert child.finish() == 0, child.stderr()
        elif not child.finish_or_kill(window * (n - 1 + rng.random()) / ROUNDS):
            outcomes["killed"] += 1  # round n is killed somewhere in the n-th slice of the migration
        assert integrity(path) == "ok"
        found = schema(path)
        assert found in (old, new), f"round {n}: schema version {found[0]} with {sorted(found[1] ^ new[1])}"
        outcomes["old" if found == old else "new"] += 1
        # The next start finishes the migration, and nothing was lost either way.
        open_database(path)
        close_database()
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT COUNT(*), COUNT(DISTINCT uuid) FROM client").fetchone() == (CLIENTS, CLIENTS)
        assert conn.execute("SELECT COUNT(*) FROM event").fetchone()[0] == CLIENTS
        assert conn.execute("SELECT COUNT(*) FROM client_search").fetchone()[0] == CLIENTS
        conn.close()
        assert schema(path) == new
    assert outcomes["killed"] >= 2
    assert outcomes["old"] >= 1
