"""Opening the database: a damaged file is moved aside whole (never deleted), writing
is blocked, the newest good backup is offered; healthy files and their -wal are left
alone; network shares and synced folders are warned about."""

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from peewee import OperationalError

from lifecrm_gui import paths
from lifecrm_gui.services import backup as backup_service
from lifecrm_gui.services import backups, recovery
from lifecrm_gui.services.clients import create_client
from lifecrm_gui.store import db as store_db
from lifecrm_gui.store.models import Client, database
from tests.conftest import AS_OF

NOW = datetime(2026, 6, 30, 9, 0)


@pytest.fixture(autouse=True)
def closed_afterwards():
    yield
    backups.stop()
    store_db.close_database()


def make_studio(path: Path, clients: int = 40) -> None:
    store_db.open_database(path)
    for n in range(clients):
        create_client({"name": f"客户{n}", "phone": f"1380013{n:04d}"}, as_of=AS_OF)
    store_db.close_database()


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def write_garbage(path: Path, page: int, page_size: int = 4096) -> None:
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(bytes((i * 151 + 7) % 256 for i in range(page_size)))


def digests(path) -> dict:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return store_db.table_digests(conn)
    finally:
        conn.close()


def test_a_healthy_database_opens_writable(db_path):
    make_studio(db_path, 3)
    db, report = recovery.open_checked(db_path)
    assert report.status == "ok" and report.writable and report.check == "ok"
    assert database.obj is db
    create_client({"name": "新客户"}, as_of=AS_OF)
    assert Client.select().count() == 4


def test_a_missing_database_is_created(db_path):
    db, report = recovery.open_checked(db_path)
    assert report.status == "new" and db_path.exists()
    assert database.obj is db and Client.select().count() == 0


def test_a_corrupted_page_is_detected_and_the_file_moved_aside_whole(db_path):
    make_studio(db_path)
    write_garbage(db_path, root_page(db_path, "client_phone"))
    damaged_bytes = db_path.read_bytes()
    db, report = recovery.open_checked(db_path, now=NOW)
    assert report.status == "damaged" and not report.writable
    assert report.check != "ok"
    assert not db_path.exists()
    assert report.moved_to == db_path.with_name("studio.damaged-20260630-090000.sqlite3")
    assert report.moved_to.read_bytes() == damaged_bytes  # moved, not rewritten
    # What can still be read is there to look at, and nothing can be written.
    assert db is not None and database.obj is db
    assert Client.select().count() == 40
    with pytest.raises(OperationalError, match="readonly|read-only|query_only"):
        Client.create(name="不能写", created_at=NOW, updated_at=NOW)
    # The backup timer leaves a damaged database alone; an explicit backup says why not.
    assert backups.backup_if_changed(NOW) is None and backups.backup_on_close(NOW) is None
    with pytest.raises(backup_service.BackupFailed, match="nothing to back up"):
        backups.backup_before("merge", NOW)
    assert not paths.backup_dir().exists()


def test_a_database_whose_table_cannot_be_read_gives_no_view_but_is_kept(db_path):
    make_studio(db_path)
    write_garbage(db_path, root_page(db_path, "client"))
    db, report = recovery.open_checked(db_path, now=NOW)
    assert report.status == "damaged" and db is None
    assert report.moved_to.exists()


def test_the_wal_and_shm_move_with_a_damaged_database(db_path, tmp_path):
    """A crash leaves the file with its -wal (committed work not yet folded in) and -shm:
    all three are moved together, byte for byte."""
    make_studio(db_path)
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO setting (key, value) VALUES ('studio_name', '\"光影\"')")
    writer.commit()
    crashed = tmp_path / "crashed" / "studio.sqlite3"
    crashed.parent.mkdir()
    for suffix in ("", "-wal", "-shm"):
        shutil.copyfile(f"{db_path}{suffix}", f"{crashed}{suffix}")
    writer.close()
    write_garbage(crashed, root_page(crashed, "client_phone"))
    wal_bytes = Path(f"{crashed}-wal").read_bytes()
    assert len(wal_bytes) > 0
    _db, report = recovery.open_checked(crashed, now=NOW)
    assert report.status == "damaged"
    moved = {p.name for p in report.moved_files}
    assert moved == {"studio.damaged-20260630-090000.sqlite3", "studio.damaged-20260630-090000.sqlite3-wal",
                     "studio.damaged-20260630-090000.sqlite3-shm"}
    assert Path(f"{report.moved_to}-wal").read_bytes() == wal_bytes
    assert sorted(p.name for p in crashed.parent.iterdir()) == sorted(moved)


def test_the_newest_backup_that_passes_is_offered_and_restores_exactly(db_path):
    make_studio(db_path)
    store_db.open_database(db_path)
    older = backup_service.backup(reason="auto", when=NOW - timedelta(days=2))
    good = backup_service.backup(reason="close", when=NOW - timedelta(days=1))
    newest = backup_service.backup(reason="auto", when=NOW - timedelta(hours=1))
    store_db.close_database()
    write_garbage(newest, 2)  # the newest backup rotted on disk
    write_garbage(db_path, root_page(db_path, "client_phone"))
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert report.offered_backup.path == good and report.offered_backup.good
    assert older.exists()
    db, reopened = recovery.restore_offered(report)
    assert reopened.status == "ok" and reopened.writable and database.obj is db
    assert digests(db_path) == digests(good)
    create_client({"name": "恢复后"}, as_of=AS_OF)
    assert Client.select().count() == 41
    assert report.moved_to.exists()  # the damaged file is still kept


def test_without_any_good_backup_nothing_is_offered_and_the_file_is_still_kept(db_path):
    make_studio(db_path, 2)
    write_garbage(db_path, root_page(db_path, "client_phone"))
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert report.offered_backup is None
    with pytest.raises(ValueError, match="no backup"):
        recovery.restore_offered(report)
    assert report.moved_to.exists()


def test_restore_into_place_refuses_while_a_database_is_there(db_path, tmp_path):
    make_studio(db_path, 1)
    store_db.open_database(db_path)
    saved = backup_service.backup(when=NOW)
    store_db.close_database()
    with pytest.raises(ValueError, match="moved aside"):
        recovery.restore_into_place(db_path, saved)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    db_path.unlink()
    with pytest.raises(ValueError, match="cannot be restored"):
        recovery.restore_into_place(db_path, bad)
    assert not db_path.exists()


def test_a_healthy_database_keeps_its_live_wal(db_path):
    """Another program is writing (its -wal holds committed rows not yet checkpointed):
    opening checks the file and leaves the -wal where it is."""
    make_studio(db_path, 1)
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("INSERT INTO client (uuid, name, created_at, updated_at) VALUES ('w1', '写入中', "
                   "'2026-06-30', '2026-06-30')")
    writer.commit()
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size > 0
    _db, report = recovery.open_checked(db_path)
    assert report.status == "ok"
    assert wal.exists()
    assert Client.select().where(Client.name == "写入中").count() == 1
    writer.close()


def test_an_orphaned_wal_is_moved_aside_not_opened_over(db_path):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    orphan = Path(f"{db_path}-wal")
    orphan.write_bytes(b"wal frames of a lost database")
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert report.status == "new"
    kept = db_path.with_name("studio.orphan-20260630-090000.sqlite3-wal")
    assert kept.read_bytes() == b"wal frames of a lost database"
    assert any("-wal" in w for w in report.warnings)


def test_a_locked_file_is_not_mistaken_for_a_damaged_one(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.execute("BEGIN EXCLUSIVE")
    verdict, damaged = store_db.check_file(db_path, quick=True, timeout=0.05)
    conn.rollback()
    conn.close()
    assert "locked" in verdict and damaged is False


def test_a_file_that_is_not_a_database_is_damaged(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are not the pages you are looking for" * 200)
    verdict, damaged = store_db.check_file(path, quick=True)
    assert damaged and "not a database" in verdict


# --- where the file sits --------------------------------------------------------------------

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
server:/export/studio /mnt/studio nfs4 rw,relatime 0 0
//nas/share /media/nas cifs rw,relatime 0 0
/dev/sdb1 /media/usb vfat rw 0 0
/dev/sdc1 /mnt/studio/local ext4 rw 0 0
"""


@pytest.mark.parametrize("path, kind", [
    ("/mnt/studio/lifecrm.sqlite3", "nfs4"),
    ("/media/nas/crm/lifecrm.sqlite3", "cifs"),
    ("/mnt/studio/local/lifecrm.sqlite3", None),  # a local disk mounted inside the share
    ("/media/usb/lifecrm.sqlite3", None),
    ("/home/studio/lifecrm.sqlite3", None),
    ("/mnt/studiox/lifecrm.sqlite3", None),  # a prefix of a mount point is not inside it
])
def test_network_mounts_are_found_from_proc_mounts(path, kind):
    assert recovery.network_mount_type(Path(path), MOUNTS) == kind
    warnings = recovery.location_warnings(path, mounts_text=MOUNTS, platform="linux")
    assert bool(warnings) == (kind is not None)


def test_unc_paths_and_windows_network_drives_are_network_shares():
    assert "network share" in recovery.location_warnings(r"\\nas\studio\lifecrm.sqlite3", platform="win32")[0]
    assert recovery.location_warnings("//nas/studio/lifecrm.sqlite3", platform="linux", mounts_text="")
    remote = recovery.location_warnings(r"Z:\crm\lifecrm.sqlite3", platform="win32",
                                        drive_is_remote=lambda p: p.startswith("Z:"))
    assert "network drive" in remote[0]
    assert recovery.location_warnings(r"C:\Users\studio\lifecrm.sqlite3", platform="win32",
                                      drive_is_remote=lambda p: p.startswith("Z:")) == []


@pytest.mark.parametrize("path, service", [
    (r"C:\Users\li\Dropbox\crm\lifecrm.sqlite3", "Dropbox"),
    (r"C:\Users\li\OneDrive - 光影工作室\lifecrm.sqlite3", "OneDrive"),
    ("/Users/li/Library/Mobile Documents/com~apple~CloudDocs/lifecrm.sqlite3", "iCloud"),
    (r"C:\Users\li\iCloudDrive\lifecrm.sqlite3", "iCloud"),
    (r"G:\My Drive\lifecrm.sqlite3", "Google Drive"),
    ("/home/li/Google Drive/lifecrm.sqlite3", "Google Drive"),
    (r"D:\我的坚果云\lifecrm.sqlite3", "坚果云"),
    (r"D:\Nutstore\lifecrm.sqlite3", "坚果云"),
    (r"D:\BaiduSyncdisk\lifecrm.sqlite3", "同步盘"),
    (r"D:\百度同步盘\lifecrm.sqlite3", "同步盘"),
])
def test_synced_folders_are_warned_about(path, service):
    warnings = recovery.location_warnings(path, platform="win32", drive_is_remote=lambda p: False)
    assert len(warnings) == 1 and service in warnings[0]


@pytest.mark.parametrize("path", [r"C:\Users\li\Documents\dropbox-notes\lifecrm.sqlite3",
                                  "/home/li/crm/lifecrm.sqlite3", r"D:\drive\lifecrm.sqlite3"])
def test_ordinary_folders_are_not_warned_about(path):
    assert recovery.location_warnings(path, platform="win32", drive_is_remote=lambda p: False) == []


def test_open_checked_reports_the_location_warning(tmp_path):
    folder = tmp_path / "Dropbox"
    _db, report = recovery.open_checked(folder / "lifecrm.sqlite3")
    assert report.status == "new" and len(report.warnings) == 1 and "Dropbox" in report.warnings[0]
    assert report.to_dict()["warnings"] == report.warnings


def test_a_file_as_a_clean_close_left_it_is_not_read_through_again(db_path, monkeypatch):
    """Start-up skips the whole-file check only for a file nothing has written since the
    app's clean close, and still checks it once a week."""
    from lifecrm_gui.services import clean_close

    make_studio(db_path, 3)
    checks = []
    real_check = recovery.check_file
    monkeypatch.setattr(recovery, "check_file", lambda *a, **k: checks.append(a) or real_check(*a, **k))

    def start_and_close(now):
        db, report = recovery.open_checked(db_path, now=now)
        assert report.status == "ok" and report.writable
        store_db.close_database()
        clean_close.note_closed(db_path)

    start_and_close(NOW)
    assert len(checks) == 1
    start_and_close(NOW + timedelta(days=1))
    assert len(checks) == 1  # skipped: nothing touched the file
    other = sqlite3.connect(db_path)  # the command line, a sync client, another program
    other.execute("UPDATE client SET notes = 'x' WHERE id = 1")
    other.commit()
    other.close()
    start_and_close(NOW + timedelta(days=2))
    assert len(checks) == 2
    start_and_close(NOW + timedelta(days=8))
    assert len(checks) == 2
    start_and_close(NOW + timedelta(days=9))  # a week after the last check
    assert len(checks) == 3


def test_damage_after_a_clean_close_is_still_found(db_path):
    from lifecrm_gui.services import clean_close

    make_studio(db_path)
    recovery.open_checked(db_path, now=NOW)
    store_db.close_database()
    clean_close.note_closed(db_path)
    write_garbage(db_path, root_page(db_path, "client_phone"))
    _db, report = recovery.open_checked(db_path, now=NOW)
    assert report.status == "damaged" and not report.writable


def test_a_database_moved_aside_is_not_replaced_by_an_empty_one(db_path):
    """The next start after a damaged file was moved aside (and not restored) opens the
    damaged copy read-only again and offers the backup: never an empty studio."""
    make_studio(db_path)
    store_db.open_database(db_path)
    good = backup_service.backup(paths.backup_dir(), reason="auto")
    store_db.close_database()
    write_garbage(db_path, root_page(db_path, "client_phone"))
    _db, first = recovery.open_checked(db_path, now=NOW)
    recovery.close_read_only()
    assert first.status == "damaged" and not db_path.exists()
    later = NOW + timedelta(minutes=5)
    _db, second = recovery.open_checked(db_path, now=later)
    assert second.status == "damaged" and not second.writable and not db_path.exists()
    assert second.moved_to == first.moved_to and second.offered_backup.path == good
    assert recovery.damaged_copies(db_path) == [first.moved_to]
    recovery.close_read_only()
    recovery.restore_into_place(db_path, good)
    _db, third = recovery.open_checked(db_path, now=later)
    assert third.status == "ok" and Client.select().count() == 40
