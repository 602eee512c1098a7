"""While the database opens: nothing on screen when it is quick, a window saying so when
it takes a while (the full check after an unclean close, a schema upgrade)."""

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from lifecrm_gui.ui.opening import OpeningWindow, wait_showing_opening


def _opening(done: threading.Event):
    thread = threading.Thread(target=done.wait, daemon=True)
    thread.start()
    return lambda timeout: (thread.join(timeout), not thread.is_alive())[1]


def test_a_quick_opening_shows_nothing(qapp):
    done = threading.Event()
    done.set()
    assert wait_showing_opening(_opening(done)) is False


def test_a_slow_opening_says_so_until_it_ends(qapp):
    done, seen = threading.Event(), []

    def look():
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, OpeningWindow) and w.isVisible()]
        if shown:
            seen.append(shown[0].findChild(QLabel, "openingWords").text())
            done.set()  # the opening ends once the window has been seen
        else:
            QTimer.singleShot(0, look)

    QTimer.singleShot(0, look)
    assert wait_showing_opening(_opening(done), show_after=0) is True
    assert seen and "Opening the studio database" in seen[0] and "正在打开" in seen[0]
    QApplication.processEvents()
    assert not any(isinstance(w, OpeningWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
