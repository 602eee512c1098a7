"""LifeCRM benchmarks, run on demand (never in the test suite).

    python bench/run.py --clients 100000 --json

Each figure stands beside a floor: the same work done with raw sqlite3 in the same
run, so a slow machine shows as a slow floor, not as a slow LifeCRM.
"""

import argparse
import csv
import importlib
import json
import random
import sqlite3
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

AS_OF = date(2026, 6, 30)
SEARCH_MIX = ("王", "张伟", "李娜", "zw", "wf", "lj", "chenjing", "8000", "1234", "5678", "vip")


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - started, value


def percentile(samples, share):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def open_fresh(path):
    from lifecrm_gui.store.db import close_database, open_database

    close_database()
    return open_database(path)


def bench_demo(folder: Path, clients: int, figures: dict) -> Path:
    from lifecrm_gui.services.demo import generate_demo
    from lifecrm_gui.services.recompute import recompute

    path = folder / "demo.sqlite3"
    db = open_fresh(path)
    seconds, summary = timed(generate_demo, db, clients, seed=7, as_of=AS_OF)
    figures["demo_seconds"] = round(seconds, 2)
    figures["demo_rows"] = {k: v for k, v in summary.__dict__.items()}
    figures["demo_rows_per_s"] = round(sum(summary.__dict__.values()) / seconds)

    # Floor: the same number of rows into the same tables with bare executemany.
    floor_path = folder / "floor-demo.sqlite3"
    conn = sqlite3.connect(path)
    tables = ("client", "client_search", "family_member", "orders", "event", "client_tag", "task")
    dumps = {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
    schema = [r[0] for r in conn.execute("SELECT sql FROM sqlite_master WHERE type IN ('table', 'index') "
                                         "AND sql IS NOT NULL AND name NOT LIKE 'sqlite%'")]
    conn.close()
    floor = sqlite3.connect(floor_path)
    floor.execute("PRAGMA journal_mode=wal")
    for statement in schema:
        floor.execute(statement)
    floor.execute("INSERT INTO tag (name) VALUES ('x')")
    started = time.perf_counter()
    with floor:
        for table in tables:
            rows = dumps[table]
            if rows:
                floor.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
    figures["demo_floor_insert_seconds"] = round(time.perf_counter() - started, 2)
    floor.close()
    figures["demo_history_seconds"] = round(_demo_history(path, folder / "demo-history.sqlite3"), 2)

    seconds, result = timed(recompute, AS_OF)
    figures["recompute_first_seconds"] = round(seconds, 3)
    figures["recompute_first_changed"] = result.changed
    seconds, result = timed(recompute, date(2026, 7, 31))
    figures["recompute_next_month_seconds"] = round(seconds, 3)
    figures["recompute_next_month_changed"] = result.changed
    figures["recompute_next_month_aggregated"] = result.aggregated
    seconds, result = timed(recompute, date(2026, 7, 31))
    figures["recompute_unchanged_seconds"] = round(seconds, 3)
    figures["recompute_unchanged_aggregated"] = result.aggregated
    # the same with every client's facts aggregated again, as after a deleted order
    from lifecrm_gui.services.recompute import LAST_RECOMPUTE_MARKS
    from lifecrm_gui.services.settings import delete_setting

    delete_setting(LAST_RECOMPUTE_MARKS)
    seconds, result = timed(recompute, date(2026, 7, 31))
    figures["recompute_unchanged_all_aggregated_seconds"] = round(seconds, 3)
    figures["recompute_floor_aggregates_seconds"] = round(_recompute_floor(path, date(2026, 7, 31)), 3)
    recompute(AS_OF)  # the studio as the morning's recompute leaves it, for the areas measured next
    return path


def _demo_history(path: Path, copy: Path) -> float:
    """Seconds that `lifecrm demo` spends deriving a copy of the fresh demo as a year of
    month-end recomputes would have (services.demo.derive_demo); the demo itself is left
    underived for the recompute figures."""
    from lifecrm_gui.services.demo import derive_demo
    from lifecrm_gui.store.db import close_database, open_database

    _copy(path, copy)
    close_database()
    open_database(copy)
    seconds, _result = timed(derive_demo, AS_OF)
    close_database()
    open_database(path)
    return seconds


def _recompute_floor(path: Path, as_of: date) -> float:
    """The reads a whole-studio recompute does (the clients' facts and stored derivation,
    the order and the activity aggregates), one after another with raw sqlite3: what is
    left is the rules, the comparison and the writes."""
    from lifecrm_gui.store import studio_facts

    conn = sqlite3.connect(path)
    params = ((as_of - timedelta(days=365)).isoformat(), (as_of + timedelta(days=1)).isoformat())
    started = time.perf_counter()
    conn.execute(studio_facts.CLIENTS_COLUMNS_SQL).fetchall()
    conn.execute(studio_facts.ORDERS_SQL, params).fetchall()
    conn.execute(studio_facts.ACTIVITY_SQL, params).fetchall()
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def bench_search(path: Path, figures: dict) -> None:
    """The search box's queries through the index in memory (the window's path, after
    its build), through SQL (the command line's path), and the bare SQL scan."""
    from lifecrm_gui.search_keys import normalise_query
    from lifecrm_gui.services import search_index
    from lifecrm_gui.services.search import ClientFilter, fetch_rows, search_ids, warm_up

    open_fresh(path)
    search_ids(ClientFilter(query="warm-up"))
    figures["search_index_build_s"] = round(timed(warm_up)[0], 3)
    ours, sql, floor = [], [], []
    conn = sqlite3.connect(path)
    for _ in range(5):
        for query in SEARCH_MIX:
            started = time.perf_counter()
            ids = search_ids(ClientFilter(query=query))
            fetch_rows(ids[:60])
            ours.append((time.perf_counter() - started) * 1000)
            built, search_index.index._database = search_index.index._database, None
            started = time.perf_counter()
            assert search_ids(ClientFilter(query=query)) == ids, query
            sql.append((time.perf_counter() - started) * 1000)
            search_index.index._database = built
            started = time.perf_counter()
            # The floor: the bare scan of the search keys and the sort, nothing else.
            found = [r[0] for r in conn.execute(
                "SELECT client_id FROM client_search WHERE instr(text, ?) > 0 ORDER BY +sort_key",
                (normalise_query(query),))]
            conn.execute(f"SELECT * FROM client WHERE id IN ({','.join('?' * len(found[:60]))})",
                         found[:60]).fetchall()
            floor.append((time.perf_counter() - started) * 1000)
    conn.close()
    figures["search_ms_p50"] = round(percentile(ours, 0.5), 2)
    figures["search_ms_p95"] = round(percentile(ours, 0.95), 2)
    figures["search_sql_ms_p50"] = round(percentile(sql, 0.5), 2)
    figures["search_sql_ms_p95"] = round(percentile(sql, 0.95), 2)
    figures["search_floor_ms_p50"] = round(percentile(floor, 0.5), 2)
    figures["search_floor_ms_p95"] = round(percentile(floor, 0.95), 2)


def bench_import(folder: Path, source: Path, figures: dict) -> None:
    from lifecrm_gui.services.exporter import export_file
    from lifecrm_gui.services.importer import import_file
    from lifecrm_gui.store.db import open_database

    open_fresh(source)
    clients_csv, orders_csv = folder / "clients.csv", folder / "orders.csv"
    export_file("clients", clients_csv)
    export_file("orders", orders_csv)
    target = folder / "imported.sqlite3"
    open_fresh(target)
    for kind, path in (("clients", clients_csv), ("orders", orders_csv)):
        before = _copy(target, folder / f"before-{kind}.sqlite3")
        seconds, result = timed(import_file, kind, path, as_of=AS_OF)
        assert not result.errors, result.errors[:5]
        figures[f"import_{kind}_rows"] = result.written
        figures[f"import_{kind}_rows_per_s"] = round(result.written / seconds)
        figures[f"import_{kind}_recompute_seconds"] = round(result.recompute_seconds, 2)
        figures[f"import_{kind}_rest_seconds"] = round(seconds - result.recompute_seconds, 2)
        written = _sql_writes_floor(before, kind, path)
        figures[f"import_{kind}_sql_writes_seconds"] = round(written, 2)
        figures[f"import_{kind}_sql_writes_rows_per_s"] = round(result.written / written)
        open_database(target)
    figures.update(_import_floor(folder, clients_csv, orders_csv))


def _sql_writes_floor(before: Path, kind: str, path: Path) -> float:
    """The same import again, on a copy of the database as it was before, its writes
    recorded; then those writes alone, replayed by raw sqlite3 on another copy."""
    from lifecrm_gui.services.importer import import_file
    from lifecrm_gui.store.db import close_database, open_database

    pristine = _copy(before, before.with_name(f"{before.stem}-replayed.sqlite3"))
    close_database()
    open_database(before)
    with _recorded_writes() as writes:
        import_file(kind, path, as_of=AS_OF)
    close_database()
    return _replay(pristine, writes)


def _copy(path: Path, copy: Path) -> Path:
    source, target = sqlite3.connect(path), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    return copy


class _Recorder:
    """A connection that keeps every write it is asked for, (method, sql, arguments), in order."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "DROP", "CREATE", "PRAGMA DEFER")

    def __init__(self, conn, log: list):
        self._conn, self._log = conn, log

    def execute(self, sql, params=()):
        if sql.lstrip().upper().startswith(self.WRITES):
            self._log.append(("execute", sql, params))
        return self._conn.execute(sql, params)

    def executemany(self, sql, rows):
        rows = list(rows)
        self._log.append(("executemany", sql, rows))
        return self._conn.executemany(sql, rows)

    def __getattr__(self, name):
        return getattr(self._conn, name)


@contextmanager
def _recorded_writes():
    """The SQL an import writes through the store (store.bulk, store.queries,
    store.studio_facts), kept for _replay."""
    from lifecrm_gui.store import bulk, queries, studio_facts
    from lifecrm_gui.store.models import database

    log: list = []
    modules = (bulk, queries, studio_facts)
    kept = [module._conn for module in modules]
    for module in modules:
        module._conn = lambda: _Recorder(database.connection(), log)
    try:
        yield log
    finally:
        for module, conn in zip(modules, kept):
            module._conn = conn


def _replay(path: Path, writes: list) -> float:
    """Seconds for raw sqlite3 to do an import's writes again, every row made beforehand,
    on a copy of the database as it was before the import, in one transaction with the
    application's settings: the floor of the SQLite work alone (inserts, index builds,
    the derived columns and stage changes written, the commit)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON", "cache_size = -32000",
                   "temp_store = 2"):
        conn.execute(f"PRAGMA {pragma}")
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for method, sql, arguments in writes:
        getattr(conn, method)(sql, arguments)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def _import_floor(folder: Path, clients_csv: Path, orders_csv: Path) -> dict:
    """Read the same CSV files with csv.reader and insert every cell of every row with bare
    executemany into tables of as many columns, without indexes: the same rows, minus
    the checks, the UUIDs, the indexes, the search keys and the re-derivation."""
    conn = sqlite3.connect(folder / "floor-import.sqlite3")
    conn.execute("PRAGMA journal_mode = WAL")  # as the application's database
    conn.execute("PRAGMA synchronous = FULL")
    out = {}
    for name, path in (("clients", clients_csv), ("orders", orders_csv)):
        started = time.perf_counter()
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            width = len(next(reader))
            rows = [tuple((row + [""] * width)[:width]) for row in reader]
        columns = ", ".join(f"c{i}" for i in range(width))
        conn.execute(f"CREATE TABLE floor_{name} (id INTEGER PRIMARY KEY, {columns})")
        with conn:
            conn.executemany(f"INSERT INTO floor_{name} ({columns}) VALUES ({','.join('?' * width)})", rows)
        out[f"import_{name}_floor_rows_per_s"] = round(len(rows) / (time.perf_counter() - started))
    conn.close()
    return out


def bench_area(module: str, path: Path, figures: dict) -> None:
    """The figures another area measures itself (bench/<area>.py: measure(db_path, as_of))."""
    try:
        area = importlib.import_module(module)
    except ImportError:
        return
    try:
        figures.update(area.measure(path, AS_OF))
    except Exception as error:  # noqa: BLE001 - one area failing leaves the others' figures standing
        figures[f"{module}_error"] = f"{type(error).__name__}: {error}"[:500]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--only", nargs="*", default=(), help="core, import, gui, campaigns, dashboard, startup")
    args = parser.parse_args(argv)
    random.seed(1)
    figures = {"clients": args.clients, "as_of": AS_OF.isoformat()}
    wanted = set(args.only) or {"core", "import", "gui", "campaigns", "dashboard", "startup"}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = bench_demo(folder, args.clients, figures)
        bench_search(path, figures)
        if "import" in wanted:
            bench_import(folder, path, figures)
        from lifecrm_gui.store.db import close_database
        close_database()
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        for area in ("gui", "campaigns", "dashboard", "startup"):
            if area in wanted:
                bench_area(area if area != "gui" else "gui_bench", path, figures)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key:40} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
