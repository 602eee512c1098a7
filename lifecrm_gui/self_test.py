"""`lifecrm --self-test` (and the packaged LifeCRM's `--self-test`): does this
installation work? In a temporary folder, with nothing of the user's touched: open
a new database, fill a small demo studio, recompute it, check phone numbers, the
lunar calendar and pinyin search, load a translation and the icons, build the main
window offscreen with its dashboard, write the PDF report, take a backup, and
claim the single-instance lock. Prints one line per check and exits 0, or exits 1
at the first failure with its reason.

Each check is what a frozen build can get wrong: a resource not bundled, a lazily
imported module or data file left out (phonenumbers' metadata, pypinyin's
dictionaries, lunardate's tables, matplotlib's backends, qtawesome's fonts), a Qt
plugin missing.
"""

import os
import platform
import sys
import tempfile
import time
import traceback
from datetime import date
from pathlib import Path

from lifecrm_gui import APP_NAME, __version__, paths

DEMO_CLIENTS = 200
WINDOW_TIMEOUT_S = 30
AS_OF = date(2026, 6, 30)  # a fixed date: the same demo studio every time


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


def _require(condition, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class SelfTest:
    def __init__(self, folder: Path, clients: int = DEMO_CLIENTS):
        self.folder = folder
        self.clients = clients
        self.db_path = folder / "self-test.sqlite3"
        self.db = None
        self.app = None
        self.window = None
        self.watchdog = None
        self.dialogs: list[str] = []  # what any dialog said: a self-test must never wait for a person

    # Each check returns a short detail for the report, or raises.
    def check_resources(self) -> str:
        base = paths.resource_path()
        needed = [("translations", "lifecrm_zh_CN.qm"), ("translations", "lifecrm_en.qm"), ("style.qss",),
                  ("icons", "lifecrm.svg")]
        missing = [str(paths.resource_path(*parts)) for parts in needed if not paths.resource_path(*parts).is_file()]
        _require(not missing, "resources missing: " + ", ".join(missing))
        return f"{'bundle' if getattr(sys, 'frozen', False) else 'source'}: {base}"

    def check_database(self) -> str:
        from lifecrm_gui.services import recovery
        from lifecrm_gui.store.models import database

        self.db, report = recovery.open_checked(self.db_path)
        _require(report.status == "new", f"a new database opened as {report.status!r} ({report.check})")
        version = database.obj.execute_sql("PRAGMA user_version").fetchone()[0]
        _require(version > 0, "the new database was not migrated")
        return f"schema version {version}"

    def check_demo(self) -> str:
        from lifecrm_gui.services.demo import generate_demo

        summary = generate_demo(self.db, self.clients, seed=1, as_of=AS_OF)
        _require(summary.clients == self.clients, f"{summary.clients} demo clients written, not {self.clients}")
        return f"{summary.clients} clients, {summary.orders} orders, {summary.events} events"

    def check_recompute(self) -> str:
        from lifecrm_gui.services.recompute import recompute
        from lifecrm_gui.services.stats import stats

        result = recompute(AS_OF)
        _require(result.clients == self.clients, f"{result.clients} clients recomputed, not {self.clients}")
        figures = stats(AS_OF)
        staged = sum(figures["by_stage"].values())
        _require(staged == self.clients, f"{staged} of {self.clients} clients have a stage after the recompute")
        return f"{result.clients} clients, {result.moved} stage moves"

    def check_phones(self) -> str:
        from lifecrm_gui.services.contacts import display_phone, normalise_phone

        found = {normalise_phone(text) for text in ("138 0013 8000", "+86 138-0013-8000", "13800138000")}
        _require(found == {"+8613800138000"}, f"phone variants normalised to {sorted(map(str, found))}")
        _require(display_phone("+8613800138000") == "138 0013 8000", "a phone is not shown as 138 0013 8000")
        _require(normalise_phone("+44 20 7946 0958") == "+442079460958", "a foreign number is not understood")
        return "+8613800138000"

    def check_lunar(self) -> str:
        from lunardate import LunarDate

        new_year = LunarDate.from_solar_date(2026, 2, 17)
        _require((new_year.year, new_year.month, new_year.day) == (2026, 1, 1),
                 f"2026-02-17 is lunar {new_year}, not the first day of the first month")
        return "2026-02-17 = 正月初一"

    def check_pinyin(self) -> str:
        from pypinyin import lazy_pinyin

        from lifecrm_gui.services.search import search

        first = search("", limit=1)
        _require(first, "the demo studio has no client to look for")
        name, client_id = first[0]["name"], first[0]["id"]
        spelled = "".join(lazy_pinyin(name)).lower()
        initials = "".join(s[0] for s in lazy_pinyin(name)).lower()
        for query in (spelled, initials):
            ids = [row["id"] for row in search(query, limit=500)]
            _require(client_id in ids, f"searching {query!r} does not find {name}")
        return f"{name} = {spelled} / {initials}"

    def check_application(self) -> str:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QApplication

        from lifecrm_gui.ui import i18n
        from lifecrm_gui.ui.style import apply_style

        QCoreApplication.setApplicationName(APP_NAME)
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        from PySide6.QtCore import QTimer

        self.watchdog = QTimer()
        self.watchdog.setInterval(200)
        self.watchdog.timeout.connect(self._close_dialogs)
        self.watchdog.start()
        apply_style(self.app)
        i18n.apply_font(self.app)
        return f"Qt {_qt_version()}, platform {self.app.platformName()}"

    def check_translation(self) -> str:
        # Loaded on its own, not installed: nothing else on screen changes language.
        from PySide6.QtCore import QTranslator

        from lifecrm_gui.ui import i18n

        translator = QTranslator()
        loaded = translator.load(i18n.QM_FILES["zh"], str(paths.resource_path("translations")))
        _require(loaded, "the Chinese translation (lifecrm_zh_CN.qm) does not load")
        shown = translator.translate("MainWindow", "Clients")
        _require(shown not in ("", "Clients"), "the Chinese translation loaded but translates nothing")
        return f"Clients = {shown}"

    def check_icons(self) -> str:
        from lifecrm_gui.ui.style import app_icon, icon

        found = icon("mdi6.account-group-outline")
        _require(not found.isNull() and not found.pixmap(24, 24).isNull(), "qtawesome's icon fonts do not load")
        _require(not app_icon().isNull(), "the application icon does not load")
        return "qtawesome and the app icon"

    def check_window(self) -> str:
        from lifecrm_gui.ui.context import AppContext
        from lifecrm_gui.ui.main_window import MainWindow

        self.window = MainWindow(AppContext(self.db_path, today=AS_OF))
        self.window.show()
        clients = self.window.clients
        _require(clients is not None, "the main window has no client list")
        self._wait(lambda: not clients.model.is_refreshing() and clients.model.total() > 0, "the client list to load")
        _require(clients.model.total() == self.clients,
                 f"the client list shows {clients.model.total()} clients, not {self.clients}")
        grabbed = self.window.grab()
        _require(not grabbed.isNull() and grabbed.width() > 0, "the main window cannot be painted")
        return f"{self.window.tabs.count()} tabs, {clients.model.total()} clients listed"

    def check_dashboard(self) -> str:
        import importlib

        importlib.import_module(self.window.specs["dashboard"].module)  # an import error says itself, no dialog
        page = self.window.page("dashboard")
        _require(page is not None, "the dashboard (matplotlib) cannot be built")
        return "matplotlib qtagg"

    def check_report(self) -> str:
        from lifecrm_gui.charts import print_font
        from lifecrm_gui.services.dashboard import default_filter
        from lifecrm_gui.services.report import write_report

        target = self.folder / "report.pdf"
        result = write_report(target, default_filter(AS_OF), lang="zh", today=AS_OF)
        data = target.read_bytes() if target.is_file() else b""
        _require(data[:5] == b"%PDF-", "the PDF report was not written")
        # the print font (charts.print_font) was cut from the Chinese font and used: fontTools works here
        _require(print_font.FAMILY.replace(" ", "").encode() in data, "the PDF report does not use the print font")
        return f"{result.pages} pages, {len(data) // 1024} KB"

    def check_backup(self) -> str:
        from lifecrm_gui.services.backup import backup, verify_backup

        target = backup(self.folder / "backup.sqlite3")
        verdict = verify_backup(target)
        _require(verdict == "ok", f"the backup does not pass its check: {verdict}")
        return f"{target.stat().st_size // 1024} KB, verified"

    def check_single_instance(self) -> str:
        from lifecrm_gui.single_instance import SingleInstance

        first, second = SingleInstance(self.db_path), SingleInstance(self.db_path)
        try:
            _require(first.claim(), "the single-instance lock cannot be taken")
            _require(first.server is not None, "the single-instance server cannot listen (QtNetwork)")
            _require(not second.claim(), "a second claim on the same database was not refused")
        finally:
            second.release()
            first.release()
        return "lock and local server"

    def _close_dialogs(self) -> None:
        """A dialog that appeared (an error shown to the person): note what it says, close it."""
        from PySide6.QtWidgets import QApplication, QMessageBox

        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        said = dialog.text() if isinstance(dialog, QMessageBox) else getattr(dialog, "details", "") or \
            dialog.windowTitle()
        self.dialogs.append(f"{type(dialog).__name__}: {str(said).strip()}")
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()

    def _wait(self, condition, what: str) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while not condition():
            _require(time.monotonic() < deadline, f"gave up waiting for {what} after {WINDOW_TIMEOUT_S} s")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    def checks(self):
        return [("resources", self.check_resources), ("database", self.check_database), ("demo", self.check_demo),
                ("recompute", self.check_recompute), ("phone numbers", self.check_phones),
                ("lunar calendar", self.check_lunar), ("pinyin search", self.check_pinyin),
                ("Qt", self.check_application), ("translation", self.check_translation),
                ("icons", self.check_icons), ("main window", self.check_window),
                ("dashboard", self.check_dashboard), ("PDF report", self.check_report),
                ("backup", self.check_backup), ("single instance", self.check_single_instance)]

    def close(self) -> None:
        from lifecrm_gui.services import backups
        from lifecrm_gui.store.db import close_database
        from lifecrm_gui.ui import workers

        if self.watchdog is not None:
            self.watchdog.stop()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.app is not None:
            workers.shutdown()
        backups.stop()
        close_database()


def _qt_version() -> str:
    try:
        from PySide6.QtCore import qVersion

        return qVersion()
    except ImportError:
        return "missing"


def run(emit=print, clients: int = DEMO_CLIENTS) -> int:
    """Run every check, reporting through `emit(line)`; 0 when all passed, else 1."""
    started = time.perf_counter()
    saved = {key: os.environ.get(key) for key in ("LIFECRM_HOME", "LIFECRM_DB")}
    emit(f"{APP_NAME} {__version__} self-test ({'bundle' if getattr(sys, 'frozen', False) else 'source'}, "
         f"Python {platform.python_version()}, {platform.system()} {platform.machine()})")
    with tempfile.TemporaryDirectory(prefix="lifecrm-self-test-") as folder:
        folder = Path(folder)
        os.environ["LIFECRM_HOME"] = str(folder / "home")
        os.environ.pop("LIFECRM_DB", None)
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        test = SelfTest(folder, clients)
        failed = None
        try:
            for name, check in test.checks():
                began = time.perf_counter()
                try:
                    detail = check()
                except CheckFailed as error:
                    failed = (name, str(error))
                except Exception as error:  # noqa: BLE001 - any error is the check's failure, reported
                    failed = (name, f"{type(error).__name__}: {error}")
                    emit(traceback.format_exc().rstrip())
                if test.dialogs and not failed:
                    failed = (name, "a dialog appeared: " + " | ".join(test.dialogs))
                if failed:
                    emit(f"  FAIL  {name}: {failed[1]}")
                    break
                emit(f"  ok    {name:<16} {detail} ({(time.perf_counter() - began) * 1000:.0f} ms)")
        finally:
            test.close()
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    seconds = time.perf_counter() - started
    if failed:
        emit(f"self-test FAILED at {failed[0]}: {failed[1]}")
        return 1
    emit(f"self-test passed: {len(test.checks())} checks in {seconds:.1f} s")
    return 0


def main() -> int:
    """For `--self-test`: report on stdout, or, where a windowed build has none, in the log folder."""
    if sys.stdout is not None:
        return run(lambda line: print(line, flush=True))
    target = paths.log_dir() / "self-test.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8") as handle:
        return run(lambda line: print(line, file=handle, flush=True))
