"""Whether the studio database is exactly as the app left it when it last closed, so
that start-up can skip the quick check that reads the whole file.

On a clean close the file's size and modification time are noted in the user data
folder. At the next start a file that still matches, with no -wal beside it, has not
been written since (by this app, the command line, a sync client or a copy); it is
still checked in full when the last check is a week old, since a failing disk
changes bytes without touching the modification time."""

import json
import logging
from datetime import date, timedelta
from pathlib import Path

from lifecrm_gui import paths

log = logging.getLogger(__name__)

CHECK_AT_LEAST_EVERY = timedelta(days=7)


def _notes_file() -> Path:
    return paths.data_dir() / "clean-close.json"


def _read() -> dict:
    try:
        return json.loads(_notes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write(notes: dict) -> None:
    target = _notes_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(notes, indent=1), encoding="utf-8")
        partial.replace(target)
    except OSError as error:  # only costs a check at the next start
        log.warning("could not note the clean close in %s: %s", target, error)


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None  # committed work still waits in the -wal: not left as closed
        found = Path(path).stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def check_needed(path: Path, today: date) -> bool:
    """False only when the file is as a clean close left it and was checked within a week."""
    note = _read().get(_key(path))
    if not note or _stat(path) != (note.get("size"), note.get("mtime_ns")):
        return True
    try:
        checked = date.fromisoformat(note.get("checked_on", ""))
    except ValueError:
        return True
    return today - checked >= CHECK_AT_LEAST_EVERY


def note_checked(path: Path, today: date) -> None:
    """The file passed its check today; it is about to be written, so its state is not kept."""
    notes = _read()
    notes[_key(path)] = {"checked_on": today.isoformat()}
    _write(notes)


def note_closed(path: Path) -> None:
    """The app closed the database: keep the file's state beside the date of its last check."""
    state = _stat(path)
    notes = _read()
    note = notes.get(_key(path), {})
    if state is None or "checked_on" not in note:
        return
    note["size"], note["mtime_ns"] = state
    notes[_key(path)] = note
    _write(notes)
