import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = date(2026, 6, 30)


@pytest.fixture(autouse=True, scope="session")
def isolated_cache(tmp_path_factory):
    """The report's print fonts are made once for the whole run, not in the user's cache."""
    if not os.environ.get("LIFECRM_CACHE"):
        os.environ["LIFECRM_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test reads or writes the real user folders."""
    monkeypatch.setenv("LIFECRM_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LIFECRM_DB", raising=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "studio.sqlite3"


@pytest.fixture
def db(db_path):
    """A fresh, migrated studio database bound to the models."""
    from lifecrm_gui.store.db import close_database, open_database

    database = open_database(db_path)
    yield database
    close_database()
