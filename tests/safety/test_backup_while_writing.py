"""Backups taken while another process keeps writing are valid, consistent snapshots."""

import sqlite3

from lifecrm_gui.services import backup as backup_service
from lifecrm_gui.services import backups
from lifecrm_gui.store.db import close_database, integrity, open_database

from .processes import Child

BACKUPS = 6


def snapshot(path) -> tuple[int, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        clients = conn.execute("SELECT COUNT(*) FROM client").fetchone()[0]
        pairs = conn.execute("SELECT COUNT(*) FROM event WHERE kind = 'note' AND text = 'pair'").fetchone()[0]
    finally:
        conn.close()
    return clients, pairs


def test_backups_taken_while_another_process_writes_are_valid(tmp_path):
    db_path = tmp_path / "studio.sqlite3"
    open_database(db_path)
    child = Child("steady-writer", str(db_path), "4000", home=tmp_path / "home")
    try:
        child.wait_for("started")
        taken = []
        for n in range(BACKUPS):
            outcome = backups.backup_before("auto")
            taken.append(outcome.path)
            if child.proc.poll() is not None:
                break
        still_writing = child.proc.poll() is None
    finally:
        child.finish_or_kill(0)
        backups.stop()
        close_database()
    counts = []
    for path in taken:
        assert backup_service.verify_backup(path) == "ok"
        clients, pairs = snapshot(path)
        assert clients == pairs  # each transaction wrote a client and its entry: never half of one
        counts.append(clients)
    assert counts == sorted(counts) and counts[0] > 0
    assert still_writing or len(set(counts)) > 1  # the writer really was writing meanwhile
    assert integrity(db_path) == "ok"
