from datetime import date

import pytest

from lifecrm_gui.domain.stages import TransitionRefused
from lifecrm_gui.services import clients, timeline
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.store.models import Client, Event

TODAY = date(2026, 6, 30)


def new(name="张伟", phone="13800138000", **extra):
    return clients.create_client({"name": name, "phone": phone, **extra}, as_of=TODAY)


def test_phone_is_normalised_and_a_variant_is_a_duplicate(db):
    cid = new(phone="138 0013 8000")
    assert Client.get_by_id(cid).phone == "+8613800138000"
    with pytest.raises(ValidationError) as dup:
        new(name="李娜", phone="+86 138-0013-8000")
    assert dup.value.for_field("phone")[0].value == "+8613800138000"
    assert "张伟" in dup.value.for_field("phone")[0].message


def test_bad_values_name_their_field(db):
    with pytest.raises(ValidationError) as bad:
        clients.create_client({"name": "", "phone": "12345", "email": "nope", "birthday": "1990-13-01"})
    assert {e.field for e in bad.value.errors} == {"name", "phone", "email", "birthday"}
    assert Client.select().count() == 0


def test_wechat_and_email_duplicates_are_found(db):
    cid = new(wechat="wx_zhangwei", email="Wei@Example.COM")
    found = clients.find_duplicates(wechat="wx_zhangwei", email="Wei@example.com")
    assert {(d.client_id, d.field) for d in found} == {(cid, "wechat"), (cid, "email")}


def test_referral_cycle_is_refused_with_the_chain(db):
    a = new("甲", "13800000001")
    b = new("乙", "13800000002", referred_by=a)
    c = new("丙", "13800000003", referred_by=b)
    with pytest.raises(ValidationError) as cycle:
        clients.update_client(a, {"referred_by": c}, as_of=TODAY)
    message = cycle.value.for_field("referred_by")[0].message
    assert "甲 → 丙 → 乙 → 甲" in message
    assert Client.get_by_id(a).referred_by_id is None


def test_journey_through_the_stages_is_recorded_on_the_timeline(db):
    cid = new()
    assert Client.get_by_id(cid).stage == "lead"
    timeline.log_event(cid, "inquiry", "全家福", occurred_at=TODAY, as_of=TODAY)
    assert Client.get_by_id(cid).stage == "prospect"
    first = timeline.add_order(cid, {"amount": "3000", "paid": "3000", "ordered_on": TODAY}, as_of=TODAY)
    assert Client.get_by_id(cid).stage == "new"
    timeline.add_order(cid, {"amount": "2000", "paid": "2000", "ordered_on": TODAY}, as_of=TODAY)
    assert Client.get_by_id(cid).stage == "active"
    clients.mark_lost(cid, "price", "找了更便宜的", as_of=TODAY)
    client = Client.get_by_id(cid)
    assert (client.stage, client.lost_reason) == ("churned", "price")
    clients.reopen(cid, as_of=TODAY)
    assert Client.get_by_id(cid).stage == "active"
    timeline.cancel_order(first, as_of=TODAY)
    assert Client.get_by_id(cid).stage == "new"
    moves = [(e.stage_from, e.stage_to) for e in Event.select().where(Event.kind == "stage_change")
             .order_by(Event.id)]
    assert moves == [(None, "lead"), ("lead", "prospect"), ("prospect", "new"), ("new", "active"),
                     ("active", "churned"), ("churned", "active"), ("active", "new")]
    lost = Event.get((Event.kind == "stage_change") & (Event.stage_to == "churned"))
    assert "价格" in lost.text and "找了更便宜的" in lost.text


def test_win_back_is_counted_when_a_dormant_client_orders_again(db):
    cid = new()
    timeline.add_order(cid, {"amount": "1000", "paid": "1000", "ordered_on": date(2024, 1, 10)},
                       as_of=date(2024, 1, 10))
    from lifecrm_gui.services.recompute import recompute
    assert recompute(date(2025, 3, 1)).moves == {("new", "dormant"): 1}
    timeline.add_order(cid, {"amount": "1000", "paid": "1000", "ordered_on": date(2025, 3, 2)},
                       as_of=date(2025, 3, 2))
    back = Event.get((Event.kind == "stage_change") & (Event.stage_to == "active"))
    assert back.stage_from == "dormant" and back.win_back


def test_manual_moves_follow_the_rules(db):
    cid = new()
    clients.set_manual_stage(cid, "prospect", as_of=TODAY)
    assert Client.get_by_id(cid).stage == "prospect"
    clients.set_manual_stage(cid, "lead", as_of=TODAY)
    assert Client.get_by_id(cid).stage == "lead"
    with pytest.raises(TransitionRefused) as refused:
        clients.set_manual_stage(cid, "loyal", as_of=TODAY)
    assert "orders" in refused.value.en
    timeline.add_order(cid, {"amount": "10", "paid": "10", "ordered_on": TODAY}, as_of=TODAY)
    with pytest.raises(TransitionRefused):
        clients.set_manual_stage(cid, "prospect", as_of=TODAY)
    with pytest.raises(TransitionRefused):
        clients.mark_lost(cid, "other", "", as_of=TODAY)


def test_referrers_value_follows_the_referred_clients_orders(db):
    referrer = new("甲", "13800000001")
    friend = new("乙", "13800000002", referred_by=referrer)
    timeline.add_order(friend, {"amount": "5000", "paid": "5000", "ordered_on": TODAY}, as_of=TODAY)
    assert Client.get_by_id(referrer).ltv_referral == 500_000


def test_trash_hides_and_restore_brings_back(db):
    from lifecrm_gui.services.search import search
    cid = new()
    clients.trash_client(cid, as_of=TODAY)
    assert search("zw") == []
    assert [c["id"] for c in clients.trashed_clients()] == [cid]
    clients.restore_client(cid, as_of=TODAY)
    assert [r["id"] for r in search("zw")] == [cid]


def test_erased_phone_is_not_readable_in_the_file(db, db_path):
    cid = new(phone="13912345678", notes="秘密备注 secret-note")
    timeline.log_event(cid, "call", "13912345678 回电", as_of=TODAY)
    keep = new("李娜", "13800000009")
    clients.erase_client(cid)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = db_path.read_bytes() + (db_path.with_name(db_path.name + "-wal").read_bytes()
                                  if db_path.with_name(db_path.name + "-wal").exists() else b"")
    assert b"13912345678" not in raw and b"secret-note" not in raw
    assert Client.get_by_id(keep).name == "李娜"


def test_find_client_by_id_ref_phone_and_name(db):
    cid = clients.create_client({"name": "王芳", "phone": "13600005678", "ref": "C-001"}, as_of=TODAY)
    for key in (str(cid), "C-001", "136 0000 5678", "+8613600005678", "王芳"):
        assert clients.find_client(key).id == cid


def test_key_threshold_for_one_client_agrees_with_the_whole_studio(db):
    from lifecrm_gui.domain.classes import key_threshold
    from lifecrm_gui.domain.policy import Policy
    from lifecrm_gui.services.recompute import current_key_threshold, recompute
    spends = [100, 500, 500, 900, 2000, 0, 3000, 700, 700, 50, 8000]
    ids = []
    for n, spend in enumerate(spends):
        cid = new(f"客户{n}", f"1380000{n:04d}")
        if spend:
            timeline.add_order(cid, {"amount": spend, "paid": spend, "ordered_on": TODAY}, as_of=TODAY)
        ids.append(cid)
    recompute(TODAY)
    whole = key_threshold(sorted((s * 100 for s in spends if s), reverse=True), Policy())
    for cid, spend in zip(ids, spends):
        assert current_key_threshold(Policy(), {cid: spend * 100}) == whole
    assert current_key_threshold(Policy(), {ids[-1]: 0}) == key_threshold(
        sorted((s * 100 for s in spends[:-1] if s), reverse=True), Policy())
