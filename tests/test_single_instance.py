"""One window per database: a second launch hands its arguments to the running
window, which comes forward; a lock left by a killed process does not block the
next start; another database opens beside it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lifecrm_gui.single_instance import SingleInstance, instance_key, lock_path

ROOT = Path(__file__).resolve().parents[1]
WAIT_MS = 60_000
# Qt's offscreen platform cannot stack windows; it says so whenever one is raised.
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support raise"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

# A process that takes the database's lock and then waits to be killed.
HOLDER = """
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from lifecrm_gui.single_instance import SingleInstance
instance = SingleInstance(sys.argv[1])
print("claimed" if instance.claim() else "refused", flush=True)
sys.stdin.read()
"""


def child_env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


@pytest.fixture
def claimed():
    """Instances made by a test, released afterwards."""
    made = []

    def claim(path):
        instance = SingleInstance(path)
        made.append(instance)
        return instance, instance.claim()

    yield claim
    for instance in made:
        instance.release()


def test_the_key_is_the_file_not_its_spelling(tmp_path, monkeypatch):
    db = tmp_path / "studio.sqlite3"
    db.touch()
    link = tmp_path / "link.sqlite3"
    link.symlink_to(db)
    monkeypatch.chdir(tmp_path)
    assert instance_key(db) == instance_key("studio.sqlite3") == instance_key(link) \
        == instance_key(tmp_path / "sub" / ".." / "studio.sqlite3")
    assert instance_key(db) != instance_key(tmp_path / "other.sqlite3")


def test_a_second_claim_on_the_same_database_is_refused_until_released(qapp, tmp_path, claimed):
    db = tmp_path / "studio.sqlite3"
    first, taken = claimed(db)
    assert taken and first.server is not None and first.server.isListening()
    second, again = claimed(db)
    assert not again
    assert second.owner_pid() == os.getpid()
    other, beside = claimed(tmp_path / "another.sqlite3")
    assert beside  # another database opens side by side
    first.release()
    third, taken_over = claimed(db)
    assert taken_over


def test_a_second_launch_brings_the_running_window_forward(db, db_path, qtbot, claimed):
    from lifecrm_gui.app import hand_over
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.main_window import MainWindow
    from tests.conftest import AS_OF
    from tests.ui.conftest import stand_in_pages

    instance, taken = claimed(db_path)
    assert taken
    window = MainWindow(AppContext(db_path, today=AS_OF), pages=stand_in_pages())
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    assert window.isMinimized()
    handed = []
    instance.received.connect(handed.append)
    instance.received.connect(lambda argv: hand_over(window, argv))
    with qtbot.waitSignal(window.broughtForward, timeout=WAIT_MS):
        second = subprocess.Popen([sys.executable, "-m", "lifecrm_gui", "--db", str(db_path)], cwd=ROOT,
                                  env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _out, err = second.communicate(timeout=WAIT_MS / 1000)
    assert second.returncode == 0, err
    assert handed == [["--db", str(db_path)]]
    assert not window.isMinimized() and window.isVisible()
    assert window.expo_window is None


def test_lifecrm_expo_on_an_open_database_switches_the_window_to_expo_mode(db, db_path, qtbot, claimed):
    from lifecrm_gui.app import hand_over
    from lifecrm_gui.services.expo import fair_name
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.main_window import MainWindow
    from tests.conftest import AS_OF
    from tests.ui.conftest import stand_in_pages

    instance, taken = claimed(db_path)
    assert taken
    window = MainWindow(AppContext(db_path, today=AS_OF), pages=stand_in_pages())
    qtbot.addWidget(window)
    window.show()
    instance.received.connect(lambda argv: hand_over(window, argv))
    with qtbot.waitSignal(window.broughtForward, timeout=WAIT_MS):
        second = subprocess.Popen([sys.executable, "-m", "lifecrm_gui", "expo", "--db", str(db_path), "--fair",
                                   "春季婚博会"], cwd=ROOT, env=child_env(), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
    _out, err = second.communicate(timeout=WAIT_MS / 1000)
    assert second.returncode == 0, err
    expo = window.expo_window
    assert window.expo_open() and expo.fair == "春季婚博会"
    assert fair_name() == "春季婚博会"
    expo.leave(ask=False)


def test_a_lock_left_by_a_killed_process_does_not_block(qapp, tmp_path, claimed):
    db = tmp_path / "studio.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, env=child_env(),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "claimed"
        blocked, taken = claimed(db)
        assert not taken and blocked.owner_pid() == holder.pid
    finally:
        holder.kill()  # SIGKILL: no clean-up runs
        holder.wait(timeout=30)
    assert lock_path(db).exists()  # the dead process's lock is still there...
    instance, taken = claimed(db)
    assert taken  # ...and does not block
    assert instance.server is not None and instance.server.isListening()


def test_after_a_killed_window_the_app_starts_and_paints(tmp_path):
    db = tmp_path / "studio.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=ROOT, env=child_env(),
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "claimed"
    finally:
        holder.kill()
        holder.wait(timeout=30)
    probe = tmp_path / "painted.json"
    started = subprocess.run([sys.executable, "-m", "lifecrm_gui", "--db", str(db)], cwd=ROOT,
                             env={**child_env(), "LIFECRM_STARTUP_PROBE": str(probe)}, capture_output=True,
                             text=True, timeout=WAIT_MS / 1000)
    assert started.returncode == 0, started.stderr
    assert json.loads(probe.read_text(encoding="utf-8"))["painted_at"] > 0
