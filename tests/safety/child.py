"""What the safety tests run in a child process (which they may kill at any moment):
`python -m tests.safety.child COMMAND ARGS...`. Each command prints a line when it
reaches the point the test waits for, and "done" when it has finished."""

import sys
from datetime import date, datetime
from pathlib import Path

AS_OF = date(2026, 6, 30)


def say(text: str) -> None:
    print(text, flush=True)


def bulk(db_path: str, count: str, tag: str) -> None:
    """One transaction that writes `count` clients, each with a timeline entry."""
    from lifecrm_gui.store.db import open_database
    from lifecrm_gui.store.models import Client, Event, database, new_uuid

    open_database(Path(db_path))
    n = int(count)
    stamp = datetime(2026, 6, 20, 12, 0)
    with database.atomic():
        say("begin")
        for start in range(0, n, 250):
            rows = [{"uuid": new_uuid(), "ref": f"{tag}-{i}", "name": f"批量客户{i}", "phone": f"+86138{i:08d}",
                     "created_at": stamp, "updated_at": stamp} for i in range(start, min(n, start + 250))]
            Client.insert_many(rows).execute()
            ids = [cid for (cid,) in Client.select(Client.id).where(Client.ref.in_([r["ref"] for r in rows]))
                   .tuples()]
            Event.insert_many([{"uuid": new_uuid(), "client": cid, "occurred_at": stamp, "kind": "inquiry",
                                "text": tag, "is_activity": True, "created_at": stamp} for cid in ids]).execute()
        say("commit")
    say("done")


def import_csv(db_path: str, csv_path: str) -> None:
    """An import of a file of clients through the importer, all or nothing."""
    from lifecrm_gui.services.importer import import_file
    from lifecrm_gui.store.db import open_database

    open_database(Path(db_path))
    said = []

    def progress(done, total):
        if total and done / total >= 0.6 and not said:
            said.append(True)
            say("begin")  # every row checked: the write starts

    result = import_file("clients", Path(csv_path), as_of=AS_OF, progress=progress)
    if result.errors:
        say("errors " + "; ".join(str(e) for e in result.errors[:3]))
        sys.exit(3)
    say(f"done {result.written}")


def migrate(db_path: str) -> None:
    from lifecrm_gui.search_keys import readings
    from lifecrm_gui.store.db import open_database

    readings("王")  # load the pinyin tables first: the moments to kill at are the migration's own
    say("begin")
    open_database(Path(db_path))
    say("done")


def writer(db_path: str, name: str, count: str) -> None:
    """`count` clients added one at a time (one transaction each) once "go" is read."""
    from lifecrm_gui.services.clients import create_client
    from lifecrm_gui.store.db import open_database

    open_database(Path(db_path))
    say("ready")
    sys.stdin.readline()
    failures = 0
    for i in range(int(count)):
        try:
            create_client({"name": f"{name}{i}", "ref": f"{name}-{i}"}, as_of=AS_OF)
        except Exception as error:  # noqa: BLE001 - counted and reported: the test fails on any
            failures += 1
            say(f"failed {type(error).__name__}: {error}")
    say(f"done {failures}")


def steady_writer(db_path: str, count: str) -> None:
    """Transactions that each add a client and its timeline entry together, until `count`."""
    from lifecrm_gui.store.db import open_database
    from lifecrm_gui.store.models import Client, Event, database

    open_database(Path(db_path))
    stamp = datetime(2026, 6, 20, 12, 0)
    for i in range(int(count)):
        with database.atomic():
            client = Client.create(name=f"稳定{i}", created_at=stamp, updated_at=stamp)
            Event.create(client=client.id, occurred_at=stamp, kind="note", text="pair", is_activity=False)
        if i == 20:
            say("started")
    say("done")


def cli(*argv: str) -> None:
    """The `lifecrm` command line."""
    from lifecrm_gui import cli as command_line

    sys.exit(command_line.main(list(argv)))


COMMANDS = {"bulk": bulk, "import": import_csv, "migrate": migrate, "writer": writer,
            "steady-writer": steady_writer, "cli": cli}

if __name__ == "__main__":
    COMMANDS[sys.argv[1]](*sys.argv[2:])
