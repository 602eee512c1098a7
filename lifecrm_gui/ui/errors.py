"""What the window does with an error: a message when the person can act on it (bad
input, a busy or full or read-only database, a file that cannot be written), a
crash dialog with the details to copy and a log file for everything else.

The store's classification of SQLite errors is plugged in by the app at start-up
(`add_classifier`), since ui/ does not import store/.
"""

import errno
import logging
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThread, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit,
                               QPushButton, QVBoxLayout)

from lifecrm_gui import APP_NAME, __version__, paths

log = logging.getLogger("lifecrm")

_classifiers: list = []
_in_crash = False


def add_classifier(fn) -> None:
    """`fn(error)` returns a message a person can act on, or None when it does not know the error."""
    if fn not in _classifiers:
        _classifiers.append(fn)


def user_message(error: BaseException) -> str | None:
    """The message for an error a person can act on; None for a bug."""
    from lifecrm_gui.services.backup import BackupFailed
    from lifecrm_gui.services.errors import NotFound, ValidationError

    for classify in _classifiers:
        message = classify(error)
        if message:
            return message
    if isinstance(error, ValidationError):
        return QCoreApplication.translate("Errors", "Please check these fields:") + "\n" + str(error)
    if isinstance(error, NotFound):
        return str(error)
    if isinstance(error, BackupFailed):
        text = QCoreApplication.translate("Errors", "The backup failed and was not kept: %1")
        return text.replace("%1", str(error))
    if isinstance(error, PermissionError):
        text = QCoreApplication.translate("Errors", "LifeCRM may not use this file or folder: %1")
        return text.replace("%1", _filename(error))
    if isinstance(error, FileNotFoundError):
        text = QCoreApplication.translate("Errors", "This file or folder does not exist: %1")
        return text.replace("%1", _filename(error))
    if isinstance(error, IsADirectoryError):
        text = QCoreApplication.translate("Errors", "This is a folder, not a file: %1")
        return text.replace("%1", _filename(error))
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return QCoreApplication.translate("Errors", "The disk is full: free some space and try again.")
    if isinstance(error, OSError):
        return QCoreApplication.translate("Errors", "The file could not be used: %1").replace("%1", str(error))
    return None


def _filename(error: OSError) -> str:
    return str(error.filename or error)


def show_error(error: BaseException, parent=None, title: str | None = None) -> None:
    """Tell the person about an error: a message if they can act on it, else a crash report."""
    message = user_message(error)
    if message is None:
        report_crash(type(error), error, error.__traceback__, parent)
        return
    log.warning("shown to the user: %s", message)
    QMessageBox.warning(parent or _main_window(), title or APP_NAME, message)


def _main_window():
    app = QApplication.instance()
    return app.activeWindow() if app is not None else None


def crash_text(exc_type, exc, tb) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    return (f"{APP_NAME} {__version__}, Python {sys.version.split()[0]}, {datetime.now():%Y-%m-%d %H:%M:%S}\n\n"
            + "".join(lines))


def write_crash_file(text: str) -> Path | None:
    """The details in a file of their own in the log folder; None when it cannot be written."""
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.txt"
        target.write_text(text, encoding="utf-8")
        return target
    except OSError:
        log.exception("could not write the crash file")
        return None


class CrashDialog(QDialog):
    """Something went wrong that nobody could have acted on: say so, and hand over the details."""

    def __init__(self, details: str, crash_file: Path | None, parent=None):
        super().__init__(parent)
        self.details = details
        self.crash_file = crash_file
        self.setObjectName("crashDialog")
        self.setMinimumSize(560, 380)
        layout = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("dialogTitle")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.folder_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button.clicked.connect(self.open_log_folder)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.headline, self.explanation, self.text, self.buttons):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("LifeCRM ran into a problem"))
        self.headline.setText(self.tr("Something went wrong"))
        where = str(self.crash_file) if self.crash_file else str(paths.log_dir())
        self.explanation.setText(self.tr(
            "This was not caused by anything you did. Your saved data is safe. The details below were written "
            "to %1; please send them to whoever looks after LifeCRM.").replace("%1", where))
        self.copy_button.setText(self.tr("Copy details"))
        self.folder_button.setText(self.tr("Open log folder"))

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))


def report_crash(exc_type, exc, tb, parent=None) -> None:
    """Log an unexpected error with its traceback, keep the details in a file, and show them
    (on the GUI thread, when there is a GUI)."""
    global _in_crash
    text = crash_text(exc_type, exc, tb)
    log.critical("unexpected error", exc_info=(exc_type, exc, tb))
    crash_file = write_crash_file(text)
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread() or _in_crash:
        return
    _in_crash = True
    try:
        CrashDialog(text, crash_file, parent or _main_window()).exec()
    finally:
        _in_crash = False


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    message = user_message(exc) if exc is not None else None
    if message is not None and QApplication.instance() is not None \
            and QThread.currentThread() is QApplication.instance().thread():
        log.warning("uncaught but explained: %s", message)
        QMessageBox.warning(_main_window(), APP_NAME, message)
        return
    report_crash(exc_type, exc, tb)


def _thread_excepthook(args) -> None:
    if args.exc_type is SystemExit:
        return
    log.critical("unexpected error in thread %s", args.thread.name if args.thread else "?",
                 exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
    write_crash_file(crash_text(args.exc_type, args.exc_value, args.exc_traceback))


def install_excepthook() -> None:
    """Uncaught errors (in slots too: PySide6 passes them to sys.excepthook) get a dialog."""
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
