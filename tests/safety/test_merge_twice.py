"""`lifecrm merge FILE` twice, as two runs of the command: phone variants land on one
client, and the second run changes nothing."""

import json
import sqlite3
from datetime import date

from lifecrm_gui.services.clients import create_client
from lifecrm_gui.services.timeline import log_event
from lifecrm_gui.store.db import close_database, open_database, table_digests

from .processes import Child


def digests(path) -> dict:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return table_digests(conn)
    finally:
        conn.close()


def test_merging_a_laptop_twice_from_the_command_line(tmp_path):
    home = tmp_path / "home"
    studio, laptop = tmp_path / "studio.sqlite3", tmp_path / "expo.sqlite3"
    open_database(studio)
    create_client({"name": "王芳", "phone": "138 0013 8000"}, as_of=date(2026, 6, 1))
    close_database()
    open_database(laptop)
    fang = create_client({"name": "王芳", "phone": "+86 138-0013-8000", "wechat": "fang_wedding"},
                         as_of=date(2026, 6, 20))
    log_event(fang, "inquiry", "婚博会咨询", occurred_at=date(2026, 6, 20), as_of=date(2026, 6, 20))
    create_client({"name": "刘洋", "phone": "139 0013 9000"}, as_of=date(2026, 6, 20))
    close_database()

    first = Child("cli", "merge", str(laptop), "--db", str(studio), "--json", "--as-of", "2026-06-30", home=home)
    assert first.finish() == 0, first.stderr()
    summary = json.loads("\n".join(first.rest()))
    assert (summary["new_clients"], summary["matched"], summary["conflicts"]) == (1, 1, 0)
    conn = sqlite3.connect(studio)
    assert conn.execute("SELECT name, phone, wechat FROM client ORDER BY id").fetchall() == [
        ("王芳", "+8613800138000", "fang_wedding"), ("刘洋", "+8613900139000", None)]
    assert conn.execute("SELECT COUNT(*) FROM event WHERE kind = 'inquiry'").fetchone()[0] == 1
    conn.close()
    after_first = digests(studio)

    second = Child("cli", "merge", str(laptop), "--db", str(studio), "--as-of", "2026-06-30", home=home)
    assert second.finish() == 0, second.stderr()
    assert "nothing to do" in second.rest()[0]
    assert digests(studio) == after_first
