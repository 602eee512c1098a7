"""kill -9 in the middle of a big write, many times: the database always passes its
integrity check and holds the whole batch or none of it."""

import random
import sqlite3
import time

from lifecrm_gui.store.db import close_database, integrity, open_database

from .processes import Child

ROUNDS = 7
BATCH = 800


def count(path, pattern: str) -> tuple[int, int]:
    """The batch's clients, and the rows written with them: their timeline entries (the
    bulk write) or their search keys (the importer)."""
    conn = sqlite3.connect(path)
    try:
        clients = conn.execute("SELECT COUNT(*) FROM client WHERE ref LIKE ?", (pattern,)).fetchone()[0]
        events = conn.execute("SELECT COUNT(*) FROM event e JOIN client c ON c.id = e.client_id "
                              "WHERE c.ref LIKE ? AND e.kind != 'stage_change'", (pattern,)).fetchone()[0]
        keys = conn.execute("SELECT COUNT(*) FROM client_search s JOIN client c ON c.id = s.client_id "
                            "WHERE c.ref LIKE ?", (pattern,)).fetchone()[0]
    finally:
        conn.close()
    return clients, events or keys


def write_csv(path, tag: str, batch: int) -> None:
    """A file of new clients; each batch has its own phone numbers (the importer refuses
    a number another client already has)."""
    lines = ["ref,name,phone,source"]
    lines += [f"{tag}-{i},导入客户{i},13{batch}{i:08d},expo" for i in range(BATCH)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_and_kill(tmp_path, db_path, make_args, rounds: int, seed: int) -> dict:
    """Time one full run's write (from "begin" to "done"), then kill `rounds` runs at
    random moments spread over that window. Returns how the rounds ended."""
    rng = random.Random(seed)
    outcome = {"killed": 0, "finished": 0, "all": 0, "none": 0}
    window = None
    for n in range(rounds + 1):
        tag = f"batch{n}"
        child = Child(*make_args(tag), home=tmp_path / "home")
        child.wait_for("begin")
        if window is None:  # the timing run writes the whole batch
            started = time.monotonic()
            child.wait_for("done")
            window = time.monotonic() - started
            assert child.finish() == 0, child.stderr()
        else:  # round n of `rounds` is killed somewhere in the n-th slice of the window
            delay = window * (n - 1 + rng.random()) / rounds
            outcome["finished" if child.finish_or_kill(delay) else "killed"] += 1
        assert integrity(db_path) == "ok"
        clients, rows = count(db_path, f"{tag}-%")
        assert (clients, rows) in ((0, 0), (BATCH, BATCH)), f"round {n}: {clients} clients, {rows} rows with them"
        outcome["all" if clients else "none"] += 1
    return outcome


def test_a_bulk_write_killed_at_random_moments_is_all_or_nothing(tmp_path):
    db_path = tmp_path / "studio.sqlite3"
    open_database(db_path)
    close_database()
    outcome = run_and_kill(tmp_path, db_path, lambda tag: ("bulk", str(db_path), str(BATCH), tag), ROUNDS, seed=6)
    assert outcome["killed"] >= 2  # rounds really were cut short
    assert outcome["none"] >= 1 and outcome["all"] >= 1


def test_an_import_killed_at_random_moments_is_all_or_nothing(tmp_path):
    db_path = tmp_path / "studio.sqlite3"
    open_database(db_path)
    close_database()

    def args(tag):
        csv = tmp_path / f"{tag}.csv"
        write_csv(csv, tag, int(tag.removeprefix("batch")))
        return "import", str(db_path), str(csv)

    outcome = run_and_kill(tmp_path, db_path, args, ROUNDS, seed=7)
    assert outcome["killed"] >= 2
    assert outcome["none"] >= 1
