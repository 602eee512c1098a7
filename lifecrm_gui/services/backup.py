"""Backups made with SQLite's backup API and verified, and the integrity check."""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from lifecrm_gui import paths
from lifecrm_gui.store.db import schema_version
from lifecrm_gui.store.migrations import LATEST_VERSION
from lifecrm_gui.store.models import database


class BackupFailed(Exception):
    pass


def verify(path: Path) -> str:
    """'ok', or what SQLite's integrity check found."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "ok" if rows == [("ok",)] else "; ".join(r[0] for r in rows[:5])


def backup(dest: Path | str | None = None) -> Path:
    """Copy the live database to `dest` (a file, or a folder to put a dated file in;
    default the backup folder): written to a temporary file, verified, then renamed
    into place, so a failed backup never replaces a good one."""
    source = Path(database.obj.database)
    if dest is None:
        dest = paths.backup_dir()
    dest = Path(dest)
    if dest.is_dir() or not dest.suffix:
        dest.mkdir(parents=True, exist_ok=True)
        dest = dest / f"{source.stem}-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
    dest.parent.mkdir(parents=True, exist_ok=True)
    temporary = dest.with_name(dest.name + ".partial")
    target = sqlite3.connect(temporary)
    try:
        database.connection().backup(target)
    finally:
        target.close()
    verdict = verify(temporary)
    if verdict != "ok":
        temporary.unlink(missing_ok=True)
        raise BackupFailed(f"the backup did not pass the integrity check: {verdict}")
    os.replace(temporary, dest)
    return dest


def check() -> dict:
    conn = database.connection()
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    foreign = conn.execute("PRAGMA foreign_key_check").fetchall()
    return {
        "path": str(database.obj.database),
        "integrity": "ok" if integrity == ["ok"] else integrity[:20],
        "foreign_keys": "ok" if not foreign else [list(r) for r in foreign[:20]],
        "schema_version": schema_version(conn),
        "latest_schema_version": LATEST_VERSION,
        "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
    }
