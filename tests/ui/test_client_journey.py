"""A client's journey through the front desk's Profile and Timeline tabs, side by side
in one tab widget as in the window: an inquiry, two orders, lost and reopened,
fields checked, edits guarded, trash, export, language, erase."""

import json

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTabWidget

from lifecrm_gui.services import clients, timeline
from lifecrm_gui.services.errors import NotFound
from lifecrm_gui.services.settings import set_setting
from tests.conftest import AS_OF


@pytest.fixture
def desk(ctx, inline_workers):
    from lifecrm_gui.ui.profile_tab import ProfileTab
    from lifecrm_gui.ui.timeline_tab import TimelineTab

    tabs = QTabWidget()
    profile, history = ProfileTab(ctx), TimelineTab(ctx)
    tabs.addTab(profile, "Profile")
    tabs.addTab(history, "Timeline")
    tabs.resize(1366, 768)
    tabs.show()
    yield tabs, profile, history
    tabs.close()
    tabs.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def stage_shown(profile, history):
    return profile.header.stage_badge.text(), history.header.stage_badge.text()


def new_order(qtbot, history, amount, package):
    history.new_order_button.click()
    dialog = history.order_dialog
    dialog.fields["category"].set_key("family")
    qtbot.keyClicks(dialog.fields["package"], package)
    qtbot.keyClicks(dialog.fields["amount"], amount)
    qtbot.keyClicks(dialog.fields["paid"], amount)
    dialog.fields["status"].set_key("delivered")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_journey_of_a_client(desk, ctx, qtbot, tmp_path, monkeypatch):
    tabs, profile, history = desk
    cid = clients.create_client({"name": "王晓雯", "phone": "13800138000"}, as_of=AS_OF)
    referred = clients.create_client({"name": "李娜", "phone": "13900001111", "referred_by": cid}, as_of=AS_OF)
    ctx.clientSelected.emit(cid)
    assert stage_shown(profile, history) == ("Lead", "Lead")

    # an inquiry, typed into the timeline's quick-add and entered
    tabs.setCurrentWidget(history)
    history.quick_add.set_kind("inquiry")
    qtbot.keyClicks(history.quick_add.text, "family portrait prices?")
    qtbot.keyClick(history.quick_add.text, Qt.Key.Key_Return)
    assert stage_shown(profile, history) == ("Prospect", "Prospect")

    # the first order makes a new client, the second an active one
    new_order(qtbot, history, "3800", "Family A")
    assert stage_shown(profile, history) == ("New client", "New client")
    assert profile.header.tier_label.text() == "Near-star"
    new_order(qtbot, history, "2600", "Family B")
    assert stage_shown(profile, history) == ("Active", "Active")
    assert profile.header.cards["stage"].reason.text() == "2 orders: a returning client"
    assert profile.header.cards["tier"].reason.text().startswith("spend to date ¥6,400")

    # lost, with a reason that shows on the timeline, then reopened
    tabs.setCurrentWidget(profile)
    profile.actions.lost_button.click()
    profile.lost_dialog.set_reason("price")
    qtbot.mouseClick(profile.lost_dialog.ok_button, Qt.MouseButton.LeftButton)
    assert stage_shown(profile, history) == ("Churned", "Churned")
    assert clients.get_model(cid).lost_reason == "price"
    newest = history.model.data(history.model.index(0))
    assert newest.startswith("Active → Churned: marked lost (Price)")
    profile.actions.reopen_button.click()
    assert stage_shown(profile, history) == ("Active", "Active")

    # fields are checked beside themselves: a bad phone, a referral cycle
    phone = profile.form.fields["phone"]
    phone.selectAll()
    qtbot.keyClicks(phone, "12345")
    phone.editingFinished.emit()
    assert profile.form.messages["phone"].text() == "Not a valid mobile number"
    profile.form.fields["referred_by"].picked.emit(referred)
    assert profile.form.messages["referred_by"].text().startswith("This would make a referral cycle")
    assert profile.form.fields["referred_by"].referrer_id() is None

    # unsaved edits: leaving the tab or the client asks first
    answers = []
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *args, **kwargs: answers.append(1) or QMessageBox.StandardButton.Cancel))
    tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: tabs.currentWidget() is profile)
    ctx.clientSelected.emit(referred)
    qtbot.waitUntil(lambda: ctx.current_client == cid)
    assert len(answers) == 2 and profile.client_id == cid and history.client_id == cid
    profile.revert_button.click()
    assert phone.text() == "138 0013 8000" and not profile.is_dirty()

    # trash and restore
    profile.actions.trash_action.trigger()
    assert profile.trash_banner.isVisible() and not history.quick_add.isEnabled()
    profile.actions.restore_button.click()
    assert not profile.trash_banner.isVisible() and history.quick_add.isEnabled()

    # the client's own data, exported for an access request
    target = tmp_path / "access-request.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(target), "")))
    profile.actions.export_action.trigger()
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["client"]["name"] == "王晓雯" and len(exported["orders"]) == 2

    # the language setting changes and both tabs speak Chinese
    set_setting("language", "zh")
    ctx.languageChanged.emit("zh")
    assert stage_shown(profile, history) == ("活跃客户", "活跃客户")
    assert profile.form.fields["kind"].currentText() == "个人客户"
    assert history.kind_filter.itemText(history.kind_filter.findData("order")) == "订单"

    # erased for good: the client is gone and both tabs are calm again
    profile.actions.erase_action.trigger()
    profile.erase_dialog.confirm.insert("王晓雯")
    qtbot.mouseClick(profile.erase_dialog.erase_button, Qt.MouseButton.LeftButton)
    with pytest.raises(NotFound):
        clients.get_model(cid)
    assert timeline.list_events(cid) == []
    assert profile.stack.currentWidget() is profile.empty
    assert history.stack.currentWidget() is history.empty
    assert clients.get_model(referred).referred_by_id is None
