"""The Today view on a fixed day: what it lists, and one click to the client, to log
the call, to mark done."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication

from lifecrm_gui.services.timeline import add_task, list_events, open_tasks
from tests.conftest import AS_OF
from tests.ui.conftest import add_client, add_order


@pytest.fixture
def people(db):
    wang = add_client("王丽", "13800138001", consent=True, birthday="1990-07-03", salutation="王女士")
    li = add_client("李娜", "13800138002", consent=False, birthday="1988-07-02")
    zhou = add_client("周杰", "13800138007", consent=True)
    add_order(zhou, 380, "3000")  # just gone dormant
    task = add_task(li, "确认档期", AS_OF - timedelta(days=2))
    return {"wang": wang, "li": li, "zhou": zhou, "task": task}


@pytest.fixture
def view(ctx, qtbot, inline_workers, no_messages, people):
    from lifecrm_gui.ui.today_view import TodayView

    page = TodayView(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    return page


def row_of(view, key, client_id):
    return next(n for n, item in enumerate(view.models[key].items) if item.client_id == client_id)


def click_action(view, qtbot, key, row, position):
    """Click the n-th icon of a row's action cell, as a person would."""
    table = view.views[key]
    rect = table.visualRect(view.models[key].index(row, 3))
    x = rect.left() + 4 + position * 28 + 13
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def test_the_day_lists_follow_ups_occasions_and_dormant_clients(view, people):
    tasks = view.models["tasks"].items
    assert [(t.ref, t.when, t.state) for t in tasks] == [(people["task"], "2 d late", "overdue")]
    occasions = [(o.client_id, o.title, o.state) for o in view.models["occasions"].items]
    assert occasions == [(people["li"], "Birthday (38)", "no_consent"), (people["wang"], "Birthday (36)", "due")]
    assert [d.client_id for d in view.models["dormant"].items] == [people["zhou"]]
    assert view.sections["tasks"].count.text() == "1"
    assert "1 follow-ups (1 overdue)" in view.summary.text()
    assert view.empty["shoots"].isVisible() and not view.views["shoots"].isVisible()
    model = view.models["occasions"]
    li = model.index(row_of(view, "occasions", people["li"]), 3)
    actions = view.views["occasions"].itemDelegateForColumn(3)
    # nothing to send without consent: the mark says so where the send button would be
    assert model.data(li, actions.ACTIONS_ROLE) == ("call",)
    assert model.data(li, actions.MARK_ROLE) == "no_consent" and "no_consent" in actions.marks
    assert model.data(li, Qt.ItemDataRole.ToolTipRole) == "No consent"


def test_one_click_sends_a_greeting_copied_for_wechat(view, qtbot, people):
    row = row_of(view, "occasions", people["wang"])
    click_action(view, qtbot, "occasions", row, 1)
    # the studio speaks English (the ctx fixture's language)
    assert QGuiApplication.clipboard().text().startswith("Hi 王女士, an early happy birthday")
    wang = view.models["occasions"].items[row_of(view, "occasions", people["wang"])]
    assert wang.state == "sent"
    assert [e["kind"] for e in list_events(people["wang"]) if e["kind"] == "campaign"] == ["campaign"]


def test_one_click_logs_a_call(view, qtbot, monkeypatch, people):
    from lifecrm_gui.ui import today_view
    monkeypatch.setattr(today_view.CallDialog, "ask", classmethod(lambda cls, name, parent=None: "约了周六来店"))
    click_action(view, qtbot, "dormant", 0, 0)
    call = next(e for e in list_events(people["zhou"]) if e["kind"] == "call")
    assert call["text"] == "约了周六来店"
    assert view.models["dormant"].items == []  # the call is activity: no longer dormant


def test_one_click_marks_a_follow_up_done(view, qtbot, people):
    click_action(view, qtbot, "tasks", 0, 1)
    assert open_tasks(people["li"]) == []
    assert view.models["tasks"].items == []
    assert view.empty["tasks"].isVisible()


def test_one_click_on_the_name_opens_the_client(view, qtbot, people, ctx):
    table = view.views["occasions"]
    rect = table.visualRect(view.models["occasions"].index(row_of(view, "occasions", people["wang"]), 1))
    with qtbot.waitSignal(ctx.clientSelected) as selected:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected.args == [people["wang"]]


def test_a_follow_up_for_the_client_in_view(view, qtbot, monkeypatch, people, ctx):
    from lifecrm_gui.ui import campaign_dialogs
    assert not view.follow_up_button.isEnabled()
    ctx.clientSelected.emit(people["wang"])
    assert view.follow_up_button.isEnabled()

    def type_and_save(dialog):
        dialog.title.setText("")
        dialog.save()  # a title is required: the dialog stays and says so
        assert dialog.messages["title"].text() and dialog.task_id is None
        dialog.title.setText("问问全家福时间")
        dialog.due.set_value(AS_OF)
        dialog.save()
        return dialog.result()
    monkeypatch.setattr(campaign_dialogs.FollowUpDialog, "exec", type_and_save)
    qtbot.mouseClick(view.follow_up_button, Qt.MouseButton.LeftButton)
    assert [t["title"] for t in open_tasks(people["wang"])] == ["问问全家福时间"]
    assert "问问全家福时间" in [t.title for t in view.models["tasks"].items]


def test_a_standing_audience_becomes_a_campaign(view, qtbot, ctx, people):
    from lifecrm_gui.services import campaigns
    from lifecrm_gui.ui.campaign_widgets import bus
    names = [p.playbook for p in view.playbook_model.items]
    assert "dormant" in names
    row = names.index("dormant")
    rect = view.playbook_view.visualRect(view.playbook_model.index(row, 2))
    with qtbot.waitSignal(bus(ctx).openCampaign) as opened:
        qtbot.mouseClick(view.playbook_view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(rect.left() + 17, rect.center().y()))
    (made,) = campaigns.list_campaigns()
    assert opened.args == [made["id"]] and made["playbook"] == "dormant"
    assert [r["client_id"] for r in campaigns.recipients(made["id"])] == [people["zhou"]]


def test_the_view_follows_the_language(view, ctx):
    from lifecrm_gui.ui import i18n
    i18n.switch_language(ctx, "zh")
    titles = [o.title for o in view.models["occasions"].items]
    assert titles == ["生日(38 岁)", "生日(36 岁)"]
    assert "2026" in view.date_label.text() and "6" in view.date_label.text()
