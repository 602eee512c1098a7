"""Reading the dashboard's columns ahead, when the pointer is on the Dashboard tab.

The first opening of the Dashboard tab imports matplotlib (about a second) and reads
every client and order as columns (half a second alone, more beside the import: on
two cores shared with other work they compete). The window's DashboardPrefetch
starts that read on a worker as soon as the pointer moves over the Dashboard tab's
button, so by the click it is done or well under way; services.dashboard keeps the
columns until data or settings change, when this forgets them.

Not at start-up, whatever the idle time: the columns and the read's transient buffers
take about 150 MB, and a read during typing in the search box slowed the keystrokes
(bench/gui_bench.py: keystroke p95 88 ms against 30 ms, peak memory 425 MB against
264 MB, with a read five seconds after the start). Only someone heading for the
dashboard pays for it.

This module is light on purpose (Qt's core only): services.dashboard and numpy are
imported on the worker.
"""

import logging
import sys

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, Signal

_DASHBOARD = "lifecrm_gui.services.dashboard"


class _Signals(QObject):
    done = Signal(bool)


class _Read(QRunnable):
    def __init__(self, as_of):
        super().__init__()
        self.as_of = as_of
        self.signals = _Signals()

    def run(self) -> None:
        from lifecrm_gui.services.session import thread_connection

        try:
            from lifecrm_gui.services import dashboard

            with thread_connection():
                read = dashboard.prefetch(self.as_of)
        except Exception:  # a read ahead that fails costs nothing: the tab reads when opened
            logging.getLogger(__name__).warning("the dashboard's read ahead failed", exc_info=True)
            read = False
        self.signals.done.emit(read)


class DashboardPrefetch(QObject):
    readAhead = Signal(bool)  # a read ahead finished: whether the columns are kept now

    def __init__(self, ctx, parent=None, tabs=None, page=None):
        """`tabs`: the window's QTabWidget, `page`: the dashboard's widget in it (the
        read starts when the pointer is over its tab); without them, call read_now()."""
        super().__init__(parent)
        self.ctx = ctx
        self.tabs, self.page = tabs, page
        self._running = False
        self._kept = False  # the last read ahead is kept (nothing changed since)
        self._changes = self._changes_at_read = 0
        self._task = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        ctx.clientsChanged.connect(self._forget)
        ctx.settingsChanged.connect(self._forget)
        if tabs is not None:
            tabs.tabBar().setMouseTracking(True)
            tabs.tabBar().installEventFilter(self)
            # a click (or a key) that opens the tab without a pointer passing over it first:
            # the read starts now rather than once the page is built and shown
            tabs.currentChanged.connect(self._on_tab)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.MouseMove and not (self._running or self._kept):
            bar = self.tabs.tabBar()
            if bar.tabAt(event.position().toPoint()) == self.tabs.indexOf(self.page) >= 0:
                self.read_now()
        return False

    def _on_tab(self, index: int) -> None:
        if index == self.tabs.indexOf(self.page) >= 0 and not (self._running or self._kept):
            self.read_now()

    def read_now(self) -> None:
        """Read the columns on the worker (at once when they are kept already)."""
        if self._running:
            return
        self._running = True
        self._changes_at_read = self._changes
        task = _Read(self.ctx.today())
        task.signals.done.connect(self._done)
        task.setAutoDelete(False)
        self._task = task  # kept until the next read: its signals must outlive the run
        self._pool.start(task)

    def _done(self, read: bool) -> None:
        self._running = False
        self._kept = read and self._changes == self._changes_at_read  # else forgotten meanwhile
        self.readAhead.emit(read)

    def _forget(self, *_args) -> None:
        self._kept = False
        self._changes += 1
        dashboard = sys.modules.get(_DASHBOARD)
        if dashboard is not None:  # nothing is kept before the module is loaded
            dashboard.forget()

    def is_reading(self) -> bool:
        return self._running

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)
