"""Expo mode: Enter saves a visitor as a prospect from the fair and clears the form;
a phone seen today is flagged with who it is and Enter adds a note to that lead; the
counter counts today's leads; Esc asks before leaving; the fair's name is asked
once and remembered; the window opens it from File > Expo mode and F11."""

import json
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from lifecrm_gui.services import expo
from lifecrm_gui.services.clients import get_model
from lifecrm_gui.services.timeline import list_events
from lifecrm_gui.ui.expo_mode import ExpoWindow, FairDialog, open_expo_mode
from tests.conftest import AS_OF

from .conftest import add_client

FAIR = "2026 春季婚博会"
# Qt's offscreen platform cannot stack windows, and says so whenever one is raised.
RAISES_WINDOWS = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                           "This plugin does not support propagateSizeHints")


@pytest.fixture
def booth(ctx, qtbot):
    window = ExpoWindow(ctx, FAIR)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def answer(monkeypatch):
    """The answer to "Leave expo mode?", and the questions asked."""
    asked, choice = [], {"button": QMessageBox.StandardButton.No}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return choice["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return choice, asked


def type_into(qtbot, edit, text: str) -> None:
    """Typed key by key; Chinese (which QTest cannot type) as an input method would commit it."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.setFocus()
        edit.insert(text)


def fill(qtbot, window, name="王芳", phone="138 0013 8000", needs=("wedding_portrait",), wedding="2026-10-01",
         budget="12,000", notes="喜欢户外", consent=True):
    type_into(qtbot, window.name, name)
    type_into(qtbot, window.phone, phone)
    for key in needs:
        qtbot.mouseClick(window.chips[key], Qt.MouseButton.LeftButton)
    type_into(qtbot, window.wedding_date.edit, wedding)
    type_into(qtbot, window.budget, budget)
    type_into(qtbot, window.notes, notes)
    if consent:
        qtbot.mouseClick(window.consent, Qt.MouseButton.LeftButton, pos=window.consent.rect().center())


def form_is_empty(window) -> bool:
    texts = (window.name.text(), window.phone.text(), window.wedding_date.text(), window.budget.text(),
             window.notes.text())
    return not any(texts) and not any(c.isChecked() for c in window.chips.values()) and not window.consent.isChecked()


def test_enter_saves_a_prospect_from_the_fair_and_clears_the_form(booth, qtbot):
    fill(qtbot, booth, needs=("wedding_portrait", "wedding_day"))
    with qtbot.waitSignal(booth.saved, timeout=5000) as saved:
        qtbot.keyClick(booth.notes, Qt.Key.Key_Return)
    client = get_model(saved.args[0])
    assert (client.name, client.phone, client.stage) == ("王芳", "+8613800138000", "prospect")
    assert (client.source, client.source_detail, client.first_seen_on) == ("expo", FAIR, AS_OF)
    assert client.needs == "wedding_portrait,wedding_day" and client.wedding_date.isoformat() == "2026-10-01"
    assert client.consent and client.consent_on == AS_OF and client.consent_channel == "in_person"
    assert client.notes == "喜欢户外"
    inquiry = [e for e in list_events(client.id, lang="en") if e["kind"] == "inquiry"]
    assert len(inquiry) == 1 and inquiry[0]["occurred_at"].date() == AS_OF
    assert FAIR in inquiry[0]["text"] and "¥12,000" in inquiry[0]["text"] and "2026-10-01" in inquiry[0]["text"]
    # Ready for the next visitor: an empty form, the cursor in the name, the counter and list up to date.
    assert form_is_empty(booth) and booth.name.hasFocus()
    assert booth.count.text() == "1"
    assert booth.recent.count() == 1 and "王芳" in booth.recent.item(0).text()
    assert "王芳" in booth.status.text()
    assert booth.last_save_seconds is not None


def test_the_booth_s_words_are_kept_as_figures_too(booth, qtbot):
    fill(qtbot, booth, budget="8000.50", consent=False)
    with qtbot.waitSignal(booth.saved, timeout=5000) as saved:
        qtbot.keyClick(booth.name, Qt.Key.Key_Enter)
    from lifecrm_gui.store.models import Event

    data = json.loads(Event.get(Event.client == saved.args[0], Event.kind == "inquiry").data)
    assert data == {"expo": FAIR, "needs": ["wedding_portrait"], "budget": 800050, "wedding_date": "2026-10-01"}
    assert not get_model(saved.args[0]).consent


def test_a_name_is_required_and_bad_values_are_marked_where_they_are(booth, qtbot):
    qtbot.keyClicks(booth.phone, "12345")
    qtbot.keyClicks(booth.budget, "lots")
    qtbot.keyClicks(booth.wedding_date.edit, "next spring")
    qtbot.keyClick(booth.phone, Qt.Key.Key_Return)
    shown = {key: m.text() for key, m in booth.messages.items() if m.is_error()}
    assert shown == {"name": "A name is required", "phone": "Not a valid mobile number",
                     "wedding_date": "Not a date (use YYYY-MM-DD)", "budget": "Not an amount"}
    assert booth.name.hasFocus()
    assert expo.leads_today(AS_OF) == 0 and booth.count.text() == "0"
    assert booth.phone.text() == "12345"  # nothing typed is lost
    type_into(qtbot, booth.name, "李娜")
    booth.phone.setText("139 1234 5678")
    booth.budget.clear()
    booth.wedding_date.edit.clear()
    with qtbot.waitSignal(booth.saved, timeout=5000):
        qtbot.keyClick(booth.name, Qt.Key.Key_Return)
    assert not any(m.is_error() for m in booth.messages.values())
    assert expo.leads_today(AS_OF) == 1


def test_a_phone_seen_today_is_flagged_and_enter_adds_a_note_to_that_lead(booth, qtbot):
    fill(qtbot, booth)
    with qtbot.waitSignal(booth.saved, timeout=5000) as saved:
        qtbot.keyClick(booth.name, Qt.Key.Key_Return)
    first = saved.args[0]
    fill(qtbot, booth, name="王芳妈妈", phone="+86 138-0013-8000", needs=("family",), wedding="", budget="",
         notes="想拍全家福", consent=False)
    with qtbot.assertNotEmitted(booth.saved):
        qtbot.keyClick(booth.notes, Qt.Key.Key_Return)
    assert booth.known_panel.isVisible() and not booth.save_button.isVisible()
    assert "138 0013 8000 was already captured today at" in booth.known_text.text()
    assert "王芳 (Prospect)" in booth.known_text.text()
    assert expo.leads_today(AS_OF) == 1
    with qtbot.waitSignal(booth.added, timeout=5000) as added:
        qtbot.keyClick(booth.known_add, Qt.Key.Key_Return)
    assert added.args == [first]
    notes = [e for e in list_events(first, lang="en") if e["kind"] == "note"]
    assert len(notes) == 1 and "想拍全家福" in notes[0]["text"] and "王芳妈妈" in notes[0]["text"]
    assert "family" in get_model(first).needs.split(",")
    assert expo.leads_today(AS_OF) == 1 and booth.count.text() == "1"
    assert form_is_empty(booth) and not booth.known_panel.isVisible() and booth.save_button.isVisible()


def test_a_client_known_from_before_gets_an_inquiry_and_esc_goes_back_to_the_phone(booth, qtbot):
    old = add_client("李娜", "13912345678", first_seen_on=AS_OF - timedelta(days=400), source="referral")
    fill(qtbot, booth, name="李娜", phone="139 1234 5678", needs=("maternity",), notes="")
    qtbot.keyClick(booth.name, Qt.Key.Key_Return)
    assert booth.known_panel.isVisible()
    assert "belongs to 李娜" in booth.known_text.text() and (AS_OF - timedelta(days=400)).isoformat() \
        in booth.known_text.text()
    qtbot.keyClick(booth.known_add, Qt.Key.Key_Escape)  # "Change the phone"
    assert not booth.known_panel.isVisible() and booth.phone.hasFocus() and booth.name.text() == "李娜"
    qtbot.keyClick(booth.phone, Qt.Key.Key_Return)
    with qtbot.waitSignal(booth.added, timeout=5000):
        qtbot.keyClick(booth.known_add, Qt.Key.Key_Return)
    client = get_model(old)
    inquiries = [e for e in list_events(old, lang="en") if e["kind"] == "inquiry"]
    assert len(inquiries) == 1 and FAIR in inquiries[0]["text"]
    assert client.source == "referral"  # where the client came from first stays
    assert client.last_activity_on == AS_OF and client.consent and client.consent_on == AS_OF
    assert expo.leads_today(AS_OF) == 0  # not a new lead


def test_the_counter_counts_today_s_expo_leads_only(ctx, qtbot):
    lead = expo.clean_lead({"name": "陈静", "phone": "13700001111"})
    expo.capture(lead, fair=FAIR, day=AS_OF - timedelta(days=1), at=datetime.combine(AS_OF, time(15)))
    add_client("赵敏", "13600002222")  # a walk-in, not the fair's
    for n, name in enumerate(("周杰", "吴倩")):
        expo.capture(expo.clean_lead({"name": name, "phone": f"1350000{n:04d}"}), fair=FAIR, day=AS_OF,
                     at=datetime.combine(AS_OF, time(10, 5 * n)))
    window = ExpoWindow(ctx, FAIR)
    qtbot.addWidget(window)
    assert window.count.text() == "2"
    assert [window.recent.item(i).text().split()[:2] for i in range(window.recent.count())] == \
        [["10:05", "吴倩"], ["10:00", "周杰"]]


@RAISES_WINDOWS
def test_esc_asks_before_leaving(booth, qtbot, answer):
    choice, asked = answer
    qtbot.keyClick(booth.name, Qt.Key.Key_Escape)
    assert len(asked) == 1 and "Leave expo mode?" in asked[0]
    assert booth.isVisible()
    choice["button"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(booth.left, timeout=5000):
        qtbot.keyClick(booth.name, Qt.Key.Key_Escape)
    assert not booth.isVisible()


@RAISES_WINDOWS
def test_the_fair_is_asked_once_when_expo_mode_starts_and_remembered(ctx, qtbot, monkeypatch):
    offered = []

    def name_it(dialog):
        offered.append(dialog.name.text())
        qtbot.addWidget(dialog)
        if not dialog.name.text():
            dialog.name.setText("  秋季 婚博会 ")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FairDialog, "exec", name_it)
    first = open_expo_mode(ctx)
    assert first.fair == "秋季 婚博会" and expo.fair_name() == "秋季 婚博会"
    assert first.isFullScreen()
    first.leave(ask=False)
    second = open_expo_mode(ctx)
    assert offered == ["", "秋季 婚博会"]  # the last fair is offered
    second.leave(ask=False)
    monkeypatch.setattr(FairDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert open_expo_mode(ctx) is None
    assert open_expo_mode(ctx, fair="冬季展") is not None and expo.fair_name() == "冬季展"


def test_fair_dialog_needs_a_name(qtbot):
    dialog = FairDialog("")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name, "   ")
    assert not ok.isEnabled()
    dialog.name.insert("婚博会")
    assert ok.isEnabled() and dialog.fair() == "婚博会"


@RAISES_WINDOWS
def test_file_menu_and_f11_open_expo_mode(make_window, monkeypatch):
    monkeypatch.setattr(FairDialog, "exec", lambda dialog: (dialog.name.setText("春季婚博会"),
                                                           QDialog.DialogCode.Accepted)[1])
    window = make_window()
    action = window.extra_actions["expo"]
    assert action in window.file_menu.actions() and action.text() == "E&xpo mode…"
    assert action.shortcut() == QKeySequence("F11")
    action.trigger()
    booth = window.expo_window
    assert window.expo_open() and booth.isFullScreen() and booth.fair == "春季婚博会"
    action.trigger()  # once open, the same booth comes forward
    assert window.expo_window is booth
    booth.leave(ask=False)
    assert not window.expo_open()


def test_chips_follow_the_language(booth, ctx):
    from lifecrm_gui.ui import i18n

    assert booth.chips["wedding_portrait"].text() == "Wedding portraits"
    i18n.switch_language(ctx, "zh")
    assert booth.chips["wedding_portrait"].text() == "婚纱照"


def test_lifecrm_expo_opens_the_window_in_expo_mode(tmp_path):
    import argparse

    from lifecrm_gui.cli import build_parser
    from lifecrm_gui.commands.expo import window_arguments

    args = build_parser().parse_args(["expo", "--db", str(tmp_path / "laptop.sqlite3"), "--fair", " 春季  婚博会 "])
    assert args.handler.__module__ == "lifecrm_gui.commands.expo"
    assert window_arguments(args) == ["--db", str(tmp_path / "laptop.sqlite3"), "--expo", "春季 婚博会"]
    assert window_arguments(argparse.Namespace(db=None, fair=None, as_of=None)) == ["--expo"]
    from lifecrm_gui.app import parse_args

    opened, _qt = parse_args(window_arguments(args))
    assert opened.expo == "春季 婚博会" and opened.db == tmp_path / "laptop.sqlite3"
