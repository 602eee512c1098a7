"""The new-client dialog, the settings dialog, and the File menu's import and backup."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog, QPushButton

from lifecrm_gui.services.clients import get_model
from lifecrm_gui.services.search import ClientFilter, search_ids
from lifecrm_gui.services.settings import get_setting, load_policy
from lifecrm_gui.ui.new_client_dialog import NewClientDialog
from lifecrm_gui.ui.settings_dialog import SettingsDialog

from .conftest import add_client, add_order


def new_dialog(ctx, qtbot):
    dialog = NewClientDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


# --- new client ------------------------------------------------------------------------
def test_a_name_and_a_phone_make_a_client(ctx, qtbot):
    dialog = new_dialog(ctx, qtbot)
    dialog.name.setText("王芳")  # typed through an input method
    qtbot.keyClicks(dialog.phone, "138 0013 8000")
    with qtbot.waitSignal(ctx.clientsChanged) as changed, qtbot.waitSignal(ctx.clientSelected) as selected:
        qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result() == NewClientDialog.DialogCode.Accepted
    client = get_model(dialog.client_id)
    assert (client.name, client.phone) == ("王芳", "+8613800138000")
    assert client.stage == "prospect"  # the call was logged as an inquiry
    assert changed.args == [[dialog.client_id]] and selected.args == [dialog.client_id]
    assert search_ids(ClientFilter(query="wf")) == [dialog.client_id]
    assert search_ids(ClientFilter(query="8000")) == [dialog.client_id]


def test_optional_fields_are_saved(ctx, qtbot):
    dialog = new_dialog(ctx, qtbot)
    dialog.name.setText("李娜")
    qtbot.keyClicks(dialog.wechat, "lina_1990")
    qtbot.keyClicks(dialog.email, "lina@Example.com")
    dialog.source.setCurrentIndex(dialog.source.findData("expo"))
    dialog.needs.set_chosen(["wedding_portrait", "travel"])
    assert dialog.needs.text() == "Wedding portraits, Travel"
    dialog.consent.setChecked(True)
    dialog.log_inquiry.setChecked(False)
    assert dialog.save()
    client = get_model(dialog.client_id)
    assert (client.wechat, client.email, client.source) == ("lina_1990", "lina@example.com", "expo")
    assert client.needs == "wedding_portrait,travel"
    assert client.consent and client.consent_channel == "phone"
    assert client.stage == "lead"  # no inquiry logged


def test_bad_phone_is_explained_beside_the_field(ctx, qtbot):
    dialog = new_dialog(ctx, qtbot)
    dialog.name.setText("王芳")  # typed through an input method
    qtbot.keyClicks(dialog.phone, "12345")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    box = dialog.boxes["phone"]
    assert box.error.isVisible()
    assert "Not a valid mobile number" in box.error.text()
    assert dialog.isVisible() and dialog.client_id is None
    assert search_ids() == []
    qtbot.keyClicks(dialog.phone, "6")  # typing again clears the message
    assert not box.error.isVisible()


def test_missing_name_is_explained(ctx, qtbot):
    dialog = new_dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.phone, "13800138000")
    assert not dialog.save()
    assert dialog.boxes["name"].error.text() == "Please enter a name."
    assert dialog.name.hasFocus() or dialog.focusWidget() is dialog.name


def test_bad_wechat_and_email_are_checked_when_leaving_the_field(ctx, qtbot):
    dialog = new_dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.wechat, "ab")
    dialog.wechat.editingFinished.emit()
    assert "WeChat id" in dialog.boxes["wechat"].error.text()
    qtbot.keyClicks(dialog.email, "nobody")
    dialog.email.editingFinished.emit()
    assert dialog.boxes["email"].error.text() == "Not an email address."


def test_known_phone_offers_the_existing_client(ctx, qtbot):
    existing = add_client("王芳", "13800138000")
    dialog = new_dialog(ctx, qtbot)
    qtbot.keyClicks(dialog.name, "Wang")
    qtbot.keyClicks(dialog.phone, "138-0013-8000")
    qtbot.waitUntil(dialog.banner.isVisible, timeout=3000)
    assert "already belongs to 王芳" in dialog.banner_text.text()
    assert "138 0013 8000" in dialog.banner_text.text()
    buttons = [b for b in dialog.banner.findChildren(QPushButton) if b.objectName() == "openDuplicate"]
    assert [b.text() for b in buttons] == ["Open 王芳"]
    with qtbot.waitSignal(ctx.clientSelected) as selected, qtbot.waitSignal(dialog.openClient) as opened:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert selected.args == [existing] and opened.args == [existing]
    assert dialog.opened_id == existing and dialog.client_id is None
    assert not dialog.isVisible()
    assert search_ids() == [existing]


def test_duplicate_found_on_save_and_saved_anyway(ctx, qtbot):
    add_client("王芳", "13800138000", wechat="wangfang88")
    dialog = new_dialog(ctx, qtbot)
    dialog.name.setText("王芳的先生")
    dialog.wechat.setText("wangfang88")
    dialog.timer.stop()
    assert not dialog.save()
    assert dialog.banner.isVisible() and "WeChat id (wangfang88)" in dialog.banner_text.text()
    assert len(search_ids()) == 1
    qtbot.mouseClick(dialog.save_anyway, Qt.MouseButton.LeftButton)
    assert dialog.client_id is not None
    assert len(search_ids()) == 2


# --- settings ---------------------------------------------------------------------------
def settings_dialog(ctx, qtbot):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_dormant_window_change_recomputes_stages(ctx, qtbot):
    client = add_client("王芳", "13800138000")
    add_order(client, 400, "2000")  # one order, 400 days ago
    assert get_model(client).stage == "dormant"  # default: dormant after 365 days
    dialog = settings_dialog(ctx, qtbot)
    dialog.spins["dormant_after_days"].setValue(500)
    with qtbot.waitSignal(ctx.settingsChanged, timeout=10_000), \
            qtbot.waitSignal(ctx.clientsChanged, timeout=10_000) as changed:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert changed.args == [[]]
    assert load_policy().dormant_after_days == 500
    assert get_model(client).stage == "new"
    assert dialog.recomputed.moved == 1
    assert dialog.result() == SettingsDialog.DialogCode.Accepted


def test_thresholds_that_contradict_are_refused(ctx, qtbot):
    dialog = settings_dialog(ctx, qtbot)
    dialog.spins["churned_after_days"].setValue(300)  # below the dormant window (365)
    dialog.apply()
    assert dialog.boxes["churned_after_days"].error.text() == \
        "The churn window must be longer than the dormant window."
    assert dialog.tabs.currentIndex() == 1
    assert load_policy().churned_after_days == 730
    assert dialog.isVisible()


def test_tier_bounds_are_entered_in_yuan(ctx, qtbot, inline_workers):
    client = add_client("王芳", "13800138000")
    add_order(client, 30, "4000")
    assert get_model(client).tier == 1  # 准星 from 3,000
    dialog = settings_dialog(ctx, qtbot)
    assert dialog.tier_spins[0].value() == 3000
    dialog.tier_spins[0].setValue(4500)
    dialog.apply()
    assert load_policy().tier_bounds[0] == 450_000
    assert get_model(client).tier == 0


def test_studio_name_currency_and_language(ctx, qtbot, inline_workers):
    dialog = settings_dialog(ctx, qtbot)
    dialog.studio_name.setText("光影摄影")
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    with qtbot.waitSignal(ctx.languageChanged) as changed:
        dialog.apply()
    assert changed.args == ["zh"]
    assert get_setting("studio_name") == "光影摄影"
    assert load_policy().currency == "USD"
    assert get_setting("language") == "zh" and get_setting("language_choice") == "zh"


def test_cancelled_recompute_puts_the_policy_back(ctx, qtbot, inline_workers, monkeypatch):
    from lifecrm_gui.services.recompute import recompute
    from lifecrm_gui.ui import settings_dialog as module

    client = add_client("王芳", "13800138000")
    add_order(client, 400, "2000")
    dialog = settings_dialog(ctx, qtbot)

    def cancelling(as_of, progress=None, should_cancel=None):
        progress_dialog = dialog.findChild(QProgressDialog)
        progress_dialog.findChild(QPushButton).click()  # the person presses Cancel
        return recompute(as_of, progress=progress, should_cancel=should_cancel)

    monkeypatch.setattr(module, "recompute", cancelling)
    dialog.spins["dormant_after_days"].setValue(500)
    dialog.apply()
    assert load_policy().dormant_after_days == 365
    assert get_model(client).stage == "dormant"
    assert "Cancelled" in dialog.note.text()
    assert dialog.isVisible() and dialog.buttons.isEnabled()


# --- import and backup -----------------------------------------------------------------
@pytest.fixture
def window(make_window):
    return make_window()


def test_import_adds_clients_and_reports(ctx, qtbot, window, tmp_path, no_messages):
    pytest.importorskip("lifecrm_gui.services.importer")
    sheet = tmp_path / "clients.csv"
    sheet.write_text("姓名,手机\n王芳,13800138000\n李娜,13912345678\n", encoding="utf-8")
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.files.run_import("clients", sheet)
    assert window.files.last_result.written == 2
    qtbot.waitUntil(lambda: window.clients.model.rowCount() == 2, timeout=3000)
    assert no_messages and "Clients written: 2 (rows read: 2, file clients.csv)" in no_messages[-1][1]


def test_import_problems_are_listed(ctx, qtbot, window, tmp_path, monkeypatch):
    pytest.importorskip("lifecrm_gui.services.importer")
    from lifecrm_gui.ui import file_actions

    shown = []
    monkeypatch.setattr(file_actions.ProblemsDialog, "exec", lambda self: shown.append(self.text.toPlainText()))
    sheet = tmp_path / "clients.csv"
    sheet.write_text("姓名,手机\n王芳,12345\n,13912345678\n", encoding="utf-8")
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.files.run_import("clients", sheet)
    assert len(window.files.last_result.errors) == 2
    assert shown and "line 2" in shown[0] and "line 3" in shown[0]
    assert search_ids() == []


def test_export_writes_the_file_and_reports(ctx, qtbot, window, tmp_path, no_messages):
    pytest.importorskip("lifecrm_gui.services.exporter")
    add_client("王芳", "13800138000")
    add_client("李娜", "13912345678")
    target = tmp_path / "clients.csv"
    assert window.export_action.isEnabled()
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.files.run_export("clients", target)
    assert window.files.last_result == 2
    assert "王芳" in target.read_text(encoding="utf-8-sig")
    assert no_messages[-1] == ("information", f"Rows exported: 2\nFile: {target}")


def test_backup_is_written_and_reported(ctx, qtbot, window, tmp_path, no_messages):
    add_client("王芳", "13800138000")
    target = tmp_path / "copies" / "studio-backup.sqlite3"
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.files.run_backup(target)
    assert target.exists() and window.files.last_result == target
    assert no_messages[-1][0] == "information" and str(target) in no_messages[-1][1]


def test_backup_to_an_impossible_place_is_explained(ctx, qtbot, window, tmp_path, no_messages):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with qtbot.waitSignal(window.files.finished, timeout=10_000):
        window.files.run_backup(Path(blocker) / "backup.sqlite3")
    assert no_messages[-1][0] == "warning"


def test_import_dialog_asks_what_and_which_file(ctx, qtbot, tmp_path):
    from lifecrm_gui.ui.file_actions import TransferDialog

    dialog = TransferDialog(exporting=False)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == ["Clients", "Orders", "Timeline events"]
    assert not ok.isEnabled()
    dialog.path.setText(str(tmp_path / "orders.xlsx"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("orders"))
    dialog.dry_run.setChecked(True)
    assert ok.isEnabled()
    assert dialog.choice() == ("orders", tmp_path / "orders.xlsx", True)
    exporting = TransferDialog(exporting=True)
    qtbot.addWidget(exporting)
    assert exporting.kind.count() == 2 and not exporting.dry_run.isVisibleTo(exporting)
