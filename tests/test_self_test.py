"""`lifecrm --self-test`: every check passes on a working installation and nothing of
the user's is touched; a broken installation fails at the check that found it,
with the reason, and a non-zero exit."""

import os
import subprocess
import sys
from pathlib import Path

from lifecrm_gui import paths, self_test

ROOT = Path(__file__).resolve().parents[1]


def test_self_test_passes_from_the_command_line(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIFECRM_HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "lifecrm_gui", "--self-test"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checked = [line.split()[1] for line in lines if line.startswith("  ok")]
    assert len(checked) == len(self_test.SelfTest(tmp_path).checks())
    for shown in ("main window", "pinyin search", "translation", "recompute", "PDF report", "single instance"):
        assert any(shown in line for line in lines if line.startswith("  ok")), shown
    assert f"{self_test.DEMO_CLIENTS} clients listed" in done.stdout
    assert lines[-1].startswith("self-test passed")
    # The user's folder got nothing: no database, no backup.
    assert not (home / "lifecrm.sqlite3").exists() and not (home / "backups").exists()


def test_a_missing_resource_fails_the_self_test_with_its_name(qapp, tmp_path, monkeypatch):
    empty = tmp_path / "bundle"
    empty.mkdir()
    monkeypatch.setattr(paths, "resource_path", lambda *parts: empty.joinpath("resources", *parts))
    lines = []
    assert self_test.run(lines.append) == 1
    assert any(line.startswith("  FAIL  resources: resources missing") for line in lines)
    assert "lifecrm_zh_CN.qm" in lines[-1] and lines[-1].startswith("self-test FAILED at resources")


def test_a_translation_that_does_not_load_fails_after_the_data_checks(qapp, monkeypatch):
    from lifecrm_gui.store.models import database
    from lifecrm_gui.ui import i18n

    monkeypatch.setitem(i18n.QM_FILES, "zh", "lifecrm_no_such_language")
    home = os.environ["LIFECRM_HOME"]
    lines = []
    assert self_test.run(lines.append, clients=20) == 1
    assert [line.split()[1] for line in lines if line.startswith("  ok")][:3] == ["resources", "database", "demo"]
    assert lines[-1] == "self-test FAILED at translation: the Chinese translation (lifecrm_zh_CN.qm) does not load"
    assert database.obj is None or database.obj.is_closed()  # the temporary database was closed
    assert os.environ["LIFECRM_HOME"] == home  # the user's home is back


def test_a_dialog_that_appears_fails_the_check_instead_of_waiting(qapp, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    def check_that_asks(self):
        box = QMessageBox(QMessageBox.Icon.Warning, "LifeCRM", "Something needs a person")
        box.exec()
        return "answered"

    monkeypatch.setattr(self_test.SelfTest, "checks", lambda self: [
        ("Qt", self.check_application), ("asking", lambda: check_that_asks(self))])
    lines = []
    assert self_test.run(lines.append) == 1
    assert lines[-1] == "self-test FAILED at asking: a dialog appeared: QMessageBox: Something needs a person"
