"""The Today view's contents on a fixed as_of, its actions, and the `today` command."""

import json
from datetime import datetime, time, timedelta

import pytest

from lifecrm_gui.services import campaigns, segments
from lifecrm_gui.services import today as today_service
from lifecrm_gui.services.clients import create_client
from lifecrm_gui.services.timeline import add_order, add_task, complete_task, list_events, log_event, open_tasks
from tests.conftest import AS_OF


def _client(name, phone, **values):
    return create_client({"name": name, "phone": phone, **values}, as_of=AS_OF)


def _order(client_id, days_before, status="delivered", **more):
    return add_order(client_id, {"ordered_on": AS_OF - timedelta(days=days_before), "amount": "3000", "paid": "3000",
                                 "status": status, **more}, as_of=AS_OF)


@pytest.fixture
def studio(db):
    ids = {
        "wang": _client("王丽", "13800138001", consent=True, birthday="1990-07-03", salutation="王女士"),
        "li": _client("李娜", "13800138002", consent=False, birthday="1988-07-05"),
        "zhang": _client("张伟", "13800138003", consent=True, birthday="1985-07-20"),
        "chen": _client("陈静", "13800138005", consent=True, wedding_date="2020-07-01",
                        family=[{"relation": "child", "name": "豆豆", "birthday": "2026-06-01"}]),
        "liu": _client("刘洋", "13800138006", consent=True,
                       family=[{"relation": "child", "name": "乐乐", "birthday": "2025-07-05"},
                               {"relation": "child", "name": "小满", "birthday": (AS_OF - timedelta(days=90))}]),
        "zhou": _client("周杰", "13800138007", consent=True),
        "wu": _client("吴敏", "13800138008", consent=True),
        "sun": _client("孙悦", "13800138010", consent=True),
    }
    _order(ids["zhou"], 380)  # crossed the dormant line (365 days) 14 days ago
    _order(ids["wu"], 500)  # dormant for long: not news
    shoot = {"status": "booked"}
    add_order(ids["zhang"], {"ordered_on": AS_OF - timedelta(days=20), "amount": "2000", "shoot_on": AS_OF, **shoot},
              as_of=AS_OF)
    add_order(ids["chen"], {"ordered_on": AS_OF - timedelta(days=20), "amount": "2000",
                            "shoot_on": AS_OF + timedelta(days=1), "category": "newborn", **shoot}, as_of=AS_OF)
    add_order(ids["liu"], {"ordered_on": AS_OF - timedelta(days=20), "amount": "2000",
                           "shoot_on": AS_OF + timedelta(days=2), **shoot}, as_of=AS_OF)
    _order(ids["sun"], 30, category="family")
    log_event(ids["sun"], "delivery", "照片已交付", occurred_at=datetime.combine(AS_OF - timedelta(days=4), time(15)),
              as_of=AS_OF)
    ids["tasks"] = {
        "overdue": add_task(ids["wang"], "回访报价", AS_OF - timedelta(days=3)),
        "due": add_task(ids["li"], "确认档期", AS_OF),
        "later": add_task(ids["zhang"], "周岁提醒", AS_OF + timedelta(days=1)),
        "done": add_task(ids["zhang"], "已完成", AS_OF - timedelta(days=1)),
    }
    complete_task(ids["tasks"]["done"])
    return ids


def by_client(items, studio):
    names = {v: k for k, v in studio.items() if isinstance(v, int)}
    return sorted((names[i.client_id], i.title, i.state) for i in items)


def test_follow_ups_due_today_and_overdue_are_listed_oldest_first(studio):
    data = today_service.today(AS_OF, "en")
    assert [(t.ref, t.state, t.when) for t in data.tasks] == [
        (studio["tasks"]["overdue"], "overdue", "3 d late"), (studio["tasks"]["due"], "due", "today")]
    assert data.tasks_total == 2


def test_shoots_booked_for_today_and_tomorrow(studio):
    data = today_service.today(AS_OF, "zh")
    assert [(s.client_id, s.when) for s in data.shoots] == [(studio["zhang"], "今天"), (studio["chen"], "明天")]
    assert data.shoots[1].title.startswith("新生儿/满月/百天")


def test_birthdays_anniversaries_and_milestones_coming_up(studio):
    data = today_service.today(AS_OF, "zh")
    assert by_client(data.occasions, studio) == [
        ("chen", "结婚 6 周年", "due"),
        ("chen", "豆豆 满月", "due"),
        ("li", "生日(38 岁)", "no_consent"),
        ("liu", "乐乐 周岁", "due"),
        ("liu", "小满 百天", "due"),  # 10 days ahead: milestones come up two weeks early
        ("wang", "生日(36 岁)", "due"),
    ]
    assert [o.when for o in data.occasions][:2] == ["明天", "明天"]


def test_playbook_touches_due_and_standing_audiences(studio):
    data = today_service.today(AS_OF, "en")
    assert [(t.client_id, t.playbook, t.state) for t in data.touches] == [(studio["sun"], "post_delivery", "due")]
    ready = {p.playbook: p.eligible for p in data.playbooks}
    # zhou and wu are dormant; the three paying clients (zhou, wu, sun) are all key clients of so small a studio
    assert ready == {"dormant": 2, "key_appreciation": 3}


def test_clients_just_gone_dormant_worth_a_call(studio):
    data = today_service.today(AS_OF, "en")
    assert [(d.client_id, d.when) for d in data.dormant] == [(studio["zhou"], "380 days")]
    assert data.dormant_total == 1 and data.dormant_no_consent == 0


def test_marking_a_greeting_done_records_it_and_it_shows_as_sent(studio):
    data = today_service.today(AS_OF, "zh")
    wang = next(o for o in data.occasions if o.client_id == studio["wang"])
    message = today_service.message_for(wang, as_of=AS_OF)
    assert today_service.mark_done(wang, as_of=AS_OF) == message
    assert message.startswith("王女士,提前祝您生日快乐")
    again = today_service.today(AS_OF, "zh")
    assert next(o for o in again.occasions if o.client_id == studio["wang"]).state == "sent"
    assert [e["kind"] for e in list_events(studio["wang"]) if e["kind"] == "campaign"] == ["campaign"]


def test_a_greeting_cannot_be_marked_done_without_consent(studio):
    data = today_service.today(AS_OF, "zh")
    li = next(o for o in data.occasions if o.client_id == studio["li"])
    assert not li.can_mark_done
    with pytest.raises(ValueError):
        today_service.mark_done(li, as_of=AS_OF)


def test_a_child_milestone_greeting_names_the_child(studio):
    data = today_service.today(AS_OF, "zh")
    hundred = next(o for o in data.occasions if o.title == "小满 百天")
    assert "小满就要百天啦" in today_service.mark_done(hundred, as_of=AS_OF)


def test_a_switched_off_playbook_shows_its_occasions_without_the_send(studio):
    campaigns.set_playbook_enabled("birthday", False)
    data = today_service.today(AS_OF, "zh")
    wang = next(o for o in data.occasions if o.client_id == studio["wang"])
    assert wang.state == "off" and not wang.can_mark_done


def test_the_frequency_cap_shows_on_the_occasion(studio):
    segments.set_frequency_cap(1, 30)
    campaigns.send_playbook_touch("dormant", studio["chen"], as_of=AS_OF)
    data = today_service.today(AS_OF, "zh")
    assert {o.state for o in data.occasions if o.client_id == studio["chen"]} == {"capped"}


def test_completing_a_follow_up_and_logging_a_call(studio):
    data = today_service.today(AS_OF, "zh")
    overdue = data.tasks[0]
    today_service.mark_done(overdue, as_of=AS_OF)
    assert [t.ref for t in today_service.today(AS_OF, "zh").tasks] == [studio["tasks"]["due"]]
    today_service.log_call(studio["zhou"], "约了下周来店", as_of=AS_OF)
    call = next(e for e in list_events(studio["zhou"]) if e["kind"] == "call")
    assert call["text"] == "约了下周来店" and call["is_activity"]
    assert today_service.today(AS_OF, "zh").dormant == []  # a call is activity: no longer dormant


def test_a_follow_up_added_for_a_client_appears_when_due(studio):
    task = today_service.add_follow_up(studio["wu"], "问问二胎计划", AS_OF, "上次提到")
    assert [t["id"] for t in open_tasks(studio["wu"])] == [task]
    assert task in [t.ref for t in today_service.today(AS_OF, "zh").tasks]


def test_holiday_greetings_appear_in_the_days_before_a_holiday(studio):
    from datetime import date
    data = today_service.today(date(2026, 9, 22), "zh")  # 中秋 on 25 September
    holiday = next(p for p in data.playbooks if p.playbook == "holidays")
    assert (holiday.holiday, holiday.holiday_on) == ("中秋节", date(2026, 9, 25))


def test_the_today_command_prints_the_day_as_json_and_text(studio, db_path, capsys, monkeypatch):
    import lifecrm_gui.cli as cli
    assert cli.main(["today", "--db", str(db_path), "--as-of", AS_OF.isoformat(), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["as_of"] == AS_OF.isoformat() and len(data["tasks"]) == 2 and data["dormant_total"] == 1
    assert cli.main(["today", "--db", str(db_path), "--as-of", AS_OF.isoformat()]) == 0
    text = capsys.readouterr().out
    assert "Follow-ups due (2)" in text and "Just gone dormant, worth a call (1)" in text
