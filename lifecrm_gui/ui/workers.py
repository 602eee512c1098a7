"""Long work off the GUI thread: recompute, import, export, backup.

    run_task(fn, on_done, on_error, progress_dialog=...)

runs `fn(progress, should_cancel)` on a worker thread inside its own database
connection; `progress(done, total)` may be called from the worker (total 0 means
"busy, no count"), `should_cancel()` says whether the person pressed Cancel. The
callbacks run on the GUI thread. One worker thread serialises the writes, as the
database allows a single writer anyway.

Tests call `set_inline(True)` (or use `inline()`): every task then runs at once in
the calling thread, and its callbacks before run_task returns.
"""

import logging
import threading
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog
from shiboken6 import isValid

log = logging.getLogger(__name__)

_inline = False
_pools: dict[str, QThreadPool] = {}
_running: set["TaskHandle"] = set()


def set_inline(flag: bool) -> None:
    """Run every task synchronously in the calling thread (for tests)."""
    global _inline
    _inline = bool(flag)


@contextmanager
def inline():
    previous = _inline
    set_inline(True)
    try:
        yield
    finally:
        set_inline(previous)


def pool(kind: str = "write") -> QThreadPool:
    """The thread for writes (one at a time, as SQLite allows) or the one for reads
    (searches for the list), so a search never waits behind a recompute."""
    if kind not in _pools:
        created = QThreadPool()
        created.setMaxThreadCount(1)
        created.setObjectName(f"lifecrm-{kind}")
        _pools[kind] = created
    return _pools[kind]


def running() -> int:
    """How many tasks have not reported back yet."""
    return len(_running)


def shutdown(timeout_ms: int = 10_000) -> bool:
    """Ask every running task to stop and wait for the worker to finish; False on time-out."""
    for handle in list(_running):
        handle.cancel()
    return all(p.waitForDone(timeout_ms) for p in _pools.values())


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class TaskHandle(QObject):
    """One piece of background work: cancel it, or wait on its signals."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    errored = Signal(object)
    stopped = Signal()  # cancelled by the person
    ended = Signal()  # after any of the three above

    def __init__(self, fn, on_done=None, on_error=None, on_cancel=None, dialog: QProgressDialog | None = None,
                 queued: bool = True):
        super().__init__()
        self._fn = fn
        self._on_done, self._on_error, self._on_cancel = on_done, on_error, on_cancel
        self._flag = threading.Event()
        self.dialog = dialog
        self.finished = False
        self.result = None
        self.error: BaseException | None = None
        self.reported = False
        self._signals = _Signals()
        kind = Qt.ConnectionType.QueuedConnection if queued else Qt.ConnectionType.DirectConnection
        self._signals.progress.connect(self._progress, kind)
        self._signals.finished.connect(self._done, kind)
        self._signals.failed.connect(self._failed, kind)
        self._signals.cancelled.connect(self._cancelled, kind)
        if dialog is not None:
            dialog.canceled.connect(self.cancel)

    def _dialog(self) -> QProgressDialog | None:
        """The progress dialog, unless its window already closed and took it along."""
        return self.dialog if self.dialog is not None and isValid(self.dialog) else None

    def cancel(self) -> None:
        self._flag.set()
        if self._dialog() is not None and not self.finished:
            self.dialog.setLabelText(QCoreApplication.translate("Workers", "Cancelling…"))

    def is_cancelled(self) -> bool:
        return self._flag.is_set()

    def execute(self) -> None:
        """Run the work and send the outcome to the GUI thread."""
        self.reported = True
        if self.is_cancelled():  # cancelled while it waited for the thread
            self._emit(self._signals.cancelled)
            return
        try:
            result = self._fn(self._report, self.is_cancelled)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI
            if self.is_cancelled():
                self._emit(self._signals.cancelled)
            else:
                self._emit(self._signals.failed, error)
        else:
            if self.is_cancelled():
                self._emit(self._signals.cancelled)
            else:
                self._emit(self._signals.finished, result)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is closing and took the receiver with it
            log.debug("a task finished after its window closed")

    def _report(self, done, total) -> None:
        self._emit(self._signals.progress, int(done or 0), int(total or 0))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        if self._dialog() is not None and not self.finished:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total else 0)
        self.progressed.emit(done, total)

    def _close(self) -> None:
        self.finished = True
        _running.discard(self)
        if self._dialog() is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        self.dialog = None

    @Slot(object)
    def _done(self, result) -> None:
        self.result = result
        self._close()
        try:
            if self._on_done is not None:
                self._on_done(result)
        finally:
            self.succeeded.emit(result)
            self.ended.emit()

    @Slot(object)
    def _failed(self, error) -> None:
        self.error = error
        self._close()
        try:
            if self._on_error is not None:
                self._on_error(error)
            else:
                from .errors import show_error
                show_error(error)
        finally:
            self.errored.emit(error)
            self.ended.emit()

    @Slot()
    def _cancelled(self) -> None:
        self._close()
        try:
            if self._on_cancel is not None:
                self._on_cancel()
        finally:
            self.stopped.emit()
            self.ended.emit()


class _Runnable(QRunnable):
    def __init__(self, handle: TaskHandle):
        super().__init__()
        self.handle = handle

    def run(self) -> None:
        from lifecrm_gui.services.session import thread_connection

        try:
            with thread_connection():
                self.handle.execute()
        except BaseException as error:  # the connection itself failed to open or close
            log.exception("worker connection failed")
            if not self.handle.reported:
                self.handle.reported = True
                self.handle._signals.failed.emit(error)


def make_progress_dialog(label: str, parent=None, cancellable: bool = True) -> QProgressDialog:
    """A window-modal progress dialog that appears only if the work takes a while."""
    dialog = QProgressDialog(label, QCoreApplication.translate("Workers", "Cancel") if cancellable else "", 0, 0,
                             parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(360)
    dialog.setValue(0)
    return dialog


def run_task(fn, on_done=None, on_error=None, *, on_cancel=None, progress_dialog: QProgressDialog | None = None,
             read_only: bool = False, pool_name: str | None = None) -> TaskHandle:
    """Run `fn(progress, should_cancel)` in the background; see the module's docstring.
    Without `on_error`, an error is shown to the person (errors.show_error).
    `read_only` work (a search) runs on the reading thread; `pool_name` names another
    thread of its own (a slow read that searches should not wait behind)."""
    handle = TaskHandle(fn, on_done, on_error, on_cancel, progress_dialog, queued=not _inline)
    _running.add(handle)
    if _inline:
        handle.execute()
        return handle
    handle._runnable = _Runnable(handle)
    pool(pool_name or ("read" if read_only else "write")).start(handle._runnable)
    return handle
