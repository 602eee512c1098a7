"""Start the window: arguments -> paths -> logging -> crash hook -> database ->
QApplication -> translator -> main window.

Heavy modules wait: matplotlib loads with the dashboard tab, pypinyin with the first
name written, so the window paints first.
"""

import argparse
import logging
import logging.handlers
import sys
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
    db_path = args.db or paths.default_database()
    setup_logging()
    log.info("%s %s starting on %s", APP_NAME, __version__, db_path)
    install_error_handling()

    from lifecrm_gui.store.db import StoreError, open_database

    try:
        open_database(db_path)
    except StoreError as error:
        return fail_to_start(str(error))
    except OSError as error:
        return fail_to_start(f"{db_path}: {error}")

    from PySide6.QtCore import QCoreApplication, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_qt_message)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QCoreApplication.setOrganizationName(APP_NAME)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])

    from lifecrm_gui.ui import i18n
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.style import app_icon, apply_style

    apply_style(app)
    i18n.apply_font(app)
    app.setWindowIcon(app_icon())
    ctx = AppContext(db_path, today=args.as_of)
    lang = i18n.resolve(i18n.saved_choice())
    i18n.sync_language_setting(lang)
    i18n.install_translators(lang)

    from lifecrm_gui.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    code = app.exec()
    from lifecrm_gui.store.db import close_database

    close_database()
    log.info("%s closed", APP_NAME)
    return code
