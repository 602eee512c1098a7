"""Campaigns on a hand-made studio: segment counts, consent, the frequency cap,
statuses, attribution, return, exports and playbook touches."""

import csv
from datetime import date, datetime, time, timedelta

import pytest
from openpyxl import load_workbook

from lifecrm_gui.domain.lunar import solar_birth_date, to_lunar
from lifecrm_gui.domain.stages import TransitionRefused
from lifecrm_gui.services import campaigns, outbox, segments
from lifecrm_gui.services.clients import create_client, get_model, mark_lost
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.services.timeline import add_order, cancel_order, list_events
from lifecrm_gui.store.models import Event, Order
from tests.conftest import AS_OF


def _client(name, phone, **values):
    return create_client({"name": name, "phone": phone, **values}, as_of=AS_OF)


def _order(client_id, days_before, amount="3000", status="delivered", **more):
    return add_order(client_id, {"ordered_on": AS_OF - timedelta(days=days_before), "amount": amount,
                                 "paid": amount, "status": status, **more}, as_of=AS_OF)


@pytest.fixture
def studio(db):
    lunar_soon = to_lunar(AS_OF + timedelta(days=3))
    ids = {
        "wang": _client("王丽", "13800138001", consent=True, birthday="1990-07-03", needs="family", tags="VIP",
                        salutation="王女士"),
        "li": _client("李娜", "13800138002", consent=False, birthday="1988-07-05"),
        "zhang": _client("张伟", "13800138003", consent=True, birthday="1985-07-20"),
        "zhao": _client("赵敏", "13800138004", consent=True, birthday_lunar=True,
                        birthday=solar_birth_date(1990, lunar_soon.month, lunar_soon.day)),
        "chen": _client("陈静", "13800138005", consent=True, wedding_date="2020-07-01",
                        family=[{"relation": "child", "name": "豆豆", "birthday": "2026-06-01"}]),
        "liu": _client("刘洋", "13800138006", consent=True,
                       family=[{"relation": "child", "name": "乐乐", "birthday": "2025-07-05"}]),
        "zhou": _client("周杰", "13800138007", consent=True),
        "wu": _client("吴敏", "13800138008", consent=False),
        "zheng": _client("郑爽", "13800138009", consent=True),
    }
    _order(ids["wang"], 100, category="family")
    _order(ids["zhou"], 400, amount="8000")
    _order(ids["wu"], 420)
    _order(ids["zheng"], 800)
    mark_lost(ids["zheng"], "price", as_of=AS_OF)
    return ids


def names(ids, studio):
    by_id = {v: k for k, v in studio.items()}
    return sorted(by_id[i] for i in ids)


def matched(segment, studio):
    from lifecrm_gui.store.campaign_queries import matched_ids
    return names(matched_ids(segments.parse_segment(segment), AS_OF), studio)


@pytest.mark.parametrize("segment,expected", [
    ({"birthday_within": 7}, ["li", "wang"]),  # zhang's is on the 20th; zhao is greeted on the lunar date
    ({"lunar_birthday_within": 7}, ["zhao"]),
    ({"lunar_birthday_within": 2}, []),
    ({"anniversary_within": 7}, ["chen"]),
    ({"anniversary_within": 0}, []),
    ({"child_milestone_within": 7}, ["chen", "liu"]),  # 满月 on 1 July, 周岁 on 5 July
    ({"child_milestone_within": 0}, []),
    ({"child_age_max": 0}, ["chen", "liu"]),
    ({"child_age_min": 1}, []),
    ({"stages": ["dormant"]}, ["wu", "zhou"]),
    ({"stages": ["churned"], "lost_reasons": ["price"]}, ["zheng"]),
    ({"tags": ["VIP"]}, ["wang"]),
    ({"needs": ["family"]}, ["wang"]),
    ({"spend_min": 500_000}, ["zhou"]),
    ({"stages": ["dormant"], "spend_max": 500_000}, ["wu"]),
    ({"idle_max": 200}, ["wang"]),
    ({"ordered": ["family"], "ordered_days_min": 90, "ordered_days_max": 110}, ["wang"]),
    ({"ordered": ["family"], "ordered_days_max": 99}, []),
    ({"never_ordered": ["family"], "stages": ["dormant"]}, ["wu", "zhou"]),
])
def test_segments_find_the_clients_counted_by_hand(studio, segment, expected):
    assert matched(segment, studio) == expected


def test_a_count_leaves_out_clients_without_consent_and_says_how_many(studio):
    count = segments.count({"birthday_within": 7}, AS_OF)
    assert (count.matched, count.no_consent, count.eligible) == (2, 1, 1)
    assert names(segments.members({"birthday_within": 7}, AS_OF), studio) == ["wang"]
    dormant = segments.count({"stages": ["dormant"]}, AS_OF)
    assert (dormant.matched, dormant.no_consent, dormant.eligible) == (2, 1, 1)


def test_an_empty_segment_is_every_live_client(studio):
    count = segments.count({}, AS_OF)
    assert count.matched == 9 and count.no_consent == 2 and count.eligible == 7


def test_a_bad_segment_is_refused_naming_the_filter(studio):
    with pytest.raises(ValidationError) as error:
        segments.count({"stages": ["sleepy"], "birthday_within": 500}, AS_OF)
    assert [e.field for e in error.value.errors] == ["segment.stages", "segment.birthday_within"]


def _campaign(segment, name="测试活动", template="{称呼},您好!{优惠}", **more):
    return campaigns.create_campaign({"name": name, "segment": segment, "template": template, "lang": "zh", **more},
                                     as_of=AS_OF)


def _stamp(days_before):
    return datetime.combine(AS_OF - timedelta(days=days_before), time(10))


def test_the_frequency_cap_leaves_out_clients_touched_often_lately(studio):
    segments.set_frequency_cap(1, 30)
    early = _campaign({"stages": ["dormant"]}, name="早")
    campaigns.build_recipients(early, as_of=AS_OF - timedelta(days=29))
    campaigns.mark_sent(early, as_of=AS_OF - timedelta(days=29))  # day 1 of the 30
    count = segments.count({"stages": ["dormant"]}, AS_OF)
    assert (count.matched, count.no_consent, count.capped, count.eligible) == (2, 1, 1, 0)
    assert segments.count({"stages": ["dormant"]}, AS_OF + timedelta(days=1)).capped == 0  # the touch fell out


def test_the_cap_also_holds_when_pending_messages_go_out(studio):
    first, second = _campaign({"stages": ["dormant"]}, name="一"), _campaign({"stages": ["dormant"]}, name="二")
    campaigns.build_recipients(first, as_of=AS_OF)
    campaigns.build_recipients(second, as_of=AS_OF)
    segments.set_frequency_cap(1, 30)
    assert campaigns.mark_sent(first, as_of=AS_OF).sent == 1
    result = campaigns.mark_sent(second, as_of=AS_OF)
    assert (result.sent, result.capped) == (0, 1)
    assert [r["status"] for r in campaigns.recipients(second)] == ["pending"]


def test_a_bad_frequency_cap_is_refused(db):
    with pytest.raises(ValidationError) as error:
        segments.set_frequency_cap(0, 30)
    assert error.value.errors[0].field == "frequency_cap.touches"
    assert segments.frequency_cap().touches == 3  # the default stays


def test_recipients_get_their_own_words_and_no_client_without_consent(studio):
    campaign = _campaign({"birthday_within": 7}, offer="立减200元")
    assert campaigns.build_recipients(campaign, as_of=AS_OF) == 1
    (only,) = campaigns.recipients(campaign)
    assert only["client_id"] == studio["wang"]
    assert only["message"] == "王女士,您好!立减200元"
    assert campaigns.build_recipients(campaign, as_of=AS_OF) == 0  # drawing again adds nobody twice


def test_a_childs_milestone_message_names_the_child_whose_milestone_it_is(studio):
    campaign = _campaign({"child_milestone_within": 7}, template="{孩子姓名}就要{孩子年龄}啦")
    campaigns.build_recipients(campaign, as_of=AS_OF)
    messages = {r["client_id"]: r["message"] for r in campaigns.recipients(campaign)}
    assert messages == {studio["chen"]: "豆豆就要满月啦", studio["liu"]: "乐乐就要1岁啦"}


def test_editing_the_template_rewrites_pending_messages_only(studio):
    campaign = _campaign({"stages": ["dormant", "churned"]})
    campaigns.build_recipients(campaign, as_of=AS_OF)
    sent = [r for r in campaigns.recipients(campaign) if r["client_id"] == studio["zhou"]]
    campaigns.mark_sent(campaign, [sent[0]["id"]], as_of=AS_OF)
    campaigns.update_campaign(campaign, {"template": "{姓名},好久不见"}, as_of=AS_OF)
    messages = {r["client_id"]: r["message"] for r in campaigns.recipients(campaign)}
    assert messages[studio["zheng"]] == "郑爽,好久不见"
    assert messages[studio["zhou"]] == "周杰,您好!老客户专属礼遇"  # already sent: kept as it went out


def test_a_template_with_an_unknown_field_is_refused(db):
    with pytest.raises(ValidationError) as error:
        _campaign({}, template="{称呼} {nmae}")
    assert error.value.errors[0].field == "template" and error.value.errors[0].value == "{nmae}"


def test_sending_records_a_touch_on_each_timeline_without_counting_as_activity(studio):
    campaign = _campaign({"stages": ["dormant"]}, channel="sms")
    campaigns.build_recipients(campaign, as_of=AS_OF)
    before = get_model(studio["zhou"]).last_activity_on
    assert campaigns.mark_sent(campaign, as_of=AS_OF).sent == 1
    touch = Event.get(Event.client == studio["zhou"], Event.kind == "campaign")
    assert touch.campaign_id == campaign and not touch.is_activity
    assert touch.text == "测试活动 · 短信: 周杰,您好!老客户专属礼遇"  # no salutation: the name stands in
    assert get_model(studio["zhou"]).last_activity_on == before
    assert campaigns.get_campaign(campaign)["status"] == "active"


def test_statuses_move_by_the_rules(studio):
    campaign = _campaign({"stages": ["dormant"]})
    campaigns.build_recipients(campaign, as_of=AS_OF)
    (recipient,) = campaigns.recipients(campaign)
    with pytest.raises(TransitionRefused):
        campaigns.mark_replied(recipient["id"], as_of=AS_OF)  # not sent yet
    with pytest.raises(TransitionRefused):
        campaigns.record_booking(recipient["id"], {"amount": "100"}, as_of=AS_OF)
    campaigns.mark_sent(campaign, as_of=AS_OF)
    campaigns.mark_replied(recipient["id"], "想拍全家福", as_of=AS_OF)
    assert campaigns.recipient(recipient["id"])["status"] == "replied"
    reply = Event.get(Event.client == studio["zhou"], Event.kind == "campaign_reply")
    assert reply.is_activity and "想拍全家福" in reply.text
    assert get_model(studio["zhou"]).stage == "new"  # a reply is client activity: no longer dormant


def test_opting_out_withdraws_consent_and_leaves_the_client_out_from_then_on(studio):
    campaign = _campaign({"birthday_within": 7})
    campaigns.build_recipients(campaign, as_of=AS_OF)
    (recipient,) = campaigns.recipients(campaign)
    campaigns.mark_opted_out(recipient["id"], as_of=AS_OF)
    client = get_model(studio["wang"])
    assert (client.consent, client.consent_on, client.consent_channel) == (False, AS_OF, "wechat")
    assert campaigns.recipient(recipient["id"])["status"] == "opted_out"
    assert segments.count({"birthday_within": 7}, AS_OF).eligible == 0
    with pytest.raises(TransitionRefused):
        campaigns.mark_opted_out(recipient["id"], as_of=AS_OF)


def _sent_campaign(studio, key, days_before, name):
    campaign = _campaign({"stages": ["dormant"]}, name=name)
    campaigns.build_recipients(campaign, as_of=AS_OF - timedelta(days=days_before))
    campaigns.mark_sent(campaign, as_of=AS_OF - timedelta(days=days_before))
    return campaign


def test_an_order_within_the_window_after_a_touch_is_the_campaigns(studio):
    campaign = _sent_campaign(studio, "zhou", 40, "唤醒")
    inside = _order(studio["zhou"], 10, amount="2500", status="booked")  # day 30 after the touch
    assert campaigns.attribute(AS_OF) == 1
    assert Order.get_by_id(inside).campaign_id == campaign
    (recipient,) = campaigns.recipients(campaign)
    assert (recipient["status"], recipient["order_id"], recipient["revenue"]) == ("booked", inside, 250_000)


def test_an_order_after_the_window_or_before_the_touch_is_not(studio):
    campaign = _sent_campaign(studio, "zhou", 41, "唤醒")
    late = _order(studio["zhou"], 10, status="booked")  # day 31
    early = _order(studio["zhou"], 45, status="booked")  # before the touch
    assert campaigns.attribute(AS_OF) == 0
    assert Order.get_by_id(late).campaign_id is None and Order.get_by_id(early).campaign_id is None
    assert campaigns.figures(campaign).bookings == 0


def test_the_window_is_the_policys_setting(studio):
    from dataclasses import replace

    from lifecrm_gui.services.settings import load_policy, save_policy
    save_policy(replace(load_policy(), attribution_window_days=45))
    campaign = _sent_campaign(studio, "zhou", 41, "唤醒")
    _order(studio["zhou"], 10, status="booked")
    campaigns.attribute(AS_OF)
    assert campaigns.figures(campaign).bookings == 1


def test_the_latest_touch_before_an_order_earns_it(studio):
    older = _sent_campaign(studio, "zhou", 20, "第一次")
    newer = _campaign({"stages": ["dormant"]}, name="第二次")
    campaigns.build_recipients(newer, as_of=AS_OF - timedelta(days=8))
    campaigns.mark_sent(newer, as_of=AS_OF - timedelta(days=8))
    order = _order(studio["zhou"], 5, status="booked")
    campaigns.attribute(AS_OF)
    assert Order.get_by_id(order).campaign_id == newer
    assert campaigns.figures(older).bookings == 0


def test_a_cancelled_order_stops_counting_for_the_campaign(studio):
    campaign = _sent_campaign(studio, "zhou", 20, "唤醒")
    order = _order(studio["zhou"], 5, status="booked")
    campaigns.attribute(AS_OF)
    cancel_order(order, as_of=AS_OF)
    campaigns.attribute(AS_OF)
    (recipient,) = campaigns.recipients(campaign)
    assert (recipient["status"], recipient["revenue"]) == ("sent", 0)
    assert campaigns.figures(campaign).revenue == 0


def test_a_booking_recorded_for_a_recipient_gives_the_campaigns_return(studio):
    campaign = _campaign({"stages": ["dormant", "new"]}, cost="500")
    campaigns.build_recipients(campaign, as_of=AS_OF)
    campaigns.mark_sent(campaign, as_of=AS_OF)
    first, second = campaigns.recipients(campaign)
    campaigns.mark_replied(first["id"], as_of=AS_OF)
    campaigns.record_booking(first["id"], {"amount": "3000", "paid": "1000", "category": "family"}, as_of=AS_OF)
    figures = campaigns.figures(campaign)
    assert (figures.recipients, figures.reach, figures.replied, figures.booked) == (2, 2, 1, 1)
    assert (figures.bookings, figures.revenue, figures.cost) == (1, 300_000, 50_000)
    assert figures.reply_rate == 0.5 and figures.roi == 5.0
    listed = {c["id"]: c["figures"] for c in campaigns.list_campaigns()}
    assert listed[campaign] == figures


def test_exports_for_sms_platforms_and_mail_merge_neutralise_formulas(studio, tmp_path):
    formula = _client("=HYPERLINK(\"x\")", "13900139000", consent=True, salutation="@you")
    campaign = _campaign({}, template="-{称呼}-", channel="sms")
    campaigns.build_recipients(campaign, as_of=AS_OF)
    result = outbox.export_campaign(campaign, tmp_path / "sms.csv")
    assert (result.rows, result.no_contact) == (8, 0)  # the SMS layout by the campaign's channel
    with (tmp_path / "sms.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["手机号码", "短信内容", "姓名"]
    by_phone = {r[0]: r for r in rows[1:]}
    assert by_phone["13900139000"] == ["13900139000", "'-@you-", "'=HYPERLINK(\"x\")"]
    assert by_phone["13800138001"][1] == "'-王女士-"

    outbox.export_campaign(campaign, tmp_path / "merge.xlsx", "mail_merge", "en", statuses=())
    sheet = load_workbook(tmp_path / "merge.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Name", "Salutation", "Email", "Address", "Mobile", "Text"]
    assert any(row[0] == "'=HYPERLINK(\"x\")" and row[1] == "'@you" for row in values[1:])
    assert all(not str(c).startswith(("=", "+", "-", "@")) for row in values for c in row if c)
    assert get_model(formula).name == "=HYPERLINK(\"x\")"  # the data itself is untouched


def test_an_email_campaign_leaves_out_who_has_no_email_and_says_how_many(studio, tmp_path):
    campaign = _campaign({"stages": ["dormant"]}, channel="email")
    campaigns.build_recipients(campaign, as_of=AS_OF)
    result = outbox.export_campaign(campaign, tmp_path / "mail.xlsx")
    assert (result.rows, result.no_contact) == (0, 1)
    assert "1 without a contact" in outbox.summary_line(result, "en")


def test_a_bad_export_file_type_is_refused(studio, tmp_path):
    campaign = _campaign({})
    with pytest.raises(ValidationError):
        outbox.export_campaign(campaign, tmp_path / "list.txt", "sms")


def test_a_playbook_touch_is_recorded_on_the_years_playbook_campaign(studio):
    result = campaigns.send_playbook_touch("birthday", studio["wang"], as_of=AS_OF)
    assert result["message"].startswith("王女士,提前祝您生日快乐")
    campaign = campaigns.get_campaign(result["campaign_id"])
    assert (campaign["playbook"], campaign["name"], campaign["status"]) == ("birthday", "生日祝福 · 2026", "active")
    assert [e["kind"] for e in list_events(studio["wang"]) if e["kind"] == "campaign"] == ["campaign"]
    again = campaigns.send_playbook_touch("birthday", studio["zhang"], as_of=AS_OF)
    assert again["campaign_id"] == result["campaign_id"]
    assert segments.count(campaigns.PLAYBOOKS["birthday"].audience(), AS_OF).touched == 1


def test_a_playbook_touch_is_refused_without_consent_or_at_the_cap(studio):
    with pytest.raises(ValidationError) as error:
        campaigns.send_playbook_touch("birthday", studio["li"], as_of=AS_OF)
    assert error.value.errors[0].field == "consent"
    segments.set_frequency_cap(1, 30)
    campaigns.send_playbook_touch("dormant", studio["zhou"], as_of=AS_OF)
    with pytest.raises(ValidationError) as error:
        campaigns.send_playbook_touch("anniversary", studio["zhou"], as_of=AS_OF)
    assert error.value.errors[0].field == "frequency_cap"


def test_playbooks_can_be_switched_off_and_their_offers_changed(db):
    campaigns.set_playbook_enabled("dormant", False)
    assert campaigns.playbook_switches()["dormant"] is False
    assert "dormant" not in [p.key for p in campaigns.active_playbooks()]
    campaigns.set_playbook_offer("birthday", "zh", "送一本相册")
    campaign = campaigns.campaign_from_playbook("birthday", as_of=AS_OF, lang="zh")
    assert campaigns.get_campaign(campaign)["offer"] == "送一本相册"
    assert campaigns.playbook_offer("birthday", "en") == "200 yuan off"


def test_holiday_greetings_are_due_before_a_holiday_and_name_it(studio):
    assert campaigns.due_holidays(AS_OF) == []
    with pytest.raises(ValidationError):
        campaigns.start_holiday_campaign(AS_OF)
    mid_autumn = date(2026, 9, 25)
    campaign = campaigns.start_holiday_campaign(mid_autumn - timedelta(days=3), lang="zh")
    data = campaigns.get_campaign(campaign)
    assert data["holiday"] == "中秋节" and "中秋节" in data["name"]
    messages = {r["client_id"]: r["message"] for r in campaigns.recipients(campaign)}
    assert messages[studio["wang"]] == "王女士,中秋节快乐!我们工作室全体同仁祝您和家人幸福安康。"
    items = [h.to_dict() for h in campaigns.holidays()]
    items[3]["enabled"] = False
    campaigns.set_holidays(items)
    assert campaigns.due_holidays(mid_autumn - timedelta(days=3)) == []


def test_deleting_a_campaign_keeps_the_timeline_and_the_orders(studio):
    campaign = _sent_campaign(studio, "zhou", 20, "唤醒")
    order = _order(studio["zhou"], 5, status="booked")
    campaigns.attribute(AS_OF)
    campaigns.delete_campaign(campaign)
    assert Order.get_by_id(order).campaign_id is None
    assert Event.select().where((Event.client == studio["zhou"]) & (Event.kind == "campaign")).count() == 1


def test_the_campaigns_commands_list_show_and_export(studio, db_path, tmp_path, capsys, monkeypatch):
    import json

    import lifecrm_gui.cli as cli
    campaign = _sent_campaign(studio, "zhou", 20, "唤醒")
    _order(studio["zhou"], 5, amount="2000", status="booked")
    common = ["--db", str(db_path)]
    assert cli.main(["campaigns", "list", *common, "--as-of", AS_OF.isoformat(), "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["name"], listed["figures"]["bookings"], listed["figures"]["revenue"]) == ("唤醒", 1, 200_000)
    assert cli.main(["campaigns", "show", "唤醒", *common, "--as-of", AS_OF.isoformat()]) == 0
    text = capsys.readouterr().out
    assert "audience    stage: Dormant" in text and "booked 1, revenue ¥2,000" in text
    target = tmp_path / "calls.xlsx"
    assert cli.main(["campaigns", "export", str(campaign), str(target), "--kind", "calls", "--all", *common]) == 0
    assert "1 recipients written to calls.xlsx" in capsys.readouterr().out
    assert cli.main(["campaigns", "show", "99", *common]) == 2
    assert "no campaign matches" in capsys.readouterr().err


def test_set_based_attribution_agrees_with_the_last_touch_rule(studio):
    from lifecrm_gui.domain.campaign_rules import attribute as last_touch

    def send(name, days_before, who):
        campaign = _campaign({"stages": ["dormant"]}, name=name)
        campaigns.build_recipients(campaign, as_of=AS_OF - timedelta(days=days_before))
        chosen = [r["id"] for r in campaigns.recipients(campaign) if r["client_id"] in who]
        campaigns.mark_sent(campaign, chosen, as_of=AS_OF - timedelta(days=days_before))
        return campaign, days_before, who

    zhou, wu = studio["zhou"], studio["wu"]
    from lifecrm_gui.services.clients import update_client
    update_client(wu, {"consent": True}, as_of=AS_OF)
    sends = [send("X", 60, {zhou, wu}), send("Y", 35, {zhou}), send("Z", 12, {wu})]
    orders = {(who, days): _order(who, days, status="booked")
              for who, days in ((zhou, 50), (zhou, 30), (zhou, 4), (wu, 58), (wu, 40), (wu, 10))}
    campaigns.attribute(AS_OF)
    for (who, days), order_id in orders.items():
        touches = [(c, AS_OF - timedelta(days=d)) for c, d, people in sends if who in people]
        expected = last_touch(touches, AS_OF - timedelta(days=days), 30)
        assert Order.get_by_id(order_id).campaign_id == expected, (who, days)
    assert {c: campaigns.figures(c).bookings for c, _d, _p in sends} == {sends[0][0]: 3, sends[1][0]: 1,
                                                                         sends[2][0]: 1}


def test_the_return_of_each_playbook_over_its_campaigns(studio):
    first = campaigns.campaign_from_playbook("dormant", as_of=AS_OF, lang="zh")
    campaigns.update_campaign(first, {"cost": "100"}, as_of=AS_OF)
    campaigns.build_recipients(first, as_of=AS_OF)
    campaigns.mark_sent(first, as_of=AS_OF)
    (recipient,) = campaigns.recipients(first)
    campaigns.record_booking(recipient["id"], {"amount": "1200"}, as_of=AS_OF)
    second = campaigns.campaign_from_playbook("dormant", as_of=AS_OF, lang="en")
    campaigns.update_campaign(second, {"cost": "300"}, as_of=AS_OF)
    figures = campaigns.playbook_figures()
    assert list(figures) == ["dormant"]
    assert (figures["dormant"].revenue, figures["dormant"].cost, figures["dormant"].roi) == (120_000, 40_000, 2.0)
