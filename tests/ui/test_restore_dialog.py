"""Restore from a backup: the backups with their date, size and check; a damaged one
cannot be chosen; a restore asks first and brings the data back exactly."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from lifecrm_gui import paths
from lifecrm_gui.services import backup as backup_service
from lifecrm_gui.services import backups
from lifecrm_gui.store.db import table_digests
from lifecrm_gui.store.models import Client, database
from lifecrm_gui.ui.restore_dialog import RestoreDialog

from .conftest import add_client

WAIT_MS = 20_000
NOW = datetime(2026, 6, 30, 9, 0)


@pytest.fixture(autouse=True)
def no_scheduler_left():
    yield
    backups.stop()


@pytest.fixture
def answer(monkeypatch):
    """What the person answers to the confirmation, and the questions asked."""
    asked = []
    choice = {"button": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return choice["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return choice, asked


@pytest.fixture
def saved(ctx):
    """A good backup with one client, a newer damaged one, and a second client since."""
    add_client("王芳", "13800138000")
    good = backups.backup_before("close", NOW - timedelta(days=1)).path
    damaged = paths.backup_dir() / backup_service.backup_name("studio", NOW, "auto")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    add_client("李雷", "13912345678")
    return good, damaged


def loaded_dialog(ctx, qtbot) -> RestoreDialog:
    dialog = RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.listed, timeout=WAIT_MS):
        dialog.load()
    return dialog


def test_backups_are_listed_newest_first_with_their_check(ctx, qtbot, saved):
    good, _damaged = saved
    dialog = loaded_dialog(ctx, qtbot)
    assert dialog.table.rowCount() == 2
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows[0][0] == "2026-06-30 09:00" and rows[0][2:] == ["Automatic", "Damaged"]
    assert rows[1][0] == "2026-06-29 09:00" and rows[1][2:] == ["On closing", "Verified"]
    assert dialog.count.text() == "2 backups, 1 of them pass their check."
    assert not dialog.restore_button.isEnabled()
    dialog.select_row(0)  # the damaged one cannot be chosen
    assert dialog.selected() is None and not dialog.restore_button.isEnabled()
    dialog.select_row(1)
    assert dialog.selected().path == good and dialog.restore_button.isEnabled()


def test_restoring_asks_then_brings_the_backup_back_exactly(ctx, qtbot, saved, answer):
    good, _damaged = saved
    _choice, asked = answer
    dialog = loaded_dialog(ctx, qtbot)
    dialog.select_row(1)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT_MS) as restored, \
            qtbot.waitSignal(ctx.clientsChanged, timeout=WAIT_MS) as changed:
        dialog.restore_selected()
    assert "2026-06-29 09:00" in asked[0]
    assert changed.args == [[]]
    conn = sqlite3.connect(good)
    assert table_digests(database.connection()) == table_digests(conn)
    conn.close()
    assert [c.name for c in Client.select()] == ["王芳"]
    result = restored.args[0]
    assert "kept in" in dialog.status.text() and str(result.safety_backup) in dialog.status.text()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=WAIT_MS)  # the safety backup is listed too


def test_saying_no_changes_nothing(ctx, qtbot, saved, answer):
    choice, asked = answer
    choice["button"] = QMessageBox.StandardButton.Cancel
    dialog = loaded_dialog(ctx, qtbot)
    dialog.select_row(1)
    assert dialog.restore_selected() is None
    assert len(asked) == 1
    assert sorted(c.name for c in Client.select()) == ["李雷", "王芳"]


def test_with_no_backups_the_dialog_says_so(ctx, qtbot):
    dialog = loaded_dialog(ctx, qtbot)
    assert dialog.table.rowCount() == 0 and dialog.count.text() == "There are no backups yet."


# --- at start-up: a damaged database ------------------------------------------------------------

def corrupt(path) -> None:
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'client_phone'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(b"\x5a" * 4096)


def test_a_damaged_database_at_start_offers_the_newest_good_backup(ctx, db_path, answer):
    from lifecrm_gui.services import recovery
    from lifecrm_gui.store.db import close_database
    from lifecrm_gui.ui.restore_dialog import offer_recovery

    _choice, asked = answer
    add_client("王芳", "13800138000")
    good = backups.backup_before("close", NOW).path
    backups.stop()
    close_database()
    corrupt(db_path)
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert report.status == "damaged"
    db, reopened = offer_recovery(report)
    assert str(report.moved_to) in asked[0] and "2026-06-30 09:00" in asked[0]
    assert reopened.writable and database.obj is db
    conn = sqlite3.connect(good)
    assert table_digests(db.connection()) == table_digests(conn)
    conn.close()


def test_declining_the_offer_keeps_the_damaged_copy_read_only(ctx, db_path, answer):
    from lifecrm_gui.services import recovery
    from lifecrm_gui.store.db import close_database
    from lifecrm_gui.ui.restore_dialog import offer_recovery

    choice, _asked = answer
    choice["button"] = QMessageBox.StandardButton.No
    add_client("王芳", "13800138000")
    backups.backup_before("close", NOW)
    backups.stop()
    close_database()
    corrupt(db_path)
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert offer_recovery(report) is None
    assert not db_path.exists() and report.moved_to.exists()
    assert [c.name for c in Client.select()] == ["王芳"]  # readable, and read-only


def test_with_no_good_backup_the_person_is_told(ctx, db_path, no_messages):
    from lifecrm_gui.services import recovery
    from lifecrm_gui.store.db import close_database
    from lifecrm_gui.ui.restore_dialog import offer_recovery, warn_about_location

    close_database()
    corrupt(db_path)
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert offer_recovery(report) is None
    assert no_messages[0][0] == "critical" and "No backup" in no_messages[0][1]
    assert not warn_about_location(report)
    report.warnings.append("The database is in a folder that Dropbox synchronises")
    assert warn_about_location(report) and "Dropbox" in no_messages[1][1]
