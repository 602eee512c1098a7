"""The main window: pages from the registry, menus, status bar, remembered geometry,
data kept across a restart, start-up that loads nothing heavy, workers and errors."""

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel

from lifecrm_gui.ui import errors, workers
from lifecrm_gui.ui.main_window import DEFAULT_SIZE, FILE_EXTRAS, PAGES, PageSpec

from .conftest import StandInPage, add_client, stand_in_pages

ROOT = Path(__file__).resolve().parents[2]


def tab_titles(window):
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_pages_come_from_the_registry_and_missing_ones_are_left_out(make_window):
    pages = (*stand_in_pages(), PageSpec("later", "lifecrm_gui.ui.no_such_page", "Nothing", "Later", "mdi6.help"),
             PageSpec("broken", "tests.ui.conftest", "NoSuchClass", "Broken", "mdi6.help"))
    window = make_window(pages)
    assert tab_titles(window) == ["Clients", "Profile", "Dashboard"]
    assert "later" not in window.pages and "broken" not in window.pages


def test_default_registry_lists_the_planned_pages():
    assert [(p.key, p.class_name, p.lazy) for p in PAGES] == [
        ("today", "TodayView", True), ("clients", "ClientListPage", False), ("profile", "ProfileTab", True),
        ("timeline", "TimelineTab", True), ("campaigns", "CampaignsTab", True),
        ("dashboard", "DashboardTab", True)]


def test_lazy_page_is_built_when_its_tab_is_first_shown(make_window, qtbot):
    StandInPage.built = 0
    window = make_window()
    assert StandInPage.built == 1  # the profile stand-in only
    assert window.pages["dashboard"] is None
    window.show_page("dashboard")
    assert window.tabs.currentWidget().findChild(QLabel, "pageLoading").text() == "Opening…"
    qtbot.waitUntil(lambda: window.pages["dashboard"] is not None, timeout=3000)
    assert StandInPage.built == 2
    assert isinstance(window.pages["dashboard"], StandInPage)
    window.show_page("clients")
    window.show_page("dashboard")
    assert StandInPage.built == 2


def test_menus_and_shortcuts(make_window):
    window = make_window()
    assert window.file_menu.title() == "&File" and window.help_menu.title() == "&Help"
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    extras = [text for key, _m, _f, text, _i in FILE_EXTRAS if key in window.extra_actions]
    assert texts == ["&New client…", "&Import…", "&Export…", "&Backup…", *extras, "&Settings…", "&Quit"]
    assert window.new_client_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.new_client_action.shortcut().toString() == "Ctrl+N"
    assert [a.text() for a in window.help_menu.actions()] == ["&About LifeCRM"]


def test_status_bar_shows_database_and_client_count(ctx, make_window, qtbot):
    add_client("王芳", "13800138000")
    add_client("李娜", "13912345678")
    window = make_window()
    assert str(ctx.db_path) in window.db_label.text()
    assert window.count_label.text() == "Clients: 2"
    new = add_client("张伟", "13700001111")
    with qtbot.waitSignal(window.clients.model.refreshed, timeout=3000):
        ctx.clientsChanged.emit([new])
    assert window.count_label.text() == "Clients: 3"


def test_selecting_a_client_and_enter_opens_the_profile(ctx, make_window, qtbot):
    first = add_client("安娜", "13800000001")
    window = make_window()
    profile = window.pages["profile"]
    window.clients.focus_table()
    assert profile.selected == [first]
    qtbot.keyClick(window.clients.table, Qt.Key.Key_Return)
    assert window.tabs.currentWidget() is profile
    assert ctx.current_client == first


def test_double_click_opens_the_profile(ctx, make_window, qtbot):
    add_client("安娜", "13800000001")
    window = make_window()
    table = window.clients.table
    rect = table.visualRect(window.clients.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.tabs.currentWidget() is window.pages["profile"]


def test_new_client_from_the_menu_is_found_in_the_list(ctx, make_window, qtbot, monkeypatch):
    from lifecrm_gui.ui.new_client_dialog import NewClientDialog

    def fill_and_save(dialog):
        dialog.name.setText("王芳")
        dialog.phone.setText("13800138000")
        return dialog.save()

    add_client("李娜", "13912345678")
    monkeypatch.setattr(NewClientDialog, "exec", fill_and_save)
    window = make_window()
    with qtbot.waitSignal(window.clients.model.refreshed, timeout=3000):
        window.new_client_action.trigger()
    assert "王芳 was added." in window.statusBar().currentMessage()
    page = window.clients
    for text in ("wf", "8000"):
        with qtbot.waitSignal(page.model.refreshed, timeout=3000):
            page.filters.search.setText(text)
        assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["王芳"]
        assert page.count_label.text() == "1 of 2"
    assert page.current_client() == ctx.current_client


def test_ctrl_n_opens_the_new_client_dialog_and_ctrl_f_the_search(make_window, qtbot, monkeypatch):
    from lifecrm_gui.ui.new_client_dialog import NewClientDialog

    opened = []
    monkeypatch.setattr(NewClientDialog, "exec", lambda self: opened.append(self) or 0)
    window = make_window()
    window.show_page("profile")
    window.activateWindow()
    window.new_client_action.trigger()
    assert len(opened) == 1
    window.find_action.trigger()
    assert window.tabs.currentWidget() is window.clients
    assert window.clients.filters.search.hasFocus() or window.focusWidget() is window.clients.filters.search


def test_tab_order_goes_from_search_through_filters_to_the_list(make_window):
    add_client("安娜", "13800000001")
    window = make_window()
    page = window.clients
    order, widget = [], page.filters.search
    for _ in range(7):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or not widget.isVisible():
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert order[:5] == list(page.filters.combos.values())
    assert page.table in order


def test_geometry_is_remembered(make_window, qtbot):
    window = make_window()
    window.resize(window.width(), 650)
    window.close()
    again = make_window()
    # The offscreen screen is 800 px wide, narrower than the window may be, so Qt
    # fits the width to it; the height is the one that was left.
    assert again.height() == 650
    assert DEFAULT_SIZE[1] != 650


def test_data_survives_closing_and_reopening(ctx, db_path, make_window, qtbot, inline_workers):
    from lifecrm_gui.store.db import close_database, open_database
    from lifecrm_gui.ui.context import AppContext
    from tests.conftest import AS_OF

    window = make_window()
    from lifecrm_gui.ui.new_client_dialog import NewClientDialog

    dialog = NewClientDialog(ctx, window)
    qtbot.addWidget(dialog)
    dialog.name.setText("王芳")
    dialog.phone.setText("13800138000")
    assert dialog.save()
    window.close()
    close_database()

    open_database(db_path)
    reopened = make_window(context=AppContext(db_path, today=AS_OF))
    model = reopened.clients.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "王芳"
    assert model.index(0, 1).data() == "138 0013 8000"
    assert model.index(0, 2).data() == "Prospect"


def test_start_up_paints_before_heavy_modules(tmp_path):
    """The window is shown without matplotlib or pypinyin having been imported."""
    script = textwrap.dedent(f"""
        import json, os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["LIFECRM_HOME"] = {str(tmp_path / "home")!r}
        from lifecrm_gui.store.db import open_database
        open_database({str(tmp_path / "start.sqlite3")!r})
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from lifecrm_gui.ui.context import AppContext
        from lifecrm_gui.ui.main_window import MainWindow
        from lifecrm_gui.ui import daily  # the morning recompute, started with the window
        window = MainWindow(AppContext({str(tmp_path / "start.sqlite3")!r}))
        window.show()
        app.processEvents()
        heavy = sorted(m for m in ("matplotlib", "pypinyin", "numpy") if m in sys.modules)
        print(json.dumps({{"heavy": heavy, "tabs": window.tabs.count()}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["heavy"] == []
    assert report["tabs"] >= 1


def test_app_refuses_a_newer_database_with_a_message(tmp_path):
    import sqlite3

    newer = tmp_path / "newer.sqlite3"
    connection = sqlite3.connect(newer)
    connection.execute("PRAGMA user_version = 9999")
    connection.close()
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        os.environ["LIFECRM_HOME"] = {str(tmp_path / "home")!r}
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical = staticmethod(lambda parent, title, text: print("BOX:", text))
        from lifecrm_gui.app import main
        sys.exit(main(["--db", {str(newer)!r}]))
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2
    assert "BOX:" in done.stdout and "newer LifeCRM" in done.stdout
    assert (tmp_path / "home" / "logs" / "lifecrm.log").exists()


# --- workers --------------------------------------------------------------------------
def test_worker_delivers_results_on_the_gui_thread(db, qtbot):
    from lifecrm_gui.services.search import count_clients

    seen = {}

    def work(progress, should_cancel):
        seen["worker"] = threading.current_thread()
        progress(1, 2)
        return count_clients()

    def done(result):
        seen["done"] = (threading.current_thread(), result)

    handle = workers.run_task(work, done)
    with qtbot.waitSignal(handle.ended, timeout=5000):
        pass
    assert seen["worker"] is not threading.main_thread()
    assert seen["done"] == (threading.main_thread(), 0)


def test_worker_errors_and_cancel(db, qtbot):
    failures, cancels = [], []

    def boom(progress, should_cancel):
        raise RuntimeError("broken")

    handle = workers.run_task(boom, on_error=failures.append)
    with qtbot.waitSignal(handle.ended, timeout=5000):
        pass
    assert [str(e) for e in failures] == ["broken"]

    started = threading.Event()

    def patient(progress, should_cancel):
        started.set()
        while not should_cancel():
            threading.Event().wait(0.005)
        raise RuntimeError("stopped")

    handle = workers.run_task(patient, on_error=failures.append, on_cancel=lambda: cancels.append(True))
    started.wait(5)
    with qtbot.waitSignal(handle.stopped, timeout=5000):
        handle.cancel()
    assert cancels == [True] and len(failures) == 1


def test_inline_workers_finish_before_returning(db):
    results = []
    with workers.inline():
        handle = workers.run_task(lambda progress, should_cancel: 42, results.append)
    assert results == [42] and handle.finished


# --- errors ---------------------------------------------------------------------------
def test_errors_a_person_can_act_on_are_messages(ctx, no_messages):
    from lifecrm_gui.store.db import StoreError

    errors.show_error(StoreError("locked", "The database is busy in another program or window: try again."))
    assert no_messages == [("warning", "The database is busy in another program or window: try again.")]
    import sqlite3
    errors.show_error(sqlite3.OperationalError("database is locked"))
    assert "busy" in no_messages[-1][1]
    errors.show_error(PermissionError(13, "Permission denied", "/readonly/backup.sqlite3"))
    assert "/readonly/backup.sqlite3" in no_messages[-1][1]


def test_a_bug_gets_a_crash_dialog_and_a_log_file(ctx, monkeypatch, no_messages):
    from lifecrm_gui import paths

    shown = []
    monkeypatch.setattr(errors.CrashDialog, "exec", lambda self: shown.append(self))
    try:
        {}["missing"]
    except KeyError as error:
        errors.show_error(error)
    assert no_messages == []
    assert len(shown) == 1
    dialog = shown[0]
    assert "KeyError: 'missing'" in dialog.text.toPlainText()
    assert dialog.crash_file is not None and dialog.crash_file.parent == paths.log_dir()
    assert "KeyError" in dialog.crash_file.read_text(encoding="utf-8")
    dialog.copy_details()
    from PySide6.QtGui import QGuiApplication
    assert "KeyError" in QGuiApplication.clipboard().text()


def test_uncaught_errors_go_through_the_crash_hook(ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(errors.CrashDialog, "exec", lambda self: shown.append(self))
    previous = sys.excepthook
    errors.install_excepthook()
    try:
        try:
            raise ValueError("unexpected")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert len(shown) == 1 and "ValueError: unexpected" in shown[0].details


def test_the_tab_current_at_start_is_built_without_being_clicked(ctx, qtbot):
    from lifecrm_gui.ui.main_window import MainWindow

    window = MainWindow(ctx)  # the real pages: Today is the first tab, and built lazily
    qtbot.addWidget(window)
    window.show()
    first = next(iter(window.specs))
    assert window.tabs.currentIndex() == window.tab_index(first)
    qtbot.waitUntil(lambda: window.pages.get(first) is not None, timeout=5000)
    assert window.tabs.currentWidget().findChild(QLabel, "pageLoading") is None


def test_no_widget_of_any_page_shows_as_a_window_of_its_own(ctx, qtbot):
    # A label left out of every layout and then shown became a window of its own: a stray
    # "Quiet" chip beside the app, which kept it running after the main window closed.
    from PySide6.QtWidgets import QApplication

    from lifecrm_gui.ui.main_window import MainWindow

    from .conftest import add_order

    def shown():
        return {w for w in QApplication.topLevelWidgets() if w.isVisible()}

    client = add_client("安娜", "13800000001")
    add_order(client, 30, 880_000)
    before = shown()  # windows other tests left open
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    ctx.clientSelected.emit(client)
    for key in window.specs:
        window.show_page(key)
        qtbot.waitUntil(lambda k=key: window.pages.get(k) is not None, timeout=5000)
    QApplication.processEvents()
    assert shown() - before == {window}
