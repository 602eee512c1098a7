"""Start the window: arguments -> paths -> logging -> crash hook -> QApplication ->
one window per database -> checked database -> translator -> warnings and recovery
-> main window; on the way out a backup, then the database is closed.

Heavy modules wait: matplotlib loads with the dashboard tab, pypinyin with the first
name written, so the window paints first.

LIFECRM_STARTUP_PROBE=FILE (for bench/startup.py): once the window has painted,
write the time to FILE as JSON and quit.
"""

import argparse
import json
import logging
import logging.handlers
import os
import sys
import time
from datetime import date
from pathlib import Path

from lifecrm_gui import APP_NAME, __version__, paths

log = logging.getLogger("lifecrm")
LOG_FILE = "lifecrm.log"


def parse_args(argv):
    """Our own options; everything else (-style, -platform, ...) is left for Qt."""
    parser = argparse.ArgumentParser(prog="lifecrm", add_help=False)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--as-of", type=date.fromisoformat, default=None)
    parser.add_argument("--expo", metavar="FAIR", nargs="?", const="", default=None,
                        help="open in expo mode (the fair's name, or none to be asked)")
    return parser.parse_known_args(argv)


def setup_logging(level=logging.INFO) -> Path | None:
    """A rotating log file in the user log folder; None when the folder cannot be written."""
    folder = paths.log_dir()
    root = logging.getLogger()
    root.setLevel(level)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_FILE, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
    except OSError as error:
        print(f"{APP_NAME}: cannot write the log in {folder}: {error}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return folder / LOG_FILE


# Set while the window shows a damaged database read-only: what a refused write says.
_read_only_message: str | None = None


def set_read_only_message(message: str | None) -> None:
    global _read_only_message
    _read_only_message = message


def store_message(error: BaseException) -> str | None:
    """The store's classification of database errors, for ui.errors (which may not import store/)."""
    import sqlite3

    from peewee import PeeweeException

    from lifecrm_gui.store.db import StoreError, classify

    if not isinstance(error, (sqlite3.Error, PeeweeException, StoreError)):
        return None
    try:
        found = classify(error)
    except Exception:  # noqa: BLE001 - classifying must never raise
        return None
    if found is not None and found.kind in ("readonly", "corrupt") and _read_only_message:
        return _read_only_message
    return str(found) if found is not None else None


def install_error_handling() -> None:
    from lifecrm_gui.ui import errors

    errors.add_classifier(store_message)
    errors.install_excepthook()


def _qt_message(mode, context, message) -> None:
    from PySide6.QtCore import QtMsgType

    level = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING}.get(mode, logging.ERROR)
    logging.getLogger("qt").log(level, message)


def fail_to_start(message: str) -> int:
    """Say why the window cannot open, in a message box when Qt can show one."""
    log.error("cannot start: %s", message)
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        app = QApplication.instance() or QApplication([sys.argv[0]])
        QMessageBox.critical(None, APP_NAME, message)
        del app
    except Exception as error:  # noqa: BLE001 - no display: the console message has been printed
        log.info("no message box: %s", error)
    return 2


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args, qt_args = parse_args(argv)
    db_path = Path(args.db or paths.default_database())
    setup_logging()
    log.info("%s %s starting on %s", APP_NAME, __version__, db_path)
    install_error_handling()

    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_qt_message)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QCoreApplication.setOrganizationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])

    from lifecrm_gui.single_instance import SingleInstance

    instance = SingleInstance(db_path)
    if not instance.claim():
        owner = instance.owner_pid()
        if instance.hand_off(argv):
            log.info("%s is open in process %s: handed over to its window", db_path, owner)
            return 0
        return fail_to_start(f"LifeCRM is already open on {db_path} (process {owner}) but does not answer. "
                             "Close that window, or end the process, and start again.")
    try:
        return run_window(app, args, db_path, instance)
    finally:
        instance.release()


def open_checked_database(db_path: Path):
    """recovery.open_checked, or the message to fail with."""
    from lifecrm_gui.services import recovery
    from lifecrm_gui.store.db import StoreError

    try:
        return recovery.open_checked(db_path), None
    except StoreError as error:
        return None, str(error)
    except OSError as error:
        return None, f"{db_path}: {error}"


def open_in_background(db_path: Path):
    """Start the checked open on a thread of its own and return the function that waits
    for its (opened, problem). The quick check reads the whole file (most of the start-up
    on a large database) inside SQLite, which lets go of the GIL: meanwhile the main
    thread loads the window's modules and icon fonts."""
    import threading

    from lifecrm_gui.services import recovery  # noqa: F401 - imported here, never on two threads at once

    outcome: dict = {}

    def work() -> None:
        try:
            opened, problem = open_checked_database(db_path)
            if opened is not None and opened[0] is not None:
                opened[0].close()  # this thread's connection; the window's thread opens its own
            outcome["value"] = (opened, problem)
        except BaseException as error:  # noqa: BLE001 - raised again on the main thread
            outcome["error"] = error

    thread = threading.Thread(target=work, name="lifecrm-open", daemon=True)
    thread.start()

    def wait(meanwhile=None):
        """meanwhile(finished): what the main thread does until the opening has finished
        (finished(timeout) waits for it up to timeout seconds and says whether it has)."""
        if meanwhile is not None:
            meanwhile(lambda timeout: (thread.join(timeout), not thread.is_alive())[1])
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    return wait


def choose_language(writable: bool) -> str:
    """The saved language (the system's when a damaged file cannot tell), installed."""
    from lifecrm_gui.ui import i18n

    try:
        lang = i18n.resolve(i18n.saved_choice())
    except Exception as error:  # noqa: BLE001 - a damaged file may not even have its settings
        log.warning("the language setting cannot be read: %s", error)
        lang = i18n.system_language()
    if writable:
        i18n.sync_language_setting(lang)
    i18n.install_translators(lang)
    return lang


def recover_if_damaged(db, report):
    """Offer the newest good backup when the check failed. Returns (db, report): the
    restored database, or the damaged one read-only when the offer was declined (or
    there was none); db is None when nothing can be opened, and report then the
    message to fail with."""
    from lifecrm_gui.ui import restore_dialog
    from lifecrm_gui.ui.errors import show_error

    try:
        offered = restore_dialog.offer_recovery(report)
    except Exception as error:  # noqa: BLE001 - shown; the damaged copy stays open read-only
        log.exception("the offered backup could not be restored")
        show_error(error)
        offered = None
    if offered is not None:
        return offered
    if db is None:
        return None, (f"{report.path} failed its check ({report.check}) and nothing in it can be read. It was kept "
                      f"at {report.moved_to}. Restore a backup with `lifecrm restore BACKUP`.")
    return db, report


def run_window(app, args, db_path: Path, instance) -> int:
    opened_when_checked = open_in_background(db_path)

    from lifecrm_gui.ui import i18n, restore_dialog
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.main_window import MainWindow
    from lifecrm_gui.ui.opening import wait_showing_opening
    from lifecrm_gui.ui.style import app_icon, apply_style, icon

    apply_style(app)
    i18n.apply_font(app)
    app.setWindowIcon(app_icon())
    icon("mdi6.account-plus")  # loads the icon fonts while the check runs
    opened, problem = opened_when_checked(wait_showing_opening)
    if problem is not None:
        return fail_to_start(problem)
    db, report = opened
    choose_language(report.writable)
    restore_dialog.warn_about_location(report)
    if report.status == "damaged":
        db, found = recover_if_damaged(db, report)
        if db is None:
            return fail_to_start(found)
        report = found
        if report.writable:
            choose_language(True)

    ctx = AppContext(db_path, today=args.as_of)
    window = MainWindow(ctx)
    window.readOnlyChanged.connect(
        lambda read_only: set_read_only_message(window.write_refused_message() if read_only else None))
    if not report.writable:
        window.set_read_only(report)
    instance.received.connect(lambda handed: hand_over(window, handed))
    probe = os.environ.get("LIFECRM_STARTUP_PROBE")
    if probe:
        watch_first_paint(window, Path(probe))  # before show(): the first paint may come during it
    window.show()
    from PySide6.QtCore import QTimer

    if report.writable:
        from lifecrm_gui.ui.daily import DailyRecompute

        daily = DailyRecompute(ctx, window)
        QTimer.singleShot(1000, daily.start)  # once the window has painted
    if args.expo is not None:
        QTimer.singleShot(0, lambda: window.open_expo(args.expo or None))
    code = app.exec()
    close_down()
    log.info("%s closed", APP_NAME)
    return code


def hand_over(window, argv) -> None:
    """Another launch on this database: bring the window forward, and do what it asked."""
    try:
        handed, _qt = parse_args(argv)
    except SystemExit:  # arguments argparse cannot read: still come forward
        handed = None
    if handed is not None and handed.expo is not None:
        window.open_expo(handed.expo or None)
    window.bring_forward()


def close_down() -> None:
    """After the window closed: a backup when anything changed, then the database closes
    (and the clean close is noted, so that the next start need not check the file)."""
    from lifecrm_gui.services import backups, clean_close
    from lifecrm_gui.services.session import database_path
    from lifecrm_gui.store.db import close_database

    path = database_path()
    try:
        outcome = backups.backup_on_close()
        if outcome is not None:
            log.info("backup on close: %s", outcome.path)
    except Exception:  # noqa: BLE001 - the data is safe in the database; the backup is logged as failed
        log.exception("the backup on close failed")
    finally:
        backups.stop()
        set_read_only_message(None)
        close_database()
        if path:
            clean_close.note_closed(Path(path))


def watch_first_paint(window, target: Path) -> None:
    """For bench/startup.py: once the window has painted, note the time and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not getattr(self, "seen", False):
                self.seen = True
                # The whole window is painted and flushed by the time the loop comes back.
                QTimer.singleShot(0, self.done)
            return False

        def done(self):
            heavy = sorted(m for m in ("matplotlib", "pypinyin", "numpy") if m in sys.modules)
            target.write_text(json.dumps({"painted_at": time.time(), "heavy": heavy}), encoding="utf-8")
            QApplication.instance().quit()

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)
