"""What the screen shows while the database opens: nothing when that is quick, a small
window saying so when it is not (the full check after an unclean close, an upgrade of
the schema after a new version): without it a studio's large file meant seconds with
nothing on screen, and a second double-click."""

import time as clock

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QVBoxLayout

from lifecrm_gui import APP_NAME

from .style import ACCENT, BORDER, MUTED, app_icon

SHOW_AFTER_SECONDS = 0.5
# The translations are chosen from the database's settings, not yet open: both languages.
WORDS = "正在打开客户数据库…\nOpening the studio database…"


class OpeningWindow(QFrame):
    def __init__(self):
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("openingWindow")
        self.setStyleSheet(f"QFrame#openingWindow {{ background: #ffffff; border: 1px solid {BORDER}; }}")
        picture = QLabel()
        picture.setPixmap(app_icon().pixmap(QSize(48, 48)))
        title = QLabel(APP_NAME)
        title.setStyleSheet(f"color: {ACCENT}; font-size: 18px; font-weight: 600;")
        words = QLabel(WORDS)
        words.setObjectName("openingWords")
        words.setStyleSheet(f"color: {MUTED};")
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(title)
        texts.addWidget(words)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(22, 18, 28, 18)
        layout.setSpacing(16)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts)


def wait_showing_opening(finished, show_after: float = SHOW_AFTER_SECONDS) -> bool:
    """Keep the screen alive until the opening has finished (finished(timeout) waits for
    it up to timeout seconds and says whether it has), showing OpeningWindow once it has
    taken longer than show_after seconds. Returns whether the window was shown."""
    app = QApplication.instance()
    started = clock.perf_counter()
    window = None
    while not finished(0.03):
        if window is None and clock.perf_counter() - started >= show_after:
            window = OpeningWindow()
            window.adjustSize()
            screen = app.primaryScreen()
            if screen is not None:
                window.move(screen.availableGeometry().center() - window.rect().center())
            window.show()
        app.processEvents()
    if window is not None:
        window.close()
        window.deleteLater()
    return window is not None
