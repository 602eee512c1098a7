"""Automatic backups: verified before they count, taken when something changed,
rotated without ever losing a good one, copied to a second location, restored."""

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from lifecrm_gui import paths
from lifecrm_gui.domain.rotation import backups_to_keep
from lifecrm_gui.services import backup as backup_service
from lifecrm_gui.services import backups
from lifecrm_gui.services.clients import create_client
from lifecrm_gui.store import db as store_db
from lifecrm_gui.store.migrations import LATEST_VERSION, MIGRATIONS
from lifecrm_gui.store.models import Client, database
from tests.conftest import AS_OF

NOW = datetime(2026, 6, 30, 9, 0)


@pytest.fixture(autouse=True)
def no_scheduler_left():
    yield
    backups.stop()


def digests(path) -> dict:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return store_db.table_digests(conn)
    finally:
        conn.close()


def live_digests() -> dict:
    return store_db.table_digests(database.connection())


def add_client(name="王芳", phone=None):
    return create_client({"name": name, "phone": phone}, as_of=AS_OF)


def fake_backup(folder: Path, stem: str, when: datetime, reason: str = "auto") -> Path:
    """A file named like a backup (rotation goes by the name's date)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / backup_service.backup_name(stem, when, reason)
    path.write_bytes(b"")
    return path


# --- one backup -------------------------------------------------------------------------

def test_a_backup_is_a_verified_single_file_with_nothing_left_beside_it(db, db_path):
    add_client()
    target = backup_service.backup(reason="close", when=NOW)
    assert target.parent == paths.backup_dir()
    assert target.name == "studio-20260630-090000-close.sqlite3"
    assert backup_service.verify(target) == "ok"
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no -wal, -shm, .partial
    with open(target, "rb") as handle:
        header = handle.read(20)
    assert header[18:20] == b"\x01\x01"  # rollback journal: a self-contained file
    assert digests(target)["client"] == live_digests()["client"]


def test_two_backups_in_the_same_second_both_stay(db):
    first = backup_service.backup(reason="merge", when=NOW)
    second = backup_service.backup(reason="merge", when=NOW)
    assert first != second and first.exists() and second.exists()
    assert backup_service.parse_backup_name(second.name, "studio") == (NOW, "merge")


def test_a_backup_that_fails_its_check_is_discarded_and_the_old_ones_stay(db, monkeypatch):
    folder = paths.backup_dir()
    old = [fake_backup(folder, "studio", NOW - timedelta(days=d)) for d in (40, 400, 800)]
    monkeypatch.setattr(store_db, "integrity", lambda path, quick=False: "*** in database main ***\nPage 3: bad")
    with pytest.raises(backup_service.BackupFailed, match="Page 3"):
        backups.backup_before("merge", NOW)
    assert sorted(folder.iterdir()) == sorted(old)  # nothing new, nothing rotated away


def test_parse_backup_name_knows_our_files_and_no_others():
    assert backup_service.parse_backup_name("studio-20260630-090000.sqlite3", "studio") == (NOW, "")
    assert backup_service.parse_backup_name("studio-20260630-090000-auto-3.sqlite3", "studio") == (NOW, "auto")
    assert backup_service.parse_backup_name("studio.v2-20260630-090000.bak", "studio") == (NOW, "migration")
    assert backup_service.parse_backup_name("other-20260630-090000.sqlite3", "studio") is None
    assert backup_service.parse_backup_name("studio-20261399-090000.sqlite3", "studio") is None
    assert backup_service.parse_backup_name("notes.txt") is None


# --- when backups are taken ---------------------------------------------------------------

def test_the_timer_backs_up_only_after_a_change_and_thirty_minutes(db, db_path):
    auto = backups.AutoBackup(db_path, second_dir=None)
    first = auto.backup_if_changed(NOW)  # no backup yet: the first one is due
    assert first is not None and first.path.exists()
    assert auto.backup_if_changed(NOW + timedelta(hours=2)) is None  # nothing changed since
    add_client()
    assert auto.changed()
    assert auto.backup_if_changed(NOW + timedelta(minutes=29, seconds=59)) is None  # too soon
    second = auto.backup_if_changed(NOW + timedelta(minutes=30))
    assert second is not None and digests(second.path)["client"] == live_digests()["client"]
    assert auto.backup_if_changed(NOW + timedelta(minutes=90)) is None
    auto.close()


def test_a_write_by_another_process_counts_as_a_change(db, db_path):
    auto = backups.AutoBackup(db_path, second_dir=None)
    auto.take("auto", NOW)
    other = sqlite3.connect(db_path)
    other.execute("INSERT INTO setting (key, value) VALUES ('studio_name', '\"光影\"')")
    other.commit()
    other.close()
    assert auto.backup_if_changed(NOW + timedelta(minutes=31)) is not None
    auto.close()


def test_on_close_backs_up_only_when_something_changed(db, db_path):
    auto = backups.AutoBackup(db_path, second_dir=None)
    auto.take("auto", NOW)
    assert auto.on_close(NOW + timedelta(minutes=1)) is None
    add_client()
    outcome = auto.on_close(NOW + timedelta(minutes=2))
    assert outcome is not None and outcome.path.name.endswith("-close.sqlite3")
    auto.close()


def test_the_module_scheduler_follows_the_open_database(db, db_path):
    outcome = backups.backup_if_changed(NOW)
    assert outcome is not None
    assert backups.scheduler().db_path == db_path
    assert backups.backup_if_changed(NOW + timedelta(hours=1)) is None
    add_client()
    assert backups.backup_on_close(NOW + timedelta(hours=1)) is not None


def test_a_migration_leaves_a_verified_copy_of_the_old_schema_beside_the_database(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    MIGRATIONS[0][1](conn)
    conn.execute("INSERT INTO client (uuid, name, created_at, updated_at) VALUES ('u1', '王芳', '2026-01-01', "
                 "'2026-01-01')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store_db.open_database(path)
    store_db.close_database()
    copies = list(tmp_path.glob("old.v1-*.bak"))
    assert len(copies) == 1
    assert backup_service.verify_backup(copies[0]) == "ok"
    copy = sqlite3.connect(copies[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
    assert copy.execute("SELECT name FROM client").fetchall() == [("王芳",)]
    copy.close()
    assert [b.reason for b in backup_service.list_backups(tmp_path / "none", "old", beside=path)] == ["migration"]


# --- rotation -----------------------------------------------------------------------------

def test_after_a_good_backup_the_old_ones_are_rotated_by_the_policy(db, db_path):
    folder = paths.backup_dir()
    stamps = [NOW - timedelta(hours=h) for h in range(1, 24 * 500, 7)]
    for stamp in stamps:
        fake_backup(folder, "studio", stamp)
    other_database = fake_backup(folder, "elsewhere", NOW - timedelta(days=300))
    outcome = backups.backup_before("import", NOW)
    left = {backup_service.parse_backup_name(p.name, "studio")[0] for p in folder.iterdir() if p != other_database}
    assert left == backups_to_keep([*stamps, NOW], NOW)
    assert len(outcome.removed) == len(stamps) + 1 - len(left)
    assert other_database.exists()  # another database's backups are not ours to rotate


def test_copies_left_half_written_by_a_killed_process_are_cleared_once_old(db):
    import os

    folder = paths.backup_dir()
    folder.mkdir(parents=True)
    old = folder / "studio-20260101-100000-auto.sqlite3.partial"
    fresh = folder / "studio-20260630-085959-auto.sqlite3.partial"
    for path in (old, fresh):
        path.write_bytes(b"half a copy")
    os.utime(old, (0, 0))
    outcome = backups.backup_before("auto", NOW)
    assert not old.exists() and old in outcome.removed
    assert fresh.exists()  # perhaps still being written by another process


# --- two databases of the same name --------------------------------------------------------

def _laptop_database(tmp_path: Path, name: str) -> Path:
    """Another studio database with the same file name, in a folder of its own."""
    path = tmp_path / "laptop" / name
    path.parent.mkdir()
    other = store_db.make_database(path)
    other.connect()
    store_db.migrate(other, path)
    other.close()
    return path


def test_each_database_has_its_own_id_and_its_backups_carry_it(db, db_path, tmp_path):
    laptop = _laptop_database(tmp_path, db_path.name)
    ours = backup_service.database_uuid(database.connection())
    assert ours and backup_service.file_database_uuid(laptop) not in (None, ours)
    assert backup_service.file_database_uuid(backup_service.backup(reason="close", when=NOW)) == ours


def test_a_database_of_the_same_name_neither_rotates_nor_offers_the_others_backups(db, db_path, tmp_path):
    folder = paths.backup_dir()
    laptop = _laptop_database(tmp_path, db_path.name)
    conn = sqlite3.connect(laptop)
    theirs = [backups.take_backup(conn, laptop, reason="auto", now=NOW - timedelta(hours=h), rotate=False).path
              for h in range(1, 200, 9)]
    conn.close()
    older = fake_backup(folder, "studio", NOW - timedelta(hours=5))  # made before databases had an id
    outcome = backups.backup_before("import", NOW)  # our rotation: theirs would crowd ours out
    assert all(path.exists() for path in theirs) and not set(theirs) & set(outcome.removed)
    offered = {b.path for b in backups.available_backups(check=False)}
    assert outcome.path in offered and older in offered and not offered & set(theirs)
    assert {b.path for b in backups.available_backups(check=False, db_path=laptop)} == {*theirs, older}


def test_recovery_offers_only_the_databases_own_newest_good_backup(db, db_path, tmp_path):
    from lifecrm_gui.services import recovery

    ours = backups.backup_before("close", NOW - timedelta(days=1)).path
    laptop = _laptop_database(tmp_path, db_path.name)
    conn = sqlite3.connect(laptop)
    theirs = backups.take_backup(conn, laptop, reason="close", now=NOW, rotate=False).path
    conn.close()
    # the laptop's backup is newer; a damaged studio file that can still say which it is gets its own
    assert recovery.newest_good_backup(db_path).path == ours != theirs


# --- the second location ------------------------------------------------------------------

def test_a_copy_goes_to_the_second_location_verified_and_rotated(db, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    stale = fake_backup(stick, "studio", NOW - timedelta(days=800))
    backups.set_second_dir(stick)
    add_client()
    outcome = backups.backup_before("merge", NOW)
    assert outcome.second == stick / outcome.path.name
    assert backup_service.verify_backup(outcome.second) == "ok"
    assert digests(outcome.second) == digests(outcome.path)
    assert not stale.exists() and stale in outcome.removed
    assert outcome.warnings == []


def test_a_missing_second_location_is_a_warning_not_a_failure(db, tmp_path):
    backups.set_second_dir(tmp_path / "unplugged-stick")
    outcome = backups.backup_before("merge", NOW)
    assert outcome.path.exists() and outcome.second is None
    assert len(outcome.warnings) == 1 and "unplugged-stick" in outcome.warnings[0]
    assert not (tmp_path / "unplugged-stick").exists()  # never created on the local disk


def test_available_backups_lists_every_place_with_its_check(db, db_path, tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    backups.set_second_dir(stick)
    first = backups.backup_before("merge", NOW)
    (stick / first.path.name).unlink()
    only_on_stick = stick / backup_service.backup_name("studio", NOW - timedelta(days=1), "auto")
    only_on_stick.write_bytes(first.path.read_bytes())
    damaged = paths.backup_dir() / backup_service.backup_name("studio", NOW - timedelta(days=2), "auto")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    found = backups.available_backups(check=True)
    assert [b.path for b in found] == [first.path, only_on_stick, damaged]
    assert [b.good for b in found] == [True, True, False]


# --- restore ------------------------------------------------------------------------------

def test_restore_gives_back_the_backup_exactly_and_keeps_what_it_replaced(db, db_path):
    add_client("王芳", "13800138000")
    saved = backups.backup_before("auto", NOW).path
    add_client("李雷", "13912345678")
    before_restore = live_digests()
    result = backups.restore(saved, now=NOW + timedelta(minutes=5))
    assert live_digests() == digests(saved)
    assert result.schema_version == LATEST_VERSION
    assert digests(result.safety_backup) == before_restore  # the restore can itself be undone
    assert [c.name for c in Client.select()] == ["王芳"]
    add_client("韩梅梅")  # the live database is writable as before
    assert sorted(c.name for c in Client.select()) == ["王芳", "韩梅梅"]


def test_restoring_an_old_backup_never_rotates_it_or_its_neighbours_away(db):
    add_client()
    chosen = backup_service.backup(reason="close", when=NOW - timedelta(days=200))
    newer_same_month = fake_backup(paths.backup_dir(), "studio", NOW - timedelta(days=199))
    result = backups.restore(chosen, now=NOW)
    assert chosen.exists() and newer_same_month.exists() and result.safety_backup.exists()


def test_a_restore_gives_up_on_a_database_another_connection_is_writing(db, db_path, monkeypatch):
    add_client("王芳")
    saved = backups.backup_before("auto", NOW).path
    add_client("李雷")
    before = live_digests()
    monkeypatch.setattr(backups, "BUSY_SECONDS", 0.2)
    database.execute_sql("PRAGMA busy_timeout = 50")  # each busy step waits this long before retrying
    writer = sqlite3.connect(db_path)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO setting (key, value) VALUES ('x', '1')")
    try:
        with pytest.raises(store_db.StoreError, match="busy"):
            backups.restore(saved, now=NOW + timedelta(minutes=1))
    finally:
        writer.rollback()
        writer.close()
    assert live_digests() == before


def test_restore_of_an_older_schema_brings_it_up_to_date(db, db_path, tmp_path):
    old = tmp_path / "v1.sqlite3"
    conn = sqlite3.connect(old)
    MIGRATIONS[0][1](conn)
    conn.execute("INSERT INTO client (uuid, name, created_at, updated_at) VALUES ('u1', '旧客户', '2025-01-01', "
                 "'2025-01-01')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    result = backups.restore(old)
    assert result.schema_version == LATEST_VERSION
    assert [c.name for c in Client.select()] == ["旧客户"]


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b""])
def test_restore_refuses_a_file_that_is_not_a_good_backup_and_changes_nothing(db, tmp_path, content):
    add_client()
    before = live_digests()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(backups.RestoreRefused, match="cannot be restored"):
        backups.restore(bad)
    assert live_digests() == before
    assert not paths.backup_dir().exists() or not list(paths.backup_dir().iterdir())


def test_restore_refuses_a_missing_file_and_the_database_itself(db, db_path, tmp_path):
    with pytest.raises(backups.RestoreRefused, match="no such backup"):
        backups.restore(tmp_path / "gone.sqlite3")
    backups.backup_before("auto", NOW)
    with pytest.raises(backups.RestoreRefused, match="open database itself"):
        backups.restore(db_path)


def test_restore_refuses_a_backup_from_a_newer_lifecrm(db, tmp_path):
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(backups.RestoreRefused, match="newer LifeCRM"):
        backups.restore(newer)


def test_backup_time_in_the_name_not_the_file_date(db):
    path = backup_service.backup(reason="auto", when=datetime(2025, 1, 2, 3, 4, 5))
    [info] = backup_service.list_backups(stem="studio")
    assert info.taken_at == datetime(2025, 1, 2, 3, 4, 5) and info.path == path and info.size > 0
    assert info.to_dict()["taken_at"] == "2025-01-02 03:04:05"


def test_the_command_line_lists_backups_with_their_check(db, db_path, monkeypatch, capsys):
    import json

    from lifecrm_gui import cli

    good = backups.backup_before("close", NOW).path
    damaged = paths.backup_dir() / backup_service.backup_name("studio", NOW + timedelta(minutes=1), "auto")
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)
    store_db.close_database()
    assert cli.main(["backups", "--db", str(db_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("BAD 2026-06-30 09:01:00") and lines[1].startswith("ok  2026-06-30 09:00:00")
    assert cli.main(["restore", "--list", "--json", "--db", str(db_path)]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(b["path"], b["verified"] == "ok") for b in listed] == [(str(damaged), False), (str(good), True)]
    assert cli.main(["restore", "--db", str(db_path)]) == 1
    assert "lifecrm restore BACKUP" in capsys.readouterr().out
    assert cli.main(["restore", str(damaged), "--db", str(db_path)]) == 2
    assert "cannot be restored" in capsys.readouterr().err
