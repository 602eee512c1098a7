"""Opening the database: pragmas, migrations, and errors a person can act on."""

import logging
import os
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


class CopyFailed(Exception):
    """A copy of the database that did not pass its integrity check (and was discarded)."""


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


def check_file(path, quick: bool = False, timeout: float = BUSY_TIMEOUT_SECONDS) -> tuple[str, bool]:
    """(verdict, damaged) for the database file at `path`: the verdict is 'ok' or what
    SQLite's integrity check (or the quicker quick_check) found; damaged is True only
    when the file itself is at fault (not when it is locked or cannot be opened).
    Read-only: the check never checkpoints or removes a -wal file."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        problem = classify(error)
        return str(error), problem is not None and problem.kind == "corrupt"
    if rows == [("ok",)]:
        return "ok", False
    return "; ".join(str(r[0]) for r in rows[:5]), True


def integrity(path, quick: bool = False) -> str:
    """'ok', or what SQLite's integrity check (or quick_check) found in the file."""
    return check_file(path, quick)[0]


def open_plain(path, query_only: bool = False) -> SqliteDatabase:
    """Another LifeCRM file (a field laptop's), its journal mode left as it is; with
    `query_only` every write is refused. Closing it tidies its -wal as SQLite does."""
    pragmas = {"foreign_keys": 1, "query_only": int(query_only)}
    return SqliteDatabase(str(path), pragmas=pragmas, timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)


def open_read_only(path) -> SqliteDatabase:
    """A database opened read-only (never checkpointed, never written, its -wal left
    as it is), for looking at a damaged or foreign file."""
    uri = f"{Path(path).resolve().as_uri()}?mode=ro"
    return SqliteDatabase(uri, uri=True, pragmas={"query_only": 1}, timeout=BUSY_TIMEOUT_SECONDS,
                          check_same_thread=False)


def verified_copy(source: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind `source` with SQLite's backup API into a temporary file
    beside `target`, check it with integrity_check, flush it to disk and only then
    rename it into place, so a failed copy never replaces a good one. The copy is in
    rollback-journal mode: a single self-contained file. Raises CopyFailed."""
    target = Path(target)
    temporary = target.with_name(target.name + ".partial")
    for leftover in (temporary, Path(f"{temporary}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        copy = sqlite3.connect(temporary)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
        finally:
            copy.close()
        verdict = integrity(temporary)
        if verdict != "ok":
            raise CopyFailed(f"the copy did not pass the integrity check: {verdict}")
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    return target


def _sync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to flush)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def table_digests(conn: sqlite3.Connection) -> dict[str, str]:
    """A SHA-256 of every table's rows (in rowid order), by table name: two databases
    with equal digests hold the same data."""
    import hashlib

    digests = {}
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    for table in tables:
        digest = hashlib.sha256()
        for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(row).encode("utf-8"))
            digest.update(b"\n")
        digests[table] = digest.hexdigest()
    return digests


def copy_before_migration(path: Path, version: int) -> Path:
    """A consistent, verified copy made with SQLite's backup API, beside the database."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        verified_copy(src, target)
    except CopyFailed as error:
        raise StoreError("corrupt", f"The database could not be copied safely before updating its schema ({error}); "
                                    "nothing was changed. Restore it from a backup.") from error
    finally:
        src.close()
    return target


def migrate(db: SqliteDatabase, path: Path | None = None) -> int:
    """Bring the schema up to date in one transaction; returns the version."""
    conn = db.connection()
    current = schema_version(conn)
    if current > LATEST_VERSION:
        raise NewerDatabaseError(path or db.database, current)
    if current == LATEST_VERSION:
        return current
    if current > 0 and path is not None and path.exists():
        log.info("copied the database to %s before migrating", copy_before_migration(path, current))
    # The whole chain is one transaction: a crash leaves the old schema or the new one.
    with db.atomic():
        for version, step in MIGRATIONS:
            if version <= current:
                continue
            step(conn)
            conn.execute(f"PRAGMA user_version = {version}")
    log.info("database migrated from schema version %d to %d", current, LATEST_VERSION)
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
