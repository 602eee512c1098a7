"""Where LifeCRM keeps its files, and where its bundled resources are, from source or frozen."""

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from lifecrm_gui import APP_NAME

_DIRS = PlatformDirs(APP_NAME, appauthor=False)


def data_dir() -> Path:
    return Path(os.environ.get("LIFECRM_HOME") or _DIRS.user_data_dir)


def log_dir() -> Path:
    return Path(os.environ.get("LIFECRM_HOME") or _DIRS.user_log_dir) / "logs" \
        if os.environ.get("LIFECRM_HOME") else Path(_DIRS.user_log_dir)


def cache_dir() -> Path:
    """Files LifeCRM can make again (the report's print fonts): LIFECRM_CACHE, else the
    user's cache folder, shared by every studio on the machine."""
    return Path(os.environ.get("LIFECRM_CACHE") or _DIRS.user_cache_dir)


def backup_dir() -> Path:
    return data_dir() / "backups"


def default_database() -> Path:
    """`--db` wins over LIFECRM_DB, which wins over the user data folder."""
    return Path(os.environ.get("LIFECRM_DB") or data_dir() / "lifecrm.sqlite3")


def resource_path(*parts: str) -> Path:
    """A file under resources/, from a source checkout or a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)
