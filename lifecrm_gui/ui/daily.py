"""Keeping stages current as days pass: a client turns dormant by time alone, so the
window re-derives the studio when it starts on a new day and, on a front-desk PC
left running overnight, when the date changes."""

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from lifecrm_gui.services.recompute import recompute
from lifecrm_gui.services.session import thread_connection
from lifecrm_gui.services.settings import get_setting

from . import workers

CHECK_EVERY_MS = 60 * 60 * 1000


class DailyRecompute(QObject):
    """Runs services.recompute.recompute(ctx.today()) on the write worker when the last
    whole-studio recompute was for an earlier day."""

    finished = Signal(object)  # the RecomputeResult

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._task = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now (call once the window has painted) and every hour after."""
        self.timer.start()
        self.check()

    def due(self) -> bool:
        last = get_setting("last_recompute")
        return last is None or date.fromisoformat(last) < self.ctx.today()

    def check(self) -> None:
        if self._task is not None or not self.due():
            return
        as_of = self.ctx.today()
        self.ctx.statusMessage.emit(self.tr("Bringing every client's stage up to date…"))

        def work(progress, should_cancel):
            with thread_connection():
                return recompute(as_of, progress=progress, should_cancel=should_cancel)

        self._task = workers.run_task(work, self._done, self._failed)

    def _done(self, result) -> None:
        self._task = None
        self.ctx.statusMessage.emit(self.tr("Stages brought up to date: %n client(s) moved stage.", "",
                                            result.moved))
        if result.changed:
            self.ctx.clientsChanged.emit([])
        self.finished.emit(result)

    def _failed(self, error) -> None:
        self._task = None
        from .errors import show_error

        show_error(error)
