"""Dashboard speed: first opening of the tab (matplotlib imported then), redraw after a
filter change, and the PDF report, each beside the floor of the same aggregates run
with raw sqlite3 in the same run.

    python bench/dashboard.py STUDIO.sqlite3 [YYYY-MM-DD]

Targets at 100,000 clients and 500,000 orders: first opening under 1.5 s, redraw under
500 ms, PDF report under 5 s.
"""

import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Runs in a fresh process, so that the matplotlib import is part of the first opening.
_TAB_SCRIPT = r"""
import json, sys, time
from datetime import date
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from lifecrm_gui.store.db import open_database
from lifecrm_gui.ui.context import AppContext

app = QApplication([])
db_path, as_of = sys.argv[1], date.fromisoformat(sys.argv[2])
open_database(db_path)
ctx = AppContext(db_path, today=as_of)
out, done = {}, []
loop = QEventLoop()
started = time.perf_counter()
from lifecrm_gui.ui.dashboard_tab import DashboardTab  # imports matplotlib
out["import_seconds"] = time.perf_counter() - started
tab = DashboardTab(ctx)
tab.redrawn.connect(lambda: (done.append(time.perf_counter()), loop.quit()))
tab.resize(1366, 720)
tab.show()
app.processEvents()
out["tab_painted_seconds"] = time.perf_counter() - started


def wait():
    # an event loop, not a busy loop of processEvents(): PySide6 6.12 on Python 3.11 loses a
    # reference to None on every processEvents() call
    if not done:
        loop.exec()
    done.clear()
    app.processEvents()  # paint the visible charts
    return time.perf_counter()


out["first_charts_seconds"] = wait() - started
out["derive_seconds"] = tab.dash.timings["derive"]
for name, change in (("kind", lambda: tab.kind_box.setCurrentIndex(tab.kind_box.findData("individual"))),
                     ("source", lambda: tab.source_box.setCurrentIndex(tab.source_box.findData("social"))),
                     ("period", lambda: tab.first_edit.setDate(tab.first_edit.date().addMonths(3)))):
    t0 = time.perf_counter()
    change()
    tab.refresh()  # no debounce wait: the time a person waits after the pause
    out[f"redraw_{name}_seconds"] = wait() - t0
    out[f"redraw_{name}_figures_seconds"] = tab.dash.timings["total"]
tab.wait_for_workers()
tab.close()
tab.deleteLater()
app.processEvents()
print(json.dumps(out))
"""


def _tab_figures(db_path: Path, as_of: date) -> dict:
    run = subprocess.run([sys.executable, "-c", _TAB_SCRIPT, str(db_path), as_of.isoformat()], cwd=ROOT,
                         capture_output=True, text=True, env={**__import__("os").environ,
                                                              "QT_QPA_PLATFORM": "offscreen"}, check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def _recorded_statements(db_path: Path, as_of: date) -> list[tuple[str, list]]:
    """The SQL the dashboard runs for one build, as (statement, parameters)."""
    from lifecrm_gui.services import dashboard
    from lifecrm_gui.store import dashboard_queries

    seen = []
    original = dashboard_queries._rows

    def recording(sql, params):
        seen.append((sql, list(params)))
        return original(sql, params)

    dashboard_queries._rows = recording
    try:
        dashboard.build(dashboard.default_filter(as_of))
    finally:
        dashboard_queries._rows = original
    return seen


def _raw_floor(db_path: Path, statements) -> float:
    conn = sqlite3.connect(db_path)
    try:
        started = time.perf_counter()
        for sql, params in statements:
            conn.execute(sql, params).fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def _raw_derive_floor(db_path: Path, as_of: date) -> float:
    """The reads behind the as-of derivation (one pass over clients, orders and activity)."""
    conn = sqlite3.connect(db_path)
    day = as_of.isoformat()
    try:
        started = time.perf_counter()
        conn.execute("SELECT * FROM client WHERE deleted_at IS NULL").fetchall()
        conn.execute("SELECT client_id, COUNT(*), TOTAL(paid), MIN(ordered_on), MAX(ordered_on) FROM orders "
                     "WHERE status != 'cancelled' AND ordered_on <= ? GROUP BY client_id", (day,)).fetchall()
        conn.execute("SELECT client_id, MAX(occurred_at), AVG(satisfaction) FROM event WHERE is_activity = 1 "
                     "AND occurred_at <= ? GROUP BY client_id", (day + " 99",)).fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def measure(db_path, as_of: date) -> dict:
    """Named figures in seconds (and the studio's size)."""
    from lifecrm_gui.services import dashboard
    from lifecrm_gui.services.report import write_report
    from lifecrm_gui.store.db import close_database, open_database

    db_path = Path(db_path)
    conn = sqlite3.connect(db_path)
    clients, orders = conn.execute("SELECT (SELECT COUNT(*) FROM client), (SELECT COUNT(*) FROM orders)").fetchone()
    conn.close()
    out = {"clients": clients, "orders": orders}
    out.update(_tab_figures(db_path, as_of))

    open_database(db_path)
    try:
        dashboard.forget()
        flt = dashboard.default_filter(as_of)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            result = write_report(Path(folder) / "report.pdf", flt, "zh")
            out["pdf_report_seconds"] = time.perf_counter() - started
            dash = dashboard.build(flt)  # the derivation is kept: as the window's export does
            started = time.perf_counter()
            write_report(Path(folder) / "again.pdf", flt, "zh", dash=dash)
            out["pdf_report_from_shown_figures_seconds"] = time.perf_counter() - started
            out["pdf_pages"] = result.pages
        statements = _recorded_statements(db_path, as_of)
        started = time.perf_counter()
        dashboard.build(flt)
        out["figures_cached_derivation_seconds"] = time.perf_counter() - started
    finally:
        dashboard.forget()
        close_database()
    out["floor_sql_aggregates_seconds"] = _raw_floor(db_path, statements)
    out["floor_derive_reads_seconds"] = _raw_derive_floor(db_path, as_of)
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    path = Path(sys.argv[1])
    day = date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else date.today()
    for key, value in measure(path, day).items():
        print(f"{key:42} {value}")
