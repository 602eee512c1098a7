"""The Timeline tab through its widgets: entries newest first with stage changes and
orders among them, the kind filter, quick-add with Enter, the order dialog (new,
edit, cancel), follow-up tasks, win-backs highlighted, and paging as one scrolls."""

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor

from lifecrm_gui.domain.vocab import EVENT_KINDS
from lifecrm_gui.services import clients, timeline
from tests.conftest import AS_OF
from tests.ui.conftest import add_client, add_inquiry, add_order


def dispose(widget):
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def tab(ctx, inline_workers):
    from lifecrm_gui.ui.timeline_tab import TimelineTab

    page = TimelineTab(ctx)
    page.resize(1366, 768)
    page.show()
    yield page
    dispose(page)


def kinds_shown(tab):
    return [tab.model.entry(row)["kind"] for row in range(tab.model.rowCount())]


def double_click(qtbot, tab, row):
    """A person's double-click: the press that selects, then the double-click."""
    where = tab.view.visualRect(tab.model.index(row)).center()
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=where)


def row_of(tab, predicate):
    return next(row for row in range(tab.model.rowCount()) if predicate(tab.model.entry(row)))


def test_no_client_shows_the_calm_empty_state(tab, ctx):
    assert tab.stack.currentWidget() is tab.empty
    cid = add_client("王芳", "13800138000")
    ctx.clientSelected.emit(cid)
    assert tab.stack.currentWidget() is tab.page
    ctx.clientSelected.emit(-1)
    assert tab.stack.currentWidget() is tab.empty


def test_entries_newest_first_with_stage_changes_and_orders(tab, ctx):
    cid = add_client("王芳", "13800138000")
    add_inquiry(cid, days_before=40)
    add_order(cid, 20, "3000")
    ctx.clientSelected.emit(cid)
    shown = kinds_shown(tab)
    assert "order" in shown and "inquiry" in shown and shown.count("stage_change") == 3
    times = [str(tab.model.entry(row)["occurred_at"]) for row in range(tab.model.rowCount())]
    assert times == sorted(times, reverse=True)
    moves = [tab.model.data(tab.model.index(row)) for row in range(tab.model.rowCount())
             if tab.model.entry(row)["kind"] == "stage_change"]
    assert moves[0].startswith("Prospect → New client: one order: the first experience")
    assert any(m.startswith("Lead → Prospect") for m in moves)
    order_text = tab.model.data(tab.model.index(row_of(tab, lambda e: e["kind"] == "order")))
    assert order_text.startswith("Order: ") and "¥3,000" in order_text


def test_every_kind_has_its_own_icon_and_colour():
    from lifecrm_gui.ui.event_widgets import KIND_STYLE, kind_icon

    assert set(KIND_STYLE) == set(EVENT_KINDS)
    assert len({name for name, _color in KIND_STYLE.values()}) == len(EVENT_KINDS)
    assert all(not kind_icon(kind).isNull() for kind in EVENT_KINDS)


def test_filter_by_kind(tab, ctx):
    cid = add_client("王芳", "13800138000")
    add_inquiry(cid, days_before=40)
    add_order(cid, 20, "3000")
    ctx.clientSelected.emit(cid)
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("order"))
    assert kinds_shown(tab) == ["order"]
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("stage_change"))
    assert set(kinds_shown(tab)) == {"stage_change"}
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("complaint"))
    assert tab.model.rowCount() == 0 and tab.list_stack.currentWidget() is tab.no_entries
    tab.kind_filter.setCurrentIndex(0)
    assert len(kinds_shown(tab)) == 5


def test_quick_add_with_enter_logs_the_touch_and_moves_the_stage(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    ctx.clientSelected.emit(cid)
    assert tab.header.stage_badge.text() == "Lead"
    tab.quick_add.set_kind("inquiry")
    qtbot.keyClicks(tab.quick_add.text, "asked about newborn shoots")
    with qtbot.waitSignal(ctx.clientsChanged) as changed:
        qtbot.keyClick(tab.quick_add.text, Qt.Key.Key_Return)
    assert changed.args == [[cid]]
    events = timeline.list_events(cid, kinds=["inquiry"])
    assert [(e["text"], e["occurred_at"].date()) for e in events] == [("asked about newborn shoots", AS_OF)]
    assert clients.get_model(cid).stage == "prospect"
    assert tab.header.stage_badge.text() == "Prospect"
    assert tab.quick_add.text.text() == ""
    move = tab.model.data(tab.model.index(0))
    assert move.startswith("Lead → Prospect: no orders yet; last contact 0 days ago")
    assert "inquiry" in kinds_shown(tab)


def test_feedback_takes_a_satisfaction_score(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    ctx.clientSelected.emit(cid)
    assert not tab.quick_add.satisfaction.isVisibleTo(tab)
    tab.quick_add.set_kind("feedback")
    assert tab.quick_add.satisfaction.isVisibleTo(tab)
    tab.quick_add.satisfaction.buttons[3].click()
    qtbot.keyClicks(tab.quick_add.text, "lovely photos")
    tab.quick_add.add_button.click()
    (event,) = timeline.list_events(cid, kinds=["feedback"])
    assert event["satisfaction"] == 4
    assert tab.quick_add.satisfaction.score == 0
    assert tab.header.subtitle.text().count("satisfaction 4.0/5") == 1


def test_a_note_needs_words(tab, ctx):
    cid = add_client("王芳", "13800138000")
    ctx.clientSelected.emit(cid)
    tab.quick_add.set_kind("note")
    tab.quick_add.add_button.click()
    assert tab.quick_add.message.is_error()
    assert timeline.list_events(cid, kinds=["note"]) == []


def test_a_new_order_is_checked_beside_its_fields(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    add_inquiry(cid)
    ctx.clientSelected.emit(cid)
    tab.new_order_button.click()
    dialog = tab.order_dialog
    assert dialog.isVisible() and dialog.fields["ordered_on"].text() == AS_OF.isoformat()
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.messages["amount"].text() == "An amount is required"
    qtbot.keyClicks(dialog.fields["amount"], "abc")
    qtbot.keyClicks(dialog.fields["paid"], "100")
    dialog.save_button.click()
    assert dialog.messages["amount"].text() == "Not an amount"
    dialog.fields["amount"].setText("12,800")
    dialog.fields["paid"].setText("13000")
    dialog.fields["shoot_on"].edit.setText("2026-02-30")
    dialog.save_button.click()
    assert dialog.messages["paid"].text() == "More than the amount"
    assert dialog.messages["shoot_on"].text() == "Not a date (use YYYY-MM-DD)"
    assert timeline.list_orders(cid) == []
    dialog.fields["paid"].setText("5000")
    dialog.fields["shoot_on"].edit.setText("2026-07-12")
    dialog.fields["category"].set_key("newborn")
    qtbot.keyClicks(dialog.fields["package"], "Newborn A")
    dialog.save_button.click()
    assert not dialog.isVisible()
    (order,) = timeline.list_orders(cid)
    assert (order["amount"], order["paid"], order["status"], order["category"], str(order["shoot_on"])) == \
        (1_280_000, 500_000, "booked", "newborn", "2026-07-12")
    assert tab.header.stage_badge.text() == "New client"
    text = tab.model.data(tab.model.index(row_of(tab, lambda e: e["kind"] == "order")))
    assert "Newborn A" in text and "¥12,800 (paid ¥5,000)" in text and "shoot 2026-07-12" in text


def test_an_order_is_edited_and_cancelled_from_its_entry(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    add_inquiry(cid)
    order_id = add_order(cid, 10, "3000", status="booked")
    ctx.clientSelected.emit(cid)
    double_click(qtbot, tab, row_of(tab, lambda e: e["kind"] == "order"))
    dialog = tab.order_dialog
    assert dialog.isVisible() and dialog.fields["amount"].text() == "3,000"
    dialog.fields["status"].set_key("delivered")
    dialog.save_button.click()
    assert timeline.list_orders(cid)[0]["status"] == "delivered"
    assert clients.get_model(cid).stage == "new"
    tab.open_order(order_id)
    tab.order_dialog.cancel_order_button.click()
    assert timeline.list_orders(cid)[0]["status"] == "cancelled"
    assert clients.get_model(cid).stage == "prospect"
    assert tab.header.stage_badge.text() == "Prospect"
    entry = tab.model.entry(row_of(tab, lambda e: e["kind"] == "order"))
    assert entry["status"] == "cancelled"
    tab.open_order(order_id)
    assert tab.order_dialog.cancel_order_button is None  # a cancelled order cannot be cancelled again
    tab.order_dialog.reject()


def test_double_click_on_a_touch_opens_nothing(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    add_inquiry(cid)
    ctx.clientSelected.emit(cid)
    double_click(qtbot, tab, row_of(tab, lambda e: e["kind"] == "inquiry"))
    assert tab.order_dialog is None


def test_follow_up_tasks(tab, ctx, qtbot):
    cid = add_client("王芳", "13800138000")
    timeline.add_task(cid, "call back", AS_OF - timedelta(days=1))
    ctx.clientSelected.emit(cid)
    panel = tab.tasks
    assert panel.list.count() == 1 and "overdue" in panel.list.item(0).text()
    assert panel.due.text() == (AS_OF + timedelta(days=7)).isoformat()
    panel.add_button.click()
    assert panel.message.text() == "A follow-up needs a title"
    qtbot.keyClicks(panel.new_title, "send album proofs")
    panel.due.edit.setText("2026-07-10")
    qtbot.keyClick(panel.new_title, Qt.Key.Key_Return)
    assert [t["title"] for t in timeline.open_tasks(cid)] == ["call back", "send album proofs"]
    assert panel.list.count() == 2 and panel.new_title.text() == ""
    assert "2 open" in panel.title.text()
    panel.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert [t["title"] for t in timeline.open_tasks(cid)] == ["send album proofs"]
    assert panel.list.count() == 1


def test_a_win_back_is_highlighted(tab, ctx):
    from lifecrm_gui.ui.event_widgets import WIN_BACK_FILL, TimelineDelegate

    cid = add_client("王芳", "13800138000")
    add_order(cid, 900, "3000")  # long ago: churned by now
    assert clients.get_model(cid).stage == "churned"
    add_order(cid, 2, "4000")
    ctx.clientSelected.emit(cid)
    row = row_of(tab, lambda e: e["kind"] == "stage_change" and e["win_back"])
    assert tab.model.data(tab.model.index(row)).startswith("Churned → Active")
    tab.view.scrollTo(tab.model.index(row))
    rect = tab.view.visualRect(tab.model.index(row))
    image = tab.view.viewport().grab().toImage()
    assert image.pixelColor(rect.left() + TimelineDelegate.GUTTER + 400, rect.top() + 3) == QColor(WIN_BACK_FILL)
    plain = row_of(tab, lambda e: e["kind"] == "order")
    plain_rect = tab.view.visualRect(tab.model.index(plain))
    assert image.pixelColor(plain_rect.left() + TimelineDelegate.GUTTER + 400, plain_rect.top() + 3) \
        != QColor(WIN_BACK_FILL)


def test_a_long_timeline_is_loaded_a_page_at_a_time(tab, ctx, monkeypatch):
    from lifecrm_gui.ui import timeline_tab

    monkeypatch.setattr(timeline_tab, "PAGE", 5)
    cid = add_client("王芳", "13800138000")
    for day in range(12):
        timeline.log_event(cid, "call", f"call {day}",
                           occurred_at=datetime.combine(AS_OF - timedelta(days=day), time(10)), as_of=AS_OF)
    ctx.clientSelected.emit(cid)  # 12 calls and 2 stage changes
    assert tab.model.rowCount() == 5 and tab.model.canFetchMore()
    tab.model.fetchMore()
    assert tab.model.rowCount() == 10 and tab.model.canFetchMore()
    tab.model.fetchMore()
    assert tab.model.rowCount() == 14 and not tab.model.canFetchMore()
    entries = [tab.model.entry(row) for row in range(tab.model.rowCount())]
    texts = [entry["text"] for entry in entries if entry["kind"] == "call"]
    assert texts == [f"call {day}" for day in range(12)]


def test_language_switch_relabels_kinds_and_stages(tab, ctx):
    from lifecrm_gui.services.settings import set_setting

    cid = add_client("王芳", "13800138000")
    add_inquiry(cid)
    ctx.clientSelected.emit(cid)
    inquiry = tab.kind_filter.findData("inquiry")
    assert tab.kind_filter.itemText(inquiry) == "Inquiry"
    set_setting("language", "zh")
    ctx.languageChanged.emit("zh")
    assert tab.kind_filter.itemText(inquiry) == "咨询"
    assert tab.quick_add.kind.currentText() == "咨询"
    assert tab.header.stage_badge.text() == "意向客户"
    move = tab.model.data(tab.model.index(row_of(tab, lambda e: e["kind"] == "stage_change")))
    assert move.startswith("潜在客户 → 意向客户")


def test_the_page_reads_and_writes_on_worker_threads(ctx, qtbot):
    from lifecrm_gui.ui import workers
    from lifecrm_gui.ui.timeline_tab import TimelineTab

    cid = add_client("王芳", "13800138000")
    page = TimelineTab(ctx)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        ctx.clientSelected.emit(cid)
    assert page.header.stage_badge.text() == "Lead"
    qtbot.keyClicks(page.quick_add.text, "asked about prices")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.keyClick(page.quick_add.text, Qt.Key.Key_Return)
    assert page.header.stage_badge.text() == "Prospect" and not page.busy()
    assert workers.pool("write").waitForDone(5000) and workers.pool("read").waitForDone(5000)
    dispose(page)
