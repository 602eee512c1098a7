"""Dashboard speed: first opening of the tab (matplotlib imported then), redraw after a
filter change, and the PDF report, beside the floor of the same SQL run with raw
sqlite3 in the same run.

    python bench/dashboard.py STUDIO.sqlite3 [YYYY-MM-DD] [--json]

Targets at 100,000 clients and 500,000 orders: first opening under 1.5 s, redraw under
500 ms, PDF report under 5 s. Run `lifecrm recompute --db STUDIO --as-of YYYY-MM-DD`
first for the date benched: the dashboard then reads the derivation recompute stored
(basis "stored") instead of applying the rules to every client (basis "evaluated").

First opening, three ways: `first_shown_seconds` is a click on the tab with nothing
read ahead; `hover_first_shown_seconds` a click HOVER_LEAD s after the pointer reached
the tab's button (ui.dashboard_prefetch starts reading the columns then);
`read_ahead_first_shown_seconds` a click once that read is done (the pointer rested
on the tab, or came back to it after the tab was opened before).

What a person waits for is `*_shown_seconds`: from the click (or the filter change)
until the charts in view show the new figures, painted. `*_all_charts_seconds` is
until the charts below the fold are drawn too (one per turn of the event loop, the
window responsive meanwhile). The 1-, 5- and 15-minute load averages are printed
before and after: the figures mean little on a busy machine; `*_cpu_seconds` (the
process's processor time, every thread) says how much work a figure took whatever the
load.
"""

import json
import os
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
db_path, as_of, warm = sys.argv[1], date.fromisoformat(sys.argv[2]), sys.argv[3] != "cold"
read_ahead, hover = sys.argv[3] == "read_ahead", sys.argv[3] == "hover"
open_database(db_path)
ctx = AppContext(db_path, today=as_of)
out, seen = {"qt_warmed_up": warm, "read_ahead": read_ahead}, {}
if read_ahead:
    # What the window's DashboardPrefetch has done by the time the tab is opened (a few
    # seconds after the start, on a worker): the columns are read and kept.
    from lifecrm_gui.services import dashboard

    out["read_ahead_seconds"] = -time.perf_counter()
    out["read_ahead_done"] = dashboard.prefetch(as_of)
    out["read_ahead_seconds"] += time.perf_counter()
loop = QEventLoop()
if warm:
    # What the window has loaded and painted before the tab is first opened: Qt's widgets,
    # styles and fonts, and qtawesome's icon font. Not matplotlib, nor numpy.
    import qtawesome
    from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QTabWidget, QToolButton, QWidget

    window = QTabWidget()
    page = QWidget()
    row = QHBoxLayout(page)
    button = QToolButton()
    button.setIcon(qtawesome.icon("fa5s.print"))
    for widget in (QLabel("LifeCRM"), QComboBox(), QDateEdit(), button):
        row.addWidget(widget)
    window.addTab(page, qtawesome.icon("mdi6.chart-box-outline"), "Clients")
    window.show()
    window.repaint()
    window.close()


def waiting_for(name):
    def arrived():
        seen[name] = time.perf_counter()
        seen[name + "_cpu"] = time.process_time()
        if name == "shown":  # what is in view, and whether each of those charts shows the new figures
            seen["in_view"] = {k: card.is_current(tab.dash, ctx.lang()) for k, card in tab.cards.items()
                               if card.in_view()}
        loop.quit()
    return arrived


def wait(name):
    # an event loop, not a busy loop of processEvents(): PySide6 6.12 on Python 3.11 loses a
    # reference to None on every processEvents() call
    if name not in seen:
        loop.exec()
    return seen.pop(name)  # `shown` comes once the charts in view are drawn and painted


if hover:
    # The pointer reaches the Dashboard tab's button (ui.dashboard_prefetch starts the
    # read on a worker) and the click follows HOVER_LEAD seconds later.
    import threading
    from lifecrm_gui.services import dashboard
    from lifecrm_gui.services.session import thread_connection

    def read_ahead_on_hover():
        with thread_connection():
            dashboard.prefetch(as_of)

    threading.Thread(target=read_ahead_on_hover, daemon=True).start()
    time.sleep(float(sys.argv[4]))
started, started_cpu = time.perf_counter(), time.process_time()
from lifecrm_gui.ui.dashboard_tab import DashboardTab  # light: matplotlib follows once the tab is shown
out["import_seconds"] = time.perf_counter() - started
tab = DashboardTab(ctx)
tab.shown.connect(waiting_for("shown"))
tab.redrawn.connect(waiting_for("redrawn"))
tab.resize(1366, 720)
tab.show()
tab.repaint()  # the tab's frame: filters and empty tiles, while the figures are computed
out["tab_painted_seconds"] = time.perf_counter() - started
out["first_shown_seconds"] = wait("shown") - started
out["first_shown_cpu_seconds"] = seen.pop("shown_cpu") - started_cpu  # all threads of the process
out["first_charts_in_view"] = seen["in_view"]  # chart -> drawn from the new figures
out["first_all_charts_seconds"] = wait("redrawn") - started
out["derive_seconds"] = tab.dash.timings["derive"]
out["figures_seconds"] = tab.dash.timings["total"]
out["basis"] = tab.dash.basis
for name, change in (("kind", lambda: tab.kind_box.setCurrentIndex(tab.kind_box.findData("individual"))),
                     ("source", lambda: tab.source_box.setCurrentIndex(tab.source_box.findData("social"))),
                     ("period", lambda: tab.first_edit.setDate(tab.first_edit.date().addMonths(3))),
                     ("needs", lambda: tab.needs_box.setCurrentIndex(tab.needs_box.findData("family")))):
    t0, t0_cpu = time.perf_counter(), time.process_time()
    change()
    tab.refresh()  # no debounce wait: the time a person waits after the pause
    out[f"redraw_{name}_shown_seconds"] = wait("shown") - t0
    out[f"redraw_{name}_shown_cpu_seconds"] = seen.pop("shown_cpu") - t0_cpu
    out.setdefault("redraw_charts_in_view_all_drawn", []).append(all(seen["in_view"].values()))
    out[f"redraw_{name}_figures_seconds"] = tab.dash.timings["total"]
    out[f"redraw_{name}_all_charts_seconds"] = wait("redrawn") - t0
tab.wait_for_workers()
tab.close()
tab.deleteLater()
app.processEvents()
print(json.dumps(out))
"""


HOVER_LEAD = 0.3  # seconds from the pointer on the tab's button to the click: a brisk hand


def _tab_figures(db_path: Path, as_of: date, mode: str = "warm") -> dict:
    """mode: "warm" (Qt has painted a window), "cold" (nothing painted yet), "read_ahead"
    (warm, the columns read ahead and kept) or "hover" (warm, the read ahead started
    HOVER_LEAD seconds before the click, as when the pointer passes over the tab)."""
    run = subprocess.run([sys.executable, "-c", _TAB_SCRIPT, str(db_path), as_of.isoformat(), mode,
                          str(HOVER_LEAD)], cwd=ROOT,
                         capture_output=True, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True)
    return json.loads(run.stdout.strip().splitlines()[-1])


def _cli_report(db_path: Path, flt, out: Path) -> float:
    """`lifecrm report` end to end, as the owner waits for it: a new process, imports and all."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import sys; from lifecrm_gui.cli import main; sys.exit(main())",
                    "report", "--db", str(db_path), "--from", flt.first.isoformat(), "--to", flt.last.isoformat(),
                    "--as-of", flt.as_of.isoformat(), "--lang", "zh", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def _recorded_statements(as_of: date) -> list[str]:
    """The SQL one build runs (parameters inlined), with the studio's columns not yet read."""
    from lifecrm_gui.services import dashboard
    from lifecrm_gui.store.models import database

    seen: list[str] = []
    dashboard.forget()
    conn = database.connection()
    conn.set_trace_callback(seen.append)
    try:
        # the studio's columns are read on two threads: record them on this one
        from lifecrm_gui.store import dashboard_queries

        dashboard_queries.order_columns()
        dashboard.build(dashboard.default_filter(as_of))
    finally:
        conn.set_trace_callback(None)
        dashboard.forget()
    return [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def _raw_floor(db_path: Path, statements) -> float:
    conn = sqlite3.connect(db_path)
    try:
        started = time.perf_counter()
        for sql in statements:
            conn.execute(sql).fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def measure(db_path, as_of: date) -> dict:
    """Named figures in seconds (and the studio's size)."""
    from lifecrm_gui.services import dashboard
    from lifecrm_gui.services.report import write_report
    from lifecrm_gui.services.settings import get_setting
    from lifecrm_gui.store.db import close_database, open_database

    db_path = Path(db_path)
    conn = sqlite3.connect(db_path)
    clients, orders = conn.execute("SELECT (SELECT COUNT(*) FROM client), (SELECT COUNT(*) FROM orders)").fetchone()
    conn.close()
    out = {"load_average_before": os.getloadavg(), "clients": clients, "orders": orders}
    out.update(_tab_figures(db_path, as_of))
    cold = _tab_figures(db_path, as_of, "cold")  # a fresh process in which nothing has painted yet
    out.update({f"cold_qt_{key}": cold[key] for key in ("tab_painted_seconds", "first_shown_seconds")})
    ahead = _tab_figures(db_path, as_of, "read_ahead")  # opened once the window has read the columns ahead
    out.update({f"read_ahead_{key}": ahead[key] for key in ("first_shown_seconds", "first_shown_cpu_seconds",
                                                            "first_all_charts_seconds", "figures_seconds")})
    out["read_ahead_done"] = ahead["read_ahead_done"]
    out["read_ahead_read_seconds"] = ahead["read_ahead_seconds"]
    hovered = _tab_figures(db_path, as_of, "hover")
    out.update({f"hover_{key}": hovered[key] for key in ("first_shown_seconds", "first_shown_cpu_seconds",
                                                         "first_all_charts_seconds")})

    open_database(db_path)
    try:
        out["last_recompute"] = get_setting("last_recompute")
        dashboard.forget()
        flt = dashboard.default_filter(as_of)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            result = write_report(Path(folder) / "report.pdf", flt, "zh")
            out["pdf_report_seconds"] = time.perf_counter() - started
            dash = dashboard.build(flt)  # the columns are kept: as the window's export does
            started = time.perf_counter()
            write_report(Path(folder) / "again.pdf", flt, "zh", dash=dash)
            out["pdf_report_from_shown_figures_seconds"] = time.perf_counter() - started
            out["pdf_pages"] = result.pages
            out["cli_report_seconds"] = _cli_report(db_path, flt, Path(folder) / "cli.pdf")
        statements = _recorded_statements(as_of)
        started = time.perf_counter()
        dashboard.build(flt)
        out["figures_cold_seconds"] = time.perf_counter() - started
        started = time.perf_counter()
        dashboard.build(flt)
        out["figures_kept_columns_seconds"] = time.perf_counter() - started
    finally:
        dashboard.forget()
        close_database()
    out["floor_sql_seconds"] = _raw_floor(db_path, statements)
    out["load_average_after"] = os.getloadavg()
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0])
    day = date.fromisoformat(args[1]) if len(args) > 1 else date.today()
    figures = measure(path, day)
    if "--json" in sys.argv:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:42} {value}")
