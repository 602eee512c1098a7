"""The Qt binding itself: PySide6 6.12.0 dropped a reference to None on every call
returning nothing, so a window aborted after a few thousand calls."""

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        label.setText("张伟")
    assert sys.getrefcount(None) >= before
