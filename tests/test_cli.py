"""The command line end to end, as a person runs it."""

import json
import subprocess
import sys
from datetime import date


def run(*args, db):
    done = subprocess.run([sys.executable, "-m", "lifecrm_gui", *args, "--db", str(db)], capture_output=True,
                          text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_demo_search_show_stats_recompute_check_backup(tmp_path):
    db = tmp_path / "studio.sqlite3"
    code, out, _ = run("demo", "--clients", "150", "--seed", "3", "--as-of", "2026-06-30", "--json", db=db)
    assert code == 0 and json.loads(out)["clients"] == 150
    code, out, _ = run("demo", "--clients", "150", "--json", db=db)
    assert code == 0 and json.loads(out)["skipped"] is True

    code, out, _ = run("stats", "--as-of", "2026-06-30", "--json", db=db)
    stats = json.loads(out)
    assert stats["clients"] == 150 and sum(stats["by_stage"].values()) == 150
    assert stats["revenue"] > 0

    code, out, _ = run("search", "138", "--json", "--limit", "5", db=db)
    assert code == 0
    hits = json.loads(out)
    assert hits and all("138" in hit["phone"] for hit in hits)

    code, out, _ = run("show", str(hits[0]["id"]), "--as-of", "2026-06-30", db=db)
    assert code == 0 and hits[0]["name"] in out and "stage" in out and "lifetime value" in out

    code, out, _ = run("recompute", "--as-of", "2026-06-30", "--json", db=db)
    assert code == 0 and json.loads(out)["changed"] == 0
    assert json.loads(out)["facts_aggregated"] == 0  # nothing was written since the demo's recompute
    code, out, _ = run("recompute", "--as-of", "2026-07-01", db=db)
    assert code == 0 and "150 clients recomputed as of 2026-07-01" in out and "kept for the others" in out

    code, out, _ = run("check", "--json", db=db)
    assert code == 0 and json.loads(out)["integrity"] == "ok"

    code, out, _ = run("backup", str(tmp_path / "copy.sqlite3"), "--json", db=db)
    assert code == 0 and json.loads(out)["verified"] is True


def test_unknown_client_is_a_clear_error(tmp_path):
    code, _, err = run("show", "nobody-at-all", db=tmp_path / "s.sqlite3")
    assert code == 2 and "no client matches" in err


def test_import_dry_run_says_what_it_would_write_and_writes_nothing(tmp_path):
    db = tmp_path / "s.sqlite3"
    sheet = tmp_path / "clients.csv"
    sheet.write_text("姓名,手机\n王芳,13800138000\n李娜,13900139000\n", encoding="utf-8-sig")
    code, out, _ = run("import", "clients", str(sheet), "--dry-run", db=db)
    assert code == 0 and "would import 2 clients" in out
    code, out, _ = run("stats", "--json", db=db)
    assert json.loads(out)["clients"] == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,手机\n王芳,12345\n", encoding="utf-8-sig")
    code, out, _ = run("import", "clients", str(bad), db=db)
    assert code == 1 and "line 2" in out and "12345" in out


def test_db_given_before_the_command_is_the_one_used(tmp_path):
    """`lifecrm --db X stats` works on X, never on the default database."""
    from lifecrm_gui.cli import build_parser

    parser = build_parser()
    for argv in (["--db", "X", "stats"], ["stats", "--db", "X"], ["--db", "Y", "stats", "--db", "X"],
                 ["--db", "X", "campaigns", "list"], ["--db", "X", "today"], ["--db", "X", "import", "clients", "f"]):
        assert parser.parse_args(argv).db == "X", argv
    assert parser.parse_args(["stats"]).db is None
    db = tmp_path / "laptop.sqlite3"
    done = subprocess.run([sys.executable, "-m", "lifecrm_gui", "--db", str(db), "demo", "--clients", "20", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout)["clients"] == 20 and db.exists()


def test_a_command_closes_cleanly_so_the_next_start_need_not_check_the_file(tmp_path):
    from lifecrm_gui import paths
    from lifecrm_gui.services import clean_close

    db = tmp_path / "studio.sqlite3"
    assert run("demo", "--clients", "30", db=db)[0] == 0  # a new file: nothing to check
    assert clean_close.check_needed(db, date.today())
    assert run("stats", db=db)[0] == 0  # checked, then closed cleanly
    assert not clean_close.check_needed(db, date.today())
    assert (paths.data_dir() / "clean-close.json").exists()
