"""Opening the database: pragmas, migrations, and errors a person can act on."""

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase

from .migrations import LATEST_VERSION, MIGRATIONS
from .models import database

log = logging.getLogger(__name__)

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a client record survives a power cut
    "foreign_keys": 1,
    "secure_delete": 1,  # erased clients leave no readable trace in the file
    "cache_size": -32_000,
    "temp_store": 2,
}
BUSY_TIMEOUT_SECONDS = 5


class StoreError(Exception):
    """A database problem a person can act on; `kind` says which, the message says what to do."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class NewerDatabaseError(StoreError):
    def __init__(self, path, found: int):
        super().__init__(
            "newer",
            f"{path} was written by a newer LifeCRM (schema version {found}; this version knows up to "
            f"{LATEST_VERSION}). Install the newer LifeCRM to open it; nothing was changed.")
        self.found = found


def classify(error: Exception) -> StoreError | None:
    """Sort a SQLite error into one a person can act on, or None for a bug."""
    text = str(error).lower()
    if isinstance(error, StoreError):
        return error
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError("full", "The disk is full: free some space and try again. Nothing was saved.")
    if "locked" in text or "busy" in text:
        return StoreError("locked", "The database is busy in another program or window: try again in a moment.")
    if "readonly" in text or "read-only" in text or "attempt to write a readonly" in text:
        return StoreError("readonly", "The database file is read-only: check the folder's permissions.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError("corrupt", "The database file is damaged: restore it from a backup.")
    if "unable to open" in text:
        return StoreError("open", "The database file cannot be opened: check that the folder exists and is "
                                  "writable.")
    return None


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def copy_before_migration(path: Path, version: int) -> Path:
    """A consistent copy made with SQLite's backup API, beside the database."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def migrate(db: SqliteDatabase, path: Path | None = None) -> int:
    """Bring the schema up to date, one transaction per step; returns the version."""
    conn = db.connection()
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerDatabaseError(path or db.database, current)
    if current == LATEST_VERSION:
        return current
    if current > 0 and path is not None and path.exists():
        log.info("copied the database to %s before migrating", copy_before_migration(path, current))
    for version, step in MIGRATIONS:
        if version <= current:
            continue
        with db.atomic():
            step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
        log.info("database migrated to schema version %d", version)
    return LATEST_VERSION


def _refuse_newer(path: Path) -> None:
    """Look at the version read-only first: a newer database must not be touched at all
    (not even switched to WAL)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            found = schema_version(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise classify(error) or error
    if found > LATEST_VERSION:
        raise NewerDatabaseError(path, found)


def make_database(path) -> SqliteDatabase:
    return SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_SECONDS, lock_type="IMMEDIATE",
                          check_same_thread=False)


def open_database(path) -> SqliteDatabase:
    """Open (creating if needed) and migrate the studio database, and bind the models to it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_newer(path)
    db = make_database(path)
    try:
        db.connect(reuse_if_open=True)
        migrate(db, path)
    except sqlite3.Error as error:
        db.close()
        raise classify(error) or error
    except Exception:
        db.close()
        raise
    database.initialize(db)
    return db


def close_database() -> None:
    db = database.obj
    if db is not None and not db.is_closed():
        db.close()
