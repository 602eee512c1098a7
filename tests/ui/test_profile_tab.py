"""The Profile tab through its widgets: header figures with reasons, fields checked
beside themselves, the referral-cycle refusal, the unsaved-edit guard, and the
actions (lost, reopen, lead <-> prospect, pin, trash, restore, erase, export)."""

import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget

from lifecrm_gui.services import clients
from lifecrm_gui.services.errors import NotFound
from lifecrm_gui.services.profile import client_profile
from tests.conftest import AS_OF
from tests.ui.conftest import add_client, add_inquiry, add_order


def dispose(widget):
    """Delete a page now, so later tests' language changes do not reach it."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def tab(ctx, inline_workers):
    from lifecrm_gui.ui.profile_tab import ProfileTab

    page = ProfileTab(ctx)
    page.resize(1366, 768)
    page.show()
    yield page
    dispose(page)


@pytest.fixture
def answer(monkeypatch):
    """What the unsaved-edits question answers; records each time it was asked."""
    asked = []
    reply = {"button": QMessageBox.StandardButton.Cancel}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return reply["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    reply["asked"] = asked
    return reply


def select(ctx, client_id):
    ctx.clientSelected.emit(client_id)


def type_into(qtbot, line_edit, text):
    line_edit.setFocus()
    line_edit.selectAll()
    qtbot.keyClicks(line_edit, text) if text else line_edit.clear()
    line_edit.editingFinished.emit()


def test_no_client_shows_the_calm_empty_state(tab, ctx):
    assert tab.stack.currentWidget() is tab.empty
    assert "No client selected" in tab.empty.title.text()
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    assert tab.stack.currentWidget() is tab.page
    select(ctx, -1)
    assert tab.stack.currentWidget() is tab.empty


def test_header_shows_each_figure_with_its_reason(tab, ctx):
    cid = add_client("王芳", "13800138000")
    add_order(cid, 30, "6000")
    select(ctx, cid)
    derived = client_profile(cid, AS_OF, "en")["derived"]
    header = tab.header
    assert header.name.text() == "王芳"
    assert header.stage_badge.text() == "New client"
    assert header.cards["stage"].reason.text() == derived["stage_reason"] == "one order: the first experience"
    assert header.tier_label.text() == "3 stars"
    assert header.cards["tier"].reason.text() == derived["tier_reason"]
    assert header.cards["class"].reason.text() == derived["class_reason"]
    assert header.cards["quadrant"].reason.text() == derived["quadrant_reason"]
    ltv = derived["ltv"]
    assert header.ltv_value.text() == f"¥{ltv['total'] / 100:,.0f}"
    parts = header.cards["ltv"].reason.text()
    assert f"spend ¥{ltv['historical'] / 100:,.0f}" in parts and f"projected ¥{ltv['projected'] / 100:,.0f}" in parts
    assert "referrals ¥0" in parts


def test_form_holds_every_field_of_the_record(tab, ctx):
    referrer = add_client("李娜", "13900001111")
    cid = clients.create_client({
        "name": "王晓雯", "phone": "13800138000", "wechat": "xiaowen_wang", "email": "w@example.com",
        "address": "上海", "salutation": "王女士", "birthday": "1991-03-08", "birthday_lunar": True,
        "wedding_date": "2019-10-01", "styles": "film", "needs": "newborn,family", "notes": "喜欢自然光",
        "source": "referral", "source_detail": "李娜介绍", "referred_by": referrer, "followers": 1200,
        "engagement": 30, "consent": True, "consent_on": "2024-01-02", "consent_channel": "wechat",
        "tags": "VIP, 二胎", "family": [{"relation": "child", "name": "小满", "birthday": "2022-05-20"}]},
        as_of=AS_OF)
    select(ctx, cid)
    values = tab.form.values()
    assert values["phone"] == "138 0013 8000"
    assert values["birthday"] == "1991-03-08" and values["birthday_lunar"] is True
    assert values["styles"] == ["film"] and sorted(values["needs"]) == ["family", "newborn"]
    assert values["referred_by"] == referrer
    assert "李娜" in tab.form.fields["referred_by"].edit.text()
    assert values["consent_channel"] == "wechat" and values["consent_on"] == "2024-01-02"
    assert values["tags"] == ["VIP", "二胎"]
    assert [(m["name"], m["birthday"]) for m in values["family"]] == [("小满", "2022-05-20")]
    assert not tab.is_dirty()
    assert not tab.save_button.isEnabled()


def test_enterprise_fields_show_for_enterprises_only(tab, ctx):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    form = tab.form
    assert not form.rows["industry"].isVisibleTo(tab)
    assert not form.rows["reputation_rank"].isVisibleTo(tab)
    form.fields["kind"].set_key("enterprise")
    assert form.rows["industry"].isVisibleTo(tab)
    assert form.rows["reputation_rank"].isVisibleTo(tab)
    assert form.needs_enterprise.isVisibleTo(tab) and not form.needs_individual.isVisibleTo(tab)


def test_a_bad_phone_is_shown_beside_the_field_and_not_saved(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    phone = tab.form.fields["phone"]
    type_into(qtbot, phone, "12345")
    message = tab.form.messages["phone"]
    assert message.isVisible() and message.text() == "Not a valid mobile number"
    tab.save()
    assert clients.get_model(cid).phone == "+8613800138000"
    assert tab.banner.isVisible() and tab.is_dirty()
    type_into(qtbot, phone, "139 0000 2222")
    assert not message.isVisible()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert clients.get_model(cid).phone == "+8613900002222"
    assert not tab.is_dirty()
    assert tab.form.fields["phone"].text() == "139 0000 2222"


def test_email_and_date_problems_are_shown_beside_their_fields(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    type_into(qtbot, tab.form.fields["email"], "not-an-email")
    assert tab.form.messages["email"].text() == "Not an email address"
    birthday = tab.form.fields["birthday"]
    birthday.edit.setText("1991-02-30")
    birthday.edit.editingFinished.emit()
    assert tab.form.messages["birthday"].text() == "Not a date (use YYYY-MM-DD)"
    birthday.edit.setText("1991年3月8日")
    birthday.edit.editingFinished.emit()
    assert not tab.form.messages["birthday"].isVisible()
    assert birthday.text() == "1991-03-08"


def test_a_contact_another_client_has_is_a_warning_not_an_error(tab, ctx, qtbot):
    add_client("李娜", "13900001111")
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    type_into(qtbot, tab.form.fields["phone_alt"], "13900001111")
    message = tab.form.messages["phone_alt"]
    assert message.isVisible() and "李娜" in message.text() and not message.is_error()
    tab.save()
    assert clients.get_model(cid).phone_alt == "+8613900001111"


def test_a_referral_cycle_is_refused_beside_the_field(tab, ctx):
    a = add_client("甲", "13800000001")
    b = add_client("乙", "13800000002", referred_by=a)
    c = add_client("丙", "13800000003", referred_by=b)
    select(ctx, a)
    tab.form.fields["referred_by"].picked.emit(c)
    message = tab.form.messages["referred_by"]
    assert message.isVisible()
    assert message.text().startswith("This would make a referral cycle")
    assert "甲" in message.text() and "丙" in message.text()
    assert tab.form.fields["referred_by"].referrer_id() is None
    assert not tab.is_dirty()


def test_a_referrer_is_picked_by_search_and_saved(tab, ctx, qtbot):
    referrer = add_client("李娜", "13900001111")
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    picker = tab.form.fields["referred_by"]
    picker.edit.setText("李")
    picker.search_now()
    assert picker.matches.rowCount() == 1  # the client being edited is left out
    picker.pick_match(0)
    assert picker.referrer_id() == referrer and tab.is_dirty()
    tab.save()
    assert clients.get_model(cid).referred_by_id == referrer
    picker.clear_button.click()
    tab.save()
    assert clients.get_model(cid).referred_by_id is None


def test_family_members_are_edited_with_their_birthdays_checked(tab, ctx):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    editor = tab.form.fields["family"]
    row = editor.add_member()
    row.name.setText("小满")
    row.birthday.edit.setText("2022-13-01")
    assert not tab.save()
    assert row.message.is_error() and "Not a date" in row.message.text()
    row.birthday.edit.setText("2022-05-20")
    assert tab.save()
    family = clients.family_of(cid)
    assert [(m["relation"], m["name"], str(m["birthday"])) for m in family] == [("child", "小满", "2022-05-20")]
    editor.rows[0].remove.click()
    tab.save()
    assert clients.family_of(cid) == []


def test_revert_throws_away_the_edits(tab, ctx):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    tab.form.fields["name"].setText("王芳芳")
    assert tab.is_dirty() and tab.save_button.isEnabled() and tab.dirty_label.text()
    tab.revert_button.click()
    assert tab.form.fields["name"].text() == "王芳"
    assert not tab.is_dirty() and not tab.dirty_label.text()


def test_switching_client_with_unsaved_edits_asks(tab, ctx, qtbot, answer):
    first = add_client("王芳", "13800138000")
    second = add_client("李娜", "13900001111")
    select(ctx, first)
    tab.form.fields["name"].setText("王芳芳")

    answer["button"] = QMessageBox.StandardButton.Cancel
    select(ctx, second)
    assert len(answer["asked"]) == 1
    qtbot.waitUntil(lambda: ctx.current_client == first)  # the selection is put back
    assert tab.client_id == first and tab.form.fields["name"].text() == "王芳芳"

    answer["button"] = QMessageBox.StandardButton.Discard
    select(ctx, second)
    assert tab.client_id == second and tab.header.name.text() == "李娜"
    assert clients.get_model(first).name == "王芳"

    tab.form.fields["name"].setText("李娜娜")
    answer["button"] = QMessageBox.StandardButton.Save
    select(ctx, first)
    assert clients.get_model(second).name == "李娜娜"
    assert tab.client_id == first and tab.header.name.text() == "王芳"
    assert len(answer["asked"]) == 3


def test_no_question_without_edits(tab, ctx, answer):
    first = add_client("王芳", "13800138000")
    second = add_client("李娜", "13900001111")
    select(ctx, first)
    select(ctx, second)
    assert answer["asked"] == []


def test_leaving_the_tab_with_unsaved_edits_asks(ctx, qtbot, inline_workers, answer):
    from PySide6.QtWidgets import QLabel

    from lifecrm_gui.ui.profile_tab import ProfileTab

    tabs = QTabWidget()
    page = ProfileTab(ctx)
    tabs.addTab(page, "Profile")
    tabs.addTab(QLabel("other"), "Other")
    tabs.show()
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    page.form.fields["name"].setText("王芳芳")
    answer["button"] = QMessageBox.StandardButton.Cancel
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tabs.currentIndex() == 0)
    assert page.is_dirty()
    answer["button"] = QMessageBox.StandardButton.Save
    tabs.setCurrentIndex(1)
    assert tabs.currentIndex() == 1
    assert clients.get_model(cid).name == "王芳芳"
    assert len(answer["asked"]) == 2
    dispose(tabs)


def test_mark_lost_needs_a_reason_and_words_for_other(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    add_order(cid, 30, "6000")
    select(ctx, cid)
    tab.actions.lost_button.click()
    dialog = tab.lost_dialog
    assert dialog.isVisible()
    dialog.ok_button.click()
    assert dialog.isVisible() and dialog.message.text() == "Choose the reason the client was lost."
    dialog.set_reason("other")
    dialog.ok_button.click()
    assert dialog.isVisible() and "Say in words why" in dialog.message.text()
    dialog.note.insertPlainText("搬去外地，不再需要")  # QTest types ASCII only
    dialog.ok_button.click()
    assert not dialog.isVisible()
    model = clients.get_model(cid)
    assert (model.stage, model.lost_reason, model.lost_note) == ("churned", "other", "搬去外地，不再需要")
    assert tab.header.stage_badge.text() == "Churned"
    assert "marked lost (Other)" in tab.header.cards["stage"].reason.text()
    assert tab.actions.reopen_button.isVisibleTo(tab) and not tab.actions.lost_button.isVisibleTo(tab)
    tab.actions.reopen_button.click()
    assert clients.get_model(cid).stage == "new"
    assert tab.header.stage_badge.text() == "New client"
    assert tab.actions.lost_button.isVisibleTo(tab)


def test_lead_and_prospect_are_set_by_hand_and_other_stages_refused(tab, ctx):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    assert tab.header.stage_badge.text() == "Lead"
    tab.actions.stage_actions["prospect"].trigger()
    assert clients.get_model(cid).stage == "prospect"
    assert tab.header.stage_badge.text() == "Prospect"
    assert "moved to prospect by staff" in tab.header.cards["stage"].reason.text()
    tab.actions.stage_actions["active"].trigger()
    assert tab.banner.isVisible()
    assert tab.banner.text.text().startswith("New, active and loyal follow from the client's orders")
    assert clients.get_model(cid).stage == "prospect"
    tab.actions.stage_actions["lead"].trigger()
    assert clients.get_model(cid).stage == "lead"


def test_a_client_with_orders_cannot_be_moved_to_lead(tab, ctx):
    cid = add_client("王芳", "13800138000")
    add_order(cid, 30, "6000")
    select(ctx, cid)
    tab.actions.stage_actions["lead"].trigger()
    assert tab.banner.text.text() == "A client with orders cannot be moved between lead and prospect."
    assert clients.get_model(cid).stage == "new"


def test_pin_and_unpin_a_class(tab, ctx):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    assert tab.header.class_chip.text() == "General"
    tab.actions.class_actions["key"].trigger()
    assert clients.get_model(cid).class_pin == "key"
    assert tab.header.class_chip.text() == "Key (pinned)"
    assert tab.header.cards["class"].reason.text() == "pinned by staff"
    tab.actions.unpin_action.trigger()
    assert clients.get_model(cid).class_pin is None
    assert tab.header.class_chip.text() == "General"


def test_trash_and_restore(tab, ctx, qtbot):
    from lifecrm_gui.services.search import count_clients

    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    with qtbot.waitSignal(ctx.clientsChanged) as changed:
        tab.actions.trash_action.trigger()
    assert changed.args == [[cid]]
    assert count_clients(trash=True) == 1 and count_clients() == 0
    assert tab.trash_banner.isVisible() and tab.header.trash_chip.isVisibleTo(tab)
    assert tab.form.fields["name"].isReadOnly()
    assert tab.actions.restore_button.isVisibleTo(tab)
    tab.actions.restore_button.click()
    assert count_clients() == 1
    assert not tab.trash_banner.isVisible() and not tab.form.fields["name"].isReadOnly()


def test_erase_needs_the_name_typed(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    add_inquiry(cid)
    select(ctx, cid)
    tab.actions.erase_action.trigger()
    dialog = tab.erase_dialog
    assert dialog.isVisible() and not dialog.erase_button.isEnabled()
    dialog.confirm.insert("王")  # as typed (QTest types ASCII only)
    assert not dialog.erase_button.isEnabled()
    dialog.confirm.insert("芳")
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    with pytest.raises(NotFound):
        clients.get_model(cid)
    assert ctx.current_client is None
    assert tab.stack.currentWidget() is tab.empty


def test_cancelled_erase_keeps_the_client(tab, ctx):
    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    tab.actions.erase_action.trigger()
    tab.erase_dialog.reject()
    assert clients.get_model(cid).name == "王芳"


def test_export_writes_the_clients_data_as_json(tab, ctx, tmp_path, monkeypatch):
    cid = add_client("王芳", "13800138000", tags="VIP")
    add_order(cid, 30, "6000")
    target = tmp_path / "out" / "wangfang.json"
    target.parent.mkdir()
    offered = []

    def save_name(parent, caption, suggested, filters, *args, **kwargs):
        offered.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    select(ctx, cid)
    tab.actions.export_action.trigger()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["client"]["name"] == "王芳"
    assert data["tags"] == ["VIP"] and len(data["orders"]) == 1
    assert offered[0].endswith(f"王芳-{cid}.json")
    assert str(target) in tab.banner.text.text()


def test_export_cancelled_writes_nothing(tab, ctx, tmp_path, monkeypatch):
    cid = add_client("王芳", "13800138000")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    select(ctx, cid)
    tab.actions.export_action.trigger()
    assert list(tmp_path.glob("*.json")) == []
    assert not tab.banner.isVisible()


def test_language_switch_relabels_vocabulary(tab, ctx):
    from lifecrm_gui.services.settings import set_setting

    cid = add_client("王芳", "13800138000", needs="family")
    select(ctx, cid)
    assert tab.form.fields["kind"].currentText() == "Individual"
    assert tab.header.stage_badge.text() == "Lead"
    set_setting("language", "zh")
    ctx.languageChanged.emit("zh")
    assert tab.form.fields["kind"].currentText() == "个人客户"
    assert tab.form.needs_individual.boxes["family"].text() == "全家福"
    assert tab.header.stage_badge.text() == "潜在客户"
    assert tab.header.cards["stage"].reason.text() == "还没有订单,也还没有双向联系"
    assert tab.actions.stage_actions["prospect"].text().endswith("意向客户")
    set_setting("language", "en")
    ctx.languageChanged.emit("en")
    assert tab.form.fields["kind"].currentText() == "Individual"


def test_a_language_switch_keeps_unsaved_edits(tab, ctx):
    from lifecrm_gui.services.settings import set_setting

    cid = add_client("王芳", "13800138000")
    select(ctx, cid)
    tab.form.fields["name"].setText("王芳芳")
    set_setting("language", "zh")
    ctx.languageChanged.emit("zh")
    assert tab.form.fields["name"].text() == "王芳芳" and tab.is_dirty()


def test_the_page_loads_on_a_worker_thread(ctx, qtbot):
    from lifecrm_gui.ui import workers
    from lifecrm_gui.ui.profile_tab import ProfileTab

    cid = add_client("王芳", "13800138000")
    page = ProfileTab(ctx)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        select(ctx, cid)
    assert page.header.name.text() == "王芳" and not page.busy()
    page.form.fields["name"].setText("王芳芳")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.save()
    assert clients.get_model(cid).name == "王芳芳" and not page.is_dirty()
    assert workers.pool("write").waitForDone(5000) and workers.pool("read").waitForDone(5000)
    dispose(page)
