"""Opening the studio database safely: a quick check first; a damaged database is
moved aside (never deleted, its -wal and -shm with it) and writing is blocked until
a backup is restored; a warning when the file sits on a network share or in a
synced folder, where SQLite's locking cannot be trusted.

The app never deletes or moves the -wal of a healthy database: it holds committed
transactions that SQLite folds back into the file itself.
"""

import glob
import logging
import os
import re
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath

from lifecrm_gui.store.db import check_file, open_database, open_read_only, verified_copy
from lifecrm_gui.store.models import database

from . import clean_close
from .backup import BackupInfo, file_database_uuid, list_backups, verify_backup

log = logging.getLogger(__name__)

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "sshfs", "afs", "9p", "ceph",
    "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "webdav", "fuse.rclone", "lustre", "gpfs",
})
# Folder names of sync clients (case-insensitive, matched against whole path parts).
SYNCED_FOLDERS = {
    "dropbox": "Dropbox", "onedrive": "OneDrive", "icloud drive": "iCloud Drive", "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive", "google drive": "Google Drive", "googledrive": "Google Drive",
    "my drive": "Google Drive", "nutstore": "Nutstore (坚果云)", "我的坚果云": "Nutstore (坚果云)",
    "坚果云": "Nutstore (坚果云)", "baidunetdisk": "Baidu Netdisk (百度网盘)", "baidusyncdisk": "Baidu 同步盘",
    "百度网盘": "Baidu Netdisk (百度网盘)", "同步盘": "Baidu 同步盘", "百度同步盘": "Baidu 同步盘",
}
_DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass
class OpenReport:
    """What `open_checked` found. status: 'ok' (opened), 'new' (created), 'damaged'
    (moved aside; writing blocked until a backup is restored)."""
    path: Path
    status: str
    check: str = "ok"
    moved_to: Path | None = None
    moved_files: list[Path] = field(default_factory=list)
    offered_backup: BackupInfo | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def writable(self) -> bool:
        return self.status in ("ok", "new")

    def to_dict(self) -> dict:
        return {"path": str(self.path), "status": self.status, "check": self.check,
                "moved_to": str(self.moved_to) if self.moved_to else None,
                "moved_files": [str(p) for p in self.moved_files],
                "offered_backup": self.offered_backup.to_dict() if self.offered_backup else None,
                "warnings": self.warnings}


def companion_files(path: Path) -> list[Path]:
    """The -wal and -shm (and a rollback -journal) beside a database file, those that exist."""
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal") if Path(f"{path}{suffix}").exists()]


def move_aside(path: Path, now: datetime | None = None) -> tuple[Path, list[Path]]:
    """Rename a damaged database and its -wal/-shm to a timestamped name beside it
    (the -wal keeps the name SQLite looks for, so the copy opens with it). Nothing is
    deleted. Returns the new name and every file moved."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{n}{path.suffix}")
        n += 1
    moved = []
    for companion in companion_files(path):
        destination = Path(str(target) + companion.name[len(path.name):])
        os.replace(companion, destination)
        moved.append(destination)
    os.replace(path, target)
    moved.insert(0, target)
    return target, moved


def damaged_copies(path: Path) -> list[Path]:
    """The copies of the database at `path` that were moved aside as damaged, newest first."""
    pattern = re.compile(re.escape(path.stem) + r"\.damaged-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(path.suffix) + "$")
    found = []
    for entry in path.parent.glob(f"{glob.escape(path.stem)}.damaged-*{glob.escape(path.suffix)}"):
        match = pattern.match(entry.name)
        if match:
            found.append((match[1], int(match[2] or 1), entry))
    return [entry for *_order, entry in sorted(found, reverse=True)]


def newest_good_backup(path: Path, folder: Path | None = None) -> BackupInfo | None:
    """The newest backup of the database at `path` that passes its check (of that database,
    when the damaged file can still say which it is: another of the same name otherwise)."""
    for info in list_backups(folder, path.stem, beside=path, of_database=file_database_uuid(path)):
        verdict = verify_backup(info.path)
        if verdict == "ok":
            return BackupInfo(info.path, info.taken_at, info.size, info.reason, verdict)
        log.warning("backup %s does not pass its check: %s", info.path, verdict)
    return None


def network_mount_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The file system type of the network mount holding `path` (Linux: /proc/mounts),
    or None when it is on a local disk."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    target = PurePath(os.path.abspath(path))
    best, best_type = None, None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = PurePath(parts[1].replace("\\040", " "))
        if (target == mount_point or mount_point in target.parents) and \
                (best is None or len(mount_point.parts) > len(best.parts)):
            best, best_type = mount_point, parts[2].lower()
    return best_type if best_type in NETWORK_FILESYSTEMS else None


def _windows_drive_is_remote(path: str) -> bool:
    import ctypes

    drive = os.path.splitdrive(path)[0]
    if not drive or drive.startswith("\\\\"):
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE


def location_warnings(path: Path | str, *, mounts_text: str | None = None, platform: str | None = None,
                      drive_is_remote=None) -> list[str]:
    """Warnings about where the database file sits: a network share (a UNC path, a
    network mount, a mapped network drive) or a folder a sync client copies."""
    text = str(path)
    platform = platform or sys.platform
    warnings = []
    unc = text.startswith(("\\\\", "//"))
    network = None
    if unc:
        network = "a network share (UNC path)"
    elif platform.startswith("win"):
        check = drive_is_remote or _windows_drive_is_remote
        try:
            if check(os.path.abspath(text) if drive_is_remote is None else text):
                network = "a network drive"
        except (OSError, AttributeError):
            network = None
    elif platform.startswith("linux"):
        kind = network_mount_type(Path(text), mounts_text)
        if kind:
            network = f"a network share ({kind})"
    if network:
        warnings.append(f"The database is on {network}: SQLite cannot lock files reliably there, so two PCs "
                        "writing at once can damage it. Keep the database on this PC's own disk and use "
                        "File > Merge to combine databases.")
    parts = [p.casefold() for p in text.replace("\\", "/").split("/") if p]
    for part in parts:
        # "OneDrive - Contoso", "Dropbox (Personal)", "Google Drive (me@example.com)" count too.
        service = SYNCED_FOLDERS.get(part) or next(
            (name for key, name in SYNCED_FOLDERS.items() if part.startswith(key + " ")), None)
        if service:
            warnings.append(f"The database is in a folder that {service} synchronises: a sync can copy the "
                            "file in the middle of a write, or two PCs' copies can overwrite each other. Keep "
                            "the database outside synced folders; the backups can go there.")
            break
    return warnings


def open_checked(path: Path | str, *, backup_folder: Path | None = None, now: datetime | None = None):
    """Open the studio database for the app: (db, report).

    A file that fails `PRAGMA quick_check` is moved aside, and stays the database (read-only)
    until a backup is restored or the damaged copy is removed by hand (a file as the app left it at a
    clean close, checked within the week, is not read through again: services.clean_close); db is then the moved
    file opened read-only (so what can still be read can be looked at and exported),
    or None if even that fails, and report.offered_backup is the newest backup that
    passes its check (restore it with `restore_offered`). Otherwise the database is
    opened, migrated and bound to the models as `open_database` does."""
    path = Path(path)
    warnings = location_warnings(path)
    for warning in warnings:
        log.warning(warning)
    if not path.exists():
        damaged = damaged_copies(path)
        if damaged:
            # Moved aside at an earlier start and not restored yet: never an empty database in its
            # place, which would look like a studio that lost every client.
            report = OpenReport(path, "damaged", check="moved aside earlier: " + damaged[0].name, moved_to=damaged[0],
                                warnings=warnings, offered_backup=newest_good_backup(path, backup_folder))
            return _open_read_only(damaged[0]), report
        if companion_files(path):
            # A -wal without its database: never opened over (a new file would lose it).
            target, moved = _move_orphans(path, now)
            warnings.append(f"A -wal file without its database was found and moved to {target}.")
        db = open_database(path)
        return db, OpenReport(path, "new", warnings=warnings)
    today = (now or datetime.now()).date()
    if not clean_close.check_needed(path, today):
        log.info("%s is as the app left it at its last clean close: not checked again", path)
        db = open_database(path)
        return db, OpenReport(path, "ok", warnings=warnings)
    verdict, damaged = check_file(path, quick=True)
    if not damaged:
        db = open_database(path)  # a locked or unreadable file raises its own StoreError here
        clean_close.note_checked(path, today)
        return db, OpenReport(path, "ok", warnings=warnings)
    log.error("the database %s failed its check: %s", path, verdict)
    target, moved = move_aside(path, now)
    report = OpenReport(path, "damaged", check=verdict, moved_to=target, moved_files=moved, warnings=warnings,
                        offered_backup=newest_good_backup(path, backup_folder))
    return _open_read_only(target), report


def _move_orphans(path: Path, now: datetime | None) -> tuple[Path, list[Path]]:
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.orphan-{stamp}{path.suffix}")
    moved = []
    for companion in companion_files(path):
        destination = Path(str(target) + companion.name[len(path.name):])
        os.replace(companion, destination)
        moved.append(destination)
    return target, moved


def _open_read_only(path: Path):
    """The damaged file, bound to the models read-only; None when nothing can be read."""
    db = open_read_only(path)
    try:
        db.connect()
        db.execute_sql("SELECT * FROM client LIMIT 1").fetchone()
    except Exception as error:  # noqa: BLE001 - whatever a damaged file raises, there is nothing to show
        log.warning("the damaged database %s cannot be read at all: %s", path, error)
        if not db.is_closed():
            db.close()
        return None
    database.initialize(db)
    return db


def restore_into_place(path: Path | str, backup_path: Path | str) -> Path:
    """Put a verified copy of a backup where the studio database belongs, when no
    database is there (it was moved aside). Raises ValueError when the backup is not
    good or a database (or its -wal) is still in the way."""
    path, backup_path = Path(path), Path(backup_path)
    verdict = verify_backup(backup_path)
    if verdict != "ok":
        raise ValueError(f"{backup_path} cannot be restored from: {verdict}")
    if path.exists() or companion_files(path):
        raise ValueError(f"{path} (or its -wal) is still there: it must be moved aside before a restore")
    path.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        verified_copy(source, path)
    finally:
        source.close()
    return path


def restore_offered(report: OpenReport, backup_path: Path | str | None = None):
    """After a damaged open: close the read-only view, restore the offered (or the
    chosen) backup into place and open it. Returns (db, report) like open_checked."""
    chosen = Path(backup_path) if backup_path else (report.offered_backup.path if report.offered_backup else None)
    if chosen is None:
        raise ValueError("there is no backup to restore from: the damaged database was kept at "
                         f"{report.moved_to}")
    close_read_only()
    restore_into_place(report.path, chosen)
    return open_checked(report.path)


def close_read_only() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
