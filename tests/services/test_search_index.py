"""The search index in memory answers exactly as the SQL search does, and follows
every write: edits, trash, erase, bulk imports and writes from another connection."""

import sqlite3
from datetime import date

import pytest

from lifecrm_gui.services import clients, search_index
from lifecrm_gui.services.demo import generate_demo
from lifecrm_gui.services.search import ClientFilter, search_ids, warm_up
from lifecrm_gui.store.db import close_database, open_database
from lifecrm_gui.store.models import database

AS_OF = date(2026, 6, 30)
QUERIES = ("王", "张伟", "李", "zw", "wang", "lj", "13", "1234", "vip", "@", "x", "老客户", "zhang wei", "")


def sql_answer(query, descending=False):
    """The same search with the index set aside."""
    held, search_index.index._database = search_index.index._database, None
    try:
        return search_ids(ClientFilter(query=query), descending=descending)
    finally:
        search_index.index._database = held


def assert_same_answers():
    for query in QUERIES:
        for descending in (False, True):
            assert search_ids(ClientFilter(query=query), descending=descending) == \
                sql_answer(query, descending), (query, descending)


@pytest.fixture
def studio(db):
    generate_demo(db, 300, seed=3, as_of=AS_OF)
    warm_up()
    assert search_index.index.ready()
    return db


def test_answers_match_sql_on_a_demo_studio(studio):
    assert_same_answers()
    assert search_ids(ClientFilter(query="zw"))  # the mix finds someone


def test_follows_edits_trash_restore_and_erase(studio):
    new = clients.create_client({"name": "张伟强", "phone": "13812341234", "tags": "VIP"}, as_of=AS_OF)
    assert new in search_ids(ClientFilter(query="zwq"))
    renamed = search_ids(ClientFilter(query="wang"))[0]
    clients.update_client(renamed, {"name": "曾小凡"}, as_of=AS_OF)
    assert renamed in search_ids(ClientFilter(query="zengxiaofan"))
    assert_same_answers()
    clients.trash_client(new, as_of=AS_OF)
    assert new not in search_ids(ClientFilter(query="zwq"))
    clients.restore_client(new, as_of=AS_OF)
    assert new in search_ids(ClientFilter(query="zwq"))
    clients.erase_client(new)
    assert search_ids(ClientFilter(query="zwq")) == []
    assert_same_answers()


def test_follows_a_write_from_another_connection(studio, db_path):
    target = search_ids(ClientFilter(query="lj"))[0]
    other = sqlite3.connect(db_path)
    with other:
        other.execute("UPDATE client_search SET text = text || char(31) || 'kingfisher' WHERE client_id = ?",
                      (target,))
    assert search_ids(ClientFilter(query="kingfisher")) == [target]
    with other:
        other.execute("UPDATE client SET deleted_at = '2026-06-30 10:00:00' WHERE id = ?", (target,))
    other.close()
    assert search_ids(ClientFilter(query="kingfisher")) == []
    assert_same_answers()


def test_many_changes_or_a_trimmed_log_rebuild(studio, monkeypatch):
    monkeypatch.setattr(search_index, "REBUILD_AFTER", 5)
    for n in range(8):
        clients.create_client({"name": f"林{'一二三四五六七八'[n]}", "phone": f"1390000{n:04d}"}, as_of=AS_OF)
    assert_same_answers()
    assert not search_index.index._overlay  # rebuilt, not patched
    database.execute_sql("DELETE FROM search_change")
    clients.create_client({"name": "林九", "phone": "13900009999"}, as_of=AS_OF)
    from lifecrm_gui.store import queries
    queries.trim_search_log(keep=1)
    assert len(search_ids(ClientFilter(query="linjiu"))) == 1
    assert_same_answers()


def test_a_database_opened_since_is_not_answered_from_the_old_index(studio, tmp_path):
    close_database()
    other = open_database(tmp_path / "other.sqlite3")
    try:
        assert not search_index.index.ready()
        assert search_ids(ClientFilter(query="zw")) == []
    finally:
        close_database()


def test_an_answer_at_once_only_when_nothing_was_written_since(studio):
    from lifecrm_gui.services.search import search_ids_at_once

    flt = ClientFilter(query="zw")
    assert search_ids_at_once(flt) == sql_answer("zw")
    assert search_ids_at_once(flt, descending=True) == sql_answer("zw", descending=True)
    assert search_ids_at_once(ClientFilter(query="zw", stages=("lead",))) is None  # filters: SQL, on a worker
    assert search_ids_at_once(flt, sort="spend") is None
    new = clients.create_client({"name": "赵伟", "phone": "13900001111"}, as_of=AS_OF)
    assert search_ids_at_once(flt) is None  # a write since: the worker's search catches up first
    assert new in search_ids(flt)
    assert search_ids_at_once(flt) == search_ids(flt) and new in search_ids_at_once(flt)
