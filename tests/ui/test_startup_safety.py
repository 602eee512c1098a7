"""The safety services wired into start-up and the window: a checked open; a damaged
database is moved aside and the newest good backup offered, or shown read-only with
writes refused in words, or, when nothing can be read, the window does not start;
a warning about a synced folder; a backup on close, every minute's check, before
an import (window and command line); the second backup folder in the settings; the
command line refusing a damaged database except to restore it."""

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from lifecrm_gui import app as app_module
from lifecrm_gui import cli, paths
from lifecrm_gui.services import backups
from lifecrm_gui.services.backup import list_backups
from lifecrm_gui.store.db import close_database, open_database
from lifecrm_gui.store.models import database
from lifecrm_gui.ui.main_window import BACKUP_CHECK_MS, MainWindow
from tests.conftest import AS_OF

from .conftest import add_client

NOW = datetime(2026, 6, 30, 9, 0)
RAISES_WINDOWS = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                           "This plugin does not support propagateSizeHints")


@pytest.fixture(autouse=True)
def closed_afterwards():
    yield
    backups.stop()
    app_module.set_read_only_message(None)
    close_database()


def make_studio(path: Path, clients: int = 30) -> None:
    open_database(path)
    for n in range(clients):
        add_client(f"客户{n}", f"1380013{n:04d}")
    close_database()


def root_page(path: Path, name: str) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def damage(path: Path, table: str = "client_phone") -> None:
    """Garbage over one page of the file, as a failing disk leaves it."""
    page = root_page(path, table)
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(bytes((i * 151 + 7) % 256 for i in range(4096)))


def backup_reasons() -> list[str]:
    return sorted(info.reason for info in list_backups(paths.backup_dir(), "studio"))


class LoopStandIn:
    """The QApplication for app.run_window, its event loop replaced by `during(window)`."""

    def __init__(self, qapp, during):
        self._qapp, self._during = qapp, during
        self.window = None

    def __getattr__(self, name):
        return getattr(self._qapp, name)

    def exec(self):
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        self.window = shown[-1]
        if self._during is not None:
            self._during(self.window)
        return 0


@pytest.fixture
def start(qapp):
    """Start the window on a database as app.main does; (exit code, window or None).
    The windows are deleted afterwards, so no later language change reaches them."""
    from shiboken6 import delete, isValid

    from lifecrm_gui.single_instance import SingleInstance

    made = []

    def run(db_path: Path, during=None):
        loop = LoopStandIn(qapp, during)
        args, _qt = app_module.parse_args(["--db", str(db_path), "--as-of", AS_OF.isoformat()])
        instance = SingleInstance(db_path)
        assert instance.claim()
        try:
            code = app_module.run_window(loop, args, db_path, instance)
        finally:
            instance.release()
        if loop.window is not None:
            made.append(loop.window)
        return code, loop.window

    yield run
    for window in made:
        if isValid(window):
            window.close()
            delete(window)


@pytest.fixture
def answers(monkeypatch):
    """What the person answers to each question (Yes unless told), and the questions.
    (Ask for it after no_messages, which answers every question with Ok.)"""
    asked, choice = [], {"button": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return choice["button"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return choice, asked


def test_a_healthy_database_opens_writable_and_is_backed_up_on_close(db_path, start, no_messages):
    make_studio(db_path, 3)
    seen = {}

    def during(window):
        from lifecrm_gui.services.search import count_clients

        seen.update(title=window.windowTitle(), clients=count_clients(),
                    writable=window.new_client_action.isEnabled(), label=window.read_only_label.isVisible())

    code, window = start(db_path, during)
    assert code == 0 and no_messages == []
    assert seen == {"title": "LifeCRM", "clients": 3, "writable": True, "label": False}
    assert backup_reasons() == ["close"]
    assert database.obj.is_closed()


def test_a_damaged_database_is_offered_the_newest_good_backup(db_path, start, no_messages, answers):
    make_studio(db_path, 30)
    open_database(db_path)
    taken = backups.backup_before("auto", NOW).path
    add_client("备份之后", "13999990000")
    backups.stop()
    close_database()
    damage(db_path)
    _choice, asked = answers
    seen = {}

    def during(window):
        from lifecrm_gui.services.search import count_clients

        seen.update(clients=count_clients(), title=window.windowTitle(), writable=window.new_client_action.isEnabled())

    code, _window = start(db_path, during)
    assert code == 0
    assert len(asked) == 1 and "2026-06-30 09:00" in asked[0] and str(taken) in asked[0]
    moved = sorted(db_path.parent.glob("studio.damaged-*.sqlite3"))
    assert len(moved) == 1 and str(moved[0]) in asked[0]  # kept, not deleted
    assert seen == {"clients": 30, "title": "LifeCRM", "writable": True}  # the backup's clients, writable


@RAISES_WINDOWS
def test_declining_shows_the_damaged_file_read_only_until_a_backup_is_restored(db_path, start, no_messages,
                                                                               answers):
    from lifecrm_gui.services.clients import create_client
    from lifecrm_gui.services.search import count_clients
    from lifecrm_gui.ui import errors

    make_studio(db_path, 30)
    open_database(db_path)
    backups.backup_before("auto", NOW)
    backups.stop()
    close_database()
    damage(db_path)
    choice, asked = answers
    choice["button"] = QMessageBox.StandardButton.No
    seen = {}

    def during(window):
        seen.update(title=window.windowTitle(), label=window.read_only_label.isVisible(),
                    enabled={key: action.isEnabled() for key, action in (
                        ("new", window.new_client_action), ("settings", window.settings_action),
                        ("merge", window.extra_actions["merge"]), ("expo", window.extra_actions["expo"]),
                        ("restore", window.extra_actions["restore"]))},
                    clients=count_clients())
        with pytest.raises(Exception) as refused:
            create_client({"name": "不能写", "phone": "13700000000"}, as_of=AS_OF)
        seen["refused"] = errors.user_message(refused.value)
        from lifecrm_gui.services.settings import set_setting

        with pytest.raises(Exception) as refused_setting:  # a table the damage did not reach
            set_setting("studio_name", "不能写")
        seen["refused_setting"] = errors.user_message(refused_setting.value)
        seen["message"] = window.write_refused_message()
        choice["button"] = QMessageBox.StandardButton.Yes
        window.extra_actions["restore"].trigger()  # File > Restore: the newest good backup
        seen.update(after_title=window.windowTitle(), after_label=window.read_only_label.isVisible(),
                    after_new=window.new_client_action.isEnabled(), after_clients=count_clients(),
                    after_message=app_module._read_only_message)
        add_client("恢复之后", "13700000001")

    code, _window = start(db_path, during)
    assert code == 0
    assert seen["title"] == "LifeCRM (read-only)" and seen["label"]
    assert seen["enabled"] == {"new": False, "settings": False, "merge": False, "expo": False, "restore": True}
    assert seen["clients"] == 30  # what can still be read is shown
    assert seen["refused"] == seen["refused_setting"] == seen["message"]
    assert "read-only" in seen["refused"] and "File > Restore" in seen["refused"]
    assert (seen["after_title"], seen["after_label"], seen["after_new"]) == ("LifeCRM", False, True)
    assert seen["after_clients"] == 30 and seen["after_message"] is None
    assert len(asked) == 2  # at start-up (declined), then from the menu


def test_nothing_readable_and_no_backup_means_no_window_and_says_why(db_path, start, no_messages):
    make_studio(db_path, 30)
    damage(db_path, "client")
    code, window = start(db_path)
    assert code == 2 and window is None
    kinds = [kind for kind, _text in no_messages]
    assert kinds == ["critical", "critical"]  # no backup to offer; then why the window cannot open
    assert "failed its check" in no_messages[-1][1] and "lifecrm restore" in no_messages[-1][1]
    assert sorted(db_path.parent.glob("studio.damaged-*.sqlite3"))  # the damaged file is kept


def test_a_database_in_a_synced_folder_is_warned_about(tmp_path, start, no_messages):
    synced = tmp_path / "Dropbox" / "studio.sqlite3"
    code, _window = start(synced)
    assert code == 0
    assert [kind for kind, _ in no_messages] == ["warning"] and "Dropbox" in no_messages[0][1]


def test_every_minute_the_window_asks_for_a_backup_on_a_worker(ctx, make_window, qtbot, no_messages, monkeypatch):
    window = make_window()
    assert window.backup_timer.isActive() and window.backup_timer.interval() == BACKUP_CHECK_MS
    with qtbot.waitSignal(window.backupChecked, timeout=20_000) as first:
        window.backup_timer.timeout.emit()
    assert first.args[0] is not None and first.args[0].path.exists()  # none yet: the first one is taken
    with qtbot.waitSignal(window.backupChecked, timeout=20_000) as second:
        window.check_backup()
    assert second.args[0] is None  # nothing changed since
    from lifecrm_gui.services.backup import BackupFailed

    def failing(now):
        raise BackupFailed("the disk is full")

    monkeypatch.setattr(backups, "backup_if_changed", failing)
    with qtbot.waitSignal(window.backupChecked, timeout=20_000):
        window.check_backup()
    assert "The automatic backup failed: the disk is full" in window.statusBar().currentMessage()
    assert no_messages == []  # not a dialog every minute


def test_the_second_backup_folder_is_chosen_in_the_settings(ctx, qtbot, tmp_path, monkeypatch, inline_workers):
    from PySide6.QtWidgets import QFileDialog

    from lifecrm_gui.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.second_dir.text() == ""
    dialog.second_dir.setText(str(tmp_path / "no-usb-stick"))
    dialog.apply()
    assert "does not exist" in dialog.second_dir_box.error.text() and dialog.result() == 0
    assert backups.configured_second_dir() is None
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kwargs: str(usb)))
    dialog.second_dir_button.click()
    assert dialog.second_dir.text() == str(usb) and not dialog.second_dir_box.error.isVisible()
    dialog.apply()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert backups.configured_second_dir() == usb
    outcome = backups.backup_before("import", NOW)
    assert outcome.second == usb / outcome.path.name and outcome.second.exists()
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.second_dir.text() == str(usb)
    again.second_dir.clear()
    again.apply()
    assert backups.configured_second_dir() is None


def test_an_import_from_the_window_takes_a_backup_first(ctx, make_window, qtbot, tmp_path, no_messages):
    pytest.importorskip("lifecrm_gui.services.importer")
    window = make_window()
    sheet = tmp_path / "clients.csv"
    sheet.write_text("姓名,手机\n王芳,13800138000\n", encoding="utf-8")
    with qtbot.waitSignal(window.files.finished, timeout=20_000):
        window.files.run_import("clients", sheet, dry_run=True)
    assert backup_reasons() == []  # only checking the file: nothing written, no backup
    with qtbot.waitSignal(window.files.finished, timeout=20_000):
        window.files.run_import("clients", sheet)
    assert window.files.last_result.written == 1
    assert backup_reasons() == ["import"]


def test_the_command_line_backs_up_before_importing_and_refuses_a_damaged_database(db_path, tmp_path, capsys):
    pytest.importorskip("lifecrm_gui.services.importer")
    make_studio(db_path, 30)
    sheet = tmp_path / "clients.csv"
    sheet.write_text("姓名,手机\n王芳,13600138000\n", encoding="utf-8")
    assert cli.main(["import", "clients", str(sheet), "--db", str(db_path)]) == 0
    assert "backup taken first" in capsys.readouterr().out
    assert backup_reasons() == ["import"]
    backups.stop()
    damage(db_path)
    assert cli.main(["stats", "--db", str(db_path)]) == 2
    said = capsys.readouterr().err
    assert "failed its check" in said and "nothing was done" in said and "lifecrm restore" in said
    moved = sorted(db_path.parent.glob("studio.damaged-*.sqlite3"))
    assert len(moved) == 1 and not db_path.exists()
    backup = list_backups(paths.backup_dir(), "studio")[0].path
    assert cli.main(["restore", "--db", str(db_path), str(backup)]) == 0  # restoring still works
    capsys.readouterr()
    assert cli.main(["stats", "--db", str(db_path), "--json"]) == 0
    assert '"clients": 30' in capsys.readouterr().out
