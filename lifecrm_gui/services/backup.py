"""Backups made with SQLite's backup API and verified, the list of them, and the
integrity check.

A backup is written to a temporary file, checked with `integrity_check` and only
then renamed into place (store.db.verified_copy), so a failed backup never
replaces or removes a good one. Backups are named
`<database stem>-<YYYYMMDD-HHMMSS>[-<reason>][-<n>].sqlite3`; the time in the
name (not the file's mtime, which a copy to a USB stick changes) dates them.

Two databases with the same file name share that name space: a backup is told apart by
the identity inside it (setting "database_uuid", given to every database by schema 8).
One that has none was made before and counts as the stem's.
"""

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from lifecrm_gui import paths
from lifecrm_gui.store.db import CopyFailed, integrity, schema_version, verified_copy
from lifecrm_gui.store.migrations import DATABASE_UUID, LATEST_VERSION
from lifecrm_gui.store.models import database

SUFFIX = ".sqlite3"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[a-z][a-z-]*?))?(?:-(?P<n>\d+))?\.sqlite3$")
_MIGRATION_COPY = re.compile(r"^(?P<stem>.+)\.v(?P<version>\d+)-(?P<stamp>\d{8}-\d{6})\.bak$")


class BackupFailed(OSError):
    pass


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int
    reason: str  # "" for a plain backup; close, timer, merge, import, restore, migration, ...
    verified: str | None = None  # 'ok', what the check found, or None when not checked

    @property
    def good(self) -> bool:
        return self.verified == "ok"

    def to_dict(self) -> dict:
        return {"path": str(self.path), "taken_at": self.taken_at.isoformat(sep=" "), "size": self.size,
                "reason": self.reason, "verified": self.verified}


def verify(path: Path) -> str:
    """'ok', or what SQLite's integrity check found."""
    return integrity(path)


def backup_name(stem: str, when: datetime, reason: str | None = None) -> str:
    return f"{stem}-{when:{STAMP_FORMAT}}" + (f"-{reason}" if reason else "") + SUFFIX


def parse_backup_name(name: str, stem: str | None = None) -> tuple[datetime, str] | None:
    """(when, reason) for a backup's file name, None for any other file (of another
    database, when `stem` is given)."""
    found = _NAME.match(name)
    if found and (stem is None or found["stem"] == stem):
        try:
            return datetime.strptime(found["stamp"], STAMP_FORMAT), found["reason"] or ""
        except ValueError:
            return None
    found = _MIGRATION_COPY.match(name)
    if found and (stem is None or found["stem"] == stem):
        try:
            return datetime.strptime(found["stamp"], STAMP_FORMAT), "migration"
        except ValueError:
            return None
    return None


def _free_name(folder: Path, stem: str, when: datetime, reason: str | None) -> Path:
    target = folder / backup_name(stem, when, reason)
    n = 2
    while target.exists():
        target = folder / (backup_name(stem, when, reason)[:-len(SUFFIX)] + f"-{n}{SUFFIX}")
        n += 1
    return target


def backup(dest: Path | str | None = None, *, reason: str | None = None, conn: sqlite3.Connection | None = None,
           when: datetime | None = None, stem: str | None = None) -> Path:
    """Copy the live database (or the one behind `conn`, named `stem`) to `dest` (a file,
    or a folder to put a dated file in; default the backup folder): written to a
    temporary file, verified, then renamed into place, so a failed backup never
    replaces a good one."""
    stem = stem or Path(database.obj.database).stem
    if dest is None:
        dest = paths.backup_dir()
    dest = Path(dest)
    if dest.is_dir() or not dest.suffix:
        dest.mkdir(parents=True, exist_ok=True)
        dest = _free_name(dest, stem, when or datetime.now(), reason)
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        return verified_copy(conn if conn is not None else database.connection(), dest)
    except CopyFailed as error:
        raise BackupFailed(f"the backup was not kept: {error}") from error


def database_uuid(conn: sqlite3.Connection) -> str | None:
    """The id of the database behind `conn` (None when it has none or cannot say)."""
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (DATABASE_UUID,)).fetchone()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None


def file_database_uuid(path: Path) -> str | None:
    """database_uuid() of the database file at `path`, read without writing to it."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        return database_uuid(conn)
    finally:
        conn.close()


def backup_files(folder: Path, stem: str | None = None, of_database: str | None = None):
    """(path, when, reason) of each backup of `stem` in `folder`, unordered; with
    `of_database` (an id), only the backups of that database and those that say of none."""
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        parsed = parse_backup_name(entry.name, stem)
        if parsed is not None and entry.is_file() and (
                of_database is None or file_database_uuid(Path(entry.path)) in (None, of_database)):
            yield Path(entry.path), parsed[0], parsed[1]


def list_backups(folder: Path | str | None = None, stem: str | None = None, *, check: bool = False,
                 beside: Path | None = None, of_database: str | None = None) -> list[BackupInfo]:
    """The backups of the database named `stem` in `folder` (default the backup folder),
    and the copies made before migrations beside the database file `beside`, newest
    first; with `check`, each one's integrity check too; with `of_database`, only those
    of that database (backup_files)."""
    folder = Path(folder) if folder is not None else paths.backup_dir()
    found = list(backup_files(folder, stem, of_database))
    if beside is not None and Path(beside).parent != folder:
        found += [(path, when, reason) for path, when, reason in backup_files(Path(beside).parent, stem, of_database)
                  if reason == "migration"]
    infos = [BackupInfo(path, when, path.stat().st_size, reason, verify_backup(path) if check else None)
             for path, when, reason in found]
    infos.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return infos


def verify_backup(path: Path) -> str:
    """'ok' when the file passes the integrity check and is a LifeCRM database this
    version can open; otherwise what is wrong with it."""
    verdict = integrity(path)
    if verdict != "ok":
        return verdict
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = schema_version(conn)
        has_clients = conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'client'").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
    if not has_clients or version < 1:
        return "not a LifeCRM database"
    if version > LATEST_VERSION:
        return f"written by a newer LifeCRM (schema version {version})"
    return "ok"


def check() -> dict:
    conn = database.connection()
    integrity_rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    return {
        "path": str(database.obj.database),
        "integrity": "ok" if integrity_rows == ["ok"] else integrity_rows[:20],
        "foreign_keys": "ok" if not foreign else [list(r) for r in foreign[:20]],
        "schema_version": schema_version(conn),
        "latest_schema_version": LATEST_VERSION,
        "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
    }
