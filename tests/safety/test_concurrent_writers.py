"""Two processes writing the same database at once: every write lands, none fails
with "database is locked" (busy timeout and BEGIN IMMEDIATE in store.db)."""

import sqlite3

from lifecrm_gui.store.db import close_database, integrity, open_database

from .processes import Child

EACH = 80


def test_two_processes_write_at_once_without_locked_errors(tmp_path):
    db_path = tmp_path / "studio.sqlite3"
    open_database(db_path)
    close_database()
    children = [Child("writer", str(db_path), name, str(EACH), home=tmp_path / "home", stdin=True)
                for name in ("前台", "展会")]
    for child in children:
        child.wait_for("ready")
    for child in children:
        child.send("go")
    for child in children:
        assert child.wait_for("done") == "done 0", child.lines
        assert child.finish() == 0, child.stderr()
        assert not [line for line in child.lines if line.startswith("failed")]
    assert integrity(db_path) == "ok"
    conn = sqlite3.connect(db_path)
    counts = dict(conn.execute("SELECT substr(ref, 1, 2), COUNT(*) FROM client GROUP BY 1"))
    conn.close()
    assert counts == {"前台": EACH, "展会": EACH}
