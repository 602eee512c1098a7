"""A page of the database overwritten with garbage: the next start finds it, keeps the
damaged file aside, and `lifecrm restore` gives back the backup exactly."""

import json
import sqlite3
from datetime import date

from lifecrm_gui.services.clients import create_client
from lifecrm_gui.services.timeline import add_order, log_event
from lifecrm_gui.store.db import close_database, open_database, table_digests

from .processes import Child


def digests(path) -> dict:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return table_digests(conn)
    finally:
        conn.close()


def test_a_corrupted_page_is_detected_and_restore_gives_back_the_backup_exactly(tmp_path):
    home = tmp_path / "home"
    db_path = tmp_path / "studio.sqlite3"
    open_database(db_path)
    for n in range(60):
        cid = create_client({"name": f"客户{n}", "phone": f"1380013{n:04d}"}, as_of=date(2026, 6, 30))
        log_event(cid, "inquiry", "咨询", occurred_at=date(2026, 6, 1), as_of=date(2026, 6, 30))
        if n % 3 == 0:
            add_order(cid, {"ordered_on": "2026-06-10", "amount": "3999"}, as_of=date(2026, 6, 30))
    close_database()

    backup_run = Child("cli", "backup", str(tmp_path / "kept.sqlite3"), "--db", str(db_path), home=home)
    assert backup_run.finish() == 0, backup_run.stderr()
    saved = tmp_path / "kept.sqlite3"
    expected = digests(saved)

    # Garbage over the page holding the phone index, in the database file itself.
    conn = sqlite3.connect(db_path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client_phone'").fetchone()[0]
    conn.close()
    with open(db_path, "r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(bytes(range(256)) * 16)

    check = Child("cli", "backups", "--db", str(db_path), home=home)
    assert check.finish() == 2  # the backups are listed; the exit code says the database is damaged
    assert "damaged" in check.stderr() and check.rest() == ["no backups yet"]  # the copy was taken elsewhere
    moved = list(tmp_path.glob("studio.damaged-*.sqlite3"))
    assert len(moved) == 1 and not db_path.exists()

    restore = Child("cli", "restore", str(saved), "--db", str(db_path), home=home)
    assert restore.finish() == 0, restore.stderr()
    assert any(line.startswith("restored") for line in restore.rest())
    assert digests(db_path) == expected
    assert moved[0].exists()  # the damaged file is still there for whoever wants to look

    # The restored database opens as usual, and a restore over a healthy one keeps the old state.
    open_database(db_path)
    create_client({"name": "恢复后的新客户"}, as_of=date(2026, 6, 30))
    close_database()
    after_new_client = digests(db_path)
    again = Child("cli", "restore", str(saved), "--db", str(db_path), "--json", home=home)
    assert again.finish() == 0, again.stderr()
    assert digests(db_path) == expected
    safety = json.loads("\n".join(again.rest()))["safety_backup"]
    assert digests(tmp_path / safety) == after_new_client
