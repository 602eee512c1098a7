"""Campaign speed: segment counts over a fixed mix of segments, and the Today view,
each beside the floor of the very same SQL run with raw sqlite3 in the same run.

    python bench/campaigns.py STUDIO.sqlite3 [YYYY-MM-DD]

`measure(db_path, as_of)` returns the figures in milliseconds (the median of a few
runs each). Target at 100,000 clients: every segment count and Today under 300 ms.
The database is only read (the mix does not create campaigns).
"""

import json
import sqlite3
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

RUNS = 5
SEGMENT_MIX = {
    "dormant": {"stages": ["dormant"]},
    "key_clients": {"classes": ["key"]},
    "five_stars_up": {"tiers": [4, 5, 6]},
    "family_idle_half_year": {"needs": ["family"], "idle_min": 180},
    "birthday_week": {"birthday_within": 7},
    "lunar_birthday_week": {"lunar_birthday_within": 7},
    "anniversary_fortnight": {"anniversary_within": 14},
    "child_milestone_fortnight": {"child_milestone_within": 14},
    "toddlers_from_social": {"child_age_min": 0, "child_age_max": 3, "sources": ["social"]},
    "wedding_no_maternity": {"ordered": ["wedding_portrait", "wedding_day"], "ordered_days_min": 240,
                             "ordered_days_max": 900, "never_ordered": ["maternity", "newborn"]},
    "mid_spend_vip": {"spend_min": 500_000, "spend_max": 2_000_000, "tags": ["VIP"]},
    "everyone_but_churned": {"stages": ["lead", "prospect", "new", "active", "loyal", "dormant"]},
}


def _median_ms(fn) -> float:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 1)


def _raw(db_path):
    from lifecrm_gui.store.campaign_queries import register_functions
    from lifecrm_gui.store.db import PRAGMAS

    conn = sqlite3.connect(db_path)
    for key, value in PRAGMAS.items():
        if key != "journal_mode":
            conn.execute(f"PRAGMA {key} = {value}")
    register_functions(conn)
    return conn


def measure(db_path, as_of: date) -> dict:
    from lifecrm_gui.services import segments
    from lifecrm_gui.services import today as today_service
    from lifecrm_gui.store import campaign_queries as q
    from lifecrm_gui.store.db import close_database, open_database
    from lifecrm_gui.store.models import database

    close_database()
    open_database(db_path)
    raw = _raw(db_path)
    figures = {"clients": raw.execute("SELECT COUNT(*) FROM client WHERE deleted_at IS NULL").fetchone()[0]}
    cap = segments.frequency_cap()
    slowest = 0.0
    for name, data in SEGMENT_MIX.items():
        segment = segments.parse_segment(data)
        segments.count(segment, as_of)  # warm the page cache for service and floor alike
        service = _median_ms(lambda s=segment: segments.count(s, as_of))
        sql, params = q.segment_sql(segment, as_of, cap)
        floor = _median_ms(lambda s=sql, p=params: raw.execute(s, p).fetchall())
        figures[f"segment_{name}_ms"] = service
        figures[f"segment_{name}_floor_ms"] = floor
        figures[f"segment_{name}_eligible"] = segments.count(segment, as_of).eligible
        slowest = max(slowest, service)
    figures["segment_count_max_ms"] = slowest

    # Today: the service against the statements it ran, replayed on a raw connection.
    statements = []
    conn = database.connection()
    conn.set_trace_callback(statements.append)
    today_service.today(as_of)
    conn.set_trace_callback(None)
    replay = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    figures["today_ms"] = _median_ms(lambda: today_service.today(as_of))
    figures["today_floor_ms"] = _median_ms(lambda: [raw.execute(s).fetchall() for s in replay])
    figures["today_queries"] = len(replay)
    data = today_service.today(as_of)
    figures["today_rows"] = {"tasks": len(data.tasks), "shoots": len(data.shoots), "occasions": len(data.occasions),
                             "touches": len(data.touches), "playbooks": len(data.playbooks),
                             "dormant": data.dormant_total}
    raw.close()
    close_database()
    return figures


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__)
        return 2
    as_of = date.fromisoformat(argv[1]) if len(argv) > 1 else date.today()
    print(json.dumps(measure(Path(argv[0]), as_of), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
