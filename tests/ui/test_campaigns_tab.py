"""A walk through the Campaigns tab: a campaign from a playbook, its audience and
message, drawing and exporting its recipients, a reply, a booking, an opt-out, and
its return."""

import csv
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from lifecrm_gui.services import campaigns
from lifecrm_gui.services.clients import get_model
from tests.conftest import AS_OF
from tests.ui.conftest import add_client, add_order


@pytest.fixture
def dormant_clients(db):
    ids = [add_client("周杰", "13800138007", consent=True, salutation="周先生"),
           add_client("吴敏", "13800138008", consent=True),
           add_client("郑爽", "13800138009", consent=False)]
    for n, client in enumerate(ids):
        add_order(client, 400 + n, "3000")
    return ids


@pytest.fixture
def tab(ctx, qtbot, inline_workers, no_messages):
    from lifecrm_gui.ui.campaigns_tab import CampaignsTab

    page = CampaignsTab(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def menu_action(menu, text):
    return next(a for a in menu.actions() if a.text() == text)


def recipient_statuses():
    (campaign,) = campaigns.list_campaigns()
    return sorted((r["name"], r["status"]) for r in campaigns.recipients(campaign["id"]))


def select_recipient(tab, name):
    model = tab.recipients.model
    row = next(n for n, r in enumerate(model.rows) if r["name"] == name)
    tab.recipients.view.selectRow(row)


def test_a_campaign_from_creation_to_its_return(tab, dormant_clients, qtbot, monkeypatch, tmp_path, no_messages):
    assert tab.right.currentWidget() is tab.empty
    menu_action(tab.new_menu, "Dormant re-activation").trigger()

    # the campaign is chosen, its audience counted: the client without consent left out, and said so
    assert tab.name.text() == f"Dormant re-activation · {AS_OF.isoformat()}"
    assert tab.count_value.text() == "2"
    assert "1 without marketing consent left out" in tab.left_out.text()

    # the message, previewed for one recipient
    tab.tabs.setCurrentIndex(1)
    tab.template.cost.setText("500")
    assert tab.save_button.isEnabled()
    assert {tab.template.sample.itemText(i) for i in range(tab.template.sample.count())} == {"周杰", "吴敏"}
    tab.template.sample.setCurrentIndex(tab.template.sample.findText("周杰"))
    assert tab.template.bubble.text().startswith("Hi 周先生, it's been a while")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not tab.save_button.isEnabled()
    assert campaigns.list_campaigns()[0]["cost"] == 50_000

    # draw the recipients, each with their own message
    tab.tabs.setCurrentIndex(0)
    qtbot.mouseClick(tab.draw_button, Qt.MouseButton.LeftButton)
    assert tab.tabs.currentIndex() == 2
    assert recipient_statuses() == [("吴敏", "pending"), ("周杰", "pending")]
    assert tab.tabs.tabText(2) == "Recipients (2)"

    # export for the SMS platform, then mark the exported ones sent
    target = tmp_path / "dormant.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    menu_action(tab.recipients.export_menu, "SMS platform list (CSV)…").trigger()
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert sorted(r[0] for r in rows[1:]) == ["13800138007", "13800138008"]
    assert any("mark them as sent" in text for _kind, text in no_messages)
    assert recipient_statuses() == [("吴敏", "sent"), ("周杰", "sent")]

    # a reply, logged on the client's timeline
    from lifecrm_gui.ui import campaign_recipients
    monkeypatch.setattr(campaign_recipients.ReplyDialog, "ask", classmethod(lambda cls, name, parent=None: "价格?"))
    select_recipient(tab, "周杰")
    assert tab.recipients.buttons["replied"].isEnabled()
    qtbot.mouseClick(tab.recipients.buttons["replied"], Qt.MouseButton.LeftButton)
    assert dict(recipient_statuses())["周杰"] == "replied"

    # a booking, through the order dialog
    def fill_and_accept(dialog):
        dialog.fields["amount"].setText("3000")
        dialog.fields["paid"].setText("1000")
        dialog.try_accept()
        return dialog.result()
    monkeypatch.setattr(campaign_recipients.OrderDialog, "exec", fill_and_accept)
    select_recipient(tab, "周杰")
    qtbot.mouseClick(tab.recipients.buttons["booked"], Qt.MouseButton.LeftButton)
    assert dict(recipient_statuses())["周杰"] == "booked"

    # an opt-out withdraws consent
    select_recipient(tab, "吴敏")
    qtbot.mouseClick(tab.recipients.buttons["opted_out"], Qt.MouseButton.LeftButton)
    assert dict(recipient_statuses())["吴敏"] == "opted_out"
    assert get_model(dormant_clients[1]).consent is False

    # the return: 3,000 from one booking, against 500 of cost
    tab.tabs.setCurrentIndex(3)
    cards = tab.returns.cards
    assert cards["reach"].value.text() == "2"
    assert cards["replies"].caption.text() == "reply rate 50%"
    assert cards["bookings"].value.text() == "1"
    assert cards["revenue"].value.text() == "¥3,000"
    assert cards["roi"].value.text() == "500%"
    assert tab.model.rows[0]["figures"].revenue == 300_000
    assert tab.model.data(tab.model.index(0, 4)) == "500%"


def test_the_count_follows_the_filters_as_they_change(tab, dormant_clients, qtbot):
    menu_action(tab.new_menu, "Blank campaign").trigger()
    assert tab.count_value.text() == "2"  # everyone with consent
    tab.segment.windows["birthday_within"].box.setChecked(True)
    qtbot.waitUntil(lambda: tab.count_value.text() == "0")
    assert "of 0 the filters find" in tab.count_words.text()
    tab.segment.windows["birthday_within"].box.setChecked(False)
    tab.segment.picks["stages"].set_chosen(["dormant"])
    qtbot.waitUntil(lambda: tab.count_value.text() == "2")
    assert "of 3 the filters find" in tab.count_words.text()
    assert tab.segment.segment() == {"stages": ["dormant"]}


def test_unsaved_edits_are_not_lost_silently(tab, dormant_clients, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    menu_action(tab.new_menu, "Blank campaign").trigger()
    menu_action(tab.new_menu, "Key-client appreciation").trigger()
    assert tab.model.rowCount() == 2
    tab.name.setText("Spring")
    tab.name.textEdited.emit("Spring")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.Cancel))
    other = 1 - tab.model.row_of(tab.current["id"])
    tab.list.selectRow(other)
    assert asked and "Save the changes" in asked[0]
    assert tab.name.text() == "Spring"  # stayed, with the edit


def test_playbooks_follow_the_language(tab, ctx):
    from lifecrm_gui.ui import i18n
    assert any(a.text() == "Birthday greeting" for a in tab.new_menu.actions())
    i18n.switch_language(ctx, "zh")
    assert any(a.text() == "生日祝福" for a in tab.new_menu.actions())


def test_a_playbook_switched_off_cannot_start_a_campaign(ctx, qtbot, inline_workers, db):
    from lifecrm_gui.ui.campaigns_tab import CampaignsTab
    campaigns.set_playbook_enabled("dormant", False)
    page = CampaignsTab(ctx)
    qtbot.addWidget(page)
    assert not menu_action(page.new_menu, "Dormant re-activation").isEnabled()
    assert menu_action(page.new_menu, "Birthday greeting").isEnabled()


def test_deleting_a_campaign_asks_first(tab, dormant_clients, no_messages):
    menu_action(tab.new_menu, "Dormant re-activation").trigger()
    tab.delete_button.click()
    assert campaigns.list_campaigns() == []
    assert tab.right.currentWidget() is tab.empty
    assert "Delete" in no_messages[-1][1]


def test_a_campaign_made_elsewhere_is_shown(tab, dormant_clients, ctx):
    from lifecrm_gui.ui.campaign_widgets import bus
    made = campaigns.start_playbook_campaign("dormant", as_of=AS_OF - timedelta(days=1), lang="en")
    bus(ctx).openCampaign.emit(made)
    assert tab.current["id"] == made and tab.recipients.model.rowCount() == 2
