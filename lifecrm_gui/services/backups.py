"""Automatic backups and restoring one.

When: on close, every 30 minutes when something changed (the window's timer
calls `backup_if_changed(now)`), before every migration (store.db), import and
merge (`backup_before(reason)`). Each backup is verified before it is renamed
into place; only after a good one has been written are old ones rotated away
(domain.rotation), so a failing disk never costs the backups already there.
A copy also goes to an optional second location (setting "backup_second_dir":
a USB stick or a network folder); a missing second location is a warning.

Change detection: `PRAGMA data_version` on a connection of our own that never
writes changes whenever any other connection (the window's, a worker's, another
process's) commits.
"""

import glob
import logging
import sqlite3
import threading
import time as clock
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from lifecrm_gui import paths
from lifecrm_gui.domain.rotation import DEFAULT_POLICY, RotationPolicy, backups_to_keep
from lifecrm_gui.store.db import CopyFailed, StoreError, migrate, verified_copy
from lifecrm_gui.store.models import database

from .backup import (
    BackupFailed,
    BackupInfo,
    backup,
    backup_files,
    database_uuid,
    file_database_uuid,
    list_backups,
    verify_backup,
)

log = logging.getLogger(__name__)

INTERVAL = timedelta(minutes=30)
BUSY_SECONDS = 30
STALE_PARTIAL_SECONDS = 3600
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6
SECOND_DIR_SETTING = "backup_second_dir"


@dataclass
class BackupOutcome:
    path: Path
    second: Path | None = None
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": str(self.path), "second": str(self.second) if self.second else None,
                "removed": [str(p) for p in self.removed], "warnings": self.warnings}


class RestoreRefused(ValueError):
    """The chosen file cannot be restored from; the message says why. Nothing was changed."""


@dataclass
class RestoreResult:
    restored_from: Path
    safety_backup: Path | None
    schema_version: int
    warnings: list[str] = field(default_factory=list)


def configured_second_dir() -> Path | None:
    """The second backup location from the settings, if one is set."""
    from .settings import get_setting

    if database.obj is None:
        return None
    value = get_setting(SECOND_DIR_SETTING)
    return Path(value) if value else None


def set_second_dir(folder: Path | str | None) -> None:
    from .settings import set_setting

    set_setting(SECOND_DIR_SETTING, str(folder) if folder else None)


def prune(folder: Path, stem: str, now: datetime, policy: RotationPolicy = DEFAULT_POLICY,
          of_database: str | None = None) -> list[Path]:
    """Remove the backups of `stem` in `folder` (of the database `of_database`, when given:
    backup.backup_files) that the rotation policy no longer keeps."""
    found = list(backup_files(folder, stem, of_database))
    keep = backups_to_keep([when for _path, when, _reason in found], now, policy)
    removed = _remove_stale_partials(folder, stem)
    for path, when, _reason in found:
        if when not in keep:
            try:
                path.unlink()
                removed.append(path)
            except OSError as error:  # a file in use or read-only: try again next time
                log.warning("could not remove the old backup %s: %s", path, error)
    return removed


def _remove_stale_partials(folder: Path, stem: str) -> list[Path]:
    """Half-written copies a killed process left behind (never a verified backup);
    only old ones, so a copy another process is writing right now is left alone."""
    removed = []
    for leftover in Path(folder).glob(f"{glob.escape(stem)}-*.sqlite3.partial"):
        try:
            if clock.time() - leftover.stat().st_mtime > STALE_PARTIAL_SECONDS:
                leftover.unlink()
                removed.append(leftover)
        except OSError as error:
            log.warning("could not remove the unfinished copy %s: %s", leftover, error)
    return removed


def _copy_to_second(primary: Path, second: Path, stem: str, now: datetime, policy: RotationPolicy | None,
                    outcome: BackupOutcome, of_database: str | None) -> None:
    if not second.is_dir():
        outcome.warnings.append(f"The second backup location {second} is not available (is the USB stick or "
                                f"network folder connected?); the backup was kept in {primary.parent} only.")
        return
    try:
        source = sqlite3.connect(f"{primary.resolve().as_uri()}?mode=ro", uri=True)
        try:
            outcome.second = verified_copy(source, second / primary.name)
        finally:
            source.close()
        if policy is not None:
            outcome.removed.extend(prune(second, stem, now, policy, of_database))
    except (OSError, sqlite3.Error, CopyFailed) as error:
        outcome.warnings.append(f"The backup could not be copied to the second location {second}: {error}")


def take_backup(conn: sqlite3.Connection, db_path: Path, *, reason: str, now: datetime | None = None,
                folder: Path | None = None, second_dir: Path | None = None,
                policy: RotationPolicy = DEFAULT_POLICY, rotate: bool = True) -> BackupOutcome:
    """One verified backup of the database behind `conn`, then rotation (unless
    `rotate` is False), then the copy to the second location. Raises BackupFailed,
    having removed nothing."""
    now = now or datetime.now().replace(microsecond=0)
    folder = Path(folder) if folder is not None else paths.backup_dir()
    stem, ours = Path(db_path).stem, database_uuid(conn)
    path = backup(folder, reason=reason, conn=conn, when=now, stem=stem)
    outcome = BackupOutcome(path)
    if rotate:
        outcome.removed.extend(prune(folder, stem, now, policy, ours))
    if second_dir is not None:
        _copy_to_second(path, Path(second_dir), stem, now, policy if rotate else None, outcome, ours)
    for warning in outcome.warnings:
        log.warning(warning)
    return outcome


class AutoBackup:
    """The backup policy for one open database."""

    def __init__(self, db_path: Path | str, folder: Path | str | None = None, *, interval: timedelta = INTERVAL,
                 policy: RotationPolicy = DEFAULT_POLICY, second_dir=configured_second_dir):
        self.db_path = Path(db_path)
        self.folder = Path(folder) if folder is not None else paths.backup_dir()
        self.interval = interval
        self.policy = policy
        self._second_dir = second_dir
        self._lock = threading.Lock()
        self._watch = sqlite3.connect(self.db_path, check_same_thread=False)
        self._seen = self._data_version()
        newest = list_backups(self.folder, self.db_path.stem, of_database=database_uuid(self._watch))
        self.last_backup_at: datetime | None = newest[0].taken_at if newest else None

    def _data_version(self) -> int:
        return self._watch.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        """Whether anything was written since the last backup (or there is none yet)."""
        with self._lock:
            return self.last_backup_at is None or self._data_version() != self._seen

    def take(self, reason: str, now: datetime | None = None, *, rotate: bool = True) -> BackupOutcome:
        """A backup now, whatever changed (before an import or a merge)."""
        now = now or datetime.now().replace(microsecond=0)
        second = self._second_dir() if callable(self._second_dir) else self._second_dir
        with self._lock:
            version = self._data_version()  # read first: a write during the backup is caught next time
            outcome = take_backup(self._watch, self.db_path, reason=reason, now=now, folder=self.folder,
                                  second_dir=second, policy=self.policy, rotate=rotate)
            self._seen = version
            self.last_backup_at = now
        return outcome

    def backup_if_changed(self, now: datetime) -> BackupOutcome | None:
        """The timer's backup: when something changed and the interval has passed."""
        due = self.last_backup_at is None or now - self.last_backup_at >= self.interval
        if due and self.changed():
            return self.take("auto", now)
        return None

    def on_close(self, now: datetime | None = None) -> BackupOutcome | None:
        """The backup on close: whenever something changed since the last one."""
        if self.changed():
            return self.take("close", now)
        return None

    def close(self) -> None:
        with self._lock:
            self._watch.close()


_current: AutoBackup | None = None
_current_lock = threading.Lock()


def scheduler() -> AutoBackup:
    """The AutoBackup of the open database (made on first use, remade if another
    database was opened since). BackupFailed when the open database is a damaged
    one looked at read-only (recovery.open_checked): there is nothing to back up."""
    global _current
    if database.obj is None or str(database.obj.database).startswith("file:"):
        raise BackupFailed("no database is open for writing: nothing to back up")
    path = Path(database.obj.database)
    with _current_lock:
        if _current is None or _current.db_path != path:
            if _current is not None:
                _current.close()
            _current = AutoBackup(path)
        return _current


def stop() -> None:
    """Forget the open database's AutoBackup (after closing it)."""
    global _current
    with _current_lock:
        if _current is not None:
            _current.close()
            _current = None


def _writable() -> bool:
    return database.obj is not None and not str(database.obj.database).startswith("file:")


def backup_if_changed(now: datetime) -> BackupOutcome | None:
    """For the window's timer: back up when something changed and 30 minutes have
    passed since the last backup; None when no backup was due (or the database is a
    damaged one open read-only). Raises BackupFailed when a due backup failed."""
    return scheduler().backup_if_changed(now) if _writable() else None


def backup_on_close(now: datetime | None = None) -> BackupOutcome | None:
    """For closing the window: a backup when anything changed since the last one."""
    return scheduler().on_close(now) if _writable() else None


def backup_before(reason: str, now: datetime | None = None) -> BackupOutcome:
    """A backup before an import, a merge or a restore; raises BackupFailed."""
    return scheduler().take(reason, now)


def available_backups(*, check: bool = True, db_path: Path | None = None) -> list[BackupInfo]:
    """Every backup of the open database (or the one at `db_path`) that can be restored
    from: the backup folder, the copies made before migrations beside the database,
    and the second location when it is connected; newest first, each checked."""
    db_path = Path(db_path) if db_path is not None else Path(database.obj.database)
    ours = file_database_uuid(db_path)  # None when the file cannot say: then every backup of its name
    found = {b.path.name: b for b in list_backups(None, db_path.stem, check=check, beside=db_path, of_database=ours)}
    second = None
    if database.obj is not None and Path(database.obj.database) == db_path:
        try:
            second = configured_second_dir()
        except Exception:  # noqa: BLE001 - a database that cannot be read has no settings to ask
            second = None
    if second is not None and second.is_dir():
        for info in list_backups(second, db_path.stem, check=check, of_database=ours):
            found.setdefault(info.path.name, info)
    return sorted(found.values(), key=lambda b: (b.taken_at, b.path.name), reverse=True)


def restore(backup_path: Path | str, *, now: datetime | None = None) -> RestoreResult:
    """Give the open database the contents of a backup: the backup is verified first,
    the current contents are backed up, then the backup is copied into the live
    database with SQLite's backup API (so connections and the -wal stay consistent)
    and brought up to the current schema. Raises RestoreRefused, changing nothing,
    when the backup is not good."""
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise RestoreRefused(f"{backup_path}: no such backup file")
    verdict = verify_backup(backup_path)
    if verdict != "ok":
        raise RestoreRefused(f"{backup_path} cannot be restored from: {verdict}. Nothing was changed.")
    db_path = Path(database.obj.database)
    if backup_path.resolve() == db_path.resolve():
        raise RestoreRefused(f"{backup_path} is the open database itself")
    warnings = []
    try:
        # No rotation here: it could take away the very backup being restored.
        safety = scheduler().take("restore", now, rotate=False).path
    except BackupFailed as error:
        # The current contents are damaged: keep a raw copy of them before they are replaced.
        safety = None
        kept = _keep_raw_copy(db_path, now)
        warnings.append(f"The current database failed its check ({error}); its files were copied to {kept} "
                        "before the restore.")
    conn = database.connection()
    source = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(conn, progress=_give_up_when_busy_for(BUSY_SECONDS))
    finally:
        source.close()
    version = migrate(database.obj)
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    return RestoreResult(backup_path, safety, version, warnings)


def _give_up_when_busy_for(seconds: float):
    """A progress callback for the backup API: Python retries a busy database for ever,
    this stops after `seconds` (the copy is then rolled back: nothing changed)."""
    started = clock.monotonic()

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED) and clock.monotonic() - started > seconds:
            raise StoreError("locked", "The database is busy in another program or window: the restore was not "
                                       "made. Close the other program and try again.")

    return progress


def _keep_raw_copy(db_path: Path, now: datetime | None) -> Path:
    import shutil

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix}")
    for suffix in ("", "-wal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            shutil.copy2(source, Path(f"{target}{suffix}"))
    return target
