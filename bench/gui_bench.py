"""Window speed at 100,000 clients: start-up to the painted client list, keystroke to
the repainted filtered list, sorting by a column, and memory, each beside a floor
measured in the same run (a bare Qt table, or the very same SQL replayed on a raw
sqlite3 connection).

    python bench/gui_bench.py STUDIO.sqlite3 [YYYY-MM-DD] [--runs 5]

`measure(db_path, as_of)` returns the figures (seconds for start-up, milliseconds
for the rest, MB for memory). Every Qt measurement runs in a fresh child process
(offscreen, its own user folders), so the figures do not carry this process's
memory or state. Targets on a 2-core machine: the list painted within 1 s of the
process start, keystroke p95 under 50 ms, a sort under 150 ms, under 300 MB.

What is timed:
- start-up: from just before the child process is spawned to the end of the first
  paint of the client table's viewport showing rows, the window built by
  lifecrm_gui.app.main (its checks and every eager tab included) with the Clients
  tab made current as the window is shown, after a clean close (the file is then
  not read through by the quick check; `_checked_` is a start that checks it).
  Floor: a bare QApplication and QTableView over a trivial 100,000-row model, painted.
- keystroke: the query is typed into the real search box (keys with QTest,
  Chinese as an input method's commit, as a pinyin IME sends it); the clock runs
  from the last keystroke to the end of the viewport paint that follows the model's
  reset. The search starts on the keystroke itself (no pause for typing); the
  `_after_pause` figures start when the filter is emitted. Typing starts once the
  search index is built (gui_search_index_ready_after_paint_s after the first paint,
  on its own thread; until then the box searches through SQL, bench/run.py's
  search_sql figures). Floor: the SQL the
  window ran for that keystroke (captured with a trace callback), replayed on a
  warm raw sqlite3 connection.
- sort: a click on the column's header, to the end of the repaint; the whole list
  (empty search). Floor: the same SQL replayed raw.
- scroll: Page Down on the table, to the end of the repaint (rows read lazily).
- memory: peak RSS of the start-up child and of the session child after typing,
  sorting and scrolling through the list (VmHWM; getrusage where /proc is missing).
"""

import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RUNS = 5  # start-up children of each kind
KEY_REPEATS = 6  # each query of the mix
SORT_REPEATS = 3  # each column, both directions
SCROLL_PAGES = 25
# A surname, a full name, pinyin initials, four phone digits, a tag.
QUERY_MIX = ("王", "张伟", "zw", "1234", "vip")
SORT_COLUMNS = ("name", "spend", "ltv_total", "last_activity_on")
WINDOW_SIZE = (1280, 760)
WAIT_SECONDS = 30
CHILD_TIMEOUT = {"startup": 90, "close": 120, "floor": 60, "session": 900}


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB. On Linux, getrusage's ru_maxrss keeps
    the parent's peak across fork and exec (a child of bench/run.py, big from making the
    demo, would report the parent's size), so the peak of this process image (VmHWM)
    is read where /proc has it."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _load() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


# --- the parent: children and their figures ---------------------------------------------

def _child_env(home: Path) -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["LIFECRM_HOME"] = str(home)
    env.pop("LIFECRM_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(ROOT), env.get("PYTHONPATH"))))
    return env


def _run_child(mode: str, db_path, as_of: date, home: Path) -> dict:
    """Spawn `python gui_bench.py --child mode ...`; its JSON line, with `spawned` (time.time())."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(db_path), as_of.isoformat()]
    spawned = time.time()
    try:
        done = subprocess.run(command, check=False, env=_child_env(home), capture_output=True, text=True,
                              timeout=CHILD_TIMEOUT[mode])
    except subprocess.TimeoutExpired as error:  # a modal dialog (a crash report) waits for no one
        logs = sorted((home / "logs").glob("*"), key=lambda p: p.stat().st_mtime)
        tail = logs[-1].read_text(encoding="utf-8", errors="replace")[-3000:] if logs else ""
        raise RuntimeError(f"gui bench child {mode} did not finish:\n{tail}") from error
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"gui bench child {mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(lines[-1])
    result["spawned"] = spawned
    return result


def measure(db_path, as_of: date, runs: int = RUNS) -> dict:
    figures = {"gui_load_before": _load()}
    with tempfile.TemporaryDirectory(prefix="lifecrm-gui-bench-") as tmp:
        home = Path(tmp)
        try:
            _measure_startup(db_path, as_of, home, runs, figures)
        except RuntimeError as error:  # the other figures (and other areas' benches) still count
            figures["gui_startup_error"] = str(error)
        try:
            session = _run_child("session", db_path, as_of, home)
            figures.update(session["figures"])
        except RuntimeError as error:
            figures["gui_session_error"] = str(error)
    figures["gui_load_after"] = _load()
    return figures


def _measure_startup(db_path, as_of: date, home: Path, runs: int, figures: dict) -> None:
    """Fresh children of the window and of the bare Qt floor, taking turns."""
    # Warm the OS file cache the way a second start of the day finds it: the first start
    # checks the whole file; the figure that counts follows a clean close, as most starts do.
    checked = _run_child("startup", db_path, as_of, home)
    figures["gui_startup_checked_list_painted_s"] = round(checked["list_painted"] - checked["spawned"], 3)
    _run_child("close", db_path, as_of, home)
    started, floors, first_paints, rss = [], [], [], []
    for _ in range(runs):
        app = _run_child("startup", db_path, as_of, home)
        started.append(app["list_painted"] - app["spawned"])
        first_paints.append(app["first_paint"] - app["spawned"])
        rss.append(app["peak_rss_mb"])
        floor = _run_child("floor", db_path, as_of, home)
        floors.append(floor["list_painted"] - floor["spawned"])
        figures["gui_startup_rss_floor_mb"] = floor["peak_rss_mb"]
    figures["gui_startup_list_painted_s"] = round(statistics.median(started), 3)
    figures["gui_startup_list_painted_s_runs"] = [round(s, 3) for s in started]
    figures["gui_startup_first_viewport_paint_s"] = round(statistics.median(first_paints), 3)
    figures["gui_startup_floor_s"] = round(statistics.median(floors), 3)
    figures["gui_startup_rss_mb"] = statistics.median(rss)
    figures["gui_startup_imports_before_paint"] = app["heavy_modules"]
    figures["gui_startup_empty_state_flashed"] = app["empty_state_painted"] is not None
    figures["gui_load_after_startup"] = _load()


# --- the children -------------------------------------------------------------------------

def _paint_probe():
    """A QObject that watches the client table's viewport (and the empty-state label)
    and says when a paint has ended: after the model's next reset when armed with
    `reset=True`, or any paint otherwise."""
    from PySide6.QtCore import QEvent, QObject, QTimer, Signal

    class PaintProbe(QObject):
        painted = Signal()

        def __init__(self, page):
            super().__init__()
            self.page = page
            self.armed = False
            self.want_reset = False
            self.reset_seen = False
            self.ended = None
            self.first_paint = None
            self.empty_painted = None  # the empty-state text ("No clients yet") was shown
            page.model.modelReset.connect(self._reset)
            page.table.viewport().installEventFilter(self)
            page.empty_label.installEventFilter(self)

        def _reset(self):
            self.reset_seen = True

        def arm(self, reset=True):
            self.armed, self.want_reset, self.reset_seen, self.ended = True, reset, False, None

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                if self.first_paint is None and watched is self.page.table.viewport():
                    self.first_paint = time.time()
                if self.empty_painted is None and watched is self.page.empty_label:
                    self.empty_painted = time.time()
                if self.armed and (self.reset_seen or not self.want_reset):
                    self.armed = False
                    QTimer.singleShot(0, self._end)  # runs once this paint is over
            return False

        def _end(self):
            self.ended = time.perf_counter()
            self.painted.emit()

        def wait(self, seconds=WAIT_SECONDS) -> float:
            from PySide6.QtCore import QEventLoop

            if self.ended is None:
                loop = QEventLoop()
                self.painted.connect(loop.quit)
                QTimer.singleShot(int(seconds * 1000), loop.quit)
                loop.exec()
                self.painted.disconnect(loop.quit)
            if self.ended is None:
                raise RuntimeError("the client list did not repaint in time")
            return self.ended

    return PaintProbe


HEAVY = ("matplotlib", "pypinyin", "numpy")


def _child_startup(db_path: str, as_of: str) -> None:
    """lifecrm_gui.app.main on the database, the Clients tab current; prints the times
    of the first viewport paint and of the end of the first paint with rows."""
    from lifecrm_gui import app as app_module
    from lifecrm_gui.ui import main_window

    marks = {}
    claimed = []
    original_show = main_window.MainWindow.show
    try:
        from lifecrm_gui import single_instance
    except ImportError:
        single_instance = None
    if single_instance is not None:  # one window per database: let the next child claim it
        original_claim = single_instance.SingleInstance.claim

        def claim(instance):
            claimed.append(instance)
            return original_claim(instance)

        single_instance.SingleInstance.claim = claim

    def show(window):
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        window.show_page("clients")
        probe = _paint_probe()(window.clients)
        window._bench_probe = probe
        probe.arm(reset=True)

        def finish():
            marks["list_painted"] = time.time()
            marks["first_paint"] = probe.first_paint
            marks["empty_state_painted"] = probe.empty_painted
            marks["rows"] = window.clients.model.rowCount()
            marks["heavy_modules"] = sorted(m for m in HEAVY if m in sys.modules)
            marks["peak_rss_mb"] = _peak_rss_mb()
            print(json.dumps(marks), flush=True)
            for instance in claimed:
                instance.release()
            # Out at once: closing would run the window's shutdown (and a backup on close),
            # which is not what is measured here. The database was only read.
            os._exit(0)

        probe.painted.connect(finish)
        QTimer.singleShot(WAIT_SECONDS * 1000, QApplication.quit)
        original_show(window)

    main_window.MainWindow.show = show
    code = app_module.main(["--db", db_path, "--as-of", as_of])
    raise SystemExit(f"the window did not paint its client list (exit {code})")


def _child_close(db_path: str, as_of: str) -> None:
    """lifecrm_gui.app.main on the database, closed as soon as it has painted: a clean
    close, as the person's last session of the day ends."""
    from lifecrm_gui import app as app_module
    from lifecrm_gui.ui import main_window

    original_show = main_window.MainWindow.show

    def show(window):
        from PySide6.QtCore import QTimer

        original_show(window)
        QTimer.singleShot(0, window.close)

    main_window.MainWindow.show = show
    code = app_module.main(["--db", db_path, "--as-of", as_of])
    print(json.dumps({"closed": code}), flush=True)


def _child_floor(_db_path: str, _as_of: str) -> None:
    """A bare QApplication and QTableView over a trivial 100,000-row model."""
    from PySide6.QtCore import QAbstractTableModel, QEvent, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QTableView

    class Trivial(QAbstractTableModel):
        def rowCount(self, parent=None):
            return 100_000

        def columnCount(self, parent=None):
            return 10

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            return f"{index.row()}·{index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

    marks = {}

    class Watch(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not marks:
                marks["first_paint"] = time.time()
                QTimer.singleShot(0, self.finish)
            return False

        def finish(self):
            marks["list_painted"] = time.time()
            QApplication.quit()

    app = QApplication([sys.argv[0]])
    view = QTableView()
    model = Trivial()
    view.setModel(model)
    view.resize(*WINDOW_SIZE)
    watch = Watch()
    view.viewport().installEventFilter(watch)
    view.show()
    app.exec()
    marks["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(marks))


class _SqlLog:
    """Every statement run on the database's connections (any thread, any connection
    opened from now on), with its time."""

    SKIP = ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")

    def __init__(self):
        from peewee import SqliteDatabase

        self.lock = threading.Lock()
        self.entries: list[tuple[float, str]] = []
        hooks = SqliteDatabase._add_conn_hooks
        record = self._record

        def add_hooks(database, conn):
            hooks(database, conn)
            conn.set_trace_callback(record)

        SqliteDatabase._add_conn_hooks = add_hooks

    def _record(self, sql: str) -> None:
        with self.lock:
            self.entries.append((time.perf_counter(), sql))

    def since(self, started: float) -> list[str]:
        with self.lock:
            return [sql for at, sql in self.entries
                    if at >= started and not sql.lstrip().upper().startswith(self.SKIP)]


def _raw_connection(db_path):
    from lifecrm_gui.store.db import PRAGMAS

    conn = sqlite3.connect(db_path)
    for key, value in PRAGMAS.items():
        if key != "journal_mode":
            conn.execute(f"PRAGMA {key} = {value}")
    return conn


def _replay(conn, statements) -> float:
    started = time.perf_counter()
    for sql in statements:
        conn.execute(sql).fetchall()
    return time.perf_counter() - started


def _type(widget, text: str) -> None:
    """Keys for ASCII; anything else committed at once, as a Chinese input method does."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        QTest.keyClicks(widget, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)


def _keystrokes(page, probe, sql_log, raw) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    search = page.filters.search
    emitted = []
    page.filters.changed.connect(lambda _flt: emitted.append(time.perf_counter()))
    samples, after_pause, floors = [], [], []
    by_query: dict[str, list[float]] = {q: [] for q in QUERY_MIX}
    for _ in range(KEY_REPEATS):
        for query in QUERY_MIX:
            if search.text():
                probe.arm()
                search.clear()
                page.filters.emit_filter()
                probe.wait()
            search.setFocus(Qt.FocusReason.OtherFocusReason)
            # Pinyin input commits a Chinese word at once: one "keystroke".
            head, last = ("", query) if not query.isascii() else (query[:-1], query[-1])
            if head:
                _type(search, head)
            probe.arm()
            emitted.clear()
            started = time.perf_counter()
            if last.isascii():
                QTest.keyClick(search, last)
            else:
                _type(search, last)
            ended = probe.wait()
            samples.append(ended - started)
            by_query[query].append(ended - started)
            after_pause.append(ended - (emitted[-1] if emitted else started))
            floors.append(_replay(raw, sql_log.since(started)))
    figures = {
        "gui_keystroke_ms_p50": _ms(percentile(samples, 0.5)),
        "gui_keystroke_ms_p95": _ms(percentile(samples, 0.95)),
        "gui_keystroke_after_pause_ms_p50": _ms(percentile(after_pause, 0.5)),
        "gui_keystroke_after_pause_ms_p95": _ms(percentile(after_pause, 0.95)),
        "gui_keystroke_floor_ms_p50": _ms(percentile(floors, 0.5)),
        "gui_keystroke_floor_ms_p95": _ms(percentile(floors, 0.95)),
        "gui_keystroke_ms_by_query": {q: _ms(statistics.median(v)) for q, v in by_query.items()},
        "gui_keystroke_rows_by_query": {},
    }
    for query in QUERY_MIX:  # how many each query lists, to read the figures by
        probe.arm()
        search.setText(query)
        page.filters.emit_filter()
        probe.wait()
        figures["gui_keystroke_rows_by_query"][query] = page.model.rowCount()
    probe.arm()
    search.clear()
    page.filters.emit_filter()
    probe.wait()
    return figures


def _click_header(view, column: int) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(x, header.height() // 2))


def _sorts(page, probe, sql_log, raw) -> dict:
    from lifecrm_gui.ui.client_list import COLUMN_KEYS

    figures, everything = {}, []
    for key in SORT_COLUMNS:
        column = COLUMN_KEYS.index(key)
        samples, floors = [], []
        for _ in range(SORT_REPEATS * 2):  # each click flips the order
            probe.arm()
            started = time.perf_counter()
            _click_header(page.table, column)
            ended = probe.wait()
            if page.model.sort_key()[0] != key:
                raise RuntimeError(f"clicking the {key} header did not sort by it")
            samples.append(ended - started)
            floors.append(_replay(raw, sql_log.since(started)))
        everything.extend(samples)
        figures[f"gui_sort_{key}_ms"] = _ms(statistics.median(samples))
        figures[f"gui_sort_{key}_floor_ms"] = _ms(statistics.median(floors))
    figures["gui_sort_ms_p95"] = _ms(percentile(everything, 0.95))
    figures["gui_sort_ms_max"] = _ms(max(everything))
    return figures


def _scrolling(page, probe) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view = page.table
    view.setFocus(Qt.FocusReason.OtherFocusReason)
    view.setCurrentIndex(page.model.index(0, 0))
    samples = []
    for key in [Qt.Key.Key_PageDown] * SCROLL_PAGES + [Qt.Key.Key_End, Qt.Key.Key_Home]:
        probe.arm(reset=False)
        started = time.perf_counter()
        QTest.keyClick(view, key)
        samples.append(probe.wait() - started)
    return {"gui_scroll_page_ms_p50": _ms(percentile(samples, 0.5)),
            "gui_scroll_page_ms_p95": _ms(percentile(samples, 0.95))}


def _index_ready() -> bool:
    from lifecrm_gui.services.search_index import index

    return index.ready()


def _child_session(db_path: str, as_of: str) -> None:
    """The window as app.main builds it, then keystrokes, sorts and scrolling."""
    from lifecrm_gui.store.db import open_database

    sql_log = _SqlLog()
    open_database(Path(db_path))
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from lifecrm_gui.ui import i18n
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.main_window import MainWindow
    from lifecrm_gui.ui.style import apply_style

    apply_style(app)
    i18n.apply_font(app)
    i18n.install_translators(i18n.resolve(i18n.saved_choice()))
    ctx = AppContext(Path(db_path), today=date.fromisoformat(as_of))
    window = MainWindow(ctx)
    window.show_page("clients")
    window.resize(*WINDOW_SIZE)
    page = window.clients
    probe = _paint_probe()(page)
    probe.arm()
    window.show()
    probe.wait()
    painted = time.perf_counter()
    if not _index_ready():
        from PySide6.QtCore import QEventLoop

        loop = QEventLoop()
        page.model.searchIndexReady.connect(loop.quit)
        if not _index_ready():
            loop.exec()
    raw = _raw_connection(db_path)
    figures = {"gui_listed_clients": page.model.rowCount(),
               "gui_search_index_ready_after_paint_s": round(time.perf_counter() - painted, 3)}
    figures.update(_keystrokes(page, probe, sql_log, raw))
    figures.update(_sorts(page, probe, sql_log, raw))
    figures.update(_scrolling(page, probe))
    figures["gui_cached_rows_after_scroll"] = len(page.model._rows)
    figures["gui_peak_rss_mb"] = _peak_rss_mb()
    raw.close()
    window.close()
    app.processEvents()
    print(json.dumps({"figures": figures}, ensure_ascii=False))


CHILDREN = {"startup": _child_startup, "close": _child_close, "floor": _child_floor, "session": _child_session}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--child":
        CHILDREN[argv[1]](argv[2], argv[3])
        return 0
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("as_of", nargs="?", type=date.fromisoformat, default=date(2026, 6, 30))
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.db, args.as_of, runs=args.runs), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
