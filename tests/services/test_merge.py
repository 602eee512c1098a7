"""Merging a field laptop's database into the studio's: matching, filling, conflicts,
the rows that come along, idempotence, refusals, and all-or-nothing."""

import json
import sqlite3
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from lifecrm_gui import paths
from lifecrm_gui.services import backups, merge
from lifecrm_gui.services.clients import create_client, update_client
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.services.recompute import Cancelled
from lifecrm_gui.services.settings import get_setting
from lifecrm_gui.services.timeline import add_order, add_task, log_event
from lifecrm_gui.store import db as store_db
from lifecrm_gui.store.campaign_schema import CampaignDetail
from lifecrm_gui.store.merge_models import MergeAlias, MergeConflict, MergeLog
from lifecrm_gui.store.migrations import LATEST_VERSION, MIGRATIONS
from lifecrm_gui.store.models import (Campaign, CampaignRecipient, Client, ClientTag, Event, FamilyMember, Order, Tag,
                                      Task, database)
from tests.conftest import AS_OF

FAIR = date(2026, 6, 20)


@pytest.fixture(autouse=True)
def no_scheduler_left():
    yield
    backups.stop()


@pytest.fixture
def laptop(tmp_path):
    return tmp_path / "laptop" / "expo.sqlite3"


@contextmanager
def using(path: Path):
    """Work on another database for a while, then come back to the studio's."""
    previous = Path(database.obj.database)
    store_db.close_database()
    store_db.open_database(path)
    try:
        yield
    finally:
        store_db.close_database()
        store_db.open_database(previous)


def digests() -> dict:
    return store_db.table_digests(database.connection())


def client_named(name: str) -> Client:
    return Client.get(Client.name == name)


# --- matching ---------------------------------------------------------------------------------

def test_phone_variants_land_on_one_client(db, laptop):
    ours = create_client({"name": "王芳", "phone": "138 0013 8000"}, as_of=AS_OF)
    other = create_client({"name": "张伟", "phone": "139 0013 9000"}, as_of=AS_OF)
    with using(laptop):
        fang = create_client({"name": "王芳", "phone": "+86 138-0013-8000", "source": "expo"}, as_of=FAIR)
        log_event(fang, "inquiry", "问婚纱照套餐", occurred_at=FAIR, as_of=FAIR)
        create_client({"name": "张伟", "phone": "13900139000"}, as_of=FAIR)
        # A record written by an older version, its phone stored as typed.
        database.execute_sql("UPDATE client SET phone = '139-0013-9000' WHERE name = '张伟'")
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert (summary.new_clients, summary.matched) == (0, 2)
    assert Client.select().count() == 2
    inquiries = Event.select().where(Event.client == ours, Event.kind == "inquiry")
    assert [e.text for e in inquiries] == ["问婚纱照套餐"]
    assert Client.get_by_id(ours).source == "expo"  # an empty field filled in
    assert Client.get_by_id(other).phone == "+8613900139000"
    assert MergeAlias.select().count() == 2  # the laptop's UUIDs now point at our clients


def test_clients_match_by_wechat_or_email_and_the_rest_come_in_new_with_their_uuids(db, laptop):
    by_wechat = create_client({"name": "李娜", "wechat": "lina_photo"}, as_of=AS_OF)
    by_email = create_client({"name": "陈杰", "email": "chenjie@example.com"}, as_of=AS_OF)
    with using(laptop):
        create_client({"name": "李娜", "wechat": "lina_photo", "phone": "13700137000"}, as_of=FAIR)
        create_client({"name": "陈杰", "email": "ChenJie@Example.com"}, as_of=FAIR)
        fresh = create_client({"name": "赵敏", "phone": "13600136000", "source": "expo"}, as_of=FAIR)
        log_event(fresh, "inquiry", "问全家福", occurred_at=FAIR, as_of=FAIR)
        fresh_uuid = Client.get_by_id(fresh).uuid
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert (summary.new_clients, summary.matched, summary.conflicts) == (1, 2, 0)
    assert Client.get_by_id(by_wechat).phone == "+8613700137000"
    assert Client.get_by_id(by_email).email == "chenjie@example.com"  # same address, ours kept
    assert client_named("赵敏").uuid == fresh_uuid
    assert client_named("赵敏").stage == "prospect"


def test_a_trashed_client_is_matched_only_by_its_uuid(db, laptop):
    gone = create_client({"name": "旧客户", "phone": "13500135000"}, as_of=AS_OF)
    Client.update(deleted_at="2026-01-01 10:00:00").where(Client.id == gone).execute()
    with using(laptop):
        create_client({"name": "新客户", "phone": "13500135000"}, as_of=FAIR)
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert summary.new_clients == 1
    assert Client.get_by_id(gone).deleted_at is not None


# --- filling and conflicts ----------------------------------------------------------------------

def test_empty_fields_are_filled_and_differing_ones_wait_for_review(db, laptop):
    ours = create_client({"name": "刘洋", "phone": "13800138000", "birthday": "1990-05-01",
                          "needs": "wedding_portrait", "notes": "喜欢户外"}, as_of=AS_OF)
    with using(laptop):
        create_client({"name": "刘洋洋", "phone": "13800138000", "birthday": "1991-05-01", "wechat": "liuyang88",
                       "wedding_date": "2026-10-01", "needs": "maternity,wedding_portrait", "notes": "预算两万",
                       "consent": True, "consent_on": "2026-06-20", "consent_channel": "in_person"}, as_of=FAIR)
    summary = merge.merge_database(laptop, as_of=AS_OF)
    client = Client.get_by_id(ours)
    assert (client.wechat, client.wedding_date) == ("liuyang88", date(2026, 10, 1))
    assert client.needs == "wedding_portrait,maternity"
    assert client.notes == "喜欢户外\n预算两万"
    assert (client.consent, client.consent_on, client.consent_channel) == (True, date(2026, 6, 20), "in_person")
    assert (client.name, client.birthday) == ("刘洋", date(1990, 5, 1))  # ours stays until someone chooses
    assert summary.conflicts == 2
    found = {c["field"]: c for c in merge.open_conflicts(lang="en")}
    assert set(found) == {"name", "birthday"}
    assert (found["name"]["ours"], found["name"]["theirs"]) == ("刘洋", "刘洋洋")
    assert (found["birthday"]["ours_text"], found["birthday"]["theirs_text"]) == ("1990-05-01", "1991-05-01")


def test_resolving_takes_theirs_or_keeps_ours_and_merging_again_does_not_reopen(db, laptop):
    ours = create_client({"name": "刘洋", "phone": "13800138000", "birthday": "1990-05-01",
                          "source": "walk_in"}, as_of=AS_OF)
    with using(laptop):
        create_client({"name": "刘洋洋", "phone": "13800138000", "birthday": "1991-05-01", "source": "expo"},
                      as_of=FAIR)
    merge.merge_database(laptop, as_of=AS_OF)
    conflicts = {c["field"]: c for c in merge.open_conflicts(lang="zh")}
    assert conflicts["source"]["ours_text"] == "到店" and conflicts["source"]["theirs_text"] == "婚博会/展会"
    changed = merge.resolve_conflicts({conflicts["name"]["id"]: "theirs", conflicts["birthday"]["id"]: "ours",
                                       conflicts["source"]["id"]: "theirs"}, as_of=AS_OF)
    assert changed == [ours]
    client = Client.get_by_id(ours)
    assert (client.name, client.birthday, client.source) == ("刘洋洋", date(1990, 5, 1), "expo")
    assert merge.open_conflicts() == []
    assert sorted(MergeConflict.select(MergeConflict.status).tuples()) == [("kept",), ("taken",), ("taken",)]
    with using(laptop):
        log_event(client_named("刘洋洋").id, "call", "确认档期", occurred_at=FAIR, as_of=FAIR)
    again = merge.merge_database(laptop, as_of=AS_OF)
    assert not again.already_merged and again.conflicts == 0
    assert merge.open_conflicts() == []


def test_bad_choices_are_refused_by_field(db):
    with pytest.raises(ValidationError, match="choice"):
        merge.resolve_conflicts({1: "both"})


def test_combine_client_rules_at_their_edges():
    ours = {"name": "王芳", "phone": "+8613800138000", "phone_alt": None, "wechat": "", "followers": 0,
            "influence_relevant": False, "styles": "film", "notes": "", "first_seen_on": date(2026, 3, 1),
            "consent": False, "consent_on": None, "consent_channel": None, "lost_on": None, "lost_reason": None,
            "lost_note": None, "manual_stage": None, "manual_stage_on": None, "stage": "lead", "tier": 0}
    theirs = {"name": "王芳", "phone": "138 0013 8000", "phone_alt": "13900139000", "wechat": "fang_w",
              "followers": 1200, "influence_relevant": True, "styles": "outdoor,film", "notes": "",
              "first_seen_on": date(2026, 2, 1), "consent": True, "consent_on": date(2026, 2, 1),
              "consent_channel": "form", "lost_on": None, "lost_reason": None, "lost_note": None,
              "manual_stage": "prospect", "manual_stage_on": date(2026, 2, 1), "stage": "loyal", "tier": 5}
    changes, conflicts = merge.combine_client(ours, theirs)
    assert conflicts == []
    assert changes == {"phone_alt": "+8613900139000", "wechat": "fang_w", "followers": 1200,
                       "influence_relevant": True, "styles": "film,outdoor", "first_seen_on": date(2026, 2, 1),
                       "consent": True, "consent_on": date(2026, 2, 1), "consent_channel": "form",
                       "manual_stage": "prospect", "manual_stage_on": date(2026, 2, 1)}
    # Both phone columns taken: a third number is a conflict, not a loss.
    full = {**ours, "phone_alt": "+8613700137000"}
    _, conflicts = merge.combine_client(full, {**theirs, "phone": "13600136000", "phone_alt": None})
    assert conflicts == [("phone_alt", "+8613700137000", "+8613600136000")]
    # Ours later, theirs earlier: the first-seen date is the earliest; a later one changes nothing.
    changes, _ = merge.combine_client(ours, {**theirs, "first_seen_on": date(2026, 4, 1)})
    assert "first_seen_on" not in changes
    # Derived figures never come over: ours are re-derived.
    assert "stage" not in changes and "tier" not in changes


def test_phone_key_normalises_or_falls_back_to_digits():
    assert merge.phone_key("138 0013 8000") == merge.phone_key("+86 138-0013-8000") == "+8613800138000"
    assert merge.phone_key("(0755) 12") == "075512"
    assert merge.phone_key("  ") is None and merge.phone_key(None) is None


# --- what comes along -----------------------------------------------------------------------------

def test_timeline_orders_family_tags_and_tasks_come_over_once_with_their_uuids(db, laptop):
    ours = create_client({"name": "周琳", "phone": "13800138000", "tags": "老客户"}, as_of=AS_OF)
    with using(laptop):
        lin = create_client({"name": "周琳", "phone": "13800138000", "tags": "展会,老客户",
                             "family": [{"relation": "child", "name": "小宝", "birthday": "2025-12-01"}]},
                            as_of=FAIR)
        log_event(lin, "consultation", "看样片", occurred_at=FAIR, as_of=FAIR)
        order = add_order(lin, {"ordered_on": "2026-06-20", "amount": "6800", "paid": "2000",
                                "category": "newborn"}, as_of=FAIR)
        add_task(lin, "回访", "2026-07-01")
        newcomer = create_client({"name": "吴昊", "phone": "13600136000"}, as_of=FAIR)
        expected = {"events": {e.uuid for e in Event.select().where(Event.client == lin,
                                                                     Event.kind != "stage_change")},
                    "order": Order.get_by_id(order).uuid,
                    "family": {f.uuid for f in FamilyMember.select()},
                    "task": Task.get().uuid,
                    "newcomer_history": {e.uuid for e in Event.select().where(Event.client == newcomer)}}
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert {e.uuid for e in Event.select().where(Event.client == ours, Event.kind != "stage_change")} \
        == expected["events"]
    assert Order.get(Order.client == ours).uuid == expected["order"]
    assert {f.uuid for f in FamilyMember.select().where(FamilyMember.client == ours)} == expected["family"]
    assert Task.get(Task.client == ours).uuid == expected["task"]
    assert sorted(t for (t,) in Tag.select(Tag.name).join(ClientTag).where(ClientTag.client == ours).tuples()) \
        == ["展会", "老客户"]
    newcomer_here = client_named("吴昊")
    assert expected["newcomer_history"] <= {e.uuid for e in Event.select().where(Event.client == newcomer_here)}
    assert summary.rows_added == {"clients": 1, "events": len(expected["events"]) + len(expected["newcomer_history"]),
                                  "orders": 1, "family": 1, "tags": 1, "tasks": 1, "campaigns": 0,
                                  "campaign_recipients": 0}
    # The merged order makes her a new client here, re-derived as of today.
    client = Client.get_by_id(ours)
    assert (client.stage, client.order_count, client.spend) == ("new", 1, 200000)
    moves = [(e.stage_from, e.stage_to) for e in Event.select().where(Event.client == ours,
                                                                       Event.kind == "stage_change")]
    assert moves == [(None, "lead"), ("lead", "new")]  # ours, not the laptop's history of her


def test_a_campaign_run_on_the_laptop_comes_over_with_its_recipients_and_orders(db, laptop):
    ours = create_client({"name": "周琳", "phone": "13800138000"}, as_of=AS_OF)
    with using(laptop):
        lin = create_client({"name": "周琳", "phone": "13800138000"}, as_of=FAIR)
        campaign = Campaign.create(name="婚博会回访", channel="wechat", status="sent")
        CampaignDetail.create(campaign=campaign.id, lang="en", holiday=None)
        order = add_order(lin, {"ordered_on": "2026-06-22", "amount": "5000", "campaign_id": campaign.id},
                          as_of=FAIR)
        CampaignRecipient.create(campaign=campaign.id, client=lin, status="booked", order=order)
        campaign_uuid = campaign.uuid
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert (summary.rows_added["campaigns"], summary.rows_added["campaign_recipients"]) == (1, 1)
    here = Campaign.get(Campaign.uuid == campaign_uuid)
    assert CampaignDetail.get_by_id(here.id).lang == "en"
    recipient = CampaignRecipient.get()
    assert (recipient.client_id, recipient.campaign_id) == (ours, here.id)
    assert recipient.order_id == Order.get(Order.client == ours).id
    assert Order.get(Order.client == ours).campaign_id == here.id


def test_referrals_between_incoming_clients_are_linked(db, laptop):
    with using(laptop):
        friend = create_client({"name": "高远", "phone": "13500135000"}, as_of=FAIR)
        create_client({"name": "林晓", "phone": "13400134000", "referred_by": friend}, as_of=FAIR)
    merge.merge_database(laptop, as_of=AS_OF)
    assert client_named("林晓").referred_by_id == client_named("高远").id


def test_a_referral_that_would_make_a_cycle_is_not_made(db, laptop):
    a = create_client({"name": "甲", "phone": "13500135000"}, as_of=AS_OF)
    create_client({"name": "乙", "phone": "13400134000", "referred_by": a}, as_of=AS_OF)
    with using(laptop):
        b = create_client({"name": "乙", "phone": "13400134000"}, as_of=FAIR)
        create_client({"name": "甲", "phone": "13500135000", "referred_by": b}, as_of=FAIR)
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert Client.get_by_id(a).referred_by_id is None
    assert any("cycle" in w for w in summary.warnings)


# --- idempotence and the log -------------------------------------------------------------------

def test_merging_the_same_file_twice_changes_nothing(db, laptop):
    create_client({"name": "王芳", "phone": "138 0013 8000", "birthday": "1990-01-01"}, as_of=AS_OF)
    with using(laptop):
        fang = create_client({"name": "王芳", "phone": "+86 138-0013-8000", "birthday": "1991-01-01"}, as_of=FAIR)
        add_order(fang, {"ordered_on": "2026-06-20", "amount": "3000"}, as_of=FAIR)
        create_client({"name": "新人", "phone": "13700137000"}, as_of=FAIR)
    first = merge.merge_database(laptop, as_of=AS_OF)
    after_first = digests()
    backups_after_first = sorted(paths.backup_dir().iterdir())
    second = merge.merge_database(laptop, as_of=AS_OF)
    assert second.already_merged and second.merge_id == first.merge_id
    assert digests() == after_first
    assert sorted(paths.backup_dir().iterdir()) == backups_after_first  # nothing to back up either
    assert MergeLog.select().count() == 1
    log = MergeLog.get()
    assert json.loads(log.summary)["new_clients"] == 1 and log.backup_path == first.backup


def test_the_laptop_keeps_one_identity_across_merges(db, laptop):
    with using(laptop):
        create_client({"name": "一号", "phone": "13700137000"}, as_of=FAIR)
    first = merge.merge_database(laptop, as_of=AS_OF)
    with using(laptop):
        assert get_setting(merge.DATABASE_UUID) == first.source_uuid
        create_client({"name": "二号", "phone": "13700137001"}, as_of=FAIR)
    second = merge.merge_database(laptop, as_of=AS_OF)
    assert second.source_uuid == first.source_uuid and second.digest != first.digest
    assert (second.new_clients, second.matched, second.rows_added["events"]) == (1, 1, 1)
    assert Client.select().count() == 2


def test_a_client_matched_before_is_found_by_its_alias_after_the_laptop_changed_its_phone(db, laptop):
    ours = create_client({"name": "郑爽", "phone": "13800138000"}, as_of=AS_OF)
    with using(laptop):
        theirs = create_client({"name": "郑爽", "phone": "13800138000"}, as_of=FAIR)
    merge.merge_database(laptop, as_of=AS_OF)
    with using(laptop):
        update_client(theirs, {"phone": "13300133000"}, as_of=FAIR)
        log_event(theirs, "wechat", "发了样片", occurred_at=FAIR, as_of=FAIR)
    summary = merge.merge_database(laptop, as_of=AS_OF)
    assert summary.new_clients == 0
    assert Client.get_by_id(ours).phone_alt == "+8613300133000"
    assert Event.select().where(Event.client == ours, Event.kind == "wechat").count() == 1


def test_a_backup_is_taken_before_the_merge(db, laptop):
    create_client({"name": "王芳", "phone": "13800138000"}, as_of=AS_OF)
    before = digests()
    with using(laptop):
        create_client({"name": "新人", "phone": "13700137000"}, as_of=FAIR)
    summary = merge.merge_database(laptop, as_of=AS_OF)
    saved = Path(summary.backup)
    assert saved.parent == paths.backup_dir() and saved.name.endswith("-merge.sqlite3")
    conn = sqlite3.connect(saved)
    assert store_db.table_digests(conn) == before
    conn.close()


# --- older, newer, damaged and foreign files ---------------------------------------------------------

def test_an_older_schema_is_merged_through_a_migrated_copy_and_left_as_it_was(db, tmp_path):
    old = tmp_path / "old-laptop.sqlite3"
    conn = sqlite3.connect(old)
    for version, step in MIGRATIONS:
        if version <= 2:
            step(conn)
    conn.execute("INSERT INTO client (uuid, name, phone, created_at, updated_at) VALUES "
                 "('old-1', '孙丽', '+8613800138000', '2025-05-01 10:00:00', '2025-05-01 10:00:00')")
    conn.execute("INSERT INTO event (uuid, client_id, occurred_at, kind, text, is_activity, created_at) VALUES "
                 "('ev-1', 1, '2025-05-01 10:00:00', 'inquiry', '婚纱照', 1, '2025-05-01 10:00:00')")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    summary = merge.merge_database(old, as_of=AS_OF)
    assert summary.new_clients == 1
    assert client_named("孙丽").uuid == "old-1"
    assert Event.get(Event.uuid == "ev-1").text == "婚纱照"
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE 'merge%'")] == []
    conn.close()


def test_files_that_cannot_be_merged_are_refused_and_nothing_changes(db, db_path, tmp_path):
    before = digests()
    missing = tmp_path / "nowhere.sqlite3"
    text = tmp_path / "notes.sqlite3"
    text.write_bytes(b"just some notes" * 300)
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    newer = tmp_path / "newer.sqlite3"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE client (id INTEGER PRIMARY KEY)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    for path, reason in ((missing, "no such file"), (db_path, "open database itself"), (text, "not a database"),
                         (empty, "not a LifeCRM database"), (newer, "newer LifeCRM")):
        with pytest.raises(merge.MergeRefused, match=reason):
            merge.merge_database(path, as_of=AS_OF)
    assert digests() == before
    assert not paths.backup_dir().exists()


# --- all or nothing ---------------------------------------------------------------------------------

def test_a_failure_half_way_leaves_the_database_as_it_was(db, laptop, monkeypatch):
    create_client({"name": "王芳", "phone": "13800138000"}, as_of=AS_OF)
    with using(laptop):
        fang = create_client({"name": "王芳", "phone": "13800138000", "wechat": "fang88"}, as_of=FAIR)
        add_task(fang, "回访", "2026-07-01")
        create_client({"name": "新人", "phone": "13700137000"}, as_of=FAIR)
    before = digests()

    def broken(self):
        raise OSError("disk unplugged")

    monkeypatch.setattr(merge._Merge, "_tasks", broken)
    with pytest.raises(OSError, match="unplugged"):
        merge.merge_database(laptop, as_of=AS_OF)
    assert digests() == before


def test_a_cancelled_merge_writes_nothing(db, laptop):
    with using(laptop):
        create_client({"name": "新人", "phone": "13700137000"}, as_of=FAIR)
    before = digests()
    steps = []

    def cancel_at_third_step():
        steps.append(1)
        return len(steps) >= 3

    with pytest.raises(Cancelled):
        merge.merge_database(laptop, as_of=AS_OF, should_cancel=cancel_at_third_step)
    assert digests() == before
    assert merge.merge_database(laptop, as_of=AS_OF).new_clients == 1  # and it can be merged later


# --- the command line ----------------------------------------------------------------------------

def test_the_command_line_merges_lists_and_resolves_conflicts(db, db_path, laptop, monkeypatch, capsys):
    from lifecrm_gui import cli

    create_client({"name": "刘洋", "phone": "13800138000"}, as_of=AS_OF)
    with using(laptop):
        create_client({"name": "刘洋洋", "phone": "13800138000"}, as_of=FAIR)
    store_db.close_database()
    assert cli.main(["merge", str(laptop), "--db", str(db_path), "--as-of", "2026-06-30"]) == 0
    out = capsys.readouterr().out
    assert "0 new clients, 1 matched, 1 conflicts" in out and "lifecrm conflicts" in out
    assert cli.main(["conflicts", "--db", str(db_path), "--json"]) == 0
    [conflict] = json.loads(capsys.readouterr().out)["open"]
    assert (conflict["field"], conflict["ours"], conflict["theirs"]) == ("name", "刘洋", "刘洋洋")
    both = ["conflicts", "--db", str(db_path), "--keep", str(conflict["id"]), "--take", str(conflict["id"])]
    assert cli.main(both) == 2
    assert "not both" in capsys.readouterr().err
    assert cli.main(["conflicts", "--db", str(db_path), "--take", str(conflict["id"])]) == 0
    assert "no open conflicts" in capsys.readouterr().out
    assert cli.main(["merge", str(laptop), "--db", str(db_path)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    store_db.open_database(db_path)
    assert client_named("刘洋洋").phone == "+8613800138000"


def test_the_merge_models_match_their_tables(db):
    from lifecrm_gui.store.merge_models import MERGE_MODELS

    for model in MERGE_MODELS:
        columns = {c.name for c in db.get_columns(model._meta.table_name)}
        assert columns == {f.column_name for f in model._meta.sorted_fields}, model.__name__
