"""Start-up: from process start to a painted main window, in a fresh process each time.

    python bench/startup.py --db studio.sqlite3 [--runs 5]
    (or as part of bench/run.py: `measure(db_path, as_of)`)

Three figures, each the median of several runs after one warm-up run:
- floor: a bare QApplication showing a QLabel, painted (Python and Qt starting);
- source: the window from a checkout (lifecrm_gui.app.main, as `lifecrm --db ...`
  starts it, with --as-of);
- bundle: dist/LifeCRM/LifeCRM --db ..., when one has been built (pyinstaller
  build.spec), with the bundle's size in MB. The command line in front of the window
  does not take the window's --as-of, so the bundle judges by the clock's today.

And the other wait a person notices first: expo mode's Enter (save a visitor and clear
the form for the next), over 30 visitors, beside a bare INSERT of the same rows.

A run ends when the window has painted: the app writes the time to the file named
by LIFECRM_STARTUP_PROBE and quits (lifecrm_gui.app.watch_first_paint); the figure is
that time minus the moment just before the process was started. Runs use the
offscreen platform unless told otherwise, a copy of the database, and a home folder
of their own (settings, logs, backups).
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "LifeCRM"
RUNS = 5
TIMEOUT_S = 180

FLOOR = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.done)
        return False
    def done(self):
        with open(sys.argv[1], "w", encoding="utf-8") as handle:
            json.dump({"painted_at": time.time(), "heavy": []}, handle)
        app.quit()

app = QApplication([])
label = QLabel("LifeCRM")
label.resize(1280, 760)
probe = FirstPaint()
label.installEventFilter(probe)
label.show()
app.exec()
"""


EXPO = """
import json, os, sqlite3, statistics, sys, time
from datetime import date
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from lifecrm_gui.store.db import open_database
from lifecrm_gui.ui.context import AppContext
from lifecrm_gui.ui.expo_mode import ExpoWindow
db_path, day, visitors = Path(sys.argv[1]), date.fromisoformat(sys.argv[2]), int(sys.argv[3])
open_database(db_path)
window = ExpoWindow(AppContext(db_path, today=day), "Bench fair")
window.show()
app.processEvents()
saves = []
for n in range(visitors):
    window.name.setText(f"展会客户{n}")
    window.phone.setText(f"1990000{n:04d}")
    window.chips["wedding_portrait"].setChecked(True)
    window.budget.setText("12000")
    started = time.perf_counter()
    assert window.submit() is not None, window.status.text()
    app.processEvents()
    saves.append(time.perf_counter() - started)
conn = sqlite3.connect(db_path)
floor = []
for n in range(visitors):
    started = time.perf_counter()
    with conn:
        conn.execute("INSERT INTO client (uuid, name, phone, kind, styles, needs, notes, followers, engagement, "
                     "birthday_lunar, influence_relevant, annual_contract, consent, tier, influence, frequency, "
                     "order_count, spend, ltv_historical, ltv_projected, ltv_referral, ltv_total, created_at, "
                     "updated_at) VALUES (?, ?, ?, 'individual', '', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
                     "0, 0, 0, datetime('now'), datetime('now'))", (f"bench-{n}", f"floor{n}", f"+8619800{n:06d}"))
    floor.append(time.perf_counter() - started)
print(json.dumps({"median": statistics.median(saves), "max": max(saves), "floor": statistics.median(floor)}))
"""
EXPO_VISITORS = 30


def expo_saves(db: Path, as_of: date, env: dict) -> dict:
    """Expo mode's Enter on this database, in a process of its own."""
    done = subprocess.run([sys.executable, "-c", EXPO, str(db), as_of.isoformat(), str(EXPO_VISITORS)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode != 0:
        raise RuntimeError(f"expo saves failed: {done.stderr[-2000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return {"expo_save_ms": round(found["median"] * 1000, 1), "expo_save_max_ms": round(found["max"] * 1000, 1),
            "expo_save_floor_ms": round(found["floor"] * 1000, 2), "expo_save_visitors": EXPO_VISITORS}


def bundle_executable() -> Path | None:
    for name in ("LifeCRM", "LifeCRM.exe"):
        if (BUNDLE / name).is_file():
            return BUNDLE / name
    return None


def folder_mb(folder: Path) -> float:
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6, 1)


def one_run(command: list[str], env: dict, probe: Path) -> dict:
    """Start the command, wait for it to paint and quit; seconds from start to paint."""
    probe.unlink(missing_ok=True)
    started = time.time()
    done = subprocess.run(command, cwd=ROOT, env={**env, "LIFECRM_STARTUP_PROBE": str(probe)},
                          capture_output=True, text=True, timeout=TIMEOUT_S)
    if done.returncode != 0 or not probe.exists():
        raise RuntimeError(f"{command[0]} did not paint (exit {done.returncode}): {done.stderr[-2000:]}")
    found = json.loads(probe.read_text(encoding="utf-8"))
    return {"seconds": found["painted_at"] - started, "heavy": found.get("heavy", [])}


def series(command: list[str], env: dict, probe: Path, runs: int) -> dict:
    one_run(command, env, probe)  # warm-up: the files come into the page cache
    results = [one_run(command, env, probe) for _ in range(runs)]
    seconds = [r["seconds"] for r in results]
    return {"median_s": round(statistics.median(seconds), 3), "min_s": round(min(seconds), 3),
            "max_s": round(max(seconds), 3), "heavy": sorted({m for r in results for m in r["heavy"]})}


def measure(db_path, as_of: date, runs: int = RUNS, platform: str = "offscreen") -> dict:
    """The start-up figures for the database at `db_path`, judged as of `as_of`."""
    figures = {}
    with tempfile.TemporaryDirectory(prefix="lifecrm-startup-") as tmp:
        folder = Path(tmp)
        db = folder / "studio.sqlite3"
        shutil.copy2(db_path, db)  # the window may write (a setting, the backup on close): never to the original
        env = {**os.environ, "QT_QPA_PLATFORM": platform, "LIFECRM_HOME": str(folder / "home")}
        env.pop("LIFECRM_DB", None)
        probe = folder / "painted.json"
        arguments = ["--db", str(db)]
        window = "import sys; from lifecrm_gui.app import main; sys.exit(main(sys.argv[1:]))"

        floor = series([sys.executable, "-c", FLOOR, str(probe)], env, probe, runs)
        figures["startup_floor_s"] = floor["median_s"]
        source = series([sys.executable, "-c", window, *arguments, "--as-of", as_of.isoformat()], env, probe, runs)
        figures["startup_source_s"] = source["median_s"]
        figures["startup_source_min_s"] = source["min_s"]
        figures["startup_source_max_s"] = source["max_s"]
        figures["startup_heavy_modules_before_paint"] = source["heavy"]
        executable = bundle_executable()
        if executable is not None:
            figures["startup_bundle_mb"] = folder_mb(BUNDLE)
            bundle = series([str(executable), *arguments], env, probe, runs)
            figures["startup_bundle_s"] = bundle["median_s"]
            figures["startup_bundle_min_s"] = bundle["min_s"]
            figures["startup_bundle_max_s"] = bundle["max_s"]
        figures["startup_runs"] = runs
        figures["startup_platform"] = platform
        figures.update(expo_saves(db, as_of, env))
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="the database to open (default: a new one with a demo studio)")
    parser.add_argument("--clients", type=int, default=2000, help="demo clients when no --db is given")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 6, 30))
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--platform", default="offscreen", help="Qt platform: offscreen, xcb (with a display), ...")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db
        if db_path is None:
            sys.path.insert(0, str(ROOT))
            from lifecrm_gui.services.demo import generate_demo
            from lifecrm_gui.services.recompute import recompute
            from lifecrm_gui.store.db import close_database, open_database

            db_path = Path(tmp) / "demo.sqlite3"
            generate_demo(open_database(db_path), args.clients, seed=7, as_of=args.as_of)
            recompute(args.as_of)
            close_database()
        figures = measure(db_path, args.as_of, runs=args.runs, platform=args.platform)
    for key, value in figures.items():
        print(f"{key:40} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
