"""A clients import that at least doubles the clients (a studio moving in) keeps the
indexes of the clients and the events off while it writes and re-derives, and builds
them once at the end; cancelled or failing, it leaves everything as it was."""

import csv

import pytest

from lifecrm_gui.services import importer
from lifecrm_gui.services.importer import Cancelled, import_file
from lifecrm_gui.store.models import Client, Event, database
from tests.conftest import AS_OF


def indexes():
    return sorted(database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'").fetchall())


def clients_file(path, count):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ref", "name", "phone", "referred_by"])
        for n in range(count):
            # each client referred by the next one, who comes later in the file
            writer.writerow([f"N{n}", f"客户{n}", f"139{n:08d}", f"N{n + 1}" if n + 1 < count else ""])
    return path


@pytest.fixture
def rebuilding(monkeypatch):
    monkeypatch.setattr(importer, "REBUILD_INDEXES_FROM", 1)
    monkeypatch.setattr(importer, "RECOMPUTE_ALL_FROM", 1)


def test_a_studio_moving_in_gets_its_indexes_back_with_every_link_and_first_stage(db, tmp_path, rebuilding):
    before = indexes()
    result = import_file("clients", clients_file(tmp_path / "c.csv", 30), as_of=AS_OF)
    assert result.errors == [] and result.written == 30
    assert indexes() == before
    assert database.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    links = {c.ref: c.referred_by.ref if c.referred_by else None for c in Client.select()}
    assert links == {f"N{n}": (f"N{n + 1}" if n < 29 else None) for n in range(30)}
    assert Event.select().where(Event.kind == "stage_change").count() == 30
    # the rebuilt indexes answer queries: the clients by stage, the events by client
    assert Client.select().where(Client.stage == "lead").count() == 30
    assert Event.select().where(Event.client == Client.get(Client.ref == "N7")).count() == 1


def test_cancelled_while_re_deriving_it_leaves_nothing_and_the_indexes_whole(db, tmp_path, rebuilding):
    before = indexes()
    seen = []
    with pytest.raises(Cancelled):
        import_file("clients", clients_file(tmp_path / "c.csv", 30), as_of=AS_OF,
                    progress=lambda done, total: seen.append(done), should_cancel=lambda: bool(seen) and seen[-1] >= 85)
    assert indexes() == before
    assert Client.select().count() == 0 and Event.select().count() == 0


def test_a_bad_referrer_link_cannot_slip_through_the_deferred_check(db, tmp_path, rebuilding, monkeypatch):
    """If a referrer's row were missing at the end, the commit refuses the whole import."""
    monkeypatch.setattr(importer._Clients, "finish",
                        lambda self, errors: self.parents.update({0: len(self.lines) + 5}))
    before = indexes()
    with pytest.raises(Exception, match="FOREIGN KEY"):
        import_file("clients", clients_file(tmp_path / "c.csv", 3), as_of=AS_OF)
    assert Client.select().count() == 0 and indexes() == before
